//! Bindings to `window.relplayDiagram` (see `js/diagram.js`): pan, zoom, drag and select on the
//! SVG that the core draws.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = relplayDiagram, js_name = mount)]
    fn mount(
        container: &web_sys::HtmlElement,
        on_select: &Closure<dyn Fn(String, String)>,
        on_move: &Closure<dyn Fn(String, f64, f64)>,
    ) -> JsValue;
    #[wasm_bindgen(method, js_name = setSvg)]
    fn set_svg(this: &Controller, svg: &str);
    #[wasm_bindgen(method)]
    fn fit(this: &Controller);
    #[wasm_bindgen(method, js_name = zoomBy)]
    fn zoom_by(this: &Controller, factor: f64);
    #[wasm_bindgen(method)]
    fn highlight(this: &Controller, kind: &str, id: &str);
    #[wasm_bindgen(method)]
    fn reveal(this: &Controller, kind: &str, id: &str);
    #[wasm_bindgen(method, js_name = exportPng)]
    fn export_png(this: &Controller, svg: &str, file_name: &str) -> js_sys::Promise;

    #[derive(Clone)]
    type Controller;
}

/// What the user did on the diagram.
pub enum DiagramEvent {
    /// Clicked an entity (by name), a relation (by index), or the background.
    SelectEntity(String),
    SelectRelation(usize),
    ClearSelection,
    /// Dropped an entity at a new top-left corner.
    Move {
        entity: String,
        x: f64,
        y: f64,
    },
}

#[derive(Clone)]
pub struct DiagramCanvas {
    controller: Controller,
}

impl DiagramCanvas {
    pub fn mount(container: &web_sys::HtmlElement, on_event: impl Fn(DiagramEvent) + 'static) -> DiagramCanvas {
        let on_event = std::rc::Rc::new(on_event);
        let select_handler = on_event.clone();
        let on_select = Closure::<dyn Fn(String, String)>::new(move |kind: String, id: String| {
            let event = match (kind.as_str(), id.parse::<usize>()) {
                ("entity", _) => DiagramEvent::SelectEntity(id),
                ("relation", Ok(index)) => DiagramEvent::SelectRelation(index),
                _ => DiagramEvent::ClearSelection,
            };
            select_handler(event);
        });
        let on_move = Closure::<dyn Fn(String, f64, f64)>::new(move |entity, x, y| on_event(DiagramEvent::Move { entity, x, y }));
        let controller: Controller = mount(container, &on_select, &on_move).unchecked_into();
        // The diagram lives as long as the page, and so do its handlers.
        on_select.forget();
        on_move.forget();
        DiagramCanvas { controller }
    }

    pub fn set_svg(&self, svg: &str) {
        self.controller.set_svg(svg);
    }

    pub fn fit(&self) {
        self.controller.fit();
    }

    pub fn zoom_by(&self, factor: f64) {
        self.controller.zoom_by(factor);
    }

    /// Marks `("entity", name)`, `("relation", index)` or nothing (`("none", "")`) as selected.
    pub fn highlight(&self, kind: &str, id: &str) {
        self.controller.highlight(kind, id);
    }

    /// Pans the entity or relation (named as for [`DiagramCanvas::highlight`]) into view when it is
    /// not wholly in view.
    pub fn reveal(&self, kind: &str, id: &str) {
        self.controller.reveal(kind, id);
    }

    pub fn export_png(&self, svg: &str, file_name: &str) {
        let _ = self.controller.export_png(svg, file_name);
    }
}
