//! Lays out generated schemas of 50, 200 and 1,000 entities (and the corpus) and reports the
//! median time of analysis, layout and SVG drawing, natively. The same schemas are written to
//! `target/bench-schemas/` for the browser benchmark (`node tests/bench/layout-browser.mjs`).
//!
//! cargo run --release -p relplay-core --example layout_bench

use relplay_core::layout::{layout, svg};
use relplay_core::{analyze, SourceLanguage};
use std::fmt::Write;
use std::path::PathBuf;
use std::time::Instant;

/// A schema of `count` models: a tree of one-to-many relations (each model points at a parent),
/// a one-to-one every fifth model and a second reference every seventh, so the graph is connected
/// and has crossings to resolve, like real schemas.
fn generated_schema(count: usize) -> String {
    let mut text = String::from("datasource db {\n  provider = \"postgresql\"\n}\n");
    for i in 0..count {
        let mut fields = String::from("  id        Int      @id @default(autoincrement())\n  name      String\n  createdAt DateTime @default(now())\n  score     Float?\n");
        let mut backs = String::new();
        if i > 0 {
            let parent = (i - 1) / 3;
            let _ = write!(fields, "  parentId  Int\n  parent    M{parent} @relation(\"P{i}\", fields: [parentId], references: [id])\n");
            let _ = writeln!(backs, "  children{i} M{i}[] @relation(\"P{i}\")");
            if i % 7 == 0 && i >= 10 {
                let other = i - 9;
                let _ =
                    write!(fields, "  otherId   Int?\n  other     M{other}? @relation(\"O{i}\", fields: [otherId], references: [id])\n");
                let _ = writeln!(backs, "  others{i} M{i}[] @relation(\"O{i}\")");
            }
            if i % 5 == 0 {
                let twin = i - 1;
                let _ = write!(
                    fields,
                    "  twinId    Int?     @unique\n  twin      M{twin}? @relation(\"T{i}\", fields: [twinId], references: [id])\n"
                );
                let _ = writeln!(backs, "  twinOf{i} M{i}? @relation(\"T{i}\")");
            }
        }
        let _ = write!(text, "\nmodel M{i} {{\n{fields}__BACK{i}__}}\n");
        // Back fields are added to the referenced model once all are known.
        for line in backs.lines() {
            let target = if line.contains("children") {
                (i - 1) / 3
            } else if line.contains("others") {
                i - 9
            } else {
                i - 1
            };
            text = text.replacen(&format!("__BACK{target}__"), &format!("{line}\n__BACK{target}__"), 1);
        }
    }
    for i in 0..count {
        text = text.replacen(&format!("__BACK{i}__"), "", 1);
    }
    text
}

fn median_millis(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = root.join("target/bench-schemas");
    std::fs::create_dir_all(&out).expect("create target/bench-schemas");
    let mut inputs: Vec<(String, String)> = Vec::new();
    for count in [50, 200, 1000] {
        let text = generated_schema(count);
        let analysis = analyze(&text, SourceLanguage::Prisma);
        assert!(!relplay_core::diagnostic::has_errors(&analysis.diagnostics), "the generated schema of {count} has errors");
        std::fs::write(out.join(format!("generated-{count}.prisma")), &text).expect("write schema");
        inputs.push((format!("generated-{count}"), text));
    }
    let corpus = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| root.join("tests/corpus"));
    for name in ["umami", "documenso"] {
        if let Ok(text) = std::fs::read_to_string(corpus.join(format!("prisma/{name}.prisma"))) {
            std::fs::write(out.join(format!("corpus-{name}.prisma")), &text).expect("write schema");
            inputs.push((format!("corpus-{name}"), text));
        }
    }
    println!("| schema | entities | relations | analyse ms | layout ms | SVG ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, text) in inputs {
        let analysis = analyze(&text, SourceLanguage::Prisma);
        let schema = &analysis.schema;
        let runs = 7;
        let analyse = median_millis(runs, || {
            std::hint::black_box(analyze(&text, SourceLanguage::Prisma));
        });
        let lay = median_millis(runs, || {
            std::hint::black_box(layout(schema));
        });
        let diagram = layout(schema);
        let draw = median_millis(runs, || {
            std::hint::black_box(svg::render(&diagram));
        });
        println!("| {name} | {} | {} | {analyse:.1} | {lay:.1} | {draw:.1} |", schema.entities.len(), schema.relations.len());
    }
}
