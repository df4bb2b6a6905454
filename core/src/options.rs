//! The choices each target offers (TypeORM's cascade, Sequelize's model style, VibORM's API form),
//! with one spelling each: the same id in the CLI's flags, the app's menus, share links and serde.
//! Links made before the spellings were unified still open (`config_first` is read as
//! `config-first`).

use crate::dialect::SqlDialect;
use serde::{Deserialize, Serialize};

/// A choice with an id (its one spelling) and a label for people.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, the default first.
    const ALL: &'static [Self];
    /// The choice's one spelling (`config-first`).
    fn id(self) -> &'static str;
    /// What a menu shows.
    fn label(self) -> &'static str;

    /// The value spelled `id`.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|choice| choice.id() == id)
    }

    /// "none, persist or all": the ids, for a message about a wrong one.
    fn ids() -> String {
        one_of(&Self::ALL.iter().map(|c| c.id()).collect::<Vec<_>>())
    }
}

/// `a, b or c`: a list of ids for a message that asks for one of them.
pub fn one_of(ids: &[&str]) -> String {
    match ids.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Which Prisma a Prisma schema is written for: its validator's rules differ between the two
/// (Prisma 6 wants the datasource's `url` and knows `metrics`; Prisma 7 refuses connection URLs
/// in the schema and has `partialIndexes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PrismaVersion {
    #[default]
    #[serde(rename = "7")]
    Seven,
    #[serde(rename = "6")]
    Six,
}

impl Choice for PrismaVersion {
    const ALL: &'static [PrismaVersion] = &[PrismaVersion::Seven, PrismaVersion::Six];

    fn id(self) -> &'static str {
        match self {
            PrismaVersion::Seven => "7",
            PrismaVersion::Six => "6",
        }
    }

    fn label(self) -> &'static str {
        match self {
            PrismaVersion::Seven => "Prisma 7",
            PrismaVersion::Six => "Prisma 6",
        }
    }
}

/// What TypeORM saves or removes along a relation together with the parent entity (the side
/// without the foreign key; for a many-to-many, the side with `@JoinTable`). This is the ORM's
/// persistence, not SQL: the database's referential actions stay those of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum TypeOrmCascade {
    /// TypeORM's default: related entities are saved on their own.
    #[default]
    None,
    /// `cascade: ["insert", "update"]`: saving the parent saves new and changed children.
    Persist,
    /// `cascade: true`: also removes, soft-removes and recovers them with the parent.
    All,
}

impl Choice for TypeOrmCascade {
    const ALL: &'static [TypeOrmCascade] = &[TypeOrmCascade::None, TypeOrmCascade::Persist, TypeOrmCascade::All];

    fn id(self) -> &'static str {
        match self {
            TypeOrmCascade::None => "none",
            TypeOrmCascade::Persist => "persist",
            TypeOrmCascade::All => "all",
        }
    }

    fn label(self) -> &'static str {
        match self {
            TypeOrmCascade::None => "none",
            TypeOrmCascade::Persist => "insert, update",
            TypeOrmCascade::All => "all (also remove)",
        }
    }
}

/// Choices for the TypeORM output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeOrmOptions {
    /// The database whose column types the entities declare.
    pub dialect: SqlDialect,
    /// TypeORM's `cascade` on the parent side of each relation.
    #[serde(default)]
    pub cascade: TypeOrmCascade,
    /// `eager: true` on the side holding each foreign key, so loading an entity loads what it
    /// points at.
    #[serde(default)]
    pub eager: bool,
}

impl TypeOrmOptions {
    /// The plain output for `dialect`: no cascades, nothing eager (TypeORM's defaults).
    pub fn for_dialect(dialect: SqlDialect) -> TypeOrmOptions {
        TypeOrmOptions { dialect, cascade: TypeOrmCascade::None, eager: false }
    }
}

/// How Sequelize models are declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SequelizeStyle {
    /// `sequelize.define("User", { … }, { … })`.
    #[default]
    Define,
    /// `class User extends Model {}` and `User.init({ … }, { sequelize, … })`.
    Class,
}

impl Choice for SequelizeStyle {
    const ALL: &'static [SequelizeStyle] = &[SequelizeStyle::Define, SequelizeStyle::Class];

    fn id(self) -> &'static str {
        match self {
            SequelizeStyle::Define => "define",
            SequelizeStyle::Class => "class",
        }
    }

    fn label(self) -> &'static str {
        match self {
            SequelizeStyle::Define => "sequelize.define()",
            SequelizeStyle::Class => "class extends Model + init()",
        }
    }
}

/// Choices for the Sequelize output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SequelizeOptions {
    pub style: SequelizeStyle,
}

/// Which form of VibORM's relation API to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum VibOrmApi {
    /// `s.oneToOne(() => m).fields(…).references(…)` (VibORM since January 2026).
    #[default]
    Builder,
    /// `s.relation.fields(…).references(…).oneToOne(() => m)` (the earlier form).
    #[serde(alias = "config_first")]
    ConfigFirst,
}

impl Choice for VibOrmApi {
    const ALL: &'static [VibOrmApi] = &[VibOrmApi::Builder, VibOrmApi::ConfigFirst];

    fn id(self) -> &'static str {
        match self {
            VibOrmApi::Builder => "builder",
            VibOrmApi::ConfigFirst => "config-first",
        }
    }

    fn label(self) -> &'static str {
        match self {
            VibOrmApi::Builder => "s.oneToOne(() => m).fields(…) (current)",
            VibOrmApi::ConfigFirst => "s.relation.fields(…).oneToOne(() => m) (earlier)",
        }
    }
}

/// Choices for the VibORM output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VibOrmOptions {
    pub api: VibOrmApi,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_and_ids_spell_each_choice_alike() {
        for &api in VibOrmApi::ALL {
            assert_eq!(serde_json::to_string(&api).unwrap(), format!("\"{}\"", api.id()));
        }
        for &cascade in TypeOrmCascade::ALL {
            assert_eq!(serde_json::to_string(&cascade).unwrap(), format!("\"{}\"", cascade.id()));
        }
        for &style in SequelizeStyle::ALL {
            assert_eq!(serde_json::to_string(&style).unwrap(), format!("\"{}\"", style.id()));
        }
    }

    #[test]
    fn links_made_with_the_old_spelling_still_read() {
        assert_eq!(serde_json::from_str::<VibOrmApi>("\"config_first\"").unwrap(), VibOrmApi::ConfigFirst);
        assert_eq!(VibOrmApi::ids(), "builder or config-first");
        assert_eq!(TypeOrmCascade::ids(), "none, persist or all");
    }
}
