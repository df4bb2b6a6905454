//! Splits Prisma schema text into tokens. Never fails: a character it does not know becomes an
//! [`TokenKind::Unknown`] token, which the parser reports.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Identifier,
    /// A double-quoted string; an unterminated one ends at the line break.
    String {
        terminated: bool,
    },
    Number,
    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Colon,
    Equals,
    Question,
    Dot,
    /// `@`, the start of a field attribute.
    At,
    /// `@@`, the start of a block attribute.
    AtAt,
    /// A line break: fields and properties end at line breaks.
    Newline,
    /// `//` to the end of the line; `///` doc comments are comments too. A `/* … */` block
    /// comment (which may hold line breaks) is one too; an unclosed one runs to the end of the text.
    Comment,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// All tokens of `text`, without spaces and tabs; comments and line breaks are kept.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut position = 0;
    while position < bytes.len() {
        let start = position;
        let byte = bytes[position];
        let kind = match byte {
            b' ' | b'\t' | b'\r' | 0x0c => {
                position += 1;
                continue;
            }
            b'\n' => {
                position += 1;
                TokenKind::Newline
            }
            b'/' if bytes.get(position + 1) == Some(&b'/') => {
                while position < bytes.len() && bytes[position] != b'\n' {
                    position += 1;
                }
                TokenKind::Comment
            }
            b'/' if bytes.get(position + 1) == Some(&b'*') => {
                position = text[position + 2..].find("*/").map_or(bytes.len(), |i| position + 2 + i + 2);
                TokenKind::Comment
            }
            b'"' => {
                position += 1;
                let mut terminated = false;
                while position < bytes.len() {
                    match bytes[position] {
                        b'\\' if position + 1 < bytes.len() && bytes[position + 1] != b'\n' => position += 2,
                        b'"' => {
                            position += 1;
                            terminated = true;
                            break;
                        }
                        b'\n' => break,
                        _ => position += 1,
                    }
                }
                TokenKind::String { terminated }
            }
            b'@' => {
                if bytes.get(position + 1) == Some(&b'@') {
                    position += 2;
                    TokenKind::AtAt
                } else {
                    position += 1;
                    TokenKind::At
                }
            }
            b'0'..=b'9' => {
                position = scan_number(bytes, position);
                TokenKind::Number
            }
            b'-' if bytes.get(position + 1).is_some_and(u8::is_ascii_digit) => {
                position = scan_number(bytes, position + 1);
                TokenKind::Number
            }
            b'{' | b'}' | b'(' | b')' | b'[' | b']' | b',' | b':' | b'=' | b'?' | b'.' => {
                position += 1;
                match byte {
                    b'{' => TokenKind::LeftBrace,
                    b'}' => TokenKind::RightBrace,
                    b'(' => TokenKind::LeftParen,
                    b')' => TokenKind::RightParen,
                    b'[' => TokenKind::LeftBracket,
                    b']' => TokenKind::RightBracket,
                    b',' => TokenKind::Comma,
                    b':' => TokenKind::Colon,
                    b'=' => TokenKind::Equals,
                    b'?' => TokenKind::Question,
                    _ => TokenKind::Dot,
                }
            }
            _ if text[position..].chars().next().is_some_and(is_identifier_start) => {
                while let Some(c) = text[position..].chars().next().filter(|&c| is_identifier_continue(c)) {
                    position += c.len_utf8();
                }
                TokenKind::Identifier
            }
            _ => {
                // Step over one whole character so spans stay on UTF-8 boundaries.
                let width = text[position..].chars().next().map_or(1, char::len_utf8);
                position += width;
                TokenKind::Unknown
            }
        };
        tokens.push(Token { kind, span: Span::new(start, position) });
    }
    tokens
}

fn scan_number(bytes: &[u8], mut position: usize) -> usize {
    while position < bytes.len() && (bytes[position].is_ascii_digit() || bytes[position] == b'.') {
        // A dot belongs to the number only when a digit follows it (`1.5`, not `1.` then a path).
        if bytes[position] == b'.' && !bytes.get(position + 1).is_some_and(u8::is_ascii_digit) {
            break;
        }
        position += 1;
    }
    position
}

/// Prisma's names start with a letter, any letter (`Lööp`, `名前`), and go on with letters, digits,
/// `_` and `-`, as its grammar's Unicode classes have it; `_a` is no name to Prisma.
fn is_identifier_start(c: char) -> bool {
    c.is_alphabetic()
}

fn is_identifier_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The value of a string token's text (with its quotes), escapes resolved.
pub fn unescape_string(token_text: &str) -> String {
    let inner = token_text.strip_prefix('"').unwrap_or(token_text);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            value.push(ch);
            continue;
        }
        match chars.next() {
            Some('n') => value.push('\n'),
            Some('t') => value.push('\t'),
            Some('r') => value.push('\r'),
            Some(other) => value.push(other),
            None => value.push('\\'),
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn field_attributes_and_block_attributes_differ() {
        use TokenKind::*;
        assert_eq!(kinds("id Int @id\n@@map"), vec![Identifier, Identifier, At, Identifier, Newline, AtAt, Identifier]);
    }

    #[test]
    fn a_block_comment_is_one_token_across_lines() {
        let tokens = tokenize("a /* b\n c */ d /* open");
        let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Identifier, TokenKind::Comment, TokenKind::Identifier, TokenKind::Comment]);
        assert_eq!(tokens[1].span, Span::new(2, 12));
        assert_eq!(tokens[3].span.end(), 22);
    }

    #[test]
    fn an_unterminated_string_stops_at_the_line_break() {
        let tokens = tokenize("\"abc\nx");
        assert_eq!(tokens[0].kind, TokenKind::String { terminated: false });
        assert_eq!(tokens[0].span, Span::new(0, 4));
        assert_eq!(tokens[2].kind, TokenKind::Identifier);
    }

    #[test]
    fn unknown_characters_keep_utf8_boundaries() {
        let tokens = tokenize("a💥b");
        assert_eq!(tokens[1].kind, TokenKind::Unknown);
        assert_eq!(tokens[1].span, Span::new(1, 5));
    }

    #[test]
    fn strings_unescape() {
        assert_eq!(unescape_string(r#""a\"b\\c\n""#), "a\"b\\c\n");
    }
}
