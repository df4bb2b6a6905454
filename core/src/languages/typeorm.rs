//! TypeORM entity code as a source language: its default names (`DefaultNamingStrategy`), its
//! column types, the defaults its relations leave unsaid, and how validation speaks of it.
//!
//! Facts from TypeORM 1.1 (`src/naming-strategy/DefaultNamingStrategy.ts`, `src/util/StringUtils.ts`,
//! `src/metadata/ForeignKeyMetadata.ts`, `JunctionEntityMetadataBuilder.ts`), checked against
//! `synchronize` on PostgreSQL: a table is the class name in snake case (`PostCategory` →
//! `post_category`); a join column is `camelCase(property + "_" + referencedProperty)`
//! (`profileId`); a junction table is `snakeCase(ownerTable + "_" + property + "_" +
//! inverseTable)` with columns `camelCase(table + "_" + referencedColumn)`, `_1`/`_2` appended
//! where the two clash (a self-relation); both junction keys CASCADE; any other key NO ACTION.

use super::{ActionEvent, SourceProfile};
use crate::diagnostic::{Code, Severity};
use crate::dialect::SqlDialect;
use crate::ir::declarations::DeclaredEnd;
use crate::ir::relations::RelationConventions;
use crate::ir::{DatabaseType, Entity, FieldType, JoinColumn, JoinTable, Provider, ReferentialAction, Schema};
use std::collections::HashMap;

/// TypeORM's `snakeCase`: `ABc` → `a_bc`, `aB` → `a_b`, then lower case.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut first = Vec::with_capacity(chars.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        if i + 2 < chars.len() && chars[i].is_ascii_uppercase() && chars[i + 1].is_ascii_uppercase() && chars[i + 2].is_ascii_lowercase() {
            first.extend([chars[i], '_', chars[i + 1], chars[i + 2]]);
            i += 3;
        } else {
            first.push(chars[i]);
            i += 1;
        }
    }
    let mut second = String::with_capacity(first.len() + 4);
    let mut i = 0;
    while i < first.len() {
        if i + 1 < first.len() && (first[i].is_ascii_lowercase() || first[i].is_ascii_digit()) && first[i + 1].is_ascii_uppercase() {
            second.push(first[i]);
            second.push('_');
            second.push(first[i + 1]);
            i += 2;
        } else {
            second.push(first[i]);
            i += 1;
        }
    }
    second.to_lowercase()
}

/// TypeORM's `camelCase`: a leading capital in lower case, and each space, `-` or `_` followed
/// by a word character replaced by that character in upper case (`profile_id` → `profileId`).
pub fn camel_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if i == 0 && c.is_ascii_uppercase() {
            out.push(c.to_ascii_lowercase());
            i += 1;
        } else if (c.is_whitespace() || c == '-' || c == '_') && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric() || *n == '_') {
            out.push(chars[i + 1].to_ascii_uppercase());
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The portable type of a TypeORM column type (`"varchar"`, `"timestamptz"`, `"simple-json"`),
/// or `None` for one relplay does not know.
pub fn column_type(name: &str) -> Option<FieldType> {
    let name = name.trim().to_ascii_lowercase();
    Some(match name.as_str() {
        "int" | "int2" | "int4" | "integer" | "smallint" | "tinyint" | "mediumint" | "smallserial" | "serial" | "year"
        | "unsigned big int" => FieldType::Int,
        "bigint" | "int8" | "bigserial" => FieldType::BigInt,
        "float" | "float4" | "float8" | "double" | "double precision" | "real" => FieldType::Float,
        "decimal" | "numeric" | "money" | "dec" | "fixed" => FieldType::Decimal,
        "varchar" | "character varying" | "char" | "character" | "nchar" | "nvarchar" | "national varchar" | "text" | "tinytext"
        | "mediumtext" | "longtext" | "citext" | "uuid" | "string" | "simple-array" | "inet" | "cidr" | "macaddr" | "xml" | "ltree" => {
            FieldType::String
        }
        "boolean" | "bool" | "bit" => FieldType::Boolean,
        "timestamp"
        | "timestamptz"
        | "timestamp with time zone"
        | "timestamp without time zone"
        | "datetime"
        | "datetime2"
        | "datetimeoffset"
        | "date"
        | "time"
        | "timetz"
        | "time with time zone"
        | "time without time zone"
        | "smalldatetime" => FieldType::DateTime,
        "json" | "jsonb" | "simple-json" => FieldType::Json,
        "bytea" | "blob" | "tinyblob" | "mediumblob" | "longblob" | "binary" | "varbinary" | "image" => FieldType::Bytes,
        _ => return None,
    })
}

/// Where a TypeORM column's type comes from, for [`database_column_type`].
#[derive(Debug, Clone, Copy)]
pub enum ColumnTypeSource<'a> {
    /// The column's `type` (or the decorator's first argument), as written.
    Written(&'a str),
    /// What TypeScript's type says, as TypeORM reflects it (`string`, `boolean`, `Date`).
    Reflected(&'a FieldType),
    /// `@CreateDateColumn`, `@UpdateDateColumn` or `@DeleteDateColumn` without a type.
    DateColumn,
    /// `@PrimaryGeneratedColumn("uuid")`.
    GeneratedUuid,
}

/// The SQL type TypeORM declares for a column on `dialect` where it writes no size, as its
/// drivers normalise the type (`normalizeType`, the drivers' default lengths and their date
/// columns): `varchar` on PostgreSQL and `varchar(255)` on MySQL for a `string`, `timestamp` and
/// `datetime` for a `Date`, `datetime(6)` for MySQL's date columns; on MySQL, which has no uuid
/// type, `varchar(36)` for a generated uuid but `varchar(255)` for a column typed `uuid` (a
/// `varchar` of the default length). `None` on SQLite (affinities, alike anyway).
pub fn database_column_type(dialect: SqlDialect, source: ColumnTypeSource) -> Option<String> {
    let written = |name: &str| name.trim().to_ascii_lowercase();
    let sql = match (dialect, source) {
        (SqlDialect::Sqlite, _) => return None,
        (SqlDialect::Postgresql, ColumnTypeSource::Written(name)) => match written(name).as_str() {
            "varchar" | "character varying" | "string" | "nvarchar" => "varchar".to_string(),
            "char" | "nchar" => "character".to_string(),
            "int" | "int4" => "integer".to_string(),
            "float" | "float8" => "double precision".to_string(),
            "float4" => "real".to_string(),
            "simple-array" | "simple-json" => "text".to_string(),
            other => other.to_string(),
        },
        (SqlDialect::Mysql, ColumnTypeSource::Written(name)) => match written(name).as_str() {
            "varchar" | "string" | "nvarchar" | "national varchar" | "uuid" => "varchar(255)".to_string(),
            "char" | "nchar" | "national char" => "char(1)".to_string(),
            "bool" | "boolean" => "tinyint".to_string(),
            "double precision" | "real" => "double".to_string(),
            "dec" | "numeric" | "fixed" => "decimal".to_string(),
            "simple-array" | "simple-json" => "text".to_string(),
            other => other.to_string(),
        },
        (SqlDialect::Postgresql, ColumnTypeSource::Reflected(field_type)) => match field_type {
            FieldType::String => "varchar".to_string(),
            FieldType::DateTime => "timestamp".to_string(),
            _ => return None,
        },
        (SqlDialect::Mysql, ColumnTypeSource::Reflected(field_type)) => match field_type {
            FieldType::String => "varchar(255)".to_string(),
            FieldType::DateTime => "datetime".to_string(),
            FieldType::Boolean => "tinyint".to_string(),
            _ => return None,
        },
        (SqlDialect::Postgresql, ColumnTypeSource::DateColumn) => "timestamp".to_string(),
        (SqlDialect::Mysql, ColumnTypeSource::DateColumn) => "datetime(6)".to_string(),
        (SqlDialect::Postgresql, ColumnTypeSource::GeneratedUuid) => "uuid".to_string(),
        (SqlDialect::Mysql, ColumnTypeSource::GeneratedUuid) => "varchar(36)".to_string(),
    };
    Some(sql)
}

/// The types of a join column TypeORM makes for a relation: those of the column it references,
/// except that on MySQL a key to a uuid column (typed `uuid`, or a generated uuid) is
/// `varchar(36)` whatever the referenced column's length.
pub fn join_column_types(referenced: &[DatabaseType]) -> Vec<DatabaseType> {
    let is_uuid = referenced.iter().any(|t| t.database == Provider::Postgresql && t.native_type.name == "Uuid");
    referenced
        .iter()
        .map(|t| match t.database {
            Provider::Mysql if is_uuid => DatabaseType::new(Provider::Mysql, "VarChar", &["36"]),
            _ => t.clone(),
        })
        .collect()
}

/// A referential action as TypeORM spells it (`"CASCADE"`, `"SET NULL"`; `"DEFAULT"` is its
/// name for SET DEFAULT).
pub fn action(name: &str) -> Option<ReferentialAction> {
    Some(match name.to_ascii_uppercase().as_str() {
        "CASCADE" => ReferentialAction::Cascade,
        "SET NULL" => ReferentialAction::SetNull,
        "RESTRICT" => ReferentialAction::Restrict,
        "NO ACTION" => ReferentialAction::NoAction,
        "DEFAULT" | "SET DEFAULT" => ReferentialAction::SetDefault,
        _ => return None,
    })
}

/// The `@JoinTable` options of one end of a many-to-many, as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinTableOptions {
    pub name: Option<String>,
    /// The junction column pointing at this end's entity, and the property it references.
    pub join_column: (Option<String>, Option<String>),
    /// The junction column pointing at the other end's entity.
    pub inverse_join_column: (Option<String>, Option<String>),
    /// Whether either side names several junction columns (a composite key).
    pub composite: bool,
}

/// What TypeORM entities leave unsaid about their relations. It knows the `@JoinTable` of each
/// many-to-many end that has one, keyed by entity and property.
#[derive(Debug, Default)]
pub struct TypeOrmConventions {
    pub join_tables: HashMap<(String, String), JoinTableOptions>,
}

impl RelationConventions for TypeOrmConventions {
    fn default_on_delete(&self, _required: bool, _provider: Option<Provider>) -> ReferentialAction {
        ReferentialAction::NoAction
    }

    fn default_on_update(&self) -> ReferentialAction {
        ReferentialAction::NoAction
    }

    /// The junction table of the end with `@JoinTable`; without one, TypeORM makes no table.
    fn implicit_join_table(&self, a: &DeclaredEnd, b: Option<&DeclaredEnd>, schema: &Schema) -> Option<(bool, JoinTable)> {
        let key = |end: &DeclaredEnd| (end.entity.clone(), end.name.clone());
        let (a_owns, options) = match (self.join_tables.get(&key(a)), b.and_then(|b| self.join_tables.get(&key(b)))) {
            (Some(options), _) => (true, options),
            (None, Some(options)) => (false, options),
            (None, None) => return None,
        };
        let owner = if a_owns { a } else { b? };
        let owner_entity = schema.entity(&owner.entity)?;
        let target_entity = schema.entity(&owner.target)?;
        let referenced = |entity: &Entity, property: &Option<String>| -> Option<String> {
            match property {
                Some(property) => entity.field(property).map(|f| f.name.clone()),
                None => entity.primary_key.as_ref().filter(|pk| pk.fields.len() == 1).map(|pk| pk.fields[0].clone()),
            }
        };
        let owner_field = referenced(owner_entity, &options.join_column.1)?;
        let target_field = referenced(target_entity, &options.inverse_join_column.1)?;
        let default_column = |entity: &Entity, field: &str| camel_case(&format!("{}_{}", entity.table, entity.column_of(field)));
        let mut owner_column = options.join_column.0.clone().unwrap_or_else(|| default_column(owner_entity, &owner_field));
        let mut target_column = options.inverse_join_column.0.clone().unwrap_or_else(|| default_column(target_entity, &target_field));
        if owner_column == target_column {
            owner_column.push_str("_1");
            target_column.push_str("_2");
        }
        let table = options
            .name
            .clone()
            .unwrap_or_else(|| snake_case(&format!("{}_{}_{}", owner_entity.table, owner.name.replace('.', "_"), target_entity.table)));
        let columns = [
            JoinColumn { column: owner_column, referenced_entity: owner.entity.clone(), referenced_field: owner_field },
            JoinColumn { column: target_column, referenced_entity: owner.target.clone(), referenced_field: target_field },
        ];
        Some((a_owns, JoinTable { table, columns }))
    }
}

/// How TypeORM entities are validated. Rules that only Prisma imposes do not apply: a relation
/// may have one side, and TypeORM's own pairing (the inverse-side function) is never ambiguous.
pub struct TypeOrmProfile;

impl SourceProfile for TypeOrmProfile {
    fn entity_word(&self) -> &'static str {
        "entity"
    }

    fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        match code {
            // One-sided relations are TypeORM's normal case; pairing is by the inverse side.
            Code::R003 | Code::R004 | Code::R005 => None,
            // The reader reports these in TypeORM's terms (T-codes) or they cannot arise: a key
            // is always on the side TypeORM puts it.
            Code::R006 | Code::R007 | Code::R008 | Code::R009 | Code::R010 | Code::R011 | Code::R014 | Code::R015 => None,
            // A property typed without `| null` is a TypeScript matter; the column decides.
            Code::R018 | Code::R021 => None,
            // Prisma's own limits on naming constraints.
            Code::R030 | Code::R031 | Code::R034 => None,
            // TypeORM asks for a primary column, said by T011.
            Code::N030 => None,
            // A many-to-many over composite keys is TypeORM's to build; the reader says it leaves
            // such a junction table out (T013).
            Code::R016 => None,
            // TypeORM builds such a one-to-one (its key inside a composite primary key): the
            // database does not keep it one-to-one, which is worth a warning, not a refusal.
            Code::R017 => Some(Severity::Warning),
            // Their ORM or the database takes such a key; the action fails when it runs.
            Code::R032 => Some(Severity::Warning),
            _ => Some(default),
        }
    }

    fn type_name(&self, field_type: &FieldType) -> String {
        match field_type {
            FieldType::Int => "`integer`".into(),
            FieldType::BigInt => "`bigint`".into(),
            FieldType::Float => "`double precision`".into(),
            FieldType::Decimal => "`decimal`".into(),
            FieldType::String => "`varchar`".into(),
            FieldType::Boolean => "`boolean`".into(),
            FieldType::DateTime => "`timestamp`".into(),
            FieldType::Json => "`json`".into(),
            FieldType::Bytes => "`bytea`".into(),
            FieldType::Enum(name) => format!("the enum `{name}`"),
            FieldType::Unsupported(text) => format!("`{text}`"),
        }
    }

    fn action_name(&self, action: ReferentialAction) -> String {
        match action {
            ReferentialAction::SetDefault => "\"DEFAULT\"".into(),
            other => format!("\"{}\"", other.sql()),
        }
    }

    fn action_clause(&self, event: ActionEvent, action: ReferentialAction) -> String {
        let event = match event {
            ActionEvent::Delete => "onDelete",
            ActionEvent::Update => "onUpdate",
        };
        format!("{event}: {}", self.action_name(action))
    }

    fn references_word(&self) -> &'static str {
        "`referencedColumnName`"
    }

    fn unique_remedy(&self, entity: &str, fields: &[String]) -> String {
        match fields {
            [field] => format!("add `unique: true` to the `@Column` of `{entity}.{field}`"),
            _ => format!("add `@Unique([{}])` to `{entity}`", fields.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same results as TypeORM 1.1.1's `StringUtils` on these names.
    #[test]
    fn names_follow_typeorms_string_utils() {
        let cases = [
            ("User", "user", "user"),
            ("PostCategory", "post_category", "postCategory"),
            ("UserID", "user_id", "userID"),
            ("HTMLParser", "html_parser", "hTMLParser"),
            ("user_profile_id", "user_profile_id", "userProfileId"),
            ("ABCd", "ab_cd", "aBCd"),
            ("a1B", "a1_b", "a1B"),
            ("APIKey2Fa", "api_key2_fa", "aPIKey2Fa"),
        ];
        for (name, snake, camel) in cases {
            assert_eq!(snake_case(name), snake, "snakeCase({name})");
            assert_eq!(camel_case(name), camel, "camelCase({name})");
        }
        assert_eq!(camel_case("profile_id"), "profileId");
    }
}
