//! Prisma's layout, as `prisma format` writes it (Prisma's reformatter is the judge: the test
//! suite formats every Prisma file of the corpus with both and compares):
//!
//! - blocks are separated by one blank line; a comment right above a block stays against it, and
//!   one blank line is kept where the source has any between top-level comments and blocks;
//! - inside a block, lines form tables whose columns are aligned (a field's name, type and
//!   attributes; a property's key and `= value`; an enum value's name and attributes), padded by
//!   byte length as Prisma pads; a blank line starts a new table, comment lines do not;
//! - field attributes and block attributes are ordered `id`, `unique`, `default`, `updatedAt`,
//!   `index`, `fulltext`, `map`, `relation`, `ignore`, then any other in written order; block
//!   attributes follow the fields after one blank line, each with the comment written right above it;
//! - blank lines at the start and end of a block go, and several blank lines are one;
//! - arguments are written `name: value` joined by `, `, lists `[a, b]`; strings, numbers and
//!   names as written; `/* … */` comments become `/**`, ` * line`…, ` */`; trailing `//`
//!   comments follow their line after one space; indentation is two spaces.
//!
//! Prisma's formatter also adds the relation fields and arguments a schema lacks; relplay leaves
//! that to the quick fixes of the rules that name them (R0xx), so formatting never adds code.
//! Where Prisma's formatter does not settle in one pass — a comment on a block's closing line
//! (`}// …`) goes to the line below, and on the next pass a blank line comes before it — relplay
//! writes where it settles, so that formatting twice changes nothing (found by fuzzing).

use super::FormatRefusal;
use crate::span::Span;
use crate::syntax::prisma::ast::{Argument, Arity, Attribute, Block, Expression, FieldType, ModelKeyword};
use crate::syntax::prisma::lexer::{tokenize, Token, TokenKind};

/// The order Prisma writes attributes in; any other comes after these, in written order.
const ATTRIBUTE_ORDER: [&str; 9] = ["id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore"];

const INDENT: &str = "  ";

/// `text` in Prisma's layout. A source of several files (`// @filename:` lines) is laid out file
/// by file, as Prisma formats each file of a schema folder.
pub fn format(text: &str) -> Result<String, FormatRefusal> {
    let sections = crate::syntax::files::file_sections(text);
    if sections.iter().all(|s| s.marker.is_none()) {
        return format_file(text);
    }
    let mut out = String::new();
    for section in sections {
        if let Some(marker) = section.marker {
            out.push_str(&text[marker.start()..marker.end()]);
            out.push('\n');
        }
        let code = &text[section.span.start()..section.span.end()];
        if !code.trim().is_empty() {
            out.push_str(&format_file(code)?);
        }
    }
    Ok(out)
}

/// One file in Prisma's layout.
fn format_file(text: &str) -> Result<String, FormatRefusal> {
    let (file, diagnostics) = crate::syntax::prisma::parse(text);
    if crate::diagnostic::has_errors(&diagnostics) {
        return Err(FormatRefusal("The schema has syntax errors: Format lays out a schema that reads, so fix those first.".into()));
    }
    let tokens = tokenize(text);
    let printer = Printer { text };
    let spans: Vec<Span> = file.blocks.iter().map(block_span).collect();
    let pieces = pieces_between(text, &tokens, Span::new(0, text.len()), &spans, false)?;
    let mut out = String::new();
    let write_comment = |out: &mut String, comment: &str| {
        for line in comment_lines(comment) {
            out.push_str(&line);
            out.push('\n');
        }
    };
    // A blank line stays between pieces where the source has one, and always follows a block
    // (Prisma's formatter makes the line break after `}` a blank line of its own).
    let mut after_block = false;
    for (index, piece) in pieces.iter().enumerate() {
        let blank = index > 0 && (after_block || matches!(pieces[index - 1], Piece::Blank));
        match piece {
            Piece::Blank => continue,
            Piece::Element { index: block, trailing } => {
                if blank {
                    out.push('\n');
                }
                printer.block(&file.blocks[*block], &tokens, &mut out)?;
                after_block = true;
                // A comment after the closing brace goes below it, as a comment line after the
                // blank line that follows every block.
                if let Some(comment) = trailing {
                    out.push('\n');
                    write_comment(&mut out, comment);
                    after_block = false;
                }
            }
            Piece::Comment(comment) => {
                if blank {
                    out.push('\n');
                }
                write_comment(&mut out, comment);
                after_block = false;
            }
        }
    }
    let formatted = out;
    // What is written must read as what was read: a layout that broke the schema is no layout.
    if crate::diagnostic::has_errors(&crate::syntax::prisma::parse(&formatted).1) {
        return Err(FormatRefusal("relplay could not lay this schema out without changing it; it is left as written.".into()));
    }
    Ok(formatted)
}

fn block_span(block: &Block) -> Span {
    match block {
        Block::Model(model) => model.span,
        Block::Enum(enumeration) => enumeration.span,
        Block::Config(config) => config.span,
    }
}

/// What lies between the elements of a stretch of text: the elements themselves (with a `//`
/// comment that ends their line), comments on lines of their own, and blank lines.
#[derive(Debug, Clone, PartialEq)]
enum Piece<'t> {
    Element { index: usize, trailing: Option<&'t str> },
    Comment(&'t str),
    Blank,
}

/// The pieces of `within` (a byte range of `text`), given the spans of its elements in order (each
/// on one line when `one_line_each`: the lines of a block body).
/// Anything there that is neither an element, a comment nor a line break is refused.
fn pieces_between<'t>(
    text: &'t str,
    tokens: &[Token],
    within: Span,
    elements: &[Span],
    one_line_each: bool,
) -> Result<Vec<Piece<'t>>, FormatRefusal> {
    let mut pieces: Vec<Piece<'t>> = Vec::new();
    let mut next = 0;
    let mut line_breaks = 0;
    let mut inside: Option<Span> = None;
    for token in tokens.iter().filter(|t| within.start() <= t.span.start() && t.span.end() <= within.end()) {
        if inside.is_some_and(|element| token.span.end() <= element.end()) {
            continue;
        }
        inside = None;
        if token.kind == TokenKind::Newline {
            line_breaks += 1;
            continue;
        }
        let blank_before = line_breaks >= 2 && !pieces.is_empty();
        let same_line = line_breaks == 0;
        line_breaks = 0;
        if let Some(element) = elements.get(next).filter(|e| e.start() == token.span.start()) {
            if one_line_each && text[element.start()..element.end()].contains('\n') {
                return Err(FormatRefusal(format!(
                    "`{}` spans several lines, which Prisma's layout does not have; it is left as written.",
                    first_line(&text[element.start()..element.end()])
                )));
            }
            if blank_before {
                pieces.push(Piece::Blank);
            }
            pieces.push(Piece::Element { index: next, trailing: None });
            inside = Some(*element);
            next += 1;
            continue;
        }
        let comment = &text[token.span.start()..token.span.end()];
        match (token.kind, pieces.last_mut()) {
            // A comment that ends an element's line stays there as written (`// …`, or `/* … */` on that line).
            (TokenKind::Comment, Some(Piece::Element { trailing: trailing @ None, .. })) if same_line && !comment.contains('\n') => {
                *trailing = Some(comment.trim_end_matches('\r'));
            }
            (TokenKind::Comment, _) => {
                if blank_before {
                    pieces.push(Piece::Blank);
                }
                pieces.push(Piece::Comment(comment));
            }
            _ => {
                return Err(FormatRefusal(format!("relplay does not know where `{}` goes in Prisma's layout.", first_line(comment))));
            }
        }
    }
    Ok(pieces)
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text).trim()
}

/// A comment's lines as Prisma writes them: `//` and `///` lines as they are; a `/* … */` block as
/// `/**`, ` * ` before each of its non-blank lines (a leading `*` taken off), and ` */`.
fn comment_lines(comment: &str) -> Vec<String> {
    let comment = comment.trim_end_matches('\r');
    let Some(inner) = comment.strip_prefix("/*") else { return vec![comment.to_string()] };
    let inner = inner.strip_suffix("*/").unwrap_or(inner);
    let mut lines = vec!["/**".to_string()];
    for line in inner.lines() {
        let line = line.trim();
        let line = line.strip_prefix('*').map_or(line, str::trim_start);
        if !line.is_empty() {
            lines.push(format!(" * {line}"));
        }
    }
    lines.push(" */".to_string());
    lines
}

/// Rows whose columns are aligned, as Prisma pads them: each column but a row's last is as wide
/// as the widest in the table (in bytes) plus one space; a row's suffix (its trailing comment, or a
/// comment line) follows after one space.
#[derive(Default)]
struct Table {
    rows: Vec<(Vec<String>, String)>,
}

impl Table {
    fn row(&mut self, columns: Vec<String>, suffix: &str) {
        self.rows.push((columns, suffix.to_string()));
    }

    fn blank(&mut self) {
        self.rows.push((Vec::new(), String::new()));
    }

    fn comment(&mut self, comment: &str) {
        for line in comment_lines(comment) {
            self.rows.push((Vec::new(), line));
        }
    }

    fn write(&mut self, out: &mut String) {
        for (columns, _) in &mut self.rows {
            while columns.last().is_some_and(String::is_empty) {
                columns.pop();
            }
        }
        let count = self.rows.iter().map(|(columns, _)| columns.len()).max().unwrap_or(0);
        let widths: Vec<usize> =
            (0..count).map(|i| self.rows.iter().filter_map(|(columns, _)| columns.get(i).map(String::len)).max().unwrap_or(0)).collect();
        for (columns, suffix) in self.rows.drain(..) {
            if columns.is_empty() && suffix.is_empty() {
                out.push('\n');
                continue;
            }
            out.push_str(INDENT);
            for (i, column) in columns.iter().enumerate() {
                out.push_str(column);
                if i + 1 < columns.len() {
                    out.push_str(&" ".repeat(widths[i] - column.len() + 1));
                }
            }
            if !suffix.is_empty() {
                if !columns.is_empty() {
                    out.push(' ');
                }
                out.push_str(&suffix);
            }
            out.push('\n');
        }
    }
}

/// A block body's pieces, with comment lines that follow each other as one comment block.
enum BodyPiece<'b, 't> {
    Line(&'b Line<'b>, &'t str),
    Comments(Vec<&'t str>),
    Blank,
}

/// The line-level parts of a block body, in source order.
enum Line<'b> {
    Field(&'b crate::syntax::prisma::ast::FieldDeclaration),
    Property(&'b crate::syntax::prisma::ast::ConfigProperty),
    Value(&'b crate::syntax::prisma::ast::EnumValue),
    BlockAttribute(&'b Attribute),
}

impl Line<'_> {
    fn span(&self) -> Span {
        match self {
            Line::Field(field) => field.span,
            Line::Property(property) => property.span,
            Line::Value(value) => value.span,
            Line::BlockAttribute(attribute) => attribute.span,
        }
    }
}

struct Printer<'t> {
    text: &'t str,
}

impl Printer<'_> {
    fn block(&self, block: &Block, tokens: &[Token], out: &mut String) -> Result<(), FormatRefusal> {
        let (keyword, name, span, mut lines) = match block {
            Block::Model(model) => {
                let keyword = match model.keyword {
                    ModelKeyword::Model => "model",
                    ModelKeyword::View => "view",
                    ModelKeyword::Type => "type",
                };
                let lines: Vec<Line> =
                    model.fields.iter().map(Line::Field).chain(model.attributes.iter().map(Line::BlockAttribute)).collect();
                (keyword, &model.name.name, model.span, lines)
            }
            Block::Enum(enumeration) => {
                let lines: Vec<Line> =
                    enumeration.values.iter().map(Line::Value).chain(enumeration.attributes.iter().map(Line::BlockAttribute)).collect();
                ("enum", &enumeration.name.name, enumeration.span, lines)
            }
            Block::Config(config) => {
                let keyword = match config.kind {
                    crate::syntax::prisma::ast::ConfigKind::Datasource => "datasource",
                    crate::syntax::prisma::ast::ConfigKind::Generator => "generator",
                };
                (keyword, &config.name.name, config.span, config.properties.iter().map(Line::Property).collect())
            }
        };
        lines.sort_by_key(|line| line.span().start());
        // The body: after the `{` that opens the block, up to the `}` that closes it.
        let open = tokens.iter().find(|t| t.kind == TokenKind::LeftBrace && t.span.start() >= span.start()).map(|t| t.span.end());
        let body = Span::new(open.unwrap_or(span.start()), span.end().saturating_sub(1));
        // A comment between the name and the `{`, or after the `{` on its line, has no place.
        if let Some(open) = open {
            let header = &self.text[span.start()..open];
            if header.contains("//") || header.contains("/*") {
                return Err(FormatRefusal(format!("A comment inside `{}` has no place in Prisma's layout.", first_line(header))));
            }
        }
        let spans: Vec<Span> = lines.iter().map(Line::span).collect();
        let pieces = pieces_between(self.text, tokens, body, &spans, true)?;
        out.push_str(&format!("{keyword} {name} {{\n"));
        self.body(&lines, &pieces, out);
        out.push_str("}\n");
        Ok(())
    }

    fn body(&self, lines: &[Line], pieces: &[Piece], out: &mut String) {
        // Comment lines with no blank line between them are one comment block.
        let mut grouped: Vec<BodyPiece> = Vec::new();
        for piece in pieces {
            match (piece, grouped.last_mut()) {
                (Piece::Comment(comment), Some(BodyPiece::Comments(block))) => block.push(comment),
                (Piece::Comment(comment), _) => grouped.push(BodyPiece::Comments(vec![comment])),
                (Piece::Blank, _) => grouped.push(BodyPiece::Blank),
                (Piece::Element { index, trailing }, _) => grouped.push(BodyPiece::Line(&lines[*index], trailing.unwrap_or(""))),
            }
        }
        let is_block_attribute = |piece: Option<&BodyPiece>| matches!(piece, Some(BodyPiece::Line(Line::BlockAttribute(_), _)));
        let mut table = Table::default();
        let mut attributes: Vec<(Vec<&str>, &Attribute, &str)> = Vec::new();
        // A comment block right above a block attribute moves with it.
        let mut comments_above: Vec<&str> = Vec::new();
        // Blank lines at the start of the body go.
        let first = grouped.iter().position(|piece| !matches!(piece, BodyPiece::Blank)).unwrap_or(grouped.len());
        let mut blank = false;
        for (index, piece) in grouped.iter().enumerate().skip(first) {
            let next = grouped.get(index + 1);
            match piece {
                BodyPiece::Blank => {
                    // Before a block attribute, a comment block or the end a blank line goes (the
                    // attributes get their own); before anything else it starts a new table.
                    blank = true;
                    if !(next.is_none() || is_block_attribute(next) || matches!(next, Some(BodyPiece::Comments(_)))) {
                        table.write(out);
                        table.blank();
                    }
                    continue;
                }
                BodyPiece::Comments(block) if is_block_attribute(next) => comments_above = block.clone(),
                BodyPiece::Comments(block) => {
                    if blank {
                        table.write(out);
                        table.blank();
                    }
                    for comment in block {
                        table.comment(comment);
                    }
                }
                BodyPiece::Line(line, trailing) => match line {
                    Line::Field(field) => {
                        let field_type = field.field_type.as_ref().map(|t| self.field_type(t)).unwrap_or_default();
                        let mut sorted: Vec<&Attribute> = field.attributes.iter().collect();
                        sorted.sort_by_key(|a| attribute_rank(&a.name.name));
                        let attributes = sorted.iter().map(|a| self.attribute(a)).collect::<Vec<_>>().join(" ");
                        table.row(vec![field.name.name.clone(), field_type, attributes], trailing);
                    }
                    Line::Property(property) => {
                        table.row(vec![property.name.name.clone(), format!("= {}", self.expression(&property.value))], trailing)
                    }
                    // Prisma writes an enum value's attributes into one column without spaces.
                    Line::Value(value) => table.row(
                        vec![value.name.name.clone(), value.attributes.iter().map(|a| self.attribute(a)).collect::<String>()],
                        trailing,
                    ),
                    Line::BlockAttribute(attribute) => attributes.push((std::mem::take(&mut comments_above), attribute, trailing)),
                },
            }
            blank = false;
        }
        table.write(out);
        if attributes.is_empty() {
            return;
        }
        table.blank();
        attributes.sort_by_key(|(_, attribute, _)| attribute_rank(&attribute.name.name));
        for (comments, attribute, trailing) in attributes {
            for comment in comments {
                table.comment(comment);
            }
            table.row(vec![self.attribute(attribute)], trailing);
        }
        table.write(out);
    }

    fn field_type(&self, field_type: &FieldType) -> String {
        let written = &self.text[field_type.span.start()..field_type.span.end()];
        let base = written.trim_end().trim_end_matches(['?', '[', ']', ' ']);
        let mark = match field_type.arity {
            Arity::Required => "",
            Arity::Optional => "?",
            Arity::List => "[]",
        };
        format!("{base}{mark}")
    }

    fn attribute(&self, attribute: &Attribute) -> String {
        let at = if attribute.is_block_attribute { "@@" } else { "@" };
        let arguments = if attribute.has_parentheses { format!("({})", self.arguments(&attribute.arguments)) } else { String::new() };
        format!("{at}{}{arguments}", attribute.name.name)
    }

    fn arguments(&self, arguments: &[Argument]) -> String {
        let written: Vec<String> = arguments
            .iter()
            .map(|argument| match &argument.name {
                Some(name) => format!("{}: {}", name.name, self.expression(&argument.value)),
                None => self.expression(&argument.value),
            })
            .collect();
        written.join(", ")
    }

    fn expression(&self, expression: &Expression) -> String {
        match expression {
            Expression::String { span, .. } | Expression::Missing { span } => self.text[span.start()..span.end()].to_string(),
            Expression::Number { text, .. } => text.clone(),
            Expression::Constant { name, .. } => name.clone(),
            Expression::Array { items, .. } => {
                format!("[{}]", items.iter().map(|item| self.expression(item)).collect::<Vec<_>>().join(", "))
            }
            Expression::Call { name, arguments, .. } => format!("{}({})", name.name, self.arguments(arguments)),
        }
    }
}

fn attribute_rank(name: &str) -> usize {
    ATTRIBUTE_ORDER.iter().position(|known| *known == name).unwrap_or(ATTRIBUTE_ORDER.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_align_in_tables_that_blank_lines_end() {
        let text = "model User {\n  id Int @id   @default(autoincrement())\n  email String @unique\n\n  posts Post[]\n}\n";
        assert_eq!(
            format(text).unwrap(),
            "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n\n  posts Post[]\n}\n"
        );
    }

    #[test]
    fn attributes_take_prismas_order_and_block_attributes_follow_a_blank_line() {
        let text = "model A {\n  id Int @map(\"a_id\") @default(1) @id\n  b Int\n  @@map(\"a\")\n  // the pair\n  @@unique([ id,b ])\n}\n";
        assert_eq!(
            format(text).unwrap(),
            "model A {\n  id Int @id @default(1) @map(\"a_id\")\n  b  Int\n\n  // the pair\n  @@unique([id, b])\n  @@map(\"a\")\n}\n"
        );
    }

    #[test]
    fn comments_stay_and_block_comments_take_prismas_shape() {
        let text = "// top\ndatasource db {\nprovider=\"postgresql\"\n  relationMode = \"prisma\" // emulated\n}\n/* a\n   b */\nenum Role {\n  USER @map(\"user\")\n  ADMIN\n}";
        assert_eq!(
            format(text).unwrap(),
            "// top\ndatasource db {\n  provider     = \"postgresql\"\n  relationMode = \"prisma\" // emulated\n}\n\n/**\n * a\n * b\n */\nenum Role {\n  USER  @map(\"user\")\n  ADMIN\n}\n"
        );
    }

    #[test]
    fn a_comment_after_a_closing_brace_goes_below_it_where_prisma_settles() {
        // Prisma's formatter writes `}\n// end` on one pass and `}\n\n// end` on the next.
        let text = "model A {\n  id Int @id\n} // end\nmodel B {\n  id Int @id\n}\n";
        let settled = "model A {\n  id Int @id\n}\n\n// end\nmodel B {\n  id Int @id\n}\n";
        assert_eq!(format(text).unwrap(), settled);
        assert_eq!(format(settled).unwrap(), settled);
        // The fuzzer's finding: a documentation comment on the last block's closing line.
        let found = include_str!("../../tests/fixtures/fuzz/pipeline-format-comment-after-brace.prisma");
        let once = format(found).unwrap();
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn formatting_twice_changes_nothing_more() {
        for example in crate::examples::EXAMPLES {
            let once = format(example.source).unwrap();
            assert_eq!(format(&once).unwrap(), once, "{}", example.id);
        }
    }

    #[test]
    fn a_schema_with_syntax_errors_is_left_as_written() {
        let refusal = format("model A {\n  id Int @id(\n}\n").unwrap_err();
        assert!(refusal.0.contains("syntax errors"), "{refusal:?}");
    }
}
