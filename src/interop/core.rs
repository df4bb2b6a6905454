//! The core worker (`js/core-client.js`, `window.relplayCore`): requests go out as JSON, and
//! every message from the worker comes back here as a [`CoreMessage`].

use relplay_core::service::{Reply, Request};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = relplayCore, js_name = listen)]
    fn listen_to_core(callback: &Closure<dyn FnMut(Option<String>, Option<String>, bool, Option<String>, Option<String>, Option<String>)>);
    #[wasm_bindgen(js_namespace = relplayCore, js_name = send)]
    fn send_to_core(request: &str);
}

/// What the core worker says.
pub enum CoreMessage {
    Reply(Reply),
    /// It is fetching the readers' module for the language being read.
    LoadingReader,
    /// The readers' module could not be fetched (offline, say).
    ReaderFailed(String),
    /// The recipes' module (the "Use it" pane) could not be fetched.
    RecipesFailed(String),
    /// The writers' module (the output panes, a language switch) could not be fetched.
    WritersFailed(String),
    /// It failed on the text (a panic, or the stack or memory exhausted) and was stopped; the
    /// next request starts a new one.
    Crashed(String),
}

/// Sends every message from the core to `handler`, from now on.
pub fn listen(mut handler: impl FnMut(CoreMessage) + 'static) {
    let closure = Closure::<dyn FnMut(Option<String>, Option<String>, bool, Option<String>, Option<String>, Option<String>)>::new(
        move |reply: Option<String>,
              crashed: Option<String>,
              loading: bool,
              reader_failed: Option<String>,
              recipes_failed: Option<String>,
              writers_failed: Option<String>| {
            let message = if let Some(reason) = crashed {
                CoreMessage::Crashed(reason)
            } else if let Some(reason) = reader_failed {
                CoreMessage::ReaderFailed(reason)
            } else if let Some(reason) = recipes_failed {
                CoreMessage::RecipesFailed(reason)
            } else if let Some(reason) = writers_failed {
                CoreMessage::WritersFailed(reason)
            } else if loading {
                CoreMessage::LoadingReader
            } else {
                match reply.as_deref().map(super::browser::from_json::<Reply>) {
                    Some(Ok(reply)) => CoreMessage::Reply(reply),
                    Some(Err(error)) => CoreMessage::Crashed(format!("an answer that could not be read ({error})")),
                    None => return,
                }
            };
            handler(message);
        },
    );
    listen_to_core(&closure);
    closure.forget();
}

pub fn send(request: &Request) {
    if let Ok(json) = serde_json::to_string(request) {
        send_to_core(&json);
    }
}
