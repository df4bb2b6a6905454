//! What every fuzz target checks: reading never panics, every diagnostic's span lies inside the
//! text, and every generator, the layout and the SVG take whatever the reader made.

use relplay_core::generate::{generate, SequelizeOptions, SqlDialect, Target, TypeOrmOptions, VibOrmOptions};
use relplay_core::{analyze, SourceLanguage};

/// Reads `text` as `language` and checks the analysis.
pub fn read(text: &str, language: SourceLanguage) -> relplay_core::Analysis {
    let analysis = analyze(text, language);
    for d in &analysis.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end() <= text.len(), "diagnostic span {:?} outside the text", d.span);
    }
    analysis
}

/// Every generator, the layout and the SVG over `schema`.
pub fn generate_everything(schema: &relplay_core::ir::Schema) {
    let typeorm = TypeOrmOptions { dialect: SqlDialect::Mysql, cascade: Default::default(), eager: true };
    for target in [
        Target::Prisma(relplay_core::options::PrismaVersion::Seven),
        Target::Json,
        Target::Sql(SqlDialect::Postgresql),
        Target::Sql(SqlDialect::Mysql),
        Target::Sql(SqlDialect::Sqlite),
        Target::TypeOrm(typeorm),
        Target::Sequelize(SequelizeOptions::default()),
        Target::VibOrm(VibOrmOptions::default()),
    ] {
        let _ = generate(schema, target);
        let _ = relplay_core::recipes::runnable_module(schema, target);
    }
    let _ = relplay_core::layout::svg::render(&relplay_core::layout::layout(schema));
}

/// The language a fuzz input's first byte chooses.
pub fn language_of(byte: u8) -> SourceLanguage {
    match byte % 7 {
        0 => SourceLanguage::Prisma,
        1 => SourceLanguage::Sql(SqlDialect::Postgresql),
        2 => SourceLanguage::Sql(SqlDialect::Mysql),
        3 => SourceLanguage::Sql(SqlDialect::Sqlite),
        4 => SourceLanguage::TypeOrm,
        5 => SourceLanguage::Sequelize,
        _ => SourceLanguage::VibOrm,
    }
}
