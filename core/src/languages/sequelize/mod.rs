//! Sequelize v6 models as a source language: its names (`inflection`'s plurals, `camelize`,
//! `underscore`), its data types, the defaults its associations leave unsaid, and how validation
//! speaks of it.
//!
//! Facts from Sequelize 6.37 (`lib/model.js`, `lib/utils.js`, `lib/associations/*.js`), checked
//! against `sync()`: a model's table is its name pluralised (`User` → `Users`) unless
//! `tableName` or `freezeTableName` says otherwise (`underscored` then snake-cases it); a model
//! without a primary key attribute gets `id` (an auto-incrementing integer); `createdAt` and
//! `updatedAt` are added (NOT NULL) unless `timestamps: false`, `deletedAt` with `paranoid`.

pub mod inflection;

use super::{ActionEvent, SourceProfile};
use crate::diagnostic::{Code, Severity};
use crate::dialect::SqlDialect;
use crate::ir::{FieldType, ReferentialAction};
pub use inflection::{pluralize, singularize};

/// Sequelize's `Utils.camelize`: each run of `-`, `_` or spaces, and the character after it,
/// becomes that character in upper case (`User_id` → `UserId`).
pub fn camelize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' || c == '_' || c.is_whitespace() {
            while chars.peek().is_some_and(|n| *n == '-' || *n == '_' || n.is_whitespace()) {
                chars.next();
            }
            if let Some(next) = chars.next() {
                out.extend(next.to_uppercase());
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `inflection.underscore`, which `underscored: true` applies to column names (`createdAt` →
/// `created_at`, `UserId` → `user_id`).
pub fn underscore(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c);
    }
    let out = out.strip_prefix('_').map(str::to_string).unwrap_or(out);
    out.to_lowercase()
}

/// The portable type of a Sequelize data type (`STRING`, `INTEGER`, `DATE`…), or `None` for one
/// relplay does not know.
pub fn data_type(name: &str) -> Option<FieldType> {
    Some(match name {
        "STRING" | "CHAR" | "TEXT" | "CITEXT" | "UUID" | "UUIDV1" | "UUIDV4" | "TSVECTOR" | "INET" | "CIDR" | "MACADDR" | "ENUM" => {
            FieldType::String
        }
        "INTEGER" | "SMALLINT" | "TINYINT" | "MEDIUMINT" => FieldType::Int,
        "BIGINT" => FieldType::BigInt,
        "FLOAT" | "REAL" | "DOUBLE" | "DOUBLE PRECISION" => FieldType::Float,
        "DECIMAL" | "NUMBER" => FieldType::Decimal,
        "BOOLEAN" => FieldType::Boolean,
        "DATE" | "DATEONLY" | "TIME" | "NOW" => FieldType::DateTime,
        "JSON" | "JSONB" | "HSTORE" => FieldType::Json,
        "BLOB" => FieldType::Bytes,
        _ => return None,
    })
}

/// The SQL type Sequelize declares on `dialect` for the data type `name` with `arguments` (as
/// written: `DataTypes.DATE(3)` → `["3"]`, `DataTypes.TEXT("long")` → `["long"]`), where it is
/// not relplay's portable type's: `STRING` is `VARCHAR(255)` everywhere, `DATE` is
/// `TIMESTAMP WITH TIME ZONE` on PostgreSQL and `DATETIME` on MySQL, `UUID` is `CHAR(36)` on
/// MySQL. `None` on SQLite (affinities, alike anyway).
pub fn database_column_type(dialect: SqlDialect, name: &str, arguments: &[String]) -> Option<String> {
    let postgresql = match dialect {
        SqlDialect::Postgresql => true,
        SqlDialect::Mysql => false,
        SqlDialect::Sqlite => return None,
    };
    let first = arguments.first().map(String::as_str);
    let precision = first.map(|p| format!("({p})")).unwrap_or_default();
    Some(match name {
        "STRING" => format!("varchar({})", first.unwrap_or("255")),
        "CHAR" => format!("char({})", first.unwrap_or("255")),
        "TEXT" => match (postgresql, first.map(str::to_ascii_lowercase).as_deref()) {
            (true, _) => "text".into(),
            (false, Some(size @ ("tiny" | "medium" | "long"))) => format!("{size}text"),
            (false, _) => "text".into(),
        },
        "DATE" if postgresql => format!("timestamp{precision} with time zone"),
        "DATE" => format!("datetime{precision}"),
        "DATEONLY" => "date".into(),
        "TIME" => "time".into(),
        "UUID" if postgresql => "uuid".into(),
        "UUID" => "char(36)".into(),
        "FLOAT" if !postgresql => "float".into(),
        "DECIMAL" => format!("decimal({})", arguments.join(",")).replace("()", ""),
        "SMALLINT" => "smallint".into(),
        "TINYINT" => "tinyint".into(),
        "MEDIUMINT" => "mediumint".into(),
        "JSON" => "json".into(),
        "BLOB" if postgresql => "bytea".into(),
        "BLOB" => match first.map(str::to_ascii_lowercase).as_deref() {
            Some(size @ ("tiny" | "medium" | "long")) => format!("{size}blob"),
            _ => "blob".into(),
        },
        _ => return None,
    })
}

/// A referential action as Sequelize spells it (`"CASCADE"`, `"SET NULL"`, any case).
pub fn action(name: &str) -> Option<ReferentialAction> {
    Some(match name.to_ascii_uppercase().as_str() {
        "CASCADE" => ReferentialAction::Cascade,
        "SET NULL" => ReferentialAction::SetNull,
        "RESTRICT" => ReferentialAction::Restrict,
        "NO ACTION" => ReferentialAction::NoAction,
        "SET DEFAULT" => ReferentialAction::SetDefault,
        _ => return None,
    })
}

/// How Sequelize models are validated. A relation may have one side, and Sequelize's pairing
/// is by the foreign key, so Prisma's pairing rules do not apply.
pub struct SequelizeProfile;

impl SourceProfile for SequelizeProfile {
    fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        match code {
            Code::R003 | Code::R004 | Code::R005 | Code::R018 | Code::R021 | Code::R030 | Code::R031 | Code::R034 => None,
            // Prisma's rules for its emulated relations: with `constraints: false` Sequelize makes
            // no foreign keys, and its actions do nothing at the database.
            Code::R024 | Code::R025 | Code::R026 | Code::R028 => None,
            // Sequelize builds a hasOne without a unique key: the reader makes it one-to-many.
            Code::R017 => Some(Severity::Warning),
            // A model without a primary key (`removeAttribute("id")`) is Sequelize's to define;
            // its instances cannot be saved or destroyed one by one.
            Code::N030 => Some(Severity::Warning),
            // Their ORM or the database takes such a key; the action fails when it runs.
            Code::R032 => Some(Severity::Warning),
            _ => Some(default),
        }
    }

    fn type_name(&self, field_type: &FieldType) -> String {
        match field_type {
            FieldType::Int => "`DataTypes.INTEGER`".into(),
            FieldType::BigInt => "`DataTypes.BIGINT`".into(),
            FieldType::Float => "`DataTypes.DOUBLE`".into(),
            FieldType::Decimal => "`DataTypes.DECIMAL`".into(),
            FieldType::String => "`DataTypes.STRING`".into(),
            FieldType::Boolean => "`DataTypes.BOOLEAN`".into(),
            FieldType::DateTime => "`DataTypes.DATE`".into(),
            FieldType::Json => "`DataTypes.JSON`".into(),
            FieldType::Bytes => "`DataTypes.BLOB`".into(),
            FieldType::Enum(name) => format!("the enum `{name}`"),
            FieldType::Unsupported(text) => format!("`{text}`"),
        }
    }

    fn action_name(&self, action: ReferentialAction) -> String {
        format!("\"{}\"", action.sql())
    }

    fn action_clause(&self, event: ActionEvent, action: ReferentialAction) -> String {
        let event = match event {
            ActionEvent::Delete => "onDelete",
            ActionEvent::Update => "onUpdate",
        };
        format!("{event}: {}", self.action_name(action))
    }

    fn references_word(&self) -> &'static str {
        "`targetKey`"
    }

    fn unique_remedy(&self, entity: &str, fields: &[String]) -> String {
        match fields {
            [field] => format!("add `unique: true` to `{entity}.{field}`"),
            _ => format!("add a unique index on ({}) to `{entity}`", fields.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_sequelize_utils() {
        assert_eq!(camelize("User_id"), "UserId");
        assert_eq!(camelize("author_id"), "authorId");
        assert_eq!(camelize(" a--b  c"), "aBC");
        assert_eq!(underscore("createdAt"), "created_at");
        assert_eq!(underscore("UserId"), "user_id");
        assert_eq!(underscore("authorID"), "author_i_d");
    }
}
