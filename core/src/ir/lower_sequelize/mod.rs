//! Lowering of Sequelize v6 models into the IR.
//!
//! Sequelize builds its tables while the code runs: each `define`/`init` makes a model, and each
//! association adds a foreign key attribute to one of the two models, named by Sequelize's rules
//! unless `foreignKey` names it, and merged into an attribute of that name if there is one
//! (whatever was set first wins). The reader replays that in source order: the models
//! ([`models`]), then every association call ([`associations`]), wherever it is written (at the
//! top level, in a factory `module.exports = (sequelize, DataTypes) => { … }`, in
//! `associate(models)` or a class's `static associate`). A model named through an object
//! (`models.User`, `db.User`, `sequelize.models.User`) is the model of that name. Relations are
//! built here from the foreign keys, as the database has them, not from declared ends: a
//! `hasOne` does not make its key unique, so it is a one-to-many at the database.

mod associations;
mod decorators;
mod models;

use crate::diagnostic::Diagnostic;
use crate::ir::declarations::RelationDeclarations;
use crate::ir::{Schema, IR_VERSION};
use crate::syntax::typescript::{Expr, Module, Node};
use models::{DefineDefaults, Model};
use std::collections::HashMap;

/// Lowers Sequelize model code. Never fails.
pub fn lower(module: &Module) -> (Schema, RelationDeclarations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let desugared = decorators::desugar(module, &mut diagnostics);
    let mut expressions = all_expressions(module);
    expressions.extend(desugared.iter().map(|(binding, expression)| (binding.clone(), expression)));
    expressions.sort_by_key(|(_, e)| e.span.start);
    let defaults = define_defaults(&expressions);
    let arrays = string_arrays(&expressions);
    let mut models: Vec<Model> = Vec::new();
    let mut bindings: HashMap<String, usize> = HashMap::new();
    for (binding, expression) in &expressions {
        for definition in definitions(expression) {
            if models.iter().any(|m| m.entity.name == definition.name.value) {
                continue;
            }
            let model = models::read_model(
                definition.name.clone(),
                &with_named_values(definition.attributes, &arrays),
                definition.options,
                defaults,
                definition.span,
                &mut diagnostics,
            );
            let index = models.len();
            if let Some(binding) = binding.clone().or(definition.class.clone()) {
                bindings.insert(binding, index);
            }
            bindings.entry(model.entity.name.clone()).or_insert(index);
            models.push(model);
        }
    }
    remove_attributes(&mut models, &bindings, &expressions);
    let mut schema = Schema { version: IR_VERSION, ..Schema::default() };
    schema.enums = models.iter_mut().flat_map(|m| std::mem::take(&mut m.enums)).collect();
    associations::associate(&mut models, &bindings, &expressions, defaults, &mut schema, &mut diagnostics);
    crate::ir::join_models::mark_join_entities(&mut schema);
    (schema, RelationDeclarations::default(), diagnostics)
}

/// The variables bound to an array of strings (`var roles = ["admin", "member"]`), by name.
fn string_arrays<'e>(expressions: &[(Option<String>, &'e Node<Expr>)]) -> HashMap<String, &'e Node<Expr>> {
    expressions
        .iter()
        .filter_map(|(binding, expression)| {
            let Expr::Array(items) = &expression.value else { return None };
            let binding = binding.clone()?;
            items.iter().all(|i| i.as_str().is_some()).then_some((binding, *expression))
        })
        .collect()
}

/// The attributes with each enum's values written out where they name an array of strings
/// (`values: roles`, `DataTypes.ENUM(roles)`), as Sequelize sees them when the code runs.
fn with_named_values(attributes: &Node<Expr>, arrays: &HashMap<String, &Node<Expr>>) -> Node<Expr> {
    let mut attributes = attributes.clone();
    if arrays.is_empty() {
        return attributes;
    }
    let written = |value: &mut Node<Expr>| {
        if let Expr::Identifier(name) = &value.value {
            if let Some(array) = arrays.get(name) {
                value.value = array.value.clone();
            }
        }
    };
    let Expr::Object(entries) = &mut attributes.value else { return attributes };
    for entry in entries {
        let type_call = match &mut entry.value.value {
            Expr::Object(options) => {
                for option in options.iter_mut().filter(|o| o.key.value == "values") {
                    written(&mut option.value);
                }
                options.iter_mut().find(|o| o.key.value == "type").map(|o| &mut o.value)
            }
            _ => Some(&mut entry.value),
        };
        if let Some(Node { value: Expr::Call { callee, arguments }, .. }) = type_call {
            if callee.path().and_then(|p| p.last().copied()) == Some("ENUM") {
                arguments.iter_mut().for_each(written);
            }
        }
    }
    attributes
}

/// `Model.removeAttribute("name")`: the attribute is gone; Sequelize's own `id` goes so from a
/// table that has no primary key (and then the table has none).
fn remove_attributes(models: &mut [Model], bindings: &HashMap<String, usize>, expressions: &[(Option<String>, &Node<Expr>)]) {
    for (_, expression) in expressions {
        let Expr::Call { callee, arguments } = &expression.value else { continue };
        let Expr::Member(object, method) = &callee.value else { continue };
        let (true, Some(name)) = (method == "removeAttribute", arguments.first().and_then(|a| a.as_str())) else { continue };
        let Some(index) = associations::resolve(object, models, bindings) else { continue };
        let entity = &mut models[index].entity;
        entity.fields.retain(|f| f.name != name);
        if let Some(pk) = &mut entity.primary_key {
            pk.fields.retain(|f| f != name);
            if pk.fields.is_empty() {
                entity.primary_key = None;
            }
        }
    }
}

/// Every variable value (with its name) and call of the module, in source order.
fn all_expressions(module: &Module) -> Vec<(Option<String>, &Node<Expr>)> {
    let mut out: Vec<(Option<String>, &Node<Expr>)> = Vec::new();
    for file in &module.files {
        out.extend(file.variables.iter().map(|v| (Some(v.name.value.clone()), &v.value)));
        out.extend(file.calls.iter().map(|c| (None, c)));
    }
    out.sort_by_key(|(_, e)| e.span.start);
    out
}

/// `new Sequelize(…, { define: { underscored, freezeTableName, timestamps } })`.
fn define_defaults(expressions: &[(Option<String>, &Node<Expr>)]) -> DefineDefaults {
    let mut defaults = DefineDefaults::default();
    for (_, expression) in expressions {
        let Expr::New { callee, arguments } = &expression.value else { continue };
        if callee.path().and_then(|p| p.last().copied()) != Some("Sequelize") {
            continue;
        }
        let Some(define) = arguments.iter().rev().find_map(|a| a.get("define")) else { continue };
        defaults.underscored = define.get("underscored").and_then(|v| v.as_bool());
        defaults.freeze_table_name = define.get("freezeTableName").and_then(|v| v.as_bool());
        defaults.timestamps = define.get("timestamps").and_then(|v| v.as_bool());
    }
    defaults
}

/// A `define` or `init` call.
struct Definition<'e> {
    name: Node<String>,
    attributes: &'e Node<Expr>,
    options: Option<&'e Node<Expr>>,
    /// The class `init` is called on.
    class: Option<String>,
    span: crate::span::Span,
}

/// The model definitions in an expression: `x.define("User", { … }, { … })`,
/// `User.init({ … }, { sequelize, modelName })`, and those assigned (`db.User = …`).
fn definitions(expression: &Node<Expr>) -> Vec<Definition<'_>> {
    let mut found = Vec::new();
    let Expr::Call { callee, arguments } = &expression.value else { return found };
    if let Expr::Identifier(assign) = &callee.value {
        if assign == "=" {
            if let Some(value) = arguments.get(1) {
                found.extend(definitions(value));
            }
            return found;
        }
    }
    let Expr::Member(object, method) = &callee.value else { return found };
    match method.as_str() {
        "define" => {
            if let (Some(name), Some(attributes)) = (arguments.first(), arguments.get(1)) {
                if let (Some(text), Some(_)) = (name.as_str(), attributes.as_object()) {
                    found.push(Definition {
                        name: Node::new(text.to_string(), name.span),
                        attributes,
                        options: arguments.get(2),
                        class: None,
                        span: expression.span,
                    });
                }
            }
        }
        "init" => {
            let Some(class) = object.path().filter(|p| p.len() == 1).map(|p| p[0].to_string()) else { return found };
            let (Some(attributes), options) = (arguments.first(), arguments.get(1)) else { return found };
            if attributes.as_object().is_none() || options.is_some_and(|o| o.get("sequelize").is_none() && o.get("modelName").is_none()) {
                return found;
            }
            let name = options.and_then(|o| o.get("modelName")).and_then(|n| n.as_str().map(|s| Node::new(s.to_string(), n.span)));
            found.push(Definition {
                name: name.unwrap_or_else(|| Node::new(class.clone(), object.span)),
                attributes,
                options,
                class: Some(class),
                span: expression.span,
            });
        }
        _ => {}
    }
    found
}
