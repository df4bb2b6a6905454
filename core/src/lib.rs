//! relplay's core: the schema pipeline with no web dependencies.
//!
//! ```text
//! source ──syntax──▶ tree + diagnostics ──ir──▶ Schema ──validate──▶ diagnostics
//!                                                 ├──generate──▶ Prisma, SQL, JSON
//!                                                 └──layout────▶ diagram geometry, SVG
//! ```
//! [`analyze`] runs the front half (parse, lower, validate) and is what the app and the CLI call
//! on every change; generators and the layout then read [`Analysis::schema`].

pub mod diagnostic;
pub mod dialect;
pub mod examples;
pub mod format;
pub mod generate;
pub mod hover;
pub mod ir;
pub mod languages;
pub mod layout;
mod line_index;
pub mod options;
#[cfg(feature = "recipes")]
pub mod recipes;
pub mod registry;
pub mod service;
pub mod share;
mod span;
pub mod syntax;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use line_index::{LineColumn, LineIndex};
pub use span::Span;
pub use syntax::SourceLanguage;

/// The largest source text [`analyze`] reads, in bytes (4 MiB, about 16,000 Prisma models);
/// a larger one is a single P021 error, answered at once.
pub const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;

/// The result of reading one source text: the IR and every diagnostic, sorted by position.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    pub schema: ir::Schema,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads ORM code (TypeORM, Sequelize, VibORM): the readers built in (the `code-readers`
/// feature), or a note that they are not.
#[cfg(feature = "code-readers")]
fn analyze_code(text: &str, language: SourceLanguage) -> (ir::Schema, ir::declarations::RelationDeclarations, Vec<Diagnostic>) {
    let (module, mut diagnostics) = syntax::typescript::parse(text);
    let (schema, declarations, lowering) = match language {
        SourceLanguage::Sequelize => ir::lower_sequelize::lower(&module),
        SourceLanguage::VibOrm => ir::lower_viborm::lower(&module),
        _ => ir::lower_typeorm::lower(&module),
    };
    diagnostics.extend(lowering);
    (schema, declarations, diagnostics)
}

#[cfg(not(feature = "code-readers"))]
fn analyze_code(_text: &str, language: SourceLanguage) -> (ir::Schema, ir::declarations::RelationDeclarations, Vec<Diagnostic>) {
    let note = diagnostic::catalog::code_reader_not_loaded(language.info().label);
    (ir::Schema::default(), ir::declarations::RelationDeclarations::default(), vec![note])
}

/// Parses, lowers and validates `text`. Never fails and never panics: problems are diagnostics.
pub fn analyze(text: &str, language: SourceLanguage) -> Analysis {
    analyze_for(text, language, options::PrismaVersion::default())
}

/// [`analyze`], a Prisma source judged by the rules of `prisma` (Prisma 7 unless told).
pub fn analyze_for(text: &str, language: SourceLanguage, prisma: options::PrismaVersion) -> Analysis {
    if text.len() > MAX_SOURCE_BYTES {
        let diagnostics = vec![diagnostic::catalog::source_too_large(text.len(), MAX_SOURCE_BYTES)];
        return Analysis { schema: ir::Schema { version: ir::IR_VERSION, ..ir::Schema::default() }, diagnostics };
    }
    let (schema, declarations, diagnostics) = match language {
        SourceLanguage::Prisma => {
            let (file, mut diagnostics) = syntax::prisma::parse(text);
            let (schema, declarations, lowering) = ir::lower_prisma::lower(&file, prisma);
            diagnostics.extend(lowering);
            (schema, declarations, diagnostics)
        }
        SourceLanguage::Sql(dialect) => analyze_sql(text, dialect),
        code => analyze_code(text, code),
    };
    let mut schema = schema;
    ir::comments::attach_comments(&mut schema, text, language);
    judged(schema, &declarations, diagnostics, language)
}

#[cfg(feature = "sql-reader")]
fn analyze_sql(text: &str, dialect: dialect::SqlDialect) -> (ir::Schema, ir::declarations::RelationDeclarations, Vec<Diagnostic>) {
    let (file, mut diagnostics) = syntax::sql::parse(text, dialect);
    let (schema, lowering) = ir::lower_sql::lower(&file, dialect);
    diagnostics.extend(lowering);
    // SQL's relations are its foreign keys, built as read; there is nothing to pair.
    (schema, ir::declarations::RelationDeclarations::default(), diagnostics)
}

#[cfg(not(feature = "sql-reader"))]
fn analyze_sql(_text: &str, dialect: dialect::SqlDialect) -> (ir::Schema, ir::declarations::RelationDeclarations, Vec<Diagnostic>) {
    let label = SourceLanguage::Sql(dialect).info().label;
    (ir::Schema::default(), ir::declarations::RelationDeclarations::default(), vec![diagnostic::catalog::code_reader_not_loaded(label)])
}

/// Whether this build reads `language` itself; the others come from the readers' module
/// (`readers/`), which the app's worker loads when one of them is used.
pub fn reads(language: SourceLanguage) -> bool {
    match language {
        SourceLanguage::Prisma => true,
        SourceLanguage::Sql(_) => cfg!(feature = "sql-reader"),
        _ => cfg!(feature = "code-readers"),
    }
}

/// The validation of what a reader made, with every diagnostic sorted by position.
fn judged(
    schema: ir::Schema,
    declarations: &ir::declarations::RelationDeclarations,
    mut diagnostics: Vec<Diagnostic>,
    language: SourceLanguage,
) -> Analysis {
    diagnostics.extend(validate::validate(&schema, declarations, language));
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.code.as_str()));
    diagnostics.dedup();
    Analysis { schema, diagnostics }
}
