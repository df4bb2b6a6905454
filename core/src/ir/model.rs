//! The IR types. See the module docs of [`crate::ir`] for the terms.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The version of the IR's JSON form; bump it on any incompatible change.
pub const IR_VERSION: u32 = 1;

/// A whole schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Schema {
    pub version: u32,
    /// Prisma `previewFeatures` enabled by the schema's generators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preview_features: Vec<String>,
    /// The database the source was written for (Prisma's `datasource provider`), if it said.
    pub provider: Option<Provider>,
    /// Who enforces relations: the database's foreign keys (the default) or the ORM.
    #[serde(default)]
    pub relation_mode: RelationMode,
    /// PostgreSQL extensions the schema needs (`CREATE EXTENSION citext`, Prisma's datasource
    /// `extensions = [citext]`): the types of its columns may come from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
    /// The database schemas (namespaces) the source declares its tables in (Prisma's datasource
    /// `schemas = ["base", "auth"]`); empty when everything is in the database's default one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub database_schemas: Vec<String>,
    pub entities: Vec<Entity>,
    /// Views (Prisma's `view` blocks): keyless, read-only entities whose rows a query makes. They
    /// carry their fields, uniques and names; their relation fields are [`Schema::view_relations`],
    /// and only the Prisma writer writes them (the others say they leave them out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<Entity>,
    /// Relation fields between a model and a view or two views, as declared: Prisma relates
    /// views, no database constraint or other target does, so they are kept apart from
    /// [`Schema::relations`] for the Prisma writer and the diagram.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub view_relations: Vec<ViewRelationField>,
    /// MongoDB's composite types (Prisma's `type` blocks): documents embedded in a model's
    /// documents, not tables. Each carries its scalar and enum fields; the fields whose type is a
    /// composite type, in models and in types, are [`Schema::embedded_fields`]. Only the Prisma
    /// writer writes them (the relational targets say they leave them out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub composite_types: Vec<Entity>,
    /// Fields whose type is a composite type (an embedded document, or a list of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embedded_fields: Vec<EmbeddedField>,
    /// A model's indexes and uniques over its embedded documents' fields (`@@index([address.city])`),
    /// MongoDB's: kept as written for the Prisma writer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embedded_indexes: Vec<EmbeddedIndex>,
    pub enums: Vec<EnumType>,
    pub relations: Vec<Relation>,
    /// The source's comments that are not documentation, each with what it sits above or ends
    /// the line of ([`crate::ir::comments`]): the writers carry them into every target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// A relation field that reaches a view (or is a view's): its place, type and `@relation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewRelationField {
    /// The model or view that declares the field.
    pub owner: String,
    pub name: String,
    /// The model or view it points at.
    pub target: String,
    pub cardinality: NavigationCardinality,
    /// Position among the owner's members, as [`Field::position`].
    pub position: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation_name: Option<String>,
    /// The key fields (`fields: […]`) and what they reference (`references: […]`), on the side
    /// that holds the key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_delete: Option<ReferentialAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_update: Option<ReferentialAction>,
    pub span: Span,
}

/// A field that embeds a composite type in a model's documents (or in another composite type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbeddedField {
    /// The model or composite type that declares the field.
    pub owner: String,
    pub name: String,
    /// The name the document stores it under (`@map`), the field's name when not mapped.
    pub stored_name: String,
    /// The composite type it embeds.
    pub type_name: String,
    /// One document, maybe none (`?`), or a list (`[]`).
    pub cardinality: NavigationCardinality,
    /// The attributes Prisma gives such a field besides `@map`, as written (`@unique`, `@id`,
    /// `@ignore`): Prisma's alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// Position among the owner's members, as [`Field::position`].
    pub position: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    pub span: Span,
}

impl EmbeddedField {
    /// Whether the field is its model's id (`id Tracking @id @map("_id")`: MongoDB's `_id` is then
    /// an embedded document).
    pub fn is_id(&self) -> bool {
        self.attributes.iter().any(|attribute| attribute.split('(').next() == Some("@id"))
    }
}

/// An index or unique that reaches into a model's embedded documents, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbeddedIndex {
    /// The model it belongs to.
    pub owner: String,
    /// The block attribute as Prisma writes it (`@@unique([address.zip, name])`).
    pub attribute: String,
    pub span: Span,
}

/// A comment of the source (its lines, without comment markers) and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub target: CommentTarget,
    pub lines: Vec<String>,
}

/// What a comment belongs to: the whole schema (a file's header), an entity, or one of its
/// fields or navigations, by index into [`Schema::entities`] and the entity's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommentTarget {
    Schema,
    Entity { entity: usize },
    Field { entity: usize, field: usize },
    Navigation { entity: usize, navigation: usize },
}

/// An entity or a relation of a schema, by its index in [`Schema::entities`] or
/// [`Schema::relations`]: what views select and link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "index", rename_all = "snake_case")]
pub enum SchemaItem {
    Entity(usize),
    Relation(usize),
}

/// Who keeps relations consistent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RelationMode {
    /// Foreign key constraints in the database.
    #[default]
    ForeignKeys,
    /// No constraints in the database: the ORM emulates referential actions (Prisma's
    /// `relationMode = "prisma"`, used with databases such as PlanetScale).
    Prisma,
}

/// Databases a schema can target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Postgresql,
    Mysql,
    Sqlite,
    Sqlserver,
    Cockroachdb,
    Mongodb,
}

impl Provider {
    pub fn from_name(name: &str) -> Option<Provider> {
        Some(match name {
            "postgresql" | "postgres" => Provider::Postgresql,
            "mysql" => Provider::Mysql,
            "sqlite" => Provider::Sqlite,
            "sqlserver" => Provider::Sqlserver,
            "cockroachdb" => Provider::Cockroachdb,
            "mongodb" => Provider::Mongodb,
            _ => return None,
        })
    }

    /// The database's name for people (`MySQL`).
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::Postgresql => "PostgreSQL",
            Provider::Mysql => "MySQL",
            Provider::Sqlite => "SQLite",
            Provider::Sqlserver => "SQL Server",
            Provider::Cockroachdb => "CockroachDB",
            Provider::Mongodb => "MongoDB",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Postgresql => "postgresql",
            Provider::Mysql => "mysql",
            Provider::Sqlite => "sqlite",
            Provider::Sqlserver => "sqlserver",
            Provider::Cockroachdb => "cockroachdb",
            Provider::Mongodb => "mongodb",
        }
    }
}

/// A table-backed model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub table: String,
    /// The database schema (namespace) the table is in (Prisma's `@@schema("auth")`), where the
    /// source names one; `None` for the default schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_schema: Option<String>,
    pub fields: Vec<Field>,
    pub navigations: Vec<Navigation>,
    pub primary_key: Option<PrimaryKey>,
    /// Unique constraints, single-column ones (`@unique`) included.
    pub uniques: Vec<UniqueConstraint>,
    pub indexes: Vec<Index>,
    /// Left out of the ORM's client though the table is there (Prisma's `@@ignore`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignored: bool,
    /// Columns left out of the ORM's client (Prisma's `@ignore`), by field name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_fields: Vec<String>,
    /// The fields the table is sharded by (Prisma's `@shardKey` / `@@shardKey`, for PlanetScale).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shard_key: Vec<String>,
    /// Set when this entity is an explicit join model: its primary key is made of the FKs of two
    /// many-to-one relations (the indexes into [`Schema::relations`]).
    pub join_of: Option<[usize; 2]>,
    pub documentation: Option<String>,
    pub span: Span,
    /// Where the entity's declaration names it (`model User`, `CREATE TABLE users`), for
    /// diagnostics about the whole entity. Not part of the JSON form.
    #[serde(skip)]
    pub name_span: Span,
}

/// A column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub column: String,
    pub field_type: FieldType,
    pub nullable: bool,
    /// A scalar list (`String[]`), stored as an array column where the database has them.
    pub list: bool,
    pub default: Option<DefaultValue>,
    /// A database-specific type such as `VarChar(255)` (Prisma's `@db.VarChar(255)`).
    pub native_type: Option<NativeType>,
    /// The column's type on each database where the source's ORM picks one the portable type
    /// and `native_type` do not say (TypeORM's `string` is `varchar(255)` on MySQL and `varchar`
    /// on PostgreSQL, Sequelize's `DATE` is `timestamptz` on PostgreSQL), in Prisma's names for
    /// that database. Filled by the ORM code readers; every target writes it for its database.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub database_types: Vec<DatabaseType>,
    /// Prisma's `@updatedAt`: set by the client on every update.
    pub updated_at: bool,
    /// Position among all members (fields and navigations) in the source, for stable output order.
    pub position: u32,
    pub documentation: Option<String>,
    pub span: Span,
}

/// Portable column types.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum FieldType {
    Int,
    BigInt,
    Float,
    Decimal,
    String,
    Boolean,
    DateTime,
    Json,
    Bytes,
    /// One of the schema's enums.
    Enum(String),
    /// A database type relplay does not model, kept as written (Prisma's `Unsupported("…")`).
    Unsupported(String),
}

/// A database-specific type: a name and its arguments as written (`VarChar`, `["255"]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NativeType {
    pub name: String,
    pub arguments: Vec<String>,
}

/// A column's type on one database (see [`Field::database_types`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DatabaseType {
    pub database: Provider,
    pub native_type: NativeType,
}

impl DatabaseType {
    pub fn new(database: Provider, name: &str, arguments: &[&str]) -> DatabaseType {
        DatabaseType {
            database,
            native_type: NativeType { name: name.to_string(), arguments: arguments.iter().map(|a| a.to_string()).collect() },
        }
    }
}

/// A column default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DefaultValue {
    /// An integer sequence (`autoincrement()`, `SERIAL`, `AUTO_INCREMENT`).
    Autoincrement,
    /// The current timestamp (`now()`, `CURRENT_TIMESTAMP`).
    Now,
    /// A UUID made by the client (`uuid()`; the version is kept).
    Uuid(Option<u32>),
    /// A CUID made by the client (`cuid()`).
    Cuid(Option<u32>),
    /// A nanoid made by the client.
    Nanoid(Option<u32>),
    /// A MongoDB ObjectId the database makes (`auto()` on an `@db.ObjectId` id).
    Auto,
    /// An expression the database evaluates, kept as SQL text (`dbgenerated("gen_random_uuid()")`).
    DbGenerated(String),
    String(String),
    /// A number, kept as written so decimals keep their precision.
    Number(String),
    Boolean(bool),
    /// A value of the field's enum.
    EnumValue(String),
    /// A list literal for a scalar list field.
    List(Vec<DefaultValue>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimaryKey {
    /// Field names, in key order.
    pub fields: Vec<String>,
    /// A constraint name given in the source (`@@id(map: …)`).
    pub constraint_name: Option<String>,
    /// Prisma's `@@id(name: …)`: the name of the compound key in the client API.
    pub client_name: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UniqueConstraint {
    pub fields: Vec<String>,
    /// Options of some of the fields (a prefix length, a descending order); most have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_options: Vec<KeyFieldOptions>,
    pub constraint_name: Option<String>,
    pub client_name: Option<String>,
    /// Written on the field (`@unique`) rather than on the entity (`@@unique`).
    pub on_field: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub fields: Vec<String>,
    /// Options of some of the fields (a prefix length, a descending order); most have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_options: Vec<KeyFieldOptions>,
    pub constraint_name: Option<String>,
    /// The index method where it is not the B-tree default, by Prisma's name (`Gin`, `Gist`,
    /// `SpGist`, `Brin`, `Hash`): PostgreSQL's `USING gin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_type: Option<String>,
    pub span: Span,
}

/// How one field takes part in an index or unique constraint, where it is not plainly: Prisma's
/// `url(length: 500)` and `createdAt(sort: Desc)`, SQL's `url(500)` and `created_at DESC`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFieldOptions {
    pub field: String,
    /// The prefix of the value that is indexed, in characters (MySQL, for text columns).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
    /// The operator class, by Prisma's name (`JsonbPathOps`, `raw("gin_trgm_ops")` as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ops: Option<String>,
}

impl KeyFieldOptions {
    /// The options of `field` among `options`, if it has any.
    pub fn of<'a>(options: &'a [KeyFieldOptions], field: &str) -> Option<&'a KeyFieldOptions> {
        options.iter().find(|o| o.field == field)
    }
}

/// A property that follows a relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Navigation {
    pub name: String,
    /// The entity it leads to.
    pub target: String,
    pub cardinality: NavigationCardinality,
    /// Index into [`Schema::relations`].
    pub relation: usize,
    pub position: u32,
    pub documentation: Option<String>,
    pub span: Span,
    /// The span of the navigation's type (`Profile?`), where fixes insert or remove `?`.
    pub type_span: Span,
}

/// How many entities a navigation leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NavigationCardinality {
    /// Exactly one (`author User`).
    One,
    /// Zero or one (`profile Profile?`).
    ZeroOrOne,
    /// Any number (`posts Post[]`).
    Many,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// One owning row per referenced row at most: the FK is unique.
    OneToOne,
    /// Many owning rows per referenced row: the FK is not unique.
    OneToMany,
    /// Rows on both sides relate to many on the other, through a join table.
    ManyToMany,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::OneToOne => "1:1",
            RelationKind::OneToMany => "1:N",
            RelationKind::ManyToMany => "M:N",
        }
    }

    /// The kind in words, as messages and headings say it: `one-to-many`.
    pub fn words(self) -> &'static str {
        match self {
            RelationKind::OneToOne => "one-to-one",
            RelationKind::OneToMany => "one-to-many",
            RelationKind::ManyToMany => "many-to-many",
        }
    }
}

/// What the database does to referencing rows when the referenced row is deleted or its key updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferentialAction {
    Cascade,
    Restrict,
    NoAction,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    pub fn sql(self) -> &'static str {
        match self {
            ReferentialAction::Cascade => "CASCADE",
            ReferentialAction::Restrict => "RESTRICT",
            ReferentialAction::NoAction => "NO ACTION",
            ReferentialAction::SetNull => "SET NULL",
            ReferentialAction::SetDefault => "SET DEFAULT",
        }
    }
}

/// The FK of a one-to-one or one-to-many relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForeignKey {
    /// The owning entity, whose table holds the FK columns.
    pub entity: String,
    pub fields: Vec<String>,
    pub referenced_entity: String,
    /// Same length and order as `fields`.
    pub referenced_fields: Vec<String>,
    /// A constraint name given in the source (`@relation(map: …)`).
    pub constraint_name: Option<String>,
    /// Whether every FK column is NOT NULL.
    pub required: bool,
}

/// One side's list of the ids of the other side's documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdList {
    pub entity: String,
    /// The scalar list field that holds the ids.
    pub field: String,
    /// The field of the other side the ids are of (its id).
    pub referenced_field: String,
}

/// The table behind an implicit many-to-many relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinTable {
    pub table: String,
    /// Two columns; `columns[0]` is Prisma's `A`.
    pub columns: [JoinColumn; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinColumn {
    pub column: String,
    pub referenced_entity: String,
    pub referenced_field: String,
}

/// One side of a relation: an entity and its navigation property, if it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationSide {
    pub entity: String,
    pub navigation: Option<String>,
}

/// A relation between two entities (the same one twice for a self-relation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// The relation name given in the source (`@relation("Mentorship")`).
    pub name: Option<String>,
    pub kind: RelationKind,
    /// For 1:1 and 1:N the side holding the FK; for M:N the first side as written.
    pub owning_side: RelationSide,
    /// The referenced side (1:1, 1:N) or the second side (M:N).
    pub inverse_side: RelationSide,
    pub foreign_key: Option<ForeignKey>,
    pub join_table: Option<JoinTable>,
    /// A many-to-many held in the documents themselves (MongoDB): each side keeps a list of the
    /// other side's ids (`tagIds String[] @db.ObjectId` with `@relation(fields: [tagIds],
    /// references: [id])`); `[owning side's, inverse side's]`. Such a relation has no join table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_lists: Option<[IdList; 2]>,
    pub on_delete: ReferentialAction,
    pub on_update: ReferentialAction,
    pub span: Span,
}

impl Schema {
    pub fn entity(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name == name)
    }

    /// A member name for `entity` that clashes with none of its members
    /// ([`Entity::free_member_name`]); `name` itself for an entity the schema does not have.
    pub fn free_member_name(&self, entity: &str, name: String) -> String {
        match self.entity(entity) {
            Some(entity) => entity.free_member_name(name),
            None => name,
        }
    }

    /// Where an entity or relation is written in the source.
    pub fn span_of(&self, item: SchemaItem) -> Option<Span> {
        match item {
            SchemaItem::Entity(index) => self.entities.get(index).map(|e| e.span),
            SchemaItem::Relation(index) => self.relations.get(index).map(|r| r.span),
        }
    }

    /// The item written at byte `offset` of the source: a relation's owning field, or else the
    /// entity around the offset.
    pub fn item_at(&self, offset: usize) -> Option<SchemaItem> {
        let inside = |span: Span| span.start() <= offset && offset <= span.end();
        if let Some(index) = self.relations.iter().position(|r| inside(r.span)) {
            return Some(SchemaItem::Relation(index));
        }
        self.entities.iter().position(|e| inside(e.span)).map(SchemaItem::Entity)
    }

    /// The value stored in the database for the enum value `value` of a field of type
    /// `field_type` (its `@map`), or `value` itself when there is no such enum value.
    pub fn enum_database_value<'s>(&'s self, field_type: &FieldType, value: &'s str) -> &'s str {
        match field_type {
            FieldType::Enum(name) => self
                .enums
                .iter()
                .find(|e| &e.name == name)
                .and_then(|e| e.values.iter().find(|v| v.name == value))
                .map_or(value, |v| v.database_name.as_str()),
            _ => value,
        }
    }

    /// The lines of the comments that belong to `target`, in source order.
    pub fn comments_on(&self, target: CommentTarget) -> impl Iterator<Item = &str> {
        self.comments.iter().filter(move |c| c.target == target).flat_map(|c| c.lines.iter().map(String::as_str))
    }

    /// The index of the entity named `name`.
    pub fn entity_index(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.name == name)
    }
}

impl Field {
    /// The type the source's ORM gives the column on `database` ([`Field::database_types`]).
    pub fn database_type(&self, database: Provider) -> Option<&NativeType> {
        self.database_types.iter().find(|t| t.database == database).map(|t| &t.native_type)
    }
}

impl Entity {
    /// An entity with no fields, keys or relations yet, declared at `span` and named at `name_span`.
    pub fn new(name: String, table: String, span: Span, name_span: Span) -> Entity {
        Entity {
            name,
            table,
            database_schema: None,
            fields: Vec::new(),
            navigations: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            indexes: Vec::new(),
            ignored: false,
            ignored_fields: Vec::new(),
            shard_key: Vec::new(),
            join_of: None,
            documentation: None,
            span,
            name_span,
        }
    }

    /// `base`, or `base2`, `base3`… if the entity already has a field or navigation of that name:
    /// a name for a new member that clashes with nothing.
    pub fn free_member_name(&self, base: String) -> String {
        free_name(base, |name| self.field(name).is_some() || self.navigations.iter().any(|n| n.name == name))
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Whether `fields` (in any order) are exactly the primary key or a unique constraint.
    pub fn is_unique_criterion(&self, fields: &[String]) -> bool {
        let same = |set: &[String]| set.len() == fields.len() && fields.iter().all(|f| set.contains(f));
        self.primary_key.as_ref().is_some_and(|pk| same(&pk.fields)) || self.uniques.iter().any(|u| same(&u.fields))
    }

    /// The column name of a field, or the field name when it is unknown.
    pub fn column_of<'a>(&'a self, field: &'a str) -> &'a str {
        self.field(field).map_or(field, |f| f.column.as_str())
    }
}

/// An enum type and its values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumType {
    pub name: String,
    /// The database name of the type (`@@map`), where the database has named enum types.
    pub database_name: String,
    /// The database schema the type is in (`@@schema`), as for [`Entity::database_schema`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_schema: Option<String>,
    pub values: Vec<EnumTypeValue>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumTypeValue {
    pub name: String,
    /// The value stored in the database (`@map`), usually the same as the name.
    pub database_name: String,
}

/// `name` with its first letter in lower case (`UserProfile` → `userProfile`), the usual form of a
/// navigation named after a model.
pub fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|c| c.to_lowercase().collect::<String>()).unwrap_or_default() + chars.as_str()
}

/// `base` if nothing has that name yet, else the first of `base2`, `base3`… that is free: the one
/// way relplay numbers a name that would clash (members, models, join models).
pub fn free_name(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..).map(|i| format!("{base}{i}")).find(|name| !taken(name)).expect("some number is free")
}
