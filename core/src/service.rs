//! What the app asks of the core and what the core answers, as plain data: the app runs the core
//! in a Web Worker and passes these as JSON, so the page never waits for a reading or a
//! generator. A [`Service`] keeps the last reading, so a request that only asks for another pane
//! (or the diagram with moved boxes) does not read the source again, and the last answer of each
//! view, so an unchanged view is not sent again.
//!
//! The page keeps only what it needs to link views and show problems: the diagnostics and an
//! [`Outline`] (where each entity and relation is written), never the whole schema.

use crate::diagnostic::Diagnostic;
use crate::generate::{generate, Anchor, Generated, Target};
use crate::ir::SchemaItem;
use crate::ir::{Provider, Schema};
use crate::layout::{layout_with_positions, svg};
use crate::{analyze, Analysis, SourceLanguage, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One question from the page: the source as it stands and the views it shows now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Increases with each request; the page drops answers older than its newest request.
    pub id: u64,
    pub language: SourceLanguage,
    pub source: String,
    /// The Prisma whose rules judge a Prisma source (7 unless the page chose 6).
    #[serde(default)]
    pub prisma: crate::options::PrismaVersion,
    pub views: Vec<ViewRequest>,
}

/// A view the page shows. (Externally tagged, serde's default, as is [`ViewReply`]: an internally
/// tagged enum is read through a buffer, whose code weighs 5 KB gzipped in each wasm module.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewRequest {
    /// A generator's output.
    Output { target: Target },
    /// The diagram as SVG, with the boxes the user moved where they put them.
    Diagram { positions: BTreeMap<String, (f64, f64)> },
    /// The schema written in another source language (switching the language).
    Rewrite { language: SourceLanguage },
    /// How to use a relation in `target`: the recipes of the relation `item` is or (for an
    /// entity) takes part in, or of the first relation when nothing is selected.
    Recipes { target: Target, item: Option<SchemaItem> },
    /// What the code at byte `offset` of the source is ([`crate::hover`]).
    Hover { offset: usize },
    /// The source in its language's layout ([`crate::format`]).
    Format,
}

/// The answer to one [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u64,
    /// `None` when the reading is the one sent with an earlier reply.
    pub reading: Option<Reading>,
    pub views: Vec<ViewReply>,
}

/// What the page keeps of a reading.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reading {
    pub diagnostics: Vec<Diagnostic>,
    pub outline: Outline,
}

/// Where the schema's entities and relations are written in the source, in the schema's order,
/// so that the page can tell which item the cursor is on and where an item is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Outline {
    pub provider: Option<Provider>,
    pub entities: Vec<OutlineEntity>,
    /// Each relation's span in the source.
    pub relations: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlineEntity {
    pub name: String,
    pub span: Span,
    /// The table's column names, for a SQL source only (the editor completes them after
    /// `REFERENCES table (`); other sources leave them out, to keep each reading small.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
}

impl Outline {
    pub fn of(schema: &Schema) -> Outline {
        Outline {
            provider: schema.provider,
            entities: schema.entities.iter().map(|e| OutlineEntity { name: e.name.clone(), span: e.span, columns: Vec::new() }).collect(),
            relations: schema.relations.iter().map(|r| r.span).collect(),
        }
    }

    /// The outline of `schema` read from `language`: a SQL source's tables with their columns.
    pub fn of_source(schema: &Schema, language: SourceLanguage) -> Outline {
        let mut outline = Outline::of(schema);
        if matches!(language, SourceLanguage::Sql(_)) {
            for (outlined, entity) in outline.entities.iter_mut().zip(&schema.entities) {
                outlined.columns = entity.fields.iter().map(|f| f.column.clone()).collect();
            }
        }
        outline
    }

    /// As [`Schema::span_of`].
    pub fn span_of(&self, item: SchemaItem) -> Option<Span> {
        match item {
            SchemaItem::Entity(index) => self.entities.get(index).map(|e| e.span),
            SchemaItem::Relation(index) => self.relations.get(index).copied(),
        }
    }

    /// As [`Schema::item_at`]: a relation written at `offset`, or else the entity around it.
    pub fn item_at(&self, offset: usize) -> Option<SchemaItem> {
        let inside = |span: Span| span.start() <= offset && offset <= span.end();
        if let Some(index) = self.relations.iter().position(|&span| inside(span)) {
            return Some(SchemaItem::Relation(index));
        }
        self.entities.iter().position(|e| inside(e.span)).map(SchemaItem::Entity)
    }

    pub fn entity_index(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.name == name)
    }

    /// The entity whose name is the word at byte `offset` of `text` (a field's type, a
    /// relation's target): where "go to definition" goes.
    pub fn definition_at(&self, text: &str, offset: usize) -> Option<usize> {
        let word = crate::hover::word_at(text, offset)?;
        self.entity_index(&text[word.start()..word.end()])
    }

    /// The entity a person searching for `query` means: the one of exactly that name, else the one
    /// whose name is `query` in another (ASCII) case, else the first whose name starts with it, else
    /// the first whose name contains it (both ignoring case). Surrounding spaces do not count.
    pub fn find_entity(&self, query: &str) -> Option<usize> {
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        // ASCII case only: Unicode case tables would cost the page's module kilobytes for names
        // that are, in practice, ASCII.
        let wanted = query.to_ascii_lowercase();
        let names: Vec<String> = self.entities.iter().map(|e| e.name.to_ascii_lowercase()).collect();
        self.entity_index(query)
            .or_else(|| names.iter().position(|name| *name == wanted))
            .or_else(|| names.iter().position(|name| name.starts_with(&wanted)))
            .or_else(|| names.iter().position(|name| name.contains(&wanted)))
    }
}

/// One view's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewReply {
    Output {
        target: Target,
        text: String,
        anchors: Vec<Anchor>,
        notes: Vec<String>,
    },
    Diagram {
        svg: String,
    },
    /// The text in the new language, or `None` when the schema has errors (it is then kept as
    /// it is); `losses`: what the rewrite leaves out, one line each (the page asks before it
    /// rewrites when there is any).
    Rewrite {
        language: SourceLanguage,
        text: Option<String>,
        losses: Vec<String>,
    },
    /// The "Use it" pane in `target`.
    Recipes {
        target: Target,
        pane: RecipesPane,
    },
    /// The hover asked for at `offset`; `None` where there is nothing to say.
    Hover {
        offset: usize,
        hover: Option<crate::hover::Hover>,
    },
    /// The source laid out (`text`), or why it was left as written (`refusal`).
    Format {
        text: Option<String>,
        refusal: Option<String>,
    },
}

/// The "Use it" pane's content: the recipes of one relation as text (`relation`: its index,
/// `None` when the schema has no relation), and every relation that has recipes, by its heading,
/// to choose from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecipesPane {
    pub relation: Option<usize>,
    pub text: String,
    pub relations: Vec<(usize, String)>,
}

/// The core as the page's worker holds it: the last reading and the last answer of each view.
#[derive(Default)]
pub struct Service {
    read: Option<(SourceLanguage, crate::options::PrismaVersion, String, Analysis)>,
    /// Whether the page has the current reading.
    reading_sent: bool,
    sent: Vec<ViewReply>,
}

impl Service {
    pub fn new() -> Service {
        Service::default()
    }

    /// Whether answering `request` means reading its source (it is not the text read last).
    pub fn needs_reading(&self, request: &Request) -> bool {
        !matches!(&self.read, Some((language, prisma, source, _))
            if *language == request.language && *prisma == request.prisma && *source == request.source)
    }

    /// Answers `request`, reading the source with this build's readers and writing recipes with
    /// this build's recipes (a build without them answers the "Use it" pane with none).
    pub fn answer(&mut self, request: &Request) -> Reply {
        #[cfg(feature = "recipes")]
        let recipes = crate::recipes::view;
        #[cfg(not(feature = "recipes"))]
        let recipes = |_: &Schema, _, _| RecipesPane::default();
        self.answer_with(request, analyze, recipes, generate)
    }

    /// Whether answering `request` needs the generators (an output pane, a language switch) or
    /// the recipes: the app's first module answers without them, and names the module that has
    /// them instead.
    pub fn needs_writers(request: &Request) -> bool {
        request
            .views
            .iter()
            .any(|view| matches!(view, ViewRequest::Output { .. } | ViewRequest::Rewrite { .. } | ViewRequest::Recipes { .. }))
    }

    /// Whether answering `request` needs the recipes (a build without them asks the worker
    /// to load the recipes' module first).
    pub fn needs_recipes(request: &Request) -> bool {
        request.views.iter().any(|view| matches!(view, ViewRequest::Recipes { .. }))
    }

    /// Answers `request`, reading the source with `read` when it changed, answering the "Use
    /// it" pane with `recipes` (the app passes the recipes' module) and the outputs and language
    /// switches with `write` ([`generate`]; the app's first module, which has no generators,
    /// never asks for them: see [`Service::needs_writers`]).
    pub fn answer_with(
        &mut self,
        request: &Request,
        read: impl FnOnce(&str, SourceLanguage) -> Analysis,
        recipes: impl Fn(&Schema, Target, Option<SchemaItem>) -> RecipesPane,
        write: impl Fn(&Schema, Target) -> Generated,
    ) -> Reply {
        if self.needs_reading(request) {
            // Prisma is read here, by the rules of the Prisma chosen; other languages by `read`.
            let analysis = match request.language {
                SourceLanguage::Prisma => crate::analyze_for(&request.source, SourceLanguage::Prisma, request.prisma),
                language => read(&request.source, language),
            };
            self.read = Some((request.language, request.prisma, request.source.clone(), analysis));
            self.reading_sent = false;
            self.sent.clear();
        }
        let Some((_, _, _, analysis)) = &self.read else { unreachable!("read above") };
        let reading = (!self.reading_sent).then(|| Reading {
            diagnostics: analysis.diagnostics.clone(),
            outline: Outline::of_source(&analysis.schema, request.language),
        });
        self.reading_sent = true;
        let mut views = Vec::new();
        for view in &request.views {
            let reply = match view {
                ViewRequest::Output { target } => {
                    let generated = write(&analysis.schema, *target);
                    ViewReply::Output {
                        target: *target,
                        notes: generated.diagnostics.iter().map(|d| d.message.clone()).collect(),
                        text: generated.text,
                        anchors: generated.anchors,
                    }
                }
                ViewRequest::Diagram { positions } => {
                    ViewReply::Diagram { svg: svg::render(&layout_with_positions(&analysis.schema, positions)) }
                }
                ViewRequest::Recipes { target, item } => {
                    ViewReply::Recipes { target: *target, pane: recipes(&analysis.schema, *target, *item) }
                }
                ViewRequest::Hover { offset } => ViewReply::Hover {
                    offset: *offset,
                    hover: crate::hover::hover_at(&analysis.schema, request.language, &request.source, *offset),
                },
                ViewRequest::Format => match crate::format::format(&request.source, request.language) {
                    Ok(text) => ViewReply::Format { text: Some(text), refusal: None },
                    Err(refusal) => ViewReply::Format { text: None, refusal: Some(refusal.0) },
                },
                ViewRequest::Rewrite { language } if crate::diagnostic::has_errors(&analysis.diagnostics) => {
                    ViewReply::Rewrite { language: *language, text: None, losses: Vec::new() }
                }
                ViewRequest::Rewrite { language } => {
                    let generated = write(&analysis.schema, language.writer());
                    let mut losses = Vec::new();
                    let own = write(&analysis.schema, request.language.writer()).text;
                    let target = (generated.text.as_str(), *language);
                    let comments =
                        crate::syntax::comments::uncarried_comments(&request.source, request.language, &analysis.schema, &own, target);
                    if comments > 0 {
                        let (noun, verb) = if comments == 1 { ("comment", "belongs") } else { ("comments", "belong") };
                        losses.push(format!("{comments} {noun} that {verb} to no model, field or relation"));
                    }
                    losses.extend(generated.diagnostics.iter().map(|d| d.message.clone()));
                    ViewReply::Rewrite { language: *language, text: Some(generated.text), losses }
                }
            };
            // A rewrite is asked for once per switch, and asked again when the user switches
            // again (after keeping the text); a hover each time the pointer rests, a layout each
            // time it is asked for: they are always answered.
            if matches!(reply, ViewReply::Rewrite { .. } | ViewReply::Hover { .. } | ViewReply::Format { .. }) {
                views.push(reply);
            } else if !self.sent.contains(&reply) {
                views.push(reply.clone());
                // One answer kept per kind of view and target: the page shows one of each.
                self.sent.retain(|sent| !same_view(sent, &reply));
                self.sent.push(reply);
            }
        }
        Reply { id: request.id, reading, views }
    }
}

fn same_view(a: &ViewReply, b: &ViewReply) -> bool {
    match (a, b) {
        (ViewReply::Output { target: x, .. }, ViewReply::Output { target: y, .. }) => x == y,
        (ViewReply::Diagram { .. }, ViewReply::Diagram { .. }) | (ViewReply::Recipes { .. }, ViewReply::Recipes { .. }) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline_of(names: &[&str]) -> Outline {
        Outline {
            provider: None,
            entities: names.iter().map(|n| OutlineEntity { name: n.to_string(), span: Span::new(0, 0), columns: Vec::new() }).collect(),
            relations: Vec::new(),
        }
    }

    #[test]
    fn definition_at_finds_the_model_a_word_names() {
        let outline = outline_of(&["User", "Post"]);
        let text = "  author User @relation(fields: [authorId])\n  posts Post[]\n";
        let at = |needle: &str, plus: usize| text.find(needle).unwrap() + plus;
        assert_eq!(outline.definition_at(text, at("User", 0)), Some(0));
        assert_eq!(outline.definition_at(text, at("User", 4)), Some(0), "the end of the word counts");
        assert_eq!(outline.definition_at(text, at("Post[]", 2)), Some(1));
        assert_eq!(outline.definition_at(text, at("author", 1)), None, "a field name is no model");
        assert_eq!(outline.definition_at(text, text.len() + 5), None);
        assert_eq!(outline.definition_at("ünï User", 1), None, "offsets inside a character are taken");
        assert_eq!(outline.definition_at("—User", 4), Some(0), "after a character of several bytes");
    }

    #[test]
    fn find_entity_prefers_the_exact_name_then_case_then_prefix_then_contains() {
        let outline = outline_of(&["UserProfile", "user", "User", "Team", "Account"]);
        assert_eq!(outline.find_entity("User"), Some(2));
        assert_eq!(outline.find_entity(" user "), Some(1));
        assert_eq!(outline.find_entity("USER"), Some(1));
        assert_eq!(outline.find_entity("tea"), Some(3));
        assert_eq!(outline.find_entity("count"), Some(4));
        assert_eq!(outline.find_entity("Nowhere"), None);
        assert_eq!(outline.find_entity("  "), None);
    }

    const SCHEMA: &str = "model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n";

    fn request(id: u64, source: &str, views: Vec<ViewRequest>) -> Request {
        Request { id, language: SourceLanguage::Prisma, source: source.to_string(), prisma: Default::default(), views }
    }

    #[test]
    fn reads_once_and_sends_each_view_once_until_it_changes() {
        let mut service = Service::new();
        let views = vec![
            ViewRequest::Output { target: Target::Prisma(crate::options::PrismaVersion::Seven) },
            ViewRequest::Diagram { positions: BTreeMap::new() },
        ];
        let first = service.answer(&request(1, SCHEMA, views.clone()));
        let reading = first.reading.expect("a first reading");
        assert_eq!(reading.outline.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["User", "Post"]);
        assert_eq!(reading.outline.relations.len(), 1);
        assert!(reading.diagnostics.is_empty());
        assert_eq!(first.views.len(), 2);
        assert!(matches!(&first.views[1], ViewReply::Diagram { svg } if svg.starts_with("<svg")));

        // The same text again: nothing new to send.
        let again = service.answer(&request(2, SCHEMA, views.clone()));
        assert_eq!((again.id, again.reading, again.views.len()), (2, None, 0));

        // A moved box: only the diagram comes back, from the same reading.
        let mut positions = BTreeMap::new();
        positions.insert("User".to_string(), (400.0, 10.0));
        let moved = service.answer(&request(3, SCHEMA, vec![views[0].clone(), ViewRequest::Diagram { positions }]));
        assert!(moved.reading.is_none());
        assert!(matches!(moved.views.as_slice(), [ViewReply::Diagram { .. }]));

        // A new text: a new reading and the views again.
        let changed = service.answer(&request(4, &SCHEMA.replace("Post", "Article"), views));
        assert!(changed.reading.is_some_and(|r| r.outline.entity_index("Article") == Some(1)));
        assert_eq!(changed.views.len(), 2);
    }

    #[test]
    fn rewrites_only_a_schema_without_errors() {
        let mut service = Service::new();
        let rewrite = vec![ViewRequest::Rewrite { language: SourceLanguage::TypeOrm }];
        let valid = service.answer(&request(1, SCHEMA, rewrite.clone()));
        assert!(matches!(&valid.views[0], ViewReply::Rewrite { text: Some(text), .. } if text.contains("@Entity")));
        let broken = service.answer(&request(2, "model User {\n  id Int @id\n  post Nope\n}\n", rewrite));
        assert!(matches!(&broken.views[0], ViewReply::Rewrite { text: None, .. }));
        // Asked again for the same text (the user kept it, then switched again): answered again.
        let again = service.answer(&request(
            3,
            "model User {\n  id Int @id\n  post Nope\n}\n",
            vec![ViewRequest::Rewrite { language: SourceLanguage::TypeOrm }],
        ));
        assert!(matches!(&again.views[..], [ViewReply::Rewrite { text: None, .. }]));
    }

    #[test]
    fn a_rewrite_says_what_it_leaves_out() {
        let mut service = Service::new();
        let rewrite = |language| vec![ViewRequest::Rewrite { language }];
        let losses = |reply: &Reply| match &reply.views[0] {
            ViewReply::Rewrite { losses, .. } => losses.clone(),
            other => panic!("{other:?}"),
        };
        // Documentation is carried, so a schema without other comments loses nothing in TypeORM.
        let documented = SCHEMA.replace("model Post {", "/// A post.\nmodel Post {");
        assert_eq!(losses(&service.answer(&request(1, &documented, rewrite(SourceLanguage::TypeOrm)))), Vec::<String>::new());
        // Comments above or after a model or field go with it; a loose one is left out.
        let commented = SCHEMA
            .replace("model Post {", "// posts, by author\nmodel Post {")
            .replace("id Int @id\n  authorId", "id Int @id // key\n  authorId");
        assert_eq!(losses(&service.answer(&request(2, &commented, rewrite(SourceLanguage::TypeOrm)))), Vec::<String>::new());
        let loose = format!("{commented}\n// a loose note\n");
        assert_eq!(
            losses(&service.answer(&request(4, &loose, rewrite(SourceLanguage::TypeOrm)))),
            ["1 comment that belongs to no model, field or relation"]
        );
        // What the target cannot express is said too: VibORM names foreign keys itself.
        let named = SCHEMA.replace("references: [id])", "references: [id], map: \"post_author\")");
        let vib = losses(&service.answer(&request(3, &named, rewrite(SourceLanguage::VibOrm))));
        assert!(vib.iter().any(|l| l.contains("post_author")), "{vib:?}");
    }

    #[test]
    fn a_hover_is_answered_each_time_it_is_asked_for() {
        let mut service = Service::new();
        let offset = SCHEMA.find("author User").unwrap() + 2;
        let hover = vec![ViewRequest::Hover { offset }];
        for id in 1..=2 {
            let reply = service.answer(&request(id, SCHEMA, hover.clone()));
            let [ViewReply::Hover { offset: answered, hover: Some(hover) }] = reply.views.as_slice() else { panic!("{reply:?}") };
            assert_eq!((*answered, hover.title.as_str()), (offset, "Post.author → User · one-to-many"));
        }
        let blank = service.answer(&request(3, SCHEMA, vec![ViewRequest::Hover { offset: SCHEMA.len() }]));
        assert!(matches!(blank.views.as_slice(), [ViewReply::Hover { hover: None, .. }]), "{blank:?}");
    }

    #[test]
    #[cfg(feature = "sql-reader")]
    fn a_sql_readings_outline_has_each_tables_columns_and_a_prisma_one_none() {
        let sql = "CREATE TABLE users (id INT PRIMARY KEY, \"e-mail\" TEXT);";
        let reading = Service::new()
            .answer(&Request {
                id: 1,
                language: SourceLanguage::Sql(crate::dialect::SqlDialect::Postgresql),
                source: sql.into(),
                prisma: Default::default(),
                views: vec![],
            })
            .reading
            .expect("a reading");
        assert_eq!(reading.outline.entities[0].columns, ["id", "e-mail"]);
        let prisma = Service::new().answer(&request(1, SCHEMA, vec![])).reading.expect("a reading");
        assert!(prisma.outline.entities.iter().all(|e| e.columns.is_empty()));
    }

    #[test]
    fn format_lays_the_source_out_or_says_why_not() {
        let mut service = Service::new();
        let messy = "model A {\nid Int @id\n  name String?\n}\n";
        let reply = service.answer(&request(1, messy, vec![ViewRequest::Format]));
        let [ViewReply::Format { text: Some(text), refusal: None }] = reply.views.as_slice() else { panic!("{reply:?}") };
        assert_eq!(text, "model A {\n  id   Int     @id\n  name String?\n}\n");
        let broken = service.answer(&request(2, "model A {\n  id Int @id(\n}\n", vec![ViewRequest::Format]));
        assert!(matches!(broken.views.as_slice(), [ViewReply::Format { text: None, refusal: Some(_) }]), "{broken:?}");
    }

    #[test]
    fn the_outline_finds_items_as_the_schema_does() {
        let schema = analyze(SCHEMA, SourceLanguage::Prisma).schema;
        let outline = Outline::of(&schema);
        for offset in 0..SCHEMA.len() {
            assert_eq!(outline.item_at(offset), schema.item_at(offset), "at {offset}");
        }
        for item in [SchemaItem::Entity(0), SchemaItem::Entity(1), SchemaItem::Relation(0), SchemaItem::Entity(9)] {
            assert_eq!(outline.span_of(item), schema.span_of(item));
        }
    }

    #[test]
    #[cfg(feature = "recipes")]
    fn the_recipes_follow_the_selection() {
        let mut service = Service::new();
        let target = Target::Sql(crate::dialect::SqlDialect::Postgresql);
        let ask = |item| vec![ViewRequest::Recipes { target, item }];
        let first = service.answer(&request(1, SCHEMA, ask(None)));
        let [ViewReply::Recipes { pane: RecipesPane { relation, text, relations }, .. }] = first.views.as_slice() else {
            panic!("{first:?}")
        };
        assert_eq!(*relation, Some(0));
        assert!(text.contains("INSERT INTO \"Post\""), "{text}");
        assert_eq!(relations, &[(0, "User.posts ↔ Post.author (one-to-many)".to_string())]);
        // Selecting the entity Post means its relation; the same answer is not sent again.
        let again = service.answer(&request(2, SCHEMA, ask(Some(SchemaItem::Entity(1)))));
        assert!(again.views.is_empty());
        let none = service.answer(&request(3, "model User {\n  id Int @id\n}\n", ask(None)));
        assert!(matches!(none.views.as_slice(), [ViewReply::Recipes { pane: RecipesPane { relation: None, .. }, .. }]));
    }

    #[test]
    fn requests_and_replies_cross_as_json() {
        let request = request(7, SCHEMA, vec![ViewRequest::Diagram { positions: BTreeMap::new() }]);
        let json = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), request);
        let reply = Service::new().answer(&request);
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
    }
}
