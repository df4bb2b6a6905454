//! TypeORM columns: each scalar field as a `@Column` (or a primary, generated or update-date
//! column) with the type relplay's SQL gives it, its size options, nullability, uniqueness and
//! default.

use super::ClassWriter;
use crate::dialect::{AutoincrementStyle, SqlDialect};
use crate::generate::emit::{DocStyle, Member};
use crate::generate::javascript::{member_access, property_name, string_literal, typescript_type, variable_name};
use crate::ir::{CommentTarget, DefaultValue, Field, FieldType};

use std::fmt::Write;

impl ClassWriter<'_> {
    /// The member of the entity's field number `position`.
    pub(super) fn column_member(&mut self, position: usize, field: &Field) -> Member {
        let entity = self.entity;
        let mut text = self.source_comments(CommentTarget::Field { entity: self.number, field: position }, "  ");
        DocStyle::JsDoc.write(&mut text, field.documentation.as_deref(), "  ");
        let in_key = entity.primary_key.as_ref().is_some_and(|pk| pk.fields.contains(&field.name));
        let sole_key = entity.primary_key.as_ref().is_some_and(|pk| pk.fields.len() == 1 && pk.fields[0] == field.name);
        let autoincrement = field.default == Some(DefaultValue::Autoincrement);
        let mut options: Vec<String> = Vec::new();
        let mut comments: Vec<String> = Vec::new();
        let (column_type, type_options) = self.column_type(field, &mut comments);
        options.push(format!("type: {}", string_literal(&column_type)));
        options.extend(type_options);
        if field.column != field.name {
            options.push(format!("name: {}", string_literal(&field.column)));
        }
        if field.nullable && !in_key {
            options.push("nullable: true".into());
        }
        let single_unique =
            entity.uniques.iter().any(|u| u.fields.len() == 1 && u.fields[0] == field.name && u.on_field && u.constraint_name.is_none());
        if single_unique && !in_key && !self.made_unique_by_relation(std::slice::from_ref(&field.name)) {
            options.push("unique: true".into());
        }
        if let Some(pk) = entity.primary_key.as_ref().filter(|_| in_key) {
            if let Some(name) = &pk.constraint_name {
                options.push(format!("primaryKeyConstraintName: {}", string_literal(name)));
            }
        }
        if let Some(default) = &field.default {
            match self.default_option(field, default, &mut comments) {
                Some(DefaultOption::Value(value)) => options.push(format!("default: {value}")),
                Some(DefaultOption::Expression(sql)) => options.push(format!("default: () => {}", string_literal(&sql))),
                None => {}
            }
        }
        let decorator = if sole_key && autoincrement {
            self.use_decorator("PrimaryGeneratedColumn")
        } else if in_key {
            if autoincrement {
                if self.options.dialect.autoincrement_style() == AutoincrementStyle::IntegerPrimaryKey {
                    comments.push(format!("{} counts up by itself only when it alone is the primary key on SQLite.", field.name));
                    let what = format!("`{}.{}` counting up by itself unless it alone is the primary key", entity.name, field.name);
                    self.out.cannot_express(field.span, "TypeORM on SQLite", &what);
                } else {
                    options.push("generated: \"increment\"".into());
                }
            }
            self.use_decorator("PrimaryColumn")
        } else if field.updated_at {
            self.use_decorator("UpdateDateColumn")
        } else {
            if autoincrement {
                let what = format!("`{}.{}` counting up by itself outside the primary key", entity.name, field.name);
                comments.push("A counter outside the primary key is left to the database here.".into());
                self.out.cannot_express(field.span, "TypeORM", &what);
            }
            self.use_decorator("Column")
        };
        // relplay's notes say whose they are, so that reading this code back does not take them
        // for the user's comments.
        for comment in comments {
            let _ = writeln!(text, "  // relplay: {comment}");
        }
        let _ = writeln!(text, "  @{decorator}({{ {} }})", options.join(", "));
        let mut value_type = typescript_type(self.schema, &field.field_type);
        if let FieldType::Enum(name) = &field.field_type {
            if self.schema.enums.iter().any(|e| &e.name == name) {
                self.enums.insert(variable_name(name));
            }
        }
        if field.list {
            value_type.push_str("[]");
        }
        if field.nullable && !in_key {
            value_type.push_str(" | null");
        }
        let _ = writeln!(text, "  {}!: {value_type};", property_name(&field.name));
        Member { position: crate::generate::key_ordered_position(self.entity, field), text, relation: None }
    }

    /// The TypeORM column type and its size options: the type relplay's SQL gives the column.
    fn column_type(&mut self, field: &Field, comments: &mut Vec<String>) -> (String, Vec<String>) {
        let dialect = self.options.dialect;
        if let FieldType::Enum(name) = &field.field_type {
            if let Some(enum_type) = self.schema.enums.iter().find(|e| &e.name == name) {
                let enum_name = variable_name(&enum_type.name);
                let mut options = vec![format!("enum: {enum_name}")];
                if dialect == SqlDialect::Postgresql {
                    options.push(format!("enumName: {}", string_literal(&enum_type.database_name)));
                }
                if field.list {
                    if !dialect.supports_array_columns() {
                        return self.list_as_json(field, comments);
                    }
                    options.push("array: true".into());
                }
                let kind = if dialect == SqlDialect::Sqlite { "simple-enum" } else { "enum" };
                return (kind.into(), options);
            }
        }
        let native = dialect.column_native_type(field, self.schema.provider);
        let sql_type = match native {
            Some(native) => dialect.native_type(&native),
            None => dialect.scalar_type(&field.field_type),
        };
        if let Some(declared) = dialect.lost_declared_type(field.native_type.as_ref(), self.schema.provider) {
            comments.push(format!("Declared {declared} for another database; {sql_type} on {}.", dialect.display_name()));
            let what = format!("the declared type of `{}.{}` ({declared}); it is {sql_type} here", self.entity.name, field.name);
            self.out.cannot_express(field.span, dialect.display_name(), &what);
        }
        let (name, mut options) = sql_type_options(&sql_type);
        if field.list {
            if dialect.supports_array_columns() {
                options.push("array: true".into());
            } else {
                return self.list_as_json(field, comments);
            }
        }
        if field.default == Some(DefaultValue::Autoincrement) && dialect.autoincrement_style() == AutoincrementStyle::IntegerPrimaryKey {
            // SQLite counts up only in an INTEGER PRIMARY KEY column.
            return ("integer".into(), Vec::new());
        }
        (name, options)
    }

    /// A scalar list on a database without array columns: JSON text, with a warning.
    fn list_as_json(&mut self, field: &Field, comments: &mut Vec<String>) -> (String, Vec<String>) {
        let dialect = self.options.dialect;
        comments.push(format!("A list: {} has no array columns, so it is stored as JSON text.", dialect.display_name()));
        let what = format!("the list column `{}.{}` (stored as JSON text)", self.entity.name, field.name);
        self.out.cannot_express(field.span, dialect.display_name(), &what);
        // A JSON column where the database has one (MySQL), as relplay's SQL writes it.
        let kind = if dialect == SqlDialect::Mysql { "json" } else { "simple-json" };
        (kind.into(), Vec::new())
    }

    fn default_option(&mut self, field: &Field, default: &DefaultValue, comments: &mut Vec<String>) -> Option<DefaultOption> {
        let dialect = self.options.dialect;
        Some(match default {
            DefaultValue::Autoincrement => return None,
            DefaultValue::Auto => {
                comments.push("MongoDB makes this ObjectId (`auto()`); no SQL database does.".to_string());
                return None;
            }
            DefaultValue::Uuid(_) | DefaultValue::Cuid(_) | DefaultValue::Nanoid(_) => {
                let maker = match default {
                    DefaultValue::Uuid(_) => "uuid()",
                    DefaultValue::Cuid(_) => "cuid()",
                    _ => "nanoid()",
                };
                comments.push(format!("The value comes from {maker} in the client (set it before saving, or use @Generated(\"uuid\"))."));
                return None;
            }
            DefaultValue::Now if field.updated_at => return None,
            DefaultValue::Now => {
                DefaultOption::Expression(dialect.current_timestamp(dialect.column_native_type(field, self.schema.provider).as_ref()))
            }
            DefaultValue::DbGenerated(sql) if sql.is_empty() => return None,
            DefaultValue::DbGenerated(sql) if dialect.speaks_sql_of(self.schema.provider) => DefaultOption::Expression(sql.clone()),
            DefaultValue::DbGenerated(sql) => {
                comments.push(format!("The default `{sql}` is written for another database and left out."));
                return None;
            }
            // TypeORM puts a string default between quotes without escaping it: a value with a
            // quote (or a backslash, special in MySQL) goes in as an escaped SQL literal instead.
            DefaultValue::String(value) if value.contains(['\'', '\\']) => {
                let mut escaped = value.replace('\'', "''");
                if dialect == SqlDialect::Mysql {
                    escaped = escaped.replace('\\', "\\\\");
                }
                DefaultOption::Expression(format!("'{escaped}'"))
            }
            DefaultValue::String(value) => DefaultOption::Value(string_literal(value)),
            DefaultValue::Number(text) => DefaultOption::Value(text.clone()),
            DefaultValue::Boolean(value) => DefaultOption::Value(value.to_string()),
            DefaultValue::EnumValue(value) => match &field.field_type {
                FieldType::Enum(name) if self.schema.enums.iter().any(|e| &e.name == name) => {
                    DefaultOption::Value(member_access(&variable_name(name), value))
                }
                _ => DefaultOption::Value(string_literal(value)),
            },
            DefaultValue::List(_) => {
                comments.push("The list default is left to the database schema (TypeORM writes none).".into());
                return None;
            }
        })
    }
}

enum DefaultOption {
    /// A literal value.
    Value(String),
    /// SQL the database evaluates.
    Expression(String),
}

/// A SQL column type (`VARCHAR(191)`, `DECIMAL(65,30)`, `INT UNSIGNED`) as TypeORM's type name
/// and its options (`length`, `precision`, `scale`, `unsigned`).
fn sql_type_options(sql_type: &str) -> (String, Vec<String>) {
    let mut text = sql_type.trim().to_string();
    let mut options = Vec::new();
    if let Some(stripped) = text.strip_suffix(" UNSIGNED") {
        text = stripped.to_string();
        options.push("unsigned: true".to_string());
    }
    let (name, arguments) = match text.find('(') {
        Some(open) => {
            let arguments: Vec<String> =
                text[open + 1..].trim_end_matches(')').split(',').map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
            (text[..open].trim().to_ascii_lowercase(), arguments)
        }
        None => (text.to_ascii_lowercase(), Vec::new()),
    };
    // An extension's type named with its schema (`public.geometry` in a pg_dump): TypeORM knows it
    // by its own name.
    let name = name.rsplit('.').next().unwrap_or(&name).trim_matches('"').to_string();
    match (name.as_str(), arguments.as_slice()) {
        (_, []) => {}
        // MySQL's SET('a', 'b'): TypeORM's `set` type takes its values as `enum`.
        ("set", values) => options.push(format!(
            "enum: [{}]",
            values.iter().map(|v| format!("\"{}\"", v.trim_matches('\'').replace('"', "\\\""))).collect::<Vec<_>>().join(", ")
        )),
        ("decimal" | "numeric", [precision, rest @ ..]) => {
            options.push(format!("precision: {precision}"));
            if let Some(scale) = rest.first() {
                options.push(format!("scale: {scale}"));
            }
        }
        ("timestamp" | "timestamptz" | "datetime" | "time" | "timetz", [precision, ..]) => options.push(format!("precision: {precision}")),
        ("tinyint" | "smallint" | "mediumint" | "int" | "integer" | "bigint", [width, ..]) => options.push(format!("width: {width}")),
        // PostGIS: `geometry(Polygon,4326)` is TypeORM's spatial feature type and SRID.
        ("geometry" | "geography", [feature, rest @ ..]) => {
            options.push(format!("spatialFeatureType: \"{feature}\""));
            if let Some(srid) = rest.first() {
                options.push(format!("srid: {srid}"));
            }
        }
        (_, [length, ..]) if length.parse::<u64>().is_ok() => options.push(format!("length: {length}")),
        // Arguments that are no length (an extension type's) are left to the type's default.
        (_, _) => {}
    }
    (name, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_types_become_typeorm_types_with_sizes() {
        assert_eq!(sql_type_options("VARCHAR(191)"), ("varchar".into(), vec!["length: 191".to_string()]));
        assert_eq!(sql_type_options("DECIMAL(65,30)"), ("decimal".into(), vec!["precision: 65".to_string(), "scale: 30".to_string()]));
        assert_eq!(sql_type_options("TIMESTAMP(3)"), ("timestamp".into(), vec!["precision: 3".to_string()]));
        assert_eq!(sql_type_options("INT UNSIGNED"), ("int".into(), vec!["unsigned: true".to_string()]));
        assert_eq!(sql_type_options("DOUBLE PRECISION"), ("double precision".into(), vec![]));
    }
}
