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
#[derive(Clone)]
enum Named {
    Helper(Node<Expr>),
    Constant(Node<Expr>),
}

/// Writes out every helper call and spread in `module` (see the module's comment).
pub fn write_out(module: &mut Module) {
    let named = named_objects(module);
    if named.is_empty() && !module.files.iter().any(has_spread) {
        return;
    }
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

fn has_spread(file: &File) -> bool {
    fn in_expr(expr: &Node<Expr>) -> bool {
        match &expr.value {
            Expr::Object(entries) => entries.iter().any(|e| e.key.value == SPREAD_KEY || in_expr(&e.value)),
            Expr::Array(items) => items.iter().any(in_expr),
            Expr::Member(object, _) => in_expr(object),
            Expr::Arrow { body: Some(body), .. } => in_expr(body),
            Expr::Call { callee, arguments } | Expr::New { callee, arguments } => in_expr(callee) || arguments.iter().any(in_expr),
            Expr::Unary(_, inner) => in_expr(inner),
            Expr::Conditional(a, b) => in_expr(a) || in_expr(b),
            _ => false,
        }
    }
    let decorators = file.classes.iter().flat_map(|c| c.decorators.iter().chain(c.properties.iter().flat_map(|p| &p.decorators)));
    decorators.flat_map(|d| &d.arguments).any(in_expr) || file.variables.iter().any(|v| in_expr(&v.value)) || file.calls.iter().any(in_expr)
}

/// The entries an object written out adds to what the budget counts.
fn entries_of(object: &Node<Expr>) -> usize {
    object.as_object().map_or(0, |entries| entries.len())
}

/// `expr` with helper calls and spreads written out; `expansions` counts the helpers around it,
/// `budget` the entries that may still be written out.
fn resolve(expr: &mut Node<Expr>, named: &HashMap<String, Named>, expansions: usize, budget: &mut usize) {
    match &mut expr.value {
        Expr::Call { callee, arguments } => {
            if let (Expr::Identifier(name), true) = (&callee.value, arguments.is_empty()) {
                if let Some(Named::Helper(object)) =
                    named.get(name).filter(|n| matches!(n, Named::Helper(o) if expansions < MAX_EXPANSIONS && *budget >= entries_of(o)))
                {
                    *budget -= entries_of(object);
                    let mut object = object.clone();
                    resolve(&mut object, named, expansions + 1, budget);
                    expr.value = object.value;
                    return;
                }
            }
            resolve(callee, named, expansions, budget);
            arguments.iter_mut().for_each(|a| resolve(a, named, expansions, budget));
        }
        Expr::New { callee, arguments } => {
            resolve(callee, named, expansions, budget);
            arguments.iter_mut().for_each(|a| resolve(a, named, expansions, budget));
        }
        Expr::Object(entries) => {
            let mut written = Vec::with_capacity(entries.len());
            for mut entry in std::mem::take(entries) {
                resolve(&mut entry.value, named, expansions, budget);
                if entry.key.value != SPREAD_KEY {
                    written.push(entry);
                    continue;
                }
                let spread = match entry.value.value {
                    Expr::Object(spread) => spread,
                    Expr::Identifier(name) => match named.get(&name) {
                        Some(Named::Constant(object)) if expansions < MAX_EXPANSIONS && *budget >= entries_of(object) => {
                            *budget -= entries_of(object);
                            let mut object = object.clone();
                            resolve(&mut object, named, expansions + 1, budget);
                            match object.value {
                                Expr::Object(spread) => spread,
                                _ => Vec::new(),
                            }
                        }
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                written.extend(spread.into_iter().filter(|e| e.key.value != SPREAD_KEY));
            }
            *entries = written;
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
