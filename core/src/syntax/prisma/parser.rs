//! A recursive-descent parser for the Prisma schema language that never gives up.
//!
//! It returns the tree of everything it understood plus diagnostics. Recovery is line-based, as
//! the language is: a line it cannot read is reported and skipped; a block left open is closed when
//! the next top-level keyword starts a line, or at the end of the file.

use super::ast::*;
use super::lexer::{tokenize, unescape_string, Token, TokenKind};
use crate::diagnostic::{catalog, Diagnostic};
use crate::span::Span;
use crate::syntax::comments::block_comment_lines;

/// Parses a Prisma schema. Never panics; the diagnostics say what was not understood.
pub fn parse(text: &str) -> (SchemaFile, Vec<Diagnostic>) {
    let mut parser = Parser { text, tokens: tokenize(text), position: 0, diagnostics: Vec::new(), depth: 0 };
    parser.report_unclosed_block_comments();
    let file = parser.schema_file();
    (file, parser.diagnostics)
}

const BLOCK_KEYWORDS: [&str; 6] = ["model", "view", "type", "enum", "datasource", "generator"];

/// How deep calls and lists may nest in a value (`@default(a(b(…)))`); deeper is a diagnostic and
/// is stepped over without recursion, so no input can exhaust the stack.
const MAX_NESTING: usize = 64;

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    position: usize,
    diagnostics: Vec<Diagnostic>,
    /// Calls and lists open around the value being read.
    depth: usize,
}

impl<'a> Parser<'a> {
    // ----- token access -------------------------------------------------------------------------

    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.position).copied()
    }

    fn peek_kind(&self) -> Option<TokenKind> {
        self.peek().map(|t| t.kind)
    }

    fn nth_kind(&self, n: usize) -> Option<TokenKind> {
        self.tokens.get(self.position + n).map(|t| t.kind)
    }

    fn text_of(&self, token: Token) -> &'a str {
        &self.text[token.span.start()..token.span.end()]
    }

    fn bump(&mut self) -> Token {
        let token = self.tokens[self.position];
        self.position += 1;
        token
    }

    fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        if self.peek_kind() == Some(kind) {
            Some(self.bump())
        } else {
            None
        }
    }

    /// Where a "missing" diagnostic points: the next token, or the end of the text.
    fn here(&self) -> Span {
        self.peek().map_or(Span::at(self.text.len()), |t| Span::at(t.span.start()))
    }

    fn end_of_previous(&self) -> usize {
        if self.position == 0 {
            0
        } else {
            self.tokens[self.position - 1].span.end()
        }
    }

    /// The end of the last token before the current one that is not a line break or comment.
    fn last_significant_end(&self) -> usize {
        self.tokens[..self.position]
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, TokenKind::Newline | TokenKind::Comment))
            .map_or(0, |t| t.span.end())
    }

    fn found_description(&self) -> String {
        match self.peek() {
            None => "the end of the file".to_string(),
            Some(t) if t.kind == TokenKind::Newline => "the end of the line".to_string(),
            Some(t) => format!("`{}`", self.text_of(t)),
        }
    }

    /// A `/*` with no `*/` after it runs to the end of the text (so nothing after it is read).
    fn report_unclosed_block_comments(&mut self) {
        let text = self.text;
        for token in self.tokens.iter().filter(|t| t.kind == TokenKind::Comment) {
            let comment = &text[token.span.start()..token.span.end()];
            if comment.starts_with("/*") && (comment.len() < 4 || !comment.ends_with("*/")) {
                self.diagnostics.push(catalog::unclosed_block_comment(Span::new(token.span.start(), token.span.start() + 2)));
            }
        }
    }

    fn skip_comments(&mut self) {
        while self.peek_kind() == Some(TokenKind::Comment) {
            self.position += 1;
        }
    }

    /// Skips blank lines and comments, collecting `///` doc comments seen just before the next item.
    fn skip_trivia(&mut self) -> Option<String> {
        let mut docs: Vec<String> = Vec::new();
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::Newline => {}
                TokenKind::Comment => {
                    let text = self.text_of(token);
                    if let Some(doc) = text.strip_prefix("///") {
                        docs.push(doc.strip_prefix(' ').unwrap_or(doc).to_string());
                    } else if text.starts_with("/*") {
                        // Prisma documents the next block or field with a block comment, as with `///`.
                        docs.clear();
                        docs.extend(block_comment_lines(text));
                    } else {
                        docs.clear();
                    }
                }
                _ => break,
            }
            self.position += 1;
        }
        (!docs.is_empty()).then(|| docs.join("\n"))
    }

    /// Skips to the start of the next line (the newline is consumed). Balanced `{…}` are skipped
    /// whole so that a mistyped block keyword does not scatter its body over the top level.
    fn skip_line(&mut self) {
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::LeftBrace => depth += 1,
                TokenKind::RightBrace if depth > 0 => depth -= 1,
                TokenKind::RightBrace => return,
                TokenKind::Newline if depth == 0 => {
                    self.position += 1;
                    return;
                }
                _ => {}
            }
            self.position += 1;
        }
    }

    /// Whether the next tokens look like the start of a new top-level block (`model X {`).
    fn at_block_start(&self) -> bool {
        matches!(self.peek(), Some(t) if t.kind == TokenKind::Identifier && BLOCK_KEYWORDS.contains(&self.text_of(t)))
            && self.nth_kind(1) == Some(TokenKind::Identifier)
            && self.nth_kind(2) == Some(TokenKind::LeftBrace)
    }

    fn identifier(&mut self) -> Option<Identifier> {
        let token = self.eat(TokenKind::Identifier)?;
        Some(Identifier { name: self.text_of(token).to_string(), span: token.span })
    }

    // ----- top level ----------------------------------------------------------------------------

    fn schema_file(&mut self) -> SchemaFile {
        let mut blocks = Vec::new();
        loop {
            let documentation = self.skip_trivia();
            let Some(token) = self.peek() else { break };
            let keyword = self.text_of(token);
            if token.kind == TokenKind::Identifier && BLOCK_KEYWORDS.contains(&keyword) {
                if let Some(block) = self.block(documentation) {
                    blocks.push(block);
                }
            } else {
                self.diagnostics.push(catalog::expected_block(token.span, &self.found_description()));
                self.skip_line();
                // A stray `}` at the top level would stop skip_line forever: consume it.
                self.eat(TokenKind::RightBrace);
            }
        }
        SchemaFile { blocks }
    }

    fn block(&mut self, documentation: Option<String>) -> Option<Block> {
        let keyword_token = self.bump();
        let keyword = self.text_of(keyword_token);
        let name = match self.identifier() {
            Some(name) => name,
            None => {
                self.diagnostics.push(catalog::block_without_name(self.here(), keyword, &self.found_description()));
                Identifier { name: String::new(), span: Span::at(keyword_token.span.end()) }
            }
        };
        self.skip_comments();
        if self.eat(TokenKind::LeftBrace).is_none() {
            self.diagnostics.push(catalog::expected_open_brace(self.here(), keyword, &name.name, &self.found_description()));
            self.skip_line();
            return None;
        }
        let start = keyword_token.span.start();
        let block = match keyword {
            "enum" => {
                let (values, attributes) = self.enum_body();
                let span = Span::new(start, self.end_of_previous());
                Block::Enum(EnumBlock { name, values, attributes, documentation, span })
            }
            "datasource" | "generator" => {
                let kind = if keyword == "datasource" { ConfigKind::Datasource } else { ConfigKind::Generator };
                let properties = self.config_body();
                Block::Config(ConfigBlock { kind, name, properties, span: Span::new(start, self.end_of_previous()) })
            }
            _ => {
                let keyword = match keyword {
                    "view" => ModelKeyword::View,
                    "type" => ModelKeyword::Type,
                    _ => ModelKeyword::Model,
                };
                let (fields, attributes) = self.model_body();
                let span = Span::new(start, self.end_of_previous());
                Block::Model(ModelBlock { keyword, name, fields, attributes, documentation, span })
            }
        };
        Some(block)
    }

    /// Ends a block body: `}` found, or a diagnostic when the block is left open.
    /// Returns false when the body must stop (closed or abandoned).
    fn body_continues(&mut self, block_start: Span) -> bool {
        match self.peek_kind() {
            Some(TokenKind::RightBrace) => {
                self.bump();
                false
            }
            None => {
                self.diagnostics.push(catalog::unclosed_block(block_start, Span::at(self.text.len())));
                false
            }
            _ if self.at_block_start() => {
                self.diagnostics.push(catalog::unclosed_block(block_start, self.here()));
                false
            }
            _ => true,
        }
    }

    fn model_body(&mut self) -> (Vec<FieldDeclaration>, Vec<Attribute>) {
        let open = Span::at(self.end_of_previous().saturating_sub(1));
        let mut fields = Vec::new();
        let mut attributes = Vec::new();
        loop {
            let documentation = self.skip_trivia();
            if !self.body_continues(open) {
                break;
            }
            match self.peek_kind() {
                Some(TokenKind::AtAt) => {
                    let attribute = self.attribute();
                    attributes.push(attribute);
                    self.end_of_line();
                }
                Some(TokenKind::Identifier) => fields.push(self.field(documentation)),
                _ => {
                    let span = self.peek().map_or(self.here(), |t| t.span);
                    self.diagnostics.push(catalog::expected_field(span, &self.found_description()));
                    self.skip_line();
                }
            }
        }
        (fields, attributes)
    }

    fn field(&mut self, documentation: Option<String>) -> FieldDeclaration {
        let name = self.identifier().expect("caller checked for an identifier");
        let field_type = match self.peek_kind() {
            Some(TokenKind::Identifier) => Some(self.field_type()),
            _ => {
                self.diagnostics.push(catalog::field_without_type(name.span, &name.name));
                None
            }
        };
        let mut attributes = Vec::new();
        while self.peek_kind() == Some(TokenKind::At) {
            attributes.push(self.attribute());
        }
        let end = self.end_of_previous();
        let comment = self.end_of_line();
        FieldDeclaration { span: Span::new(name.span.start(), end), name, field_type, attributes, documentation, comment }
    }

    fn field_type(&mut self) -> FieldType {
        let name = self.identifier().expect("caller checked for an identifier");
        let mut unsupported = None;
        if name.name == "Unsupported" && self.eat(TokenKind::LeftParen).is_some() {
            if let Some(token) = self.peek().filter(|t| matches!(t.kind, TokenKind::String { .. })) {
                self.bump();
                unsupported = Some(unescape_string(self.text_of(token)));
            }
            if self.eat(TokenKind::RightParen).is_none() {
                self.diagnostics.push(catalog::expected_token(self.here(), ")", &self.found_description()));
            }
        }
        let arity = if self.eat(TokenKind::Question).is_some() {
            Arity::Optional
        } else if self.eat(TokenKind::LeftBracket).is_some() {
            if self.eat(TokenKind::RightBracket).is_none() {
                self.diagnostics.push(catalog::expected_token(self.here(), "]", &self.found_description()));
            }
            // `Type[]?` is not valid Prisma: report it and read it as a list.
            if let Some(question) = self.eat(TokenKind::Question) {
                self.diagnostics.push(catalog::optional_list(question.span));
            }
            Arity::List
        } else {
            Arity::Required
        };
        FieldType { span: Span::new(name.span.start(), self.end_of_previous()), name, unsupported, arity }
    }

    /// Expects the end of a line after a field or attribute; reports and skips anything else.
    /// Returns a trailing `//` comment.
    fn end_of_line(&mut self) -> Option<String> {
        let mut comment = None;
        if let Some(token) = self.peek().filter(|t| t.kind == TokenKind::Comment) {
            self.bump();
            let text = self.text_of(token);
            comment = Some(if text.starts_with("/*") {
                block_comment_lines(text).join("\n")
            } else {
                text.trim_start_matches('/').trim().to_string()
            });
        }
        match self.peek_kind() {
            None | Some(TokenKind::Newline) | Some(TokenKind::RightBrace) => {}
            _ => {
                let span = self.peek().map_or(self.here(), |t| t.span);
                self.diagnostics.push(catalog::unexpected_after_field(span, &self.found_description()));
                self.skip_line();
            }
        }
        comment
    }

    fn attribute(&mut self) -> Attribute {
        let at = self.bump();
        let is_block_attribute = at.kind == TokenKind::AtAt;
        let mut name = match self.identifier() {
            Some(name) => name,
            None => {
                self.diagnostics.push(catalog::attribute_without_name(self.here(), &self.found_description()));
                Identifier { name: String::new(), span: Span::at(at.span.end()) }
            }
        };
        while self.peek_kind() == Some(TokenKind::Dot) && self.nth_kind(1) == Some(TokenKind::Identifier) {
            self.bump();
            let part = self.identifier().expect("checked");
            name.name.push('.');
            name.name.push_str(&part.name);
            name.span = name.span.cover(part.span);
        }
        let mut arguments = Vec::new();
        let has_parentheses = self.eat(TokenKind::LeftParen).is_some();
        if has_parentheses {
            arguments = self.arguments(TokenKind::RightParen);
        }
        Attribute { name, is_block_attribute, arguments, has_parentheses, span: Span::new(at.span.start(), self.end_of_previous()) }
    }

    /// Skips line breaks inside brackets. Returns false, leaving the line break's successor
    /// unread, when the next line looks like a new field or block rather than a continuation:
    /// that means the bracket was left open. Inside `(…)` a continuation line starts with a named
    /// argument, a value or a closing bracket; inside `[…]` anything but a new field continues.
    fn skip_newlines_in_brackets(&mut self, close: TokenKind) -> bool {
        let before = self.position;
        let continues = self.continues_after_newlines(close);
        if !continues {
            self.position = before;
        }
        continues
    }

    fn continues_after_newlines(&mut self, close: TokenKind) -> bool {
        let mut crossed_line = false;
        while matches!(self.peek_kind(), Some(TokenKind::Newline) | Some(TokenKind::Comment)) {
            crossed_line |= self.peek_kind() == Some(TokenKind::Newline);
            self.position += 1;
        }
        if !crossed_line {
            return true;
        }
        if self.at_block_start() || matches!(self.peek_kind(), Some(TokenKind::AtAt) | Some(TokenKind::RightBrace) | None) {
            return false;
        }
        let first = self.nth_kind(0);
        let second = self.nth_kind(1);
        if close == TokenKind::RightParen {
            return match first {
                Some(TokenKind::Identifier) => matches!(
                    second,
                    Some(TokenKind::Colon) | Some(TokenKind::LeftParen) | Some(TokenKind::Comma) | Some(TokenKind::RightParen)
                ),
                Some(TokenKind::RightParen | TokenKind::RightBracket | TokenKind::LeftBracket | TokenKind::Comma | TokenKind::Number) => {
                    true
                }
                Some(TokenKind::String { .. }) => true,
                _ => false,
            };
        }
        !(first == Some(TokenKind::Identifier) && second == Some(TokenKind::Identifier))
    }

    /// Reports a bracket left open at the end of the line where it was opened.
    fn report_unclosed_bracket(&mut self, close: TokenKind) {
        self.diagnostics.push(catalog::expected_token(Span::at(self.last_significant_end()), closing_text(close), "the end of the line"));
    }

    /// Comma-separated arguments up to `close` (consumed). Reports an unclosed list at its end.
    fn arguments(&mut self, close: TokenKind) -> Vec<Argument> {
        let mut arguments = Vec::new();
        loop {
            if !self.skip_newlines_in_brackets(close) {
                self.report_unclosed_bracket(close);
                return arguments;
            }
            match self.peek_kind() {
                Some(kind) if kind == close => {
                    self.bump();
                    return arguments;
                }
                None | Some(TokenKind::RightBrace) => {
                    self.diagnostics.push(catalog::expected_token(self.here(), closing_text(close), &self.found_description()));
                    return arguments;
                }
                _ => {}
            }
            let start = self.here().start();
            let name = if self.peek_kind() == Some(TokenKind::Identifier) && self.nth_kind(1) == Some(TokenKind::Colon) {
                let name = self.identifier();
                self.bump();
                self.skip_newlines_in_brackets(close);
                name
            } else {
                None
            };
            let value = self.expression();
            let stuck = matches!(value, Expression::Missing { .. });
            arguments.push(Argument { name, value, span: Span::new(start, self.end_of_previous()) });
            if !self.skip_newlines_in_brackets(close) {
                self.report_unclosed_bracket(close);
                return arguments;
            }
            if self.eat(TokenKind::Comma).is_some() {
                continue;
            }
            match self.peek_kind() {
                Some(kind) if kind == close => {}
                _ if stuck => {
                    // Step over the token that is not a value, so the loop always advances.
                    if self.peek().is_some_and(|t| !matches!(t.kind, TokenKind::Newline | TokenKind::RightBrace)) {
                        self.bump();
                    } else {
                        self.diagnostics.push(catalog::expected_token(self.here(), closing_text(close), &self.found_description()));
                        return arguments;
                    }
                }
                _ => {
                    self.diagnostics.push(catalog::expected_token(self.here(), closing_text(close), &self.found_description()));
                    // Skip to the closing bracket on this line if there is one.
                    while let Some(kind) = self.peek_kind() {
                        if kind == close {
                            self.bump();
                            return arguments;
                        }
                        if matches!(kind, TokenKind::Newline | TokenKind::RightBrace) {
                            return arguments;
                        }
                        self.bump();
                    }
                    return arguments;
                }
            }
        }
    }

    /// A value nested deeper than [`MAX_NESTING`]: reported, and its brackets stepped over
    /// (counting, not recursing) up to the one that closes where it opened, or the end of the line.
    fn too_deep(&mut self) -> Expression {
        let start = self.here().start();
        self.diagnostics.push(catalog::value_nested_too_deeply(Span::at(start), MAX_NESTING));
        let mut open = 0usize;
        while let Some(kind) = self.peek_kind() {
            match kind {
                TokenKind::LeftParen | TokenKind::LeftBracket => open += 1,
                TokenKind::RightParen | TokenKind::RightBracket => {
                    if open <= 1 {
                        self.bump();
                        break;
                    }
                    open -= 1;
                }
                TokenKind::RightBrace if open == 0 => break,
                _ => {}
            }
            self.bump();
        }
        Expression::Missing { span: Span::new(start, self.end_of_previous()) }
    }

    fn expression(&mut self) -> Expression {
        let Some(token) = self.peek() else {
            self.diagnostics.push(catalog::expected_value(self.here(), "the end of the file"));
            return Expression::Missing { span: self.here() };
        };
        match token.kind {
            TokenKind::String { terminated } => {
                self.bump();
                if !terminated {
                    self.diagnostics.push(catalog::unterminated_string(token.span));
                }
                Expression::String { value: unescape_string(self.text_of(token)), span: token.span }
            }
            TokenKind::Number => {
                self.bump();
                Expression::Number { text: self.text_of(token).to_string(), span: token.span }
            }
            TokenKind::Identifier => {
                let mut name = self.identifier().expect("checked");
                while self.peek_kind() == Some(TokenKind::Dot) && self.nth_kind(1) == Some(TokenKind::Identifier) {
                    self.bump();
                    let part = self.identifier().expect("checked");
                    name.name.push('.');
                    name.name.push_str(&part.name);
                    name.span = name.span.cover(part.span);
                }
                if self.peek_kind() == Some(TokenKind::LeftParen) && self.depth >= MAX_NESTING {
                    return self.too_deep();
                }
                if self.eat(TokenKind::LeftParen).is_some() {
                    self.depth += 1;
                    let arguments = self.arguments(TokenKind::RightParen);
                    self.depth -= 1;
                    let span = Span::new(name.span.start(), self.end_of_previous());
                    Expression::Call { name, arguments, span }
                } else {
                    Expression::Constant { name: name.name, span: name.span }
                }
            }
            TokenKind::LeftBracket if self.depth >= MAX_NESTING => self.too_deep(),
            TokenKind::LeftBracket => {
                self.bump();
                self.depth += 1;
                let items = self.arguments(TokenKind::RightBracket).into_iter().map(|a| a.value).collect();
                self.depth -= 1;
                Expression::Array { items, span: Span::new(token.span.start(), self.end_of_previous()) }
            }
            _ => {
                self.diagnostics.push(catalog::expected_value(token.span, &self.found_description()));
                Expression::Missing { span: Span::at(token.span.start()) }
            }
        }
    }

    fn enum_body(&mut self) -> (Vec<EnumValue>, Vec<Attribute>) {
        let open = Span::at(self.end_of_previous().saturating_sub(1));
        let mut values = Vec::new();
        let mut attributes = Vec::new();
        loop {
            self.skip_trivia();
            if !self.body_continues(open) {
                break;
            }
            match self.peek_kind() {
                Some(TokenKind::AtAt) => {
                    attributes.push(self.attribute());
                    self.end_of_line();
                }
                Some(TokenKind::Identifier) => {
                    let name = self.identifier().expect("checked");
                    let mut value_attributes = Vec::new();
                    while self.peek_kind() == Some(TokenKind::At) {
                        value_attributes.push(self.attribute());
                    }
                    let span = Span::new(name.span.start(), self.end_of_previous());
                    values.push(EnumValue { name, attributes: value_attributes, span });
                    self.end_of_line();
                }
                _ => {
                    let span = self.peek().map_or(self.here(), |t| t.span);
                    self.diagnostics.push(catalog::expected_enum_value(span, &self.found_description()));
                    self.skip_line();
                }
            }
        }
        (values, attributes)
    }

    fn config_body(&mut self) -> Vec<ConfigProperty> {
        let open = Span::at(self.end_of_previous().saturating_sub(1));
        let mut properties = Vec::new();
        loop {
            self.skip_trivia();
            if !self.body_continues(open) {
                break;
            }
            let Some(name) = self.identifier() else {
                let span = self.peek().map_or(self.here(), |t| t.span);
                self.diagnostics.push(catalog::expected_property(span, &self.found_description()));
                self.skip_line();
                continue;
            };
            if self.eat(TokenKind::Equals).is_none() {
                self.diagnostics.push(catalog::expected_token(self.here(), "=", &self.found_description()));
                self.skip_line();
                continue;
            }
            let value = self.expression();
            properties.push(ConfigProperty { span: Span::new(name.span.start(), self.end_of_previous()), name, value });
            self.end_of_line();
        }
        properties
    }
}

fn closing_text(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::RightBracket => "]",
        _ => ")",
    }
}
