//! A bar above the workspace for things the user must know: a link that could not be opened,
//! or a shared playground shown in place of their own draft (which stays recoverable).

use crate::session::{self, Notice};
use crate::settings::PageSettings;
use crate::state::Playground;
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
    move || {
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
    }
}
