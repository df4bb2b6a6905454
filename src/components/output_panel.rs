//! The output panel: tabs for the diagram, each generated target, the problems and the IR, with
//! copy and download buttons. Text outputs share one read-only CodeMirror view.

use super::diagram_view::DiagramView;
use super::problems::ProblemsList;
use crate::interop::{browser, copy_to_clipboard, download, CodeView};
use crate::panes::OutputTab;
use crate::state::{Playground, SelectionOrigin};
use leptos::html::Div;
use leptos::prelude::*;
use relplay_core::generate::{Anchor, SqlDialect};
use relplay_core::options::Choice;
use relplay_core::registry::TargetId;
use relplay_core::LineIndex;

/// The current output: its text, the file name to download it as, its MIME type and language.
#[derive(Clone, PartialEq)]
struct Output {
    text: String,
    file_name: String,
    mime_type: &'static str,
    /// The editor's highlighting (the registry's `editor_language`); `None` for the diagram and
    /// the problems, which are not shown as code.
    language: Option<&'static str>,
    /// What the generator could not express, one line each.
    notes: Vec<String>,
    /// Where each entity and relation stands in `text`.
    anchors: Vec<Anchor>,
}

fn current_output(playground: &Playground) -> Output {
    let tab = playground.tab.get();
    let choices = playground.target_choices();
    match tab {
        OutputTab::Diagram => Output {
            text: playground.diagram_svg.get(),
            file_name: "relplay-diagram.svg".into(),
            mime_type: "image/svg+xml",
            language: None,
            notes: Vec::new(),
            anchors: Vec::new(),
        },
        OutputTab::Target(id) => {
            let target = id.with(&choices);
            let format = target.format();
            // Until the core has written this target, the pane says so.
            let (text, anchors, notes) = match playground.output_of(target) {
                Some(output) => (output.text, output.anchors, output.notes),
                None => (String::new(), Vec::new(), Vec::new()),
            };
            Output {
                notes,
                text,
                file_name: format.file_name.into(),
                mime_type: format.mime_type,
                language: Some(format.editor_language),
                anchors,
            }
        }
        OutputTab::Recipes => {
            let format = playground.recipes_target.get().with(&choices).recipes_format();
            Output {
                text: playground.recipes.with(|r| r.as_ref().map(|r| r.text.clone()).unwrap_or_default()),
                file_name: format.file_name.into(),
                mime_type: format.mime_type,
                language: Some(format.editor_language),
                notes: Vec::new(),
                anchors: Vec::new(),
            }
        }
        OutputTab::Problems => {
            let source_file = playground.language.get().info().format.file_name;
            Output {
                text: playground
                    .reading
                    .with(|r| relplay_core::diagnostic::render::to_text(source_file, &playground.source.get(), &r.diagnostics)),
                file_name: "problems.txt".into(),
                mime_type: "text/plain",
                language: None,
                notes: Vec::new(),
                anchors: Vec::new(),
            }
        }
    }
}

/// A labelled menu of one target option: every value of the [`Choice`], by its id and label.
#[component]
fn OptionMenu<C: Choice + Send + Sync>(
    label: &'static str,
    test_id: &'static str,
    value: Signal<C>,
    on_choose: impl Fn(C) + 'static,
) -> impl IntoView {
    let choose = move |event: leptos::ev::Event| {
        if let Some(choice) = C::from_id(&event_target_value(&event)) {
            on_choose(choice);
        }
    };
    view! {
        <label>
            {label}
            <select data-testid=test_id prop:value=move || value.get().id() on:change=choose>
                {C::ALL.iter().map(|c| view! { <option value=c.id()>{c.label()}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// The dialect menu's value: the chosen dialect, or `auto` when following the datasource.
fn chosen_dialect_value(playground: Playground) -> &'static str {
    playground.chosen_dialect.get().map_or("auto", SqlDialect::as_str)
}

/// The element id of the output panel, which every tab controls.
const OUTPUT_PANEL_ID: &str = "output-panel";

fn tab_element_id(tab: OutputTab) -> String {
    format!("tab-{}", tab.id())
}

#[component]
pub fn OutputPanel() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let settings = expect_context::<crate::settings::PageSettings>();
    let output = Memo::new(move |_| current_output(&playground));
    let code_host = NodeRef::<Div>::new();
    let code_view: StoredValue<Option<CodeView>, LocalStorage> = StoredValue::new_local(None);
    let copied = RwSignal::new(false);

    Effect::new(move |_| {
        // (Read in place: the output is the whole generated text, a megabyte on a large schema.)
        let Some(language) = output.with(|o| o.language) else { return };
        let Some(element) = code_host.get() else { return };
        if code_view.with_value(Option::is_none) {
            let on_click = move |utf16: u32| {
                let item = output.with_untracked(|o| {
                    let offset = LineIndex::new(&o.text).byte_offset_of_utf16(utf16 as usize);
                    relplay_core::generate::item_at(&o.anchors, offset)
                });
                if item.is_some() {
                    playground.select(item, SelectionOrigin::Output);
                }
            };
            code_view.set_value(Some(CodeView::output(&element, language, on_click)));
        }
        if let Some(view) = code_view.get_value() {
            view.set_language(language);
            output.with(|current| view.set_text(&current.text));
        }
    });

    // Highlight the selected entity or relation in the text output.
    Effect::new(move |_| {
        let Some(selection) = playground.selection.get().filter(|s| s.origin != SelectionOrigin::Output) else { return };
        output.with(|o| {
            let Some(anchor) = o.anchors.iter().find(|a| a.item == selection.item) else { return };
            let index = LineIndex::new(&o.text);
            let (from, to) = (index.utf16_offset(anchor.span.start()), index.utf16_offset(anchor.span.end()));
            if let Some(view) = code_view.get_value() {
                browser::after_next_paint(move || view.highlight(from, to));
            }
        });
    });

    let has_errors = move || playground.reading.with(|r| relplay_core::diagnostic::has_errors(&r.diagnostics));
    let all_tabs = StoredValue::new(settings.tabs.clone());
    let tab_button = move |tab: OutputTab| {
        let label = move || match tab {
            OutputTab::Problems => format!("Problems ({})", playground.reading.with(|r| r.diagnostics.len())),
            other => other.label().to_string(),
        };
        // The ARIA tabs pattern: arrows, Home and End choose a tab and move the focus with it.
        let keys = move |event: leptos::ev::KeyboardEvent| {
            let tabs = all_tabs.get_value();
            let Some(at) = tabs.iter().position(|t| *t == tab) else { return };
            let next = match event.key().as_str() {
                "ArrowRight" => (at + 1) % tabs.len(),
                "ArrowLeft" => (at + tabs.len() - 1) % tabs.len(),
                "Home" => 0,
                "End" => tabs.len() - 1,
                _ => return,
            };
            event.prevent_default();
            playground.tab.set(tabs[next]);
            browser::focus(&format!("#{}", tab_element_id(tabs[next])));
        };
        view! {
            <button
                role="tab"
                class="tab"
                id=tab_element_id(tab)
                data-tab=tab.id()
                aria-selected=move || (playground.tab.get() == tab).to_string()
                aria-controls=OUTPUT_PANEL_ID
                tabindex=move || if playground.tab.get() == tab { "0" } else { "-1" }
                on:click=move |_| playground.tab.set(tab)
                on:keydown=keys
            >
                {label}
            </button>
        }
    };
    let set_dialect = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        playground.chosen_dialect.set(SqlDialect::from_name(&value));
    };
    let copy = move |_| {
        copy_to_clipboard(&output.with_untracked(|o| o.text.clone()));
        copied.set(true);
        set_timeout(move || copied.set(false), std::time::Duration::from_millis(1500));
    };
    let save = move |_| output.with_untracked(|o| download(&o.file_name, &o.text, o.mime_type));
    let is_tab = move |tab: OutputTab| move || playground.tab.get() == tab;

    view! {
        <section class="pane output-pane">
            <div class="pane-head tabs" role="tablist">
                {settings.tabs.iter().copied().map(tab_button).collect_view()}
            </div>
            <div class="toolbar">
                <Show when=is_tab(OutputTab::Recipes)>
                    <RecipesMenus/>
                </Show>
                <Show when=move || {
                    is_tab(OutputTab::Target(TargetId::Sql))() || is_tab(OutputTab::Target(TargetId::TypeOrm))()
                        || (is_tab(OutputTab::Recipes)() && matches!(playground.recipes_target.get(), TargetId::Sql | TargetId::TypeOrm))
                }>
                    <label>
                        {move || if is_tab(OutputTab::Target(TargetId::TypeOrm))() { "Column types for " } else { "Dialect " }}
                        <select data-testid="dialect" on:change=set_dialect prop:value=move || chosen_dialect_value(playground)>
                            <option value="auto">{move || format!("from datasource ({})", playground.dialect().display_name())}</option>
                            <option value="postgresql">"PostgreSQL"</option>
                            <option value="mysql">"MySQL"</option>
                            <option value="sqlite">"SQLite"</option>
                        </select>
                    </label>
                </Show>
                <Show when=is_tab(OutputTab::Target(TargetId::TypeOrm))>
                    <OptionMenu
                        label="Cascade "
                        test_id="typeorm-cascade"
                        value=Signal::derive(move || playground.typeorm_cascade.get())
                        on_choose=move |cascade| playground.typeorm_cascade.set(cascade)
                    />
                    <label>
                        <input
                            type="checkbox"
                            data-testid="typeorm-eager"
                            prop:checked=move || playground.typeorm_eager.get()
                            on:change=move |event| playground.typeorm_eager.set(event_target_checked(&event))
                        />
                        " eager to-one"
                    </label>
                </Show>
                <Show when=is_tab(OutputTab::Target(TargetId::Sequelize))>
                    <OptionMenu
                        label="Models "
                        test_id="sequelize-style"
                        value=Signal::derive(move || playground.sequelize_style.get())
                        on_choose=move |style| playground.sequelize_style.set(style)
                    />
                </Show>
                <Show when=is_tab(OutputTab::Target(TargetId::Prisma))>
                    <OptionMenu
                        label="For "
                        test_id="prisma-version"
                        value=Signal::derive(move || playground.prisma.get())
                        on_choose=move |version| playground.prisma.set(version)
                    />
                </Show>
                <Show when=is_tab(OutputTab::Target(TargetId::VibOrm))>
                    <OptionMenu
                        label="Relation API "
                        test_id="viborm-api"
                        value=Signal::derive(move || playground.viborm_api.get())
                        on_choose=move |api| playground.viborm_api.set(api)
                    />
                </Show>
                <span class="spacer"></span>
                <button on:click=copy data-testid="copy">{move || if copied.get() { "Copied" } else { "Copy" }}</button>
                <button on:click=save data-testid="download">"Download"</button>
            </div>
            <Show when=move || has_errors() && !is_tab(OutputTab::Problems)()>
                <p class="banner">"The schema has errors: this shows what could be understood so far."</p>
            </Show>
            <Show when=move || is_tab(OutputTab::Recipes)() && playground.recipes.with(|r| r.as_ref().is_some_and(|r| r.relation.is_none()))>
                <p class="banner" data-testid="recipes-empty">"The schema has no relation yet: write one to see how it is used."</p>
            </Show>
            {move || {
                let reason = playground.recipes_failed.get().filter(|_| is_tab(OutputTab::Recipes)())?;
                Some(view! {
                    <p class="banner error" role="alert" data-testid="recipes-failed">
                        {format!("The recipes could not be fetched ({reason}). Your text is untouched; show this pane again to try again.")}
                    </p>
                })
            }}
            <Show when=move || output.with(|o| !o.notes.is_empty())>
                <ul class="notes">
                    {move || output.with(|o| o.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}
                </ul>
            </Show>
            <div class="output-body" id=OUTPUT_PANEL_ID role="tabpanel" aria-labelledby=move || tab_element_id(playground.tab.get())>
                <DiagramView svg=Signal::derive(move || playground.diagram_svg.get()) visible=Signal::derive(is_tab(OutputTab::Diagram))/>
                <div
                    class="code-output"
                    data-testid="code-output"
                    node_ref=code_host
                    class:hidden=move || output.with(|o| o.language.is_none())
                ></div>
                <div class="problems-pane" class:hidden=move || !is_tab(OutputTab::Problems)()>
                    <ProblemsList visible=Signal::derive(is_tab(OutputTab::Problems))/>
                </div>
            </div>
        </section>
    }
}

/// The "Use it" pane's menus: the ORM (or SQL) the recipes are written for, and the relation
/// shown, which follows the selection in every view and selects the relation when chosen here.
#[component]
fn RecipesMenus() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let targets = relplay_core::registry::TARGETS.iter().filter(|t| t.target != TargetId::Json);
    let choose_target = move |event: leptos::ev::Event| {
        if let Some(target) = TargetId::from_id(&event_target_value(&event)) {
            playground.recipes_target.set(target);
        }
    };
    let choose_relation = move |event: leptos::ev::Event| {
        if let Ok(index) = event_target_value(&event).parse::<usize>() {
            playground.select(Some(relplay_core::generate::SchemaItem::Relation(index)), SelectionOrigin::Output);
        }
    };
    let shown = move || playground.recipes.with(|r| r.as_ref().and_then(|r| r.relation).map(|i| i.to_string()).unwrap_or_default());
    view! {
        <label>
            "In "
            <select data-testid="recipes-target" prop:value=move || playground.recipes_target.get().info().id on:change=choose_target>
                {targets.map(|t| view! { <option value=t.id>{t.label}</option> }).collect_view()}
            </select>
        </label>
        <label>
            "Relation "
            <select data-testid="recipes-relation" prop:value=shown on:change=choose_relation>
                {move || {
                    playground
                        .recipes
                        .with(|r| {
                            r.as_ref()
                                .map(|r| {
                                    r.relations
                                        .iter()
                                        .map(|(index, heading)| view! { <option value=index.to_string()>{heading.clone()}</option> })
                                        .collect_view()
                                })
                        })
                }}
            </select>
        </label>
    }
}
