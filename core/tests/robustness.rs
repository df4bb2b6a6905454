//! "Parsing never fails": half-typed and mangled schemas give diagnostics, never a panic.

use relplay_core::diagnostic::render;
use relplay_core::generate::{generate, SqlDialect, Target};
use relplay_core::layout::{layout, svg};
use relplay_core::{analyze, SourceLanguage};

fn all_examples() -> Vec<&'static str> {
    relplay_core::examples::EXAMPLES.iter().map(|e| e.source).collect()
}

/// Every fixture schema: valid, invalid and the rule pairs.
fn all_fixtures() -> Vec<String> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "prisma") {
                files.push(std::fs::read_to_string(&path).expect("fixture text"));
            }
        }
    }
    files
}

/// Runs the whole pipeline on `text`; a panic anywhere fails the test with the input shown.
fn run_everything(text: &str) {
    let result = std::panic::catch_unwind(|| {
        let analysis = analyze(text, SourceLanguage::Prisma);
        let _ = render::locate(text, &analysis.diagnostics);
        let _ = render::to_text("x.prisma", text, &analysis.diagnostics);
        for target in [
            Target::Prisma(relplay_core::options::PrismaVersion::Seven),
            Target::Json,
            Target::Sql(SqlDialect::Postgresql),
            Target::Sql(SqlDialect::Mysql),
            Target::Sql(SqlDialect::Sqlite),
        ] {
            let _ = generate(&analysis.schema, target);
        }
        // The recipes of every target, as the app's "Use it" pane and `relplay recipes` ask them.
        let typeorm = relplay_core::generate::TypeOrmOptions {
            dialect: SqlDialect::Mysql,
            cascade: relplay_core::generate::TypeOrmCascade::All,
            eager: true,
        };
        for target in [
            Target::Prisma(relplay_core::options::PrismaVersion::Seven),
            Target::Sql(SqlDialect::Sqlite),
            Target::TypeOrm(typeorm),
            Target::Sequelize(relplay_core::generate::SequelizeOptions::default()),
            Target::VibOrm(relplay_core::generate::VibOrmOptions::default()),
        ] {
            let _ = relplay_core::recipes::runnable_module(&analysis.schema, target);
        }
        let _ = svg::render(&layout(&analysis.schema));
        hover_everywhere(&analysis.schema, SourceLanguage::Prisma, text);
        // Format: what it lays out, it lays out the same way again.
        if let Ok(formatted) = relplay_core::format::format(text, SourceLanguage::Prisma) {
            assert_eq!(relplay_core::format::format(&formatted, SourceLanguage::Prisma).as_ref(), Ok(&formatted));
        }
    });
    assert!(result.is_ok(), "the pipeline panicked on this input:\n{text}");
}

#[test]
fn every_prefix_of_every_example_is_handled() {
    for source in all_examples() {
        for (end, _) in source.char_indices() {
            run_everything(&source[..end]);
        }
    }
}

#[test]
fn every_prefix_of_every_fixture_is_handled() {
    for source in all_fixtures() {
        for (end, _) in source.char_indices() {
            run_everything(&source[..end]);
        }
    }
}

#[test]
fn every_example_with_one_line_removed_is_handled() {
    for source in all_examples() {
        let lines: Vec<&str> = source.lines().collect();
        for skip in 0..lines.len() {
            let text: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| *l).collect();
            run_everything(&text.join("\n"));
        }
    }
}

#[test]
fn pseudo_random_byte_edits_are_handled() {
    // A small deterministic generator: the same edits on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = ["{", "}", "(", ")", "[", "]", "@", "@@", "\"", "?", ",", ":", "\n", "é", "model", "💥", "\\", "//", "-1"];
    for source in all_examples() {
        for _ in 0..150 {
            let mut text = source.to_string();
            for _ in 0..3 {
                let mut at = (next() % (text.len() as u64 + 1)) as usize;
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let insert = alphabet[(next() % alphabet.len() as u64) as usize];
                if next() % 2 == 0 {
                    text.insert_str(at, insert);
                } else {
                    let mut end = (at + 1 + (next() % 8) as usize).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, "");
                }
            }
            run_everything(&text);
        }
    }
}

#[test]
fn diagnostics_spans_stay_inside_the_text() {
    for text in [
        "model",
        "model A {",
        "model A { id Int @id @default(",
        "enum E { A B",
        "datasource db { provider = \"x",
        "@@",
        "}}}",
        "model A {\n  b B\n}",
    ] {
        let analysis = analyze(text, SourceLanguage::Prisma);
        assert!(!analysis.diagnostics.is_empty(), "{text:?} should have diagnostics");
        for d in &analysis.diagnostics {
            assert!(d.span.end() <= text.len() && d.span.start() <= d.span.end(), "{text:?}: bad span {:?}", d.span);
        }
    }
}

#[test]
fn every_prefix_of_generated_sql_is_read_without_panicking() {
    for source in all_examples() {
        let schema = analyze(source, SourceLanguage::Prisma).schema;
        for dialect in [SqlDialect::Postgresql, SqlDialect::Mysql, SqlDialect::Sqlite] {
            let sql = generate(&schema, Target::Sql(dialect)).text;
            let language = SourceLanguage::Sql(dialect);
            // Every seventh prefix keeps the test quick; the cut points still land everywhere.
            for (end, _) in sql.char_indices().step_by(7) {
                let text = &sql[..end];
                let outcome = std::panic::catch_unwind(|| {
                    let analysis = analyze(text, language);
                    let _ = generate(&analysis.schema, Target::Prisma(relplay_core::options::PrismaVersion::Seven));
                    let _ = svg::render(&layout(&analysis.schema));
                });
                assert!(outcome.is_ok(), "the SQL import panicked on:\n{text}");
            }
        }
    }
}

/// The TypeORM, Sequelize and VibORM readers on every prefix (every fifth) and on byte edits of the code
/// relplay writes for each example, through every generator.
#[test]
fn every_prefix_and_edit_of_orm_code_is_read_without_panicking() {
    let options = relplay_core::generate::TypeOrmOptions { dialect: SqlDialect::Postgresql, cascade: Default::default(), eager: false };
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = ["{", "}", "(", ")", "[", "]", "@", "\"", "=>", ",", ":", "\n", "é", "💥", "`", "//", "/*", "@filename: x.ts\n"];
    let readers = [
        (Target::TypeOrm(options), SourceLanguage::TypeOrm),
        (Target::Sequelize(relplay_core::generate::SequelizeOptions::default()), SourceLanguage::Sequelize),
        (Target::VibOrm(relplay_core::generate::VibOrmOptions::default()), SourceLanguage::VibOrm),
    ];
    for (source, (writer, language)) in all_examples().into_iter().flat_map(|s| readers.iter().map(move |r| (s, *r))) {
        let schema = analyze(source, SourceLanguage::Prisma).schema;
        let code = generate(&schema, writer).text;
        let run = |text: &str| {
            let outcome = std::panic::catch_unwind(|| {
                let analysis = analyze(text, language);
                for target in [
                    Target::Prisma(relplay_core::options::PrismaVersion::Seven),
                    Target::Json,
                    Target::Sql(SqlDialect::Mysql),
                    Target::TypeOrm(options),
                ] {
                    let _ = generate(&analysis.schema, target);
                }
                let _ = svg::render(&layout(&analysis.schema));
                for d in &analysis.diagnostics {
                    assert!(d.span.end() <= text.len() && d.span.start() <= d.span.end(), "bad span {:?}", d.span);
                }
            });
            assert!(outcome.is_ok(), "the {language:?} reader panicked on:\n{text}");
        };
        for (end, _) in code.char_indices().step_by(5) {
            run(&code[..end]);
        }
        for _ in 0..60 {
            let mut text = code.clone();
            let mut at = (next() % (text.len() as u64 + 1)) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, alphabet[(next() % alphabet.len() as u64) as usize]);
            run(&text);
        }
    }
}

/// Deep nesting is a diagnostic in every language, never a stack overflow: 100,000 levels of calls
/// and lists in a Prisma default, of parentheses in SQL, of brackets in ORM code (the test runs on
/// an ordinary 2 MB test thread).
#[test]
fn deep_nesting_is_a_diagnostic_in_every_language() {
    let n = 100_000;
    let prisma_calls =
        format!("model A {{\n  id Int @id @default({}{})\n}}\nmodel B {{\n  id Int @id\n}}\n", "f(".repeat(n), ")".repeat(n));
    let prisma_lists = format!("model A {{\n  id Int @id\n  l Int[] @default({}{})\n}}\n", "[".repeat(n), "]".repeat(n));
    let sql =
        format!("CREATE TABLE t (id INT PRIMARY KEY DEFAULT {}1{});\nCREATE TABLE u (id INT PRIMARY KEY);\n", "(".repeat(n), ")".repeat(n));
    let code = format!("const x = {}{};\n", "[".repeat(n), "]".repeat(n));
    let cases = [
        (prisma_calls, SourceLanguage::Prisma),
        (prisma_lists, SourceLanguage::Prisma),
        (sql, SourceLanguage::Sql(SqlDialect::Postgresql)),
        (code.clone(), SourceLanguage::TypeOrm),
        (code.clone(), SourceLanguage::Sequelize),
        (code, SourceLanguage::VibOrm),
    ];
    for (text, language) in cases {
        let analysis = analyze(&text, language);
        assert!(
            analysis.diagnostics.iter().any(|d| d.severity == relplay_core::Severity::Error),
            "{language:?}: deep nesting gave no error"
        );
        for target in [Target::Prisma(relplay_core::options::PrismaVersion::Seven), Target::Json, Target::Sql(SqlDialect::Mysql)] {
            let _ = generate(&analysis.schema, target);
        }
        let _ = svg::render(&layout(&analysis.schema));
    }
    // What follows the deep value is still read.
    let prisma = format!("model A {{\n  id Int @id @default({}{})\n}}\nmodel B {{\n  id Int @id\n}}\n", "f(".repeat(n), ")".repeat(n));
    assert!(analyze(&prisma, SourceLanguage::Prisma).schema.entity("B").is_some());
}

/// A source over the documented limit is one P021 error in every language, answered without
/// reading it; one just under the limit is read.
#[test]
fn a_source_over_the_limit_is_one_error_in_every_language() {
    let model = "model M {\n  id Int @id\n}\n";
    let over = model.repeat(relplay_core::MAX_SOURCE_BYTES / model.len() + 1);
    for language in relplay_core::registry::LANGUAGES.iter().map(|info| info.language) {
        let analysis = analyze(&over, language);
        assert_eq!(analysis.diagnostics.len(), 1, "{language:?}");
        assert_eq!(analysis.diagnostics[0].code.as_str(), "P021");
        assert!(analysis.diagnostics[0].message.contains("more than the 4096 KiB relplay reads"), "{}", analysis.diagnostics[0].message);
        assert!(analysis.schema.entities.is_empty());
    }
    let under = model.repeat(relplay_core::MAX_SOURCE_BYTES / model.len());
    assert!(analyze(&under, SourceLanguage::Prisma).diagnostics.iter().all(|d| d.code.as_str() != "P021"));
}

/// Inputs the fuzzers (`scripts/fuzz.sh`) crashed on, kept as fixtures: `core/tests/fixtures/fuzz/`,
/// read in the language their extension names (`.sql` as every dialect, `.prisma`, `.ts` as every
/// ORM language).
#[test]
fn every_input_the_fuzzers_crashed_on_is_read() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz findings") {
        let path = entry.expect("entry").path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("finding")).to_string();
        let languages: Vec<SourceLanguage> = match path.extension().and_then(|e| e.to_str()) {
            Some("sql") => [SqlDialect::Postgresql, SqlDialect::Mysql, SqlDialect::Sqlite].map(SourceLanguage::Sql).to_vec(),
            Some("prisma") => vec![SourceLanguage::Prisma],
            _ => vec![SourceLanguage::TypeOrm, SourceLanguage::Sequelize, SourceLanguage::VibOrm],
        };
        for language in languages {
            run_in(&text, language);
        }
        count += 1;
    }
    assert!(count > 0);
    // The smallest form of the first finding: `DELIMITER`'s check sliced the text at byte 10.
    run_in("abcdefghi\u{e9}", SourceLanguage::Sql(SqlDialect::Mysql));
}

fn run_in(text: &str, language: SourceLanguage) {
    let outcome = std::panic::catch_unwind(|| {
        let analysis = analyze(text, language);
        let _ = generate(&analysis.schema, Target::Prisma(relplay_core::options::PrismaVersion::Seven));
        let _ = svg::render(&layout(&analysis.schema));
        hover_everywhere(&analysis.schema, language, text);
    });
    assert!(outcome.is_ok(), "{language:?} panicked on:\n{text}");
}

/// The editor's hover at a spread of offsets, inside characters and past the end included.
fn hover_everywhere(schema: &relplay_core::ir::Schema, language: SourceLanguage, text: &str) {
    for offset in (0..=text.len() + 1).step_by(text.len() / 16 + 1) {
        let _ = relplay_core::hover::hover_at(schema, language, text, offset);
    }
}
