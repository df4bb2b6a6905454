//! Lowering of VibORM schemas into the IR.
//!
//! A model is `const user = s.model({ … })` with its chained model options (`.map("users")`,
//! `.id([…])`, `.unique([…])`, `.index([…], { name })`); its key (the variable, as the
//! `schema` object registers it) names it: the entity is the key with a capital (`user` →
//! `User`), the table is `.map()`'s name or the key. A scalar is a chain on `s.int()`,
//! `s.string()`… (`.nullable()`, `.array()`, `.id()`, `.unique()`, `.increment()`, `.now()`,
//! `.uuid()`, `.default(v)`, `.updatedAt()`, `.map("column")`); a relation is a chain with one
//! getter (`oneToOne`, `manyToOne`, `oneToMany`, `manyToMany`) and its configuration, in either
//! of VibORM's API forms: getter first (`s.manyToOne(() => user).fields("authorId")…`) or
//! configuration first (`s.relation.fields("authorId")….manyToOne(() => user)`). The ends are
//! declared with what they say and paired by target and `.name()`, as Prisma's are; the neutral
//! builder makes the relations with VibORM's conventions.

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::{AmbiguousEnds, DeclaredEnd, DeclaredPair, RelationDeclarations, Written};
use crate::ir::{
    DefaultValue, Entity, EnumType, EnumTypeValue, Field, FieldType, Index, NavigationCardinality, PrimaryKey, Schema, UniqueConstraint,
    IR_VERSION,
};
use crate::languages::viborm::{action, JunctionOptions, VibOrmConventions};
use crate::span::Span;
use crate::syntax::typescript::{Expr, Module, Node};
use std::collections::HashMap;

/// Lowers a VibORM schema. Never fails.
pub fn lower(module: &Module) -> (Schema, RelationDeclarations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut schema = Schema { version: IR_VERSION, ..Schema::default() };
    let mut conventions = VibOrmConventions::default();
    // The models: variables whose value is an `s.model(…)` chain.
    let mut models: Vec<(String, &Node<Expr>, Vec<Call>)> = Vec::new();
    for variable in module.files.iter().flat_map(|f| &f.variables) {
        let calls = chain(&variable.value);
        if calls.first().is_some_and(|c| c.method == "model") {
            models.push((variable.name.value.clone(), &variable.value, calls));
        }
    }
    let entity_of: HashMap<String, String> = models.iter().map(|(key, _, _)| (key.clone(), entity_name(key))).collect();
    let mut ends: Vec<DeclaredEnd> = Vec::new();
    for (key, value, calls) in &models {
        let name = entity_of[key].clone();
        conventions.keys.insert(name.clone(), key.clone());
        let members = calls.iter().find(|c| c.method == "model").and_then(|c| c.arguments.iter().find(|a| a.as_object().is_some()));
        let table = calls.iter().find(|c| c.method == "map").and_then(|c| c.arguments.first()).and_then(|a| a.as_str()).unwrap_or(key);
        let mut entity = Entity::new(name.clone(), table.to_string(), value.span, value.span);
        let mut primary = Vec::new();
        for (position, entry) in members.and_then(|m| m.as_object()).unwrap_or_default().iter().enumerate() {
            let member = chain(&entry.value);
            let position = position as u32 + 1;
            if let Some(getter) = member.iter().find(|c| GETTERS.contains(&c.method.as_str())) {
                let target = getter.arguments.first().and_then(|a| match &a.value {
                    Expr::Arrow { body: Some(body), .. } => body.path().map(|p| p.join(".")),
                    _ => None,
                });
                let Some(target) = target.and_then(|t| entity_of.get(&t).cloned()) else {
                    diagnostics.push(catalog::relation_target_not_an_entity(getter.span, "the getter's model"));
                    continue;
                };
                ends.push(declared_end(
                    &name,
                    entry.key.clone(),
                    target,
                    getter,
                    &member,
                    position,
                    entry.value.span,
                    &mut conventions,
                    &mut diagnostics,
                ));
                continue;
            }
            let Some(field) = scalar(&name, &entry.key, &member, position, entry.value.span, &mut schema.enums, &mut diagnostics) else {
                continue;
            };
            if member.iter().any(|c| c.method == "id") {
                primary.push(field.name.clone());
            }
            if member.iter().any(|c| c.method == "unique") {
                entity.uniques.push(UniqueConstraint {
                    field_options: Vec::new(),
                    fields: vec![field.name.clone()],
                    constraint_name: None,
                    client_name: None,
                    on_field: true,
                    span: entry.key.span,
                });
            }
            entity.fields.push(field);
        }
        for call in calls.iter().skip(1) {
            let names = call.arguments.first().and_then(|a| match &a.value {
                Expr::Array(items) => items.iter().map(|i| i.as_str().map(str::to_string)).collect::<Option<Vec<_>>>(),
                _ => None,
            });
            let constraint_name = call.arguments.get(1).and_then(|o| o.get("name")).and_then(|n| n.as_str()).map(str::to_string);
            match (call.method.as_str(), names) {
                ("id", Some(fields)) => primary = fields,
                ("unique", Some(fields)) => entity.uniques.push(UniqueConstraint {
                    field_options: Vec::new(),
                    fields,
                    constraint_name,
                    client_name: None,
                    on_field: false,
                    span: call.span,
                }),
                ("index", Some(fields)) => {
                    entity.indexes.push(Index { field_options: Vec::new(), fields, constraint_name, index_type: None, span: call.span })
                }
                _ => {}
            }
        }
        if !primary.is_empty() {
            entity.primary_key = Some(PrimaryKey { fields: primary, constraint_name: None, client_name: None, span: value.span });
        }
        schema.entities.push(entity);
    }
    let declarations = pair_ends(ends);
    crate::ir::relations::build_relations(&mut schema, &declarations, &conventions);
    crate::ir::join_models::mark_join_entities(&mut schema);
    (schema, declarations, diagnostics)
}

const GETTERS: [&str; 4] = ["oneToOne", "manyToOne", "oneToMany", "manyToMany"];

/// `user` → `User`: the entity named by a schema key.
fn entity_name(key: &str) -> String {
    let mut chars = key.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default() + chars.as_str()
}

/// One call of a chain: `.fields("a", "b")`.
struct Call {
    method: String,
    arguments: Vec<Node<Expr>>,
    span: Span,
}

/// A chain `s.a(x).b(y)` (or `s.relation.a(x)…`) as its calls from the first, `s` and
/// `relation` left out.
fn chain(expression: &Node<Expr>) -> Vec<Call> {
    let mut calls = Vec::new();
    let mut current = expression;
    loop {
        match &current.value {
            Expr::Call { callee, arguments } => match &callee.value {
                Expr::Member(object, method) => {
                    calls.push(Call { method: method.clone(), arguments: arguments.clone(), span: current.span });
                    current = object;
                }
                _ => break,
            },
            Expr::Member(object, name) if name == "relation" => current = object,
            _ => break,
        }
    }
    calls.reverse();
    calls
}

/// A scalar member.
fn scalar(
    entity: &str,
    key: &Node<String>,
    calls: &[Call],
    position: u32,
    span: Span,
    enums: &mut Vec<EnumType>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Field> {
    let first = calls.first()?;
    let field_type = match first.method.as_str() {
        "int" => FieldType::Int,
        "bigInt" => FieldType::BigInt,
        "float" => FieldType::Float,
        "decimal" => FieldType::Decimal,
        "string" => FieldType::String,
        "boolean" => FieldType::Boolean,
        "dateTime" => FieldType::DateTime,
        "json" => FieldType::Json,
        "blob" | "bytes" => FieldType::Bytes,
        "enum" => {
            let values: Option<Vec<String>> = match first.arguments.first().map(|a| &a.value) {
                Some(Expr::Array(items)) => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
                _ => None,
            };
            let name = format!("{entity}{}", entity_name(&key.value));
            enums.push(EnumType {
                database_schema: None,
                name: name.clone(),
                database_name: name.clone(),
                values: values.unwrap_or_default().into_iter().map(|v| EnumTypeValue { name: v.clone(), database_name: v }).collect(),
                span,
            });
            FieldType::Enum(name)
        }
        other => {
            diagnostics.push(catalog::viborm_type_unknown(first.span, other, &key.value));
            return None;
        }
    };
    let has = |method: &str| calls.iter().any(|c| c.method == method);
    let default = if has("increment") {
        Some(DefaultValue::Autoincrement)
    } else if has("now") || has("updatedAt") {
        Some(DefaultValue::Now)
    } else if has("uuid") {
        Some(DefaultValue::Uuid(None))
    } else if has("cuid") {
        Some(DefaultValue::Cuid(None))
    } else if has("nanoid") {
        Some(DefaultValue::Nanoid(None))
    } else {
        calls.iter().find(|c| c.method == "default").and_then(|c| c.arguments.first()).and_then(|v| match &v.value {
            Expr::String(s) if matches!(field_type, FieldType::Enum(_)) => Some(DefaultValue::EnumValue(s.clone())),
            Expr::String(s) if field_type == FieldType::Decimal => Some(DefaultValue::Number(s.clone())),
            Expr::String(s) => Some(DefaultValue::String(s.clone())),
            Expr::Number(n) => Some(DefaultValue::Number(n.trim_end_matches('n').to_string())),
            Expr::Bool(b) => Some(DefaultValue::Boolean(*b)),
            _ => {
                diagnostics.push(catalog::not_known_statically(v.span, "the default"));
                None
            }
        })
    };
    let column = calls.iter().find(|c| c.method == "map").and_then(|c| c.arguments.first()).and_then(|a| a.as_str()).unwrap_or(&key.value);
    Some(Field {
        name: key.value.clone(),
        column: column.to_string(),
        field_type,
        nullable: has("nullable"),
        list: has("array"),
        default,
        native_type: None,
        database_types: Vec::new(),
        updated_at: has("updatedAt"),
        position,
        documentation: None,
        span,
    })
}

/// A relation member as declared.
#[allow(clippy::too_many_arguments)]
fn declared_end(
    entity: &str,
    key: Node<String>,
    target: String,
    getter: &Call,
    calls: &[Call],
    position: u32,
    span: Span,
    conventions: &mut VibOrmConventions,
    diagnostics: &mut Vec<Diagnostic>,
) -> DeclaredEnd {
    let strings = |method: &str| -> Option<Vec<Written<String>>> {
        let call = calls.iter().find(|c| c.method == method)?;
        Some(call.arguments.iter().filter_map(|a| a.as_str().map(|s| Written { value: s.to_string(), span: a.span })).collect())
    };
    let one = |method: &str| {
        calls.iter().find(|c| c.method == method).and_then(|c| c.arguments.first()).and_then(|a| a.as_str().map(str::to_string))
    };
    let mut read_action = |method: &str| -> Option<Written<crate::ir::ReferentialAction>> {
        let argument = calls.iter().find(|c| c.method == method)?.arguments.first()?;
        match argument.as_str().and_then(action) {
            Some(value) => Some(Written { value, span: argument.span }),
            None => {
                diagnostics.push(catalog::not_known_statically(argument.span, method));
                None
            }
        }
    };
    let optional = calls.iter().any(|c| c.method == "optional");
    let (cardinality, other) = match getter.method.as_str() {
        "oneToMany" => (NavigationCardinality::Many, NavigationCardinality::ZeroOrOne),
        "manyToMany" => (NavigationCardinality::Many, NavigationCardinality::Many),
        "manyToOne" => (if optional { NavigationCardinality::ZeroOrOne } else { NavigationCardinality::One }, NavigationCardinality::Many),
        _ => (if optional { NavigationCardinality::ZeroOrOne } else { NavigationCardinality::One }, NavigationCardinality::ZeroOrOne),
    };
    if getter.method == "manyToMany" {
        conventions
            .junctions
            .insert((entity.to_string(), key.value.clone()), JunctionOptions { through: one("through"), a: one("A"), b: one("B") });
    }
    let on_delete = read_action("onDelete");
    let on_update = read_action("onUpdate");
    DeclaredEnd {
        entity: entity.to_string(),
        name: key.value.clone(),
        target,
        cardinality,
        other_cardinality: Some(other),
        relation_name: one("name"),
        fields: strings("fields"),
        references: strings("references"),
        on_delete,
        on_update,
        constraint_name: None,
        span,
        type_span: key.span,
        options: None,
        position,
        documentation: None,
    }
}

/// The two entities of a relation (sorted) and its name.
type PairKey = ([String; 2], Option<String>);

/// Ends paired as Prisma pairs them: by the two entities and the relation name; more than two
/// ends in one group cannot be told apart.
fn pair_ends(ends: Vec<DeclaredEnd>) -> RelationDeclarations {
    // Groups in the order of their first end, found by key (a search of the groups made pairing
    // grow with the square of the relations).
    let mut groups: Vec<(PairKey, Vec<usize>)> = Vec::new();
    let mut group_of: std::collections::HashMap<PairKey, usize> = std::collections::HashMap::new();
    for (i, end) in ends.iter().enumerate() {
        let mut pair = [end.entity.clone(), end.target.clone()];
        pair.sort();
        let key = (pair, end.relation_name.clone());
        match group_of.get(&key) {
            Some(&group) => groups[group].1.push(i),
            None => {
                group_of.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        }
    }
    let mut declarations = RelationDeclarations { ends, ..RelationDeclarations::default() };
    for ((pair, name), members) in groups {
        match members.as_slice() {
            [one] => declarations.pairs.push(DeclaredPair { first: *one, second: None }),
            [a, b] => declarations.pairs.push(DeclaredPair { first: *a, second: Some(*b) }),
            _ => declarations.ambiguous.push(AmbiguousEnds {
                ends: members,
                named: name.is_some(),
                from: pair[0].clone(),
                to: pair[1].clone(),
            }),
        }
    }
    declarations
}
