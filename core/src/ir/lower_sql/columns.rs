//! Columns into fields: portable types from SQL types, nullability, defaults and counters.

use crate::diagnostic::Diagnostic;
use crate::dialect::SqlDialect;
use crate::ir::{DefaultValue, EnumType, EnumTypeValue, Field, FieldType};
use crate::span::Span;
use sqlparser::ast::{ColumnDef, ColumnOption, Expr, Value};

/// Type names the script defines: enum types and domains (by lower-case name).
#[derive(Debug, Default)]
pub(super) struct TypeNames {
    /// Lower-case name → the enum's name as written.
    pub enums: std::collections::HashMap<String, String>,
    /// Lower-case name → the domain's base type.
    pub domains: std::collections::HashMap<String, String>,
}

/// The portable type of a SQL type, and whether the type itself counts up (`SERIAL`).
pub(crate) fn portable_type(sql_type: &str) -> (FieldType, bool) {
    let lower = sql_type.to_ascii_lowercase();
    let base = lower.split(['(', ' ']).next().unwrap_or("");
    let field_type = match base {
        "serial" | "serial4" | "smallserial" | "serial2" => return (FieldType::Int, true),
        "bigserial" | "serial8" => return (FieldType::BigInt, true),
        "int" | "integer" | "int4" | "smallint" | "int2" | "mediumint" => FieldType::Int,
        "tinyint" if lower.starts_with("tinyint(1)") => FieldType::Boolean,
        "tinyint" => FieldType::Int,
        "bigint" | "int8" => FieldType::BigInt,
        "boolean" | "bool" | "bit" if !lower.contains("varying") => FieldType::Boolean,
        "real" | "float" | "float4" | "float8" | "double" => FieldType::Float,
        "decimal" | "numeric" | "dec" | "money" => FieldType::Decimal,
        "text" | "varchar" | "char" | "character" | "nvarchar" | "nchar" | "uuid" | "citext" | "tinytext" | "mediumtext" | "longtext"
        | "string" | "clob" | "enum" => FieldType::String,
        "year" => FieldType::Int,
        "timestamp" | "timestamptz" | "datetime" | "date" | "time" | "timetz" => FieldType::DateTime,
        "json" | "jsonb" => FieldType::Json,
        "bytea" | "blob" | "tinyblob" | "mediumblob" | "longblob" | "binary" | "varbinary" => FieldType::Bytes,
        _ => FieldType::Unsupported(sql_type.to_string()),
    };
    (field_type, false)
}

/// MySQL's inline `ENUM('G', 'PG-13')` column as an enum of its own, named `table_column` as
/// Prisma's introspection names it (another name taken: `_enum` added); values that are no
/// identifier keep their text as the database value (`PG_13` mapped to `PG-13`).
pub(super) fn inline_enum(column: &ColumnDef, table: &str, enums: &[EnumType], span: Span) -> Option<EnumType> {
    let sqlparser::ast::DataType::Enum(members, _) = &column.data_type else { return None };
    let mut name = crate::languages::prisma::identifier(&format!("{table}_{}", column.name.value));
    while enums.iter().any(|e| e.name == name) {
        name.push_str("_enum");
    }
    let values = members
        .iter()
        .map(|member| {
            let (sqlparser::ast::EnumMember::Name(value) | sqlparser::ast::EnumMember::NamedValue(value, _)) = member;
            EnumTypeValue { name: crate::languages::prisma::identifier(value), database_name: value.clone() }
        })
        .collect();
    Some(EnumType { database_name: name.clone(), database_schema: None, name, values, span })
}

/// Whether SQLite gives a column declared `sql_type` TEXT affinity (its rules: INT first, then
/// CHAR, CLOB or TEXT).
fn sqlite_text_affinity(sql_type: &str) -> bool {
    let upper = sql_type.to_ascii_uppercase();
    !upper.contains("INT") && ["CHAR", "CLOB", "TEXT"].iter().any(|word| upper.contains(word))
}

/// The default a `DEFAULT expr` gives (a sequence counter, the current time, a literal, or SQL).
pub(super) fn default_value(expr: &Expr) -> Option<DefaultValue> {
    // The expression as sqlparser writes it, not the source text its span covers: spans of some
    // expressions stop short (`UNIX_TIMESTAMP()` lost its `()`, `EXTRACT(EPOCH FROM NOW())` came
    // out as `NOW()` and read as the current time).
    let text = expr.to_string();
    // pg_dump may quote the function: `"nextval"('…'::"regclass")`.
    let lower = text.to_ascii_lowercase().replace('"', "");
    if lower.starts_with("nextval(") {
        return Some(DefaultValue::Autoincrement);
    }
    if matches!(lower.trim_end_matches("()"), "current_timestamp" | "now" | "localtimestamp") || lower.starts_with("current_timestamp(") {
        return Some(DefaultValue::Now);
    }
    Some(match expr {
        Expr::Value(value) => match &value.value {
            Value::Number(number, _) => DefaultValue::Number(number.clone()),
            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => DefaultValue::String(s.clone()),
            Value::Boolean(b) => DefaultValue::Boolean(*b),
            Value::Null => return None,
            _ => DefaultValue::DbGenerated(text),
        },
        Expr::UnaryOp { op: sqlparser::ast::UnaryOperator::Minus, expr } if matches!(**expr, Expr::Value(_)) => DefaultValue::Number(text),
        Expr::Nested(inner) => return default_value(inner),
        // `'x'::text` in PostgreSQL dumps: the literal is the default; `'now'::date` is the time
        // of the insert (PostgreSQL reads the special value when the default is evaluated).
        Expr::Cast { expr, .. } => {
            return match default_value(expr) {
                Some(DefaultValue::String(value)) if value.eq_ignore_ascii_case("now") => Some(DefaultValue::Now),
                other => other,
            }
        }
        _ => DefaultValue::DbGenerated(text),
    })
}

pub(super) fn lower_column(
    column: &ColumnDef,
    position: u32,
    span: Span,
    dialect: SqlDialect,
    types: &TypeNames,
    inline_enum: Option<&EnumType>,
    _diagnostics: &mut Vec<Diagnostic>,
) -> Field {
    let sql_type = column.data_type.to_string();
    // pg_dump quotes some type names (kanboard's `"text"`): a quoted lowercase name is that type.
    let sql_type = match sql_type.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') && !inner.chars().any(|c| c.is_ascii_uppercase()) => inner.to_string(),
        _ => sql_type,
    };
    let type_name = sql_type.trim_end_matches("[]").rsplit('.').next().unwrap_or("").trim_matches('"').to_ascii_lowercase();
    // `text[]` is a list of `text`; a domain's column is of its base type.
    let declared = match types.domains.get(&type_name) {
        Some(base) => base.as_str(),
        None => sql_type.trim_end_matches("[]"),
    };
    // A type the script names (`CREATE TYPE … AS ENUM`), or MySQL's inline ENUM of this column.
    let (field_type, counts_up) = match inline_enum.map(|e| &e.name).or(types.enums.get(&type_name)) {
        Some(enum_name) => (FieldType::Enum(enum_name.clone()), false),
        // SQLite goes by affinity, and a declared type naming text before any integer is text
        // there whatever else it says (`BLOB SUB_TYPE TEXT` in sakila's SQLite port).
        None if dialect == SqlDialect::Sqlite && sqlite_text_affinity(declared) => (FieldType::String, false),
        None => portable_type(declared),
    };
    let native_type = crate::ir::declared_types::native_type(dialect, declared, &field_type);
    let field_type_of_enum = matches!(field_type, FieldType::Enum(_));
    let mut field = Field {
        name: column.name.value.clone(),
        column: column.name.value.clone(),
        field_type,
        nullable: true,
        list: sql_type.ends_with("[]"),
        default: counts_up.then_some(DefaultValue::Autoincrement),
        native_type,
        database_types: Vec::new(),
        updated_at: false,
        position,
        documentation: None,
        span,
    };
    // A literal default is of the column's type as the database reads it: `'0'` on an integer is
    // the number 0 (Roundcube), `0` and `1` on a boolean are false and true (Synapse on SQLite),
    // a string on an enum column is one of its values.
    let column_type = field.field_type.clone();
    let is_list = field.list;
    let enum_default = move |default: DefaultValue| match (&column_type, default) {
        // PostgreSQL's array literal: `'{}'`, `'{a,b}'` on an array column.
        (_, DefaultValue::String(value)) if is_list && value.starts_with('{') && value.ends_with('}') => {
            let inner = &value[1..value.len() - 1];
            let items = inner.split(',').map(str::trim).filter(|item| !item.is_empty()).map(|item| {
                let item = item.trim_matches('"').to_string();
                match column_type {
                    FieldType::Int | FieldType::BigInt | FieldType::Float | FieldType::Decimal => DefaultValue::Number(item),
                    _ => DefaultValue::String(item),
                }
            });
            DefaultValue::List(items.collect())
        }
        (_, DefaultValue::String(value)) if field_type_of_enum => DefaultValue::EnumValue(crate::languages::prisma::identifier(&value)),
        (FieldType::Int | FieldType::BigInt | FieldType::Float | FieldType::Decimal, DefaultValue::String(value))
            if value.trim().parse::<f64>().is_ok() =>
        {
            DefaultValue::Number(value.trim().to_string())
        }
        (FieldType::Boolean, DefaultValue::Number(value) | DefaultValue::String(value)) => match value.trim().to_ascii_lowercase().as_str()
        {
            "0" | "f" | "false" => DefaultValue::Boolean(false),
            "1" | "t" | "true" => DefaultValue::Boolean(true),
            _ => DefaultValue::DbGenerated(value),
        },
        (_, default) => default,
    };
    for option in &column.options {
        match &option.option {
            ColumnOption::NotNull | ColumnOption::PrimaryKey(_) => field.nullable = false,
            ColumnOption::Default(expr) => {
                if let Some(default) = default_value(expr) {
                    field.default = Some(enum_default(default));
                }
            }
            ColumnOption::Identity(_) | ColumnOption::Generated { .. } => field.default = Some(DefaultValue::Autoincrement),
            ColumnOption::DialectSpecific(tokens) => {
                let text = tokens.iter().map(|t| t.to_string()).collect::<String>().to_ascii_uppercase();
                if text.contains("AUTO_INCREMENT") || text.contains("AUTOINCREMENT") {
                    field.default = Some(DefaultValue::Autoincrement);
                }
            }
            _ => {}
        }
    }
    field
}
