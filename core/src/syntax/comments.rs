//! The comments of a source text, in any source language, and which of them a rewrite keeps (as
//! documentation, or as comments the schema attached to a model, field or relation): the others
//! are what a rewrite in another language leaves out. Strings and quoted names are skipped, so `"//"` in a string is no comment.

use crate::ir::Schema;
use crate::span::Span;
use crate::SourceLanguage;

/// The spans of the comments of `text`, markers included.
pub fn comments(text: &str, language: SourceLanguage) -> Vec<Span> {
    let bytes = text.as_bytes();
    let sql = matches!(language, SourceLanguage::Sql(_));
    let code = matches!(language, SourceLanguage::TypeOrm | SourceLanguage::Sequelize | SourceLanguage::VibOrm);
    let mut found = Vec::new();
    let mut position = 0;
    while position < bytes.len() {
        let next = bytes.get(position + 1).copied();
        let line_end = |from: usize| text[from..].find('\n').map_or(text.len(), |i| from + i);
        match bytes[position] {
            quote @ (b'"' | b'\'' | b'`') if sql => position = skip_sql_quoted(bytes, position, quote),
            b'"' => position = skip_string(bytes, position, b'"'),
            quote @ (b'\'' | b'`') if code => position = skip_string(bytes, position, quote),
            b'/' if next == Some(b'/') && !sql => {
                let end = line_end(position);
                found.push(Span::new(position, end));
                position = end;
            }
            b'-' if next == Some(b'-') && sql => {
                let end = line_end(position);
                found.push(Span::new(position, end));
                position = end;
            }
            b'/' if next == Some(b'*') => {
                let end = text[position + 2..].find("*/").map_or(text.len(), |i| position + 2 + i + 2);
                found.push(Span::new(position, end));
                position = end;
            }
            _ => position += 1,
        }
    }
    found
}

/// Past the string opening at `start` in Prisma or JavaScript: a backslash escapes the next character.
fn skip_string(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut position = start + 1;
    while position < bytes.len() {
        match bytes[position] {
            b'\\' => position += 2,
            byte if byte == quote => return position + 1,
            _ => position += 1,
        }
    }
    bytes.len()
}

/// Past the SQL string or quoted name opening at `start`: a doubled quote is a quote, and a
/// backslash escapes the next character except in `"…"` names (MySQL's strings and backtick
/// names). The statement splitter, the table reader and the comment scanner all skip so.
pub(crate) fn skip_sql_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut position = start + 1;
    while position < bytes.len() {
        if bytes[position] == b'\\' && quote != b'"' {
            position += 2;
            continue;
        }
        if bytes[position] == quote {
            // A doubled quote is an escaped quote.
            if bytes.get(position + 1) == Some(&quote) {
                position += 2;
                continue;
            }
            return position + 1;
        }
        position += 1;
    }
    bytes.len()
}

/// The words of a comment or documentation, without markers and line breaks, for comparing them.
pub(crate) fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '*' | '-')).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The words of every documentation in the schema (of its entities, fields and navigations), one
/// per line: a comment whose words stand in one (`contains`: words never hold a line break) is
/// carried as that documentation. One text, so that each comment is one search, not one per
/// documentation (every keystroke asks for each comment of the source).
pub(crate) fn documentation_words(schema: &Schema) -> String {
    let mut documentation = String::new();
    for entity in &schema.entities {
        let entity_docs = entity.documentation.iter().map(String::as_str);
        let field_docs = entity.fields.iter().filter_map(|f| f.documentation.as_deref());
        let navigation_docs = entity.navigations.iter().filter_map(|n| n.documentation.as_deref());
        for doc in entity_docs.chain(field_docs).chain(navigation_docs) {
            documentation.push_str(&words(doc));
            documentation.push('\n');
        }
    }
    documentation
}

/// The lines of a `/* … */` comment without its markers, each without the ` * ` that starts the
/// lines of a `/** … */` comment; blank first and last lines dropped.
pub(crate) fn block_comment_lines(comment: &str) -> Vec<String> {
    let inner = comment.strip_prefix("/*").unwrap_or(comment);
    let inner = inner.strip_suffix("*/").unwrap_or(inner);
    let mut lines: Vec<String> = inner
        .lines()
        .map(|line| {
            let line = line.trim();
            let line = line.strip_prefix('*').unwrap_or(line);
            line.strip_prefix(' ').unwrap_or(line).trim_end().to_string()
        })
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    lines
}

/// How many comments of `text` a rewrite into `target` (its text, in its language) leaves out:
/// neither carried as documentation by the schema nor written among the target's comments (a
/// comment that belongs to a model, field or relation is, [`crate::ir::comments`]). Not counted: a
/// file marker (`// @filename: …`), and what relplay writes itself (the comments of
/// `regenerated`, relplay's own text of the schema in this language, its notes that start
/// "relplay:", and headers that say "generated by relplay"), which a rewrite writes anew.
pub fn uncarried_comments(
    text: &str,
    language: SourceLanguage,
    schema: &Schema,
    regenerated: &str,
    target: (&str, SourceLanguage),
) -> usize {
    let documentation = documentation_words(schema);
    let comment_words = |text: &str, language| -> Vec<String> {
        comments(text, language).into_iter().map(|span| words(&text[span.start()..span.end()])).collect()
    };
    let relplays: std::collections::HashSet<String> = comment_words(regenerated, language).into_iter().collect();
    let kept = comment_words(target.0, target.1);
    comments(text, language)
        .into_iter()
        .map(|span| words(&text[span.start()..span.end()]))
        .filter(|comment| {
            !comment.is_empty()
                && !comment.starts_with("@filename:")
                && !comment.starts_with("relplay:")
                && !comment.contains("generated by relplay")
        })
        .filter(|comment| !relplays.contains(comment))
        .filter(|comment| !documentation.contains(comment.as_str()))
        .filter(|comment| !kept.iter().any(|k| k.contains(comment.as_str())))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect::SqlDialect;

    fn texts(text: &str, language: SourceLanguage) -> Vec<&str> {
        comments(text, language).into_iter().map(|s| &text[s.start()..s.end()]).collect()
    }

    #[test]
    fn finds_each_languages_comments_and_skips_strings() {
        let prisma = "// one\nmodel A {\n  id Int @id // two\n  s String @default(\"// not\")\n}\n/// three\n";
        assert_eq!(texts(prisma, SourceLanguage::Prisma), ["// one", "// two", "/// three"]);
        let sql = "-- one\nCREATE TABLE \"a--b\" (x TEXT DEFAULT '-- it''s not', /* two */ y INT);\n";
        assert_eq!(texts(sql, SourceLanguage::Sql(SqlDialect::Postgresql)), ["-- one", "/* two */"]);
        let ts = "// one\nconst s = \"// not\", t = '/* not */', u = `// not`;\n/** two */\nclass A {} /* three\n */\n";
        assert_eq!(texts(ts, SourceLanguage::TypeOrm), ["// one", "/** two */", "/* three\n */"]);
    }

    #[test]
    fn documentation_the_schema_carries_is_not_counted() {
        let prisma = "// stray\n/// A person.\nmodel User {\n  /// Their address.\n  email String @id // also stray\n}\n";
        let analysis = crate::analyze(prisma, SourceLanguage::Prisma);
        assert_eq!(uncarried_comments(prisma, SourceLanguage::Prisma, &analysis.schema, "", ("", SourceLanguage::Prisma)), 2);
        let files = "// @filename: schema.prisma\nmodel A {\n  id Int @id\n}\n";
        let analysis = crate::analyze(files, SourceLanguage::Prisma);
        assert_eq!(uncarried_comments(files, SourceLanguage::Prisma, &analysis.schema, "", ("", SourceLanguage::Prisma)), 0);
    }

    #[test]
    fn comments_relplay_writes_itself_are_not_counted() {
        let schema = crate::analyze("model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n", SourceLanguage::Prisma).schema;
        let sql = crate::generate::generate(&schema, crate::generate::Target::Sql(SqlDialect::Postgresql)).text;
        let language = SourceLanguage::Sql(SqlDialect::Postgresql);
        let read = crate::analyze(&sql, language);
        assert!(comments(&sql, language).len() >= 2, "{sql}");
        assert_eq!(uncarried_comments(&sql, language, &read.schema, &sql, ("", language)), 0);
        let edited = format!("-- mine\n{}", sql.replace("2 table(s)", "3 table(s)"));
        assert_eq!(uncarried_comments(&edited, language, &read.schema, &sql, ("", language)), 1);
        // A comment the target writes is kept.
        assert_eq!(uncarried_comments(&edited, language, &read.schema, &sql, ("// mine\n", SourceLanguage::TypeOrm)), 0);
    }
}
