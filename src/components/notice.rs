//! A bar above the workspace for things the user must know: a link that could not be opened,
//! a shared playground shown in place of their own draft (which stays recoverable), or a core
//! that failed on the text or a reader that could not be fetched.

use crate::session::{self, Notice};
use crate::settings::PageSettings;
use crate::state::{CoreState, Playground};
use leptos::prelude::*;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let tabs = StoredValue::new(expect_context::<PageSettings>().tabs);
    let restore = move |_| {
        if let Some(draft) = session::take_draft_to_restore() {
            playground.linked_source.set_value(None);
            tabs.with_value(|tabs| playground.load(&draft, tabs));
        }
        playground.notice.set(None);
    };
    let dismiss = move |_| playground.notice.set(None);
    let core_notice = move || match playground.core_state.get() {
        CoreState::Crashed(reason) => Some(view! {
            <div class="notice error" role="alert" data-testid="core-notice">
                <span>{format!(
                    "relplay's core stopped while reading this text ({reason}). Your text is untouched; the panes show the last answer. Edit the text to try again."
                )}</span>
            </div>
        }),
        CoreState::ReaderFailed(reason) => Some(view! {
            <div class="notice error" role="alert" data-testid="core-notice">
                <span>{format!("The reader of this language could not be fetched ({reason}). Your text is untouched; edit it to try again.")}</span>
            </div>
        }),
        _ => None,
    };
    let link_notice = move || {
        playground.notice.get().map(|notice| match notice {
            Notice::BrokenLink(reason) => view! {
                <div class="notice error" role="alert" data-testid="notice">
                    <span>{format!("This link could not be opened: {reason}. Your own draft is shown instead; nothing was changed.")}</span>
                    <button on:click=dismiss>"Dismiss"</button>
                </div>
            }
            .into_any(),
            Notice::OpenedLinkOverDraft => view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>"You opened a shared playground. Your own draft is kept and can come back at any time."</span>
                    <button data-testid="restore-draft" on:click=restore>"Restore my draft"</button>
                    <button on:click=dismiss>"Dismiss"</button>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        {core_notice}
        {link_notice}
    }
}
