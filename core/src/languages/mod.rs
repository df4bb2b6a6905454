//! What relplay knows of each source language beyond its parser: its spelling of types and
//! actions, the defaults its relations leave unsaid, and how validation speaks to its users
//! (a [`SourceProfile`]). Rules in [`crate::validate`] are written once, for every language;
//! the profile decides which of them apply and words their messages and fixes in the language
//! the user is writing.

pub mod prisma;
pub mod prisma_index_methods;
pub mod prisma_native_types;
pub mod sequelize;
pub mod sql;
pub mod typeorm;
pub mod viborm;

use crate::diagnostic::{Code, Fix, Severity};
use crate::dialect::SqlDialect;
use crate::ir::declarations::DeclaredEnd;
use crate::ir::{Entity, FieldType, Navigation, ReferentialAction, Schema};
use crate::SourceLanguage;

/// Which change a referential action answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionEvent {
    Delete,
    Update,
}

/// How one source language takes part in validation.
pub trait SourceProfile {
    /// The severity of rule `code` for this language (given its default), or `None` where the
    /// rule does not apply to it.
    fn severity(&self, code: Code, default: Severity) -> Option<Severity>;
    /// What the language calls an entity (`model`, `table`, `entity`).
    fn entity_word(&self) -> &'static str {
        "model"
    }
    /// A type as the language writes it.
    fn type_name(&self, field_type: &FieldType) -> String;
    /// A referential action as the language names it (`SetNull`, `SET NULL`).
    fn action_name(&self, action: ReferentialAction) -> String;
    /// An action for one event as the language writes it (`onDelete: SetNull`, `ON DELETE SET NULL`).
    fn action_clause(&self, event: ActionEvent, action: ReferentialAction) -> String;
    /// The language's word for the referenced fields of a key, quoted (`` `references` ``).
    fn references_word(&self) -> &'static str;
    /// How to make `fields` of `entity` unique, as a phrase for a message.
    fn unique_remedy(&self, entity: &str, fields: &[String]) -> String;
    // The fixes: none unless the language's profile knows how to write one; the message then
    // says the remedy in words.

    /// The fix that makes `fields` of `entity` unique, where the language has one.
    fn make_unique(&self, _entity: &Entity, _fields: &[String]) -> Option<Fix> {
        None
    }
    /// The fix that makes a to-one navigation of `entity` optional.
    fn make_optional(&self, _entity: &str, _navigation: &Navigation) -> Option<Fix> {
        None
    }
    /// The fix that adds the missing other end of `end` to its target.
    fn add_back_side(&self, _end: &DeclaredEnd, _schema: &Schema) -> Option<Fix> {
        None
    }
    /// The fix that writes the key arguments a to-one end lacks (and the key fields they name).
    fn complete_key(&self, _end: &DeclaredEnd, _schema: &Schema) -> Option<Fix> {
        None
    }
    /// The fix that gives the ends of one relation the relation name `name`.
    fn name_relation(&self, _ends: &[&DeclaredEnd], _name: &str) -> Option<Fix> {
        None
    }
}

/// The profile of `language`.
pub fn profile(language: SourceLanguage) -> &'static dyn SourceProfile {
    match language {
        SourceLanguage::Prisma => &prisma::PrismaProfile,
        SourceLanguage::Sql(SqlDialect::Postgresql) => &sql::SqlProfile(SqlDialect::Postgresql),
        SourceLanguage::Sql(SqlDialect::Mysql) => &sql::SqlProfile(SqlDialect::Mysql),
        SourceLanguage::Sql(SqlDialect::Sqlite) => &sql::SqlProfile(SqlDialect::Sqlite),
        SourceLanguage::TypeOrm => &typeorm::TypeOrmProfile,
        SourceLanguage::Sequelize => &sequelize::SequelizeProfile,
        SourceLanguage::VibOrm => &viborm::VibOrmProfile,
    }
}
