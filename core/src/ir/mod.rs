//! The schema IR: the hub every source language lowers into and every generator reads from.
//!
//! Terms used throughout:
//! - An **entity** is a table-backed model. Its *name* is the model name in the source (`User`);
//!   its *table* is the database name (`users` after `@@map("users")`).
//! - A **field** is a column: its *name* is the property name, its *column* the database name.
//! - A **relation** joins two entities. For one-to-one and one-to-many it has a
//!   [`ForeignKey`] on the *owning side* (the entity whose table holds the FK columns); the other
//!   entity is the *referenced side*. An implicit many-to-many has a [`JoinTable`] instead.
//! - A **navigation** is a property on an entity that follows a relation (`user.profile`). It has no
//!   column. A relation has at most one navigation per side.
//! - Referential actions are always the *effective* ones: the source language's defaults applied.
//!
//! The IR serialises to JSON (`relplay convert --to json`); `docs/ir.md` documents the format.

pub mod comments;
pub mod declarations;
#[cfg(any(feature = "sql-reader", feature = "code-readers"))]
pub(crate) mod declared_types;
mod index;
mod join_models;
mod model;
pub mod relations;

#[cfg(feature = "code-readers")]
mod code_values;
pub mod lower_prisma;
#[cfg(feature = "code-readers")]
pub mod lower_sequelize;
#[cfg(feature = "sql-reader")]
pub mod lower_sql;
#[cfg(feature = "code-readers")]
pub mod lower_typeorm;
#[cfg(feature = "code-readers")]
pub mod lower_viborm;

#[cfg(feature = "code-readers")]
pub(crate) use index::EntityPositions;
pub use index::SchemaIndex;
pub use model::*;
