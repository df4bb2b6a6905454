//! Every rule has a fixture that triggers it and one that does not:
//! `tests/fixtures/rules/<CODE>/triggers.prisma` must report `<CODE>`, `passes.prisma` must not.
//! A fix, where the rule offers one, must make the diagnostic go away.

use relplay_core::diagnostic::apply_fixes;
use relplay_core::{analyze, SourceLanguage};
use std::path::PathBuf;

fn rule_dirs() -> Vec<(String, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut dirs: Vec<(String, PathBuf)> = std::fs::read_dir(&root)
        .expect("rules fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p))
        .collect();
    dirs.sort();
    dirs
}

fn codes(text: &str) -> Vec<&'static str> {
    analyze(text, SourceLanguage::Prisma).diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn each_rule_is_triggered_by_its_fixture_and_quiet_on_the_other() {
    let mut failures = Vec::new();
    for (code, dir) in rule_dirs() {
        let triggers = std::fs::read_to_string(dir.join("triggers.prisma")).expect("triggers.prisma");
        let passes = std::fs::read_to_string(dir.join("passes.prisma")).expect("passes.prisma");
        if !codes(&triggers).contains(&code.as_str()) {
            failures.push(format!("{code}/triggers.prisma does not report {code}: {:?}", codes(&triggers)));
        }
        if codes(&passes).contains(&code.as_str()) {
            failures.push(format!("{code}/passes.prisma reports {code}"));
        }
        assert!(relplay_core::diagnostic::rule_docs::rule_doc(&code).is_some(), "{code} has no documentation");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn quick_fixes_remove_their_diagnostic() {
    let mut fixed_any = 0;
    for (code, dir) in rule_dirs() {
        let text = std::fs::read_to_string(dir.join("triggers.prisma")).expect("triggers.prisma");
        let analysis = analyze(&text, SourceLanguage::Prisma);
        let with_fix: Vec<_> = analysis.diagnostics.iter().filter(|d| d.code == code && d.fix.is_some()).cloned().collect();
        if with_fix.is_empty() {
            continue;
        }
        let (fixed, applied) = apply_fixes(&text, &with_fix);
        assert!(applied > 0, "{code}: no fix applied");
        assert!(!codes(&fixed).contains(&code.as_str()), "{code}: still reported after the fix:\n{fixed}");
        fixed_any += 1;
    }
    // R003, R005, R017, R018 and N013 offer fixes.
    assert!(fixed_any >= 5, "only {fixed_any} rules had a fix");
}
