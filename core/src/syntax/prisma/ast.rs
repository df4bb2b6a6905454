//! The syntax tree of a Prisma schema, as written. Names are not resolved here: a field's type is
//! just an identifier; the lowering pass decides whether it is a scalar, an enum or a model.

use crate::span::Span;

/// A name and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
    pub name: String,
    pub span: Span,
}

/// A whole schema file: its blocks in source order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SchemaFile {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Model(ModelBlock),
    Enum(EnumBlock),
    /// `datasource` or `generator`: a list of `key = value` properties.
    Config(ConfigBlock),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKeyword {
    Model,
    View,
    /// A MongoDB composite type (`type Address { … }`).
    Type,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelBlock {
    pub keyword: ModelKeyword,
    pub name: Identifier,
    pub fields: Vec<FieldDeclaration>,
    pub attributes: Vec<Attribute>,
    /// Doc comments (`///`) just above the block, without the slashes.
    pub documentation: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldDeclaration {
    pub name: Identifier,
    /// Missing when the line has a name and nothing after it (diagnosed by the parser).
    pub field_type: Option<FieldType>,
    pub attributes: Vec<Attribute>,
    pub documentation: Option<String>,
    /// A trailing `// …` comment on the same line.
    pub comment: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    Required,
    /// `Type?`
    Optional,
    /// `Type[]`
    List,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldType {
    /// The type name, or `Unsupported` for `Unsupported("…")`.
    pub name: Identifier,
    /// The database type text of `Unsupported("…")`.
    pub unsupported: Option<String>,
    pub arity: Arity,
    pub span: Span,
}

/// `@name(args)` on a field or `@@name(args)` on a block. The name may be dotted (`db.VarChar`).
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: Identifier,
    pub is_block_attribute: bool,
    pub arguments: Vec<Argument>,
    /// Whether the attribute was written with parentheses (`@id()` vs `@id`).
    pub has_parentheses: bool,
    pub span: Span,
}

/// The argument named `name` among `arguments` (of an attribute or a call such as `url(length: 500)`).
pub fn named_argument<'a>(arguments: &'a [Argument], name: &str) -> Option<&'a Argument> {
    arguments.iter().find(|a| a.name.as_ref().is_some_and(|n| n.name == name))
}

impl Attribute {
    /// The argument named `name`, or the first positional argument when `positional` allows it.
    pub fn argument(&self, name: &str, positional: bool) -> Option<&Argument> {
        named_argument(&self.arguments, name).or_else(|| if positional { self.arguments.iter().find(|a| a.name.is_none()) } else { None })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// `name: value`, or a positional argument when `None`.
    pub name: Option<Identifier>,
    pub value: Expression,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expression {
    String {
        value: String,
        span: Span,
    },
    Number {
        text: String,
        span: Span,
    },
    /// A bare name such as `Cascade`, `true` or an enum value.
    Constant {
        name: String,
        span: Span,
    },
    Array {
        items: Vec<Expression>,
        span: Span,
    },
    /// `now()`, `autoincrement()`, `uuid(7)`, `dbgenerated("…")`, also `sort: Desc` inside `id(…)`.
    Call {
        name: Identifier,
        arguments: Vec<Argument>,
        span: Span,
    },
    /// Where the parser expected a value and found none; the error is already reported.
    Missing {
        span: Span,
    },
}

impl Expression {
    pub fn span(&self) -> Span {
        match self {
            Expression::String { span, .. }
            | Expression::Number { span, .. }
            | Expression::Constant { span, .. }
            | Expression::Array { span, .. }
            | Expression::Call { span, .. }
            | Expression::Missing { span } => *span,
        }
    }

    /// The items of an array, or the expression itself as a one-item list (`fields: id`).
    pub fn as_list(&self) -> Vec<&Expression> {
        match self {
            Expression::Array { items, .. } => items.iter().collect(),
            other => vec![other],
        }
    }

    /// A constant's name, or a call's name (`[id(sort: Desc)]` names `id`).
    pub fn as_name(&self) -> Option<(&str, Span)> {
        match self {
            Expression::Constant { name, span } => Some((name, *span)),
            Expression::Call { name, .. } => Some((&name.name, name.span)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumBlock {
    pub name: Identifier,
    pub values: Vec<EnumValue>,
    pub attributes: Vec<Attribute>,
    pub documentation: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    pub name: Identifier,
    pub attributes: Vec<Attribute>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigKind {
    Datasource,
    Generator,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConfigBlock {
    pub kind: ConfigKind,
    pub name: Identifier,
    pub properties: Vec<ConfigProperty>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConfigProperty {
    pub name: Identifier,
    pub value: Expression,
    pub span: Span,
}

impl ConfigBlock {
    pub fn property(&self, name: &str) -> Option<&ConfigProperty> {
        self.properties.iter().find(|p| p.name.name == name)
    }
}
