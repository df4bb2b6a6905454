//! SQL DDL as a source language, read with `sqlparser` one statement at a time: a statement that
//! does not parse is reported at its position and the others are still read.

mod split;

use crate::diagnostic::{catalog, Diagnostic};
use crate::dialect::SqlDialect;
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
    /// Views whose statements could not be parsed (and were skipped): indexes on them are fine.
    pub unparsed_views: Vec<String>,
    /// `CREATE DOMAIN name AS type` (which sqlparser does not read): each domain's base type.
    pub domains: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct SqlStatement {
    pub statement: Statement,
    pub span: Span,
    /// The statement's source text (expressions are taken from it as written).
    pub text: String,
}

impl SqlStatement {
    /// The source text of a part of the statement, by sqlparser's line/column span.
    pub fn source_of(&self, span: sqlparser::tokenizer::Span) -> Option<&str> {
        let local = self.local_range(span)?;
        self.text.get(local)
    }

    /// The spans in the whole script of a `CREATE TABLE`'s elements (each column definition and
    /// table constraint, from its first word to the comma or parenthesis after it); empty when
    /// the statement has no such list.
    pub fn table_elements(&self) -> Vec<Span> {
        let start = self.span.start();
        table_elements(&self.text).unwrap_or_default().into_iter().map(|e| Span::new(start + e.start(), start + e.end())).collect()
    }

    /// The element of `elements` (as [`SqlStatement::table_elements`]) that holds the part of the
    /// statement sqlparser spans with `part`; the whole statement when none does.
    pub fn element_of(&self, elements: &[Span], part: sqlparser::tokenizer::Span) -> Span {
        let Some(at) = self.span_in_script(part).map(|s| s.start()) else { return self.span };
        elements.iter().copied().find(|e| e.start() <= at && at < e.end()).unwrap_or(self.span)
    }

    /// Where a part of the statement stands in the whole script, by sqlparser's span.
    pub fn span_in_script(&self, span: sqlparser::tokenizer::Span) -> Option<Span> {
        let local = self.local_range(span)?;
        Some(Span::new(self.span.start() + local.start, self.span.start() + local.end))
    }

    /// The byte range in [`SqlStatement::text`] of sqlparser's line/column span.
    fn local_range(&self, span: sqlparser::tokenizer::Span) -> Option<std::ops::Range<usize>> {
        if span.start.line == 0 {
            return None;
        }
        let index = LineIndex::new(&self.text);
        let offset = |location: sqlparser::tokenizer::Location| {
            let line = index.line_text(location.line as u32);
            let line_start = line.as_ptr() as usize - self.text.as_ptr() as usize;
            line_start + line.chars().take((location.column as usize).saturating_sub(1)).map(char::len_utf8).sum::<usize>()
        };
        let (start, end) = (offset(span.start), offset(span.end));
        let end = end.max(start);
        (end <= self.text.len()).then_some(start..end)
    }
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
        let parse = |text: &str| Parser::new(parser_dialect.as_ref()).try_with_sql(text).and_then(|mut parser| parser.parse_statements());
        let mut parsed = parse(piece);
        if parsed.is_err() {
            // Second chance: without the few column attributes sqlparser does not know (blanked
            // out, so positions stay right). What was left out is said in a note.
            if let Some((simpler, ignored)) = without_unreadable_attributes(piece, dialect) {
                if let Ok(statements) = parse(&simpler) {
                    diagnostics.push(catalog::sql_attributes_ignored(span, &ignored.join(", ")));
                    parsed = Ok(statements);
                }
            }
        }
        let mut skipped_elements = Vec::new();
        if parsed.is_err() {
            // Third chance, for a table: without the columns and constraints that do not parse on
            // their own, each reported where it stands; the table and its other elements stay.
            if let Some((simpler, unreadable)) = without_unreadable_elements(piece, parser_dialect.as_ref()) {
                if let Ok(statements) = parse(&simpler) {
                    skipped_elements = unreadable;
                    parsed = Ok(statements);
                }
            }
        }
        for (element, reason) in skipped_elements {
            diagnostics
                .push(catalog::sql_table_element_skipped(Span::new(span.start() + element.start(), span.start() + element.end()), &reason));
        }
        match parsed {
            Ok(statements) => {
                file.statements.extend(statements.into_iter().map(|statement| SqlStatement { statement, span, text: piece.to_string() }))
            }
            Err(_) if !defines_tables(piece) => {
                // Not a statement relplay models: a parse failure here loses nothing.
                if let Some(view) = view_name(piece) {
                    file.unparsed_views.push(view);
                }
                match domain_definition(piece) {
                    Some((name, base)) => {
                        diagnostics.push(catalog::sql_domain_read_as_base_type(span, &name, &base));
                        file.domains.push((name, base));
                    }
                    None => diagnostics.push(catalog::sql_statement_skipped(span, &format!("A `{}` statement", leading_words(piece)))),
                }
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

/// A `CREATE TABLE` with the elements (columns, constraints) that do not parse on their own
/// blanked out (spaces, line breaks kept, so positions stay right), with each one's span in the
/// statement and the parser's reason; None when the statement is no table or every element reads.
fn without_unreadable_elements(piece: &str, dialect: &dyn Dialect) -> Option<(String, Vec<(Span, String)>)> {
    if !leading_words(piece).to_ascii_uppercase().contains("CREATE") || !piece.to_ascii_uppercase().contains("TABLE") {
        return None;
    }
    let elements = table_elements(piece)?;
    let mut text = piece.to_string();
    let mut unreadable = Vec::new();
    for (index, element) in elements.iter().enumerate() {
        let alone = format!("CREATE TABLE t ({})", &piece[element.start()..element.end()]);
        let Err(error) = Parser::new(dialect).try_with_sql(&alone).and_then(|mut parser| parser.parse_statements()) else { continue };
        let message = error.to_string();
        let reason = message.split(" at Line:").next().unwrap_or(&message).trim_start_matches("sql parser error: ").to_string();
        // The element and the comma that joins it to the others.
        let (from, to) = match (index, elements.get(index + 1)) {
            (_, Some(next)) => (element.start(), next.start()),
            (0, None) => (element.start(), element.end()),
            (_, None) => (elements[index - 1].end(), element.end()),
        };
        // Same byte length: a multi-byte character becomes as many spaces as it had bytes.
        let blank: String = piece[from..to].chars().map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) }).collect();
        text.replace_range(from..to, &blank);
        unreadable.push((Span::new(element.start(), element.end()), reason));
    }
    // Every element unreadable: that is no table to keep.
    (!unreadable.is_empty() && unreadable.len() < elements.len()).then_some((text, unreadable))
}

/// The spans of a `CREATE TABLE`'s elements: the parts between the top-level commas of its first
/// parenthesised list, from their first to their last character of code (quotes, nested
/// parentheses and comments respected; a comment before or after an element is not part of it).
fn table_elements(piece: &str) -> Option<Vec<Span>> {
    let bytes = piece.as_bytes();
    let mut position = 0;
    let mut depth = 0usize;
    let mut opened = false;
    // The current element's first and last code, once it has some.
    let mut code: Option<(usize, usize)> = None;
    let mut elements = Vec::new();
    let push = |code: &mut Option<(usize, usize)>, elements: &mut Vec<Span>| {
        if let Some((from, to)) = code.take() {
            elements.push(Span::new(from, to));
        }
    };
    while position < bytes.len() {
        let at = position;
        match bytes[position] {
            quote @ (b'\'' | b'"' | b'`') => position = crate::syntax::comments::skip_sql_quoted(bytes, position, quote),
            b'-' if bytes.get(position + 1) == Some(&b'-') => {
                position = piece[position..].find('\n').map_or(piece.len(), |i| position + i);
                continue;
            }
            b'/' if bytes.get(position + 1) == Some(&b'*') => {
                position = piece[position + 2..].find("*/").map_or(piece.len(), |i| position + 2 + i + 2);
                continue;
            }
            b'(' => {
                depth += 1;
                position += 1;
                if depth == 1 && !opened {
                    opened = true;
                    continue;
                }
            }
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    push(&mut code, &mut elements);
                    return Some(elements);
                }
                position += 1;
            }
            b',' if depth == 1 => {
                push(&mut code, &mut elements);
                position += 1;
                continue;
            }
            byte if byte.is_ascii_whitespace() => {
                position += 1;
                continue;
            }
            _ => position += 1,
        }
        if opened && depth >= 1 {
            code = Some((code.map_or(at, |(from, _)| from), position));
        }
    }
    None
}

/// The statement with attributes sqlparser cannot read replaced by spaces (same length), and what
/// was replaced; None when there is nothing to replace.
fn without_unreadable_attributes(piece: &str, dialect: SqlDialect) -> Option<(String, Vec<&'static str>)> {
    let mut text = piece.to_string();
    let mut ignored = Vec::new();
    let upper = piece.to_ascii_uppercase();
    let words: Vec<(usize, &str)> = word_positions(&upper);
    for (i, &(at, word)) in words.iter().enumerate() {
        let next = words.get(i + 1).map(|&(_, w)| w);
        let blank = match (dialect, word, next) {
            // MySQL's old `VARCHAR(40) BINARY` (a binary collation), not the BINARY(n) type.
            (SqlDialect::Mysql, "BINARY", Some(next)) if !next.starts_with('(') && i > 0 && words[i - 1].1.ends_with(')') => {
                Some((at, word.len(), "BINARY"))
            }
            // Firebird-style `BLOB SUB_TYPE TEXT`, which SQLite accepts as a type name of TEXT
            // affinity (TEXT comes before BLOB in its rules): read as TEXT.
            (SqlDialect::Sqlite, "SUB_TYPE", Some("TEXT")) if i > 0 && words[i - 1].1 == "BLOB" => {
                Some((words[i - 1].0, words[i + 1].0 - words[i - 1].0, "SUB_TYPE (BLOB SUB_TYPE TEXT read as TEXT)"))
            }
            (SqlDialect::Sqlite, "SUB_TYPE", Some(next)) => Some((at, words[i + 1].0 + next.len() - at, "SUB_TYPE")),
            // PostgreSQL 18's virtual generated columns: read as stored ones.
            (SqlDialect::Postgresql, "VIRTUAL", _) => {
                text.replace_range(at..at + 7, "STORED ");
                ignored.push("VIRTUAL (read as STORED)");
                None
            }
            _ => None,
        };
        if let Some((start, length, what)) = blank {
            text.replace_range(start..start + length, &" ".repeat(length));
            ignored.push(what);
        }
    }
    (!ignored.is_empty()).then_some((text, ignored))
}

/// The words of an upper-cased statement with their byte positions (runs of letters, digits, `_`,
/// or a `(` standing alone so that `BINARY(16)` can be told apart).
fn word_positions(upper: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in upper.char_indices() {
        let part_of_word = c.is_ascii_alphanumeric() || c == '_';
        match (start, part_of_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                words.push((s, &upper[s..i]));
                start = None;
            }
            _ => {}
        }
        if c == '(' || c == ')' {
            words.push((i, &upper[i..i + 1]));
        }
    }
    if let Some(s) = start {
        words.push((s, &upper[s..]));
    }
    words
}

/// The dialect a script is most likely written in, from the marks each dialect leaves (backticks
/// and `AUTO_INCREMENT` for MySQL, `AUTOINCREMENT`, `PRAGMA`, `rowid` and `[name]` for SQLite, `SERIAL`, `::` casts
/// dollar quotes and psql commands for PostgreSQL); None when nothing tells.
pub fn detect_dialect(text: &str) -> Option<SqlDialect> {
    // Comments tell nothing (Synapse's SQLite schema quotes names in backticks in its comments).
    let mut code = text.as_bytes().to_vec();
    for span in crate::syntax::comments::comments(text, crate::SourceLanguage::Sql(SqlDialect::Postgresql)) {
        code[span.start()..span.end()].fill(b' ');
    }
    let upper = String::from_utf8_lossy(&code).to_ascii_uppercase();
    let count = |needle: &str| upper.matches(needle).count();
    let mysql = count("`") / 2 + 3 * count("AUTO_INCREMENT") + 3 * count("ENGINE=") + 3 * count("ENGINE =") + 2 * count(" UNSIGNED");
    // `[name]` quoting (not `type[]` arrays) is SQLite's among the three.
    let bracket_names = count("[").saturating_sub(count("[]"));
    let sqlite = 3 * count("AUTOINCREMENT").saturating_sub(count("AUTO_INCREMENT"))
        + 3 * count("PRAGMA ")
        + 3 * count("WITHOUT ROWID")
        + 2 * count("ROWID")
        + 3 * count("DATETIME('NOW')")
        + bracket_names
        // Types PostgreSQL does not have, in a script without MySQL's marks (Roundcube's and
        // Synapse's SQLite schemas have nothing else to tell them by).
        + if mysql == 0 { count(" DATETIME") + count(" TINYINT") + count(" BLOB") } else { 0 };
    // psql's meta-commands (`\c db`) start lines of scripts meant for PostgreSQL.
    let psql_commands = text.lines().filter(|line| line.starts_with('\\')).count();
    let postgres = 3 * count("SERIAL")
        + 2 * count("::")
        + 3 * count("$$")
        + 3 * count("AS IDENTITY")
        + 3 * count("CREATE EXTENSION")
        + 2 * count("OWNER TO")
        + 3 * psql_commands;
    let best = [(mysql, SqlDialect::Mysql), (sqlite, SqlDialect::Sqlite), (postgres, SqlDialect::Postgresql)]
        .into_iter()
        .max_by_key(|(score, _)| *score)?;
    (best.0 > 0).then_some(best.1)
}

/// The name and base type of a `CREATE DOMAIN name AS type …` statement.
fn domain_definition(piece: &str) -> Option<(String, String)> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let [create, domain, name, rest @ ..] = words.as_slice() else { return None };
    if !create.eq_ignore_ascii_case("create") || !domain.eq_ignore_ascii_case("domain") {
        return None;
    }
    let rest = if rest.first().is_some_and(|w| w.eq_ignore_ascii_case("as")) { &rest[1..] } else { rest };
    let base = rest.first()?;
    let name = name.rsplit('.').next()?.trim_matches('"').to_string();
    Some((name, base.trim_end_matches(';').to_string()))
}

/// The name of the view a `CREATE [OR REPLACE] [MATERIALIZED] VIEW name` statement creates.
fn view_name(piece: &str) -> Option<String> {
    let mut words = piece.split_whitespace();
    let mut saw_view = false;
    for word in words.by_ref().take(6) {
        if word.eq_ignore_ascii_case("view") {
            saw_view = true;
            break;
        }
    }
    let name = words.next().filter(|_| saw_view)?;
    let last = name.rsplit('.').next()?;
    Some(last.trim_matches(|c| c == '"' || c == '`').to_string())
}

/// The first keywords of a statement, upper-cased (`CREATE DOMAIN`, `ALTER SEQUENCE`).
pub fn leading_words(piece: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn table_columns(file: &SqlFile) -> Vec<Vec<String>> {
        file.statements
            .iter()
            .filter_map(|s| match &s.statement {
                Statement::CreateTable(table) => Some(table.columns.iter().map(|c| c.name.value.clone()).collect()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_table_keeps_the_elements_that_read_and_reports_each_one_that_does_not() {
        let script = "CREATE TABLE book (\n  id INT PRIMARY KEY,\n  price NUMERIC(10, 2) DEFAULT 0,\n  weird COLUMN THING ???,\n  title TEXT NOT NULL,\n  odd ??? ALSO,\n  CONSTRAINT t UNIQUE (title)\n);\n";
        let (file, diagnostics) = parse(script, SqlDialect::Postgresql);
        assert_eq!(table_columns(&file), [["id", "price", "title"]]);
        let skipped: Vec<&str> = diagnostics.iter().map(|d| &script[d.span.start()..d.span.end()]).collect();
        assert_eq!(skipped, ["weird COLUMN THING ???", "odd ??? ALSO"]);
        assert!(diagnostics.iter().all(|d| d.code == crate::diagnostic::Code::P022 && d.message.contains("the table is read without it")));
        // The last element, with the comma before it.
        let (file, diagnostics) = parse("CREATE TABLE a (id INT PRIMARY KEY, bad ???)", SqlDialect::Mysql);
        assert_eq!(table_columns(&file), [["id"]]);
        assert_eq!(diagnostics.len(), 1);
        // A comma in a comment separates nothing.
        let script = "CREATE TABLE a (id INT /* the key, never null */ PRIMARY KEY, -- and, so\n bad ???, name TEXT)";
        let (file, diagnostics) = parse(script, SqlDialect::Postgresql);
        assert_eq!(table_columns(&file), [["id", "name"]]);
        assert_eq!(diagnostics.iter().map(|d| &script[d.span.start()..d.span.end()]).collect::<Vec<_>>(), ["bad ???"]);
    }

    #[test]
    fn a_table_of_which_nothing_reads_is_still_one_error_for_the_statement() {
        let (file, diagnostics) = parse("CREATE TABLE a (??? x, !!! y);\nCREATE TABLE b (id INT);", SqlDialect::Sqlite);
        assert_eq!(table_columns(&file), [["id"]]);
        assert_eq!(diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), [crate::diagnostic::Code::P015]);
    }
}
