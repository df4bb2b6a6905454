//! The page: a toolbar (or, embedded, a slim bar), the source editor, the output panel, and the
//! wiring of the page to its URL, its saved draft and an embedding page.

use crate::components::{EmbedBar, NoticeBar, OutputPanel, ShareDialog, SourceEditor};
use crate::interop::browser;
use crate::interop::CodeView;
use crate::session::{self, Notice};
use crate::settings::PageSettings;
use leptos::prelude::*;
use relplay_core::examples::EXAMPLES;
use relplay_core::generate::SchemaItem;
use relplay_core::generate::{SequelizeStyle, SqlDialect, TypeOrmCascade, VibOrmApi};
use relplay_core::share::SharedPlayground;
use relplay_core::{analyze, Analysis, Severity, SourceLanguage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The panes of the output panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputTab {
    Diagram,
    Prisma,
    Sql,
    TypeOrm,
    Sequelize,
    VibOrm,
    Problems,
    Ir,
}

impl OutputTab {
    pub const ALL: [OutputTab; 8] = [
        OutputTab::Diagram,
        OutputTab::Prisma,
        OutputTab::Sql,
        OutputTab::TypeOrm,
        OutputTab::Sequelize,
        OutputTab::VibOrm,
        OutputTab::Problems,
        OutputTab::Ir,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OutputTab::Diagram => "Diagram",
            OutputTab::Prisma => "Prisma",
            OutputTab::Sql => "SQL",
            OutputTab::TypeOrm => "TypeORM",
            OutputTab::Sequelize => "Sequelize",
            OutputTab::VibOrm => "VibORM",
            OutputTab::Problems => "Problems",
            OutputTab::Ir => "IR (JSON)",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            OutputTab::Diagram => "diagram",
            OutputTab::Prisma => "prisma",
            OutputTab::Sql => "sql",
            OutputTab::TypeOrm => "typeorm",
            OutputTab::Sequelize => "sequelize",
            OutputTab::VibOrm => "viborm",
            OutputTab::Problems => "problems",
            OutputTab::Ir => "ir",
        }
    }

    pub fn from_id(id: &str) -> Option<OutputTab> {
        OutputTab::ALL.into_iter().find(|t| t.id() == id)
    }
}

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

/// Messages an embedding page may send (README, "Embedding"). Anything else is ignored.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum HostMessage {
    #[serde(rename = "relplay:set-source")]
    SetSource { source: String, language: Option<String> },
}

/// Messages sent to an embedding page.
#[derive(Serialize)]
#[serde(tag = "type")]
enum EmbedEvent<'a> {
    #[serde(rename = "relplay:ready")]
    Ready { version: u32 },
    #[serde(rename = "relplay:change")]
    Change { language: &'static str, source: &'a str, errors: usize, warnings: usize },
    #[serde(rename = "relplay:height")]
    Height { height: f64 },
    #[serde(rename = "relplay:error")]
    Error { message: String },
}

/// The longest text an embedding page may set (the share format's limit too).
const MAX_HOST_SOURCE: usize = relplay_core::share::MAX_DECODED_SIZE;

#[component]
pub fn App() -> impl IntoView {
    let settings = PageSettings::from_query();
    browser::set_theme(&PageSettings::theme());
    let initial = session::initial_state(settings.embed);
    let source = RwSignal::new(initial.playground.source.clone());
    let language = RwSignal::new(initial.playground.language);
    let initial_tab =
        initial.playground.pane.as_deref().and_then(OutputTab::from_id).filter(|t| settings.tabs.contains(t)).unwrap_or(settings.tabs[0]);
    let playground = Playground {
        source,
        language,
        analysis: Memo::new(move |_| {
            let language = language.get();
            source.with(|text| analyze(text, language))
        }),
        tab: RwSignal::new(initial_tab),
        chosen_dialect: RwSignal::new(initial.playground.sql_dialect),
        typeorm_cascade: RwSignal::new(initial.playground.typeorm_cascade),
        typeorm_eager: RwSignal::new(initial.playground.typeorm_eager),
        sequelize_style: RwSignal::new(initial.playground.sequelize_style),
        viborm_api: RwSignal::new(initial.playground.viborm_api),
        editor: StoredValue::new_local(None),
        notice: RwSignal::new(initial.notice),
        positions: RwSignal::new(initial.playground.positions.clone()),
        selection: RwSignal::new(None),
        linked_source: StoredValue::new(initial.linked_source),
        share_open: RwSignal::new(false),
    };
    provide_context(playground);
    provide_context(settings.clone());

    persist_after_changes(playground, settings.embed);
    follow_hash_changes(playground, settings.tabs.clone(), settings.embed);
    if settings.embed || browser::in_frame() {
        talk_to_embedding_page(playground);
    }

    let load_example = move |event: leptos::ev::Event| {
        if let Some(example) = relplay_core::examples::find(&event_target_value(&event)) {
            playground.language.set(SourceLanguage::Prisma);
            playground.set_text(example.source);
        }
    };
    // Switching the language rewrites a valid schema in the new language (undo brings it back);
    // a schema with errors is kept as it is.
    let switch_language = move |event: leptos::ev::Event| {
        let Some(next) = SourceLanguage::from_name(&event_target_value(&event)) else { return };
        let rewritten = playground.analysis.with_untracked(|a| {
            (!relplay_core::diagnostic::has_errors(&a.diagnostics)).then(|| {
                let target = match next {
                    SourceLanguage::Prisma => relplay_core::generate::Target::Prisma,
                    SourceLanguage::Sql(dialect) => relplay_core::generate::Target::Sql(dialect),
                };
                relplay_core::generate::generate(&a.schema, target).text
            })
        });
        playground.language.set(next);
        if let Some(text) = rewritten {
            playground.set_text(&text);
        }
    };
    let status = move || {
        playground.analysis.with(|analysis| {
            let count = |severity| analysis.diagnostics.iter().filter(|d| d.severity == severity).count();
            let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            match (errors, warnings) {
                (0, 0) => ("status ok", "No problems".to_string()),
                (0, w) => ("status warn", format!("{w} warning{}", plural(w))),
                (e, w) => ("status error", format!("{e} error{}, {w} warning{}", plural(e), plural(w))),
            }
        })
    };
    let show_editor = settings.show_editor;

    view! {
        <div class="app" class:embed=settings.embed>
            {if settings.embed {
                view! { <EmbedBar/> }.into_any()
            } else {
                view! {
                    <header class="topbar">
                        <span class="brand">"relplay"</span>
                        <span class="tagline">"relations in every ORM"</span>
                        <label class="language">
                            "Language "
                            <select data-testid="language" on:change=switch_language prop:value=move || playground.language.get().as_str()>
                                <option value="prisma">"Prisma"</option>
                                <option value="sql:postgresql">"SQL (PostgreSQL)"</option>
                                <option value="sql:mysql">"SQL (MySQL)"</option>
                                <option value="sql:sqlite">"SQL (SQLite)"</option>
                            </select>
                        </label>
                        <label class="examples">
                            "Example "
                            <select data-testid="examples" on:change=load_example>
                                <option value="" disabled=true selected=true>"Choose…"</option>
                                {EXAMPLES.iter().map(|e| view! { <option value=e.id>{e.title}</option> }).collect_view()}
                            </select>
                        </label>
                        <button
                            class=move || status().0
                            data-testid="status"
                            title="Show the problems"
                            on:click=move |_| playground.tab.set(OutputTab::Problems)
                        >
                            {move || status().1}
                        </button>
                        <button class="primary" data-testid="share" on:click=move |_| playground.share_open.set(true)>
                            "Share"
                        </button>
                    </header>
                }
                    .into_any()
            }}
            <NoticeBar/>
            <main class="workspace" class:single=!show_editor>
                {show_editor.then(|| view! { <SourceEditor/> })}
                <OutputPanel/>
            </main>
            <ShareDialog/>
        </div>
    }
}

/// After 300 ms without changes: the URL hash follows the playground, and the draft is saved.
fn persist_after_changes(playground: Playground, embed: bool) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |first_run: Option<()>| {
        let snapshot = playground.snapshot();
        if first_run.is_none() && playground.linked_source.with_value(Option::is_some) {
            // Opening a link writes nothing until the user does something.
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                browser::replace_hash(&format!("#s={}", relplay_core::share::encode(&snapshot)));
                if !embed {
                    playground.linked_source.update_value(|linked| session::save_draft(&snapshot, linked));
                }
            },
            std::time::Duration::from_millis(300),
        );
    });
}

/// A link pasted into the address bar of an open page replaces the playground like a fresh load.
fn follow_hash_changes(playground: Playground, tabs: Vec<OutputTab>, embed: bool) {
    browser::on_hash_change(move |hash| match session::playground_from_hash(&hash) {
        Ok(Some(shared)) => {
            let had_draft = !embed && session::saved_draft().is_some_and(|d| d.source != shared.source);
            playground.linked_source.set_value(Some(shared.source.clone()));
            playground.load(&shared, &tabs);
            playground.notice.set(had_draft.then_some(Notice::OpenedLinkOverDraft));
        }
        Ok(None) => {}
        Err(reason) => playground.notice.set(Some(Notice::BrokenLink(reason))),
    });
}

/// The postMessage API for pages that embed the playground in an iframe.
fn talk_to_embedding_page(playground: Playground) {
    browser::post_to_parent(&EmbedEvent::Ready { version: 1 });
    browser::observe_height(|height| browser::post_to_parent(&EmbedEvent::Height { height }));
    Effect::new(move |_| {
        let source = playground.source.get();
        let (errors, warnings) = playground.analysis.with(|a| {
            let count = |severity| a.diagnostics.iter().filter(|d| d.severity == severity).count();
            (count(Severity::Error), count(Severity::Warning))
        });
        let language = playground.language.get().as_str();
        browser::post_to_parent(&EmbedEvent::Change { language, source: &source, errors, warnings });
    });
    browser::on_parent_message(move |data| {
        let Ok(HostMessage::SetSource { source, language }) = serde_wasm_bindgen::from_value::<HostMessage>(data) else { return };
        // The app edits Prisma schemas; SQL is read by the core and the CLI so far.
        if language.as_deref().is_some_and(|l| SourceLanguage::from_name(l) != Some(SourceLanguage::Prisma)) {
            let message = format!("relplay:set-source: unknown language {:?}; relplay reads \"prisma\"", language.unwrap_or_default());
            browser::post_to_parent(&EmbedEvent::Error { message });
        } else if source.len() > MAX_HOST_SOURCE {
            browser::post_to_parent(&EmbedEvent::Error {
                message: format!("relplay:set-source: the text is over {MAX_HOST_SOURCE} bytes"),
            });
        } else {
            playground.set_text(&source);
        }
    });
}
