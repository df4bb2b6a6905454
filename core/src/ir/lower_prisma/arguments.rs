//! Reading attribute arguments: names, string values, field lists.

use crate::diagnostic::{catalog, Diagnostic};
use crate::span::Span;
use crate::syntax::prisma::ast::{named_argument, Attribute, Expression};

/// The `map` name of the first `@map` / `@@map` attribute among `attributes`.
pub(super) fn mapped_name(attributes: &[Attribute], block: bool) -> Option<String> {
    attributes.iter().filter(|a| a.is_block_attribute == block && a.name.name == "map").find_map(|a| string_argument(a, "name", true))
}

/// A string argument by name (or the first positional one when `positional`).
pub(super) fn string_argument(attribute: &Attribute, name: &str, positional: bool) -> Option<String> {
    match &attribute.argument(name, positional)?.value {
        Expression::String { value, .. } => Some(value.clone()),
        _ => None,
    }
}

/// A list of field names with their spans (`[a, b(sort: Desc)]` or a single name).
pub(super) fn field_list(value: &Expression, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, Span)> {
    let mut names = Vec::new();
    for item in value.as_list() {
        match item.as_name() {
            Some((name, span)) => names.push((name.to_string(), span)),
            None if matches!(item, Expression::Missing { .. }) => {}
            None => diagnostics.push(catalog::expected_field_name(item.span())),
        }
    }
    names
}

/// The `length`, `sort` and `ops` arguments of the fields of a list (`[projectId, url(length: 500)]`,
/// `createdAt(sort: Desc)`), for the fields that have any.
pub(super) fn key_field_options(value: &Expression) -> Vec<crate::ir::KeyFieldOptions> {
    let mut options = Vec::new();
    for item in value.as_list() {
        let Expression::Call { name, arguments, .. } = item else { continue };
        let argument = |wanted: &str| named_argument(arguments, wanted).map(|a| &a.value);
        let length = match argument("length") {
            Some(Expression::Number { text, .. }) => text.parse().ok(),
            _ => None,
        };
        let descending = matches!(argument("sort"), Some(Expression::Constant { name, .. }) if name == "Desc");
        let ops = match argument("ops") {
            Some(Expression::Constant { name, .. }) => Some(name.clone()),
            Some(Expression::Call { name, arguments, .. }) if name.name == "raw" => match arguments.first().map(|a| &a.value) {
                Some(Expression::String { value, .. }) => Some(format!("raw(\"{}\")", value.replace('\\', "\\\\").replace('"', "\\\""))),
                _ => None,
            },
            _ => None,
        };
        if length.is_some() || descending || ops.is_some() {
            options.push(crate::ir::KeyFieldOptions { field: name.name.clone(), length, descending, ops });
        }
    }
    options
}

/// The text of an expression as written, for native type arguments (`255`, `"x"`).
pub(super) fn expression_text(source_value: &Expression) -> String {
    match source_value {
        Expression::String { value, .. } => value.clone(),
        Expression::Number { text, .. } => text.clone(),
        Expression::Constant { name, .. } => name.clone(),
        Expression::Call { name, .. } => format!("{}()", name.name),
        Expression::Array { items, .. } => items.iter().map(expression_text).collect::<Vec<_>>().join(", "),
        Expression::Missing { .. } => String::new(),
    }
}

/// An attribute as Prisma writes it (`@@index([address.city], map: "city")`), for what only
/// Prisma keeps and the IR carries as written.
pub(super) fn attribute_source(attribute: &crate::syntax::prisma::ast::Attribute) -> String {
    let marker = if attribute.is_block_attribute { "@@" } else { "@" };
    format!("{marker}{}({})", attribute.name.name, arguments_source(&attribute.arguments))
}

fn arguments_source(arguments: &[crate::syntax::prisma::ast::Argument]) -> String {
    let written: Vec<String> = arguments
        .iter()
        .map(|argument| match &argument.name {
            Some(name) => format!("{}: {}", name.name, expression_source(&argument.value)),
            None => expression_source(&argument.value),
        })
        .collect();
    written.join(", ")
}

fn expression_source(value: &Expression) -> String {
    match value {
        Expression::String { value, .. } => format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\"")),
        Expression::Number { text, .. } => text.clone(),
        Expression::Constant { name, .. } => name.clone(),
        Expression::Call { name, arguments, .. } if arguments.is_empty() => format!("{}()", name.name),
        Expression::Call { name, arguments, .. } => format!("{}({})", name.name, arguments_source(arguments)),
        Expression::Array { items, .. } => format!("[{}]", items.iter().map(expression_source).collect::<Vec<_>>().join(", ")),
        Expression::Missing { .. } => String::new(),
    }
}
