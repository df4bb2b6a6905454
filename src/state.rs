//! The playground's state, shared by the page's parts: the source and its language, the core's
//! analysis of it, the pane shown with its options, and the selection linked across views.

use crate::interop::CodeView;
use crate::panes::OutputTab;
use crate::session::Notice;
use leptos::prelude::*;
use relplay_core::generate::{SchemaItem, SqlDialect};
use relplay_core::options::{SequelizeStyle, TypeOrmCascade, VibOrmApi};
use relplay_core::registry::TargetChoices;
use relplay_core::share::SharedPlayground;
use relplay_core::{Analysis, SourceLanguage};
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

/// State shared by the page's parts.
#[derive(Clone, Copy)]
pub struct Playground {
    /// The text in the editor.
    pub source: RwSignal<String>,
    /// The language of the text.
    pub language: RwSignal<SourceLanguage>,
    /// The core's reading of the text, recomputed when it changes.
    pub analysis: Memo<Analysis>,
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
    /// The source editor, once mounted (never, when the view leaves it out).
    pub editor: StoredValue<Option<CodeView>, LocalStorage>,
    pub notice: RwSignal<Option<Notice>>,
    /// Diagram positions of entities the user dragged, by entity name.
    pub positions: RwSignal<BTreeMap<String, (f64, f64)>>,
    pub selection: RwSignal<Option<Selection>>,
    /// The source of the shared link on screen, until the user edits it.
    pub linked_source: StoredValue<Option<String>>,
    pub share_open: RwSignal<bool>,
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
        self.chosen_dialect.get().unwrap_or_else(|| SqlDialect::for_provider(self.analysis.with(|a| a.schema.provider)))
    }

    /// Every target option as chosen in the panes.
    pub fn target_choices(&self) -> TargetChoices {
        TargetChoices {
            dialect: self.dialect(),
            cascade: self.typeorm_cascade.get(),
            eager: self.typeorm_eager.get(),
            style: self.sequelize_style.get(),
            api: self.viborm_api.get(),
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
        }
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
        self.positions.set(playground.positions.clone());
        self.selection.set(None);
        if let Some(tab) = playground.pane.as_deref().and_then(OutputTab::from_id).filter(|t| tabs.contains(t)) {
            self.tab.set(tab);
        }
    }
}
