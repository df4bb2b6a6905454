//! Parsers, one per source language. Each turns text into a syntax tree plus diagnostics and never
//! fails: whatever it could not understand becomes a diagnostic with a span, and parsing goes on.

pub mod prisma;

use serde::{Deserialize, Serialize};

/// The languages a schema can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceLanguage {
    /// The Prisma schema language (`.prisma`).
    #[default]
    Prisma,
}

impl SourceLanguage {
    /// The language named by a file's extension, if relplay reads it.
    pub fn from_path(path: &str) -> Option<SourceLanguage> {
        let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase())?;
        SourceLanguage::from_name(&extension)
    }

    /// The language named on a command line (`prisma`).
    pub fn from_name(name: &str) -> Option<SourceLanguage> {
        match name.to_ascii_lowercase().as_str() {
            "prisma" => Some(SourceLanguage::Prisma),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SourceLanguage::Prisma => "prisma",
        }
    }
}
