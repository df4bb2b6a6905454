//! Comments travel with what they belong to: a schema's comments written in every target and read
//! back from it, twice round, keep their places, and relplay's own notes never become the user's.

mod common;

use relplay_core::generate::{generate, Target};
use relplay_core::ir::CommentTarget;
use relplay_core::{analyze, SourceLanguage};

const SCHEMA: &str = "// The blog's schema.\n\ndatasource db {\n  provider = \"postgresql\"\n}\n\n// People who write.\nmodel User {\n  // their key\n  id    Int    @id\n  email String @unique // one address each\n  posts Post[]\n}\n\nmodel Post {\n  id       Int    @id\n  authorId Int\n  // who wrote it\n  author   User   @relation(fields: [authorId], references: [id])\n  cuid     String @default(cuid())\n}\n";

fn comments_of(text: &str, language: SourceLanguage) -> Vec<(CommentTarget, Vec<String>)> {
    analyze(text, language).schema.comments.into_iter().map(|c| (c.target, c.lines)).collect()
}

#[test]
fn comments_keep_their_places_through_every_target_and_back() {
    let read = comments_of(SCHEMA, SourceLanguage::Prisma);
    let field = |entity, field| CommentTarget::Field { entity, field };
    let kept_everywhere = vec![
        (CommentTarget::Schema, vec!["The blog's schema.".to_string()]),
        (CommentTarget::Entity { entity: 0 }, vec!["People who write.".to_string()]),
        (field(0, 0), vec!["their key".to_string()]),
        (field(0, 1), vec!["one address each".to_string()]),
    ];
    let navigation = (CommentTarget::Navigation { entity: 1, navigation: 0 }, vec!["who wrote it".to_string()]);
    let mut everything = kept_everywhere.clone();
    everything.push(navigation.clone());
    assert_eq!(read, everything);
    let prisma = generate(&analyze(SCHEMA, SourceLanguage::Prisma).schema, Target::Prisma(Default::default())).text;
    for language in [
        SourceLanguage::Sql(relplay_core::dialect::SqlDialect::Postgresql),
        SourceLanguage::Sql(relplay_core::dialect::SqlDialect::Mysql),
        SourceLanguage::TypeOrm,
        SourceLanguage::Sequelize,
        SourceLanguage::VibOrm,
    ] {
        let mut text = prisma.clone();
        let mut from = SourceLanguage::Prisma;
        // Twice round: the second time reads relplay's own output, notes and all.
        for round in 0..2 {
            let written = generate(&analyze(&text, from).schema, language.writer()).text;
            let back = comments_of(&written, language);
            // SQL has no relation fields to carry a comment; TypeORM's relation properties do.
            let expected = if language == SourceLanguage::TypeOrm { &everything } else { &kept_everywhere };
            assert_eq!(&back, expected, "{language:?}, round {round}:\n{written}");
            text = generate(&analyze(&written, language).schema, Target::Prisma(Default::default())).text;
            from = SourceLanguage::Prisma;
        }
    }
}

#[test]
fn relplays_own_notes_are_not_read_as_comments() {
    // Sequelize's note on a cuid() default and its association notes are relplay's.
    let written = generate(&analyze(SCHEMA, SourceLanguage::Prisma).schema, SourceLanguage::Sequelize.writer()).text;
    assert!(written.contains("cuid()"), "{written}");
    let back = analyze(&written, SourceLanguage::Sequelize).schema.comments;
    assert!(back.iter().flat_map(|c| &c.lines).all(|l| !l.contains("cuid") && !l.contains("relplay")), "{back:?}");
}

#[test]
fn no_example_gains_comments_from_a_trip_through_any_target() {
    for example in relplay_core::examples::EXAMPLES {
        let source = analyze(example.source, SourceLanguage::Prisma).schema;
        let lines = |schema: &relplay_core::ir::Schema| schema.comments.iter().flat_map(|c| c.lines.clone()).collect::<Vec<_>>();
        for language in [
            SourceLanguage::Sql(relplay_core::dialect::SqlDialect::Sqlite),
            SourceLanguage::TypeOrm,
            SourceLanguage::Sequelize,
            SourceLanguage::VibOrm,
        ] {
            let written = generate(&source, language.writer()).text;
            let back = analyze(&written, language).schema;
            for line in lines(&back) {
                assert!(lines(&source).contains(&line), "{} through {language:?} gained the comment {line:?}:\n{written}", example.id);
            }
        }
    }
}

#[test]
fn no_corpus_schema_gains_comments_from_a_trip_through_any_target() {
    let prisma = common::prisma_schemas().into_iter().map(|s| (s.name, s.text, SourceLanguage::Prisma));
    let sql = common::sql_schemas().into_iter().map(|s| {
        let language = SourceLanguage::Sql(common::sql_dialect_of(&s.name));
        (s.name, s.text, language)
    });
    let lines = |schema: &relplay_core::ir::Schema| schema.comments.iter().flat_map(|c| c.lines.clone()).collect::<Vec<_>>();
    for (name, text, from) in prisma.chain(sql) {
        let source = analyze(&text, from).schema;
        // Documentation a target writes as plain comments (Sequelize, VibORM) comes back as comments.
        let mut before = lines(&source);
        for entity in &source.entities {
            let docs = entity.documentation.iter().chain(entity.fields.iter().filter_map(|f| f.documentation.as_ref()));
            let docs = docs.chain(entity.navigations.iter().filter_map(|n| n.documentation.as_ref()));
            before.extend(docs.flat_map(|d| d.lines().map(|l| l.trim().to_string())));
        }
        for language in [
            SourceLanguage::Prisma,
            SourceLanguage::Sql(relplay_core::dialect::SqlDialect::Postgresql),
            SourceLanguage::TypeOrm,
            SourceLanguage::Sequelize,
            SourceLanguage::VibOrm,
        ] {
            let written = generate(&source, language.writer()).text;
            for line in lines(&analyze(&written, language).schema) {
                assert!(before.contains(&line), "{name} through {language:?} gained the comment {line:?}");
            }
        }
    }
}
