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

/// The types an ORM picks itself for what its code leaves open, per database, as TypeORM's and
/// Sequelize's drivers write them (checked against the real ORMs by
/// tests/conformance/orm-source.test.mjs, which compares every column's type).
const TYPEORM_DEFAULTS: &str = "import { Entity, PrimaryGeneratedColumn, PrimaryColumn, Column, CreateDateColumn, ManyToOne } from \"typeorm\";\n@Entity()\nexport class Account {\n  @PrimaryGeneratedColumn(\"uuid\")\n  id!: string;\n  @Column()\n  name!: string;\n  @Column()\n  active!: boolean;\n  @Column()\n  born!: Date;\n  @CreateDateColumn()\n  created!: Date;\n  @Column(\"text\")\n  notes!: string;\n}\n@Entity()\nexport class Badge {\n  @PrimaryColumn(\"uuid\")\n  id!: string;\n  @ManyToOne(() => Account)\n  account!: Account;\n}\n";

fn database_types(schema: &relplay_core::ir::Schema, entity: &str, field: &str) -> Vec<String> {
    let field = schema.entity(entity).and_then(|e| e.field(field)).unwrap_or_else(|| panic!("{entity}.{field}"));
    field
        .database_types
        .iter()
        .map(|t| format!("{}:{}({})", t.database.as_str(), t.native_type.name, t.native_type.arguments.join(",")))
        .collect()
}

#[test]
fn what_typeorm_leaves_open_has_its_type_on_each_database() {
    let schema = analyze(TYPEORM_DEFAULTS, SourceLanguage::TypeOrm).schema;
    let types = |entity: &str, field: &str| database_types(&schema, entity, field);
    assert_eq!(types("Account", "name"), ["postgresql:VarChar()", "mysql:VarChar(255)"]);
    assert_eq!(types("Account", "active"), ["mysql:TinyInt()"], "a boolean is a plain tinyint on MySQL");
    assert_eq!(types("Account", "born"), ["postgresql:Timestamp(6)", "mysql:DateTime(0)"]);
    assert_eq!(types("Account", "created"), ["postgresql:Timestamp(6)", "mysql:DateTime(6)"]);
    assert_eq!(types("Account", "notes"), ["mysql:Text()"], "text is PostgreSQL's portable String already");
    assert_eq!(types("Account", "id"), ["postgresql:Uuid()", "mysql:VarChar(36)"], "a generated uuid");
    assert_eq!(types("Badge", "id"), ["postgresql:Uuid()", "mysql:VarChar(255)"], "a column typed uuid is a default varchar on MySQL");
    assert_eq!(types("Badge", "accountId"), ["postgresql:Uuid()", "mysql:VarChar(36)"], "a key to a uuid is varchar(36) on MySQL");
    let mysql = generate(&schema, Target::Sql(SqlDialect::Mysql)).text;
    for column in ["`name` VARCHAR(255)", "`born` DATETIME", "`created` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)", "`notes` TEXT"]
    {
        assert!(mysql.contains(column), "{column} in\n{mysql}");
    }
    let postgresql = generate(&schema, Target::Sql(SqlDialect::Postgresql)).text;
    for column in ["\"name\" VARCHAR NOT NULL", "\"created\" TIMESTAMP(6)", "\"id\" UUID"] {
        assert!(postgresql.contains(column), "{column} in\n{postgresql}");
    }
    let prisma = generate(&schema, Target::Prisma(Default::default())).text;
    assert!(prisma.contains("String   @db.VarChar") && prisma.contains("@db.Timestamp(6)") && prisma.contains("@db.Uuid"), "{prisma}");
    // The hover says it.
    let offset = TYPEORM_DEFAULTS.find("name!").unwrap() + 1;
    let hover = relplay_core::hover::hover_at(&schema, SourceLanguage::TypeOrm, TYPEORM_DEFAULTS, offset).expect("a hover on `name`");
    assert!(hover.lines.iter().any(|l| l == "The ORM makes it varchar on PostgreSQL, varchar(255) on MySQL."), "{:?}", hover.lines);
}

#[test]
fn what_sequelize_leaves_open_has_its_type_on_each_database() {
    let source = "const { DataTypes } = require(\"sequelize\");\nmodule.exports = (sequelize) => {\n  sequelize.define(\"Item\", {\n    name: DataTypes.STRING,\n    notes: DataTypes.TEXT,\n    due: DataTypes.DATE,\n    token: DataTypes.UUID,\n  });\n};\n";
    let schema = analyze(source, SourceLanguage::Sequelize).schema;
    let types = |field: &str| database_types(&schema, "Item", field);
    assert_eq!(types("name"), ["postgresql:VarChar(255)", "mysql:VarChar(255)"]);
    assert_eq!(types("notes"), ["mysql:Text()"]);
    assert_eq!(types("due"), ["postgresql:Timestamptz(6)", "mysql:DateTime(0)"]);
    assert_eq!(types("createdAt"), ["postgresql:Timestamptz(6)", "mysql:DateTime(0)"], "Sequelize's own timestamps");
    assert_eq!(types("token"), ["postgresql:Uuid()", "mysql:Char(36)"]);
    // Written back as Sequelize, each is the data type it was.
    let sequelize = generate(&schema, SourceLanguage::Sequelize.writer()).text;
    assert!(sequelize.contains("name: { type: DataTypes.STRING(255)"), "{sequelize}");
    assert!(
        sequelize.contains("due: { type: sequelize.getDialect() === \"postgres\" ? DataTypes.DATE(6) : DataTypes.DATE(0)"),
        "{sequelize}"
    );
}
