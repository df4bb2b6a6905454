//! Sequelize v6's recipes: `include` with `as`, creating with `include`, the association mixins
//! (`getX`, `setX`, `addX`, `removeX`, `createX`, `countX`), `where` inside an `include`, and
//! `destroy()` with the schema's referential actions — with the models, attributes and aliases
//! relplay's Sequelize module defines. A relation Sequelize has no association for (a composite
//! key, a side the code does not define) is used through its key attributes, and the recipes say
//! what the missing association would give.

use super::javascript_module::{literal, object};
use super::prisma::upper_first;
use super::scenario::{self, Filler, Record, RemoveEffect, Scenario, Shape};
use super::{a, Expected, Recipe, Recipes, RelationRecipes};
use crate::generate::javascript::{is_identifier, member_access, string_literal, variable_name};
use crate::generate::relation_ends::RelationEnds;
use crate::generate::sequelize::attribute_name;
use crate::generate::Target;
use crate::ir::{Entity, Schema, SchemaIndex};
use crate::languages::sequelize::inflection::singularize;
use crate::options::SequelizeOptions;

pub(super) fn recipes(schema: &Schema, options: SequelizeOptions) -> Recipes {
    let ends = crate::generate::relation_ends::relation_ends(schema);
    let index = SchemaIndex::new(schema);
    let kept = schema.relation_mode == crate::ir::RelationMode::Prisma;
    // A many-to-many starts from the side whose `belongsToMany` the module writes.
    let owning_written = |i: usize| !ends[i].owning.synthesized || ends[i].inverse.synthesized;
    let scenarios = scenario::plan(schema, &ends, owning_written, kept);
    let relations =
        scenarios.iter().map(|s| SequelizeWriter { schema, index: &index, ends: &ends[s.relation], scenario: s }.relation()).collect();
    Recipes { target: Target::Sequelize(options), preamble: String::new(), relations, note: None }
}

struct SequelizeWriter<'s> {
    schema: &'s Schema,
    index: &'s SchemaIndex<'s>,
    ends: &'s RelationEnds,
    scenario: &'s Scenario,
}

/// The accessor names of an association `as` `alias`: Sequelize's singular is the alias
/// singularized (for a to-many) or the alias itself.
fn accessor(prefix: &str, alias: &str, singular: bool) -> String {
    let name = if singular { singularize(alias) } else { alias.to_string() };
    format!("{prefix}{}", upper_first(if name.is_empty() { alias } else { &name }))
}

impl SequelizeWriter<'_> {
    fn entity(&self, name: &str) -> &Entity {
        self.index.entity(name).expect("relations point at entities")
    }

    fn model(&self, entity: &str) -> String {
        variable_name(entity)
    }

    fn attribute(&self, entity: &str, field: &str) -> String {
        attribute_name(self.entity(entity), field)
    }

    /// The attributes a create writes: the record's values and its links' key attributes.
    fn values(&self, record: &Record) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> = record
            .values
            .iter()
            .filter(|v| v.filler != Filler::Database)
            .map(|v| (self.attribute(&record.entity, &v.field), literal(&v.sample, false)))
            .collect();
        for link in &record.links {
            let fk = self.schema.relations[link.relation].foreign_key.as_ref().expect("links follow foreign keys");
            for (field, referenced) in fk.fields.iter().zip(&fk.referenced_fields) {
                let value = member_access(&link.parent, &self.attribute(&fk.referenced_entity, referenced));
                values.push((self.attribute(&record.entity, field), value));
            }
        }
        values
    }

    /// The recipe's own key attributes set to `parent`'s.
    fn key_values(&self, parent: &Record) -> Vec<(String, String)> {
        let s = self.scenario;
        s.key_pairs(self.schema)
            .iter()
            .map(|(f, r)| (self.attribute(&s.child.entity, f), member_access(&parent.var, &self.attribute(&s.parent.entity, r))))
            .collect()
    }

    fn create(&self, record: &Record, extra: Vec<(String, String)>) -> String {
        let mut values = self.values(record);
        values.extend(extra);
        format!("const {} = await {}.create({});", record.var, self.model(&record.entity), object(&values))
    }

    /// `User.findByPk(user.id, options)`, or `findOne` by the key's attributes for a composite key.
    fn find(&self, record: &Record, options: &str) -> String {
        let entity = self.entity(&record.entity);
        let key = scenario::identifying_fields(entity);
        let model = self.model(&record.entity);
        if key.len() == 1 && entity.primary_key.is_some() {
            let id = member_access(&record.var, &self.attribute(&record.entity, &key[0]));
            return if options.is_empty() { format!("{model}.findByPk({id})") } else { format!("{model}.findByPk({id}, {options})") };
        }
        let mut where_ = vec![("where".to_string(), self.key_filter(record))];
        if !options.is_empty() {
            where_.push(("include".to_string(), options.trim_start_matches("{ include: ").trim_end_matches(" }").to_string()));
        }
        format!("{model}.findOne({})", object(&where_))
    }

    /// `{ id: post.id }`: a record's key attributes.
    fn key_filter(&self, record: &Record) -> String {
        let entity = self.entity(&record.entity);
        let key = scenario::identifying_fields(entity);
        object(
            &key.iter()
                .map(|f| (self.attribute(&record.entity, f), member_access(&record.var, &self.attribute(&record.entity, f))))
                .collect::<Vec<_>>(),
        )
    }

    /// `{ include: [{ model: Profile, as: "profile" }] }`
    fn include(&self, entity: &str, alias: &str, extra: &str) -> String {
        format!("{{ include: [{{ model: {}, as: {}{extra} }}] }}", self.model(entity), string_literal(alias))
    }

    fn relation(&self) -> RelationRecipes {
        let s = self.scenario;
        let mut models: Vec<&str> = s.setup.iter().chain([&s.parent, &s.child]).map(|r| r.entity.as_str()).collect();
        models.sort_unstable();
        models.dedup();
        let (plain, named): (Vec<&str>, Vec<&str>) = models.into_iter().partition(|m| is_identifier(m) && variable_name(m) == *m);
        let mut setup = Vec::new();
        if !plain.is_empty() {
            setup.push(format!("const {{ {} }} = sequelize.models;", plain.join(", ")));
        }
        for model in named {
            setup.push(format!("const {} = sequelize.models[{}];", variable_name(model), string_literal(model)));
        }
        setup.extend(s.setup.iter().map(|r| self.create(r, Vec::new())));
        let recipes = match s.shape {
            Shape::Keyed { one_to_one } => self.keyed(one_to_one),
            Shape::Joined => self.joined(),
        };
        let mut told = RelationRecipes::told(self.schema, s, setup, recipes);
        // Sequelize includes, counts and destroys a model's rows by their primary key (it asks
        // for an `id` a keyless table does not have).
        if let Some(keyless) = [&s.parent, &s.child].into_iter().find(|r| self.entity(&r.entity).primary_key.is_none()) {
            told.unrunnable.get_or_insert_with(|| {
                format!("{} has no primary key, and Sequelize finds, includes and destroys rows by theirs (it asks for an `id` the table does not have)", keyless.entity)
            });
        }
        told
    }

    fn keyed(&self, one_to_one: bool) -> Vec<Recipe> {
        let s = self.scenario;
        let (p, c, c2) = (&s.parent, &s.child, &s.second);
        let (pn, cn) = (&s.parent_navigation, &s.child_navigation);
        let composite = s.key_pairs(self.schema).len() > 1;
        // What relplay's module defines: hasOne/hasMany on the parent, belongsTo on the child.
        let has = !composite && !self.ends.inverse.synthesized;
        let belongs = !composite && (!self.ends.owning.synthesized || self.ends.inverse.synthesized);
        let (pm, cm) = (self.model(&p.entity), self.model(&c.entity));
        let of_parent = object(&self.key_values(p));
        let count_children = format!("await {cm}.count({{ where: {of_parent} }})");
        let missing_has = format!(
            "{pm} has no association to {cm} here{}: Sequelize cannot include or count its {pn} from a {pm}; ask {cm} by its key, as here.",
            if composite {
                " (Sequelize's associations have single-column keys)"
            } else {
                " (the relation is defined on the other side only)"
            }
        );
        let mut recipes = Vec::new();
        if has {
            let nested = if one_to_one { object(&self.values(c)) } else { format!("[{}]", object(&self.values(c))) };
            let mut values = self.values(p);
            values.push((pn.clone(), nested));
            recipes.push(
                Recipe::checked(
                    format!("Create {} with {} nested", a(&p.entity), a(&c.entity)),
                    format!(
                        "const {} = await {pm}.create({}, {});\n{}",
                        p.var,
                        object(&values),
                        self.include(&c.entity, pn, ""),
                        if one_to_one {
                            format!("const {} = {};", c.var, member_access(&p.var, pn))
                        } else {
                            format!("const [{}] = {};", c.var, member_access(&p.var, pn))
                        }
                    ),
                    count_children.clone(),
                    Expected::Count(1),
                )
                .with_note(format!("`include` names the association, so Sequelize inserts the {} with its key set.", c.entity)),
            );
        } else {
            recipes.push(
                Recipe::checked(
                    format!("Create {} and {} that points at it", a(&p.entity), a(&c.entity)),
                    format!("{}\n{}", self.create(p, Vec::new()), self.create(c, self.key_values(p))),
                    count_children.clone(),
                    Expected::Count(1),
                )
                .with_note(missing_has.clone()),
            );
        }
        let loaded = format!("{}With{}", p.var, upper_first(pn));
        if has {
            let found = if one_to_one { format!("{loaded}?.{pn} ? 1 : 0") } else { format!("{loaded}?.{pn}.length ?? 0") };
            recipes.push(
                Recipe::checked(
                    format!("Load {} with its {pn}", a(&p.entity)),
                    format!("const {loaded} = await {};", self.find(p, &self.include(&c.entity, pn, ""))),
                    found,
                    Expected::Count(1),
                )
                .with_note(format!(
                    "Or, from {} you have: `await {}.{}()`.",
                    a(&p.entity),
                    p.var,
                    accessor("get", pn, false)
                )),
            );
        } else {
            let children = format!("{}{}", c.var, if one_to_one { "" } else { "s" });
            let children = if children == c.var { format!("{}Found", c.var) } else { children };
            recipes.push(
                Recipe::checked(
                    format!("Load the {pn} of {}", a(&p.entity)),
                    format!("const {children} = await {cm}.findAll({{ where: {of_parent} }});"),
                    format!("{children}.length"),
                    Expected::Count(1),
                )
                .with_note(missing_has.clone()),
            );
        }
        let back = format!("{}With{}", c.var, upper_first(cn));
        if belongs {
            recipes.push(
                Recipe::checked(
                    format!("Load {} with its {cn}", a(&c.entity)),
                    format!("const {back} = await {};", self.find(c, &self.include(&p.entity, cn, ""))),
                    format!("{back}?.{cn} ? 1 : 0"),
                    Expected::Count(1),
                )
                .with_note(format!(
                    "Or, from {} you have: `await {}.{}()`.",
                    a(&c.entity),
                    c.var,
                    accessor("get", cn, false)
                )),
            );
        } else {
            let referenced: Vec<(String, String)> = s
                .key_pairs(self.schema)
                .iter()
                .map(|(f, r)| (self.attribute(&p.entity, r), member_access(&c.var, &self.attribute(&c.entity, f))))
                .collect();
            recipes.push(
                Recipe::checked(
                    format!("Load the {cn} of {}", a(&c.entity)),
                    format!("const {back} = await {pm}.findOne({{ where: {} }});", object(&referenced)),
                    format!("{back} ? 1 : 0"),
                    Expected::Count(1),
                )
                .with_note(format!("{cm} has no association to {pm} here: ask {pm} by the key's value, as here.")),
            );
        }
        if let (true, Some((field, sample))) = (has, &s.filter) {
            let found = format!("{}s", p.var);
            let condition = object(&[(self.attribute(&c.entity, field), literal(sample, false))]);
            recipes.push(
                Recipe::checked(
                    format!(
                        "Find the {}s whose {pn} {} {field} {}",
                        p.entity,
                        if one_to_one { "has" } else { "include one with" },
                        literal(sample, false)
                    ),
                    format!("const {found} = await {pm}.findAll({});", self.include(&c.entity, pn, &format!(", where: {condition}"))),
                    format!("{found}.length"),
                    Expected::Count(1),
                )
                .with_note("A `where` inside an `include` makes it an inner join: only those with such a related record come back."),
            );
        }
        if one_to_one {
            let code = if has {
                format!("await {}.{}({});", p.var, accessor("create", pn, false), object(&self.values(c2)))
            } else {
                self.create(c2, self.key_values(p))
            };
            recipes.push(
                Recipe::checked(format!("Attach a second {} to the same {}", c.entity, p.entity), code, "0", Expected::Refused).with_note(
                    format!(
                        "The unique key on the {cm}'s {} refuses it: {} has at most one {pn}.{}",
                        s.key_pairs(self.schema).iter().map(|(f, _)| self.attribute(&c.entity, f)).collect::<Vec<_>>().join(", "),
                        a(&p.entity),
                        if has && s.optional_key {
                            format!(
                                " `{}.{}(other)` moves it instead: it sets the current one's key to NULL first.",
                                p.var,
                                accessor("set", pn, false)
                            )
                        } else {
                            String::new()
                        }
                    ),
                ),
            );
        } else {
            let (title, code, note) = if s.optional_key {
                let connect = if has {
                    format!("await {}.{}({});", p.var, accessor("add", pn, true), c2.var)
                } else if belongs {
                    format!("await {}.{}({});", c2.var, accessor("set", cn, false), p.var)
                } else {
                    format!("await {}.update({of_parent});", c2.var)
                };
                (
                    format!("Connect an existing {} to {}", c.entity, a(&p.entity)),
                    format!("{}\n{connect}", self.create(c2, Vec::new())),
                    "Setting the association writes the key; `remove…` sets it back to NULL.",
                )
            } else if has {
                (
                    format!("Create {} for an existing {}", a(&c.entity), p.entity),
                    format!("const {} = await {}.{}({});", c2.var, p.var, accessor("create", pn, true), object(&self.values(c2))),
                    "The key is required, so the mixin creates it with the key set.",
                )
            } else {
                (
                    format!("Create {} for an existing {}", a(&c.entity), p.entity),
                    self.create(c2, self.key_values(p)),
                    "The key is required: it is set when the row is made.",
                )
            };
            recipes.push(Recipe::checked(title, code, count_children.clone(), s.second_child()).with_note(note));
        }
        let children = s.children();
        let count_name = format!("{}Count", c.var);
        let count_code = if has && !one_to_one {
            format!("const {count_name} = await {}.{}();", p.var, accessor("count", pn, false))
        } else {
            format!("const {count_name} = {count_children};")
        };
        recipes.push(Recipe::checked(format!("Count the {pn} of {}", a(&p.entity)), count_code, count_name, Expected::Count(children)));
        let ours: Vec<String> = [c, c2].iter().take(children as usize).map(|r| self.key_filter(r)).collect();
        let count = |extra: &str| {
            ours.iter()
                .map(|key| format!("(await {cm}.count({{ where: {{ {}{extra} }} }}))", key.trim_start_matches("{ ").trim_end_matches(" }")))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let delete = format!("await {}.destroy();", p.var);
        let title = format!("Delete {}", a(&p.entity));
        let nulls: String = s.key_pairs(self.schema).iter().map(|(f, _)| format!(", {}: null", self.attribute(&c.entity, f))).collect();
        recipes.push(match s.remove {
            RemoveEffect::Cascade => Recipe::checked(title, delete, count(""), Expected::Count(0))
                .with_note(format!("`destroy()` runs DELETE; ON DELETE CASCADE deletes its {pn} in the database (an association with `hooks: true` would destroy them one by one, running their hooks).")),
            RemoveEffect::SetNull => Recipe::checked(title, delete, count(&nulls), Expected::Count(children))
                .with_note(format!("ON DELETE SET NULL keeps its {pn} and sets their key to NULL.")),
            RemoveEffect::Refused => Recipe::checked(title, delete, "0", Expected::Refused).with_note(format!(
                "Refused while {} points at it ({}): destroy its {pn} first.",
                a(&c.entity),
                super::prisma::action_words(self.schema, s)
            )),
            RemoveEffect::Kept => Recipe::checked(title, delete, count(""), Expected::Count(children))
                .with_note("No foreign key in the database (`constraints: false`): the rows that pointed at it stay."),
            RemoveEffect::SetDefault => Recipe::explain(title, delete, "ON DELETE SET DEFAULT: the key is set to the column's default, which must name an existing row."),
        });
        recipes
    }

    fn joined(&self) -> Vec<Recipe> {
        let s = self.scenario;
        let (one, other, other2) = (&s.parent, &s.child, &s.second);
        let (an, bn) = (&s.parent_navigation, &s.child_navigation);
        let (om, tm) = (self.model(&one.entity), self.model(&other.entity));
        // The parent's side is written (see `recipes`); the other side's when the IR has it.
        let back_written = if one.entity == self.ends.owning.entity && an == &self.ends.owning.navigation {
            !self.ends.inverse.synthesized
        } else {
            !self.ends.owning.synthesized || self.ends.inverse.synthesized
        };
        let count_links = format!("await {}.{}()", one.var, accessor("count", an, false));
        let mut values = self.values(one);
        values.push((an.clone(), format!("[{}]", object(&self.values(other)))));
        let mut recipes = vec![Recipe::checked(
            format!("Create {} with {} nested", a(&one.entity), a(&other.entity)),
            format!(
                "const {} = await {om}.create({}, {});\nconst [{}] = {};",
                one.var,
                object(&values),
                self.include(&other.entity, an, ""),
                other.var,
                member_access(&one.var, an)
            ),
            count_links.clone(),
            Expected::Count(1),
        )
        .with_note("Sequelize inserts both records and the join table's row.")];
        let loaded = format!("{}With{}", one.var, upper_first(an));
        recipes.push(
            Recipe::checked(
                format!("Load {} with its {an}", a(&one.entity)),
                format!("const {loaded} = await {};", self.find(one, &self.include(&other.entity, an, ""))),
                format!("{loaded}?.{an}.length ?? 0"),
                Expected::Count(1),
            )
            .with_note(format!(
                "Or `await {}.{}()`; `through: {{ attributes: [] }}` in the include leaves the join table's columns out.",
                one.var,
                accessor("get", an, false)
            )),
        );
        if back_written {
            let back = format!("{}With{}", other.var, upper_first(bn));
            recipes.push(Recipe::checked(
                format!("Load {} with its {bn}", a(&other.entity)),
                format!("const {back} = await {};", self.find(other, &self.include(&one.entity, bn, ""))),
                format!("{back}?.{bn}.length ?? 0"),
                Expected::Count(1),
            ));
        } else {
            recipes.push(Recipe::explain(
                format!("Load {} with its {bn}", a(&other.entity)),
                format!("// {tm}.belongsToMany({om}, {{ as: {}, through: … }}) is not defined", string_literal(bn)),
                format!("{tm} has no association to {om} here (the relation is defined on the {om} side only), so Sequelize cannot load it from a {tm}: define the other `belongsToMany` to do so."),
            ));
        }
        if let Some((field, sample)) = &s.filter {
            let found = format!("{}s", one.var);
            let condition = object(&[(self.attribute(&other.entity, field), literal(sample, false))]);
            recipes.push(Recipe::checked(
                format!("Find the {}s with {} whose {field} is {}", one.entity, a(&other.entity), literal(sample, false)),
                format!("const {found} = await {om}.findAll({});", self.include(&other.entity, an, &format!(", where: {condition}"))),
                format!("{found}.length"),
                Expected::Count(1),
            ));
        }
        recipes.push(Recipe::checked(
            format!("Add an existing {} to {}", other.entity, a(&one.entity)),
            format!("{}\nawait {}.{}({});", self.create(other2, Vec::new()), one.var, accessor("add", an, true), other2.var),
            count_links.clone(),
            Expected::Count(2),
        ));
        let count_name = format!("{}Count", other.var);
        recipes.push(Recipe::checked(
            format!("Count the {an} of {}", a(&one.entity)),
            format!("const {count_name} = {count_links};"),
            count_name,
            Expected::Count(2),
        ));
        recipes.push(
            Recipe::checked(
                format!("Remove {} from {}", a(&other.entity), a(&one.entity)),
                format!("await {}.{}({});", one.var, accessor("remove", an, true), other2.var),
                count_links,
                Expected::Count(1),
            )
            .with_note(format!("Only the join table's row goes; the {} stays.", other.entity)),
        );
        let check = if back_written {
            format!("await {}.{}()", other.var, accessor("count", bn, false))
        } else {
            format!("await {om}.count({{ where: {} }})", self.key_filter(one))
        };
        recipes.push(
            Recipe::checked(
                format!("Delete {}", a(&one.entity)),
                format!("await {}.destroy();", one.var),
                check,
                Expected::Count(u32::from(s.remove == RemoveEffect::Kept)),
            )
            .with_note(format!("ON DELETE CASCADE on the join table deletes its links; the {}s stay.", other.entity)),
        );
        recipes
    }
}
