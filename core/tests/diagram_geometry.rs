//! Readable diagrams, checked on the layout's geometry (not on pictures): on every example, valid
//! fixture and corpus schema, no relation line passes through an entity box other than its own two
//! ends, no two relations end in one crow's-foot glyph, and no line crosses another's glyph.

use relplay_core::layout::{layout, Diagram};
use relplay_core::{analyze, SourceLanguage};
use std::path::{Path, PathBuf};

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    files.sort();
    files
}

/// Every schema the check runs on: (name, text, language).
fn schemas() -> Vec<(String, String, SourceLanguage)> {
    let mut prisma = files_in(&root().join("../examples"), "prisma");
    prisma.extend(files_in(&root().join("tests/fixtures/valid"), "prisma"));
    let mut all: Vec<_> = prisma
        .into_iter()
        .map(|path| (path.display().to_string(), std::fs::read_to_string(&path).expect("readable schema"), SourceLanguage::Prisma))
        .collect();
    for schema in common::prisma_schemas().into_iter().chain(common::sql_schemas()) {
        all.push((format!("corpus {}", schema.name), schema.text, schema.language));
    }
    all
}

/// Whether the segment from `a` to `b` (horizontal or vertical) enters the inside of the box.
fn crosses(a: (f64, f64), b: (f64, f64), (x, y, w, h): (f64, f64, f64, f64)) -> bool {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    // Strictly inside: a line along a box's side does not pass through it.
    x0 < x + w - 0.5 && x1 > x + 0.5 && y0 < y + h - 0.5 && y1 > y + 0.5
}

/// The lines that pass through a box other than their ends', one line each.
fn lines_through_boxes(diagram: &Diagram) -> Vec<String> {
    let mut found = Vec::new();
    for edge in &diagram.edges {
        for pair in edge.points.windows(2) {
            for b in diagram.boxes.iter().filter(|b| b.entity != edge.from_entity && b.entity != edge.to_entity) {
                if crosses(pair[0], pair[1], (b.x, b.y, b.width, b.height)) {
                    found.push(format!("{} → {} passes through {}", edge.from_entity, edge.to_entity, b.entity));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Ends of different relations drawn over each other: at one side of one box, less than a glyph's
/// height (12 px) apart.
fn shared_glyphs(diagram: &Diagram) -> Vec<String> {
    let mut ends = Vec::new();
    for (i, edge) in diagram.edges.iter().enumerate() {
        ends.push((i, edge.points[0], edge.from_direction, &edge.from_entity));
        ends.push((i, *edge.points.last().unwrap(), edge.to_direction, &edge.to_entity));
    }
    let mut found = Vec::new();
    for (n, a) in ends.iter().enumerate() {
        for b in &ends[n + 1..] {
            if a.0 != b.0 && a.3 == b.3 && a.2 == b.2 && (a.1 .0 - b.1 .0).abs() < 0.5 && (a.1 .1 - b.1 .1).abs() < 12.0 {
                let (x, y) = (&diagram.edges[a.0], &diagram.edges[b.0]);
                found.push(format!("{} → {} and {} → {} share a glyph on {}", x.from_entity, x.to_entity, y.from_entity, y.to_entity, a.3));
            }
        }
    }
    found
}

/// Lines drawn across another relation's crow's foot (the 21 px beside the box, 12 px tall).
fn lines_through_glyphs(diagram: &Diagram) -> Vec<String> {
    let mut glyphs = Vec::new();
    for (i, edge) in diagram.edges.iter().enumerate() {
        for (point, direction) in [(edge.points[0], edge.from_direction), (*edge.points.last().unwrap(), edge.to_direction)] {
            let x = if direction > 0.0 { point.0 } else { point.0 - 21.0 };
            glyphs.push((i, (x, point.1 - 6.0, 21.0, 12.0)));
        }
    }
    let mut found = Vec::new();
    for (i, edge) in diagram.edges.iter().enumerate() {
        for pair in edge.points.windows(2) {
            for (j, glyph) in &glyphs {
                if *j != i && crosses(pair[0], pair[1], *glyph) {
                    let other = &diagram.edges[*j];
                    found.push(format!(
                        "{} → {} crosses the end of {} → {}",
                        edge.from_entity, edge.to_entity, other.from_entity, other.to_entity
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn no_line_through_another_box_or_glyph_and_no_shared_glyph() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text, language) in schemas() {
        let analysis = analyze(&text, language);
        let diagram = layout(&analysis.schema);
        checked += diagram.edges.len();
        for problem in lines_through_boxes(&diagram).into_iter().chain(shared_glyphs(&diagram)).chain(lines_through_glyphs(&diagram)) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(checked > 200, "only {checked} relations checked");
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// The SVG is written a group per line, which the app's patching of its picture relies on
/// (`js/diagram.js`): the opening tag and style first, one edge or entity box per line, the
/// closing tag last; every box and every edge is a line of its own.
#[test]
fn the_svg_has_one_group_per_line() {
    for (name, text, language) in schemas() {
        let diagram = layout(&analyze(&text, language).schema);
        let svg = relplay_core::layout::svg::render(&diagram);
        let lines: Vec<&str> = svg.split('\n').collect();
        assert!(lines[0].starts_with("<svg ") && lines[0].ends_with("</style>"), "{name}: {}", lines[0]);
        assert_eq!(lines.last(), Some(&"</svg>"), "{name}");
        let groups = &lines[1..lines.len() - 1];
        assert_eq!(groups.len(), diagram.boxes.len() + diagram.edges.len(), "{name}");
        for line in groups {
            assert!(line.starts_with("<g ") && line.ends_with("</g>") && line.matches("<g ").count() == 1, "{name}: {line}");
        }
        // A box's group is placed by its transform alone: the same box elsewhere is the same line
        // but for `transform="translate(x y)"` (the page keeps the element of a box that moved).
        let mut moved = diagram.clone();
        for b in &mut moved.boxes {
            b.x += 100.0;
            b.y += 50.0;
        }
        let moved_svg = relplay_core::layout::svg::render(&moved);
        let moved_lines: Vec<&str> = moved_svg.split('\n').collect();
        let boxes = &groups[diagram.edges.len()..];
        for ((line, moved_line), b) in boxes.iter().zip(&moved_lines[1 + diagram.edges.len()..]).zip(&diagram.boxes) {
            let place = format!(" transform=\"translate({} {})\"", b.x, b.y);
            let moved_place = format!(" transform=\"translate({} {})\"", b.x + 100.0, b.y + 50.0);
            assert_eq!(line.matches(" transform=").count(), 1, "{name}: {line}");
            assert!(line.contains(&place) && moved_line.contains(&moved_place), "{name}: {line}");
            assert_eq!(line.replace(&place, ""), moved_line.replace(&moved_place, ""), "{name}: a box's line depends on its place");
        }
    }
}

/// The checks themselves catch what they are for: a line drawn through a box, two ends on one
/// point, a line across another's end.
#[test]
fn the_checks_see_a_line_through_a_box_a_shared_glyph_and_a_crossed_glyph() {
    let text = "model A {\n  id Int @id\n  bs B[]\n  cs C[] @relation(\"c\")\n  ds C[] @relation(\"d\")\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\nmodel C {\n  id Int @id\n  aId Int\n  a A @relation(\"c\", fields: [aId], references: [id])\n  a2 A @relation(\"d\", fields: [aId], references: [id])\n}\n";
    let analysis = analyze(text, SourceLanguage::Prisma);
    let mut diagram = layout(&analysis.schema);
    assert!(lines_through_boxes(&diagram).is_empty() && shared_glyphs(&diagram).is_empty());
    assert!(lines_through_glyphs(&diagram).is_empty());
    let mut crossed = diagram.clone();
    let b_end = crossed.edges.iter().find(|e| e.from_entity == "B").unwrap().clone();
    let ((x, y), d) = (b_end.points[0], b_end.from_direction);
    let c = crossed.edges.iter_mut().find(|e| e.from_entity == "C").unwrap();
    c.points = vec![(x + d * 10.0, y - 30.0), (x + d * 10.0, y + 30.0)];
    assert!(lines_through_glyphs(&crossed).contains(&"C → A crosses the end of B → A".to_string()));
    // Move B into the middle of A → C's first line, and C's second end onto its first.
    let edge = diagram.edges.iter().find(|e| e.from_entity == "C").unwrap().clone();
    let (p, q) = (edge.points[0], edge.points[1]);
    let b = diagram.boxes.iter_mut().find(|b| b.entity == "B").unwrap();
    (b.x, b.y, b.width, b.height) = ((p.0 + q.0) / 2.0 - 5.0, p.1 - 5.0, 10.0, 10.0);
    assert_eq!(lines_through_boxes(&diagram), ["C → A passes through B"]);
    let second = diagram.edges.iter().rposition(|e| e.from_entity == "C").unwrap();
    diagram.edges[second].points[0] = edge.points[0];
    diagram.edges[second].from_direction = edge.from_direction;
    assert_eq!(shared_glyphs(&diagram), ["C → A and C → A share a glyph on C"]);
}

#[test]
fn views_are_drawn_as_dashed_boxes_apart_from_the_relations() {
    let source = "generator client {\n  provider        = \"prisma-client\"\n  output          = \"./generated\"\n  previewFeatures = [\"views\"]\n}\n\
        datasource db {\n  provider = \"postgresql\"\n}\n\
        model User {\n  id    Int    @id\n  posts Post[]\n}\n\
        model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n\
        view UserPostCount {\n  userId Int @unique\n  posts  Int\n}\n";
    let schema = relplay_core::analyze(source, SourceLanguage::Prisma).schema;
    assert_eq!(schema.views.len(), 1);
    let diagram = relplay_core::layout::layout(&schema);
    let view = diagram.boxes.iter().find(|b| b.view).expect("the view has a box");
    assert_eq!((view.entity.as_str(), view.rows.len()), ("UserPostCount", 2));
    // The entities keep their indexes (the page selects boxes by them); the view comes after.
    assert_eq!(diagram.boxes.iter().map(|b| b.entity.as_str()).collect::<Vec<_>>(), ["User", "Post", "UserPostCount"]);
    assert!(lines_through_boxes(&diagram).is_empty());
    let svg = relplay_core::layout::svg::render(&diagram);
    assert!(svg.contains("<g class=\"rp-entity rp-view\" data-entity=\"UserPostCount\" transform="), "{svg}");
    assert!(svg.contains("UserPostCount · view"), "{svg}");
}
