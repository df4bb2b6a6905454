//! Every diagnostic message of the core, built in one place.
//!
//! Codes: `P…` syntax (the parser), `N…` names, types and attributes (lowering), `R…` relations
//! (lowering and validation), `G…` generation (a target cannot express something).

use super::{Code, Diagnostic, Fix, TextEdit};
use crate::ir::Provider;
use crate::span::Span;

fn quoted_list(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

// ----- P: syntax ------------------------------------------------------------------------------------

pub fn expected_block(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P001, span, format!("Expected a `model`, `enum`, `datasource` or `generator` block, found {found}."))
}

pub fn block_without_name(span: Span, keyword: &str, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P002, span, format!("This `{keyword}` needs a name, found {found}."))
}

pub fn expected_open_brace(span: Span, keyword: &str, name: &str, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P003, span, format!("Expected `{{` to open {keyword} `{name}`, found {found}."))
}

pub fn unclosed_block(open: Span, at: Span) -> Diagnostic {
    Diagnostic::error(Code::P004, at, "This block is not closed: add `}` before this point.").with_label(open, "the block opens here")
}

pub fn expected_field(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P005, span, format!("Expected a field (`name Type`) or a block attribute (`@@…`), found {found}."))
}

pub fn field_without_type(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(Code::P006, span, format!("Field `{name}` has no type: write `{name} Type`, for example `{name} String`."))
}

pub fn expected_token(span: Span, token: &str, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P007, span, format!("Expected `{token}`, found {found}."))
}

pub fn optional_list(span: Span) -> Diagnostic {
    Diagnostic::error(Code::P008, span, "A list cannot be optional: `Type[]?` is not allowed, use `Type[]`.")
        .with_fix("Remove `?`", vec![TextEdit { span, insert: String::new() }])
}

pub fn unexpected_after_field(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P009, span, format!("Unexpected {found}: a field ends at the end of its line, and attributes start with `@`."))
}

pub fn attribute_without_name(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P010, span, format!("Expected an attribute name after `@`, found {found}."))
}

pub fn expected_value(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P011, span, format!("Expected a value (a string, a number, a name, a list or a function call), found {found}."))
}

pub fn unterminated_string(span: Span) -> Diagnostic {
    Diagnostic::error(Code::P012, span, "This string is not closed: add `\"` at its end.")
}

pub fn unclosed_block_comment(span: Span) -> Diagnostic {
    Diagnostic::error(Code::P023, span, "This block comment is not closed: add `*/` where it ends; everything after it is read as comment.")
}

pub fn expected_enum_value(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P013, span, format!("Expected an enum value name, found {found}."))
}

pub fn expected_property(span: Span, found: &str) -> Diagnostic {
    Diagnostic::error(Code::P014, span, format!("Expected a property (`key = value`), found {found}."))
}

pub fn sql_syntax_error(span: Span, reason: &str) -> Diagnostic {
    Diagnostic::error(Code::P015, span, format!("This SQL statement does not parse ({reason}); it is left out and the rest is read."))
}

pub fn sql_table_element_skipped(span: Span, reason: &str) -> Diagnostic {
    Diagnostic::error(Code::P022, span, format!("This column or constraint does not parse ({reason}); the table is read without it."))
}

pub fn code_syntax_error(span: Span, reason: &str) -> Diagnostic {
    Diagnostic::error(Code::P018, span, format!("This code does not parse: {reason}. The rest of the file is read as far as it can be."))
}

pub fn source_too_large(bytes: usize, limit: usize) -> Diagnostic {
    Diagnostic::error(
        Code::P021,
        Span::at(0),
        format!(
            "This text is {} KiB, more than the {} KiB relplay reads; nothing was read. Split the schema, or leave data out of it.",
            bytes.div_ceil(1024),
            limit / 1024
        ),
    )
}

pub fn code_reader_not_loaded(language: &str) -> Diagnostic {
    Diagnostic::info(Code::P020, Span::at(0), format!("Loading the {language} reader…"))
}

pub fn value_nested_too_deeply(span: Span, limit: usize) -> Diagnostic {
    Diagnostic::error(
        Code::P019,
        span,
        format!("Calls and lists nest more than {limit} deep here, deeper than relplay reads; this value is left out."),
    )
}

pub fn code_nested_too_deeply(span: Span, limit: usize) -> Diagnostic {
    Diagnostic::error(
        Code::P019,
        span,
        format!("Brackets nest more than {limit} deep here, deeper than relplay reads; this file is left out."),
    )
}

pub fn sql_statement_skipped(span: Span, kind: &str) -> Diagnostic {
    Diagnostic::info(Code::P016, span, format!("{kind} is not part of relplay's model of tables and relations; skipped."))
}

pub fn sql_domain_read_as_base_type(span: Span, domain: &str, base: &str) -> Diagnostic {
    Diagnostic::info(
        Code::P016,
        span,
        format!("Columns of the domain `{domain}` are read as its base type `{base}`: the domain itself, with any CHECK, is not part of relplay's model."),
    )
}

pub fn duplicate_table(span: Span, table: &str) -> Diagnostic {
    Diagnostic::error(Code::N035, span, format!("Table `{table}` is created twice; the second is left out."))
}

pub fn unknown_table(span: Span, table: &str) -> Diagnostic {
    Diagnostic::error(Code::N036, span, format!("Table `{table}` is not created in this script, so this statement is left out."))
}

pub fn sql_attributes_ignored(span: Span, what: &str) -> Diagnostic {
    Diagnostic::info(
        Code::P017,
        span,
        format!("Read without {what}, which relplay's SQL reader does not understand; the tables and keys are unaffected."),
    )
}

// ----- N: names, types, attributes ----------------------------------------------------------------

pub fn second_datasource(span: Span) -> Diagnostic {
    Diagnostic::error(Code::N001, span, "A schema can have only one `datasource` block; this one is ignored.")
}

pub fn datasource_without_provider(span: Span) -> Diagnostic {
    Diagnostic::error(Code::N002, span, "This datasource has no `provider`; add `provider = \"postgresql\"` (or \"mysql\", \"sqlite\").")
}

pub fn unknown_provider(span: Span, value: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N003,
        span,
        format!("Unknown provider \"{value}\": use \"postgresql\", \"mysql\", \"sqlite\", \"sqlserver\", \"cockroachdb\" or \"mongodb\"."),
    )
}

pub fn provider_not_a_string(span: Span) -> Diagnostic {
    Diagnostic::error(Code::N004, span, "The provider must be a string, for example `provider = \"postgresql\"`.")
}

pub fn reserved_type_name(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(Code::N005, span, format!("`{name}` is a built-in scalar type and cannot name a model or enum."))
}

pub fn duplicate_block_name(span: Span, name: &str, first: Span) -> Diagnostic {
    Diagnostic::error(Code::N006, span, format!("`{name}` is declared twice; this second declaration is ignored."))
        .with_label(first, "first declared here")
}

pub fn view_not_modelled(span: Span, name: &str) -> Diagnostic {
    Diagnostic::info(
        Code::N007,
        span,
        format!("View `{name}` is not a table: relplay keeps it as a view, with its relation fields and the ones typed `{name}`, in the Prisma output, the diagram and the IR; the other outputs write tables only and leave the view and those relation fields out."),
    )
}

pub fn composite_type_not_on_database(span: Span, name: &str, database: Option<&str>) -> Diagnostic {
    let database = database.map_or("a schema without a datasource".to_string(), |d| d.to_string());
    Diagnostic::error(
        Code::N008,
        span,
        format!("Composite type `{name}`: composite types (embedded documents) are MongoDB's alone, and {database} has none. Make it a model with a relation, or a Json field."),
    )
}

pub fn duplicate_field(span: Span, field: &str, model: &str, first: Span) -> Diagnostic {
    Diagnostic::error(Code::N009, span, format!("Model `{model}` already has a field `{field}`; this one is ignored."))
        .with_label(first, "first declared here")
}

pub fn unknown_attribute(span: Span, name: &str, block: bool) -> Diagnostic {
    let (prefix, known) = if block {
        ("@@", "@@id, @@unique, @@index, @@map, @@ignore, @@schema, @@fulltext, @@shardKey")
    } else {
        ("@", "@id, @unique, @default, @map, @updatedAt, @relation, @ignore, @shardKey, @db.*")
    };
    Diagnostic::error(Code::N010, span, format!("Unknown attribute `{prefix}{name}`; known ones are {known}."))
}

pub fn attribute_on_relation_field(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N011,
        span,
        format!("`@{name}` cannot be used on a relation field: put it on the scalar field that holds the foreign key."),
    )
}

pub fn default_on_embedded_field(span: Span, field: &str, type_name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N012,
        span,
        format!("`{field}` embeds the composite type `{type_name}`, which takes no `@default`: give its own fields defaults instead."),
    )
}

pub fn attribute_on_embedded_field(span: Span, attribute: &str, field: &str, type_name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N012,
        span,
        format!("`{attribute}` on `{field}`, which embeds the composite type `{type_name}`: such a field takes `@map`, `@unique`, `@id` and `@ignore` only."),
    )
}

pub fn endless_embedding(span: Span, field: &str, path: &[String]) -> Diagnostic {
    Diagnostic::error(
        Code::N012,
        span,
        format!(
            "`{field}` makes every `{}` hold another without end ({}): make a field on the way optional or a list.",
            path[0],
            path.join(" → ")
        ),
    )
}

pub fn unknown_type<'a>(span: Span, name: &str, known: impl Iterator<Item = &'a String>) -> Diagnostic {
    let scalars = ["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"];
    let candidates: Vec<String> = scalars.iter().map(|s| s.to_string()).chain(known.cloned()).collect();
    let suggestion = closest_name(name, &candidates);
    let mut diagnostic = Diagnostic::error(
        Code::N013,
        span,
        match &suggestion {
            Some(s) => format!("Type `{name}` is neither a scalar type nor a model or enum of this schema. Did you mean `{s}`?"),
            None => format!("Type `{name}` is neither a scalar type nor a model or enum of this schema."),
        },
    );
    if let Some(s) = suggestion {
        diagnostic = diagnostic.with_fix(format!("Change to `{s}`"), vec![TextEdit { span, insert: s }]);
    }
    diagnostic
}

pub fn relation_attribute_on_scalar(span: Span, field: &str) -> Diagnostic {
    Diagnostic::error(Code::N014, span, format!("`@relation` belongs on a field whose type is a model; `{field}` is a scalar field."))
}

pub fn several_id_fields(span: Span, field: &str, model: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N015,
        span,
        format!("Model `{model}` has more than one `@id` field (`{field}` is another); use `@@id([…])` for a composite key."),
    )
}

pub fn default_without_value(span: Span) -> Diagnostic {
    Diagnostic::error(Code::N016, span, "`@default` needs a value, for example `@default(0)` or `@default(now())`.")
}

pub fn default_type_mismatch(span: Span, function: &str, field: &str, expected: &str) -> Diagnostic {
    Diagnostic::error(Code::N017, span, format!("`{function}` can only be the default of {expected} field, and `{field}` is not one."))
}

pub fn default_function_argument(span: Span, function: &str, expected: &str) -> Diagnostic {
    Diagnostic::error(Code::N044, span, format!("`{function}()` takes {expected}."))
}

pub fn unknown_native_type(span: Span, name: &str, provider: Provider) -> Diagnostic {
    let known: Vec<&str> = crate::languages::prisma_native_types::native_types(provider).iter().map(|t| t.name).collect();
    let message = if known.is_empty() {
        format!("`@db.{name}`: Prisma has no native types on {}; remove it.", provider.display_name())
    } else {
        format!("`@db.{name}` is not a native type of {} in Prisma; it has {}.", provider.display_name(), known.join(", "))
    };
    Diagnostic::error(Code::N045, span, message)
}

pub fn native_type_field_type(span: Span, native: &str, field: &str, field_type: &str, expected: &[String]) -> Diagnostic {
    Diagnostic::error(
        Code::N046,
        span,
        format!("`@db.{native}` is a native type of {} fields, and `{field}` is {field_type}.", expected.join(" or ")),
    )
}

pub fn native_type_arguments(span: Span, written: &str, takes: &str) -> Diagnostic {
    Diagnostic::error(Code::N047, span, format!("`{written}`: it takes {takes}."))
}

pub fn attribute_in_composite_type(span: Span, attribute: &str, type_name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N048,
        span,
        format!(
            "`{attribute}` in the composite type `{type_name}`: a composite type's fields take `@default`, `@map` and native types only."
        ),
    )
}

pub fn relation_in_composite_type(span: Span, field: &str, type_name: &str, model: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N065,
        span,
        format!("`{field}` in the composite type `{type_name}` points at the model `{model}`: an embedded document holds no relations; declare the relation on the model that embeds `{type_name}`."),
    )
}

pub fn compound_name_clash(span: Span, field: &str, attribute: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N066,
        span,
        format!("`{attribute}`'s fields make the name `{field}`, which Prisma Client would also give the field `{field}`: rename the field (Prisma refuses the clash even with `name:`)."),
    )
}

pub fn empty_composite_type(span: Span, type_name: &str) -> Diagnostic {
    Diagnostic::error(Code::N065, span, format!("Composite type `{type_name}` has no fields: add at least one."))
}

pub fn unknown_embedded_path(span: Span, path: &str, segment: &str, type_name: &str) -> Diagnostic {
    Diagnostic::error(Code::N023, span, format!("`{path}` names `{segment}`, which is not a field of the composite type `{type_name}`."))
}

pub fn auto_in_composite_type(span: Span, field: &str, type_name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N048,
        span,
        format!("`{field}` in the composite type `{type_name}` defaults to `auto()`: MongoDB makes ObjectIds for a document's `_id` only, not inside an embedded document."),
    )
}

pub fn key_in_composite_type(span: Span, attribute: &str, type_name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N048,
        span,
        format!("`{attribute}` in the composite type `{type_name}`: an embedded document has no keys or indexes of its own; define them on the model that embeds it."),
    )
}

pub fn key_argument_not_here(span: Span, argument: &str, database: &str) -> Diagnostic {
    Diagnostic::error(Code::N049, span, format!("`{argument}:` is {database}'s alone in Prisma; remove it for this database."))
}

pub fn unknown_key_argument(span: Span, argument: &str, attribute: &str, takes: &str) -> Diagnostic {
    Diagnostic::error(Code::N049, span, format!("`{attribute}` has no argument `{argument}:`; it takes {takes}."))
}

pub fn key_argument_value(span: Span, argument: &str, takes: &str) -> Diagnostic {
    Diagnostic::error(Code::N049, span, format!("`{argument}:` takes {takes}."))
}

pub fn mysql_key_needs_length(span: Span, field: &str, native: &str, attribute: &str, on_field: bool) -> Diagnostic {
    let example = if on_field { format!("{attribute}(length: 191)") } else { format!("{field}(length: 191)") };
    Diagnostic::error(
        Code::N050,
        span,
        format!("MySQL keys a `{native}` column only by a prefix: give `{field}` a `length:` in `{attribute}` (`{example}`), or make it a `VarChar`."),
    )
}

pub fn clustered_twice(span: Span, model: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N051,
        span,
        format!("`{model}` has more than one clustered key or index; SQL Server keeps a table in one order (its primary key's unless it says `clustered: false`)."),
    )
}

pub fn extensions_problem(span: Span, rule: &str) -> Diagnostic {
    Diagnostic::error(Code::N052, span, format!("The datasource's `extensions` are {rule}."))
}

pub fn database_schema_problem(span: Span, problem: &str) -> Diagnostic {
    let mut text = problem.to_string();
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    Diagnostic::error(Code::N053, span, format!("{text}."))
}

pub fn table_name_taken(span: Span, table: &str, model: &str, first_model: &str, first: Span) -> Diagnostic {
    Diagnostic::error(
        Code::N054,
        span,
        format!("`{model}` is the table `{table}`, which `{first_model}` already is; give one of them another name with `@@map`."),
    )
    .with_label(first, format!("`{first_model}` is `{table}` here"))
}

pub fn enum_name_taken(span: Span, database_name: &str, name: &str, first_name: &str, first: Span) -> Diagnostic {
    Diagnostic::error(
        Code::N054,
        span,
        format!("Enum `{name}` is the database type `{database_name}`, which enum `{first_name}` already is; give one of them another name with `@@map`."),
    )
    .with_label(first, format!("`{first_name}` is `{database_name}` here"))
}

pub fn default_not_on_database(span: Span, function: &str, field: &str, database: &str, why: &str) -> Diagnostic {
    Diagnostic::error(Code::N055, span, format!("`{field}` defaults to `{function}`, which {database} does not have: {why}."))
}

pub fn mongodb_field_name(span: Span, field: &str, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N056,
        span,
        format!("`{field}` is stored as `{name}`, which MongoDB cannot take as a field name: no `.` in it and no `$` at its start; map it to another name."),
    )
}

pub fn relation_mode_twice(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::N057,
        span,
        "`referentialIntegrity` is the old name of `relationMode`, and the datasource has both: keep `relationMode` alone.",
    )
}

pub fn view_key_problem(span: Span, view: &str, why: &str) -> Diagnostic {
    Diagnostic::error(Code::N058, span, format!("In view `{view}`: {why}."))
}

pub fn view_many_to_many(span: Span, view: &str, field: &str, target: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N059,
        span,
        format!("`{view}.{field}` and a list on `{target}` make an implicit many-to-many with a view, which Prisma does not have: a join table needs the ids of both sides, and a view has none. Model the link as a model of its own."),
    )
}

pub fn shard_key_problem(span: Span, model: &str, problem: &str) -> Diagnostic {
    Diagnostic::error(Code::N060, span, format!("Shard key of `{model}`: {problem}."))
}

pub fn index_method_problem(span: Span, model: &str, problem: &str) -> Diagnostic {
    Diagnostic::error(Code::N061, span, format!("Index of `{model}`: the index {problem}."))
}

pub fn unknown_default_function(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N018,
        span,
        format!("Unknown default function `{name}()`; use autoincrement(), now(), uuid(), cuid(), nanoid() or dbgenerated(\"…\")."),
    )
}

pub fn unknown_enum_value(span: Span, value: &str, enum_name: &str) -> Diagnostic {
    Diagnostic::error(Code::N019, span, format!("`{value}` is not a value of enum `{enum_name}`."))
}

pub fn unknown_default_constant(span: Span, value: &str, field: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N020,
        span,
        format!("`{value}` is not a valid default for `{field}`: write a string in quotes, a number, true or false."),
    )
}

pub fn block_attribute_without_fields(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(Code::N021, span, format!("`@@{name}` needs a list of fields, for example `@@{name}([a, b])`."))
}

pub fn expected_field_name(span: Span) -> Diagnostic {
    Diagnostic::error(Code::N022, span, "Expected a field name here.")
}

pub fn unknown_field_in_attribute(span: Span, field: &str, model: &str, attribute: &str, is_relation: bool) -> Diagnostic {
    let message = if is_relation {
        format!("`@@{attribute}` must list scalar fields; `{field}` is a relation field of `{model}`: list its foreign-key fields instead.")
    } else {
        format!("`@@{attribute}` names `{field}`, which is not a field of `{model}`.")
    };
    Diagnostic::error(Code::N023, span, message)
}

pub fn id_declared_twice(span: Span, model: &str, first: Span) -> Diagnostic {
    Diagnostic::error(Code::N024, span, format!("Model `{model}` already has a primary key; declare it once, with `@id` or with `@@id`."))
        .with_label(first, "the primary key is declared here")
}

pub fn connection_url_in_schema(span: Span, property: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::N025,
        span,
        format!("Prisma 7 rejects `{property}` in the schema (connection URLs moved to prisma.config.ts); relplay ignores it and leaves it out of its Prisma output."),
    )
}

pub fn unknown_relation_mode(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::N026,
        span,
        "`relationMode` must be \"foreignKeys\" (constraints in the database) or \"prisma\" (emulated by Prisma Client).",
    )
}

pub fn scalar_list_unsupported(span: Span, model: &str, field: &str, provider: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N043,
        span,
        format!("`{model}.{field}` is a list, which Prisma has only on PostgreSQL, CockroachDB and MongoDB, not on {provider}: store it as `Json`, or in a related model."),
    )
}

pub fn auto_outside_mongodb(span: Span, field: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N039,
        span,
        format!(
            "`{field}` defaults to `auto()`, which only MongoDB has (it makes an ObjectId): use uuid(), cuid() or autoincrement() here."
        ),
    )
}

pub fn auto_without_object_id(span: Span, field: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N040,
        span,
        format!("`{field}` defaults to `auto()`, which makes an ObjectId: give it the type `@db.ObjectId`."),
    )
}

pub fn document_id_not_mapped(span: Span, model: &str) -> Diagnostic {
    Diagnostic::error(Code::N041, span, format!("The id of `{model}` must be the document's `_id` on MongoDB: add `@map(\"_id\")` to it."))
}

pub fn unknown_preview_feature(span: Span, name: &str, prisma: crate::options::PrismaVersion) -> Diagnostic {
    let message = match prisma {
        crate::options::PrismaVersion::Seven => {
            format!("Prisma 7 does not know the preview feature \"{name}\": remove it (Prisma 7 dropped `metrics` and `esm`; most others became standard).")
        }
        crate::options::PrismaVersion::Six => format!("Prisma 6 does not know the preview feature \"{name}\": remove it."),
    };
    Diagnostic::error(Code::N038, span, message)
}

pub fn env_with_named_argument(span: Span) -> Diagnostic {
    Diagnostic::warning(Code::N063, span, "`env()` takes the variable's name as its one argument, unnamed: `env(\"DATABASE_URL\")`.")
}

pub fn enum_on_sql_server(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N064,
        span,
        format!("Enum `{name}`: SQL Server has no enum types, and Prisma has no enums on it; use a String field (or a lookup model)."),
    )
}

pub fn connection_url_problem(span: Span, problem: &str) -> Diagnostic {
    Diagnostic::error(Code::N063, span, format!("{problem}."))
}

pub fn view_with_primary_key(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N037,
        span,
        format!("View `{name}` cannot have a primary key in Prisma 7: use `@unique` or `@@unique` for the fields that identify a row."),
    )
}

pub fn view_without_preview_feature(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N027,
        span,
        format!("View `{name}` needs Prisma's `views` preview feature: add `previewFeatures = [\"views\"]` to the generator block."),
    )
}

pub fn duplicate_constraint_name(span: Span, name: &str, scope: &str, first: Span) -> Diagnostic {
    Diagnostic::error(
        Code::N028,
        span,
        format!("The constraint name `{name}` is already used {scope}; give one of them another name with `map:`."),
    )
    .with_label(first, "first used here")
}

pub fn optional_primary_key(span: Span, model: &str, fields: &[String]) -> Diagnostic {
    Diagnostic::error(
        Code::N029,
        span,
        format!("The primary key of `{model}` includes {}, which can be null or is a list: a primary key must identify every row, so make its fields required.", quoted_list(fields)),
    )
}

pub fn model_without_unique_criterion(span: Span, model: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N030,
        span,
        format!("Model `{model}` has no way to identify a row: give it an `@id`, or an `@unique` / `@@unique` over required fields."),
    )
}

pub fn mongodb_model_without_id(span: Span, model: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N067,
        span,
        format!("Model `{model}` has no `@id`, which every MongoDB model needs for its documents' `_id`: add `id String @id @default(auto()) @map(\"_id\") @db.ObjectId`."),
    )
}

pub fn duplicate_property(span: Span, property: &str, block: &str, first: Span) -> Diagnostic {
    Diagnostic::error(Code::N031, span, format!("`{property}` is set twice in `{block}`; keep one.")).with_label(first, "first set here")
}

pub fn duplicate_attribute(span: Span, attribute: &str, first: Span) -> Diagnostic {
    Diagnostic::error(Code::N032, span, format!("`{attribute}` can be written only once here; keep one."))
        .with_label(first, "first written here")
}

pub fn duplicate_enum_value(span: Span, value: &str, enum_name: &str, first: Span) -> Diagnostic {
    Diagnostic::error(Code::N033, span, format!("Enum `{enum_name}` already has the value `{value}`."))
        .with_label(first, "first declared here")
}

pub fn empty_enum(span: Span, enum_name: &str) -> Diagnostic {
    Diagnostic::error(Code::N034, span, format!("Enum `{enum_name}` has no values: add at least one."))
}

// ----- R: relations -------------------------------------------------------------------------------

pub fn unknown_relation_argument(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R001,
        span,
        format!("`@relation` has no argument `{name}`; it takes name, fields, references, onDelete, onUpdate and map."),
    )
}

pub fn invalid_referential_action(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R002,
        span,
        format!("`{name}` is not a referential action; use Cascade, Restrict, NoAction, SetNull or SetDefault."),
    )
}

pub fn ambiguous_self_relation(span: Span, fields: &[String], model: &str, named: bool) -> Diagnostic {
    let message = if named {
        format!("The self-relation fields {} of `{model}` share one relation name, but a relation has at most two fields: give them different names.", quoted_list(fields))
    } else {
        format!("The fields {} of `{model}` all point at `{model}` itself: name the relation so each field's partner is clear, with `@relation(\"Name\")` on both fields of a pair.", quoted_list(fields))
    };
    Diagnostic::error(Code::R003, span, message)
}

pub fn ambiguous_relation(span: Span, fields: &[String], from: &str, to: &str, named: bool) -> Diagnostic {
    let message = if named {
        format!(
            "The fields {} of `{from}` point at `{to}` with the same relation name: each relation between two models needs its own name.",
            quoted_list(fields)
        )
    } else {
        format!("`{from}` has several relations to `{to}` ({}): give each a different name with `@relation(\"Name\")`, the same on both of its sides.", quoted_list(fields))
    };
    Diagnostic::error(Code::R004, span, message)
}

pub fn missing_opposite_relation_field(span: Span, field: &str, model: &str, target: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R005,
        span,
        format!("Relation field `{model}.{field}` has no opposite field on `{target}`: Prisma needs both sides, so add a field of type `{model}` (or `{model}[]`) to `{target}`."),
    )
}

pub fn both_sides_define(span: Span, argument: &str, a: (&str, &str), b: (&str, &str)) -> Diagnostic {
    Diagnostic::error(
        Code::R006,
        span,
        format!("Both `{}.{}` and `{}.{}` give `{argument}`; only the side that holds the foreign key may.", a.1, a.0, b.1, b.0),
    )
}

pub fn neither_side_defines(span: Span, a: (&str, &str), b: (&str, &str)) -> Diagnostic {
    Diagnostic::error(
        Code::R007,
        span,
        format!("Neither `{}.{}` nor `{}.{}` says which side holds the foreign key: add `@relation(fields: […], references: […])` to one of them.", a.1, a.0, b.1, b.0),
    )
}

pub fn fields_and_references_split(span: Span, owner: (&str, &str), other: (&str, &str)) -> Diagnostic {
    Diagnostic::error(
        Code::R008,
        span,
        format!(
            "`fields` and `references` must be given together on one side; here they are split between `{}.{}` and `{}.{}`.",
            owner.1, owner.0, other.1, other.0
        ),
    )
}

pub fn list_side_defines_fields(span: Span, side: (&str, &str), other: (&str, &str)) -> Diagnostic {
    Diagnostic::error(
        Code::R009,
        span,
        format!(
            "The list field `{}.{}` cannot give `fields` or `references`: the foreign key lives on the other side, `{}.{}`.",
            side.1, side.0, other.1, other.0
        ),
    )
}

pub fn actions_on_back_side(span: Span, side: (&str, &str), other: (&str, &str)) -> Diagnostic {
    Diagnostic::error(
        Code::R010,
        span,
        format!(
            "`onDelete`/`onUpdate` belong on the side that holds the foreign key, `{}.{}`, not on `{}.{}`.",
            other.1, other.0, side.1, side.0
        ),
    )
}

pub fn missing_relation_argument(span: Span, argument: &str, field: &str, model: &str) -> Diagnostic {
    Diagnostic::error(Code::R011, span, format!("`{model}.{field}` holds the foreign key, so its `@relation` needs `{argument}: […]`."))
}

pub fn unknown_relation_field(span: Span, argument: &str, field: &str, model: &str) -> Diagnostic {
    Diagnostic::error(Code::R012, span, format!("`{argument}` names `{field}`, which is not a scalar field of `{model}`."))
}

pub fn fields_references_arity(span: Span, fields: usize, references: usize) -> Diagnostic {
    Diagnostic::error(
        Code::R013,
        span,
        format!("`fields` lists {fields} field(s) but `references` lists {references}: they must pair up one to one."),
    )
}

pub fn implicit_many_to_many_with_fields(span: Span) -> Diagnostic {
    Diagnostic::error(Code::R014, span, "An implicit many-to-many relation has no `fields` or `references`: its join table is made for it. Remove them, or use an explicit join model.")
}

pub fn many_to_many_without_id_lists(span: Span, model: &str, field: &str) -> Diagnostic {
    Diagnostic::error(
        Code::N042,
        span,
        format!("MongoDB has no join tables: `{model}.{field}` needs a list of the other side's ids, as `tagIds String[] @db.ObjectId` with `@relation(fields: [tagIds], references: [id])`, and so does the other side."),
    )
}

pub fn implicit_many_to_many_with_actions(span: Span) -> Diagnostic {
    Diagnostic::error(Code::R015, span, "An implicit many-to-many relation always cascades; `onDelete`/`onUpdate` cannot be set. Use an explicit join model to choose actions.")
}

pub fn many_to_many_without_id(span: Span, field: &str, model: &str, referenced: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R016,
        span,
        format!("`{model}.{field}` is an implicit many-to-many relation, which needs a single-field `@id` on `{referenced}`; `{referenced}` has none. Add one or use an explicit join model."),
    )
}

/// `remedy` says how to make the key unique, in the source's language.
pub fn one_to_one_foreign_key_not_unique(span: Span, remedy: &str, fix: Option<Fix>) -> Diagnostic {
    let message =
        format!("In a one-to-one relation the foreign key must be unique: {remedy}, or make the other side a list for one-to-many.");
    Diagnostic::error(Code::R017, span, message).fixed_by(fix)
}

pub fn back_side_required(span: Span, field: &str, model: &str, type_name: &str, fix: Option<Fix>) -> Diagnostic {
    Diagnostic::error(
        Code::R018,
        span,
        format!("`{model}.{field}` is the side of a one-to-one relation without the foreign key, so it must be optional (`{type_name}?`): the database cannot force a row to be referenced."),
    )
    .fixed_by(fix)
}

/// `references` is the source's word for the referenced fields, `remedy` how to make them unique.
pub fn references_not_unique(span: Span, references: &str, target: &str, remedy: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R019,
        span,
        format!("{references} must point at the primary key or a unique constraint of `{target}`: {remedy}."),
    )
}

pub fn foreign_key_type_mismatch(
    span: Span,
    field: &str,
    model: &str,
    field_type: &str,
    referenced: &str,
    target: &str,
    referenced_type: &str,
) -> Diagnostic {
    Diagnostic::error(
        Code::R020,
        span,
        format!("`{model}.{field}` is {field_type} but references `{target}.{referenced}`, which is {referenced_type}: Prisma and MySQL need a foreign key of the referenced field's type."),
    )
}

pub fn optional_fields_required_relation(span: Span, field: &str, model: &str, optional_fields: &[String]) -> Diagnostic {
    Diagnostic::error(
        Code::R021,
        span,
        format!("`{model}.{field}` is required but its foreign key {} can be null: make the relation field optional too, or the key fields required.", quoted_list(optional_fields)),
    )
}

/// `clause` is the action as the source writes it (`onDelete: SetNull`).
pub fn set_null_on_required(span: Span, clause: &str, fields: &[String], warning_only: bool) -> Diagnostic {
    let message = format!(
        "`{clause}` on a foreign key that cannot be null ({}): the database would have to write NULL where it is not allowed. Make the fields optional or choose another action.",
        quoted_list(fields)
    );
    if warning_only {
        Diagnostic::warning(Code::R022, span, format!("{message} (PostgreSQL accepts the schema but fails when the action runs.)"))
    } else {
        Diagnostic::error(Code::R022, span, message)
    }
}

pub fn set_null_on_partly_required(span: Span, clause: &str, not_null: &[String], warning_only: bool) -> Diagnostic {
    let message = format!(
        "`{clause}` on a foreign key some of whose columns cannot be null ({}): the action writes NULL into every column of the key. Make them optional or choose another action.",
        quoted_list(not_null)
    );
    if warning_only {
        Diagnostic::warning(Code::R032, span, format!("{message} (PostgreSQL accepts the schema but fails when the action runs.)"))
    } else {
        Diagnostic::error(Code::R032, span, message)
    }
}

/// `clause` is the action as the source writes it (`onDelete: SetDefault`).
pub fn set_default_on_mysql(span: Span, clause: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::R023,
        span,
        format!("`{clause}` does not work on MySQL: InnoDB rejects SET DEFAULT (MariaDB silently stores RESTRICT). Choose another action."),
    )
}

/// `clause` is the action as the source writes it (`onDelete: SetDefault`).
pub fn action_not_supported(span: Span, clause: &str, provider: &str, emulated: bool, allowed: &[String]) -> Diagnostic {
    let context = if emulated { format!("{provider} with relationMode = \"prisma\"") } else { provider.to_string() };
    Diagnostic::error(Code::R024, span, format!("`{clause}` is not available on {context}; use one of {}.", allowed.join(", ")))
}

pub fn self_relation_cascades(span: Span, relation: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R025,
        span,
        format!("The self-relation `{relation}` would cascade into its own table, which this database (or emulated relations) cannot do: set both `onDelete` and `onUpdate` to `NoAction` (or `Restrict`)."),
    )
}

pub fn cascade_cycle(span: Span, path: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R026,
        span,
        format!("These relations cascade in a circle ({path}): set both `onDelete` and `onUpdate` of one of them to `NoAction` (or `Restrict`) to break it."),
    )
}

pub fn multiple_cascade_paths(span: Span, from: &str, to: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R027,
        span,
        format!("A change to `{from}` cascades to `{to}` along more than one path, which SQL Server refuses: set both `onDelete` and `onUpdate` to `NoAction` on one of the paths."),
    )
}

pub fn document_key_native_type_mismatch(
    span: Span,
    field: &str,
    native: Option<&str>,
    referenced: &str,
    referenced_native: Option<&str>,
) -> Diagnostic {
    let written = |n: Option<&str>| n.map_or("no native type".to_string(), |n| format!("`@db.{n}`"));
    Diagnostic::warning(
        Code::R033,
        span,
        format!(
            "`{field}` has {} and `{referenced}` has {}: MongoDB joins the two collections by the stored values, which then never match. Give both the same native type.",
            written(native),
            written(referenced_native)
        ),
    )
}

pub fn deprecated_preview_feature(span: Span, name: &str, renamed_to: Option<&str>) -> Diagnostic {
    let message = match renamed_to {
        Some(new) => format!("The preview feature \"{name}\" is called \"{new}\" on this database now: rename it."),
        None if name.eq_ignore_ascii_case("metrics") => {
            "The preview feature \"metrics\" is deprecated in Prisma 6 and gone in Prisma 7: remove it.".to_string()
        }
        None => format!("Prisma has what the preview feature \"{name}\" enabled without asking now: remove it from `previewFeatures`."),
    };
    Diagnostic::warning(Code::N062, span, message)
}

pub fn referential_integrity_deprecated(span: Span) -> Diagnostic {
    Diagnostic::warning(Code::N062, span, "`referentialIntegrity` is the old name of `relationMode`: write `relationMode` instead.")
}

pub fn emulated_relation_without_index(span: Span, owner: &str, fields: &[String]) -> Diagnostic {
    Diagnostic::warning(
        Code::R028,
        span,
        format!("With emulated relations the database makes no index for the key {} of `{owner}`, so looking rows up by it scans the table: add `@@index([{}])`.", quoted_list(fields), fields.join(", ")),
    )
}

pub fn sqlite_foreign_keys_need_pragma(span: Span) -> Diagnostic {
    Diagnostic::info(
        Code::R029,
        span,
        "SQLite checks foreign keys only on connections that run `PRAGMA foreign_keys = ON` (Prisma Client does; the sqlite3 shell and many drivers do not). relplay's SQL output turns it on.",
    )
}

pub fn named_foreign_key_unsupported(span: Span, provider: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R030,
        span,
        format!("{provider} foreign keys cannot be named through Prisma: remove `map:` from this `@relation`."),
    )
}

pub fn foreign_key_name_taken(span: Span, name: &str, scope: &str, defaulted: Option<usize>, first: Span) -> Diagnostic {
    let whose = match defaulted {
        Some(limit) => format!("This foreign key's default name `{name}` (cut to {limit} characters)"),
        None => format!("The foreign key name `{name}`"),
    };
    Diagnostic::error(Code::R034, span, format!("{whose} is already used {scope}; give one of them another name with `map:`."))
        .with_label(first, "first used here")
}

pub fn named_primary_key_unsupported(span: Span, provider: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R031,
        span,
        format!("{provider} primary keys cannot be named through Prisma: remove `map:` from this `@id`/`@@id`."),
    )
}

// ----- G: generation ------------------------------------------------------------------------------

pub fn database_schemas_not_written(span: Span, target: &str, names: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::G001,
        span,
        format!("relplay does not write database schemas ({names}) for {target} yet: every table of this output is in the database's default schema; the output says so in a comment."),
    )
}

pub fn target_cannot_express(span: Span, target: &str, what: &str) -> Diagnostic {
    Diagnostic::warning(Code::G001, span, format!("{target} cannot express {what}; the output says so in a comment."))
}

// ----- helpers ------------------------------------------------------------------------------------

/// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
/// (A candidate whose length alone differs by more than it may is not measured: an edit distance
/// is at least the difference of the lengths. A schema with a renamed model has an unknown type
/// in every relation to it, each compared with every model and enum.)
fn closest_name(name: &str, candidates: &[String]) -> Option<String> {
    let lower = name.to_lowercase();
    let length = lower.chars().count();
    candidates
        .iter()
        .filter_map(|c| {
            let allowed = (c.len() / 3).max(1);
            let candidate = c.to_lowercase();
            if length.abs_diff(candidate.chars().count()) > allowed {
                return None;
            }
            let distance = edit_distance(&lower, &candidate);
            (distance <= allowed).then_some((distance, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

// ----- T: ORM code (TypeORM, Sequelize, VibORM) -----------------------------------------------------

pub fn not_known_statically(span: Span, what: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T001,
        span,
        format!("relplay reads code without running it, and this value of {what} is not a literal; it is read as if it were not written."),
    )
}

pub fn base_class_not_in_source(span: Span, class: &str) -> Diagnostic {
    Diagnostic::info(Code::T002, span, format!("`{class}` is imported from outside this code, so the columns it may add are not known."))
}

pub fn relation_target_not_an_entity(span: Span, target: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T003,
        span,
        format!("`{target}` is not an entity of this code (no `@Entity` class of that name); the relation is left out."),
    )
}

pub fn typeorm_invalid_action(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::R002,
        span,
        format!(
            "`{name}` is not a referential action; TypeORM takes \"CASCADE\", \"RESTRICT\", \"NO ACTION\", \"SET NULL\" or \"DEFAULT\"."
        ),
    )
}

pub fn inverse_side_not_found(span: Span, property: &str, target: &str, kind: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T004,
        span,
        format!(
            "The inverse side names `{target}.{property}`, which is not a relation of `{target}`: TypeORM builds the tables, but this `{kind}` has no side holding the key, and loading it fails (\"Cannot read properties of undefined (reading 'joinColumns')\")."
        ),
    )
}

pub fn inverse_side_ignored(span: Span, property: &str, target: &str, kind: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T020,
        span,
        format!("The inverse side names `{target}.{property}`, which is not a relation of `{target}`: TypeORM ignores it, and this `{kind}` is one-sided."),
    )
}

pub fn inverse_side_mismatch(span: Span, property: &str, target: &str, kind: &str, other_kind: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T004,
        span,
        format!("`{target}.{property}` ({other_kind}) is not the other side of this {kind}: it must lead back here, with the matching decorator, and belong to no other relation."),
    )
}

pub fn one_to_many_without_inverse(span: Span, property: &str, entity: &str, target: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T004,
        span,
        format!("`{entity}.{property}` is a `@OneToMany`, which TypeORM needs an inverse side for: name the `@ManyToOne` of `{target}` that leads back (`(x) => x.property`)."),
    )
}

pub fn many_to_many_without_join_table(span: Span, property: &str, entity: &str, fix: Option<Fix>) -> Diagnostic {
    Diagnostic::warning(
        Code::T005,
        span,
        format!("`{entity}.{property}` is a `@ManyToMany` without `@JoinTable` on either side, so TypeORM creates no junction table and the relation holds nothing; add `@JoinTable()` to one side."),
    )
    .fixed_by(fix)
}

pub fn one_to_one_without_join_column(span: Span, property: &str, entity: &str, fix: Option<Fix>) -> Diagnostic {
    Diagnostic::warning(
        Code::T006,
        span,
        format!("`{entity}.{property}` is a `@OneToOne` without `@JoinColumn` on either side, so TypeORM creates no foreign key (and says nothing); add `@JoinColumn()` to the side whose table should hold it."),
    )
    .fixed_by(fix)
}

pub fn join_column_on_both_sides(span: Span, entity: &str, property: &str, other_entity: &str, other_property: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T007,
        span,
        format!("Both `{entity}.{property}` and `{other_entity}.{other_property}` have `@JoinColumn`, so TypeORM makes a foreign key on each table; keep it on one side. relplay reads the first."),
    )
}

pub fn join_table_on_both_sides(span: Span, entity: &str, property: &str, other_entity: &str, other_property: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T007,
        span,
        format!("Both `{entity}.{property}` and `{other_entity}.{other_property}` have `@JoinTable`, so TypeORM makes two junction tables; keep it on one side. relplay reads the first."),
    )
}

pub fn eager_on_both_sides(span: Span, entity: &str, property: &str, other_entity: &str, other_property: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T008,
        span,
        format!("`{entity}.{property}` and its inverse side `{other_entity}.{other_property}` are both `eager: true`, which TypeORM refuses (\"Circular eager relations are disallowed\"); remove it from one side."),
    )
}

pub fn cascade_remove_on_both_sides(span: Span, entity: &str, property: &str, other_entity: &str, other_property: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T009,
        span,
        format!("`{entity}.{property}` and `{other_entity}.{other_property}` both cascade removals, which TypeORM refuses (removals could go round in circles); cascade remove from one side only."),
    )
}

pub fn unknown_column_type(span: Span, type_name: &str, entity: &str, property: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T010,
        span,
        format!("`{type_name}` is not a column type relplay knows; `{entity}.{property}` is kept with that type as written."),
    )
}

pub fn column_type_unknown(span: Span, entity: &str, property: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T010,
        span,
        format!(
            "The type of `{entity}.{property}` cannot be told from its TypeScript type; give the column a `type` (`@Column(\"varchar\")`)."
        ),
    )
}

pub fn association_target_not_a_model(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T003,
        span,
        format!("`{name}` is not a model of this code (no `define` or `init` makes it); the association is left out."),
    )
}

pub fn has_one_key_not_unique(span: Span, source: &str, target: &str, key: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T014,
        span,
        format!("`{source}.hasOne({target})` does not make `{target}.{key}` unique, so the database lets one `{source}` have many `{target}` rows; add `unique: true` to the key (`foreignKey: {{ name: \"{key}\", unique: true }}`) for a one-to-one."),
    )
}

pub fn belongs_to_many_without_through(span: Span, source: &str, target: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T015,
        span,
        format!("`{source}.belongsToMany({target})` needs `through` (a table name or a model), which Sequelize requires; the association is left out."),
    )
}

pub fn alias_used_twice(span: Span, alias: &str, model: &str, first: Span) -> Diagnostic {
    Diagnostic::error(
        Code::T016,
        span,
        format!("`{model}` already has an association named `{alias}`, which Sequelize refuses (\"You have used the alias {alias} in two separate associations\"); give this one another `as`."),
    )
    .with_label(first, "the first association with this name")
}

pub fn association_named_like_attribute(span: Span, name: &str, model: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T016,
        span,
        format!("`{model}` has an attribute `{name}`, so an association named `{name}` clashes with it, which Sequelize refuses (\"Naming collision between attribute\"); change `as` or the key."),
    )
}

pub fn split_association_pair(span: Span, owner: &str, referenced: &str, belongs_key: &str, has_key: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T019,
        span,
        format!("`{owner}.belongsTo({referenced})` uses the key `{belongs_key}` but `{referenced}`'s association to `{owner}` uses `{has_key}`, so Sequelize adds both columns and the two are separate relations; give both the same `foreignKey`."),
    )
}

pub fn required_relation_cycle(span: Span, path: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T018,
        span,
        format!("The relations {path} all say `nullable: false`, a circle TypeORM refuses (\"Circular relations detected\"), since no row could be inserted first; make one of them nullable."),
    )
}

pub fn foreign_key_decorator_missing(span: Span, related: &str, holder: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T017,
        span,
        format!("No `@ForeignKey(() => {related})` column in `{holder}` and no key given here, which sequelize-typescript refuses (\"Foreign key for {related} is missing\"); the association is left out."),
    )
}

pub fn viborm_type_unknown(span: Span, method: &str, field: &str) -> Diagnostic {
    Diagnostic::warning(Code::T010, span, format!("`s.{method}()` is not a VibORM field type relplay knows; `{field}` is left out."))
}

pub fn sequelize_type_unknown(span: Span, attribute: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T010,
        span,
        format!("The type of `{attribute}` is not a Sequelize data type relplay knows; it is kept as unknown."),
    )
}

pub fn sequelize_type_as_written(span: Span, attribute: &str, written: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T010,
        span,
        format!("The type of `{attribute}`, `{written}`, is not a Sequelize data type relplay knows; it is kept as SQL, as Sequelize writes it."),
    )
}

pub fn not_modelled_yet(span: Span, what: &str) -> Diagnostic {
    Diagnostic::warning(Code::T013, span, format!("{what} is not read by relplay yet, so it is left out of the schema."))
}

pub fn entity_without_primary_column(span: Span, entity: &str) -> Diagnostic {
    Diagnostic::error(
        Code::T011,
        span,
        format!("`{entity}` has no primary column, which TypeORM requires; add `@PrimaryGeneratedColumn()` or `@PrimaryColumn()`."),
    )
}

pub fn primary_column_from_own_decorator(span: Span, entity: &str, owner: &str, property: &str, decorator: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::T001,
        span,
        format!(
            "relplay reads code without running it, and `{entity}` has no primary column it can read: `{owner}.{property}` carries `@{decorator}`, a decorator of the code's own, which may add it when the code runs (TypeORM requires one). The tables are read without it."
        ),
    )
}

pub fn unknown_property(span: Span, property: &str, entity: &str, option: &str) -> Diagnostic {
    Diagnostic::error(Code::T012, span, format!("{option} names `{property}`, which `{entity}` does not have."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_type_gets_a_suggestion_and_a_fix() {
        let known = ["Profile".to_string()];
        let d = unknown_type(Span::new(3, 9), "Profle", known.iter());
        assert!(d.message.ends_with("Did you mean `Profile`?"), "{}", d.message);
        assert_eq!(d.fix.expect("a fix").edits[0].insert, "Profile");
    }

    #[test]
    fn an_unrelated_type_gets_no_suggestion() {
        let d = unknown_type(Span::new(0, 4), "Zebra", std::iter::empty());
        assert!(d.fix.is_none());
        assert!(!d.message.contains("Did you mean"));
    }
}
