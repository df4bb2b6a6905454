//! The source pane: a CodeMirror editor whose every change feeds the analysis, with the
//! analysis's diagnostics shown in place (squiggles, gutter marks, hover text, quick fixes).

use crate::interop::{CodeView, EditorEvents};
use crate::state::{Playground, SelectionOrigin};
use leptos::html::Div;
use leptos::prelude::*;
use relplay_core::diagnostic::render;
use relplay_core::LineIndex;

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
        let on_cursor = move |utf16: u32| {
            let text = source.get_untracked();
            let offset = LineIndex::new(&text).byte_offset_of_utf16(utf16 as usize);
            let item = playground.reading.with_untracked(|r| r.outline.item_at(offset));
            if item.is_some() {
                playground.select(item, SelectionOrigin::Editor);
            }
        };
        // Go to definition: the model the word names, selected in every view, the cursor on it.
        let on_definition = move |utf16: u32| {
            let text = source.get_untracked();
            let index = LineIndex::new(&text);
            let offset = index.byte_offset_of_utf16(utf16 as usize);
            let Some(entity) = playground.reading.with_untracked(|r| r.outline.definition_at(&text, offset)) else { return };
            let item = relplay_core::generate::SchemaItem::Entity(entity);
            let Some(span) = playground.reading.with_untracked(|r| r.outline.span_of(item)) else { return };
            if let Some(editor) = playground.editor.get_value() {
                let start = index.utf16_offset(span.start());
                editor.select(start, start);
            }
            playground.select(Some(item), SelectionOrigin::Editor);
        };
        // What the code under the pointer is: asked of the core, answered in core_link.
        let on_hover = move |utf16: u32, answer: crate::interop::HoverAnswer| {
            let offset = source.with_untracked(|text| LineIndex::new(text).byte_offset_of_utf16(utf16 as usize));
            if let Some((_, earlier)) = playground.hover_answer.try_update_value(|waiting| waiting.replace((offset, answer))).flatten() {
                earlier.give::<()>(None);
            }
            playground.hover_asked.set(Some(offset));
        };
        let highlighting = playground.language.get_untracked().info().format.editor_language;
        let events = EditorEvents {
            change: Box::new(move |text| source.set(text)),
            cursor: Box::new(on_cursor),
            definition: Box::new(on_definition),
            hover: Box::new(on_hover),
            format: Box::new(move || playground.format_source()),
        };
        let editor = CodeView::editor(&element, &initial, highlighting, events);
        if readonly {
            editor.set_read_only(true);
        }
        playground.editor.set_value(Some(editor));
    });

    // Push diagnostics to the editor whenever the analysis changes.
    Effect::new(move |_| {
        playground.reading.with(|reading| {
            // (The reading is tracked before the editor is looked for: it may mount later.)
            let Some(editor) = playground.editor.get_value() else { return };
            playground.source.with_untracked(|text| editor.set_diagnostics(&render::locate(text, &reading.diagnostics)));
            // A SQL reading names each table's columns: what `REFERENCES` completes.
            if reading.outline.entities.iter().any(|e| !e.columns.is_empty()) {
                editor.set_completion_tables(&reading.outline.entities);
            }
        });
    });

    // Highlighting follows the source language.
    Effect::new(move |_| {
        let language = playground.language.get();
        if let Some(editor) = playground.editor.get_value() {
            editor.set_language(language.info().format.editor_language);
        }
    });

    // Show what another view selected.
    Effect::new(move |_| {
        let Some(selection) = playground.selection.get().filter(|s| s.origin != SelectionOrigin::Editor) else { return };
        let Some(span) = playground.reading.with(|r| r.outline.span_of(selection.item)) else { return };
        let (from, to) = playground.source.with_untracked(|text| {
            let index = LineIndex::new(text);
            (index.utf16_offset(span.start()), index.utf16_offset(span.end()))
        });
        if let Some(editor) = playground.editor.get_value() {
            crate::interop::browser::after_next_paint(move || editor.highlight(from, to));
        }
    });

    // A source of several files (`// @filename:` lines): a menu that moves to each file.
    let files = Memo::new(move |_| {
        playground.source.with(|text| {
            let index = LineIndex::new(text);
            relplay_core::syntax::files::file_sections(text)
                .into_iter()
                .filter_map(|section| {
                    Some((section.path?, index.utf16_offset(section.marker?.start()), index.utf16_offset(section.span.start())))
                })
                .collect::<Vec<_>>()
        })
    });
    let go_to_file = move |event: leptos::ev::Event| {
        let chosen = event_target_value(&event);
        let Some((_, from, _)) = files.with_untracked(|files| files.iter().find(|(path, _, _)| *path == chosen).cloned()) else { return };
        if let Some(editor) = playground.editor.get_value() {
            editor.select(from, from);
        }
    };

    view! {
        <section class="pane source-pane">
            <div class="pane-head">
                <span class="pane-title">
                    {move || match playground.language.get() {
                        relplay_core::SourceLanguage::Prisma => "Prisma schema".to_string(),
                        relplay_core::SourceLanguage::Sql(dialect) => format!("SQL DDL ({})", dialect.display_name()),
                        relplay_core::SourceLanguage::TypeOrm => "TypeORM entities".to_string(),
                        relplay_core::SourceLanguage::Sequelize => "Sequelize models".to_string(),
                        relplay_core::SourceLanguage::VibOrm => "VibORM schema".to_string(),
                    }}
                </span>
                <Show when=move || files.with(|f| !f.is_empty())>
                    <select class="file-menu" data-testid="files" aria-label="Go to file" on:change=go_to_file>
                        <option value="" disabled=true selected=true>{move || format!("{} files", files.with(Vec::len))}</option>
                        {move || files.get().into_iter().map(|(path, _, _)| view! { <option value=path.clone()>{path.clone()}</option> }).collect_view()}
                    </select>
                </Show>
                <Show when=move || !readonly && playground.language.get() == relplay_core::SourceLanguage::Prisma>
                    <button
                        class="format-button"
                        data-testid="format"
                        title="Lay the schema out as prisma format does (Shift+Alt+F)"
                        on:click=move |_| playground.format_source()
                    >
                        "Format"
                    </button>
                </Show>
                <span class="hint" id="source-help">
                    {if readonly {
                        "Read-only. Esc, then Tab, moves on from the editor."
                    } else {
                        "Problems appear as you type; rest the pointer on a name to see what it is. Tab indents; F12 (or Ctrl+click) on a model's name goes to it; Shift+Alt+F formats; Esc, then Tab, moves on from the editor."
                    }}
                </span>
            </div>
            <div class="editor-host" node_ref=host></div>
        </section>
    }
}
