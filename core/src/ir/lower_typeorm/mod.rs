//! Lowering of TypeORM entity code into the IR.
//!
//! In order: the enums; the entity classes (`@Entity`), each with the columns of the classes it
//! extends within the source (an abstract base entity's columns come first, as TypeORM
//! registers them); the columns and keys ([`columns`]); then the relation properties
//! ([`relations`]), recorded as declarations with the join columns TypeORM would add, and built
//! by the neutral builder with TypeORM's conventions. What TypeORM decides at run time from
//! values relplay cannot see (an imported constant, a computed name) is a `T001` at its span,
//! and the option is read as if absent.

mod columns;
mod relations;

use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::RelationDeclarations;
use crate::ir::{EnumType, EnumTypeValue, Schema, IR_VERSION};
use crate::languages::typeorm::TypeOrmConventions;
use crate::syntax::typescript::{Class, Expr, Import, Module, Node};
use std::collections::{HashMap, HashSet};

/// Lowers TypeORM entity code, and returns its relations as declared. Never fails.
pub fn lower(module: &Module) -> (Schema, RelationDeclarations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut schema = Schema { version: IR_VERSION, ..Schema::default() };
    schema.enums = lower_enums(module);
    let classes: HashMap<&str, &Class> = module.classes().filter_map(|c| Some((c.name.as_ref()?.value.as_str(), c))).collect();
    for class in module.classes() {
        for (decorator, what) in [
            ("ChildEntity", "Table inheritance (`@ChildEntity`)"),
            ("ViewEntity", "A view entity"),
            ("Tree", "A tree entity's closure columns"),
        ] {
            if let Some(d) = class.decorator(decorator) {
                diagnostics.push(catalog::not_modelled_yet(d.span, what));
            }
        }
    }
    let entity_classes: Vec<&Class> = module.classes().filter(|c| c.decorator("Entity").is_some() && c.name.is_some()).collect();
    let mut members = Vec::new();
    let mut lowered: std::collections::HashSet<String> = std::collections::HashSet::new();
    for class in &entity_classes {
        let chain = inheritance_chain(class, &classes, module, &mut diagnostics);
        let (entity, relation_properties) = columns::lower_entity(class, &chain, &classes, &schema, &mut diagnostics);
        if !lowered.insert(entity.name.clone()) {
            continue;
        }
        if entity.primary_key.is_none() {
            diagnostics.push(match own_decorator(&chain, module) {
                Some((owner, property, decorator)) => {
                    catalog::primary_column_from_own_decorator(entity.name_span, &entity.name, owner, property, decorator)
                }
                None => catalog::entity_without_primary_column(entity.name_span, &entity.name),
            });
        }
        schema.entities.push(entity);
        members.push(relation_properties);
    }
    let mut conventions = TypeOrmConventions::default();
    let imports = DecoratorImports::of(module);
    let declarations = relations::declare_relations(&mut schema, members, &mut conventions, &imports, &mut diagnostics);
    crate::ir::relations::build_relations(&mut schema, &declarations, &conventions);
    crate::ir::join_models::mark_join_entities(&mut schema);
    (schema, declarations, diagnostics)
}

/// The classes `class` extends within the source, the most basic first, then `class` itself.
/// A base class that is not in the source (imported from a package) is noted and passed over.
fn inheritance_chain<'m>(
    class: &'m Class,
    classes: &HashMap<&str, &'m Class>,
    module: &Module,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'m Class> {
    let mut chain = vec![class];
    let mut seen = HashSet::new();
    let mut current = class;
    while let Some(parent) = &current.extends {
        match classes.get(parent.value.as_str()) {
            Some(base) if seen.insert(parent.value.clone()) => {
                chain.push(base);
                current = base;
            }
            Some(_) => break,
            None => {
                // TypeORM's own `BaseEntity` adds no columns.
                let typeorm_base = matches!(parent.value.as_str(), "BaseEntity" | "typeorm.BaseEntity");
                if !typeorm_base && is_imported(module, &parent.value) {
                    diagnostics.push(catalog::base_class_not_in_source(parent.span, &parent.value));
                }
                break;
            }
        }
    }
    chain.reverse();
    chain
}

/// The first property decorator in `chain` that the code imports from a module of its own
/// (`import { PrimaryGeneratedId } from "../entity-id.decorator"`), as `(class, property,
/// decorator)`: it may add columns when the code runs, as Vendure's adds each entity's `id`.
fn own_decorator<'c>(chain: &[&'c Class], module: &Module) -> Option<(&'c str, &'c str, &'c str)> {
    let own = |name: &str| imports_of(module, name).any(|i| i.source.starts_with('.'));
    chain.iter().find_map(|class| {
        let owner = class.name.as_ref()?.value.as_str();
        class.properties.iter().find_map(|property| {
            let decorator = property.decorators.iter().find(|d| own(&d.name))?;
            Some((owner, property.name.value.as_str(), decorator.name.as_str()))
        })
    })
}

/// The imports, in any file, that bind `name`.
fn imports_of<'m>(module: &'m Module, name: &'m str) -> impl Iterator<Item = &'m Import> + 'm {
    module.files.iter().flat_map(|f| &f.imports).filter(move |i| i.names.iter().any(|n| n == name))
}

/// Whether `name` is bound by an import of some file.
fn is_imported(module: &Module, name: &str) -> bool {
    imports_of(module, name).next().is_some()
}

/// The TypeScript enums, with the values they store (a string initializer, else the name; a
/// numeric enum stores its numbers).
fn lower_enums(module: &Module) -> Vec<EnumType> {
    let mut enums: Vec<EnumType> = Vec::new();
    for declaration in module.enums() {
        if enums.iter().any(|e| e.name == declaration.name.value) {
            continue;
        }
        let mut next_number = 0i64;
        let values = declaration
            .members
            .iter()
            .map(|member| {
                let stored = match member.value.as_ref().map(|v| &v.value) {
                    Some(Expr::String(s)) | Some(Expr::Template(s)) => s.clone(),
                    Some(Expr::Number(n)) => {
                        next_number = n.parse::<i64>().unwrap_or(next_number) + 1;
                        n.clone()
                    }
                    _ => {
                        next_number += 1;
                        (next_number - 1).to_string()
                    }
                };
                EnumTypeValue { name: member.name.value.clone(), database_name: stored }
            })
            .collect();
        enums.push(EnumType {
            database_schema: None,
            name: declaration.name.value.clone(),
            database_name: declaration.name.value.clone(),
            values,
            span: declaration.span,
        });
    }
    enums
}

/// The property names of `(u) => [u.a, u.b]`, `["a", "b"]` or `"a"`, as `@Unique`, `@Index`
/// and `@PrimaryColumn`-lists write them.
fn property_list(value: &Node<Expr>) -> Option<Vec<Node<String>>> {
    let item = |item: &Node<Expr>| -> Option<Node<String>> {
        match &item.value {
            Expr::String(s) | Expr::Template(s) => Some(Node::new(s.clone(), item.span)),
            Expr::Member(_, property) => Some(Node::new(property.clone(), item.span)),
            _ => None,
        }
    };
    match &value.value {
        Expr::Array(items) => items.iter().map(item).collect(),
        Expr::Arrow { body: Some(body), .. } => match &body.value {
            Expr::Array(items) => items.iter().map(item).collect(),
            Expr::Object(entries) => Some(entries.iter().map(|e| e.key.clone()).collect()),
            _ => item(body).map(|i| vec![i]),
        },
        _ => item(value).map(|i| vec![i]),
    }
}

/// Where each file imports TypeORM's decorators, so that a fix adding a decorator can import it.
pub struct DecoratorImports {
    /// Per file: its span, the names it imports from TypeORM, and where a name can be added.
    files: Vec<(crate::span::Span, Vec<String>, Option<usize>)>,
}

impl DecoratorImports {
    fn of(module: &Module) -> Self {
        let files = module
            .files
            .iter()
            .filter_map(|file| {
                let import = file.imports.iter().find(|i| i.source == "typeorm")?;
                Some((file.span, import.names.clone(), import.specifiers_end))
            })
            .collect();
        DecoratorImports { files }
    }

    /// The edit that imports `name` into the file holding `offset`, unless it is imported already.
    pub fn add(&self, offset: usize, name: &str) -> Option<crate::diagnostic::TextEdit> {
        let (_, names, end) = self.files.iter().find(|(span, _, _)| span.start() <= offset && offset <= span.end())?;
        if names.iter().any(|n| n == name) {
            return None;
        }
        Some(crate::diagnostic::TextEdit { span: crate::span::Span::at((*end)?), insert: format!(", {name}") })
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::{analyze, SourceLanguage};

    /// The codes `text` raises, read as TypeORM.
    fn codes(text: &str) -> Vec<Code> {
        analyze(text, SourceLanguage::TypeOrm).diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_primary_column_left_to_a_decorator_of_the_code_s_own_is_a_warning() {
        let entity = "@Entity()\nexport class Zone extends Base {\n  @Column()\n  name: string;\n}\n";
        let base = |from: &str| {
            format!("import {{ Entity, Column }} from \"typeorm\";\nimport {{ PrimaryGeneratedId }} from \"{from}\";\nexport abstract class Base {{\n  @PrimaryGeneratedId()\n  id: string;\n}}\n{entity}")
        };
        // Vendure's way: the decorator comes from a module of the code, which adds `id` when it runs.
        let own = codes(&base("../entity-id.decorator"));
        assert!(own.contains(&Code::T001) && !own.contains(&Code::T011), "{own:?}");
        // A decorator from a package (a validator's, say) adds no column: TypeORM refuses the entity.
        let package = codes(&base("some-validator"));
        assert!(package.contains(&Code::T011), "{package:?}");
    }

    #[test]
    fn a_many_to_many_over_a_composite_key_is_left_out_without_an_error() {
        // Both sides declared (ever-traduora's Label.translations ↔ Translation.labels): TypeORM
        // builds it; relplay says it leaves the junction table out, and raises no Prisma rule
        // about implicit many-to-many relations.
        let text = "import { Entity, PrimaryColumn, PrimaryGeneratedColumn, ManyToMany, JoinTable } from \"typeorm\";\n@Entity()\nexport class Label {\n  @PrimaryGeneratedColumn()\n  id: number;\n  @ManyToMany(() => Translation, (t) => t.labels)\n  @JoinTable()\n  translations: Translation[];\n}\n@Entity()\nexport class Translation {\n  @PrimaryColumn()\n  termId: number;\n  @PrimaryColumn()\n  localeId: number;\n  @ManyToMany(() => Label, (l) => l.translations)\n  labels: Label[];\n}\n";
        let analysis = analyze(text, SourceLanguage::TypeOrm);
        let codes: Vec<Code> = analysis.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::T013], "{:?}", analysis.diagnostics);
    }
}
