//! Generators, one file per target. Each reads the IR and writes text for its target, writing an
//! option explicitly wherever the target's default differs from the IR; what a target cannot
//! express is said in a comment in the output and as a `G…` warning.

pub mod json;
pub mod prisma;
pub mod sql;
mod sql_dialect;

pub use crate::ir::SchemaItem;
pub use sql_dialect::SqlDialect;

use crate::diagnostic::Diagnostic;
use crate::ir::Schema;
use serde::{Deserialize, Serialize};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "target", content = "dialect", rename_all = "lowercase")]
pub enum Target {
    Prisma,
    Sql(SqlDialect),
    /// The IR itself as JSON.
    Json,
}

/// A generator's text and the warnings it has about the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each entity and relation stands in `text`, for linking views together.
    pub anchors: Vec<Anchor>,
}

/// The byte range of `text` that shows one schema item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Anchor {
    pub item: SchemaItem,
    pub span: crate::Span,
}

/// The innermost item among `anchors` at byte `offset`.
pub fn item_at(anchors: &[Anchor], offset: usize) -> Option<SchemaItem> {
    anchors.iter().filter(|a| a.span.start() <= offset && offset <= a.span.end()).min_by_key(|a| a.span.end - a.span.start).map(|a| a.item)
}

impl Generated {
    /// The innermost item shown at byte `offset` of the text (a relation inside its table wins).
    pub fn item_at(&self, offset: usize) -> Option<SchemaItem> {
        item_at(&self.anchors, offset)
    }

    /// The first range showing `item`, if the output shows it.
    pub fn anchor_of(&self, item: SchemaItem) -> Option<crate::Span> {
        self.anchors.iter().find(|a| a.item == item).map(|a| a.span)
    }
}

/// Generates `target` output for `schema`.
pub fn generate(schema: &Schema, target: Target) -> Generated {
    match target {
        Target::Prisma => prisma::generate(schema),
        Target::Sql(dialect) => sql::generate(schema, dialect),
        Target::Json => json::generate(schema),
    }
}
