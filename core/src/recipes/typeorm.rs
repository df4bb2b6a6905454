//! TypeORM's recipes: repositories (`find` with `relations`, `where` through a relation, `save`,
//! `countBy`, `delete`), the QueryBuilder (`leftJoinAndSelect`, the relation query builder's
//! `add`/`set`/`remove`), and what `cascade` and `eager` change — with the classes and properties
//! relplay's TypeORM entities declare. A side the entities do not declare cannot be loaded from,
//! and the recipes say so.

use super::javascript_module::{literal, object};
use super::prisma::upper_first;
use super::scenario::{self, Filler, Record, RemoveEffect, Scenario, Shape};
use super::{a, Expected, Recipe, Recipes, RelationRecipes};
use crate::generate::javascript::{member_access, property_name, string_literal, variable_name};
use crate::generate::relation_ends::RelationEnds;
use crate::generate::typeorm::relations::defining_side_is_owning;
use crate::generate::Target;
use crate::ir::{lower_camel, Entity, Schema, SchemaIndex};
use crate::options::{TypeOrmCascade, TypeOrmOptions};
use std::collections::BTreeSet;

pub(super) fn recipes(schema: &Schema, options: TypeOrmOptions) -> Recipes {
    let ends = crate::generate::relation_ends::relation_ends(schema);
    let index = SchemaIndex::new(schema);
    let kept = schema.relation_mode == crate::ir::RelationMode::Prisma;
    let scenarios = scenario::plan(schema, &ends, |i| defining_side_is_owning(&schema.relations[i]), kept);
    let mut classes = BTreeSet::new();
    let mut uses_is_null = false;
    let mut relations = Vec::new();
    for s in &scenarios {
        let writer = TypeOrmWriter { schema, index: &index, all_ends: &ends, ends: &ends[s.relation], scenario: s, options };
        relations.push(writer.relation());
        let mapped = |entity: &str| index.entity(entity).is_some_and(|e| e.primary_key.is_some());
        classes.extend(s.setup.iter().chain([&s.parent, &s.child]).map(|r| r.entity.as_str()).filter(|e| mapped(e)).map(variable_name));
        uses_is_null |= s.remove == RemoveEffect::SetNull;
    }
    let classes: Vec<String> = classes.into_iter().collect();
    let typeorm_imports = if uses_is_null { "DataSource, IsNull" } else { "DataSource" };
    let preamble = format!("import {{ {typeorm_imports} }} from \"typeorm\";\nimport {{ {} }} from \"./index\";\n", classes.join(", "));
    Recipes { target: Target::TypeOrm(options), preamble, relations, note: None }
}

struct TypeOrmWriter<'s> {
    schema: &'s Schema,
    index: &'s SchemaIndex<'s>,
    all_ends: &'s [RelationEnds],
    ends: &'s RelationEnds,
    scenario: &'s Scenario,
    options: TypeOrmOptions,
}

impl TypeOrmWriter<'_> {
    fn entity(&self, name: &str) -> &Entity {
        self.index.entity(name).expect("relations point at entities")
    }

    fn class(&self, entity: &str) -> String {
        variable_name(entity)
    }

    fn repository(&self, entity: &str) -> String {
        format!("{}Repository", lower_camel(&variable_name(entity)))
    }

    /// The properties a save writes: the record's values, and its links as relation properties.
    fn values(&self, record: &Record) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> =
            record.values.iter().filter(|v| v.filler != Filler::Database).map(|v| (v.field.clone(), literal(&v.sample, false))).collect();
        for link in &record.links {
            let navigation = &self.all_ends[link.relation].owning.navigation;
            values.push((navigation.clone(), link.parent.clone()));
        }
        values
    }

    fn save(&self, record: &Record, extra: Vec<(String, String)>) -> String {
        let mut values = self.values(record);
        values.extend(extra);
        format!("const {} = await {}.save({});", record.var, self.repository(&record.entity), object(&values))
    }

    fn key_fields(&self, entity: &str) -> Vec<String> {
        let entity = self.entity(entity);
        scenario::identifying_fields(entity)
    }

    /// `{ id: user.id }`: a record's primary key as find criteria.
    fn key_filter(&self, record: &Record) -> String {
        object(&self.key_fields(&record.entity).iter().map(|f| (f.clone(), member_access(&record.var, f))).collect::<Vec<_>>())
    }

    /// The child's foreign key properties set to the parent's: `{ userId: user.id }`.
    fn of_parent(&self, parent: &Record) -> String {
        object(
            &self.scenario.key_pairs(self.schema).iter().map(|(f, r)| (f.to_string(), member_access(&parent.var, r))).collect::<Vec<_>>(),
        )
    }

    /// `.where("user.id = :id", { id: user.id })` for a QueryBuilder aliased `alias`.
    fn query_builder_where(&self, record: &Record, alias: &str) -> String {
        let fields = self.key_fields(&record.entity);
        let condition = fields.iter().map(|f| format!("{alias}.{f} = :{f}")).collect::<Vec<_>>().join(" AND ");
        let parameters = object(&fields.iter().map(|f| (f.clone(), member_access(&record.var, f))).collect::<Vec<_>>());
        format!(".where({}, {parameters})", string_literal(&condition))
    }

    fn relation(&self) -> RelationRecipes {
        let s = self.scenario;
        let mapped = |entity: &str| self.entity(entity).primary_key.is_some();
        let mut entities: Vec<&str> = s.setup.iter().chain([&s.parent, &s.child]).map(|r| r.entity.as_str()).collect();
        entities.sort_unstable();
        entities.dedup();
        let setup: Vec<String> = entities
            .iter()
            .filter(|e| mapped(e))
            .map(|e| format!("const {} = dataSource.getRepository({});", self.repository(e), self.class(e)))
            .chain(s.setup.iter().map(|r| self.save(r, Vec::new())))
            .collect();
        let unmapped_parent = s.setup.iter().find(|r| !mapped(&r.entity)).map(|r| r.entity.clone());
        let recipes = if !mapped(&s.parent.entity) || !mapped(&s.child.entity) {
            vec![Recipe::explain(
                format!("Use {} and {}", a(&s.parent.entity), a(&s.child.entity)),
                "// (no entity class)",
                "TypeORM maps no entity without a primary key, so relplay's entities leave this relation out.",
            )]
        } else {
            match s.shape {
                Shape::Keyed { one_to_one } => self.keyed(one_to_one),
                Shape::Joined => self.joined(),
            }
        };
        let mut told = RelationRecipes::told(self.schema, s, setup, recipes);
        if let Some(entity) = unmapped_parent {
            told.unrunnable
                .get_or_insert_with(|| format!("they need a {entity} first, which TypeORM maps no entity for (it has no primary key)"));
        }
        if !mapped(&s.parent.entity) || !mapped(&s.child.entity) {
            told.unrunnable.get_or_insert_with(|| "TypeORM maps no entity without a primary key".to_string());
        }
        told
    }

    fn keyed(&self, one_to_one: bool) -> Vec<Recipe> {
        let s = self.scenario;
        let (p, c, c2) = (&s.parent, &s.child, &s.second);
        let (pn, cn) = (&s.parent_navigation, &s.child_navigation);
        let (pr, cr) = (self.repository(&p.entity), self.repository(&c.entity));
        let (pc, cc) = (self.class(&p.entity), self.class(&c.entity));
        // The entities declare the child's side always, the parent's where the schema has it.
        let has = !self.ends.inverse.synthesized;
        let cascade = has && self.options.cascade != TypeOrmCascade::None;
        let of_parent = self.of_parent(p);
        let count_children = format!("await {cr}.countBy({of_parent})");
        let mut recipes = Vec::new();
        if cascade {
            let nested = if one_to_one { object(&self.values(c)) } else { format!("[{}]", object(&self.values(c))) };
            recipes.push(
                Recipe::checked(
                    format!("Create {} with {} nested", a(&p.entity), a(&c.entity)),
                    format!(
                        "{}\n{}",
                        self.save(p, vec![(pn.clone(), nested)]),
                        if one_to_one {
                            format!("const {} = {}!;", c.var, member_access(&p.var, pn))
                        } else {
                            format!("const [{}] = {};", c.var, member_access(&p.var, pn))
                        }
                    ),
                    count_children.clone(),
                    Expected::Count(1),
                )
                .with_note(format!("`cascade` on {pc}.{pn} saves the new {} with the {pc}.", c.entity)),
            );
        } else {
            recipes.push(
                Recipe::checked(
                    format!("Create {} and {} that belongs to it", a(&p.entity), a(&c.entity)),
                    format!("{}\n{}", self.save(p, Vec::new()), self.save(c, vec![(cn.clone(), p.var.clone())])),
                    count_children.clone(),
                    Expected::Count(1),
                )
                .with_note(if has {
                    format!(
                        "Without `cascade` on {pc}.{pn}, TypeORM saves each entity on its own: the {pc} first, then the {cc} that points at it (relplay's `--cascade persist` writes `cascade: [\"insert\", \"update\"]`, and one `save` of the {pc} with its {pn} nested does both)."
                    )
                } else {
                    format!("{pc} declares no property for this relation, so the {cc} is saved pointing at a saved {pc}.")
                }),
            );
        }
        if has {
            let loaded = format!("{}With{}", p.var, upper_first(pn));
            let found = |name: &str| if one_to_one { format!("{name}?.{pn} ? 1 : 0") } else { format!("{name}?.{pn}.length ?? 0") };
            recipes.push(Recipe::checked(
                format!("Load {} with its {pn}", a(&p.entity)),
                format!("const {loaded} = await {pr}.findOne({{\n  where: {},\n  relations: {{ {pn}: true }},\n}});", self.key_filter(p)),
                found(&loaded),
                Expected::Count(1),
            ));
            let joined = format!("{}Joined", p.var);
            recipes.push(
                Recipe::checked(
                    format!("Load {} with its {pn}, with the QueryBuilder", a(&p.entity)),
                    format!(
                        "const {joined} = await {pr}\n  .createQueryBuilder({})\n  .leftJoinAndSelect({}, {})\n  {}\n  .getOne();",
                        string_literal(&p.var),
                        string_literal(&format!("{}.{pn}", p.var)),
                        string_literal(&c.var),
                        self.query_builder_where(p, &p.var)
                    ),
                    found(&joined),
                    Expected::Count(1),
                )
                .with_note("`leftJoinAndSelect` keeps the parent without related rows; `innerJoinAndSelect` drops it."),
            );
        } else {
            let found = format!("{}Found", c.var);
            recipes.push(
                Recipe::checked(format!("Load the {pn} of {}", a(&p.entity)), format!("const {found} = await {cr}.findBy({of_parent});"), format!("{found}.length"), Expected::Count(1))
                    .with_note(format!(
                        "{pc} declares no property for this relation (it is unidirectional), so TypeORM cannot load it from a {pc}: ask the {cc}s by their key, or declare `@{}(() => {cc}, ({}) => {}) {pn}` on {pc}.",
                        if one_to_one { "OneToOne" } else { "OneToMany" },
                        lower_camel(&cc),
                        member_access(&lower_camel(&cc), cn)
                    )),
            );
        }
        let back = format!("{}With{}", c.var, upper_first(cn));
        let eager_note = if self.options.eager {
            format!("`eager: true` on {cc}.{cn} loads it with every find of a {cc}, even without `relations`.")
        } else {
            format!("Add `eager: true` to {cc}.{cn} to load it with every find, without `relations`.")
        };
        recipes.push(
            Recipe::checked(
                format!("Load {} with its {cn}", a(&c.entity)),
                format!("const {back} = await {cr}.findOne({{\n  where: {},\n  relations: {{ {cn}: true }},\n}});", self.key_filter(c)),
                format!("{back}?.{cn} ? 1 : 0"),
                Expected::Count(1),
            )
            .with_note(eager_note),
        );
        if let (true, Some((field, sample))) = (has, &s.filter) {
            let found = format!("{}s", p.var);
            recipes.push(Recipe::checked(
                format!(
                    "Find the {}s whose {pn} {} {field} {}",
                    p.entity,
                    if one_to_one { "has" } else { "include one with" },
                    literal(sample, false)
                ),
                format!(
                    "const {found} = await {pr}.find({{\n  where: {{ {pn}: {} }},\n  relations: {{ {pn}: true }},\n}});",
                    object(&[(field.clone(), literal(sample, false))])
                ),
                format!("{found}.length"),
                Expected::Count(1),
            ));
        }
        if one_to_one {
            recipes.push(
                Recipe::checked(
                    format!("Attach a second {} to the same {}", c.entity, p.entity),
                    // `insert`, not `save`: where the key is also the primary key, `save` finds
                    // the first row and updates it.
                    format!("await {cr}.insert({});", object(&[self.values(c2), vec![(cn.clone(), p.var.clone())]].concat())),
                    "0",
                    Expected::Refused,
                )
                .with_note(format!(
                    "The unique key on {cc}'s {} refuses it: {} has at most one {pn}, and TypeORM does not move it.",
                    s.key_pairs(self.schema).iter().map(|(f, _)| f.to_string()).collect::<Vec<_>>().join(", "),
                    a(&p.entity)
                )),
            );
        } else if s.optional_key {
            // The relation query builder names the child by its primary key; a composite one is
            // saved with its relation set instead.
            let single_key = self.key_fields(&c.entity).len() == 1;
            let connect = if !single_key {
                format!("await {cr}.save({{ ...{}, {}: {} }});", c2.var, property_name(cn), p.var)
            } else if has {
                format!("await {pr}.createQueryBuilder().relation({pc}, {}).of({}).add({});", string_literal(pn), p.var, c2.var)
            } else {
                format!("await {cr}.createQueryBuilder().relation({cc}, {}).of({}).set({});", string_literal(cn), c2.var, p.var)
            };
            recipes.push(
                Recipe::checked(
                    format!("Connect an existing {} to {}", c.entity, a(&p.entity)),
                    format!("{}\n{connect}", self.save(c2, Vec::new())),
                    count_children.clone(),
                    s.second_child(),
                )
                .with_note("The relation query builder writes only the key: nothing else of either entity is saved."),
            );
        } else {
            recipes.push(Recipe::checked(
                format!("Create {} for an existing {}", a(&c.entity), p.entity),
                self.save(c2, vec![(cn.clone(), p.var.clone())]),
                count_children.clone(),
                s.second_child(),
            ));
        }
        let children = s.children();
        let count_name = format!("{}Count", c.var);
        let count = Recipe::checked(
            format!("Count the {pn} of {}", a(&p.entity)),
            format!("const {count_name} = {count_children};"),
            count_name,
            Expected::Count(children),
        );
        recipes.push(if has {
            count.with_note(format!(
                "For many {pc}s at once: `.loadRelationCountAndMap(\"{}.{c}Count\", \"{}.{pn}\")` on a QueryBuilder.",
                p.var,
                p.var,
                c = c.var
            ))
        } else {
            count
        });
        let ours: Vec<String> = [c, c2].iter().take(children as usize).map(|r| self.key_filter(r)).collect();
        let nulls: String = s.key_pairs(self.schema).iter().map(|(f, _)| format!(", {f}: IsNull()")).collect();
        let with = |extra: &str| {
            ours.iter()
                .map(|o| format!("{{ {}{extra} }}", o.trim_start_matches("{ ").trim_end_matches(" }")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let count = |extra: &str| format!("await {cr}.countBy([{}])", with(extra));
        let delete = format!("await {pr}.delete({});", self.key_filter(p));
        let title = format!("Delete {}", a(&p.entity));
        let remove_note = "`delete` runs DELETE, so the database's action applies; `remove()` of a loaded entity whose relation has `cascade: [\"remove\"]` removes the related entities through TypeORM first.";
        recipes.push(match s.remove {
            RemoveEffect::Cascade => Recipe::checked(title, delete, count(""), Expected::Count(0)).with_note(format!("ON DELETE CASCADE deletes its {pn} with it. {remove_note}")),
            RemoveEffect::SetNull => Recipe::checked(title, delete, count(&nulls), Expected::Count(children)).with_note(format!("ON DELETE SET NULL keeps its {pn}, their key set to NULL. {remove_note}")),
            RemoveEffect::Refused => Recipe::checked(title, delete, "0", Expected::Refused).with_note(format!(
                "Refused while {} points at it ({}): delete its {pn} first.",
                a(&c.entity),
                super::prisma::action_words(self.schema, s)
            )),
            RemoveEffect::Kept => Recipe::checked(title, delete, count(""), Expected::Count(children)).with_note("No foreign key in the database (`createForeignKeyConstraints: false`): the rows that pointed at it stay."),
            RemoveEffect::SetDefault => Recipe::explain(title, delete, "TypeORM cannot write ON DELETE SET DEFAULT: relplay's entities say NO ACTION, so the database refuses while a row points at it."),
        });
        recipes
    }

    fn joined(&self) -> Vec<Recipe> {
        let s = self.scenario;
        let (one, other, other2) = (&s.parent, &s.child, &s.second);
        let (an, bn) = (&s.parent_navigation, &s.child_navigation);
        let (or, tr) = (self.repository(&one.entity), self.repository(&other.entity));
        let (oc, tc) = (self.class(&one.entity), self.class(&other.entity));
        // The @JoinTable side is declared always; the other where the schema has it.
        let other_end = if self.ends.owning.entity == other.entity && &self.ends.owning.navigation == bn {
            &self.ends.owning
        } else {
            &self.ends.inverse
        };
        let back_written = !other_end.synthesized;
        let relation_of = |owner: &str, class: &str, navigation: &str| {
            format!(
                "{}.createQueryBuilder().relation({class}, {}).of({owner})",
                or_repo(owner, &or, &tr, &one.var),
                string_literal(navigation)
            )
        };
        let links = format!("(await {}.loadMany()).length", relation_of(&one.var, &oc, an));
        let cascade = self.options.cascade != TypeOrmCascade::None;
        let create = if cascade {
            format!(
                "{}\nconst [{}] = {};",
                self.save(one, vec![(an.clone(), format!("[{}]", object(&self.values(other))))]),
                other.var,
                member_access(&one.var, an)
            )
        } else {
            format!("{}\n{}", self.save(other, Vec::new()), self.save(one, vec![(an.clone(), format!("[{}]", other.var))]))
        };
        let mut recipes = vec![Recipe::checked(format!("Create {} with {} linked", a(&one.entity), a(&other.entity)), create, links.clone(), Expected::Count(1)).with_note(if cascade {
            format!("`cascade` on {oc}.{an} saves the new {tc} and the join table's row with the {oc}.")
        } else {
            format!("Saving the {oc} (the side with `@JoinTable`) with a list of saved {tc}s writes the join table's rows; without `cascade`, each {tc} is saved first.")
        })];
        let loaded = format!("{}With{}", one.var, upper_first(an));
        recipes.push(Recipe::checked(
            format!("Load {} with its {an}", a(&one.entity)),
            format!("const {loaded} = await {or}.findOne({{\n  where: {},\n  relations: {{ {an}: true }},\n}});", self.key_filter(one)),
            format!("{loaded}?.{an}.length ?? 0"),
            Expected::Count(1),
        ));
        if back_written {
            let back = format!("{}With{}", other.var, upper_first(bn));
            recipes.push(Recipe::checked(
                format!("Load {} with its {bn}", a(&other.entity)),
                format!("const {back} = await {tr}.findOne({{\n  where: {},\n  relations: {{ {bn}: true }},\n}});", self.key_filter(other)),
                format!("{back}?.{bn}.length ?? 0"),
                Expected::Count(1),
            ));
        } else {
            recipes.push(Recipe::explain(
                format!("Load {} with its {bn}", a(&other.entity)),
                format!("// {tc} declares no property for this relation"),
                format!("The relation is declared on {oc} only (unidirectional), so TypeORM cannot load it from a {tc}: declare `@ManyToMany(() => {oc}, ({}) => {}) {bn}` on {tc} to do so.", lower_camel(&oc), member_access(&lower_camel(&oc), an)),
            ));
        }
        if let Some((field, sample)) = &s.filter {
            let found = format!("{}s", one.var);
            recipes.push(Recipe::checked(
                format!("Find the {}s with {} whose {field} is {}", one.entity, a(&other.entity), literal(sample, false)),
                format!(
                    "const {found} = await {or}.find({{\n  where: {{ {an}: {} }},\n  relations: {{ {an}: true }},\n}});",
                    object(&[(field.clone(), literal(sample, false))])
                ),
                format!("{found}.length"),
                Expected::Count(1),
            ));
        }
        recipes.push(
            Recipe::checked(
                format!("Add an existing {} to {}", other.entity, a(&one.entity)),
                format!("{}\nawait {}.add({});", self.save(other2, Vec::new()), relation_of(&one.var, &oc, an), other2.var),
                links.clone(),
                Expected::Count(2),
            )
            .with_note("The relation query builder writes only the join table's row."),
        );
        let count_name = format!("{}Count", other.var);
        recipes.push(Recipe::checked(
            format!("Count the {an} of {}", a(&one.entity)),
            format!("const {count_name} = {links};"),
            count_name,
            Expected::Count(2),
        ));
        recipes.push(
            Recipe::checked(
                format!("Remove {} from {}", a(&other.entity), a(&one.entity)),
                format!("await {}.remove({});", relation_of(&one.var, &oc, an), other2.var),
                links,
                Expected::Count(1),
            )
            .with_note(format!("Only the join table's row goes; the {tc} stays.")),
        );
        let check = if back_written {
            format!("(await {}.loadMany()).length", relation_of(&other.var, &tc, bn))
        } else {
            format!("await {or}.countBy({})", self.key_filter(one))
        };
        recipes.push(
            Recipe::checked(
                format!("Delete {}", a(&one.entity)),
                format!("await {or}.delete({});", self.key_filter(one)),
                check,
                Expected::Count(u32::from(s.remove == RemoveEffect::Kept)),
            )
            .with_note(format!("ON DELETE CASCADE on the join table deletes its links; the {tc}s stay.")),
        );
        recipes
    }
}

/// The repository whose QueryBuilder a relation query starts from: the owner's.
fn or_repo<'a>(owner: &str, one_repository: &'a str, other_repository: &'a str, one_var: &str) -> &'a str {
    if owner == one_var {
        one_repository
    } else {
        other_repository
    }
}
