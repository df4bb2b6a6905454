//! Parsers, one per source language. Each turns text into a syntax tree plus diagnostics and never
//! fails: whatever it could not understand becomes a diagnostic with a span, and parsing goes on.

pub mod comments;
pub mod files;
pub mod prisma;
#[cfg(feature = "sql-reader")]
pub mod sql;
#[cfg(feature = "code-readers")]
pub mod typescript;

use serde::{Deserialize, Serialize};

/// The languages a schema can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceLanguage {
    /// The Prisma schema language (`.prisma`).
    #[default]
    Prisma,
    /// SQL DDL (`CREATE TABLE`, `ALTER TABLE … ADD CONSTRAINT`, `CREATE INDEX`) in one dialect.
    Sql(crate::dialect::SqlDialect),
    /// TypeORM entity classes in TypeScript or JavaScript (one file, or several joined with
    /// `// @filename:` lines).
    TypeOrm,
    /// Sequelize v6 models and associations in JavaScript or TypeScript.
    Sequelize,
    /// A VibORM schema (`s.model(…)`) in TypeScript or JavaScript.
    VibOrm,
}

impl SourceLanguage {
    /// The language named by a file's extension, if relplay reads it.
    pub fn from_path(path: &str) -> Option<SourceLanguage> {
        let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase())?;
        SourceLanguage::from_name(&extension)
    }

    /// The language named on a command line: `prisma`, `sql` (PostgreSQL), `sql:mysql`,
    /// `sql:sqlite`, or the dialect alone (`postgresql`, `mysql`, `sqlite`).
    pub fn from_name(name: &str) -> Option<SourceLanguage> {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "prisma" => Some(SourceLanguage::Prisma),
            "typeorm" => Some(SourceLanguage::TypeOrm),
            "sequelize" => Some(SourceLanguage::Sequelize),
            "viborm" => Some(SourceLanguage::VibOrm),
            "sql" => Some(SourceLanguage::Sql(crate::dialect::SqlDialect::Postgresql)),
            other => crate::dialect::SqlDialect::from_name(other.strip_prefix("sql:").unwrap_or(other)).map(SourceLanguage::Sql),
        }
    }

    /// The language of a file, from its extension and, for TypeScript and JavaScript, its code
    /// (which ORM it imports or decorates with).
    pub fn detect(path: &str, text: &str) -> Option<SourceLanguage> {
        let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase())?;
        match extension.as_str() {
            "ts" | "tsx" | "mts" | "cts" | "js" | "jsx" | "mjs" | "cjs" => {
                let typeorm = text.contains("\"typeorm\"") || text.contains("'typeorm'") || text.contains("@Entity(");
                let sequelize = text.contains("\"sequelize\"")
                    || text.contains("sequelize-typescript")
                    || text.contains("'sequelize'")
                    || text.contains(".define(")
                    || (text.contains(".init(") && text.contains("extends Model"));
                let viborm = text.contains("\"viborm\"") || text.contains("'viborm'") || text.contains("s.model(");
                if typeorm {
                    Some(SourceLanguage::TypeOrm)
                } else if viborm {
                    Some(SourceLanguage::VibOrm)
                } else if sequelize {
                    Some(SourceLanguage::Sequelize)
                } else {
                    None
                }
            }
            _ => SourceLanguage::from_name(&extension),
        }
    }

    /// Whether the language is ORM code, read by the `code-readers` (oxc_parser).
    pub fn is_code(self) -> bool {
        matches!(self, SourceLanguage::TypeOrm | SourceLanguage::Sequelize | SourceLanguage::VibOrm)
    }

    /// The language's id in the registry ([`crate::registry::LANGUAGES`]).
    pub fn as_str(self) -> &'static str {
        self.info().id
    }
}
