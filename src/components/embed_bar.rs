//! The slim bar of an embedded playground: the name and a link to the full app, same state.

use crate::interop::browser;
use crate::state::Playground;
use leptos::prelude::*;

#[component]
pub fn EmbedBar() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let full_app = move || format!("{}#s={}", browser::page_base(), relplay_core::share::encode(&playground.snapshot()));
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
