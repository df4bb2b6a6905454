//! Naming rules: constraint and index names the database needs to be distinct, and foreign key
//! names a provider cannot carry.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::dialect::SqlDialect;
use crate::ir::{Entity, Provider};
use crate::languages::prisma::{self, default_constraint_name};
use crate::span::Span;
use std::collections::HashMap;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let schema = context.schema;
    // PostgreSQL, SQLite and CockroachDB keep index names per schema; MySQL and SQL Server per table.
    let per_table = matches!(schema.provider, Some(Provider::Mysql | Provider::Sqlserver | Provider::Mongodb));
    // Names are kept per database schema (`@@schema`) too.
    let mut seen: HashMap<(Option<&str>, Option<&str>, String), Span> = HashMap::new();
    for entity in &schema.entities {
        let columns = |fields: &[String]| fields.iter().map(|f| entity.column_of(f).to_string()).collect::<Vec<_>>();
        let mut names: Vec<(String, Span)> = Vec::new();
        if let Some(pk) = &entity.primary_key {
            // MySQL's primary key is always named PRIMARY, so only explicit names can clash there.
            if !per_table || pk.constraint_name.is_some() {
                names.push((pk.constraint_name.clone().unwrap_or_else(|| default_constraint_name(&entity.table, &[], "pkey")), pk.span));
            }
        }
        for unique in &entity.uniques {
            let is_primary_key = entity.primary_key.as_ref().is_some_and(|pk| pk.fields == unique.fields);
            if is_primary_key && unique.constraint_name.is_none() {
                continue;
            }
            names.push((
                unique.constraint_name.clone().unwrap_or_else(|| default_constraint_name(&entity.table, &columns(&unique.fields), "key")),
                unique.span,
            ));
        }
        for index in &entity.indexes {
            names.push((
                index.constraint_name.clone().unwrap_or_else(|| default_constraint_name(&entity.table, &columns(&index.fields), "idx")),
                index.span,
            ));
        }
        for (name, span) in names {
            let scope_key = if per_table { Some(entity.name.as_str()) } else { None };
            let namespace = entity.database_schema.as_deref();
            match seen.get(&(scope_key, namespace, name.clone())) {
                Some(first) => {
                    let scope = if per_table { format!("on model `{}`", entity.name) } else { "in this database".to_string() };
                    diagnostics.push(catalog::duplicate_constraint_name(span, &name, &scope, *first));
                }
                None => {
                    seen.insert((scope_key, namespace, name), span);
                }
            }
        }
    }
    let Some(provider) = schema.provider else { return };
    foreign_key_names(context, provider, diagnostics);
    if !prisma::names_foreign_keys(provider) {
        for keyed in context.keyed.iter().filter(|k| k.key.constraint_name.is_some()) {
            diagnostics.push(catalog::named_foreign_key_unsupported(keyed.relation.span, provider.display_name()));
        }
    }
    if !prisma::names_primary_keys(provider) {
        for pk in schema.entities.iter().filter_map(|e| e.primary_key.as_ref()).filter(|pk| pk.constraint_name.is_some()) {
            diagnostics.push(catalog::named_primary_key_unsupported(pk.span, provider.display_name()));
        }
    }
}

/// Foreign key names as Prisma keeps them (psl's constraint namespaces, checked against its
/// validator): on PostgreSQL and CockroachDB each model's foreign keys share one namespace with
/// its primary key, unique constraints and indexes; on MySQL all foreign keys share one. A key
/// without `map:` has Prisma's default name cut to the database's limit, so two keys of a model
/// with a long table name can have one name.
fn foreign_key_names(context: &Context, provider: Provider, diagnostics: &mut Vec<Diagnostic>) {
    let per_model = match provider {
        Provider::Postgresql | Provider::Cockroachdb => true,
        Provider::Mysql => false,
        _ => return,
    };
    let dialect = SqlDialect::for_provider(Some(provider));
    let cut = |entity: &Entity, fields: &[String], suffix: &str| {
        let columns: Vec<String> = fields.iter().map(|f| entity.column_of(f).to_string()).collect();
        dialect.default_constraint_name(&entity.table, &columns, suffix)
    };
    // The names each model's own constraints hold (PostgreSQL), or none (MySQL).
    let mut taken: HashMap<(&str, String), Span> = HashMap::new();
    if per_model {
        for entity in &context.schema.entities {
            let mut hold = |name: String, span: Span| {
                taken.entry((entity.name.as_str(), name)).or_insert(span);
            };
            if let Some(pk) = &entity.primary_key {
                hold(pk.constraint_name.clone().unwrap_or_else(|| cut(entity, &[], "pkey")), pk.span);
            }
            for unique in &entity.uniques {
                hold(unique.constraint_name.clone().unwrap_or_else(|| cut(entity, &unique.fields, "key")), unique.span);
            }
            for index in &entity.indexes {
                hold(index.constraint_name.clone().unwrap_or_else(|| cut(entity, &index.fields, "idx")), index.span);
            }
        }
    }
    for keyed in &context.keyed {
        let defaulted = keyed.key.constraint_name.is_none();
        let name = keyed.key.constraint_name.clone().unwrap_or_else(|| cut(keyed.owner, &keyed.key.fields, "fkey"));
        let scope_key = if per_model { keyed.owner.name.as_str() } else { "" };
        match taken.get(&(scope_key, name.clone())) {
            Some(first) => {
                let scope = if per_model { format!("on model `{}`", keyed.owner.name) } else { "by another foreign key".to_string() };
                let limit = defaulted.then(|| dialect.identifier_limit());
                diagnostics.push(catalog::foreign_key_name_taken(keyed.relation.span, &name, &scope, limit, *first));
            }
            None => {
                taken.insert((scope_key, name), keyed.relation.span);
            }
        }
    }
}
