//! Names Prisma can take. A model or relation field read from elsewhere may be named what no
//! Prisma name can be (Sequelize's and SQL's join table `_PostToTag`, a navigation
//! `_PostToTags`): Prisma's names start with a letter. Before the Prisma writer runs, such an
//! entity or navigation is renamed to the name without what goes before its first letter (or,
//! failing that, Prisma's identifier of it), one no other model or member has; the table keeps
//! its database name, so the model gets `@@map`. Scalar fields are named by the writer itself.

use crate::ir::Schema;

/// Whether Prisma's grammar takes `name` as a name.
fn is_prisma_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// A Prisma name for `name`: from its first letter on, else its identifier.
fn prisma_form(name: &str) -> String {
    let from_letter = name.trim_start_matches(|c: char| !c.is_alphabetic());
    if is_prisma_name(from_letter) {
        from_letter.to_string()
    } else {
        crate::languages::prisma::identifier(name)
    }
}

/// `schema` with every entity and navigation named as Prisma can take.
pub fn with_prisma_names(schema: &Schema) -> Schema {
    let mut result = schema.clone();
    for index in 0..result.entities.len() {
        let old = result.entities[index].name.clone();
        if is_prisma_name(&old) {
            continue;
        }
        let base = prisma_form(&old);
        let mut new = base.clone();
        let mut n = 2;
        while result.entities.iter().any(|e| e.name == new) || result.enums.iter().any(|e| e.name == new) {
            new = format!("{base}{n}");
            n += 1;
        }
        rename_entity(&mut result, &old, &new);
    }
    for index in 0..result.entities.len() {
        for position in 0..result.entities[index].navigations.len() {
            let old = result.entities[index].navigations[position].name.clone();
            if is_prisma_name(&old) {
                continue;
            }
            let entity = result.entities[index].name.clone();
            let new = result.free_member_name(&entity, prisma_form(&old));
            let navigation = &mut result.entities[index].navigations[position];
            navigation.name = new.clone();
            let relation = &mut result.relations[navigation.relation];
            for side in [&mut relation.owning_side, &mut relation.inverse_side] {
                if side.entity == entity && side.navigation.as_deref() == Some(old.as_str()) {
                    side.navigation = Some(new.clone());
                }
            }
        }
    }
    result
}

fn rename_entity(schema: &mut Schema, old: &str, new: &str) {
    let rename = |name: &mut String| {
        if name == old {
            *name = new.to_string();
        }
    };
    for entity in &mut schema.entities {
        rename(&mut entity.name);
        for navigation in &mut entity.navigations {
            rename(&mut navigation.target);
        }
    }
    for relation in &mut schema.relations {
        rename(&mut relation.owning_side.entity);
        rename(&mut relation.inverse_side.entity);
        if let Some(key) = &mut relation.foreign_key {
            rename(&mut key.entity);
            rename(&mut key.referenced_entity);
        }
        if let Some(join_table) = &mut relation.join_table {
            for column in &mut join_table.columns {
                rename(&mut column.referenced_entity);
            }
        }
        if let Some(lists) = &mut relation.id_lists {
            for list in lists.iter_mut() {
                rename(&mut list.entity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_model_named_with_an_underscore_gets_a_prisma_name() {
        assert_eq!(prisma_form("_PostToTag"), "PostToTag");
        assert_eq!(prisma_form("_PostToTags"), "PostToTags");
        assert_eq!(prisma_form("2fa codes"), "v2fa_codes");
        assert!(!is_prisma_name("_PostToTag"));
        assert!(is_prisma_name("Lööp"));
    }
}
