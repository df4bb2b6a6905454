//! Recipes: how each relation of a schema is *used* in each target — loading a record with its
//! related records from each side that can navigate, creating one with a related one nested,
//! connecting an existing one, filtering by a related record's field, counting, removing (and
//! what the referential action then does), adding and removing many-to-many links, and what
//! happens when a second record is attached to a one-to-one.
//!
//! The recipes use exactly the names of the code the generator of the same target writes for
//! the same schema (models, properties, aliases, tables, columns), and they run: every recipe
//! carries a check (an expression, or for SQL a query, that yields a number) and what that check
//! must find. [`runnable_module`] puts them into a module that runs against the generator's
//! module; the tests run it on real databases.
//!
//! The story of each relation is planned once ([`scenario`]) and told by each target in its own
//! file (`prisma.rs`, `typeorm.rs`, `sequelize.rs`, `viborm.rs`, `sql.rs`).

mod javascript_module;
mod prisma;
pub(crate) mod scenario;
mod sequelize;
mod sql;
mod typeorm;
mod viborm;

use crate::generate::Target;
use crate::ir::Schema;
use serde::{Deserialize, Serialize};

/// Every relation's recipes in one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recipes {
    pub target: Target,
    /// How the recipes get hold of the ORM or database (a client, a data source, a pragma).
    pub preamble: String,
    pub relations: Vec<RelationRecipes>,
    /// What the target's recipes leave out for the whole schema (a MongoDB schema's SQL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The recipes of one relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationRecipes {
    /// The relation's index in the schema's relations, as the page and the diagram select it.
    pub relation: usize,
    /// `Profile.user ↔ User.profile (one-to-one)`.
    pub heading: String,
    /// What the recipes below need first: the records they start from.
    pub setup: String,
    pub recipes: Vec<Recipe>,
    /// Why these recipes do not run as they stand, where they do not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrunnable: Option<String>,
}

impl RelationRecipes {
    /// A relation's recipes as a target tells its scenario: `setup` (statements, one a line)
    /// and the recipes, under the relation's heading.
    fn told(schema: &Schema, scenario: &scenario::Scenario, setup: Vec<String>, mut recipes: Vec<Recipe>) -> RelationRecipes {
        if scenario.unique_key {
            // A second child refused in a one-to-many: say why (the deletes say their own why).
            let why = format!(
                "The {}'s key is unique, so the database holds one {} per {} although the relation is written as a list: it refuses the second.",
                scenario.child.entity, scenario.child.entity, scenario.parent.entity
            );
            for recipe in recipes.iter_mut().filter(|r| r.expect == Some(Expected::Refused) && !r.title.starts_with("Delete")) {
                recipe.note = Some(why.clone());
            }
        }
        RelationRecipes {
            relation: scenario.relation,
            heading: heading(schema, scenario),
            setup: setup.join("\n"),
            recipes,
            unrunnable: scenario.unrunnable.clone(),
        }
    }
}

/// One thing to do with a relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recipe {
    pub title: String,
    /// The code, as a person copies it.
    pub code: String,
    /// What it does or what the target cannot do, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// An expression (SQL: a query) whose value is the number `expect` names; `None` for a
    /// recipe that only explains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expected>,
}

/// What a recipe's check must find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// The check's number.
    Count(u32),
    /// The database (or the ORM) refuses the code: it throws.
    Refused,
}

impl Recipe {
    fn explain(title: impl Into<String>, code: impl Into<String>, note: impl Into<String>) -> Recipe {
        Recipe { title: title.into(), code: code.into(), note: Some(note.into()), check: None, expect: None }
    }

    fn checked(title: impl Into<String>, code: impl Into<String>, check: impl Into<String>, expect: Expected) -> Recipe {
        Recipe { title: title.into(), code: code.into(), note: None, check: Some(check.into()), expect: Some(expect) }
    }

    fn with_note(mut self, note: impl Into<String>) -> Recipe {
        self.note = Some(note.into());
        self
    }

    /// The recipe with `more` code after its own (naming a record the code made).
    fn then(mut self, more: impl AsRef<str>) -> Recipe {
        self.code.push('\n');
        self.code.push_str(more.as_ref());
        self
    }
}

/// The recipes of every relation of `schema` in `target` (`None` for the IR's JSON, which is no
/// way of using a relation).
pub fn recipes(schema: &Schema, target: Target) -> Option<Recipes> {
    Some(match target {
        Target::Prisma(_) => prisma::recipes(schema, target),
        Target::Sql(dialect) => sql::recipes(schema, dialect),
        Target::Sequelize(options) => sequelize::recipes(schema, options),
        Target::TypeOrm(options) => typeorm::recipes(schema, options),
        Target::VibOrm(options) => viborm::recipes(schema, options),
        Target::Json => return None,
    })
}

/// The recipes as a module that runs them, in order, against the module the generator of the
/// same target writes (`runRecipes(...)`, reporting each check), or for SQL a script to run after
/// relplay's DDL. `None` for the IR's JSON.
pub fn runnable_module(schema: &Schema, target: Target) -> Option<String> {
    let recipes = recipes(schema, target)?;
    Some(match target {
        Target::Sql(dialect) => sql::script(&recipes, dialect),
        _ => javascript_module::module(&recipes),
    })
}

/// The file a runnable module is written as (`relplay recipes --out DIR`).
pub fn module_file_name(target: Target) -> &'static str {
    target.recipes_format().file_name
}

/// The "Use it" pane's answer: the recipes in `target` of the relation `item` is (or for an
/// entity, its first relation; with nothing selected, the first), and every relation's heading.
pub fn view(schema: &Schema, target: Target, item: Option<crate::ir::SchemaItem>) -> crate::service::RecipesPane {
    use crate::service::RecipesPane;
    let Some(recipes) = recipes(schema, target) else { return RecipesPane::default() };
    let relation = relation_for(&recipes, schema, item);
    let mut relations: Vec<(usize, String)> = Vec::new();
    for r in &recipes.relations {
        if !relations.iter().any(|(index, _)| *index == r.relation) {
            relations.push((r.relation, r.heading.clone()));
        }
    }
    let text = relation.map(|index| relation_text(&recipes, index)).unwrap_or_default();
    RecipesPane { relation, text, relations }
}

/// The relation whose recipes a person means by selecting `item`: the relation itself, or for an
/// entity its first relation; with nothing selected, the schema's first relation.
pub fn relation_for(recipes: &Recipes, schema: &Schema, item: Option<crate::ir::SchemaItem>) -> Option<usize> {
    use crate::ir::SchemaItem;
    let has = |index: usize| recipes.relations.iter().any(|r| r.relation == index);
    let chosen = match item {
        Some(SchemaItem::Relation(index)) => Some(index).filter(|&i| has(i)),
        Some(SchemaItem::Entity(index)) => schema.entities.get(index).and_then(|entity| {
            recipes.relations.iter().map(|r| r.relation).find(|&i| {
                schema.relations.get(i).is_some_and(|r| r.owning_side.entity == entity.name || r.inverse_side.entity == entity.name)
            })
        }),
        None => None,
    };
    chosen.or_else(|| recipes.relations.first().map(|r| r.relation))
}

/// [`as_text`] of one relation's recipes (for a relation a Prisma join model stands for, both of
/// its halves).
pub fn relation_text(recipes: &Recipes, relation: usize) -> String {
    let only = Recipes { relations: recipes.relations.iter().filter(|r| r.relation == relation).cloned().collect(), ..recipes.clone() };
    as_text(&only)
}

/// `a Team`, `an Organisation`: a name with its indefinite article.
fn a(name: &str) -> String {
    // (`a User`: a leading U is mostly said "you".)
    let vowel = name.chars().next().is_some_and(|c| "AEIOaeio".contains(c));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

/// The recipes as text to read: each relation's heading, the records it starts from, then each
/// recipe's title and note as comments above its code.
pub fn as_text(recipes: &Recipes) -> String {
    let comment = if matches!(recipes.target, Target::Sql(_)) { "--" } else { "//" };
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    if let Some(note) = &recipes.note {
        line(&format!("{comment} {note}"));
    }
    if !recipes.preamble.is_empty() {
        line(recipes.preamble.trim_end());
        line("");
    }
    for relation in &recipes.relations {
        line(&format!("{comment} ═══ {} ═══", relation.heading));
        if let Some(reason) = &relation.unrunnable {
            line(&format!("{comment} These recipes cannot run as they stand: {reason}."));
        }
        if !relation.setup.is_empty() {
            line(&format!("{comment} What the recipes start from:"));
            line(relation.setup.trim_end());
        }
        for recipe in &relation.recipes {
            line("");
            line(&format!("{comment} {}", recipe.title));
            if let Some(note) = &recipe.note {
                line(&format!("{comment} {note}"));
            }
            line(recipe.code.trim_end());
        }
        line("");
    }
    out
}

/// `Profile.user ↔ User.profile (one-to-one)`: a relation as the headings name it, with the
/// target's navigation names.
fn heading(schema: &Schema, scenario: &scenario::Scenario) -> String {
    let relation = &schema.relations[scenario.relation];
    let kind = relation.kind.words();
    format!("{}.{} ↔ {}.{} ({kind})", scenario.parent.entity, scenario.parent_navigation, scenario.child.entity, scenario.child_navigation)
}

#[cfg(test)]
mod tests;
