//! One-to-one rules: the foreign key must be unique (else the database allows many rows per
//! referenced row), and the side without the key must be optional (no database can force a row to
//! be referenced).

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{NavigationCardinality, RelationKind};

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    for keyed in context.keyed.iter().filter(|k| k.relation.kind == RelationKind::OneToOne) {
        if !keyed.owner.is_unique_criterion(&keyed.key.fields) {
            diagnostics.push(catalog::one_to_one_foreign_key_not_unique(
                keyed.relation.span,
                &context.profile.unique_remedy(&keyed.owner.name, &keyed.key.fields),
                context.profile.make_unique(keyed.owner, &keyed.key.fields),
            ));
        }
        if let Some(back) = context.navigation(&keyed.relation.inverse_side).filter(|n| n.cardinality == NavigationCardinality::One) {
            diagnostics.push(catalog::back_side_required(
                back.span,
                &back.name,
                &keyed.relation.inverse_side.entity,
                &back.target,
                context.profile.make_optional(&keyed.relation.inverse_side.entity, back),
            ));
        }
    }
}
