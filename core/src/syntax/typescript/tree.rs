//! The part of a TypeScript or JavaScript module the ORM readers look at, owned and with spans
//! into the whole source text: classes with their decorators and properties, enums, imports, and
//! the top-level calls and variables. Expressions are kept as far as a reader can use them
//! statically (literals, names, member chains, arrays, objects, arrow functions, calls); anything
//! else is [`Expr::Other`], which a reader reports as "not known statically".

use crate::span::Span;

/// A value with the span it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Node<T> {
    pub fn new(value: T, span: Span) -> Self {
        Node { value, span }
    }
}

/// Every file of a source, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Module {
    pub files: Vec<File>,
}

impl Module {
    /// Every class of every file, in source order.
    pub fn classes(&self) -> impl Iterator<Item = &Class> {
        self.files.iter().flat_map(|f| &f.classes)
    }

    pub fn enums(&self) -> impl Iterator<Item = &Enum> {
        self.files.iter().flat_map(|f| &f.enums)
    }
}

/// One file (a `// @filename:` section of the text, or the whole text).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    /// The name given by the `// @filename:` line, if any.
    pub path: Option<String>,
    /// Where the file's code stands in the whole text.
    pub span: Span,
    pub imports: Vec<Import>,
    pub classes: Vec<Class>,
    pub enums: Vec<Enum>,
    /// Expression statements at the top level and inside top-level functions (where
    /// `Model.init(…)` and `User.hasOne(Profile)` are written), in source order.
    pub calls: Vec<Node<Expr>>,
    /// `const x = …` declarations at the top level and inside top-level functions.
    pub variables: Vec<Variable>,
}

/// `import { a, b as c } from "source"` (or a default or namespace import).
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub source: String,
    /// The local names it binds.
    pub names: Vec<String>,
    /// Where its last named specifier ends (`import { A, B| }`), where a fix adds a name.
    pub specifiers_end: Option<usize>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    pub name: Node<String>,
    pub value: Node<Expr>,
}

/// A class declaration (exported or not).
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub name: Option<Node<String>>,
    /// The class it extends, when that is a name (`extends BaseEntity`, `extends Model`).
    pub extends: Option<Node<String>>,
    pub decorators: Vec<Decorator>,
    pub properties: Vec<Property>,
    pub is_abstract: bool,
    /// The JSDoc comment above it, without the comment markers.
    pub documentation: Option<String>,
    pub span: Span,
}

/// `@Name(arguments)`, or `@Name` without a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Decorator {
    /// The decorator's name: the last part of `@typeorm.Entity`, or `Entity`.
    pub name: String,
    pub arguments: Vec<Node<Expr>>,
    /// Whether it is called (`@Entity()` rather than `@Entity`).
    pub called: bool,
    /// Where its name ends (`@Column|(`), where a fix inserts arguments.
    pub name_end: usize,
    pub span: Span,
}

/// A class property (`@Column() name: string;`).
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub name: Node<String>,
    pub decorators: Vec<Decorator>,
    pub type_annotation: Option<Node<TypeAnnotation>>,
    /// `name?: T`.
    pub optional: bool,
    pub is_static: bool,
    pub documentation: Option<String>,
    /// The whitespace before the property's first line, for fixes that add a decorator.
    pub indent: String,
    pub span: Span,
}

impl Property {
    pub fn decorator(&self, name: &str) -> Option<&Decorator> {
        self.decorators.iter().find(|d| d.name == name)
    }
}

impl Class {
    pub fn decorator(&self, name: &str) -> Option<&Decorator> {
        self.decorators.iter().find(|d| d.name == name)
    }
}

/// `enum Role { Admin = "admin", User = "user" }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    pub name: Node<String>,
    pub members: Vec<EnumMember>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumMember {
    pub name: Node<String>,
    /// Its initializer, if written.
    pub value: Option<Node<Expr>>,
}

/// A TypeScript type, as far as a reader needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeAnnotation {
    /// `string`, `number`, `boolean`, `null`, `undefined`, `any`, `bigint`, `object`, `unknown`.
    Keyword(&'static str),
    /// A named type with its type arguments: `Date`, `Promise<User>`, `Relation<User>`.
    Named {
        name: String,
        arguments: Vec<TypeAnnotation>,
    },
    Array(Box<TypeAnnotation>),
    Union(Vec<TypeAnnotation>),
    /// A string or number literal type (`"admin"`).
    Literal(String),
    Other,
}

impl TypeAnnotation {
    /// The type without `null` and `undefined` members, and whether it had any.
    pub fn without_null(&self) -> (TypeAnnotation, bool) {
        match self {
            TypeAnnotation::Union(members) => {
                let kept: Vec<TypeAnnotation> =
                    members.iter().filter(|m| !matches!(m, TypeAnnotation::Keyword("null" | "undefined"))).cloned().collect();
                let had_null = kept.len() < members.len();
                match kept.len() {
                    1 => (kept.into_iter().next().expect("one member"), had_null),
                    _ => (TypeAnnotation::Union(kept), had_null),
                }
            }
            other => (other.clone(), false),
        }
    }
}

/// An expression, as far as it can be read without running the code.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    String(String),
    /// A number, as written.
    Number(String),
    Bool(bool),
    Null,
    Identifier(String),
    /// `object.property`.
    Member(Box<Node<Expr>>, String),
    Array(Vec<Node<Expr>>),
    Object(Vec<ObjectEntry>),
    /// `(a, b) => body`, with an expression body or the value of its `return`.
    Arrow {
        params: Vec<String>,
        body: Option<Box<Node<Expr>>>,
    },
    Call {
        callee: Box<Node<Expr>>,
        arguments: Vec<Node<Expr>>,
    },
    New {
        callee: Box<Node<Expr>>,
        arguments: Vec<Node<Expr>>,
    },
    /// A template literal without substitutions.
    Template(String),
    /// `-1`, `!x` and the like, kept as written.
    Unary(String, Box<Node<Expr>>),
    /// `test ? consequent : alternate`, its two values (the test is not kept: readers take what
    /// both branches agree on, as with a type chosen by database).
    Conditional(Box<Node<Expr>>, Box<Node<Expr>>),
    /// Nested deeper than the reader follows.
    TooDeep,
    /// Anything else (a function call result, a conditional, a computed key…).
    Other,
}

/// The key of a spread entry (`{ ...id() }`) while files are read; none is left in a parsed module.
pub const SPREAD_KEY: &str = "...";

/// `key: value` in an object literal (`key` alone for a shorthand property).
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectEntry {
    pub key: Node<String>,
    pub value: Node<Expr>,
}

impl Node<Expr> {
    /// The string value of a string literal or a template without substitutions.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Expr::String(s) | Expr::Template(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Expr::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The entries of an object literal.
    pub fn as_object(&self) -> Option<&[ObjectEntry]> {
        match &self.value {
            Expr::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value of `key` in an object literal (the last one, as JavaScript keeps it).
    pub fn get(&self, key: &str) -> Option<&Node<Expr>> {
        self.as_object()?.iter().rev().find(|e| e.key.value == key).map(|e| &e.value)
    }

    /// `a.b.c` as `["a", "b", "c"]`, for a chain of names.
    pub fn path(&self) -> Option<Vec<&str>> {
        match &self.value {
            Expr::Identifier(name) => Some(vec![name.as_str()]),
            Expr::Member(object, property) => {
                let mut path = object.path()?;
                path.push(property);
                Some(path)
            }
            _ => None,
        }
    }
}
