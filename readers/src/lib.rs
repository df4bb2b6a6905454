//! The readers the app does not build into its core: SQL DDL (sqlparser) and ORM code (oxc_parser
//! with the TypeORM, Sequelize and VibORM lowerings), together more than half of a wasm build of
//! the core. A visitor who writes Prisma never needs them, so the app's worker loads this module
//! (`static/modules/`, built by `scripts/build-modules.sh`) the first time one of those languages
//! is read, and asks it for the analysis, which it returns as JSON.

use relplay_core::SourceLanguage;
use wasm_bindgen::prelude::*;

/// The analysis of `text` in the language with registry id `language` (`sql:postgresql`,
/// `typeorm`…), as the JSON of [`relplay_core::Analysis`]; `None` for Prisma, which the core
/// reads itself, and for an unknown id.
#[wasm_bindgen]
pub fn analyze(text: &str, language: &str) -> Option<String> {
    let language = SourceLanguage::from_name(language).filter(|l| *l != SourceLanguage::Prisma)?;
    serde_json::to_string(&relplay_core::analyze(text, language)).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_analysis_crosses_as_json_and_reads_back_the_same() {
        let text = "import { Entity, PrimaryGeneratedColumn, ManyToOne } from \"typeorm\";\n@Entity()\nexport class User {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @ManyToOne(() => User)\n  manager: User;\n}\n";
        let json = super::analyze(text, "typeorm").expect("TypeORM is read here");
        let back: relplay_core::Analysis = serde_json::from_str(&json).expect("an analysis");
        let mut direct = relplay_core::analyze(text, relplay_core::SourceLanguage::TypeOrm);
        // The entity's name span is not part of the JSON form.
        for entity in &mut direct.schema.entities {
            entity.name_span = Default::default();
        }
        assert_eq!(back, direct);
        assert_eq!(super::analyze(text, "prisma"), None);
    }

    #[test]
    fn reads_sql_too() {
        let json = super::analyze("CREATE TABLE a (id INT PRIMARY KEY);", "sql:postgresql").expect("SQL is read here");
        let back: relplay_core::Analysis = serde_json::from_str(&json).unwrap();
        assert_eq!(back.schema.entities[0].name, "a");
    }
}
