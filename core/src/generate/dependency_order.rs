//! The order in which tables can be created so that each foreign key points at a table that
//! already exists, and the foreign keys that close a cycle (they must be added afterwards).

use crate::ir::{Entity, ForeignKey, Relation, Schema};

/// The one-to-one and one-to-many relations whose foreign key `entity` holds.
pub fn owned_foreign_keys<'s>(schema: &'s Schema, entity: &Entity) -> Vec<(&'s Relation, &'s ForeignKey)> {
    schema.relations.iter().filter_map(|r| r.foreign_key.as_ref().filter(|fk| fk.entity == entity.name).map(|fk| (r, fk))).collect()
}

/// Entity indexes in an order where referenced tables come first, keeping source order otherwise.
pub fn creation_order(schema: &Schema) -> Vec<usize> {
    fn visit(schema: &Schema, index: usize, state: &mut Vec<u8>, order: &mut Vec<usize>) {
        if state[index] != 0 {
            return; // done, or on the current path (a cycle: broken by a deferred key)
        }
        state[index] = 1;
        let entity = &schema.entities[index];
        for (_, fk) in owned_foreign_keys(schema, entity) {
            if let Some(target) = schema.entities.iter().position(|e| e.name == fk.referenced_entity) {
                if target != index {
                    visit(schema, target, state, order);
                }
            }
        }
        state[index] = 2;
        order.push(index);
    }
    let mut state = vec![0u8; schema.entities.len()];
    let mut order = Vec::with_capacity(schema.entities.len());
    for index in 0..schema.entities.len() {
        visit(schema, index, &mut state, &mut order);
    }
    order
}

/// The relations (indexes into [`Schema::relations`]) whose foreign key points at an entity that
/// [`creation_order`] creates later: the keys that close a cycle. Self-references are not among
/// them (a table can reference itself as it is created).
pub fn cycle_closing_relations(schema: &Schema) -> Vec<usize> {
    let order = creation_order(schema);
    let rank = |name: &str| schema.entities.iter().position(|e| e.name == name).and_then(|i| order.iter().position(|&o| o == i));
    let mut closing = Vec::new();
    for (index, relation) in schema.relations.iter().enumerate() {
        if let Some(fk) = &relation.foreign_key {
            if let (Some(owner), Some(target)) = (rank(&fk.entity), rank(&fk.referenced_entity)) {
                if target > owner {
                    closing.push(index);
                }
            }
        }
    }
    closing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, SourceLanguage};

    #[test]
    fn a_cycle_is_closed_by_one_key() {
        let source = "model A {\n  id Int @id\n  bId Int?\n  b B? @relation(\"AB\", fields: [bId], references: [id])\n  bs B[] @relation(\"BA\")\n}\n\
            model B {\n  id Int @id\n  aId Int?\n  a A? @relation(\"BA\", fields: [aId], references: [id])\n  as A[] @relation(\"AB\")\n}\n";
        let schema = analyze(source, SourceLanguage::Prisma).schema;
        assert_eq!(cycle_closing_relations(&schema).len(), 1);
    }
}
