//! What the integration tests share: the real-world corpus (`tests/corpus` at the repository's
//! root, or the folder `RELPLAY_CORPUS` names), read as the CLI reads it.
#![allow(dead_code)] // each test file uses a part

use relplay_core::generate::SqlDialect;
use relplay_core::SourceLanguage;
use std::path::{Path, PathBuf};

/// The core crate's folder.
pub fn core_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus: `RELPLAY_CORPUS`, else the repository's `tests/corpus`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("RELPLAY_CORPUS").map(PathBuf::from).unwrap_or_else(|| core_root().join("../tests/corpus"))
}

/// One schema of the corpus: a file, or a folder of Prisma files joined as the CLI joins them.
pub struct CorpusSchema {
    /// The file or folder name without `.prisma`/`.sql`.
    pub name: String,
    pub text: String,
    pub language: SourceLanguage,
}

impl CorpusSchema {
    /// A Prisma schema whose datasource is MongoDB: no SQL database holds it.
    pub fn is_mongodb(&self) -> bool {
        self.language == SourceLanguage::Prisma && self.text.contains("\"mongodb\"")
    }
}

/// The entries of `dir` in name order.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {} (set RELPLAY_CORPUS to the corpus folder): {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    paths.sort();
    paths
}

/// The `.prisma` files under `dir`, at any depth, as (path relative to `dir`, text).
fn prisma_files_under(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for path in entries(dir) {
        if path.is_dir() {
            let prefix = path.file_name().unwrap().to_string_lossy().to_string();
            files.extend(prisma_files_under(&path).into_iter().map(|(p, t)| (format!("{prefix}/{p}"), t)));
        } else if path.extension().is_some_and(|e| e == "prisma") {
            files.push((path.file_name().unwrap().to_string_lossy().to_string(), read(&path)));
        }
    }
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The corpus's Prisma schemas: each `.prisma` file, and each folder as one multi-file schema.
pub fn prisma_schemas() -> Vec<CorpusSchema> {
    entries(&corpus_dir().join("prisma"))
        .into_iter()
        .filter_map(|path| {
            let name = path.file_stem()?.to_string_lossy().to_string();
            let text = if path.is_dir() {
                let files = prisma_files_under(&path);
                relplay_core::syntax::files::join_files(files.iter().map(|(p, t)| (p.as_str(), t.as_str())))
            } else if path.extension().is_some_and(|e| e == "prisma") {
                read(&path)
            } else {
                return None;
            };
            Some(CorpusSchema { name, text, language: SourceLanguage::Prisma })
        })
        .collect()
}

/// The dialect a corpus SQL file is written in, from its name (`…-mysql.sql`, `…-sqlite.sql`,
/// else PostgreSQL).
pub fn sql_dialect_of(name: &str) -> SqlDialect {
    if name.contains("mysql") {
        SqlDialect::Mysql
    } else if name.contains("sqlite") {
        SqlDialect::Sqlite
    } else {
        SqlDialect::Postgresql
    }
}

/// The corpus's SQL files, each read in the dialect its name gives.
pub fn sql_schemas() -> Vec<CorpusSchema> {
    entries(&corpus_dir().join("sql"))
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let language = SourceLanguage::Sql(sql_dialect_of(&name));
            CorpusSchema { name, text: read(&path), language }
        })
        .collect()
}
