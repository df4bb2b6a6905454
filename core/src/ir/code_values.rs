//! Option values read from ORM code: a literal, or a `T001` at the value where it is written but
//! cannot be known without running the code (an imported constant, a call), in which case the
//! option is read as if absent. Shared by the TypeORM and Sequelize readers.

use crate::diagnostic::{catalog, Diagnostic};
use crate::syntax::typescript::{Expr, Node};

/// A string option, or a `T001` where it is written but not a literal.
pub(crate) fn literal_string(value: &Node<Expr>, option: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match value.as_str() {
        Some(s) => Some(s.to_string()),
        None => {
            diagnostics.push(catalog::not_known_statically(value.span, option));
            None
        }
    }
}

/// A boolean option, or a `T001` where it is written but not `true` or `false`.
pub(crate) fn literal_bool(value: &Node<Expr>, option: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<bool> {
    match value.as_bool() {
        Some(b) => Some(b),
        None => {
            diagnostics.push(catalog::not_known_statically(value.span, option));
            None
        }
    }
}

/// A whole-number option (a length, a precision), or a `T001` where it is written but not a
/// literal number.
pub(crate) fn literal_count(value: &Node<Expr>, option: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match &value.value {
        Expr::Number(text) if text.parse::<u32>().is_ok() => Some(text.clone()),
        _ => {
            diagnostics.push(catalog::not_known_statically(value.span, option));
            None
        }
    }
}
