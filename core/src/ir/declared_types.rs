//! Declared SQL column types as Prisma's native types, so that what a script declares
//! (`VARCHAR(190)`, `NUMERIC(10,2)`, `DATE`) reaches every target instead of the portable type's
//! default. The SQL reader asks here for each column, the ORM readers for a column whose code
//! declares a size (TypeORM's `length`, Sequelize's `STRING(190)`). A type that is the default of its portable type where it is declared (PostgreSQL's
//! `text`, MySQL's `int`) has none, as Prisma's introspection gives none. SQLite has no native
//! types (its declared types are affinities, and Prisma has none there).

use crate::dialect::SqlDialect;
#[cfg(feature = "code-readers")]
use crate::ir::DatabaseType;
use crate::ir::{FieldType, NativeType};

/// A declared type taken apart: `TIMESTAMP(6) WITH TIME ZONE` → `TIMESTAMP`, `["6"]`, with time
/// zone; `INT(11) UNSIGNED` → `INT`, `["11"]`, unsigned.
struct DeclaredType {
    /// The words before any parenthesis, upper case and single-spaced (`CHARACTER VARYING`).
    base: String,
    arguments: Vec<String>,
    unsigned: bool,
    with_time_zone: bool,
}

fn declared_type(sql_type: &str) -> DeclaredType {
    let upper = sql_type.to_ascii_uppercase();
    let (head, arguments, tail) = match (upper.find('('), upper.rfind(')')) {
        (Some(open), Some(close)) if close > open => {
            let arguments = upper[open + 1..close].split(',').map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
            (&upper[..open], arguments, &upper[close + 1..])
        }
        _ => (upper.as_str(), Vec::new(), ""),
    };
    let words = |text: &str| text.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let (head_words, tail_words) = (words(head), words(tail));
    let all = || head_words.iter().chain(&tail_words);
    let unsigned = all().any(|w| w == "UNSIGNED");
    let with_time_zone = all().any(|w| w == "WITH");
    let base_words: Vec<&str> = head_words
        .iter()
        .map(String::as_str)
        .take_while(|w| !matches!(*w, "UNSIGNED" | "SIGNED" | "WITH" | "WITHOUT" | "ZEROFILL"))
        .collect();
    DeclaredType { base: base_words.join(" "), arguments, unsigned, with_time_zone }
}

fn native(name: &str, arguments: &[String]) -> Option<NativeType> {
    Some(NativeType { name: name.to_string(), arguments: arguments.to_vec() })
}

/// The native type of a column that ORM code declares with a size: `type_name` (`varchar`, `char`,
/// `decimal`, `numeric`) with its length, or its precision and scale, as `arguments`. Only the sized
/// types PostgreSQL and MySQL share with one meaning are kept (`VarChar`, `Char`, `Decimal`): the code
/// names no database, and every target that has them writes them as declared.
#[cfg(feature = "code-readers")]
pub(crate) fn sized_native_type(type_name: &str, arguments: &[String], field_type: &FieldType) -> Option<NativeType> {
    if arguments.is_empty() {
        return None;
    }
    let declared = format!("{type_name}({})", arguments.join(","));
    native_type(SqlDialect::Postgresql, &declared, field_type).filter(|n| matches!(n.name.as_str(), "VarChar" | "Char" | "Decimal"))
}

/// The types a column has on PostgreSQL and MySQL where its ORM declares them by itself:
/// `sql_type_on` gives the SQL type the ORM writes on a database (none where it writes what the
/// portable type's default there is, or nothing of its own), each read as the SQL reader reads it.
#[cfg(feature = "code-readers")]
pub(crate) fn database_types(sql_type_on: impl Fn(SqlDialect) -> Option<String>, field_type: &FieldType) -> Vec<DatabaseType> {
    [SqlDialect::Postgresql, SqlDialect::Mysql]
        .into_iter()
        .filter_map(|dialect| {
            let native_type = native_type(dialect, &sql_type_on(dialect)?, field_type)?;
            Some(DatabaseType { database: dialect.native_type_provider(), native_type })
        })
        .collect()
}

/// The native type a column declared `sql_type` has in `dialect`, for a field of `field_type`
/// (the portable type read from the same declaration); `None` where the declaration is the
/// portable type's default there, or has no Prisma native type.
pub(crate) fn native_type(dialect: SqlDialect, sql_type: &str, field_type: &FieldType) -> Option<NativeType> {
    let declared = declared_type(sql_type);
    match dialect {
        SqlDialect::Postgresql => postgresql(&declared, field_type),
        SqlDialect::Mysql => mysql(&declared, field_type),
        SqlDialect::Sqlite => None,
    }
}

fn postgresql(declared: &DeclaredType, field_type: &FieldType) -> Option<NativeType> {
    let arguments = &declared.arguments;
    // A precision PostgreSQL takes as 6 when none is written.
    let precision = || vec![arguments.first().cloned().unwrap_or_else(|| "6".into())];
    match (declared.base.as_str(), field_type) {
        ("VARCHAR" | "CHARACTER VARYING", FieldType::String) => native("VarChar", arguments),
        ("CHAR" | "CHARACTER" | "BPCHAR", FieldType::String) => native("Char", &[arguments.first().cloned().unwrap_or_else(|| "1".into())]),
        ("UUID", FieldType::String) => native("Uuid", &[]),
        ("CITEXT", FieldType::String) => native("Citext", &[]),
        ("SMALLINT" | "INT2" | "SMALLSERIAL" | "SERIAL2", FieldType::Int) => native("SmallInt", &[]),
        ("REAL" | "FLOAT4", FieldType::Float) => native("Real", &[]),
        // `float(p)`: single precision up to 24 binary digits.
        ("FLOAT", FieldType::Float) if arguments.first().and_then(|p| p.parse::<u32>().ok()).is_some_and(|p| p <= 24) => {
            native("Real", &[])
        }
        ("DECIMAL" | "NUMERIC" | "DEC", FieldType::Decimal) => match arguments.as_slice() {
            [precision] => native("Decimal", &[precision.clone(), "0".into()]),
            _ => native("Decimal", arguments),
        },
        ("MONEY", FieldType::Decimal) => native("Money", &[]),
        ("TIMESTAMPTZ", FieldType::DateTime) => native("Timestamptz", &precision()),
        ("TIMESTAMP", FieldType::DateTime) if declared.with_time_zone => native("Timestamptz", &precision()),
        // `timestamp(3)` is the portable DateTime itself.
        ("TIMESTAMP", FieldType::DateTime) if arguments.first().is_some_and(|p| p == "3") => None,
        ("TIMESTAMP", FieldType::DateTime) => native("Timestamp", &precision()),
        ("DATE", FieldType::DateTime) => native("Date", &[]),
        ("TIMETZ", FieldType::DateTime) => native("Timetz", &precision()),
        ("TIME", FieldType::DateTime) if declared.with_time_zone => native("Timetz", &precision()),
        ("TIME", FieldType::DateTime) => native("Time", &precision()),
        ("JSON", FieldType::Json) => native("Json", &[]),
        _ => None,
    }
}

fn mysql(declared: &DeclaredType, field_type: &FieldType) -> Option<NativeType> {
    let arguments = &declared.arguments;
    let unsigned = |name: &str| if declared.unsigned { format!("Unsigned{name}") } else { name.to_string() };
    // A fractional-seconds precision MySQL takes as 0 when none is written.
    let precision = || vec![arguments.first().cloned().unwrap_or_else(|| "0".into())];
    match (declared.base.as_str(), field_type) {
        // `int(11)`'s width is display only; `int` is the portable Int.
        ("INT" | "INTEGER", FieldType::Int) if declared.unsigned => native("UnsignedInt", &[]),
        ("TINYINT", FieldType::Int) => native(&unsigned("TinyInt"), &[]),
        // TINYINT(1) is the portable Boolean; TypeORM's booleans are a plain TINYINT.
        ("TINYINT", FieldType::Boolean) if arguments.first().is_none_or(|width| width != "1") => native("TinyInt", &[]),
        ("SMALLINT", FieldType::Int) => native(&unsigned("SmallInt"), &[]),
        ("MEDIUMINT", FieldType::Int) => native(&unsigned("MediumInt"), &[]),
        ("BIGINT", FieldType::BigInt) if declared.unsigned => native("UnsignedBigInt", &[]),
        ("YEAR", FieldType::Int) => native("Year", &[]),
        ("FLOAT", FieldType::Float) => native("Float", &[]),
        ("DECIMAL" | "NUMERIC" | "DEC", FieldType::Decimal) => match arguments.as_slice() {
            // MySQL's own defaults: DECIMAL is DECIMAL(10,0), DECIMAL(p) is DECIMAL(p,0).
            [] => native("Decimal", &["10".into(), "0".into()]),
            [precision] => native("Decimal", &[precision.clone(), "0".into()]),
            _ => native("Decimal", arguments),
        },
        // VARCHAR(191) is the portable String on MySQL.
        ("VARCHAR" | "CHARACTER VARYING" | "NVARCHAR", FieldType::String) if arguments.first().is_some_and(|n| n != "191") => {
            native("VarChar", &arguments[..1])
        }
        ("CHAR" | "CHARACTER" | "NCHAR", FieldType::String) => native("Char", &[arguments.first().cloned().unwrap_or_else(|| "1".into())]),
        ("TINYTEXT", FieldType::String) => native("TinyText", &[]),
        ("TEXT", FieldType::String) => native("Text", &[]),
        ("MEDIUMTEXT", FieldType::String) => native("MediumText", &[]),
        ("LONGTEXT", FieldType::String) => native("LongText", &[]),
        ("DATETIME", FieldType::DateTime) if arguments.first().is_some_and(|p| p == "3") => None,
        ("DATETIME", FieldType::DateTime) => native("DateTime", &precision()),
        ("TIMESTAMP", FieldType::DateTime) => native("Timestamp", &precision()),
        ("DATE", FieldType::DateTime) => native("Date", &[]),
        ("TIME", FieldType::DateTime) => native("Time", &precision()),
        ("BINARY", FieldType::Bytes) => native("Binary", &[arguments.first().cloned().unwrap_or_else(|| "1".into())]),
        ("VARBINARY", FieldType::Bytes) if !arguments.is_empty() => native("VarBinary", &arguments[..1]),
        ("TINYBLOB", FieldType::Bytes) => native("TinyBlob", &[]),
        ("BLOB", FieldType::Bytes) => native("Blob", &[]),
        ("MEDIUMBLOB", FieldType::Bytes) => native("MediumBlob", &[]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(dialect: SqlDialect, sql_type: &str, field_type: FieldType) -> Option<String> {
        native_type(dialect, sql_type, &field_type).map(|n| format!("{}({})", n.name, n.arguments.join(",")))
    }

    #[test]
    fn postgresql_declarations_keep_their_lengths_and_precisions() {
        use SqlDialect::Postgresql as Pg;
        assert_eq!(read(Pg, "CHARACTER VARYING(190)", FieldType::String).as_deref(), Some("VarChar(190)"));
        assert_eq!(read(Pg, "NUMERIC(10,2)", FieldType::Decimal).as_deref(), Some("Decimal(10,2)"));
        assert_eq!(read(Pg, "TIMESTAMP(6) WITH TIME ZONE", FieldType::DateTime).as_deref(), Some("Timestamptz(6)"));
        assert_eq!(read(Pg, "TIMESTAMP WITHOUT TIME ZONE", FieldType::DateTime).as_deref(), Some("Timestamp(6)"));
        assert_eq!(read(Pg, "TIMESTAMP(3)", FieldType::DateTime), None);
        assert_eq!(read(Pg, "TEXT", FieldType::String), None);
        assert_eq!(read(Pg, "INT4", FieldType::Int), None);
        assert_eq!(read(Pg, "smallserial", FieldType::Int).as_deref(), Some("SmallInt()"));
        assert_eq!(read(Pg, "DATE", FieldType::DateTime).as_deref(), Some("Date()"));
    }

    #[test]
    fn mysql_declarations_keep_their_lengths_and_signs() {
        use SqlDialect::Mysql as My;
        assert_eq!(read(My, "VARCHAR(190)", FieldType::String).as_deref(), Some("VarChar(190)"));
        assert_eq!(read(My, "VARCHAR(191)", FieldType::String), None);
        assert_eq!(read(My, "INT(11) UNSIGNED", FieldType::Int).as_deref(), Some("UnsignedInt()"));
        assert_eq!(read(My, "INT(11)", FieldType::Int), None);
        assert_eq!(read(My, "TINYINT(4) UNSIGNED", FieldType::Int).as_deref(), Some("UnsignedTinyInt()"));
        assert_eq!(read(My, "DATETIME", FieldType::DateTime).as_deref(), Some("DateTime(0)"));
        assert_eq!(read(My, "DECIMAL", FieldType::Decimal).as_deref(), Some("Decimal(10,0)"));
        assert_eq!(read(My, "LONGTEXT", FieldType::String).as_deref(), Some("LongText()"));
        assert_eq!(read(SqlDialect::Sqlite, "VARCHAR(190)", FieldType::String), None);
    }
}
