//! MongoDB's composite types (`type` blocks): read into the IR, written back by the Prisma writer
//! as they were, checked as Prisma checks them, drawn in the diagram and explained on hover.

use relplay_core::generate::{generate, Target};
use relplay_core::ir::NavigationCardinality;
use relplay_core::options::PrismaVersion;
use relplay_core::{analyze, SourceLanguage};

const SHOP: &str = r#"datasource db {
  provider = "mongodb"
}

model Order {
  id       String    @id @default(auto()) @map("_id") @db.ObjectId
  shipping Address   @map("ship")
  billing  Address?
  lines    Line[]
  note     String?

  @@index([shipping.city])
  @@unique([billing.zip, note])
}

/// Where a parcel goes.
type Address {
  street String
  city   String  @map("town")
  zip    String?
  geo    Geo?
}

type Geo {
  lat Float
  lng Float
}

type Line {
  sku      String
  quantity Int    @default(1)
}
"#;

fn codes(text: &str) -> Vec<String> {
    analyze(text, SourceLanguage::Prisma).diagnostics.iter().map(|d| format!("{}: {}", d.code.as_str(), d.message)).collect()
}

#[test]
fn composite_types_and_the_fields_that_embed_them_are_read() {
    let analysis = analyze(SHOP, SourceLanguage::Prisma);
    assert_eq!(codes(SHOP), Vec::<String>::new());
    let schema = analysis.schema;
    let names: Vec<&str> = schema.composite_types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Address", "Geo", "Line"]);
    assert_eq!(schema.composite_types[0].field("city").unwrap().column, "town");
    assert_eq!(schema.composite_types[0].documentation.as_deref(), Some("Where a parcel goes."));
    let embedded: Vec<(&str, &str, &str, NavigationCardinality)> =
        schema.embedded_fields.iter().map(|f| (f.owner.as_str(), f.name.as_str(), f.type_name.as_str(), f.cardinality)).collect();
    assert_eq!(
        embedded,
        [
            ("Order", "shipping", "Address", NavigationCardinality::One),
            ("Order", "billing", "Address", NavigationCardinality::ZeroOrOne),
            ("Order", "lines", "Line", NavigationCardinality::Many),
            ("Address", "geo", "Geo", NavigationCardinality::ZeroOrOne),
        ]
    );
    assert_eq!(schema.embedded_fields[0].stored_name, "ship");
    let indexes: Vec<&str> = schema.embedded_indexes.iter().map(|i| i.attribute.as_str()).collect();
    assert_eq!(indexes, ["@@index([shipping.city])", "@@unique([billing.zip, note])"]);
    // The relational form has no column for them.
    let order = schema.entity("Order").unwrap();
    assert!(order.field("shipping").is_none() && order.indexes.is_empty() && order.uniques.is_empty());
}

#[test]
fn the_prisma_writer_keeps_them_and_reads_back_the_same() {
    let schema = analyze(SHOP, SourceLanguage::Prisma).schema;
    let written = generate(&schema, Target::Prisma(PrismaVersion::Seven)).text;
    for line in [
        "  shipping Address  @map(\"ship\")",
        "  lines    Line[]",
        "  @@index([shipping.city])",
        "  @@unique([billing.zip, note])",
        "/// Where a parcel goes.\ntype Address {",
        "  city   String  @map(\"town\")",
        "  geo    Geo?",
        "  quantity Int    @default(1)",
    ] {
        assert!(written.contains(line), "{line:?} missing from:\n{written}");
    }
    let again = analyze(&written, SourceLanguage::Prisma);
    assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
    assert_eq!(again.schema.composite_types.len(), 3);
    let strip = |mut fields: Vec<relplay_core::ir::EmbeddedField>| {
        fields.iter_mut().for_each(|f| f.span = Default::default());
        fields
    };
    assert_eq!(strip(again.schema.embedded_fields), strip(schema.embedded_fields.clone()));
    // The relational targets say they leave the embedded documents out.
    let sql = generate(&schema, Target::Sql(relplay_core::generate::SqlDialect::Postgresql)).text;
    assert!(sql.contains("embedded documents (composite types, 3 here, left out with their indexes)"), "{sql}");
}

#[test]
fn what_prisma_refuses_in_composite_types_is_an_error() {
    let mongodb = |body: &str| format!("datasource db {{\n  provider = \"mongodb\"\n}}\n\n{body}");
    let model = "model M {\n  id String @id @default(auto()) @map(\"_id\") @db.ObjectId\n  a  A\n}\n";
    let cases = [
        ("datasource db {\n  provider = \"mysql\"\n}\ntype A {\n  x Int\n}\n".to_string(), "N008"),
        (mongodb(&format!("{model}type A {{\n  b A\n}}\n")), "N012"),
        (mongodb(&format!("{model}type A {{\n  b B\n}}\ntype B {{\n  a A\n}}\n")), "N012"),
        (mongodb(&format!("{}type A {{\n  x Int\n}}\n", model.replace("a  A", "a  A @default(\"x\")"))), "N012"),
        (mongodb(&format!("{model}type A {{\n  m M\n}}\n")), "N065"),
        (mongodb(&format!("{model}type A {{\n}}\n")), "N065"),
        (mongodb(&format!("{model}type A {{\n  o String @default(auto()) @db.ObjectId\n}}\n")), "N048"),
        (mongodb(&format!("{}type A {{\n  x Int\n}}\n", model.replace("  a  A\n", "  a  A\n\n  @@index([a.nope])\n"))), "N023"),
        // An id must be required, a composite one too (Prisma: "Fields that are marked as id must be required").
        (mongodb("model M {\n  k A? @id @map(\"_id\")\n}\ntype A {\n  x Int\n}\n"), "N029"),
    ];
    for (text, code) in cases {
        let found = codes(&text);
        assert!(found.iter().any(|c| c.starts_with(code)), "{code} expected for:\n{text}\nfound {found:?}");
    }
    // A problem in a type's field is reported once (its native type is checked as a model's is).
    let bad_native = mongodb(&format!("{model}type A {{\n  x String @db.VarChar(10)\n  y Int @relation(\"r\")\n}}\n"));
    let found = codes(&bad_native);
    assert_eq!(found.len(), 2, "{found:?}");
    // A list or an optional field breaks the cycle.
    assert_eq!(codes(&mongodb(&format!("{model}type A {{\n  b A?\n  c A[]\n}}\n"))), Vec::<String>::new());
}

#[test]
fn the_diagram_draws_each_type_and_each_embedding() {
    let schema = analyze(SHOP, SourceLanguage::Prisma).schema;
    let diagram = relplay_core::layout::layout(&schema);
    let composite: Vec<&str> = diagram.boxes.iter().filter(|b| b.composite).map(|b| b.entity.as_str()).collect();
    assert_eq!(composite, ["Address", "Geo", "Line"]);
    let order = diagram.boxes.iter().find(|b| b.entity == "Order").unwrap();
    let rows: Vec<&str> = order.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(rows, ["_id", "ship", "billing", "lines", "note"]);
    let embeddings: Vec<(&str, &str)> =
        diagram.edges.iter().filter(|e| e.embedded).map(|e| (e.from_entity.as_str(), e.to_entity.as_str())).collect();
    assert_eq!(embeddings, [("Order", "Address"), ("Order", "Address"), ("Order", "Line"), ("Address", "Geo")]);
    let svg = relplay_core::layout::svg::render(&diagram);
    assert!(svg.contains("Address · type") && svg.contains("data-embedded=\"2\""), "{svg}");
}

#[test]
fn hovers_say_what_a_type_and_an_embedding_are() {
    let schema = analyze(SHOP, SourceLanguage::Prisma).schema;
    let at = |marker: &str| relplay_core::hover::hover_at(&schema, SourceLanguage::Prisma, SHOP, SHOP.find(marker).unwrap() + 1).unwrap();
    let embedding = at("billing  Address?");
    assert_eq!(embedding.title, "Order.billing: Address?");
    assert!(embedding.lines.iter().any(|l| l == "One embedded `Address` document, or none."), "{:?}", embedding.lines);
    let composite = at("Address {");
    assert_eq!(composite.title, "type Address");
    assert!(composite.lines.iter().any(|l| l == "Embedded in Order.shipping, Order.billing?."), "{:?}", composite.lines);
}

/// A composite type's document as a model's id (Prisma's validator accepts it; its DMMF is
/// compared with relplay's Prisma output's in tests/prisma/validator.test.mjs).
const SHIPMENTS: &str = r#"// MongoDB: a composite type's document as the model's id (`_id`), and a model that refers to it
// by a scalar copy of one of its fields.
datasource db {
  provider = "mongodb"
}

model Shipment {
  id      Tracking @id @map("_id")
  weight  Float
  orderId String   @db.ObjectId
}

model Order {
  id     String   @id @default(auto()) @map("_id") @db.ObjectId
  placed DateTime @default(now())
}

/// A carrier's tracking number: unique only with the carrier.
type Tracking {
  carrier String
  number  String
}
"#;

#[test]
fn a_composite_type_can_be_the_id() {
    assert_eq!(codes(SHIPMENTS), Vec::<String>::new(), "Prisma accepts `id Tracking @id @map(\"_id\")`");
    let schema = analyze(SHIPMENTS, SourceLanguage::Prisma).schema;
    let prisma = generate(&schema, Target::Prisma(PrismaVersion::Seven)).text;
    assert!(prisma.contains("id      Tracking @id @map(\"_id\")"), "{prisma}");
    assert!(!prisma.contains("@@ignore"), "the model is addressable by its id:\n{prisma}");
    // The relational outputs say that its table has no key.
    let sql = generate(&schema, Target::Sql(relplay_core::dialect::SqlDialect::Postgresql)).text;
    assert!(sql.contains("the `_id` of `Shipment` is an embedded document, so its table has no key"), "{sql}");
}
