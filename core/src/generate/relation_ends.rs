//! The navigation names of each relation's two ends as ORM code writes them.
//!
//! The IR may lack a navigation on either end (a unidirectional relation, or one read from SQL),
//! while most ORMs need one on the side that defines the relation, and some (Prisma, VibORM) on
//! both. This module names the missing ones once, so every generator makes up the same names:
//! the other entity's name in lower camel case, plural where that end leads to many
//! (`posts`, `profile`), made unique among the entity's members and the other made-up names.

use crate::ir::{free_name, lower_camel, JoinTable, Relation, RelationKind, Schema};
use std::collections::{HashMap, HashSet};

/// One end of a relation in generated code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    pub entity: String,
    /// The navigation's name: the IR's, or a made-up one.
    pub navigation: String,
    /// Whether the IR has no navigation here and the name was made up.
    pub synthesized: bool,
}

/// Both ends of one relation: `owning` holds the FK (or is the first side of a M:N).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationEnds {
    pub owning: End,
    pub inverse: End,
    /// Whether another relation joins the same two entities (in either direction), so that a
    /// target which pairs relations by their models needs a name to tell them apart.
    pub shares_pair: bool,
}

/// The ends of every relation of `schema`, in the order of [`Schema::relations`].
pub fn relation_ends(schema: &Schema) -> Vec<RelationEnds> {
    let mut taken: HashMap<String, HashSet<String>> = HashMap::new();
    for entity in &schema.entities {
        let names = taken.entry(entity.name.clone()).or_default();
        names.extend(entity.fields.iter().map(|f| f.name.clone()));
        names.extend(entity.navigations.iter().map(|n| n.name.clone()));
    }
    let mut claim = |entity: &str, base: String| -> String {
        let names = taken.entry(entity.to_string()).or_default();
        let name = free_name(base, |n| names.contains(n));
        names.insert(name.clone());
        name
    };
    fn pair(r: &Relation) -> (&str, &str) {
        let (a, b) = (r.owning_side.entity.as_str(), r.inverse_side.entity.as_str());
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    }
    let mut pair_counts: HashMap<(&str, &str), usize> = HashMap::new();
    for relation in &schema.relations {
        *pair_counts.entry(pair(relation)).or_default() += 1;
    }
    let mut all = Vec::with_capacity(schema.relations.len());
    for relation in &schema.relations {
        let owning_base = {
            let mut base = lower_camel(&relation.inverse_side.entity);
            if relation.kind == RelationKind::ManyToMany {
                base.push('s');
            }
            base
        };
        let inverse_base = {
            let mut base = lower_camel(&relation.owning_side.entity);
            if relation.kind != RelationKind::OneToOne {
                base.push('s');
            }
            base
        };
        let owning = match &relation.owning_side.navigation {
            Some(name) => End { entity: relation.owning_side.entity.clone(), navigation: name.clone(), synthesized: false },
            None => End {
                entity: relation.owning_side.entity.clone(),
                navigation: claim(relation.owning_side.entity.as_str(), owning_base),
                synthesized: true,
            },
        };
        let inverse = match &relation.inverse_side.navigation {
            Some(name) => End { entity: relation.inverse_side.entity.clone(), navigation: name.clone(), synthesized: false },
            None => End {
                entity: relation.inverse_side.entity.clone(),
                navigation: claim(relation.inverse_side.entity.as_str(), inverse_base),
                synthesized: true,
            },
        };
        all.push(RelationEnds { owning, inverse, shares_pair: pair_counts[&pair(relation)] > 1 });
    }
    all
}

/// Which of a many-to-many's two join columns (0 or 1) points at its owning end (`owning`) or at
/// its inverse end: the column referencing that end's entity; in a self-relation, where both
/// reference the same table, the owning end takes the first column. Every generator pairs ends
/// and columns this way, so they agree on the same join table.
pub fn join_column_of(relation: &Relation, join_table: &JoinTable, owning: bool) -> usize {
    if relation.owning_side.entity == relation.inverse_side.entity {
        return usize::from(!owning);
    }
    let entity = if owning { &relation.owning_side.entity } else { &relation.inverse_side.entity };
    usize::from(&join_table.columns[0].referenced_entity != entity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, SourceLanguage};

    #[test]
    fn missing_back_sides_get_distinct_names() {
        let source = "model User {\n  id Int @id\n  posts Int\n}\n\
            model Post {\n  id Int @id\n  authorId Int\n  editorId Int\n  author User @relation(\"A\", fields: [authorId], references: [id])\n  editor User @relation(\"E\", fields: [editorId], references: [id])\n}\n";
        let schema = analyze(source, SourceLanguage::Prisma).schema;
        let ends = relation_ends(&schema);
        let names: Vec<&str> = ends.iter().map(|e| e.inverse.navigation.as_str()).collect();
        assert_eq!(names, ["posts2", "posts3"]);
        assert!(ends.iter().all(|e| e.inverse.synthesized && !e.owning.synthesized));
    }
}
