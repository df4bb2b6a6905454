//! The Problems pane: every diagnostic with its position; a click selects it in the editor and
//! a fix button applies the diagnostic's fix.

use crate::interop::{load_rule_docs, RuleSummary};
use crate::state::Playground;
use leptos::prelude::*;
use relplay_core::diagnostic::render;
use std::collections::HashMap;

/// `visible`: whether the pane shows; its rows are drawn only then (a reading with hundreds of
/// problems would otherwise redraw them, hidden, with every answer while the user types).
#[component]
pub fn ProblemsList(visible: Signal<bool>) -> impl IntoView {
    let playground = expect_context::<Playground>();
    // The rules' one-line documentation, fetched when the first problem shows.
    let docs = RwSignal::new(None::<HashMap<String, RuleSummary>>);
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if playground.reading.with(|r| !r.diagnostics.is_empty()) && !asked.get_value() {
            asked.set_value(true);
            load_rule_docs(move |loaded| docs.set(Some(loaded)));
        }
    });
    let rows = move || {
        // Drawn again when a reading comes, not on every keystroke: the reading is of the text
        // as it stood, and the next one follows.
        if !visible.get() {
            return Vec::new();
        }
        let text = playground.source.get_untracked();
        playground.reading.with(|reading| {
            render::locate(&text, &reading.diagnostics)
                .into_iter()
                .map(|d| {
                    let (from, to) = (d.from, d.to);
                    let fix = d.fix.as_ref().map(|fix| {
                        (
                            fix.title.to_string(),
                            fix.edits
                                .iter()
                                .map(|e| serde_json::json!({"from": e.from, "to": e.to, "insert": e.insert}))
                                .collect::<Vec<_>>(),
                        )
                    });
                    let jump = move |_| {
                        if let Some(editor) = playground.editor.get_value() {
                            editor.select(from, to);
                        }
                    };
                    let position = format!("{}:{}", d.start_position.line, d.start_position.column);
                    let doc = docs.with(|docs| {
                        docs.as_ref().and_then(|docs| docs.get(d.code)).map(|doc| format!("{} — {}", doc.title, doc.why_it_matters))
                    });
                    view! {
                        <li class=format!("problem {}", d.severity) data-code=d.code>
                            <button class="problem-jump" on:click=jump title="Show in the editor">
                                <span class="severity">{d.severity}</span>
                                <span class="code">{d.code}</span>
                                <span class="position">{position}</span>
                                <span class="message">
                                    {d.message.to_string()}
                                    {doc.map(|doc| view! { <span class="doc">{doc}</span> })}
                                </span>
                            </button>
                            {fix.map(|(title, edits)| {
                                let apply = move |_| {
                                    if let Some(editor) = playground.editor.get_value() {
                                        editor.apply_edits(&edits);
                                    }
                                };
                                view! { <button class="fix" on:click=apply>{format!("Fix: {title}")}</button> }
                            })}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let fixable = move || playground.reading.with(|r| r.diagnostics.iter().filter(|d| d.fix.is_some()).count());
    let fix_all = move |_| {
        let text = playground.source.get_untracked();
        let (fixed, applied) = playground.reading.with_untracked(|r| relplay_core::diagnostic::apply_fixes(&text, &r.diagnostics));
        if applied > 0 {
            playground.set_text(&fixed);
        }
    };
    view! {
        <Show when=move || { fixable() > 1 }>
            <div class="fix-all">
                <button data-testid="fix-all" on:click=fix_all>{move || format!("Apply all {} fixes", fixable())}</button>
            </div>
        </Show>
        <ul class="problems" data-testid="problems">
            {rows}
        </ul>
        <Show when=move || playground.reading.with(|r| r.diagnostics.is_empty())>
            <p class="empty">"No problems: the schema is valid."</p>
        </Show>
    }
}
