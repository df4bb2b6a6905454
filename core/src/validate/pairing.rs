//! Pairing rules: each relation end needs a partner the reader can tell apart from the others.
//! Several relations between the same two entities (or an entity and itself) must be told apart
//! by name, and an end with no partner is a relation the source language may not accept.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::DeclaredEnd;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for group in &declarations.ambiguous {
        let ends: Vec<&DeclaredEnd> = group.ends.iter().map(|&i| &declarations.ends[i]).collect();
        let names: Vec<String> = ends.iter().map(|e| e.name.clone()).collect();
        if group.from == group.to {
            // A single unnamed pair has an obvious fix: give both ends one new name.
            let fix = (ends.len() == 2).then(|| context.profile.name_relation(&ends, &pair_name(&group.from, &ends))).flatten();
            for end in &ends {
                diagnostics.push(catalog::ambiguous_self_relation(end.span, &names, &group.from, group.named).fixed_by(fix.clone()));
            }
        } else {
            for end in &ends {
                diagnostics.push(catalog::ambiguous_relation(end.span, &names, &group.from, &group.to, group.named));
            }
        }
    }
    for pair in declarations.pairs.iter().filter(|p| p.second.is_none()) {
        let end = &declarations.ends[pair.first];
        diagnostics.push(
            catalog::missing_opposite_relation_field(end.span, &end.name, &end.entity, &end.target)
                .fixed_by(context.profile.add_back_side(end, context.schema)),
        );
    }
}

/// A name for a self-relation pair, after the end that holds the key (`manager` → `EmployeeManager`).
fn pair_name(entity: &str, ends: &[&DeclaredEnd]) -> String {
    let owner = ends.iter().find(|e| e.fields.is_some()).unwrap_or(&ends[0]);
    let mut chars = owner.name.chars();
    format!("{entity}{}{}", chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default(), chars.as_str())
}
