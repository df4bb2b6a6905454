//! Lowering of SQL DDL into the IR: tables become entities (named as their tables, as Prisma's
//! introspection names them), constraints become keys, and foreign keys become relations
//! ([`relations`]): one-to-one where the key is unique, many-to-many where a table is nothing but
//! two keys. Statements outside the model (views, functions, data) are reported and skipped.

pub(crate) mod columns;
mod relations;

use crate::diagnostic::{catalog, Diagnostic};
use crate::dialect::SqlDialect;
use crate::ir::{Entity, Index, KeyFieldOptions, PrimaryKey, RelationMode, Schema, UniqueConstraint, IR_VERSION};
use crate::span::Span;
use crate::syntax::sql::SqlFile;
use sqlparser::ast::{AlterTableOperation, ColumnOption, ObjectName, Spanned, Statement, TableConstraint};
use std::collections::HashMap;

/// A foreign key as written, before it becomes a relation.
#[derive(Debug, Clone)]
struct PendingKey {
    table: String,
    columns: Vec<String>,
    referenced_table: String,
    referenced_columns: Vec<String>,
    on_delete: Option<sqlparser::ast::ReferentialAction>,
    on_update: Option<sqlparser::ast::ReferentialAction>,
    name: Option<String>,
    span: Span,
}

/// The last part of a possibly qualified name (`public.users` → `users`), unquoted.
fn object_name(name: &ObjectName) -> String {
    name.0
        .last()
        .map(|part| part.to_string().trim_matches(|c| c == '"' || c == '`' || c == '[' || c == ']').to_string())
        .unwrap_or_default()
}

fn identifier(ident: &sqlparser::ast::Ident) -> String {
    ident.value.clone()
}

/// The column names of an index or key column list (expressions other than columns are left out).
fn index_columns(columns: &[sqlparser::ast::IndexColumn]) -> Vec<String> {
    index_key(columns).0
}

/// The columns of an index and the options of those that have any: MySQL's prefix length
/// (`url(500)`, which sqlparser reads as a call) and `DESC`. An expression that is no column
/// leaves the list.
fn index_key(columns: &[sqlparser::ast::IndexColumn]) -> (Vec<String>, Vec<KeyFieldOptions>) {
    use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr, FunctionArguments, OrderBySort, Value};
    let mut fields = Vec::new();
    let mut options = Vec::new();
    for column in columns {
        let (name, length) = match &column.column.expr {
            Expr::Identifier(ident) => (ident.value.clone(), None),
            Expr::CompoundIdentifier(parts) => match parts.last() {
                Some(part) => (part.value.clone(), None),
                None => continue,
            },
            Expr::Function(function) if function.name.0.len() == 1 => {
                let FunctionArguments::List(list) = &function.args else { continue };
                let [FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(value)))] = list.args.as_slice() else { continue };
                let Value::Number(number, _) = &value.value else { continue };
                let Some(name) = function.name.0[0].as_ident() else { continue };
                (name.value.clone(), number.parse::<u32>().ok())
            }
            _ => continue,
        };
        let descending = matches!(column.column.options.sort, Some(OrderBySort::Desc));
        if length.is_some() || descending {
            options.push(KeyFieldOptions { field: name.clone(), length, descending, ops: None });
        }
        fields.push(name);
    }
    (fields, options)
}

/// Lowers a parsed script. Never fails: what cannot be lowered is reported and left out.
pub fn lower(file: &SqlFile, dialect: SqlDialect) -> (Schema, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let provider = dialect.native_type_provider();
    let mut schema = Schema {
        version: IR_VERSION,
        preview_features: Vec::new(),
        provider: Some(provider),
        relation_mode: RelationMode::ForeignKeys,
        extensions: Vec::new(),
        database_schemas: Vec::new(),
        entities: Vec::new(),
        views: Vec::new(),
        view_relations: Vec::new(),
        composite_types: Vec::new(),
        embedded_fields: Vec::new(),
        embedded_indexes: Vec::new(),
        enums: Vec::new(),
        relations: Vec::new(),
        comments: Vec::new(),
    };
    let mut keys: Vec<PendingKey> = Vec::new();
    let mut tables: HashMap<String, usize> = HashMap::new();
    // Views are skipped, but indexes on (materialized) views must not read as errors.
    let mut views: std::collections::HashSet<String> = file.unparsed_views.iter().cloned().collect();
    let mut types = columns::TypeNames::default();
    for (domain, base) in &file.domains {
        types.domains.insert(domain.to_ascii_lowercase(), base.clone());
    }
    for parsed in &file.statements {
        let span = parsed.span;
        match &parsed.statement {
            Statement::CreateType { name, representation: Some(sqlparser::ast::UserDefinedTypeRepresentation::Enum { labels }) } => {
                let name = object_name(name);
                types.enums.insert(name.to_ascii_lowercase(), name.clone());
                schema.enums.push(crate::ir::EnumType {
                    database_schema: None,
                    name: name.clone(),
                    database_name: name,
                    values: labels
                        .iter()
                        .map(|l| crate::ir::EnumTypeValue {
                            name: crate::languages::prisma::identifier(&l.value),
                            database_name: l.value.clone(),
                        })
                        .collect(),
                    span,
                });
            }
            Statement::CreateTable(create) => {
                let table = object_name(&create.name);
                if tables.contains_key(&table) {
                    diagnostics.push(catalog::duplicate_table(span, &table));
                    continue;
                }
                let mut entity = lower_table(create, dialect, parsed, &types, &mut schema.enums, &mut keys, &mut diagnostics);
                // PostgreSQL `INHERITS (parent)`: the parent's columns come first.
                for parent in create.inherits.iter().flatten() {
                    if let Some(&parent_index) = tables.get(&object_name(parent)) {
                        let inherited: Vec<crate::ir::Field> =
                            schema.entities[parent_index].fields.iter().filter(|f| entity.field(&f.name).is_none()).cloned().collect();
                        entity.fields.splice(0..0, inherited);
                    }
                }
                tables.insert(table, schema.entities.len());
                schema.entities.push(entity);
            }
            Statement::AlterTable(alter) => {
                let table = object_name(&alter.name);
                let adds_constraints = alter.operations.iter().any(|o| matches!(o, AlterTableOperation::AddConstraint { .. }));
                let Some(&index) = tables.get(&table) else {
                    // pg_dump also alters sequences and views with ALTER TABLE (OWNER TO …): only
                    // a missing table that gets constraints matters.
                    if adds_constraints {
                        diagnostics.push(catalog::unknown_table(span, &table));
                    } else {
                        diagnostics.push(catalog::sql_statement_skipped(span, "This ALTER TABLE change"));
                    }
                    continue;
                };
                for operation in &alter.operations {
                    match operation {
                        AlterTableOperation::AddConstraint { constraint, .. } => {
                            add_constraint(&mut schema.entities[index], constraint, span, &mut keys)
                        }
                        // pg_dump gives serial columns their counter this way.
                        AlterTableOperation::AlterColumn { column_name, op } => {
                            let field = schema.entities[index].fields.iter_mut().find(|f| f.column == column_name.value);
                            match (field, op) {
                                (Some(field), sqlparser::ast::AlterColumnOperation::SetDefault { value }) => {
                                    field.default = columns::default_value(value)
                                }
                                (Some(field), sqlparser::ast::AlterColumnOperation::SetNotNull) => field.nullable = false,
                                (Some(field), sqlparser::ast::AlterColumnOperation::DropNotNull) => field.nullable = true,
                                _ => diagnostics.push(catalog::sql_statement_skipped(span, "This ALTER COLUMN change")),
                            }
                        }
                        _ => diagnostics.push(catalog::sql_statement_skipped(span, "This ALTER TABLE change")),
                    }
                }
            }
            Statement::CreateIndex(create) => {
                let table = object_name(&create.table_name);
                let Some(&index) = tables.get(&table) else {
                    if views.contains(&table) {
                        diagnostics.push(catalog::sql_statement_skipped(span, "An index on a view"));
                    } else {
                        diagnostics.push(catalog::unknown_table(span, &table));
                    }
                    continue;
                };
                let entity = &mut schema.entities[index];
                // Fields are named as their columns.
                let (fields, field_options) = index_key(&create.columns);
                let name = create.name.as_ref().map(object_name);
                if fields.is_empty() {
                    diagnostics.push(catalog::sql_statement_skipped(span, "An index on expressions"));
                } else if create.predicate.is_some() {
                    // A partial index (`WHERE is_default`) holds only for some rows: read as a
                    // unique constraint, it would refuse rows the database takes (listmonk's one
                    // default template made every second template a duplicate).
                    let kind = if create.unique { "A partial unique index (with `WHERE`)" } else { "A partial index (with `WHERE`)" };
                    diagnostics.push(catalog::sql_statement_skipped(span, kind));
                } else if create.unique {
                    entity.uniques.push(UniqueConstraint {
                        field_options,
                        fields,
                        constraint_name: name,
                        client_name: None,
                        on_field: false,
                        span,
                    });
                } else {
                    entity.indexes.push(Index { field_options, fields, constraint_name: name, index_type: None, span });
                }
            }
            Statement::CreateExtension(extension) => {
                let name = extension.name.value.clone();
                if !schema.extensions.contains(&name) {
                    schema.extensions.push(name);
                }
            }
            Statement::CreateView(view) => {
                views.insert(object_name(&view.name));
                diagnostics.push(catalog::sql_statement_skipped(span, &statement_kind(&parsed.text)));
            }
            _ => diagnostics.push(catalog::sql_statement_skipped(span, &statement_kind(&parsed.text))),
        }
    }
    if dialect == SqlDialect::Sqlite {
        // SQLite keeps no names for foreign keys that tools can read back (and Prisma cannot set them).
        for key in &mut keys {
            key.name = None;
        }
    }
    relations::lower_keys(keys, dialect, &mut schema, &mut diagnostics);
    (schema, diagnostics)
}

/// A readable name for a statement kind relplay skips, from its first keywords as written.
fn statement_kind(text: &str) -> String {
    format!("A `{}` statement", crate::syntax::sql::leading_words(text))
}

fn lower_table(
    create: &sqlparser::ast::CreateTable,
    dialect: SqlDialect,
    statement: &crate::syntax::sql::SqlStatement,
    types: &columns::TypeNames,
    enums: &mut Vec<crate::ir::EnumType>,
    keys: &mut Vec<PendingKey>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Entity {
    let span = statement.span;
    let table = object_name(&create.name);
    // `CREATE TABLE name`, from the statement's start to the end of the table's name.
    let name_end = statement.span_in_script(Spanned::span(&create.name)).map_or(span.end(), |s| s.end());
    let mut entity = Entity::new(table.clone(), table.clone(), span, crate::span::Span::new(span.start(), name_end));
    // Each column and constraint is placed at its own element of the table, so the editor can
    // tell which one the cursor is on (hover, linked selection) and fixes can write beside it.
    let elements = statement.table_elements();
    for (position, column) in create.columns.iter().enumerate() {
        let span = statement.element_of(&elements, Spanned::span(column));
        let inline = columns::inline_enum(column, &table, enums, span);
        let field = columns::lower_column(column, position as u32, span, dialect, types, inline.as_ref(), diagnostics);
        enums.extend(inline);
        let name = field.name.clone();
        for option in &column.options {
            match &option.option {
                ColumnOption::PrimaryKey(_) => {
                    entity.primary_key = Some(PrimaryKey { fields: vec![name.clone()], constraint_name: None, client_name: None, span })
                }
                ColumnOption::Unique(_) => entity.uniques.push(UniqueConstraint {
                    field_options: Vec::new(),
                    fields: vec![name.clone()],
                    constraint_name: option.name.as_ref().map(identifier),
                    client_name: None,
                    on_field: true,
                    span,
                }),
                ColumnOption::ForeignKey(key) => keys.push(PendingKey {
                    table: table.clone(),
                    columns: vec![name.clone()],
                    referenced_table: object_name(&key.foreign_table),
                    referenced_columns: key.referred_columns.iter().map(identifier).collect(),
                    on_delete: key.on_delete,
                    on_update: key.on_update,
                    name: option.name.as_ref().map(identifier).or_else(|| key.name.as_ref().map(identifier)),
                    span,
                }),
                _ => {}
            }
        }
        entity.fields.push(field);
    }
    for constraint in &create.constraints {
        add_constraint(&mut entity, constraint, statement.element_of(&elements, Spanned::span(constraint)), keys);
    }
    // A primary key is never null, whatever the column said.
    if let Some(pk) = &entity.primary_key {
        for field in entity.fields.iter_mut().filter(|f| pk.fields.contains(&f.name)) {
            field.nullable = false;
        }
    }
    entity
}

fn add_constraint(entity: &mut Entity, constraint: &TableConstraint, span: Span, keys: &mut Vec<PendingKey>) {
    match constraint {
        TableConstraint::PrimaryKey(key) => {
            let fields = index_columns(&key.columns);
            for field in entity.fields.iter_mut().filter(|f| fields.contains(&f.name)) {
                field.nullable = false;
            }
            entity.primary_key = Some(PrimaryKey { fields, constraint_name: key.name.as_ref().map(identifier), client_name: None, span });
        }
        TableConstraint::Unique(unique) => {
            let fields = index_columns(&unique.columns);
            entity.uniques.push(UniqueConstraint {
                field_options: Vec::new(),
                // A one-column unique reads best on its field (`@unique`).
                on_field: fields.len() == 1,
                fields,
                constraint_name: unique.name.as_ref().map(identifier).or_else(|| unique.index_name.as_ref().map(identifier)),
                client_name: None,
                span,
            })
        }
        TableConstraint::ForeignKey(key) => keys.push(PendingKey {
            table: entity.table.clone(),
            columns: key.columns.iter().map(identifier).collect(),
            referenced_table: object_name(&key.foreign_table),
            referenced_columns: key.referred_columns.iter().map(identifier).collect(),
            on_delete: key.on_delete,
            on_update: key.on_update,
            name: key.name.as_ref().map(identifier),
            span,
        }),
        TableConstraint::Index(index) => {
            let (fields, field_options) = index_key(&index.columns);
            if !fields.is_empty() {
                entity.indexes.push(Index {
                    field_options,
                    fields,
                    constraint_name: index.name.as_ref().map(identifier),
                    index_type: None,
                    span,
                });
            }
        }
        _ => {}
    }
}
