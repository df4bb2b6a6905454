//! Validation of a lowered schema: rules about well-formed relations that a schema can break even
//! when every name resolves. One file per rule family; each reads the IR and reports diagnostics
//! built in [`crate::diagnostic::catalog`]. Rules that keep a relation from being built at all
//! (a missing `fields` argument, an unknown field) are reported earlier, by lowering.

mod cycles;
mod keys;
mod names;
mod one_to_one;
mod references;
mod referential_actions;
mod relation_mode;

use crate::diagnostic::Diagnostic;
use crate::ir::{Entity, ForeignKey, Navigation, Relation, Schema};
use std::collections::HashMap;

/// Runs every rule over `schema`, read from `language`: rules that only Prisma imposes are
/// warnings for a schema that came from SQL, which the database itself accepts.
pub fn validate(schema: &Schema, language: crate::SourceLanguage) -> Vec<Diagnostic> {
    let mut context = Context::new(schema);
    context.from_sql = matches!(language, crate::SourceLanguage::Sql(_));
    let mut diagnostics = Vec::new();
    keys::check(&context, &mut diagnostics);
    one_to_one::check(&context, &mut diagnostics);
    references::check(&context, &mut diagnostics);
    referential_actions::check(&context, &mut diagnostics);
    cycles::check(&context, &mut diagnostics);
    relation_mode::check(&context, &mut diagnostics);
    names::check(&context, &mut diagnostics);
    diagnostics
}

/// What every rule reads, worked out once: entities by name and the relations with keys.
struct Context<'a> {
    schema: &'a Schema,
    /// Whether the schema was read from SQL DDL.
    from_sql: bool,
    entities: HashMap<&'a str, &'a Entity>,
    keyed: Vec<KeyedRelation<'a>>,
}

impl<'a> Context<'a> {
    fn new(schema: &'a Schema) -> Context<'a> {
        let entities: HashMap<&str, &Entity> = schema.entities.iter().map(|e| (e.name.as_str(), e)).collect();
        let keyed = schema
            .relations
            .iter()
            .enumerate()
            .filter_map(|(index, relation)| {
                let key = relation.foreign_key.as_ref()?;
                Some(KeyedRelation {
                    index,
                    relation,
                    key,
                    owner: entities.get(key.entity.as_str())?,
                    target: entities.get(key.referenced_entity.as_str())?,
                })
            })
            .collect();
        Context { schema, from_sql: false, entities, keyed }
    }

    /// The navigation of one side of a relation, if that side has one.
    fn navigation(&self, side: &crate::ir::RelationSide) -> Option<&'a Navigation> {
        let name = side.navigation.as_ref()?;
        self.entities.get(side.entity.as_str())?.navigations.iter().find(|n| &n.name == name)
    }
}

/// A relation with a foreign key, its key, the owning entity and the referenced entity.
struct KeyedRelation<'a> {
    index: usize,
    relation: &'a Relation,
    key: &'a ForeignKey,
    owner: &'a Entity,
    target: &'a Entity,
}

/// `Entity.navigation`, or the entity alone where that side has no navigation.
fn side_name(side: &crate::ir::RelationSide) -> String {
    match &side.navigation {
        Some(navigation) => format!("{}.{navigation}", side.entity),
        None => side.entity.clone(),
    }
}
