//! TypeScript and JavaScript, for the ORM code readers (TypeORM, Sequelize, VibORM).
//!
//! A source may hold several files ([`super::files`]). Each file is parsed by oxc on its own; the syntax errors oxc reports become `P018` at their
//! span, and what oxc could read is kept. The oxc tree lives in an arena for the length of one
//! parse, so [`convert`] copies out what the readers use into the owned [`tree`].

mod convert;
mod helpers;
pub mod tree;

/// Deeper bracket nesting than this is not handed to the parser, which recurses on it.
const MAX_NESTING: usize = 64;

use super::files::file_sections;
use crate::diagnostic::{catalog, Diagnostic};
use crate::span::Span;
pub use tree::*;

/// Parses every file of `text`. Never fails: syntax errors are diagnostics, and the readable
/// parts of each file are kept.
pub fn parse(text: &str) -> (Module, Vec<Diagnostic>) {
    let mut module = Module::default();
    let mut diagnostics = Vec::new();
    for section in file_sections(text) {
        let code = &text[section.span.start()..section.span.end()];
        let base = section.span.start();
        if let Some(at) = too_deep(code) {
            diagnostics.push(catalog::code_nested_too_deeply(Span::at(base + at), MAX_NESTING));
            module.files.push(File { path: section.path, span: section.span, ..File::default() });
            continue;
        }
        let (file, file_diagnostics) = convert::parse_file(code, base, section.path.as_deref());
        diagnostics.extend(file_diagnostics);
        module.files.push(File { path: section.path, span: section.span, ..file });
    }
    helpers::write_out(&mut module);
    (module, diagnostics)
}

/// The offset where brackets first nest deeper than [`MAX_NESTING`], counting outside strings
/// and comments only roughly (a bracket in a string counts too, which errs on the safe side).
fn too_deep(code: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, byte) in code.bytes().enumerate() {
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_decorators_and_properties_are_read_with_spans() {
        let text = "import { Entity, Column } from \"typeorm\";\n/** People. */\n@Entity(\"users\")\nexport class User extends Base {\n  @Column({ nullable: true, length: 20 })\n  name?: string | null;\n}\n";
        let (module, diagnostics) = parse(text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let file = &module.files[0];
        assert_eq!(file.imports[0].source, "typeorm");
        let class = &file.classes[0];
        assert_eq!(class.name.as_ref().map(|n| n.value.as_str()), Some("User"));
        assert_eq!(class.extends.as_ref().map(|n| n.value.as_str()), Some("Base"));
        assert_eq!(class.documentation.as_deref(), Some("People."));
        assert_eq!(class.decorators[0].arguments[0].as_str(), Some("users"));
        let name = &class.properties[0];
        assert!(name.optional);
        let options = &name.decorator("Column").expect("a column").arguments[0];
        assert_eq!(options.get("nullable").and_then(|v| v.as_bool()), Some(true));
        let span = options.get("length").expect("length").span;
        assert_eq!(&text[span.start()..span.end()], "20");
        let (base, nullable) = name.type_annotation.as_ref().expect("typed").value.without_null();
        assert_eq!(base, TypeAnnotation::Keyword("string"));
        assert!(nullable);
    }

    #[test]
    fn syntax_errors_are_diagnostics_and_deep_nesting_is_refused() {
        let (_, diagnostics) = parse("class A { @Column( x: }");
        assert!(diagnostics.iter().any(|d| d.code == "P018"));
        let deep = format!("const x = {}{};", "[".repeat(5000), "]".repeat(5000));
        let (_, diagnostics) = parse(&deep);
        assert!(diagnostics.iter().any(|d| d.code == "P019"));
    }

    #[test]
    fn helper_calls_and_spreads_are_written_out_across_files() {
        let text = "// @filename: util.ts\nexport const id = () => ({ type: \"varchar\" as const, length: 32 });\nexport const optional = { nullable: true };\nexport const twice = () => ({ a: 1 });\n// @filename: other.ts\nexport const twice = () => ({ a: 2 });\n// @filename: user.ts\nclass User {\n  @PrimaryColumn(id())\n  id: string;\n  @Column({ ...id(), ...optional, length: 64, ...unknown(), ...twice() })\n  parentId: string;\n}\n";
        let (module, diagnostics) = parse(text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let class = module.classes().next().expect("a class");
        let primary = &class.properties[0].decorator("PrimaryColumn").expect("primary").arguments[0];
        assert_eq!(primary.get("type").and_then(|t| t.as_str()), Some("varchar"));
        let options = &class.properties[1].decorator("Column").expect("column").arguments[0];
        let keys: Vec<&str> = options.as_object().expect("an object").iter().map(|e| e.key.value.as_str()).collect();
        // The spreads in place, a later key over an earlier one; a spread of an unknown call and of
        // a helper two files define differently is dropped.
        assert_eq!(keys, ["type", "length", "nullable", "length"]);
        assert!(matches!(options.get("length").map(|l| &l.value), Some(Expr::Number(n)) if n == "64"));
    }
}
