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
    /// Index into the schema's relations.
    pub relation: usize,
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
    // Foreign-key fields by entity, and entity positions by name, gathered once.
    let mut key_fields: std::collections::HashMap<&str, std::collections::HashSet<&str>> = std::collections::HashMap::new();
    for fk in schema.relations.iter().filter_map(|r| r.foreign_key.as_ref()) {
        key_fields.entry(fk.entity.as_str()).or_default().extend(fk.fields.iter().map(String::as_str));
    }
    let positions: std::collections::HashMap<&str, usize> = schema.entities.iter().enumerate().map(|(i, e)| (e.name.as_str(), i)).collect();
    let mut boxes: Vec<EntityBox> = schema.entities.iter().map(|e| sized_box(e, key_fields.get(e.name.as_str()))).collect();
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
    // Self-relations of one entity loop out side by side rather than on top of each other.
    let mut loops_per_entity: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let edges = schema
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
            Some(route_edge(&schema_index, index, relation, &boxes[from], &boxes[to], loop_index))
        })
        .collect();
    let (x, y) = (if min_x < 0.0 { min_x - MARGIN } else { 0.0 }, if min_y < 0.0 { min_y - MARGIN } else { 0.0 });
    Diagram { x, y, width: max_x + MARGIN - x, height: max_y + MARGIN - y, boxes, edges }
}

fn sized_box(entity: &crate::ir::Entity, key_fields: Option<&std::collections::HashSet<&str>>) -> EntityBox {
    let rows: Vec<ColumnRow> = entity
        .fields
        .iter()
        .map(|field| {
            let mut type_text = crate::languages::prisma::type_name(&field.field_type);
            if field.list {
                type_text.push_str("[]");
            } else if field.nullable {
                type_text.push('?');
            }
            ColumnRow {
                name: field.column.clone(),
                type_text,
                primary_key: entity.primary_key.as_ref().is_some_and(|pk| pk.fields.contains(&field.name)),
                foreign_key: key_fields.is_some_and(|fields| fields.contains(field.name.as_str())),
                unique: entity.uniques.iter().any(|u| u.fields.len() == 1 && u.fields[0] == field.name),
            }
        })
        .collect();
    let row_width = rows.iter().map(|r| (r.name.len() + r.type_text.len() + 6) as f64 * CHAR_WIDTH + 36.0).fold(0.0, f64::max);
    let title = if entity.table == entity.name { entity.name.clone() } else { format!("{} ({})", entity.name, entity.table) };
    let width = (title.len() as f64 * (CHAR_WIDTH + 0.8) + 28.0).max(row_width).max(140.0).ceil();
    let height = HEADER_HEIGHT + ROW_HEIGHT * rows.len().max(1) as f64 + 6.0;
    EntityBox { entity: entity.name.clone(), table: entity.table.clone(), x: 0.0, y: 0.0, width, height, rows, band: (0.0, height) }
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

fn route_edge(
    schema: &SchemaIndex,
    index: usize,
    relation: &crate::ir::Relation,
    from: &EntityBox,
    to: &EntityBox,
    loop_index: usize,
) -> Edge {
    let column_of = |entity: &str, field: Option<&String>| {
        let field = field?;
        Some(schema.entity(entity)?.column_of(field).to_string())
    };
    let (from_column, to_column) = match &relation.foreign_key {
        Some(fk) => (column_of(&fk.entity, fk.fields.first()), column_of(&fk.referenced_entity, fk.referenced_fields.first())),
        None => (None, None),
    };
    let (from_mark, to_mark) = end_marks(schema, relation);
    let from_y = row_y(from, from_column.as_deref());
    let to_y = row_y(to, to_column.as_deref());
    let (from_direction, to_direction, points) = if from.entity == to.entity {
        // A self-relation loops out of the right side and back.
        let x = from.x + from.width;
        let out = x + 28.0 + 16.0 * loop_index as f64;
        let (y1, y2) = if (from_y - to_y).abs() < 1.0 { (from_y, from_y + ROW_HEIGHT / 2.0) } else { (from_y, to_y) };
        (1.0, 1.0, vec![(x, y1), (out, y1), (out, y2), (x, y2)])
    } else {
        // Vertical runs keep a small distance from the box sides and horizontal runs use the gap
        // next to the source's layer, each edge on its own lane so parallel edges stay apart.
        let lane = 14.0 + 6.0 * (index % 4) as f64;
        let channel = 12.0 + 8.0 * (index % 6) as f64;
        let from_center = from.x + from.width / 2.0;
        let to_center = to.x + to.width / 2.0;
        let overlap = from.x < to.x + to.width && to.x < from.x + from.width;
        if overlap {
            // Stacked boxes: leave and enter on the left, around the outside.
            let (x1, x2) = (from.x, to.x);
            let out = x1.min(x2) - lane;
            (-1.0, -1.0, vec![(x1, from_y), (out, from_y), (out, to_y), (x2, to_y)])
        } else {
            let (x1, d1) = if to_center > from_center { (from.x + from.width, 1.0) } else { (from.x, -1.0) };
            let (x2, d2) = if from_center > to_center { (to.x + to.width, 1.0) } else { (to.x, -1.0) };
            let same_band = (from.band.0 - to.band.0).abs() < 0.5;
            let adjacent = same_band && (x2 - x1).abs() <= HORIZONTAL_GAP + 0.5;
            if adjacent {
                let mid = (x1 + x2) / 2.0;
                (d1, d2, vec![(x1, from_y), (mid, from_y), (mid, to_y), (x2, to_y)])
            } else {
                // Up through the gap above when the target's layer is higher, else through the gap below.
                let channel_y = if to.band.0 < from.band.0 - 0.5 { from.band.0 - channel } else { from.band.1 + channel };
                let (a, b) = (x1 + d1 * lane, x2 + d2 * lane);
                (d1, d2, vec![(x1, from_y), (a, from_y), (a, channel_y), (b, channel_y), (b, to_y), (x2, to_y)])
            }
        }
    };
    Edge {
        relation: index,
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
