//! oxc's syntax tree, copied into the owned [`super::tree`]: only the nodes the ORM readers look
//! at, every span moved by the file's offset in the whole text.

use super::tree::*;
use crate::diagnostic::{catalog, Diagnostic};
use crate::span::Span;
use oxc_allocator::Allocator;
use oxc_ast::ast;
use oxc_span::{GetSpan, SourceType};

/// How deep an expression is followed; deeper parts are [`Expr::TooDeep`]. A method chain takes
/// two levels a call, and real models chain dozens (dub's `programEnrollment`: 26 calls after
/// `s.model`), so the bound is well above that and still far from the stack's limit.
const MAX_EXPRESSION_DEPTH: usize = 160;

/// How many more `<` than `>` a file may have and still be read as TypeScript.
const MAX_UNCLOSED_ANGLES: usize = 12;

/// How many `<` may be open at once, brackets and statements counted (see [`open_angles`]), in a
/// file read as TypeScript. Real code stays at two or three (`Promise<Array<Post>>`); every model
/// of the corpora at one.
const MAX_OPEN_ANGLES: usize = 8;

/// How deep functions inside functions are walked for definitions and calls.
const MAX_FUNCTION_DEPTH: usize = 6;

/// Parses one file whose code starts at `base` in the whole text.
pub fn parse_file(code: &str, base: usize, path: Option<&str>) -> (File, Vec<Diagnostic>) {
    let allocator = Allocator::default();
    let source_type = path.and_then(|p| SourceType::from_path(p).ok()).unwrap_or_else(SourceType::ts);
    // Decorators are written in JavaScript files too (Babel's legacy decorators): read them as TypeScript.
    let source_type = if source_type.is_javascript() { SourceType::ts() } else { source_type };
    // TypeScript reads every `<` as a possible type argument list and backtracks when it is not
    // one; with dozens of unclosed ones that takes exponential time and memory (found by fuzzing:
    // 400 bytes, 2 s and 1.5 GB). Real code closes its `<`s (comparisons are few), so text with many
    // more `<` than `>` is read as JavaScript, where `<` is only less-than.
    let opened = code.bytes().filter(|b| *b == b'<').count();
    // (`=>` closes nothing.)
    let closed = code.as_bytes().windows(2).filter(|w| w[1] == b'>' && w[0] != b'=').count() + usize::from(code.starts_with('>'));
    // Unclosed `<`s nested in brackets cost as much with fewer of them (found by fuzzing again:
    // 428 bytes of `<{[` with as many `>` took 24 GB): so does a text with many `<` open at once.
    let unclosed = opened > closed + MAX_UNCLOSED_ANGLES || open_angles(code) > MAX_OPEN_ANGLES;
    let source_type = if unclosed { SourceType::mjs() } else { source_type };
    let guarded = without_cooked_backslash_u(code);
    let parsed = oxc_parser::Parser::new(&allocator, &guarded, source_type).parse();
    let mut diagnostics = Vec::new();
    for error in parsed.diagnostics.iter() {
        let span = error
            .labels
            .first()
            .map_or(Span::at(base), |label| Span::new(base + label.offset() as usize, base + (label.offset() + label.len()) as usize));
        diagnostics.push(catalog::code_syntax_error(span, &error.message));
    }
    let mut converter = Converter {
        base,
        code,
        comments: parsed.program.comments.iter().map(|c| (c.span.start, c.span.end)).collect(),
        file: File::default(),
        current_class: None,
        constants: std::collections::HashMap::new(),
    };
    converter.statements(&parsed.program.body, 0);
    (converter.file, diagnostics)
}

/// The most `<` open at once in `code`: a `<` stays open until a `>` (not `=>`) closes it, the
/// bracket it was opened in closes, or a `;` ends its statement; strings and comments are
/// skipped. Each open `<` is a place where TypeScript may be reading type arguments, which oxc
/// tries and backtracks from, so the cost doubles with each.
fn open_angles(code: &str) -> usize {
    let bytes = code.as_bytes();
    // The open `<` of each bracket around the current position.
    let mut frames: Vec<usize> = vec![0];
    let (mut open, mut most, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = code[i..].find('\n').map_or(bytes.len(), |end| i + end);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = code[i + 2..].find("*/").map_or(bytes.len(), |end| i + 2 + end + 1);
            }
            b'<' => {
                *frames.last_mut().expect("never empty") += 1;
                open += 1;
                most = most.max(open);
            }
            b'>' if i > 0 && bytes[i - 1] == b'=' => {}
            b'>' => {
                let frame = frames.last_mut().expect("never empty");
                if *frame > 0 {
                    *frame -= 1;
                    open -= 1;
                }
            }
            b'(' | b'[' | b'{' => frames.push(0),
            b')' | b']' | b'}' if frames.len() > 1 => open -= frames.pop().expect("more than one"),
            b';' => {
                let frame = frames.last_mut().expect("never empty");
                open -= *frame;
                *frame = 0;
            }
            _ => {}
        }
        i += 1;
    }
    most
}

/// `code` with every `u` that follows an escaped backslash (`\\u`, `\x5cu`, `\u005cu`, `\u{5c}u`,
/// `\134u`, also across a line continuation) made a `v`, byte for byte, so every span stays.
///
/// oxc_parser 0.146 checks a string used as an import or export name (`import { "…" as x }`) by
/// looking for `\u` in its value and slicing the four bytes after it, which panics when fewer are
/// left or a character straddles them (found by fuzzing: 33 bytes took the TypeORM reader down).
/// Newer oxc fixes that but needs a newer rustc; no schema depends on such a string's value.
fn without_cooked_backslash_u(code: &str) -> std::borrow::Cow<'_, str> {
    let bytes = code.as_bytes();
    if !bytes.contains(&b'\\') {
        return std::borrow::Cow::Borrowed(code);
    }
    let hits: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'u' && cooks_to_backslash_before(&bytes[..i])).collect();
    if hits.is_empty() {
        return std::borrow::Cow::Borrowed(code);
    }
    let mut guarded = bytes.to_vec();
    for i in hits {
        guarded[i] = b'v';
    }
    // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(guarded).expect("ASCII for ASCII keeps UTF-8"))
}

/// Whether the text before a `u` ends (past any line continuations) with an escape that stands
/// for a backslash, itself not escaped.
fn cooks_to_backslash_before(before: &[u8]) -> bool {
    let mut end = before.len();
    // A line continuation (`\` and a line break) adds nothing to the value.
    loop {
        let text = &before[..end];
        let line_break = if text.ends_with(b"\r\n") {
            2
        } else if text.ends_with(b"\n") || text.ends_with(b"\r") {
            1
        } else if text.ends_with("\u{2028}".as_bytes()) || text.ends_with("\u{2029}".as_bytes()) {
            3
        } else {
            0
        };
        if line_break == 0
            || end < line_break + 1
            || before[end - line_break - 1] != b'\\'
            || !escape_starts(&before[..end - line_break - 1])
        {
            break;
        }
        end -= line_break + 1;
    }
    let text = &before[..end];
    let lower: Vec<u8> = text[text.len().saturating_sub(12)..].to_ascii_lowercase();
    let escapes: [&[u8]; 5] = [b"\\\\", b"\\x5c", b"\\u005c", b"\\134", b"\\u{5c}"];
    if escapes.iter().any(|escape| lower.ends_with(escape) && escape_starts(&text[..text.len() - escape.len()])) {
        return true;
    }
    // `\u{005c}` and other zero-padded forms.
    let Some(open) = lower.iter().rposition(|b| *b == b'{').filter(|&open| open >= 2 && lower.ends_with(b"}")) else {
        return false;
    };
    let digits = &lower[open + 1..lower.len() - 1];
    &lower[open - 2..open] == b"\\u"
        && !digits.is_empty()
        && digits.iter().all(u8::is_ascii_hexdigit)
        && u32::from_str_radix(std::str::from_utf8(digits).unwrap_or("0"), 16) == Ok(0x5c)
        && escape_starts(&text[..text.len() - (lower.len() - open) - 2])
}

/// Whether a backslash right after `before` starts an escape (it follows an even run of them).
fn escape_starts(before: &[u8]) -> bool {
    before.iter().rev().take_while(|b| **b == b'\\').count() % 2 == 0
}

struct Converter<'c> {
    base: usize,
    code: &'c str,
    /// Comment spans (local offsets), in source order.
    comments: Vec<(u32, u32)>,
    file: File,
    /// The class whose methods are being walked.
    current_class: Option<String>,
    /// Top-level `const NAME = "text"` (or a number): a name that stands for its literal in the
    /// rest of the file (`tableName: SHOE_TABLE_NAME`).
    constants: std::collections::HashMap<String, Expr>,
}

impl Converter<'_> {
    fn span(&self, span: oxc_span::Span) -> Span {
        Span::new(self.base + span.start as usize, self.base + span.end as usize)
    }

    fn statements(&mut self, statements: &[ast::Statement], depth: usize) {
        for statement in statements {
            self.statement(statement, depth);
        }
    }

    /// The body of a function written at `depth`, walked when it is not nested too deep: models
    /// are defined in factories (`module.exports = (sequelize) => { … }`) and associated in
    /// `associate(models) { … }`.
    fn function_body(&mut self, body: Option<&ast::FunctionBody>, depth: usize) {
        if let Some(body) = body.filter(|_| depth < MAX_FUNCTION_DEPTH) {
            self.statements(&body.statements, depth + 1);
        }
    }

    fn statement(&mut self, statement: &ast::Statement, depth: usize) {
        match statement {
            ast::Statement::ImportDeclaration(import) if depth == 0 => {
                let names = import
                    .specifiers
                    .iter()
                    .flatten()
                    .map(|s| match s {
                        ast::ImportDeclarationSpecifier::ImportSpecifier(s) => s.local.name.to_string(),
                        ast::ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => s.local.name.to_string(),
                        ast::ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => s.local.name.to_string(),
                    })
                    .collect();
                let specifiers_end = import.specifiers.iter().flatten().rev().find_map(|s| match s {
                    ast::ImportDeclarationSpecifier::ImportSpecifier(s) => Some(self.base + s.span.end as usize),
                    _ => None,
                });
                self.file.imports.push(Import {
                    source: import.source.value.to_string(),
                    names,
                    specifiers_end,
                    span: self.span(import.span),
                });
            }
            ast::Statement::ClassDeclaration(class) => self.class(class, None, depth),
            ast::Statement::TSEnumDeclaration(declaration) => self.enumeration(declaration),
            ast::Statement::VariableDeclaration(declaration) => self.variables(declaration, depth),
            ast::Statement::FunctionDeclaration(function) => self.function_body(function.body.as_deref(), depth),
            ast::Statement::ExportDeclaration(export) => match &export.declaration {
                ast::Declaration::ClassDeclaration(class) => self.class(class, Some(export.span), depth),
                ast::Declaration::TSEnumDeclaration(declaration) => self.enumeration(declaration),
                ast::Declaration::VariableDeclaration(declaration) => self.variables(declaration, depth),
                ast::Declaration::FunctionDeclaration(function) => self.function_body(function.body.as_deref(), depth),
                _ => {}
            },
            ast::Statement::ExportDefaultDeclaration(export) => match &export.declaration {
                ast::ExportDefaultDeclarationKind::ClassDeclaration(class) => self.class(class, Some(export.span), depth),
                ast::ExportDefaultDeclarationKind::FunctionDeclaration(function) => self.function_body(function.body.as_deref(), depth),
                other => {
                    if let Some(expression) = other.as_expression() {
                        self.expression_statement(expression, depth);
                    }
                }
            },
            ast::Statement::ExpressionStatement(statement) => self.expression_statement(&statement.expression, depth),
            ast::Statement::ReturnStatement(statement) => {
                if let Some(argument) = &statement.argument {
                    self.expression_statement(argument, depth);
                }
            }
            ast::Statement::BlockStatement(block) => self.statements(&block.body, depth),
            ast::Statement::IfStatement(statement) => {
                self.statement(&statement.consequent, depth);
                if let Some(alternate) = &statement.alternate {
                    self.statement(alternate, depth);
                }
            }
            _ => {}
        }
    }

    /// An expression written as a statement (or returned): kept as a call, and the bodies of the
    /// functions it assigns or passes walked.
    fn expression_statement(&mut self, expression: &ast::Expression, depth: usize) {
        let node = self.expression(expression, 0);
        self.file.calls.push(node);
        self.functions_in(expression, depth);
    }

    /// Walks the functions an expression assigns, passes or is.
    fn functions_in(&mut self, expression: &ast::Expression, depth: usize) {
        match expression.without_parentheses() {
            ast::Expression::ArrowFunctionExpression(f) => {
                if let ast::ArrowFunctionBody::FunctionBody(body) = &f.body {
                    self.function_body(Some(body), depth);
                }
            }
            ast::Expression::FunctionExpression(f) => self.function_body(f.body.as_deref(), depth),
            ast::Expression::AssignmentExpression(assignment) => self.functions_in(&assignment.right, depth),
            ast::Expression::CallExpression(call) => {
                for argument in &call.arguments {
                    if let Some(argument) = argument.as_expression() {
                        self.functions_in(argument, depth);
                    }
                }
            }
            ast::Expression::ClassExpression(class) => self.class(class, None, depth),
            _ => {}
        }
    }

    fn variables(&mut self, declaration: &ast::VariableDeclaration, depth: usize) {
        for declarator in &declaration.declarations {
            // `const { User, Post } = sequelize.models`: each name bound to `init.User`, `init.Post`.
            if let (ast::BindingPattern::ObjectPattern(pattern), Some(init)) = (&declarator.id, &declarator.init) {
                let object = self.expression(init, 0);
                for property in &pattern.properties {
                    let (ast::PropertyKey::StaticIdentifier(key), ast::BindingPattern::BindingIdentifier(local)) =
                        (&property.key, &property.value)
                    else {
                        continue;
                    };
                    let value = Node::new(Expr::Member(Box::new(object.clone()), key.name.to_string()), self.span(property.span));
                    self.file.variables.push(Variable { name: Node::new(local.name.to_string(), self.span(local.span)), value });
                }
                continue;
            }
            let (ast::BindingPattern::BindingIdentifier(id), Some(init)) = (&declarator.id, &declarator.init) else { continue };
            if let ast::Expression::ClassExpression(class) = init.without_parentheses() {
                self.class(class, Some(declarator.span), depth);
                if let Some(last) = self.file.classes.last_mut() {
                    last.name.get_or_insert(Node::new(
                        id.name.to_string(),
                        Span::new(self.base + id.span.start as usize, self.base + id.span.end as usize),
                    ));
                }
                continue;
            }
            let value = self.expression(init, 0);
            // Top-level literal constants, and constants chosen by a condition at any depth
            // (`const stringType = sequelize.getDialect() === "mysql" ? … : …`), stand for their
            // value where they are used after.
            let literal = depth == 0 && matches!(value.value, Expr::String(_) | Expr::Number(_));
            if declaration.kind == ast::VariableDeclarationKind::Const && (literal || matches!(value.value, Expr::Conditional(..))) {
                self.constants.insert(id.name.to_string(), value.value.clone());
            }
            self.file.variables.push(Variable { name: Node::new(id.name.to_string(), self.span(id.span)), value });
            self.functions_in(init, depth);
        }
    }

    fn class(&mut self, class: &ast::Class, outer: Option<oxc_span::Span>, depth: usize) {
        let mut start = outer.map_or(class.span.start, |o| o.start);
        for decorator in &class.decorators {
            start = start.min(decorator.span.start);
        }
        let extends = class.heritage.as_ref().and_then(|h| {
            let node = self.expression(&h.expression, 0);
            let path = node.path()?.join(".");
            Some(Node::new(path, node.span))
        });
        let mut properties = Vec::new();
        let mut methods = Vec::new();
        for element in &class.body.body {
            match element {
                ast::ClassElement::PropertyDefinition(property) => {
                    if let Some(property) = self.property(property) {
                        properties.push(property);
                    }
                }
                // `static associate(models) { … }`: walked after the class is recorded.
                ast::ClassElement::MethodDefinition(method) => methods.push(method),
                _ => {}
            }
        }
        let converted = Class {
            name: class.id.as_ref().map(|id| Node::new(id.name.to_string(), self.span(id.span))),
            extends,
            decorators: class.decorators.iter().map(|d| self.decorator(d)).collect(),
            properties,
            is_abstract: class.r#abstract,
            documentation: self.documentation_before(start),
            span: Span::new(self.base + start as usize, self.base + class.span.end as usize),
        };
        let name = converted.name.as_ref().map(|n| n.value.clone());
        self.file.classes.push(converted);
        let outer = std::mem::replace(&mut self.current_class, name);
        for method in methods {
            self.function_body(method.value.body.as_deref(), depth);
        }
        self.current_class = outer;
    }

    fn property(&mut self, property: &ast::PropertyDefinition) -> Option<Property> {
        let name = match &property.key {
            ast::PropertyKey::StaticIdentifier(id) => Node::new(id.name.to_string(), self.span(id.span)),
            ast::PropertyKey::StringLiteral(s) => Node::new(s.value.to_string(), self.span(s.span)),
            _ => return None,
        };
        let mut start = property.span.start;
        for decorator in &property.decorators {
            start = start.min(decorator.span.start);
        }
        Some(Property {
            name,
            decorators: property.decorators.iter().map(|d| self.decorator(d)).collect(),
            type_annotation: property
                .type_annotation
                .as_ref()
                .map(|t| Node::new(type_annotation(&t.type_annotation, 0), self.span(t.type_annotation.span()))),
            optional: property.optional,
            is_static: property.r#static,
            documentation: self.documentation_before(start),
            indent: self.indent_at(start),
            span: Span::new(self.base + start as usize, self.base + property.span.end as usize),
        })
    }

    fn decorator(&mut self, decorator: &ast::Decorator) -> Decorator {
        let span = self.span(decorator.span);
        let (callee, arguments, called) = match decorator.expression.without_parentheses() {
            ast::Expression::CallExpression(call) => (&call.callee, self.arguments(&call.arguments, 0), true),
            other => (other, Vec::new(), false),
        };
        let callee_node = self.expression(callee, 0);
        let name = callee_node.path().and_then(|p| p.last().map(|s| s.to_string())).unwrap_or_default();
        Decorator { name, arguments, called, name_end: callee_node.span.end(), span }
    }

    fn enumeration(&mut self, declaration: &ast::TSEnumDeclaration) {
        let mut members = Vec::new();
        for member in &declaration.body.members {
            let name = match &member.id {
                ast::TSEnumMemberName::Identifier(id) => Node::new(id.name.to_string(), self.span(id.span)),
                ast::TSEnumMemberName::String(s) | ast::TSEnumMemberName::ComputedString(s) => {
                    Node::new(s.value.to_string(), self.span(s.span))
                }
                ast::TSEnumMemberName::ComputedTemplateString(t) => Node::new(String::new(), self.span(t.span)),
            };
            let value = member.initializer.as_ref().map(|e| self.expression(e, 0));
            members.push(EnumMember { name, value });
        }
        self.file.enums.push(Enum {
            name: Node::new(declaration.id.name.to_string(), self.span(declaration.id.span)),
            members,
            span: self.span(declaration.span),
        });
    }

    fn arguments(&mut self, arguments: &[ast::Argument], depth: usize) -> Vec<Node<Expr>> {
        arguments
            .iter()
            .map(|argument| match argument.as_expression() {
                Some(expression) => self.expression(expression, depth),
                None => Node::new(Expr::Other, self.span(argument.span())),
            })
            .collect()
    }

    fn expression(&mut self, expression: &ast::Expression, depth: usize) -> Node<Expr> {
        let span = self.span(expression.span());
        if depth > MAX_EXPRESSION_DEPTH {
            return Node::new(Expr::TooDeep, span);
        }
        let next = depth + 1;
        let value = match expression {
            ast::Expression::StringLiteral(s) => Expr::String(s.value.to_string()),
            ast::Expression::NumericLiteral(n) => Expr::Number(n.raw.as_ref().map_or_else(|| n.value.to_string(), |raw| raw.to_string())),
            // `0n`: the number, in base 10 (a BigInt default of a generated VibORM or Sequelize model).
            ast::Expression::BigIntLiteral(b) => Expr::Number(b.value.to_string()),
            ast::Expression::BooleanLiteral(b) => Expr::Bool(b.value),
            ast::Expression::NullLiteral(_) => Expr::Null,
            ast::Expression::Identifier(id) => match self.constants.get(id.name.as_str()) {
                Some(literal) => literal.clone(),
                None => Expr::Identifier(id.name.to_string()),
            },
            // Inside a class's methods, `this` is the class (`static associate() { this.hasMany(…) }`).
            ast::Expression::ThisExpression(_) => Expr::Identifier(self.current_class.clone().unwrap_or_else(|| "this".into())),
            ast::Expression::StaticMemberExpression(member) => {
                Expr::Member(Box::new(self.expression(&member.object, next)), member.property.name.to_string())
            }
            ast::Expression::ArrayExpression(array) => Expr::Array(
                array.elements.iter().filter_map(|element| element.as_expression()).map(|element| self.expression(element, next)).collect(),
            ),
            ast::Expression::ObjectExpression(object) => {
                let mut entries = Vec::new();
                for property in &object.properties {
                    let property = match property {
                        ast::ObjectPropertyKind::ObjectProperty(property) => property,
                        // `...id()`: kept under the key `...`, written out (or dropped) once every
                        // file is read (`helpers::write_out`).
                        ast::ObjectPropertyKind::SpreadProperty(spread) => {
                            let key = Node::new(SPREAD_KEY.to_string(), self.span(spread.span));
                            entries.push(ObjectEntry { key, value: self.expression(&spread.argument, next) });
                            continue;
                        }
                    };
                    let key = match &property.key {
                        ast::PropertyKey::StaticIdentifier(id) if !property.computed => id.name.to_string(),
                        ast::PropertyKey::StringLiteral(s) => s.value.to_string(),
                        ast::PropertyKey::NumericLiteral(n) => n.value.to_string(),
                        _ => continue,
                    };
                    let key = Node::new(key, self.span(property.key.span()));
                    let value = self.expression(&property.value, next);
                    entries.push(ObjectEntry { key, value });
                }
                Expr::Object(entries)
            }
            ast::Expression::ArrowFunctionExpression(function) => {
                let params = parameter_names(&function.params);
                let body = match &function.body {
                    ast::ArrowFunctionBody::FunctionBody(body) => self.returned(&body.statements, next),
                    other => other.as_expression().map(|e| Box::new(self.expression(e, next))),
                };
                Expr::Arrow { params, body }
            }
            ast::Expression::FunctionExpression(function) => {
                let body = function.body.as_ref().and_then(|b| self.returned(&b.statements, next));
                Expr::Arrow { params: parameter_names(&function.params), body }
            }
            ast::Expression::CallExpression(call) => {
                Expr::Call { callee: Box::new(self.expression(&call.callee, next)), arguments: self.arguments(&call.arguments, next) }
            }
            ast::Expression::NewExpression(call) => {
                Expr::New { callee: Box::new(self.expression(&call.callee, next)), arguments: self.arguments(&call.arguments, next) }
            }
            ast::Expression::TemplateLiteral(template) if template.expressions.is_empty() => Expr::Template(
                template
                    .quasis
                    .iter()
                    .map(|q| q.value.cooked.as_ref().map_or_else(|| q.value.raw.to_string(), |c| c.to_string()))
                    .collect(),
            ),
            ast::Expression::UnaryExpression(unary) => {
                Expr::Unary(unary.operator.as_str().to_string(), Box::new(self.expression(&unary.argument, next)))
            }
            ast::Expression::ConditionalExpression(conditional) => Expr::Conditional(
                Box::new(self.expression(&conditional.consequent, next)),
                Box::new(self.expression(&conditional.alternate, next)),
            ),
            ast::Expression::ParenthesizedExpression(inner) => return self.expression(&inner.expression, next),
            ast::Expression::AwaitExpression(inner) => return self.expression(&inner.argument, next),
            ast::Expression::TSAsExpression(inner) => return self.expression(&inner.expression, next),
            ast::Expression::TSSatisfiesExpression(inner) => return self.expression(&inner.expression, next),
            ast::Expression::TSNonNullExpression(inner) => return self.expression(&inner.expression, next),
            ast::Expression::AssignmentExpression(assignment) => {
                // `User.associate = function (models) { … }`: kept as a call-like pair for readers.
                let target = match &assignment.left {
                    ast::AssignmentTarget::StaticMemberExpression(member) => {
                        Some(Expr::Member(Box::new(self.expression(&member.object, next)), member.property.name.to_string()))
                    }
                    ast::AssignmentTarget::AssignmentTargetIdentifier(id) => Some(Expr::Identifier(id.name.to_string())),
                    _ => None,
                };
                match target {
                    Some(target) => Expr::Call {
                        callee: Box::new(Node::new(Expr::Identifier("=".into()), span)),
                        arguments: vec![Node::new(target, self.span(assignment.left.span())), self.expression(&assignment.right, next)],
                    },
                    None => Expr::Other,
                }
            }
            _ => Expr::Other,
        };
        Node::new(value, span)
    }

    /// The value of the first `return` among `statements`.
    fn returned(&mut self, statements: &[ast::Statement], depth: usize) -> Option<Box<Node<Expr>>> {
        statements.iter().find_map(|s| match s {
            ast::Statement::ReturnStatement(r) => r.argument.as_ref().map(|a| Box::new(self.expression(a, depth))),
            _ => None,
        })
    }

    /// The spaces and tabs between the start of the line and `offset`.
    fn indent_at(&self, offset: u32) -> String {
        let before = &self.code[..(offset as usize).min(self.code.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect()
    }

    /// The JSDoc comment that ends right before `start` (only whitespace between), without its
    /// markers.
    fn documentation_before(&self, start: u32) -> Option<String> {
        let index = self.comments.partition_point(|&(_, end)| end <= start);
        let &(comment_start, comment_end) = self.comments.get(index.checked_sub(1)?)?;
        let between = self.code.get(comment_end as usize..start as usize)?;
        let text = self.code.get(comment_start as usize..comment_end as usize)?;
        if !between.trim().is_empty() || !text.starts_with("/**") {
            return None;
        }
        let inner = text.trim_start_matches("/**").trim_end_matches("*/");
        let lines: Vec<&str> = inner.lines().map(|l| l.trim().trim_start_matches('*').trim()).collect();
        let joined = lines.join("\n").trim().to_string();
        (!joined.is_empty()).then_some(joined)
    }
}

fn parameter_names(params: &ast::FormalParameters) -> Vec<String> {
    params
        .items
        .iter()
        .map(|p| match &p.pattern {
            ast::BindingPattern::BindingIdentifier(id) => id.name.to_string(),
            _ => String::new(),
        })
        .collect()
}

fn type_annotation(ty: &ast::TSType, depth: usize) -> TypeAnnotation {
    if depth > MAX_EXPRESSION_DEPTH {
        return TypeAnnotation::Other;
    }
    match ty {
        ast::TSType::TSStringKeyword(_) => TypeAnnotation::Keyword("string"),
        ast::TSType::TSNumberKeyword(_) => TypeAnnotation::Keyword("number"),
        ast::TSType::TSBooleanKeyword(_) => TypeAnnotation::Keyword("boolean"),
        ast::TSType::TSBigIntKeyword(_) => TypeAnnotation::Keyword("bigint"),
        ast::TSType::TSNullKeyword(_) => TypeAnnotation::Keyword("null"),
        ast::TSType::TSUndefinedKeyword(_) => TypeAnnotation::Keyword("undefined"),
        ast::TSType::TSAnyKeyword(_) => TypeAnnotation::Keyword("any"),
        ast::TSType::TSUnknownKeyword(_) => TypeAnnotation::Keyword("unknown"),
        ast::TSType::TSObjectKeyword(_) => TypeAnnotation::Keyword("object"),
        ast::TSType::TSArrayType(array) => TypeAnnotation::Array(Box::new(type_annotation(&array.element_type, depth + 1))),
        ast::TSType::TSUnionType(union) => TypeAnnotation::Union(union.types.iter().map(|t| type_annotation(t, depth + 1)).collect()),
        ast::TSType::TSParenthesizedType(inner) => type_annotation(&inner.type_annotation, depth + 1),
        ast::TSType::TSTypeReference(reference) => {
            let name = type_name(&reference.type_name);
            let arguments = reference.type_arguments.iter().flat_map(|a| &a.params).map(|t| type_annotation(t, depth + 1)).collect();
            TypeAnnotation::Named { name, arguments }
        }
        ast::TSType::TSLiteralType(literal) => match &literal.literal {
            ast::TSLiteral::StringLiteral(s) => TypeAnnotation::Literal(s.value.to_string()),
            ast::TSLiteral::NumericLiteral(n) => TypeAnnotation::Literal(n.value.to_string()),
            _ => TypeAnnotation::Other,
        },
        _ => TypeAnnotation::Other,
    }
}

fn type_name(name: &ast::TSTypeName) -> String {
    match name {
        ast::TSTypeName::IdentifierReference(id) => id.name.to_string(),
        ast::TSTypeName::QualifiedName(qualified) => format!("{}.{}", type_name(&qualified.left), qualified.right.name),
        ast::TSTypeName::ThisExpression(_) => "this".into(),
    }
}

#[cfg(test)]
mod guard_tests {
    use super::without_cooked_backslash_u;

    #[test]
    fn a_u_after_an_escaped_backslash_becomes_a_v_in_every_escape_form() {
        for (code, guarded) in [
            (r#"import { "\\u" } from "x";"#, r#"import { "\\v" } from "x";"#),
            (r#"export { a as "\x5Cu" };"#, r#"export { a as "\x5Cv" };"#),
            (r#""\u005cu""#, r#""\u005cv""#),
            (r#""\u{5c}u""#, r#""\u{5c}v""#),
            (r#""\u{0005C}u""#, r#""\u{0005C}v""#),
            (r#""\134u""#, r#""\134v""#),
            ("\"\\\\\\\nu\"", "\"\\\\\\\nv\""),
        ] {
            assert_eq!(without_cooked_backslash_u(code), guarded, "{code}");
        }
    }

    #[test]
    fn unicode_escapes_and_plain_text_are_left_alone() {
        for code in [r#""\u0041""#, r#""\\\u0041""#, "const user = use(u);"] {
            assert_eq!(without_cooked_backslash_u(code), code, "{code}");
        }
    }

    #[test]
    fn open_angles_count_what_brackets_and_statements_leave_open() {
        use super::open_angles;
        assert_eq!(open_angles("let x: Promise<Array<Map<string, Set<number>>>> = f();"), 4);
        assert_eq!(open_angles("for (let i = 0; i < n; i++) { if (a < b && c < d) {} }\nconst f = (a) => a < 1;"), 2);
        assert_eq!(open_angles("// <<<<<<<<<<\nconst s = \"<<<<<<<<<<\"; /* <<<<<<<<<< */"), 0);
        assert_eq!(open_angles(&"<{[a".repeat(20)), 20);
    }

    #[test]
    fn the_fuzzers_export_name_reads_without_a_panic() {
        let (_, diagnostics) = super::parse_file(r#"import { "\\u" } from "typeorm";"#, 0, None);
        assert!(diagnostics.is_empty() || diagnostics.iter().all(|d| d.severity == crate::diagnostic::Severity::Error));
    }
}
