//! The rule docs as the app's page fetches them (`static/rule-docs.json`, the first time it shows
//! a diagnostic): a golden file written from `RULE_DOCS`, so the page's wasm need not hold them.
//! `UPDATE_EXPECT=1 cargo test -p relplay-core --test rule_docs_json` writes it again.

use relplay_core::diagnostic::rule_docs::RULE_DOCS;
use std::collections::BTreeMap;

#[test]
fn the_pages_rule_docs_file_is_the_core_s() {
    let by_code: BTreeMap<&str, _> = RULE_DOCS.iter().map(|doc| (doc.code, doc)).collect();
    let json = serde_json::to_string_pretty(&by_code).expect("rule docs serialize") + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../static/rule-docs.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &json).expect("write static/rule-docs.json");
    }
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == json,
        "static/rule-docs.json is not the core's rule docs: run `UPDATE_EXPECT=1 cargo test -p relplay-core --test rule_docs_json`"
    );
}
