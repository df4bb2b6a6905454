//! The playground's state, shared by the page's parts: the source and its language, what the core
//! (in its worker) last answered about it, the pane shown with its options, and the selection
//! linked across views.

use crate::interop::CodeView;
use crate::panes::OutputTab;
use crate::session::Notice;
use leptos::prelude::*;
use relplay_core::generate::{Anchor, Target};
use relplay_core::generate::{SchemaItem, SqlDialect};
use relplay_core::ir::Provider;
use relplay_core::options::{SequelizeStyle, TypeOrmCascade, VibOrmApi};
use relplay_core::registry::{TargetChoices, TargetId};
use relplay_core::service::Reading;
use relplay_core::share::SharedPlayground;
use relplay_core::SourceLanguage;
use std::collections::BTreeMap;

/// Which view a selection was made in: that view keeps its own cursor, the others follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionOrigin {
    Editor,
    Diagram,
    Output,
}

/// The entity or relation selected, shown in every view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub item: SchemaItem,
    pub origin: SelectionOrigin,
}

/// A generator's output as the core sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetOutput {
    pub target: Target,
    pub text: String,
    pub anchors: Vec<Anchor>,
    pub notes: Vec<String>,
}

/// The "Use it" pane's content as the core last sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecipesView {
    pub target: Target,
    /// The relation shown (an index into the schema's relations), if the schema has one.
    pub relation: Option<usize>,
    pub text: String,
    /// Every relation that has recipes, by its heading.
    pub relations: Vec<(usize, String)>,
}

/// Whether the core has answered for the text on screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum CoreState {
    /// No answer yet: the page has just opened.
    #[default]
    Reading,
    /// Answered (newer requests may be on their way: the page shows the last answer meanwhile).
    Ready,
    /// Fetching the reader of the source language.
    LoadingReader,
    /// The reader could not be fetched.
    ReaderFailed(String),
    /// The writers (the output panes, a language switch) could not be fetched; the reading stands.
    WritersFailed(String),
    /// The core failed on this text; the next edit starts it again.
    Crashed(String),
}

/// The schema written in another language, and what that leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchOffer {
    pub language: SourceLanguage,
    pub text: String,
    pub losses: Vec<String>,
}

/// State shared by the page's parts.
#[derive(Clone, Copy)]
pub struct Playground {
    /// The text in the editor.
    pub source: RwSignal<String>,
    /// The language of the text.
    pub language: RwSignal<SourceLanguage>,
    /// The core's reading of the text (diagnostics and where each item is), as last answered.
    pub reading: RwSignal<Reading>,
    /// The datasource's provider from the reading, which picks the dialect when none is chosen.
    pub provider: Memo<Option<Provider>>,
    /// Each output the core has sent, by target (the one shown, and those shown before, kept
    /// until a newer answer replaces them).
    pub outputs: RwSignal<Vec<TargetOutput>>,
    /// The diagram's SVG as last drawn.
    pub diagram_svg: RwSignal<String>,
    /// What the core is doing, when the user should know.
    pub core_state: RwSignal<CoreState>,
    /// Whether an answer to the newest request is still to come (the page shows the previous
    /// one meanwhile); `aria-busy` on the page's root says so to assistive technology and tests.
    pub awaiting_core: RwSignal<bool>,
    /// A language switch waiting for the core to write the schema in that language.
    pub pending_switch: RwSignal<Option<SourceLanguage>>,
    /// A rewrite the core has written that leaves something out: shown, with what it leaves out,
    /// until the user takes it or keeps the text as it is (an edit drops it).
    pub switch_offer: RwSignal<Option<SwitchOffer>>,
    pub tab: RwSignal<OutputTab>,
    /// The SQL dialect chosen by the user (SQL and TypeORM panes); `None` follows the schema's datasource.
    pub chosen_dialect: RwSignal<Option<SqlDialect>>,
    /// The TypeORM pane's cascade choice.
    pub typeorm_cascade: RwSignal<TypeOrmCascade>,
    /// Whether the TypeORM pane makes to-one relations eager.
    pub typeorm_eager: RwSignal<bool>,
    /// The Sequelize pane's model style.
    pub sequelize_style: RwSignal<SequelizeStyle>,
    /// The VibORM pane's API form.
    pub viborm_api: RwSignal<VibOrmApi>,
    /// The Prisma a Prisma source is judged by and the Prisma output written for.
    pub prisma: RwSignal<relplay_core::options::PrismaVersion>,
    /// The ORM (or SQL) the "Use it" pane shows recipes in.
    pub recipes_target: RwSignal<TargetId>,
    /// The "Use it" pane's content as last sent.
    pub recipes: RwSignal<Option<RecipesView>>,
    /// Why the recipes' module could not be fetched, until the pane gets an answer.
    pub recipes_failed: RwSignal<Option<String>>,
    /// The source editor, once mounted (never, when the view leaves it out).
    pub editor: StoredValue<Option<CodeView>, LocalStorage>,
    pub notice: RwSignal<Option<Notice>>,
    /// Diagram positions of entities the user dragged, by entity name.
    pub positions: RwSignal<BTreeMap<String, (f64, f64)>>,
    pub selection: RwSignal<Option<Selection>>,
    /// The source of the shared link on screen, until the user edits it.
    pub linked_source: StoredValue<Option<String>>,
    pub share_open: RwSignal<bool>,
    /// A hover to ask the core for (a byte offset of the source), until the request is sent.
    pub hover_asked: RwSignal<Option<usize>>,
    /// The source as it was when Format was asked for, until the request is sent (then the
    /// layout is applied only if the source is still that text).
    pub format_asked: RwSignal<bool>,
    pub format_source: StoredValue<Option<String>>,
    /// Where the editor waits for the hover last asked for, and its offset.
    pub hover_answer: StoredValue<Option<(usize, crate::interop::HoverAnswer)>, LocalStorage>,
}

impl Playground {
    /// Selects `item` (or nothing) on behalf of one view.
    pub fn select(&self, item: Option<SchemaItem>, origin: SelectionOrigin) {
        let selection = item.map(|item| Selection { item, origin });
        if self.selection.get_untracked().map(|s| s.item) != selection.map(|s| s.item) {
            self.selection.set(selection);
        }
    }

    pub fn dialect(&self) -> SqlDialect {
        self.chosen_dialect.get().unwrap_or_else(|| SqlDialect::for_provider(self.provider.get()))
    }

    /// Every target option as chosen in the panes.
    pub fn target_choices(&self) -> TargetChoices {
        TargetChoices {
            dialect: self.dialect(),
            cascade: self.typeorm_cascade.get(),
            eager: self.typeorm_eager.get(),
            style: self.sequelize_style.get(),
            api: self.viborm_api.get(),
            prisma: self.prisma.get(),
        }
    }

    /// Everything a share link or the draft keeps.
    pub fn snapshot(&self) -> SharedPlayground {
        SharedPlayground {
            language: self.language.get(),
            source: self.source.get(),
            sql_dialect: self.chosen_dialect.get(),
            pane: Some(self.tab.get().id().to_string()),
            positions: self.positions.get(),
            typeorm_cascade: self.typeorm_cascade.get(),
            typeorm_eager: self.typeorm_eager.get(),
            sequelize_style: self.sequelize_style.get(),
            viborm_api: self.viborm_api.get(),
            prisma: self.prisma.get(),
            recipes_target: Some(self.recipes_target.get()).filter(|t| *t != TargetId::Prisma).map(|t| t.info().id.to_string()),
        }
    }

    /// The output of `target` as last sent, if the core has sent one.
    pub fn output_of(&self, target: Target) -> Option<TargetOutput> {
        self.outputs.with(|outputs| outputs.iter().find(|o| o.target == target).cloned())
    }

    /// Asks the core to lay the source out (Format document).
    pub fn format_source(&self) {
        self.format_source.set_value(Some(self.source.get_untracked()));
        self.format_asked.set(true);
    }

    /// Replaces the text, through the editor when there is one so that undo keeps working.
    pub fn set_text(&self, text: &str) {
        match self.editor.get_value() {
            Some(editor) => editor.set_text(text),
            None => self.source.set(text.to_string()),
        }
    }

    /// Shows a saved or shared playground.
    pub fn load(&self, playground: &SharedPlayground, tabs: &[OutputTab]) {
        self.language.set(playground.language);
        self.set_text(&playground.source);
        self.chosen_dialect.set(playground.sql_dialect);
        self.typeorm_cascade.set(playground.typeorm_cascade);
        self.typeorm_eager.set(playground.typeorm_eager);
        self.sequelize_style.set(playground.sequelize_style);
        self.viborm_api.set(playground.viborm_api);
        self.prisma.set(playground.prisma);
        self.recipes_target.set(recipes_target_of(playground));
        self.positions.set(playground.positions.clone());
        self.selection.set(None);
        if let Some(tab) = playground.pane.as_deref().and_then(OutputTab::from_id).filter(|t| tabs.contains(t)) {
            self.tab.set(tab);
        }
    }
}

/// The "Use it" pane's ORM a link or draft names (Prisma when it names none, or one that has no
/// recipes).
pub fn recipes_target_of(playground: &SharedPlayground) -> TargetId {
    playground.recipes_target.as_deref().and_then(TargetId::from_id).filter(|t| *t != TargetId::Json).unwrap_or(TargetId::Prisma)
}
