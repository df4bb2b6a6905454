//! Measures share-link lengths for the examples and the corpus: relplay's format (deflate) against
//! the uncompressed text and against brotli, with encode and decode times.
//!
//! cargo run --release -p relplay-core --example share_sizes [-- CORPUS_DIR]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use relplay_core::share::{decode, encode, SharedPlayground};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

fn brotli_compress(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(json).expect("compress");
    }
    out
}

fn brotli_decompress(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut brotli::Decompressor::new(data, 4096), &mut out).expect("decompress");
    out
}

/// The median time of `runs` calls of `f`, in microseconds.
fn median_micros(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let corpus =
        std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus"));
    let mut inputs: Vec<(String, String)> =
        relplay_core::examples::EXAMPLES.iter().map(|e| (e.id.to_string(), e.source.to_string())).collect();
    for name in ["umami", "documenso"] {
        if let Ok(text) = std::fs::read_to_string(corpus.join(format!("prisma/{name}.prisma"))) {
            inputs.push((format!("corpus/{name}"), text));
        }
    }
    println!("| schema | source bytes | base64, no compression | brotli q11 | brotli encode / decode µs | deflate (relplay v1) | deflate encode / decode µs |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, source) in inputs {
        let playground = SharedPlayground { source: source.clone(), ..SharedPlayground::default() };
        let json = serde_json::to_vec(&playground).expect("json");
        let ours = encode(&playground);
        assert_eq!(decode(&ours).expect("round trip").source, source);
        let encode_time = median_micros(21, || {
            std::hint::black_box(encode(&playground));
        });
        let decode_time = median_micros(21, || {
            std::hint::black_box(decode(&ours).ok());
        });
        let brotli = brotli_compress(&json);
        assert_eq!(brotli_decompress(&brotli), json);
        let brotli_encode = median_micros(5, || {
            std::hint::black_box(brotli_compress(&json));
        });
        let brotli_decode = median_micros(21, || {
            std::hint::black_box(brotli_decompress(&brotli));
        });
        println!(
            "| {name} | {} | {} | {} | {brotli_encode:.0} / {brotli_decode:.0} | {} | {encode_time:.0} / {decode_time:.0} |",
            source.len(),
            URL_SAFE_NO_PAD.encode(&json).len() + 3,
            URL_SAFE_NO_PAD.encode(&brotli).len() + 3,
            ours.len()
        );
    }
}
