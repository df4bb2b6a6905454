//! Draws a [`Diagram`] as a standalone SVG document. Colours come from CSS custom properties with
//! light defaults, so a page can theme the picture; every text is escaped.

use super::{Diagram, EndMark, HEADER_HEIGHT, ROW_HEIGHT};
use std::fmt::Write;

const STYLE: &str = "\
.rp-box{fill:var(--rp-box,#fff);stroke:var(--rp-line,#8a94a6);stroke-width:1}\
.rp-head{fill:var(--rp-head,#e8eefc)}\
.rp-title{font:600 13px ui-sans-serif,system-ui,sans-serif;fill:var(--rp-text,#1b2330)}\
.rp-col{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;fill:var(--rp-text,#1b2330)}\
.rp-type{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;fill:var(--rp-muted,#5b6475)}\
.rp-mark{font:600 9px ui-sans-serif,system-ui,sans-serif;fill:var(--rp-accent,#2f5fd0)}\
.rp-edge{fill:none;stroke:var(--rp-edge,#4a5568);stroke-width:1.4}\
.rp-end{fill:var(--rp-box,#fff);stroke:var(--rp-edge,#4a5568);stroke-width:1.4}\
.rp-hit{fill:none;stroke:transparent;stroke-width:12}\
.rp-view .rp-box{stroke-dasharray:5 3}\
.rp-composite .rp-box,.rp-embedded polyline.rp-edge{stroke-dasharray:2 3}\
.rp-selected .rp-edge,.rp-selected .rp-box{stroke:var(--rp-accent,#2f5fd0);stroke-width:2.4}";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The SVG document of `diagram`. Entities and relations carry `data-entity` / `data-relation`
/// attributes so a page can link them to other views. The opening tag and the style are the first
/// line, each edge and each entity box one group on a line of its own, and the closing tag the last
/// line: the app patches its picture line by line (`js/diagram.js`), keeping the elements of the
/// lines that did not change. A box is drawn at the origin and placed by its group's `transform`
/// (its only one), so a box that only moved keeps its element too: the page sets the transform
/// rather than building and laying out its texts again.
pub fn render(diagram: &Diagram) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rp-diagram\" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\"><style>{STYLE}</style>",
        x = diagram.x.floor(),
        y = diagram.y.floor(),
        w = diagram.width.ceil(),
        h = diagram.height.ceil()
    );
    for edge in &diagram.edges {
        let points: Vec<String> = edge.points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        // A view's relation is drawn like any other, but names no relation of the schema's (the
        // page links views by `data-relation`).
        let data = if edge.view_relation {
            format!("rp-relation rp-view-relation\" data-view-relation=\"{}", edge.relation)
        } else if edge.embedded {
            format!("rp-embedded\" data-embedded=\"{}", edge.relation)
        } else {
            format!("rp-relation\" data-relation=\"{}", edge.relation)
        };
        let _ = write!(
            out,
            "<g class=\"{data}\"><title>{} → {} ({})</title><polyline class=\"rp-hit\" points=\"{p}\"/><polyline class=\"rp-edge\" points=\"{p}\"/>",
            escape(&edge.from_entity),
            escape(&edge.to_entity),
            edge.kind.as_str(),
            p = points.join(" ")
        );
        let (start, end) = (edge.points[0], edge.points[edge.points.len() - 1]);
        draw_end(&mut out, start, edge.from_direction, edge.from_mark);
        draw_end(&mut out, end, edge.to_direction, edge.to_mark);
        out.push_str("</g>\n");
    }
    for b in &diagram.boxes {
        let title = super::box_title(&b.entity, &b.table, b.view, b.composite);
        let _ = write!(
            out,
            "<g class=\"rp-entity{v}\" data-entity=\"{e}\" transform=\"translate({x} {y})\"><rect class=\"rp-box\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" rx=\"6\"/>\
<path class=\"rp-head\" d=\"M0 {y2}v-{r}a6 6 0 0 1 6 -6h{wi}a6 6 0 0 1 6 6v{r}z\"/><text class=\"rp-title\" x=\"12\" y=\"20\">{t}</text>",
            e = escape(&b.entity),
            x = b.x,
            y = b.y,
            w = b.width,
            h = b.height,
            y2 = HEADER_HEIGHT,
            r = HEADER_HEIGHT - 6.0,
            wi = b.width - 12.0,
            t = escape(&title),
            v = if b.view {
                " rp-view"
            } else if b.composite {
                " rp-composite"
            } else {
                ""
            }
        );
        for (i, row) in b.rows.iter().enumerate() {
            let y = HEADER_HEIGHT + ROW_HEIGHT * i as f64 + 15.0;
            let marks: Vec<&str> = [(row.primary_key, "PK"), (row.foreign_key, "FK"), (row.unique && !row.primary_key, "UQ")]
                .iter()
                .filter_map(|(on, m)| on.then_some(*m))
                .collect();
            let _ = write!(
                out,
                "<text class=\"rp-mark\" x=\"8\" y=\"{y}\">{}</text><text class=\"rp-col\" x=\"{}\" y=\"{y}\">{}</text><text class=\"rp-type\" x=\"{}\" y=\"{y}\" text-anchor=\"end\">{}</text>",
                marks.join(" "),
                8.0 + if marks.is_empty() { 0.0 } else { 17.0 * marks.len() as f64 + 2.0 },
                escape(&row.name),
                b.width - 10.0,
                escape(&row.type_text)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>");
    out
}

/// Draws a crow's-foot end at `point`; `direction` is where the line goes away from the box.
fn draw_end(out: &mut String, (x, y): (f64, f64), direction: f64, mark: EndMark) {
    let at = |d: f64| x + direction * d;
    let bar = |out: &mut String, d: f64| {
        let _ = write!(out, "<line class=\"rp-edge\" x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{2:.1}\"/>", at(d), y - 6.0, y + 6.0);
    };
    let circle = |out: &mut String, d: f64| {
        let _ = write!(out, "<circle class=\"rp-end\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4\"/>", at(d));
    };
    let crow = |out: &mut String| {
        let _ =
            write!(out, "<path class=\"rp-edge\" d=\"M{0:.1} {1:.1}L{2:.1} {y:.1}L{0:.1} {3:.1}\"/>", at(0.0), y - 6.0, at(11.0), y + 6.0);
    };
    match mark {
        EndMark::ExactlyOne => {
            bar(out, 7.0);
            bar(out, 12.0);
        }
        EndMark::ZeroOrOne => {
            bar(out, 7.0);
            circle(out, 16.0);
        }
        EndMark::OneOrMany => {
            crow(out);
            bar(out, 15.0);
        }
        EndMark::ZeroOrMany => {
            crow(out);
            circle(out, 17.0);
        }
    }
}
