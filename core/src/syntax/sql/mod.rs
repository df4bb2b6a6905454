//! SQL DDL as a source language, read with `sqlparser` one statement at a time: a statement that
//! does not parse is reported at its position and the others are still read.

mod split;

use crate::diagnostic::{catalog, Diagnostic};
use crate::generate::SqlDialect;
use crate::line_index::LineIndex;
use crate::span::Span;
use sqlparser::ast::Statement;
use sqlparser::dialect::{Dialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::Parser;

pub use split::split_statements;

/// A script: its statements, each with where it stands.
#[derive(Debug, Clone, Default)]
pub struct SqlFile {
    pub statements: Vec<SqlStatement>,
}

#[derive(Debug, Clone)]
pub struct SqlStatement {
    pub statement: Statement,
    pub span: Span,
}

fn parser_dialect(dialect: SqlDialect) -> Box<dyn Dialect> {
    match dialect {
        SqlDialect::Postgresql => Box::new(PostgreSqlDialect {}),
        SqlDialect::Mysql => Box::new(MySqlDialect {}),
        SqlDialect::Sqlite => Box::new(SQLiteDialect {}),
    }
}

/// Parses a script. Never fails: statements that do not parse become diagnostics.
pub fn parse(text: &str, dialect: SqlDialect) -> (SqlFile, Vec<Diagnostic>) {
    let parser_dialect = parser_dialect(dialect);
    let mut file = SqlFile::default();
    let mut diagnostics = Vec::new();
    for span in split_statements(text) {
        let piece = &text[span.start()..span.end()];
        // psql meta-commands (`\c db`, `\set …`) are the shell's, not SQL.
        if piece.starts_with('\\') {
            diagnostics.push(catalog::sql_statement_skipped(
                Span::new(span.start(), span.start() + piece.find('\n').unwrap_or(piece.len())),
                "A psql command",
            ));
            continue;
        }
        let parsed = Parser::new(parser_dialect.as_ref()).try_with_sql(piece).and_then(|mut parser| parser.parse_statements());
        match parsed {
            Ok(statements) => file.statements.extend(statements.into_iter().map(|statement| SqlStatement { statement, span })),
            Err(_) if !defines_tables(piece) => {
                // Not a statement relplay models: a parse failure here loses nothing.
                diagnostics.push(catalog::sql_statement_skipped(span, &format!("A `{}` statement", leading_words(piece))));
            }
            Err(error) => {
                let message = error.to_string();
                let at = error_offset(piece, &message).map_or(span, |offset| Span::at(span.start() + offset));
                let reason = message.split(" at Line:").next().unwrap_or(&message).trim_start_matches("sql parser error: ").to_string();
                diagnostics.push(catalog::sql_syntax_error(at, &reason));
            }
        }
    }
    (file, diagnostics)
}

/// The first keywords of a statement, upper-cased (`CREATE DOMAIN`, `ALTER SEQUENCE`).
fn leading_words(piece: &str) -> String {
    let words: Vec<String> = piece.split_whitespace().take(3).map(|w| w.to_ascii_uppercase()).collect();
    let count = match words.first().map(String::as_str) {
        Some("CREATE" | "ALTER" | "DROP" | "COMMENT") if words.get(1).is_some_and(|w| w == "OR" || w == "UNIQUE") => 3,
        Some("CREATE" | "ALTER" | "DROP" | "COMMENT") => 2,
        _ => 1,
    };
    words.into_iter().take(count).collect::<Vec<_>>().join(" ")
}

/// Whether a statement would define tables, keys or indexes if it parsed: only then is a parse
/// failure an error.
fn defines_tables(piece: &str) -> bool {
    let words = leading_words(piece);
    words.starts_with("CREATE TABLE") || words.starts_with("CREATE UNIQUE") || words.starts_with("CREATE INDEX") || {
        let upper = piece.to_ascii_uppercase();
        words.starts_with("ALTER TABLE")
            && (upper.contains("CONSTRAINT") || upper.contains("PRIMARY KEY") || upper.contains("FOREIGN KEY") || upper.contains("UNIQUE"))
    }
}

/// The byte offset of sqlparser's "at Line: L, Column: C" inside the statement.
fn error_offset(piece: &str, message: &str) -> Option<usize> {
    let location = &message[message.rfind("Line: ")? + 6..];
    let (line, rest) = location.split_once(", Column: ")?;
    let column: usize = rest.trim_end_matches(|c: char| !c.is_ascii_digit()).parse().ok()?;
    let line: u32 = line.trim().parse().ok()?;
    let index = LineIndex::new(piece);
    let line_text = index.line_text(line);
    let line_start = line_text.as_ptr() as usize - piece.as_ptr() as usize;
    let column_offset: usize = line_text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    Some(line_start + column_offset)
}
