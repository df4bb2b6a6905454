//! TypeORM relation properties: each relation end this entity shows, decided as a
//! [`RelationProperty`] (decorator, options, join column or table, property type), then printed.

use super::{ClassWriter, TypeOrmCascade};
use crate::dialect::SqlDialect;
use crate::generate::emit::{DocStyle, Member};
use crate::generate::javascript::{member_access, property_name, string_literal, variable_name};
use crate::generate::relation_ends::End;
use crate::ir::{CommentTarget, NavigationCardinality, ReferentialAction, Relation, RelationKind, RelationMode};

use std::fmt::Write;

impl ClassWriter<'_> {
    /// Whether relation `index` can be eager: it holds a key to another entity, closes no cycle,
    /// and the entity it leads to holds no key that could be eager itself, so eager loading stays
    /// one join deep.
    fn may_be_eager(&self, index: usize) -> bool {
        let candidate = |i: usize| {
            let r = &self.schema.relations[i];
            r.kind != RelationKind::ManyToMany && r.owning_side.entity != r.inverse_side.entity && !self.cycle_closing.contains(&i)
        };
        let relation = &self.schema.relations[index];
        candidate(index) && !self.index.owned_by(&relation.inverse_side.entity).iter().any(|&i| candidate(i))
    }

    /// The relation properties of this entity: the IR's navigations, plus a made-up one where
    /// this entity holds a foreign key or a join table and the IR has no navigation for it.
    pub(super) fn navigation_members(&mut self) -> Vec<Member> {
        let mut members = Vec::new();
        for &index in self.index.relations_of(&self.entity.name) {
            let relation = &self.schema.relations[index];
            let ends = &self.ends[index];
            let defining_is_owning = defining_side_is_owning(relation);
            let mapped = |name: &str| self.index.entity(name).is_some_and(|e| e.primary_key.is_some());
            if !mapped(&ends.owning.entity) || !mapped(&ends.inverse.entity) {
                continue;
            }
            for (is_owning, end, other) in [(true, &ends.owning, &ends.inverse), (false, &ends.inverse, &ends.owning)] {
                if end.entity != self.entity.name {
                    continue;
                }
                let defines = is_owning == defining_is_owning;
                if end.synthesized && !defines {
                    continue;
                }
                let navigation = self.entity.navigations.iter().find(|n| n.name == end.navigation);
                let number = self.entity.navigations.iter().position(|n| n.name == end.navigation);
                let side = PropertySide {
                    relation: index,
                    name: &end.navigation,
                    other,
                    is_owning,
                    defines,
                    cardinality: navigation.map(|n| n.cardinality),
                    documentation: navigation.and_then(|n| n.documentation.as_deref()),
                };
                let mut property = self.relation_property(&side);
                if let Some(navigation) = number {
                    property.source_comments = self.source_comments(CommentTarget::Navigation { entity: self.number, navigation }, "  ");
                }
                let text = property.print();
                members.push(Member { position: navigation.map_or(u32::MAX, |n| n.position), text, relation: defines.then_some(index) });
            }
        }
        members
    }

    /// Decides how one end of a relation is written in TypeORM.
    fn relation_property(&mut self, side: &PropertySide) -> RelationProperty {
        let relation = &self.schema.relations[side.relation];
        let target = variable_name(&side.other.entity);
        self.references.insert(target.clone());
        let parameter = variable_name(&crate::ir::lower_camel(&side.other.entity));
        // The inverse side is named only when the other end exists in the output.
        let other_written = !side.other.synthesized || !side.defines;
        let mut property = RelationProperty {
            documentation: side.documentation.map(str::to_string),
            comments: Vec::new(),
            source_comments: String::new(),
            decorator: match (relation.kind, side.is_owning) {
                (RelationKind::OneToOne, _) => self.use_decorator("OneToOne"),
                (RelationKind::OneToMany, true) => self.use_decorator("ManyToOne"),
                (RelationKind::OneToMany, false) => self.use_decorator("OneToMany"),
                (RelationKind::ManyToMany, _) => self.use_decorator("ManyToMany"),
            },
            inverse: other_written.then(|| format!("({parameter}) => {}", member_access(&parameter, &side.other.navigation))),
            options: Vec::new(),
            join_columns: Vec::new(),
            join_table: None,
            name: side.name.to_string(),
            value_type: self.value_type(side, &target),
            target,
        };
        if side.defines && relation.kind != RelationKind::ManyToMany {
            self.key_options(side, &mut property);
        }
        self.loading_options(side, &mut property);
        if relation.kind == RelationKind::ManyToMany {
            if side.defines && self.schema.relation_mode == RelationMode::Prisma {
                property.options.push("createForeignKeyConstraints: false".into());
            }
            // The FK pointing at the other side's table takes that side's actions in TypeORM 0.3
            // (NO ACTION when unset) and CASCADE in 1.x; writing CASCADE keeps both the same.
            if !side.defines {
                property.options.push("onDelete: \"CASCADE\"".into());
                property.options.push("onUpdate: \"CASCADE\"".into());
            }
        }
        if side.defines {
            self.join_options(relation, &mut property);
        }
        property
    }

    /// Nullability, actions and constraint creation of the side that holds the foreign key.
    fn key_options(&mut self, side: &PropertySide, property: &mut RelationProperty) {
        let relation = &self.schema.relations[side.relation];
        // TypeORM refuses a cycle of non-nullable relations ("Circular relations detected"),
        // since it could not order the inserts; the key that closes a cycle stays NOT NULL
        // through its @Column, and the relation is left nullable.
        if relation.foreign_key.as_ref().is_some_and(|fk| fk.required) {
            if self.cycle_closing.contains(&side.relation) {
                property.comments.push("NOT NULL comes from the column; the relation is nullable because it closes a cycle of required keys, which TypeORM refuses.".into());
            } else {
                property.options.push("nullable: false".into());
            }
        }
        self.action_options(relation, &mut property.options, &mut property.comments);
        if self.schema.relation_mode == RelationMode::Prisma {
            property.options.push("createForeignKeyConstraints: false".into());
        }
    }

    /// `cascade` on the parent side and `eager` on the side holding the key, as the options ask.
    fn loading_options(&mut self, side: &PropertySide, property: &mut RelationProperty) {
        let relation = &self.schema.relations[side.relation];
        let parent_side = if relation.kind == RelationKind::ManyToMany { side.defines } else { !side.defines };
        match (parent_side, self.options.cascade) {
            (true, TypeOrmCascade::Persist) => property.options.push("cascade: [\"insert\", \"update\"]".into()),
            (true, TypeOrmCascade::All) => property.options.push("cascade: true".into()),
            _ => {}
        }
        if !(self.options.eager && side.defines && relation.kind != RelationKind::ManyToMany) {
            return;
        }
        if self.may_be_eager(side.relation) {
            property.options.push("eager: true".into());
            return;
        }
        // Eager loading follows eager relations from the entity it loads, in one query: one that
        // leads back would load without end, and chains would join every table they reach
        // (documenso: more than SQLite's 64 tables in a join).
        let reason = if relation.owning_side.entity == relation.inverse_side.entity || self.cycle_closing.contains(&side.relation) {
            "it leads back to this entity (a self-relation or a cycle of keys)"
        } else {
            "what it leads to has eager relations of its own, and TypeORM would follow them all in one query"
        };
        property.comments.push(format!("not eager, since {reason}."));
    }

    /// `@JoinColumn` for a foreign key, `@JoinTable` for a join table.
    fn join_options(&mut self, relation: &Relation, property: &mut RelationProperty) {
        if let Some(fk) = &relation.foreign_key {
            property.join_columns = fk
                .fields
                .iter()
                .zip(&fk.referenced_fields)
                .enumerate()
                .map(|(i, (field, referenced_field))| {
                    let mut parts = vec![
                        format!("name: {}", string_literal(self.entity.column_of(field))),
                        format!("referencedColumnName: {}", string_literal(referenced_field)),
                    ];
                    if let (0, Some(name)) = (i, &fk.constraint_name) {
                        parts.push(format!("foreignKeyConstraintName: {}", string_literal(name)));
                    }
                    format!("{{ {} }}", parts.join(", "))
                })
                .collect();
            self.use_decorator("JoinColumn");
        }
        if let Some(join_table) = &relation.join_table {
            self.use_decorator("JoinTable");
            let (mine, theirs) = (&join_table.columns[0], &join_table.columns[1]);
            property.join_table = Some(format!(
                "{{ name: {}, joinColumn: {{ name: {}, referencedColumnName: {} }}, inverseJoinColumn: {{ name: {}, referencedColumnName: {} }} }}",
                string_literal(&join_table.table),
                string_literal(&mine.column),
                string_literal(&mine.referenced_field),
                string_literal(&theirs.column),
                string_literal(&theirs.referenced_field),
            ));
        }
    }

    /// The property's TypeScript type: an array on the many side, `Relation<T>` otherwise,
    /// `| null` where the end may be absent.
    fn value_type(&self, side: &PropertySide, target: &str) -> String {
        let relation = &self.schema.relations[side.relation];
        let many = match relation.kind {
            RelationKind::ManyToMany => true,
            RelationKind::OneToMany => !side.is_owning,
            RelationKind::OneToOne => false,
        };
        if many {
            return format!("{target}[]");
        }
        let optional = match side.cardinality {
            Some(c) => c != NavigationCardinality::One,
            None => !relation.foreign_key.as_ref().is_some_and(|fk| fk.required && side.is_owning),
        };
        if optional {
            format!("Relation<{target}> | null")
        } else {
            format!("Relation<{target}>")
        }
    }

    fn action_options(&mut self, relation: &Relation, options: &mut Vec<String>, comments: &mut Vec<String>) {
        for (label, action) in [("onDelete", relation.on_delete), ("onUpdate", relation.on_update)] {
            match action {
                ReferentialAction::NoAction => {}
                ReferentialAction::SetDefault => {
                    let clause = if label == "onDelete" { "ON DELETE" } else { "ON UPDATE" };
                    comments
                        .push(format!("TypeORM cannot write {clause} SET DEFAULT (its \"DEFAULT\" makes invalid SQL); NO ACTION instead."));
                    let what = format!("{clause} SET DEFAULT");
                    self.out.cannot_express(relation.span, "TypeORM", &what);
                }
                // MySQL refuses SET NULL on a NOT NULL key (a PostgreSQL schema may have it), as
                // relplay's SQL does: NO ACTION there.
                ReferentialAction::SetNull
                    if self.options.dialect == SqlDialect::Mysql && relation.foreign_key.as_ref().is_some_and(|fk| fk.required) =>
                {
                    let clause = if label == "onDelete" { "ON DELETE" } else { "ON UPDATE" };
                    comments.push(format!("MySQL refuses {clause} SET NULL on a key that cannot be null; NO ACTION instead."));
                    let what = format!("`{clause} SET NULL` on a key that cannot be null (MySQL refuses it; NO ACTION instead)");
                    self.out.cannot_express(relation.span, "MySQL", &what);
                }
                other => options.push(format!("{label}: {}", string_literal(other.sql()))),
            }
        }
    }
}

/// Which end of a relation TypeORM defines it on: the side holding the foreign key, or for a
/// many-to-many the end whose table the join table's first column references (`@JoinTable`'s
/// `joinColumn`).
pub(crate) fn defining_side_is_owning(relation: &Relation) -> bool {
    relation.join_table.as_ref().is_none_or(|join_table| crate::generate::relation_ends::join_column_of(relation, join_table, true) == 0)
}

/// One end of a relation as this entity shows it.
struct PropertySide<'e> {
    relation: usize,
    /// The property's name.
    name: &'e str,
    /// The other end.
    other: &'e End,
    /// Whether this is the end holding the foreign key (or the join table's first side).
    is_owning: bool,
    /// Whether TypeORM defines the relation on this end (`@JoinColumn`, `@JoinTable`).
    defines: bool,
    cardinality: Option<NavigationCardinality>,
    documentation: Option<&'e str>,
}

/// A relation property as TypeORM reads it, decided before it is printed.
struct RelationProperty {
    documentation: Option<String>,
    /// Comment lines above the decorator: what relplay chose and why.
    /// relplay's notes on the property.
    comments: Vec<String>,
    /// The source's comments on the navigation, as written above it.
    source_comments: String,
    /// `OneToOne`, `ManyToOne`, `OneToMany` or `ManyToMany`.
    decorator: &'static str,
    /// The class of the other end.
    target: String,
    /// The inverse side function, `(user) => user.posts`, when the other end is written.
    inverse: Option<String>,
    options: Vec<String>,
    /// The `@JoinColumn` objects, one per key column.
    join_columns: Vec<String>,
    /// The `@JoinTable` options object.
    join_table: Option<String>,
    name: String,
    value_type: String,
}

impl RelationProperty {
    fn print(&self) -> String {
        let mut text = String::new();
        DocStyle::JsDoc.write(&mut text, self.documentation.as_deref(), "  ");
        text.push_str(&self.source_comments);
        // relplay's notes say whose they are (reading the code back leaves them out).
        for comment in &self.comments {
            let _ = writeln!(text, "  // relplay: {comment}");
        }
        let inverse = self.inverse.as_ref().map(|i| format!(", {i}")).unwrap_or_default();
        let options = if self.options.is_empty() { String::new() } else { format!(", {{ {} }}", self.options.join(", ")) };
        let _ = writeln!(text, "  @{}(() => {}{inverse}{options})", self.decorator, self.target);
        match self.join_columns.as_slice() {
            [] => {}
            [column] => _ = writeln!(text, "  @JoinColumn({column})"),
            columns => _ = writeln!(text, "  @JoinColumn([{}])", columns.join(", ")),
        }
        if let Some(join_table) = &self.join_table {
            let _ = writeln!(text, "  @JoinTable({join_table})");
        }
        let _ = writeln!(text, "  {}!: {};", property_name(&self.name), self.value_type);
        text
    }
}
