//! Relation rules: unique one-to-one keys, optional back sides, unique referenced keys, matching
//! types, nullability that agrees with the relation field, and SET NULL only on nullable keys.

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{NavigationCardinality, Provider, ReferentialAction, Relation, RelationKind, Schema};

pub(super) fn check(schema: &Schema, diagnostics: &mut Vec<Diagnostic>) {
    for relation in &schema.relations {
        let Some(fk) = &relation.foreign_key else { continue };
        let (Some(owner), Some(target)) = (schema.entity(&fk.entity), schema.entity(&fk.referenced_entity)) else { continue };

        if relation.kind == RelationKind::OneToOne && !owner.is_unique_criterion(&fk.fields) {
            let insert_at = owner.field(&fk.fields[0]).map(|f| f.span.end());
            diagnostics.push(catalog::one_to_one_foreign_key_not_unique(relation.span, &owner.name, &fk.fields, insert_at));
        }
        if relation.kind == RelationKind::OneToOne {
            if let Some(back) = inverse_navigation(schema, relation).filter(|n| n.cardinality == NavigationCardinality::One) {
                diagnostics.push(catalog::back_side_required(
                    back.span,
                    &back.name,
                    &relation.inverse_side.entity,
                    &back.target,
                    back.type_span,
                ));
            }
        }
        if !target.is_unique_criterion(&fk.referenced_fields) {
            diagnostics.push(catalog::references_not_unique(relation.span, &target.name, &fk.referenced_fields));
        }
        for (field_name, referenced_name) in fk.fields.iter().zip(&fk.referenced_fields) {
            let (Some(field), Some(referenced)) = (owner.field(field_name), target.field(referenced_name)) else { continue };
            if field.field_type != referenced.field_type {
                diagnostics.push(catalog::foreign_key_type_mismatch(
                    field.span,
                    &field.name,
                    &owner.name,
                    &field.field_type.prisma_name(),
                    &referenced.name,
                    &target.name,
                    &referenced.field_type.prisma_name(),
                ));
            }
        }
        let owner_navigation = relation.owning_side.navigation.as_ref().and_then(|n| owner.navigations.iter().find(|x| &x.name == n));
        if let Some(navigation) = owner_navigation.filter(|n| n.cardinality == NavigationCardinality::One) {
            let optional: Vec<String> = fk.fields.iter().filter(|f| owner.field(f).is_some_and(|f| f.nullable)).cloned().collect();
            if !optional.is_empty() {
                diagnostics.push(catalog::optional_fields_required_relation(navigation.span, &navigation.name, &owner.name, &optional));
            }
        }
        // A key that is entirely NOT NULL cannot be set to NULL. PostgreSQL accepts the DDL and
        // fails only when the action runs, which is why Prisma only warns there.
        if fk.required {
            let warning_only = schema.provider == Some(Provider::Postgresql);
            for (action, name) in [(relation.on_delete, "onDelete"), (relation.on_update, "onUpdate")] {
                if action == ReferentialAction::SetNull {
                    diagnostics.push(catalog::set_null_on_required(relation.span, name, &fk.fields, warning_only));
                }
            }
        }
    }
}

fn inverse_navigation<'a>(schema: &'a Schema, relation: &Relation) -> Option<&'a crate::ir::Navigation> {
    let name = relation.inverse_side.navigation.as_ref()?;
    schema.entity(&relation.inverse_side.entity)?.navigations.iter().find(|n| &n.name == name)
}
