//! Many-to-many relations that Prisma can only write as an explicit join model.
//!
//! Prisma's implicit many-to-many has a fixed table: `_{A}To{B}` (or `_{relation name}`) with
//! columns `A` and `B` pointing at the single-field ids of the two models, `A` at the model first
//! by name. A join table read from SQL (`post_tags (post_id, tag_id)`) has other names, so the
//! Prisma output gives it a model of its own: two required keys, each ON DELETE/UPDATE CASCADE
//! (what a many-to-many means), a compound id, `@@map` to the table, and the two sides' lists
//! pointing at the join model. This module rewrites a schema that way before the Prisma generator
//! writes it, and says which new relations stand for which original one.

use crate::ir::{
    free_name, lower_camel, Entity, Field, ForeignKey, JoinTable, Navigation, NavigationCardinality, PrimaryKey, ReferentialAction,
    Relation, RelationKind, RelationSide, Schema,
};

/// Whether Prisma's implicit form produces exactly this join table.
pub fn is_implicit_form(schema: &Schema, relation: &Relation, join_table: &JoinTable) -> bool {
    let [a, b] = &join_table.columns;
    let mut names = [relation.owning_side.entity.as_str(), relation.inverse_side.entity.as_str()];
    names.sort();
    let expected_table = match &relation.name {
        Some(name) => format!("_{name}"),
        None => format!("_{}To{}", names[0], names[1]),
    };
    let references_id = |column: &crate::ir::JoinColumn| {
        schema
            .entity(&column.referenced_entity)
            .and_then(|e| e.primary_key.as_ref())
            .is_some_and(|pk| pk.fields.len() == 1 && pk.fields[0] == column.referenced_field)
    };
    join_table.table == expected_table
        && a.column == "A"
        && b.column == "B"
        && a.referenced_entity == names[0]
        && b.referenced_entity == names[1]
        && references_id(a)
        && references_id(b)
}

/// `schema` with every many-to-many relation that is not in Prisma's implicit form replaced by a
/// join model, and for each relation of the result the index of the relation it comes from in
/// `schema` (the join model's two relations both map to the many-to-many they replace).
pub fn with_explicit_join_models(schema: &Schema) -> (Schema, Vec<usize>) {
    let mut result = schema.clone();
    let mut origin: Vec<usize> = (0..schema.relations.len()).collect();
    for (index, relation) in schema.relations.iter().enumerate() {
        let Some(join_table) = relation.join_table.as_ref().filter(|jt| !is_implicit_form(schema, relation, jt)) else { continue };
        let model_name = free_model_name(&result, &join_table.table, relation);
        let self_relation = relation.owning_side.entity == relation.inverse_side.entity;
        let mut entity = Entity::new(model_name.clone(), join_table.table.clone(), relation.span, relation.span);
        // The join table goes in the database schema of the relation's owning side.
        entity.database_schema = schema.entity(&relation.owning_side.entity).and_then(|e| e.database_schema.clone());
        let mut used_names: Vec<String> = Vec::new();
        let mut field_names = Vec::new();
        for (position, column) in join_table.columns.iter().enumerate() {
            let referenced = schema.entity(&column.referenced_entity).and_then(|e| e.field(&column.referenced_field));
            let name = unique_name(identifier(&column.column), &mut used_names);
            entity.fields.push(Field {
                name: name.clone(),
                column: column.column.clone(),
                field_type: referenced.map_or(crate::ir::FieldType::Int, |f| f.field_type.clone()),
                nullable: false,
                list: false,
                default: None,
                native_type: referenced.and_then(|f| f.native_type.clone()),
                database_types: referenced.map(|f| f.database_types.clone()).unwrap_or_default(),
                updated_at: false,
                position: position as u32 * 2,
                documentation: None,
                span: relation.span,
            });
            field_names.push(name);
        }
        entity.primary_key =
            Some(PrimaryKey { fields: field_names.clone(), constraint_name: None, client_name: None, span: relation.span });
        let first_relation = index;
        let second_relation = result.relations.len();
        for (side, owning) in [(&relation.owning_side, true), (&relation.inverse_side, false)] {
            let column = super::relation_ends::join_column_of(relation, join_table, owning);
            let target = &join_table.columns[column];
            let relation_index = if owning { first_relation } else { second_relation };
            let base = if self_relation {
                format!("{}{}", lower_camel(&target.referenced_entity), if owning { "A" } else { "B" })
            } else {
                lower_camel(&target.referenced_entity)
            };
            let navigation_name = unique_name(base, &mut used_names);
            entity.navigations.push(Navigation {
                name: navigation_name.clone(),
                target: target.referenced_entity.clone(),
                cardinality: NavigationCardinality::One,
                relation: relation_index,
                position: column as u32 * 2 + 1,
                documentation: None,
                span: relation.span,
                type_span: relation.span,
            });
            let name = self_relation.then(|| format!("{model_name}_{}", field_names[column]));
            let replacement = Relation {
                name,
                kind: RelationKind::OneToMany,
                owning_side: RelationSide { entity: model_name.clone(), navigation: Some(navigation_name) },
                inverse_side: side.clone(),
                foreign_key: Some(ForeignKey {
                    entity: model_name.clone(),
                    fields: vec![field_names[column].clone()],
                    referenced_entity: target.referenced_entity.clone(),
                    referenced_fields: vec![target.referenced_field.clone()],
                    constraint_name: None,
                    required: true,
                }),
                join_table: None,
                id_lists: None,
                on_delete: ReferentialAction::Cascade,
                on_update: ReferentialAction::Cascade,
                span: relation.span,
            };
            if owning {
                result.relations[index] = replacement;
            } else {
                result.relations.push(replacement);
                origin.push(index);
            }
            // The side's list now leads to the join model.
            if let Some(navigation_name) = &side.navigation {
                if let Some(navigation) = result
                    .entities
                    .iter_mut()
                    .find(|e| e.name == side.entity)
                    .and_then(|e| e.navigations.iter_mut().find(|n| &n.name == navigation_name && n.relation == index))
                {
                    navigation.target = model_name.clone();
                    navigation.relation = relation_index;
                }
            }
        }
        entity.join_of = Some([first_relation, second_relation]);
        result.entities.push(entity);
    }
    (result, origin)
}

/// The join model's name: the table's name where it can name a model and is free, else the
/// two models' names joined.
fn free_model_name(schema: &Schema, table: &str, relation: &Relation) -> String {
    let from_table = identifier(table);
    let base = if from_table.starts_with(|c: char| c.is_ascii_alphabetic()) {
        from_table
    } else {
        format!("{}{}", relation.owning_side.entity, relation.inverse_side.entity)
    };
    free_name(base, |n| schema.entity(n).is_some())
}

/// `text` with every character that cannot be in a Prisma name made `_`.
fn identifier(text: &str) -> String {
    let out: String = text.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{out}")
    } else {
        out
    }
}

fn unique_name(base: String, used: &mut Vec<String>) -> String {
    let name = free_name(base, |n| used.iter().any(|u| u == n));
    used.push(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::SqlDialect;
    use crate::{analyze, SourceLanguage};

    #[test]
    fn a_join_table_from_sql_becomes_a_join_model() {
        let sql = "CREATE TABLE post (id INT PRIMARY KEY); CREATE TABLE tag (id INT PRIMARY KEY);
            CREATE TABLE post_tags (post_id INT NOT NULL REFERENCES post(id) ON DELETE CASCADE ON UPDATE CASCADE,
              tag_id INT NOT NULL REFERENCES tag(id) ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY (post_id, tag_id));";
        let schema = analyze(sql, SourceLanguage::Sql(SqlDialect::Postgresql)).schema;
        assert_eq!(schema.relations[0].kind, RelationKind::ManyToMany);
        let (explicit, origin) = with_explicit_join_models(&schema);
        let join = explicit.entity("post_tags").expect("a join model");
        assert_eq!(join.primary_key.as_ref().map(|pk| pk.fields.clone()), Some(vec!["post_id".to_string(), "tag_id".to_string()]));
        assert!(explicit.relations.iter().all(|r| r.kind == RelationKind::OneToMany && r.on_delete == ReferentialAction::Cascade));
        assert_eq!(origin, vec![0, 0]);
    }

    #[test]
    fn prisma_own_join_tables_stay_implicit() {
        let source = "model Post {\n  id Int @id\n  tags Tag[]\n}\nmodel Tag {\n  id Int @id\n  posts Post[]\n}\n";
        let schema = analyze(source, SourceLanguage::Prisma).schema;
        let (explicit, _) = with_explicit_join_models(&schema);
        assert_eq!(explicit, schema);
    }
}
