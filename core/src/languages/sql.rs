//! SQL DDL as a source language: its words in messages, and the rules that are Prisma's alone.
//!
//! A table read from SQL is what the database accepts; rules that only Prisma (or an ORM)
//! imposes become warnings (a table with no unique criterion, which most ORMs cannot map) or do
//! not apply (constraint names Prisma cannot carry). Fixes are written in SQL.

use super::{ActionEvent, SourceProfile};
use crate::diagnostic::{Code, Severity};
use crate::ir::{FieldType, ReferentialAction};

/// How SQL scripts are validated and fixed.
pub struct SqlProfile;

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
            Code::R030 | Code::R031 => None,
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

    // No fixes: the SQL reader keeps the span of each statement, not of each column, so there is
    // no place to put `UNIQUE` that is sure to be right; and SQL has no navigation properties to
    // edit (relplay names them itself).
}
