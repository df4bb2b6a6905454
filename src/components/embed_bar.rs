//! The slim bar of an embedded playground: the name and a link to the full app, same state.

use crate::interop::browser;
use crate::state::Playground;
use leptos::prelude::*;

#[component]
pub fn EmbedBar() -> impl IntoView {
    let playground = expect_context::<Playground>();
    // The same state in the full app: its link, once the browser has compressed it.
    let payload = RwSignal::new(String::new());
    Effect::new(move |_| {
        let snapshot = playground.snapshot();
        browser::share_payload(&snapshot, move |ready| {
            let _ = payload.try_set(ready);
        });
    });
    let full_app = move || format!("{}#s={}", browser::page_base(), payload.get());
    view! {
        <header class="embedbar">
            <span class="brand">"relplay"</span>
            <span class="spacer"></span>
            <a data-testid="open-in-relplay" href=full_app target="_blank" rel="noopener">
                "Open in relplay ↗"
            </a>
        </header>
    }
}
