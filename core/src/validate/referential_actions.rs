//! Referential action rules: actions the provider (or relation mode) does not have, SET NULL on a
//! key that cannot be null, and SET DEFAULT on MySQL, which InnoDB does not carry out.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{Provider, ReferentialAction, RelationMode};
use crate::languages::ActionEvent;

/// The actions a provider accepts in a relation mode.
fn allowed_actions(provider: Option<Provider>, mode: RelationMode) -> &'static [ReferentialAction] {
    use ReferentialAction::*;
    match (mode, provider) {
        (RelationMode::ForeignKeys, Some(Provider::Sqlserver)) => &[Cascade, NoAction, SetNull, SetDefault],
        (RelationMode::ForeignKeys, _) => &[Cascade, Restrict, NoAction, SetNull, SetDefault],
        // Emulated relations: NoAction would mean "the database checks at the end", which there
        // is no database constraint to do on PostgreSQL and SQLite.
        (RelationMode::Prisma, Some(Provider::Postgresql | Provider::Sqlite | Provider::Cockroachdb) | None) => {
            &[Cascade, Restrict, SetNull]
        }
        (RelationMode::Prisma, _) => &[Cascade, Restrict, NoAction, SetNull],
    }
}

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let schema = context.schema;
    let allowed = allowed_actions(schema.provider, schema.relation_mode);
    let provider_name = match schema.provider {
        Some(provider) => provider.as_str(),
        None => "this provider",
    };
    let mut reported_sqlite = false;
    // The declared ends by entity and name, to tell a written action from a default one (a
    // search through every end for each relation was quadratic: 20% of reading 2,000 models).
    let mut ends: std::collections::HashMap<(&str, &str), &crate::ir::declarations::DeclaredEnd> = std::collections::HashMap::new();
    for end in &context.declarations.ends {
        // The first of a name declared twice, as the search found it.
        ends.entry((end.entity.as_str(), end.name.as_str())).or_insert(end);
    }
    for keyed in context.keyed.iter() {
        let relation = keyed.relation;
        for (action, event) in [(relation.on_delete, ActionEvent::Delete), (relation.on_update, ActionEvent::Update)] {
            let clause = |action| context.profile.action_clause(event, action);
            if !allowed.contains(&action) {
                let names: Vec<String> = allowed.iter().map(|&a| context.profile.action_name(a)).collect();
                diagnostics.push(catalog::action_not_supported(
                    relation.span,
                    &clause(action),
                    provider_name,
                    schema.relation_mode == RelationMode::Prisma,
                    &names,
                ));
            }
            // SET NULL writes NULL into every column of the key, so one NOT NULL column is enough to
            // make it fail. PostgreSQL accepts the DDL and fails only when the action runs, which is
            // why Prisma only warns there.
            let not_null: Vec<String> =
                keyed.key.fields.iter().filter(|f| keyed.owner.field(f).is_some_and(|field| !field.nullable)).cloned().collect();
            // A key only partly NOT NULL counts when the action is written: Prisma's own default for
            // an optional relation is SET NULL, and it lets that stand.
            let written = relation
                .owning_side
                .navigation
                .as_ref()
                .and_then(|name| ends.get(&(relation.owning_side.entity.as_str(), name.as_str())))
                .is_some_and(|end| match event {
                    ActionEvent::Delete => end.on_delete.is_some(),
                    ActionEvent::Update => end.on_update.is_some(),
                });
            let warning_only = schema.provider == Some(Provider::Postgresql) && schema.relation_mode == RelationMode::ForeignKeys;
            if action == ReferentialAction::SetNull && keyed.key.required {
                diagnostics.push(catalog::set_null_on_required(relation.span, &clause(action), &not_null, warning_only));
            } else if action == ReferentialAction::SetNull && written && !not_null.is_empty() {
                diagnostics.push(catalog::set_null_on_partly_required(relation.span, &clause(action), &not_null, warning_only));
            }
            if action == ReferentialAction::SetDefault && schema.provider == Some(Provider::Mysql) && allowed.contains(&action) {
                diagnostics.push(catalog::set_default_on_mysql(relation.span, &clause(action)));
            }
        }
        if schema.provider == Some(Provider::Sqlite) && schema.relation_mode == RelationMode::ForeignKeys && !reported_sqlite {
            reported_sqlite = true;
            diagnostics.push(catalog::sqlite_foreign_keys_need_pragma(relation.span));
        }
    }
}
