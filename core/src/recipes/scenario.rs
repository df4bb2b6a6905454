//! The story every target's recipes tell about one relation, decided once and told by each
//! target in its own words: which records are made (with the sample values of their fields and
//! the parents other relations require), which tasks follow in which order, and what each task
//! must find when it runs — a count of related records, or the database refusing it.
//!
//! Terms: in a one-to-one or one-to-many relation the *parent* is the referenced record and the
//! *child* holds the foreign key; in a many-to-many the parent is the first side as the target
//! writes it and the child the other. Every sample value is distinct within one set of recipes,
//! so a filter on a value finds exactly the record it was made for.

use super::Expected;
use crate::generate::relation_ends::RelationEnds;
use crate::ir::{DefaultValue, Entity, Field, FieldType, ReferentialAction, Relation, RelationKind, Schema, SchemaIndex};
use crate::languages::sequelize::inflection::singularize;

/// A value a recipe writes into a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Sample {
    Text(String),
    Integer(i64),
    /// A decimal or float, as written (`2.5`).
    Number(String),
    Boolean(bool),
    /// An ISO date and time in UTC (`2024-01-02T00:00:00.000Z`).
    DateTime(String),
    /// A JSON object `{"n": N}`.
    Json(i64),
    /// One byte.
    Bytes(u8),
    /// An enum value: its name and the value the database stores.
    Enum {
        name: String,
        stored: String,
    },
    /// An empty scalar list.
    EmptyList,
}

/// Who fills a field when a recipe does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filler {
    /// Nobody: the recipe writes the value.
    Nobody,
    /// The database (`autoincrement()`, a SQL default expression): ORM code leaves it out; SQL
    /// recipes write the sample so that later statements can name the row.
    Database,
    /// Prisma Client (`uuid()`, `cuid()`, `nanoid()`): Prisma code leaves it out, other code
    /// writes the sample.
    PrismaClient,
}

/// One field of a record and the value it gets.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub field: String,
    pub sample: Sample,
    pub filler: Filler,
}

/// A record the recipes make.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The variable (or SQL alias base) that holds it: `user`, `post2`.
    pub var: String,
    pub entity: String,
    /// Its own fields' values: required fields, key fields and the filter field; never a
    /// foreign key field, which [`Record::links`] sets.
    pub values: Vec<Value>,
    /// Parents this record points at through relations other than the one of the recipes.
    pub links: Vec<Link>,
}

/// A record's foreign key set to an earlier record.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The relation (index into the schema's relations) whose foreign key is set.
    pub relation: usize,
    /// The parent record's variable.
    pub parent: String,
}

/// The shape of the relation the recipes are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A foreign key on the child: one-to-one when `one_to_one`.
    Keyed { one_to_one: bool },
    /// A join table between parent and child records.
    Joined,
}

/// What deleting the parent does to the child, as the recipes expect to see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoveEffect {
    /// The children go too (`ON DELETE CASCADE`); a join table's rows go.
    Cascade,
    /// The children stay, their key set to NULL.
    SetNull,
    /// The database refuses while a child points at the parent.
    Refused,
    /// The key is set to its default, which no recipe can check in general.
    SetDefault,
    /// No constraint in the database (`relationMode = "prisma"` read by a target other than
    /// Prisma): the parent goes and the children keep pointing at it.
    Kept,
}

/// The whole story for one relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub relation: usize,
    pub shape: Shape,
    /// Records the parent and the children need before them (their other parents), in order.
    pub setup: Vec<Record>,
    pub parent: Record,
    pub child: Record,
    /// A second child: connected later (one-to-many, many-to-many) or refused (one-to-one).
    pub second: Record,
    /// The navigation from the parent to the children and back, as the target's code names them.
    pub parent_navigation: String,
    pub child_navigation: String,
    /// Whether the child's foreign key may be NULL.
    pub optional_key: bool,
    /// Whether the child's key is unique though the relation is written as one-to-many (a list
    /// on the parent's side): the database then holds one child per parent, as for a one-to-one.
    pub unique_key: bool,
    /// The child's field (and the value it gets) that the filter recipes use, if it has one.
    pub filter: Option<(String, Sample)>,
    pub remove: RemoveEffect,
    /// Why the recipes cannot run as they stand (a required column no sample fits, a cycle of
    /// required parents); they are shown all the same.
    pub unrunnable: Option<String>,
}

impl Scenario {
    /// How many children a parent ends with: two for a one-to-many (the second connected), one
    /// where the database allows one.
    pub fn children(&self) -> u32 {
        match self.shape {
            Shape::Keyed { one_to_one } if one_to_one || self.unique_key => 1,
            _ => 2,
        }
    }

    /// What connecting a second child to the parent of a one-to-many must find.
    pub fn second_child(&self) -> Expected {
        if self.unique_key {
            Expected::Refused
        } else {
            Expected::Count(2)
        }
    }

    /// The child's foreign key fields paired with the parent's referenced fields.
    pub fn key_pairs<'s>(&self, schema: &'s Schema) -> Vec<(&'s str, &'s str)> {
        schema.relations[self.relation]
            .foreign_key
            .as_ref()
            .map(|fk| fk.fields.iter().zip(&fk.referenced_fields).map(|(a, b)| (a.as_str(), b.as_str())).collect())
            .unwrap_or_default()
    }
}

/// Plans the recipes of every relation of `schema`; `parent_is_owning(relation index)` says, for a
/// many-to-many, whether the recipes start from its owning side (the side the target defines the
/// relation on: TypeORM's `@JoinTable`, Sequelize's `belongsToMany` it writes).
pub fn plan(schema: &Schema, ends: &[RelationEnds], parent_is_owning: impl Fn(usize) -> bool, relation_mode_kept: bool) -> Vec<Scenario> {
    let index = SchemaIndex::new(schema);
    let mut planner = Planner { schema, index: &index, counter: 0, vars: Vec::new() };
    let mut scenarios = Vec::new();
    for (number, relation) in schema.relations.iter().enumerate() {
        if relation.id_lists.is_some() {
            continue;
        }
        planner.vars.clear();
        planner.vars.extend(RESERVED.iter().map(|name| name.to_string()));
        // A record named like a model would hide the model's class or variable.
        planner.vars.extend(schema.entities.iter().map(|e| crate::generate::javascript::variable_name(&e.name)));
        scenarios.push(planner.scenario(number, relation, &ends[number], parent_is_owning(number), relation_mode_kept));
    }
    scenarios
}

/// One scenario's walk up the required parents of its records: the parents planned so far (to
/// create first), why the recipes cannot run if the walk found a reason, and the entities on the
/// path being walked (a cycle, and the depth, are read from it).
#[derive(Default)]
struct ParentWalk {
    setup: Vec<Record>,
    unrunnable: Option<String>,
    chain: Vec<String>,
}

struct Planner<'s> {
    schema: &'s Schema,
    index: &'s SchemaIndex<'s>,
    /// Makes every sample distinct.
    counter: i64,
    /// Variables taken in the scenario being planned.
    vars: Vec<String>,
}

/// Names the runnable modules and the recipes' surroundings use, which no record may take.
const RESERVED: &[&str] =
    &["report", "refused", "expected", "prisma", "client", "dataSource", "sequelize", "runRecipes", "entities", "models"];

/// How deep the chain of required parents may go before the recipes give up on it.
const PARENT_DEPTH: usize = 4;

impl<'s> Planner<'s> {
    fn scenario(
        &mut self,
        number: usize,
        relation: &Relation,
        ends: &RelationEnds,
        parent_is_owning: bool,
        relation_mode_kept: bool,
    ) -> Scenario {
        let (shape, parent_end, child_end) = match relation.kind {
            RelationKind::ManyToMany if parent_is_owning => (Shape::Joined, &ends.owning, &ends.inverse),
            RelationKind::ManyToMany => (Shape::Joined, &ends.inverse, &ends.owning),
            kind => (Shape::Keyed { one_to_one: kind == RelationKind::OneToOne }, &ends.inverse, &ends.owning),
        };
        // The parent's variable is named after the child's navigation to it (`author`), the
        // child's after the parent's navigation to the children (`posts` → `post`).
        let parent_var = self.take_var(&singular(&child_end.navigation));
        let child_var = self.take_var(&singular(&parent_end.navigation));
        let second_var = self.take_var(&format!("{child_var}2"));
        let except = (shape != Shape::Joined).then_some(number);
        let mut walk = ParentWalk::default();
        let parent = self.record(&parent_end.entity, parent_var, None, &mut walk);
        let child = self.record(&child_end.entity, child_var, except, &mut walk);
        let second = self.record(&child_end.entity, second_var, except, &mut walk);
        let ParentWalk { setup, unrunnable, .. } = walk;
        let filter = self.filter_field(&child_end.entity);
        let mut child = child;
        let mut second = second;
        if let Some((field, _)) = &filter {
            for record in [&mut child, &mut second] {
                if !record.values.iter().any(|v| &v.field == field) {
                    let entity = self.index.entity(&record.entity).expect("relations point at entities");
                    let sample = self.sample(entity, entity.field(field).expect("the filter field exists"));
                    record.values.push(Value { field: field.clone(), sample, filler: Filler::Nobody });
                }
            }
        }
        let filter = filter.map(|(field, _)| {
            let sample = child.values.iter().find(|v| v.field == field).map(|v| v.sample.clone()).expect("set above");
            (field, sample)
        });
        // The key may be left NULL only when every column of it may (a composite key can mix).
        let optional_key = relation.foreign_key.as_ref().is_some_and(|fk| {
            let child = self.index.entity(&fk.entity);
            fk.fields.iter().all(|f| child.and_then(|c| c.field(f)).is_none_or(|f| f.nullable))
        });
        let remove = if relation_mode_kept {
            RemoveEffect::Kept
        } else if shape == Shape::Joined {
            RemoveEffect::Cascade
        } else {
            match relation.on_delete {
                ReferentialAction::Cascade => RemoveEffect::Cascade,
                ReferentialAction::SetNull if optional_key && all_keys_nullable(self.schema, relation) => RemoveEffect::SetNull,
                ReferentialAction::SetNull | ReferentialAction::Restrict | ReferentialAction::NoAction => RemoveEffect::Refused,
                ReferentialAction::SetDefault => RemoveEffect::SetDefault,
            }
        };
        let unique_key = relation.kind == RelationKind::OneToMany
            && relation
                .foreign_key
                .as_ref()
                .is_some_and(|fk| self.index.entity(&fk.entity).is_some_and(|e| e.is_unique_criterion(&fk.fields)));
        Scenario {
            unique_key,
            relation: number,
            shape,
            setup,
            parent,
            child,
            second,
            parent_navigation: parent_end.navigation.clone(),
            child_navigation: child_end.navigation.clone(),
            optional_key,
            filter,
            remove,
            unrunnable,
        }
    }

    fn take_var(&mut self, base: &str) -> String {
        let base = crate::generate::javascript::variable_name(base);
        let name = crate::ir::free_name(base, |n| self.vars.iter().any(|v| v == n));
        self.vars.push(name.clone());
        name
    }

    /// A record of `entity` with every value it needs, its other required parents planned into
    /// the walk's setup first. `except`: the relation whose key the recipe itself sets.
    fn record(&mut self, entity_name: &str, var: String, except: Option<usize>, walk: &mut ParentWalk) -> Record {
        let Some(entity) = self.index.entity(entity_name) else {
            return Record { var, entity: entity_name.to_string(), values: Vec::new(), links: Vec::new() };
        };
        let depth = walk.chain.len();
        walk.chain.push(entity.name.clone());
        let key_fields = self.key_fields(entity);
        let mut links = Vec::new();
        for &relation_index in self.index.owned_by(&entity.name) {
            let relation = &self.schema.relations[relation_index];
            let Some(fk) = &relation.foreign_key else { continue };
            // A parent is needed when any column of the key cannot be NULL (a composite key may
            // mix NULL and NOT NULL columns).
            if Some(relation_index) == except || fk.fields.iter().all(|f| entity.field(f).is_none_or(|f| f.nullable)) {
                continue;
            }
            // Two keys over one column (`workspaceId` in a key to the workspace and in a key to
            // one of its workflows) would need parents that agree on it, which the plan does not
            // make: such recipes are shown, not run.
            if except.is_some_and(|e| self.shares_columns(e, relation_index))
                || links.iter().any(|l: &Link| self.shares_columns(l.relation, relation_index))
            {
                walk.unrunnable.get_or_insert_with(|| {
                    format!("a {}'s keys share columns, and the recipes do not make parents that agree on them", entity.name)
                });
                continue;
            }
            if depth >= PARENT_DEPTH || walk.chain.contains(&fk.referenced_entity) {
                walk.unrunnable.get_or_insert_with(|| {
                    format!(
                        "a {} needs a {} first, through a chain of required keys that comes back on itself",
                        entity.name, fk.referenced_entity
                    )
                });
                continue;
            }
            let parent_var = self.take_var(&crate::ir::lower_camel(&fk.referenced_entity));
            let parent = self.record(&fk.referenced_entity, parent_var, None, walk);
            links.push(Link { relation: relation_index, parent: parent.var.clone() });
            walk.setup.push(parent);
        }
        walk.chain.pop();
        let mut values = Vec::new();
        for field in &entity.fields {
            if key_fields.contains(&field.name.as_str()) {
                continue;
            }
            // Key and unique fields get a sample of their own even where a default would fill
            // them (two records would share the default); so does `@updatedAt`, which only
            // Prisma Client fills.
            let is_key = entity.primary_key.as_ref().is_some_and(|pk| pk.fields.contains(&field.name))
                || entity.uniques.iter().any(|u| u.fields.contains(&field.name))
                || self.is_referenced(entity, &field.name)
                || field.updated_at;
            let filler = match &field.default {
                Some(DefaultValue::Autoincrement | DefaultValue::DbGenerated(_) | DefaultValue::Auto) => Filler::Database,
                Some(DefaultValue::Uuid(_) | DefaultValue::Cuid(_) | DefaultValue::Nanoid(_)) => Filler::PrismaClient,
                // A list's default is the database's alone (TypeORM and Sequelize write none), so
                // the recipes give the list.
                Some(DefaultValue::List(_)) => Filler::Nobody,
                Some(_) if !is_key => continue,
                Some(_) => Filler::Nobody,
                None if field.nullable && !is_key => continue,
                None => Filler::Nobody,
            };
            if let FieldType::Unsupported(type_name) = &field.field_type {
                if filler == Filler::Nobody {
                    walk.unrunnable.get_or_insert_with(|| {
                        format!("`{}.{}` is a required `{type_name}`, which no recipe can fill", entity.name, field.name)
                    });
                }
                continue;
            }
            let sample = self.sample(entity, field);
            values.push(Value { field: field.name.clone(), sample, filler });
        }
        Record { var, entity: entity.name.clone(), values, links }
    }

    /// The foreign key fields of `entity`: links set the required ones and the recipe its own,
    /// the others stay NULL, so its own values leave them all out.
    fn key_fields(&self, entity: &'s Entity) -> Vec<&'s str> {
        let mut fields = Vec::new();
        for &relation_index in self.index.owned_by(&entity.name) {
            let Some(fk) = &self.schema.relations[relation_index].foreign_key else { continue };
            fields.extend(fk.fields.iter().map(String::as_str));
        }
        fields
    }

    /// Whether another relation's key references `field` of `entity`: its value names the row.
    fn is_referenced(&self, entity: &Entity, field: &str) -> bool {
        self.index.relations_of(&entity.name).iter().any(|&i| {
            self.schema.relations[i]
                .foreign_key
                .as_ref()
                .is_some_and(|fk| fk.referenced_entity == entity.name && fk.referenced_fields.iter().any(|f| f == field))
        })
    }

    fn shares_columns(&self, a: usize, b: usize) -> bool {
        let fields = |i: usize| self.schema.relations[i].foreign_key.as_ref().map(|fk| fk.fields.clone()).unwrap_or_default();
        let (a, b) = (fields(a), fields(b));
        a.iter().any(|f| b.contains(f))
    }

    /// The child's field a filter recipe can use: a text field, else a number, that is neither
    /// key nor foreign key.
    fn filter_field(&mut self, entity_name: &str) -> Option<(String, ())> {
        let entity = self.index.entity(entity_name)?;
        let keys: Vec<&str> = self
            .index
            .owned_by(entity_name)
            .iter()
            .filter_map(|&i| self.schema.relations[i].foreign_key.as_ref())
            .flat_map(|fk| fk.fields.iter().map(String::as_str))
            .chain(entity.primary_key.iter().flat_map(|pk| pk.fields.iter().map(String::as_str)))
            .collect();
        let usable = |f: &&Field| !f.list && !keys.contains(&f.name.as_str()) && f.default.is_none();
        let text = entity.fields.iter().filter(usable).find(|f| f.field_type == FieldType::String);
        let number = || entity.fields.iter().filter(usable).find(|f| f.field_type == FieldType::Int);
        text.or_else(number).map(|f| (f.name.clone(), ()))
    }

    fn sample(&mut self, entity: &Entity, field: &Field) -> Sample {
        self.counter += 1;
        let n = self.counter;
        if field.list {
            return Sample::EmptyList;
        }
        let uuid = field.native_type.as_ref().is_some_and(|t| t.name.eq_ignore_ascii_case("uuid"))
            || matches!(field.default, Some(DefaultValue::Uuid(_)))
            || matches!(&field.default, Some(DefaultValue::DbGenerated(sql)) if sql.contains("uuid"));
        match &field.field_type {
            FieldType::String if uuid => Sample::Text(format!("00000000-0000-4000-8000-{n:012}")),
            FieldType::String => {
                // A short value: a column may be a VARCHAR of a few characters.
                let limit = field
                    .native_type
                    .as_ref()
                    .and_then(|t| t.arguments.first())
                    .and_then(|a| a.parse::<usize>().ok())
                    .unwrap_or(usize::MAX);
                let text = format!("{}-{n}", field.name);
                Sample::Text(if text.len() <= limit { text } else { n.to_string().chars().rev().take(limit.max(1)).collect() })
            }
            FieldType::Int | FieldType::BigInt => Sample::Integer(n),
            FieldType::Float | FieldType::Decimal => Sample::Number(format!("{n}.5")),
            FieldType::Boolean => Sample::Boolean(true),
            FieldType::DateTime => Sample::DateTime(format!("2024-01-{:02}T00:00:00.000Z", n % 28 + 1)),
            FieldType::Json => Sample::Json(n),
            FieldType::Bytes => Sample::Bytes((n % 256) as u8),
            FieldType::Enum(name) => {
                // Rotating through the values keeps records apart under a unique that holds an enum.
                let value =
                    self.schema.enums.iter().find(|e| &e.name == name).and_then(|e| e.values.get(n as usize % e.values.len().max(1)));
                match value {
                    Some(value) => Sample::Enum { name: value.name.clone(), stored: value.database_name.clone() },
                    None => Sample::Text(format!("{}-{n}", entity.name)),
                }
            }
            FieldType::Unsupported(_) => Sample::Text(String::new()),
        }
    }
}

/// The fields a recipe names a record of `entity` by: its primary key, else its first unique.
pub fn identifying_fields(entity: &Entity) -> Vec<String> {
    entity.primary_key.as_ref().map(|pk| pk.fields.clone()).or_else(|| entity.uniques.first().map(|u| u.fields.clone())).unwrap_or_default()
}

fn all_keys_nullable(schema: &Schema, relation: &Relation) -> bool {
    let Some(fk) = &relation.foreign_key else { return false };
    let Some(entity) = schema.entity(&fk.entity) else { return false };
    fk.fields.iter().all(|f| entity.field(f).is_some_and(|f| f.nullable))
}

/// A record's variable named after a navigation: `posts` → `post`, `profile` → `profile`.
fn singular(navigation: &str) -> String {
    let singular = singularize(navigation);
    if singular.is_empty() {
        navigation.to_string()
    } else {
        singular
    }
}
