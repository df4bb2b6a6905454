//! Sequelize models: `sequelize.define(name, attributes, options)` and
//! `Model.init(attributes, { sequelize, modelName, … })`, each with the attributes Sequelize adds
//! (`id`, `createdAt`, `updatedAt`, `deletedAt`) and its table name.

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::code_values::{literal_bool, literal_string};
use crate::ir::{DefaultValue, Entity, EnumType, EnumTypeValue, Field, FieldType, Index, PrimaryKey, UniqueConstraint};
use crate::languages::sequelize::{data_type, database_column_type, pluralize, singularize, underscore};
use crate::span::Span;
use crate::syntax::typescript::{Expr, Node};

/// Options that `new Sequelize(…, { define: { … } })` gives every model.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefineDefaults {
    pub underscored: Option<bool>,
    pub freeze_table_name: Option<bool>,
    pub timestamps: Option<bool>,
}

/// A model as read, before its associations.
#[derive(Debug)]
pub struct Model {
    pub entity: Entity,
    /// `options.name.singular` and `.plural`: the model name singularised and pluralised.
    pub singular: String,
    pub plural: String,
    pub underscored: bool,
    /// The enum types of its `ENUM` attributes (`enum_{table}_{column}`, as Sequelize names them
    /// on PostgreSQL).
    pub enums: Vec<EnumType>,
    /// Each attribute's `allowNull` as Sequelize holds it: as written (`None` when not), or what
    /// an association gave the attribute it added. An association's default action follows it
    /// (a declared key without `allowNull` counts as not null there, though its column may be).
    pub allow_null: std::collections::HashMap<String, Option<bool>>,
    /// The next member position, for attributes the associations add.
    pub next_position: u32,
}

impl Model {
    /// The primary key attribute (the first, as Sequelize's `primaryKeyAttribute`).
    pub fn primary_key_attribute(&self) -> Option<&Field> {
        self.entity.primary_key.as_ref().and_then(|pk| pk.fields.first()).and_then(|f| self.entity.field(f))
    }
}

/// The model a `define` or `init` call makes.
pub fn read_model(
    name: Node<String>,
    attributes: &Node<Expr>,
    options: Option<&Node<Expr>>,
    defaults: DefineDefaults,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Model {
    let option = |key: &str| options.and_then(|o| o.get(key));
    let flag = |key: &str, default: Option<bool>, diagnostics: &mut Vec<Diagnostic>| {
        option(key).and_then(|v| literal_bool(v, key, diagnostics)).or(default).unwrap_or(false)
    };
    let underscored = flag("underscored", defaults.underscored, diagnostics);
    let freeze = flag("freezeTableName", defaults.freeze_table_name, diagnostics);
    let table = option("tableName").and_then(|t| literal_string(t, "tableName", diagnostics)).unwrap_or_else(|| {
        if freeze {
            name.value.clone()
        } else if underscored {
            underscore(&pluralize(&name.value))
        } else {
            pluralize(&name.value)
        }
    });
    let mut entity = Entity::new(name.value.clone(), table, span, name.span);
    let mut position = 0u32;
    let mut primary = Vec::new();
    let mut named_uniques: Vec<(String, Vec<String>, Span)> = Vec::new();
    let mut enums = Vec::new();
    let mut allow_null = std::collections::HashMap::new();
    for entry in attributes.as_object().unwrap_or_default() {
        position += 1;
        let Some(mut attribute) = read_attribute(&entry.key, &entry.value, underscored, position, diagnostics) else { continue };
        if let Some(values) = attribute.enum_values.take() {
            let name = format!("enum_{}_{}", entity.table, attribute.field.column);
            let values = values.into_iter().map(|v| EnumTypeValue { name: v.clone(), database_name: v }).collect();
            enums.push(EnumType { name: name.clone(), database_name: name.clone(), database_schema: None, values, span: entry.value.span });
            attribute.field.field_type = FieldType::Enum(name);
        }
        allow_null.insert(attribute.field.name.clone(), attribute.allow_null);
        if attribute.primary {
            primary.push(attribute.field.name.clone());
        }
        match attribute.unique {
            Unique::None => {}
            Unique::Single => entity.uniques.push(UniqueConstraint {
                field_options: Vec::new(),
                fields: vec![attribute.field.name.clone()],
                constraint_name: None,
                client_name: None,
                on_field: true,
                span: entry.key.span,
            }),
            Unique::Named(group) => match named_uniques.iter_mut().find(|(n, _, _)| *n == group) {
                Some((_, fields, _)) => fields.push(attribute.field.name.clone()),
                None => named_uniques.push((group, vec![attribute.field.name.clone()], entry.key.span)),
            },
        }
        entity.fields.push(attribute.field);
    }
    for (group, fields, span) in named_uniques {
        entity.uniques.push(UniqueConstraint {
            field_options: Vec::new(),
            fields,
            constraint_name: Some(group),
            client_name: None,
            on_field: false,
            span,
        });
    }
    if primary.is_empty() {
        // Sequelize's own `id`, first in the table.
        entity.fields.insert(0, generated_field("id", "id", FieldType::Int, false, Some(DefaultValue::Autoincrement), 0, name.span));
        primary.push("id".into());
    }
    entity.primary_key = Some(PrimaryKey { fields: primary, constraint_name: None, client_name: None, span: name.span });
    if flag("timestamps", defaults.timestamps.or(Some(true)), diagnostics) {
        for (key, nullable) in [("createdAt", false), ("updatedAt", false), ("deletedAt", true)] {
            if key == "deletedAt" && !flag("paranoid", None, diagnostics) {
                continue;
            }
            let attribute = match option(key).map(|v| &v.value) {
                Some(Expr::Bool(false)) => continue,
                Some(Expr::String(renamed)) => renamed.clone(),
                _ => key.to_string(),
            };
            if entity.field(&attribute).is_some() {
                continue;
            }
            position += 1;
            let column = if underscored { underscore(&attribute) } else { attribute.clone() };
            let mut field = generated_field(&attribute, &column, FieldType::DateTime, nullable, None, position, name.span);
            field.database_types = date_types();
            field.updated_at = key == "updatedAt";
            entity.fields.push(field);
        }
    }
    if let Some(indexes) = option("indexes") {
        read_indexes(&mut entity, indexes, diagnostics);
    }
    Model {
        singular: singularize(&name.value),
        plural: pluralize(&name.value),
        underscored,
        enums,
        allow_null,
        next_position: position + 1,
        entity,
    }
}

fn generated_field(
    name: &str,
    column: &str,
    field_type: FieldType,
    nullable: bool,
    default: Option<DefaultValue>,
    position: u32,
    span: Span,
) -> Field {
    Field {
        name: name.to_string(),
        column: column.to_string(),
        field_type,
        nullable,
        list: false,
        default,
        native_type: None,
        database_types: Vec::new(),
        updated_at: false,
        position,
        documentation: None,
        span,
    }
}

enum Unique {
    None,
    Single,
    /// `unique: "name"`: every attribute with that name makes one composite unique key.
    Named(String),
}

struct Attribute {
    field: Field,
    primary: bool,
    unique: Unique,
    /// The values of an `ENUM` attribute.
    enum_values: Option<Vec<String>>,
    /// `allowNull` as written.
    allow_null: Option<bool>,
}

/// One attribute: a data type alone (`name: DataTypes.STRING`) or an options object.
fn read_attribute(
    key: &Node<String>,
    value: &Node<Expr>,
    underscored: bool,
    position: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Attribute> {
    let column_of = |name: &str| if underscored { underscore(name) } else { name.to_string() };
    let mut field =
        generated_field(&key.value, &column_of(&key.value), FieldType::String, true, None, position, key.span.cover(value.span));
    let options = match &value.value {
        Expr::Object(_) => Some(value),
        _ => None,
    };
    let type_expression = match options {
        Some(options) => options.get("type"),
        None => Some(value),
    };
    let Some(type_expression) = type_expression else {
        diagnostics.push(catalog::not_known_statically(value.span, "the attribute's type"));
        return None;
    };
    // `DataTypes.VIRTUAL` (or `VIRTUAL(DataTypes.STRING, [...])`): computed in JavaScript, never a column.
    if data_type_name(type_expression) == Some("VIRTUAL") {
        return None;
    }
    match read_type(type_expression) {
        Some((field_type, list)) => {
            field.native_type = sized_type(type_expression, &field_type);
            if field.native_type.is_none() {
                field.database_types = database_types_of(type_expression, &field_type);
            }
            field.field_type = field_type;
            field.list = list;
        }
        // A string Sequelize does not know (`type: "VARCHAR(20)"`, `'"public"."enum_kind"'`) is
        // the column's SQL type as written: Sequelize puts it in its DDL as it stands.
        None => match type_expression.as_str() {
            Some(written) => {
                let (field_type, _) = crate::ir::lower_sql::columns::portable_type(written);
                if matches!(field_type, FieldType::Unsupported(_)) {
                    diagnostics.push(catalog::sequelize_type_as_written(type_expression.span, &key.value, written));
                } else {
                    field.database_types = crate::ir::declared_types::database_types(|_| Some(written.to_string()), &field_type);
                }
                field.field_type = field_type;
            }
            None => {
                diagnostics.push(catalog::sequelize_type_unknown(type_expression.span, &key.value));
                field.field_type = FieldType::Unsupported("unknown".into());
            }
        },
    }
    let mut enum_values = enum_values(type_expression).or_else(|| {
        let values = options?.get("values")?;
        let Expr::Array(items) = &values.value else { return None };
        items.iter().map(|i| i.as_str().map(str::to_string)).collect()
    });
    if field.field_type != FieldType::String {
        enum_values = None;
    }
    let mut primary = false;
    let mut unique = Unique::None;
    let mut written_allow_null = None;
    if let Some(options) = options {
        let option = |name: &str| options.get(name);
        if let Some(column) = option("field").and_then(|f| literal_string(f, "field", diagnostics)) {
            field.column = column;
        }
        primary = option("primaryKey").and_then(|p| literal_bool(p, "primaryKey", diagnostics)).unwrap_or(false);
        let allow_null = option("allowNull").and_then(|a| literal_bool(a, "allowNull", diagnostics));
        written_allow_null = allow_null;
        field.nullable = allow_null.unwrap_or(!primary) && !primary;
        if option("autoIncrement").and_then(|a| a.as_bool()) == Some(true) {
            field.default = Some(DefaultValue::Autoincrement);
        } else if let Some(default) = option("defaultValue") {
            field.default = default_value(default, diagnostics);
        }
        unique = match option("unique").map(|u| &u.value) {
            Some(Expr::Bool(true)) => Unique::Single,
            Some(Expr::String(name)) => Unique::Named(name.clone()),
            Some(Expr::Object(_)) => match option("unique").and_then(|u| u.get("name")).and_then(|n| n.as_str()) {
                Some(name) => Unique::Named(name.to_string()),
                None => Unique::Single,
            },
            _ => Unique::None,
        };
    }
    Some(Attribute { field, primary, unique, enum_values, allow_null: written_allow_null })
}

/// A size the data type declares (`DataTypes.STRING(190)`, `CHAR(2)`, `DECIMAL(10, 2)`) as the
/// column's database type; none for a type without one or not of those.
fn sized_type(expression: &Node<Expr>, field_type: &FieldType) -> Option<crate::ir::NativeType> {
    let Expr::Call { callee, arguments } = &expression.value else { return None };
    let name = match callee.path()?.last().copied()? {
        "STRING" => "varchar",
        "CHAR" => "char",
        "DECIMAL" => "decimal",
        _ => return None,
    };
    let sizes: Option<Vec<String>> = arguments
        .iter()
        .map(|argument| match &argument.value {
            Expr::Number(text) if text.parse::<u32>().is_ok() => Some(text.clone()),
            _ => None,
        })
        .collect();
    crate::ir::declared_types::sized_native_type(name, &sizes?, field_type)
}

/// The types Sequelize gives a data type written without a size on each database
/// (`DataTypes.STRING` is `VARCHAR(255)`, `DataTypes.DATE` `TIMESTAMP WITH TIME ZONE` on
/// PostgreSQL), of the list's element for an `ARRAY`.
fn database_types_of(expression: &Node<Expr>, field_type: &FieldType) -> Vec<crate::ir::DatabaseType> {
    let (name, arguments) = match &expression.value {
        Expr::Call { callee, arguments } if callee.path().and_then(|p| p.last().copied()) == Some("ARRAY") => {
            return arguments.first().map(|element| database_types_of(element, field_type)).unwrap_or_default();
        }
        Expr::Call { callee, arguments } => {
            let arguments: Option<Vec<String>> = arguments
                .iter()
                .map(|argument| match &argument.value {
                    Expr::Number(text) => Some(text.clone()),
                    Expr::String(text) => Some(text.clone()),
                    _ => None,
                })
                .collect();
            (callee.path().and_then(|p| p.last().map(|n| n.to_string())), arguments.unwrap_or_default())
        }
        Expr::String(name) => (Some(name.to_ascii_uppercase()), Vec::new()),
        _ => (expression.path().and_then(|p| p.last().map(|n| n.to_string())), Vec::new()),
    };
    let Some(name) = name else { return Vec::new() };
    crate::ir::declared_types::database_types(|dialect| database_column_type(dialect, &name, &arguments), field_type)
}

/// The types of Sequelize's `createdAt`, `updatedAt` and `deletedAt`: a `DATE`.
fn date_types() -> Vec<crate::ir::DatabaseType> {
    crate::ir::declared_types::database_types(|dialect| database_column_type(dialect, "DATE", &[]), &FieldType::DateTime)
}

/// `DataTypes.ENUM("a", "b")`: its values.
fn enum_values(expression: &Node<Expr>) -> Option<Vec<String>> {
    let Expr::Call { callee, arguments } = &expression.value else { return None };
    if callee.path()?.last() != Some(&"ENUM") {
        return None;
    }
    let values: Option<Vec<String>> = match arguments.as_slice() {
        [Node { value: Expr::Array(items), .. }] => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
        items => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
    };
    values.filter(|v| !v.is_empty())
}

/// The name of the data type `expression` writes: `VIRTUAL` for `DataTypes.VIRTUAL`,
/// `DataTypes.VIRTUAL(DataTypes.STRING)` and `new DataTypes.VIRTUAL(…)`.
fn data_type_name(expression: &Node<Expr>) -> Option<&str> {
    let callee = match &expression.value {
        Expr::Call { callee, .. } | Expr::New { callee, .. } => callee,
        _ => expression,
    };
    callee.path()?.last().copied()
}

/// A data type expression (`DataTypes.STRING(100)`, `Sequelize.INTEGER.UNSIGNED`,
/// `DataTypes.ARRAY(DataTypes.TEXT)`): its portable type and whether it is a list.
pub fn read_type(expression: &Node<Expr>) -> Option<(FieldType, bool)> {
    match &expression.value {
        Expr::Call { callee, arguments } => {
            if callee.path()?.last() == Some(&"ARRAY") {
                let (inner, _) = read_type(arguments.first()?)?;
                return Some((inner, true));
            }
            read_type(callee)
        }
        Expr::Member(object, property) => data_type(property).map(|t| (t, false)).or_else(|| read_type(object)),
        Expr::Identifier(name) => data_type(name).map(|t| (t, false)),
        Expr::String(name) => data_type(&name.to_ascii_uppercase()).map(|t| (t, false)),
        // A type chosen by database (`sequelize.getDialect() === "postgres" ? DataTypes.UUID :
        // DataTypes.STRING`): what both branches read as, else the one that reads.
        Expr::Conditional(consequent, alternate) => match (read_type(consequent), read_type(alternate)) {
            (Some(a), Some(b)) if a == b => Some(a),
            (Some(_), Some(b)) => Some(b),
            (a, b) => a.or(b),
        },
        _ => None,
    }
}

/// `defaultValue`: a literal, `DataTypes.NOW`, `DataTypes.UUIDV4`, `sequelize.literal("…")`.
fn default_value(value: &Node<Expr>, diagnostics: &mut Vec<Diagnostic>) -> Option<DefaultValue> {
    Some(match &value.value {
        Expr::String(s) | Expr::Template(s) => DefaultValue::String(s.clone()),
        Expr::Number(n) => DefaultValue::Number(n.clone()),
        Expr::Unary(op, inner) if op == "-" && matches!(inner.value, Expr::Number(_)) => match &inner.value {
            Expr::Number(n) => DefaultValue::Number(format!("-{n}")),
            _ => return None,
        },
        Expr::Bool(b) => DefaultValue::Boolean(*b),
        Expr::Null => return None,
        _ => match value.path().and_then(|p| p.last().copied()) {
            Some("NOW") => DefaultValue::Now,
            Some("UUIDV4") => DefaultValue::Uuid(Some(4)),
            Some("UUIDV1") => DefaultValue::Uuid(Some(1)),
            _ => match &value.value {
                Expr::Call { callee, arguments } if callee.path().and_then(|p| p.last().copied()) == Some("literal") => {
                    match arguments.first().and_then(|a| a.as_str()) {
                        Some(sql) if sql.eq_ignore_ascii_case("CURRENT_TIMESTAMP") || sql.eq_ignore_ascii_case("now()") => {
                            DefaultValue::Now
                        }
                        Some(sql) => DefaultValue::DbGenerated(sql.to_string()),
                        None => return not_known(value, diagnostics),
                    }
                }
                Expr::Call { callee, arguments } if callee.path().and_then(|p| p.last().copied()) == Some("fn") => {
                    match arguments.first().and_then(|a| a.as_str()) {
                        Some(f) if f.eq_ignore_ascii_case("now") => DefaultValue::Now,
                        Some(f) => DefaultValue::DbGenerated(format!("{f}()")),
                        None => return not_known(value, diagnostics),
                    }
                }
                _ => return not_known(value, diagnostics),
            },
        },
    })
}

fn not_known(value: &Node<Expr>, diagnostics: &mut Vec<Diagnostic>) -> Option<DefaultValue> {
    diagnostics.push(catalog::not_known_statically(value.span, "defaultValue"));
    None
}

/// `indexes: [{ unique: true, fields: ["a", "b"], name }]`: attribute or column names.
fn read_indexes(entity: &mut Entity, indexes: &Node<Expr>, diagnostics: &mut Vec<Diagnostic>) {
    let Expr::Array(items) = &indexes.value else {
        diagnostics.push(catalog::not_known_statically(indexes.span, "indexes"));
        return;
    };
    for item in items {
        let Some(Expr::Array(fields)) = item.get("fields").map(|f| &f.value) else { continue };
        let mut names = Vec::new();
        let mut field_options = Vec::new();
        for field in fields {
            let name = field
                .as_str()
                .or_else(|| field.get("name").and_then(|n| n.as_str()).or_else(|| field.get("attribute").and_then(|n| n.as_str())));
            let Some(name) = name else { continue };
            let name = match entity.fields.iter().find(|f| f.name == name || f.column == name) {
                Some(f) => f.name.clone(),
                // An attribute an association adds later: kept by name and resolved then.
                None => name.to_string(),
            };
            // `{ name, length: 500, order: "DESC" }`
            let length = field.get("length").and_then(|l| match &l.value {
                Expr::Number(text) => text.parse().ok(),
                _ => None,
            });
            let descending = field.get("order").and_then(|o| o.as_str()).is_some_and(|o| o.eq_ignore_ascii_case("desc"));
            if length.is_some() || descending {
                field_options.push(crate::ir::KeyFieldOptions { field: name.clone(), length, descending, ops: None });
            }
            names.push(name);
        }
        let name = item.get("name").and_then(|n| n.as_str()).map(str::to_string);
        if item.get("unique").and_then(|u| u.as_bool()) == Some(true) {
            entity.uniques.push(UniqueConstraint {
                field_options,
                fields: names,
                constraint_name: name,
                client_name: None,
                on_field: false,
                span: item.span,
            });
        } else {
            entity.indexes.push(Index { field_options, fields: names, constraint_name: name, index_type: None, span: item.span });
        }
    }
}
