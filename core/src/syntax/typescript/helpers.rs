//! Objects that code builds with a helper and spreads, as Misskey's entities do:
//! `export const id = () => ({ type: "varchar" as const, length: 32 })` in one file, then
//! `@PrimaryColumn(id())` and `@Column({ ...id(), comment: "…" })` in others. Once every file is
//! read, a call with no arguments of a helper that returns an object literal stands for that
//! object, and a spread of an object (such a call, an object literal, or a constant bound to one)
//! is written out in its place; a spread of anything else is dropped, as if it were not written.

use super::tree::*;
use std::collections::HashMap;

/// How deep helpers may be written out inside one another (a helper that spreads itself stops here).
const MAX_EXPANSIONS: usize = 8;

/// How many object entries a module's helpers and spreads may write out in all: helpers that
/// spread each other twice over grow as 2^depth, and each use copies them again.
const MAX_WRITTEN_ENTRIES: usize = 100_000;

/// An object a name stands for: the value of `name()` (a helper) or of `name` (a constant).
enum Named {
    Helper(Node<Expr>),
    Constant(Node<Expr>),
}

/// Writes out every helper call and spread in `module` (see the module's comment).
pub fn write_out(module: &mut Module) {
    let named = named_objects(module);
    let mut budget = MAX_WRITTEN_ENTRIES;
    for file in &mut module.files {
        for class in &mut file.classes {
            let properties = class.properties.iter_mut().flat_map(|p| p.decorators.iter_mut());
            for decorator in class.decorators.iter_mut().chain(properties) {
                for argument in &mut decorator.arguments {
                    resolve(argument, &named, 0, &mut budget);
                }
            }
        }
        for variable in &mut file.variables {
            resolve(&mut variable.value, &named, 0, &mut budget);
        }
        for call in &mut file.calls {
            resolve(call, &named, 0, &mut budget);
        }
    }
}

/// The names bound, in any file, to an object literal or to a function of no parameters that
/// returns one. A name bound twice to different values stands for neither.
fn named_objects(module: &Module) -> HashMap<String, Named> {
    let mut named: HashMap<String, Option<Named>> = HashMap::new();
    for variable in module.files.iter().flat_map(|f| &f.variables) {
        let object = match &variable.value.value {
            Expr::Object(_) => Named::Constant(variable.value.clone()),
            Expr::Arrow { params, body: Some(body) } if params.is_empty() && matches!(body.value, Expr::Object(_)) => {
                Named::Helper((**body).clone())
            }
            _ => continue,
        };
        named
            .entry(variable.name.value.clone())
            .and_modify(|known| {
                if known.as_ref().is_some_and(|k| !same(k, &object)) {
                    *known = None;
                }
            })
            .or_insert(Some(object));
    }
    named.into_iter().filter_map(|(name, object)| Some((name, object?))).collect()
}

fn same(a: &Named, b: &Named) -> bool {
    match (a, b) {
        (Named::Helper(a), Named::Helper(b)) | (Named::Constant(a), Named::Constant(b)) => a.value == b.value,
        _ => false,
    }
}

/// The entries an object written out adds to what the budget counts.
fn entries_of(object: &Node<Expr>) -> usize {
    object.as_object().map_or(0, |entries| entries.len())
}

/// A copy of a name's `object` with its own helpers and spreads written out, where the depth
/// and the budget allow.
fn expanded(object: &Node<Expr>, named: &HashMap<String, Named>, expansions: usize, budget: &mut usize) -> Option<Node<Expr>> {
    let entries = entries_of(object);
    if expansions >= MAX_EXPANSIONS || *budget < entries {
        return None;
    }
    *budget -= entries;
    let mut object = object.clone();
    resolve(&mut object, named, expansions + 1, budget);
    Some(object)
}

/// `expr` with helper calls and spreads written out; `expansions` counts the helpers around it,
/// `budget` the entries that may still be written out.
fn resolve(expr: &mut Node<Expr>, named: &HashMap<String, Named>, expansions: usize, budget: &mut usize) {
    match &mut expr.value {
        Expr::Call { callee, arguments } => {
            let helper = match (&callee.value, arguments.is_empty()) {
                (Expr::Identifier(name), true) => match named.get(name) {
                    Some(Named::Helper(object)) => Some(object),
                    _ => None,
                },
                _ => None,
            };
            if let Some(object) = helper.and_then(|object| expanded(object, named, expansions, budget)) {
                expr.value = object.value;
                return;
            }
            resolve(callee, named, expansions, budget);
            arguments.iter_mut().for_each(|a| resolve(a, named, expansions, budget));
        }
        Expr::New { callee, arguments } => {
            resolve(callee, named, expansions, budget);
            arguments.iter_mut().for_each(|a| resolve(a, named, expansions, budget));
        }
        Expr::Object(entries) => {
            entries.iter_mut().for_each(|entry| resolve(&mut entry.value, named, expansions, budget));
            if !entries.iter().any(|entry| entry.key.value == SPREAD_KEY) {
                return;
            }
            *entries = std::mem::take(entries)
                .into_iter()
                .flat_map(|entry| {
                    if entry.key.value != SPREAD_KEY {
                        return vec![entry];
                    }
                    let spread = match entry.value.value {
                        Expr::Identifier(name) => match named.get(&name) {
                            Some(Named::Constant(object)) => expanded(object, named, expansions, budget).map(|o| o.value),
                            _ => None,
                        },
                        value => Some(value),
                    };
                    match spread {
                        Some(Expr::Object(spread)) => spread.into_iter().filter(|e| e.key.value != SPREAD_KEY).collect(),
                        _ => Vec::new(),
                    }
                })
                .collect();
        }
        Expr::Array(items) => items.iter_mut().for_each(|i| resolve(i, named, expansions, budget)),
        Expr::Member(object, _) => resolve(object, named, expansions, budget),
        Expr::Arrow { body: Some(body), .. } => resolve(body, named, expansions, budget),
        Expr::Unary(_, inner) => resolve(inner, named, expansions, budget),
        Expr::Conditional(a, b) => {
            resolve(a, named, expansions, budget);
            resolve(b, named, expansions, budget);
        }
        _ => {}
    }
}
