//! Format document: a source rewritten in its language's own layout, with nothing added, dropped
//! or reordered beyond what that layout prescribes. Only Prisma has one (`prisma format`, which
//! Prisma's editor extension runs); [`format`] follows it to the character ([`prisma`]).
//!
//! Formatting refuses rather than guesses: a source with syntax errors, or a construct the
//! layout has no rule for, is returned with the reason, and the text stays as the user wrote it.

pub mod prisma;

use crate::SourceLanguage;

/// Why a source was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatRefusal(pub String);

/// `text` in its language's layout, or why it cannot be laid out.
pub fn format(text: &str, language: SourceLanguage) -> Result<String, FormatRefusal> {
    match language {
        SourceLanguage::Prisma => prisma::format(text),
        other => Err(FormatRefusal(format!("Format is for Prisma schemas; {} is left as written.", other.info().label))),
    }
}
