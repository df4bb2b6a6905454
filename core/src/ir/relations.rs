//! Relations built from declarations, the same way for every source language.
//!
//! A pair of declared ends becomes a relation when it is well formed enough to build: a to-one
//! relation needs its key fields and referenced fields, all present and pairing up; an implicit
//! many-to-many needs the join table the language's conventions make for it. What cannot be
//! built is left out without a word here: [`crate::validate`] says why, from the same
//! declarations. What differs between languages (default actions, join table names) is asked of
//! the [`RelationConventions`] the reader passes in.

use crate::ir::declarations::{DeclaredEnd, PairShape, RelationDeclarations};
use crate::ir::{ForeignKey, IdList, JoinTable, Navigation, Provider, ReferentialAction, Relation, RelationKind, RelationSide, Schema};
use std::collections::HashMap;

/// A source language's defaults for what its relations leave unsaid.
pub trait RelationConventions {
    /// The `ON DELETE` action of a key whose source writes none.
    fn default_on_delete(&self, required: bool, provider: Option<Provider>) -> ReferentialAction;
    /// The `ON UPDATE` action of a key whose source writes none.
    fn default_on_update(&self) -> ReferentialAction;
    /// The join table of an implicit many-to-many between the ends `a` and `b`, and whether `a`
    /// is its first (owning) end; `None` where the language cannot make one (an entity without a
    /// single-field primary key).
    /// `b` is `None` for a many-to-many declared on one end only.
    fn implicit_join_table(&self, a: &DeclaredEnd, b: Option<&DeclaredEnd>, schema: &Schema) -> Option<(bool, JoinTable)>;
}

/// Adds to `schema` the relations and navigations of every pair that can be built.
pub fn build_relations(schema: &mut Schema, declarations: &RelationDeclarations, conventions: &dyn RelationConventions) {
    let index: HashMap<String, usize> = schema.entities.iter().enumerate().map(|(i, e)| (e.name.clone(), i)).collect();
    for &pair in &declarations.pairs {
        let built = match declarations.shape(pair, schema) {
            PairShape::ToOne { owner, inverse, kind } => to_one(owner, inverse, kind, schema, &index, conventions),
            PairShape::ManyToMany(a, b) => many_to_many(a, Some(b), schema, conventions),
            PairShape::LoneManyToMany(a) => many_to_many(a, None, schema, conventions),
            PairShape::LoneList(_) | PairShape::Undecided(..) => None,
        };
        if let Some((relation, owner, inverse)) = built {
            push_relation(relation, owner, inverse, schema, &index);
        }
    }
}

type Built<'a> = (Relation, &'a DeclaredEnd, Option<&'a DeclaredEnd>);

fn to_one<'a>(
    owner: &'a DeclaredEnd,
    inverse: Option<&'a DeclaredEnd>,
    kind: RelationKind,
    schema: &Schema,
    index: &HashMap<String, usize>,
    conventions: &dyn RelationConventions,
) -> Option<Built<'a>> {
    let (fields, references) = (owner.fields.as_ref()?, owner.references.as_ref()?);
    let owning_entity = &schema.entities[*index.get(&owner.entity)?];
    let target_entity = &schema.entities[*index.get(&owner.target)?];
    let known = fields.iter().all(|f| owning_entity.field(&f.value).is_some())
        && references.iter().all(|f| target_entity.field(&f.value).is_some());
    if !known || fields.len() != references.len() || fields.is_empty() {
        return None;
    }
    let fields: Vec<String> = fields.iter().map(|f| f.value.clone()).collect();
    let required = fields.iter().all(|f| owning_entity.field(f).is_some_and(|f| !f.nullable));
    let foreign_key = ForeignKey {
        entity: owner.entity.clone(),
        fields,
        referenced_entity: owner.target.clone(),
        referenced_fields: references.iter().map(|f| f.value.clone()).collect(),
        constraint_name: owner.constraint_name.clone(),
        required,
    };
    let relation = Relation {
        name: owner.relation_name.clone(),
        kind,
        owning_side: RelationSide { entity: owner.entity.clone(), navigation: Some(owner.name.clone()) },
        inverse_side: RelationSide { entity: owner.target.clone(), navigation: inverse.map(|i| i.name.clone()) },
        foreign_key: Some(foreign_key),
        join_table: None,
        id_lists: None,
        on_delete: owner.on_delete.as_ref().map_or_else(|| conventions.default_on_delete(required, schema.provider), |a| a.value),
        on_update: owner.on_update.as_ref().map_or_else(|| conventions.default_on_update(), |a| a.value),
        span: owner.span,
    };
    Some((relation, owner, inverse))
}

fn many_to_many<'a>(
    a: &'a DeclaredEnd,
    b: Option<&'a DeclaredEnd>,
    schema: &Schema,
    conventions: &dyn RelationConventions,
) -> Option<Built<'a>> {
    if let Some(relation) = id_list_relation(a, b) {
        return Some((relation, a, b));
    }
    let (a_first, join_table) = conventions.implicit_join_table(a, b, schema)?;
    let (first, second) = match b {
        Some(b) if !a_first => (b, Some(a)),
        _ => (a, b),
    };
    let relation = Relation {
        name: first.relation_name.clone().or_else(|| second.and_then(|s| s.relation_name.clone())),
        kind: RelationKind::ManyToMany,
        owning_side: RelationSide { entity: first.entity.clone(), navigation: Some(first.name.clone()) },
        inverse_side: RelationSide { entity: first.target.clone(), navigation: second.map(|s| s.name.clone()) },
        foreign_key: None,
        join_table: Some(join_table),
        id_lists: None,
        on_delete: ReferentialAction::Cascade,
        on_update: ReferentialAction::Cascade,
        span: first.span,
    };
    Some((relation, first, second))
}

/// A many-to-many whose two ends each give `fields` (their list of the other side's ids) and
/// `references`: MongoDB's form, with no join table. Validation says where it is allowed.
fn id_list_relation(a: &DeclaredEnd, b: Option<&DeclaredEnd>) -> Option<Relation> {
    let b = b?;
    let list = |end: &DeclaredEnd| {
        let [field] = end.fields.as_deref()? else { return None };
        let [referenced] = end.references.as_deref()? else { return None };
        Some(IdList { entity: end.entity.clone(), field: field.value.clone(), referenced_field: referenced.value.clone() })
    };
    let (a_list, b_list) = (list(a)?, list(b)?);
    Some(Relation {
        name: a.relation_name.clone().or_else(|| b.relation_name.clone()),
        kind: RelationKind::ManyToMany,
        owning_side: RelationSide { entity: a.entity.clone(), navigation: Some(a.name.clone()) },
        inverse_side: RelationSide { entity: b.entity.clone(), navigation: Some(b.name.clone()) },
        foreign_key: None,
        join_table: None,
        id_lists: Some([a_list, b_list]),
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        span: a.span,
    })
}

fn push_relation(
    relation: Relation,
    owner: &DeclaredEnd,
    inverse: Option<&DeclaredEnd>,
    schema: &mut Schema,
    entities: &HashMap<String, usize>,
) {
    let index = schema.relations.len();
    schema.relations.push(relation);
    for end in std::iter::once(owner).chain(inverse) {
        let navigation = Navigation {
            name: end.name.clone(),
            target: end.target.clone(),
            cardinality: end.cardinality,
            relation: index,
            position: end.position,
            documentation: end.documentation.clone(),
            span: end.span,
            type_span: end.type_span,
        };
        if let Some(&position) = entities.get(&end.entity) {
            schema.entities[position].navigations.push(navigation);
        }
    }
}
