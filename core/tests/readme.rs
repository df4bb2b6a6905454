//! The README's embed API lists exactly the source languages of the registry, so a language added
//! to the app is documented for embedding pages (and a documented one exists).

use relplay_core::registry::LANGUAGES;

#[test]
fn the_embed_api_documents_every_registered_language() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).expect("README.md");
    let row = readme.lines().find(|l| l.contains("relplay:set-source")).expect("the set-source row of the embed API table");
    let documented: Vec<&str> = row.split('"').skip(1).step_by(2).filter(|s| !s.starts_with("relplay:")).collect();
    let registered: Vec<&str> = LANGUAGES.iter().map(|l| l.id).collect();
    assert_eq!(documented, registered, "the README's set-source languages and the registry's differ");
    let change = readme.lines().find(|l| l.contains("relplay:change")).expect("the change row");
    for id in registered {
        assert!(change.contains(&format!("`{id}`")), "the change row does not list `{id}`");
    }
}
