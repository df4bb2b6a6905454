//! Every diagnostic code has a fixture that triggers it and one that does not:
//! `tests/fixtures/rules/<CODE>/triggers.<ext>` must report `<CODE>`, `passes.<ext>` must not,
//! where `<ext>` is `prisma`, `sql` (read as PostgreSQL) `ts` (TypeORM entities) or `js` (Sequelize models). The test walks [`Code::ALL`], so a new
//! code without fixtures fails it unless it is exempt below with a reason.
//! A fix, where the rule offers one, must make the diagnostic go away.

use relplay_core::diagnostic::{apply_fixes, Code};
use relplay_core::generate::SqlDialect;
use relplay_core::options::PrismaVersion;
use relplay_core::{analyze, analyze_for, SourceLanguage};
use std::path::{Path, PathBuf};

/// Codes that no source text raises through `analyze`, and where they are tested instead.
const EXEMPT: &[(Code, &str)] = &[
    (Code::G001, "raised by generators, not by reading a source: every `// warning G001` line in the generator snapshots is one"),
    (Code::P020, "raised only by a build without the code readers (the app's own wasm, before the readers module is loaded)"),
    (Code::P021, "needs a text over 4 MiB, too large for a fixture file: tests/robustness.rs makes one in every language"),
];

fn rules_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The fixture `stem` (`triggers` or `passes`) of a rule and the language it is written in.
fn fixture(dir: &Path, stem: &str) -> Option<(String, SourceLanguage)> {
    [
        ("prisma", SourceLanguage::Prisma),
        ("sql", SourceLanguage::Sql(SqlDialect::Postgresql)),
        ("ts", SourceLanguage::TypeOrm),
        ("js", SourceLanguage::Sequelize),
    ]
    .into_iter()
    .find_map(|(ext, language)| std::fs::read_to_string(dir.join(format!("{stem}.{ext}"))).ok().map(|text| (text, language)))
}

/// The codes a fixture raises; a fixture whose first line is `// Prisma 6` is judged by Prisma 6's rules.
fn codes(text: &str, language: SourceLanguage) -> Vec<Code> {
    let prisma = if text.starts_with("// Prisma 6") { PrismaVersion::Six } else { PrismaVersion::Seven };
    analyze_for(text, language, prisma).diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn each_code_is_triggered_by_its_fixture_and_quiet_on_the_other() {
    let mut failures = Vec::new();
    for &code in Code::ALL {
        let dir = rules_dir().join(code.as_str());
        if code.doc().is_none() {
            failures.push(format!("{code} has no documentation"));
        }
        if let Some((_, reason)) = EXEMPT.iter().find(|(exempt, _)| *exempt == code) {
            assert!(!dir.exists(), "{code} is exempt ({reason}) but has fixtures: drop the exemption");
            continue;
        }
        let (Some((triggers, language)), Some((passes, passes_language))) = (fixture(&dir, "triggers"), fixture(&dir, "passes")) else {
            failures.push(format!(
                "{code} needs tests/fixtures/rules/{code}/triggers.prisma (or .sql, .ts, .js) and passes.prisma (or .sql, .ts, .js)"
            ));
            continue;
        };
        if !codes(&triggers, language).contains(&code) {
            failures.push(format!("{code}/triggers does not report {code}: {:?}", codes(&triggers, language)));
        }
        if codes(&passes, passes_language).contains(&code) {
            failures.push(format!("{code}/passes reports {code}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_folder_names_a_code() {
    for entry in std::fs::read_dir(rules_dir()).expect("rules fixtures") {
        let name = entry.expect("entry").file_name().to_string_lossy().to_string();
        assert!(Code::from_name(&name).is_some(), "tests/fixtures/rules/{name} names no diagnostic code");
    }
}

#[test]
fn quick_fixes_remove_their_diagnostic() {
    let mut fixed_any = 0;
    for &code in Code::ALL {
        let Some((text, language)) = fixture(&rules_dir().join(code.as_str()), "triggers") else { continue };
        let analysis = analyze(&text, language);
        let with_fix: Vec<_> = analysis.diagnostics.iter().filter(|d| d.code == code && d.fix.is_some()).cloned().collect();
        if with_fix.is_empty() {
            continue;
        }
        let (fixed, applied) = apply_fixes(&text, &with_fix);
        assert!(applied > 0, "{code}: no fix applied");
        assert!(!codes(&fixed, language).contains(&code), "{code}: still reported after the fix:\n{fixed}");
        fixed_any += 1;
    }
    // R003, R005, R017, R018 and N013 offer fixes, and T005 and T006 in TypeORM's syntax.
    assert!(fixed_any >= 7, "only {fixed_any} rules had a fix");
}

/// R011's fix writes what the end lacks, and the key fields too when the model has none.
#[test]
fn the_missing_key_fix_writes_the_arguments_and_the_fields() {
    let fixed = |text: &str| {
        let analysis = analyze(text, SourceLanguage::Prisma);
        let r011: Vec<_> = analysis.diagnostics.iter().filter(|d| d.code == Code::R011).cloned().collect();
        assert_eq!(r011.len(), 1, "{:?}", analysis.diagnostics);
        let (fixed, applied) = apply_fixes(text, &r011);
        assert_eq!(applied, 1);
        let after = analyze(&fixed, SourceLanguage::Prisma);
        assert!(
            after.diagnostics.iter().all(|d| d.severity != relplay_core::diagnostic::Severity::Error),
            "{fixed}\n{:?}",
            after.diagnostics
        );
        fixed
    };
    let user = "model User {\n  id    String @id\n  posts Post[]\n}\n";
    // Neither argument, no key field: both written, the field typed as User.id.
    assert!(fixed(&format!("{user}model Post {{\n  id     Int  @id\n  author User @relation(onDelete: Cascade)\n}}\n"))
        .contains("  author User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n  authorId String\n"));
    // No @relation at all on an optional end: one is added, and the field is optional.
    assert!(fixed(&format!("{user}model Post {{\n  id     Int   @id\n  author User? @relation\n}}\n"))
        .contains("  author User? @relation(fields: [authorId], references: [id])\n  authorId String?\n"));
    // `fields` written, `references` missing: only `references`.
    assert!(fixed(&format!(
        "{user}model Post {{\n  id     Int    @id\n  writer String\n  author User   @relation(fields: [writer])\n}}\n"
    ))
    .contains("@relation(fields: [writer], references: [id])\n}"));
}
