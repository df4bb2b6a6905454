//! Fixture tests: every schema under `tests/fixtures/` (plus the app's examples and the shared
//! corpus) is analysed and generated for every target, and each output is compared with its
//! snapshot under `tests/snapshots/<group>/<name>/`. A new case is a new file.
//!
//! Run with `UPDATE_EXPECT=1` to write the snapshots anew, then review the diff like code.

use relplay_core::diagnostic::{has_errors, render};
use relplay_core::generate::{
    generate, SequelizeOptions, SequelizeStyle, SqlDialect, Target, TypeOrmCascade, TypeOrmOptions, VibOrmApi, VibOrmOptions,
};
use relplay_core::layout::{layout, svg};
use relplay_core::{analyze, SourceLanguage};
use std::path::{Path, PathBuf};

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "prisma"))
        .collect();
    files.sort();
    files
}

/// Compares `actual` with the snapshot file, or writes it under UPDATE_EXPECT=1.
fn check_snapshot(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().expect("snapshot has a directory")).expect("create snapshot directory");
        std::fs::write(path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let diff = similar::TextDiff::from_lines(expected.as_str(), actual).unified_diff().header("expected", "actual").to_string();
        failures.push(format!("{} differs (UPDATE_EXPECT=1 rewrites it):\n{diff}", path.display()));
    }
}

/// Snapshots of everything relplay makes from one schema file. Outputs are snapshotted only for a
/// schema without errors, unless `force` (as `relplay convert --force` writes them anyway).
fn check_schema(group: &str, file: &Path, expect_valid: Option<bool>, force: bool, failures: &mut Vec<String>) {
    let text = std::fs::read_to_string(file).expect("fixture is UTF-8");
    let name = file.file_stem().expect("file name").to_string_lossy().to_string();
    let dir = root().join("tests/snapshots").join(group).join(&name);
    let analysis = analyze(&text, SourceLanguage::Prisma);
    let file_name = format!("{name}.prisma");
    check_snapshot(&dir.join("diagnostics.txt"), &render::to_text(&file_name, &text, &analysis.diagnostics), failures);
    match expect_valid {
        Some(true) if has_errors(&analysis.diagnostics) => failures.push(format!("{} should have no errors", file.display())),
        Some(false) if !has_errors(&analysis.diagnostics) => failures.push(format!("{} should have errors", file.display())),
        _ => {}
    }
    if has_errors(&analysis.diagnostics) && !force {
        return;
    }
    check_snapshot(&dir.join("ir.json"), &generate(&analysis.schema, Target::Json).text, failures);
    check_snapshot(
        &dir.join("schema.prisma"),
        &generate(&analysis.schema, Target::Prisma(relplay_core::options::PrismaVersion::Seven)).text,
        failures,
    );
    for dialect in [SqlDialect::Postgresql, SqlDialect::Mysql, SqlDialect::Sqlite] {
        let generated = generate(&analysis.schema, Target::Sql(dialect));
        let mut text = generated.text;
        for d in &generated.diagnostics {
            text.push_str(&format!("-- warning {}: {}\n", d.code, d.message));
        }
        check_snapshot(&dir.join(format!("{}.sql", dialect.as_str())), &text, failures);
    }
    let dialect = SqlDialect::for_provider(analysis.schema.provider);
    let javascript_targets = [
        ("typeorm.ts", Target::TypeOrm(TypeOrmOptions::for_dialect(dialect))),
        ("typeorm-cascade-eager.ts", Target::TypeOrm(TypeOrmOptions { dialect, cascade: TypeOrmCascade::All, eager: true })),
        ("sequelize.mjs", Target::Sequelize(SequelizeOptions { style: SequelizeStyle::Define })),
        ("sequelize-class.mjs", Target::Sequelize(SequelizeOptions { style: SequelizeStyle::Class })),
        ("viborm.ts", Target::VibOrm(VibOrmOptions { api: VibOrmApi::Builder })),
        ("viborm-config-first.ts", Target::VibOrm(VibOrmOptions { api: VibOrmApi::ConfigFirst })),
    ];
    for (file_name, target) in javascript_targets {
        let generated = generate(&analysis.schema, target);
        let mut text = generated.text;
        for d in &generated.diagnostics {
            text.push_str(&format!("// warning {}: {}\n", d.code, d.message));
        }
        check_snapshot(&dir.join(file_name), &text, failures);
    }
    check_snapshot(&dir.join("diagram.svg"), &(svg::render(&layout(&analysis.schema)) + "\n"), failures);
}

fn report(failures: Vec<String>) {
    assert!(failures.is_empty(), "{} snapshot failure(s):\n\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn valid_fixtures_match_their_snapshots() {
    let mut failures = Vec::new();
    for file in schema_files(&root().join("tests/fixtures/valid")) {
        check_schema("valid", &file, Some(true), false, &mut failures);
    }
    report(failures);
}

#[test]
fn invalid_fixtures_report_their_errors() {
    let mut failures = Vec::new();
    for file in schema_files(&root().join("tests/fixtures/invalid")) {
        check_schema("invalid", &file, Some(false), false, &mut failures);
    }
    report(failures);
}

/// Relations written on one side only (the usual case in TypeORM and Sequelize code): invalid
/// Prisma, but every target is written for them, with made-up names for the missing sides.
#[test]
fn one_sided_relations_are_written_for_every_target() {
    let mut failures = Vec::new();
    for file in schema_files(&root().join("tests/fixtures/one-sided")) {
        check_schema("one-sided", &file, Some(false), true, &mut failures);
    }
    report(failures);
}

#[test]
fn app_examples_match_their_snapshots() {
    let mut failures = Vec::new();
    for file in schema_files(&root().join("../examples")) {
        let expect_valid = (file.file_stem().unwrap() != "unidirectional").then_some(true);
        check_schema("examples", &file, expect_valid, false, &mut failures);
    }
    report(failures);
}

/// The real-world corpus (`tests/corpus`): each schema's diagnostics are a snapshot. Whether it has
/// errors is Prisma's to say (`tests/prisma/validator.test.mjs` compares the verdicts), and its
/// outputs are judged by the real tools (the conformance harness), not here.
#[test]
fn corpus_diagnostics_match_their_snapshots() {
    let mut failures = Vec::new();
    let schemas = common::prisma_schemas();
    assert!(schemas.len() >= 30, "the corpus has {} Prisma schemas", schemas.len());
    for schema in schemas {
        let analysis = analyze(&schema.text, SourceLanguage::Prisma);
        let file_name = format!("{}.prisma", schema.name);
        let path = root().join("tests/snapshots/corpus").join(&schema.name).join("diagnostics.txt");
        check_snapshot(&path, &render::to_text(&file_name, &schema.text, &analysis.diagnostics), &mut failures);
    }
    report(failures);
}

#[test]
fn every_example_is_in_the_menu() {
    for file in schema_files(&root().join("../examples")) {
        let id = file.file_stem().unwrap().to_string_lossy().to_string();
        assert!(relplay_core::examples::find(&id).is_some(), "examples/{id}.prisma is not in examples::EXAMPLES");
    }
}
