//! Bindings to `window.relplayBrowser` (see `js/browser.js`): address bar, storage, embedding.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = queryParam)]
    pub fn query_param(name: &str) -> Option<String>;
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = hash)]
    pub fn location_hash() -> String;
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = replaceHash)]
    pub fn replace_hash(hash: &str);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = pageBase)]
    pub fn page_base() -> String;
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = onHashChange)]
    fn on_hash_change_js(callback: &Closure<dyn Fn(String)>);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = onPageHide)]
    fn on_page_hide_js(callback: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = storageGet)]
    pub fn storage_get(key: &str) -> Option<String>;
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = storageSet)]
    pub fn storage_set(key: &str, value: &str) -> bool;
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = storageRemove)]
    pub fn storage_remove(key: &str);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = inFrame)]
    pub fn in_frame() -> bool;
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = postToParent)]
    fn post_to_parent_js(message: JsValue);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = onParentMessage)]
    fn on_parent_message_js(callback: &Closure<dyn Fn(JsValue)>);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = observeHeight)]
    fn observe_height_js(callback: &Closure<dyn Fn(f64)>);
    /// Keeps Tab and Shift+Tab going round the controls of a modal dialog.
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = keepFocusIn)]
    pub fn keep_focus_in(element: &web_sys::HtmlElement);
    /// Moves the keyboard focus to the first element matching a CSS selector, if there is one.
    #[wasm_bindgen(js_namespace = relplayBrowser)]
    pub fn focus(selector: &str);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = setTheme)]
    pub fn set_theme(theme: &str);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = sharePayload)]
    fn share_payload_js(json: &str, then: &JsValue);
    #[wasm_bindgen(js_namespace = relplayBrowser, js_name = afterNextPaint)]
    fn after_next_paint_js(callback: &JsValue);
}

/// Runs `then` once the next frame is painted: what a view does to follow a selection made in
/// another (a scroll, a redraw of the marked range) waits for the frame that answers the user's
/// key or click, which then comes sooner.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    after_next_paint_js(&Closure::once_into_js(then));
}

/// The share link payload of `playground` (`v1.…`, as `relplay_core::share::encode` writes it),
/// given to `then` once the browser has compressed it: the page's wasm holds no compressor.
pub fn share_payload(playground: &relplay_core::share::SharedPlayground, then: impl FnOnce(String) + 'static) {
    let Ok(json) = serde_json::to_string(playground) else { return };
    let callback = Closure::once_into_js(move |payload: String| then(payload));
    share_payload_js(&json, &callback);
}

/// Reads JSON text into `T`: the browser parses it (`JSON.parse`) and serde-wasm-bindgen reads
/// the value, so that the page's wasm holds no JSON parser of its own. The error says why text is
/// no JSON or not a `T`.
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| "not JSON".to_string())?;
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

/// Calls `callback` with the new hash when the user changes it (not for [`replace_hash`]).
pub fn on_hash_change(callback: impl Fn(String) + 'static) {
    let closure = Closure::<dyn Fn(String)>::new(callback);
    on_hash_change_js(&closure);
    // Listeners live as long as the page.
    closure.forget();
}

/// Calls `callback` when the page is hidden (another tab, a minimised window) or left.
pub fn on_page_hide(callback: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(callback);
    on_page_hide_js(&closure);
    closure.forget();
}

/// Sends a serialisable message to the embedding page, if there is one.
pub fn post_to_parent<T: serde::Serialize>(message: &T) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = message.serialize(&serializer) {
        post_to_parent_js(value);
    }
}

/// Calls `callback` with every object the embedding page posts.
pub fn on_parent_message(callback: impl Fn(JsValue) + 'static) {
    let closure = Closure::<dyn Fn(JsValue)>::new(callback);
    on_parent_message_js(&closure);
    closure.forget();
}

/// Calls `callback` with the page's height now and whenever it changes.
pub fn observe_height(callback: impl Fn(f64) + 'static) {
    let closure = Closure::<dyn Fn(f64)>::new(callback);
    observe_height_js(&closure);
    closure.forget();
}
