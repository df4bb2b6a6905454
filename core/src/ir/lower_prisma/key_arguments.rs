//! The arguments of keys and indexes (`@id`, `@unique`, `@@id`, `@@unique`, `@@index`) that
//! depend on the database, as Prisma's validator has them: a field's `length:` prefix is MySQL's
//! (on String and Bytes fields), and MySQL can key a text or blob column only by a prefix;
//! `clustered:` is SQL Server's, at most one clustered key a table, the primary key clustered
//! unless it says `clustered: false`; `sort:` takes `Asc` or `Desc`.

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{Entity, FieldType, Provider};
use crate::span::Span;
use crate::syntax::prisma::ast::{named_argument, Argument, Attribute, Expression, ModelBlock};

/// MySQL's types that a key or index takes only with a `length:` prefix.
const MYSQL_PREFIX_ONLY: [&str; 8] = ["TinyText", "Text", "MediumText", "LongText", "TinyBlob", "Blob", "MediumBlob", "LongBlob"];

/// One field of a key or index as written: `email`, `url(length: 500)`, or the field an `@id` is on.
struct KeyPart<'a> {
    field: &'a str,
    arguments: &'a [Argument],
    span: Span,
}

pub(super) fn check_key_arguments(model: &ModelBlock, entity: &Entity, provider: Option<Provider>, diagnostics: &mut Vec<Diagnostic>) {
    let mut clustered: Vec<Span> = Vec::new();
    let keys = model
        .fields
        .iter()
        .flat_map(|declaration| declaration.attributes.iter().map(move |a| (a, Some(declaration))))
        .chain(model.attributes.iter().map(|a| (a, None)));
    for (attribute, declaration) in keys {
        let kind = attribute.name.name.as_str();
        if !matches!(kind, "id" | "unique" | "index") {
            continue;
        }
        check_argument_names(attribute, kind, diagnostics);
        let parts: Vec<KeyPart> = match declaration {
            Some(declaration) => {
                vec![KeyPart { field: &declaration.name.name, arguments: &attribute.arguments, span: attribute.span }]
            }
            None => attribute
                .argument("fields", true)
                .map(|fields| fields.value.as_list())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|item| match item {
                    Expression::Call { name, arguments, span } => Some(KeyPart { field: &name.name, arguments, span: *span }),
                    Expression::Constant { name, span } => Some(KeyPart { field: name, arguments: &[], span: *span }),
                    _ => None,
                })
                .collect(),
        };
        for part in &parts {
            check_part(part, kind, attribute, entity, provider, diagnostics);
        }
        if kind == "index" && attribute.is_block_attribute {
            check_index_method(attribute, &parts, entity, provider, diagnostics);
        }
        if clustering(attribute, kind, provider, diagnostics) == Some(true) {
            clustered.push(attribute.span);
        }
    }
    if clustered.len() > 1 {
        for span in clustered {
            diagnostics.push(catalog::clustered_twice(span, &entity.name));
        }
    }
}

/// The named arguments each key takes, as Prisma's validator has them ("No such argument").
fn check_argument_names(attribute: &Attribute, kind: &str, diagnostics: &mut Vec<Diagnostic>) {
    let takes: &[&str] = match (attribute.is_block_attribute, kind) {
        (true, "index") => &["fields", "name", "map", "type", "clustered"],
        (true, _) => &["fields", "name", "map", "clustered"],
        (false, _) => &["map", "length", "sort", "clustered"],
    };
    for argument in &attribute.arguments {
        let Some(name) = argument.name.as_ref().filter(|n| !takes.contains(&n.name.as_str())) else { continue };
        let marker = if attribute.is_block_attribute { "@@" } else { "@" };
        diagnostics.push(catalog::unknown_key_argument(argument.span, &name.name, &format!("{marker}{kind}"), &takes.join(", ")));
    }
}

/// `length:` and `sort:` of one field of a key.
fn check_part(
    part: &KeyPart,
    kind: &str,
    attribute: &Attribute,
    entity: &Entity,
    provider: Option<Provider>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let field = entity.field(part.field);
    let length = named_argument(part.arguments, "length");
    if let Some(length) = length {
        if provider.is_some_and(|p| p != Provider::Mysql) {
            diagnostics.push(catalog::key_argument_not_here(length.span, "length", "MySQL"));
        } else if field.is_some_and(|f| !matches!(f.field_type, FieldType::String | FieldType::Bytes)) {
            diagnostics.push(catalog::key_argument_value(length.span, "length", "a String or Bytes field"));
        }
    }
    if let Some(sort) = named_argument(part.arguments, "sort") {
        if !matches!(&sort.value, Expression::Constant { name, .. } if name == "Asc" || name == "Desc") {
            diagnostics.push(catalog::key_argument_value(sort.value.span(), "sort", "`Asc` or `Desc` (no quotes)"));
        }
    }
    let native = field.and_then(|f| f.native_type.as_ref()).map(|t| t.name.as_str());
    if provider == Some(Provider::Mysql) && length.is_none() {
        if let Some(native) = native.filter(|n| MYSQL_PREFIX_ONLY.contains(n)) {
            let attribute_name = if attribute.is_block_attribute { format!("@@{kind}") } else { format!("@{kind}") };
            diagnostics.push(catalog::mysql_key_needs_length(
                part.span,
                part.field,
                native,
                &attribute_name,
                !attribute.is_block_attribute,
            ));
        }
    }
}

/// An index's `type:` and its fields' `ops:`: PostgreSQL's methods and operator classes (and
/// CockroachDB's `Gin`), each class for its method and columns, SP-GiST on one column.
fn check_index_method(
    attribute: &Attribute,
    parts: &[KeyPart],
    entity: &Entity,
    provider: Option<Provider>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    use crate::languages::prisma_index_methods::{index_column_problem, INDEX_METHODS};
    let method = match attribute.argument("type", false).map(|a| &a.value) {
        None => None,
        Some(Expression::Constant { name, span }) => {
            if !INDEX_METHODS.contains(&name.as_str()) {
                diagnostics.push(catalog::index_method_problem(
                    *span,
                    &entity.name,
                    &format!("has no method `{name}`; Prisma's are {}", INDEX_METHODS.join(", ")),
                ));
                return;
            }
            let here = match provider {
                Some(Provider::Postgresql) | None => true,
                Some(Provider::Cockroachdb) => matches!(name.as_str(), "BTree" | "Gin"),
                Some(_) => name == "BTree",
            };
            if !here {
                let database = provider.map_or("this database", |p| p.display_name());
                diagnostics.push(catalog::index_method_problem(
                    *span,
                    &entity.name,
                    &format!("method {name} is not one {database} has in Prisma"),
                ));
                return;
            }
            Some(name.as_str())
        }
        Some(other) => {
            diagnostics.push(catalog::index_method_problem(
                other.span(),
                &entity.name,
                "type takes a method name: BTree, Hash, Gist, Gin, SpGist or Brin",
            ));
            return;
        }
    };
    if provider.is_some_and(|p| p != Provider::Postgresql) {
        return;
    }
    if method == Some("SpGist") && parts.len() > 1 {
        diagnostics.push(catalog::index_method_problem(attribute.span, &entity.name, "method SpGist indexes one column only"));
    }
    for part in parts {
        let Some(field) = entity.field(part.field) else { continue };
        let ops = match named_argument(part.arguments, "ops").map(|a| &a.value) {
            Some(Expression::Constant { name, .. }) => Some(name.clone()),
            Some(Expression::Call { name, .. }) if name.name == "raw" => Some("raw(".to_string()),
            Some(other) => {
                diagnostics.push(catalog::index_method_problem(
                    other.span(),
                    &entity.name,
                    "`ops:` takes an operator class (`JsonbPathOps`) or `raw(\"…\")`",
                ));
                continue;
            }
            None => None,
        };
        let scalar = crate::languages::prisma::type_name(&field.field_type);
        let scalar = if field.list { format!("{scalar}[]") } else { scalar };
        let Some(scalar) = crate::languages::prisma_index_methods::shape_type(&scalar) else { continue };
        let native = field.native_type.as_ref().map(|t| t.name.as_str());
        let Some(shape) = crate::languages::prisma_index_methods::shape(scalar, native) else { continue };
        if let Some(problem) = index_column_problem(method, ops.as_deref(), shape) {
            diagnostics.push(catalog::index_method_problem(part.span, &entity.name, &format!("{problem} (`{}`)", part.field)));
        }
    }
}

/// Whether the key is clustered (SQL Server), reporting `clustered:` where it does not belong.
fn clustering(attribute: &Attribute, kind: &str, provider: Option<Provider>, diagnostics: &mut Vec<Diagnostic>) -> Option<bool> {
    let written = named_argument(&attribute.arguments, "clustered");
    if let Some(argument) = written {
        if provider.is_some_and(|p| p != Provider::Sqlserver) {
            diagnostics.push(catalog::key_argument_not_here(argument.span, "clustered", "SQL Server"));
            return None;
        }
        return match &argument.value {
            Expression::Constant { name, .. } if name == "true" => Some(true),
            Expression::Constant { name, .. } if name == "false" => Some(false),
            other => {
                diagnostics.push(catalog::key_argument_value(other.span(), "clustered", "`true` or `false`"));
                None
            }
        };
    }
    (provider == Some(Provider::Sqlserver) && kind == "id").then_some(true)
}
