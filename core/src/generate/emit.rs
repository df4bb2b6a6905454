//! What every generator writes with: an [`Emitter`] is the output text together with the
//! anchors of the schema items it shows and the `G…` warnings about what the target cannot
//! express; [`Member`]s are the lines of a model or class, put back in the order the source
//! declared them; [`DocStyle`] writes documentation in the target's comment syntax.
//!
//! An anchor covers what was written for its item without the whitespace around it, so a
//! generator marks where an item starts and the emitter decides where its text really begins and
//! ends.

use super::{Anchor, Generated, SchemaItem};
use crate::diagnostic::{catalog, Diagnostic};
use crate::span::Span;

/// Output text being written, with its anchors and warnings.
#[derive(Debug, Default)]
pub struct Emitter {
    text: String,
    anchors: Vec<Anchor>,
    diagnostics: Vec<Diagnostic>,
}

impl std::fmt::Write for Emitter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

impl Emitter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push_str(&mut self, text: &str) {
        self.text.push_str(text);
    }

    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }

    /// The byte length written so far: where the next item starts.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Records that what was written from `start` to here shows `item`. Nothing is recorded if
    /// only whitespace was written.
    pub fn anchor_from(&mut self, item: SchemaItem, start: usize) {
        self.anchor_range(item, start, self.text.len());
    }

    /// Records that `start..end` of the text written so far shows `item`, trimmed of whitespace.
    pub fn anchor_range(&mut self, item: SchemaItem, start: usize, end: usize) {
        let written = &self.text[start..end];
        let trimmed = written.trim();
        if trimmed.is_empty() {
            return;
        }
        let from = start + (written.len() - written.trim_start().len());
        self.anchors.push(Anchor { item, span: Span::new(from, from + trimmed.len()) });
    }

    /// Writes what `write` writes and anchors it to `item`.
    pub fn anchored(&mut self, item: SchemaItem, write: impl FnOnce(&mut Self)) {
        let start = self.len();
        write(self);
        self.anchor_from(item, start);
    }

    /// Writes `documentation`, if there is any, as comment lines at `indent`.
    pub fn doc(&mut self, style: DocStyle, documentation: Option<&str>, indent: &str) {
        style.write(&mut self.text, documentation, indent);
    }

    /// Writes the source's comments on `target` ([`crate::ir::comments`]) as line comments.
    pub fn comments(&mut self, schema: &crate::ir::Schema, target: crate::ir::CommentTarget, marker: &str, indent: &str) {
        write_comments(&mut self.text, schema, target, marker, indent);
    }

    /// For a MongoDB schema, says in a comment (lines starting `prefix`) and a warning that the
    /// output is the relational form of a document database's models, and what does not carry.
    pub fn document_database_note(&mut self, schema: &crate::ir::Schema, target: &str, prefix: &str) {
        if let Some((text, diagnostic)) = document_database_note(schema, target, prefix) {
            self.push_str(&text);
            self.diagnostics.push(diagnostic);
        }
    }

    /// The warning of [`Emitter::document_database_note`] alone, where the note is in a header
    /// written apart.
    pub fn warn_document_database(&mut self, schema: &crate::ir::Schema, target: &str) {
        if let Some((_, diagnostic)) = document_database_note(schema, target, "//") {
            self.diagnostics.push(diagnostic);
        }
    }

    /// For a schema with database schemas of its own, says in a comment (lines starting `prefix`)
    /// and a warning that this output puts every table in the default schema.
    pub fn database_schemas_note(&mut self, schema: &crate::ir::Schema, target: &str, prefix: &str) {
        for (text, diagnostic) in [database_schemas_note(schema, target, prefix), views_note(schema, target, prefix)].into_iter().flatten()
        {
            self.push_str(&text);
            self.diagnostics.push(diagnostic);
        }
    }

    /// The warning of [`Emitter::database_schemas_note`] alone, where the note is in a header
    /// written apart.
    pub fn warn_database_schemas(&mut self, schema: &crate::ir::Schema, target: &str) {
        for (_, diagnostic) in [database_schemas_note(schema, target, "//"), views_note(schema, target, "//")].into_iter().flatten() {
            self.diagnostics.push(diagnostic);
        }
    }

    /// Warns that `target` cannot express `what` (written at `span` of the source).
    pub fn cannot_express(&mut self, span: Span, target: &str, what: &str) {
        self.diagnostics.push(catalog::target_cannot_express(span, target, what));
    }

    /// Writes `members` in the order the source declared them, `separator` between two, each
    /// that shows a relation anchored to it.
    pub fn members(&mut self, mut members: Vec<Member>, separator: &str) {
        members.sort_by_key(|m| m.position);
        for (i, member) in members.into_iter().enumerate() {
            if i > 0 {
                self.push_str(separator);
            }
            let start = self.len();
            self.push_str(&member.text);
            if let Some(relation) = member.relation {
                self.anchor_from(SchemaItem::Relation(relation), start);
            }
        }
    }

    /// Writes another emitter's text here, keeping its anchors and warnings.
    pub fn append(&mut self, other: Emitter) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.anchors.extend(
            other.anchors.into_iter().map(|a| Anchor { item: a.item, span: Span::new(a.span.start() + base, a.span.end() + base) }),
        );
        self.diagnostics.extend(other.diagnostics);
    }

    /// Renames every anchored item, for a generator that wrote a rewritten schema.
    pub fn map_items(&mut self, rename: impl Fn(SchemaItem) -> SchemaItem) {
        for anchor in &mut self.anchors {
            anchor.item = rename(anchor.item);
        }
    }

    /// The text, the warnings and the anchors, and nothing more to write.
    pub fn finish(self) -> Generated {
        Generated { text: self.text, diagnostics: self.diagnostics, anchors: self.anchors }
    }

    /// The text and anchors without the warnings, which the caller takes separately.
    pub fn into_parts(self) -> (String, Vec<Anchor>, Vec<Diagnostic>) {
        (self.text, self.anchors, self.diagnostics)
    }
}

/// One member of a model or class (a column, a relation property), written but not yet placed.
#[derive(Debug)]
pub struct Member {
    /// Where the source declared it; members are written in this order.
    pub position: u32,
    pub text: String,
    /// The relation this member shows, for its anchor.
    pub relation: Option<usize>,
}

/// Writes the lines of the source's comments on `target` into `out`, each as `{indent}{marker} line`
/// (`marker`: the target's line comment, `//` or `--`).
pub fn write_comments(out: &mut String, schema: &crate::ir::Schema, target: crate::ir::CommentTarget, marker: &str, indent: &str) {
    for line in schema.comments_on(target) {
        out.push_str(indent);
        out.push_str(marker);
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// The source's header comments, first in the output (before relplay's own header), then a blank
/// line, which keeps them the header when the output is read again.
pub fn source_header(out: &mut Emitter, schema: &crate::ir::Schema, marker: &str) {
    if schema.comments_on(crate::ir::CommentTarget::Schema).next().is_some() {
        out.comments(schema, crate::ir::CommentTarget::Schema, marker, "");
        out.push('\n');
    }
}

/// How a target writes documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStyle {
    /// Prisma's `/// line` documentation comments.
    TripleSlash,
    /// A JSDoc block, `/** … */`, which editors show on hover.
    JsDoc,
    /// Plain `// line` comments.
    LineComment,
}

impl DocStyle {
    /// Writes `documentation` into `out` at `indent`; nothing when it is absent or blank (a blank
    /// Prisma documentation line is kept, since Prisma keeps it).
    pub fn write(self, out: &mut String, documentation: Option<&str>, indent: &str) {
        use std::fmt::Write;
        let Some(doc) = documentation else { return };
        match self {
            DocStyle::TripleSlash => {
                for line in doc.lines() {
                    let _ = writeln!(out, "{indent}/// {line}");
                }
            }
            DocStyle::JsDoc if doc.trim().is_empty() => {}
            DocStyle::JsDoc => {
                let _ = writeln!(out, "{indent}/**");
                for line in doc.lines() {
                    let _ = writeln!(out, "{indent} * {}", line.replace("*/", "* /"));
                }
                let _ = writeln!(out, "{indent} */");
            }
            DocStyle::LineComment => {
                for line in doc.lines() {
                    let _ = writeln!(out, "{indent}// {line}");
                }
            }
        }
    }
}

/// The note [`Emitter::document_database_note`] writes, for generators that build their header
/// apart: the comment text and its warning, for a MongoDB schema only.
pub fn document_database_note(schema: &crate::ir::Schema, target: &str, prefix: &str) -> Option<(String, crate::diagnostic::Diagnostic)> {
    if schema.provider != Some(crate::ir::Provider::Mongodb) {
        return None;
    }
    let id_lists = schema.relations.iter().filter(|r| r.id_lists.is_some()).count();
    let embedded = match schema.embedded_fields.iter().filter(|f| schema.entities.iter().any(|e| e.name == f.owner)).count() {
        0 => String::new(),
        count => format!(", {count} here, left out with their indexes"),
    };
    // A model whose `_id` is an embedded document (`id Tracking @id @map("_id")`) has no key here.
    let document_ids: Vec<String> = schema.embedded_fields.iter().filter(|f| f.is_id()).map(|f| format!("`{}`", f.owner)).collect();
    let keyless = match document_ids.len() {
        0 => String::new(),
        _ => format!(
            "; the `_id` of {} is an embedded document, so its table has no key",
            crate::options::one_of(&document_ids.iter().map(String::as_str).collect::<Vec<_>>())
        ),
    };
    let what = format!(
        "a MongoDB schema as it is: this is the relational form of its models (each collection a table, `_id` its key); MongoDB's ObjectIds (`auto()`), its many-to-many id lists ({id_lists} here, left out) and embedded documents (composite types{embedded}) have no counterpart{keyless}"
    );
    let text = format!("{prefix} relplay: this schema is for MongoDB, a document database. {target} cannot express {what}.\n");
    let span = schema.entities.first().map_or_else(crate::span::Span::default, |e| e.span);
    Some((text, catalog::target_cannot_express(span, target, &what)))
}

/// For a schema whose tables are in database schemas of their own (Prisma's `@@schema`), the
/// comment and warning that this output, unlike relplay's Prisma, puts them all in the
/// database's default schema. (A document database's schema has no database schemas.)
pub fn database_schemas_note(schema: &crate::ir::Schema, target: &str, prefix: &str) -> Option<(String, crate::diagnostic::Diagnostic)> {
    let placed = schema.entities.iter().find(|e| e.database_schema.is_some())?;
    let names = schema.database_schemas.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
    let text =
        format!("{prefix} relplay: the source puts its tables in the database schemas {names}; here they are all in the default schema.\n");
    Some((text, catalog::database_schemas_not_written(placed.name_span, target, &names)))
}

/// For a schema with views, the comment and warning that this output leaves them out: a view is
/// its query, which a Prisma schema does not hold.
pub fn views_note(schema: &crate::ir::Schema, target: &str, prefix: &str) -> Option<(String, crate::diagnostic::Diagnostic)> {
    let first = schema.views.first()?;
    let names = schema.views.iter().map(|v| format!("`{}`", v.name)).collect::<Vec<_>>().join(", ");
    let what = format!("the views {names}, which are left out: a view is made by its query, which the schema does not hold");
    let text =
        format!("{prefix} relplay: the views {names} are left out here; a view is made by its query, which the schema does not hold.\n");
    Some((text, catalog::target_cannot_express(first.name_span, target, &what)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_leave_out_surrounding_whitespace() {
        let mut out = Emitter::new();
        out.push_str("head\n");
        out.anchored(SchemaItem::Entity(0), |out| out.push_str("\n  model A {}\n"));
        out.anchored(SchemaItem::Entity(1), |out| out.push_str("\n\n"));
        let generated = out.finish();
        let span = generated.anchor_of(SchemaItem::Entity(0)).expect("anchored");
        assert_eq!(&generated.text[span.start()..span.end()], "model A {}");
        assert_eq!(generated.anchor_of(SchemaItem::Entity(1)), None);
    }

    #[test]
    fn members_come_out_in_source_order() {
        let mut out = Emitter::new();
        let member = |position, text: &str, relation| Member { position, text: text.into(), relation };
        out.members(vec![member(2, "b\n", Some(0)), member(1, "a\n", None)], "\n");
        let generated = out.finish();
        assert_eq!(generated.text, "a\n\nb\n");
        assert_eq!(generated.anchor_of(SchemaItem::Relation(0)).map(|s| (s.start(), s.end())), Some((3, 4)));
    }

    #[test]
    fn doc_styles() {
        let mut out = String::new();
        DocStyle::JsDoc.write(&mut out, Some("ends */ here"), "  ");
        DocStyle::TripleSlash.write(&mut out, Some("one\ntwo"), "");
        DocStyle::LineComment.write(&mut out, Some("x"), "  ");
        DocStyle::JsDoc.write(&mut out, Some("  "), "");
        assert_eq!(out, "  /**\n   * ends * / here\n   */\n/// one\n/// two\n  // x\n");
    }
}
