//! The core as the app runs it for SQL DDL (sqlparser) and ORM code (oxc_parser with the TypeORM,
//! Sequelize and VibORM lowerings), together more than half of a wasm build of the core. A
//! visitor who writes Prisma never needs them, so the app's worker loads this module
//! (`static/modules/`, built by `scripts/build-modules.sh`) the first time one of those languages
//! is read, and asks it every request from then on. It is the writers' module (`writers/`) built
//! with the readers: the same [`answer`], which here reads every language.

pub use relplay_writers::answer;

#[cfg(test)]
mod tests {
    use relplay_core::generate::Target;
    use relplay_core::service::{Reply, Request, ViewReply, ViewRequest};

    fn request(language: &str, source: &str) -> String {
        let language = relplay_core::SourceLanguage::from_name(language).expect("a language");
        let views = vec![ViewRequest::Output { target: Target::Prisma(Default::default()) }];
        serde_json::to_string(&Request { id: 1, language, source: source.into(), prisma: Default::default(), views }).unwrap()
    }

    #[test]
    fn reads_typeorm_and_writes_it_as_prisma() {
        let text = "import { Entity, PrimaryGeneratedColumn, ManyToOne } from \"typeorm\";\n@Entity()\nexport class User {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @ManyToOne(() => User)\n  manager: User;\n}\n";
        let reply: Reply = serde_json::from_str(&super::answer(&request("typeorm", text), None).unwrap()).expect("a reply");
        assert_eq!(reply.reading.unwrap().outline.entities[0].name, "User");
        assert!(matches!(&reply.views[0], ViewReply::Output { text, .. } if text.contains("model User {")), "{:?}", reply.views);
    }

    #[test]
    fn reads_sql_too() {
        let reply: Reply =
            serde_json::from_str(&super::answer(&request("sql:postgresql", "CREATE TABLE a (id INT PRIMARY KEY);"), None).unwrap())
                .unwrap();
        assert_eq!(reply.reading.unwrap().outline.entities[0].name, "a");
    }
}
