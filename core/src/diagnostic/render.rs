//! Renderers of diagnostics: plain text for terminals, JSON (with line/column and UTF-16 offsets)
//! for `relplay check --format json` and for the editor.

use super::{Diagnostic, Fix};
use crate::line_index::{LineColumn, LineIndex};
use serde::Serialize;

/// A diagnostic with positions resolved against its source text.
#[derive(Debug, Clone, Serialize)]
pub struct LocatedDiagnostic<'a> {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    /// Byte offsets.
    pub start: u32,
    pub end: u32,
    /// UTF-16 offsets, as JavaScript and CodeMirror count.
    pub from: usize,
    pub to: usize,
    pub start_position: LineColumn,
    pub end_position: LineColumn,
    pub labels: Vec<LocatedLabel<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<LocatedFix<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocatedLabel<'a> {
    pub message: &'a str,
    pub from: usize,
    pub to: usize,
    pub start_position: LineColumn,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocatedFix<'a> {
    pub title: &'a str,
    /// Edits with UTF-16 offsets into the original text.
    pub edits: Vec<LocatedEdit<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocatedEdit<'a> {
    pub from: usize,
    pub to: usize,
    pub insert: &'a str,
}

/// Resolves every diagnostic's positions against `text`.
pub fn locate<'a>(text: &str, diagnostics: &'a [Diagnostic]) -> Vec<LocatedDiagnostic<'a>> {
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| LocatedDiagnostic {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: &d.message,
            start: d.span.start,
            end: d.span.end,
            from: index.utf16_offset(d.span.start()),
            to: index.utf16_offset(d.span.end()),
            start_position: index.line_column(d.span.start()),
            end_position: index.line_column(d.span.end()),
            labels: d
                .labels
                .iter()
                .map(|l| LocatedLabel {
                    message: &l.message,
                    from: index.utf16_offset(l.span.start()),
                    to: index.utf16_offset(l.span.end()),
                    start_position: index.line_column(l.span.start()),
                })
                .collect(),
            fix: d.fix.as_ref().map(|fix| LocatedFix::of(fix, &index)),
        })
        .collect()
}

impl<'a> LocatedFix<'a> {
    fn of(fix: &'a Fix, index: &LineIndex) -> LocatedFix<'a> {
        LocatedFix {
            title: &fix.title,
            edits: fix
                .edits
                .iter()
                .map(|e| LocatedEdit { from: index.utf16_offset(e.span.start()), to: index.utf16_offset(e.span.end()), insert: &e.insert })
                .collect(),
        }
    }
}

/// A hover ([`crate::hover::Hover`]) with UTF-16 offsets, for the editor.
#[derive(Debug, Clone, Serialize)]
pub struct LocatedHover<'a> {
    pub from: usize,
    pub to: usize,
    pub title: &'a str,
    pub lines: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<LocatedFix<'a>>,
}

/// Resolves a hover's positions against `text`.
pub fn locate_hover<'a>(text: &str, hover: &'a crate::hover::Hover) -> LocatedHover<'a> {
    let index = LineIndex::new(text);
    LocatedHover {
        from: index.utf16_offset(hover.span.start()),
        to: index.utf16_offset(hover.span.end()),
        title: &hover.title,
        lines: &hover.lines,
        fix: hover.fix.as_ref().map(|fix| LocatedFix::of(fix, &index)),
    }
}

/// The diagnostics as text for a terminal: `file:line:col: severity[code]: message`, then the
/// source line with a caret under the span.
pub fn to_text(file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    to_text_in_files(text, diagnostics, |path| path.unwrap_or(file_name).to_string())
}

/// Plain text for a source of several files ([`crate::syntax::files`]): each diagnostic is
/// reported at its file (named by `file_name`, given the file's path) and its line in that file.
pub fn to_text_in_files(text: &str, diagnostics: &[Diagnostic], file_name: impl Fn(Option<&str>) -> String) -> String {
    let index = LineIndex::new(text);
    let sections = crate::syntax::files::file_sections(text);
    // Where a position is in its own file: its file's name and the line its code starts on.
    let place = |offset: usize| -> (String, u32) {
        match crate::syntax::files::file_at(&sections, offset).filter(|s| s.path.is_some()) {
            Some(section) => (file_name(section.path.as_deref()), index.line_column(section.span.start()).line - 1),
            None => (file_name(None), 0),
        }
    };
    let mut out = String::new();
    for d in diagnostics {
        let start = index.line_column(d.span.start());
        let (name, lines_before) = place(d.span.start());
        out.push_str(&format!(
            "{name}:{}:{}: {}[{}]: {}\n",
            start.line - lines_before,
            start.column,
            d.severity.as_str(),
            d.code,
            d.message
        ));
        let line = index.line_text(start.line);
        let end = index.line_column(d.span.end());
        let width = if end.line == start.line { (end.column - start.column).max(1) } else { 1 };
        out.push_str(&format!("  {line}\n  {}{}\n", " ".repeat(start.column as usize - 1), "^".repeat(width as usize)));
        for label in &d.labels {
            let at = index.line_column(label.span.start());
            let (label_file, label_lines_before) = place(label.span.start());
            out.push_str(&format!("  note: {} ({label_file}:{}:{})\n", label.message, at.line - label_lines_before, at.column));
        }
        if let Some(fix) = &d.fix {
            out.push_str(&format!("  fix: {}\n", fix.title));
        }
    }
    out
}
