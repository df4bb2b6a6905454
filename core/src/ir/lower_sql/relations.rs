//! Foreign keys into relations. A table that holds nothing but two single-column keys to two
//! primary keys, together unique, both ON DELETE and ON UPDATE CASCADE, is a many-to-many join
//! table: that is what a many-to-many relation means in every ORM (and the only thing Prisma's
//! implicit form can be). With other actions it stays an entity with two one-to-many relations,
//! so that no generated code changes what the database does. Every other key is a one-to-one
//! relation when its columns are unique and a one-to-many relation otherwise. Navigation names
//! come from the key column (`author_id` → `author`) and the owning table (`posts`).

use super::PendingKey;
use crate::diagnostic::{catalog, Diagnostic};
use crate::dialect::SqlDialect;
use crate::ir::lower_camel;
use crate::ir::{
    ForeignKey, JoinColumn, JoinTable, Navigation, NavigationCardinality, ReferentialAction, Relation, RelationKind, RelationSide, Schema,
};

fn action(action: Option<sqlparser::ast::ReferentialAction>) -> ReferentialAction {
    use sqlparser::ast::ReferentialAction as Sql;
    match action {
        Some(Sql::Cascade) => ReferentialAction::Cascade,
        Some(Sql::Restrict) => ReferentialAction::Restrict,
        Some(Sql::SetNull) => ReferentialAction::SetNull,
        Some(Sql::SetDefault) => ReferentialAction::SetDefault,
        Some(Sql::NoAction) | None => ReferentialAction::NoAction,
    }
}

/// A plural for a navigation name; table names that already end in `s` are taken as plural.
fn plural(name: &str) -> String {
    if name.ends_with('s') {
        name.to_string()
    } else if name.ends_with('x') || name.ends_with("ch") || name.ends_with("sh") {
        format!("{name}es")
    } else if name.ends_with('y') && !name.ends_with("ay") && !name.ends_with("ey") && !name.ends_with("oy") {
        format!("{}ies", &name[..name.len() - 1])
    } else {
        format!("{name}s")
    }
}

/// The navigation name on the owning side: the key column without its `id` suffix.
fn owner_navigation(columns: &[String], target: &str) -> String {
    if let [column] = columns {
        for suffix in ["_id", "_ID", "Id", "ID"] {
            if let Some(stem) = column.strip_suffix(suffix).filter(|s| !s.is_empty()) {
                return lower_camel(stem);
            }
        }
    }
    lower_camel(target)
}

fn add_navigation(
    schema: &mut Schema,
    entity: &str,
    name: &str,
    target: &str,
    cardinality: NavigationCardinality,
    relation: usize,
    span: crate::span::Span,
) {
    if let Some(entity) = schema.entities.iter_mut().find(|e| e.name == entity) {
        let position = (entity.fields.len() + entity.navigations.len()) as u32;
        entity.navigations.push(Navigation {
            name: name.to_string(),
            target: target.to_string(),
            cardinality,
            relation,
            position,
            documentation: None,
            span,
            type_span: span,
        });
    }
}

pub(super) fn lower_keys(mut keys: Vec<PendingKey>, dialect: SqlDialect, schema: &mut Schema, diagnostics: &mut Vec<Diagnostic>) {
    // Keys without listed referenced columns point at the primary key.
    keys.retain_mut(|key| {
        let Some(target) = schema.entity(&key.referenced_table) else {
            diagnostics.push(catalog::unknown_table(key.span, &key.referenced_table));
            return false;
        };
        if key.referenced_columns.is_empty() {
            key.referenced_columns = target.primary_key.as_ref().map(|pk| pk.fields.clone()).unwrap_or_default();
        }
        key.columns.len() == key.referenced_columns.len() && !key.columns.is_empty()
    });
    lower_join_tables(&mut keys, dialect, schema);
    for key in keys {
        let Some(owner) = schema.entity(&key.table) else { continue };
        let kind = if owner.is_unique_criterion(&key.columns) { RelationKind::OneToOne } else { RelationKind::OneToMany };
        let required = key.columns.iter().all(|c| owner.field(c).is_some_and(|f| !f.nullable));
        let index = schema.relations.len();
        let owner_name = schema.free_member_name(&key.table, owner_navigation(&key.columns, &key.referenced_table));
        let owner_cardinality = if required { NavigationCardinality::One } else { NavigationCardinality::ZeroOrOne };
        add_navigation(schema, &key.table, &owner_name, &key.referenced_table, owner_cardinality, index, key.span);
        let back = if kind == RelationKind::OneToOne { lower_camel(&key.table) } else { plural(&lower_camel(&key.table)) };
        let back_name = schema.free_member_name(&key.referenced_table, back);
        let back_cardinality = if kind == RelationKind::OneToOne { NavigationCardinality::ZeroOrOne } else { NavigationCardinality::Many };
        add_navigation(schema, &key.referenced_table, &back_name, &key.table, back_cardinality, index, key.span);
        schema.relations.push(Relation {
            name: None,
            kind,
            owning_side: RelationSide { entity: key.table.clone(), navigation: Some(owner_name) },
            inverse_side: RelationSide { entity: key.referenced_table.clone(), navigation: Some(back_name) },
            foreign_key: Some(ForeignKey {
                entity: key.table.clone(),
                fields: key.columns.clone(),
                referenced_entity: key.referenced_table.clone(),
                referenced_fields: key.referenced_columns.clone(),
                constraint_name: key.name.clone(),
                required,
            }),
            join_table: None,
            id_lists: None,
            on_delete: action(key.on_delete),
            on_update: action(key.on_update),
            span: key.span,
        });
    }
    crate::ir::join_models::mark_join_entities(schema);
}

/// Turns tables that are only two keys into many-to-many relations, removing their keys from
/// `keys` and the tables from the entities. The pair must be made unique as relplay writes a join
/// table in `dialect` (the primary key on PostgreSQL, a unique index on MySQL and SQLite, as
/// Prisma does), so that the table written again is the table read; one made unique the other way
/// (formbricks' `TagsOnResponses` with its primary key, on MySQL) stays an explicit join model.
fn lower_join_tables(keys: &mut Vec<PendingKey>, dialect: SqlDialect, schema: &mut Schema) {
    let mut join_tables = Vec::new();
    let mut keys_by_table: std::collections::HashMap<&str, Vec<&PendingKey>> = std::collections::HashMap::new();
    for key in keys.iter() {
        keys_by_table.entry(key.table.as_str()).or_default().push(key);
    }
    for entity in &schema.entities {
        let own: &[&PendingKey] = keys_by_table.get(entity.table.as_str()).map_or(&[], Vec::as_slice);
        let [first, second] = own else { continue };
        let columns: Vec<String> =
            vec![first.columns.first().cloned().unwrap_or_default(), second.columns.first().cloned().unwrap_or_default()];
        let only_keys = first.columns.len() == 1 && second.columns.len() == 1 && entity.fields.len() == 2 && columns[0] != columns[1];
        let points_at_ids = [first, second].iter().all(|k| {
            schema
                .entity(&k.referenced_table)
                .and_then(|t| t.primary_key.as_ref())
                .is_some_and(|pk| pk.fields == k.referenced_columns && pk.fields.len() == 1)
        });
        let cascades = [first, second]
            .iter()
            .all(|k| action(k.on_delete) == ReferentialAction::Cascade && action(k.on_update) == ReferentialAction::Cascade);
        let same = |fields: &[String]| fields.len() == 2 && columns.iter().all(|c| fields.contains(c));
        let pair_is_primary_key = entity.primary_key.as_ref().is_some_and(|pk| same(&pk.fields));
        let pair_is_unique = entity.uniques.iter().any(|u| same(&u.fields));
        let unique_as_written = match dialect {
            SqlDialect::Postgresql => pair_is_primary_key && !pair_is_unique,
            SqlDialect::Mysql | SqlDialect::Sqlite => pair_is_unique && entity.primary_key.is_none(),
        };
        if only_keys
            && cascades
            && points_at_ids
            && unique_as_written
            && first.referenced_table != entity.name
            && second.referenced_table != entity.name
        {
            join_tables.push((entity.name.clone(), (*first).clone(), (*second).clone()));
        }
    }
    let joined: std::collections::HashSet<String> = join_tables.iter().map(|(table, _, _)| table.clone()).collect();
    keys.retain(|k| !joined.contains(&k.table));
    let spans: std::collections::HashMap<String, crate::Span> =
        schema.entities.iter().filter(|e| joined.contains(&e.name)).map(|e| (e.name.clone(), e.span)).collect();
    schema.entities.retain(|e| !joined.contains(&e.name));
    for (table, first, second) in join_tables {
        let span = spans.get(&table).copied().unwrap_or(first.span);
        let index = schema.relations.len();
        let self_relation = first.referenced_table == second.referenced_table;
        let first_name = schema.free_member_name(&first.referenced_table, plural(&lower_camel(&second.referenced_table)));
        add_navigation(schema, &first.referenced_table, &first_name, &second.referenced_table, NavigationCardinality::Many, index, span);
        let second_base = if self_relation { format!("{first_name}Of") } else { plural(&lower_camel(&first.referenced_table)) };
        let second_name = schema.free_member_name(&second.referenced_table, second_base);
        add_navigation(schema, &second.referenced_table, &second_name, &first.referenced_table, NavigationCardinality::Many, index, span);
        let join_column = |key: &PendingKey| JoinColumn {
            column: key.columns[0].clone(),
            referenced_entity: key.referenced_table.clone(),
            referenced_field: key.referenced_columns[0].clone(),
        };
        schema.relations.push(Relation {
            name: table.strip_prefix('_').filter(|_| !table.contains("To")).map(str::to_string),
            kind: RelationKind::ManyToMany,
            owning_side: RelationSide { entity: first.referenced_table.clone(), navigation: Some(first_name) },
            inverse_side: RelationSide { entity: second.referenced_table.clone(), navigation: Some(second_name) },
            foreign_key: None,
            join_table: Some(JoinTable { table: table.clone(), columns: [join_column(&first), join_column(&second)] }),
            id_lists: None,
            on_delete: ReferentialAction::Cascade,
            on_update: ReferentialAction::Cascade,
            span,
        });
    }
}
