//! SQL DDL as a source language: its words in messages, and the rules that are Prisma's alone.
//!
//! A table read from SQL is what the database accepts; rules that only Prisma (or an ORM)
//! imposes become warnings (a table with no unique criterion, which most ORMs cannot map) or do
//! not apply (constraint names Prisma cannot carry). Fixes are written in SQL.

use super::{ActionEvent, SourceProfile};
use crate::diagnostic::{Code, Fix, Severity, TextEdit};
use crate::dialect::SqlDialect;
use crate::ir::{Entity, FieldType, ReferentialAction};
use crate::span::Span;

/// How SQL scripts in one dialect are validated and fixed.
pub struct SqlProfile(pub SqlDialect);

impl SourceProfile for SqlProfile {
    fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        match code {
            // The database accepts such a table (partitions, logs); Prisma and most ORMs cannot map it.
            Code::N030 => Some(Severity::Warning),
            // PostgreSQL and SQLite take a key whose type differs from the referenced column's
            // (an `integer` referencing a `bigint`, as OpenStreetMap's schema does); MySQL and
            // Prisma do not, which the outputs for them say.
            Code::R020 => Some(Severity::Warning),
            // Prisma's own limits on naming constraints: SQL may name them.
            Code::R030 | Code::R031 | Code::R034 => None,
            // Their ORM or the database takes such a key; the action fails when it runs.
            Code::R032 => Some(Severity::Warning),
            _ => Some(default),
        }
    }

    fn type_name(&self, field_type: &FieldType) -> String {
        match field_type {
            FieldType::Int => "an integer".into(),
            FieldType::BigInt => "a big integer".into(),
            FieldType::Float => "a floating-point number".into(),
            FieldType::Decimal => "a decimal".into(),
            FieldType::String => "text".into(),
            FieldType::Boolean => "a boolean".into(),
            FieldType::DateTime => "a timestamp".into(),
            FieldType::Json => "JSON".into(),
            FieldType::Bytes => "binary".into(),
            FieldType::Enum(name) => format!("the enum `{name}`"),
            FieldType::Unsupported(text) => format!("`{text}`"),
        }
    }

    fn action_name(&self, action: ReferentialAction) -> String {
        action.sql().to_string()
    }

    fn action_clause(&self, event: ActionEvent, action: ReferentialAction) -> String {
        let event = match event {
            ActionEvent::Delete => "ON DELETE",
            ActionEvent::Update => "ON UPDATE",
        };
        format!("{event} {}", action.sql())
    }

    fn references_word(&self) -> &'static str {
        "`REFERENCES`"
    }

    fn unique_remedy(&self, entity: &str, fields: &[String]) -> String {
        format!("add `UNIQUE ({})` to table `{entity}`", fields.join(", "))
    }

    fn entity_word(&self) -> &'static str {
        "table"
    }

    /// `UNIQUE (…)` as a new element after the table's last one the reader placed (a column or a
    /// constraint; a `CHECK` after it stays valid after a comma). None where the reader placed
    /// nothing inside the table's parentheses.
    fn make_unique(&self, entity: &Entity, fields: &[String]) -> Option<Fix> {
        if fields.is_empty() {
            return None;
        }
        // Quoted only where the name needs it (PostgreSQL folds unquoted names to lower case).
        let name = |field: &String| {
            let mut chars = field.chars();
            let plain = chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if plain {
                field.clone()
            } else {
                self.0.quote(field)
            }
        };
        let inside = |span: Span| span != entity.span && entity.span.start() <= span.start() && span.end() < entity.span.end();
        let placed =
            entity.fields.iter().map(|f| f.span).chain(entity.uniques.iter().map(|u| u.span)).chain(entity.indexes.iter().map(|i| i.span));
        let last = placed.chain(entity.primary_key.iter().map(|k| k.span)).filter(|&span| inside(span)).map(|span| span.end()).max()?;
        let columns = fields.iter().map(name).collect::<Vec<_>>().join(", ");
        Some(Fix {
            title: format!("Make ({columns}) unique: a one-to-one"),
            edits: vec![TextEdit { span: Span::at(last), insert: format!(",\n  UNIQUE ({columns})") }],
        })
    }

    // No other fixes: SQL has no navigation properties to edit (relplay names them itself).
}
