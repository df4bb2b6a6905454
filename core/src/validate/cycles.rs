//! Cascade cycles and multiple cascade paths. SQL Server refuses foreign keys whose actions could
//! reach a table twice or come back to where they started, and emulated relations (Prisma's
//! relation mode, MongoDB) would loop, so there a relation on such a path must stop the cascade:
//! its onDelete and onUpdate must both be NoAction or Restrict. Other databases accept cycles.

use super::{side_name, Context, KeyedRelation};
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{Provider, ReferentialAction, RelationMode, Schema};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Whether a change to a referenced row makes this relation change referencing rows.
fn cascades(keyed: &KeyedRelation) -> bool {
    let stops = |a: ReferentialAction| matches!(a, ReferentialAction::NoAction | ReferentialAction::Restrict);
    !(stops(keyed.relation.on_delete) && stops(keyed.relation.on_update))
}

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let schema = context.schema;
    let emulated = schema.relation_mode == RelationMode::Prisma;
    let sql_server = schema.provider == Some(Provider::Sqlserver);
    if !(emulated || sql_server || schema.provider == Some(Provider::Mongodb)) {
        return;
    }
    let cascading: Vec<&KeyedRelation> = context.keyed.iter().filter(|k| cascades(k)).collect();
    for keyed in &cascading {
        if keyed.owner.name == keyed.target.name {
            diagnostics.push(catalog::self_relation_cascades(keyed.relation.span, &side_name(&keyed.relation.owning_side)));
        }
    }
    // Edges from the owning entity to the referenced one, self-relations aside.
    let edges: Vec<&KeyedRelation> = cascading.iter().copied().filter(|k| k.owner.name != k.target.name).collect();
    for keyed in &edges {
        if let Some(path) = path_between(&edges, &keyed.target.name, &keyed.owner.name) {
            let mut names = vec![side_name(&keyed.relation.owning_side)];
            names.extend(path.iter().map(|k| side_name(&k.relation.owning_side)));
            diagnostics.push(catalog::cascade_cycle(keyed.relation.span, &names.join(" → ")));
        }
    }
    if sql_server {
        multiple_paths(schema, &edges, diagnostics);
    }
}

/// The relations of a shortest path of owner → referenced edges from `from` to `to`.
fn path_between<'a>(edges: &[&'a KeyedRelation<'a>], from: &str, to: &str) -> Option<Vec<&'a KeyedRelation<'a>>> {
    let mut previous: BTreeMap<&str, &KeyedRelation> = BTreeMap::new();
    let mut queue = VecDeque::from([from]);
    let mut seen = BTreeSet::from([from]);
    while let Some(entity) = queue.pop_front() {
        if entity == to {
            let mut path = Vec::new();
            let mut at = to;
            while at != from {
                let edge = previous[at];
                path.push(edge);
                at = edge.owner.name.as_str();
            }
            path.reverse();
            return Some(path);
        }
        for edge in edges.iter().filter(|e| e.owner.name == entity) {
            if seen.insert(edge.target.name.as_str()) {
                previous.insert(edge.target.name.as_str(), edge);
                queue.push_back(edge.target.name.as_str());
            }
        }
    }
    None
}

/// A change to one entity's rows that reaches another entity through two different relations.
fn multiple_paths(schema: &Schema, edges: &[&KeyedRelation], diagnostics: &mut Vec<Diagnostic>) {
    let mut reported = BTreeSet::new();
    for start in &schema.entities {
        // Walk referenced → owning (the way a cascade travels) and collect, for every entity
        // reached, the relations it was entered through.
        let mut entered_through: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        let mut queue = VecDeque::from([start.name.as_str()]);
        let mut expanded = BTreeSet::new();
        while let Some(entity) = queue.pop_front() {
            if !expanded.insert(entity) {
                continue;
            }
            for edge in edges.iter().filter(|e| e.target.name == entity) {
                entered_through.entry(edge.owner.name.as_str()).or_default().insert(edge.index);
                queue.push_back(edge.owner.name.as_str());
            }
        }
        for (reached, relations) in entered_through {
            if relations.len() < 2 || reached == start.name {
                continue;
            }
            for index in relations {
                if reported.insert(index) {
                    let relation = &schema.relations[index];
                    diagnostics.push(catalog::multiple_cascade_paths(relation.span, &start.name, reached));
                }
            }
        }
    }
}
