//! The order in which tables can be created so that each foreign key points at a table that
//! already exists, and the foreign keys that close a cycle (they must be added afterwards).

use crate::ir::{Entity, ForeignKey, Relation, Schema, SchemaIndex};
use std::collections::BTreeSet;

/// The one-to-one and one-to-many relations whose foreign key `entity` holds.
pub fn owned_foreign_keys<'s>(index: &SchemaIndex<'s>, entity: &Entity) -> Vec<(&'s Relation, &'s ForeignKey)> {
    index.owned_by(&entity.name).iter().map(|&i| index.relation(i)).filter_map(|r| r.foreign_key.as_ref().map(|fk| (r, fk))).collect()
}

/// Entity indexes in an order where referenced tables come first, keeping source order otherwise.
pub fn creation_order(index: &SchemaIndex) -> Vec<usize> {
    let schema = index.schema();
    let mut state = vec![0u8; schema.entities.len()];
    let mut order = Vec::with_capacity(schema.entities.len());
    // Depth first, with an explicit stack (a chain of thousands of tables must not overflow):
    // each frame is an entity and how many of its foreign keys it has visited.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..schema.entities.len() {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(&mut (entity, ref mut next)) = stack.last_mut() {
            let owned = index.owned_by(&schema.entities[entity].name);
            if let Some(&relation) = owned.get(*next) {
                *next += 1;
                let target = index.relation(relation).foreign_key.as_ref().and_then(|fk| index.position(&fk.referenced_entity));
                // 1 is a table on the current path (a cycle: broken by a deferred key).
                if let Some(target) = target.filter(|&t| t != entity && state[t] == 0) {
                    state[target] = 1;
                    stack.push((target, 0));
                }
            } else {
                state[entity] = 2;
                order.push(entity);
                stack.pop();
            }
        }
    }
    order
}

/// The relations (indexes into [`Schema::relations`]) whose foreign key points at an entity that
/// [`creation_order`] creates later: the keys that close a cycle. Self-references are not among
/// them (a table can reference itself as it is created).
pub fn cycle_closing_relations(index: &SchemaIndex) -> BTreeSet<usize> {
    let schema: &Schema = index.schema();
    let mut rank_of_entity = vec![0usize; schema.entities.len()];
    for (rank, &entity) in creation_order(index).iter().enumerate() {
        rank_of_entity[entity] = rank;
    }
    let rank = |name: &str| index.position(name).map(|i| rank_of_entity[i]);
    let mut closing = BTreeSet::new();
    for (i, relation) in schema.relations.iter().enumerate() {
        if let Some(fk) = &relation.foreign_key {
            if let (Some(owner), Some(target)) = (rank(&fk.entity), rank(&fk.referenced_entity)) {
                if target > owner {
                    closing.insert(i);
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
        assert_eq!(cycle_closing_relations(&SchemaIndex::new(&schema)).len(), 1);
    }
}
