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

const FIELD_ATTRIBUTES: [&str; 8] = ["id", "unique", "default", "map", "updatedAt", "relation", "ignore", "shardKey"];
const BLOCK_ATTRIBUTES: [&str; 8] = ["id", "unique", "index", "map", "ignore", "schema", "fulltext", "shardKey"];

pub(super) fn lower_entities<'a>(
    file: &'a SchemaFile,
    names: &HashMap<String, TypeName>,
    native_prefix: &str,
    schema: &mut Schema,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RelationField<'a>> {
    let mut relation_fields = Vec::new();
    let mut schema_embedded = Vec::new();
    let mut lowered = std::collections::HashSet::new();
    for block in &file.blocks {
        let Block::Model(model) = block else { continue };
        if model.name.name.is_empty() || !lowered.insert(model.name.name.clone()) {
            continue;
        }
        match model.keyword {
            ModelKeyword::Model => {}
            ModelKeyword::View => {
                check_view_keys(model, diagnostics);
                check_view_many_to_many(model, file, names, diagnostics);
                report_view_primary_keys(model, diagnostics);
                if schema.preview_features.iter().any(|f| f == "views") {
                    diagnostics.push(catalog::view_not_modelled(model.name.span, &model.name.name));
                } else {
                    diagnostics.push(catalog::view_without_preview_feature(model.name.span, &model.name.name));
                }
                // A view keeps its fields, uniques and names, and its relation fields as declared.
                let mut view_fields = Vec::new();
                let mut view = lower_model(model, names, native_prefix, schema, &mut view_fields, &mut schema_embedded, diagnostics);
                view.primary_key = None;
                view.indexes.clear();
                schema.views.push(view);
                schema.view_relations.extend(view_fields.iter().map(view_relation_field));
                continue;
            }
            ModelKeyword::Type => {
                if schema.provider != Some(Provider::Mongodb) {
                    let database = schema.provider.map(|p| p.display_name());
                    diagnostics.push(catalog::composite_type_not_on_database(model.name.span, &model.name.name, database));
                }
                if model.fields.is_empty() {
                    diagnostics.push(catalog::empty_composite_type(model.name.span, &model.name.name));
                }
                check_composite_type_fields(model, names, native_prefix, diagnostics);
                // Its scalar and enum fields (with their names and native types) and the fields
                // that embed other types; keys and attributes it cannot have are reported above.
                let fields_only = ModelBlock { attributes: Vec::new(), ..model.clone() };
                let mut relations_inside = Vec::new();
                let mut composite =
                    lower_model(&fields_only, names, native_prefix, schema, &mut relations_inside, &mut schema_embedded, diagnostics);
                for field in relations_inside {
                    let span = field.declaration.field_type.as_ref().map_or(field.declaration.span, |t| t.name.span);
                    diagnostics.push(catalog::relation_in_composite_type(
                        span,
                        &field.declaration.name.name,
                        &model.name.name,
                        &field.target,
                    ));
                }
                composite.primary_key = None;
                composite.uniques.clear();
                composite.ignored_fields.clear();
                schema.composite_types.push(composite);
                continue;
            }
        }
        let mut entity = lower_model(model, names, native_prefix, schema, &mut relation_fields, &mut schema_embedded, diagnostics);
        super::key_arguments::check_key_arguments(model, &entity, schema.provider, diagnostics);
        entity.shard_key = super::shard_keys::shard_key(model, &entity, schema.provider, &schema.preview_features, diagnostics);
        check_document_ids(&entity, schema.provider, diagnostics);
        check_scalar_lists(&entity, schema.provider, diagnostics);
        schema.entities.push(entity);
    }
    // A model's relation fields that reach a view are the view's relations, kept as declared.
    let (to_views, relation_fields): (Vec<_>, Vec<_>) =
        relation_fields.into_iter().partition(|field: &RelationField| names.get(&field.target) == Some(&TypeName::View));
    schema.view_relations.extend(to_views.iter().map(view_relation_field));
    schema.view_relations.sort_by_key(|field| field.span.start);
    schema.embedded_fields = schema_embedded;
    check_endless_embedding(schema, diagnostics);
    lower_embedded_indexes(file, schema, diagnostics);
    relation_fields
}

/// A composite type that holds itself through required fields only would make an endless
/// document (`A` → `B` → `A`): each field on such a cycle is reported, with the cycle's path.
fn check_endless_embedding(schema: &Schema, diagnostics: &mut Vec<Diagnostic>) {
    use crate::ir::NavigationCardinality;
    let composite = |name: &str| schema.composite_types.iter().any(|t| t.name == name);
    let required = |owner: &str| -> Vec<&crate::ir::EmbeddedField> {
        schema
            .embedded_fields
            .iter()
            .filter(|f| f.owner == owner && f.cardinality == NavigationCardinality::One && composite(&f.type_name))
            .collect()
    };
    for start in schema.embedded_fields.iter().filter(|f| composite(&f.owner) && f.cardinality == NavigationCardinality::One) {
        // The shortest way back from the field's type to its owner, through required fields.
        let mut paths: Vec<Vec<String>> = vec![vec![start.owner.clone(), start.type_name.clone()]];
        let mut seen = std::collections::HashSet::from([start.type_name.clone()]);
        let mut found = None;
        while found.is_none() && !paths.is_empty() {
            let mut next = Vec::new();
            for path in &paths {
                let last = path.last().expect("paths are never empty");
                if *last == start.owner {
                    found = Some(path.clone());
                    break;
                }
                for field in required(last) {
                    if field.type_name == start.owner || seen.insert(field.type_name.clone()) {
                        let mut longer = path.clone();
                        longer.push(field.type_name.clone());
                        next.push(longer);
                    }
                }
            }
            paths = next;
        }
        if let Some(path) = found {
            diagnostics.push(catalog::endless_embedding(start.span, &start.name, &path));
        }
    }
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
    for field in entity.fields.iter().filter(|_| mongodb) {
        if field.default == Some(DefaultValue::Autoincrement) {
            diagnostics.push(catalog::default_not_on_database(
                field.span,
                "autoincrement()",
                &field.name,
                "MongoDB",
                "documents have no sequences: use `auto()` with `@db.ObjectId`, or uuid() / cuid()",
            ));
        }
        if field.column.contains('.') || field.column.starts_with('$') {
            diagnostics.push(catalog::mongodb_field_name(field.span, &field.name, &field.column));
        }
    }
    if let Some(key) = entity.primary_key.as_ref().filter(|_| mongodb) {
        if !key.fields.iter().any(|f| entity.field(f).is_some_and(|f| f.column == "_id")) {
            diagnostics.push(catalog::document_id_not_mapped(key.span, &entity.name));
        }
    }
}

/// The native type an attribute such as `@db.VarChar(190)` writes, if it is one (`native_prefix` is
/// the datasource's name and a dot).
fn native_type_of(attribute: &Attribute, native_prefix: &str) -> Option<NativeType> {
    let name = attribute.name.name.strip_prefix(native_prefix)?;
    Some(NativeType { name: name.to_string(), arguments: attribute.arguments.iter().map(|a| expression_text(&a.value)).collect() })
}

/// A native type that `provider` lacks, or that does not fit the field's type or its arguments.
fn check_native_type(
    native_type: &NativeType,
    field_type: &FieldType,
    span: Span,
    field: &str,
    provider: Option<Provider>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    use crate::languages::prisma_native_types::{native_type_problem, NativeTypeProblem};
    let Some(provider) = provider else { return };
    if matches!(field_type, FieldType::Enum(_) | FieldType::Unsupported(_)) {
        return;
    }
    let written = if native_type.arguments.is_empty() {
        format!("@db.{}", native_type.name)
    } else {
        format!("@db.{}({})", native_type.name, native_type.arguments.join(", "))
    };
    match native_type_problem(provider, &native_type.name, &native_type.arguments, field_type) {
        None => {}
        Some(NativeTypeProblem::Unknown) => diagnostics.push(catalog::unknown_native_type(span, &native_type.name, provider)),
        Some(NativeTypeProblem::FieldType(expected)) => {
            let expected: Vec<String> = expected.iter().map(crate::languages::prisma::type_name).collect();
            let field_type = crate::languages::prisma::type_name(field_type);
            diagnostics.push(catalog::native_type_field_type(span, &native_type.name, field, &field_type, &expected));
        }
        Some(NativeTypeProblem::Arguments(takes)) => diagnostics.push(catalog::native_type_arguments(span, &written, &takes)),
    }
}

/// What a composite `type` (MongoDB's embedded documents) cannot have: keys, indexes, `auto()`,
/// attributes other than `@default`, `@map` and native types. Its fields are lowered as a
/// model's are (which checks their native types and a `@relation` on a scalar); the fields that
/// embed other types are checked where they are lowered.
fn check_composite_type_fields(
    model: &ModelBlock,
    names: &HashMap<String, TypeName>,
    native_prefix: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for declaration in &model.fields {
        let type_name = declaration.field_type.as_ref().map(|t| t.name.name.as_str()).unwrap_or_default();
        let scalar = crate::languages::prisma::scalar_type(type_name).is_some();
        if !scalar && names.get(type_name) != Some(&TypeName::Enum) {
            continue;
        }
        for attribute in &declaration.attributes {
            let name = attribute.name.name.as_str();
            if name.starts_with(native_prefix) || matches!(name, "map" | "relation") || (name == "default" && !scalar) {
                continue;
            }
            if matches!(name, "id" | "unique") {
                diagnostics.push(catalog::key_in_composite_type(attribute.span, &format!("@{name}"), &model.name.name));
            } else if name == "default" {
                let auto =
                    matches!(attribute.arguments.first().map(|a| &a.value), Some(Expression::Call { name, .. }) if name.name == "auto");
                if auto {
                    diagnostics.push(catalog::auto_in_composite_type(attribute.span, &declaration.name.name, &model.name.name));
                }
            } else {
                diagnostics.push(catalog::attribute_in_composite_type(attribute.span, &format!("@{name}"), &model.name.name));
            }
        }
    }
    for attribute in &model.attributes {
        let name = attribute.name.name.as_str();
        if matches!(name, "id" | "unique" | "index" | "fulltext") {
            diagnostics.push(catalog::key_in_composite_type(attribute.span, &format!("@@{name}"), &model.name.name));
        } else {
            diagnostics.push(catalog::attribute_in_composite_type(attribute.span, &format!("@@{name}"), &model.name.name));
        }
    }
}

/// A field that embeds a composite type: its stored name, and the attributes such a field cannot
/// take reported (`@default`, `@relation`, `@updatedAt`, native types).
fn embedded_field(
    owner: &str,
    declaration: &FieldDeclaration,
    type_name: &str,
    arity: Arity,
    position: u32,
    native_prefix: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> crate::ir::EmbeddedField {
    let field = &declaration.name.name;
    let mut attributes = Vec::new();
    for attribute in &declaration.attributes {
        match attribute.name.name.as_str() {
            "map" => {}
            "default" => diagnostics.push(catalog::default_on_embedded_field(attribute.span, field, type_name)),
            name @ ("unique" | "id" | "ignore") => attributes.push(format!("@{name}")),
            name if name.starts_with(native_prefix) || FIELD_ATTRIBUTES.contains(&name) => {
                diagnostics.push(catalog::attribute_on_embedded_field(attribute.span, &format!("@{name}"), field, type_name))
            }
            name => diagnostics.push(catalog::unknown_attribute(attribute.name.span, name, false)),
        }
    }
    crate::ir::EmbeddedField {
        owner: owner.to_string(),
        name: field.clone(),
        stored_name: mapped_name(&declaration.attributes, false).unwrap_or_else(|| field.clone()),
        type_name: type_name.to_string(),
        cardinality: super::cardinality_of(arity),
        attributes,
        position,
        documentation: declaration.documentation.clone(),
        span: declaration.span,
    }
}

/// A relation field that reaches a view, with its `@relation` arguments as written.
fn view_relation_field(field: &RelationField<'_>) -> crate::ir::ViewRelationField {
    let attribute = field.attribute;
    let names = |key: &str| -> Vec<String> {
        attribute
            .and_then(|a| a.argument(key, false))
            .map(|argument| super::arguments::field_list(&argument.value, &mut Vec::new()).into_iter().map(|(name, _)| name).collect())
            .unwrap_or_default()
    };
    let action = |key: &str| {
        attribute
            .and_then(|a| a.argument(key, false))
            .and_then(|argument| argument.value.as_name())
            .and_then(|(name, _)| crate::languages::prisma::action(name))
    };
    crate::ir::ViewRelationField {
        owner: field.entity.clone(),
        name: field.declaration.name.name.clone(),
        target: field.target.clone(),
        cardinality: super::cardinality_of(field.arity),
        position: field.position,
        relation_name: attribute.and_then(|a| super::arguments::string_argument(a, "name", true)),
        fields: names("fields"),
        references: names("references"),
        on_delete: action("onDelete"),
        on_update: action("onUpdate"),
        span: field.declaration.span,
    }
}

/// A view's uniques are not indexes of the database, so Prisma gives a view no `@@index`, and its
/// uniques no database name (`map:`), no clustering and no arguments on their fields.
fn check_view_keys(model: &ModelBlock, diagnostics: &mut Vec<Diagnostic>) {
    let field_uniques = model.fields.iter().flat_map(|f| f.attributes.iter()).filter(|a| a.name.name == "unique");
    let block_keys = model.attributes.iter().filter(|a| matches!(a.name.name.as_str(), "unique" | "index"));
    for attribute in field_uniques.chain(block_keys) {
        if attribute.name.name == "index" {
            diagnostics.push(catalog::view_key_problem(
                attribute.span,
                &model.name.name,
                "a view has no indexes of its own: its rows come from its query",
            ));
            continue;
        }
        for argument in &attribute.arguments {
            let name = argument.name.as_ref().map(|n| n.name.as_str());
            if matches!(name, Some("map" | "clustered" | "length" | "sort")) {
                diagnostics.push(catalog::view_key_problem(
                    argument.span,
                    &model.name.name,
                    "a view's unique is no index in the database, so it takes no database name, clustering, length or sort",
                ));
            }
        }
        if attribute.is_block_attribute {
            let fields = attribute.argument("fields", true).map(|f| f.value.as_list()).unwrap_or_default();
            for item in fields {
                if let Expression::Call { arguments, span, .. } = item {
                    if !arguments.is_empty() {
                        diagnostics.push(catalog::view_key_problem(
                            *span,
                            &model.name.name,
                            "the fields of a view's unique take no arguments",
                        ));
                    }
                }
            }
        }
    }
}

/// Prisma has no implicit many-to-many with a view: a join table needs both sides' ids.
fn check_view_many_to_many(view: &ModelBlock, file: &SchemaFile, names: &HashMap<String, TypeName>, diagnostics: &mut Vec<Diagnostic>) {
    for declaration in &view.fields {
        let Some(field_type) = declaration.field_type.as_ref().filter(|t| t.arity == Arity::List) else { continue };
        if !matches!(names.get(&field_type.name.name), Some(TypeName::Model | TypeName::View)) {
            continue;
        }
        let back = file.blocks.iter().find_map(|block| match block {
            Block::Model(other) if other.name.name == field_type.name.name => {
                other.fields.iter().find(|f| f.field_type.as_ref().is_some_and(|t| t.arity == Arity::List && t.name.name == view.name.name))
            }
            _ => None,
        });
        if back.is_some() {
            diagnostics.push(catalog::view_many_to_many(declaration.span, &view.name.name, &declaration.name.name, &field_type.name.name));
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

fn lower_model<'a>(
    model: &'a ModelBlock,
    names: &HashMap<String, TypeName>,
    native_prefix: &str,
    schema: &Schema,
    relation_fields: &mut Vec<RelationField<'a>>,
    embedded: &mut Vec<crate::ir::EmbeddedField>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Entity {
    let table = mapped_name(&model.attributes, true).unwrap_or_else(|| model.name.name.clone());
    let mut entity = Entity::new(model.name.name.clone(), table, model.span, Span::new(model.span.start(), model.name.span.end()));
    entity.documentation = model.documentation.clone();
    entity.ignored = model.attributes.iter().any(|a| a.name.name == "ignore");
    let kind = if model.keyword == ModelKeyword::View { "view" } else { "model" };
    entity.database_schema = super::database_schemas::block_schema(
        &model.attributes,
        &schema.database_schemas,
        kind,
        &model.name.name,
        model.name.span,
        diagnostics,
    );
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
            let native = attribute.name.name.starts_with(native_prefix);
            if !FIELD_ATTRIBUTES.contains(&attribute.name.name.as_str()) && !native {
                diagnostics.push(catalog::unknown_attribute(attribute.name.span, &attribute.name.name, false));
            }
            // Native types count as one attribute: `@db.Text @db.VarChar(5)` is two types too.
            let key = if native { native_prefix } else { attribute.name.name.as_str() };
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
                // A relation field; one that reaches a view is kept apart from the schema's
                // relations after lowering (N007 says so).
                Some(kind @ (TypeName::Model | TypeName::View)) => {
                    relation_fields.push(RelationField {
                        entity: model.name.name.clone(),
                        declaration,
                        target: type_name.to_string(),
                        arity: field_type.arity,
                        attribute: declaration.attributes.iter().find(|a| a.name.name == "relation"),
                        position,
                    });
                    for attribute in declaration.attributes.iter().filter(|_| *kind == TypeName::Model) {
                        if attribute.name.name != "relation" && attribute.name.name != "ignore" {
                            diagnostics.push(catalog::attribute_on_relation_field(attribute.span, &attribute.name.name));
                        }
                    }
                    continue;
                }
                Some(TypeName::CompositeType) => {
                    embedded.push(embedded_field(
                        &model.name.name,
                        declaration,
                        type_name,
                        field_type.arity,
                        position,
                        native_prefix,
                        diagnostics,
                    ));
                    continue;
                }
                None => {
                    diagnostics.push(catalog::unknown_type(field_type.name.span, type_name, names.keys()));
                    continue;
                }
            },
        };
        let field = lower_scalar_field(declaration, portable_type, position, native_prefix, schema, diagnostics);
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
                "ignore" => entity.ignored_fields.push(field.name.clone()),
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
    let embeds: Vec<&str> = embedded.iter().filter(|f| f.owner == model.name.name).map(|f| f.name.as_str()).collect();
    lower_block_attributes(model, &mut entity, &embeds, diagnostics);
    entity
}

fn lower_scalar_field(
    declaration: &FieldDeclaration,
    field_type: FieldType,
    position: u32,
    native_prefix: &str,
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
        database_types: Vec::new(),
        updated_at: false,
        position,
        documentation: declaration.documentation.clone(),
        span: declaration.span,
    };
    for attribute in &declaration.attributes {
        let name = attribute.name.name.as_str();
        if let Some(native_type) = native_type_of(attribute, native_prefix) {
            check_native_type(&native_type, &field.field_type, attribute.span, &field.name, schema.provider, diagnostics);
            field.native_type = Some(native_type);
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
            "uuid" | "cuid" | "nanoid" | "ulid" => {
                let function = name.name.as_str();
                if field.field_type != FieldType::String {
                    diagnostics.push(catalog::default_type_mismatch(value.span(), &format!("{function}()"), &field.name, "a String"));
                    return None;
                }
                if let Some(problem) = generated_id_argument_problem(function, arguments) {
                    diagnostics.push(catalog::default_function_argument(value.span(), function, problem));
                    return None;
                }
                match function {
                    "uuid" => DefaultValue::Uuid(version(arguments)),
                    "cuid" => DefaultValue::Cuid(version(arguments)),
                    "nanoid" => DefaultValue::Nanoid(version(arguments)),
                    _ => DefaultValue::Cuid(None),
                }
            }
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

/// What is wrong with the arguments of a generated-id default, as Prisma's validator has it:
/// `ulid()` takes none; `cuid()`, `uuid()` and `nanoid()` none or one integer — cuid's version 1 or 2,
/// uuid's 4 or 7, nanoid's length from 2 to 255.
fn generated_id_argument_problem(function: &str, arguments: &[crate::syntax::prisma::ast::Argument]) -> Option<&'static str> {
    if function == "ulid" {
        return (!arguments.is_empty()).then_some("takes no argument: write `ulid()`");
    }
    let allowed = |n: u32| match function {
        "cuid" => n == 1 || n == 2,
        "uuid" => n == 4 || n == 7,
        _ => (2..=255).contains(&n),
    };
    let expected = match function {
        "cuid" => "no argument, or the version 1 or 2",
        "uuid" => "no argument, or the version 4 or 7",
        _ => "no argument, or a length from 2 to 255",
    };
    match arguments {
        [] => None,
        [argument] if argument.name.is_none() => match &argument.value {
            Expression::Number { text, .. } => (!text.parse::<u32>().is_ok_and(allowed)).then_some(expected),
            _ => Some(expected),
        },
        _ => Some(expected),
    }
}

/// Whether a uniqueness or index attribute reaches into the model's embedded documents (it names a
/// field that embeds a composite type, or a path `address.city`).
fn reaches_embedded(attribute: &Attribute, embeds: &[&str]) -> bool {
    matches!(attribute.name.name.as_str(), "unique" | "index")
        && attribute.argument("fields", true).is_some_and(|fields| {
            field_list(&fields.value, &mut Vec::new()).iter().any(|(name, _)| name.contains('.') || embeds.contains(&name.as_str()))
        })
}

/// A model's uniques and indexes over its embedded documents: each path is checked against the
/// composite types, and the attribute kept as written ([`Schema::embedded_indexes`]).
fn lower_embedded_indexes(file: &SchemaFile, schema: &mut Schema, diagnostics: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    for block in &file.blocks {
        let Block::Model(model) = block else { continue };
        if model.keyword != ModelKeyword::Model {
            continue;
        }
        let embeds: Vec<&str> = schema.embedded_fields.iter().filter(|f| f.owner == model.name.name).map(|f| f.name.as_str()).collect();
        for attribute in model.attributes.iter().filter(|a| reaches_embedded(a, &embeds)) {
            let fields = attribute.argument("fields", true).map(|f| field_list(&f.value, &mut Vec::new())).unwrap_or_default();
            let mut known = true;
            for (path, span) in &fields {
                known &= check_embedded_path(schema, &model.name.name, path, *span, attribute, diagnostics);
            }
            if known {
                let paths: Vec<String> = fields.iter().map(|(path, _)| path.clone()).collect();
                let entity = schema.entity(&model.name.name);
                check_compound_name(
                    &paths,
                    attribute,
                    |name| entity.is_some_and(|e| e.field(name).is_some()) || embeds.contains(&name),
                    diagnostics,
                );
                found.push(crate::ir::EmbeddedIndex {
                    owner: model.name.name.clone(),
                    attribute: super::arguments::attribute_source(attribute),
                    span: attribute.span,
                });
            }
        }
    }
    schema.embedded_indexes = found;
}

/// Prisma Client names an `@@id` or `@@unique` of two or more fields by joining them with `_`
/// (a path's dots too); a field of that name (`is_field`) clashes with it, `name:` or not.
fn check_compound_name(fields: &[String], attribute: &Attribute, is_field: impl Fn(&str) -> bool, diagnostics: &mut Vec<Diagnostic>) {
    let kind = attribute.name.name.as_str();
    if fields.len() < 2 || !matches!(kind, "id" | "unique") {
        return;
    }
    let joined = fields.join("_").replace('.', "_");
    if is_field(&joined) {
        diagnostics.push(catalog::compound_name_clash(attribute.span, &joined, &format!("@@{kind}")));
    }
}

/// Follows `path` (`address.geo.lat`) from the model through its embedded documents; reports the
/// first name that is not there.
fn check_embedded_path(
    schema: &Schema,
    model: &str,
    path: &str,
    span: Span,
    attribute: &Attribute,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut owner = model.to_string();
    let mut segments = path.split('.').peekable();
    while let Some(segment) = segments.next() {
        if let Some(embedded) = schema.embedded_fields.iter().find(|f| f.owner == owner && f.name == segment) {
            owner = embedded.type_name.clone();
            continue;
        }
        let is_scalar = schema.entities.iter().chain(&schema.composite_types).any(|e| e.name == owner && e.field(segment).is_some());
        if is_scalar && segments.peek().is_none() {
            return true;
        }
        if owner == model {
            diagnostics.push(catalog::unknown_field_in_attribute(span, segment, model, &attribute.name.name, false));
        } else {
            diagnostics.push(catalog::unknown_embedded_path(span, path, segment, &owner));
        }
        return false;
    }
    // The path ends at an embedded document: the index covers it whole.
    true
}

fn lower_block_attributes(model: &ModelBlock, entity: &mut Entity, embeds: &[&str], diagnostics: &mut Vec<Diagnostic>) {
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
        if !matches!(name, "id" | "unique" | "index") || reaches_embedded(attribute, embeds) {
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
        check_compound_name(&fields, attribute, |name| entity.field(name).is_some() || embeds.contains(&name), diagnostics);
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
            _ => {
                let index_type = match attribute.argument("type", false).map(|a| &a.value) {
                    Some(Expression::Constant { name, .. }) if name != "BTree" => Some(name.clone()),
                    _ => None,
                };
                entity.indexes.push(Index { field_options, fields, constraint_name, index_type, span: attribute.span })
            }
        }
    }
}
