//! Shard keys (`@shardKey`, `@@shardKey([…])`: PlanetScale's sharding through Prisma's MySQL
//! connector), with Prisma's rules: behind the `shardKeys` preview feature, on MySQL only; the
//! field form takes no argument, the block form a non-empty list of field names; one shard key a
//! model, of scalar fields that exist and are required (unless the model is `@@ignore`d).

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{Entity, Provider};
use crate::syntax::prisma::ast::{Expression, ModelBlock};

/// The model's shard key fields, checked; empty when it has none.
pub(super) fn shard_key(
    model: &ModelBlock,
    entity: &Entity,
    provider: Option<Provider>,
    preview_features: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let on_fields: Vec<_> = model
        .fields
        .iter()
        .flat_map(|declaration| declaration.attributes.iter().filter(|a| a.name.name == "shardKey").map(move |a| (declaration, a)))
        .collect();
    let on_block: Vec<_> = model.attributes.iter().filter(|a| a.name.name == "shardKey").collect();
    let Some(first_span) = on_fields.first().map(|(_, a)| a.span).or_else(|| on_block.first().map(|a| a.span)) else {
        return Vec::new();
    };
    let model_name = &model.name.name;
    if !preview_features.iter().any(|f| f.eq_ignore_ascii_case("shardKeys")) {
        diagnostics.push(catalog::shard_key_problem(
            first_span,
            model_name,
            "shard keys are behind a preview feature: add \"shardKeys\" to the generator's `previewFeatures`",
        ));
    }
    if let Some(provider) = provider.filter(|p| *p != Provider::Mysql) {
        diagnostics.push(catalog::shard_key_problem(
            first_span,
            model_name,
            &format!("shard keys are MySQL's (PlanetScale's) in Prisma, not {}'s", provider.display_name()),
        ));
        return Vec::new();
    }
    if on_fields.len() + on_block.len() > 1 {
        diagnostics.push(catalog::shard_key_problem(
            model.name.span,
            model_name,
            "a model has one shard key: one `@shardKey` field or one `@@shardKey([…])`",
        ));
    }
    let ignored = model.attributes.iter().any(|a| a.name.name == "ignore");
    let mut fields: Vec<String> = Vec::new();
    for (declaration, attribute) in &on_fields {
        if let Some(argument) = attribute.arguments.first() {
            diagnostics.push(catalog::shard_key_problem(argument.span, model_name, "`@shardKey` takes no argument"));
        }
        fields.push(declaration.name.name.clone());
    }
    for attribute in &on_block {
        let list = attribute.argument("fields", true).map(|a| a.value.as_list()).unwrap_or_default();
        if list.iter().all(|item| matches!(item, Expression::Missing { .. })) {
            diagnostics.push(catalog::shard_key_problem(
                attribute.span,
                model_name,
                "`@@shardKey` needs at least one field: `@@shardKey([region])`",
            ));
        }
        for item in list {
            match item {
                Expression::Constant { name, .. } => fields.push(name.clone()),
                Expression::Missing { .. } => {}
                other => diagnostics.push(catalog::shard_key_problem(
                    other.span(),
                    model_name,
                    "`@@shardKey` lists field names, without quotes or arguments",
                )),
            }
        }
    }
    let span = first_span;
    for field in &fields {
        match entity.field(field) {
            Some(scalar) if scalar.nullable && !ignored => {
                diagnostics.push(catalog::shard_key_problem(
                    span,
                    model_name,
                    &format!("the shard key field `{field}` is optional; a shard key is made of required fields"),
                ));
            }
            Some(_) => {}
            None if model.fields.iter().any(|f| &f.name.name == field) => {
                diagnostics.push(catalog::shard_key_problem(
                    span,
                    model_name,
                    &format!("`{field}` is a relation field; a shard key is made of scalar fields"),
                ));
            }
            None => diagnostics.push(catalog::shard_key_problem(
                span,
                model_name,
                &format!("the shard key names `{field}`, which the model does not have"),
            )),
        }
    }
    fields.retain(|f| entity.field(f).is_some());
    fields
}
