//! SQL as a source language, checked by round trips: for every valid schema and every dialect,
//! IR → relplay's SQL → import → IR must describe the same database — tables, columns and their
//! nullability, primary keys, unique sets, foreign keys with their actions, join tables.

use relplay_core::diagnostic::{has_errors, render};
use relplay_core::generate::{generate, SqlDialect, Target};
use relplay_core::ir::{ReferentialAction, Schema};
use relplay_core::{analyze, SourceLanguage};
use std::collections::{BTreeMap, BTreeSet};

mod common;

#[derive(Debug, PartialEq, Default)]
struct TableShape {
    columns: BTreeMap<String, bool>,
    primary_key: Vec<String>,
    uniques: BTreeSet<Vec<String>>,
    foreign_keys: BTreeSet<String>,
}

fn action(action: ReferentialAction, dialect: SqlDialect) -> &'static str {
    // MySQL stores NO ACTION as RESTRICT, and relplay writes SET DEFAULT as NO ACTION there.
    match (dialect, action) {
        (SqlDialect::Mysql, ReferentialAction::NoAction | ReferentialAction::SetDefault | ReferentialAction::Restrict) => "RESTRICT",
        (_, action) => action.sql(),
    }
}

/// The database a schema describes, as relplay's SQL creates it on `dialect`.
fn shape(schema: &Schema, dialect: SqlDialect) -> BTreeMap<String, TableShape> {
    let mut tables: BTreeMap<String, TableShape> = BTreeMap::new();
    for entity in &schema.entities {
        let columns = |fields: &[String]| fields.iter().map(|f| entity.column_of(f).to_string()).collect::<Vec<_>>();
        let table = tables.entry(entity.table.clone()).or_default();
        table.columns = entity.fields.iter().map(|f| (f.column.clone(), f.nullable)).collect();
        table.primary_key = entity.primary_key.as_ref().map(|pk| columns(&pk.fields)).unwrap_or_default();
        for unique in &entity.uniques {
            let mut set = columns(&unique.fields);
            set.sort();
            let mut key = table.primary_key.clone();
            key.sort();
            if set != key {
                table.uniques.insert(set);
            }
        }
    }
    // With relationMode = "prisma" the ORM enforces relations: the database has no foreign keys.
    let constraints = schema.relation_mode != relplay_core::ir::RelationMode::Prisma;
    for relation in &schema.relations {
        if let Some(fk) = relation.foreign_key.as_ref().filter(|_| constraints) {
            let (owner, target) = (schema.entity(&fk.entity).unwrap(), schema.entity(&fk.referenced_entity).unwrap());
            let text = format!(
                "({}) -> {}({}) ON DELETE {} ON UPDATE {}",
                fk.fields.iter().map(|f| owner.column_of(f)).collect::<Vec<_>>().join(", "),
                target.table,
                fk.referenced_fields.iter().map(|f| target.column_of(f)).collect::<Vec<_>>().join(", "),
                action(relation.on_delete, dialect),
                action(relation.on_update, dialect)
            );
            tables.get_mut(&owner.table).unwrap().foreign_keys.insert(text);
        }
        if let Some(join) = &relation.join_table {
            let table = tables.entry(join.table.clone()).or_default();
            let pair: Vec<String> = join.columns.iter().map(|c| c.column.clone()).collect();
            table.columns = pair.iter().map(|c| (c.clone(), false)).collect();
            if dialect == SqlDialect::Postgresql {
                table.primary_key = pair.clone();
            } else {
                let mut set = pair.clone();
                set.sort();
                table.uniques.insert(set);
            }
            for column in join.columns.iter().filter(|_| constraints) {
                let target = schema.entity(&column.referenced_entity).unwrap();
                table.foreign_keys.insert(format!(
                    "({}) -> {}({}) ON DELETE CASCADE ON UPDATE CASCADE",
                    column.column,
                    target.table,
                    target.column_of(&column.referenced_field)
                ));
            }
        }
    }
    tables
}

fn schemas() -> Vec<(String, String)> {
    let root = common::core_root();
    let mut files = Vec::new();
    for dir in [root.join("../examples"), root.join("tests/fixtures/valid")] {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "prisma") {
                files.push((path.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    // A MongoDB schema has no SQL to go through.
    files.extend(common::prisma_schemas().into_iter().filter(|s| !s.is_mongodb()).map(|s| (format!("corpus {}", s.name), s.text)));
    files.sort();
    files
}

#[test]
fn every_schema_survives_sql_and_back_in_every_dialect() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in schemas() {
        let original = analyze(&text, SourceLanguage::Prisma);
        if has_errors(&original.diagnostics) {
            continue;
        }
        for dialect in [SqlDialect::Postgresql, SqlDialect::Mysql, SqlDialect::Sqlite] {
            let sql = generate(&original.schema, Target::Sql(dialect)).text;
            let imported = analyze(&sql, SourceLanguage::Sql(dialect));
            let errors: Vec<_> = imported.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).cloned().collect();
            if !errors.is_empty() {
                failures.push(format!(
                    "{name} ({}): the import reports errors:\n{}",
                    dialect.as_str(),
                    render::to_text("schema.sql", &sql, &errors)
                ));
                continue;
            }
            let (expected, actual) = (shape(&original.schema, dialect), shape(&imported.schema, dialect));
            if expected != actual {
                failures.push(format!("{name} ({}):\nexpected {expected:#?}\nactual {actual:#?}", dialect.as_str()));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} round trip(s) failed:\n{}", failures.len(), failures.join("\n\n"));
    assert!(checked >= 45, "only {checked} round trips ran");
}

#[test]
fn foreign_keys_become_relations_of_the_right_kind() {
    let sql = "CREATE TABLE users (id SERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE);
        CREATE TABLE profiles (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE);
        CREATE TABLE posts (id SERIAL PRIMARY KEY, author_id INTEGER REFERENCES users);
        CREATE TABLE tags (id SERIAL PRIMARY KEY);
        CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE ON UPDATE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY (post_id, tag_id));
        CREATE TABLE post_editors (post_id INTEGER NOT NULL REFERENCES posts(id), user_id INTEGER NOT NULL REFERENCES users(id),
            PRIMARY KEY (post_id, user_id));
        CREATE VIEW v AS SELECT 1;";
    let analysis = analyze(sql, SourceLanguage::Sql(SqlDialect::Postgresql));
    let kinds: Vec<_> = analysis.schema.relations.iter().map(|r| (r.kind, r.owning_side.navigation.clone().unwrap())).collect();
    use relplay_core::ir::RelationKind::*;
    let expected = [(ManyToMany, "tags"), (OneToOne, "user"), (OneToMany, "author"), (OneToMany, "post"), (OneToMany, "user")];
    assert_eq!(kinds, expected.map(|(kind, name)| (kind, name.to_string())));
    // Without CASCADE the join table stays an entity, so that no ORM's many-to-many changes its actions.
    assert!(analysis.schema.entity("post_editors").is_some_and(|e| e.join_of.is_some()), "an explicit join entity");
    let profiles = &analysis.schema.relations[1];
    assert_eq!(profiles.on_delete, ReferentialAction::Cascade);
    assert_eq!(profiles.on_update, ReferentialAction::NoAction);
    assert!(analysis.schema.entity("post_tags").is_none(), "a join table is a relation, not an entity");
    let skipped: Vec<_> = analysis.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(skipped, vec!["P016"], "the view is skipped with a note");
}

#[test]
fn a_broken_statement_is_reported_and_the_rest_still_imports() {
    let sql = "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY,, x);\nCREATE TABLE c (id INT PRIMARY KEY, a_id INT REFERENCES a(id));\nCREATE TABLE d (id INT PRIMARY KEY NOT NOT);";
    let analysis = analyze(sql, SourceLanguage::Sql(SqlDialect::Postgresql));
    let names: Vec<_> = analysis.schema.entities.iter().map(|e| e.name.as_str()).collect();
    // b is read without the part that does not parse; d, of which nothing reads, is left out.
    assert_eq!(names, vec!["a", "b", "c"]);
    let line_of = |code: &str| {
        let error = analysis.diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("a {code}"));
        relplay_core::LineIndex::new(sql).line_column(error.span.start()).line
    };
    assert_eq!(line_of("P022"), 2, "the element's error points into its statement");
    assert_eq!(line_of("P015"), 4, "the statement's error points into it");
    assert_eq!(analysis.schema.relations.len(), 1);
}

#[test]
fn declared_types_inline_enums_and_partial_indexes_are_read_as_the_database_has_them() {
    let sql = "CREATE TABLE film (id INT UNSIGNED PRIMARY KEY, title VARCHAR(190) NOT NULL, rating ENUM('G','PG-13') DEFAULT 'G', price DECIMAL(4,2), is_default BOOLEAN NOT NULL);\nCREATE UNIQUE INDEX one_default ON film (is_default) WHERE is_default;";
    let analysis = analyze(sql, SourceLanguage::Sql(SqlDialect::Mysql));
    let film = &analysis.schema.entities[0];
    let native = |name: &str| {
        film.fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| f.native_type.clone())
            .map(|n| format!("{}({})", n.name, n.arguments.join(",")))
    };
    assert_eq!(native("id").as_deref(), Some("UnsignedInt()"));
    assert_eq!(native("title").as_deref(), Some("VarChar(190)"));
    assert_eq!(native("price").as_deref(), Some("Decimal(4,2)"));
    // MySQL's inline ENUM is an enum of its own, named as Prisma's introspection names it.
    let rating = analysis.schema.enums.iter().find(|e| e.name == "film_rating").expect("an enum for film.rating");
    assert_eq!(
        rating.values.iter().map(|v| (v.name.as_str(), v.database_name.as_str())).collect::<Vec<_>>(),
        vec![("G", "G"), ("PG_13", "PG-13")]
    );
    // A partial unique index holds for some rows only: no unique constraint, and said.
    assert!(film.uniques.is_empty(), "{:?}", film.uniques);
    assert!(analysis.diagnostics.iter().any(|d| d.message.contains("partial unique index")));
    let sql_out = generate(&analysis.schema, Target::Sql(SqlDialect::Mysql)).text;
    assert!(sql_out.contains("`title` VARCHAR(190) NOT NULL") && sql_out.contains("ENUM('G', 'PG-13')"), "{sql_out}");
}
