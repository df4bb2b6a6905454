use super::*;
use crate::generate::generate;
use crate::{analyze, SourceLanguage};

fn examples() -> Vec<(String, Schema)> {
    let dir = format!("{}/../examples", env!("CARGO_MANIFEST_DIR"));
    let mut schemas: Vec<(String, Schema)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.unwrap().path();
            (path.extension()? == "prisma" && !path.ends_with("unidirectional.prisma"))
                .then(|| (path.display().to_string(), analyze(&std::fs::read_to_string(&path).unwrap(), SourceLanguage::Prisma).schema))
        })
        .collect();
    schemas.sort_by(|a, b| a.0.cmp(&b.0));
    schemas
}

fn targets() -> Vec<Target> {
    vec![
        Target::Prisma(Default::default()),
        Target::Sql(crate::dialect::SqlDialect::Postgresql),
        Target::Sql(crate::dialect::SqlDialect::Mysql),
    ]
}

#[test]
fn every_relation_has_recipes_and_every_expectation_a_check() {
    for (name, schema) in examples() {
        for target in targets() {
            let recipes = recipes(&schema, target).expect("the target has recipes");
            assert_eq!(recipes.relations.len(), schema.relations.len(), "{name} {target:?}");
            for relation in &recipes.relations {
                assert!(relation.recipes.len() >= 6, "{name} {target:?}: {}", relation.heading);
                for recipe in &relation.recipes {
                    assert_eq!(recipe.check.is_some(), recipe.expect.is_some(), "{name}: {}", recipe.title);
                }
            }
        }
    }
}

#[test]
fn the_recipes_name_what_the_generator_writes() {
    for (name, schema) in examples() {
        let written = generate(&schema, Target::Prisma(Default::default())).text;
        for relation in recipes(&schema, Target::Prisma(Default::default())).unwrap().relations {
            // `User.profile ↔ Profile.user (one-to-one)`: both navigations are fields of the output.
            let ends = relation.heading.split(" (").next().unwrap();
            for end in ends.split(" ↔ ") {
                let navigation = end.split('.').nth(1).unwrap();
                assert!(written.contains(&format!("\n  {navigation} ")), "{name}: {navigation} is not in the Prisma output");
            }
        }
    }
}

#[test]
fn no_record_takes_a_name_the_module_uses() {
    // `reports` would give a record called `report`, the module's reporting function.
    let schema = analyze(
        "model Employee {\n  id Int @id\n  managerId Int?\n  manager Employee? @relation(\"M\", fields: [managerId], references: [id])\n  reports Employee[] @relation(\"M\")\n}\n",
        SourceLanguage::Prisma,
    )
    .schema;
    let module = runnable_module(&schema, Target::Prisma(Default::default())).unwrap();
    assert!(!module.contains("const [report] ="), "{module}");
    assert!(module.contains("const [report2] = manager.reports;"), "{module}");
}

#[test]
fn the_json_target_has_no_recipes() {
    assert!(recipes(&examples()[0].1, Target::Json).is_none());
}
