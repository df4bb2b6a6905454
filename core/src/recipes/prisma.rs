//! Prisma Client's recipes: `include`, nested `create`, `connect`/`disconnect`, relation filters
//! (`is`, `some`), `_count`, and `delete` with the schema's referential actions — on the schema
//! as the Prisma writer writes it (its names, and join models where a join table is not
//! Prisma's implicit one).

use super::javascript_module::{literal, object};
use super::scenario::{self, Filler, Record, RemoveEffect, Scenario, Shape};
use super::{a, Expected, Recipe, Recipes, RelationRecipes};
use crate::generate::javascript::variable_name;
use crate::generate::relation_ends::RelationEnds;
use crate::generate::Target;
use crate::ir::{lower_camel, Entity, Provider, Schema, SchemaIndex};
use crate::languages::prisma::identifier;

pub(super) fn recipes(original: &Schema, target: Target) -> Recipes {
    let named = crate::generate::prisma_names::with_prisma_names(original);
    let (schema, origin) = crate::generate::explicit_join_models::with_explicit_join_models(&named);
    let note = (schema.provider == Some(Provider::Mongodb))
        .then(|| "MongoDB's many-to-many relations through lists of ids are used as Prisma's others are (`connect`, `include`); they have no recipes of their own here.".to_string());
    let mut recipes = client_recipes(&schema, target, ClientApi::Prisma, "import type { PrismaClient } from \"./generated/client\";\n");
    for relation in &mut recipes.relations {
        relation.relation = origin[relation.relation];
    }
    recipes.note = note;
    recipes
}

/// The Prisma-like client APIs: Prisma Client, and VibORM's client, which follows it (`include`,
/// nested `create`, `connect`, `is`/`some`), without `_count` and with its own accessor names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClientApi {
    Prisma,
    VibOrm,
}

/// The recipes of every relation of `schema` (as the target's writer writes it) in `api`.
pub(super) fn client_recipes(schema: &Schema, target: Target, api: ClientApi, preamble: &str) -> Recipes {
    let ends = crate::generate::relation_ends::relation_ends(schema);
    let index = SchemaIndex::new(schema);
    let writer = PrismaWriter { schema, index: &index, ends: &ends, api };
    let relations = scenario::plan(schema, &ends, |_| true, false).iter().map(|s| writer.relation(s)).collect();
    Recipes { target, preamble: preamble.to_string(), relations, note: None }
}

struct PrismaWriter<'s> {
    schema: &'s Schema,
    index: &'s SchemaIndex<'s>,
    ends: &'s [RelationEnds],
    api: ClientApi,
}

impl PrismaWriter<'_> {
    fn entity(&self, name: &str) -> &Entity {
        self.index.entity(name).expect("relations point at entities")
    }

    /// `prisma.user`, `client.user`: the model's delegate.
    fn delegate(&self, entity: &str) -> String {
        match self.api {
            ClientApi::Prisma => format!("prisma.{}", lower_camel(entity)),
            ClientApi::VibOrm => format!("client.{}", variable_name(&lower_camel(entity))),
        }
    }

    /// A scalar field's name in the client: the Prisma writer's identifier for it, or as it is.
    fn field(&self, name: &str) -> String {
        match self.api {
            ClientApi::Prisma => identifier(name),
            ClientApi::VibOrm => name.to_string(),
        }
    }

    /// The fields of `record` a create writes, with its links as `connect`s.
    fn data(&self, record: &Record) -> Vec<(String, String)> {
        let mut data: Vec<(String, String)> =
            record.values.iter().filter(|v| v.filler == Filler::Nobody).map(|v| (self.field(&v.field), literal(&v.sample, true))).collect();
        for link in &record.links {
            let relation = &self.schema.relations[link.relation];
            let fk = relation.foreign_key.as_ref().expect("links follow foreign keys");
            let navigation = &self.ends[link.relation].owning.navigation;
            let parent = self.entity(&fk.referenced_entity);
            let connect = self.unique_input(parent, &fk.referenced_fields, &link.parent);
            data.push((navigation.clone(), format!("{{ connect: {connect} }}")));
        }
        data
    }

    /// A unique input naming `var`'s record of `entity` by `fields` (a key or a unique):
    /// `{ id: user.id }`, `{ organisationId_code: { organisationId: team.organisationId, … } }`.
    fn unique_input(&self, entity: &Entity, fields: &[String], var: &str) -> String {
        let pairs: Vec<(String, String)> = fields.iter().map(|f| (self.field(f), format!("{var}.{}", self.field(f)))).collect();
        if fields.len() == 1 {
            return object(&pairs);
        }
        let same = |set: &[String]| set.len() == fields.len() && fields.iter().all(|f| set.contains(f));
        let found = entity
            .primary_key
            .as_ref()
            .filter(|pk| same(&pk.fields))
            .map(|pk| (pk.client_name.clone(), pk.fields.clone()))
            .or_else(|| entity.uniques.iter().find(|u| same(&u.fields)).map(|u| (u.client_name.clone(), u.fields.clone())));
        let (name, ordered) = found.unwrap_or((None, fields.to_vec()));
        let name = name.unwrap_or_else(|| ordered.iter().map(|f| self.field(f)).collect::<Vec<_>>().join("_"));
        let pairs: Vec<(String, String)> = ordered.iter().map(|f| (self.field(f), format!("{var}.{}", self.field(f)))).collect();
        object(&[(name, object(&pairs))])
    }

    /// The unique input of a record by its primary key (or first unique).
    fn where_record(&self, record: &Record) -> String {
        let entity = self.entity(&record.entity);
        let fields = scenario::identifying_fields(entity);
        self.unique_input(entity, &fields, &record.var)
    }

    /// `{ a: post.a, b: post.b }`: a record's key fields as a plain filter.
    fn key_filter(&self, record: &Record) -> String {
        let entity = self.entity(&record.entity);
        let fields = scenario::identifying_fields(entity);
        object(&fields.iter().map(|f| (self.field(f), format!("{}.{}", record.var, self.field(f)))).collect::<Vec<_>>())
    }

    /// `const user = await prisma.user.create({ data: … });`
    fn create(&self, record: &Record, extra: Option<(String, String)>, include: Option<&str>) -> String {
        let mut data = self.data(record);
        data.extend(extra);
        let include = include.map_or(String::new(), |n| format!("\n  include: {{ {n}: true }},"));
        format!("const {} = await {}.create({{\n  data: {},{include}\n}});", record.var, self.delegate(&record.entity), object(&data))
    }

    fn relation(&self, s: &Scenario) -> RelationRecipes {
        let setup: Vec<String> = s.setup.iter().map(|r| self.create(r, None, None)).collect();
        let recipes = match s.shape {
            Shape::Keyed { one_to_one } => self.keyed(s, one_to_one),
            Shape::Joined => self.joined(s),
        };
        let mut told = RelationRecipes::told(self.schema, s, setup, recipes);
        // `@@ignore` models are not in the client at all.
        let ignored = s.setup.iter().chain([&s.parent, &s.child]).find(|r| self.index.entity(&r.entity).is_some_and(|e| e.ignored));
        if let Some(record) = ignored {
            told.unrunnable = Some(format!("{} is `@@ignore`d, so the client has no {} to use", record.entity, record.entity));
        }
        told
    }

    fn keyed(&self, s: &Scenario, one_to_one: bool) -> Vec<Recipe> {
        let (p, c, c2) = (&s.parent, &s.child, &s.second);
        let (pn, cn) = (&s.parent_navigation, &s.child_navigation);
        let key = s.key_pairs(self.schema);
        let by_parent = object(&key.iter().map(|(f, r)| (self.field(f), format!("{}.{}", p.var, self.field(r)))).collect::<Vec<_>>());
        let count_children = format!("await {}.count({{ where: {by_parent} }})", self.delegate(&c.entity));
        let child_data = object(&self.data(c));
        let nested = if one_to_one { format!("{{ create: {child_data} }}") } else { format!("{{ create: [{child_data}] }}") };
        let mut recipes = vec![Recipe::checked(
            format!("Create {} with {} nested", a(&p.entity), a(&c.entity)),
            self.create(p, Some((pn.clone(), nested)), Some(pn)),
            count_children.clone(),
            Expected::Count(1),
        )
        .then(if one_to_one {
            format!("const {} = {}.{pn}{};", c.var, p.var, if self.api == ClientApi::Prisma { "!" } else { "" })
        } else {
            format!("const [{}] = {}.{pn};", c.var, p.var)
        })];
        let loaded = format!("{}With{}", p.var, upper_first(pn));
        let found = if one_to_one { format!("{loaded}?.{pn} ? 1 : 0") } else { format!("{loaded}?.{pn}.length ?? 0") };
        recipes.push(Recipe::checked(
            format!("Load {} with its {pn}", a(&p.entity)),
            format!(
                "const {loaded} = await {}.findUnique({{\n  where: {},\n  include: {{ {pn}: true }},\n}});",
                self.delegate(&p.entity),
                self.where_record(p)
            ),
            found,
            Expected::Count(1),
        ));
        let back = format!("{}With{}", c.var, upper_first(cn));
        recipes.push(Recipe::checked(
            format!("Load {} with its {cn}", a(&c.entity)),
            format!(
                "const {back} = await {}.findUnique({{\n  where: {},\n  include: {{ {cn}: true }},\n}});",
                self.delegate(&c.entity),
                self.where_record(c)
            ),
            format!("{back}?.{cn} ? 1 : 0"),
            Expected::Count(1),
        ));
        if let Some((field, sample)) = &s.filter {
            let condition = object(&[(self.field(field), literal(sample, true))]);
            let operator = if one_to_one { "is" } else { "some" };
            let found = format!("{}s", p.var);
            recipes.push(
                Recipe::checked(
                    if one_to_one {
                        format!("Find the {}s whose {pn}'s {field} is {}", p.entity, sample_words(sample))
                    } else {
                        format!("Find the {}s with {} whose {field} is {}", p.entity, a(&c.entity), sample_words(sample))
                    },
                    format!(
                        "const {found} = await {}.findMany({{\n  where: {{ {pn}: {{ {operator}: {condition} }} }},\n}});",
                        self.delegate(&p.entity)
                    ),
                    format!("{found}.length"),
                    Expected::Count(1),
                )
                .with_note(if one_to_one {
                    "`is` filters by the related record (`isNot` excludes); `{ is: null }` finds those without one.".to_string()
                } else {
                    "`some` matches when at least one related record matches; `every` and `none` are the other two.".to_string()
                }),
            );
        }
        let connect_parent = (cn.clone(), format!("{{ connect: {} }}", self.where_record(p)));
        if one_to_one && s.optional_key && self.api == ClientApi::VibOrm {
            recipes.push(Recipe::explain(
                format!("Attach a second {} to the same {}", c.entity, p.entity),
                self.create(c2, Some(connect_parent), None),
                format!(
                    "{} has at most one {pn} (the unique key on {}.{}). VibORM's documentation does not say whether `connect` moves it (as Prisma Client does, setting the first one's key to NULL) or the database refuses it.",
                    a(&p.entity),
                    c.entity,
                    key.iter().map(|(f, _)| self.field(f)).collect::<Vec<_>>().join(", ")
                ),
            ));
        } else if one_to_one && s.optional_key {
            // Prisma Client moves a one-to-one whose key may be NULL: the first child lets go.
            let let_go = format!(
                "await {}.count({{ where: {{ {}, {} }} }})",
                self.delegate(&c.entity),
                self.key_filter(c).trim_start_matches("{ ").trim_end_matches(" }"),
                key.iter().map(|(f, _)| format!("{}: null", self.field(f))).collect::<Vec<_>>().join(", ")
            );
            recipes.push(
                Recipe::checked(
                    format!("Attach a second {} to the same {}", c.entity, p.entity),
                    self.create(c2, Some(connect_parent), None),
                    let_go,
                    Expected::Count(1),
                )
                .with_note(format!(
                    "{} has at most one {pn} (the unique key on {}.{}), so Prisma Client moves it: the first {}'s key is set to NULL before the new one takes the {}.",
                    a(&p.entity),
                    c.entity,
                    key.iter().map(|(f, _)| self.field(f)).collect::<Vec<_>>().join(", "),
                    c.entity,
                    p.entity
                )),
            );
        } else if one_to_one {
            recipes.push(
                Recipe::checked(
                    format!("Attach a second {} to the same {}", c.entity, p.entity),
                    self.create(c2, Some(connect_parent), None),
                    "0",
                    Expected::Refused,
                )
                .with_note(format!(
                    "Refused: {} has at most one {pn} (the unique key on {}.{}), and Prisma Client cannot let go of the first, whose key cannot be NULL. Delete the first one, or point it elsewhere, first.",
                    a(&p.entity),
                    c.entity,
                    key.iter().map(|(f, _)| self.field(f)).collect::<Vec<_>>().join(", "),
                )),
            );
        } else if s.optional_key {
            recipes.push(
                Recipe::checked(
                    format!("Connect an existing {} to {}", c.entity, a(&p.entity)),
                    format!(
                        "{}\nawait {}.update({{\n  where: {},\n  data: {{ {pn}: {{ connect: {} }} }},\n}});",
                        self.create(c2, None, None),
                        self.delegate(&p.entity),
                        self.where_record(p),
                        self.where_record(c2)
                    ),
                    count_children.clone(),
                    s.second_child(),
                )
                .with_note(format!("`connect` sets the {}'s key to the {}'s; `disconnect` sets it back to NULL.", c.entity, p.entity)),
            );
        } else {
            recipes.push(
                Recipe::checked(
                    format!("Create {} for an existing {}", a(&c.entity), p.entity),
                    self.create(c2, Some(connect_parent), None),
                    count_children.clone(),
                    s.second_child(),
                )
                .with_note(format!("The key is required, so {} is made already connected.", a(&c.entity))),
            );
        }
        let children: usize = s.children() as usize;
        if one_to_one || self.api == ClientApi::VibOrm {
            recipes.push(Recipe::checked(
                format!("Count the {pn} of {}", a(&p.entity)),
                format!("const {}Count = {count_children};", c.var),
                format!("{}Count", c.var),
                Expected::Count(children as u32),
            ));
        } else {
            let counted = format!("{}Counts", p.var);
            recipes.push(Recipe::checked(
                format!("Count the {pn} of {}", a(&p.entity)),
                format!(
                    "const {counted} = await {}.findUnique({{\n  where: {},\n  select: {{ _count: {{ select: {{ {pn}: true }} }} }},\n}});",
                    self.delegate(&p.entity),
                    self.where_record(p)
                ),
                format!("{counted}?._count.{pn} ?? 0"),
                Expected::Count(s.children()),
            ));
        }
        let ours: Vec<String> = [c, c2].iter().take(children).map(|r| self.key_filter(r)).collect();
        let ours = format!("OR: [{}]", ours.join(", "));
        let nulls = key.iter().map(|(f, _)| format!("{}: null", self.field(f))).collect::<Vec<_>>().join(", ");
        let delete = format!("await {}.delete({{ where: {} }});", self.delegate(&p.entity), self.where_record(p));
        recipes.push(self.remove(s, delete, &ours, &nulls, children));
        recipes
    }

    fn remove(&self, s: &Scenario, delete: String, ours: &str, nulls: &str, children: usize) -> Recipe {
        let (p, c) = (&s.parent, &s.child);
        let pn = &s.parent_navigation;
        let title = format!("Delete {}", a(&p.entity));
        let count = |extra: &str| format!("await {}.count({{ where: {{ {ours}{extra} }} }})", self.delegate(&c.entity));
        let n = children as u32;
        match s.remove {
            RemoveEffect::Cascade => Recipe::checked(title, delete, count(""), Expected::Count(0))
                .with_note(format!("ON DELETE CASCADE: its {pn} are deleted with it.")),
            RemoveEffect::SetNull => {
                Recipe::checked(title, delete, count(&format!(", {nulls}")), Expected::Count(n)).with_note(if n == 1 {
                    format!("ON DELETE SET NULL: its {pn} stays, its key set to NULL.")
                } else {
                    format!("ON DELETE SET NULL: its {pn} stay, their key set to NULL.")
                })
            }
            RemoveEffect::Refused => Recipe::checked(title, delete, "0", Expected::Refused).with_note(format!(
                "Refused while {} points at it ({}): delete or move its {pn} first, or make the relation `onDelete: Cascade`.",
                a(&c.entity),
                action_words(self.schema, s)
            )),
            RemoveEffect::SetDefault | RemoveEffect::Kept => Recipe::explain(
                title,
                delete,
                "ON DELETE SET DEFAULT: its children's key is set to the column default, which must name an existing row.",
            ),
        }
    }

    fn joined(&self, s: &Scenario) -> Vec<Recipe> {
        let (one, other, other2) = (&s.parent, &s.child, &s.second);
        let (an, bn) = (&s.parent_navigation, &s.child_navigation);
        // How many records `record` is linked to through `navigation` (whose other end is `back`).
        let count_of = |record: &Record, navigation: &str, back: &str| {
            match self.api {
            ClientApi::Prisma => format!(
                "(await {}.findUnique({{ where: {}, select: {{ _count: {{ select: {{ {navigation}: true }} }} }} }}))?._count.{navigation} ?? 0",
                self.delegate(&record.entity),
                self.where_record(record)
            ),
            ClientApi::VibOrm => {
                let target = if record.var == one.var { &other.entity } else { &one.entity };
                format!("await {}.count({{ where: {{ {back}: {{ some: {} }} }} }})", self.delegate(target), self.key_filter(record))
            }
        }
        };
        let count_a = count_of(one, an, bn);
        let mut recipes = vec![Recipe::checked(
            format!("Create {} with {} nested", a(&one.entity), a(&other.entity)),
            self.create(one, Some((an.clone(), format!("{{ create: [{}] }}", object(&self.data(other))))), Some(an)),
            count_a.clone(),
            Expected::Count(1),
        )
        .then(format!("const [{}] = {}.{an};", other.var, one.var))
        .with_note("The join table's row is written with the two records.")];
        for (record, navigation) in [(one, an), (other, bn)] {
            let loaded = format!("{}With{}", record.var, upper_first(navigation));
            recipes.push(Recipe::checked(
                format!("Load {} with its {navigation}", a(&record.entity)),
                format!(
                    "const {loaded} = await {}.findUnique({{\n  where: {},\n  include: {{ {navigation}: true }},\n}});",
                    self.delegate(&record.entity),
                    self.where_record(record)
                ),
                format!("{loaded}?.{navigation}.length ?? 0"),
                Expected::Count(1),
            ));
        }
        if let Some((field, sample)) = &s.filter {
            let found = format!("{}s", one.var);
            recipes.push(Recipe::checked(
                format!("Find the {}s with {} whose {field} is {}", one.entity, a(&other.entity), sample_words(sample)),
                format!(
                    "const {found} = await {}.findMany({{\n  where: {{ {an}: {{ some: {} }} }},\n}});",
                    self.delegate(&one.entity),
                    object(&[(self.field(field), literal(sample, true))])
                ),
                format!("{found}.length"),
                Expected::Count(1),
            ));
        }
        let update = |operation: &str| {
            format!(
                "await {}.update({{\n  where: {},\n  data: {{ {an}: {{ {operation}: {} }} }},\n}});",
                self.delegate(&one.entity),
                self.where_record(one),
                self.where_record(other2)
            )
        };
        recipes.push(Recipe::checked(
            format!("Add an existing {} to {}", other.entity, a(&one.entity)),
            format!("{}\n{}", self.create(other2, None, None), update("connect")),
            count_a.clone(),
            Expected::Count(2),
        ));
        let (count_code, count_check) = match self.api {
            ClientApi::Prisma => (
                format!(
                    "const {0}Counts = await {1}.findUnique({{\n  where: {2},\n  select: {{ _count: {{ select: {{ {an}: true }} }} }},\n}});",
                    one.var,
                    self.delegate(&one.entity),
                    self.where_record(one)
                ),
                format!("{}Counts?._count.{an} ?? 0", one.var),
            ),
            ClientApi::VibOrm => (format!("const {}Count = {count_a};", other.var), format!("{}Count", other.var)),
        };
        recipes.push(Recipe::checked(format!("Count the {an} of {}", a(&one.entity)), count_code, count_check, Expected::Count(2)));
        recipes.push(
            Recipe::checked(
                format!("Remove {} from {}", a(&other.entity), a(&one.entity)),
                update("disconnect"),
                count_a,
                Expected::Count(1),
            )
            .with_note(format!("`disconnect` deletes the join table's row; the {} itself stays.", other.entity)),
        );
        recipes.push(
            Recipe::checked(
                format!("Delete {}", a(&one.entity)),
                format!("await {}.delete({{ where: {} }});", self.delegate(&one.entity), self.where_record(one)),
                count_of(other, bn, an),
                Expected::Count(0),
            )
            .with_note(format!("Its rows in the join table go with it (ON DELETE CASCADE); the {}s stay.", other.entity)),
        );
        recipes
    }
}

/// `"bio-2"`, `7`: a sample as a heading shows it.
pub(super) fn sample_words(sample: &scenario::Sample) -> String {
    let text = literal(sample, true);
    if text.len() > 40 {
        "the sample value".to_string()
    } else {
        text
    }
}

pub(super) fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default() + chars.as_str()
}

/// "ON DELETE RESTRICT", "SET NULL on a key that cannot be NULL": why a delete is refused.
pub(super) fn action_words(schema: &Schema, s: &Scenario) -> String {
    let action = schema.relations[s.relation].on_delete;
    match action {
        crate::ir::ReferentialAction::SetNull => "ON DELETE SET NULL on a key that cannot be NULL".to_string(),
        other => format!("ON DELETE {}", other.sql()),
    }
}
