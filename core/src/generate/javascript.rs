//! Writing JavaScript and TypeScript source text: string literals, identifiers and property
//! names, shared by the generators of the JavaScript ORMs (TypeORM, Sequelize, VibORM).

use crate::ir::{FieldType, Schema};

/// `value` as a double-quoted JavaScript string literal.
pub fn string_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Words that cannot name a variable or parameter in strict-mode JavaScript or TypeScript.
const RESERVED_WORDS: &[&str] = &[
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "arguments",
    "eval",
];

/// Whether `name` can be written bare as an identifier.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$');
    starts_well && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// `name` as a variable or parameter name: itself when it is an identifier that is not reserved,
/// otherwise made into one (`class` → `class_`, `first name` → `first_name`).
pub fn variable_name(name: &str) -> String {
    let mut out: String = name.chars().map(|c| if c.is_alphanumeric() || c == '_' || c == '$' { c } else { '_' }).collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if RESERVED_WORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// `name` as an object key or class member: bare when it is an identifier, else quoted.
pub fn property_name(name: &str) -> String {
    if is_identifier(name) {
        name.to_string()
    } else {
        string_literal(name)
    }
}

/// `object.name`, or `object["name"]` when `name` is not an identifier.
pub fn member_access(object: &str, name: &str) -> String {
    if is_identifier(name) {
        format!("{object}.{name}")
    } else {
        format!("{object}[{}]", string_literal(name))
    }
}

/// The TypeScript type of a value of `field_type` as the JavaScript drivers return it: 64-bit
/// integers and decimals come back as strings, so they are typed as strings.
pub fn typescript_type(schema: &Schema, field_type: &FieldType) -> String {
    match field_type {
        FieldType::Int | FieldType::Float => "number".into(),
        FieldType::BigInt | FieldType::Decimal | FieldType::String => "string".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::DateTime => "Date".into(),
        FieldType::Json | FieldType::Unsupported(_) => "unknown".into(),
        FieldType::Bytes => "Buffer".into(),
        FieldType::Enum(name) if schema.enums.iter().any(|e| &e.name == name) => variable_name(name),
        FieldType::Enum(_) => "string".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_quotes_and_control_characters() {
        assert_eq!(string_literal("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(string_literal("\u{1}"), r#""\u0001""#);
    }

    #[test]
    fn reserved_and_odd_names_become_variables() {
        assert_eq!(variable_name("class"), "class_");
        assert_eq!(variable_name("first name"), "first_name");
        assert_eq!(variable_name("1st"), "_1st");
        assert_eq!(variable_name("user"), "user");
    }

    #[test]
    fn property_names_are_quoted_only_when_needed() {
        assert_eq!(property_name("userId"), "userId");
        assert_eq!(property_name("user id"), "\"user id\"");
        assert_eq!(member_access("u", "user id"), "u[\"user id\"]");
    }
}
