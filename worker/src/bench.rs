//! A function the browser benchmark calls (`tests/bench/layout-browser.mjs`): the same timings as
//! `cargo run --example layout_bench`, measured inside the core's WebAssembly as the app builds it.

use relplay_core::layout::{layout, svg};
use relplay_core::{analyze, SourceLanguage};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`, on a page and in a worker alike.
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

fn median_millis(runs: u32, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Median milliseconds of analysis, layout and SVG drawing of `source`, as JSON.
#[wasm_bindgen(js_name = benchLayout)]
pub fn bench_layout(source: &str, runs: u32) -> String {
    let analysis = analyze(source, SourceLanguage::Prisma);
    let analyse = median_millis(runs, || {
        std::hint::black_box(analyze(source, SourceLanguage::Prisma));
    });
    let lay = median_millis(runs, || {
        std::hint::black_box(layout(&analysis.schema));
    });
    let diagram = layout(&analysis.schema);
    let draw = median_millis(runs, || {
        std::hint::black_box(svg::render(&diagram));
    });
    format!(
        "{{\"entities\":{},\"relations\":{},\"analyse\":{analyse},\"layout\":{lay},\"svg\":{draw}}}",
        analysis.schema.entities.len(),
        analysis.schema.relations.len()
    )
}
