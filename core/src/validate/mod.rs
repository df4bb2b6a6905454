//! Validation, the same rules for every source language. One file per rule family; each reads the
//! lowered schema and the relations as declared ([`RelationDeclarations`]) and reports
//! diagnostics built in [`crate::diagnostic::catalog`]. The source's [`SourceProfile`] decides
//! which rules apply to it and how much they weigh, and words types, actions and fixes in its
//! language.
//!
//! The first families judge the declarations, which is why some relations could not be built
//! (`pairing`, `owning_side`, `key_fields`, `many_to_many`); the others judge the relations built.

mod cycles;
mod key_fields;
mod keys;
mod many_to_many;
mod names;
mod one_to_one;
mod owning_side;
mod pairing;
mod references;
mod referential_actions;
mod relation_mode;

use crate::diagnostic::Diagnostic;
use crate::ir::declarations::RelationDeclarations;
use crate::ir::{Entity, ForeignKey, Navigation, Relation, Schema};
use crate::languages::SourceProfile;
use std::collections::HashMap;

/// Runs every rule over `schema` and its `declarations`, as the profile of `language` has them.
pub fn validate(schema: &Schema, declarations: &RelationDeclarations, language: crate::SourceLanguage) -> Vec<Diagnostic> {
    let profile = crate::languages::profile(language);
    let context = Context::new(schema, declarations, profile);
    let mut diagnostics = Vec::new();
    pairing::check(&context, &mut diagnostics);
    owning_side::check(&context, &mut diagnostics);
    key_fields::check(&context, &mut diagnostics);
    many_to_many::check(&context, &mut diagnostics);
    keys::check(&context, &mut diagnostics);
    one_to_one::check(&context, &mut diagnostics);
    references::check(&context, &mut diagnostics);
    referential_actions::check(&context, &mut diagnostics);
    cycles::check(&context, &mut diagnostics);
    relation_mode::check(&context, &mut diagnostics);
    names::check(&context, &mut diagnostics);
    diagnostics
        .into_iter()
        .filter_map(|mut diagnostic| {
            diagnostic.severity = profile.severity(diagnostic.code, diagnostic.severity)?;
            Some(diagnostic)
        })
        .collect()
}

/// What every rule reads, worked out once: entities by name and the relations with keys.
struct Context<'a> {
    schema: &'a Schema,
    declarations: &'a RelationDeclarations,
    profile: &'a dyn SourceProfile,
    entities: HashMap<&'a str, &'a Entity>,
    keyed: Vec<KeyedRelation<'a>>,
}

impl<'a> Context<'a> {
    fn new(schema: &'a Schema, declarations: &'a RelationDeclarations, profile: &'a dyn SourceProfile) -> Context<'a> {
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
        Context { schema, declarations, profile, entities, keyed }
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
