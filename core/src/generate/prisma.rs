//! The Prisma schema generator: canonical `prisma format` layout (aligned columns, two-space
//! indent), every relation written with both of its sides.
//!
//! Referential actions are written only where they differ from Prisma's defaults (optional
//! relation: SetNull/Cascade, required: Restrict/Cascade). A relation end without a navigation
//! (possible from other source languages) gets the one [`super::relation_ends`] names, since
//! Prisma requires both sides.

use super::emit::{DocStyle, Emitter};
use super::relation_ends::{relation_ends, RelationEnds};
use super::{Generated, SchemaItem};
use crate::ir::{
    CommentTarget, DefaultValue, Entity, Field, FieldType, KeyFieldOptions, Provider, ReferentialAction, Relation, RelationKind, Schema,
    SchemaIndex,
};
use crate::languages::prisma::{action_name, cardinality_mark, default_on_delete, names_foreign_keys, names_primary_keys, type_name};
use crate::options::PrismaVersion;
use std::fmt::Write;

/// Prisma 7's `prisma.config.ts` beside the schema relplay writes: where the schema is and where
/// the connection comes from (Prisma 7 reads no URL from the schema and loads no `.env` itself).
pub fn prisma_config() -> String {
    "// Prisma 7's configuration, written by relplay beside schema.prisma: Prisma 7 reads the\n\
     // database URL from here (not from the schema) and loads no .env file by itself.\n\
     import \"dotenv/config\";\n\
     import { defineConfig, env } from \"prisma/config\";\n\n\
     export default defineConfig({\n  schema: \"schema.prisma\",\n  datasource: {\n    url: env(\"DATABASE_URL\"),\n  },\n});\n"
        .to_string()
}

/// Renders `schema` as a Prisma schema file for `prisma`: Prisma 7's names the `prisma-client`
/// generator with its output and keeps the connection out of the schema (it is in
/// `prisma.config.ts`, [`prisma_config`]), Prisma 6's reads it from `env("DATABASE_URL")` and
/// names the `prisma-client-js` generator. A many-to-many relation whose join table is not
/// Prisma's implicit one is written with a join model (see [`super::explicit_join_models`]).
pub fn generate(original: &Schema, prisma: PrismaVersion) -> Generated {
    let named = super::prisma_names::with_prisma_names(original);
    let (mut explicit, origin) = super::explicit_join_models::with_explicit_join_models(&named);
    let mut out = Emitter::new();
    widen_keys_to_referenced_types(&mut explicit, &mut out);
    let provider = explicit.provider.unwrap_or(Provider::Postgresql);
    name_colliding_foreign_keys(&mut explicit, provider);
    let schema = &explicit;
    let ends = relation_ends(schema);
    let schema_index = SchemaIndex::new(schema);
    // PostgreSQL extensions are a preview feature of Prisma's, named in the datasource.
    // A database name Prisma cannot take as a name (`uuid-ossp`) is written `uuid_ossp(map: "uuid-ossp")`.
    let extension = |name: &String| {
        let identifier = crate::languages::prisma::identifier(name);
        if &identifier == name {
            identifier
        } else {
            format!("{identifier}(map: \"{name}\")")
        }
    };
    let extensions = (provider == Provider::Postgresql && !schema.extensions.is_empty())
        .then(|| schema.extensions.iter().map(extension).collect::<Vec<_>>().join(", "));
    // Preview features the output needs: extensions, and shard keys (MySQL's).
    let shard_keys = provider == Provider::Mysql && schema.entities.iter().any(|e| !e.shard_key.is_empty());
    let features: Vec<&str> =
        [(extensions.is_some(), "\"postgresqlExtensions\""), (shard_keys, "\"shardKeys\""), (!schema.views.is_empty(), "\"views\"")]
            .into_iter()
            .filter_map(|(needed, name)| needed.then_some(name))
            .collect();
    super::emit::source_header(&mut out, schema, "//");
    match prisma {
        PrismaVersion::Seven if !features.is_empty() => {
            let _ = writeln!(
                out,
                "generator client {{\n  provider        = \"prisma-client\"\n  output          = \"./generated\"\n  previewFeatures = [{}]\n}}\n",
                features.join(", ")
            );
        }
        // Prisma 7's client is generated only by a `prisma-client` generator with an output.
        PrismaVersion::Seven => {
            _ = writeln!(out, "generator client {{\n  provider = \"prisma-client\"\n  output   = \"./generated\"\n}}\n")
        }
        PrismaVersion::Six if !features.is_empty() => {
            let _ = writeln!(
                out,
                "generator client {{\n  provider        = \"prisma-client-js\"\n  previewFeatures = [{}]\n}}\n",
                features.join(", ")
            );
        }
        PrismaVersion::Six => _ = writeln!(out, "generator client {{\n  provider = \"prisma-client-js\"\n}}\n"),
    }
    // Database schemas (`schemas`, `@@schema`) where the provider has them.
    let has_schemas = matches!(provider, Provider::Postgresql | Provider::Cockroachdb | Provider::Sqlserver);
    let schemas = (has_schemas && !schema.database_schemas.is_empty())
        .then(|| schema.database_schemas.iter().map(|s| string_literal(s)).collect::<Vec<_>>().join(", "));
    let mut properties = vec![("provider", format!("\"{}\"", provider.as_str()))];
    if prisma == PrismaVersion::Six {
        properties.push(("url", "env(\"DATABASE_URL\")".to_string()));
    }
    if let Some(list) = &extensions {
        properties.push(("extensions", format!("[{list}]")));
    }
    if let Some(list) = &schemas {
        properties.push(("schemas", format!("[{list}]")));
    }
    // Relations kept by Prisma Client rather than by foreign keys (PlanetScale, MongoDB's
    // default): without this line Prisma would create foreign keys the schema does not want.
    if schema.relation_mode == crate::ir::RelationMode::Prisma && provider != Provider::Mongodb {
        properties.push(("relationMode", "\"prisma\"".to_string()));
    }
    let width = properties.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    let _ = writeln!(out, "datasource db {{");
    for (name, value) in &properties {
        let _ = writeln!(out, "  {name:width$} = {value}");
    }
    let _ = writeln!(out, "}}");
    for (index, entity) in schema.entities.iter().enumerate() {
        out.push('\n');
        out.anchored(SchemaItem::Entity(index), |out| write_model(out, &schema_index, &ends, index, entity));
    }
    for view in &schema.views {
        out.push('\n');
        write_view(&mut out, schema, view, provider);
    }
    for composite in &schema.composite_types {
        out.push('\n');
        write_composite_type(&mut out, schema, composite, provider);
    }
    for enum_type in &schema.enums {
        out.push('\n');
        let _ = writeln!(out, "enum {} {{", enum_type.name);
        for value in &enum_type.values {
            if value.database_name == value.name {
                let _ = writeln!(out, "  {}", value.name);
            } else {
                let _ = writeln!(out, "  {} @map({})", value.name, string_literal(&value.database_name));
            }
        }
        let mapped = enum_type.database_name != enum_type.name;
        let in_schema = enum_type.database_schema.as_ref().filter(|_| schemas.is_some());
        if mapped || in_schema.is_some() {
            out.push('\n');
        }
        if mapped {
            let _ = writeln!(out, "  @@map({})", string_literal(&enum_type.database_name));
        }
        if let Some(database_schema) = in_schema {
            let _ = writeln!(out, "  @@schema({})", string_literal(database_schema));
        }
        out.push_str("}\n");
    }
    // Anchors name the items of the schema given, not of the rewritten one.
    out.map_items(|item| match item {
        SchemaItem::Relation(index) => SchemaItem::Relation(origin[index]),
        SchemaItem::Entity(index) if index >= original.entities.len() => {
            let join_of = schema.entities[index].join_of.expect("added entities are join models");
            SchemaItem::Relation(origin[join_of[0]])
        }
        item => item,
    });
    warn_of_unnamed_constraints(&mut out, original, provider);
    out.finish()
}

/// Prisma cannot name primary keys on MySQL and SQLite, nor foreign keys on SQLite: such names
/// (read from SQL) are left out of the schema, with a warning each.
fn warn_of_unnamed_constraints(out: &mut Emitter, schema: &Schema, provider: Provider) {
    let target = format!("Prisma on {}", provider.display_name());
    if !names_primary_keys(provider) {
        for entity in &schema.entities {
            if let Some(pk) = &entity.primary_key {
                if let Some(name) = &pk.constraint_name {
                    out.cannot_express(pk.span, &target, &format!("the primary key name `{name}` of `{}`", entity.name));
                }
            }
        }
    }
    if !names_foreign_keys(provider) {
        for relation in &schema.relations {
            if let Some(name) = relation.foreign_key.as_ref().and_then(|fk| fk.constraint_name.as_ref()) {
                out.cannot_express(relation.span, &target, &format!("the foreign key name `{name}`"));
            }
        }
    }
}

/// Prisma wants a foreign key of its referenced field's type, where PostgreSQL takes an `integer`
/// key to a `bigint` (OpenStreetMap's `user_id`s to `users.id`): such a key is written with the
/// referenced type (its native type dropped), and a warning says the column widens.
fn widen_keys_to_referenced_types(schema: &mut Schema, out: &mut Emitter) {
    let mut widen: Vec<(String, String, FieldType)> = Vec::new();
    let index = SchemaIndex::new(schema);
    for relation in &schema.relations {
        let Some(fk) = &relation.foreign_key else { continue };
        let (Some(owner), Some(target)) = (index.entity(&fk.entity), index.entity(&fk.referenced_entity)) else { continue };
        for (field, referenced) in fk.fields.iter().zip(&fk.referenced_fields) {
            let (Some(field), Some(referenced)) = (owner.field(field), target.field(referenced)) else { continue };
            let integers = |t: &FieldType| matches!(t, FieldType::Int | FieldType::BigInt);
            if field.field_type != referenced.field_type && integers(&field.field_type) && integers(&referenced.field_type) {
                let what = format!(
                    "the key `{}.{}` as {} referencing {} `{}.{}` (Prisma needs one type): it is written {}, which widens the column",
                    owner.name,
                    field.name,
                    type_name(&field.field_type),
                    type_name(&referenced.field_type),
                    target.name,
                    referenced.name,
                    type_name(&referenced.field_type)
                );
                out.cannot_express(field.span, "Prisma", &what);
                widen.push((owner.name.clone(), field.name.clone(), referenced.field_type.clone()));
            }
        }
    }
    for (entity, field, field_type) in widen {
        if let Some(field) =
            schema.entities.iter_mut().find(|e| e.name == entity).and_then(|e| e.fields.iter_mut().find(|f| f.name == field))
        {
            field.field_type = field_type;
            field.native_type = None;
            field.database_types.clear();
        }
    }
}

/// Foreign keys whose default names are the same once cut to the database's limit (the two keys
/// of a join model named after two long tables), which Prisma refuses ("has to be unique"): the
/// later ones get the numbered names relplay's SQL gives them, written as `map:`.
fn name_colliding_foreign_keys(schema: &mut Schema, provider: Provider) {
    let names = crate::dialect::SqlDialect::for_provider(Some(provider)).foreign_key_names(schema);
    for (relation, name) in schema.relations.iter_mut().zip(names) {
        if let Some(fk) = relation.foreign_key.as_mut().filter(|fk| fk.constraint_name.is_none()) {
            fk.constraint_name = name;
        }
    }
}

/// One line of a model before alignment.
struct Line {
    position: u32,
    /// The source's comments on this field, as written above it.
    comments: String,
    documentation: Option<String>,
    name: String,
    type_text: String,
    attributes: Vec<String>,
    /// The relation whose owning side this line is, for anchors.
    owns_relation: Option<usize>,
}

fn write_model(out: &mut Emitter, index: &SchemaIndex, ends: &[RelationEnds], number: usize, entity: &Entity) {
    let schema = index.schema();
    let provider = schema.provider.unwrap_or(Provider::Postgresql);
    let mut lines: Vec<Line> = entity.fields.iter().map(|f| scalar_line(entity, f, provider)).collect();
    for (field, line) in lines.iter_mut().enumerate() {
        super::emit::write_comments(&mut line.comments, schema, CommentTarget::Field { entity: number, field }, "//", "  ");
    }
    let mut navigations = navigation_lines(index, ends, entity);
    for (navigation, line) in navigations.iter_mut().enumerate() {
        super::emit::write_comments(&mut line.comments, schema, CommentTarget::Navigation { entity: number, navigation }, "//", "  ");
    }
    lines.extend(navigations);
    lines.extend(view_relation_lines(schema, &entity.name));
    lines.extend(embedded_lines(schema, &entity.name));
    lines.sort_by_key(|l| l.position);
    out.comments(schema, CommentTarget::Entity { entity: number }, "//", "");
    out.doc(DocStyle::TripleSlash, entity.documentation.as_deref(), "");
    let _ = writeln!(out, "model {} {{", entity.name);
    let mut attributes = block_attributes(index.schema(), entity, provider, !index.schema().database_schemas.is_empty());
    attributes.extend(schema.embedded_indexes.iter().filter(|i| i.owner == entity.name).map(|i| i.attribute.clone()));
    write_block_body(out, &lines, attributes);
}

/// A composite `type` block (MongoDB): its fields, those that embed other types among them.
fn write_composite_type(out: &mut Emitter, schema: &Schema, composite: &Entity, provider: Provider) {
    out.doc(DocStyle::TripleSlash, composite.documentation.as_deref(), "");
    let _ = writeln!(out, "type {} {{", composite.name);
    let mut lines: Vec<Line> = composite.fields.iter().map(|f| scalar_line(composite, f, provider)).collect();
    lines.extend(embedded_lines(schema, &composite.name));
    lines.sort_by_key(|l| l.position);
    write_block_body(out, &lines, Vec::new());
}

/// The fields of `owner` (a model or a composite type) that embed a composite type.
fn embedded_lines(schema: &Schema, owner: &str) -> Vec<Line> {
    schema
        .embedded_fields
        .iter()
        .filter(|field| field.owner == owner)
        .map(|field| {
            let mut attributes = field.attributes.clone();
            if field.stored_name != field.name {
                attributes.push(format!("@map({})", string_literal(&field.stored_name)));
            }
            Line {
                position: field.position,
                comments: String::new(),
                documentation: field.documentation.clone(),
                name: field.name.clone(),
                type_text: format!("{}{}", field.type_name, cardinality_mark(field.cardinality)),
                attributes,
                owns_relation: None,
            }
        })
        .collect()
}

/// A block's fields in aligned columns (each relation field anchored to its relation), then its
/// block attributes, then the closing brace.
fn write_block_body(out: &mut Emitter, lines: &[Line], block_attributes: Vec<String>) {
    let name_width = lines.iter().map(|l| l.name.len()).max().unwrap_or(0);
    let type_width = lines.iter().map(|l| l.type_text.len()).max().unwrap_or(0);
    for line in lines {
        out.push_str(&line.comments);
        out.doc(DocStyle::TripleSlash, line.documentation.as_deref(), "  ");
        let start = out.len();
        let text = if line.attributes.is_empty() {
            format!("  {:name_width$} {}", line.name, line.type_text)
        } else {
            format!("  {:name_width$} {:type_width$} {}", line.name, line.type_text, line.attributes.join(" "))
        };
        out.push_str(text.trim_end());
        if let Some(relation) = line.owns_relation {
            out.anchor_from(SchemaItem::Relation(relation), start);
        }
        out.push('\n');
    }
    if !block_attributes.is_empty() {
        out.push('\n');
        for attribute in block_attributes {
            let _ = writeln!(out, "  {attribute}");
        }
    }
    out.push_str("}\n");
}

/// A `view` block: its fields with their attributes, its uniques and names; no relation fields.
fn write_view(out: &mut Emitter, schema: &Schema, view: &Entity, provider: Provider) {
    let schemas_declared = !schema.database_schemas.is_empty();
    out.doc(DocStyle::TripleSlash, view.documentation.as_deref(), "");
    let _ = writeln!(out, "view {} {{", view.name);
    let mut lines: Vec<Line> = view.fields.iter().map(|f| scalar_line(view, f, provider)).collect();
    lines.extend(view_relation_lines(schema, &view.name));
    lines.sort_by_key(|l| l.position);
    // A view without a unique is no `@@ignore`d model: Prisma reads it all the same.
    let attributes =
        block_attributes(schema, view, provider, schemas_declared).into_iter().filter(|a| a != "@@ignore" || view.ignored).collect();
    write_block_body(out, &lines, attributes);
}

/// The relation fields of `owner` (a model or a view) that reach a view, as declared.
fn view_relation_lines(schema: &Schema, owner: &str) -> Vec<Line> {
    schema
        .view_relations
        .iter()
        .filter(|field| field.owner == owner)
        .map(|field| {
            let mark = cardinality_mark(field.cardinality);
            let mut arguments = Vec::new();
            if let Some(name) = &field.relation_name {
                arguments.push(string_literal(name));
            }
            if !field.fields.is_empty() {
                arguments.push(format!("fields: [{}]", field.fields.join(", ")));
                arguments.push(format!("references: [{}]", field.references.join(", ")));
            }
            for (key, action) in [("onDelete", field.on_delete), ("onUpdate", field.on_update)] {
                if let Some(action) = action {
                    arguments.push(format!("{key}: {}", action_name(action)));
                }
            }
            Line {
                position: field.position,
                comments: String::new(),
                documentation: None,
                name: field.name.clone(),
                type_text: format!("{}{mark}", field.target),
                attributes: if arguments.is_empty() { Vec::new() } else { vec![format!("@relation({})", arguments.join(", "))] },
                owns_relation: None,
            }
        })
        .collect()
}

fn scalar_line(entity: &Entity, field: &Field, provider: Provider) -> Line {
    let mut attributes = Vec::new();
    if let Some(pk) = entity.primary_key.as_ref().filter(|pk| pk.fields.len() == 1 && pk.fields[0] == field.name) {
        let map = unless_default(pk.constraint_name.as_ref(), provider, entity, &[], "pkey");
        attributes.push(match map.filter(|_| names_primary_keys(provider)) {
            Some(map) => format!("@id(map: {})", string_literal(map)),
            None => "@id".to_string(),
        });
    }
    if let Some(default) = &field.default {
        attributes.push(format!("@default({})", field_default_text(field, default)));
    }
    for unique in
        entity.uniques.iter().filter(|u| u.on_field && u.fields.len() == 1 && u.fields[0] == field.name && u.field_options.is_empty())
    {
        attributes.push(match unless_default(unique.constraint_name.as_ref(), provider, entity, &unique.fields, "key") {
            Some(map) => format!("@unique(map: {})", string_literal(map)),
            None => "@unique".to_string(),
        });
    }
    if field.updated_at {
        attributes.push("@updatedAt".to_string());
    }
    if entity.ignored_fields.contains(&field.name) {
        attributes.push("@ignore".to_string());
    }
    if field.column != prisma_name(&field.name) {
        attributes.push(format!("@map({})", string_literal(&field.column)));
    }
    // The type the source's ORM gives the column on this database, else its own native type.
    if let Some(native) = field.database_type(provider).or(field.native_type.as_ref()) {
        if native.arguments.is_empty() {
            attributes.push(format!("@db.{}", native.name));
        } else {
            attributes.push(format!("@db.{}({})", native.name, native.arguments.join(", ")));
        }
    }
    let suffix = if field.list {
        "[]"
    } else if field.nullable {
        "?"
    } else {
        ""
    };
    Line {
        position: field.position,
        comments: String::new(),
        documentation: field.documentation.clone(),
        name: prisma_name(&field.name),
        type_text: format!("{}{suffix}", type_name(&field.field_type)),
        attributes,
        owns_relation: None,
    }
}

fn navigation_lines(schema_index: &SchemaIndex, ends: &[RelationEnds], entity: &Entity) -> Vec<Line> {
    let schema = schema_index.schema();
    let mut lines = Vec::new();
    for navigation in &entity.navigations {
        let relation = &schema.relations[navigation.relation];
        let is_owner = relation.owning_side.entity == entity.name && relation.owning_side.navigation.as_deref() == Some(&navigation.name);
        let suffix = cardinality_mark(navigation.cardinality);
        lines.push(Line {
            position: navigation.position,
            comments: String::new(),
            documentation: navigation.documentation.clone(),
            name: navigation.name.clone(),
            type_text: format!("{}{suffix}", navigation.target),
            attributes: navigation_attributes(schema_index, ends, navigation.relation, entity, &navigation.target, is_owner),
            owns_relation: is_owner.then_some(navigation.relation),
        });
    }
    // Relation ends on this entity that the schema has no navigation for: Prisma needs both.
    for &index in schema_index.relations_of(&entity.name) {
        let (relation, relation_ends) = (&schema.relations[index], &ends[index]);
        for (end, is_owner) in [(&relation_ends.owning, true), (&relation_ends.inverse, false)] {
            if !end.synthesized || end.entity != entity.name {
                continue;
            }
            let required = relation.foreign_key.as_ref().is_some_and(|fk| fk.required);
            let (other, suffix) = match (is_owner, relation.kind) {
                (true, RelationKind::ManyToMany) => (&relation.inverse_side.entity, "[]"),
                (true, _) => (&relation.inverse_side.entity, if required { "" } else { "?" }),
                (false, RelationKind::OneToOne) => (&relation.owning_side.entity, "?"),
                (false, _) => (&relation.owning_side.entity, "[]"),
            };
            lines.push(Line {
                position: u32::MAX,
                comments: String::new(),
                documentation: None,
                name: end.navigation.clone(),
                type_text: format!("{other}{suffix}"),
                attributes: navigation_attributes(schema_index, ends, index, entity, other, is_owner),
                owns_relation: is_owner.then_some(index),
            });
        }
    }
    lines
}

/// The attributes of a relation field: `@relation(…)`, and `@ignore` where it leads to a model
/// Prisma Client cannot use.
fn navigation_attributes(
    schema_index: &SchemaIndex,
    ends: &[RelationEnds],
    index: usize,
    entity: &Entity,
    target: &str,
    is_owner: bool,
) -> Vec<String> {
    let schema = schema_index.schema();
    let mut attributes: Vec<String> =
        relation_attribute(schema_index, ends, index, &schema.relations[index], is_owner).into_iter().collect();
    if !is_ignored(schema, entity) && schema_index.entity(target).is_some_and(|target| is_ignored(schema, target)) {
        attributes.push("@ignore".to_string());
    }
    attributes
}

/// The relation name Prisma needs: the given one, or a made-up one where two relations join the
/// same models (or a model to itself) and Prisma could not tell them apart.
fn relation_name(ends: &[RelationEnds], index: usize, relation: &Relation) -> Option<String> {
    if relation.name.is_some() {
        return relation.name.clone();
    }
    let shared = ends[index].shares_pair;
    let is_self = relation.owning_side.entity == relation.inverse_side.entity;
    if !shared && !is_self {
        return None;
    }
    Some(format!("{}_{}", relation.owning_side.entity, ends[index].owning.navigation))
}

fn relation_attribute(
    schema_index: &SchemaIndex,
    ends: &[RelationEnds],
    index: usize,
    relation: &Relation,
    is_owner: bool,
) -> Option<String> {
    let schema = schema_index.schema();
    let mut arguments = Vec::new();
    if let Some(name) = relation_name(ends, index, relation) {
        arguments.push(string_literal(&name));
    }
    // MongoDB's many-to-many: each side names its own list of the other side's ids.
    if let Some(lists) = &relation.id_lists {
        let list = &lists[usize::from(!is_owner)];
        arguments.push(format!("fields: [{}]", list.field));
        arguments.push(format!("references: [{}]", list.referenced_field));
    }
    if let (true, Some(fk)) = (is_owner, &relation.foreign_key) {
        arguments.push(format!("fields: [{}]", prisma_names(&fk.fields).join(", ")));
        arguments.push(format!("references: [{}]", prisma_names(&fk.referenced_fields).join(", ")));
        if relation.on_delete != default_on_delete(fk.required, schema.provider) {
            arguments.push(format!("onDelete: {}", action_name(relation.on_delete)));
        }
        if relation.on_update != ReferentialAction::Cascade {
            arguments.push(format!("onUpdate: {}", action_name(relation.on_update)));
        }
        let provider = schema.provider.unwrap_or(Provider::Postgresql);
        let map = schema_index
            .entity(&fk.entity)
            .and_then(|owner| unless_default(fk.constraint_name.as_ref(), provider, owner, &fk.fields, "fkey"));
        if let Some(map) = map.filter(|_| names_foreign_keys(provider)) {
            arguments.push(format!("map: {}", string_literal(map)));
        }
    }
    (!arguments.is_empty()).then(|| format!("@relation({})", arguments.join(", ")))
}

/// Whether the model is `@@ignore`d: as the source says, or because Prisma Client cannot address
/// its rows: no primary key (a scalar one, or MongoDB's composite-typed `@id`) and no unique
/// constraint of required fields (a table read from SQL, such as a partition). Prisma needs
/// `@@ignore` on it and `@ignore` on the relation fields of other models that lead to it.
fn is_ignored(schema: &Schema, entity: &Entity) -> bool {
    let required = |fields: &[String]| fields.iter().all(|f| entity.field(f).is_some_and(|f| !f.nullable));
    let embedded_id = || schema.embedded_fields.iter().any(|f| f.owner == entity.name && f.is_id());
    entity.ignored || (entity.primary_key.is_none() && !entity.uniques.iter().any(|u| required(&u.fields)) && !embedded_id())
}

fn block_attributes(schema: &Schema, entity: &Entity, provider: Provider, schemas_declared: bool) -> Vec<String> {
    let mut attributes = Vec::new();
    // `url(length: 500)` only where Prisma has prefix lengths (MySQL); `sort: Desc` everywhere.
    let with_options = |fields: &[String], options: &[KeyFieldOptions]| -> Vec<String> {
        fields
            .iter()
            .map(|field| {
                let Some(option) = KeyFieldOptions::of(options, field) else { return prisma_name(field) };
                let mut arguments = Vec::new();
                if let Some(length) = option.length.filter(|_| provider == Provider::Mysql) {
                    arguments.push(format!("length: {length}"));
                }
                if option.descending {
                    arguments.push("sort: Desc".to_string());
                }
                if let Some(ops) = option.ops.as_ref().filter(|_| provider == Provider::Postgresql) {
                    arguments.push(format!("ops: {ops}"));
                }
                if arguments.is_empty() {
                    prisma_name(field)
                } else {
                    format!("{}({})", prisma_name(field), arguments.join(", "))
                }
            })
            .collect()
    };
    let key_arguments = |fields: &[String], name: &Option<String>, map: &Option<String>| {
        let mut arguments = vec![format!("[{}]", fields.join(", "))];
        if let Some(name) = name {
            arguments.push(format!("name: {}", string_literal(name)));
        }
        if let Some(map) = map {
            arguments.push(format!("map: {}", string_literal(map)));
        }
        arguments.join(", ")
    };
    if let Some(pk) = entity.primary_key.as_ref().filter(|pk| pk.fields.len() > 1) {
        let map =
            unless_default(pk.constraint_name.as_ref(), provider, entity, &[], "pkey").filter(|_| names_primary_keys(provider)).cloned();
        attributes.push(format!("@@id({})", key_arguments(&prisma_names(&pk.fields), &pk.client_name, &map)));
    }
    for unique in entity.uniques.iter().filter(|u| !u.on_field || u.fields.len() != 1 || !u.field_options.is_empty()) {
        let map = unless_default(unique.constraint_name.as_ref(), provider, entity, &unique.fields, "key").cloned();
        attributes
            .push(format!("@@unique({})", key_arguments(&with_options(&unique.fields, &unique.field_options), &unique.client_name, &map)));
    }
    for index in &entity.indexes {
        let map = unless_default(index.constraint_name.as_ref(), provider, entity, &index.fields, "idx").cloned();
        let mut text = key_arguments(&with_options(&index.fields, &index.field_options), &None, &map);
        // Index methods other than the B-tree are PostgreSQL's (CockroachDB has its inverted `Gin`).
        let method_here = match provider {
            Provider::Postgresql => true,
            Provider::Cockroachdb => index.index_type.as_deref() == Some("Gin"),
            _ => false,
        };
        if let Some(method) = index.index_type.as_ref().filter(|_| method_here) {
            text.push_str(&format!(", type: {method}"));
        }
        attributes.push(format!("@@index({text})"));
    }
    if !entity.shard_key.is_empty() && provider == Provider::Mysql {
        attributes.push(format!("@@shardKey([{}])", prisma_names(&entity.shard_key).join(", ")));
    }
    if is_ignored(schema, entity) {
        attributes.push("@@ignore".to_string());
    }
    if entity.table != entity.name {
        attributes.push(format!("@@map({})", string_literal(&entity.table)));
    }
    if let Some(database_schema) = entity.database_schema.as_ref().filter(|_| schemas_declared) {
        if matches!(provider, Provider::Postgresql | Provider::Cockroachdb | Provider::Sqlserver) {
            attributes.push(format!("@@schema({})", string_literal(database_schema)));
        }
    }
    attributes
}

/// A constraint's name for `map:`, unless it is the name Prisma gives that constraint anyway
/// (`{table}_{columns}_{suffix}` in database names, cut to the database's limit): such a `map:`
/// says nothing, and a schema read from SQL that Prisma made would be full of them.
fn unless_default<'a>(
    name: Option<&'a String>,
    provider: Provider,
    entity: &Entity,
    fields: &[String],
    suffix: &str,
) -> Option<&'a String> {
    let columns: Vec<String> = fields.iter().map(|f| entity.field(f).map_or_else(|| f.clone(), |field| field.column.clone())).collect();
    let default = crate::generate::SqlDialect::for_provider(Some(provider)).default_constraint_name(&entity.table, &columns, suffix);
    name.filter(|name| **name != default)
}

/// A field's name as Prisma can write it: a column read from SQL may be named `reply-to`, which
/// is no Prisma identifier; the column keeps its name through `@map`.
fn prisma_name(name: &str) -> String {
    crate::languages::prisma::identifier(name)
}

fn prisma_names(names: &[String]) -> Vec<String> {
    names.iter().map(|n| prisma_name(n)).collect()
}

/// A field's default as Prisma writes it. Prisma reads a DateTime default as an RFC 3339 time:
/// SQL's `'1000-01-01 00:00:00'` is written `"1000-01-01T00:00:00+00:00"`, and a value that is no
/// time at all (MySQL's zero date `0000-00-00 00:00:00`) is left to the database as `dbgenerated`.
fn field_default_text(field: &Field, default: &DefaultValue) -> String {
    let DefaultValue::String(value) = default else { return default_text(default) };
    if field.field_type != FieldType::DateTime || field.list {
        return default_text(default);
    }
    match sql_time_as_rfc3339(value) {
        Some(time) => string_literal(&time),
        None if value.contains('T') => default_text(default),
        None => format!("dbgenerated({})", string_literal(&format!("'{}'", value.replace('\'', "''")))),
    }
}

/// `YYYY-MM-DD[ HH:MM:SS[.fff]]` as RFC 3339 in UTC, when it is a real date.
fn sql_time_as_rfc3339(value: &str) -> Option<String> {
    let (date, time) = value.trim().split_once(' ').unwrap_or((value.trim(), "00:00:00"));
    let parts: Vec<u32> = date.split('-').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [year, month, day] = parts.as_slice() else { return None };
    if *year == 0 || !(1..=12).contains(month) || !(1..=31).contains(day) {
        return None;
    }
    let clock: Vec<&str> = time.split(':').collect();
    if clock.len() != 3 || !clock.iter().all(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit() || ch == '.')) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}T{time}+00:00"))
}

fn default_text(default: &DefaultValue) -> String {
    let versioned = |function: &str, version: &Option<u32>| match version {
        Some(v) => format!("{function}({v})"),
        None => format!("{function}()"),
    };
    match default {
        DefaultValue::Autoincrement => "autoincrement()".into(),
        DefaultValue::Auto => "auto()".into(),
        DefaultValue::Now => "now()".into(),
        DefaultValue::Uuid(version) => versioned("uuid", version),
        DefaultValue::Cuid(version) => versioned("cuid", version),
        DefaultValue::Nanoid(length) => versioned("nanoid", length),
        DefaultValue::DbGenerated(sql) if sql.is_empty() => "dbgenerated()".into(),
        DefaultValue::DbGenerated(sql) => format!("dbgenerated({})", string_literal(sql)),
        DefaultValue::String(value) => string_literal(value),
        DefaultValue::Number(text) => text.clone(),
        DefaultValue::Boolean(value) => value.to_string(),
        DefaultValue::EnumValue(value) => value.clone(),
        DefaultValue::List(items) => format!("[{}]", items.iter().map(default_text).collect::<Vec<_>>().join(", ")),
    }
}

/// A Prisma string literal with `"` and `\` escaped.
fn string_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for ch in value.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use crate::ir::RelationMode;
    use crate::{analyze, SourceLanguage};

    #[test]
    fn relations_kept_by_prisma_client_stay_so() {
        // Found by running the recipes on PlanetScale schemas: the output had lost the line, so
        // Prisma made foreign keys and stopped emulating the actions.
        let source = "datasource db {\n  provider     = \"mysql\"\n  relationMode = \"prisma\"\n}\n\nmodel User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n\n  @@index([authorId])\n}\n";
        let written = super::generate(&analyze(source, SourceLanguage::Prisma).schema, Default::default()).text;
        assert!(written.contains("  relationMode = \"prisma\"\n"), "{written}");
        assert_eq!(analyze(&written, SourceLanguage::Prisma).schema.relation_mode, RelationMode::Prisma);
    }
}
