//! VibORM schemas as a source language: the defaults its relations leave unsaid and how
//! validation speaks of it.
//!
//! Facts from VibORM's source (`beynar/viborm`, `src/migrations/serializer.ts`,
//! `src/schema/relation/helpers.ts`; it is not on npm, so they are read, not run): a to-one key
//! is ON DELETE SET NULL when every key field is nullable, else RESTRICT, and ON UPDATE NO
//! ACTION; a many-to-many's junction table is the two model keys in lower case, sorted, joined
//! by `_` (with `_name` for a named relation) unless `.through()` names it, its columns
//! `<key>Id` (`<key>AId`/`<key>BId` for a self-relation) unless `.A()`/`.B()` name them, both
//! keys CASCADE.

use super::{ActionEvent, SourceProfile};
use crate::diagnostic::{Code, Severity};
use crate::ir::declarations::DeclaredEnd;
use crate::ir::relations::RelationConventions;
use crate::ir::{FieldType, JoinColumn, JoinTable, Provider, ReferentialAction, Schema};
use std::collections::HashMap;

/// A referential action as VibORM spells it (`"cascade"`, `"setNull"`, `"restrict"`, `"noAction"`).
pub fn action(name: &str) -> Option<ReferentialAction> {
    Some(match name {
        "cascade" => ReferentialAction::Cascade,
        "setNull" => ReferentialAction::SetNull,
        "restrict" => ReferentialAction::Restrict,
        "noAction" => ReferentialAction::NoAction,
        _ => return None,
    })
}

/// A many-to-many end's junction options (`.through()`, `.A()`, `.B()`), as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JunctionOptions {
    pub through: Option<String>,
    pub a: Option<String>,
    pub b: Option<String>,
}

/// What a VibORM schema leaves unsaid. It knows each model's schema key (the names junctions are
/// made of) and each many-to-many end's junction options, by entity and relation field.
#[derive(Debug, Default)]
pub struct VibOrmConventions {
    pub keys: HashMap<String, String>,
    pub junctions: HashMap<(String, String), JunctionOptions>,
}

impl RelationConventions for VibOrmConventions {
    fn default_on_delete(&self, required: bool, _provider: Option<Provider>) -> ReferentialAction {
        if required {
            ReferentialAction::Restrict
        } else {
            ReferentialAction::SetNull
        }
    }

    fn default_on_update(&self) -> ReferentialAction {
        ReferentialAction::NoAction
    }

    fn implicit_join_table(&self, a: &DeclaredEnd, b: Option<&DeclaredEnd>, schema: &Schema) -> Option<(bool, JoinTable)> {
        let b = b?;
        let key = |entity: &str| self.keys.get(entity).cloned().unwrap_or_else(|| entity.to_string()).to_lowercase();
        let options = self.junctions.get(&(a.entity.clone(), a.name.clone())).cloned().unwrap_or_default();
        let other = self.junctions.get(&(b.entity.clone(), b.name.clone())).cloned().unwrap_or_default();
        let (mine_key, theirs_key) = (key(&a.entity), key(&b.entity));
        let self_pair = a.entity == b.entity;
        let mut names = [mine_key.clone(), theirs_key.clone()];
        names.sort();
        let name = a.relation_name.as_ref().or(b.relation_name.as_ref());
        let table = options.through.or(other.through).unwrap_or_else(|| match name {
            Some(name) => format!("{}_{name}", names.join("_")),
            None => names.join("_"),
        });
        let mine = options.a.or(other.b).unwrap_or_else(|| if self_pair { format!("{}AId", names[0]) } else { format!("{mine_key}Id") });
        let theirs =
            options.b.or(other.a).unwrap_or_else(|| if self_pair { format!("{}BId", names[0]) } else { format!("{theirs_key}Id") });
        let id = |entity: &str| -> Option<String> {
            let pk = schema.entity(entity)?.primary_key.as_ref().filter(|pk| pk.fields.len() == 1)?;
            Some(pk.fields[0].clone())
        };
        let columns = [
            JoinColumn { column: mine, referenced_entity: a.entity.clone(), referenced_field: id(&a.entity)? },
            JoinColumn { column: theirs, referenced_entity: b.entity.clone(), referenced_field: id(&b.entity)? },
        ];
        Some((true, JoinTable { table, columns }))
    }
}

/// How VibORM schemas are validated: like Prisma's (both sides of every relation, keys on the
/// side with `.fields()`), worded with VibORM's names.
pub struct VibOrmProfile;

impl SourceProfile for VibOrmProfile {
    fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        match code {
            Code::R030 | Code::R031 | Code::R034 | Code::N030 => None,
            // Their ORM or the database takes such a key; the action fails when it runs.
            Code::R032 => Some(Severity::Warning),
            _ => Some(default),
        }
    }

    fn type_name(&self, field_type: &FieldType) -> String {
        match field_type {
            FieldType::Int => "`s.int()`".into(),
            FieldType::BigInt => "`s.bigInt()`".into(),
            FieldType::Float => "`s.float()`".into(),
            FieldType::Decimal => "`s.decimal()`".into(),
            FieldType::String => "`s.string()`".into(),
            FieldType::Boolean => "`s.boolean()`".into(),
            FieldType::DateTime => "`s.dateTime()`".into(),
            FieldType::Json => "`s.json()`".into(),
            FieldType::Bytes => "`s.blob()`".into(),
            FieldType::Enum(name) => format!("the enum `{name}`"),
            FieldType::Unsupported(text) => format!("`{text}`"),
        }
    }

    fn action_name(&self, action: ReferentialAction) -> String {
        match action {
            ReferentialAction::Cascade => "\"cascade\"".into(),
            ReferentialAction::SetNull => "\"setNull\"".into(),
            ReferentialAction::Restrict => "\"restrict\"".into(),
            ReferentialAction::NoAction => "\"noAction\"".into(),
            ReferentialAction::SetDefault => "SET DEFAULT (which VibORM does not have)".into(),
        }
    }

    fn action_clause(&self, event: ActionEvent, action: ReferentialAction) -> String {
        let event = match event {
            ActionEvent::Delete => "onDelete",
            ActionEvent::Update => "onUpdate",
        };
        format!(".{event}({})", self.action_name(action))
    }

    fn references_word(&self) -> &'static str {
        "`.references()`"
    }

    fn unique_remedy(&self, entity: &str, fields: &[String]) -> String {
        match fields {
            [field] => format!("add `.unique()` to `{entity}.{field}`"),
            _ => format!("add `.unique([{}])` to `{entity}`", fields.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ")),
        }
    }
}
