//! Generators say where each entity and relation stands in their output, so views can be linked.

use relplay_core::generate::{generate, SchemaItem, SqlDialect, Target};
use relplay_core::registry::TargetChoices;
use relplay_core::{analyze, SourceLanguage};

#[test]
fn the_user_profile_anchors_point_at_the_model_and_the_key() {
    let schema = analyze(relplay_core::examples::EXAMPLES[0].source, SourceLanguage::Prisma).schema;
    let prisma = generate(&schema, Target::Prisma(relplay_core::options::PrismaVersion::Seven));
    let text = |g: &relplay_core::generate::Generated, item| {
        let span = g.anchor_of(item).expect("anchored");
        g.text[span.start()..span.end()].to_string()
    };
    assert!(text(&prisma, SchemaItem::Entity(1)).starts_with("model Profile {"));
    assert!(text(&prisma, SchemaItem::Relation(0)).starts_with("user   User   @relation(fields: [userId]"));
    let sql = generate(&schema, Target::Sql(SqlDialect::Postgresql));
    assert!(text(&sql, SchemaItem::Entity(0)).starts_with("CREATE TABLE \"User\""));
    assert!(text(&sql, SchemaItem::Entity(0)).ends_with(");"));
    assert!(text(&sql, SchemaItem::Relation(0)).starts_with("CONSTRAINT \"Profile_userId_fkey\" FOREIGN KEY"));
    let json = generate(&schema, Target::Json);
    let profile: serde_json::Value = serde_json::from_str(&text(&json, SchemaItem::Entity(1))).expect("an entity object");
    assert_eq!(profile["name"], "Profile");
    let relation: serde_json::Value = serde_json::from_str(&text(&json, SchemaItem::Relation(0))).expect("a relation object");
    assert_eq!(relation["kind"], "one_to_one");
}

#[test]
fn every_entity_and_relation_of_every_example_is_anchored_in_every_output() {
    let mut targets = vec![Target::Sql(SqlDialect::Mysql), Target::Sql(SqlDialect::Sqlite)];
    targets.extend(relplay_core::registry::TARGETS.iter().map(|info| info.target.with(&TargetChoices::default())));
    for example in relplay_core::examples::EXAMPLES {
        let schema = analyze(example.source, SourceLanguage::Prisma).schema;
        for &target in &targets {
            let generated = generate(&schema, target);
            let items = (0..schema.entities.len()).map(SchemaItem::Entity).chain((0..schema.relations.len()).map(SchemaItem::Relation));
            for item in items {
                let span = generated.anchor_of(item).unwrap_or_else(|| panic!("{}: {item:?} has no anchor in {target:?}", example.id));
                assert!(span.end() <= generated.text.len() && span.start() < span.end());
                let shown = &generated.text[span.start()..span.end()];
                assert_eq!(shown, shown.trim(), "{}: the anchor of {item:?} in {target:?} is bounded by whitespace", example.id);
            }
        }
    }
}
