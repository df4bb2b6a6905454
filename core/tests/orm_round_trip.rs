//! Every example, valid fixture and corpus schema, written as TypeORM (or Sequelize) by relplay
//! and read back by relplay's TypeORM (or Sequelize) reader, is the same database: the same
//! tables, columns (type, nullability), primary keys, unique sets, foreign keys with both
//! actions, and join tables.

use relplay_core::generate::{generate, SequelizeOptions, SqlDialect, Target, TypeOrmOptions};
use relplay_core::ir::{FieldType, Schema};
use relplay_core::{analyze, SourceLanguage};
use std::collections::BTreeSet;

mod common;

/// The database a schema describes, by database names, in a form two schemas can be compared in.
fn database(schema: &Schema) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    for entity in &schema.entities {
        let column = |field: &str| entity.column_of(field).to_string();
        for field in &entity.fields {
            let field_type = match &field.field_type {
                // TypeORM stores an enum from another database's schema as text where it has no enum type.
                FieldType::Enum(_) => "enum".to_string(),
                other => format!("{other:?}"),
            };
            facts.insert(format!("column {}.{} {} null={} list={}", entity.table, field.column, field_type, field.nullable, field.list));
        }
        if let Some(pk) = &entity.primary_key {
            let mut columns: Vec<String> = pk.fields.iter().map(|f| column(f).to_string()).collect();
            if entity.join_of.is_some() {
                columns.sort();
            }
            facts.insert(format!("pk {} ({})", entity.table, columns.join(", ")));
        }
        let primary: BTreeSet<String> = entity.primary_key.iter().flat_map(|pk| &pk.fields).map(|f| column(f)).collect();
        for unique in &entity.uniques {
            let columns: BTreeSet<String> = unique.fields.iter().map(|f| column(f)).collect();
            // A unique constraint on the primary key's columns adds nothing (TypeORM writes none).
            if columns == primary {
                continue;
            }
            facts.insert(format!("unique {} {:?}", entity.table, columns));
        }
    }
    for relation in &schema.relations {
        if let Some(fk) = &relation.foreign_key {
            let (Some(from), Some(to)) = (schema.entity(&fk.entity), schema.entity(&fk.referenced_entity)) else { continue };
            let columns: Vec<&str> = fk.fields.iter().map(|f| from.column_of(f)).collect();
            let referenced: Vec<&str> = fk.referenced_fields.iter().map(|f| to.column_of(f)).collect();
            // Without foreign key constraints (relationMode = "prisma") actions are the ORM's
            // business: the database has none to compare.
            let actions = match schema.relation_mode {
                relplay_core::ir::RelationMode::Prisma => String::new(),
                _ => format!(" on delete {:?} on update {:?}", relation.on_delete, relation.on_update),
            };
            facts.insert(format!("fk {}({}) -> {}({}){actions}", from.table, columns.join(", "), to.table, referenced.join(", ")));
        }
        // A join table is the table it makes: two NOT NULL key columns, the pair as primary key
        // (compared as a set), both keys cascading; the same facts as a join model's.
        if let Some(join_table) = &relation.join_table {
            let mut pair = Vec::new();
            for c in &join_table.columns {
                let target = schema.entity(&c.referenced_entity).expect("join column target");
                let field = target.field(&c.referenced_field).expect("referenced field");
                facts.insert(format!("column {}.{} {:?} null=false list=false", join_table.table, c.column, field.field_type));
                facts.insert(format!(
                    "fk {}({}) -> {}({}) on delete Cascade on update Cascade",
                    join_table.table, c.column, target.table, field.column
                ));
                pair.push(c.column.clone());
            }
            pair.sort();
            facts.insert(format!("pk {} ({})", join_table.table, pair.join(", ")));
        }
    }
    facts
}

fn sources() -> Vec<(String, String)> {
    let mut sources: Vec<(String, String)> =
        relplay_core::examples::EXAMPLES.iter().map(|e| (format!("example {}", e.id), e.source.to_string())).collect();
    let mut paths: Vec<_> = std::fs::read_dir(common::core_root().join("tests/fixtures/valid"))
        .expect("valid fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "prisma")) {
        sources.push((path.display().to_string(), std::fs::read_to_string(&path).expect("fixture")));
    }
    // MongoDB schemas have no relational database to describe in TypeORM or Sequelize.
    sources.extend(common::prisma_schemas().into_iter().filter(|s| !s.is_mongodb()).map(|s| (format!("corpus {}", s.name), s.text)));
    sources
}

#[test]
fn typeorm_written_by_relplay_reads_back_as_the_same_database() {
    let options = TypeOrmOptions { dialect: SqlDialect::Postgresql, cascade: Default::default(), eager: false };
    let mut failures = Vec::new();
    for (name, source) in sources() {
        let schema = analyze(&source, SourceLanguage::Prisma).schema;
        let code = generate(&schema, Target::TypeOrm(options)).text;
        let read = analyze(&code, SourceLanguage::TypeOrm);
        let errors: Vec<_> = read.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).collect();
        if !errors.is_empty() {
            failures.push(format!("{name}: the TypeORM code has errors: {errors:?}"));
            continue;
        }
        // Entities TypeORM cannot map (no primary key) are left out of the TypeORM code.
        let mut expected = schema.clone();
        expected.entities.retain(|e| e.primary_key.is_some());
        // TypeORM cannot write SET DEFAULT: the generator writes NO ACTION and warns (G001).
        for relation in &mut expected.relations {
            for action in [&mut relation.on_delete, &mut relation.on_update] {
                if *action == relplay_core::ir::ReferentialAction::SetDefault {
                    *action = relplay_core::ir::ReferentialAction::NoAction;
                }
            }
        }
        let (want, got) = (database(&expected), database(&read.schema));
        if want != got {
            let missing: Vec<_> = want.difference(&got).collect();
            let extra: Vec<_> = got.difference(&want).collect();
            failures.push(format!("{name}:\n  missing {missing:#?}\n  extra {extra:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Sequelize's output writes what its associations cannot (composite and cycle-closing foreign
/// keys) with `queryInterface.addConstraint` after `sync()`, which the reader reads too, and a
/// many-to-many as `belongsToMany` through a join table, which reads back as a join model.
#[test]
fn sequelize_written_by_relplay_reads_back_as_the_same_database() {
    let mut failures = Vec::new();
    for (name, source) in sources() {
        let schema = analyze(&source, SourceLanguage::Prisma).schema;
        let code = generate(&schema, Target::Sequelize(SequelizeOptions::default())).text;
        let read = analyze(&code, SourceLanguage::Sequelize);
        let errors: Vec<_> = read.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).collect();
        if !errors.is_empty() {
            failures.push(format!("{name}: the Sequelize code has errors: {errors:?}"));
            continue;
        }
        // A scalar list is `listOf(type)`, a helper that picks the type when the code runs.
        let list = |fact: &&String| fact.contains("list=true") || fact.contains("Unsupported(\"unknown\")");
        // Without foreign key constraints (relationMode = "prisma") a composite key has neither an
        // association nor a constraint to add after sync(): G001 says so, and it is not there.
        let emulated_composite = |fact: &&String| {
            schema.relation_mode == relplay_core::ir::RelationMode::Prisma && fact.starts_with("fk ") && fact.contains(", ")
        };
        let (want, got) = (database(&schema), database(&read.schema));
        let missing: Vec<_> = want.difference(&got).filter(|f| !list(f) && !emulated_composite(f)).collect();
        let extra: Vec<_> = got.difference(&want).filter(|f| !list(f)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            failures.push(format!("{name}:\n  missing {missing:#?}\n  extra {extra:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// VibORM has no SET DEFAULT (the generator keeps VibORM's default action and warns) and no
/// relations without foreign keys; both API forms read back the same.
#[test]
fn viborm_written_by_relplay_reads_back_as_the_same_database() {
    use relplay_core::generate::{VibOrmApi, VibOrmOptions};
    use relplay_core::ir::{ReferentialAction, RelationMode};
    let mut failures = Vec::new();
    for (name, source) in sources() {
        let schema = analyze(&source, SourceLanguage::Prisma).schema;
        let mut expected = schema.clone();
        expected.relation_mode = RelationMode::ForeignKeys;
        for relation in &mut expected.relations {
            let required = relation.foreign_key.as_ref().is_some_and(|fk| fk.required);
            if relation.on_delete == ReferentialAction::SetDefault {
                relation.on_delete = if required { ReferentialAction::Restrict } else { ReferentialAction::SetNull };
            }
            if relation.on_update == ReferentialAction::SetDefault {
                relation.on_update = ReferentialAction::NoAction;
            }
        }
        for api in [VibOrmApi::Builder, VibOrmApi::ConfigFirst] {
            let code = generate(&schema, Target::VibOrm(VibOrmOptions { api })).text;
            let read = analyze(&code, SourceLanguage::VibOrm);
            let errors: Vec<_> = read.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).collect();
            if !errors.is_empty() {
                failures.push(format!("{name} ({api:?}): the VibORM code has errors: {errors:?}"));
                continue;
            }
            let (want, got) = (database(&expected), database(&read.schema));
            if want != got {
                let missing: Vec<_> = want.difference(&got).collect();
                let extra: Vec<_> = got.difference(&want).collect();
                failures.push(format!("{name} ({api:?}):\n  missing {missing:#?}\n  extra {extra:#?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
