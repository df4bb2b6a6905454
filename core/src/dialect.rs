//! What each SQL dialect supports, asked as questions instead of branching on names. A neutral
//! home: the SQL reader, the IR's lowering and the generators all ask it.

use crate::ir::{Field, FieldType, NativeType, Provider, ReferentialAction, Schema};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SqlDialect {
    Postgresql,
    Mysql,
    Sqlite,
}

/// How a dialect makes an integer key count up by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoincrementStyle {
    /// `SERIAL` / `BIGSERIAL` / `SMALLSERIAL` as the column type.
    SerialType,
    /// `AUTO_INCREMENT` after the column type.
    Keyword,
    /// Only `INTEGER PRIMARY KEY AUTOINCREMENT` on a single-column key.
    IntegerPrimaryKey,
}

/// How enum columns are declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumStyle {
    /// `CREATE TYPE … AS ENUM`, then the type's name as the column type.
    NamedType,
    /// `ENUM('a', 'b')` as the column type.
    InlineEnum,
    /// Plain text.
    Text,
}

impl SqlDialect {
    pub fn from_name(name: &str) -> Option<SqlDialect> {
        Some(match name.to_ascii_lowercase().as_str() {
            "postgresql" | "postgres" | "pg" => SqlDialect::Postgresql,
            "mysql" | "mariadb" => SqlDialect::Mysql,
            "sqlite" => SqlDialect::Sqlite,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SqlDialect::Postgresql => "postgresql",
            SqlDialect::Mysql => "mysql",
            SqlDialect::Sqlite => "sqlite",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            SqlDialect::Postgresql => "PostgreSQL",
            SqlDialect::Mysql => "MySQL",
            SqlDialect::Sqlite => "SQLite",
        }
    }

    /// The dialect for a schema's provider, where there is one.
    pub fn for_provider(provider: Option<Provider>) -> SqlDialect {
        match provider {
            Some(Provider::Mysql) => SqlDialect::Mysql,
            Some(Provider::Sqlite) => SqlDialect::Sqlite,
            _ => SqlDialect::Postgresql,
        }
    }

    /// The provider of this dialect's database (also the one whose `@db.*` native types it
    /// understands).
    pub fn native_type_provider(self) -> Provider {
        match self {
            SqlDialect::Postgresql => Provider::Postgresql,
            SqlDialect::Mysql => Provider::Mysql,
            SqlDialect::Sqlite => Provider::Sqlite,
        }
    }

    pub fn quote(self, identifier: &str) -> String {
        match self {
            SqlDialect::Mysql => format!("`{}`", identifier.replace('`', "``")),
            _ => format!("\"{}\"", identifier.replace('"', "\"\"")),
        }
    }

    /// The longest identifier the database keeps (bytes); longer names are cut.
    pub fn identifier_limit(self) -> usize {
        match self {
            SqlDialect::Postgresql => 63,
            SqlDialect::Mysql => 64,
            SqlDialect::Sqlite => usize::MAX,
        }
    }

    /// Whether `@db.*` native types written for `provider`'s database apply here.
    pub fn reads_native_types_of(self, provider: Option<Provider>) -> bool {
        provider == Some(self.native_type_provider())
    }

    /// The native type a column declared `native` in `provider`'s database has here: itself on
    /// that database; between PostgreSQL and MySQL, the types both have with the same meaning
    /// (lengths, precisions and scales, small integers, dates and times), so `VARCHAR(190)` stays
    /// `VARCHAR(190)`; otherwise none, and the portable type's default applies. SQLite takes none
    /// from elsewhere: its declared types are affinities, which the defaults already give.
    pub fn native_type_here(self, native: Option<&NativeType>, provider: Option<Provider>) -> Option<NativeType> {
        let native = native?;
        if self.reads_native_types_of(provider) {
            return Some(native.clone());
        }
        let from = match provider {
            Some(Provider::Postgresql) => SqlDialect::Postgresql,
            Some(Provider::Mysql) => SqlDialect::Mysql,
            // Declared by ORM code, which names no database: the sizes the ORM readers keep
            // (`VarChar`, `Char`, `Decimal`) are what the ORM declares on either database, as
            // written (`length: 4096` is VARCHAR(4096) on MySQL too: where MySQL refuses a size,
            // it refuses the ORM's table as well).
            None => match self {
                SqlDialect::Sqlite => return None,
                _ if matches!(native.name.as_str(), "VarChar" | "Char" | "Decimal") => return Some(native.clone()),
                SqlDialect::Postgresql => SqlDialect::Mysql,
                SqlDialect::Mysql => SqlDialect::Postgresql,
            },
            _ => return None,
        };
        let arguments = &native.arguments;
        let number = |index: usize| arguments.get(index).and_then(|a| a.parse::<u32>().ok());
        let carried = |name: &str, arguments: &[String]| Some(NativeType { name: name.to_string(), arguments: arguments.to_vec() });
        match (from, self, native.name.as_str()) {
            // MySQL indexes at most 768 utf8mb4 characters, and a row holds at most 65,535 bytes:
            // a longer VARCHAR from PostgreSQL keeps the portable String's type.
            (SqlDialect::Postgresql, SqlDialect::Mysql, "VarChar") if number(0).is_some_and(|n| n <= 768) => carried("VarChar", arguments),
            (SqlDialect::Mysql, SqlDialect::Postgresql, "VarChar") => carried("VarChar", arguments),
            (SqlDialect::Postgresql, SqlDialect::Mysql, "Char") if number(0).is_some_and(|n| n <= 255) => carried("Char", arguments),
            (SqlDialect::Mysql, SqlDialect::Postgresql, "Char") => carried("Char", arguments),
            // MySQL's DECIMAL has at most 65 digits, 30 after the point.
            (SqlDialect::Postgresql, SqlDialect::Mysql, "Decimal")
                if number(0).is_some_and(|p| p <= 65) && number(1).is_some_and(|s| s <= 30) =>
            {
                carried("Decimal", arguments)
            }
            (SqlDialect::Mysql, SqlDialect::Postgresql, "Decimal") if arguments.len() == 2 => carried("Decimal", arguments),
            (SqlDialect::Postgresql, SqlDialect::Mysql, "SmallInt") => carried("SmallInt", &[]),
            (SqlDialect::Mysql, SqlDialect::Postgresql, "SmallInt" | "TinyInt" | "UnsignedTinyInt") => carried("SmallInt", &[]),
            (SqlDialect::Postgresql, SqlDialect::Mysql, "Real") => carried("Float", &[]),
            (SqlDialect::Mysql, SqlDialect::Postgresql, "Float") => carried("Real", &[]),
            (SqlDialect::Postgresql | SqlDialect::Mysql, SqlDialect::Postgresql | SqlDialect::Mysql, "Date") => carried("Date", &[]),
            // Fractional seconds: at most 6 digits on both.
            (SqlDialect::Postgresql, SqlDialect::Mysql, "Time") => carried("Time", arguments),
            (SqlDialect::Mysql, SqlDialect::Postgresql, "Time") => carried("Time", arguments),
            (SqlDialect::Postgresql, SqlDialect::Mysql, "Timestamp" | "Timestamptz") => carried("DateTime", arguments),
            (SqlDialect::Mysql, SqlDialect::Postgresql, "DateTime" | "Timestamp") => carried("Timestamp", arguments),
            _ => None,
        }
    }

    /// The native type `field`'s column has here: the type its ORM gives it on this database
    /// ([`Field::database_types`]), else its own native type where it applies here
    /// ([`Self::native_type_here`]); none when the portable type's default is the column's type.
    pub fn column_native_type(self, field: &Field, provider: Option<Provider>) -> Option<NativeType> {
        match field.database_type(self.native_type_provider()) {
            Some(native) => Some(native.clone()),
            None => self.native_type_here(field.native_type.as_ref(), provider),
        }
    }

    /// The declared type (`VARCHAR(2183)`) whose length, precision or scale is lost here: a
    /// native type with arguments from another SQL database that does not carry
    /// ([`Self::native_type_here`]), so the column has the portable type's default.
    pub fn lost_declared_type(self, native: Option<&NativeType>, provider: Option<Provider>) -> Option<String> {
        let sized = native.filter(|n| matches!(n.name.as_str(), "VarChar" | "Char" | "Decimal") && !n.arguments.is_empty())?;
        let from_sql = matches!(provider, Some(Provider::Postgresql | Provider::Mysql)) && self != SqlDialect::Sqlite;
        (from_sql && self.native_type_here(native, provider).is_none()).then(|| self.native_type(sized))
    }

    /// Whether SQL written for `provider`'s database (`dbgenerated("…")`) is valid here: the same
    /// database, or a schema that names none.
    pub fn speaks_sql_of(self, provider: Option<Provider>) -> bool {
        provider.is_none_or(|p| p == self.native_type_provider())
    }

    /// The "now" default of a column whose native type is `native` (when it applies here):
    /// `CURRENT_TIMESTAMP`, with the column's fractional precision where the database needs it
    /// (Prisma's DateTime has 3 digits).
    pub fn current_timestamp(self, native: Option<&NativeType>) -> String {
        if !self.timestamp_default_needs_precision() {
            return "CURRENT_TIMESTAMP".into();
        }
        match native.map_or(Some("3"), |n| n.arguments.first().map(String::as_str)) {
            Some(precision) => format!("CURRENT_TIMESTAMP({precision})"),
            None => "CURRENT_TIMESTAMP".into(),
        }
    }

    /// The name of each relation's foreign key here, by relation (`None` for a relation without
    /// one): the schema's name, else Prisma's default ([`Self::default_constraint_name`]). A long
    /// table's default names can be the same once cut to the database's limit (two keys of a
    /// join table named after both its tables): the later ones are numbered within the limit
    /// (`…_2_fkey`), as Prisma refuses two constraints of one name on a model and the databases
    /// two on a table.
    pub fn foreign_key_names(self, schema: &Schema) -> Vec<Option<String>> {
        let entities: HashMap<&str, &crate::ir::Entity> = schema.entities.iter().map(|e| (e.name.as_str(), e)).collect();
        let mut taken: HashMap<&str, HashSet<String>> = HashMap::new();
        for fk in schema.relations.iter().filter_map(|r| r.foreign_key.as_ref()) {
            if let (Some(name), Some(owner)) = (&fk.constraint_name, entities.get(fk.entity.as_str())) {
                taken.entry(owner.table.as_str()).or_default().insert(name.clone());
            }
        }
        schema
            .relations
            .iter()
            .map(|relation| {
                let fk = relation.foreign_key.as_ref()?;
                if let Some(name) = &fk.constraint_name {
                    return Some(name.clone());
                }
                let owner = entities.get(fk.entity.as_str())?;
                let columns: Vec<String> = fk.fields.iter().map(|f| owner.column_of(f).to_string()).collect();
                let names = taken.entry(owner.table.as_str()).or_default();
                let mut name = self.default_constraint_name(&owner.table, &columns, "fkey");
                let mut number = 2;
                while names.contains(&name) {
                    name = self.default_constraint_name(&owner.table, &columns, &format!("{number}_fkey"));
                    number += 1;
                }
                names.insert(name.clone());
                Some(name)
            })
            .collect()
    }

    /// Prisma's default name of a constraint or index (`{table}_{columns}_{suffix}`) within this
    /// database's identifier limit: as Prisma does (psl's `ConstraintNames`), the part before the
    /// suffix is cut (on a character boundary) so that the suffix survives and a long table's
    /// primary key, unique keys and foreign keys keep distinct names.
    pub fn default_constraint_name(self, table: &str, columns: &[String], suffix: &str) -> String {
        let name = crate::languages::prisma::default_constraint_name(table, columns, suffix);
        let limit = self.identifier_limit();
        if name.len() <= limit {
            return name;
        }
        let mut base = name[..name.len() - suffix.len() - 1].to_string();
        let mut cut = limit - suffix.len() - 1;
        while !base.is_char_boundary(cut) {
            cut -= 1;
        }
        base.truncate(cut);
        format!("{base}_{suffix}")
    }

    pub fn autoincrement_style(self) -> AutoincrementStyle {
        match self {
            SqlDialect::Postgresql => AutoincrementStyle::SerialType,
            SqlDialect::Mysql => AutoincrementStyle::Keyword,
            SqlDialect::Sqlite => AutoincrementStyle::IntegerPrimaryKey,
        }
    }

    pub fn enum_style(self) -> EnumStyle {
        match self {
            SqlDialect::Postgresql => EnumStyle::NamedType,
            SqlDialect::Mysql => EnumStyle::InlineEnum,
            SqlDialect::Sqlite => EnumStyle::Text,
        }
    }

    /// Whether `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY` exists (SQLite has no such statement).
    pub fn supports_adding_foreign_keys(self) -> bool {
        self != SqlDialect::Sqlite
    }

    /// Whether foreign keys are enforced only after `PRAGMA foreign_keys = ON` (per connection).
    pub fn needs_foreign_key_pragma(self) -> bool {
        self == SqlDialect::Sqlite
    }

    /// Whether the primary key constraint can carry a name.
    pub fn names_primary_keys(self) -> bool {
        self != SqlDialect::Mysql
    }

    /// Whether the action is accepted. InnoDB rejects SET DEFAULT (MariaDB silently stores RESTRICT).
    pub fn supports_action(self, action: ReferentialAction) -> bool {
        !(self == SqlDialect::Mysql && action == ReferentialAction::SetDefault)
    }

    /// Whether columns can hold arrays (Prisma's scalar lists).
    pub fn supports_array_columns(self) -> bool {
        self == SqlDialect::Postgresql
    }

    /// Whether `CURRENT_TIMESTAMP` must carry the column's fractional precision (MySQL rejects a
    /// `DATETIME(3)` column defaulting to a plain `CURRENT_TIMESTAMP`).
    pub fn timestamp_default_needs_precision(self) -> bool {
        self == SqlDialect::Mysql
    }

    /// The column type of a portable type, as Prisma Migrate would create it.
    pub fn scalar_type(self, field_type: &FieldType) -> String {
        use FieldType::*;
        let name = match (self, field_type) {
            (SqlDialect::Postgresql, Int) => "INTEGER",
            (SqlDialect::Postgresql, BigInt) => "BIGINT",
            (SqlDialect::Postgresql, Float) => "DOUBLE PRECISION",
            (SqlDialect::Postgresql, Decimal) => "DECIMAL(65,30)",
            (SqlDialect::Postgresql, String) => "TEXT",
            (SqlDialect::Postgresql, Boolean) => "BOOLEAN",
            (SqlDialect::Postgresql, DateTime) => "TIMESTAMP(3)",
            (SqlDialect::Postgresql, Json) => "JSONB",
            (SqlDialect::Postgresql, Bytes) => "BYTEA",
            (SqlDialect::Mysql, Int) => "INTEGER",
            (SqlDialect::Mysql, BigInt) => "BIGINT",
            (SqlDialect::Mysql, Float) => "DOUBLE",
            (SqlDialect::Mysql, Decimal) => "DECIMAL(65,30)",
            (SqlDialect::Mysql, String) => "VARCHAR(191)",
            (SqlDialect::Mysql, Boolean) => "BOOLEAN",
            (SqlDialect::Mysql, DateTime) => "DATETIME(3)",
            (SqlDialect::Mysql, Json) => "JSON",
            (SqlDialect::Mysql, Bytes) => "LONGBLOB",
            (SqlDialect::Sqlite, Int) => "INTEGER",
            (SqlDialect::Sqlite, BigInt) => "BIGINT",
            (SqlDialect::Sqlite, Float) => "REAL",
            (SqlDialect::Sqlite, Decimal) => "DECIMAL",
            (SqlDialect::Sqlite, String) => "TEXT",
            (SqlDialect::Sqlite, Boolean) => "BOOLEAN",
            (SqlDialect::Sqlite, DateTime) => "DATETIME",
            (SqlDialect::Sqlite, Json) => "TEXT",
            (SqlDialect::Sqlite, Bytes) => "BLOB",
            (_, Enum(_)) => "TEXT",
            (_, Unsupported(text)) => return text.clone(),
        };
        name.to_string()
    }

    /// The column type of a Prisma native type (`@db.VarChar(255)`) in this dialect.
    pub fn native_type(self, native: &NativeType) -> String {
        let arguments = if native.arguments.is_empty() { String::new() } else { format!("({})", native.arguments.join(",")) };
        let renamed = match native.name.as_str() {
            "DoublePrecision" => Some("DOUBLE PRECISION"),
            "Timestamptz" => Some("TIMESTAMPTZ"),
            "Timetz" => Some("TIMETZ"),
            "JsonB" => Some("JSONB"),
            "ByteA" => Some("BYTEA"),
            "VarBit" => Some("VARBIT"),
            _ => None,
        };
        if let Some(name) = renamed {
            return format!("{name}{arguments}");
        }
        if let Some(base) = native.name.strip_prefix("Unsigned") {
            return format!("{}{arguments} UNSIGNED", base.to_ascii_uppercase());
        }
        format!("{}{arguments}", native.name.to_ascii_uppercase())
    }
}

/// PostgreSQL's name of an operator class Prisma names (`JsonbPathOps` → `jsonb_path_ops`,
/// `Int4MinMaxMultiOps` → `int4_minmax_multi_ops`, `TimestampTzBloomOps` → `timestamptz_bloom_ops`);
/// `raw("gin_trgm_ops")` is the name inside.
pub fn operator_class(prisma_name: &str) -> String {
    if let Some(raw) = prisma_name.strip_prefix("raw(\"").and_then(|r| r.strip_suffix("\")")) {
        return raw.replace("\\\"", "\"");
    }
    // PostgreSQL spells these words as one.
    let joined = prisma_name
        .replace("MinMax", "Minmax")
        .replace("TimestampTz", "Timestamptz")
        .replace("TimeTz", "Timetz")
        .replace("VarBit", "Varbit");
    let mut name = String::new();
    for (i, c) in joined.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

/// The PostgreSQL extension an operator class comes from, for the classes schemas use that are not
/// built in (`raw("gin_trgm_ops")` is pg_trgm's).
pub fn operator_class_extension(prisma_name: &str) -> Option<&'static str> {
    match operator_class(prisma_name).as_str() {
        "gin_trgm_ops" | "gist_trgm_ops" => Some("pg_trgm"),
        _ => None,
    }
}

/// The extensions the schema's indexes' operator classes come from, each once (documenso indexes
/// by `gin_trgm_ops` without declaring pg_trgm, which its database has).
pub fn operator_class_extensions(schema: &crate::ir::Schema) -> Vec<&'static str> {
    let mut extensions: Vec<&'static str> = Vec::new();
    let classes = schema.entities.iter().flat_map(|e| &e.indexes).flat_map(|i| &i.field_options).filter_map(|o| o.ops.as_deref());
    for extension in classes.filter_map(operator_class_extension) {
        if !extensions.contains(&extension) {
            extensions.push(extension);
        }
    }
    extensions
}

/// The schema's extensions with those its indexes' operator classes need.
pub fn extensions_needed(schema: &crate::ir::Schema) -> Vec<String> {
    let mut extensions = schema.extensions.clone();
    for extension in operator_class_extensions(schema) {
        if !extensions.iter().any(|e| e == extension) {
            extensions.push(extension.to_string());
        }
    }
    extensions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_inside_identifiers() {
        assert_eq!(SqlDialect::Postgresql.quote("a\"b"), "\"a\"\"b\"");
        assert_eq!(SqlDialect::Mysql.quote("a`b"), "`a``b`");
    }

    #[test]
    fn declared_sizes_carry_between_postgresql_and_mysql() {
        let native =
            |name: &str, arguments: &[&str]| NativeType { name: name.into(), arguments: arguments.iter().map(|a| a.to_string()).collect() };
        let here = |dialect: SqlDialect, n: &NativeType, from: Provider| {
            dialect.native_type_here(Some(n), Some(from)).map(|t| dialect.native_type(&t))
        };
        let varchar = native("VarChar", &["190"]);
        assert_eq!(here(SqlDialect::Mysql, &varchar, Provider::Postgresql).as_deref(), Some("VARCHAR(190)"));
        assert_eq!(here(SqlDialect::Postgresql, &varchar, Provider::Mysql).as_deref(), Some("VARCHAR(190)"));
        // Too long for a MySQL key or row: the portable String's type, and the loss is said.
        let long = native("VarChar", &["2183"]);
        assert_eq!(here(SqlDialect::Mysql, &long, Provider::Postgresql), None);
        assert_eq!(SqlDialect::Mysql.lost_declared_type(Some(&long), Some(Provider::Postgresql)).as_deref(), Some("VARCHAR(2183)"));
        assert_eq!(SqlDialect::Mysql.lost_declared_type(Some(&varchar), Some(Provider::Postgresql)), None);
        assert_eq!(here(SqlDialect::Mysql, &native("Timestamptz", &["6"]), Provider::Postgresql).as_deref(), Some("DATETIME(6)"));
        assert_eq!(here(SqlDialect::Postgresql, &native("TinyInt", &[]), Provider::Mysql).as_deref(), Some("SMALLINT"));
        // A type only one database has stays there; SQLite takes none from elsewhere.
        assert_eq!(here(SqlDialect::Mysql, &native("Uuid", &[]), Provider::Postgresql), None);
        assert_eq!(here(SqlDialect::Sqlite, &varchar, Provider::Postgresql), None);
        assert_eq!(SqlDialect::Sqlite.lost_declared_type(Some(&long), Some(Provider::Postgresql)), None);
    }

    #[test]
    fn operator_classes_are_written_as_postgresql_names_them() {
        assert_eq!(operator_class("JsonbPathOps"), "jsonb_path_ops");
        assert_eq!(operator_class("Int4MinMaxMultiOps"), "int4_minmax_multi_ops");
        assert_eq!(operator_class("TimestampTzBloomOps"), "timestamptz_bloom_ops");
        assert_eq!(operator_class("VarBitMinMaxOps"), "varbit_minmax_ops");
        assert_eq!(operator_class("ArrayOps"), "array_ops");
        assert_eq!(operator_class("raw(\"gin_trgm_ops\")"), "gin_trgm_ops");
    }

    #[test]
    fn native_types_keep_their_arguments() {
        let varchar = NativeType { name: "VarChar".into(), arguments: vec!["255".into()] };
        assert_eq!(SqlDialect::Postgresql.native_type(&varchar), "VARCHAR(255)");
        let unsigned = NativeType { name: "UnsignedInt".into(), arguments: vec![] };
        assert_eq!(SqlDialect::Mysql.native_type(&unsigned), "INT UNSIGNED");
        let precise = NativeType { name: "Timestamptz".into(), arguments: vec!["6".into()] };
        assert_eq!(SqlDialect::Postgresql.native_type(&precise), "TIMESTAMPTZ(6)");
    }

    #[test]
    fn long_constraint_names_keep_their_suffix() {
        let table = "s_post_named_all_two_side_categories_s_category_named_all";
        let key = SqlDialect::Postgresql.default_constraint_name(table, &["sPostId".into(), "sCategoryId".into()], "pkey");
        let foreign = SqlDialect::Postgresql.default_constraint_name(table, &["sPostId".into()], "fkey");
        assert_eq!(key.len(), 63);
        assert!(key.ends_with("_pkey") && foreign.ends_with("_fkey"), "{key} {foreign}");
        assert_ne!(key, foreign);
        assert_eq!(SqlDialect::Postgresql.default_constraint_name("User", &["email".into()], "key"), "User_email_key");
    }

    #[test]
    fn foreign_keys_whose_default_names_collide_once_cut_are_numbered() {
        let source = "model Post {\n  id Int @id\n}\nmodel Category {\n  id Int @id\n}\nmodel s_post_named_all_two_side_categories_s_category_named_all {\n  sPostNamedAllSPostId Int\n  sCategoryNamedAllSCategoryId Int\n  post Post @relation(fields: [sPostNamedAllSPostId], references: [id])\n  category Category @relation(fields: [sCategoryNamedAllSCategoryId], references: [id])\n  @@id([sPostNamedAllSPostId, sCategoryNamedAllSCategoryId])\n}\n";
        let schema = crate::analyze(source, crate::SourceLanguage::Prisma).schema;
        let names: Vec<String> = SqlDialect::Postgresql.foreign_key_names(&schema).into_iter().flatten().collect();
        assert_eq!(
            names,
            [
                "s_post_named_all_two_side_categories_s_category_named_all__fkey",
                "s_post_named_all_two_side_categories_s_category_named_al_2_fkey"
            ]
        );
        // MySQL's limit is 64 bytes: the same cut one byte later.
        let mysql = SqlDialect::Mysql.foreign_key_names(&schema);
        assert_ne!(mysql[0], mysql[1]);
    }

    #[test]
    fn mysql_cannot_set_default_on_delete() {
        assert!(!SqlDialect::Mysql.supports_action(ReferentialAction::SetDefault));
        assert!(SqlDialect::Postgresql.supports_action(ReferentialAction::SetDefault));
    }
}
