//! Relation properties: each `@OneToOne`, `@ManyToOne`, `@OneToMany` or `@ManyToMany` as a
//! declared end, paired with the property its inverse-side function (or string) names.
//!
//! The side that holds the key is the one TypeORM puts it on: a `@ManyToOne`, or the
//! `@OneToOne` with `@JoinColumn`. Its key columns are those `@JoinColumn` names, or TypeORM's
//! default (`camelCase(property + "_" + referencedProperty)`, one per primary column of the
//! target); a column no `@Column` declares is added to the entity as TypeORM adds it (the
//! referenced column's type, nullable unless `nullable: false`). A one-to-one's key gets the
//! unique constraint TypeORM makes for it (`REL_…`), unless the key is the primary key. A
//! many-to-many's junction table is the `@JoinTable` end's, named by
//! [`crate::languages::typeorm::TypeOrmConventions`].

use super::columns::RelationProperty;
use super::DecoratorImports;
use crate::diagnostic::{catalog, Diagnostic, Fix, TextEdit};
use crate::ir::code_values::{literal_bool, literal_string};
use crate::ir::declarations::{DeclaredEnd, DeclaredPair, OptionList, RelationDeclarations, Written};
use crate::ir::{EntityPositions, Field, NavigationCardinality, ReferentialAction, Schema, UniqueConstraint};
use crate::languages::typeorm::{action, camel_case, JoinTableOptions, TypeOrmConventions};
use crate::span::Span;
use crate::syntax::typescript::{Decorator, Expr, Node};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    OneToOne,
    ManyToOne,
    OneToMany,
    ManyToMany,
}

impl Kind {
    fn from_decorator(name: &str) -> Option<Kind> {
        Some(match name {
            "OneToOne" => Kind::OneToOne,
            "ManyToOne" => Kind::ManyToOne,
            "OneToMany" => Kind::OneToMany,
            "ManyToMany" => Kind::ManyToMany,
            _ => return None,
        })
    }

    /// The kind the inverse side must have.
    fn inverse(self) -> Kind {
        match self {
            Kind::OneToOne => Kind::OneToOne,
            Kind::ManyToOne => Kind::OneToMany,
            Kind::OneToMany => Kind::ManyToOne,
            Kind::ManyToMany => Kind::ManyToMany,
        }
    }

    fn decorator(self) -> &'static str {
        match self {
            Kind::OneToOne => "@OneToOne",
            Kind::ManyToOne => "@ManyToOne",
            Kind::OneToMany => "@OneToMany",
            Kind::ManyToMany => "@ManyToMany",
        }
    }
}

/// `@JoinColumn`'s options for one key column.
#[derive(Debug, Clone, Default)]
struct JoinColumnOptions {
    name: Option<String>,
    referenced: Option<Node<String>>,
    constraint_name: Option<String>,
}

/// One relation property as written.
struct End<'m> {
    entity: String,
    name: Node<String>,
    kind: Kind,
    target: String,
    inverse: Option<Node<String>>,
    nullable: bool,
    on_delete: Option<Written<ReferentialAction>>,
    on_update: Option<Written<ReferentialAction>>,
    eager: Option<Span>,
    cascade_remove: Option<Span>,
    /// `createForeignKeyConstraints: false`.
    without_constraint: bool,
    join_columns: Option<(Vec<JoinColumnOptions>, Span)>,
    join_table: Option<(JoinTableOptions, Span)>,
    decorator: &'m Decorator,
    /// The property's indentation, for fixes.
    indent: String,
    property_span: Span,
    type_span: Span,
    position: u32,
    documentation: Option<String>,
}

/// Reads every relation property, adds the join columns TypeORM adds, and returns the
/// declarations; the `@JoinTable` of each many-to-many end goes into `conventions`.
pub fn declare_relations(
    schema: &mut Schema,
    properties: Vec<Vec<RelationProperty<'_>>>,
    conventions: &mut TypeOrmConventions,
    imports: &DecoratorImports,
    diagnostics: &mut Vec<Diagnostic>,
) -> RelationDeclarations {
    // Entities by name (the relations only add fields and keys to them): lookups by search made
    // reading 2,000 entities grow faster than linear.
    let positions = EntityPositions::new(schema);
    let mut ends: Vec<End> = Vec::new();
    for property in properties.iter().flatten() {
        if let Some(end) = read_end(property, schema, &positions, diagnostics) {
            ends.push(end);
        }
    }
    let partners = pair_ends(&ends, diagnostics);
    let mut declarations = RelationDeclarations::default();
    let mut relation_fields: HashMap<(String, String), Vec<String>> = HashMap::new();
    for end in &ends {
        let declared = declare_end(end, schema, &positions, &mut relation_fields, diagnostics);
        if let Some((options, span)) = &end.join_table {
            let single_key =
                |entity: &str| positions.entity(schema, entity).and_then(|e| e.primary_key.as_ref()).is_some_and(|pk| pk.fields.len() == 1);
            let entity_table = options.name.as_ref().and_then(|name| schema.entities.iter().find(|e| &e.table == name));
            if let Some(entity) = entity_table {
                // The junction table is an entity's table: its keys are that entity's relations.
                let what = format!("`{}.{}` as a many-to-many over `{}`'s own table, which", end.entity, end.name.value, entity.name);
                diagnostics.push(catalog::not_modelled_yet(*span, &what));
            } else if options.composite || !single_key(&end.entity) || !single_key(&end.target) {
                diagnostics.push(catalog::not_modelled_yet(*span, "A junction table over composite keys"));
            } else {
                conventions.join_tables.insert((end.entity.clone(), end.name.value.clone()), options.clone());
            }
        }
        declarations.ends.push(declared);
    }
    for (i, partner) in partners.iter().enumerate() {
        match partner {
            Some(j) if *j < i => {}
            Some(j) => declarations.pairs.push(DeclaredPair { first: i, second: Some(*j) }),
            None => declarations.pairs.push(DeclaredPair { first: i, second: None }),
        }
    }
    check_pairs(&ends, &partners, imports, diagnostics);
    check_required_cycle(&ends, diagnostics);
    // Entities whose every key says `createForeignKeyConstraints: false` leave the relations to
    // TypeORM: the schema's relation mode says so.
    let key_ends: Vec<&End> =
        ends.iter().filter(|e| e.kind == Kind::ManyToOne || e.join_columns.is_some() || e.join_table.is_some()).collect();
    if !key_ends.is_empty() && key_ends.iter().all(|e| e.without_constraint) {
        schema.relation_mode = crate::ir::RelationMode::Prisma;
    }
    resolve_constraint_fields(schema, &relation_fields, diagnostics);
    declarations
}

fn read_end<'m>(
    property: &RelationProperty<'m>,
    schema: &Schema,
    positions: &EntityPositions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<End<'m>> {
    let decorator = property.property.decorators.iter().find(|d| Kind::from_decorator(&d.name).is_some())?;
    let kind = Kind::from_decorator(&decorator.name)?;
    let mut arguments = decorator.arguments.iter();
    let target_argument = arguments.next();
    let target = match target_argument.map(|t| &t.value) {
        Some(Expr::Arrow { body: Some(body), .. }) => body.path().map(|p| p.join(".")).or_else(|| required_export(body)),
        Some(Expr::String(s)) => Some(s.clone()),
        _ => None,
    };
    let Some(target) = target else {
        diagnostics.push(catalog::not_known_statically(target_argument.map_or(decorator.span, |t| t.span), "the related entity"));
        return None;
    };
    if positions.entity(schema, &target).is_none() {
        diagnostics.push(catalog::relation_target_not_an_entity(target_argument.map_or(decorator.span, |t| t.span), &target));
        return None;
    }
    let mut inverse = None;
    let mut options = None;
    for argument in arguments {
        match &argument.value {
            Expr::Object(_) => options = Some(argument),
            Expr::String(s) => inverse = Some(Node::new(s.clone(), argument.span)),
            Expr::Arrow { body: Some(body), .. } => match &body.value {
                Expr::Member(_, name) => inverse = Some(Node::new(name.clone(), body.span)),
                // `() => "posts"`: TypeORM takes the returned string as the property's name.
                Expr::String(name) => inverse = Some(Node::new(name.clone(), body.span)),
                _ => diagnostics.push(catalog::not_known_statically(argument.span, "the inverse side")),
            },
            _ => diagnostics.push(catalog::not_known_statically(argument.span, "the inverse side")),
        }
    }
    let option = |key: &str| options.and_then(|o| o.get(key));
    let nullable = option("nullable").and_then(|n| literal_bool(n, "nullable", diagnostics)).unwrap_or(true);
    let mut read_action = |key: &str| -> Option<Written<ReferentialAction>> {
        let value = option(key)?;
        let text = literal_string(value, key, diagnostics)?;
        match action(&text) {
            Some(action) => Some(Written { value: action, span: value.span }),
            None => {
                diagnostics.push(catalog::typeorm_invalid_action(value.span, &text));
                None
            }
        }
    };
    let on_delete = read_action("onDelete");
    let on_update = read_action("onUpdate");
    let eager = option("eager").filter(|e| e.as_bool() == Some(true)).map(|e| e.span);
    let cascade_remove = option("cascade").and_then(|c| match &c.value {
        Expr::Bool(true) => Some(c.span),
        Expr::Array(items) => items.iter().any(|i| i.as_str() == Some("remove")).then_some(c.span),
        _ => None,
    });
    let without_constraint = option("createForeignKeyConstraints").and_then(|c| c.as_bool()) == Some(false);
    let join_columns = property.property.decorator("JoinColumn").map(|d| (join_column_options(d, diagnostics), d.span));
    let join_table = property.property.decorator("JoinTable").map(|d| (join_table_options(d, diagnostics), d.span));
    Some(End {
        entity: property.entity.clone(),
        name: property.property.name.clone(),
        kind,
        target,
        inverse,
        nullable,
        on_delete,
        on_update,
        eager,
        cascade_remove,
        without_constraint,
        join_columns,
        join_table,
        decorator,
        indent: property.property.indent.clone(),
        property_span: property.property.span,
        type_span: property.property.type_annotation.as_ref().map_or(property.property.name.span, |t| t.span),
        position: property.position,
        documentation: property.property.documentation.clone(),
    })
}

fn join_column_options(decorator: &Decorator, diagnostics: &mut Vec<Diagnostic>) -> Vec<JoinColumnOptions> {
    let one = |value: &Node<Expr>, diagnostics: &mut Vec<Diagnostic>| JoinColumnOptions {
        name: value.get("name").and_then(|n| literal_string(n, "name", diagnostics)),
        referenced: value
            .get("referencedColumnName")
            .and_then(|r| literal_string(r, "referencedColumnName", diagnostics).map(|s| Node::new(s, r.span))),
        constraint_name: value.get("foreignKeyConstraintName").and_then(|n| literal_string(n, "foreignKeyConstraintName", diagnostics)),
    };
    match decorator.arguments.first().map(|a| (&a.value, a)) {
        Some((Expr::Array(items), _)) => items.iter().map(|item| one(item, diagnostics)).collect(),
        Some((Expr::Object(_), argument)) => vec![one(argument, diagnostics)],
        _ => Vec::new(),
    }
}

fn join_table_options(decorator: &Decorator, diagnostics: &mut Vec<Diagnostic>) -> JoinTableOptions {
    let Some(options) = decorator.arguments.first() else { return JoinTableOptions::default() };
    let column = |key: &str, plural: &str, diagnostics: &mut Vec<Diagnostic>| -> (Option<String>, Option<String>) {
        let value = options.get(key).or_else(|| match options.get(plural).map(|p| &p.value) {
            Some(Expr::Array(items)) if items.len() == 1 => items.first(),
            _ => None,
        });
        match value {
            Some(value) => (
                value.get("name").and_then(|n| literal_string(n, "name", diagnostics)),
                value.get("referencedColumnName").and_then(|r| literal_string(r, "referencedColumnName", diagnostics)),
            ),
            None => (None, None),
        }
    };
    let several = |key: &str| matches!(options.get(key).map(|v| &v.value), Some(Expr::Array(items)) if items.len() > 1);
    JoinTableOptions {
        composite: several("joinColumns") || several("inverseJoinColumns"),
        name: options.get("name").and_then(|n| literal_string(n, "name", diagnostics)),
        join_column: column("joinColumn", "joinColumns", diagnostics),
        inverse_join_column: column("inverseJoinColumn", "inverseJoinColumns", diagnostics),
    }
}

/// For each end, the index of the end it pairs with: the property its inverse side names, or
/// one whose inverse side names it.
fn pair_ends(ends: &[End], diagnostics: &mut Vec<Diagnostic>) -> Vec<Option<usize>> {
    let index: HashMap<(&str, &str), usize> =
        ends.iter().enumerate().map(|(i, e)| ((e.entity.as_str(), e.name.value.as_str()), i)).collect();
    let mut partners: Vec<Option<usize>> = vec![None; ends.len()];
    for (i, end) in ends.iter().enumerate() {
        if partners[i].is_some() {
            continue;
        }
        let candidate = match &end.inverse {
            Some(inverse) => match index.get(&(end.target.as_str(), inverse.value.as_str())) {
                Some(&j) if j != i => Some(j),
                _ => {
                    // The side that holds the key (or the junction table) stands on its own, and
                    // TypeORM leaves it one-sided; the other cannot be loaded without its pair.
                    let owns = match end.kind {
                        Kind::ManyToOne => true,
                        Kind::OneToOne => end.join_columns.is_some(),
                        Kind::ManyToMany => end.join_table.is_some(),
                        Kind::OneToMany => false,
                    };
                    diagnostics.push(if owns {
                        catalog::inverse_side_ignored(inverse.span, &inverse.value, &end.target, end.kind.decorator())
                    } else {
                        catalog::inverse_side_not_found(inverse.span, &inverse.value, &end.target, end.kind.decorator())
                    });
                    None
                }
            },
            None => ends.iter().enumerate().position(|(j, other)| {
                j != i
                    && partners[j].is_none()
                    && other.entity == end.target
                    && other.target == end.entity
                    && other.inverse.as_ref().is_some_and(|n| n.value == end.name.value)
            }),
        };
        let Some(j) = candidate else { continue };
        let other = &ends[j];
        let points_back = other.target == end.entity && other.inverse.as_ref().is_none_or(|n| n.value == end.name.value);
        if !points_back || other.kind != end.kind.inverse() || partners[j].is_some() {
            let span = end.inverse.as_ref().map_or(end.name.span, |n| n.span);
            diagnostics.push(catalog::inverse_side_mismatch(
                span,
                &other.name.value,
                &other.entity,
                end.kind.decorator(),
                other.kind.decorator(),
            ));
            continue;
        }
        partners[i] = Some(j);
        partners[j] = Some(i);
    }
    partners
}

fn declare_end(
    end: &End,
    schema: &mut Schema,
    positions: &EntityPositions,
    relation_fields: &mut HashMap<(String, String), Vec<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> DeclaredEnd {
    let holds_key = end.kind == Kind::ManyToOne || (end.kind == Kind::OneToOne && end.join_columns.is_some());
    let (fields, references) = if holds_key { key_fields(end, schema, positions, diagnostics) } else { (None, None) };
    if let Some(fields) = &fields {
        relation_fields.insert((end.entity.clone(), end.name.value.clone()), fields.iter().map(|f| f.value.clone()).collect());
    }
    let required = fields.as_ref().is_some_and(|fields| {
        let entity = positions.entity(schema, &end.entity);
        fields.iter().all(|f| entity.and_then(|e| e.field(&f.value)).is_some_and(|f| !f.nullable))
    });
    let mut key_unique = true;
    if end.kind == Kind::OneToOne {
        if let Some(fields) = &fields {
            let owner = positions.position(&end.entity);
            key_unique = add_one_to_one_unique(schema, owner, fields.iter().map(|f| f.value.clone()).collect(), end.property_span);
        }
    }
    let cardinality = match end.kind {
        Kind::OneToMany | Kind::ManyToMany => NavigationCardinality::Many,
        _ if required => NavigationCardinality::One,
        _ => NavigationCardinality::ZeroOrOne,
    };
    let other_cardinality = match end.kind {
        Kind::ManyToOne | Kind::ManyToMany => NavigationCardinality::Many,
        // A one-to-one whose key is only part of a composite primary key gets no unique
        // constraint from TypeORM: the database holds a one-to-many.
        Kind::OneToOne if !key_unique => NavigationCardinality::Many,
        Kind::OneToOne | Kind::OneToMany => NavigationCardinality::ZeroOrOne,
    };
    let constraint_name = end.join_columns.as_ref().and_then(|(columns, _)| columns.first()).and_then(|c| c.constraint_name.clone());
    DeclaredEnd {
        entity: end.entity.clone(),
        name: end.name.value.clone(),
        target: end.target.clone(),
        cardinality,
        other_cardinality: Some(other_cardinality),
        relation_name: None,
        fields,
        references,
        on_delete: end.on_delete.clone().filter(|_| holds_key),
        on_update: end.on_update.clone().filter(|_| holds_key),
        constraint_name,
        span: end.property_span,
        type_span: end.type_span,
        options: Some(OptionList {
            name_end: end.decorator.name_end,
            has_parentheses: end.decorator.called,
            is_empty: end.decorator.arguments.is_empty(),
            end: end.decorator.span.end(),
        }),
        position: end.position,
        documentation: end.documentation.clone(),
    }
}

type KeyFields = (Option<Vec<Written<String>>>, Option<Vec<Written<String>>>);

/// The key fields of the end that holds the key and the target fields they reference, as
/// TypeORM's `RelationJoinColumnBuilder` finds them: the referenced columns are those the join
/// columns name (sorted into the target's primary key order when there are several), else the
/// target's primary key; each key column is the join column naming it (or named without a
/// referenced column), else `camelCase(property + "_" + referenced)`. A `@Column` of that database
/// name is the key column, with its type replaced by the referenced column's (TypeORM overrides
/// it); otherwise TypeORM adds the column, nullable unless the relation says `nullable: false`.
fn key_fields(end: &End, schema: &mut Schema, positions: &EntityPositions, diagnostics: &mut Vec<Diagnostic>) -> KeyFields {
    let Some(target) = positions.entity(schema, &end.target) else { return (None, None) };
    let written: Vec<JoinColumnOptions> = end.join_columns.as_ref().map(|(c, _)| c.clone()).unwrap_or_default();
    let span = end.join_columns.as_ref().map_or(end.name.span, |(_, s)| *s);
    let primary: Vec<String> = target.primary_key.as_ref().map(|pk| pk.fields.clone()).unwrap_or_default();
    let referenced: Vec<String> = if written.iter().all(|c| c.referenced.is_none()) {
        primary.clone()
    } else {
        let mut names = Vec::new();
        for column in &written {
            let Some(r) = &column.referenced else { continue };
            match target.field(&r.value) {
                Some(field) => names.push(field.name.clone()),
                None => {
                    diagnostics.push(catalog::unknown_property(r.span, &r.value, &end.target, "referencedColumnName"));
                    return (None, None);
                }
            }
        }
        if names.len() > 1 {
            names.sort_by_key(|n| primary.iter().position(|p| p == n).unwrap_or(usize::MAX));
        }
        names
    };
    let referenced_fields: Vec<Field> = referenced.iter().filter_map(|r| target.field(r).cloned()).collect();
    if referenced_fields.is_empty() || referenced_fields.len() != referenced.len() {
        return (None, None);
    }
    let Some(entity_index) = positions.position(&end.entity) else { return (None, None) };
    let mut fields = Vec::new();
    let mut references = Vec::new();
    for referenced_field in referenced_fields {
        let named = written.iter().find(|c| c.name.is_some() && c.referenced.as_ref().is_none_or(|r| r.value == referenced_field.name));
        let column =
            named.and_then(|c| c.name.clone()).unwrap_or_else(|| camel_case(&format!("{}_{}", end.name.value, referenced_field.name)));
        let entity = &mut schema.entities[entity_index];
        let field_name = match entity.fields.iter_mut().find(|f| f.column == column) {
            Some(existing) => {
                existing.field_type = referenced_field.field_type.clone();
                existing.native_type = referenced_field.native_type.clone();
                existing.database_types = referenced_field.database_types.clone();
                existing.name.clone()
            }
            None => {
                let name = entity.free_member_name(column.clone());
                entity.fields.push(Field {
                    name: name.clone(),
                    column,
                    field_type: referenced_field.field_type.clone(),
                    nullable: end.nullable,
                    list: false,
                    default: None,
                    native_type: referenced_field.native_type.clone(),
                    database_types: crate::languages::typeorm::join_column_types(&referenced_field.database_types),
                    updated_at: false,
                    position: end.position,
                    documentation: None,
                    span: end.property_span,
                });
                name
            }
        };
        fields.push(Written { value: field_name, span });
        references.push(Written { value: referenced_field.name.clone(), span });
    }
    (Some(fields), Some(references))
}

/// TypeORM's `REL_…` unique constraint on a one-to-one's key, unless every key column is a
/// primary key column or the key is already unique. Returns whether the key is unique.
fn add_one_to_one_unique(schema: &mut Schema, entity: Option<usize>, fields: Vec<String>, span: Span) -> bool {
    let Some(entity) = entity.and_then(|index| schema.entities.get_mut(index)) else { return true };
    if entity.primary_key.as_ref().is_some_and(|pk| fields.iter().all(|f| pk.fields.contains(f))) {
        return entity.is_unique_criterion(&fields);
    }
    let same = |u: &UniqueConstraint| u.fields.len() == fields.len() && u.fields.iter().all(|f| fields.contains(f));
    if !entity.uniques.iter().any(same) {
        entity.uniques.push(UniqueConstraint {
            field_options: Vec::new(),
            fields,
            constraint_name: None,
            client_name: None,
            on_field: false,
            span,
        });
    }
    true
}

/// What TypeORM does silently or refuses, said in its words.
fn check_pairs(ends: &[End], partners: &[Option<usize>], imports: &DecoratorImports, diagnostics: &mut Vec<Diagnostic>) {
    for (i, end) in ends.iter().enumerate() {
        let other = partners[i].map(|j| &ends[j]);
        if other.is_some_and(|_| partners[i] < Some(i)) {
            continue;
        }
        match end.kind {
            Kind::OneToOne => {
                let here = end.join_columns.is_some();
                let there = other.is_some_and(|o| o.join_columns.is_some());
                if !here && !there {
                    let fix = add_decorator(end, imports, "JoinColumn", &format!("Add @JoinColumn() to {}.{}", end.entity, end.name.value));
                    diagnostics.push(catalog::one_to_one_without_join_column(end.name.span, &end.name.value, &end.entity, fix));
                } else if here && there {
                    let other = other.expect("there is an other end");
                    diagnostics.push(catalog::join_column_on_both_sides(
                        other.join_columns.as_ref().map_or(other.name.span, |(_, s)| *s),
                        &end.entity,
                        &end.name.value,
                        &other.entity,
                        &other.name.value,
                    ));
                }
            }
            Kind::ManyToMany => {
                let here = end.join_table.is_some();
                let there = other.is_some_and(|o| o.join_table.is_some());
                if !here && !there {
                    let fix = add_decorator(end, imports, "JoinTable", &format!("Add @JoinTable() to {}.{}", end.entity, end.name.value));
                    diagnostics.push(catalog::many_to_many_without_join_table(end.name.span, &end.name.value, &end.entity, fix));
                } else if here && there {
                    let other = other.expect("there is an other end");
                    diagnostics.push(catalog::join_table_on_both_sides(
                        other.join_table.as_ref().map_or(other.name.span, |(_, s)| *s),
                        &end.entity,
                        &end.name.value,
                        &other.entity,
                        &other.name.value,
                    ));
                }
            }
            Kind::OneToMany if other.is_none() && end.inverse.is_none() => {
                diagnostics.push(catalog::one_to_many_without_inverse(end.name.span, &end.name.value, &end.entity, &end.target));
            }
            _ => {}
        }
        let Some(other) = other else { continue };
        if let (Some(a), Some(_)) = (end.eager, other.eager) {
            diagnostics.push(catalog::eager_on_both_sides(a, &end.entity, &end.name.value, &other.entity, &other.name.value));
        }
        if let (Some(a), Some(_)) = (end.cascade_remove, other.cascade_remove) {
            diagnostics.push(catalog::cascade_remove_on_both_sides(a, &end.entity, &end.name.value, &other.entity, &other.name.value));
        }
    }
}

/// TypeORM orders inserts by the keys that may not be null (`nullable: false` on a relation with a
/// join column) and refuses entities whose such keys go round in a circle, a self-relation
/// included ("Circular relations detected").
fn check_required_cycle(ends: &[End], diagnostics: &mut Vec<Diagnostic>) {
    let edges: Vec<&End> = ends
        .iter()
        .filter(|e| !e.nullable && (e.kind == Kind::ManyToOne || (e.kind == Kind::OneToOne && e.join_columns.is_some())))
        .collect();
    // A depth-first walk from each entity, along required keys, looking for the way back.
    fn walk<'e, 'm>(entity: &str, edges: &[&'e End<'m>], path: &mut Vec<&'e End<'m>>, done: &mut Vec<String>) -> bool {
        for edge in edges.iter().filter(|e| e.entity == entity) {
            if path.iter().any(|p| p.entity == edge.target) || edge.target == path.first().map_or(entity, |p| p.entity.as_str()) {
                path.push(edge);
                return true;
            }
            if done.contains(&edge.target) {
                continue;
            }
            path.push(edge);
            if walk(&edge.target, edges, path, done) {
                return true;
            }
            path.pop();
        }
        done.push(entity.to_string());
        false
    }
    let mut done = Vec::new();
    for start in edges.iter().map(|e| e.entity.clone()) {
        let mut path = Vec::new();
        if !done.contains(&start) && walk(&start, &edges, &mut path, &mut done) {
            let last = path.last().expect("a cycle has an edge");
            let from = path.iter().position(|e| e.entity == last.target).unwrap_or(0);
            let mut names: Vec<&str> = path[from..].iter().map(|e| e.entity.as_str()).collect();
            names.push(&last.target);
            let first = path[from];
            diagnostics.push(catalog::required_relation_cycle(first.name.span, &names.join(" -> ")));
            return;
        }
    }
}

/// The fix that writes `@name()` on its own line after the end's relation decorator, and imports
/// it from TypeORM where the file imports TypeORM's decorators by name.
fn add_decorator(end: &End, imports: &DecoratorImports, name: &str, title: &str) -> Option<Fix> {
    let at = end.decorator.span.end();
    let mut edits: Vec<TextEdit> = imports.add(at, name).into_iter().collect();
    edits.push(TextEdit { span: Span::at(at), insert: format!("\n{}@{name}()", end.indent) });
    Some(Fix { title: title.to_string(), edits })
}

/// Unique constraints and indexes may name a relation property, which stands for its key
/// columns; any other name must be a column of the entity.
fn resolve_constraint_fields(
    schema: &mut Schema,
    relation_fields: &HashMap<(String, String), Vec<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for entity in &mut schema.entities {
        let resolve =
            |fields: &[String], span: Span, entity: &crate::ir::Entity, diagnostics: &mut Vec<Diagnostic>| -> Option<Vec<String>> {
                let mut resolved = Vec::new();
                for field in fields {
                    if let Some(key) = relation_fields.get(&(entity.name.clone(), field.clone())) {
                        resolved.extend(key.iter().cloned());
                    } else if entity.field(field).is_some() {
                        resolved.push(field.clone());
                    } else {
                        diagnostics.push(catalog::unknown_property(span, field, &entity.name, "the constraint"));
                        return None;
                    }
                }
                Some(resolved)
            };
        let snapshot = entity.clone();
        let mut uniques = Vec::new();
        for mut unique in std::mem::take(&mut entity.uniques) {
            if let Some(fields) = resolve(&unique.fields, unique.span, &snapshot, diagnostics) {
                unique.fields = fields;
                uniques.push(unique);
            }
        }
        entity.uniques = uniques;
        let mut indexes = Vec::new();
        for mut index in std::mem::take(&mut entity.indexes) {
            if let Some(fields) = resolve(&index.fields, index.span, &snapshot, diagnostics) {
                index.fields = fields;
                indexes.push(index);
            }
        }
        entity.indexes = indexes;
    }
}

/// `require("./Channel").Channel`: the export a CommonJS `require` is read for, which code uses
/// to name an entity without importing its module (two entities that import each other).
fn required_export(body: &Node<Expr>) -> Option<String> {
    let Expr::Member(object, name) = &body.value else { return None };
    match &object.value {
        Expr::Call { callee, arguments } if matches!(&callee.value, Expr::Identifier(f) if f == "require") && arguments.len() == 1 => {
            Some(name.clone())
        }
        _ => None,
    }
}
