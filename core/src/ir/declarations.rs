//! Relation declarations: what a source wrote about its relations, before any rule judges it.
//!
//! A reader (one per source language) records each **declared end** — a navigation property with
//! whatever the source said about its key: `fields`, `references`, actions, a relation name, each
//! with its span — and how it **paired** the ends into relations. From these,
//! [`crate::ir::relations`] builds the IR's relations (the same way for every language) and
//! [`crate::validate`] judges them (the same rules for every language, spelled by the language's
//! profile). A reader never decides whether a relation is well formed; it only says what is
//! written, so a rule lives in one place and applies to every language.

use crate::ir::{NavigationCardinality, ReferentialAction, RelationKind, Schema};
use crate::span::Span;

/// A value as written in the source, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Written<T> {
    pub value: T,
    pub span: Span,
}

/// The argument list that holds an end's relation options (`@relation(…)`, a decorator's
/// options), where fixes insert into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionList {
    /// The end of the attribute's or decorator's name (`@relation|`).
    pub name_end: usize,
    /// Whether it has parentheses, and whether anything stands between them.
    pub has_parentheses: bool,
    pub is_empty: bool,
    /// The end of the whole attribute.
    pub end: usize,
}

/// One end of a relation as the source declared it: a navigation property and its key options.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredEnd {
    /// The entity the navigation is on.
    pub entity: String,
    /// The navigation's name.
    pub name: String,
    /// The entity it leads to.
    pub target: String,
    pub cardinality: NavigationCardinality,
    /// How many of this end's entity the other end holds, where the source says so on this end
    /// (TypeORM's `@ManyToOne` says many, `@OneToOne` one); `None` where only the pairing tells
    /// (Prisma).
    pub other_cardinality: Option<NavigationCardinality>,
    /// The relation name written on this end, if any.
    pub relation_name: Option<String>,
    /// The key fields on this end's entity (Prisma `fields`, TypeORM `@JoinColumn`), if written.
    pub fields: Option<Vec<Written<String>>>,
    /// The fields of the target the key references, if written.
    pub references: Option<Vec<Written<String>>>,
    pub on_delete: Option<Written<ReferentialAction>>,
    pub on_update: Option<Written<ReferentialAction>>,
    /// A foreign key constraint name written on this end.
    pub constraint_name: Option<String>,
    /// The whole declaration of the navigation.
    pub span: Span,
    /// The span of its type (`Profile?`), where a fix makes the end optional.
    pub type_span: Span,
    /// The option list the relation options are written in, if the end has one.
    pub options: Option<OptionList>,
    /// Position among the entity's members, for stable output order.
    pub position: u32,
    pub documentation: Option<String>,
}

impl DeclaredEnd {
    /// Whether this end says anything about the key (`fields` or `references`).
    pub fn defines_key(&self) -> bool {
        self.fields.is_some() || self.references.is_some()
    }

    pub fn has_actions(&self) -> bool {
        self.on_delete.is_some() || self.on_update.is_some()
    }

    pub fn is_list(&self) -> bool {
        self.cardinality == NavigationCardinality::Many
    }

    /// The key field names, without spans.
    pub fn field_names(&self) -> Vec<String> {
        self.fields.iter().flatten().map(|f| f.value.clone()).collect()
    }

    /// Whether this end's key fields are unique on its entity: a lone to-one end is then one-to-one.
    pub fn key_is_unique(&self, schema: &Schema) -> bool {
        schema.entity(&self.entity).is_some_and(|e| e.is_unique_criterion(&self.field_names()))
    }

    /// `(navigation, entity)`, the pair the catalog's messages name an end by.
    pub fn named(&self) -> (&str, &str) {
        (&self.name, &self.entity)
    }
}

/// Ends the reader paired into one relation: `second` is `None` where the source wrote one end only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeclaredPair {
    /// Index into [`RelationDeclarations::ends`].
    pub first: usize,
    pub second: Option<usize>,
}

/// Ends the reader could not tell apart: several relations between the same entities (or an
/// entity and itself) that nothing in the source distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbiguousEnds {
    /// Indexes into [`RelationDeclarations::ends`], in source order.
    pub ends: Vec<usize>,
    /// Whether the ends share a relation name (rather than having none).
    pub named: bool,
    /// The entity whose ends these are, and the entity they lead to (the same for a self-relation).
    pub from: String,
    pub to: String,
}

/// Everything a source declared about its relations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RelationDeclarations {
    pub ends: Vec<DeclaredEnd>,
    /// In the order the relations are built (the source order of their first end).
    pub pairs: Vec<DeclaredPair>,
    pub ambiguous: Vec<AmbiguousEnds>,
}

/// What a pair of declared ends makes, decided the same way by the builder and by the rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PairShape<'a> {
    /// One end alone, leading to many: nothing can be built from it.
    LoneList(&'a DeclaredEnd),
    /// One end alone that says it is a many-to-many (TypeORM's unidirectional `@ManyToMany`).
    LoneManyToMany(&'a DeclaredEnd),
    /// Both ends lead to many: an implicit many-to-many.
    ManyToMany(&'a DeclaredEnd, &'a DeclaredEnd),
    /// A to-one relation with the key on `owner`; `inverse` is `None` for a lone end.
    ToOne { owner: &'a DeclaredEnd, inverse: Option<&'a DeclaredEnd>, kind: RelationKind },
    /// Two to-one ends, neither of which says where the key is.
    Undecided(&'a DeclaredEnd, &'a DeclaredEnd),
}

impl RelationDeclarations {
    /// The shape of one pair. A lone to-one end is one-to-one when its key fields are unique.
    pub fn shape(&self, pair: DeclaredPair, schema: &Schema) -> PairShape<'_> {
        let a = &self.ends[pair.first];
        let Some(b) = pair.second.map(|i| &self.ends[i]) else {
            if a.is_list() {
                return match a.other_cardinality {
                    Some(NavigationCardinality::Many) => PairShape::LoneManyToMany(a),
                    _ => PairShape::LoneList(a),
                };
            }
            let kind = match a.other_cardinality {
                Some(NavigationCardinality::Many) => RelationKind::OneToMany,
                Some(_) => RelationKind::OneToOne,
                None if a.key_is_unique(schema) => RelationKind::OneToOne,
                None => RelationKind::OneToMany,
            };
            return PairShape::ToOne { owner: a, inverse: None, kind };
        };
        match (a.is_list(), b.is_list()) {
            (true, true) => PairShape::ManyToMany(a, b),
            (false, true) => PairShape::ToOne { owner: a, inverse: Some(b), kind: RelationKind::OneToMany },
            (true, false) => PairShape::ToOne { owner: b, inverse: Some(a), kind: RelationKind::OneToMany },
            (false, false) => {
                if !a.defines_key() && !b.defines_key() {
                    return PairShape::Undecided(a, b);
                }
                // The side with `fields` holds the key; failing that, the side that says anything.
                let a_owns = a.fields.is_some() || !b.defines_key();
                let (owner, inverse) = if a_owns { (a, b) } else { (b, a) };
                PairShape::ToOne { owner, inverse: Some(inverse), kind: RelationKind::OneToOne }
            }
        }
    }
}
