//! Diagram geometry: entity boxes placed in layers (a referenced entity above the entities that
//! reference it), unconnected entities packed in a grid after them, and relation edges routed
//! between the key rows they join. Deterministic: the same schema gives the same picture.
//! [`svg`] draws the geometry; the app and `relplay diagram` both use it.

pub mod svg;

use crate::ir::{NavigationCardinality, RelationKind, Schema, SchemaIndex};
use serde::Serialize;
use std::collections::BTreeMap;

pub const HEADER_HEIGHT: f64 = 30.0;
pub const ROW_HEIGHT: f64 = 22.0;
const CHAR_WIDTH: f64 = 7.4;
const HORIZONTAL_GAP: f64 = 90.0;
const VERTICAL_GAP: f64 = 70.0;
/// Room around the picture, wide enough for edges that loop around the left of stacked boxes.
const MARGIN: f64 = 48.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagram {
    /// The top-left corner of the picture (negative when an entity was dragged above or left of
    /// the laid-out area).
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub boxes: Vec<EntityBox>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityBox {
    pub entity: String,
    pub table: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub rows: Vec<ColumnRow>,
    /// A view (Prisma's `view` block): drawn dashed and marked, with no relation lines.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub view: bool,
    /// A MongoDB composite type (an embedded document): drawn dotted and marked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub composite: bool,
    /// The top and bottom of the box's layer: edges run in the gaps above and below it.
    #[serde(skip)]
    band: (f64, f64),
}

/// One column line inside an entity box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnRow {
    pub name: String,
    pub type_text: String,
    pub primary_key: bool,
    pub foreign_key: bool,
    pub unique: bool,
}

/// How many rows an edge end stands for (crow's-foot notation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndMark {
    ExactlyOne,
    ZeroOrOne,
    OneOrMany,
    ZeroOrMany,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// Index into the schema's relations (for a view's relation, into its view relations).
    pub relation: usize,
    /// A relation field that reaches a view ([`crate::ir::Schema::view_relations`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub view_relation: bool,
    /// A field that embeds a composite type ([`crate::ir::Schema::embedded_fields`]; `relation`
    /// is its index there): from the field's row to the type it embeds.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub embedded: bool,
    pub kind: RelationKind,
    /// A polyline from the `from` entity to the `to` entity.
    pub points: Vec<(f64, f64)>,
    pub from_entity: String,
    pub to_entity: String,
    pub from_mark: EndMark,
    pub to_mark: EndMark,
    /// The direction the line leaves each end's box: -1 to the left, +1 to the right.
    pub from_direction: f64,
    pub to_direction: f64,
}

/// Lays out `schema`.
pub fn layout(schema: &Schema) -> Diagram {
    layout_with_positions(schema, &BTreeMap::new())
}

/// Lays out `schema`, leaving the entities in `pinned` (by name: top-left corner) where the user
/// put them and placing the others automatically.
pub fn layout_with_positions(schema: &Schema, pinned: &BTreeMap<String, (f64, f64)>) -> Diagram {
    // Foreign-key fields by entity, and box positions by name, gathered once.
    let mut key_fields: std::collections::HashMap<&str, std::collections::HashSet<&str>> = std::collections::HashMap::new();
    for fk in schema.relations.iter().filter_map(|r| r.foreign_key.as_ref()) {
        key_fields.entry(fk.entity.as_str()).or_default().extend(fk.fields.iter().map(String::as_str));
    }
    // The boxes are the entities', then the views', then the composite types'; a name two of them
    // have (Prisma refuses that) is the entity's.
    let views = schema.views.iter().enumerate().map(|(i, v)| (v.name.as_str(), schema.entities.len() + i));
    let composites =
        schema.composite_types.iter().enumerate().map(|(i, t)| (t.name.as_str(), schema.entities.len() + schema.views.len() + i));
    let positions: std::collections::HashMap<&str, usize> =
        composites.chain(views).chain(schema.entities.iter().enumerate().map(|(i, e)| (e.name.as_str(), i))).collect();
    let mut boxes: Vec<EntityBox> =
        schema.entities.iter().map(|e| sized_box(schema, e, key_fields.get(e.name.as_str()), BoxKind::Entity)).collect();
    // Views and composite types after the entities (the boxes of entities keep the entities' indexes).
    boxes.extend(schema.views.iter().map(|v| sized_box(schema, v, None, BoxKind::View)));
    boxes.extend(schema.composite_types.iter().map(|t| sized_box(schema, t, None, BoxKind::Composite)));
    let count = boxes.len();
    // Neighbours: (owner, referenced) pairs; M:N joins its two sides.
    let mut links: Vec<(usize, usize)> = Vec::new();
    let position = |name: &str| positions.get(name).copied();
    for relation in &schema.relations {
        if let (Some(a), Some(b)) = (position(&relation.owning_side.entity), position(&relation.inverse_side.entity)) {
            if a != b {
                links.push((a, b));
            }
        }
    }
    // A view's relations (the field that holds the key) place it beside what it relates to.
    let view_keys: Vec<(usize, &crate::ir::ViewRelationField)> =
        schema.view_relations.iter().enumerate().filter(|(_, f)| !f.fields.is_empty()).collect();
    for (_, field) in &view_keys {
        if let (Some(a), Some(b)) = (position(&field.owner), position(&field.target)) {
            if a != b {
                links.push((a, b));
            }
        }
    }
    // An embedded type sits beside the model (or type) that embeds it.
    for field in &schema.embedded_fields {
        if let (Some(a), Some(b)) = (position(&field.owner), position(&field.type_name)) {
            if a != b {
                links.push((a, b));
            }
        }
    }
    let components = components(count, &links);
    // Each component's links, gathered once: a component is laid out from its own links alone.
    let mut component_of = vec![0usize; count];
    for (c, component) in components.iter().enumerate() {
        for &i in component {
            component_of[i] = c;
        }
    }
    let mut links_of_component: Vec<Vec<(usize, usize)>> = vec![Vec::new(); components.len()];
    for &(a, b) in &links {
        links_of_component[component_of[a]].push((a, b));
    }
    let components: Vec<_> = components.into_iter().zip(links_of_component).collect();
    let (mut cursor_x, mut cursor_y, mut row_height, mut width) = (MARGIN, MARGIN, 0.0f64, 0.0f64);
    let wrap_width = 1800.0f64.max((boxes.iter().map(|b| b.width * b.height).sum::<f64>()).sqrt() * 2.0);
    let (connected, lonely): (Vec<_>, Vec<_>) = components.into_iter().partition(|(c, _)| c.len() > 1);
    for (component, local) in connected.iter().chain(lonely.iter()) {
        let (component_width, component_height) = place_component(component, local, &mut boxes);
        if cursor_x > MARGIN && cursor_x + component_width > wrap_width {
            cursor_x = MARGIN;
            cursor_y += row_height + VERTICAL_GAP;
            row_height = 0.0;
        }
        for &i in component {
            boxes[i].x += cursor_x;
            boxes[i].y += cursor_y;
            boxes[i].band = (boxes[i].band.0 + cursor_y, boxes[i].band.1 + cursor_y);
        }
        cursor_x += component_width + HORIZONTAL_GAP;
        row_height = row_height.max(component_height);
        width = width.max(cursor_x - HORIZONTAL_GAP);
    }
    for b in boxes.iter_mut() {
        if let Some(&(x, y)) = pinned.get(&b.entity).filter(|(x, y)| x.is_finite() && y.is_finite()) {
            b.x = x;
            b.y = y;
            b.band = (y, y + b.height);
        }
    }
    let min_x = boxes.iter().map(|b| b.x).fold(0.0f64, f64::min);
    let min_y = boxes.iter().map(|b| b.y).fold(0.0f64, f64::min);
    let max_x = boxes.iter().map(|b| b.x + b.width).fold(width, f64::max);
    let max_y = boxes.iter().map(|b| b.y + b.height).fold(cursor_y + row_height, f64::max);
    let schema_index = SchemaIndex::new(schema);
    let router = Router::new(&boxes, &component_of, |b: &EntityBox| pinned.contains_key(&b.entity));
    // Self-relations of one entity loop out side by side rather than on top of each other.
    let mut loops_per_entity: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // Ends already on each (entity, side, row): a referenced row that many keys point at takes
    // them on both sides.
    let mut ends_at = EndsAt::new();
    let mut edges: Vec<Edge> = schema
        .relations
        .iter()
        .enumerate()
        .filter_map(|(index, relation)| {
            let from = position(&relation.owning_side.entity)?;
            let to = position(&relation.inverse_side.entity)?;
            let loop_index = if from == to {
                let count = loops_per_entity.entry(from).or_default();
                *count += 1;
                *count - 1
            } else {
                0
            };
            Some(router.route(&schema_index, index, relation, (from, to), loop_index, &mut ends_at))
        })
        .collect();
    for &(index, field) in &view_keys {
        let (Some(from), Some(to)) = (position(&field.owner), position(&field.target)) else { continue };
        let relation = view_relation(schema, field);
        let mut edge = router.route(&schema_index, index, &relation, (from, to), 0, &mut ends_at);
        edge.view_relation = true;
        edges.push(edge);
    }
    for (index, field) in schema.embedded_fields.iter().enumerate() {
        let (Some(from), Some(to)) = (position(&field.owner), position(&field.type_name)) else { continue };
        let loop_index = if from == to {
            let count = loops_per_entity.entry(from).or_default();
            *count += 1;
            *count - 1
        } else {
            0
        };
        let mut edge = router.route(&schema_index, index, &embedding(field), (from, to), loop_index, &mut ends_at);
        edge.embedded = true;
        // The document holds its embedded one: one owner; one, maybe one, or many embedded.
        edge.from_mark = EndMark::ExactlyOne;
        edge.to_mark = match field.cardinality {
            NavigationCardinality::One => EndMark::ExactlyOne,
            NavigationCardinality::ZeroOrOne => EndMark::ZeroOrOne,
            NavigationCardinality::Many => EndMark::ZeroOrMany,
        };
        edges.push(edge);
    }
    spread_shared_ends(&mut edges, &boxes, &positions);
    let (x, y) = (if min_x < 0.0 { min_x - MARGIN } else { 0.0 }, if min_y < 0.0 { min_y - MARGIN } else { 0.0 });
    Diagram { x, y, width: max_x + MARGIN - x, height: max_y + MARGIN - y, boxes, edges }
}

/// A view's relation as a relation of the schema, for routing and end marks: one-to-many when the
/// other side's field is a list, one-to-one otherwise.
fn view_relation(schema: &Schema, field: &crate::ir::ViewRelationField) -> crate::ir::Relation {
    let back = schema.view_relations.iter().find(|other| {
        other.owner == field.target && other.target == field.owner && other.relation_name == field.relation_name && other.fields.is_empty()
    });
    let kind = if back.is_some_and(|b| b.cardinality == crate::ir::NavigationCardinality::Many) {
        RelationKind::OneToMany
    } else {
        RelationKind::OneToOne
    };
    crate::ir::Relation {
        name: field.relation_name.clone(),
        kind,
        owning_side: crate::ir::RelationSide { entity: field.owner.clone(), navigation: Some(field.name.clone()) },
        inverse_side: crate::ir::RelationSide { entity: field.target.clone(), navigation: back.map(|b| b.name.clone()) },
        foreign_key: Some(crate::ir::ForeignKey {
            entity: field.owner.clone(),
            fields: field.fields.clone(),
            referenced_entity: field.target.clone(),
            referenced_fields: field.references.clone(),
            constraint_name: None,
            required: field.cardinality == crate::ir::NavigationCardinality::One,
        }),
        join_table: None,
        id_lists: None,
        on_delete: field.on_delete.unwrap_or(crate::ir::ReferentialAction::NoAction),
        on_update: field.on_update.unwrap_or(crate::ir::ReferentialAction::NoAction),
        span: field.span,
    }
}

/// An embedding as a relation of the schema, for routing: from the field's row to the type's box.
fn embedding(field: &crate::ir::EmbeddedField) -> crate::ir::Relation {
    crate::ir::Relation {
        name: None,
        kind: if field.cardinality == NavigationCardinality::Many { RelationKind::OneToMany } else { RelationKind::OneToOne },
        owning_side: crate::ir::RelationSide { entity: field.owner.clone(), navigation: Some(field.name.clone()) },
        inverse_side: crate::ir::RelationSide { entity: field.type_name.clone(), navigation: None },
        foreign_key: Some(crate::ir::ForeignKey {
            entity: field.owner.clone(),
            fields: vec![field.stored_name.clone()],
            referenced_entity: field.type_name.clone(),
            referenced_fields: Vec::new(),
            constraint_name: None,
            required: field.cardinality == NavigationCardinality::One,
        }),
        join_table: None,
        id_lists: None,
        on_delete: crate::ir::ReferentialAction::NoAction,
        on_update: crate::ir::ReferentialAction::NoAction,
        span: field.span,
    }
}

/// What a box stands for.
#[derive(Clone, Copy, PartialEq)]
enum BoxKind {
    Entity,
    View,
    Composite,
}

fn sized_box(
    schema: &Schema,
    entity: &crate::ir::Entity,
    key_fields: Option<&std::collections::HashSet<&str>>,
    kind: BoxKind,
) -> EntityBox {
    let (view, composite) = (kind == BoxKind::View, kind == BoxKind::Composite);
    // Columns, and the fields that embed a composite type, in the order they are declared.
    let embedded = schema.embedded_fields.iter().filter(|f| f.owner == entity.name && kind != BoxKind::View).map(|f| {
        let row = ColumnRow {
            name: f.stored_name.clone(),
            type_text: format!("{}{}", f.type_name, crate::languages::prisma::cardinality_mark(f.cardinality)),
            primary_key: false,
            foreign_key: false,
            unique: false,
        };
        (f.position, row)
    });
    let mut rows: Vec<(u32, ColumnRow)> = entity
        .fields
        .iter()
        .map(|field| {
            let mut type_text = crate::languages::prisma::type_name(&field.field_type);
            if field.list {
                type_text.push_str("[]");
            } else if field.nullable {
                type_text.push('?');
            }
            let row = ColumnRow {
                name: field.column.clone(),
                type_text,
                primary_key: entity.primary_key.as_ref().is_some_and(|pk| pk.fields.contains(&field.name)),
                foreign_key: key_fields.is_some_and(|fields| fields.contains(field.name.as_str())),
                unique: entity.uniques.iter().any(|u| u.fields.len() == 1 && u.fields[0] == field.name),
            };
            (field.position, row)
        })
        .chain(embedded)
        .collect();
    rows.sort_by_key(|(position, _)| *position);
    let rows: Vec<ColumnRow> = rows.into_iter().map(|(_, row)| row).collect();
    let row_width = rows.iter().map(|r| (r.name.len() + r.type_text.len() + 6) as f64 * CHAR_WIDTH + 36.0).fold(0.0, f64::max);
    let title = box_title(&entity.name, &entity.table, view, composite);
    let width = (title.chars().count() as f64 * (CHAR_WIDTH + 0.8) + 28.0).max(row_width).max(140.0).ceil();
    let height = HEADER_HEIGHT + ROW_HEIGHT * rows.len().max(1) as f64 + 6.0;
    EntityBox {
        entity: entity.name.clone(),
        table: entity.table.clone(),
        x: 0.0,
        y: 0.0,
        width,
        height,
        rows,
        view,
        composite,
        band: (0.0, height),
    }
}

/// A box's heading: the name, the table where it differs, and `view` for a view, `type` for a
/// composite type.
pub(super) fn box_title(name: &str, table: &str, view: bool, composite: bool) -> String {
    let mut title = if table == name { name.to_string() } else { format!("{name} ({table})") };
    if view {
        title.push_str(" · view");
    } else if composite {
        title.push_str(" · type");
    }
    title
}

/// Connected groups of entities, each sorted, in order of their first member.
fn components(count: usize, links: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for &(a, b) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root = std::collections::HashMap::new();
    for i in 0..count {
        let r = root(&mut parent, i);
        let g = *group_of_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

/// Places one connected group at the origin in layers; returns its width and height.
fn place_component(component: &[usize], local: &[(usize, usize)], boxes: &mut [EntityBox]) -> (f64, f64) {
    let mut neighbours_of: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for &(a, b) in local {
        neighbours_of.entry(a).or_default().push(b);
        neighbours_of.entry(b).or_default().push(a);
    }
    // Layer = longest chain of references below the entity; a referenced entity sits above.
    // Indexed by the entity's position within the component (components are sorted).
    let local_index = |i: usize| component.binary_search(&i).expect("links stay within their component");
    let local_links: Vec<(usize, usize)> = local.iter().map(|&(a, b)| (local_index(a), local_index(b))).collect();
    let mut layer = vec![0usize; component.len()];
    for _ in 0..component.len() {
        let mut changed = false;
        for &(owner, referenced) in &local_links {
            let wanted = layer[referenced] + 1;
            if layer[owner] < wanted && wanted < component.len() {
                layer[owner] = wanted;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let layer_count = layer.iter().max().map_or(1, |m| m + 1);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for (position, &i) in component.iter().enumerate() {
        layers[layer[position]].push(i);
    }
    layers.retain(|l| !l.is_empty());
    // Barycentre sweeps reduce crossings: order each layer by its neighbours' mean position.
    for sweep in 0..4 {
        let indices: Vec<usize> =
            if sweep % 2 == 0 { (1..layers.len()).collect() } else { (0..layers.len().saturating_sub(1)).rev().collect() };
        for l in indices {
            let reference = if sweep % 2 == 0 { l - 1 } else { l + 1 };
            let rank: std::collections::HashMap<usize, f64> = layers[reference].iter().enumerate().map(|(p, &i)| (i, p as f64)).collect();
            let mut keyed: Vec<(f64, usize, usize)> = layers[l]
                .iter()
                .enumerate()
                .map(|(p, &i)| {
                    let neighbours: Vec<f64> = neighbours_of.get(&i).into_iter().flatten().filter_map(|n| rank.get(n)).copied().collect();
                    let key = if neighbours.is_empty() { p as f64 } else { neighbours.iter().sum::<f64>() / neighbours.len() as f64 };
                    (key, p, i)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            layers[l] = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
    }
    let layer_widths: Vec<f64> =
        layers.iter().map(|l| l.iter().map(|&i| boxes[i].width).sum::<f64>() + HORIZONTAL_GAP * (l.len() as f64 - 1.0)).collect();
    let width = layer_widths.iter().copied().fold(0.0, f64::max);
    let mut y = 0.0;
    for (l, members) in layers.iter().enumerate() {
        let mut x = (width - layer_widths[l]) / 2.0;
        let mut layer_height: f64 = 0.0;
        for &i in members {
            boxes[i].x = x.round();
            boxes[i].y = y;
            x += boxes[i].width + HORIZONTAL_GAP;
            layer_height = layer_height.max(boxes[i].height);
        }
        for &i in members {
            boxes[i].band = (y, y + layer_height);
        }
        y += layer_height + VERTICAL_GAP;
    }
    (width, y - VERTICAL_GAP)
}

/// The y of the middle of a column's row, or of the header when the column is not shown.
fn row_y(entity_box: &EntityBox, column: Option<&str>) -> f64 {
    let index = column.and_then(|c| entity_box.rows.iter().position(|r| r.name == c));
    match index {
        Some(i) => entity_box.y + HEADER_HEIGHT + ROW_HEIGHT * i as f64 + ROW_HEIGHT / 2.0,
        None => entity_box.y + HEADER_HEIGHT / 2.0,
    }
}

/// Room kept between a line and a box it passes: past the crow's feet drawn on its sides.
const CLEARANCE: f64 = 24.0;

/// Routes relation lines between boxes. Boxes stand in layers (bands) separated by empty gaps:
/// horizontal runs go in those gaps, and a line crossing layers passes each one through a space
/// between its boxes, so that it never passes through a box.
struct Router<'a> {
    boxes: &'a [EntityBox],
    component_of: &'a [usize],
    /// Per component: the distinct layer bands of its laid-out (not dragged) boxes, top first.
    bands: Vec<Vec<(f64, f64)>>,
    /// Per component: the left and right of its laid-out boxes.
    spans: Vec<(f64, f64)>,
    /// Per band (by its bits): the x intervals its boxes occupy, with clearance, merged and sorted.
    occupied: std::collections::HashMap<(u64, u64), Vec<(f64, f64)>>,
    /// Every box by its top, and the tallest box's height: the boxes that can reach into a span
    /// of y are found by a binary search rather than by looking at all of them.
    by_top: Vec<usize>,
    tallest: f64,
}

impl<'a> Router<'a> {
    fn new(boxes: &'a [EntityBox], component_of: &'a [usize], is_pinned: impl Fn(&EntityBox) -> bool) -> Router<'a> {
        let components = component_of.iter().copied().max().map_or(0, |m| m + 1);
        let mut bands: Vec<Vec<(f64, f64)>> = vec![Vec::new(); components];
        let mut spans = vec![(f64::INFINITY, f64::NEG_INFINITY); components];
        for (i, b) in boxes.iter().enumerate() {
            if is_pinned(b) {
                continue;
            }
            let c = component_of[i];
            bands[c].push(b.band);
            spans[c] = (spans[c].0.min(b.x), spans[c].1.max(b.x + b.width));
        }
        for list in &mut bands {
            list.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            list.dedup();
        }
        // Boxes by top, so that each band looks only at the boxes that can reach into it.
        let mut by_top: Vec<usize> = (0..boxes.len()).collect();
        by_top.sort_by(|&a, &b| boxes[a].y.total_cmp(&boxes[b].y));
        let tallest = boxes.iter().map(|b| b.height).fold(0.0, f64::max);
        let mut router = Router { boxes, component_of, bands, spans, occupied: std::collections::HashMap::new(), by_top, tallest };
        let mut occupied = std::collections::HashMap::new();
        for &band in router.bands.iter().flatten() {
            let key = (band.0.to_bits(), band.1.to_bits());
            if occupied.contains_key(&key) {
                continue;
            }
            let mut intervals: Vec<(f64, f64)> =
                router.reaching(band.0, band.1).map(|(_, b)| (b.x - CLEARANCE, b.x + b.width + CLEARANCE)).collect();
            intervals.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            let mut merged: Vec<(f64, f64)> = Vec::new();
            for (lo, hi) in intervals {
                match merged.last_mut() {
                    Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                    _ => merged.push((lo, hi)),
                }
            }
            occupied.insert(key, merged);
        }
        router.occupied = occupied;
        router
    }

    /// The boxes (with their indexes) that reach into the span of y from `top` to `bottom`
    /// (exclusive at both ends), topmost first.
    fn reaching(&self, top: f64, bottom: f64) -> impl Iterator<Item = (usize, &'a EntityBox)> + '_ {
        // A box whose top is a tallest box's height or more above `top` ends above it.
        let start = self.by_top.partition_point(|&i| self.boxes[i].y + self.tallest <= top);
        let boxes = self.boxes;
        self.by_top[start..]
            .iter()
            .map(move |&i| (i, &boxes[i]))
            .take_while(move |(_, b)| b.y < bottom)
            .filter(move |(_, b)| b.y + b.height > top)
    }

    /// The x at which a line at `from_x` heading for `toward` best passes through `band`: free of
    /// its boxes, within the component's reach, as short a way round as there is; `offset`
    /// keeps lines through the same space apart.
    fn pass_x(&self, band: (f64, f64), component: usize, from_x: f64, toward: f64, offset: f64) -> f64 {
        let occupied = &self.occupied[&(band.0.to_bits(), band.1.to_bits())];
        let (left, right) = self.spans[component];
        let reach = (left - HORIZONTAL_GAP / 2.0 + 4.0, right + HORIZONTAL_GAP / 2.0 - 4.0);
        let (lo, hi) = (from_x.min(toward), from_x.max(toward));
        let mut best: Option<(f64, f64)> = None;
        let mut consider = |start: f64, end: f64| {
            let (start, end) = (start.max(reach.0), end.min(reach.1));
            if start > end {
                return;
            }
            // The point of the free space nearest the way from `from_x` to `toward`.
            let x = if end < lo {
                end
            } else if start > hi {
                start
            } else {
                from_x.clamp(start.max(lo), end.min(hi))
            };
            let x = (x + offset).clamp(start, end);
            let cost = (x - from_x).abs() + (x - toward).abs();
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, x));
            }
        };
        let mut previous_end = f64::NEG_INFINITY;
        for &(start, end) in occupied {
            consider(previous_end, start);
            previous_end = end;
        }
        consider(previous_end, f64::INFINITY);
        best.map_or(from_x, |(_, x)| x)
    }

    /// The layers of the component strictly between the bands `from` and `to`, nearest `from` first.
    fn layers_between(&self, component: usize, from: (f64, f64), to: (f64, f64)) -> Vec<(f64, f64)> {
        let (upper, lower) = if from.0 < to.0 { (from, to) } else { (to, from) };
        // The bands are sorted by top: those between start after the upper band's bottom and
        // end before the lower band's top (so they start before it too).
        let bands = &self.bands[component];
        let start = bands.partition_point(|band| band.0 < upper.1 - 0.5);
        let mut between: Vec<(f64, f64)> = bands[start..]
            .iter()
            .take_while(|band| band.0 <= lower.0 + 0.5)
            .filter(|band| band.1 <= lower.0 + 0.5 && **band != upper && **band != lower)
            .copied()
            .collect();
        if to.0 < from.0 {
            between.reverse();
        }
        between
    }

    /// Whether a horizontal or vertical segment keeps its clearance from every box but the two given.
    fn is_free(&self, a: (f64, f64), b: (f64, f64), (from, to): (usize, usize)) -> bool {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        self.reaching(y0, y1).all(|(i, bx)| i == from || i == to || !(x0 < bx.x + bx.width + CLEARANCE && x1 > bx.x - CLEARANCE))
    }

    fn route(
        &self,
        schema: &SchemaIndex,
        index: usize,
        relation: &crate::ir::Relation,
        (from_index, to_index): (usize, usize),
        loop_index: usize,
        ends_at: &mut EndsAt,
    ) -> Edge {
        let (from, to) = (&self.boxes[from_index], &self.boxes[to_index]);
        // A view is no entity of the index: its fields are its columns.
        let column_of = |entity: &str, field: Option<&String>| {
            let field = field?;
            Some(schema.entity(entity).map_or(field.as_str(), |e| e.column_of(field)).to_string())
        };
        let (from_column, to_column) = match &relation.foreign_key {
            Some(fk) => (column_of(&fk.entity, fk.fields.first()), column_of(&fk.referenced_entity, fk.referenced_fields.first())),
            None => (None, None),
        };
        let (from_mark, to_mark) = end_marks(schema, relation);
        let from_y = row_y(from, from_column.as_deref());
        let to_y = row_y(to, to_column.as_deref());
        let used = |ends_at: &mut EndsAt, entity: usize, direction: f64, y: f64| {
            *ends_at.entry((entity, direction as i8, y.to_bits())).or_default() += 1;
        };
        if from_index == to_index {
            // A self-relation loops out of the right side and back.
            let x = from.x + from.width;
            let out = x + 28.0 + 16.0 * loop_index as f64;
            let (y1, y2) = if (from_y - to_y).abs() < 1.0 { (from_y, from_y + ROW_HEIGHT / 2.0) } else { (from_y, to_y) };
            used(ends_at, from_index, 1.0, y1);
            used(ends_at, to_index, 1.0, y2);
            let points = vec![(x, y1), (out, y1), (out, y2), (x, y2)];
            return edge(index, relation, from, to, (from_mark, to_mark), (1.0, 1.0), points);
        }
        // Vertical runs keep a small distance from the box sides (past the crow's feet, 21 px, so
        // that a line along a box does not cross the glyphs of the lines that end there) and
        // horizontal runs use the gaps between layers, each edge on its own lane so parallel
        // edges stay apart.
        let lane = 24.0 + 6.0 * (index % 4) as f64;
        let channel = 12.0 + 8.0 * (index % 6) as f64;
        let from_center = from.x + from.width / 2.0;
        let to_center = to.x + to.width / 2.0;
        let overlap = from.x < to.x + to.width && to.x < from.x + from.width;
        // Stacked boxes: leave and enter on the left, around the outside.
        let (d1, mut d2) = if overlap {
            (-1.0, -1.0)
        } else {
            (if to_center > from_center { 1.0 } else { -1.0 }, if from_center > to_center { 1.0 } else { -1.0 })
        };
        let same_band = (from.band.0 - to.band.0).abs() < 0.5;
        let side_x = |b: &EntityBox, d: f64| if d > 0.0 { b.x + b.width } else { b.x };
        let adjacent = !overlap && same_band && (side_x(to, d2) - side_x(from, d1)).abs() <= HORIZONTAL_GAP + 0.5;
        if !adjacent {
            // A referenced row that two ends already reach on this side takes the next on the other
            // (the line goes round the box through the gap next to it).
            let count = |d: f64| ends_at.get(&(to_index, d as i8, to_y.to_bits())).copied().unwrap_or(0);
            if count(d2) >= 2 && count(-d2) < count(d2) {
                d2 = -d2;
            }
        }
        let (x1, x2) = (side_x(from, d1), side_x(to, d2));
        used(ends_at, from_index, d1, from_y);
        used(ends_at, to_index, d2, to_y);
        let component = self.component_of[from_index];
        let around = x1.min(x2) - lane;
        let points = if adjacent {
            let mid = (x1 + x2) / 2.0;
            vec![(x1, from_y), (mid, from_y), (mid, to_y), (x2, to_y)]
        } else if overlap
            && d2 < 0.0
            && self.layers_between(component, from.band, to.band).is_empty()
            && self.is_free((x1, from_y), (around, from_y), (from_index, to_index))
            && self.is_free((x2, to_y), (around, to_y), (from_index, to_index))
            && self.is_free((around, from_y), (around, to_y), (from_index, to_index))
        {
            // Stacked boxes in neighbouring layers: one run down their left sides.
            vec![(x1, from_y), (around, from_y), (around, to_y), (x2, to_y)]
        } else {
            let (a, b) = (x1 + d1 * lane, x2 + d2 * lane);
            let mut points = vec![(x1, from_y), (a, from_y)];
            let upward = to.band.0 < from.band.0 - 0.5;
            // Up through the gap above the source's layer when the target's layer is higher, else
            // through the gap below; then through each layer between, to the gap next to the target's.
            let mut y = if upward { from.band.0 - channel } else { from.band.1 + channel };
            points.push((a, y));
            let mut x = a;
            let offset = 6.0 * (index % 5) as f64 - 12.0;
            for band in self.layers_between(component, from.band, to.band) {
                let through = self.pass_x(band, component, x, b, offset);
                if (through - x).abs() > 0.01 {
                    points.push((through, y));
                }
                y = if upward { band.0 - channel } else { band.1 + channel };
                points.push((through, y));
                x = through;
            }
            points.push((b, y));
            points.push((b, to_y));
            points.push((x2, to_y));
            points
        };
        edge(index, relation, from, to, (from_mark, to_mark), (d1, d2), points)
    }
}

fn edge(
    index: usize,
    relation: &crate::ir::Relation,
    from: &EntityBox,
    to: &EntityBox,
    (from_mark, to_mark): (EndMark, EndMark),
    (from_direction, to_direction): (f64, f64),
    points: Vec<(f64, f64)>,
) -> Edge {
    Edge {
        relation: index,
        view_relation: false,
        embedded: false,
        kind: relation.kind,
        points,
        from_entity: from.entity.clone(),
        to_entity: to.entity.clone(),
        from_mark,
        to_mark,
        from_direction,
        to_direction,
    }
}

/// The height a crow's-foot glyph takes: ends on one side of a box are at least this far apart.
const GLYPH_HEIGHT: f64 = 12.0;

/// One end of a line on a side of a box: its y, its edge, and whether it is the edge's last point.
type BoxEnd = (f64, usize, bool);

/// How many line ends reach each (box, side, row y) so far.
type EndsAt = std::collections::HashMap<(usize, i8, u64), usize>;

/// Moves apart the ends that would be drawn over each other (several relations ending on one row,
/// on one side of a box): spread evenly around where they were, within the box where they fit.
fn spread_shared_ends(edges: &mut [Edge], boxes: &[EntityBox], positions: &std::collections::HashMap<&str, usize>) {
    let mut sides: std::collections::HashMap<(usize, i8), Vec<BoxEnd>> = std::collections::HashMap::new();
    for (i, e) in edges.iter().enumerate() {
        let (Some(&from), Some(&to)) = (positions.get(e.from_entity.as_str()), positions.get(e.to_entity.as_str())) else { continue };
        sides.entry((from, e.from_direction as i8)).or_default().push((e.points[0].1, i, false));
        sides.entry((to, e.to_direction as i8)).or_default().push((e.points[e.points.len() - 1].1, i, true));
    }
    let mut moves: Vec<(usize, bool, f64)> = Vec::new();
    for ((b, _), mut ends) in sides {
        if ends.len() < 2 {
            continue;
        }
        ends.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let bounds = (boxes[b].y + HEADER_HEIGHT / 2.0, boxes[b].y + boxes[b].height - GLYPH_HEIGHT / 2.0);
        // Groups of ends closer than a glyph, grown until no two groups are.
        let mut groups: Vec<(f64, usize)> = ends.iter().map(|e| (e.0, 1)).collect();
        loop {
            let placed: Vec<(f64, f64)> = groups.iter().map(|&(centre, n)| group_span(centre, n, bounds)).collect();
            let Some(i) = (1..groups.len()).find(|&i| placed[i].0 - placed[i - 1].1 < GLYPH_HEIGHT - 0.01) else { break };
            let (a, b) = (groups[i - 1], groups[i]);
            groups[i - 1] = ((a.0 * a.1 as f64 + b.0 * b.1 as f64) / (a.1 + b.1) as f64, a.1 + b.1);
            groups.remove(i);
        }
        let mut k = 0;
        for (centre, n) in groups {
            let (first, _) = group_span(centre, n, bounds);
            for j in 0..n {
                let y = first + GLYPH_HEIGHT * j as f64;
                let (_, edge, last) = ends[k];
                if (y - ends[k].0).abs() > 0.01 {
                    moves.push((edge, last, y));
                }
                k += 1;
            }
        }
    }
    for (edge, last, y) in moves {
        let points = &mut edges[edge].points;
        let n = points.len();
        let (end, next) = if last { (n - 1, n - 2) } else { (0, 1) };
        points[end].1 = y;
        points[next].1 = y;
    }
}

/// The first and last y of `n` ends a glyph apart around `centre`, kept within `bounds` when they fit.
fn group_span(centre: f64, n: usize, bounds: (f64, f64)) -> (f64, f64) {
    let length = GLYPH_HEIGHT * (n as f64 - 1.0);
    let mut first = centre - length / 2.0;
    if first + length > bounds.1 {
        first = bounds.1 - length;
    }
    if first < bounds.0 {
        first = bounds.0;
    }
    (first, first + length)
}

/// Crow's-foot marks for the owning end and the referenced end of a relation.
fn end_marks(schema: &SchemaIndex, relation: &crate::ir::Relation) -> (EndMark, EndMark) {
    match (relation.kind, &relation.foreign_key) {
        (RelationKind::ManyToMany, _) | (_, None) => (EndMark::ZeroOrMany, EndMark::ZeroOrMany),
        (kind, Some(fk)) => {
            let referenced = if fk.required { EndMark::ExactlyOne } else { EndMark::ZeroOrOne };
            let back_required = relation
                .inverse_side
                .navigation
                .as_ref()
                .and_then(|n| schema.entity(&relation.inverse_side.entity)?.navigations.iter().find(|x| &x.name == n))
                .is_some_and(|n| n.cardinality == NavigationCardinality::One);
            let owning = match (kind, back_required) {
                (RelationKind::OneToOne, true) => EndMark::ExactlyOne,
                (RelationKind::OneToOne, false) => EndMark::ZeroOrOne,
                _ => EndMark::ZeroOrMany,
            };
            (owning, referenced)
        }
    }
}
