//! Pass 2: models into entities — columns, primary key, uniques, indexes, table and column names.

use super::arguments::{expression_text, field_list, key_field_options, mapped_name, string_argument};
use super::TypeName;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{DefaultValue, Entity, Field, FieldType, Index, NativeType, PrimaryKey, Provider, Schema, UniqueConstraint};
use crate::span::Span;
use crate::syntax::prisma::ast::{Arity, Attribute, Block, Expression, FieldDeclaration, ModelBlock, ModelKeyword, SchemaFile};
use std::collections::HashMap;

/// A field whose type is a model: the raw material of a relation.
pub(super) struct RelationField<'a> {
    pub entity: String,
    pub declaration: &'a FieldDeclaration,
    pub target: String,
    pub arity: Arity,
    /// The `@relation(…)` attribute, if written.
    pub attribute: Option<&'a Attribute>,
    pub position: u32,
}

const FIELD_ATTRIBUTES: [&str; 7] = ["id", "unique", "default", "map", "updatedAt", "relation", "ignore"];
const BLOCK_ATTRIBUTES: [&str; 7] = ["id", "unique", "index", "map", "ignore", "schema", "fulltext"];

pub(super) fn lower_entities<'a>(
    file: &'a SchemaFile,
    names: &HashMap<String, TypeName>,
    schema: &mut Schema,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RelationField<'a>> {
    let mut relation_fields = Vec::new();
    let mut lowered = std::collections::HashSet::new();
    for block in &file.blocks {
        let Block::Model(model) = block else { continue };
        if model.name.name.is_empty() || !lowered.insert(model.name.name.clone()) {
            continue;
        }
        match model.keyword {
            ModelKeyword::Model => {}
            ModelKeyword::View => {
                report_duplicate_fields(model, diagnostics);
                report_view_primary_keys(model, diagnostics);
                if schema.preview_features.iter().any(|f| f == "views") {
                    diagnostics.push(catalog::view_not_modelled(model.name.span, &model.name.name));
                } else {
                    diagnostics.push(catalog::view_without_preview_feature(model.name.span, &model.name.name));
                }
                continue;
            }
            ModelKeyword::Type => {
                diagnostics.push(catalog::composite_type_not_modelled(model.name.span, &model.name.name));
                continue;
            }
        }
        let entity = lower_model(model, names, schema, &mut relation_fields, diagnostics);
        check_document_ids(&entity, schema.provider, diagnostics);
        check_scalar_lists(&entity, schema.provider, diagnostics);
        schema.entities.push(entity);
    }
    relation_fields
}

/// Prisma has lists of scalars only on PostgreSQL, CockroachDB and MongoDB.
fn check_scalar_lists(entity: &Entity, provider: Option<Provider>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(provider) = provider.filter(|p| !matches!(p, Provider::Postgresql | Provider::Cockroachdb | Provider::Mongodb)) else {
        return;
    };
    for field in entity.fields.iter().filter(|f| f.list) {
        diagnostics.push(catalog::scalar_list_unsupported(field.span, &entity.name, &field.name, provider.as_str()));
    }
}

/// MongoDB's rules for ids, as Prisma's validator has them: `auto()` makes an ObjectId, so it is
/// MongoDB's only and needs `@db.ObjectId`; a model's id is the document's `_id`.
fn check_document_ids(entity: &Entity, provider: Option<Provider>, diagnostics: &mut Vec<Diagnostic>) {
    let mongodb = provider == Some(Provider::Mongodb);
    for field in entity.fields.iter().filter(|f| f.default == Some(DefaultValue::Auto)) {
        if !mongodb {
            diagnostics.push(catalog::auto_outside_mongodb(field.span, &field.name));
        } else if field.native_type.as_ref().is_none_or(|t| t.name != "ObjectId") {
            diagnostics.push(catalog::auto_without_object_id(field.span, &field.name));
        }
    }
    if let Some(key) = entity.primary_key.as_ref().filter(|_| mongodb) {
        if !key.fields.iter().any(|f| entity.field(f).is_some_and(|f| f.column == "_id")) {
            diagnostics.push(catalog::document_id_not_mapped(key.span, &entity.name));
        }
    }
}

/// Prisma 7 gives a view no primary key (`@id`, `@@id`): its rows are whatever the query returns.
fn report_view_primary_keys(model: &ModelBlock, diagnostics: &mut Vec<Diagnostic>) {
    let field_ids = model.fields.iter().flat_map(|f| f.attributes.iter()).filter(|a| a.name.name == "id");
    let block_ids = model.attributes.iter().filter(|a| a.name.name == "id");
    for attribute in field_ids.chain(block_ids) {
        diagnostics.push(catalog::view_with_primary_key(attribute.span, &model.name.name));
    }
}

/// Duplicate field names in a block relplay does not otherwise lower (a view).
fn report_duplicate_fields(model: &ModelBlock, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for declaration in &model.fields {
        if let Some(first) = seen.insert(&declaration.name.name, declaration.name.span) {
            diagnostics.push(catalog::duplicate_field(declaration.name.span, &declaration.name.name, &model.name.name, first));
        }
    }
}

fn lower_model<'a>(
    model: &'a ModelBlock,
    names: &HashMap<String, TypeName>,
    schema: &Schema,
    relation_fields: &mut Vec<RelationField<'a>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Entity {
    let table = mapped_name(&model.attributes, true).unwrap_or_else(|| model.name.name.clone());
    let mut entity = Entity::new(model.name.name.clone(), table, model.span, Span::new(model.span.start(), model.name.span.end()));
    entity.documentation = model.documentation.clone();
    let mut seen_fields: HashMap<&str, Span> = HashMap::new();
    let mut id_fields: Vec<(String, Span, Option<String>)> = Vec::new();
    for (position, declaration) in model.fields.iter().enumerate() {
        let position = position as u32;
        if let Some(first) = seen_fields.insert(&declaration.name.name, declaration.name.span) {
            diagnostics.push(catalog::duplicate_field(declaration.name.span, &declaration.name.name, &model.name.name, first));
            continue;
        }
        let Some(field_type) = &declaration.field_type else { continue };
        let mut written: HashMap<&str, Span> = HashMap::new();
        for attribute in &declaration.attributes {
            if !FIELD_ATTRIBUTES.contains(&attribute.name.name.as_str()) && !attribute.name.name.starts_with("db.") {
                diagnostics.push(catalog::unknown_attribute(attribute.name.span, &attribute.name.name, false));
            }
            // Native types count as one attribute: `@db.Text @db.VarChar(5)` is two types too.
            let key = if attribute.name.name.starts_with("db.") { "db" } else { attribute.name.name.as_str() };
            if let Some(first) = written.insert(key, attribute.span) {
                diagnostics.push(catalog::duplicate_attribute(attribute.span, &format!("@{}", attribute.name.name), first));
            }
        }
        let type_name = field_type.name.name.as_str();
        let portable_type = match crate::languages::prisma::scalar_type(type_name) {
            Some(t) => t,
            None if type_name == "Unsupported" => FieldType::Unsupported(field_type.unsupported.clone().unwrap_or_default()),
            None => match names.get(type_name) {
                Some(TypeName::Enum) => FieldType::Enum(type_name.to_string()),
                Some(TypeName::Model) => {
                    relation_fields.push(RelationField {
                        entity: model.name.name.clone(),
                        declaration,
                        target: type_name.to_string(),
                        arity: field_type.arity,
                        attribute: declaration.attributes.iter().find(|a| a.name.name == "relation"),
                        position,
                    });
                    for attribute in &declaration.attributes {
                        if attribute.name.name != "relation" && attribute.name.name != "ignore" {
                            diagnostics.push(catalog::attribute_on_relation_field(attribute.span, &attribute.name.name));
                        }
                    }
                    continue;
                }
                Some(TypeName::CompositeType) => {
                    diagnostics.push(catalog::composite_type_field(field_type.name.span, type_name));
                    continue;
                }
                // A relation to a view goes with the view (N007 says so).
                Some(TypeName::View) => continue,
                None => {
                    diagnostics.push(catalog::unknown_type(field_type.name.span, type_name, names.keys()));
                    continue;
                }
            },
        };
        let field = lower_scalar_field(declaration, portable_type, position, schema, diagnostics);
        for attribute in &declaration.attributes {
            match attribute.name.name.as_str() {
                "id" => id_fields.push((field.name.clone(), attribute.span, string_argument(attribute, "map", false))),
                "unique" => entity.uniques.push(UniqueConstraint {
                    field_options: Vec::new(),
                    fields: vec![field.name.clone()],
                    constraint_name: string_argument(attribute, "map", false),
                    client_name: None,
                    on_field: true,
                    span: attribute.span,
                }),
                "relation" => diagnostics.push(catalog::relation_attribute_on_scalar(attribute.span, &field.name)),
                _ => {}
            }
        }
        entity.fields.push(field);
    }
    if id_fields.len() > 1 {
        for (name, span, _) in &id_fields[1..] {
            diagnostics.push(catalog::several_id_fields(*span, name, &model.name.name));
        }
    }
    if let Some((name, span, map)) = id_fields.into_iter().next() {
        entity.primary_key = Some(PrimaryKey { fields: vec![name], constraint_name: map, client_name: None, span });
    }
    lower_block_attributes(model, &mut entity, diagnostics);
    entity
}

fn lower_scalar_field(
    declaration: &FieldDeclaration,
    field_type: FieldType,
    position: u32,
    schema: &Schema,
    diagnostics: &mut Vec<Diagnostic>,
) -> Field {
    let arity = declaration.field_type.as_ref().map_or(Arity::Required, |t| t.arity);
    let mut field = Field {
        name: declaration.name.name.clone(),
        column: mapped_name(&declaration.attributes, false).unwrap_or_else(|| declaration.name.name.clone()),
        field_type,
        nullable: arity == Arity::Optional,
        list: arity == Arity::List,
        default: None,
        native_type: None,
        updated_at: false,
        position,
        documentation: declaration.documentation.clone(),
        span: declaration.span,
    };
    for attribute in &declaration.attributes {
        let name = attribute.name.name.as_str();
        if let Some(native) = name.strip_prefix("db.") {
            let arguments = attribute.arguments.iter().map(|a| expression_text(&a.value)).collect();
            field.native_type = Some(NativeType { name: native.to_string(), arguments });
        } else if name == "updatedAt" {
            field.updated_at = true;
        } else if name == "default" {
            match attribute.argument("value", true) {
                Some(argument) => field.default = lower_default(&argument.value, &field, schema, diagnostics),
                None => diagnostics.push(catalog::default_without_value(attribute.span)),
            }
        }
    }
    field
}

fn lower_default(value: &Expression, field: &Field, schema: &Schema, diagnostics: &mut Vec<Diagnostic>) -> Option<DefaultValue> {
    let version = |arguments: &[crate::syntax::prisma::ast::Argument]| {
        arguments.first().and_then(|a| match &a.value {
            Expression::Number { text, .. } => text.parse().ok(),
            _ => None,
        })
    };
    let default = match value {
        Expression::Call { name, arguments, .. } => match name.name.as_str() {
            "autoincrement" | "sequence" => {
                if !matches!(field.field_type, FieldType::Int | FieldType::BigInt) {
                    diagnostics.push(catalog::default_type_mismatch(value.span(), "autoincrement()", &field.name, "an Int or BigInt"));
                    return None;
                }
                DefaultValue::Autoincrement
            }
            "now" => {
                if field.field_type != FieldType::DateTime {
                    diagnostics.push(catalog::default_type_mismatch(value.span(), "now()", &field.name, "a DateTime"));
                    return None;
                }
                DefaultValue::Now
            }
            "uuid" => DefaultValue::Uuid(version(arguments)),
            "cuid" => DefaultValue::Cuid(version(arguments)),
            "nanoid" => DefaultValue::Nanoid(version(arguments)),
            "ulid" => DefaultValue::Cuid(None),
            "auto" => DefaultValue::Auto,
            "dbgenerated" => match arguments.first().map(|a| &a.value) {
                Some(Expression::String { value, .. }) => DefaultValue::DbGenerated(value.clone()),
                _ => DefaultValue::DbGenerated(String::new()),
            },
            other => {
                diagnostics.push(catalog::unknown_default_function(name.span, other));
                return None;
            }
        },
        Expression::String { value, .. } => DefaultValue::String(value.clone()),
        Expression::Number { text, .. } => DefaultValue::Number(text.clone()),
        Expression::Constant { name, span } => match (name.as_str(), &field.field_type) {
            ("true", _) => DefaultValue::Boolean(true),
            ("false", _) => DefaultValue::Boolean(false),
            (value, FieldType::Enum(enum_name)) => {
                let known = schema.enums.iter().find(|e| &e.name == enum_name).is_none_or(|e| e.values.iter().any(|v| v.name == value));
                if !known {
                    diagnostics.push(catalog::unknown_enum_value(*span, value, enum_name));
                }
                DefaultValue::EnumValue(value.to_string())
            }
            (value, _) => {
                diagnostics.push(catalog::unknown_default_constant(*span, value, &field.name));
                return None;
            }
        },
        Expression::Array { items, .. } => {
            DefaultValue::List(items.iter().filter_map(|item| lower_default(item, field, schema, diagnostics)).collect())
        }
        Expression::Missing { .. } => return None,
    };
    Some(default)
}

fn lower_block_attributes(model: &ModelBlock, entity: &mut Entity, diagnostics: &mut Vec<Diagnostic>) {
    let mut mapped: Option<Span> = None;
    for attribute in &model.attributes {
        let name = attribute.name.name.as_str();
        if name == "map" {
            if let Some(first) = mapped.replace(attribute.span) {
                diagnostics.push(catalog::duplicate_attribute(attribute.span, "@@map", first));
            }
        }
        if !BLOCK_ATTRIBUTES.contains(&name) {
            diagnostics.push(catalog::unknown_attribute(attribute.name.span, name, true));
            continue;
        }
        if !matches!(name, "id" | "unique" | "index") {
            continue;
        }
        let Some(fields_argument) = attribute.argument("fields", true) else {
            diagnostics.push(catalog::block_attribute_without_fields(attribute.span, name));
            continue;
        };
        let mut fields = Vec::new();
        for (field, span) in field_list(&fields_argument.value, diagnostics) {
            if entity.field(&field).is_none() {
                let is_relation = model.fields.iter().any(|f| f.name.name == field);
                diagnostics.push(catalog::unknown_field_in_attribute(span, &field, &entity.name, name, is_relation));
                continue;
            }
            fields.push(field);
        }
        if fields.is_empty() {
            continue;
        }
        let constraint_name = string_argument(attribute, "map", false);
        let client_name = string_argument(attribute, "name", false);
        let field_options = key_field_options(&fields_argument.value);
        match name {
            "id" => {
                if let Some(existing) = &entity.primary_key {
                    diagnostics.push(catalog::id_declared_twice(attribute.span, &entity.name, existing.span));
                    continue;
                }
                entity.primary_key = Some(PrimaryKey { fields, constraint_name, client_name, span: attribute.span });
            }
            "unique" => entity.uniques.push(UniqueConstraint {
                field_options,
                fields,
                constraint_name,
                client_name,
                on_field: false,
                span: attribute.span,
            }),
            _ => entity.indexes.push(Index { field_options, fields, constraint_name, span: attribute.span }),
        }
    }
}
