//! The Share dialog: the link to this playground and an iframe snippet for documentation pages.

use crate::app::Playground;
use crate::interop::{browser, copy_to_clipboard};
use leptos::prelude::*;

#[component]
pub fn ShareDialog() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let payload = move || relplay_core::share::encode(&playground.snapshot());
    let link = move || format!("{}#s={}", browser::page_base(), payload());
    let snippet = move || {
        format!(
            "<iframe src=\"{}?embed=1&view=editor,diagram,sql#s={}\" title=\"relplay playground\" style=\"width:100%;height:520px;border:0\" loading=\"lazy\"></iframe>",
            browser::page_base(),
            payload()
        )
    };
    let copied = RwSignal::new("");
    let copy = move |what: &'static str, text: String| {
        copy_to_clipboard(&text);
        copied.set(what);
    };
    view! {
        <Show when=move || playground.share_open.get()>
            <div class="dialog-backdrop" on:click=move |_| playground.share_open.set(false)>
                <div class="dialog" role="dialog" aria-label="Share" data-testid="share-dialog" on:click=|event| event.stop_propagation()>
                    <h2>"Share this playground"</h2>
                    <p class="hint">
                        {move || format!("The whole schema is in the link ({} characters); nothing is uploaded.", link().len())}
                    </p>
                    <label>"Link"</label>
                    <div class="copy-row">
                        <input data-testid="share-link" readonly=true prop:value=link/>
                        <button on:click=move |_| copy("link", link())>{move || if copied.get() == "link" { "Copied" } else { "Copy link" }}</button>
                    </div>
                    <label>"Embed in a page"</label>
                    <div class="copy-row">
                        <textarea data-testid="share-snippet" readonly=true rows="3" prop:value=snippet></textarea>
                        <button on:click=move |_| copy("snippet", snippet())>{move || if copied.get() == "snippet" { "Copied" } else { "Copy" }}</button>
                    </div>
                    <p class="hint">"view= chooses the panes (editor, diagram, prisma, sql, problems, ir); add &readonly=1 or &theme=dark|light."</p>
                    <button class="close" on:click=move |_| playground.share_open.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
