//! The registry of source languages and targets: for each, its id (the one spelling used by the
//! CLI's flags, the app's menus, share links, `view=` lists and the embed API), its label, the
//! file it is saved as, its MIME type and the editor's highlighting. The app's tabs, menus and
//! downloads and the CLI's `--from`/`--to` derive from here, so a new language or target is an
//! entry here plus its reader or generator.

use crate::dialect::SqlDialect;
use crate::generate::Target;
use crate::options::{PrismaVersion, SequelizeOptions, SequelizeStyle, TypeOrmCascade, TypeOrmOptions, VibOrmApi, VibOrmOptions};
use crate::SourceLanguage;

/// How a language or target's text is saved and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextFormat {
    /// The file it is downloaded or written as (`schema.prisma`).
    pub file_name: &'static str,
    pub mime_type: &'static str,
    /// The highlighting the editor applies (`prisma`, `postgresql`, `typescript`…).
    pub editor_language: &'static str,
}

/// A source language, as the registry describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageInfo {
    pub language: SourceLanguage,
    /// `prisma`, `sql:postgresql`…
    pub id: &'static str,
    pub label: &'static str,
    pub format: TextFormat,
}

/// Every source language, in menu order.
pub const LANGUAGES: &[LanguageInfo] = &[
    LanguageInfo {
        language: SourceLanguage::Prisma,
        id: "prisma",
        label: "Prisma",
        format: TextFormat { file_name: "schema.prisma", mime_type: "text/plain", editor_language: "prisma" },
    },
    LanguageInfo {
        language: SourceLanguage::Sql(SqlDialect::Postgresql),
        id: "sql:postgresql",
        label: "SQL (PostgreSQL)",
        format: TextFormat { file_name: "schema.postgresql.sql", mime_type: "application/sql", editor_language: "postgresql" },
    },
    LanguageInfo {
        language: SourceLanguage::Sql(SqlDialect::Mysql),
        id: "sql:mysql",
        label: "SQL (MySQL)",
        format: TextFormat { file_name: "schema.mysql.sql", mime_type: "application/sql", editor_language: "mysql" },
    },
    LanguageInfo {
        language: SourceLanguage::Sql(SqlDialect::Sqlite),
        id: "sql:sqlite",
        label: "SQL (SQLite)",
        format: TextFormat { file_name: "schema.sqlite.sql", mime_type: "application/sql", editor_language: "sqlite" },
    },
    LanguageInfo {
        language: SourceLanguage::TypeOrm,
        id: "typeorm",
        label: "TypeORM",
        format: TextFormat { file_name: "entities.ts", mime_type: "text/typescript", editor_language: "typescript" },
    },
    LanguageInfo {
        language: SourceLanguage::Sequelize,
        id: "sequelize",
        label: "Sequelize",
        format: TextFormat { file_name: "models.js", mime_type: "text/javascript", editor_language: "javascript" },
    },
    LanguageInfo {
        language: SourceLanguage::VibOrm,
        id: "viborm",
        label: "VibORM",
        format: TextFormat { file_name: "schema.viborm.ts", mime_type: "text/typescript", editor_language: "typescript" },
    },
];

impl SourceLanguage {
    /// The registry's entry for this language.
    pub fn info(self) -> &'static LanguageInfo {
        LANGUAGES.iter().find(|info| info.language == self).expect("every source language is registered")
    }

    /// The target that writes a schema in this language (what switching the language does).
    pub fn writer(self) -> Target {
        match self {
            SourceLanguage::Prisma => Target::Prisma(PrismaVersion::default()),
            SourceLanguage::Sql(dialect) => Target::Sql(dialect),
            SourceLanguage::TypeOrm => {
                Target::TypeOrm(TypeOrmOptions { dialect: SqlDialect::Postgresql, cascade: TypeOrmCascade::default(), eager: false })
            }
            SourceLanguage::Sequelize => Target::Sequelize(SequelizeOptions { style: SequelizeStyle::default() }),
            SourceLanguage::VibOrm => Target::VibOrm(VibOrmOptions { api: VibOrmApi::default() }),
        }
    }
}

/// The targets, without their options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetId {
    Prisma,
    Sql,
    TypeOrm,
    Sequelize,
    VibOrm,
    Json,
}

/// A target, as the registry describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetInfo {
    pub target: TargetId,
    /// `prisma`, `sql`, `typeorm`, `sequelize`, `viborm`, `json`: `--to`, pane ids, `view=`.
    pub id: &'static str,
    /// Ids earlier versions used for the same pane (still read from links and `view=`).
    pub former_ids: &'static [&'static str],
    pub label: &'static str,
    /// The option flags it takes in the CLI (`--dialect`, `--cascade`…).
    pub options: &'static [&'static str],
}

/// Every target, in the app's tab order.
pub const TARGETS: &[TargetInfo] = &[
    TargetInfo { target: TargetId::Prisma, id: "prisma", former_ids: &[], label: "Prisma", options: &[] },
    TargetInfo { target: TargetId::Sql, id: "sql", former_ids: &[], label: "SQL", options: &["dialect"] },
    TargetInfo { target: TargetId::TypeOrm, id: "typeorm", former_ids: &[], label: "TypeORM", options: &["dialect", "cascade", "eager"] },
    TargetInfo { target: TargetId::Sequelize, id: "sequelize", former_ids: &[], label: "Sequelize", options: &["style"] },
    TargetInfo { target: TargetId::VibOrm, id: "viborm", former_ids: &[], label: "VibORM", options: &["api"] },
    TargetInfo { target: TargetId::Json, id: "json", former_ids: &["ir"], label: "IR (JSON)", options: &[] },
];

impl TargetId {
    /// The registry's entry for this target.
    pub fn info(self) -> &'static TargetInfo {
        TARGETS.iter().find(|info| info.target == self).expect("every target is registered")
    }

    /// The target spelled `id` (or a former id of it).
    pub fn from_id(id: &str) -> Option<TargetId> {
        TARGETS.iter().find(|info| info.id == id || info.former_ids.contains(&id)).map(|info| info.target)
    }

    /// "prisma, sql, …, viborm or json", for a message about a wrong one.
    pub fn ids() -> String {
        crate::options::one_of(&TARGETS.iter().map(|t| t.id).collect::<Vec<_>>())
    }

    /// The target with `choices` applied.
    pub fn with(self, choices: &TargetChoices) -> Target {
        match self {
            TargetId::Prisma => Target::Prisma(choices.prisma),
            TargetId::Sql => Target::Sql(choices.dialect),
            TargetId::TypeOrm => {
                Target::TypeOrm(TypeOrmOptions { dialect: choices.dialect, cascade: choices.cascade, eager: choices.eager })
            }
            TargetId::Sequelize => Target::Sequelize(SequelizeOptions { style: choices.style }),
            TargetId::VibOrm => Target::VibOrm(VibOrmOptions { api: choices.api }),
            TargetId::Json => Target::Json,
        }
    }
}

/// Every target option at once, as the app and the CLI hold them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetChoices {
    pub dialect: SqlDialect,
    pub cascade: TypeOrmCascade,
    pub eager: bool,
    pub style: SequelizeStyle,
    pub api: VibOrmApi,
    /// The Prisma the Prisma output is written for.
    pub prisma: PrismaVersion,
}

impl Default for TargetChoices {
    /// PostgreSQL column types and each option's own default, as a new playground starts.
    fn default() -> Self {
        TargetChoices {
            dialect: SqlDialect::Postgresql,
            cascade: TypeOrmCascade::default(),
            eager: false,
            style: SequelizeStyle::default(),
            api: VibOrmApi::default(),
            prisma: PrismaVersion::default(),
        }
    }
}

impl Target {
    /// Which target this is.
    /// How this target's recipes (the "Use it" pane, `relplay recipes`) are saved and shown:
    /// SQL per dialect, TypeScript for Prisma Client, TypeORM and VibORM's client, JavaScript for
    /// Sequelize.
    pub fn recipes_format(&self) -> TextFormat {
        match self {
            Target::Sql(dialect) => {
                TextFormat { file_name: "recipes.sql", mime_type: "application/sql", editor_language: dialect.as_str() }
            }
            Target::Sequelize(_) | Target::VibOrm(_) | Target::Json => {
                TextFormat { file_name: "recipes.js", mime_type: "text/javascript", editor_language: "javascript" }
            }
            Target::Prisma(_) | Target::TypeOrm(_) => {
                TextFormat { file_name: "recipes.ts", mime_type: "text/plain", editor_language: "typescript" }
            }
        }
    }

    pub fn id(&self) -> TargetId {
        match self {
            Target::Prisma(_) => TargetId::Prisma,
            Target::Sql(_) => TargetId::Sql,
            Target::TypeOrm(_) => TargetId::TypeOrm,
            Target::Sequelize(_) => TargetId::Sequelize,
            Target::VibOrm(_) => TargetId::VibOrm,
            Target::Json => TargetId::Json,
        }
    }

    /// How this target's single-file output is saved and shown.
    pub fn format(&self) -> TextFormat {
        match self {
            Target::Prisma(_) => SourceLanguage::Prisma.info().format,
            Target::Sql(dialect) => SourceLanguage::Sql(*dialect).info().format,
            Target::TypeOrm(_) => TextFormat { file_name: "entities.ts", mime_type: "text/plain", editor_language: "typescript" },
            Target::Sequelize(_) => TextFormat { file_name: "models.mjs", mime_type: "text/javascript", editor_language: "javascript" },
            Target::VibOrm(_) => TextFormat { file_name: "schema.ts", mime_type: "text/plain", editor_language: "typescript" },
            Target::Json => TextFormat { file_name: "schema.ir.json", mime_type: "application/json", editor_language: "json" },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_and_every_language_is_named_once() {
        for info in TARGETS {
            assert_eq!(TargetId::from_id(info.id), Some(info.target));
        }
        assert_eq!(TargetId::from_id("ir"), Some(TargetId::Json));
        for info in LANGUAGES {
            assert_eq!(SourceLanguage::from_name(info.id), Some(info.language));
            assert_eq!(info.language.as_str(), info.id);
        }
    }
}
