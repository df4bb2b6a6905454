//! The page: a toolbar, the source editor on the left, the output panel on the right.

use crate::components::{OutputPanel, SourceEditor};
use crate::interop::CodeView;
use leptos::prelude::*;
use relplay_core::examples::EXAMPLES;
use relplay_core::generate::SqlDialect;
use relplay_core::{analyze, Analysis, Severity, SourceLanguage};

/// The panes of the output panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputTab {
    Diagram,
    Prisma,
    Sql,
    Problems,
    Ir,
}

impl OutputTab {
    pub const ALL: [OutputTab; 5] = [OutputTab::Diagram, OutputTab::Prisma, OutputTab::Sql, OutputTab::Problems, OutputTab::Ir];

    pub fn label(self) -> &'static str {
        match self {
            OutputTab::Diagram => "Diagram",
            OutputTab::Prisma => "Prisma",
            OutputTab::Sql => "SQL",
            OutputTab::Problems => "Problems",
            OutputTab::Ir => "IR (JSON)",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            OutputTab::Diagram => "diagram",
            OutputTab::Prisma => "prisma",
            OutputTab::Sql => "sql",
            OutputTab::Problems => "problems",
            OutputTab::Ir => "ir",
        }
    }
}

/// State shared by the page's parts.
#[derive(Clone, Copy)]
pub struct Playground {
    /// The text in the editor.
    pub source: RwSignal<String>,
    /// The core's reading of the text, recomputed when it changes.
    pub analysis: Memo<Analysis>,
    pub tab: RwSignal<OutputTab>,
    /// The SQL dialect chosen by the user; `None` follows the schema's datasource.
    pub chosen_dialect: RwSignal<Option<SqlDialect>>,
    /// The source editor, once mounted.
    pub editor: StoredValue<Option<CodeView>, LocalStorage>,
}

impl Playground {
    pub fn dialect(&self) -> SqlDialect {
        self.chosen_dialect.get().unwrap_or_else(|| SqlDialect::for_provider(self.analysis.with(|a| a.schema.provider)))
    }
}

#[component]
pub fn App() -> impl IntoView {
    let source = RwSignal::new(EXAMPLES[0].source.to_string());
    let playground = Playground {
        source,
        analysis: Memo::new(move |_| source.with(|text| analyze(text, SourceLanguage::Prisma))),
        tab: RwSignal::new(OutputTab::Diagram),
        chosen_dialect: RwSignal::new(None),
        editor: StoredValue::new_local(None),
    };
    provide_context(playground);

    let load_example = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        if let Some(example) = relplay_core::examples::find(&id) {
            match playground.editor.get_value() {
                Some(editor) => editor.set_text(example.source),
                None => source.set(example.source.to_string()),
            }
        }
    };
    let status = move || {
        playground.analysis.with(|analysis| {
            let count = |severity| analysis.diagnostics.iter().filter(|d| d.severity == severity).count();
            let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
            match (errors, warnings) {
                (0, 0) => ("status ok", "No problems".to_string()),
                (0, w) => ("status warn", format!("{w} warning{}", if w == 1 { "" } else { "s" })),
                (e, w) => {
                    ("status error", format!("{e} error{}, {w} warning{}", if e == 1 { "" } else { "s" }, if w == 1 { "" } else { "s" }))
                }
            }
        })
    };

    view! {
        <header class="topbar">
            <span class="brand">"relplay"</span>
            <span class="tagline">"relations in every ORM"</span>
            <label class="examples">
                "Example "
                <select data-testid="examples" on:change=load_example>
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
        </header>
        <main class="workspace">
            <SourceEditor/>
            <OutputPanel/>
        </main>
    }
}
