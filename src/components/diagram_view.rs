//! The diagram pane: the core's SVG in a pan/zoom/drag canvas, with zoom, fit, reset-layout and
//! PNG buttons. Dragged positions go to the playground (and so to the share link and draft).

use crate::interop::diagram::{DiagramCanvas, DiagramEvent};
use crate::state::{Playground, SelectionOrigin};
use leptos::html::Div;
use leptos::prelude::*;
use relplay_core::generate::SchemaItem;

#[component]
pub fn DiagramView(svg: Signal<String>, visible: Signal<bool>) -> impl IntoView {
    let playground = expect_context::<Playground>();
    let host = NodeRef::<Div>::new();
    let canvas: StoredValue<Option<DiagramCanvas>, LocalStorage> = StoredValue::new_local(None);

    Effect::new(move |_| {
        let Some(element) = host.get() else { return };
        if canvas.with_value(Option::is_some) {
            return;
        }
        let mounted = DiagramCanvas::mount(&element, move |event| match event {
            DiagramEvent::SelectEntity(name) => {
                let item = playground.reading.with_untracked(|r| r.outline.entity_index(&name)).map(SchemaItem::Entity);
                playground.select(item, SelectionOrigin::Diagram);
            }
            DiagramEvent::SelectRelation(index) => playground.select(Some(SchemaItem::Relation(index)), SelectionOrigin::Diagram),
            DiagramEvent::ClearSelection => playground.select(None, SelectionOrigin::Diagram),
            DiagramEvent::Move { entity, x, y } => playground.positions.update(|positions| {
                positions.insert(entity, (x, y));
            }),
        });
        canvas.set_value(Some(mounted));
    });

    // A new picture when the schema or the positions change; only drawn while the pane shows.
    Effect::new(move |_| {
        if !visible.get() {
            return;
        }
        let picture = svg.get();
        if let Some(canvas) = canvas.get_value() {
            canvas.set_svg(&picture);
        }
    });

    Effect::new(move |_| {
        let _ = svg.get();
        let selected = playground.selection.get().map(|s| s.item);
        let Some(canvas) = canvas.get_value() else { return };
        let names = playground.reading.with(|r| r.outline.entities.iter().map(|e| e.name.clone()).collect::<Vec<_>>());
        match selected {
            Some(SchemaItem::Entity(index)) => canvas.highlight("entity", names.get(index).map_or("", String::as_str)),
            Some(SchemaItem::Relation(index)) => canvas.highlight("relation", &index.to_string()),
            None => canvas.highlight("none", ""),
        }
    });

    let with_canvas = move |action: fn(&DiagramCanvas)| {
        if let Some(canvas) = canvas.get_value() {
            action(&canvas);
        }
    };
    let export_png = move |_| {
        if let Some(canvas) = canvas.get_value() {
            canvas.export_png(&svg.get_untracked(), "relplay-diagram.png");
        }
    };
    let has_positions = move || playground.positions.with(|p| !p.is_empty());

    view! {
        <div class="diagram-pane" class:hidden=move || !visible.get()>
            <div class="diagram" data-testid="diagram" node_ref=host></div>
            <div class="diagram-controls">
                <button title="Zoom in" data-testid="zoom-in" on:click=move |_| with_canvas(|c| c.zoom_by(1.25))>"+"</button>
                <button title="Zoom out" data-testid="zoom-out" on:click=move |_| with_canvas(|c| c.zoom_by(0.8))>"−"</button>
                <button title="Fit to view" data-testid="fit" on:click=move |_| with_canvas(DiagramCanvas::fit)>"Fit"</button>
                <button
                    title="Forget dragged positions"
                    data-testid="reset-layout"
                    disabled=move || !has_positions()
                    on:click=move |_| playground.positions.set(Default::default())
                >
                    "Auto layout"
                </button>
                <button title="Download as PNG" data-testid="export-png" on:click=export_png>"PNG"</button>
            </div>
        </div>
    }
}
