//! Where the playground's state comes from and goes: a share link in the URL hash, the autosaved
//! draft in local storage, or the first example; and back to the URL (debounced) and the draft.
//!
//! The saved draft is never lost to a shared link: while a linked document is unedited nothing is
//! saved, and the first save after opening a link keeps the old draft as the previous draft, which
//! the notice offers to restore.

use crate::interop::browser::{self, storage_get, storage_remove, storage_set};
use relplay_core::share::{self, SharedPlayground};

pub const DRAFT_KEY: &str = "relplay.draft";
pub const PREVIOUS_DRAFT_KEY: &str = "relplay.draft.previous";

/// What the page starts with, and anything the user should be told about it.
pub struct InitialState {
    pub playground: SharedPlayground,
    /// The source of the link the page was opened with, if it was.
    pub linked_source: Option<String>,
    pub notice: Option<Notice>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A link that could not be opened, with the reason.
    BrokenLink(String),
    /// A link was opened while the user had a draft of their own.
    OpenedLinkOverDraft,
    /// Format left the text as written, for this reason.
    NotFormatted(String),
}

pub fn saved_draft() -> Option<SharedPlayground> {
    storage_get(DRAFT_KEY).and_then(|json| browser::from_json(&json).ok())
}

pub fn previous_draft() -> Option<SharedPlayground> {
    storage_get(PREVIOUS_DRAFT_KEY).and_then(|json| browser::from_json(&json).ok())
}

/// Reads the link in `hash`, if it has one: Ok(None) when there is none.
pub fn playground_from_hash(hash: &str) -> Result<Option<SharedPlayground>, String> {
    match share::payload_from_hash(hash) {
        None => Ok(None),
        Some(payload) => share::decode_with(payload, |json| browser::from_json(json).ok()).map(Some).map_err(|e| e.to_string()),
    }
}

/// The state to start with. Embedded playgrounds neither read nor write the draft: they show
/// their link (or the first example).
pub fn initial_state(embed: bool) -> InitialState {
    let example = || SharedPlayground { source: relplay_core::examples::EXAMPLES[0].source.to_string(), ..SharedPlayground::default() };
    let draft = if embed { None } else { saved_draft() };
    match playground_from_hash(&browser::location_hash()) {
        Ok(Some(playground)) => {
            let notice = draft.filter(|d| d.source != playground.source).map(|_| Notice::OpenedLinkOverDraft);
            InitialState { linked_source: Some(playground.source.clone()), playground, notice }
        }
        Ok(None) => InitialState { playground: draft.unwrap_or_else(example), linked_source: None, notice: None },
        Err(reason) => {
            InitialState { playground: draft.unwrap_or_else(example), linked_source: None, notice: Some(Notice::BrokenLink(reason)) }
        }
    }
}

/// Saves the draft, keeping the user's previous draft once when a linked document is first saved.
pub fn save_draft(playground: &SharedPlayground, linked_source: &mut Option<String>) {
    if let Some(linked) = linked_source.as_ref() {
        if &playground.source == linked {
            // An unedited shared document is not the user's draft.
            return;
        }
        if let Some(draft) = saved_draft().filter(|d| &d.source != linked) {
            if previous_draft().is_none() {
                if let Ok(json) = serde_json::to_string(&draft) {
                    storage_set(PREVIOUS_DRAFT_KEY, &json);
                }
            }
        }
        *linked_source = None;
    }
    if let Ok(json) = serde_json::to_string(playground) {
        storage_set(DRAFT_KEY, &json);
    }
}

/// Takes the draft to restore after a link replaced it on screen: the kept previous draft, else
/// the saved one.
pub fn take_draft_to_restore() -> Option<SharedPlayground> {
    match previous_draft() {
        Some(previous) => {
            storage_remove(PREVIOUS_DRAFT_KEY);
            Some(previous)
        }
        None => saved_draft(),
    }
}
