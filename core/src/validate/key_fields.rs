//! Key field rules: the fields a key names exist on their entities, and its fields and referenced
//! fields pair up one to one.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::{DeclaredEnd, PairShape};

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for &pair in &declarations.pairs {
        // The key of a to-one end; on MongoDB both ends of a many-to-many name theirs (a list of
        // the other side's ids), whose fields must exist as well (found by the mutation test).
        let owners: Vec<&DeclaredEnd> = match declarations.shape(pair, context.schema) {
            PairShape::ToOne { owner, .. } => vec![owner],
            PairShape::ManyToMany(a, b) => vec![a, b],
            _ => continue,
        };
        for owner in owners {
            check_key(context, owner, diagnostics);
        }
    }
    check_view_relation_keys(context, diagnostics);
}

/// The same for relation fields between a model and a view (or two views), which are kept as
/// declared (`Schema::view_relations`): the fields their key names exist on both sides (found by
/// the mutation test: `references: [name]` on a view's relation was taken).
fn check_view_relation_keys(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let schema = context.schema;
    let block = |name: &str| schema.entities.iter().chain(&schema.views).find(|e| e.name == name);
    for relation in &schema.view_relations {
        let (Some(owner), Some(target)) = (block(&relation.owner), block(&relation.target)) else { continue };
        for (argument, list, entity) in [("fields", &relation.fields, owner), ("references", &relation.references, target)] {
            for field in list.iter().filter(|f| entity.field(f).is_none()) {
                diagnostics.push(catalog::unknown_relation_field(relation.span, argument, field, &entity.name));
            }
        }
        if relation.fields.len() != relation.references.len() {
            diagnostics.push(catalog::fields_references_arity(relation.span, relation.fields.len(), relation.references.len()));
        }
    }
}

/// The fields `owner`'s key names exist on its entity and the target's, and pair up one to one.
fn check_key(context: &Context, owner: &DeclaredEnd, diagnostics: &mut Vec<Diagnostic>) {
    let (Some(fields), Some(references)) = (&owner.fields, &owner.references) else { return };
    let (Some(owning), Some(target)) = (context.entities.get(owner.entity.as_str()), context.entities.get(owner.target.as_str())) else {
        return;
    };
    for (argument, list, entity) in [("fields", fields, owning), ("references", references, target)] {
        for field in list.iter().filter(|f| entity.field(&f.value).is_none()) {
            diagnostics.push(catalog::unknown_relation_field(field.span, argument, &field.value, &entity.name));
        }
    }
    if fields.len() != references.len() {
        diagnostics.push(catalog::fields_references_arity(owner.span, fields.len(), references.len()));
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, SourceLanguage};

    #[test]
    fn a_view_relation_naming_an_unknown_field_is_an_error() {
        let source = "datasource db {\n  provider = \"postgresql\"\n}\n\ngenerator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = [\"views\"]\n}\n\nmodel User {\n  id      Int          @id\n  summary UserSummary?\n}\n\nview UserSummary {\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n";
        let codes = |text: &str| analyze(text, SourceLanguage::Prisma).diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>();
        assert!(!codes(source).contains(&"R012"), "{:?}", codes(source));
        assert!(codes(&source.replace("references: [id]", "references: [name]")).contains(&"R012"));
        assert!(codes(&source.replace("fields: [userId]", "fields: [nope]")).contains(&"R012"));
    }
}
