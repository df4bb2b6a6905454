//! Sizes ORM code declares for a column (TypeORM's `length`, `precision`/`scale`; Sequelize's
//! `STRING(190)`, `CHAR(2)`, `DECIMAL(10, 2)`) are the column's database type in every target that
//! has one, as SQL's `VARCHAR(190)` is.

use relplay_core::dialect::SqlDialect;
use relplay_core::generate::{generate, Target};
use relplay_core::ir::NativeType;
use relplay_core::{analyze, SourceLanguage};

const TYPEORM: &str = "import { Entity, PrimaryColumn, Column } from \"typeorm\";\n@Entity()\nexport class Item {\n  @PrimaryColumn()\n  id!: number;\n  @Column({ length: 190 })\n  email!: string;\n  @Column(\"char\", { length: 2 })\n  code!: string;\n  @Column({ type: \"decimal\", precision: 10, scale: 2 })\n  price!: string;\n  @Column()\n  name!: string;\n}\n";

const SEQUELIZE: &str = "const { DataTypes } = require(\"sequelize\");\nmodule.exports = (sequelize) => {\n  sequelize.define(\"Item\", {\n    id: { type: DataTypes.INTEGER, primaryKey: true },\n    email: DataTypes.STRING(190),\n    code: { type: DataTypes.CHAR(2) },\n    price: DataTypes.DECIMAL(10, 2),\n    name: DataTypes.STRING,\n  }, { timestamps: false });\n};\n";

fn native(name: &str, arguments: &[&str]) -> Option<NativeType> {
    Some(NativeType { name: name.into(), arguments: arguments.iter().map(|a| a.to_string()).collect() })
}

#[test]
fn typeorm_and_sequelize_sizes_are_read_as_native_types() {
    for (text, language) in [(TYPEORM, SourceLanguage::TypeOrm), (SEQUELIZE, SourceLanguage::Sequelize)] {
        let analysis = analyze(text, language);
        assert!(analysis.diagnostics.iter().all(|d| d.severity != relplay_core::Severity::Error), "{:?}", analysis.diagnostics);
        let field = |name: &str| analysis.schema.entities[0].field(name).unwrap_or_else(|| panic!("{name}")).native_type.clone();
        assert_eq!(field("email"), native("VarChar", &["190"]), "{language:?}");
        assert_eq!(field("code"), native("Char", &["2"]), "{language:?}");
        assert_eq!(field("price"), native("Decimal", &["10", "2"]), "{language:?}");
        assert_eq!(field("name"), None, "no size, no database type: the portable type's default ({language:?})");
    }
}

#[test]
fn declared_sizes_reach_every_target_that_has_them() {
    let schema = analyze(TYPEORM, SourceLanguage::TypeOrm).schema;
    let postgresql = generate(&schema, Target::Sql(SqlDialect::Postgresql)).text;
    assert!(postgresql.contains("\"email\" VARCHAR(190)") && postgresql.contains("\"price\" DECIMAL(10,2)"), "{postgresql}");
    let mysql = generate(&schema, Target::Sql(SqlDialect::Mysql)).text;
    assert!(mysql.contains("`code` CHAR(2)") && mysql.contains("`email` VARCHAR(190)"), "{mysql}");
    // SQLite's declared types are affinities: the portable type's.
    let sqlite = generate(&schema, Target::Sql(SqlDialect::Sqlite)).text;
    assert!(!sqlite.contains("VARCHAR(190)"), "{sqlite}");
    let prisma = generate(&schema, Target::Prisma(Default::default())).text;
    assert!(prisma.contains("@db.VarChar(190)") && prisma.contains("@db.Decimal(10, 2)"), "{prisma}");
    let sequelize = generate(&schema, SourceLanguage::Sequelize.writer()).text;
    assert!(sequelize.contains("DataTypes.STRING(190)") && sequelize.contains("DataTypes.CHAR(2)"), "{sequelize}");
    let typeorm = generate(&analyze(SEQUELIZE, SourceLanguage::Sequelize).schema, SourceLanguage::TypeOrm.writer()).text;
    assert!(typeorm.contains("length: 190") && typeorm.contains("precision: 10, scale: 2"), "{typeorm}");
}
