//! Splits a SQL script into statements by their `;` (or a MySQL `DELIMITER`), respecting quotes,
//! comments, PostgreSQL dollar quoting and `BEGIN … END` bodies, so that each statement can be
//! parsed on its own and one broken statement does not stop the rest.

use crate::span::Span;
use crate::syntax::comments::skip_sql_quoted;

/// The byte spans of the statements of `text`, without their delimiters; empty ones are left out.
pub fn split_statements(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut delimiter = ";".to_string();
    let mut start = 0;
    let mut position = 0;
    let mut block_depth = 0usize;
    let mut at_line_start = true;
    while position < bytes.len() {
        let rest = &text[position..];
        // `DELIMITER x` lines (mysql client syntax) change the delimiter and are not statements.
        // (Compared as bytes: the tenth byte may fall inside a character.)
        if at_line_start && rest.len() >= 10 && rest.as_bytes()[..10].eq_ignore_ascii_case(b"delimiter ") {
            let line_end = rest.find('\n').map_or(text.len(), |i| position + i);
            push_span(&mut spans, text, start, position);
            delimiter = text[position + 10..line_end].trim().to_string();
            if delimiter.is_empty() {
                delimiter = ";".into();
            }
            position = line_end;
            start = position;
            continue;
        }
        let byte = bytes[position];
        at_line_start = byte == b'\n' || (at_line_start && (byte == b' ' || byte == b'\t' || byte == b'\r'));
        match byte {
            b'\'' | b'"' | b'`' => position = skip_sql_quoted(bytes, position, byte),
            b'-' if bytes.get(position + 1) == Some(&b'-') => position = rest.find('\n').map_or(text.len(), |i| position + i),
            b'/' if bytes.get(position + 1) == Some(&b'*') => position = rest[2..].find("*/").map_or(text.len(), |i| position + 2 + i + 2),
            b'$' => position = skip_dollar_quoted(text, position),
            _ if word_at(text, position, "begin") && !word_at_after(text, position + 5, "transaction") => {
                block_depth += 1;
                position += 5;
            }
            _ if word_at(text, position, "end") && block_depth > 0 => {
                block_depth -= 1;
                position += 3;
            }
            _ if block_depth == 0 && rest.starts_with(delimiter.as_str()) => {
                push_span(&mut spans, text, start, position);
                position += delimiter.len();
                start = position;
            }
            _ => position += text[position..].chars().next().map_or(1, char::len_utf8),
        }
    }
    push_span(&mut spans, text, start, text.len());
    spans
}

fn push_span(spans: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    if let Some(leading) = code_start(piece) {
        let trailing = piece.len() - piece.trim_end().len();
        spans.push(Span::new(start + leading, end - trailing));
    }
}

/// Where the code of a piece starts after white space and comments; None if it has none.
fn code_start(piece: &str) -> Option<usize> {
    let mut rest = piece.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.find('\n').map_or("", |i| &after[i..]).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |i| &after[i + 2..]).trim_start();
        } else {
            return Some(piece.len() - rest.len());
        }
    }
    None
}

/// Skips `$tag$ … $tag$`; a lone `$` (a parameter) is one character.
fn skip_dollar_quoted(text: &str, start: usize) -> usize {
    let rest = &text[start + 1..];
    let tag_length = rest.find('$').filter(|&i| rest[..i].chars().all(|c| c.is_alphanumeric() || c == '_'));
    match tag_length {
        Some(length) => {
            let tag = &text[start..start + length + 2];
            let body = start + tag.len();
            text[body..].find(tag).map_or(text.len(), |i| body + i + tag.len())
        }
        None => start + 1,
    }
}

/// Whether the keyword `word` (any case) stands at `position` as a whole word.
fn word_at(text: &str, position: usize, word: &str) -> bool {
    let end = position + word.len();
    end <= text.len()
        && text.is_char_boundary(end)
        && text[position..end].eq_ignore_ascii_case(word)
        && !text[..position].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_')
        && !text[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether `word` follows `position` after white space (`BEGIN TRANSACTION`).
fn word_at_after(text: &str, position: usize, word: &str) -> bool {
    let rest = &text[position.min(text.len())..];
    let trimmed = rest.trim_start();
    word_at(text, text.len() - trimmed.len(), word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split_statements(text).into_iter().map(|s| &text[s.start()..s.end()]).collect()
    }

    #[test]
    fn statements_split_at_semicolons_outside_quotes_and_comments() {
        assert_eq!(pieces("a; b 'x;y' ; -- c;\n d /* ; */;"), vec!["a", "b 'x;y'", "d /* ; */"]);
    }

    #[test]
    fn bodies_and_dollar_quotes_stay_whole() {
        let text = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW BEGIN UPDATE y SET a = 1; END; z";
        assert_eq!(pieces(text).len(), 3);
    }

    #[test]
    fn mysql_delimiters_are_followed() {
        let text = "DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1;;\nDELIMITER ;\nSELECT 1;";
        assert_eq!(pieces(text), vec!["CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1", "SELECT 1"]);
    }
}
