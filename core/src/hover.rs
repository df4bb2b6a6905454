//! What the editor shows when the pointer rests on code that reads well: what relplay made of the
//! model, field, relation or enum under it — its type and column, its key, both sides of a
//! relation with the key and the actions, and for a SQL foreign key whether it was read as
//! one-to-one or one-to-many (with the fix that makes it one-to-one). Built from the schema the
//! reader lowered, so every source language gets the same answers from the spans its reader
//! keeps; the words for types and actions are the language's own ([`crate::languages`]).
//!
//! Problems have their own hover (their message and rule); this one describes, it never judges.

use crate::diagnostic::Fix;
use crate::ir::{DefaultValue, Entity, EnumType, Field, FieldType, Navigation, NavigationCardinality, Relation, RelationKind, Schema};
use crate::languages::prisma::cardinality_mark;
use crate::languages::{profile, SourceProfile};
use crate::{SourceLanguage, Span};
use serde::{Deserialize, Serialize};

/// One hover: the code it describes (`span`), a heading, lines of description, and a fix when
/// the description comes with one (a SQL foreign key read as one-to-many: make it unique).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hover {
    pub span: Span,
    pub title: String,
    pub lines: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// The hover for byte `offset` of `text`, the source `schema` was read from in `language`; `None`
/// where the offset is on nothing the schema knows (a comment, a blank line, a keyword).
pub fn hover_at(schema: &Schema, language: SourceLanguage, text: &str, offset: usize) -> Option<Hover> {
    let words = Words { schema, profile: profile(language), language };
    let inside = |span: Span| span.start() <= offset && offset <= span.end() && !span.is_empty();
    let word = word_at(text, offset);
    let word_text = word.map(|span| &text[span.start()..span.end()]);
    let entities = schema.entities.iter().chain(&schema.views).chain(&schema.composite_types);
    // A field that embeds a composite type (MongoDB), on its name; its type is the type's hover.
    if let Some(field) = schema.embedded_fields.iter().filter(|f| inside(f.span)).min_by_key(|f| f.span.len()) {
        if word_text != Some(field.type_name.as_str()) {
            return Some(words.embedded_field(field));
        }
    }
    // A relation field between a model and a view, on its name (its type is the view's hover).
    if let Some(field) = schema.view_relations.iter().filter(|f| inside(f.span)).min_by_key(|f| f.span.len()) {
        if word_text != Some(field.target.as_str()) {
            return Some(words.view_relation(field));
        }
    }
    // The innermost entity around the offset (SQL's `ALTER TABLE` keys lie outside every table).
    let owner = entities.clone().filter(|e| inside(e.span)).min_by_key(|e| e.span.len());
    if let Some(entity) = owner {
        if inside(entity.name_span) && word_text.is_some_and(|w| w == entity.name || entity.name_span.len() > w.len()) {
            return Some(words.entity(entity, entity.name_span));
        }
        if let Some(navigation) = entity.navigations.iter().filter(|n| inside(n.span)).min_by_key(|n| n.span.len()) {
            // The type of a relation field (`author User`) names the model: hover that model.
            if let (Some(span), Some(target)) = (word, word_text.and_then(|w| schema_entity(schema, w))) {
                if word_text != Some(navigation.name.as_str()) {
                    return Some(words.entity(target, span));
                }
            }
            if let Some(relation) = schema.relations.get(navigation.relation) {
                return Some(words.relation(relation, Some((entity, navigation)), navigation.span));
            }
        }
        if let Some(field) = entity.fields.iter().filter(|f| inside(f.span)).min_by_key(|f| f.span.len()) {
            if let (Some(span), Some(enumeration)) = (word, word_text.and_then(|w| schema.enums.iter().find(|e| e.name == w))) {
                if word_text != Some(field.name.as_str()) {
                    return Some(words.enumeration(enumeration, span));
                }
            }
            return Some(words.field(entity, field));
        }
    }
    if let Some(relation) = schema.relations.iter().filter(|r| inside(r.span)).min_by_key(|r| r.span.len()) {
        return Some(words.relation(relation, None, relation.span));
    }
    // A name anywhere else: `REFERENCES users`, `() => User`, an enum's own block.
    let (span, word_text) = (word?, word_text?);
    if let Some(entity) = schema_entity(schema, word_text) {
        return Some(words.entity(entity, span));
    }
    let enumeration = schema.enums.iter().find(|e| e.name == word_text || (inside(e.span) && e.span.start() <= span.start()))?;
    Some(words.enumeration(enumeration, span))
}

fn schema_entity<'s>(schema: &'s Schema, name: &str) -> Option<&'s Entity> {
    schema.entities.iter().chain(&schema.views).chain(&schema.composite_types).find(|e| e.name == name)
}

/// The span of the identifier at byte `offset` of `text` (letters, digits, `_`; the offset may be
/// just past its end), if there is one.
pub fn word_at(text: &str, offset: usize) -> Option<Span> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].char_indices().rev().find(|(_, c)| !is_word(*c)).map_or(0, |(i, c)| i + c.len_utf8());
    let rest = &text[start..];
    let end = start + rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
    (end > start).then(|| Span::new(start, end))
}

/// The hovers' wording for one schema in one language.
struct Words<'a> {
    schema: &'a Schema,
    profile: &'static dyn SourceProfile,
    language: SourceLanguage,
}

impl Words<'_> {
    fn entity(&self, entity: &Entity, span: Span) -> Hover {
        if self.schema.composite_types.iter().any(|t| std::ptr::eq(t, entity)) {
            return self.composite_type(entity, span);
        }
        let is_view = self.schema.views.iter().any(|v| std::ptr::eq(v, entity));
        let kind = if is_view { "view" } else { self.profile.entity_word() };
        let mut lines = Vec::new();
        lines.extend(documentation(entity.documentation.as_deref()));
        if entity.table != entity.name || entity.database_schema.is_some() {
            let schema = entity.database_schema.as_ref().map(|s| format!("{s}.")).unwrap_or_default();
            lines.push(format!("Table `{schema}{}`.", entity.table));
        }
        match (&entity.primary_key, is_view) {
            (Some(key), _) => lines.push(format!("Primary key: {}.", list(&key.fields))),
            (None, true) => lines.push("Read-only, without a primary key of its own.".into()),
            (None, false) => lines.push("No primary key.".into()),
        }
        let columns = entity.fields.len();
        lines.push(format!("{columns} {}.", if columns == 1 { "column" } else { "columns" }));
        if let Some([a, b]) = entity.join_of {
            let name = |index: usize| self.schema.entities.get(index).map_or("?", |e| e.name.as_str());
            lines.push(format!("The join table between {} and {}, kept as a model of its own.", name(a), name(b)));
        }
        let mut relations: Vec<String> = entity
            .navigations
            .iter()
            .map(|n| {
                let kind = self.schema.relations.get(n.relation).map_or("", |r| r.kind.words());
                format!("{} → {}{} ({kind})", n.name, n.target, cardinality_mark(n.cardinality))
            })
            .collect();
        const SHOWN: usize = 8;
        if relations.len() > SHOWN {
            let more = relations.len() - SHOWN;
            relations.truncate(SHOWN);
            relations.push(format!("and {more} more"));
        }
        if !relations.is_empty() {
            lines.push(format!("Relations: {}.", relations.join(", ")));
        }
        Hover { span, title: format!("{kind} {}", entity.name), lines, fix: None }
    }

    /// A MongoDB composite type: its fields, and where it is embedded.
    fn composite_type(&self, composite: &Entity, span: Span) -> Hover {
        let mut lines = Vec::new();
        lines.extend(documentation(composite.documentation.as_deref()));
        lines.push("A document embedded in its owner's documents (MongoDB): no collection, key or relation of its own.".into());
        let inner = self.schema.embedded_fields.iter().filter(|f| f.owner == composite.name).count();
        let fields = composite.fields.len() + inner;
        lines.push(format!("{fields} {}.", if fields == 1 { "field" } else { "fields" }));
        let embedded_in: Vec<String> = self
            .schema
            .embedded_fields
            .iter()
            .filter(|f| f.type_name == composite.name)
            .map(|f| format!("{}.{}{}", f.owner, f.name, cardinality_mark(f.cardinality)))
            .collect();
        if !embedded_in.is_empty() {
            lines.push(format!("Embedded in {}.", embedded_in.join(", ")));
        }
        Hover { span, title: format!("type {}", composite.name), lines, fix: None }
    }

    /// A relation field that reaches a view (or a view's): kept as declared, Prisma's alone.
    fn view_relation(&self, field: &crate::ir::ViewRelationField) -> Hover {
        let mut lines = vec![
            "A relation with a view: Prisma Client follows it; the database has no constraint for it, and the other targets leave it out."
                .to_string(),
        ];
        if let Some(name) = &field.relation_name {
            lines.push(format!("Named \"{name}\"."));
        }
        if !field.fields.is_empty() {
            lines.push(format!("Key: {}.({}) → {}.({}).", field.owner, field.fields.join(", "), field.target, field.references.join(", ")));
        }
        let title = format!("{}.{} → {}{}", field.owner, field.name, field.target, cardinality_mark(field.cardinality));
        Hover { span: field.span, title, lines, fix: None }
    }

    /// A field that embeds a composite type.
    fn embedded_field(&self, field: &crate::ir::EmbeddedField) -> Hover {
        let mut lines = Vec::new();
        lines.extend(documentation(field.documentation.as_deref()));
        if field.stored_name != field.name {
            lines.push(format!("Stored as `{}`.", field.stored_name));
        }
        lines.push(match field.cardinality {
            NavigationCardinality::One => format!("One embedded `{}` document, always there.", field.type_name),
            NavigationCardinality::ZeroOrOne => format!("One embedded `{}` document, or none.", field.type_name),
            NavigationCardinality::Many => format!("A list of embedded `{}` documents.", field.type_name),
        });
        let title = format!("{}.{}: {}{}", field.owner, field.name, field.type_name, cardinality_mark(field.cardinality));
        Hover { span: field.span, title, lines, fix: None }
    }

    fn field(&self, entity: &Entity, field: &Field) -> Hover {
        let mut lines = Vec::new();
        lines.extend(documentation(field.documentation.as_deref()));
        if field.column != field.name {
            lines.push(format!("Column `{}`.", field.column));
        }
        if let Some(native) = &field.native_type {
            let arguments = if native.arguments.is_empty() { String::new() } else { format!("({})", native.arguments.join(", ")) };
            lines.push(format!("Database type {}{arguments}.", native.name));
        }
        if !field.database_types.is_empty() {
            let types: Vec<String> = field
                .database_types
                .iter()
                .map(|t| {
                    let dialect = crate::dialect::SqlDialect::from_name(t.database.as_str());
                    let here = dialect.map_or_else(|| t.native_type.name.clone(), |d| d.native_type(&t.native_type).to_lowercase());
                    format!("{here} on {}", t.database.display_name())
                })
                .collect();
            lines.push(format!("The ORM makes it {}.", types.join(", ")));
        }
        lines.push(if field.nullable { "Optional: may be NULL." } else { "Required: never NULL." }.into());
        if let Some(default) = &field.default {
            lines.push(format!("Default: {}.", default_words(default)));
        }
        if field.updated_at {
            lines.push("Set to the current time on every update.".into());
        }
        let one = std::slice::from_ref(&field.name);
        match &entity.primary_key {
            Some(key) if key.fields == one => lines.push("The primary key.".into()),
            Some(key) if key.fields.contains(&field.name) => lines.push(format!("Part of the primary key {}.", list(&key.fields))),
            _ => {}
        }
        for unique in entity.uniques.iter().filter(|u| u.fields.contains(&field.name)) {
            lines.push(if unique.fields == one { "Unique.".into() } else { format!("Part of the unique {}.", list(&unique.fields)) });
        }
        for relation in &self.schema.relations {
            let Some(key) = relation.foreign_key.as_ref().filter(|k| k.entity == entity.name && k.fields.contains(&field.name)) else {
                continue;
            };
            lines.push(format!("Key of the relation to {} ({}).", key.referenced_entity, key_words(key)));
        }
        Hover { span: field.span, title: format!("{}.{}: {}", entity.name, field.name, self.type_words(field)), lines, fix: None }
    }

    fn type_words(&self, field: &Field) -> String {
        if self.language == SourceLanguage::Prisma {
            let mark = if field.list {
                "[]"
            } else if field.nullable {
                "?"
            } else {
                ""
            };
            return format!("{}{mark}", crate::languages::prisma::type_name(&field.field_type));
        }
        let name = self.profile.type_name(&field.field_type);
        if field.list {
            format!("a list of {name}")
        } else {
            name
        }
    }

    fn enumeration(&self, enumeration: &EnumType, span: Span) -> Hover {
        let values: Vec<&str> = enumeration.values.iter().map(|v| v.name.as_str()).collect();
        let mut lines = vec![format!("Values: {}.", values.join(", "))];
        if enumeration.database_name != enumeration.name {
            lines.push(format!("Database type `{}`.", enumeration.database_name));
        }
        let used: Vec<String> = self
            .schema
            .entities
            .iter()
            .flat_map(|e| {
                e.fields
                    .iter()
                    .filter(|f| f.field_type == FieldType::Enum(enumeration.name.clone()))
                    .map(move |f| format!("{}.{}", e.name, f.name))
            })
            .collect();
        if !used.is_empty() {
            lines.push(format!("Used by {}.", used.join(", ")));
        }
        Hover { span, title: format!("enum {}", enumeration.name), lines, fix: None }
    }

    /// A relation, seen from `from` (the entity and navigation hovered) when there is one, else
    /// from its owning side.
    fn relation(&self, relation: &Relation, from: Option<(&Entity, &Navigation)>, span: Span) -> Hover {
        let owning = &relation.owning_side;
        let inverse = &relation.inverse_side;
        // Which side is "here": the hovered navigation's (a self-relation has both on one entity).
        let here_is_inverse = from.is_some_and(|(entity, navigation)| {
            entity.name == inverse.entity && inverse.navigation.as_deref() == Some(navigation.name.as_str())
        });
        let (here, there) = if here_is_inverse { (inverse, owning) } else { (owning, inverse) };
        let required = relation.foreign_key.as_ref().is_some_and(|k| k.required);
        // How many of `there` one `here` has, and the other way round.
        let many_there = relation.kind == RelationKind::ManyToMany || (here_is_inverse && relation.kind == RelationKind::OneToMany);
        let many_here = relation.kind == RelationKind::ManyToMany || (!here_is_inverse && relation.kind == RelationKind::OneToMany);
        let count = |many: bool, exactly_one: bool| {
            if many {
                "any number of"
            } else if exactly_one {
                "one"
            } else {
                "at most one"
            }
        };
        let side_name = |side: &crate::ir::RelationSide| match &side.navigation {
            Some(navigation) => format!(" ({}.{navigation})", side.entity),
            None => format!(" ({} declares no field for it)", side.entity),
        };
        let mut lines = vec![format!(
            "Each {} has {} {}; each {} has {} {}{}.",
            here.entity,
            count(many_there, !here_is_inverse && required),
            there.entity,
            there.entity,
            count(many_here, here_is_inverse && required),
            here.entity,
            side_name(there),
        )];
        if let Some(name) = &relation.name {
            lines.push(format!("Named \"{name}\"."));
        }
        if let Some(key) = &relation.foreign_key {
            let place = if here_is_inverse { format!("Key on {}: ", key.entity) } else { "Key: ".into() };
            lines.push(format!("{place}{}{}.", key_words(key), if key.required { "" } else { ", may be NULL" }));
            lines.push(format!(
                "When the {} row is deleted: {}; when its key changes: {}.",
                key.referenced_entity,
                self.profile.action_name(relation.on_delete),
                self.profile.action_name(relation.on_update),
            ));
        }
        if let Some(join) = &relation.join_table {
            let [a, b] = &join.columns;
            lines.push(format!(
                "Through the join table `{}` ({} → {}.{}, {} → {}.{}).",
                join.table, a.column, a.referenced_entity, a.referenced_field, b.column, b.referenced_entity, b.referenced_field
            ));
        }
        if let Some([a, b]) = &relation.id_lists {
            lines.push(format!("Through lists of ids: {}.{} and {}.{}.", a.entity, a.field, b.entity, b.field));
        }
        let mut fix = None;
        if matches!(self.language, SourceLanguage::Sql(_)) {
            if let Some(key) = &relation.foreign_key {
                let owner = self.schema.entity(&key.entity);
                match relation.kind {
                    RelationKind::OneToOne => {
                        lines.push(format!("Read as one-to-one because {} is unique in `{}`.", list(&key.fields), key.entity))
                    }
                    _ => {
                        lines.push(format!(
                            "Read as one-to-many because {} is not unique in `{}`: several of its rows may point at one `{}` row. For a one-to-one, {}.",
                            list(&key.fields),
                            key.entity,
                            key.referenced_entity,
                            self.profile.unique_remedy(&key.entity, &key.fields)
                        ));
                        fix = owner.and_then(|owner| self.profile.make_unique(owner, &key.fields));
                    }
                }
            }
        }
        let title = match from {
            Some((entity, navigation)) => {
                format!(
                    "{}.{} → {}{} · {}",
                    entity.name,
                    navigation.name,
                    navigation.target,
                    cardinality_mark(navigation.cardinality),
                    relation.kind.words()
                )
            }
            None => format!("{} → {} · {}", owning.entity, inverse.entity, relation.kind.words()),
        };
        Hover { span, title, lines, fix }
    }
}

fn documentation(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

fn list(fields: &[String]) -> String {
    match fields {
        [one] => format!("`{one}`"),
        _ => format!("({})", fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")),
    }
}

fn key_words(key: &crate::ir::ForeignKey) -> String {
    let side = |entity: &str, fields: &[String]| match fields {
        [one] => format!("{entity}.{one}"),
        _ => format!("{entity}.({})", fields.join(", ")),
    };
    format!("{} → {}", side(&key.entity, &key.fields), side(&key.referenced_entity, &key.referenced_fields))
}

fn default_words(default: &DefaultValue) -> String {
    match default {
        DefaultValue::Autoincrement => "counts up (autoincrement)".into(),
        DefaultValue::Now => "the current time".into(),
        DefaultValue::Uuid(_) => "a new UUID".into(),
        DefaultValue::Cuid(_) => "a new CUID".into(),
        DefaultValue::Nanoid(_) => "a new nanoid".into(),
        DefaultValue::Auto => "an ObjectId the database makes".into(),
        DefaultValue::DbGenerated(sql) => format!("`{sql}`, evaluated by the database"),
        DefaultValue::String(text) => format!("\"{text}\""),
        DefaultValue::Number(number) => number.clone(),
        DefaultValue::Boolean(value) => value.to_string(),
        DefaultValue::EnumValue(value) => value.clone(),
        DefaultValue::List(items) => format!("[{}]", items.iter().map(default_words).collect::<Vec<_>>().join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "sql-reader")]
    use crate::dialect::SqlDialect;

    fn hover(text: &str, language: SourceLanguage, at: &str, nth: usize) -> Hover {
        let offset = text.match_indices(at).nth(nth).expect("the text holds the marker").0 + 1;
        let schema = crate::analyze(text, language).schema;
        hover_at(&schema, language, text, offset).expect("a hover there")
    }

    const BLOG: &str = "model User {\n  id    Int    @id\n  email String @unique @db.VarChar(190)\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n  role     Role @default(EDITOR)\n}\n\nenum Role {\n  EDITOR\n  ADMIN\n}\n";

    #[test]
    fn a_view_relation_field_says_what_it_is_and_its_type_is_the_view() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/view-relations.prisma")).unwrap();
        let schema = crate::analyze(&text, SourceLanguage::Prisma).schema;
        let field = &schema.view_relations[0];
        let at = |offset: usize| hover_at(&schema, SourceLanguage::Prisma, &text, offset).expect("a hover");
        let on_name = at(field.span.start() + 1);
        assert!(on_name.title.starts_with(&format!("{}.{} → {}", field.owner, field.name, field.target)), "{}", on_name.title);
        assert!(on_name.lines[0].starts_with("A relation with a view"), "{:?}", on_name.lines);
        let type_offset = text[field.span.start()..field.span.end()].find(&format!(" {}", field.target)).unwrap() + field.span.start() + 2;
        assert!(at(type_offset).title.contains(&field.target), "{}", at(type_offset).title);
    }

    #[test]
    fn a_relation_field_tells_both_sides_the_key_and_the_actions() {
        let hover = hover(BLOG, SourceLanguage::Prisma, "author ", 0);
        assert_eq!(hover.title, "Post.author → User · one-to-many");
        assert_eq!(hover.lines[0], "Each Post has one User; each User has any number of Post (User.posts).");
        assert_eq!(hover.lines[1], "Key: Post.authorId → User.id.");
        assert_eq!(hover.lines[2], "When the User row is deleted: Cascade; when its key changes: Cascade.");
        let back = super::tests::hover(BLOG, SourceLanguage::Prisma, "posts", 0);
        assert_eq!(back.title, "User.posts → Post[] · one-to-many");
        assert_eq!(back.lines[0], "Each User has any number of Post; each Post has one User (Post.author).");
        assert_eq!(back.lines[1], "Key on Post: Post.authorId → User.id.");
    }

    #[test]
    fn a_relation_fields_type_and_a_models_name_describe_the_model() {
        let on_type = hover(BLOG, SourceLanguage::Prisma, "User @relation", 0);
        assert_eq!(on_type.title, "model User");
        assert_eq!(on_type.lines, ["Primary key: `id`.", "2 columns.", "Relations: posts → Post[] (one-to-many)."]);
        assert_eq!(hover(BLOG, SourceLanguage::Prisma, "Post {", 0).title, "model Post");
    }

    #[test]
    fn a_scalar_field_tells_its_type_keys_and_default() {
        let email = hover(BLOG, SourceLanguage::Prisma, "email", 0);
        assert_eq!(email.title, "User.email: String");
        assert_eq!(email.lines, ["Database type VarChar(190).", "Required: never NULL.", "Unique."]);
        let key = hover(BLOG, SourceLanguage::Prisma, "authorId Int", 0);
        assert_eq!(key.lines.last().unwrap(), "Key of the relation to User (Post.authorId → User.id).");
        let role = hover(BLOG, SourceLanguage::Prisma, "role", 0);
        assert!(role.lines.contains(&"Default: EDITOR.".to_string()), "{role:?}");
        assert_eq!(hover(BLOG, SourceLanguage::Prisma, "Role @default", 0).title, "enum Role");
        let block = hover(BLOG, SourceLanguage::Prisma, "Role {", 0);
        assert_eq!(block.lines, ["Values: EDITOR, ADMIN.", "Used by Post.role."]);
    }

    #[test]
    fn nothing_is_said_on_a_blank_line_or_a_keyword_outside_every_block() {
        let schema = crate::analyze(BLOG, SourceLanguage::Prisma).schema;
        let blank = BLOG.find("\n\n").unwrap() + 1;
        assert_eq!(hover_at(&schema, SourceLanguage::Prisma, BLOG, blank), None);
        assert_eq!(hover_at(&schema, SourceLanguage::Prisma, BLOG, BLOG.len() + 10), None, "past the end");
    }

    #[cfg(feature = "sql-reader")]
    const SQL: &str = "CREATE TABLE users (\n  id INT PRIMARY KEY\n);\nCREATE TABLE posts (\n  id INT PRIMARY KEY,\n  author_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n  title TEXT\n);\nCREATE TABLE profiles (\n  id INT PRIMARY KEY,\n  user_id INT UNIQUE,\n  FOREIGN KEY (user_id) REFERENCES users (id)\n);\n";

    #[test]
    #[cfg(feature = "sql-reader")]
    fn a_sql_foreign_key_says_how_it_was_read_and_offers_unique() {
        let language = SourceLanguage::Sql(SqlDialect::Postgresql);
        let many = hover(SQL, language, "author_id", 0);
        assert_eq!(many.title, "posts.author → users · one-to-many");
        assert!(many.lines.iter().any(|l| l.starts_with("Read as one-to-many because `author_id` is not unique in `posts`")), "{many:?}");
        let fix = many.fix.expect("the fix that makes the key unique");
        let mut fixed = SQL.to_string();
        for edit in fix.edits.iter().rev() {
            fixed.replace_range(edit.span.start()..edit.span.end(), &edit.insert);
        }
        let schema = crate::analyze(&fixed, language).schema;
        assert_eq!(schema.relations[0].kind, RelationKind::OneToOne, "fixed:\n{fixed}");
        assert!(crate::analyze(&fixed, language).diagnostics.is_empty(), "{fixed}");

        let one = hover(SQL, language, "FOREIGN KEY", 0);
        assert_eq!(one.title, "profiles.user → users? · one-to-one");
        assert!(one.lines.contains(&"Read as one-to-one because `user_id` is unique in `profiles`.".to_string()), "{one:?}");
        assert_eq!(one.fix, None);
        // A name PostgreSQL would fold is quoted in the fix.
        let quoted = "CREATE TABLE \"User\" (\"id\" INT PRIMARY KEY);\nCREATE TABLE \"Post\" (\n  \"id\" INT PRIMARY KEY,\n  \"authorId\" INT REFERENCES \"User\" (\"id\")\n);\n";
        let fix = hover(quoted, language, "\"authorId\"", 0).fix.expect("a fix");
        assert_eq!(fix.edits[0].insert, ",\n  UNIQUE (\"authorId\")");
        // A column without a key is a column; the table's name is the table.
        assert_eq!(hover(SQL, language, "title", 0).title, "posts.title: text");
        assert_eq!(hover(SQL, language, "users (id) ON", 0).title, "table users");
    }
}
