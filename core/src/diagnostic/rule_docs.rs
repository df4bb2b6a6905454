//! The documentation of every diagnostic code, in one fixed template (what it checks, why it
//! matters, an example, the fix). The app shows it when a user hovers a problem; `relplay explain
//! CODE` prints it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleDoc {
    pub code: &'static str,
    pub title: &'static str,
    pub what_it_checks: &'static str,
    pub why_it_matters: &'static str,
    /// A small schema (or part of one) that triggers the diagnostic.
    pub example: &'static str,
    pub fix: &'static str,
}

/// The documentation of `code`, if it has one.
pub fn rule_doc(code: &str) -> Option<&'static RuleDoc> {
    RULE_DOCS.iter().find(|doc| doc.code == code)
}

const SYNTAX_WHY: &str =
    "Until the text parses, relplay cannot know what the schema means; it keeps reading after the problem so the rest still shows.";

macro_rules! doc {
    ($code:literal, $title:literal, $what:expr, $why:expr, $example:literal, $fix:literal) => {
        RuleDoc { code: $code, title: $title, what_it_checks: $what, why_it_matters: $why, example: $example, fix: $fix }
    };
}

pub const RULE_DOCS: &[RuleDoc] = &[
    // ----- syntax
    doc!("P001", "Expected a block", "Top-level text that is not a model, enum, datasource or generator block.", SYNTAX_WHY, "modle User {}", "Spell the block keyword: model, enum, datasource, generator."),
    doc!("P002", "Block without a name", "A block keyword not followed by a name.", SYNTAX_WHY, "model {\n  id Int @id\n}", "Name the block: `model User { … }`."),
    doc!("P003", "Missing `{`", "A block whose name is not followed by `{`.", SYNTAX_WHY, "model User\n  id Int @id", "Open the block with `{` after its name."),
    doc!("P004", "Unclosed block", "A block that reaches the next block or the end of the file without `}`.", SYNTAX_WHY, "model User {\n  id Int @id\n\nmodel Post {", "Close the block with `}` on a line of its own."),
    doc!("P005", "Expected a field", "A line inside a model that is neither a field nor a block attribute.", SYNTAX_WHY, "model User {\n  % id Int\n}", "Write fields as `name Type attributes…`, block attributes as `@@name(…)`."),
    doc!("P006", "Field without a type", "A field name with nothing after it.", SYNTAX_WHY, "model User {\n  email\n}", "Give the field a type: `email String`."),
    doc!("P007", "Missing bracket or punctuation", "A `)`, `]` or `=` that the construct needs.", SYNTAX_WHY, "id Int @default(autoincrement()", "Add the missing character where the message points."),
    doc!("P008", "Optional list", "A type written `Type[]?`.", "A list is never null in Prisma: an empty list already means none.", "tags String[]?", "Write `Type[]`."),
    doc!("P009", "Text after a field", "Anything after a field's attributes on the same line.", SYNTAX_WHY, "title String \"extra\"", "Remove it, or start an attribute with `@`."),
    doc!("P010", "Attribute without a name", "An `@` or `@@` not followed by a name.", SYNTAX_WHY, "id Int @", "Write the attribute's name: `@id`, `@unique`, …"),
    doc!("P011", "Expected a value", "An argument position with no value.", SYNTAX_WHY, "@default()", "Give the value: a string, number, name, list or function call."),
    doc!("P012", "Unclosed string", "A string with no closing `\"` on its line.", SYNTAX_WHY, "@map(\"users)", "Close the string with `\"`."),
    doc!("P013", "Expected an enum value", "A line in an enum that is not a value name.", SYNTAX_WHY, "enum Role {\n  1ADMIN\n}", "Enum values are names: `ADMIN`."),
    doc!("P014", "Expected a property", "A line in a datasource or generator that is not `key = value`.", SYNTAX_WHY, "datasource db {\n  provider \"postgresql\"\n}", "Write `provider = \"postgresql\"`."),
    doc!("P015", "SQL statement does not parse", "A SQL statement the parser cannot read in the chosen dialect.", "relplay reads the other statements; this one's tables or keys are missing from the result.", "CREATE TABLE t (id INT PRIMARY KEY,);", "Fix the statement, or choose the dialect the script was written for."),
    doc!("P016", "SQL statement skipped", "A statement outside relplay's model: views, functions, triggers, grants, data, settings.", "They do not define tables or relations; relplay says so rather than dropping them silently.", "CREATE VIEW v AS SELECT 1;", "Nothing to fix; it is shown for information."),
    doc!("P017", "SQL attribute ignored", "A column attribute sqlparser cannot read (MySQL's `VARCHAR(n) BINARY`, `BLOB SUB_TYPE TEXT`, PostgreSQL 18's `VIRTUAL`), read past.", "The statement still defines its table and keys; only that attribute is not modelled.", "password VARCHAR(40) BINARY DEFAULT NULL", "Nothing to fix; it is shown for information."),
    doc!("P018", "Code does not parse", "TypeScript or JavaScript that oxc's parser cannot read.", SYNTAX_WHY, "@Entity()\nexport class User {\n  @Column(\n  name: string;\n}", "Fix the code where the message points; the file's other classes are still read."),
    doc!("P020", "Reader loading", "ORM code while the reader of its language is still being downloaded (the app loads the TypeORM, Sequelize and VibORM readers only when one of them is used).", "Until it is there, nothing is read; the schema appears as soon as it is.", "@Entity()\nexport class User {}", "Nothing to do; it goes away by itself."),
    doc!("P019", "Nested too deeply", "A value whose calls and lists nest deeper than relplay follows (64 levels in a Prisma value), or ORM code whose brackets nest deeper than 64 levels.", "Following them could exhaust the stack; no schema nests like this, so the value (or the file) is left out rather than risk a crash, and the rest is read.", "@default(a(a(a(a(…)))))", "Write the value without the nesting, or leave it out."),
    doc!("P021", "Source too large", "A source text larger than relplay reads (4 MiB: about 16,000 Prisma models).", "Reading it would keep the page busy for many seconds and its outputs would not fit in an editor; no schema is that large.", "(a 5 MiB file)", "Split the schema and read it in parts, or leave generated data out of it."),
    doc!("P022", "SQL table element does not parse", "One column or constraint of a `CREATE TABLE` that the parser cannot read in the chosen dialect, where the rest of the table reads.", "relplay reads the table without it: its other columns, keys and relations are there; this one is missing from the result.", "CREATE TABLE t (id INT PRIMARY KEY, tags TEXT ARRAY OF WHAT, name TEXT);", "Fix the column or constraint, or choose the dialect the script was written for."),
    doc!("P023", "Unclosed block comment", "A `/*` with no `*/` after it.", SYNTAX_WHY, "/* the users\nmodel User {\n  id Int @id\n}", "Close the comment with `*/`."),
    // ----- names, types, attributes
    doc!("N001", "Second datasource", "More than one datasource block.", "A schema talks to one database; the second block would be ignored.", "datasource a { provider = \"mysql\" }\ndatasource b { provider = \"sqlite\" }", "Keep one datasource."),
    doc!("N002", "Datasource without provider", "A datasource with no `provider`.", "The provider decides SQL types, defaults and which referential actions exist.", "datasource db {\n}", "Add `provider = \"postgresql\"` (or mysql, sqlite…)."),
    doc!("N003", "Unknown provider", "A provider relplay and Prisma do not know.", "Types and rules depend on the provider.", "provider = \"postgres9\"", "Use postgresql, mysql, sqlite, sqlserver, cockroachdb or mongodb."),
    doc!("N004", "Provider not a string", "A provider written without quotes.", "Prisma reads the provider as a string.", "provider = postgresql", "Quote it: `provider = \"postgresql\"`."),
    doc!("N005", "Reserved type name", "A model or enum named like a scalar type.", "Fields of that type could not be told apart from the scalar.", "model String { id Int @id }", "Choose another name."),
    doc!("N006", "Duplicate name", "Two models or enums with the same name.", "Every type name must point at one thing.", "model User { id Int @id }\nmodel User { id Int @id }", "Rename or remove one."),
    doc!("N007", "View left out", "A `view` block.", "A view is a query, not a table: it has no keys or relations to draw or generate.", "view ActiveUsers { id Int @unique }", "Nothing to fix; it is shown for information."),
    doc!("N008", "Composite type left out", "A MongoDB `type` block.", "Composite types are embedded documents, not tables.", "type Address { street String }", "Nothing to fix; it is shown for information."),
    doc!("N009", "Duplicate field", "Two fields with one name in a model.", "A column or property name must be unique in its model.", "model User {\n  id Int @id\n  id String\n}", "Rename or remove one."),
    doc!("N010", "Unknown attribute", "An attribute Prisma does not have.", "A misspelt attribute silently changes nothing in many tools; here it is an error.", "email String @uniq", "Use a known attribute: @id, @unique, @default, @map, @updatedAt, @relation, @db.*."),
    doc!("N011", "Attribute on a relation field", "@id, @unique, @default or @map on a field whose type is a model.", "A relation field has no column: keys and defaults belong to the scalar foreign-key field.", "author User @unique @relation(fields: [authorId], references: [id])", "Move the attribute to the foreign-key field (`authorId Int @unique`)."),
    doc!("N012", "Composite-type field left out", "A field whose type is a MongoDB composite type.", "Composite types are not tables.", "address Address", "Nothing to fix; it is shown for information."),
    doc!("N013", "Unknown type", "A field type that is not a scalar, a model or an enum.", "Without a type relplay cannot make a column or a relation of the field.", "name Strng", "Fix the spelling (the quick fix offers the closest name) or declare the model or enum."),
    doc!("N014", "@relation on a scalar", "`@relation` on a field whose type is not a model.", "@relation describes the navigation field, which is the one typed by a model.", "authorId Int @relation(fields: [authorId], references: [id])", "Put @relation on the field typed by the model (`author User`)."),
    doc!("N015", "Several @id fields", "More than one field marked @id.", "A table has one primary key; two columns together are a composite key.", "a Int @id\nb Int @id", "Use `@@id([a, b])` for a composite key, or keep one @id."),
    doc!("N016", "@default without a value", "`@default` with nothing in the parentheses.", "There is no default to write.", "count Int @default()", "Give a value: `@default(0)`."),
    doc!("N017", "Default of the wrong type", "autoincrement() on a non-integer field, now() on a non-DateTime field.", "The database cannot count up a string or put a timestamp in an integer.", "id String @id @default(autoincrement())", "Change the field's type or the default."),
    doc!("N018", "Unknown default function", "A default function Prisma does not have.", "Nothing would fill the column.", "id String @default(guid())", "Use autoincrement(), now(), uuid(), cuid(), nanoid() or dbgenerated(\"…\")."),
    doc!("N019", "Unknown enum value", "A default that is not a value of the field's enum.", "The database would reject the default.", "role Role @default(OWNER)", "Use one of the enum's values."),
    doc!("N020", "Invalid default", "A bare name as the default of a non-enum field.", "Only enum values, true and false are bare names.", "name String @default(bob)", "Quote strings: `@default(\"bob\")`."),
    doc!("N021", "Block attribute without fields", "@@id, @@unique or @@index without a field list.", "The constraint would cover nothing.", "@@unique", "List the fields: `@@unique([a, b])`."),
    doc!("N022", "Expected a field name", "A non-name inside a field list.", "Constraints and relations list fields by name.", "@@index([\"email\"])", "Write names without quotes: `@@index([email])`."),
    doc!("N023", "Unknown field in a constraint", "A field list naming a field the model does not have, or a relation field.", "The constraint must be made of the model's columns.", "@@unique([emial])", "Name scalar fields of this model."),
    doc!("N024", "Primary key declared twice", "Both @id and @@id, or two @@id.", "A table has one primary key.", "id Int @id\n@@id([id, code])", "Keep one declaration."),
    doc!("N025", "Connection URL in the schema", "`url`, `directUrl` or `shadowDatabaseUrl` in the datasource.", "Prisma 7 rejects them (connection settings moved to prisma.config.ts); relplay leaves them out of its output.", "url = env(\"DATABASE_URL\")", "Move the URL to prisma.config.ts, or ignore this warning when targeting Prisma 6."),
    doc!("N026", "Unknown relation mode", "A `relationMode` other than \"foreignKeys\" or \"prisma\".", "The mode decides whether the database or Prisma Client keeps relations consistent.", "relationMode = \"emulated\"", "Use \"foreignKeys\" or \"prisma\"."),
    doc!("N027", "View without the preview feature", "A `view` block when no generator enables the `views` preview feature.", "Prisma only reads views with the preview feature on.", "view ActiveUsers { id Int @unique }", "Add `previewFeatures = [\"views\"]` to the generator block."),
    doc!("N028", "Duplicate constraint name", "Two primary keys, unique constraints or indexes with one name (given with `map:` or by default) where the database needs names to differ.", "PostgreSQL and SQLite name indexes per schema, MySQL per table: the second CREATE would fail.", "x Int @unique(map: \"same\")\ny Int @unique(map: \"same\")", "Give one of them another name with `map:`."),
    doc!("N029", "Optional primary key field", "A primary key (`@id` or `@@id`) with an optional or list field.", "A primary key identifies every row; databases make its columns NOT NULL, so the schema and the database would disagree.", "code String?\n@@id([organisationId, code])", "Make the key's fields required (remove `?`)."),
    doc!("N030", "No unique criterion", "A model with neither a primary key nor a unique constraint made of required fields.", "Without one, a row cannot be told apart from another: relations cannot point at it and an ORM cannot update it.", "model Log {\n  message String\n}", "Add an `@id` (for example `id Int @id @default(autoincrement())`) or an `@unique` on a required field."),
    doc!("N031", "Property set twice", "A key written twice in a datasource or generator block.", "Only one value can win; Prisma rejects the block.", "relationMode = \"prisma\"\nrelationMode = \"prisma\"", "Remove one."),
    doc!("N032", "Attribute written twice", "A field attribute (or `@@map`) written twice.", "Two names or two defaults for one column cannot both hold.", "email String @map(\"a\") @map(\"b\")", "Keep one."),
    doc!("N033", "Duplicate enum value", "An enum value written twice.", "The database type would list the value twice, which PostgreSQL and MySQL refuse.", "enum Role {\n  ADMIN\n  ADMIN\n}", "Remove one."),
    doc!("N034", "Empty enum", "An enum with no values.", "No column of that type could hold anything; databases refuse an empty enum type.", "enum Role {\n}", "Add the values."),
    doc!("N035", "Table created twice", "A second CREATE TABLE of a table the script already created.", "The second definition would replace or clash with the first.", "CREATE TABLE t (id INT);\nCREATE TABLE t (id INT);", "Remove or rename one."),
    doc!("N036", "Unknown table", "An ALTER TABLE, CREATE INDEX or REFERENCES naming a table the script does not create.", "relplay models the tables of the script; a key to a missing table has nothing to point at.", "ALTER TABLE missing ADD CONSTRAINT k UNIQUE (a);", "Create the table first, or import the whole schema."),
    doc!("N037", "View with a primary key", "`@id` or `@@id` in a `view` block.", "Prisma 7 refuses primary keys on views (\"Views cannot have primary keys\"); a view's rows come from its query.", "view ActiveUser {\n  id Int @id\n}", "Use `@unique` (or `@@unique`) instead."),
    doc!("N038", "Unknown preview feature", "A name in a generator's `previewFeatures` that Prisma 7 does not know (as `metrics`, dropped in Prisma 7).", "Prisma 7 refuses the whole schema for it (\"The preview feature … is not known\").", "generator client {\n  provider        = \"prisma-client\"\n  previewFeatures = [\"metrics\"]\n}", "Remove the name."),
    doc!("N039", "auto() outside MongoDB", "`@default(auto())` with a datasource other than MongoDB.", "`auto()` is MongoDB's ObjectId, made by the database; no SQL database has it, and Prisma refuses it there.", "id String @id @default(auto())  // provider = \"postgresql\"", "Use uuid(), cuid() or autoincrement()."),
    doc!("N040", "auto() without ObjectId", "`@default(auto())` on MongoDB on a field that is not `@db.ObjectId`.", "An ObjectId is what `auto()` makes; Prisma refuses it for any other type.", "id String @id @default(auto()) @map(\"_id\")", "Add `@db.ObjectId`."),
    doc!("N041", "MongoDB id not mapped to _id", "On MongoDB, a model whose `@id` is not the `_id` field of its documents.", "MongoDB keys every document by `_id`; Prisma refuses an id stored elsewhere.", "id String @id @default(auto()) @db.ObjectId", "Add `@map(\"_id\")` to the id field."),
    doc!("N042", "MongoDB many-to-many without id lists", "On MongoDB, a many-to-many whose ends do not each keep a scalar list of the other side's ids.", "MongoDB has no join tables: the documents hold the references themselves, and Prisma refuses an implicit many-to-many there.", "model Post {\n  id   String @id @default(auto()) @map(\"_id\") @db.ObjectId\n  tags Tag[]\n}", "Give both models a list (`tagIds String[] @db.ObjectId`) and `@relation(fields: [tagIds], references: [id])`."),
    doc!("N043", "Scalar list on a database without lists", "A list of scalars (`tags String[]`) with a provider other than PostgreSQL, CockroachDB or MongoDB.", "Prisma refuses it: MySQL, SQLite and SQL Server have no array columns.", "tags String[]  // provider = \"mysql\"", "Store the values as `Json`, or as rows of a related model."),
    // ----- relations
    doc!("R001", "Unknown @relation argument", "An argument @relation does not take.", "It would be silently ignored by other tools.", "@relation(fields: [a], references: [id], cascade: true)", "Use name, fields, references, onDelete, onUpdate, map."),
    doc!("R002", "Unknown referential action", "An onDelete/onUpdate value that is not an action.", "The database would not know what to do.", "onDelete: Delete", "Use Cascade, Restrict, NoAction, SetNull or SetDefault."),
    doc!("R003", "Ambiguous self-relation", "Fields of a model pointing at the model itself with no (or a shared) relation name.", "With two or more such fields, nothing says which field is the other side of which.", "manager Employee? @relation(fields: [managerId], references: [id])\nreports Employee[]", "Give both fields of each pair the same name: `@relation(\"Management\", …)` and `@relation(\"Management\")`; the quick fix does it for a single pair."),
    doc!("R004", "Ambiguous relations", "Several relations between the same two models without distinct names.", "Each relation needs to know its partner field on the other model.", "author User @relation(fields: [authorId], references: [id])\neditor User @relation(fields: [editorId], references: [id])", "Name each relation, the same on both of its sides: `@relation(\"Authored\")`."),
    doc!("R005", "Missing opposite field", "A relation field with no field on the other model pointing back.", "Prisma requires both sides of every relation (SQL, TypeORM and Sequelize do not).", "model Post { author User @relation(fields: [authorId], references: [id]) }\nmodel User { id Int @id }", "Add the back field (`posts Post[]` on User); the quick fix adds it."),
    doc!("R006", "Both sides define the key", "`fields` or `references` on both fields of a one-to-one.", "Only one table can hold the foreign key.", "user User @relation(fields: [userId], references: [id])\nprofile Profile @relation(fields: [profileId], references: [id])", "Keep fields/references on the side whose table should hold the key."),
    doc!("R007", "Neither side defines the key", "A one-to-one where no side says `fields`/`references`.", "Nothing says which table holds the foreign key.", "user User?\nprofile Profile?", "Add `@relation(fields: […], references: […])` to the side that should hold the key."),
    doc!("R008", "fields and references split", "`fields` on one side and `references` on the other.", "The key's columns and the columns it points at must be described together.", "user User @relation(fields: [userId])\nprofile Profile? @relation(references: [id])", "Put both on the same side."),
    doc!("R009", "List side defines the key", "`fields`/`references` on the list side of a one-to-many.", "The key lives in the table of the many side, where the single field is.", "posts Post[] @relation(fields: [id], references: [authorId])", "Move them to the single side (`author User @relation(…)`)."),
    doc!("R010", "Actions on the back side", "onDelete/onUpdate on the side without the foreign key.", "Actions belong to the foreign key, so to the side that has it.", "posts Post[] @relation(onDelete: Cascade)", "Move onDelete/onUpdate to the side with `fields`."),
    doc!("R011", "Missing fields or references", "A relation side that must hold the key but lacks `fields` or `references`.", "Without them there is no foreign key.", "author User @relation(onDelete: Cascade)", "Add `fields: [authorId], references: [id]`."),
    doc!("R012", "Unknown field in a relation", "`fields` or `references` naming a field that does not exist.", "The key cannot be built from missing columns.", "@relation(fields: [autorId], references: [id])", "Name existing scalar fields."),
    doc!("R013", "fields and references differ in length", "A different number of names in `fields` and `references`.", "Each key column points at one referenced column.", "@relation(fields: [orgId, code], references: [id])", "List as many references as fields, in matching order."),
    doc!("R014", "Key on an implicit many-to-many", "`fields`/`references` on a many-to-many list field.", "The join table is made for you; there is no key to give.", "tags Tag[] @relation(fields: [tagIds], references: [id])", "Remove them, or model the join table explicitly."),
    doc!("R015", "Actions on an implicit many-to-many", "onDelete/onUpdate on a many-to-many list field.", "The join table's keys always cascade.", "tags Tag[] @relation(onDelete: Restrict)", "Remove them, or model the join table explicitly to choose actions."),
    doc!("R016", "Many-to-many without @id", "An implicit many-to-many where a model has no single-field @id.", "The join table's columns point at each model's id.", "model Tag { name String @unique\n posts Post[] }", "Add an @id, or model the join table explicitly."),
    doc!("R017", "One-to-one key not unique", "A one-to-one whose foreign key is not @unique (or @@unique, or the primary key).", "Without the unique constraint the database accepts many rows per referenced row: it is one-to-many.", "userId Int\nuser User @relation(fields: [userId], references: [id])", "Add `@unique` to the key (quick fix), or make the other side a list."),
    doc!("R018", "Required back side of a one-to-one", "The side of a one-to-one without the foreign key is not optional.", "No constraint can force a row to be referenced: a new User could never be saved before its Profile.", "profile Profile", "Make it optional: `profile Profile?` (quick fix)."),
    doc!("R019", "References not unique", "`references` not pointing at the primary key or a unique constraint.", "A foreign key must identify one row; PostgreSQL refuses the DDL, SQLite fails at run time.", "@relation(fields: [userEmail], references: [email])  // email not @unique", "Make the referenced fields unique or reference the id."),
    doc!("R020", "Key type differs from referenced type", "A foreign-key field whose type is not the referenced field's.", "Prisma and MySQL refuse it; PostgreSQL and SQLite take it (so in SQL it is a warning), but comparisons convert and may stop using indexes.", "ownerId String\nowner User @relation(fields: [ownerId], references: [id])  // id is Int", "Give the key the referenced field's type."),
    doc!("R021", "Required relation over optional key", "A required relation field whose key fields can be null.", "A null key means no related row, which a required field cannot show.", "authorId Int?\nauthor User @relation(fields: [authorId], references: [id])", "Make the relation optional (`User?`) or the key required."),
    doc!("R022", "SetNull on a required key", "onDelete/onUpdate SetNull where the key cannot be null.", "The action would write NULL into a NOT NULL column and fail (an error, a warning on PostgreSQL where the DDL is accepted).", "parentId Int\nparent Parent @relation(fields: [parentId], references: [id], onDelete: SetNull)", "Make the key optional or choose another action."),
    doc!("R023", "SetDefault on MySQL", "SetDefault with the MySQL provider.", "InnoDB rejects SET DEFAULT; MariaDB stores RESTRICT instead, so the action never happens.", "onDelete: SetDefault  // provider = \"mysql\"", "Choose Cascade, Restrict, NoAction or SetNull."),
    doc!("R024", "Action not available", "A referential action the provider (or relation mode) does not have.", "SQL Server has no RESTRICT; emulated relations on PostgreSQL and SQLite cannot do NoAction or SetDefault.", "onDelete: Restrict  // provider = \"sqlserver\"", "Use one of the actions the message lists."),
    doc!("R025", "Cascading self-relation", "A self-relation whose actions cascade, on SQL Server, MongoDB or with emulated relations.", "The cascade could run into the same table forever; these databases refuse it.", "manager Employee? @relation(\"M\", fields: [managerId], references: [id])", "Set onDelete and onUpdate to NoAction (or Restrict)."),
    doc!("R026", "Cascade cycle", "Relations whose cascades lead back to where they started, on SQL Server, MongoDB or with emulated relations.", "A delete could loop through the tables.", "A.b → B (Cascade) and B.a → A (Cascade)", "Set onDelete and onUpdate of one relation in the cycle to NoAction."),
    doc!("R027", "Multiple cascade paths", "A change that cascades to one table along two paths (SQL Server).", "SQL Server refuses such foreign keys.", "A → B → D and A → C → D, all Cascade", "Set NoAction on one of the paths."),
    doc!("R028", "Emulated relation without index", "With relationMode = \"prisma\", a foreign key not covered by an index.", "There is no FOREIGN KEY, so no index comes with it; every lookup by the key scans the table.", "authorId Int  // no @@index([authorId])", "Add `@@index([authorId])`."),
    doc!("R029", "SQLite foreign keys need a pragma", "Foreign keys on SQLite.", "SQLite ignores foreign keys unless each connection runs PRAGMA foreign_keys = ON.", "provider = \"sqlite\"", "Nothing to change in the schema; make sure your driver turns the pragma on (relplay's SQL does)."),
    doc!("R030", "Named foreign key on SQLite", "`map:` on a `@relation` with the SQLite provider.", "Prisma does not name SQLite foreign keys and rejects the argument.", "a A @relation(fields: [aId], references: [id], map: \"b_a_fk\")  // sqlite", "Remove `map:`."),
    doc!("R031", "Named primary key on MySQL or SQLite", "`map:` on an `@id` or `@@id` with the MySQL or SQLite provider.", "MySQL always calls a primary key PRIMARY and Prisma does not name SQLite's, so Prisma rejects the argument (\"You defined a database name for the primary key on the model\").", "id Int @id(map: \"PK_Album\")  // mysql", "Remove `map:`."),
    // ----- generation
    // ----- ORM code
    doc!("T001", "Not known statically", "An option whose value is not a literal: a constant imported from elsewhere, a computed name, a function call.", "relplay reads the code without running it; guessing the value could describe a database the ORM never builds.", "@Column({ length: MAX_NAME })", "Write the value itself, or accept that relplay reads the option as absent."),
    doc!("T002", "Base class from elsewhere", "An entity that extends a class imported from another package or a file not in the source.", "Columns that class declares are part of the table, but relplay cannot see them.", "import { AppBase } from \"@acme/db\";\n@Entity()\nexport class User extends AppBase {}", "Add the base class's file to the source, or ignore this note if it declares no columns."),
    doc!("T003", "Relation to a class that is not an entity", "A relation decorator whose target is not an `@Entity` class of the source.", "There is no table to point at, so no key can be made.", "@ManyToOne(() => Account)\naccount: Account;", "Add the target entity's file to the source, or correct the class name."),
    doc!("T004", "Inverse side does not match", "An inverse side that names a property the target lacks, one that does not lead back or has the wrong decorator, or a `@OneToMany` with no `@ManyToOne` to pair with.", "TypeORM pairs the two ends by this name; a wrong one fails when the data source starts, or builds two unrelated relations.", "@OneToMany(() => Post, (post) => post.writer)\nposts: Post[];", "Name the property on the other entity that leads back, with the matching decorator (`@OneToMany` ↔ `@ManyToOne`)."),
    doc!("T005", "Many-to-many without @JoinTable", "A `@ManyToMany` where neither side has `@JoinTable`.", "TypeORM creates no junction table and raises no error: the relation silently stores nothing.", "@ManyToMany(() => Tag)\ntags: Tag[];", "Add `@JoinTable()` to the side that owns the relation."),
    doc!("T006", "One-to-one without @JoinColumn", "A `@OneToOne` where neither side has `@JoinColumn`.", "TypeORM creates no foreign key and raises no error.", "@OneToOne(() => Profile)\nprofile: Profile;", "Add `@JoinColumn()` to the side whose table should hold the key."),
    doc!("T007", "Key declared on both sides", "`@JoinColumn` (one-to-one) or `@JoinTable` (many-to-many) on both sides of one relation.", "TypeORM then builds two keys or two junction tables for what is meant as one relation.", "@OneToOne(() => User, (u) => u.profile)\n@JoinColumn()\nuser: User;", "Keep the decorator on one side only."),
    doc!("T008", "Eager on both sides", "`eager: true` on both sides of a relation.", "TypeORM refuses it when the data source starts: loading one side would load the other without end.", "@OneToOne(() => Profile, (p) => p.user, { eager: true })", "Make one side eager at most."),
    doc!("T009", "Cascade remove on both sides", "`cascade: true` (or a cascade list with \"remove\") on both sides of a relation.", "TypeORM refuses it: a removal could cascade back and forth.", "@ManyToOne(() => User, (u) => u.posts, { cascade: true })", "Cascade removals from one side only."),
    doc!("T010", "Column type unknown", "A column whose `type` relplay does not know, or whose TypeScript type says nothing TypeORM can map (an interface, `any`).", "relplay keeps the column, but the other languages cannot say what it holds.", "@Column()\nsettings: Settings;", "Give the column a `type` (`@Column(\"jsonb\")`)."),
    doc!("T013", "Not read yet", "ORM features relplay does not model yet: many-to-many relations over composite keys, table inheritance (`@ChildEntity`), view and tree entities.", "The ORM builds tables or columns for them that relplay's schema then lacks; it says so rather than leave them out silently.", "@ChildEntity()\nexport class Photo extends Content {}", "Nothing to fix in the code; the rest of the schema is read as usual."),
    doc!("T014", "hasOne without a unique key", "A Sequelize `hasOne` whose foreign key is not unique.", "Sequelize adds no unique constraint for `hasOne`: the database holds a one-to-many, and a second row for the same parent goes in without complaint.", "User.hasOne(Profile);", "Make the key unique: `User.hasOne(Profile, { foreignKey: { name: \"UserId\", unique: true } })`, or declare the attribute with `unique: true`."),
    doc!("T015", "belongsToMany without through", "A Sequelize `belongsToMany` with no `through` option.", "Sequelize v6 throws when it runs (\"requires through option\"); there is no join table to build.", "Movie.belongsToMany(Actor);", "Name the join table or model: `Movie.belongsToMany(Actor, { through: \"ActorMovies\" })`."),
    doc!("T016", "Association name clash", "Two associations of one model with the same `as`, or an association named like an attribute of its model.", "Sequelize refuses both: one accessor name cannot lead to two things.", "Post.belongsTo(User, { as: \"author\" });\nPost.belongsTo(User, { as: \"author\" });", "Give each association its own `as`."),
    doc!("T017", "sequelize-typescript key missing", "A `@BelongsTo`, `@HasMany`, `@HasOne` or `@BelongsToMany` whose key is neither given nor marked with `@ForeignKey` in the class that holds it.", "sequelize-typescript throws when it builds the models; there is no column to make the key of.", "@BelongsTo(() => Team)\nteam: Team;", "Mark the key column `@ForeignKey(() => Team) @Column teamId: number`, or give it: `@BelongsTo(() => Team, \"teamId\")`."),
    doc!("T018", "Circle of required relations", "TypeORM relations with a join column and `nullable: false` that lead round to where they started (a self-relation too).", "TypeORM refuses the entities when the data source starts: it orders inserts by these keys, and a circle has no first row.", "@ManyToOne(() => User, { nullable: false })\nmanager: User;", "Make one relation of the circle nullable (its column can stay NOT NULL)."),
    doc!("T019", "Association pair with two keys", "A Sequelize `hasMany` or `hasOne` and the `belongsTo` back, between the same models, that name different keys (one given, the other Sequelize's default).", "Sequelize adds a column for each, so what was meant as one relation is two, and each side fills its own column.", "User.hasMany(Post, { foreignKey: \"authorId\" });\nPost.belongsTo(User);", "Give both associations the same `foreignKey`."),
    doc!("T011", "Entity without primary column", "An `@Entity` class with no primary column.", "TypeORM refuses such an entity (\"does not have a primary column\"); rows could not be told apart.", "@Entity()\nexport class Log {\n  @Column() message: string;\n}", "Add `@PrimaryGeneratedColumn()` or mark the key columns `@PrimaryColumn()`."),
    doc!("T012", "Unknown property", "`@Unique`, `@Index` or `referencedColumnName` naming a property the entity does not have.", "TypeORM fails when it builds its metadata; there is no column to constrain or reference.", "@Unique([\"emial\"])", "Use the property's name as declared in the class."),
    doc!("G001", "Target cannot express", "A feature of the schema that the chosen output cannot carry.", "The output would otherwise differ from the schema without saying so.", "ON DELETE SET DEFAULT for MySQL", "Read the comment in the output; change the schema or pick another target if the feature matters."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_in_the_catalog_has_a_doc() {
        let catalog = include_str!("catalog.rs");
        let mut missing = Vec::new();
        for (index, _) in catalog.match_indices('"') {
            let code = &catalog[index + 1..(index + 5).min(catalog.len())];
            let is_code =
                code.len() == 4 && matches!(code.as_bytes()[0], b'P' | b'N' | b'R' | b'G') && code[1..].bytes().all(|b| b.is_ascii_digit());
            if is_code && catalog[index + 5..].starts_with('"') && rule_doc(code).is_none() {
                missing.push(code.to_string());
            }
        }
        assert!(missing.is_empty(), "codes without docs: {missing:?}");
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = RULE_DOCS.iter().map(|d| d.code).collect();
        codes.sort();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len());
    }
}
