//! The source pane: a CodeMirror editor whose every change feeds the analysis, with the
//! analysis's diagnostics shown in place (squiggles, gutter marks, hover text, quick fixes).

use crate::app::Playground;
use crate::interop::{CodeView, EditorLanguage};
use leptos::html::Div;
use leptos::prelude::*;
use relplay_core::diagnostic::render;

#[component]
pub fn SourceEditor() -> impl IntoView {
    let playground = expect_context::<Playground>();
    let readonly = expect_context::<crate::settings::PageSettings>().readonly;
    let host = NodeRef::<Div>::new();

    Effect::new(move |_| {
        let Some(element) = host.get() else { return };
        if playground.editor.with_value(Option::is_some) {
            return;
        }
        let initial = playground.source.get_untracked();
        let source = playground.source;
        let editor = CodeView::editor(&element, &initial, EditorLanguage::Prisma, move |text| source.set(text));
        if readonly {
            editor.set_read_only(true);
        }
        playground.editor.set_value(Some(editor));
    });

    // Push diagnostics to the editor whenever the analysis changes.
    Effect::new(move |_| {
        let analysis = playground.analysis.get();
        let text = playground.source.get_untracked();
        let located = render::locate(&text, &analysis.diagnostics);
        if let Some(editor) = playground.editor.get_value() {
            editor.set_diagnostics(&located);
        }
    });

    view! {
        <section class="pane source-pane">
            <div class="pane-head">
                <span class="pane-title">"Prisma schema"</span>
                <span class="hint">{if readonly { "Read-only" } else { "Type to edit; problems appear as you type." }}</span>
            </div>
            <div class="editor-host" node_ref=host></div>
        </section>
    }
}
