//! An entity class's table, columns, primary key, uniques and indexes.
//!
//! A property is a column when a column decorator marks it (`@Column`, `@PrimaryColumn`,
//! `@PrimaryGeneratedColumn`, `@CreateDateColumn`, `@UpdateDateColumn`, `@DeleteDateColumn`,
//! `@VersionColumn`); its type is the decorator's `type` (or first argument), else what
//! TypeScript's type says as TypeORM reflects it (`string` → varchar, `number` → integer,
//! `boolean`, `Date` → timestamp). Nullability is `nullable: true`, never the `?` or `| null` of
//! the property, which TypeORM does not look at. The primary key's columns are in the order the
//! properties are declared, as TypeORM orders them.

use super::property_list;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::code_values::{literal_bool, literal_count, literal_string};
use crate::ir::{DefaultValue, Entity, Field, FieldType, Index, PrimaryKey, Schema, UniqueConstraint};
use crate::languages::typeorm::{camel_case, column_type, database_column_type, snake_case, ColumnTypeSource};
use crate::span::Span;
use crate::syntax::typescript::{Class, Decorator, Expr, Node, Property, TypeAnnotation};
use std::collections::HashMap;

/// The relation decorators, one of which makes a property a relation end.
pub const RELATION_DECORATORS: [&str; 4] = ["OneToOne", "ManyToOne", "OneToMany", "ManyToMany"];

/// A relation property of an entity, left for [`super::relations`].
#[derive(Debug)]
pub struct RelationProperty<'m> {
    pub entity: String,
    pub property: &'m Property,
    pub position: u32,
}

/// The entity of `class` (its columns and those of the classes of `chain` it extends), and its
/// relation properties.
pub fn lower_entity<'m>(
    class: &'m Class,
    chain: &[&'m Class],
    classes: &HashMap<&str, &'m Class>,
    schema: &Schema,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Entity, Vec<RelationProperty<'m>>) {
    let name = class.name.as_ref().expect("entity classes are named");
    let table = entity_table(class, diagnostics).unwrap_or_else(|| snake_case(&name.value));
    let mut entity = Entity::new(name.value.clone(), table, class.span, name.span);
    entity.documentation = class.documentation.clone();
    let mut relations = Vec::new();
    let mut primary: Vec<String> = Vec::new();
    let mut position = 0u32;
    for property in chain.iter().flat_map(|c| &c.properties) {
        if property.is_static {
            continue;
        }
        position += 1;
        if property.decorators.iter().any(|d| RELATION_DECORATORS.contains(&d.name.as_str())) {
            relations.push(RelationProperty { entity: entity.name.clone(), property, position });
            continue;
        }
        let columns = match embedded_class(property, classes) {
            Some((embedded, prefix)) => embedded_columns(&entity, embedded, &prefix, classes, position, schema, diagnostics, 0),
            None => lower_column(&entity, property, position, schema, diagnostics).into_iter().collect(),
        };
        for column in columns {
            add_column(&mut entity, column, &mut primary, property, diagnostics);
        }
    }
    if !primary.is_empty() {
        entity.primary_key = Some(PrimaryKey { fields: primary, constraint_name: None, client_name: None, span: name.span });
    }
    for class in chain {
        class_constraints(&mut entity, class, diagnostics);
    }
    (entity, relations)
}

/// Adds a column to its entity, with its primary key part, uniqueness and indexes.
fn add_column(entity: &mut Entity, column: Column, primary: &mut Vec<String>, property: &Property, diagnostics: &mut Vec<Diagnostic>) {
    if entity.field(&column.field.name).is_some() {
        // A property redeclared by a subclass: the subclass's declaration wins.
        entity.fields.retain(|f| f.name != column.field.name);
        primary.retain(|f| *f != column.field.name);
    }
    if column.primary {
        primary.push(column.field.name.clone());
    }
    if column.unique {
        entity.uniques.push(UniqueConstraint {
            field_options: Vec::new(),
            fields: vec![column.field.name.clone()],
            constraint_name: None,
            client_name: None,
            on_field: true,
            span: property.span,
        });
    }
    entity.fields.push(column.field);
    property_indexes(entity, property, diagnostics);
}

/// `@Column(() => Name, { prefix })`: the embedded class (when it is in the source) and the
/// prefix of its columns (the property's name unless `prefix` says otherwise).
fn embedded_class<'m>(property: &Property, classes: &HashMap<&str, &'m Class>) -> Option<(&'m Class, Option<String>)> {
    let decorator = property.decorator("Column")?;
    let (type_argument, options) = column_arguments(decorator);
    let Some(Node { value: Expr::Arrow { body: Some(body), .. }, .. }) = type_argument else { return None };
    let class = classes.get(body.path()?.last()?)?;
    let prefix = match options.and_then(|o| o.get("prefix")).map(|p| &p.value) {
        Some(Expr::String(p)) if p.is_empty() => None,
        Some(Expr::String(p)) => Some(p.clone()),
        Some(Expr::Bool(false)) => None,
        _ => Some(property.name.value.clone()),
    };
    Some((class, prefix))
}

/// The columns an embedded class adds: each named `camelCase(prefixes) + TitleCase(name)` as
/// TypeORM's naming strategy names them (`name.first` → `nameFirst`), embedded classes inside
/// it included.
#[allow(clippy::too_many_arguments)]
fn embedded_columns(
    entity: &Entity,
    class: &Class,
    prefix: &Option<String>,
    classes: &HashMap<&str, &Class>,
    position: u32,
    schema: &Schema,
    diagnostics: &mut Vec<Diagnostic>,
    depth: usize,
) -> Vec<Column> {
    let mut columns = Vec::new();
    if depth > 8 {
        return columns;
    }
    for property in class.properties.iter().filter(|p| !p.is_static) {
        if let Some((inner, inner_prefix)) = embedded_class(property, classes) {
            let joined = match (prefix, inner_prefix) {
                (Some(a), Some(b)) => Some(format!("{a}_{b}")),
                (a, b) => a.clone().or(b),
            };
            columns.extend(embedded_columns(entity, inner, &joined, classes, position, schema, diagnostics, depth + 1));
            continue;
        }
        let Some(mut column) = lower_column(entity, property, position, schema, diagnostics) else { continue };
        if let Some(prefix) = prefix {
            let name = camel_case(prefix) + &title_case(&column.field.column);
            column.field.name = name.clone();
            column.field.column = name;
        }
        columns.push(column);
    }
    columns
}

/// TypeORM's `titleCase`: each word with its first letter in upper case and the rest in lower case.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if c.is_whitespace() {
            word_start = true;
            out.push(c);
        } else if word_start {
            out.extend(c.to_uppercase());
            word_start = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `@Entity("users")` or `@Entity({ name: "users" })`.
fn entity_table(class: &Class, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let decorator = class.decorator("Entity")?;
    let first = decorator.arguments.first()?;
    match &first.value {
        Expr::Object(_) => first.get("name").and_then(|n| literal_string(n, "name", diagnostics)),
        _ => literal_string(first, "the table name", diagnostics),
    }
}

/// A column as read, before it joins its entity.
struct Column {
    field: Field,
    primary: bool,
    unique: bool,
}

const COLUMN_DECORATORS: [&str; 8] = [
    "Column",
    "PrimaryColumn",
    "PrimaryGeneratedColumn",
    "CreateDateColumn",
    "UpdateDateColumn",
    "DeleteDateColumn",
    "VersionColumn",
    "ObjectIdColumn",
];

fn lower_column(entity: &Entity, property: &Property, position: u32, schema: &Schema, diagnostics: &mut Vec<Diagnostic>) -> Option<Column> {
    let decorator = property.decorators.iter().find(|d| COLUMN_DECORATORS.contains(&d.name.as_str()))?;
    let (type_argument, options) = column_arguments(decorator);
    if let Some(Node { value: Expr::Arrow { .. }, span }) = type_argument {
        // `@Column(() => Address)` whose class is not in the source.
        diagnostics.push(catalog::not_known_statically(*span, "the embedded class"));
        return None;
    }
    let option = |key: &str| options.and_then(|o| o.get(key));
    let mut field = Field {
        name: property.name.value.clone(),
        column: property.name.value.clone(),
        field_type: FieldType::String,
        nullable: false,
        list: false,
        default: None,
        native_type: None,
        database_types: Vec::new(),
        updated_at: false,
        position,
        documentation: property.documentation.clone(),
        span: property.span,
    };
    if let Some(name) = option("name").and_then(|n| literal_string(n, "name", diagnostics)) {
        field.column = name;
    }
    let mut primary = matches!(decorator.name.as_str(), "PrimaryColumn" | "PrimaryGeneratedColumn" | "ObjectIdColumn");
    if let Some(value) = option("primary").and_then(|p| literal_bool(p, "primary", diagnostics)) {
        primary |= value;
    }
    let explicit_type = type_argument.or_else(|| option("type"));
    // `type: String` names the type as reflection would: as if TypeScript had said `string`.
    // (Not `@Column(String)`: TypeORM takes a function there for an embedded class.)
    let constructor_type = option("type").filter(|_| type_argument.is_none()).and_then(constructor_type);
    let explicit_type = explicit_type.filter(|_| constructor_type.is_none());
    let generation = match decorator.name.as_str() {
        "PrimaryGeneratedColumn" => Some(type_argument.and_then(|t| t.as_str()).unwrap_or("increment").to_string()),
        _ => property.decorator("Generated").map(|g| g.arguments.first().and_then(|a| a.as_str()).unwrap_or("increment").to_string()),
    };
    field.field_type = match decorator.name.as_str() {
        "CreateDateColumn" | "UpdateDateColumn" | "DeleteDateColumn" if explicit_type.is_none() => FieldType::DateTime,
        "VersionColumn" if explicit_type.is_none() => FieldType::Int,
        "PrimaryGeneratedColumn" => match generation.as_deref() {
            Some("uuid") => FieldType::String,
            _ => match option("type").and_then(|t| t.as_str()).and_then(column_type) {
                Some(t) => t,
                None => FieldType::Int,
            },
        },
        _ => match constructor_type {
            Some(reflected) => reflected,
            None => field_type(entity, property, explicit_type, option("enum"), schema, diagnostics),
        },
    };
    // A declared size (`length: 190`, `precision: 10, scale: 2`) is the column's database type.
    let size: Vec<String> = match (option("length"), option("precision")) {
        (Some(length), _) => literal_count(length, "length", diagnostics).into_iter().collect(),
        (None, Some(precision)) => {
            let scale = option("scale").and_then(|s| literal_count(s, "scale", diagnostics));
            literal_count(precision, "precision", diagnostics).into_iter().chain(scale).collect()
        }
        (None, None) => Vec::new(),
    };
    let sized = match (explicit_type.and_then(|t| t.as_str()), &field.field_type) {
        (Some(name), _) => Some(name),
        (None, FieldType::String) => Some("varchar"),
        (None, FieldType::Decimal) => Some("decimal"),
        _ => None,
    };
    field.native_type = sized.and_then(|name| crate::ir::declared_types::sized_native_type(name, &size, &field.field_type));
    // Without a size, the type TypeORM writes on each database (`varchar(255)` on MySQL).
    let written = explicit_type.and_then(|t| t.as_str()).filter(|t| !matches!(*t, "enum" | "simple-enum"));
    let source = match (decorator.name.as_str(), written, generation.as_deref()) {
        ("PrimaryGeneratedColumn", _, Some("uuid")) => ColumnTypeSource::GeneratedUuid,
        (_, Some(name), _) => ColumnTypeSource::Written(name),
        ("CreateDateColumn" | "UpdateDateColumn" | "DeleteDateColumn", None, _) => ColumnTypeSource::DateColumn,
        (_, None, _) => ColumnTypeSource::Reflected(&field.field_type),
    };
    if field.native_type.is_none() && !matches!(field.field_type, FieldType::Enum(_) | FieldType::Unsupported(_)) {
        field.database_types =
            crate::ir::declared_types::database_types(|dialect| database_column_type(dialect, source), &field.field_type);
    }
    if let Some(array) = option("array").and_then(|a| literal_bool(a, "array", diagnostics)) {
        field.list = array;
    }
    if let Some(nullable) = option("nullable").and_then(|n| literal_bool(n, "nullable", diagnostics)) {
        field.nullable = nullable && !primary;
    }
    if decorator.name == "DeleteDateColumn" {
        field.nullable = true;
    }
    field.default = match (decorator.name.as_str(), generation.as_deref()) {
        (_, Some("uuid")) => Some(DefaultValue::Uuid(None)),
        (_, Some(_)) => Some(DefaultValue::Autoincrement),
        ("CreateDateColumn" | "UpdateDateColumn", None) => Some(DefaultValue::Now),
        _ => option("default").and_then(|d| default_value(d, &field.field_type, diagnostics)),
    };
    field.updated_at = decorator.name == "UpdateDateColumn";
    let unique = option("unique").and_then(|u| literal_bool(u, "unique", diagnostics)).unwrap_or(false);
    Some(Column { field, primary, unique })
}

/// The type a JavaScript constructor names (`type: String`, `type: Date`): TypeORM takes it as the
/// reflected type of a property of that TypeScript type.
fn constructor_type(written: &Node<Expr>) -> Option<FieldType> {
    let Expr::Identifier(name) = &written.value else { return None };
    Some(match name.as_str() {
        "String" => FieldType::String,
        "Number" => FieldType::Int,
        "Boolean" => FieldType::Boolean,
        "Date" => FieldType::DateTime,
        "Buffer" => FieldType::Bytes,
        _ => return None,
    })
}

/// A column decorator's type argument (`@Column("varchar", …)`) and options object.
fn column_arguments(decorator: &Decorator) -> (Option<&Node<Expr>>, Option<&Node<Expr>>) {
    let mut type_argument = None;
    let mut options = None;
    for argument in &decorator.arguments {
        match argument.value {
            Expr::Object(_) => options = Some(argument),
            _ if type_argument.is_none() => type_argument = Some(argument),
            _ => {}
        }
    }
    (type_argument, options)
}

/// The column's portable type: its `type`, else an `enum`, else what TypeScript says.
fn field_type(
    entity: &Entity,
    property: &Property,
    explicit: Option<&Node<Expr>>,
    enum_option: Option<&Node<Expr>>,
    schema: &Schema,
    diagnostics: &mut Vec<Diagnostic>,
) -> FieldType {
    let enum_type = || -> Option<FieldType> {
        let value = enum_option?;
        match &value.value {
            Expr::Identifier(name) if schema.enums.iter().any(|e| &e.name == name) => Some(FieldType::Enum(name.clone())),
            // An inline list of values (`enum: ["a", "b"]`) or an enum from elsewhere: stored as text.
            _ => Some(FieldType::String),
        }
    };
    if let Some(explicit) = explicit {
        let Some(name) = explicit.as_str() else {
            diagnostics.push(catalog::not_known_statically(explicit.span, "type"));
            return FieldType::Unsupported("unknown".into());
        };
        if matches!(name, "enum" | "simple-enum") {
            return enum_type().unwrap_or(FieldType::String);
        }
        return column_type(name).unwrap_or_else(|| {
            diagnostics.push(catalog::unknown_column_type(explicit.span, name, &entity.name, &property.name.value));
            FieldType::Unsupported(name.to_string())
        });
    }
    if let Some(enum_type) = enum_type() {
        return enum_type;
    }
    let reflected = property.type_annotation.as_ref().map(|t| (t.value.without_null().0, t.span));
    let element = |t: &TypeAnnotation| match t {
        TypeAnnotation::Array(inner) => (**inner).clone(),
        other => other.clone(),
    };
    match reflected.as_ref().map(|(t, span)| (element(t), *span)) {
        Some((TypeAnnotation::Keyword("string"), _)) => FieldType::String,
        Some((TypeAnnotation::Keyword("number"), _)) => FieldType::Int,
        Some((TypeAnnotation::Keyword("boolean"), _)) => FieldType::Boolean,
        Some((TypeAnnotation::Named { name, .. }, _)) if name == "Date" => FieldType::DateTime,
        Some((TypeAnnotation::Named { name, .. }, _)) if name == "Buffer" || name == "Uint8Array" => FieldType::Bytes,
        Some((TypeAnnotation::Named { name, .. }, _)) if schema.enums.iter().any(|e| e.name == *name) => FieldType::String,
        Some((_, span)) => {
            diagnostics.push(catalog::column_type_unknown(span, &entity.name, &property.name.value));
            FieldType::Unsupported("unknown".into())
        }
        None => {
            diagnostics.push(catalog::column_type_unknown(property.name.span, &entity.name, &property.name.value));
            FieldType::Unsupported("unknown".into())
        }
    }
}

/// A `default:` option: a literal, an enum member, or SQL (`() => "now()"`).
fn default_value(value: &Node<Expr>, field_type: &FieldType, diagnostics: &mut Vec<Diagnostic>) -> Option<DefaultValue> {
    Some(match &value.value {
        Expr::String(s) | Expr::Template(s) => DefaultValue::String(s.clone()),
        Expr::Number(n) => DefaultValue::Number(n.clone()),
        Expr::Unary(op, inner) if op == "-" => match &inner.value {
            Expr::Number(n) => DefaultValue::Number(format!("-{n}")),
            _ => return not_known(value, diagnostics),
        },
        Expr::Bool(b) => DefaultValue::Boolean(*b),
        Expr::Null => return None,
        Expr::Member(_, member) if matches!(field_type, FieldType::Enum(_)) => DefaultValue::EnumValue(member.clone()),
        Expr::Arrow { body: Some(body), .. } => match body.as_str() {
            Some(sql) if is_current_timestamp(sql) => DefaultValue::Now,
            Some(sql) => DefaultValue::DbGenerated(sql.to_string()),
            None => return not_known(value, diagnostics),
        },
        _ => return not_known(value, diagnostics),
    })
}

fn not_known(value: &Node<Expr>, diagnostics: &mut Vec<Diagnostic>) -> Option<DefaultValue> {
    diagnostics.push(catalog::not_known_statically(value.span, "default"));
    None
}

fn is_current_timestamp(sql: &str) -> bool {
    let sql = sql.trim().to_ascii_lowercase();
    sql == "now()" || sql.starts_with("current_timestamp")
}

/// `@Index()` and `@Unique()` on a property: a one-column index or unique constraint.
fn property_indexes(entity: &mut Entity, property: &Property, diagnostics: &mut Vec<Diagnostic>) {
    for decorator in &property.decorators {
        if decorator.name != "Index" && decorator.name != "Unique" {
            continue;
        }
        let name = decorator.arguments.iter().find_map(|a| a.as_str().map(str::to_string));
        let options = decorator.arguments.iter().find(|a| matches!(a.value, Expr::Object(_)));
        let unique = decorator.name == "Unique"
            || options.and_then(|o| o.get("unique")).and_then(|u| literal_bool(u, "unique", diagnostics)).unwrap_or(false);
        let fields = vec![property.name.value.clone()];
        if unique {
            entity.uniques.retain(|u| !(u.fields == fields && u.constraint_name.is_none()));
            entity.uniques.push(UniqueConstraint {
                field_options: Vec::new(),
                fields,
                constraint_name: name,
                client_name: None,
                on_field: true,
                span: decorator.span,
            });
        } else {
            entity.indexes.push(Index { field_options: Vec::new(), fields, constraint_name: name, index_type: None, span: decorator.span });
        }
    }
}

/// `@Unique([…])`, `@Unique("name", […])` and `@Index([…], { unique })` on the class.
fn class_constraints(entity: &mut Entity, class: &Class, diagnostics: &mut Vec<Diagnostic>) {
    for decorator in &class.decorators {
        if decorator.name != "Index" && decorator.name != "Unique" {
            continue;
        }
        let mut name = None;
        let mut fields = None;
        let mut unique = decorator.name == "Unique";
        for argument in &decorator.arguments {
            match &argument.value {
                Expr::String(s) if fields.is_none() && name.is_none() => name = Some(s.clone()),
                Expr::Object(_) => {
                    if let Some(u) = argument.get("unique").and_then(|u| literal_bool(u, "unique", diagnostics)) {
                        unique |= u;
                    }
                }
                _ => fields = property_list(argument),
            }
        }
        let Some(fields) = fields else {
            diagnostics.push(catalog::not_known_statically(decorator.span, "the columns"));
            continue;
        };
        let names: Vec<String> = fields.iter().map(|f| f.value.clone()).collect();
        let span = Span::new(decorator.span.start(), decorator.span.end());
        if unique {
            entity.uniques.push(UniqueConstraint {
                field_options: Vec::new(),
                fields: names,
                constraint_name: name,
                client_name: None,
                on_field: false,
                span,
            });
        } else {
            entity.indexes.push(Index { field_options: Vec::new(), fields: names, constraint_name: name, index_type: None, span });
        }
    }
}
