//! sequelize-typescript's decorators, read as the Sequelize calls they make.
//!
//! sequelize-typescript turns `@Table class User extends Model { @Column name: string; … }` into
//! `User.init({ name: { type: DataTypes.STRING } }, { modelName: "User", … })` and each
//! `@BelongsTo(() => Team) team` into `User.belongsTo(Team, { as: "team", foreignKey })`, so the
//! reader writes those calls (as syntax) and reads them as any other Sequelize code. Facts from
//! sequelize-typescript 2.1: the model name is `modelName` or the class name; a `@Column` without
//! a type takes it from the property's TypeScript type (`string` STRING, `number` INTEGER,
//! `boolean`, `Date`, `bigint`, `Buffer`); `@AllowNull` alone means `true`; an association's
//! `as` is the property name, and its key is the one given, else the `@ForeignKey(() => Other)`
//! column of the class that holds it (the source for `@BelongsTo`, the target for `@HasMany` and
//! `@HasOne`, the `through` model for `@BelongsToMany`), else sequelize-typescript throws.

use crate::diagnostic::{catalog, Diagnostic};
use crate::span::Span;
use crate::syntax::typescript::{Class, Decorator, Expr, Module, Node, ObjectEntry, Property, TypeAnnotation};

/// The `init` and association calls the decorated classes of `module` stand for, each with the
/// name it binds (the class).
pub fn desugar(module: &Module, diagnostics: &mut Vec<Diagnostic>) -> Vec<(Option<String>, Node<Expr>)> {
    let tables: Vec<&Class> = module.classes().filter(|c| c.decorator("Table").is_some() && c.name.is_some()).collect();
    let mut out = Vec::new();
    for class in &tables {
        let name = class.name.as_ref().expect("tables are named");
        let options = class.decorator("Table").and_then(|d| d.arguments.first()).cloned();
        let mut model_options = options.as_ref().and_then(|o| o.as_object()).map(<[ObjectEntry]>::to_vec).unwrap_or_default();
        if !model_options.iter().any(|e| e.key.value == "modelName") {
            model_options.push(entry("modelName", Expr::String(name.value.clone()), name.span));
        }
        model_options.push(entry("sequelize", Expr::Identifier("sequelize".into()), name.span));
        let attributes: Vec<ObjectEntry> = class.properties.iter().filter_map(attribute).collect();
        let init = call(
            Node::new(Expr::Member(Box::new(Node::new(Expr::Identifier(name.value.clone()), name.span)), "init".into()), class.span),
            vec![Node::new(Expr::Object(attributes), class.span), Node::new(Expr::Object(model_options), class.span)],
            class.span,
        );
        out.push((Some(name.value.clone()), init));
    }
    for class in &tables {
        for property in &class.properties {
            if let Some(association) = association(class, property, &tables, diagnostics) {
                out.push((None, association));
            }
        }
    }
    out
}

fn entry(key: &str, value: Expr, span: Span) -> ObjectEntry {
    ObjectEntry { key: Node::new(key.to_string(), span), value: Node::new(value, span) }
}

fn call(callee: Node<Expr>, arguments: Vec<Node<Expr>>, span: Span) -> Node<Expr> {
    Node::new(Expr::Call { callee: Box::new(callee), arguments }, span)
}

fn data_type(name: &str, span: Span) -> Node<Expr> {
    Node::new(Expr::Member(Box::new(Node::new(Expr::Identifier("DataTypes".into()), span)), name.into()), span)
}

/// A `@Column` property as the attribute options object sequelize-typescript makes of it.
fn attribute(property: &Property) -> Option<ObjectEntry> {
    let column = property.decorator("Column")?;
    let span = property.span;
    let mut options: Vec<ObjectEntry> = match column.arguments.first() {
        Some(argument) if argument.as_object().is_some() => argument.as_object().map(<[ObjectEntry]>::to_vec).unwrap_or_default(),
        Some(argument) => vec![ObjectEntry { key: Node::new("type".into(), argument.span), value: argument.clone() }],
        None => Vec::new(),
    };
    if !options.iter().any(|e| e.key.value == "type") {
        let inferred = property.type_annotation.as_ref().and_then(|t| match t.value.without_null().0 {
            TypeAnnotation::Keyword("string") => Some("STRING"),
            TypeAnnotation::Keyword("number") => Some("INTEGER"),
            TypeAnnotation::Keyword("boolean") => Some("BOOLEAN"),
            TypeAnnotation::Keyword("bigint") => Some("BIGINT"),
            TypeAnnotation::Named { ref name, .. } if name == "Date" => Some("DATE"),
            TypeAnnotation::Named { ref name, .. } if name == "Buffer" => Some("BLOB"),
            _ => None,
        });
        if let Some(inferred) = inferred {
            options.push(ObjectEntry { key: Node::new("type".into(), span), value: data_type(inferred, span) });
        }
    }
    let flag = |decorator: &Decorator| -> Expr { decorator.arguments.first().map_or(Expr::Bool(true), |a| a.value.clone()) };
    for decorator in &property.decorators {
        let (key, value) = match decorator.name.as_str() {
            "PrimaryKey" => ("primaryKey", Expr::Bool(true)),
            "AutoIncrement" => ("autoIncrement", Expr::Bool(true)),
            "AllowNull" => ("allowNull", flag(decorator)),
            "Unique" => ("unique", flag(decorator)),
            "Default" => match decorator.arguments.first() {
                Some(value) => ("defaultValue", value.value.clone()),
                None => continue,
            },
            _ => continue,
        };
        options.retain(|e| e.key.value != key);
        options.push(entry(key, value, decorator.span));
    }
    Some(ObjectEntry { key: property.name.clone(), value: Node::new(Expr::Object(options), span) })
}

/// The class a getter argument `() => User` names.
fn getter_class(argument: Option<&Node<Expr>>) -> Option<String> {
    match &argument?.value {
        Expr::Arrow { body: Some(body), .. } => body.path().map(|p| p.join(".")),
        _ => None,
    }
}

/// The attribute of `holder` marked `@ForeignKey(() => related)`.
fn marked_key(holder: &Class, related: &str) -> Option<String> {
    holder.properties.iter().find_map(|p| {
        let decorator = p.decorator("ForeignKey")?;
        (getter_class(decorator.arguments.first()).as_deref() == Some(related)).then(|| p.name.value.clone())
    })
}

/// A foreign key given to an association decorator: a name or an options object.
fn given_key(argument: Option<&Node<Expr>>) -> Option<Node<Expr>> {
    let argument = argument?;
    match &argument.value {
        Expr::String(_) => Some(argument.clone()),
        Expr::Object(_) => argument.get("foreignKey").cloned().or_else(|| argument.get("name").map(|_| argument.clone())),
        _ => None,
    }
}

/// The association call a relation property stands for.
fn association(class: &Class, property: &Property, tables: &[&Class], diagnostics: &mut Vec<Diagnostic>) -> Option<Node<Expr>> {
    let (decorator, method) = ["BelongsTo", "HasMany", "HasOne", "BelongsToMany"]
        .iter()
        .find_map(|name| property.decorator(name).map(|d| (d, crate::ir::lower_camel(name))))?;
    let this = class.name.as_ref()?.value.clone();
    let target = getter_class(decorator.arguments.first())?;
    let find = |name: &str| tables.iter().find(|c| c.name.as_ref().is_some_and(|n| n.value == name)).copied();
    let span = decorator.span;
    let mut options = vec![entry("as", Expr::String(property.name.value.clone()), property.name.span)];
    if let Some(Expr::Object(entries)) = decorator.arguments.iter().skip(1).find(|a| a.as_object().is_some()).map(|a| &a.value) {
        options.extend(entries.iter().filter(|e| !matches!(e.key.value.as_str(), "as" | "foreignKey" | "through" | "otherKey")).cloned());
    }
    let key = |holder: Option<&Class>, related: &str, given: Option<Node<Expr>>, diagnostics: &mut Vec<Diagnostic>| -> Option<Node<Expr>> {
        if let Some(given) = given {
            return Some(given);
        }
        match holder.and_then(|h| marked_key(h, related)) {
            Some(name) => Some(Node::new(Expr::String(name), span)),
            None => {
                let holder = holder.and_then(|h| h.name.as_ref()).map_or("the class", |n| n.value.as_str());
                diagnostics.push(catalog::foreign_key_decorator_missing(span, related, holder));
                None
            }
        }
    };
    match method.as_str() {
        "belongsToMany" => {
            let through_argument = decorator.arguments.get(1);
            let through = getter_class(through_argument)
                .or_else(|| through_argument.and_then(|t| t.get("through")).and_then(|t| getter_class(Some(t))))?;
            let through_class = find(&through);
            let given = decorator
                .arguments
                .get(2)
                .and_then(|a| given_key(Some(a)))
                .or_else(|| through_argument.and_then(|t| t.get("foreignKey")).cloned());
            let other_given = decorator.arguments.get(3).cloned().or_else(|| through_argument.and_then(|t| t.get("otherKey")).cloned());
            let foreign = key(through_class, &this, given, diagnostics)?;
            let other = key(through_class, &target, other_given, diagnostics)?;
            options.push(entry("through", Expr::Identifier(through), span));
            options.push(ObjectEntry { key: Node::new("foreignKey".into(), span), value: foreign });
            options.push(ObjectEntry { key: Node::new("otherKey".into(), span), value: other });
        }
        _ => {
            let given = decorator.arguments.get(1).and_then(|a| given_key(Some(a)));
            let foreign = if method == "belongsTo" {
                key(Some(class), &target, given, diagnostics)?
            } else {
                key(find(&target), &this, given, diagnostics)?
            };
            options.push(ObjectEntry { key: Node::new("foreignKey".into(), span), value: foreign });
        }
    }
    let callee = Node::new(Expr::Member(Box::new(Node::new(Expr::Identifier(this), span)), method), span);
    Some(call(callee, vec![Node::new(Expr::Identifier(target), span), Node::new(Expr::Object(options), span)], property.span))
}
