//! Times every stage of the pipeline and every generator on generated Prisma schemas of 250, 500,
//! 1,000 and 2,000 models with every relation shape (one-to-one, one-to-many, implicit
//! many-to-many, self-relations, composite keys, enums), natively, and prints a table of medians
//! in milliseconds with the growth from the smallest to the largest size. The schema is then read
//! back from each generator's output (SQL, TypeORM, Sequelize, VibORM) to time the readers too.
//!
//! cargo run --release -p relplay-core --example pipeline_bench [SIZES…]
//!
//! `RELPLAY_BENCH_ONLY=TEXT` times only the stages whose name contains TEXT (for profiling).
//!
//! The schemas are also written to `target/bench-schemas/shapes-N.prisma` for the browser
//! benchmark.

use relplay_core::dialect::SqlDialect;
use relplay_core::generate::{generate, Target};
use relplay_core::layout::{layout, svg};
use relplay_core::options::{SequelizeOptions, SequelizeStyle, TypeOrmCascade, TypeOrmOptions, VibOrmApi, VibOrmOptions};
use relplay_core::{analyze, SourceLanguage};
use std::fmt::Write;
use std::path::PathBuf;
use std::time::Instant;

/// A schema of `count` models in groups of ten. In each group: a user with a composite-key
/// profile (one-to-one), posts (one-to-many to the user, and to a category tree through a
/// self-relation), tags (implicit many-to-many with posts), a membership keyed by two columns
/// that other models reference with a composite foreign key, and an enum per group; groups are
/// linked to the previous one so the graph is connected.
pub fn shapes_schema(count: usize) -> String {
    let mut text = String::from("datasource db {\n  provider = \"postgresql\"\n}\n");
    let groups = count.div_ceil(10);
    for g in 0..groups {
        let previous = g.checked_sub(1);
        let _ = write!(
            text,
            r#"
enum Role{g} {{
  ADMIN
  MEMBER
  GUEST
}}

model User{g} {{
  id        Int         @id @default(autoincrement())
  email     String      @unique
  role      Role{g}     @default(MEMBER)
  profile   Profile{g}?
  posts     Post{g}[]
  comments  Comment{g}[]
  members   Member{g}[]
  managerId Int?
  manager   User{g}?    @relation("Manages{g}", fields: [managerId], references: [id])
  reports   User{g}[]   @relation("Manages{g}")
}}

model Profile{g} {{
  userId Int      @id
  bio    String?
  user   User{g}  @relation(fields: [userId], references: [id], onDelete: Cascade)
}}

model Category{g} {{
  id       Int           @id @default(autoincrement())
  name     String        @db.VarChar(120)
  parentId Int?
  parent   Category{g}?  @relation("Tree{g}", fields: [parentId], references: [id])
  children Category{g}[] @relation("Tree{g}")
  posts    Post{g}[]
}}

model Post{g} {{
  id         Int          @id @default(autoincrement())
  title      String
  authorId   Int
  author     User{g}      @relation(fields: [authorId], references: [id])
  categoryId Int?
  category   Category{g}? @relation(fields: [categoryId], references: [id], onDelete: SetNull)
  tags       Tag{g}[]
  comments   Comment{g}[]
  createdAt  DateTime     @default(now())

  @@index([authorId, createdAt])
}}

model Tag{g} {{
  id    Int      @id @default(autoincrement())
  label String   @unique
  posts Post{g}[]
}}

model Comment{g} {{
  id       Int     @id @default(autoincrement())
  body     String
  postId   Int
  post     Post{g} @relation(fields: [postId], references: [id], onDelete: Cascade)
  authorId Int
  author   User{g} @relation(fields: [authorId], references: [id])
}}

model Team{g} {{
  id      Int         @id @default(autoincrement())
  name    String
  members Member{g}[]
"#
        );
        if let Some(p) = previous {
            let _ = write!(
                text,
                "  parentTeamId Int?\n  parentTeam   Team{p}? @relation(\"Teams{g}\", fields: [parentTeamId], references: [id])\n"
            );
        }
        if g + 1 < groups {
            let _ = writeln!(text, "  childTeams   Team{}[] @relation(\"Teams{}\")", g + 1, g + 1);
        }
        let _ = write!(
            text,
            r#"}}

model Member{g} {{
  teamId Int
  userId Int
  since  DateTime     @default(now())
  team   Team{g}      @relation(fields: [teamId], references: [id])
  user   User{g}      @relation(fields: [userId], references: [id])
  grants Grant{g}[]

  @@id([teamId, userId])
}}

model Grant{g} {{
  id     Int       @id @default(autoincrement())
  teamId Int
  userId Int
  scope  String    @db.VarChar(40)
  member Member{g} @relation(fields: [teamId, userId], references: [teamId, userId], onDelete: Cascade)

  @@unique([teamId, userId, scope])
}}

model Audit{g} {{
  id     BigInt   @id @default(autoincrement())
  at     DateTime @default(now())
  action String
}}
"#
        );
    }
    text
}

/// A Markdown table with a column per size and a growth column: one row per (name, cells, growth).
fn markdown_table<'a>(corner: &str, sizes: &[usize], rows: impl Iterator<Item = (&'a str, Vec<String>, f64)>) -> String {
    let mut table = format!("| {corner} |");
    for count in sizes {
        let _ = write!(table, " {count} models |");
    }
    table.push_str(" growth |\n|---|");
    for _ in sizes {
        table.push_str("---:|");
    }
    table.push_str("---:|\n");
    for (name, cells, growth) in rows {
        let _ = write!(table, "| {name} |");
        for cell in cells {
            let _ = write!(table, " {cell} |");
        }
        let _ = writeln!(table, " ×{growth:.1} |");
    }
    table
}

fn median_millis(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn targets() -> Vec<(&'static str, Target, Option<SourceLanguage>)> {
    vec![
        ("Prisma", Target::Prisma(relplay_core::options::PrismaVersion::Seven), Some(SourceLanguage::Prisma)),
        ("SQL (PostgreSQL)", Target::Sql(SqlDialect::Postgresql), Some(SourceLanguage::Sql(SqlDialect::Postgresql))),
        ("SQL (MySQL)", Target::Sql(SqlDialect::Mysql), Some(SourceLanguage::Sql(SqlDialect::Mysql))),
        (
            "TypeORM",
            Target::TypeOrm(TypeOrmOptions { dialect: SqlDialect::Postgresql, cascade: TypeOrmCascade::default(), eager: false }),
            Some(SourceLanguage::TypeOrm),
        ),
        ("Sequelize", Target::Sequelize(SequelizeOptions { style: SequelizeStyle::default() }), Some(SourceLanguage::Sequelize)),
        ("VibORM", Target::VibOrm(VibOrmOptions { api: VibOrmApi::default() }), Some(SourceLanguage::VibOrm)),
        ("JSON", Target::Json, None),
    ]
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
        if given.is_empty() {
            vec![250, 500, 1000, 2000]
        } else {
            given
        }
    };
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-schemas");
    std::fs::create_dir_all(&out).expect("create target/bench-schemas");

    // rows[stage] = times per size
    let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
    // What the diagram holds at each size: its boxes, the corners of its lines, its SVG's bytes.
    let mut drawn: [(&str, Vec<usize>); 3] = [("boxes", Vec::new()), ("corners of lines", Vec::new()), ("SVG bytes", Vec::new())];
    let only = std::env::var("RELPLAY_BENCH_ONLY").unwrap_or_default();
    let wanted = |name: &str| name.contains(only.as_str());
    let mut record = |name: String, column: usize, value: f64| {
        match rows.iter_mut().find(|(n, _)| *n == name) {
            Some((_, values)) => values.push(value),
            None => rows.push((name, vec![value])),
        }
        debug_assert!(rows.iter().all(|(_, v)| v.len() <= column + 1));
    };
    for (column, &count) in sizes.iter().enumerate() {
        let text = shapes_schema(count);
        std::fs::write(out.join(format!("shapes-{count}.prisma")), &text).expect("write schema");
        let analysis = analyze(&text, SourceLanguage::Prisma);
        let errors: Vec<_> = analysis.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).take(3).collect();
        assert!(errors.is_empty(), "the generated schema of {count} models has errors: {errors:?}");
        let runs = if count >= 1000 { 3 } else { 5 };
        let mut stage = |name: String, f: &mut dyn FnMut()| {
            if wanted(&name) {
                record(name, column, median_millis(runs, f));
            }
        };
        stage("read Prisma (parse, lower, validate)".into(), &mut || drop(analyze(&text, SourceLanguage::Prisma)));
        let diagram = layout(&analysis.schema);
        drawn[0].1.push(diagram.boxes.len());
        drawn[1].1.push(diagram.edges.iter().map(|e| e.points.len()).sum());
        drawn[2].1.push(svg::render(&diagram).len());
        stage("layout".into(), &mut || drop(layout(&analysis.schema)));
        stage("SVG".into(), &mut || drop(svg::render(&diagram)));
        for (label, target, reader) in targets() {
            stage(format!("generate {label}"), &mut || drop(generate(&analysis.schema, target)));
            if let Some(language) = reader.filter(|l| *l != SourceLanguage::Prisma) {
                let written = generate(&analysis.schema, target).text;
                stage(format!("read {label}"), &mut || drop(analyze(&written, language)));
            }
        }
        eprintln!("{count} models done");
    }

    let times = rows.iter().map(|(name, values)| {
        let cells = values.iter().map(|value| format!("{value:.1} ms")).collect();
        (name.as_str(), cells, values.last().unwrap() / values.first().unwrap().max(0.01))
    });
    let mut table = markdown_table("stage", &sizes, times);
    let _ = writeln!(
        table,
        "\nGrowth is the largest size's time over the smallest's ({}× the models; linear is ×{}).",
        sizes.last().unwrap() / sizes[0],
        sizes.last().unwrap() / sizes[0]
    );
    // The layout's and the SVG's work follows what they draw, which can grow faster than the
    // models: a line between layers far apart has corners in every layer between.
    let counts = drawn.iter().map(|(name, values)| {
        let cells = values.iter().map(usize::to_string).collect();
        (*name, cells, *values.last().unwrap() as f64 / values[0].max(1) as f64)
    });
    let _ = write!(table, "\nWhat the diagram draws:\n\n{}", markdown_table("", &sizes, counts));
    print!("{table}");
}
