//! The ORM code readers as a wasm module of their own: oxc_parser and the TypeORM, Sequelize and
//! VibORM lowerings make the app's wasm a quarter larger, and a visitor who writes Prisma or SQL
//! never needs them, so the app loads this module (`static/readers/`, built by
//! `scripts/build-readers.sh`) the first time one of those languages is used and asks it for the
//! analysis, which it returns as JSON.

use relplay_core::SourceLanguage;
use wasm_bindgen::prelude::*;

/// The analysis of `text` in the language with registry id `language` (`typeorm`, `sequelize`,
/// `viborm`), as the JSON of [`relplay_core::Analysis`]; `None` for a language that is not ORM
/// code.
#[wasm_bindgen]
pub fn analyze(text: &str, language: &str) -> Option<String> {
    let language = SourceLanguage::from_name(language).filter(|l| l.is_code())?;
    serde_json::to_string(&relplay_core::analyze_orm_code(text, language)).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_analysis_crosses_as_json_and_reads_back_the_same() {
        let text = "import { Entity, PrimaryGeneratedColumn, ManyToOne } from \"typeorm\";\n@Entity()\nexport class User {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @ManyToOne(() => User)\n  manager: User;\n}\n";
        let json = super::analyze(text, "typeorm").expect("TypeORM is ORM code");
        let back: relplay_core::Analysis = serde_json::from_str(&json).expect("an analysis");
        let mut direct = relplay_core::analyze(text, relplay_core::SourceLanguage::TypeOrm);
        // The entity's name span is not part of the JSON form.
        for entity in &mut direct.schema.entities {
            entity.name_span = Default::default();
        }
        assert_eq!(back, direct);
        assert_eq!(super::analyze(text, "prisma"), None);
    }
}
