//! The Prisma schema language: how it spells the IR's types and actions, what it leaves unsaid
//! about relations ([`PrismaConventions`]), and how its rules and fixes are worded
//! ([`PrismaProfile`]). The Prisma reader, the Prisma generator and validation all ask here, so
//! Prisma's words are written once and the IR stays neutral.

use super::{ActionEvent, SourceProfile};
use crate::diagnostic::{Code, Fix, Severity, TextEdit};
use crate::ir::declarations::DeclaredEnd;
use crate::ir::relations::RelationConventions;
use crate::ir::{
    lower_camel, Entity, FieldType, JoinColumn, JoinTable, Navigation, NavigationCardinality, Provider, ReferentialAction, Schema,
};
use crate::span::Span;

/// The Prisma spelling of a type.
pub fn type_name(field_type: &FieldType) -> String {
    match field_type {
        FieldType::Int => "Int".into(),
        FieldType::BigInt => "BigInt".into(),
        FieldType::Float => "Float".into(),
        FieldType::Decimal => "Decimal".into(),
        FieldType::String => "String".into(),
        FieldType::Boolean => "Boolean".into(),
        FieldType::DateTime => "DateTime".into(),
        FieldType::Json => "Json".into(),
        FieldType::Bytes => "Bytes".into(),
        FieldType::Enum(name) => name.clone(),
        FieldType::Unsupported(text) => format!("Unsupported({text:?})"),
    }
}

/// How Prisma marks a relation field's cardinality after its type: `?` for zero or one, `[]` for
/// a list, nothing for exactly one.
pub fn cardinality_mark(cardinality: crate::ir::NavigationCardinality) -> &'static str {
    match cardinality {
        crate::ir::NavigationCardinality::One => "",
        crate::ir::NavigationCardinality::ZeroOrOne => "?",
        crate::ir::NavigationCardinality::Many => "[]",
    }
}

/// The scalar type named `name` in Prisma, if it is one.
/// A Prisma identifier for a database name (a column `reply-to`, an enum label `in progress`): each
/// character outside ASCII letters, digits and `_` becomes `_`, and a name that does not start with
/// a letter gets a `v` before it, as Prisma names start with a letter. The SQL reader names enum
/// values so and the Prisma writer fields; the database name stays in `@map`.
pub fn identifier(name: &str) -> String {
    let mut identifier: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if !identifier.starts_with(|c: char| c.is_ascii_alphabetic()) {
        identifier.insert(0, 'v');
    }
    identifier
}

/// The `previewFeatures` names Prisma 7's validator accepts (compared without case, as Prisma
/// does): those in preview, and the older ones it still takes as no-ops. Read off the validator
/// (`@prisma/prisma-schema-wasm` 8.1): `metrics` and `esm` are the names it no longer knows.
const PREVIEW_FEATURES: &[&str] = &[
    "aggregateApi",
    "atomicNumberOperations",
    "clientExtensions",
    "cockroachdb",
    "connectOrCreate",
    "createMany",
    "dataProxy",
    "deno",
    "distinct",
    "driverAdapters",
    "extendedIndexes",
    "extendedWhereUnique",
    "fieldReference",
    "filteredRelationCount",
    "filterJson",
    "fullTextIndex",
    "fullTextSearch",
    "fullTextSearchPostgres",
    "groupBy",
    "improvedQueryRaw",
    "interactiveTransactions",
    "jsonProtocol",
    "microsoftSqlServer",
    "middlewares",
    "mongoDb",
    "multiSchema",
    "namedConstraints",
    "nApi",
    "nativeDistinct",
    "nativeTypes",
    "omitApi",
    "orderByAggregateGroup",
    "orderByNulls",
    "orderByRelation",
    "partialIndexes",
    "postgresqlExtensions",
    "prismaSchemaFolder",
    "queryCompiler",
    "reactNative",
    "referentialActions",
    "referentialIntegrity",
    "relationJoins",
    "schemaEngineDriverAdapters",
    "selectRelationCount",
    "shardKeys",
    "strictUndefinedChecks",
    "tracing",
    "transactionApi",
    "typedSql",
    "uncheckedScalarInputs",
    "views",
];

/// The preview features still in preview in Prisma 7 (read off its validator's lint): every other
/// name it knows is deprecated, its functionality there without asking.
const ACTIVE_PREVIEW_FEATURES: &[&str] = &[
    "fullTextSearchPostgres",
    "nativeDistinct",
    "partialIndexes",
    "postgresqlExtensions",
    "reactNative",
    "relationJoins",
    "schemaEngineDriverAdapters",
    "shardKeys",
    "strictUndefinedChecks",
    "typedSql",
    "views",
];

/// The preview feature names of one Prisma version, compared without case as Prisma does.
pub struct PreviewFeatures {
    prisma: crate::options::PrismaVersion,
}

/// The preview feature names `prisma` knows. Prisma 6 (read off its validator, 6.19) also knows
/// `metrics`, deprecated there, and not yet `partialIndexes`.
pub fn preview_features_of(prisma: crate::options::PrismaVersion) -> PreviewFeatures {
    PreviewFeatures { prisma }
}

impl PreviewFeatures {
    fn six(&self) -> bool {
        self.prisma == crate::options::PrismaVersion::Six
    }

    /// Whether the version accepts `name` in `previewFeatures`.
    pub fn knows(&self, name: &str) -> bool {
        let is = |known: &str| known.eq_ignore_ascii_case(name);
        if self.six() {
            return is("metrics") || (!is("partialIndexes") && PREVIEW_FEATURES.iter().any(|k| is(k)));
        }
        PREVIEW_FEATURES.iter().any(|k| is(k))
    }

    /// Whether `name` is still in preview there (no deprecation warning).
    pub fn is_active(&self, name: &str) -> bool {
        ACTIVE_PREVIEW_FEATURES.iter().any(|known| known.eq_ignore_ascii_case(name))
    }
}

pub fn scalar_type(name: &str) -> Option<FieldType> {
    Some(match name {
        "Int" => FieldType::Int,
        "BigInt" => FieldType::BigInt,
        "Float" => FieldType::Float,
        "Decimal" => FieldType::Decimal,
        "String" => FieldType::String,
        "Boolean" => FieldType::Boolean,
        "DateTime" => FieldType::DateTime,
        "Json" => FieldType::Json,
        "Bytes" => FieldType::Bytes,
        _ => return None,
    })
}

/// The referential action Prisma names `name`.
pub fn action(name: &str) -> Option<ReferentialAction> {
    Some(match name {
        "Cascade" => ReferentialAction::Cascade,
        "Restrict" => ReferentialAction::Restrict,
        "NoAction" => ReferentialAction::NoAction,
        "SetNull" => ReferentialAction::SetNull,
        "SetDefault" => ReferentialAction::SetDefault,
        _ => return None,
    })
}

/// Prisma's name of a referential action.
pub fn action_name(action: ReferentialAction) -> &'static str {
    match action {
        ReferentialAction::Cascade => "Cascade",
        ReferentialAction::Restrict => "Restrict",
        ReferentialAction::NoAction => "NoAction",
        ReferentialAction::SetNull => "SetNull",
        ReferentialAction::SetDefault => "SetDefault",
    }
}

/// Prisma's `onDelete` when none is written: SetNull for an optional key, Restrict for a
/// required one (NoAction on SQL Server, which has no RESTRICT). The `onUpdate` default is
/// always Cascade.
pub fn default_on_delete(required: bool, provider: Option<Provider>) -> ReferentialAction {
    match (required, provider) {
        (true, Some(Provider::Sqlserver)) => ReferentialAction::NoAction,
        (true, _) => ReferentialAction::Restrict,
        (false, _) => ReferentialAction::SetNull,
    }
}

/// Whether Prisma accepts a name (`map:`) on `@id`/`@@id` for this database: MySQL always
/// calls a primary key PRIMARY, and Prisma does not name SQLite's.
pub fn names_primary_keys(provider: Provider) -> bool {
    !matches!(provider, Provider::Mysql | Provider::Sqlite)
}

/// Whether Prisma accepts a name (`map:`) on `@relation` for this database.
pub fn names_foreign_keys(provider: Provider) -> bool {
    provider != Provider::Sqlite
}

/// Prisma's default name of a constraint or index: `{table}_{columns}_{suffix}` (`User_email_key`),
/// or `{table}_{suffix}` without columns (`User_pkey`). Databases may cut it to their length limit.
pub fn default_constraint_name(table: &str, columns: &[String], suffix: &str) -> String {
    if columns.is_empty() {
        format!("{table}_{suffix}")
    } else {
        format!("{table}_{}_{suffix}", columns.join("_"))
    }
}

/// What a Prisma schema leaves unsaid about its relations.
pub struct PrismaConventions;

impl RelationConventions for PrismaConventions {
    fn default_on_delete(&self, required: bool, provider: Option<Provider>) -> ReferentialAction {
        default_on_delete(required, provider)
    }

    fn default_on_update(&self) -> ReferentialAction {
        ReferentialAction::Cascade
    }

    /// Prisma's `_AToB` table (`_Name` for a named relation): column `A` points at the model whose
    /// name sorts first (for a self-relation, at the end whose field name sorts first), each at
    /// its model's single-field `@id`.
    fn implicit_join_table(&self, a: &DeclaredEnd, b: Option<&DeclaredEnd>, schema: &Schema) -> Option<(bool, JoinTable)> {
        let b = b?;
        let a_first = if a.entity == b.entity { a.name <= b.name } else { a.entity <= b.entity };
        let (first, second) = if a_first { (a, b) } else { (b, a) };
        let column = |name: &str, end: &DeclaredEnd| {
            let pk = schema.entity(&end.entity)?.primary_key.as_ref().filter(|pk| pk.fields.len() == 1)?;
            Some(JoinColumn { column: name.to_string(), referenced_entity: end.entity.clone(), referenced_field: pk.fields[0].clone() })
        };
        let columns = [column("A", first)?, column("B", second)?];
        let table = match first.relation_name.as_ref().or(second.relation_name.as_ref()) {
            Some(name) => format!("_{name}"),
            None => format!("_{}To{}", first.entity, second.entity),
        };
        Some((a_first, JoinTable { table, columns }))
    }
}

/// How Prisma schemas are validated and fixed.
pub struct PrismaProfile;

impl SourceProfile for PrismaProfile {
    fn severity(&self, _code: Code, default: Severity) -> Option<Severity> {
        Some(default)
    }

    fn type_name(&self, field_type: &FieldType) -> String {
        type_name(field_type)
    }

    fn action_name(&self, action: ReferentialAction) -> String {
        action_name(action).to_string()
    }

    fn action_clause(&self, event: ActionEvent, action: ReferentialAction) -> String {
        let argument = match event {
            ActionEvent::Delete => "onDelete",
            ActionEvent::Update => "onUpdate",
        };
        format!("{argument}: {}", action_name(action))
    }

    fn references_word(&self) -> &'static str {
        "`references`"
    }

    fn unique_remedy(&self, entity: &str, fields: &[String]) -> String {
        if fields.len() == 1 {
            format!("add `@unique` to `{entity}.{}`", fields[0])
        } else {
            format!("add `@@unique([{}])` to `{entity}`", fields.join(", "))
        }
    }

    fn make_unique(&self, entity: &Entity, fields: &[String]) -> Option<Fix> {
        let [field] = fields else { return None };
        let offset = entity.field(field)?.span.end();
        Some(Fix {
            title: format!("Add @unique to {}.{field}", entity.name),
            edits: vec![TextEdit { span: Span::at(offset), insert: " @unique".to_string() }],
        })
    }

    fn make_optional(&self, entity: &str, navigation: &Navigation) -> Option<Fix> {
        Some(Fix {
            title: format!("Make {entity}.{} optional", navigation.name),
            edits: vec![TextEdit { span: Span::at(navigation.type_span.end()), insert: "?".to_string() }],
        })
    }

    /// A field added at the end of the target model: `posts Post[]`, or `profile Profile?` where
    /// the key is unique, with the end's relation name.
    fn add_back_side(&self, end: &DeclaredEnd, schema: &Schema) -> Option<Fix> {
        if end.is_list() || end.fields.is_none() {
            return None;
        }
        let target = schema.entity(&end.target)?;
        let unique = end.key_is_unique(schema);
        let model = &end.entity;
        let base = lower_camel(model);
        let name = target.free_member_name(if unique { base } else { format!("{base}s") });
        let type_text = if unique { format!("{model}?") } else { format!("{model}[]") };
        let relation = end.relation_name.as_ref().map(|n| format!(" @relation(\"{n}\")")).unwrap_or_default();
        // The model's span ends just after its closing brace.
        let close = target.span.end().checked_sub(1)?;
        let edit = TextEdit { span: Span::at(close), insert: format!("  {name} {type_text}{relation}\n") };
        Some(Fix { title: format!("Add `{name} {type_text}` to {}", target.name), edits: vec![edit] })
    }

    /// `fields: [authorId], references: [id]` where the end lacks them (the target's primary key
    /// referenced by default), with the key fields added under the navigation when the model has
    /// none of that name: typed as the fields they reference, optional when the navigation is.
    fn complete_key(&self, end: &DeclaredEnd, schema: &Schema) -> Option<Fix> {
        if end.is_list() {
            return None;
        }
        let entity = schema.entity(&end.entity)?;
        let target = schema.entity(&end.target)?;
        let references: Vec<String> = match &end.references {
            Some(written) => written.iter().map(|w| w.value.clone()).collect(),
            None => target.primary_key.as_ref()?.fields.clone(),
        };
        let mut added = String::new();
        let fields: Vec<String> = match &end.fields {
            Some(written) => written.iter().map(|w| w.value.clone()).collect(),
            None => references
                .iter()
                .map(|referenced| {
                    let mut capitalised = referenced.chars();
                    let first = capitalised.next().map(|c| c.to_ascii_uppercase().to_string()).unwrap_or_default();
                    let name = format!("{}{first}{}", end.name, capitalised.as_str());
                    if entity.field(&name).is_none() {
                        if let Some(field) = target.field(referenced) {
                            let optional = if end.cardinality == NavigationCardinality::ZeroOrOne { "?" } else { "" };
                            added.push_str(&format!("\n  {name} {}{optional}", type_name(&field.field_type)));
                        }
                    }
                    name
                })
                .collect(),
        };
        if fields.is_empty() || fields.len() != references.len() {
            return None;
        }
        let mut arguments = Vec::new();
        if end.fields.is_none() {
            arguments.push(format!("fields: [{}]", fields.join(", ")));
        }
        if end.references.is_none() {
            arguments.push(format!("references: [{}]", references.join(", ")));
        }
        let text = arguments.join(", ");
        let (at, insert) = match end.options {
            // `fields` written: `references` goes after what is there, before the `)`.
            Some(options) if options.has_parentheses && !options.is_empty && end.fields.is_some() => (options.end - 1, format!(", {text}")),
            Some(options) if options.has_parentheses => {
                (options.name_end + 1, if options.is_empty { text.clone() } else { format!("{text}, ") })
            }
            Some(options) => (options.end, format!("({text})")),
            None => (end.span.end(), format!(" @relation({text})")),
        };
        let mut edits = vec![TextEdit { span: Span::at(at), insert }];
        if !added.is_empty() {
            if at == end.span.end() {
                edits[0].insert.push_str(&added);
            } else {
                edits.push(TextEdit { span: Span::at(end.span.end()), insert: added });
            }
        }
        Some(Fix { title: format!("Add {text} to {}.{}", end.entity, end.name), edits })
    }

    /// `@relation("Name")` on both ends, inside an existing `@relation(…)` or as a new one.
    fn name_relation(&self, ends: &[&DeclaredEnd], name: &str) -> Option<Fix> {
        let edits = ends
            .iter()
            .map(|end| match end.options {
                Some(options) if options.has_parentheses => {
                    let insert = if options.is_empty { format!("\"{name}\"") } else { format!("\"{name}\", ") };
                    TextEdit { span: Span::at(options.name_end + 1), insert }
                }
                Some(options) => TextEdit { span: Span::at(options.end), insert: format!("(\"{name}\")") },
                None => TextEdit { span: Span::at(end.span.end()), insert: format!(" @relation(\"{name}\")") },
            })
            .collect();
        Some(Fix { title: format!("Name the relation \"{name}\""), edits })
    }
}

#[cfg(test)]
mod tests {
    use super::identifier;

    #[test]
    fn a_database_name_becomes_an_identifier_that_starts_with_a_letter() {
        assert_eq!(identifier("reply-to"), "reply_to");
        assert_eq!(identifier("NC-17"), "NC_17");
        assert_eq!(identifier("1st"), "v1st");
        assert_eq!(identifier("_x"), "v_x");
        assert_eq!(identifier("name"), "name");
    }
}
