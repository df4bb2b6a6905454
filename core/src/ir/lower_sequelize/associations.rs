//! Associations, replayed in source order as Sequelize runs them.
//!
//! - `A.belongsTo(B)`: the key is on A, `camelize(as + "_" + B's key)` where `as` defaults to B's
//!   singular name (`UserId`); ON DELETE SET NULL when it may be null, else NO ACTION.
//! - `A.hasOne(B)`, `A.hasMany(B)`: the key is on B, `camelize(singular(as ?? A) + "_" + A's key)`
//!   for `hasOne`, `camelize(A's singular + "_" + A's key)` for `hasMany`; ON DELETE SET NULL when
//!   it may be null, else CASCADE. `hasOne` does not make the key unique.
//! - `A.belongsToMany(B, { through })`: a join table (the `through` string's model, with
//!   `createdAt`/`updatedAt` and the key pair as primary key) or the `through` model; both keys
//!   CASCADE unless `onDelete`/`onUpdate` say otherwise (A's key takes the association's action
//!   over an earlier one, B's keeps its own), no foreign keys with `constraints: false`. Without
//!   `through`, Sequelize throws.
//!
//! Every key is ON UPDATE CASCADE unless said otherwise. The key attribute of an association
//! merges into an attribute of that name if the model has one, and the first association to set
//! each action wins, as Sequelize's `mergeDefaults` has it. `constraints: false` leaves the
//! defaults out: such an association makes a foreign key only with an `onDelete`, an `onUpdate`
//! or `foreignKeyConstraint: true` of its own, and the action it does not give is the database's
//! (NO ACTION); with none of them it makes the column without a foreign key.

use super::models::{DefineDefaults, Model};
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::code_values::literal_bool;
use crate::ir::{
    lower_camel, EntityPositions, Field, ForeignKey, Navigation, NavigationCardinality, PrimaryKey, ReferentialAction, Relation,
    RelationKind, RelationSide, Schema, UniqueConstraint,
};
use crate::languages::sequelize::{action, camelize, singularize, underscore};
use crate::span::Span;
use crate::syntax::typescript::{Expr, Node};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    BelongsTo,
    HasOne,
    HasMany,
    BelongsToMany,
}

/// One foreign key being built: the model that holds it, the attribute, and what the
/// associations said about it.
struct Key {
    owner: usize,
    /// The key's attributes (one for an association; several for `addConstraint`).
    attributes: Vec<String>,
    referenced: usize,
    referenced_fields: Vec<String>,
    on_delete: Option<ReferentialAction>,
    on_update: Option<ReferentialAction>,
    /// The actions the first association would have taken by default, for code that leaves
    /// every relation to the ORM (`constraints: false` throughout).
    default_actions: (ReferentialAction, ReferentialAction),
    /// The navigation on the owner (`belongsTo`'s `as`) and on the referenced model (`hasMany`'s).
    owner_navigation: Option<(String, Span)>,
    referenced_navigation: Option<(String, NavigationCardinality, Span)>,
    /// Whether an association gave the key a foreign key (a `references`).
    constraints: bool,
    /// Whether an association named the key (`foreignKey`) rather than take Sequelize's.
    given: bool,
    span: Span,
}

pub fn associate(
    models: &mut Vec<Model>,
    bindings: &HashMap<String, usize>,
    expressions: &[(Option<String>, &Node<Expr>)],
    defaults: DefineDefaults,
    schema: &mut Schema,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut keys: Vec<Key> = Vec::new();
    let mut aliases: HashMap<(usize, String), Span> = HashMap::new();
    for (_, expression) in expressions {
        let Expr::Call { callee, arguments } = &expression.value else { continue };
        let Expr::Member(object, method) = &callee.value else { continue };
        let method = match method.as_str() {
            "belongsTo" => Method::BelongsTo,
            "hasOne" => Method::HasOne,
            "hasMany" => Method::HasMany,
            "belongsToMany" => Method::BelongsToMany,
            _ => continue,
        };
        let Some(source) = resolve(object, models, bindings) else { continue };
        let Some(target_argument) = arguments.first() else { continue };
        let Some(target) = resolve(target_argument, models, bindings) else {
            let name = target_argument.path().map(|p| p.join(".")).unwrap_or_else(|| "this value".into());
            diagnostics.push(catalog::association_target_not_a_model(target_argument.span, &name));
            continue;
        };
        let options = arguments.get(1).filter(|o| o.as_object().is_some());
        let alias = options.and_then(|o| o.get("as")).and_then(|a| match &a.value {
            Expr::String(s) => Some((s.clone(), a.span)),
            Expr::Object(_) => a.get("singular").and_then(|s| s.as_str()).map(|s| (s.to_string(), a.span)),
            _ => None,
        });
        if let Some((name, span)) = &alias {
            if let Some(first) = aliases.insert((source, name.clone()), *span) {
                diagnostics.push(catalog::alias_used_twice(*span, name, &models[source].entity.name, first));
            }
        }
        // Sequelize refuses an association named like an attribute of its source (checked when
        // the association is made, before its own key is added).
        let association_name = alias.as_ref().map(|(a, _)| a.clone()).unwrap_or_else(|| match method {
            Method::BelongsTo | Method::HasOne => models[target].singular.clone(),
            _ => models[target].plural.clone(),
        });
        if models[source].entity.field(&association_name).is_some() {
            let span = alias.as_ref().map_or(expression.span, |(_, s)| *s);
            diagnostics.push(catalog::association_named_like_attribute(span, &association_name, &models[source].entity.name));
            continue;
        }
        if method == Method::BelongsToMany {
            belongs_to_many(models, bindings, source, target, options, alias, defaults, expression.span, &mut keys, diagnostics);
            continue;
        }
        let (owner, referenced) = if method == Method::BelongsTo { (source, target) } else { (target, source) };
        let foreign_key = options.and_then(|o| o.get("foreignKey"));
        let (named, column, allow_null) = foreign_key_options(foreign_key, diagnostics);
        let given_name = named.is_some();
        let key_option = match method {
            Method::BelongsTo => "targetKey",
            _ => "sourceKey",
        };
        let referenced_field = options
            .and_then(|o| o.get(key_option))
            .and_then(|k| k.as_str().map(str::to_string))
            .or_else(|| models[referenced].primary_key_attribute().map(|f| f.name.clone()));
        let Some(referenced_field) = referenced_field else { continue };
        let attribute = named.unwrap_or_else(|| {
            let prefix = match method {
                Method::BelongsTo => alias.as_ref().map_or_else(|| models[target].singular.clone(), |(a, _)| a.clone()),
                Method::HasOne => singularize(alias.as_ref().map_or(models[source].entity.name.as_str(), |(a, _)| a.as_str())),
                _ => models[source].singular.clone(),
            };
            camelize(&format!("{prefix}_{referenced_field}"))
        });
        let Some(referenced_key) = models[referenced].entity.field(&referenced_field).cloned() else {
            diagnostics.push(catalog::unknown_property(expression.span, &referenced_field, &models[referenced].entity.name, key_option));
            continue;
        };
        let nullable = ensure_attribute(&mut models[owner], &attribute, column, allow_null, &referenced_key, expression.span);
        // `foreignKey: { unique: true }` makes the key unique, as on any attribute.
        if foreign_key.and_then(|f| f.get("unique")).is_some_and(|u| matches!(u.value, Expr::Bool(true) | Expr::String(_))) {
            let entity = &mut models[owner].entity;
            let fields = vec![attribute.clone()];
            if !entity.is_unique_criterion(&fields) {
                entity.uniques.push(UniqueConstraint {
                    field_options: Vec::new(),
                    fields,
                    constraint_name: None,
                    client_name: None,
                    on_field: true,
                    span: expression.span,
                });
            }
        }
        let constraints =
            options.and_then(|o| o.get("constraints")).and_then(|c| literal_bool(c, "constraints", diagnostics)) != Some(false);
        let explicit = |name: &str, diagnostics: &mut Vec<Diagnostic>| {
            options.and_then(|o| o.get(name)).and_then(|v| match written_action(v) {
                Some(a) => Some(a),
                None => {
                    diagnostics.push(catalog::not_known_statically(v.span, name));
                    None
                }
            })
        };
        let default_delete = match (method, nullable) {
            (_, true) => ReferentialAction::SetNull,
            (Method::BelongsTo, false) => ReferentialAction::NoAction,
            (_, false) => ReferentialAction::Cascade,
        };
        let (on_delete, on_update) = (explicit("onDelete", diagnostics), explicit("onUpdate", diagnostics));
        let (on_delete, on_update) = if constraints {
            (Some(on_delete.unwrap_or(default_delete)), Some(on_update.unwrap_or(ReferentialAction::Cascade)))
        } else {
            (on_delete, on_update)
        };
        let foreign_key_constraint = options
            .and_then(|o| o.get("foreignKeyConstraint"))
            .and_then(|c| literal_bool(c, "foreignKeyConstraint", diagnostics))
            .unwrap_or(false);
        let references = foreign_key_constraint || on_delete.is_some() || on_update.is_some();
        let navigation_name = match method {
            Method::BelongsTo => alias.as_ref().map_or_else(|| models[target].singular.clone(), |(a, _)| a.clone()),
            Method::HasOne => alias.as_ref().map_or_else(|| models[target].singular.clone(), |(a, _)| a.clone()),
            _ => alias.as_ref().map_or_else(|| models[target].plural.clone(), |(a, _)| a.clone()),
        };
        let key = match keys.iter_mut().position(|k| k.owner == owner && k.attributes == [attribute.clone()] && k.referenced == referenced)
        {
            Some(i) => &mut keys[i],
            None => {
                keys.push(Key {
                    owner,
                    attributes: vec![attribute.clone()],
                    referenced,
                    referenced_fields: vec![referenced_field.clone()],
                    on_delete: None,
                    on_update: None,
                    default_actions: (default_delete, ReferentialAction::Cascade),
                    owner_navigation: None,
                    referenced_navigation: None,
                    constraints: false,
                    given: false,
                    span: expression.span,
                });
                keys.last_mut().expect("just pushed")
            }
        };
        // The first association to give the attribute an action wins (`mergeDefaults`).
        if let Some(action) = on_delete {
            key.on_delete.get_or_insert(action);
        }
        if let Some(action) = on_update {
            key.on_update.get_or_insert(action);
        }
        key.constraints |= references;
        key.given |= given_name;
        match method {
            Method::BelongsTo => key.owner_navigation = Some((navigation_name, expression.span)),
            Method::HasOne => key.referenced_navigation = Some((navigation_name, NavigationCardinality::ZeroOrOne, expression.span)),
            _ => key.referenced_navigation = Some((navigation_name, NavigationCardinality::Many, expression.span)),
        }
        if method == Method::HasOne && !models[owner].entity.is_unique_criterion(std::slice::from_ref(&attribute)) {
            diagnostics.push(catalog::has_one_key_not_unique(
                expression.span,
                &models[source].entity.name,
                &models[target].entity.name,
                &attribute,
            ));
        }
    }
    added_constraints(models, expressions, &mut keys, diagnostics);
    for model in models.iter() {
        schema.entities.push(model.entity.clone());
    }
    // Code whose every association says `constraints: false` leaves the relations to the ORM:
    // the schema's relation mode says so, and the relations are kept.
    if !keys.is_empty() && keys.iter().all(|k| !k.constraints) {
        schema.relation_mode = crate::ir::RelationMode::Prisma;
        for key in &mut keys {
            key.constraints = true;
            key.on_delete.get_or_insert(key.default_actions.0);
            key.on_update.get_or_insert(key.default_actions.1);
        }
    }
    check_split_pairs(&keys, models, diagnostics);
    // Looked up for every relation's navigations.
    let positions = EntityPositions::new(schema);
    for key in keys {
        push_relation(schema, &positions, models, key, diagnostics);
    }
}

/// A `hasMany`/`hasOne` and a `belongsTo` between the same two models that name different keys:
/// meant as the two sides of one relation, they make two key columns.
fn check_split_pairs(keys: &[Key], models: &[Model], diagnostics: &mut Vec<Diagnostic>) {
    for has in keys.iter().filter(|k| k.referenced_navigation.is_some() && k.owner_navigation.is_none()) {
        let Some(belongs) = keys.iter().find(|k| {
            k.owner == has.owner
                && k.referenced == has.referenced
                && k.owner_navigation.is_some()
                && k.referenced_navigation.is_none()
                && !(k.given && has.given)
        }) else {
            continue;
        };
        let (owner, referenced) = (&models[has.owner].entity.name, &models[has.referenced].entity.name);
        let later = if belongs.span.start > has.span.start { belongs } else { has };
        diagnostics.push(catalog::split_association_pair(
            later.span,
            owner,
            referenced,
            &belongs.attributes.join(", "),
            &has.attributes.join(", "),
        ));
    }
}

/// A referential action as written: `"CASCADE"`, or one chosen by database
/// (`sequelize.getDialect() === "mysql" ? "NO ACTION" : "SET NULL"`), read as its alternate, the
/// action on the databases the condition does not single out.
fn written_action(value: &Node<Expr>) -> Option<ReferentialAction> {
    match &value.value {
        Expr::Conditional(_, alternate) => written_action(alternate),
        _ => value.as_str().and_then(action),
    }
}

/// The model an expression names: a binding (`User`), or a model reached through an object
/// (`models.User`, `db.User`, `sequelize.models.User`).
pub(super) fn resolve(expression: &Node<Expr>, models: &[Model], bindings: &HashMap<String, usize>) -> Option<usize> {
    let path = expression.path()?;
    if let [name] = path.as_slice() {
        return bindings.get(*name).copied();
    }
    let last = *path.last()?;
    models.iter().position(|m| m.entity.name == last).or_else(|| bindings.get(last).copied())
}

/// `foreignKey: "authorId"` or `{ name, field, allowNull }`: the attribute, its column and
/// whether it may be null, as far as written.
fn foreign_key_options(value: Option<&Node<Expr>>, diagnostics: &mut Vec<Diagnostic>) -> (Option<String>, Option<String>, Option<bool>) {
    let Some(value) = value else { return (None, None, None) };
    match &value.value {
        Expr::String(name) => (Some(name.clone()), None, None),
        Expr::Object(_) => (
            value.get("name").or_else(|| value.get("fieldName")).and_then(|n| n.as_str()).map(str::to_string),
            value.get("field").and_then(|f| f.as_str()).map(str::to_string),
            value.get("allowNull").and_then(|a| literal_bool(a, "allowNull", diagnostics)),
        ),
        _ => {
            diagnostics.push(catalog::not_known_statically(value.span, "foreignKey"));
            (None, None, None)
        }
    }
}

/// The key attribute on `model`: the one declared (whose settings win), else a new one with the
/// type of `referenced_key` (its portable type and its types on each database). Returns whether
/// it may be null.
fn ensure_attribute(
    model: &mut Model,
    attribute: &str,
    column: Option<String>,
    allow_null: Option<bool>,
    referenced_key: &Field,
    span: Span,
) -> bool {
    if let Some(existing) = model.entity.fields.iter_mut().find(|f| f.name == attribute) {
        if let Some(allow_null) =
            allow_null.filter(|_| !model.entity.primary_key.as_ref().is_some_and(|pk| pk.fields.iter().any(|f| f == attribute)))
        {
            existing.nullable = allow_null;
            model.allow_null.insert(attribute.to_string(), Some(allow_null));
        }
        // Sequelize tests the attribute's `allowNull` as held, which is unset on a declared
        // attribute that does not write it.
        return model.allow_null.get(attribute).copied().flatten().unwrap_or(false);
    }
    let column = column.unwrap_or_else(|| if model.underscored { underscore(attribute) } else { attribute.to_string() });
    let nullable = allow_null.unwrap_or(true);
    model.allow_null.insert(attribute.to_string(), Some(nullable));
    let position = model.next_position;
    model.next_position += 1;
    model.entity.fields.push(Field {
        name: attribute.to_string(),
        column,
        field_type: referenced_key.field_type.clone(),
        nullable,
        list: false,
        default: None,
        native_type: referenced_key.native_type.clone(),
        database_types: referenced_key.database_types.clone(),
        updated_at: false,
        position,
        documentation: None,
        span,
    });
    nullable
}

/// `A.belongsToMany(B, { through })`: the join model's two keys.
#[allow(clippy::too_many_arguments)]
fn belongs_to_many(
    models: &mut Vec<Model>,
    bindings: &HashMap<String, usize>,
    source: usize,
    target: usize,
    options: Option<&Node<Expr>>,
    alias: Option<(String, Span)>,
    defaults: DefineDefaults,
    span: Span,
    keys: &mut Vec<Key>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let through = options.and_then(|o| o.get("through"));
    let through = through.map(|t| match &t.value {
        Expr::Object(_) => t.get("model").unwrap_or(t),
        _ => t,
    });
    let Some(through) = through else {
        diagnostics.push(catalog::belongs_to_many_without_through(span, &models[source].entity.name, &models[target].entity.name));
        return;
    };
    let join = match through.as_str() {
        Some(table) => match models.iter().position(|m| m.entity.name == table) {
            Some(existing) => existing,
            None => {
                let timestamps =
                    options.and_then(|o| o.get("timestamps")).and_then(|t| t.as_bool()).or(defaults.timestamps).unwrap_or(true);
                let attributes = Node::new(Expr::Object(Vec::new()), through.span);
                let mut model_options = vec![
                    object_entry("tableName", Expr::String(table.to_string()), through.span),
                    object_entry("timestamps", Expr::Bool(timestamps), through.span),
                ];
                if let Some(underscored) = defaults.underscored {
                    model_options.push(object_entry("underscored", Expr::Bool(underscored), through.span));
                }
                let options = Node::new(Expr::Object(model_options), through.span);
                let mut model = super::models::read_model(
                    Node::new(table.to_string(), through.span),
                    &attributes,
                    Some(&options),
                    DefineDefaults::default(),
                    through.span,
                    diagnostics,
                );
                // The pair of keys is the primary key instead of `id`.
                model.entity.fields.retain(|f| f.name != "id");
                model.entity.primary_key = None;
                models.push(model);
                models.len() - 1
            }
        },
        None => match resolve(through, models, bindings) {
            Some(model) => model,
            None => {
                diagnostics.push(catalog::not_known_statically(through.span, "through"));
                return;
            }
        },
    };
    let key_name = |option: &str, default: String, diagnostics: &mut Vec<Diagnostic>| {
        let (named, column, _) = foreign_key_options(options.and_then(|o| o.get(option)), diagnostics);
        (named.unwrap_or(default), column)
    };
    let (Some(source_key), Some(target_key)) = (
        models[source].primary_key_attribute().map(|f| (f.name.clone(), f.clone())),
        models[target].primary_key_attribute().map(|f| (f.name.clone(), f.clone())),
    ) else {
        return;
    };
    let (foreign, foreign_column) = key_name("foreignKey", camelize(&format!("{}_{}", models[source].singular, source_key.0)), diagnostics);
    let other_prefix = if source == target {
        alias.as_ref().map_or_else(|| models[target].singular.clone(), |(a, _)| singularize(a))
    } else {
        models[target].singular.clone()
    };
    let (other, other_column) = key_name("otherKey", camelize(&format!("{other_prefix}_{}", target_key.0)), diagnostics);
    let generated = models[join].entity.primary_key.is_none();
    let constraints = options.and_then(|o| o.get("constraints")).and_then(|c| literal_bool(c, "constraints", diagnostics)) != Some(false);
    let written = |name: &str| options.and_then(|o| o.get(name)).and_then(written_action);
    let (on_delete, on_update) = (written("onDelete"), written("onUpdate"));
    for (is_source, attribute, column, referenced, (field, referenced_key)) in
        [(true, &foreign, foreign_column, source, source_key), (false, &other, other_column, target, target_key)]
    {
        ensure_attribute(&mut models[join], attribute, column, Some(!generated), &referenced_key, span);
        if generated {
            if let Some(f) = models[join].entity.fields.iter_mut().find(|f| f.name == *attribute) {
                f.nullable = false;
            }
        }
        let index = match keys.iter().position(|k| k.owner == join && k.attributes == [attribute.clone()]) {
            Some(index) => index,
            None => {
                keys.push(Key {
                    owner: join,
                    attributes: vec![attribute.clone()],
                    referenced,
                    referenced_fields: vec![field],
                    on_delete: None,
                    on_update: None,
                    default_actions: (ReferentialAction::Cascade, ReferentialAction::Cascade),
                    owner_navigation: None,
                    referenced_navigation: None,
                    constraints: false,
                    given: true,
                    span,
                });
                keys.len() - 1
            }
        };
        // `constraints: false` adds no reference (one an earlier association made stays).
        if !constraints {
            continue;
        }
        // Sequelize gives the source's key the association's action over the one it holds, and
        // the other key the one it holds over the association's; CASCADE where neither has one.
        let key = &mut keys[index];
        let (delete, update) = if is_source {
            (on_delete.or(key.on_delete), on_update.or(key.on_update))
        } else {
            (key.on_delete.or(on_delete), key.on_update.or(on_update))
        };
        key.on_delete = Some(delete.unwrap_or(ReferentialAction::Cascade));
        key.on_update = Some(update.unwrap_or(ReferentialAction::Cascade));
        key.constraints = true;
    }
    let pair = vec![foreign.clone(), other.clone()];
    let entity = &mut models[join].entity;
    if generated {
        // The pair is the primary key, in the order the first association names it.
        entity.primary_key = Some(PrimaryKey { fields: pair, constraint_name: None, client_name: None, span });
        let timestamps_last: Vec<Field> = entity.fields.iter().filter(|f| f.name == foreign || f.name == other).cloned().collect();
        entity.fields.retain(|f| f.name != foreign && f.name != other);
        for (i, field) in timestamps_last.into_iter().enumerate() {
            entity.fields.insert(i, field);
        }
    } else if !entity.is_unique_criterion(&pair)
        && options.and_then(|o| o.get("through")).and_then(|t| t.get("unique")).and_then(|u| u.as_bool()) != Some(false)
    {
        entity.uniques.push(UniqueConstraint {
            field_options: Vec::new(),
            fields: pair,
            constraint_name: None,
            client_name: None,
            on_field: false,
            span,
        });
    }
}

/// `queryInterface.addConstraint("Table", { type: "foreign key", fields, references: { table,
/// field }, onDelete, onUpdate })`, as code run after `sync()` writes keys an association cannot
/// (composite ones, or one whose association says `constraints: false`); and `type: "unique"`.
fn added_constraints(
    models: &mut [Model],
    expressions: &[(Option<String>, &Node<Expr>)],
    keys: &mut Vec<Key>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (_, expression) in expressions {
        let Expr::Call { callee, arguments } = &expression.value else { continue };
        if callee.path().and_then(|p| p.last().copied()) != Some("addConstraint") {
            continue;
        }
        let (Some(table), Some(options)) = (arguments.first().and_then(|t| t.as_str()), arguments.get(1)) else { continue };
        let Some(owner) = models.iter().position(|m| m.entity.table == table) else { continue };
        let names = |value: Option<&Node<Expr>>| -> Option<Vec<String>> {
            match &value?.value {
                Expr::Array(items) => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
                Expr::String(s) => Some(vec![s.clone()]),
                _ => None,
            }
        };
        let by_column = |model: &Model, columns: Vec<String>| -> Option<Vec<String>> {
            columns.iter().map(|c| model.entity.fields.iter().find(|f| f.column == *c || f.name == *c).map(|f| f.name.clone())).collect()
        };
        let Some(fields) = names(options.get("fields")).and_then(|c| by_column(&models[owner], c)) else {
            diagnostics.push(catalog::not_known_statically(options.span, "the constraint's fields"));
            continue;
        };
        match options.get("type").and_then(|t| t.as_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("unique") => {
                let name = options.get("name").and_then(|n| n.as_str()).map(str::to_string);
                let entity = &mut models[owner].entity;
                if !entity.is_unique_criterion(&fields) {
                    entity.uniques.push(UniqueConstraint {
                        field_options: Vec::new(),
                        fields,
                        constraint_name: name,
                        client_name: None,
                        on_field: false,
                        span: expression.span,
                    });
                }
            }
            Some("foreign key") => {
                let references = options.get("references");
                let Some(referenced) = references
                    .and_then(|r| r.get("table"))
                    .and_then(|t| t.as_str())
                    .and_then(|t| models.iter().position(|m| m.entity.table == t))
                else {
                    continue;
                };
                let Some(referenced_fields) = names(references.and_then(|r| r.get("fields").or_else(|| r.get("field"))))
                    .and_then(|c| by_column(&models[referenced], c))
                else {
                    continue;
                };
                let read = |name: &str| options.get(name).and_then(written_action);
                let (on_delete, on_update) =
                    (read("onDelete").unwrap_or(ReferentialAction::NoAction), read("onUpdate").unwrap_or(ReferentialAction::NoAction));
                match keys.iter_mut().find(|k| k.owner == owner && k.attributes == fields && k.referenced == referenced) {
                    // The association's key, made a foreign key here.
                    Some(key) => {
                        key.constraints = true;
                        key.on_delete = Some(on_delete);
                        key.on_update = Some(on_update);
                    }
                    None => keys.push(Key {
                        owner,
                        attributes: fields,
                        referenced,
                        referenced_fields,
                        on_delete: Some(on_delete),
                        on_update: Some(on_update),
                        default_actions: (on_delete, on_update),
                        owner_navigation: None,
                        referenced_navigation: None,
                        constraints: true,
                        given: true,
                        span: expression.span,
                    }),
                }
            }
            _ => {}
        }
    }
}

fn object_entry(key: &str, value: Expr, span: Span) -> crate::syntax::typescript::ObjectEntry {
    crate::syntax::typescript::ObjectEntry { key: Node::new(key.to_string(), span), value: Node::new(value, span) }
}

/// The relation of one foreign key, with the navigations its associations name.
fn push_relation(schema: &mut Schema, positions: &EntityPositions, models: &[Model], key: Key, diagnostics: &mut Vec<Diagnostic>) {
    let owner = &models[key.owner].entity;
    let referenced = &models[key.referenced].entity;
    if !key.constraints {
        diagnostics
            .push(catalog::not_modelled_yet(key.span, "An association with `constraints: false` (a key column without a foreign key)"));
        return;
    }
    let fields = key.attributes.clone();
    let required = fields.iter().all(|a| owner.field(a).is_some_and(|f| !f.nullable));
    let unique = owner.is_unique_criterion(&fields);
    let kind = if unique { RelationKind::OneToOne } else { RelationKind::OneToMany };
    let index = schema.relations.len();
    // Sequelize's accessors follow the model names (`User`, `Posts`); relplay's navigations start
    // in lower case (`user`, `posts`), as the other languages write them.
    let free_member_name = |schema: &Schema, entity: &str, name: String| match positions.entity(schema, entity) {
        Some(entity) => entity.free_member_name(name),
        None => name,
    };
    let owner_navigation = key.owner_navigation.as_ref().map(|(name, _)| free_member_name(schema, &owner.name, lower_camel(name)));
    let referenced_navigation =
        key.referenced_navigation.as_ref().map(|(name, _, _)| free_member_name(schema, &referenced.name, lower_camel(name)));
    schema.relations.push(Relation {
        name: None,
        kind,
        owning_side: RelationSide { entity: owner.name.clone(), navigation: owner_navigation.clone() },
        inverse_side: RelationSide { entity: referenced.name.clone(), navigation: referenced_navigation.clone() },
        foreign_key: Some(ForeignKey {
            entity: owner.name.clone(),
            fields,
            referenced_entity: referenced.name.clone(),
            referenced_fields: key.referenced_fields.clone(),
            constraint_name: None,
            required,
        }),
        join_table: None,
        id_lists: None,
        // An action no association gave is the database's own.
        on_delete: key.on_delete.unwrap_or(ReferentialAction::NoAction),
        on_update: key.on_update.unwrap_or(ReferentialAction::NoAction),
        span: key.span,
    });
    if let (Some(name), Some((_, span))) = (owner_navigation, &key.owner_navigation) {
        let cardinality = if required { NavigationCardinality::One } else { NavigationCardinality::ZeroOrOne };
        add_navigation(schema, positions.position(&owner.name), name, &referenced.name, cardinality, index, *span);
    }
    if let (Some(name), Some((_, cardinality, span))) = (referenced_navigation, &key.referenced_navigation) {
        let cardinality = if kind == RelationKind::OneToMany { NavigationCardinality::Many } else { *cardinality };
        add_navigation(schema, positions.position(&referenced.name), name, &owner.name, cardinality, index, *span);
    }
}

fn add_navigation(
    schema: &mut Schema,
    entity: Option<usize>,
    name: String,
    target: &str,
    cardinality: NavigationCardinality,
    relation: usize,
    span: Span,
) {
    let Some(entity) = entity.and_then(|index| schema.entities.get_mut(index)) else { return };
    let position = entity.fields.iter().map(|f| f.position).max().unwrap_or(0) + 1 + entity.navigations.len() as u32;
    entity.navigations.push(Navigation {
        name,
        target: target.to_string(),
        cardinality,
        relation,
        position,
        documentation: None,
        span,
        type_span: span,
    });
}
