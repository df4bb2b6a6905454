//! The Prisma schema language: tokens ([`lexer`]), tree ([`ast`]) and parser ([`parser`]).
//!
//! Terms: a *block* is a top-level `model`, `view`, `enum`, `type`, `datasource` or `generator`
//! declaration; a *field attribute* starts with `@`, a *block attribute* with `@@`; an attribute's
//! *path* may be dotted (`@db.VarChar`).

pub mod ast;
pub mod lexer;
pub mod parser;

pub use parser::parse;
