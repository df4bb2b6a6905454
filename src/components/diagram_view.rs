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

    // The selection marked; made elsewhere (the editor, a pane), also brought into view.
    Effect::new(move |_| {
        svg.track();
        let shown = visible.get();
        let selection = playground.selection.get();
        let Some(canvas) = canvas.get_value() else { return };
        let (kind, id) = match selection.map(|s| s.item) {
            Some(SchemaItem::Entity(index)) => {
                ("entity", playground.reading.with(|r| r.outline.entities.get(index).map(|e| e.name.clone()).unwrap_or_default()))
            }
            Some(SchemaItem::Relation(index)) => ("relation", index.to_string()),
            None => ("none", String::new()),
        };
        let reveal = shown && selection.is_some_and(|s| s.origin != SelectionOrigin::Diagram);
        if !reveal {
            canvas.highlight(kind, &id);
            return;
        }
        // Brought into view after the frame that answers the key or click made elsewhere.
        crate::interop::browser::after_next_paint(move || {
            canvas.highlight(kind, &id);
            canvas.reveal(kind, &id);
        });
    });

    // The finder: a name (or part of one) selects its entity, wherever it is drawn.
    let query = RwSignal::new(String::new());
    let finder_result = RwSignal::new(String::new());
    let find = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let wanted = query.get_untracked();
        match playground.reading.with_untracked(|r| r.outline.find_entity(&wanted)) {
            Some(index) => {
                finder_result.set(String::new());
                // Selected by the diagram, which brings it into view itself (also when it was
                // selected already and panned away from since).
                playground.select(Some(SchemaItem::Entity(index)), SelectionOrigin::Diagram);
                let name = playground.reading.with_untracked(|r| r.outline.entities[index].name.clone());
                if let Some(canvas) = canvas.get_value() {
                    canvas.reveal("entity", &name);
                }
            }
            None if wanted.trim().is_empty() => finder_result.set(String::new()),
            None => finder_result.set(format!("No entity named “{}”", wanted.trim())),
        }
    };
    // The names the finder suggests, listed only while it has the focus (a schema of a thousand
    // entities would otherwise build a thousand options with every answer while the user types).
    let finding = RwSignal::new(false);
    let entity_names = move || {
        if !finding.get() {
            return Vec::new();
        }
        playground.reading.with(|r| r.outline.entities.iter().map(|e| e.name.clone()).collect::<Vec<_>>())
    };

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
            <form class="diagram-find" role="search" on:submit=find>
                <input
                    type="search"
                    data-testid="find-entity"
                    list="entity-names"
                    placeholder="Find an entity"
                    aria-label="Find an entity by name"
                    prop:value=query
                    on:input=move |event| query.set(event_target_value(&event))
                    on:focus=move |_| finding.set(true)
                    on:blur=move |_| finding.set(false)
                />
                <datalist id="entity-names">
                    {move || entity_names().into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
                </datalist>
                <span class="find-result" data-testid="find-entity-result" role="status">
                    {move || finder_result.get()}
                </span>
            </form>
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
