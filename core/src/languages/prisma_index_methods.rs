//! PostgreSQL's index methods and operator classes as Prisma takes them (`@@index([data(ops:
//! JsonbPathOps)], type: Gin)`). The tables were read off Prisma 7's validator: every operator
//! class with every method on the column shapes below, and every method without one. A column of
//! a shape the validator was not asked about is not judged.

/// A column as the validator sees it for an index: its Prisma type (`String[]` for a list) and its
/// native type, if it has one.
pub type Shape = (&'static str, Option<&'static str>);

/// The index methods Prisma names, B-tree first (the default).
pub const INDEX_METHODS: [&str; 6] = ["BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"];

/// The column shapes the tables were read for.
const TRIED: &[Shape] = &[
    ("String", None),
    ("String", Some("Text")),
    ("String", Some("VarChar")),
    ("String", Some("Char")),
    ("String", Some("Inet")),
    ("String", Some("Uuid")),
    ("String", Some("Bit")),
    ("String", Some("VarBit")),
    ("String", Some("Citext")),
    ("Int", None),
    ("Int", Some("SmallInt")),
    ("Int", Some("Oid")),
    ("BigInt", None),
    ("Float", None),
    ("Float", Some("Real")),
    ("Decimal", None),
    ("DateTime", None),
    ("DateTime", Some("Date")),
    ("DateTime", Some("Time")),
    ("DateTime", Some("Timetz")),
    ("DateTime", Some("Timestamptz")),
    ("Json", None),
    ("Json", Some("Json")),
    ("Bytes", None),
    ("Boolean", None),
    ("String[]", None),
    ("Int[]", None),
    ("Json[]", None),
];

/// Operator classes by Prisma's name: the index method each belongs to and the columns it takes,
/// as (field type, native type) pairs, `None` for a field without `@db.`.
const OPERATOR_CLASSES: &[(&str, &str, &[Shape])] = &[
    ("ArrayOps", "Gin", &[("String[]", None), ("Int[]", None), ("Json[]", None)]),
    ("JsonbOps", "Gin", &[("Json", None), ("Json[]", None)]),
    ("JsonbPathOps", "Gin", &[("Json", None), ("Json[]", None)]),
    ("InetOps", "Gist", &[("String", Some("Inet"))]),
    ("InetOps", "SpGist", &[("String", Some("Inet"))]),
    (
        "TextOps",
        "SpGist",
        &[("String", None), ("String", Some("Text")), ("String", Some("VarChar")), ("String", Some("Char")), ("String[]", None)],
    ),
    ("DateBloomOps", "Brin", &[("DateTime", Some("Date"))]),
    ("DateMinMaxOps", "Brin", &[("DateTime", Some("Date"))]),
    ("DateMinMaxMultiOps", "Brin", &[("DateTime", Some("Date"))]),
    ("TimeBloomOps", "Brin", &[("DateTime", Some("Time"))]),
    ("TimeMinMaxOps", "Brin", &[("DateTime", Some("Time"))]),
    ("TimeMinMaxMultiOps", "Brin", &[("DateTime", Some("Time"))]),
    ("TimeTzBloomOps", "Brin", &[("DateTime", Some("Timetz"))]),
    ("TimeTzMinMaxOps", "Brin", &[("DateTime", Some("Timetz"))]),
    ("TimeTzMinMaxMultiOps", "Brin", &[("DateTime", Some("Timetz"))]),
    ("TimestampBloomOps", "Brin", &[("DateTime", None)]),
    ("TimestampMinMaxOps", "Brin", &[("DateTime", None)]),
    ("TimestampMinMaxMultiOps", "Brin", &[("DateTime", None)]),
    ("TimestampTzBloomOps", "Brin", &[("DateTime", Some("Timestamptz"))]),
    ("TimestampTzMinMaxOps", "Brin", &[("DateTime", Some("Timestamptz"))]),
    ("TimestampTzMinMaxMultiOps", "Brin", &[("DateTime", Some("Timestamptz"))]),
    ("UuidBloomOps", "Brin", &[("String", Some("Uuid"))]),
    ("UuidMinMaxOps", "Brin", &[("String", Some("Uuid"))]),
    ("UuidMinMaxMultiOps", "Brin", &[("String", Some("Uuid"))]),
    ("TextBloomOps", "Brin", &[("String", None), ("String", Some("Text")), ("String", Some("VarChar")), ("String[]", None)]),
    ("TextMinMaxOps", "Brin", &[("String", None), ("String", Some("Text")), ("String", Some("VarChar")), ("String[]", None)]),
    ("BpcharBloomOps", "Brin", &[("String", Some("Char"))]),
    ("BpcharMinMaxOps", "Brin", &[("String", Some("Char"))]),
    ("ByteaBloomOps", "Brin", &[("Bytes", None)]),
    ("ByteaMinMaxOps", "Brin", &[("Bytes", None)]),
    ("InetBloomOps", "Brin", &[("String", Some("Inet"))]),
    ("InetMinMaxOps", "Brin", &[("String", Some("Inet"))]),
    ("InetMinMaxMultiOps", "Brin", &[("String", Some("Inet"))]),
    ("InetInclusionOps", "Brin", &[("String", Some("Inet"))]),
    ("OidBloomOps", "Brin", &[("Int", Some("Oid"))]),
    ("OidMinMaxOps", "Brin", &[("Int", Some("Oid"))]),
    ("OidMinMaxMultiOps", "Brin", &[("Int", Some("Oid"))]),
    ("BitMinMaxOps", "Brin", &[("String", Some("Bit"))]),
    ("VarBitMinMaxOps", "Brin", &[("String", Some("VarBit"))]),
    ("Int2BloomOps", "Brin", &[("Int", Some("SmallInt"))]),
    ("Int2MinMaxOps", "Brin", &[("Int", Some("SmallInt"))]),
    ("Int2MinMaxMultiOps", "Brin", &[("Int", Some("SmallInt"))]),
    ("Int4BloomOps", "Brin", &[("Int", None), ("Int[]", None)]),
    ("Int4MinMaxOps", "Brin", &[("Int", None), ("Int[]", None)]),
    ("Int4MinMaxMultiOps", "Brin", &[("Int", None), ("Int[]", None)]),
    ("Int8BloomOps", "Brin", &[("BigInt", None)]),
    ("Int8MinMaxOps", "Brin", &[("BigInt", None)]),
    ("Int8MinMaxMultiOps", "Brin", &[("BigInt", None)]),
    ("Float4BloomOps", "Brin", &[("Float", Some("Real"))]),
    ("Float4MinMaxOps", "Brin", &[("Float", Some("Real"))]),
    ("Float4MinMaxMultiOps", "Brin", &[("Float", Some("Real"))]),
    ("Float8BloomOps", "Brin", &[("Float", None)]),
    ("Float8MinMaxOps", "Brin", &[("Float", None)]),
    ("Float8MinMaxMultiOps", "Brin", &[("Float", None)]),
    ("NumericBloomOps", "Brin", &[("Decimal", None)]),
    ("NumericMinMaxOps", "Brin", &[("Decimal", None)]),
    ("NumericMinMaxMultiOps", "Brin", &[("Decimal", None)]),
];

/// The columns each index method takes without an operator class (B-tree and Hash take every column).
const METHOD_DEFAULTS: &[(&str, &[Shape])] = &[
    ("Gist", &[("String", None), ("String[]", None)]),
    ("Gin", &[("Json", None), ("String[]", None), ("Int[]", None), ("Json[]", None)]),
    (
        "SpGist",
        &[
            ("String", None),
            ("String", Some("Text")),
            ("String", Some("VarChar")),
            ("String", Some("Char")),
            ("String", Some("Inet")),
            ("String[]", None),
        ],
    ),
    (
        "Brin",
        &[
            ("String", None),
            ("String", Some("Text")),
            ("String", Some("VarChar")),
            ("String", Some("Char")),
            ("String", Some("Inet")),
            ("String", Some("Uuid")),
            ("String", Some("Bit")),
            ("String", Some("VarBit")),
            ("Int", None),
            ("Int", Some("SmallInt")),
            ("Int", Some("Oid")),
            ("BigInt", None),
            ("Float", None),
            ("Float", Some("Real")),
            ("Decimal", None),
            ("DateTime", None),
            ("DateTime", Some("Date")),
            ("DateTime", Some("Time")),
            ("DateTime", Some("Timetz")),
            ("DateTime", Some("Timestamptz")),
            ("Bytes", None),
            ("String[]", None),
            ("Int[]", None),
        ],
    ),
];

/// The shape table's own spelling of a Prisma type (`String`, `Int[]`), if the tables know it.
pub fn shape_type(type_name: &str) -> Option<&'static str> {
    TRIED.iter().map(|(t, _)| *t).find(|t| *t == type_name)
}

/// A column's shape as the tables spell it, if they know its native type.
pub fn shape(type_name: &'static str, native: Option<&str>) -> Option<Shape> {
    match native {
        None => Some((type_name, None)),
        Some(native) => TRIED.iter().copied().find(|(t, n)| *t == type_name && *n == Some(native)),
    }
}

/// What is wrong with one column of a PostgreSQL index of `method` (`None` for the B-tree) with
/// the operator class `ops`, if anything; the phrase completes "The index …".
pub fn index_column_problem(method: Option<&str>, ops: Option<&str>, shape: Shape) -> Option<String> {
    let method = method.unwrap_or("BTree");
    let judged = TRIED.contains(&shape);
    let written = |shape: Shape| match shape.1 {
        Some(native) => format!("{} @db.{native}", shape.0),
        None => shape.0.to_string(),
    };
    match ops {
        Some(ops) if ops.starts_with("raw(") => None,
        Some(ops) => {
            let classes: Vec<_> = OPERATOR_CLASSES.iter().filter(|(name, _, _)| *name == ops).collect();
            if classes.is_empty() {
                return Some(format!("operator class `{ops}` is not one Prisma knows; write `raw(\"…\")` for another"));
            }
            let Some((_, _, shapes)) = classes.iter().find(|(_, m, _)| *m == method) else {
                let methods: Vec<&str> = classes.iter().map(|(_, m, _)| *m).collect();
                return Some(format!("operator class `{ops}` belongs to the {} index method, not {method}", methods.join(" and ")));
            };
            (judged && !shapes.contains(&shape)).then(|| {
                let fits: Vec<String> = shapes.iter().map(|s| written(*s)).collect();
                format!("operator class `{ops}` takes a column of {}, not {}", fits.join(" or "), written(shape))
            })
        }
        None => {
            let (_, shapes) = METHOD_DEFAULTS.iter().find(|(m, _)| *m == method)?;
            (judged && !shapes.contains(&shape))
                .then(|| format!("method {method} has no default operator class for a column of {}: name one with `ops:`", written(shape)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_classes_are_judged_by_method_and_column() {
        assert_eq!(index_column_problem(Some("Gin"), Some("JsonbPathOps"), ("Json", None)), None);
        assert!(index_column_problem(Some("Gist"), Some("ArrayOps"), ("String[]", None)).is_some());
        assert!(index_column_problem(Some("Brin"), Some("UuidMinMaxOps"), ("String", None)).is_some());
        assert!(index_column_problem(Some("SpGist"), None, ("Int", None)).is_some());
        assert_eq!(index_column_problem(Some("Gin"), Some("raw(\"gin_trgm_ops\")"), ("String", None)), None);
        assert_eq!(index_column_problem(None, None, ("Json", None)), None);
    }
}
