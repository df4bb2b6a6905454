//! The TypeORM generator: decorated entity classes (TypeORM 1.x, which 0.3 reads the same way).
//!
//! Column types are those of one database (the dialect option), the same types relplay's SQL
//! uses, so a TypeORM `synchronize` builds the tables relplay's DDL builds. Every scalar field is
//! a `@Column` of its own, and the relation that uses it as a foreign key names the same column
//! in `@JoinColumn`, so the foreign key columns keep the IR's nullability and names.
//!
//! TypeORM's defaults differ from the IR in these ways, so the output writes them out:
//! table names (TypeORM would snake-case the class name), `onDelete`/`onUpdate` (TypeORM writes
//! NO ACTION for both), `nullable: false` on required relations, and the join table and its
//! column names of a many-to-many relation. TypeORM makes a one-to-one's foreign key unique by
//! itself (its `REL_…` constraint), so that unique is not written again. It cannot write ON DELETE
//! SET DEFAULT (its `"DEFAULT"` value yields invalid SQL): such a relation says so in a comment,
//! gets NO ACTION, and the generator warns.

use super::dependency_order::cycle_closing_relations;
use super::javascript::{member_access, property_name, string_literal, typescript_type, variable_name};
use super::relation_ends::{relation_ends, RelationEnds};
use super::{Anchor, Generated, SchemaItem};
use crate::diagnostic::{catalog, Diagnostic};
use crate::dialect::{AutoincrementStyle, SqlDialect};
use crate::ir::{
    DefaultValue, Entity, Field, FieldType, NavigationCardinality, ReferentialAction, Relation, RelationKind, RelationMode, Schema,
};
pub use crate::options::{TypeOrmCascade, TypeOrmOptions};
use crate::span::Span;

use std::collections::BTreeSet;
use std::fmt::Write;

/// One file of a multi-file output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub text: String,
}

/// One runnable TypeScript module with every entity class and an `entities` array.
pub fn generate(schema: &Schema, options: TypeOrmOptions) -> Generated {
    let written = write_all(schema, options);
    let mut out = header(schema, options);
    let mut decorators = BTreeSet::new();
    for class in &written.classes {
        decorators.extend(class.decorators.iter().copied());
    }
    let _ = writeln!(out, "{}", import_line(&decorators));
    out.push_str(&written.skipped);
    let mut anchors = Vec::new();
    if !written.enums.is_empty() {
        out.push('\n');
        out.push_str(&written.enums);
    }
    for class in &written.classes {
        out.push('\n');
        let base = out.len();
        out.push_str(&class.text);
        anchors.extend(class.anchors.iter().map(|a| Anchor { item: a.item, span: Span::new(a.span.start() + base, a.span.end() + base) }));
    }
    let names: Vec<&str> = written.classes.iter().map(|c| c.class_name.as_str()).collect();
    let _ = writeln!(out, "\n/** Every entity, for `new DataSource({{ entities }})`. */\nexport const entities = [{}];", names.join(", "));
    Generated { text: out, diagnostics: written.diagnostics, anchors }
}

/// A file per entity (`User.ts`), `enums.ts` when the schema has enums, and `index.ts`.
pub fn generate_files(schema: &Schema, options: TypeOrmOptions) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let written = write_all(schema, options);
    let mut files = Vec::new();
    if !written.enums.is_empty() {
        files.push(GeneratedFile { path: "enums.ts".into(), text: format!("{}\n{}", header(schema, options), written.enums) });
    }
    for class in &written.classes {
        let mut text = header(schema, options);
        let _ = writeln!(text, "{}", import_line(&class.decorators));
        for other in &class.references {
            if *other != class.class_name {
                let _ = writeln!(text, "import {{ {other} }} from \"./{other}\";");
            }
        }
        if !class.enums.is_empty() {
            let _ = writeln!(text, "import {{ {} }} from \"./enums\";", class.enums.iter().cloned().collect::<Vec<_>>().join(", "));
        }
        text.push('\n');
        text.push_str(&class.text);
        files.push(GeneratedFile { path: format!("{}.ts", class.class_name), text });
    }
    let mut index = header(schema, options);
    index.push_str(&written.skipped);
    for class in &written.classes {
        let _ = writeln!(index, "import {{ {0} }} from \"./{0}\";", class.class_name);
    }
    let names: Vec<&str> = written.classes.iter().map(|c| c.class_name.as_str()).collect();
    let _ = writeln!(index, "\nexport {{ {} }};", names.join(", "));
    if !written.enums.is_empty() {
        index.push_str("export * from \"./enums\";\n");
    }
    let _ =
        writeln!(index, "\n/** Every entity, for `new DataSource({{ entities }})`. */\nexport const entities = [{}];", names.join(", "));
    files.push(GeneratedFile { path: "index.ts".into(), text: index });
    (files, written.diagnostics)
}

fn header(schema: &Schema, options: TypeOrmOptions) -> String {
    format!(
        "// TypeORM entities generated by relplay: {}.\n// Column types are {}'s; generate again for another database.\n",
        super::counted(schema.entities.len(), "entity", "entities", schema.relations.len()),
        options.dialect.display_name()
    )
}

fn import_line(decorators: &BTreeSet<&'static str>) -> String {
    let mut names: Vec<String> = decorators.iter().map(|d| d.to_string()).collect();
    names.push("type Relation".into());
    format!("import {{ {} }} from \"typeorm\";", names.join(", "))
}

/// Everything written for a schema, before it is put into one module or several files.
struct Written {
    /// Comments on the entities TypeORM cannot map.
    skipped: String,
    enums: String,
    classes: Vec<ClassCode>,
    diagnostics: Vec<Diagnostic>,
}

struct ClassCode {
    class_name: String,
    text: String,
    /// The TypeORM decorators the class uses, for its import line.
    decorators: BTreeSet<&'static str>,
    /// Other entity classes it names.
    references: BTreeSet<String>,
    enums: BTreeSet<String>,
    /// Anchors relative to `text`.
    anchors: Vec<Anchor>,
}

fn write_all(schema: &Schema, options: TypeOrmOptions) -> Written {
    let ends = relation_ends(schema);
    let cycle_closing = cycle_closing_relations(schema);
    let mut diagnostics = Vec::new();
    let mut enums = String::new();
    for enum_type in &schema.enums {
        if !enums.is_empty() {
            enums.push('\n');
        }
        let _ = writeln!(enums, "export enum {} {{", variable_name(&enum_type.name));
        for value in &enum_type.values {
            let _ = writeln!(enums, "  {} = {},", property_name(&value.name), string_literal(&value.database_name));
        }
        enums.push_str("}\n");
    }
    // TypeORM requires a primary column in every entity: a table without a primary key is left
    // out, with the relations that lead to it.
    let mut skipped = String::new();
    for entity in schema.entities.iter().filter(|e| e.primary_key.is_none()) {
        let _ = writeln!(skipped, "// relplay: `{}` has no primary key, which TypeORM requires; it is left out.", entity.name);
        diagnostics.push(catalog::target_cannot_express(
            entity.name_span,
            "TypeORM",
            &format!("the table `{}` without a primary key", entity.table),
        ));
    }
    let classes = schema
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.primary_key.is_some())
        .map(|(index, entity)| {
            let mut writer = ClassWriter {
                schema,
                options,
                ends: &ends,
                cycle_closing: &cycle_closing,
                entity,
                out: String::new(),
                decorators: BTreeSet::new(),
                references: BTreeSet::new(),
                enums: BTreeSet::new(),
                anchors: Vec::new(),
                diagnostics: &mut diagnostics,
            };
            writer.write(index);
            ClassCode {
                class_name: variable_name(&entity.name),
                text: writer.out,
                decorators: writer.decorators,
                references: writer.references,
                enums: writer.enums,
                anchors: writer.anchors,
            }
        })
        .collect();
    Written { skipped, enums, classes, diagnostics }
}

/// A class member before ordering: fields and navigations keep their order in the source.
struct Member {
    position: u32,
    text: String,
    relation: Option<usize>,
}

struct ClassWriter<'a> {
    schema: &'a Schema,
    options: TypeOrmOptions,
    ends: &'a [RelationEnds],
    /// Relations whose foreign key closes a cycle of tables.
    cycle_closing: &'a [usize],
    entity: &'a Entity,
    out: String,
    decorators: BTreeSet<&'static str>,
    references: BTreeSet<String>,
    enums: BTreeSet<String>,
    anchors: Vec<Anchor>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl ClassWriter<'_> {
    fn use_decorator(&mut self, name: &'static str) -> &'static str {
        self.decorators.insert(name);
        name
    }

    fn write(&mut self, index: usize) {
        let entity = self.entity;
        let start = self.out.len();
        write_doc(&mut self.out, entity.documentation.as_deref(), "");
        let entity_decorator = self.use_decorator("Entity");
        let _ = writeln!(self.out, "@{entity_decorator}({})", string_literal(&entity.table));
        for unique in &entity.uniques {
            if self.made_unique_by_relation(&unique.fields)
                || (unique.fields.len() == 1 && unique.on_field && unique.constraint_name.is_none())
            {
                continue;
            }
            let decorator = self.use_decorator("Unique");
            let fields = unique.fields.iter().map(|f| string_literal(f)).collect::<Vec<_>>().join(", ");
            match &unique.constraint_name {
                Some(name) => _ = writeln!(self.out, "@{decorator}({}, [{fields}])", string_literal(name)),
                None => _ = writeln!(self.out, "@{decorator}([{fields}])"),
            }
        }
        // Indexes get Prisma's names, as in relplay's SQL: TypeORM's hashed names can clash with
        // the index it adds itself for a relation without a foreign key constraint (MySQL).
        for index in &entity.indexes {
            let decorator = self.use_decorator("Index");
            let fields = index.fields.iter().map(|f| string_literal(f)).collect::<Vec<_>>().join(", ");
            let name = index.constraint_name.clone().unwrap_or_else(|| {
                let columns: Vec<String> = index.fields.iter().map(|f| entity.column_of(f).to_string()).collect();
                self.options.dialect.default_constraint_name(&entity.table, &columns, "idx")
            });
            let _ = writeln!(self.out, "@{decorator}({}, [{fields}])", string_literal(&name));
        }
        let _ = writeln!(self.out, "export class {} {{", variable_name(&entity.name));
        let mut members: Vec<Member> = entity.fields.iter().map(|f| self.column_member(f)).collect();
        members.extend(self.navigation_members());
        members.sort_by_key(|m| m.position);
        for (i, member) in members.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            let member_start = self.out.len();
            self.out.push_str(&member.text);
            if let Some(relation) = member.relation {
                self.anchors.push(Anchor { item: SchemaItem::Relation(relation), span: Span::new(member_start, self.out.len()) });
            }
        }
        self.out.push_str("}\n");
        self.anchors.push(Anchor { item: SchemaItem::Entity(index), span: Span::new(start, self.out.len()) });
    }

    /// Whether relation `index` can be eager: it holds a key to another entity, closes no cycle,
    /// and the entity it leads to holds no key that could be eager itself, so eager loading stays
    /// one join deep.
    fn may_be_eager(&self, index: usize) -> bool {
        let candidate = |i: usize| {
            let r = &self.schema.relations[i];
            r.kind != RelationKind::ManyToMany && r.owning_side.entity != r.inverse_side.entity && !self.cycle_closing.contains(&i)
        };
        let relation = &self.schema.relations[index];
        candidate(index)
            && !self
                .schema
                .relations
                .iter()
                .enumerate()
                .any(|(i, r)| candidate(i) && r.foreign_key.as_ref().is_some_and(|fk| fk.entity == relation.inverse_side.entity))
    }

    /// Whether a one-to-one relation owned by this entity has exactly these FK fields, so that
    /// TypeORM's own `REL_` unique constraint covers them.
    fn made_unique_by_relation(&self, fields: &[String]) -> bool {
        self.schema.relation_mode == RelationMode::ForeignKeys
            && self.schema.relations.iter().any(|r| {
                r.kind == RelationKind::OneToOne
                    && r.foreign_key.as_ref().is_some_and(|fk| {
                        fk.entity == self.entity.name
                            && fk.fields.len() == fields.len()
                            && fk.fields.iter().all(|f| fields.contains(f))
                            && !self.entity.primary_key.as_ref().is_some_and(|pk| fk.fields.iter().all(|f| pk.fields.contains(f)))
                    })
            })
    }

    fn column_member(&mut self, field: &Field) -> Member {
        let entity = self.entity;
        let mut text = String::new();
        write_doc(&mut text, field.documentation.as_deref(), "  ");
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
        if single_unique && !sole_key && !self.made_unique_by_relation(std::slice::from_ref(&field.name)) {
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
                    self.diagnostics.push(catalog::target_cannot_express(field.span, "TypeORM on SQLite", &what));
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
                comments.push("relplay: a counter outside the primary key is left to the database here.".into());
                self.diagnostics.push(catalog::target_cannot_express(field.span, "TypeORM", &what));
            }
            self.use_decorator("Column")
        };
        for comment in comments {
            let _ = writeln!(text, "  // {comment}");
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
        Member { position: field.position, text, relation: None }
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
        let native = field.native_type.as_ref().filter(|_| dialect.reads_native_types_of(self.schema.provider));
        let sql_type = match native {
            Some(native) => dialect.native_type(native),
            None => dialect.scalar_type(&field.field_type),
        };
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
        self.diagnostics.push(catalog::target_cannot_express(field.span, dialect.display_name(), &what));
        ("simple-json".into(), Vec::new())
    }

    fn default_option(&mut self, field: &Field, default: &DefaultValue, comments: &mut Vec<String>) -> Option<DefaultOption> {
        let dialect = self.options.dialect;
        Some(match default {
            DefaultValue::Autoincrement => return None,
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
            DefaultValue::Now => DefaultOption::Expression(
                dialect.current_timestamp(field.native_type.as_ref().filter(|_| dialect.reads_native_types_of(self.schema.provider))),
            ),
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

    /// The relation properties of this entity: the IR's navigations, plus a made-up one where
    /// this entity holds a foreign key or a join table and the IR has no navigation for it.
    fn navigation_members(&mut self) -> Vec<Member> {
        let mut members = Vec::new();
        for (index, relation) in self.schema.relations.iter().enumerate() {
            let ends = &self.ends[index];
            let defining_is_owning = defining_side_is_owning(relation);
            let mapped = |name: &str| self.schema.entity(name).is_some_and(|e| e.primary_key.is_some());
            if !mapped(&ends.owning.entity) || !mapped(&ends.inverse.entity) {
                continue;
            }
            for (is_owning, end, other) in [(true, &ends.owning, &ends.inverse), (false, &ends.inverse, &ends.owning)] {
                if end.entity != self.entity.name {
                    continue;
                }
                let defines = is_owning == defining_is_owning;
                if end.synthesized && !defines {
                    continue;
                }
                let position = self.entity.navigations.iter().find(|n| n.name == end.navigation).map_or(u32::MAX, |n| n.position);
                let cardinality = self.entity.navigations.iter().find(|n| n.name == end.navigation).map(|n| n.cardinality);
                let text = self.relation_member(index, end.navigation.as_str(), other, is_owning, defines, cardinality);
                members.push(Member { position, text, relation: defines.then_some(index) });
            }
        }
        members
    }

    #[allow(clippy::too_many_arguments)]
    fn relation_member(
        &mut self,
        index: usize,
        name: &str,
        other: &super::relation_ends::End,
        is_owning: bool,
        defines: bool,
        cardinality: Option<NavigationCardinality>,
    ) -> String {
        let relation = &self.schema.relations[index];
        let closes_cycle = self.cycle_closing.contains(&index);
        let mut text = String::new();
        let navigation = self.entity.navigations.iter().find(|n| n.name == name);
        write_doc(&mut text, navigation.and_then(|n| n.documentation.as_deref()), "  ");
        let target = variable_name(&other.entity);
        self.references.insert(target.clone());
        let parameter = variable_name(&crate::ir::lower_camel(&other.entity));
        // The inverse side is named only when the other end exists in the output.
        let other_written = !other.synthesized || !defines;
        let inverse =
            if other_written { format!(", ({parameter}) => {}", member_access(&parameter, &other.navigation)) } else { String::new() };
        let emulated = self.schema.relation_mode == RelationMode::Prisma;
        let mut options: Vec<String> = Vec::new();
        let mut comments: Vec<String> = Vec::new();
        let decorator = match (relation.kind, is_owning) {
            (RelationKind::OneToOne, _) => self.use_decorator("OneToOne"),
            (RelationKind::OneToMany, true) => self.use_decorator("ManyToOne"),
            (RelationKind::OneToMany, false) => self.use_decorator("OneToMany"),
            (RelationKind::ManyToMany, _) => self.use_decorator("ManyToMany"),
        };
        if defines && relation.kind != RelationKind::ManyToMany {
            // TypeORM refuses a cycle of non-nullable relations ("Circular relations detected"),
            // since it could not order the inserts; the key that closes a cycle stays NOT NULL
            // through its @Column, and the relation is left nullable.
            if relation.foreign_key.as_ref().is_some_and(|fk| fk.required) {
                if closes_cycle {
                    comments.push("relplay: NOT NULL comes from the column; the relation is nullable because it closes a cycle of required keys, which TypeORM refuses.".into());
                } else {
                    options.push("nullable: false".into());
                }
            }
            self.action_options(relation, &mut options, &mut comments);
            if emulated {
                options.push("createForeignKeyConstraints: false".into());
            }
        }
        let parent_side = if relation.kind == RelationKind::ManyToMany { defines } else { !defines };
        match (parent_side, self.options.cascade) {
            (true, TypeOrmCascade::Persist) => options.push("cascade: [\"insert\", \"update\"]".into()),
            (true, TypeOrmCascade::All) => options.push("cascade: true".into()),
            _ => {}
        }
        if self.options.eager && defines && relation.kind != RelationKind::ManyToMany {
            if !self.may_be_eager(index) {
                // Eager loading follows eager relations from the entity it loads, in one query:
                // one that leads back would load without end, and chains would join every table
                // they reach (documenso: more than SQLite's 64 tables in a join).
                let reason = if relation.owning_side.entity == relation.inverse_side.entity || closes_cycle {
                    "it leads back to this entity (a self-relation or a cycle of keys)"
                } else {
                    "what it leads to has eager relations of its own, and TypeORM would follow them all in one query"
                };
                comments.push(format!("relplay: not eager, since {reason}."));
            } else {
                options.push("eager: true".into());
            }
        }
        if relation.kind == RelationKind::ManyToMany {
            if defines && emulated {
                options.push("createForeignKeyConstraints: false".into());
            }
            // The FK pointing at the other side's table takes that side's actions in TypeORM 0.3
            // (NO ACTION when unset) and CASCADE in 1.x; writing CASCADE keeps both the same.
            if !defines {
                options.push("onDelete: \"CASCADE\"".into());
                options.push("onUpdate: \"CASCADE\"".into());
            }
        }
        let options_text = if options.is_empty() { String::new() } else { format!(", {{ {} }}", options.join(", ")) };
        for comment in comments {
            let _ = writeln!(text, "  // {comment}");
        }
        let _ = writeln!(text, "  @{decorator}(() => {target}{inverse}{options_text})");
        if defines {
            if let Some(fk) = &relation.foreign_key {
                let join_column = self.use_decorator("JoinColumn");
                let columns: Vec<String> = fk
                    .fields
                    .iter()
                    .zip(&fk.referenced_fields)
                    .enumerate()
                    .map(|(i, (field, referenced_field))| {
                        let mut parts = vec![
                            format!("name: {}", string_literal(self.entity.column_of(field))),
                            format!("referencedColumnName: {}", string_literal(referenced_field)),
                        ];
                        if let (0, Some(name)) = (i, &fk.constraint_name) {
                            parts.push(format!("foreignKeyConstraintName: {}", string_literal(name)));
                        }
                        format!("{{ {} }}", parts.join(", "))
                    })
                    .collect();
                if columns.len() == 1 {
                    let _ = writeln!(text, "  @{join_column}({})", columns[0]);
                } else {
                    let _ = writeln!(text, "  @{join_column}([{}])", columns.join(", "));
                }
            }
            if let Some(join_table) = &relation.join_table {
                let decorator = self.use_decorator("JoinTable");
                let (mine, theirs) = (&join_table.columns[0], &join_table.columns[1]);
                let _ = writeln!(
                    text,
                    "  @{decorator}({{ name: {}, joinColumn: {{ name: {}, referencedColumnName: {} }}, inverseJoinColumn: {{ name: {}, referencedColumnName: {} }} }})",
                    string_literal(&join_table.table),
                    string_literal(&mine.column),
                    string_literal(&mine.referenced_field),
                    string_literal(&theirs.column),
                    string_literal(&theirs.referenced_field),
                );
            }
        }
        let many = match relation.kind {
            RelationKind::ManyToMany => true,
            RelationKind::OneToMany => !is_owning,
            RelationKind::OneToOne => false,
        };
        let value_type = if many {
            format!("{target}[]")
        } else {
            let optional = match cardinality {
                Some(c) => c != NavigationCardinality::One,
                None => !relation.foreign_key.as_ref().is_some_and(|fk| fk.required && is_owning),
            };
            if optional {
                format!("Relation<{target}> | null")
            } else {
                format!("Relation<{target}>")
            }
        };
        let _ = writeln!(text, "  {}!: {value_type};", property_name(name));
        text
    }

    fn action_options(&mut self, relation: &Relation, options: &mut Vec<String>, comments: &mut Vec<String>) {
        for (label, action) in [("onDelete", relation.on_delete), ("onUpdate", relation.on_update)] {
            match action {
                ReferentialAction::NoAction => {}
                ReferentialAction::SetDefault => {
                    let clause = if label == "onDelete" { "ON DELETE" } else { "ON UPDATE" };
                    comments.push(format!(
                        "relplay: TypeORM cannot write {clause} SET DEFAULT (its \"DEFAULT\" makes invalid SQL); NO ACTION instead."
                    ));
                    let what = format!("{clause} SET DEFAULT");
                    self.diagnostics.push(catalog::target_cannot_express(relation.span, "TypeORM", &what));
                }
                other => options.push(format!("{label}: {}", string_literal(other.sql()))),
            }
        }
    }
}

/// Which end of a relation TypeORM defines it on: the side holding the foreign key, or for a
/// many-to-many the end whose table the join table's first column references (`@JoinTable`'s
/// `joinColumn`).
fn defining_side_is_owning(relation: &Relation) -> bool {
    relation.join_table.as_ref().is_none_or(|join_table| super::relation_ends::join_column_of(relation, join_table, true) == 0)
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
    match (name.as_str(), arguments.as_slice()) {
        (_, []) => {}
        ("decimal" | "numeric", [precision, rest @ ..]) => {
            options.push(format!("precision: {precision}"));
            if let Some(scale) = rest.first() {
                options.push(format!("scale: {scale}"));
            }
        }
        ("timestamp" | "timestamptz" | "datetime" | "time" | "timetz", [precision, ..]) => options.push(format!("precision: {precision}")),
        ("tinyint" | "smallint" | "mediumint" | "int" | "integer" | "bigint", [width, ..]) => options.push(format!("width: {width}")),
        (_, [length, ..]) => options.push(format!("length: {length}")),
    }
    (name, options)
}

fn write_doc(out: &mut String, documentation: Option<&str>, indent: &str) {
    if let Some(doc) = documentation.filter(|d| !d.trim().is_empty()) {
        let _ = writeln!(out, "{indent}/**");
        for line in doc.lines() {
            let _ = writeln!(out, "{indent} * {}", line.replace("*/", "* /"));
        }
        let _ = writeln!(out, "{indent} */");
    }
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
