//! Pass 3: relation fields read into declarations and paired.
//!
//! Two relation fields form one relation when they point at each other's models and carry the same
//! relation name (none counts as a name). This pass only records what each `@relation(…)` says
//! and how the fields pair; [`crate::ir::relations`] builds the relations and
//! [`crate::validate`] judges them. The only problems reported here are Prisma's own syntax: an
//! argument `@relation` does not take, an action name Prisma does not have.

use super::arguments::{field_list, string_argument};
use super::entities::RelationField;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::{AmbiguousEnds, DeclaredEnd, DeclaredPair, OptionList, RelationDeclarations, Written};
use crate::ir::ReferentialAction;
use crate::languages::prisma;
use crate::span::Span;
use crate::syntax::prisma::ast::{Attribute, Expression};
use std::collections::BTreeMap;

const RELATION_ARGUMENTS: [&str; 6] = ["name", "fields", "references", "onDelete", "onUpdate", "map"];

/// Reads every relation field and pairs them, in the source order of each relation's first field.
pub(super) fn declare_relations(relation_fields: Vec<RelationField<'_>>, diagnostics: &mut Vec<Diagnostic>) -> RelationDeclarations {
    let mut declarations = RelationDeclarations::default();
    // Group by the unordered model pair and the relation name; BTreeMap keeps the output stable.
    let mut groups: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    for field in relation_fields {
        let end = declared_end(&field, diagnostics);
        let (first, second) =
            if end.entity <= end.target { (end.entity.clone(), end.target.clone()) } else { (end.target.clone(), end.entity.clone()) };
        groups.entry((first, second, end.relation_name.clone().unwrap_or_default())).or_default().push(declarations.ends.len());
        declarations.ends.push(end);
    }
    for ((first, second, name), members) in groups {
        pair_group(&first, &second, !name.is_empty(), members, &mut declarations);
    }
    let ends = &declarations.ends;
    declarations.pairs.sort_by_key(|pair| ends[pair.first].span.start);
    declarations
}

/// One relation field as written.
fn declared_end(field: &RelationField<'_>, diagnostics: &mut Vec<Diagnostic>) -> DeclaredEnd {
    let declaration = field.declaration;
    let mut end = DeclaredEnd {
        entity: field.entity.clone(),
        name: declaration.name.name.clone(),
        target: field.target.clone(),
        cardinality: super::cardinality_of(field.arity),
        other_cardinality: None,
        relation_name: None,
        fields: None,
        references: None,
        on_delete: None,
        on_update: None,
        constraint_name: None,
        span: declaration.span,
        type_span: declaration.field_type.as_ref().map_or(declaration.span, |t| t.span),
        options: field.attribute.map(|a| OptionList {
            name_end: a.name.span.end(),
            has_parentheses: a.has_parentheses,
            is_empty: a.arguments.is_empty(),
            end: a.span.end(),
        }),
        position: field.position,
        documentation: declaration.documentation.clone(),
    };
    let Some(attribute) = field.attribute else { return end };
    for argument in &attribute.arguments {
        if let Some(name) = &argument.name {
            if !RELATION_ARGUMENTS.contains(&name.name.as_str()) {
                diagnostics.push(catalog::unknown_relation_argument(name.span, &name.name));
            }
        }
    }
    let written = |list: Vec<(String, Span)>| list.into_iter().map(|(value, span)| Written { value, span }).collect();
    end.relation_name = string_argument(attribute, "name", true);
    end.fields = attribute.argument("fields", false).map(|a| written(field_list(&a.value, diagnostics)));
    end.references = attribute.argument("references", false).map(|a| written(field_list(&a.value, diagnostics)));
    end.constraint_name = string_argument(attribute, "map", false);
    end.on_delete = action_argument(attribute, "onDelete", diagnostics);
    end.on_update = action_argument(attribute, "onUpdate", diagnostics);
    end
}

fn action_argument(attribute: &Attribute, argument: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Written<ReferentialAction>> {
    match &attribute.argument(argument, false)?.value {
        Expression::Constant { name, span } => match prisma::action(name) {
            Some(value) => Some(Written { value, span: *span }),
            None => {
                diagnostics.push(catalog::invalid_referential_action(*span, name));
                None
            }
        },
        other => {
            diagnostics.push(catalog::invalid_referential_action(other.span(), &super::arguments::expression_text(other)));
            None
        }
    }
}

/// Pairs the fields of one group (one model pair, one relation name) and records the fields that
/// cannot be told apart.
fn pair_group(first: &str, second: &str, named: bool, members: Vec<usize>, declarations: &mut RelationDeclarations) {
    if first == second {
        if members.len() > 2 || (members.len() == 2 && !named) {
            declarations.ambiguous.push(AmbiguousEnds { ends: members.clone(), named, from: first.into(), to: first.into() });
        }
        for chunk in members.chunks(2) {
            declarations.pairs.push(DeclaredPair { first: chunk[0], second: chunk.get(1).copied() });
        }
        return;
    }
    let (forward, backward): (Vec<usize>, Vec<usize>) = members.into_iter().partition(|&i| declarations.ends[i].entity == first);
    for (side, from, to) in [(&forward, first, second), (&backward, second, first)] {
        if side.len() > 1 {
            declarations.ambiguous.push(AmbiguousEnds { ends: side.clone(), named, from: from.into(), to: to.into() });
        }
    }
    let mut backward = backward.into_iter();
    for a in forward {
        declarations.pairs.push(DeclaredPair { first: a, second: backward.next() });
    }
    declarations.pairs.extend(backward.map(|b| DeclaredPair { first: b, second: None }));
}
