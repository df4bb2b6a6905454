//! The Share dialog: the link to this playground, and an iframe snippet for documentation pages
//! with the embed options (panes, read-only, theme) chosen here.

use crate::interop::{browser, copy_to_clipboard};
use crate::panes::OutputTab;
use crate::state::Playground;
use leptos::prelude::*;

/// The panes an embedded playground can show, in the order of the `view=` list: the editor, then
/// every output pane.
fn embeddable_panes() -> Vec<&'static str> {
    std::iter::once("editor").chain(OutputTab::all().into_iter().map(OutputTab::id)).collect()
}

#[component]
pub fn ShareDialog() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let panes = RwSignal::new(vec!["editor", "diagram", "sql"]);
    let readonly = RwSignal::new(false);
    let theme = RwSignal::new("auto".to_string());
    // The payload, compressed by the browser while the dialog is open: empty until it is ready
    // (a moment).
    let payload = RwSignal::new(String::new());
    Effect::new(move |_| {
        if !playground.share_open.get() {
            return;
        }
        let snapshot = playground.snapshot();
        browser::share_payload(&snapshot, move |ready| {
            let _ = payload.try_set(ready);
        });
    });
    let payload = move || payload.get();
    let link = move || {
        let payload = payload();
        if payload.is_empty() {
            String::new()
        } else {
            format!("{}#s={payload}", browser::page_base())
        }
    };
    let snippet = move || {
        let view = panes.with(|chosen| embeddable_panes().into_iter().filter(|p| chosen.contains(p)).collect::<Vec<_>>().join(","));
        let mut query = format!("embed=1&view={view}");
        if readonly.get() {
            query.push_str("&readonly=1");
        }
        if theme.with(|t| t != "auto") {
            query.push_str(&format!("&theme={}", theme.get()));
        }
        format!(
            "<iframe src=\"{}?{query}#s={}\" title=\"relplay playground\" style=\"width:100%;height:520px;border:0\" loading=\"lazy\"></iframe>",
            browser::page_base(),
            payload()
        )
    };
    let copied = RwSignal::new("");
    let copy = move |what: &'static str, text: String| {
        copy_to_clipboard(&text);
        copied.set(what);
    };
    let pane_box = move |pane: &'static str| {
        let label = OutputTab::from_id(pane).map_or("Editor", OutputTab::label);
        let toggle = move |_| {
            panes.update(|chosen| {
                // Keep at least one pane: an embed that shows nothing helps nobody.
                if chosen.contains(&pane) && chosen.len() > 1 {
                    chosen.retain(|p| *p != pane);
                } else if !chosen.contains(&pane) {
                    chosen.push(pane);
                }
            })
        };
        view! {
            <label class="check">
                <input type="checkbox" data-pane=pane prop:checked=move || panes.with(|c| c.contains(&pane)) on:change=toggle/>
                {label}
            </label>
        }
    };
    // A modal dialog: the page behind takes no focus or clicks, Escape closes it, and the focus goes
    // back to the Share button.
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
                browser::keep_focus_in(&dialog);
            }
        }
    });
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let closed = move |_| {
        playground.share_open.set(false);
        browser::focus("[data-testid=share]");
    };
    // A click on the backdrop lands on the dialog element itself (its content is a box inside).
    let click_beside = move |event: leptos::ev::MouseEvent| {
        if event.target() == event.current_target() {
            close();
        }
    };
    view! {
        <Show when=move || playground.share_open.get()>
            <dialog class="dialog" aria-labelledby="share-title" data-testid="share-dialog" node_ref=dialog on:close=closed on:click=click_beside>
                <div class="dialog-body">
                    <h2 id="share-title">"Share this playground"</h2>
                    <p class="hint" data-testid="share-hint">
                        {move || {
                            let size = playground.source.with(String::len);
                            if size > relplay_core::share::MAX_DECODED_SIZE {
                                format!(
                                    "This schema is {} KiB; a link carries up to {} KiB, so this one would not open. Share the file itself, or a part of the schema.",
                                    size.div_ceil(1024),
                                    relplay_core::share::MAX_DECODED_SIZE / 1024
                                )
                            } else {
                                format!("The whole schema is in the link ({} characters); nothing is uploaded.", link().len())
                            }
                        }}
                    </p>
                    <label for="share-link">"Link"</label>
                    <div class="copy-row">
                        <input id="share-link" data-testid="share-link" readonly=true prop:value=link/>
                        <button on:click=move |_| copy("link", link())>{move || if copied.get() == "link" { "Copied" } else { "Copy link" }}</button>
                    </div>
                    <label for="share-snippet">"Embed in a page"</label>
                    <div class="options" role="group" aria-label="Panes of the embedded playground">
                        {embeddable_panes().into_iter().map(pane_box).collect_view()}
                    </div>
                    <div class="options">
                        <label class="check">
                            <input type="checkbox" data-testid="share-readonly" prop:checked=readonly on:change=move |_| readonly.update(|r| *r = !*r)/>
                            "Read-only"
                        </label>
                        <label class="check">
                            "Theme "
                            <select data-testid="share-theme" on:change=move |event| theme.set(event_target_value(&event))>
                                <option value="auto">"follow the reader"</option>
                                <option value="light">"light"</option>
                                <option value="dark">"dark"</option>
                            </select>
                        </label>
                    </div>
                    <div class="copy-row">
                        <textarea id="share-snippet" data-testid="share-snippet" readonly=true rows="3" prop:value=snippet></textarea>
                        <button on:click=move |_| copy("snippet", snippet())>{move || if copied.get() == "snippet" { "Copied" } else { "Copy" }}</button>
                    </div>
                    <button class="close" on:click=move |_| close()>"Close"</button>
                </div>
            </dialog>
        </Show>
    }
}
