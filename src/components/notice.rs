//! A bar above the workspace for things the user must know: a link that could not be opened,
//! a shared playground shown in place of their own draft (which stays recoverable), or a core
//! that failed on the text or a reader that could not be fetched; and a language switch that
//! would leave something out, with the choice to rewrite anyway or keep the text.

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
        CoreState::WritersFailed(reason) => Some(view! {
            <div class="notice error" role="alert" data-testid="core-notice">
                <span>{format!("The writers of the other languages could not be fetched ({reason}). Your text is untouched; edit it to try again.")}</span>
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
            Notice::NotFormatted(reason) => view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>{format!("Format left the text as it is: {reason}")}</span>
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
    // An edit makes the offered rewrite stale.
    Effect::new(move |first: Option<()>| {
        playground.source.track();
        if first.is_some() && playground.switch_offer.with_untracked(Option::is_some) {
            playground.switch_offer.set(None);
        }
    });
    let take_offer = move |_| {
        if let Some(offer) = playground.switch_offer.get_untracked() {
            playground.switch_offer.set(None);
            playground.language.set(offer.language);
            playground.set_text(&offer.text);
        }
    };
    let keep_text = move |_| playground.switch_offer.set(None);
    let switch_notice = move || {
        playground.switch_offer.get().map(|offer| {
            let from = playground.language.get_untracked().info().label;
            let to = offer.language.info().label;
            view! {
                <div class="notice" role="alertdialog" aria-labelledby="switch-title" data-testid="switch-notice">
                    <div class="notice-text">
                        <strong id="switch-title">{format!("Rewriting the schema in {to} leaves out:")}</strong>
                        <ul>{offer.losses.iter().map(|loss| view! { <li>{loss.clone()}</li> }).collect_view()}</ul>
                    </div>
                    <button class="primary" data-testid="switch-anyway" on:click=take_offer>{format!("Rewrite in {to}")}</button>
                    <button data-testid="switch-keep" on:click=keep_text>{format!("Keep the {from} text")}</button>
                </div>
            }
        })
    };
    view! {
        {core_notice}
        {link_notice}
        {switch_notice}
    }
}
