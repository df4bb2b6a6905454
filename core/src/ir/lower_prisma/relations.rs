//! Pass 3: relation fields paired into relations.
//!
//! Two relation fields form one relation when they point at each other's models and carry the same
//! relation name (none counts as a name). The side that gives `fields`/`references` owns the FK.

use super::arguments::{field_list, string_argument};
use super::entities::RelationField;
use crate::diagnostic::{catalog, Diagnostic, TextEdit};
use crate::ir::{
    ForeignKey, JoinColumn, JoinTable, Navigation, NavigationCardinality, ReferentialAction, Relation, RelationKind, RelationSide, Schema,
};
use crate::span::Span;
use crate::syntax::prisma::ast::{Arity, Expression};
use std::collections::{BTreeMap, HashMap};

const RELATION_ARGUMENTS: [&str; 6] = ["name", "fields", "references", "onDelete", "onUpdate", "map"];

/// The `@relation(…)` arguments of one relation field, read once.
struct RelationArguments {
    name: Option<String>,
    fields: Option<Vec<(String, Span)>>,
    references: Option<Vec<(String, Span)>>,
    on_delete: Option<(ReferentialAction, Span)>,
    on_update: Option<(ReferentialAction, Span)>,
    map: Option<String>,
}

struct Candidate<'a> {
    field: RelationField<'a>,
    arguments: RelationArguments,
}

impl Candidate<'_> {
    fn name(&self) -> &str {
        &self.field.declaration.name.name
    }

    fn span(&self) -> Span {
        self.field.declaration.span
    }

    fn has_actions(&self) -> bool {
        self.arguments.on_delete.is_some() || self.arguments.on_update.is_some()
    }

    fn cardinality(&self) -> NavigationCardinality {
        match self.field.arity {
            Arity::Required => NavigationCardinality::One,
            Arity::Optional => NavigationCardinality::ZeroOrOne,
            Arity::List => NavigationCardinality::Many,
        }
    }
}

/// Entity positions in [`Schema::entities`] by name: relation lowering looks entities up often.
type EntityIndex = HashMap<String, usize>;

fn entity<'s>(schema: &'s Schema, index: &EntityIndex, name: &str) -> Option<&'s crate::ir::Entity> {
    index.get(name).map(|&i| &schema.entities[i])
}

pub(super) fn lower_relations(relation_fields: Vec<RelationField<'_>>, schema: &mut Schema, diagnostics: &mut Vec<Diagnostic>) {
    let index: EntityIndex = schema.entities.iter().enumerate().map(|(i, e)| (e.name.clone(), i)).collect();
    // Group by the unordered model pair and the relation name; BTreeMap keeps the output stable.
    let mut groups: BTreeMap<(String, String, String), Vec<Candidate>> = BTreeMap::new();
    for field in relation_fields {
        let arguments = read_arguments(&field, diagnostics);
        let (first, second) = if field.entity <= field.target {
            (field.entity.clone(), field.target.clone())
        } else {
            (field.target.clone(), field.entity.clone())
        };
        let key = (first, second, arguments.name.clone().unwrap_or_default());
        groups.entry(key).or_default().push(Candidate { field, arguments });
    }
    let mut pending = Vec::new();
    for ((first, second, name), candidates) in groups {
        pending.extend(pair_candidates(&first, &second, &name, candidates, diagnostics));
    }
    // Lower in source order of the first field, so relation indexes follow the text.
    pending.sort_by_key(|(a, _)| a.span().start);
    for (a, b) in pending {
        lower_pair(a, b, schema, &index, diagnostics);
    }
}

fn read_arguments(field: &RelationField<'_>, diagnostics: &mut Vec<Diagnostic>) -> RelationArguments {
    let mut arguments = RelationArguments { name: None, fields: None, references: None, on_delete: None, on_update: None, map: None };
    let Some(attribute) = field.attribute else { return arguments };
    for argument in &attribute.arguments {
        if let Some(name) = &argument.name {
            if !RELATION_ARGUMENTS.contains(&name.name.as_str()) {
                diagnostics.push(catalog::unknown_relation_argument(name.span, &name.name));
            }
        }
    }
    arguments.name = string_argument(attribute, "name", true);
    arguments.fields = attribute.argument("fields", false).map(|a| field_list(&a.value, diagnostics));
    arguments.references = attribute.argument("references", false).map(|a| field_list(&a.value, diagnostics));
    arguments.map = string_argument(attribute, "map", false);
    let mut action = |argument: &str| {
        let value = &attribute.argument(argument, false)?.value;
        match value {
            Expression::Constant { name, span } => match ReferentialAction::from_prisma(name) {
                Some(action) => Some((action, *span)),
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
    };
    arguments.on_delete = action("onDelete");
    arguments.on_update = action("onUpdate");
    arguments
}

/// Pairs the fields of one group; reports fields that cannot be told apart.
fn pair_candidates<'a>(
    first: &str,
    second: &str,
    name: &str,
    candidates: Vec<Candidate<'a>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(Candidate<'a>, Option<Candidate<'a>>)> {
    let mut pairs = Vec::new();
    if first == second {
        let names: Vec<String> = candidates.iter().map(|c| c.name().to_string()).collect();
        if candidates.len() > 2 || (candidates.len() == 2 && name.is_empty()) {
            // A single unnamed pair has an obvious fix: give both fields one new name.
            let fix = (candidates.len() == 2).then(|| name_pair_edits(first, &candidates));
            for candidate in &candidates {
                let mut diagnostic = catalog::ambiguous_self_relation(candidate.span(), &names, first, !name.is_empty());
                if let Some((title, edits)) = &fix {
                    diagnostic = diagnostic.with_fix(title.clone(), edits.clone());
                }
                diagnostics.push(diagnostic);
            }
        }
        let mut iter = candidates.into_iter();
        while let Some(a) = iter.next() {
            pairs.push((a, iter.next()));
        }
        return pairs;
    }
    let (forward, backward): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|c| c.field.entity == first);
    for (side, from, to) in [(&forward, first, second), (&backward, second, first)] {
        if side.len() > 1 {
            let names: Vec<String> = side.iter().map(|c| c.name().to_string()).collect();
            for candidate in side.iter() {
                diagnostics.push(catalog::ambiguous_relation(candidate.span(), &names, from, to, !name.is_empty()));
            }
        }
    }
    let mut backward = backward.into_iter();
    for a in forward {
        pairs.push((a, backward.next()));
    }
    pairs.extend(backward.map(|b| (b, None)));
    pairs
}

/// Edits that give both fields of a self-relation pair the same new relation name.
fn name_pair_edits(model: &str, pair: &[Candidate<'_>]) -> (String, Vec<TextEdit>) {
    // Name it after the side that holds the key (`manager` → `EmployeeManager`).
    let owner = pair.iter().find(|c| c.arguments.fields.is_some()).unwrap_or(&pair[0]);
    let mut chars = owner.name().chars();
    let name = format!("{model}{}{}", chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default(), chars.as_str());
    let edits = pair.iter().map(|c| relation_name_edit(c, &name)).collect();
    (format!("Name the relation \"{name}\""), edits)
}

/// The edit that adds `name` to a relation field: inside its `@relation(…)`, or as a new one.
fn relation_name_edit(candidate: &Candidate<'_>, name: &str) -> TextEdit {
    match candidate.field.attribute {
        Some(attribute) if attribute.has_parentheses => {
            let at = attribute.name.span.end() + 1;
            let insert = if attribute.arguments.is_empty() { format!("\"{name}\"") } else { format!("\"{name}\", ") };
            TextEdit { span: Span::at(at), insert }
        }
        Some(attribute) => TextEdit { span: Span::at(attribute.span.end()), insert: format!("(\"{name}\")") },
        None => TextEdit { span: Span::at(candidate.span().end()), insert: format!(" @relation(\"{name}\")") },
    }
}

/// The edit that adds the missing back field for `a` to the end of its target model.
fn opposite_field_edit(a: &Candidate<'_>, schema: &Schema, index: &EntityIndex) -> Option<(String, TextEdit)> {
    let target = entity(schema, index, &a.field.target)?;
    let fields: Vec<String> = a.arguments.fields.iter().flatten().map(|(f, _)| f.clone()).collect();
    let unique = entity(schema, index, &a.field.entity).is_some_and(|e| e.is_unique_criterion(&fields));
    let model = &a.field.entity;
    let base = crate::ir::lower_camel(model);
    let name = target.free_member_name(if unique { base } else { format!("{base}s") });
    let type_text = if unique { format!("{model}?") } else { format!("{model}[]") };
    let relation = a.arguments.name.as_ref().map(|n| format!(" @relation(\"{n}\")")).unwrap_or_default();
    // The model's span ends just after its closing brace.
    let close = target.span.end().checked_sub(1)?;
    let edit = TextEdit { span: Span::at(close), insert: format!("  {name} {type_text}{relation}\n") };
    Some((format!("Add `{name} {type_text}` to {}", target.name), edit))
}

fn lower_pair(a: Candidate<'_>, b: Option<Candidate<'_>>, schema: &mut Schema, index: &EntityIndex, diagnostics: &mut Vec<Diagnostic>) {
    let Some(b) = b else {
        let mut diagnostic = catalog::missing_opposite_relation_field(a.span(), a.name(), &a.field.entity, &a.field.target);
        if a.field.arity != Arity::List && a.arguments.fields.is_some() {
            if let Some((title, edit)) = opposite_field_edit(&a, schema, index) {
                diagnostic = diagnostic.with_fix(title, vec![edit]);
            }
        }
        diagnostics.push(diagnostic);
        if a.field.arity != Arity::List {
            lower_one_sided(a, schema, index, diagnostics);
        }
        return;
    };
    match (a.field.arity == Arity::List, b.field.arity == Arity::List) {
        (true, true) => lower_many_to_many(a, b, schema, index, diagnostics),
        (false, true) => lower_to_one(a, Some(b), RelationKind::OneToMany, schema, index, diagnostics),
        (true, false) => lower_to_one(b, Some(a), RelationKind::OneToMany, schema, index, diagnostics),
        (false, false) => {
            let a_defines = a.arguments.fields.is_some() || a.arguments.references.is_some();
            let b_defines = b.arguments.fields.is_some() || b.arguments.references.is_some();
            if a.arguments.fields.is_some() && b.arguments.fields.is_some() {
                diagnostics.push(catalog::both_sides_define(b.span(), "fields", (a.name(), &a.field.entity), (b.name(), &b.field.entity)));
            }
            if a.arguments.references.is_some() && b.arguments.references.is_some() {
                diagnostics.push(catalog::both_sides_define(
                    b.span(),
                    "references",
                    (a.name(), &a.field.entity),
                    (b.name(), &b.field.entity),
                ));
            }
            if !a_defines && !b_defines {
                diagnostics.push(catalog::neither_side_defines(a.span(), (a.name(), &a.field.entity), (b.name(), &b.field.entity)));
                return;
            }
            let (owner, inverse) = if a.arguments.fields.is_some() || (!b_defines && a_defines) { (a, b) } else { (b, a) };
            if owner.arguments.fields.is_some() != owner.arguments.references.is_some()
                && inverse.arguments.fields.is_some() != inverse.arguments.references.is_some()
            {
                diagnostics.push(catalog::fields_and_references_split(
                    inverse.span(),
                    (owner.name(), &owner.field.entity),
                    (inverse.name(), &inverse.field.entity),
                ));
            }
            lower_to_one(owner, Some(inverse), RelationKind::OneToOne, schema, index, diagnostics)
        }
    }
}

/// A to-one field with no opposite: lowered as if `prisma format` had added the back field.
fn lower_one_sided(a: Candidate<'_>, schema: &mut Schema, index: &EntityIndex, diagnostics: &mut Vec<Diagnostic>) {
    if a.arguments.fields.is_none() {
        return;
    }
    let fields: Vec<String> = a.arguments.fields.iter().flatten().map(|(f, _)| f.clone()).collect();
    let unique = entity(schema, index, &a.field.entity).is_some_and(|e| e.is_unique_criterion(&fields));
    let kind = if unique { RelationKind::OneToOne } else { RelationKind::OneToMany };
    lower_to_one(a, None, kind, schema, index, diagnostics);
}

fn lower_to_one(
    owner: Candidate<'_>,
    inverse: Option<Candidate<'_>>,
    kind: RelationKind,
    schema: &mut Schema,
    index: &EntityIndex,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(inverse) = &inverse {
        let other = (owner.name(), owner.field.entity.as_str());
        let inverse_defines = inverse.arguments.fields.is_some() || inverse.arguments.references.is_some();
        if inverse_defines && kind == RelationKind::OneToMany {
            diagnostics.push(catalog::list_side_defines_fields(inverse.span(), (inverse.name(), &inverse.field.entity), other));
        }
        if inverse.has_actions() {
            diagnostics.push(catalog::actions_on_back_side(inverse.span(), (inverse.name(), &inverse.field.entity), other));
        }
    }
    let (Some(fields), Some(references)) = (&owner.arguments.fields, &owner.arguments.references) else {
        let argument = if owner.arguments.fields.is_none() { "fields" } else { "references" };
        if kind == RelationKind::OneToMany || owner.arguments.fields.is_some() != owner.arguments.references.is_some() {
            diagnostics.push(catalog::missing_relation_argument(owner.span(), argument, owner.name(), &owner.field.entity));
        }
        return;
    };
    let owning_entity = entity(schema, index, &owner.field.entity).expect("owner entity was lowered");
    let target_entity = entity(schema, index, &owner.field.target).expect("target entity was lowered");
    let mut known = true;
    for (field, span) in fields {
        if owning_entity.field(field).is_none() {
            diagnostics.push(catalog::unknown_relation_field(*span, "fields", field, &owning_entity.name));
            known = false;
        }
    }
    for (field, span) in references {
        if target_entity.field(field).is_none() {
            diagnostics.push(catalog::unknown_relation_field(*span, "references", field, &target_entity.name));
            known = false;
        }
    }
    if fields.len() != references.len() {
        diagnostics.push(catalog::fields_references_arity(owner.span(), fields.len(), references.len()));
        known = false;
    }
    if !known || fields.is_empty() {
        return;
    }
    let fields: Vec<String> = fields.iter().map(|(f, _)| f.clone()).collect();
    let required = fields.iter().all(|f| owning_entity.field(f).is_some_and(|f| !f.nullable));
    let default_on_delete = ReferentialAction::prisma_default_on_delete(required, schema.provider);
    let foreign_key = ForeignKey {
        entity: owner.field.entity.clone(),
        fields,
        referenced_entity: owner.field.target.clone(),
        referenced_fields: references.iter().map(|(f, _)| f.clone()).collect(),
        constraint_name: owner.arguments.map.clone(),
        required,
    };
    let relation = Relation {
        name: owner.arguments.name.clone(),
        kind,
        owning_side: RelationSide { entity: owner.field.entity.clone(), navigation: Some(owner.name().to_string()) },
        inverse_side: RelationSide { entity: owner.field.target.clone(), navigation: inverse.as_ref().map(|i| i.name().to_string()) },
        foreign_key: Some(foreign_key),
        join_table: None,
        on_delete: owner.arguments.on_delete.map_or(default_on_delete, |(a, _)| a),
        on_update: owner.arguments.on_update.map_or(ReferentialAction::Cascade, |(a, _)| a),
        span: owner.span(),
    };
    push_relation(relation, &owner, inverse.as_ref(), schema, index);
}

fn lower_many_to_many(a: Candidate<'_>, b: Candidate<'_>, schema: &mut Schema, index: &EntityIndex, diagnostics: &mut Vec<Diagnostic>) {
    for side in [&a, &b] {
        if side.arguments.references.is_some() || side.arguments.fields.is_some() {
            diagnostics.push(catalog::implicit_many_to_many_with_fields(side.span()));
        }
        if side.has_actions() {
            diagnostics.push(catalog::implicit_many_to_many_with_actions(side.span()));
        }
    }
    // Prisma's column `A` points at the model whose name sorts first; for a self-relation, at the
    // side whose field name sorts first.
    let a_first = if a.field.entity == b.field.entity { a.name() <= b.name() } else { a.field.entity <= b.field.entity };
    let (first, second) = if a_first { (a, b) } else { (b, a) };
    let mut columns = Vec::new();
    for (column, side, other) in [("A", &first, &second), ("B", &second, &first)] {
        let referenced = entity(schema, index, &side.field.entity).expect("entity was lowered");
        match referenced.primary_key.as_ref().filter(|pk| pk.fields.len() == 1) {
            Some(pk) => columns.push(JoinColumn {
                column: column.to_string(),
                referenced_entity: referenced.name.clone(),
                referenced_field: pk.fields[0].clone(),
            }),
            None => {
                diagnostics.push(catalog::many_to_many_without_id(other.span(), other.name(), &other.field.entity, &referenced.name));
            }
        }
    }
    let Ok(columns) = <[JoinColumn; 2]>::try_from(columns) else { return };
    let name = first.arguments.name.clone().or_else(|| second.arguments.name.clone());
    let table = match &name {
        Some(name) => format!("_{name}"),
        None => format!("_{}To{}", first.field.entity, second.field.entity),
    };
    let relation = Relation {
        name,
        kind: RelationKind::ManyToMany,
        owning_side: RelationSide { entity: first.field.entity.clone(), navigation: Some(first.name().to_string()) },
        inverse_side: RelationSide { entity: second.field.entity.clone(), navigation: Some(second.name().to_string()) },
        foreign_key: None,
        join_table: Some(JoinTable { table, columns }),
        on_delete: ReferentialAction::Cascade,
        on_update: ReferentialAction::Cascade,
        span: first.span(),
    };
    push_relation(relation, &first, Some(&second), schema, index);
}

fn push_relation(relation: Relation, owner: &Candidate<'_>, inverse: Option<&Candidate<'_>>, schema: &mut Schema, entities: &EntityIndex) {
    let index = schema.relations.len();
    schema.relations.push(relation);
    for side in std::iter::once(owner).chain(inverse) {
        let navigation = Navigation {
            name: side.name().to_string(),
            target: side.field.target.clone(),
            cardinality: side.cardinality(),
            relation: index,
            position: side.field.position,
            documentation: side.field.declaration.documentation.clone(),
            span: side.span(),
            type_span: side.field.declaration.field_type.as_ref().map_or(side.span(), |t| t.span),
        };
        if let Some(&position) = entities.get(&side.field.entity) {
            schema.entities[position].navigations.push(navigation);
        }
    }
}
