//! Prisma's database schemas (namespaces): the datasource's `schemas = ["base", "auth"]` and each
//! block's `@@schema("auth")`, with Prisma's rules — PostgreSQL, CockroachDB and SQL Server have
//! them; names are strings, each once; a block names one declared schema, exactly once; once
//! schemas are declared, every model, view and enum says which it is in.

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::Provider;
use crate::span::Span;
use crate::syntax::prisma::ast::{Attribute, Block, ConfigKind, Expression, SchemaFile};

/// The schemas the datasource declares, checked.
pub(super) fn declared_schemas(file: &SchemaFile, provider: Option<Provider>, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let property = file.blocks.iter().find_map(|block| match block {
        Block::Config(config) if config.kind == ConfigKind::Datasource => config.property("schemas"),
        _ => None,
    });
    let Some(property) = property else { return Vec::new() };
    if provider.is_some_and(|p| !matches!(p, Provider::Postgresql | Provider::Cockroachdb | Provider::Sqlserver)) {
        let database = provider.map_or("this database", |p| p.display_name());
        diagnostics.push(catalog::database_schema_problem(
            property.name.span,
            &format!("`schemas` has no meaning on {database}: it has no schemas (namespaces) of tables; remove it"),
        ));
        return Vec::new();
    }
    let mut schemas: Vec<String> = Vec::new();
    for item in property.value.as_list() {
        match item {
            Expression::String { value, span } if schemas.contains(value) => {
                diagnostics.push(catalog::database_schema_problem(*span, &format!("the schema \"{value}\" is listed twice in `schemas`")));
            }
            Expression::String { value, .. } => schemas.push(value.clone()),
            other => diagnostics
                .push(catalog::database_schema_problem(other.span(), "`schemas` takes a list of strings (`[\"base\", \"auth\"]`)")),
        }
    }
    schemas
}

/// The schema a model, view or enum is in (`@@schema("auth")`), checked against `declared`.
pub(super) fn block_schema(
    attributes: &[Attribute],
    declared: &[String],
    kind: &str,
    name: &str,
    name_span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut written = attributes.iter().filter(|a| a.is_block_attribute && a.name.name == "schema");
    let first = written.next();
    for again in written {
        diagnostics.push(catalog::database_schema_problem(
            again.span,
            &format!("`@@schema` is written twice on {kind} `{name}`; a {kind} is in one schema"),
        ));
    }
    let Some(attribute) = first else {
        if !declared.is_empty() {
            diagnostics.push(catalog::database_schema_problem(
                name_span,
                &format!("{kind} `{name}` has no `@@schema`: with `schemas` in the datasource, every model, view and enum says which it is in (`@@schema(\"{}\")`)", declared[0]),
            ));
        }
        return None;
    };
    let Some(Expression::String { value, span }) = attribute.argument("map", true).map(|a| &a.value) else {
        diagnostics
            .push(catalog::database_schema_problem(attribute.span, "`@@schema` takes the schema's name as a string: `@@schema(\"auth\")`"));
        return None;
    };
    if !declared.contains(value) {
        let remedy = if declared.is_empty() {
            "declare it in the datasource: `schemas = [\"…\"]`".to_string()
        } else {
            format!("the datasource declares {}", declared.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", "))
        };
        diagnostics.push(catalog::database_schema_problem(
            *span,
            &format!("the schema \"{value}\" is not in the datasource's `schemas`; {remedy}"),
        ));
    }
    Some(value.clone())
}
