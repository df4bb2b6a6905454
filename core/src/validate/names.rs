//! Naming rules: constraint and index names the database needs to be distinct, and foreign key
//! names a provider cannot carry.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::Provider;
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
