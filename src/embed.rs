//! The embed protocol: the messages a page that embeds the playground in an iframe may send
//! (README, "Embedding"), and the events the playground sends it.

use crate::interop::browser;
use crate::state::Playground;
use leptos::prelude::*;
use relplay_core::registry::LANGUAGES;
use relplay_core::{Severity, SourceLanguage};
use serde::{Deserialize, Serialize};

/// Messages an embedding page may send (README, "Embedding"). Anything else is ignored.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum HostMessage {
    #[serde(rename = "relplay:set-source")]
    SetSource { source: String, language: Option<String> },
}

/// Messages sent to an embedding page.
#[derive(Serialize)]
#[serde(tag = "type")]
enum EmbedEvent<'a> {
    #[serde(rename = "relplay:ready")]
    Ready { version: u32 },
    #[serde(rename = "relplay:change")]
    Change { language: &'static str, source: &'a str, errors: usize, warnings: usize },
    #[serde(rename = "relplay:height")]
    Height { height: f64 },
    #[serde(rename = "relplay:error")]
    Error { message: String },
}

/// The longest text an embedding page may set (the share format's limit too).
const MAX_HOST_SOURCE: usize = relplay_core::share::MAX_DECODED_SIZE;

/// The postMessage API for pages that embed the playground in an iframe.
pub fn talk_to_embedding_page(playground: Playground) {
    browser::post_to_parent(&EmbedEvent::Ready { version: 1 });
    browser::observe_height(|height| browser::post_to_parent(&EmbedEvent::Height { height }));
    // A change is told once the core has read it, with its counts.
    Effect::new(move |_| {
        let (errors, warnings) = playground.reading.with(|r| {
            let count = |severity| r.diagnostics.iter().filter(|d| d.severity == severity).count();
            (count(Severity::Error), count(Severity::Warning))
        });
        let source = playground.source.get_untracked();
        let language = playground.language.get_untracked().as_str();
        browser::post_to_parent(&EmbedEvent::Change { language, source: &source, errors, warnings });
    });
    browser::on_parent_message(move |data| {
        let Ok(HostMessage::SetSource { source, language }) = serde_wasm_bindgen::from_value::<HostMessage>(data) else { return };
        // Any language of the registry; none given keeps the one on screen.
        let chosen = language.as_deref().map(SourceLanguage::from_name);
        if let (Some(None), Some(name)) = (chosen, language.as_deref()) {
            let known: Vec<&str> = LANGUAGES.iter().map(|l| l.id).collect();
            let message = format!("relplay:set-source: unknown language {name:?}; relplay reads {}", known.join(", "));
            browser::post_to_parent(&EmbedEvent::Error { message });
        } else if source.len() > MAX_HOST_SOURCE {
            browser::post_to_parent(&EmbedEvent::Error {
                message: format!("relplay:set-source: the text is over {MAX_HOST_SOURCE} bytes"),
            });
        } else {
            if let Some(Some(language)) = chosen {
                playground.language.set(language);
            }
            playground.set_text(&source);
        }
    });
}
