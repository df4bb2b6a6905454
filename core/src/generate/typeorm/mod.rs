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

mod columns;
pub(crate) mod relations;

use super::dependency_order::cycle_closing_relations;
use super::emit::{DocStyle, Emitter, Member};
use super::javascript::{property_name, string_literal, variable_name};
use super::relation_ends::{relation_ends, RelationEnds};
use super::{Generated, SchemaItem};
use crate::diagnostic::Diagnostic;
use crate::dialect::SqlDialect;
use crate::ir::{CommentTarget, Entity, FieldType, RelationKind, RelationMode, Schema, SchemaIndex};
pub use crate::options::{TypeOrmCascade, TypeOrmOptions};

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
    let mut out = Emitter::new();
    out.push_str(&header(schema, options));
    out.warn_document_database(schema, MONGODB_TARGET);
    out.warn_database_schemas(schema, "TypeORM");
    let mut decorators = BTreeSet::new();
    for class in &written.classes {
        decorators.extend(class.decorators.iter().copied());
    }
    let _ = writeln!(out, "{}", import_line(&decorators));
    out.append(written.skipped);
    if !written.enums.is_empty() {
        out.push('\n');
        out.push_str(&written.enums);
    }
    let names: Vec<String> = written.classes.iter().map(|c| c.class_name.clone()).collect();
    for class in written.classes {
        out.push('\n');
        out.append(class.code);
    }
    let _ = writeln!(out, "\n/** Every entity, for `new DataSource({{ entities }})`. */\nexport const entities = [{}];", names.join(", "));
    out.finish()
}

/// A file per entity (`User.ts`), `enums.ts` when the schema has enums, and `index.ts`.
pub fn generate_files(schema: &Schema, options: TypeOrmOptions) -> (Vec<GeneratedFile>, Vec<Diagnostic>) {
    let written = write_all(schema, options);
    let (skipped, _, mut diagnostics) = written.skipped.into_parts();
    let mut files = Vec::new();
    if !written.enums.is_empty() {
        files.push(GeneratedFile { path: "enums.ts".into(), text: format!("{}\n{}", header(schema, options), written.enums) });
    }
    let names: Vec<String> = written.classes.iter().map(|c| c.class_name.clone()).collect();
    for class in written.classes {
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
        let (code, _, class_diagnostics) = class.code.into_parts();
        text.push_str(&code);
        diagnostics.extend(class_diagnostics);
        files.push(GeneratedFile { path: format!("{}.ts", class.class_name), text });
    }
    let mut index = header(schema, options);
    index.push_str(&skipped);
    for name in &names {
        let _ = writeln!(index, "import {{ {name} }} from \"./{name}\";");
    }
    let _ = writeln!(index, "\nexport {{ {} }};", names.join(", "));
    if !written.enums.is_empty() {
        index.push_str("export * from \"./enums\";\n");
    }
    let _ =
        writeln!(index, "\n/** Every entity, for `new DataSource({{ entities }})`. */\nexport const entities = [{}];", names.join(", "));
    files.push(GeneratedFile { path: "index.ts".into(), text: index });
    (files, diagnostics)
}

fn header(schema: &Schema, options: TypeOrmOptions) -> String {
    let note = [
        super::emit::document_database_note(schema, MONGODB_TARGET, "//"),
        super::emit::database_schemas_note(schema, "TypeORM", "//"),
        super::emit::views_note(schema, "TypeORM", "//"),
    ]
    .into_iter()
    .flatten()
    .map(|(text, _)| text)
    .collect::<String>();
    let mut comments = Emitter::new();
    super::emit::source_header(&mut comments, schema, "//");
    format!(
        "{}// TypeORM entities generated by relplay: {}.\n// Column types are {}'s; generate again for another database.\n{note}",
        comments.into_parts().0,
        super::counted(schema.entities.len(), "entity", "entities", schema.relations.len()),
        options.dialect.display_name()
    )
}

/// How the MongoDB note names TypeORM: it has a MongoDB driver, which relplay does not write for.
const MONGODB_TARGET: &str = "TypeORM's SQL drivers (its MongoDB driver, with @ObjectIdColumn, is not what relplay writes)";

fn import_line(decorators: &BTreeSet<&'static str>) -> String {
    let mut names: Vec<String> = decorators.iter().map(|d| d.to_string()).collect();
    names.push("type Relation".into());
    format!("import {{ {} }} from \"typeorm\";", names.join(", "))
}

/// Everything written for a schema, before it is put into one module or several files.
struct Written {
    /// Comments and warnings on the entities TypeORM cannot map.
    skipped: Emitter,
    enums: String,
    classes: Vec<ClassCode>,
}

struct ClassCode {
    class_name: String,
    /// The class, its anchors and its warnings.
    code: Emitter,
    /// The TypeORM decorators the class uses, for its import line.
    decorators: BTreeSet<&'static str>,
    /// Other entity classes it names.
    references: BTreeSet<String>,
    enums: BTreeSet<String>,
}

fn write_all(schema: &Schema, options: TypeOrmOptions) -> Written {
    let ends = relation_ends(schema);
    let schema_index = SchemaIndex::new(schema);
    let cycle_closing = cycle_closing_relations(&schema_index);
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
    let mut skipped = Emitter::new();
    // TypeORM's boolean on MySQL is a TINYINT of the default width, without the (1) by which
    // MySQL and its tools (Prisma's introspection among them) know a boolean.
    let boolean =
        schema.entities.iter().flat_map(|e| e.fields.iter().map(move |f| (e, f))).find(|(_, f)| f.field_type == FieldType::Boolean);
    if let (Some((entity, field)), SqlDialect::Mysql) = (boolean, options.dialect) {
        let _ = writeln!(
            skipped,
            "// relplay: booleans are TINYINT columns on MySQL here; TypeORM writes no TINYINT(1), the width that marks a boolean."
        );
        let what = format!("booleans as TINYINT(1) (`{}.{}` and any other): TypeORM makes them TINYINT", entity.name, field.name);
        skipped.cannot_express(field.span, "TypeORM", &what);
    }
    for entity in schema.entities.iter().filter(|e| e.primary_key.is_none()) {
        let _ = writeln!(skipped, "// relplay: `{}` has no primary key, which TypeORM requires; it is left out.", entity.name);
        skipped.cannot_express(entity.name_span, "TypeORM", &format!("the table `{}` without a primary key", entity.table));
    }
    let classes = schema
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.primary_key.is_some())
        .map(|(index, entity)| {
            let mut writer = ClassWriter {
                schema,
                index: &schema_index,
                options,
                ends: &ends,
                cycle_closing: &cycle_closing,
                entity,
                number: index,
                out: Emitter::new(),
                decorators: BTreeSet::new(),
                references: BTreeSet::new(),
                enums: BTreeSet::new(),
            };
            writer.write();
            ClassCode {
                class_name: variable_name(&entity.name),
                code: writer.out,
                decorators: writer.decorators,
                references: writer.references,
                enums: writer.enums,
            }
        })
        .collect();
    Written { skipped, enums, classes }
}

struct ClassWriter<'a> {
    schema: &'a Schema,
    index: &'a SchemaIndex<'a>,
    options: TypeOrmOptions,
    ends: &'a [RelationEnds],
    /// Relations whose foreign key closes a cycle of tables.
    cycle_closing: &'a BTreeSet<usize>,
    entity: &'a Entity,
    /// The entity's index in the schema.
    number: usize,
    /// The class being written, with its anchors and warnings.
    out: Emitter,
    decorators: BTreeSet<&'static str>,
    references: BTreeSet<String>,
    enums: BTreeSet<String>,
}

impl ClassWriter<'_> {
    /// The source's comments on `target` as line comments at `indent`.
    fn source_comments(&self, target: CommentTarget, indent: &str) -> String {
        let mut text = String::new();
        super::emit::write_comments(&mut text, self.schema, target, "//", indent);
        text
    }

    fn use_decorator(&mut self, name: &'static str) -> &'static str {
        self.decorators.insert(name);
        name
    }

    fn write(&mut self) {
        let index = self.number;
        let entity = self.entity;
        let start = self.out.len();
        self.out.comments(self.schema, CommentTarget::Entity { entity: self.number }, "//", "");
        self.out.doc(DocStyle::JsDoc, entity.documentation.as_deref(), "");
        let entity_decorator = self.use_decorator("Entity");
        let _ = writeln!(self.out, "@{entity_decorator}({})", string_literal(&entity.table));
        for unique in &entity.uniques {
            // A one-column unique goes on its column (`unique: true`), except on a primary key
            // column, where TypeORM drops that option: there it is a class-level @Unique.
            // (A unique on the whole one-column key says nothing and is not written.)
            let in_key = |field: &String| entity.primary_key.as_ref().is_some_and(|pk| pk.fields.len() > 1 && pk.fields.contains(field));
            if self.made_unique_by_relation(&unique.fields)
                || (unique.fields.len() == 1 && unique.on_field && unique.constraint_name.is_none() && !in_key(&unique.fields[0]))
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
            // TypeORM's @Index takes column names only: no prefix length, no order.
            let prefixed: Vec<&str> = index.field_options.iter().filter(|o| o.length.is_some()).map(|o| o.field.as_str()).collect();
            if !prefixed.is_empty() && self.options.dialect == SqlDialect::Mysql {
                // MySQL indexes a TEXT column only by a prefix, so without one sync() would fail.
                let what = format!(
                    "the prefix length of {} in the index `{name}` (MySQL needs it), so the index is left out",
                    prefixed.join(", ")
                );
                let _ = writeln!(self.out, "// relplay: TypeORM cannot express {what}; create it in a migration.");
                self.out.cannot_express(index.span, "TypeORM", &what);
                continue;
            }
            if index.field_options.iter().any(|o| o.descending) {
                let what = format!("the descending order in the index `{name}`, which is written in ascending order");
                let _ = writeln!(self.out, "// relplay: TypeORM cannot express {what}.");
                self.out.cannot_express(index.span, "TypeORM", &what);
            }
            let ops: Vec<&str> = index.field_options.iter().filter_map(|o| o.ops.as_deref()).collect();
            if (index.index_type.is_some() || !ops.is_empty()) && self.options.dialect == SqlDialect::Postgresql {
                let method = index.index_type.as_deref().map(|m| format!("the method {m}")).unwrap_or_default();
                let classes = if ops.is_empty() { String::new() } else { format!("the operator class {}", ops.join(", ")) };
                let joined = [method, classes].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" and ");
                let what = format!("{joined} of the index `{name}`, which is a B-tree index here");
                let _ = writeln!(self.out, "// relplay: TypeORM cannot express {what}; create it in a migration.");
                self.out.cannot_express(index.span, "TypeORM", &what);
            }
            let _ = writeln!(self.out, "@{decorator}({}, [{fields}])", string_literal(&name));
        }
        let _ = writeln!(self.out, "export class {} {{", variable_name(&entity.name));
        let mut members: Vec<Member> = entity.fields.iter().enumerate().map(|(position, f)| self.column_member(position, f)).collect();
        members.extend(self.navigation_members());
        self.out.members(members, "\n");
        self.out.push_str("}\n");
        self.out.anchor_from(SchemaItem::Entity(index), start);
    }

    /// Whether a one-to-one relation owned by this entity has exactly these FK fields, so that
    /// TypeORM's own `REL_` unique constraint covers them.
    fn made_unique_by_relation(&self, fields: &[String]) -> bool {
        self.schema.relation_mode == RelationMode::ForeignKeys
            && self.index.owned_by(&self.entity.name).iter().map(|&i| self.index.relation(i)).any(|r| {
                r.kind == RelationKind::OneToOne
                    && r.foreign_key.as_ref().is_some_and(|fk| {
                        fk.entity == self.entity.name
                            && fk.fields.len() == fields.len()
                            && fk.fields.iter().all(|f| fields.contains(f))
                            && !self.entity.primary_key.as_ref().is_some_and(|pk| fk.fields.iter().all(|f| pk.fields.contains(f)))
                    })
            })
    }
}
