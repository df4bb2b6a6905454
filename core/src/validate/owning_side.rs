//! Owning-side rules: exactly one end of a to-one relation says where the foreign key is, and
//! says all of it; the other end leaves the key and its actions alone.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::PairShape;
use crate::ir::RelationKind;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for &pair in &declarations.pairs {
        let a = &declarations.ends[pair.first];
        if let Some(b) = pair.second.map(|i| &declarations.ends[i]).filter(|b| !a.is_list() && !b.is_list()) {
            for (argument, a_gives, b_gives) in
                [("fields", a.fields.is_some(), b.fields.is_some()), ("references", a.references.is_some(), b.references.is_some())]
            {
                if a_gives && b_gives {
                    diagnostics.push(catalog::both_sides_define(b.span, argument, a.named(), b.named()));
                }
            }
        }
        let (owner, inverse, kind) = match declarations.shape(pair, context.schema) {
            PairShape::Undecided(a, b) => {
                diagnostics.push(catalog::neither_side_defines(a.span, a.named(), b.named()));
                continue;
            }
            // A lone end without `fields` makes no key and is judged by the pairing rules alone.
            PairShape::ToOne { owner, inverse: None, .. } if owner.fields.is_none() => continue,
            PairShape::ToOne { owner, inverse, kind } => (owner, inverse, kind),
            PairShape::ManyToMany(..) | PairShape::LoneList(_) | PairShape::LoneManyToMany(_) => continue,
        };
        let split = |end: &crate::ir::declarations::DeclaredEnd| end.fields.is_some() != end.references.is_some();
        if let Some(inverse) = inverse {
            if kind == RelationKind::OneToOne && split(owner) && split(inverse) {
                diagnostics.push(catalog::fields_and_references_split(inverse.span, owner.named(), inverse.named()));
            }
            if inverse.defines_key() && kind == RelationKind::OneToMany {
                diagnostics.push(catalog::list_side_defines_fields(inverse.span, inverse.named(), owner.named()));
            }
            if inverse.has_actions() {
                diagnostics.push(catalog::actions_on_back_side(inverse.span, inverse.named(), owner.named()));
            }
        }
        if owner.fields.is_none() || owner.references.is_none() {
            let argument = if owner.fields.is_none() { "fields" } else { "references" };
            if kind == RelationKind::OneToMany || split(owner) {
                diagnostics.push(
                    catalog::missing_relation_argument(owner.span, argument, &owner.name, &owner.entity)
                        .fixed_by(context.profile.complete_key(owner, context.schema)),
                );
            }
        }
    }
}
