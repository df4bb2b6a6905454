//! The page's link to the core worker: whenever the text, the language, the pane shown or its
//! options change, one request for what is on screen now; every answer goes into the
//! playground's signals. Only the open pane is asked for (the others when they are shown), and
//! the worker answers only the newest request, so typing never waits for the core.

use crate::interop::core::{self, CoreMessage};
use crate::panes::OutputTab;
use crate::session::Notice;
use crate::state::{CoreState, Playground, RecipesView, SwitchOffer, TargetOutput};
use leptos::prelude::*;
use relplay_core::diagnostic::render;
use relplay_core::service::{Reply, Request, ViewReply, ViewRequest};

pub fn connect(playground: Playground) {
    let next_id = StoredValue::new(0u64);
    core::listen(move |message| match message {
        CoreMessage::Reply(reply) => {
            if reply.id == next_id.get_value() {
                playground.awaiting_core.set(false);
            }
            apply(playground, reply)
        }
        CoreMessage::LoadingReader => playground.core_state.set(CoreState::LoadingReader),
        CoreMessage::ReaderFailed(reason) => {
            playground.awaiting_core.set(false);
            playground.core_state.set(CoreState::ReaderFailed(reason))
        }
        CoreMessage::WritersFailed(reason) => {
            playground.awaiting_core.set(false);
            playground.core_state.set(CoreState::WritersFailed(reason))
        }
        CoreMessage::RecipesFailed(reason) => {
            // The pane says so; choosing it again asks again.
            playground.awaiting_core.set(false);
            playground.recipes_failed.set(Some(reason));
        }
        CoreMessage::Crashed(reason) => {
            // Neither this request nor a language switch waiting for it will get an answer.
            // (Only a switch that is waiting is cleared: setting the signal asks the core again,
            // which would fail on the same text again.)
            playground.awaiting_core.set(false);
            if playground.pending_switch.get_untracked().is_some() {
                playground.pending_switch.set(None);
            }
            playground.core_state.set(CoreState::Crashed(reason));
        }
    });
    Effect::new(move |_| {
        let mut views = Vec::new();
        match playground.tab.get() {
            OutputTab::Target(id) => views.push(ViewRequest::Output { target: id.with(&playground.target_choices()) }),
            OutputTab::Diagram => views.push(ViewRequest::Diagram { positions: playground.positions.get() }),
            OutputTab::Recipes => views.push(ViewRequest::Recipes {
                target: playground.recipes_target.get().with(&playground.target_choices()),
                item: playground.selection.get().map(|s| s.item),
            }),
            OutputTab::Problems => {}
        }
        if let Some(language) = playground.pending_switch.get() {
            views.push(ViewRequest::Rewrite { language });
        }
        if playground.format_asked.get() {
            views.push(ViewRequest::Format);
            playground.format_asked.update_untracked(|asked| *asked = false);
        }
        // A hover is asked for once: the requests after this one (each keystroke) leave it out.
        if let Some(offset) = playground.hover_asked.get() {
            views.push(ViewRequest::Hover { offset });
            playground.hover_asked.update_untracked(|asked| *asked = None);
        }
        next_id.update_value(|id| *id += 1);
        let request = Request {
            id: next_id.get_value(),
            language: playground.language.get(),
            source: playground.source.get(),
            prisma: playground.prisma.get(),
            views,
        };
        playground.awaiting_core.set(true);
        core::send(&request);
    });
}

fn apply(playground: Playground, reply: Reply) {
    if let Some(reading) = reply.reading {
        playground.reading.set(reading);
    }
    // (Set only when it changes: setting a signal redraws what reads it, on every answer.)
    if playground.core_state.with_untracked(|state| *state != CoreState::Ready) {
        playground.core_state.set(CoreState::Ready);
    }
    for view in reply.views {
        match view {
            ViewReply::Output { target, text, anchors, notes } => playground.outputs.update(|outputs| {
                let output = TargetOutput { target, text, anchors, notes };
                match outputs.iter_mut().find(|o| o.target == target) {
                    Some(slot) => *slot = output,
                    None => outputs.push(output),
                }
            }),
            ViewReply::Diagram { svg } => playground.diagram_svg.set(svg),
            ViewReply::Recipes { target, pane } => {
                if playground.recipes_failed.with_untracked(Option::is_some) {
                    playground.recipes_failed.set(None);
                }
                playground.recipes.set(Some(RecipesView { target, relation: pane.relation, text: pane.text, relations: pane.relations }))
            }
            ViewReply::Format { text, refusal } => {
                // Laid out from the text on screen, or dropped (the user typed meanwhile).
                let asked = playground.format_source.try_update_value(Option::take).flatten();
                if asked.is_some_and(|asked| playground.source.with_untracked(|source| *source == asked)) {
                    match (text, refusal) {
                        (Some(text), _) => {
                            if playground.notice.with_untracked(|n| matches!(n, Some(Notice::NotFormatted(_)))) {
                                playground.notice.set(None);
                            }
                            if playground.source.with_untracked(|source| *source != text) {
                                playground.set_text(&text);
                            }
                        }
                        (None, refusal) => playground.notice.set(Some(Notice::NotFormatted(refusal.unwrap_or_default()))),
                    }
                }
            }
            ViewReply::Hover { offset, hover } => {
                let waiting = playground.hover_answer.try_update_value(|waiting| {
                    if waiting.as_ref().is_some_and(|(asked, _)| *asked == offset) {
                        waiting.take()
                    } else {
                        None
                    }
                });
                if let Some((_, answer)) = waiting.flatten() {
                    let located = hover.as_ref().map(|hover| playground.source.with_untracked(|text| render::locate_hover(text, hover)));
                    answer.give(located.as_ref());
                }
            }
            ViewReply::Rewrite { language, text, losses } => {
                if playground.pending_switch.get_untracked() == Some(language) {
                    playground.pending_switch.set(None);
                    match text {
                        // Something would be lost: the user decides (the notice bar asks).
                        Some(text) if !losses.is_empty() => playground.switch_offer.set(Some(SwitchOffer { language, text, losses })),
                        text => {
                            playground.language.set(language);
                            if let Some(text) = text {
                                playground.set_text(&text);
                            }
                        }
                    }
                }
            }
        }
    }
}
