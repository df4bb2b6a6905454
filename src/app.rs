//! The page: a toolbar (or, embedded, a slim bar), the source editor, the output panel, and the
//! wiring of the page to its URL, its saved draft and an embedding page.

use crate::components::{EmbedBar, NoticeBar, OutputPanel, ShareDialog, SourceEditor};
use crate::embed::talk_to_embedding_page;
use crate::interop::browser;
use crate::panes::OutputTab;
use crate::session::{self, Notice};
use crate::settings::PageSettings;
use crate::state::{CoreState, Playground};
use leptos::prelude::*;
use relplay_core::examples::EXAMPLES;
use relplay_core::registry::LANGUAGES;
use relplay_core::service::Reading;
use relplay_core::share::SharedPlayground;
use relplay_core::{Severity, SourceLanguage};

#[component]
pub fn App() -> impl IntoView {
    let settings = PageSettings::from_query();
    browser::set_theme(&PageSettings::theme());
    let initial = session::initial_state(settings.embed);
    let source = RwSignal::new(initial.playground.source.clone());
    let language = RwSignal::new(initial.playground.language);
    let initial_tab =
        initial.playground.pane.as_deref().and_then(OutputTab::from_id).filter(|t| settings.tabs.contains(t)).unwrap_or(settings.tabs[0]);
    let reading = RwSignal::new(Reading::default());
    let playground = Playground {
        source,
        language,
        reading,
        provider: Memo::new(move |_| reading.with(|r| r.outline.provider)),
        outputs: RwSignal::new(Vec::new()),
        diagram_svg: RwSignal::new(String::new()),
        core_state: RwSignal::new(CoreState::Reading),
        awaiting_core: RwSignal::new(true),
        pending_switch: RwSignal::new(None),
        switch_offer: RwSignal::new(None),
        tab: RwSignal::new(initial_tab),
        chosen_dialect: RwSignal::new(initial.playground.sql_dialect),
        typeorm_cascade: RwSignal::new(initial.playground.typeorm_cascade),
        typeorm_eager: RwSignal::new(initial.playground.typeorm_eager),
        sequelize_style: RwSignal::new(initial.playground.sequelize_style),
        viborm_api: RwSignal::new(initial.playground.viborm_api),
        prisma: RwSignal::new(initial.playground.prisma),
        recipes_target: RwSignal::new(crate::state::recipes_target_of(&initial.playground)),
        recipes: RwSignal::new(None),
        recipes_failed: RwSignal::new(None),
        editor: StoredValue::new_local(None),
        notice: RwSignal::new(initial.notice),
        positions: RwSignal::new(initial.playground.positions.clone()),
        selection: RwSignal::new(None),
        linked_source: StoredValue::new(initial.linked_source),
        share_open: RwSignal::new(false),
        hover_asked: RwSignal::new(None),
        format_asked: RwSignal::new(false),
        format_source: StoredValue::new(None),
        hover_answer: StoredValue::new_local(None),
    };
    provide_context(playground);
    provide_context(settings.clone());
    crate::core_link::connect(playground);

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
    // a schema with errors is kept as it is. The core writes it; the switch happens when it has.
    let switch_language = move |event: leptos::ev::Event| {
        if let Some(next) = SourceLanguage::from_name(&event_target_value(&event)) {
            playground.pending_switch.set(Some(next));
        }
    };
    let status = move || {
        match playground.core_state.get() {
            CoreState::Reading => return ("status", "Reading…".to_string()),
            CoreState::LoadingReader => return ("status", "Loading the reader…".to_string()),
            CoreState::ReaderFailed(_) | CoreState::Crashed(_) => return ("status error", "Not read".to_string()),
            CoreState::Ready | CoreState::WritersFailed(_) => {}
        }
        playground.reading.with(|reading| {
            let count = |severity| reading.diagnostics.iter().filter(|d| d.severity == severity).count();
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
        <div class="app" class:embed=settings.embed aria-busy=move || playground.awaiting_core.get().to_string()>
            {if settings.embed {
                view! { <EmbedBar/> }.into_any()
            } else {
                view! {
                    <header class="topbar">
                        <h1 class="brand">"relplay"</h1>
                        <span class="tagline">"relations in every ORM"</span>
                        <label class="language">
                            "Language "
                            <select
                                data-testid="language"
                                on:change=switch_language
                                prop:value=move || playground.pending_switch.get().unwrap_or(playground.language.get()).as_str()
                            >
                                {LANGUAGES.iter().map(|l| view! { <option value=l.id>{l.label}</option> }).collect_view()}
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

/// After 300 ms without changes: the URL hash follows the playground, and the draft is saved. A
/// change still waiting when the page is hidden or left (a tab switched just before closing) is
/// written at once, so it is not lost.
fn persist_after_changes(playground: Playground, embed: bool) {
    let pending = StoredValue::new(None::<SharedPlayground>);
    let generation = StoredValue::new(0u64);
    let write_pending = move || {
        let Some(snapshot) = pending.try_update_value(Option::take).flatten() else { return };
        // A text a link cannot carry (links open up to 1 MiB) leaves the hash as it was.
        if snapshot.source.len() <= relplay_core::share::MAX_DECODED_SIZE {
            // The browser compresses the link; one that a newer change overtook meanwhile is left
            // to that change.
            let at = generation.get_value();
            browser::share_payload(&snapshot, move |payload| {
                if generation.try_get_value() == Some(at) {
                    browser::replace_hash(&format!("#s={payload}"));
                }
            });
        }
        if !embed {
            playground.linked_source.update_value(|linked| session::save_draft(&snapshot, linked));
        }
    };
    Effect::new(move |first_run: Option<()>| {
        let snapshot = playground.snapshot();
        if first_run.is_none() && playground.linked_source.with_value(Option::is_some) {
            // Opening a link writes nothing until the user does something.
            return;
        }
        pending.set_value(Some(snapshot));
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    write_pending();
                }
            },
            std::time::Duration::from_millis(300),
        );
    });
    browser::on_page_hide(write_pending);
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
