//! The one diagnostic model of the core.
//!
//! Every stage (parsing, lowering, validation, generation) reports problems as [`Diagnostic`]s:
//! a stable code, a severity, a primary byte span, a message, optional secondary labels and an
//! optional fix made of text edits. Messages are built in [`catalog`] only, so their wording stays
//! consistent and reviewable in one place. Renderers for the terminal and JSON live in
//! [`render`]; the editor gets the same data as JSON with UTF-16 offsets.

pub mod catalog;
mod codes;
pub mod render;
pub mod rule_docs;

pub use codes::Code;

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How bad a diagnostic is. `Error` makes `relplay check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A secondary place that helps explain a diagnostic ("the other side is here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One replacement of the text in `span` by `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdit {
    pub span: Span,
    pub insert: String,
}

/// A fix the editor or `relplay check --fix` can apply: a title and its edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

/// A problem found in a source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable identifier such as `P003` (syntax), `N001` (names and types) or `R002` (relations).
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { code, severity: Severity::Error, span, message: message.into(), labels: Vec::new(), fix: None }
    }

    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, span, message) }
    }

    pub fn info(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Info, ..Diagnostic::error(code, span, message) }
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label { span, message: message.into() });
        self
    }

    pub fn with_fix(mut self, title: impl Into<String>, edits: Vec<TextEdit>) -> Diagnostic {
        self.fix = Some(Fix { title: title.into(), edits });
        self
    }

    /// The diagnostic with `fix`, where the source language has one.
    pub fn fixed_by(mut self, fix: Option<Fix>) -> Diagnostic {
        self.fix = fix;
        self
    }
}

/// Whether any diagnostic in the list is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Applies every diagnostic's fix to `text` and returns the new text and the number of fixes
/// applied. A fix whose edits overlap an earlier fix's is left out (run again to apply it).
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
    let mut taken: Vec<&TextEdit> = Vec::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        let overlaps =
            |a: &TextEdit, b: &TextEdit| a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start == b.span.start);
        let in_bounds = fix
            .edits
            .iter()
            .all(|e| e.span.end() <= text.len() && text.is_char_boundary(e.span.start()) && text.is_char_boundary(e.span.end()));
        if !in_bounds || fix.edits.iter().any(|e| taken.iter().any(|t| overlaps(e, t))) {
            continue;
        }
        taken.extend(&fix.edits);
        applied += 1;
    }
    taken.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
    let mut fixed = text.to_string();
    for edit in taken {
        fixed.replace_range(edit.span.start()..edit.span.end(), &edit.insert);
    }
    (fixed, applied)
}
