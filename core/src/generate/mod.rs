//! Generators, one file per target. Each reads the IR and writes text for its target, writing an
//! option explicitly wherever the target's default differs from the IR; what a target cannot
//! express is said in a comment in the output and as a `G…` warning.

mod dependency_order;
mod emit;
pub(crate) mod explicit_join_models;
pub(crate) mod javascript;
pub mod json;
pub mod prisma;
pub(crate) mod prisma_names;
pub(crate) mod relation_ends;
pub mod sequelize;
pub mod sql;
pub mod typeorm;
pub mod viborm;

pub use crate::dialect::SqlDialect;
pub use crate::ir::SchemaItem;
pub use sequelize::{SequelizeOptions, SequelizeStyle};
pub use typeorm::{GeneratedFile, TypeOrmCascade, TypeOrmOptions};
pub use viborm::{VibOrmApi, VibOrmOptions};

use crate::diagnostic::Diagnostic;
use crate::ir::Schema;
use serde::{Deserialize, Serialize};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "target", content = "options", rename_all = "lowercase")]
pub enum Target {
    /// A Prisma schema for Prisma 7 or 6.
    Prisma(crate::options::PrismaVersion),
    Sql(SqlDialect),
    /// TypeORM entity classes.
    TypeOrm(TypeOrmOptions),
    /// Sequelize v6 models and associations.
    Sequelize(SequelizeOptions),
    /// A VibORM schema.
    VibOrm(VibOrmOptions),
    /// The IR itself as JSON.
    Json,
}

/// A generator's text and the warnings it has about the target.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Generated {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each entity and relation stands in `text`, for linking views together.
    pub anchors: Vec<Anchor>,
}

/// The byte range of `text` that shows one schema item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
        Target::Prisma(version) => prisma::generate(schema, version),
        Target::Sql(dialect) => sql::generate(schema, dialect),
        Target::TypeOrm(options) => typeorm::generate(schema, options),
        Target::Sequelize(options) => sequelize::generate(schema, options),
        Target::VibOrm(options) => viborm::generate(schema, options),
        Target::Json => json::generate(schema),
    }
}

/// The output of `target` as files to write into a directory: one file per entity for TypeORM,
/// the schema and its `prisma.config.ts` for Prisma 7, otherwise one file, named as the registry
/// says ([`Target::format`]).
pub fn generate_files(schema: &Schema, target: Target) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let single = |path: String| {
        let generated = generate(schema, target);
        (vec![GeneratedFile { path, text: generated.text }], generated.diagnostics)
    };
    match target {
        Target::TypeOrm(options) => typeorm::generate_files(schema, options),
        Target::Prisma(crate::options::PrismaVersion::Seven) => {
            let (mut files, diagnostics) = single(target.format().file_name.to_string());
            files.push(GeneratedFile { path: "prisma.config.ts".to_string(), text: prisma::prisma_config() });
            (files, diagnostics)
        }
        other => single(other.format().file_name.to_string()),
    }
}

/// "3 entities and 1 relation": how many of each a generated file holds, for its header.
fn counted(items: usize, singular: &str, plural: &str, relations: usize) -> String {
    let noun = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!("{} and {}", noun(items, singular, plural), noun(relations, "relation", "relations"))
}

/// Where each field of `entity` is declared in ORM code that orders a composite primary key by
/// declaration (TypeORM, Sequelize): the source's order, except that the key's fields take the
/// places they hold between them in the key's order. `@@id([date, name])` over fields declared
/// `name` then `date` declares `date` first, so the key is (date, name) as written.
pub(crate) fn key_ordered_position(entity: &crate::ir::Entity, field: &crate::ir::Field) -> u32 {
    let Some(key) = entity.primary_key.as_ref().filter(|pk| pk.fields.len() > 1) else { return field.position };
    let Some(rank) = key.fields.iter().position(|f| *f == field.name) else { return field.position };
    let mut places: Vec<u32> = key.fields.iter().filter_map(|f| entity.field(f)).map(|f| f.position).collect();
    places.sort_unstable();
    places.get(rank).copied().unwrap_or(field.position)
}
