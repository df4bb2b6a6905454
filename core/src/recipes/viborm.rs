//! VibORM's recipes: its client follows Prisma Client's API (`findUnique` with `include`, nested
//! `create`, `connect`/`disconnect`, `is`/`some` filters, `count`, `delete`), so they are written by
//! the same writer as Prisma's (`prisma.rs`), with VibORM's accessors (the schema's keys) and
//! without what its documentation does not have (`_count`).

use super::prisma::{client_recipes, ClientApi};
use super::Recipes;
use crate::generate::Target;
use crate::ir::Schema;
use crate::options::VibOrmOptions;

pub(super) fn recipes(schema: &Schema, options: VibOrmOptions) -> Recipes {
    client_recipes(schema, Target::VibOrm(options), ClientApi::VibOrm, "")
}
