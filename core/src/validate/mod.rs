//! Validation of a lowered schema: rules about well-formed relations that a schema can break even
//! when every name resolves. One file per rule family; each rule reads the IR and reports
//! diagnostics built in [`crate::diagnostic::catalog`].

mod relations;

use crate::diagnostic::Diagnostic;
use crate::ir::Schema;

/// Runs every rule over `schema`.
pub fn validate(schema: &Schema) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    relations::check(schema, &mut diagnostics);
    diagnostics
}
