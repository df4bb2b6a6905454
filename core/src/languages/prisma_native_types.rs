//! Prisma's native types (`@db.VarChar(190)`) per provider: which exist, which field types each
//! may annotate, and what arguments each takes. The table was read off Prisma 7's validator
//! (`@prisma/prisma-schema-wasm`): every name tried with every scalar type and argument count on
//! every provider, the bounds from its messages. SQLite has none.

use crate::ir::{FieldType, Provider};

/// What a native type takes in its parentheses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arguments {
    None,
    /// Nothing or one number (`@db.VarChar`, `@db.VarChar(190)`).
    Optional,
    /// One number (MySQL's `@db.VarChar(190)`).
    Required,
    /// Nothing or two numbers (`@db.Decimal(10, 2)`), the scale no larger than the precision.
    PrecisionAndScale,
}

/// The range Prisma allows for a native type's first argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub low: u64,
    pub high: u64,
    /// What the argument is (`length`, `precision`).
    pub what: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct NativeTypeSpec {
    pub name: &'static str,
    /// The field types it may annotate.
    pub field_types: &'static [FieldType],
    pub arguments: Arguments,
    pub bound: Option<Bound>,
    /// Whether `Max` may stand for the number (SQL Server's `@db.NVarChar(Max)`).
    pub takes_max: bool,
}

const fn spec(
    name: &'static str,
    field_types: &'static [FieldType],
    arguments: Arguments,
    bound: Option<Bound>,
    takes_max: bool,
) -> NativeTypeSpec {
    NativeTypeSpec { name, field_types, arguments, bound, takes_max }
}

/// The native types of `provider`.
pub fn native_types(provider: Provider) -> &'static [NativeTypeSpec] {
    match provider {
        Provider::Postgresql => POSTGRESQL,
        Provider::Mysql => MYSQL,
        Provider::Sqlite => &[],
        Provider::Sqlserver => SQLSERVER,
        Provider::Cockroachdb => COCKROACHDB,
        Provider::Mongodb => MONGODB,
    }
}

/// What is wrong with a native type on a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NativeTypeProblem {
    /// The provider has no native type of that name.
    Unknown,
    /// The native type is for other field types.
    FieldType(&'static [FieldType]),
    /// The arguments do not fit; the phrase says what it takes.
    Arguments(String),
}

/// What is wrong with `@db.name(arguments…)` on a field of `field_type` on `provider`, if anything.
/// Fields of an enum or `Unsupported` type are not judged here.
pub fn native_type_problem(provider: Provider, name: &str, arguments: &[String], field_type: &FieldType) -> Option<NativeTypeProblem> {
    let Some(spec) = native_types(provider).iter().find(|spec| spec.name == name) else {
        return Some(NativeTypeProblem::Unknown);
    };
    if !spec.field_types.contains(field_type) {
        return Some(NativeTypeProblem::FieldType(spec.field_types));
    }
    arguments_problem(spec, provider, arguments).map(NativeTypeProblem::Arguments)
}

fn arguments_problem(spec: &NativeTypeSpec, provider: Provider, arguments: &[String]) -> Option<String> {
    let number = |text: &String| text.parse::<u64>().ok();
    let a_number = if spec.takes_max { "a number or `Max`" } else { "a number (0 or more)" };
    let takes = match spec.arguments {
        Arguments::None => "no argument".to_string(),
        Arguments::Optional => format!("no argument or one: {a_number}"),
        Arguments::Required => format!("one argument: {a_number}"),
        Arguments::PrecisionAndScale => "no argument, or two numbers: the precision and the scale".to_string(),
    };
    let count_fits = match spec.arguments {
        Arguments::None => arguments.is_empty(),
        Arguments::Optional => arguments.len() <= 1,
        Arguments::Required => arguments.len() == 1,
        Arguments::PrecisionAndScale => arguments.is_empty() || arguments.len() == 2,
    };
    if !count_fits || arguments.iter().any(|a| number(a).is_none() && !(spec.takes_max && a == "Max")) {
        return Some(takes);
    }
    if let (Some(bound), Some(first)) = (spec.bound, arguments.first().and_then(number)) {
        if !(bound.low..=bound.high).contains(&first) {
            let provider = provider.display_name();
            return Some(format!("a {} from {} to {} on {provider}", bound.what, bound.low, bound.high));
        }
    }
    if let [precision, scale] = arguments {
        if number(scale) > number(precision) {
            return Some("a scale no larger than its precision".to_string());
        }
    }
    None
}

/// postgresql's native types.
const POSTGRESQL: &[NativeTypeSpec] = &[
    spec("SmallInt", &[FieldType::Int], Arguments::None, None, false),
    spec("Integer", &[FieldType::Int], Arguments::None, None, false),
    spec("BigInt", &[FieldType::BigInt], Arguments::None, None, false),
    spec("Decimal", &[FieldType::Decimal], Arguments::PrecisionAndScale, Some(Bound { low: 1, high: 1000, what: "precision" }), false),
    spec("Money", &[FieldType::Decimal], Arguments::None, None, false),
    spec("Inet", &[FieldType::String], Arguments::None, None, false),
    spec("Oid", &[FieldType::Int], Arguments::None, None, false),
    spec("Citext", &[FieldType::String], Arguments::None, None, false),
    spec("Real", &[FieldType::Float], Arguments::None, None, false),
    spec("DoublePrecision", &[FieldType::Float], Arguments::None, None, false),
    spec("VarChar", &[FieldType::String], Arguments::Optional, None, false),
    spec("Char", &[FieldType::String], Arguments::Optional, None, false),
    spec("Text", &[FieldType::String], Arguments::None, None, false),
    spec("ByteA", &[FieldType::Bytes], Arguments::None, None, false),
    spec("Timestamp", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Timestamptz", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Date", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Time", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Timetz", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Boolean", &[FieldType::Boolean], Arguments::None, None, false),
    spec("Bit", &[FieldType::String], Arguments::Optional, None, false),
    spec("VarBit", &[FieldType::String], Arguments::Optional, None, false),
    spec("Uuid", &[FieldType::String], Arguments::None, None, false),
    spec("Xml", &[FieldType::String], Arguments::None, None, false),
    spec("Json", &[FieldType::Json], Arguments::None, None, false),
    spec("JsonB", &[FieldType::Json], Arguments::None, None, false),
];

/// mysql's native types.
const MYSQL: &[NativeTypeSpec] = &[
    spec("SmallInt", &[FieldType::Int], Arguments::None, None, false),
    spec("BigInt", &[FieldType::BigInt], Arguments::None, None, false),
    spec("Decimal", &[FieldType::Decimal], Arguments::PrecisionAndScale, Some(Bound { low: 1, high: 65, what: "precision" }), false),
    spec("VarChar", &[FieldType::String], Arguments::Required, Some(Bound { low: 0, high: 65535, what: "length" }), false),
    spec("Char", &[FieldType::String], Arguments::Required, Some(Bound { low: 0, high: 255, what: "length" }), false),
    spec("Text", &[FieldType::String], Arguments::None, None, false),
    spec("Timestamp", &[FieldType::DateTime], Arguments::Optional, None, false),
    spec("Date", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Time", &[FieldType::DateTime], Arguments::Optional, None, false),
    spec("Bit", &[FieldType::Boolean, FieldType::Bytes], Arguments::Required, Some(Bound { low: 1, high: 64, what: "length" }), false),
    spec("Json", &[FieldType::Json], Arguments::None, None, false),
    spec("Int", &[FieldType::Int], Arguments::None, None, false),
    spec("UnsignedInt", &[FieldType::Int], Arguments::None, None, false),
    spec("UnsignedSmallInt", &[FieldType::Int], Arguments::None, None, false),
    spec("TinyInt", &[FieldType::Int, FieldType::Boolean], Arguments::None, None, false),
    spec("UnsignedTinyInt", &[FieldType::Int, FieldType::Boolean], Arguments::None, None, false),
    spec("MediumInt", &[FieldType::Int], Arguments::None, None, false),
    spec("UnsignedMediumInt", &[FieldType::Int], Arguments::None, None, false),
    spec("UnsignedBigInt", &[FieldType::BigInt], Arguments::None, None, false),
    spec("Float", &[FieldType::Float], Arguments::None, None, false),
    spec("Double", &[FieldType::Float], Arguments::None, None, false),
    spec("Binary", &[FieldType::Bytes], Arguments::Required, None, false),
    spec("VarBinary", &[FieldType::Bytes], Arguments::Required, None, false),
    spec("TinyBlob", &[FieldType::Bytes], Arguments::None, None, false),
    spec("Blob", &[FieldType::Bytes], Arguments::None, None, false),
    spec("MediumBlob", &[FieldType::Bytes], Arguments::None, None, false),
    spec("LongBlob", &[FieldType::Bytes], Arguments::None, None, false),
    spec("TinyText", &[FieldType::String], Arguments::None, None, false),
    spec("MediumText", &[FieldType::String], Arguments::None, None, false),
    spec("LongText", &[FieldType::String], Arguments::None, None, false),
    spec("DateTime", &[FieldType::DateTime], Arguments::Optional, None, false),
    spec("Year", &[FieldType::Int], Arguments::None, None, false),
];

/// sqlserver's native types.
const SQLSERVER: &[NativeTypeSpec] = &[
    spec("SmallInt", &[FieldType::Int], Arguments::None, None, false),
    spec("BigInt", &[FieldType::BigInt], Arguments::None, None, false),
    spec("Decimal", &[FieldType::Decimal], Arguments::PrecisionAndScale, Some(Bound { low: 1, high: 38, what: "precision" }), false),
    spec("Money", &[FieldType::Float], Arguments::None, None, false),
    spec("Real", &[FieldType::Float], Arguments::None, None, false),
    spec("VarChar", &[FieldType::String], Arguments::Optional, Some(Bound { low: 1, high: 8000, what: "length" }), true),
    spec("Char", &[FieldType::String], Arguments::Optional, Some(Bound { low: 1, high: 8000, what: "length" }), false),
    spec("Text", &[FieldType::String], Arguments::None, None, false),
    spec("Date", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Time", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Bit", &[FieldType::Int, FieldType::Boolean], Arguments::None, None, false),
    spec("Xml", &[FieldType::String], Arguments::None, None, false),
    spec("Int", &[FieldType::Int], Arguments::None, None, false),
    spec("TinyInt", &[FieldType::Int], Arguments::None, None, false),
    spec("Float", &[FieldType::Float], Arguments::Optional, Some(Bound { low: 1, high: 53, what: "bits" }), false),
    spec("Binary", &[FieldType::Bytes], Arguments::Optional, Some(Bound { low: 1, high: 8000, what: "length" }), false),
    spec("VarBinary", &[FieldType::Bytes], Arguments::Optional, Some(Bound { low: 1, high: 8000, what: "length" }), true),
    spec("DateTime", &[FieldType::DateTime], Arguments::None, None, false),
    spec("SmallMoney", &[FieldType::Float], Arguments::None, None, false),
    spec("DateTime2", &[FieldType::DateTime], Arguments::None, None, false),
    spec("SmallDateTime", &[FieldType::DateTime], Arguments::None, None, false),
    spec("DateTimeOffset", &[FieldType::DateTime], Arguments::None, None, false),
    spec("NChar", &[FieldType::String], Arguments::Optional, Some(Bound { low: 1, high: 4000, what: "length" }), false),
    spec("NVarChar", &[FieldType::String], Arguments::Optional, Some(Bound { low: 1, high: 4000, what: "length" }), true),
    spec("NText", &[FieldType::String], Arguments::None, None, false),
    spec("Image", &[FieldType::Bytes], Arguments::None, None, false),
    spec("UniqueIdentifier", &[FieldType::String], Arguments::None, None, false),
];

/// cockroachdb's native types.
const COCKROACHDB: &[NativeTypeSpec] = &[
    spec("Decimal", &[FieldType::Decimal], Arguments::PrecisionAndScale, Some(Bound { low: 1, high: 1000, what: "precision" }), false),
    spec("Inet", &[FieldType::String], Arguments::None, None, false),
    spec("Oid", &[FieldType::Int], Arguments::None, None, false),
    spec("Char", &[FieldType::String], Arguments::Optional, None, false),
    spec("Timestamp", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Timestamptz", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Date", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Time", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Timetz", &[FieldType::DateTime], Arguments::Optional, Some(Bound { low: 0, high: 6, what: "precision" }), false),
    spec("Bit", &[FieldType::String], Arguments::Optional, None, false),
    spec("VarBit", &[FieldType::String], Arguments::Optional, None, false),
    spec("Uuid", &[FieldType::String], Arguments::None, None, false),
    spec("JsonB", &[FieldType::Json], Arguments::None, None, false),
    spec("Int2", &[FieldType::Int], Arguments::None, None, false),
    spec("Int4", &[FieldType::Int], Arguments::None, None, false),
    spec("Int8", &[FieldType::BigInt], Arguments::None, None, false),
    spec("Float4", &[FieldType::Float], Arguments::None, None, false),
    spec("Float8", &[FieldType::Float], Arguments::None, None, false),
    spec("CatalogSingleChar", &[FieldType::String], Arguments::None, None, false),
    spec("String", &[FieldType::String], Arguments::Optional, None, false),
    spec("Bytes", &[FieldType::Bytes], Arguments::None, None, false),
    spec("Bool", &[FieldType::Boolean], Arguments::None, None, false),
];

/// mongodb's native types.
const MONGODB: &[NativeTypeSpec] = &[
    spec("Timestamp", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Date", &[FieldType::DateTime], Arguments::None, None, false),
    spec("Json", &[FieldType::Json], Arguments::None, None, false),
    spec("Int", &[FieldType::Int], Arguments::None, None, false),
    spec("Double", &[FieldType::Float], Arguments::None, None, false),
    spec("String", &[FieldType::String], Arguments::None, None, false),
    spec("Bool", &[FieldType::Boolean], Arguments::None, None, false),
    spec("Long", &[FieldType::Int, FieldType::BigInt], Arguments::None, None, false),
    spec("BinData", &[FieldType::Bytes], Arguments::None, None, false),
    spec("ObjectId", &[FieldType::String, FieldType::Bytes], Arguments::None, None, false),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_native_type_is_judged_by_provider_field_type_and_arguments() {
        let problem = |provider, name, arguments: &[&str], field_type| {
            native_type_problem(provider, name, &arguments.iter().map(|a| a.to_string()).collect::<Vec<_>>(), &field_type)
        };
        assert_eq!(problem(Provider::Postgresql, "VarChar", &["190"], FieldType::String), None);
        assert_eq!(problem(Provider::Postgresql, "Nope", &[], FieldType::String), Some(NativeTypeProblem::Unknown));
        assert_eq!(problem(Provider::Sqlite, "Text", &[], FieldType::String), Some(NativeTypeProblem::Unknown));
        assert_eq!(problem(Provider::Postgresql, "VarChar", &[], FieldType::Int), Some(NativeTypeProblem::FieldType(&[FieldType::String])));
        assert!(matches!(problem(Provider::Postgresql, "Time", &["-1"], FieldType::DateTime), Some(NativeTypeProblem::Arguments(_))));
        assert!(matches!(problem(Provider::Postgresql, "Timestamp", &["7"], FieldType::DateTime), Some(NativeTypeProblem::Arguments(_))));
        assert!(matches!(problem(Provider::Mysql, "VarChar", &[], FieldType::String), Some(NativeTypeProblem::Arguments(_))));
        assert!(matches!(problem(Provider::Postgresql, "Decimal", &["1", "5"], FieldType::Decimal), Some(NativeTypeProblem::Arguments(_))));
        assert_eq!(problem(Provider::Sqlserver, "NVarChar", &["Max"], FieldType::String), None);
        assert_eq!(problem(Provider::Mongodb, "Long", &[], FieldType::BigInt), None);
    }
}
