//! The relplay playground: a Leptos (CSR) app over `relplay-core`.
//!
//! The app holds no schema logic: it keeps the user's text and choices in signals, asks the core —
//! which runs in a Web Worker ([`core_link`]) — for the reading, the open pane and the diagram,
//! and shows what it answers. Only [`interop`] talks to JavaScript.

mod app;
mod components;
mod core_link;
mod embed;
mod interop;
mod panes;
mod session;
mod settings;
mod state;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
