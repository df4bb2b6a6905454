//! Lookups into a finished [`Schema`] by name, built once so that a stage that visits every
//! entity and asks about its relations stays linear in the schema's size: an entity by name, the
//! relations with an end on an entity, and the relations whose foreign key an entity holds.
//!
//! The index borrows the schema, so it cannot outlive a change to it; the lowerings, which still
//! change the schema, look entities up through [`EntityPositions`].

use super::{Entity, Relation, Schema};
use std::collections::HashMap;

pub struct SchemaIndex<'s> {
    schema: &'s Schema,
    entities: HashMap<&'s str, usize>,
    /// Relation indexes with an end on the entity (a self-relation once), in schema order.
    touching: HashMap<&'s str, Vec<usize>>,
    /// Relation indexes whose foreign key the entity holds, in schema order.
    owned: HashMap<&'s str, Vec<usize>>,
}

impl<'s> SchemaIndex<'s> {
    pub fn new(schema: &'s Schema) -> Self {
        let mut entities = HashMap::with_capacity(schema.entities.len());
        for (index, entity) in schema.entities.iter().enumerate() {
            // The first of two entities with one name wins, as in `Schema::entity`.
            entities.entry(entity.name.as_str()).or_insert(index);
        }
        let mut touching: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut owned: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, relation) in schema.relations.iter().enumerate() {
            touching.entry(relation.owning_side.entity.as_str()).or_default().push(index);
            if relation.inverse_side.entity != relation.owning_side.entity {
                touching.entry(relation.inverse_side.entity.as_str()).or_default().push(index);
            }
            if let Some(fk) = &relation.foreign_key {
                owned.entry(fk.entity.as_str()).or_default().push(index);
            }
        }
        SchemaIndex { schema, entities, touching, owned }
    }

    pub fn schema(&self) -> &'s Schema {
        self.schema
    }

    /// The entity named `name` (its model name).
    pub fn entity(&self, name: &str) -> Option<&'s Entity> {
        self.position(name).map(|index| &self.schema.entities[index])
    }

    /// The index into [`Schema::entities`] of the entity named `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.entities.get(name).copied()
    }

    /// The relations with an end on `entity`, as indexes into [`Schema::relations`].
    pub fn relations_of(&self, entity: &str) -> &[usize] {
        self.touching.get(entity).map_or(&[], Vec::as_slice)
    }

    /// The relations whose foreign key `entity` holds.
    pub fn owned_by(&self, entity: &str) -> &[usize] {
        self.owned.get(entity).map_or(&[], Vec::as_slice)
    }

    pub fn relation(&self, index: usize) -> &'s Relation {
        &self.schema.relations[index]
    }
}

/// Each entity's position in [`Schema::entities`] by name, owned rather than borrowed: for the
/// lowerings, which look entities up while they still add fields, keys and navigations to them
/// (the entities themselves are all in the schema by then). The first of a name wins, as in
/// [`Schema::entity`]. (The ORM code readers are its users, so it is built with them.)
#[cfg(feature = "code-readers")]
pub(crate) struct EntityPositions(HashMap<String, usize>);

#[cfg(feature = "code-readers")]
impl EntityPositions {
    pub(crate) fn new(schema: &Schema) -> Self {
        let mut positions = HashMap::with_capacity(schema.entities.len());
        for (index, entity) in schema.entities.iter().enumerate() {
            positions.entry(entity.name.clone()).or_insert(index);
        }
        EntityPositions(positions)
    }

    /// The index into [`Schema::entities`] of the entity named `name`.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.0.get(name).copied()
    }

    /// The entity named `name` in `schema` (the schema the positions were taken of).
    pub(crate) fn entity<'s>(&self, schema: &'s Schema, name: &str) -> Option<&'s Entity> {
        self.position(name).and_then(|index| schema.entities.get(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, SourceLanguage};

    #[test]
    fn finds_entities_and_their_relations_by_name() {
        let source = "model User {\n  id Int @id\n  posts Post[]\n  managerId Int?\n  manager User? @relation(\"M\", fields: [managerId], references: [id])\n  reports User[] @relation(\"M\")\n}\n\
            model Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n";
        let schema = analyze(source, SourceLanguage::Prisma).schema;
        let index = SchemaIndex::new(&schema);
        assert_eq!(index.entity("Post").map(|e| e.name.as_str()), Some("Post"));
        assert!(index.entity("Nobody").is_none());
        let names = |relations: &[usize]| -> Vec<(String, String)> {
            relations
                .iter()
                .map(|&i| (schema.relations[i].owning_side.entity.clone(), schema.relations[i].inverse_side.entity.clone()))
                .collect()
        };
        let mut of_user = names(index.relations_of("User"));
        of_user.sort();
        assert_eq!(of_user, [("Post".to_string(), "User".to_string()), ("User".to_string(), "User".to_string())]);
        assert_eq!(names(index.owned_by("Post")), [("Post".to_string(), "User".to_string())]);
        assert!(index.owned_by("Nobody").is_empty());
    }
}
