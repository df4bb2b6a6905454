//! Validation of a lowered schema: rules about well-formed relations that a schema can break even
//! when every name resolves. One file per rule family; each reads the IR and reports diagnostics
//! built in [`crate::diagnostic::catalog`]. Rules that keep a relation from being built at all
//! (a missing `fields` argument, an unknown field) are reported earlier, by lowering.

mod cycles;
mod names;
mod one_to_one;
mod references;
mod referential_actions;
mod relation_mode;

use crate::diagnostic::Diagnostic;
use crate::ir::{Entity, ForeignKey, Navigation, Relation, Schema};

/// Runs every rule over `schema`.
pub fn validate(schema: &Schema) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    one_to_one::check(schema, &mut diagnostics);
    references::check(schema, &mut diagnostics);
    referential_actions::check(schema, &mut diagnostics);
    cycles::check(schema, &mut diagnostics);
    relation_mode::check(schema, &mut diagnostics);
    names::check(schema, &mut diagnostics);
    diagnostics
}

/// A relation with a foreign key, its key, the owning entity and the referenced entity.
struct KeyedRelation<'a> {
    index: usize,
    relation: &'a Relation,
    key: &'a ForeignKey,
    owner: &'a Entity,
    target: &'a Entity,
}

/// Every relation that has a foreign key whose two entities exist.
fn keyed_relations(schema: &Schema) -> impl Iterator<Item = KeyedRelation<'_>> {
    schema.relations.iter().enumerate().filter_map(|(index, relation)| {
        let key = relation.foreign_key.as_ref()?;
        Some(KeyedRelation { index, relation, key, owner: schema.entity(&key.entity)?, target: schema.entity(&key.referenced_entity)? })
    })
}

/// The navigation of one side of a relation, if that side has one.
fn navigation<'a>(schema: &'a Schema, side: &crate::ir::RelationSide) -> Option<&'a Navigation> {
    let name = side.navigation.as_ref()?;
    schema.entity(&side.entity)?.navigations.iter().find(|n| &n.name == name)
}

/// `Entity.navigation`, or the entity alone where that side has no navigation.
fn side_name(side: &crate::ir::RelationSide) -> String {
    match &side.navigation {
        Some(navigation) => format!("{}.{navigation}", side.entity),
        None => side.entity.clone(),
    }
}
