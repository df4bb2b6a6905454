//! Lowering of a Prisma syntax tree into the IR, in passes:
//! 1. the datasource and the names of all models and enums ([`collect_names`]);
//! 2. each model's columns, keys, uniques and indexes ([`entities`]);
//! 3. relation fields read into declarations and paired ([`relations`]), from which
//!    [`crate::ir::relations`] builds the relations.
//!
//! Problems of Prisma's syntax and names (an unknown type, an unknown `@relation` argument) are
//! reported here; every rule about well-formed relations is checked later by [`crate::validate`],
//! over the declarations this returns.

mod arguments;
mod database_schemas;
mod entities;
mod key_arguments;
mod relations;
mod shard_keys;

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::RelationDeclarations;
use crate::ir::{EnumType, EnumTypeValue, Provider, RelationMode, Schema, IR_VERSION};
use crate::languages::prisma::PrismaConventions;
use crate::options::PrismaVersion;
use crate::syntax::prisma::ast::{named_argument, Block, ConfigKind, Expression, ModelKeyword, SchemaFile};
use std::collections::HashMap;

/// What a type name in the schema refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TypeName {
    Model,
    /// A `view` block: not a table, so relplay leaves it out with the fields typed by it.
    View,
    Enum,
    CompositeType,
}

/// Lowers a parsed Prisma schema, and returns its relations as declared. Never fails: what cannot
/// be lowered is left out and diagnosed.
pub fn lower(file: &SchemaFile, prisma: PrismaVersion) -> (Schema, RelationDeclarations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    check_duplicate_properties(file, &mut diagnostics);
    let (provider, relation_mode) = datasource_settings(file, prisma, &mut diagnostics);
    let names = collect_names(file, &mut diagnostics);
    let database_schemas = database_schemas::declared_schemas(file, provider, &mut diagnostics);
    let enums = lower_enums(file, &database_schemas, &mut diagnostics);
    if provider == Some(Provider::Sqlserver) {
        for e in &enums {
            diagnostics.push(catalog::enum_on_sql_server(e.span, &e.name));
        }
    }
    let preview_features = preview_features(file, provider, prisma, &mut diagnostics);
    check_extensions(file, provider, &preview_features, &mut diagnostics);
    let mut schema = Schema {
        version: IR_VERSION,
        preview_features,
        provider,
        relation_mode,
        entities: Vec::new(),
        enums,
        relations: Vec::new(),
        extensions: datasource_extensions(file),
        database_schemas,
        views: Vec::new(),
        view_relations: Vec::new(),
        composite_types: Vec::new(),
        embedded_fields: Vec::new(),
        embedded_indexes: Vec::new(),
        comments: Vec::new(),
    };
    let native_prefix = format!("{}.", datasource_name(file));
    let relation_fields = entities::lower_entities(file, &names, &native_prefix, &mut schema, &mut diagnostics);
    check_table_names(file, &schema, &mut diagnostics);
    let declarations = relations::declare_relations(relation_fields, &mut diagnostics);
    crate::ir::relations::build_relations(&mut schema, &declarations, &PrismaConventions);
    crate::ir::join_models::mark_join_entities(&mut schema);
    (schema, declarations, diagnostics)
}

/// Prisma's rules for the datasource's `extensions`: PostgreSQL's alone, behind the
/// `postgresqlExtensions` preview feature; each a name (no `-`) or a call with named string
/// arguments `map`, `schema` and `version`, each once.
fn check_extensions(file: &SchemaFile, provider: Option<Provider>, preview_features: &[String], diagnostics: &mut Vec<Diagnostic>) {
    let property = file.blocks.iter().find_map(|block| match block {
        Block::Config(config) if config.kind == ConfigKind::Datasource => config.property("extensions"),
        _ => None,
    });
    let Some(property) = property else { return };
    if provider.is_some_and(|p| p != Provider::Postgresql) {
        diagnostics
            .push(catalog::extensions_problem(property.name.span, "PostgreSQL's alone: other databases have no extensions to declare"));
        return;
    }
    if !preview_features.iter().any(|f| f.eq_ignore_ascii_case("postgresqlExtensions")) {
        diagnostics.push(catalog::extensions_problem(
            property.name.span,
            "behind a preview feature: add \"postgresqlExtensions\" to the generator's `previewFeatures`",
        ));
    }
    for item in property.value.as_list() {
        let (name, arguments) = match item {
            Expression::Constant { name, span } => ((name, *span), &[][..]),
            Expression::Call { name, arguments, .. } => ((&name.name, name.span), arguments.as_slice()),
            other => {
                diagnostics.push(catalog::extensions_problem(
                    other.span(),
                    "a list of names (`[citext, postgis(version: \"3.4\")]`), not strings or numbers",
                ));
                continue;
            }
        };
        if name.0.contains('-') {
            diagnostics.push(catalog::extensions_problem(name.1, "names without `-`: write `uuid_ossp(map: \"uuid-ossp\")`"));
        }
        let mut seen: Vec<&str> = Vec::new();
        for argument in arguments {
            let Some(argument_name) = &argument.name else {
                diagnostics.push(catalog::extensions_problem(argument.span, "named arguments: `map:`, `schema:` or `version:`"));
                continue;
            };
            if !matches!(argument_name.name.as_str(), "map" | "schema" | "version") {
                diagnostics.push(catalog::extensions_problem(argument_name.span, "the arguments `map:`, `schema:` and `version:` only"));
            } else if seen.contains(&argument_name.name.as_str()) {
                diagnostics.push(catalog::extensions_problem(argument.span, "each argument once"));
            } else if !matches!(argument.value, Expression::String { .. }) {
                diagnostics.push(catalog::extensions_problem(argument.value.span(), "strings as argument values (`version: \"3.4\"`)"));
            }
            seen.push(&argument_name.name);
        }
    }
}

/// The datasource's `extensions = [citext, postgis(version: "3.4")]`, by name.
fn datasource_extensions(file: &SchemaFile) -> Vec<String> {
    let datasource = file.blocks.iter().find_map(|block| match block {
        Block::Config(config) if config.kind == ConfigKind::Datasource => Some(config),
        _ => None,
    });
    let Some(property) = datasource.and_then(|d| d.property("extensions")) else { return Vec::new() };
    // `pgvector(map: "vector")`: the database's name for it is `vector`.
    let mapped = |item: &Expression| match item {
        Expression::Call { arguments, .. } => match named_argument(arguments, "map").map(|a| &a.value) {
            Some(Expression::String { value, .. }) => Some(value.clone()),
            _ => None,
        },
        _ => None,
    };
    property.value.as_list().iter().filter_map(|item| mapped(item).or_else(|| item.as_name().map(|(name, _)| name.to_string()))).collect()
}

/// The datasource block's name (`db` in `datasource db { … }`), which native types are written
/// under (`@db.VarChar`); `db` when there is no datasource.
fn datasource_name(file: &SchemaFile) -> &str {
    file.blocks
        .iter()
        .find_map(|block| match block {
            Block::Config(config) if config.kind == ConfigKind::Datasource && !config.name.name.is_empty() => {
                Some(config.name.name.as_str())
            }
            _ => None,
        })
        .unwrap_or("db")
}

/// The datasource's provider and relation mode.
fn datasource_settings(file: &SchemaFile, prisma: PrismaVersion, diagnostics: &mut Vec<Diagnostic>) -> (Option<Provider>, RelationMode) {
    let mut provider = None;
    let mut relation_mode = RelationMode::ForeignKeys;
    let mut seen_datasource = false;
    for block in &file.blocks {
        let Block::Config(config) = block else { continue };
        if config.kind != ConfigKind::Datasource {
            continue;
        }
        if seen_datasource {
            diagnostics.push(catalog::second_datasource(config.name.span));
            continue;
        }
        seen_datasource = true;
        if prisma == PrismaVersion::Six {
            check_connection_urls(file, config, diagnostics);
        }
        for property in &config.properties {
            if prisma == PrismaVersion::Seven && matches!(property.name.name.as_str(), "url" | "directUrl" | "shadowDatabaseUrl") {
                diagnostics.push(catalog::connection_url_in_schema(property.span, &property.name.name));
            }
            if property.name.name == "referentialIntegrity" {
                diagnostics.push(catalog::referential_integrity_deprecated(property.name.span));
            }
            if property.name.name == "relationMode" {
                if let Some(old) = config.property("referentialIntegrity") {
                    diagnostics.push(catalog::relation_mode_twice(old.name.span));
                }
            }
            if matches!(property.name.name.as_str(), "relationMode" | "referentialIntegrity") {
                match &property.value {
                    Expression::String { value, .. } if value == "prisma" => relation_mode = RelationMode::Prisma,
                    Expression::String { value, .. } if value == "foreignKeys" => relation_mode = RelationMode::ForeignKeys,
                    other => diagnostics.push(catalog::unknown_relation_mode(other.span())),
                }
            }
        }
        let Some(property) = config.property("provider") else {
            diagnostics.push(catalog::datasource_without_provider(config.name.span));
            continue;
        };
        match &property.value {
            Expression::String { value, span } => match Provider::from_name(value) {
                Some(p) => provider = Some(p),
                None => diagnostics.push(catalog::unknown_provider(*span, value)),
            },
            other => diagnostics.push(catalog::provider_not_a_string(other.span())),
        }
    }
    if provider == Some(Provider::Mongodb) {
        relation_mode = RelationMode::Prisma;
    }
    (provider, relation_mode)
}

/// Prisma 6 reads the connection URLs from the schema: `url` is required, and the shadow database
/// must be another than the one `url` or `directUrl` names (Migrate empties it).
fn check_connection_urls(file: &SchemaFile, config: &crate::syntax::prisma::ast::ConfigBlock, diagnostics: &mut Vec<Diagnostic>) {
    for property in config.properties.iter().filter(|p| matches!(p.name.name.as_str(), "url" | "directUrl" | "shadowDatabaseUrl")) {
        if let Expression::Call { name, arguments, .. } = &property.value {
            if name.name == "env" && arguments.iter().any(|a| a.name.is_some()) {
                diagnostics.push(catalog::env_with_named_argument(property.value.span()));
            }
        }
    }
    // SQLite through a driver adapter's schema engine needs no URL in the schema.
    let sqlite = matches!(config.property("provider").map(|p| &p.value), Some(Expression::String { value, .. }) if value == "sqlite");
    let adapters = file.blocks.iter().any(|block| match block {
        Block::Config(c) if c.kind == ConfigKind::Generator => c.property("previewFeatures").is_some_and(|p| {
            p.value
                .as_list()
                .iter()
                .any(|item| matches!(item, Expression::String { value, .. } if value.eq_ignore_ascii_case("schemaEngineDriverAdapters")))
        }),
        _ => false,
    });
    if sqlite && adapters && config.property("url").is_none() {
        return;
    }
    let Some(url) = config.property("url") else {
        diagnostics.push(catalog::connection_url_problem(
            config.name.span,
            "Prisma 6 needs the datasource's `url`: `url = env(\"DATABASE_URL\")`",
        ));
        return;
    };
    let Some(shadow) = config.property("shadowDatabaseUrl") else { return };
    let same = |other: &crate::syntax::prisma::ast::ConfigProperty| same_value(&other.value, &shadow.value);
    for (name, other) in [("url", Some(url)), ("directUrl", config.property("directUrl"))] {
        if other.is_some_and(same) {
            diagnostics.push(catalog::connection_url_problem(
                shadow.span,
                &format!(
                    "`shadowDatabaseUrl` is the same as `{name}`: Migrate empties the shadow database, so it must be another database"
                ),
            ));
        }
    }
}

/// Whether two values are the same: a string, or a call such as `env("DATABASE_URL")` with the same arguments.
fn same_value(a: &Expression, b: &Expression) -> bool {
    match (a, b) {
        (Expression::String { value: x, .. }, Expression::String { value: y, .. }) => x == y,
        (Expression::Call { name: n, arguments: x, .. }, Expression::Call { name: m, arguments: y, .. }) => {
            n.name == m.name && x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(&p.value, &q.value))
        }
        (x, y) => arguments::expression_text(x) == arguments::expression_text(y),
    }
}

/// Reports keys set twice in datasource and generator blocks, and two generators of one name.
fn check_duplicate_properties(file: &SchemaFile, diagnostics: &mut Vec<Diagnostic>) {
    let mut generators: HashMap<&str, crate::span::Span> = HashMap::new();
    for block in &file.blocks {
        let Block::Config(config) = block else { continue };
        if config.kind == ConfigKind::Generator && !config.name.name.is_empty() {
            if let Some(first) = generators.insert(&config.name.name, config.name.span) {
                diagnostics.push(catalog::duplicate_block_name(config.name.span, &config.name.name, first));
            }
        }
        let mut seen: HashMap<&str, crate::span::Span> = HashMap::new();
        for property in &config.properties {
            if let Some(first) = seen.insert(&property.name.name, property.name.span) {
                diagnostics.push(catalog::duplicate_property(property.name.span, &property.name.name, &config.name.name, first));
            }
        }
    }
}

/// The `previewFeatures` of every generator block; a name Prisma 7 does not know is reported.
fn preview_features(
    file: &SchemaFile,
    provider: Option<Provider>,
    prisma: PrismaVersion,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut features: Vec<String> = Vec::new();
    for block in &file.blocks {
        let Block::Config(config) = block else { continue };
        if config.kind != ConfigKind::Generator {
            continue;
        }
        for item in config.property("previewFeatures").map(|p| p.value.as_list()).unwrap_or_default() {
            if let Expression::String { value, span } = item {
                // Prisma 7 knows `fullTextSearchPostgres` on PostgreSQL only.
                let elsewhere = value.eq_ignore_ascii_case("fullTextSearchPostgres") && provider.is_some_and(|p| p != Provider::Postgresql);
                let prisma_names = crate::languages::prisma::preview_features_of(prisma);
                if !prisma_names.knows(value) || elsewhere {
                    diagnostics.push(catalog::unknown_preview_feature(*span, value, prisma));
                } else if value.eq_ignore_ascii_case("fullTextSearch") && provider == Some(Provider::Postgresql) {
                    diagnostics.push(catalog::deprecated_preview_feature(*span, value, Some("fullTextSearchPostgres")));
                } else if !prisma_names.is_active(value) {
                    diagnostics.push(catalog::deprecated_preview_feature(*span, value, None));
                }
                if !features.contains(value) {
                    features.push(value.clone());
                }
            }
        }
    }
    features
}

fn collect_names(file: &SchemaFile, diagnostics: &mut Vec<Diagnostic>) -> HashMap<String, TypeName> {
    let mut names: HashMap<String, (TypeName, crate::span::Span)> = HashMap::new();
    for block in &file.blocks {
        let (identifier, kind) = match block {
            Block::Model(model) if model.keyword == ModelKeyword::Type => (&model.name, TypeName::CompositeType),
            Block::Model(model) if model.keyword == ModelKeyword::View => (&model.name, TypeName::View),
            Block::Model(model) => (&model.name, TypeName::Model),
            Block::Enum(e) => (&e.name, TypeName::Enum),
            Block::Config(_) => continue,
        };
        if identifier.name.is_empty() {
            continue;
        }
        if crate::languages::prisma::scalar_type(&identifier.name).is_some() {
            diagnostics.push(catalog::reserved_type_name(identifier.span, &identifier.name));
            continue;
        }
        match names.get(&identifier.name) {
            Some((_, first)) => diagnostics.push(catalog::duplicate_block_name(identifier.span, &identifier.name, *first)),
            None => {
                names.insert(identifier.name.clone(), (kind, identifier.span));
            }
        }
    }
    names.into_iter().map(|(name, (kind, _))| (name, kind)).collect()
}

/// Two models on one table, or two enums on one database type (where the database names its
/// enum types), in the same database schema.
fn check_table_names(file: &SchemaFile, schema: &Schema, diagnostics: &mut Vec<Diagnostic>) {
    // The second model's `@@map`, where it has one, is what gives it the taken name.
    let map_span = |entity: &crate::ir::Entity| {
        file.blocks
            .iter()
            .find_map(|block| match block {
                Block::Model(model) if model.name.name == entity.name => {
                    model.attributes.iter().find(|a| a.name.name == "map").map(|a| a.span)
                }
                _ => None,
            })
            .unwrap_or(entity.name_span)
    };
    let mut tables: HashMap<(Option<&str>, &str), &crate::ir::Entity> = HashMap::new();
    for entity in &schema.entities {
        match tables.get(&(entity.database_schema.as_deref(), entity.table.as_str())) {
            Some(first) => {
                diagnostics.push(catalog::table_name_taken(map_span(entity), &entity.table, &entity.name, &first.name, first.name_span))
            }
            None => {
                tables.insert((entity.database_schema.as_deref(), &entity.table), entity);
            }
        }
    }
    if !matches!(schema.provider, Some(Provider::Postgresql | Provider::Cockroachdb)) {
        return;
    }
    let mut types: HashMap<(Option<&str>, &str), &EnumType> = HashMap::new();
    for e in &schema.enums {
        match types.get(&(e.database_schema.as_deref(), e.database_name.as_str())) {
            Some(first) => diagnostics.push(catalog::enum_name_taken(e.span, &e.database_name, &e.name, &first.name, first.span)),
            None => {
                types.insert((e.database_schema.as_deref(), &e.database_name), e);
            }
        }
    }
}

fn lower_enums(file: &SchemaFile, declared_schemas: &[String], diagnostics: &mut Vec<Diagnostic>) -> Vec<EnumType> {
    let mut seen = std::collections::HashSet::new();
    let mut enums = Vec::new();
    for block in &file.blocks {
        let Block::Enum(e) = block else { continue };
        if e.name.name.is_empty() || !seen.insert(e.name.name.clone()) {
            continue;
        }
        if e.values.is_empty() {
            diagnostics.push(catalog::empty_enum(e.name.span, &e.name.name));
        }
        let mut values_seen: HashMap<&str, crate::span::Span> = HashMap::new();
        for value in &e.values {
            if let Some(first) = values_seen.insert(&value.name.name, value.name.span) {
                diagnostics.push(catalog::duplicate_enum_value(value.name.span, &value.name.name, &e.name.name, first));
            }
        }
        let database_name = arguments::mapped_name(&e.attributes, true).unwrap_or_else(|| e.name.name.clone());
        let values = e
            .values
            .iter()
            .map(|v| EnumTypeValue {
                name: v.name.name.clone(),
                database_name: arguments::mapped_name(&v.attributes, false).unwrap_or_else(|| v.name.name.clone()),
            })
            .collect();
        let database_schema =
            database_schemas::block_schema(&e.attributes, declared_schemas, "enum", &e.name.name, e.name.span, diagnostics);
        enums.push(EnumType { name: e.name.name.clone(), database_name, database_schema, values, span: e.span });
    }
    enums
}

/// How many of a field's type one record holds, by the field's mark (none, `?`, `[]`).
fn cardinality_of(arity: crate::syntax::prisma::ast::Arity) -> crate::ir::NavigationCardinality {
    use crate::ir::NavigationCardinality;
    use crate::syntax::prisma::ast::Arity;
    match arity {
        Arity::Required => NavigationCardinality::One,
        Arity::Optional => NavigationCardinality::ZeroOrOne,
        Arity::List => NavigationCardinality::Many,
    }
}
