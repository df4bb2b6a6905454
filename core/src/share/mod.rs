//! Share links: a playground's whole state in the URL hash, as `#s=v1.<payload>`.
//!
//! The payload is the [`SharedPlayground`] as compact JSON, compressed with raw deflate and
//! written in URL-safe base64 without padding. Decoding never trusts the link: it checks the
//! version, limits the link's length and the decompressed size (a zip bomb stops at the limit),
//! and reports every failure as a [`ShareError`] with a sentence a person can read.

use crate::dialect::SqlDialect;
use crate::options::{SequelizeStyle, TypeOrmCascade, VibOrmApi};
use crate::syntax::SourceLanguage;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version prefix of links this build writes.
pub const VERSION: &str = "v1";
/// The longest encoded payload accepted (characters after `v1.`).
pub const MAX_ENCODED_LENGTH: usize = 256 * 1024;
/// The largest decompressed payload accepted (bytes).
pub const MAX_DECODED_SIZE: usize = 1024 * 1024;

/// Everything a link restores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SharedPlayground {
    /// The source language.
    #[serde(rename = "l", default)]
    pub language: SourceLanguage,
    /// The schema text.
    #[serde(rename = "s")]
    pub source: String,
    /// The SQL dialect chosen in the SQL pane, when the user chose one.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub sql_dialect: Option<SqlDialect>,
    /// The output pane shown (`diagram`, `prisma`, `sql`, `typeorm`, `sequelize`, `viborm`,
    /// `problems`, `ir`).
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub pane: Option<String>,
    /// Diagram positions the user dragged entities to, by entity name.
    #[serde(rename = "x", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub positions: BTreeMap<String, (f64, f64)>,
    /// The TypeORM pane's cascade choice, when not the default.
    #[serde(rename = "c", default, skip_serializing_if = "is_default")]
    pub typeorm_cascade: TypeOrmCascade,
    /// Whether the TypeORM pane makes to-one relations eager.
    #[serde(rename = "e", default, skip_serializing_if = "is_default")]
    pub typeorm_eager: bool,
    /// The Sequelize pane's model style, when not the default.
    #[serde(rename = "q", default, skip_serializing_if = "is_default")]
    pub sequelize_style: SequelizeStyle,
    /// The VibORM pane's API form, when not the default.
    #[serde(rename = "v", default, skip_serializing_if = "is_default")]
    pub viborm_api: VibOrmApi,
    /// The Prisma chosen (it judges a Prisma source and shapes the Prisma output), when not 7.
    #[serde(rename = "r", default, skip_serializing_if = "is_default")]
    pub prisma: crate::options::PrismaVersion,
    /// The target the "Use it" pane shows recipes in (`typeorm`, `sequelize`…), when not Prisma.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub recipes_target: Option<String>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The text has no `v…` version prefix.
    NotALink,
    /// A version this build does not read.
    UnknownVersion(String),
    TooLong {
        length: usize,
    },
    /// Not URL-safe base64 (a truncated or edited link).
    Corrupted,
    /// Decompresses to more than [`MAX_DECODED_SIZE`].
    TooLarge,
    /// Decompressed, but not a playground.
    NotAPlayground,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "this is not a relplay share link (it should start with #s=v1.)"),
            ShareError::UnknownVersion(v) => {
                write!(f, "this link was made by another version of relplay (format {v}); this one reads {VERSION}")
            }
            ShareError::TooLong { length } => {
                write!(f, "this link is too long to open ({length} characters; the limit is {MAX_ENCODED_LENGTH})")
            }
            ShareError::Corrupted => write!(f, "this link is damaged or cut short: it does not decode"),
            ShareError::TooLarge => write!(f, "this link unpacks to more than {} KiB, which relplay refuses", MAX_DECODED_SIZE / 1024),
            ShareError::NotAPlayground => write!(f, "this link decodes, but not to a relplay playground"),
        }
    }
}

/// The payload for a link: `v1.<base64url(deflate(json))>`.
pub fn encode(playground: &SharedPlayground) -> String {
    let json = serde_json::to_vec(playground).expect("a playground always serialises");
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, 10);
    format!("{VERSION}.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads a payload written by [`encode`].
pub fn decode(payload: &str) -> Result<SharedPlayground, ShareError> {
    decode_with(payload, |json| serde_json::from_str(json).ok())
}

/// Reads a payload written by [`encode`], its JSON read by `read_json` (the app's page has the
/// browser read it, so that its wasm holds no JSON parser); `None` from it: not a playground.
pub fn decode_with(payload: &str, read_json: impl FnOnce(&str) -> Option<SharedPlayground>) -> Result<SharedPlayground, ShareError> {
    let payload = payload.trim();
    let (version, data) = payload.split_once('.').ok_or(ShareError::NotALink)?;
    if !version.starts_with('v') || version.len() > 8 {
        return Err(ShareError::NotALink);
    }
    if version != VERSION {
        return Err(ShareError::UnknownVersion(version.to_string()));
    }
    if data.len() > MAX_ENCODED_LENGTH {
        return Err(ShareError::TooLong { length: data.len() });
    }
    let compressed = URL_SAFE_NO_PAD.decode(data).map_err(|_| ShareError::Corrupted)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_DECODED_SIZE).map_err(|error| match error.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        _ => ShareError::Corrupted,
    })?;
    let json = std::str::from_utf8(&json).map_err(|_| ShareError::NotAPlayground)?;
    read_json(json).ok_or(ShareError::NotAPlayground)
}

/// The payload in a URL hash such as `#s=v1.…` (other hash parameters are ignored), if any.
pub fn payload_from_hash(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#').split('&').find_map(|part| part.strip_prefix("s="))
}

/// A full link: `base` (the app's address) with the payload in its hash.
pub fn link(base: &str, playground: &SharedPlayground) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#s={}", encode(playground))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SharedPlayground {
        SharedPlayground {
            language: SourceLanguage::Prisma,
            source: "model A {\n  id Int @id\n}\n// ünïcødé 💥 <script>alert(1)</script>\n".into(),
            sql_dialect: Some(SqlDialect::Mysql),
            pane: Some("sql".into()),
            positions: BTreeMap::from([("A".to_string(), (10.5, -3.0))]),
            typeorm_cascade: TypeOrmCascade::Persist,
            typeorm_eager: true,
            sequelize_style: SequelizeStyle::Class,
            viborm_api: VibOrmApi::ConfigFirst,
            prisma: crate::options::PrismaVersion::Six,
            recipes_target: Some("sequelize".into()),
        }
    }

    #[test]
    fn a_playground_survives_the_round_trip() {
        let encoded = encode(&sample());
        assert!(encoded.starts_with("v1."));
        assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{encoded}");
        assert_eq!(decode(&encoded), Ok(sample()));
    }

    #[test]
    fn hostile_payloads_are_refused_with_a_reason() {
        assert_eq!(decode("hello"), Err(ShareError::NotALink));
        assert_eq!(decode("v9.abc"), Err(ShareError::UnknownVersion("v9".into())));
        assert_eq!(decode("v1.%%%"), Err(ShareError::Corrupted));
        let truncated = encode(&sample());
        assert_eq!(decode(&truncated[..truncated.len() / 2]), Err(ShareError::Corrupted));
        let not_json = format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"[1,2,3]", 6)));
        assert_eq!(decode(&not_json), Err(ShareError::NotAPlayground));
        let long = format!("v1.{}", "A".repeat(MAX_ENCODED_LENGTH + 1));
        assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
    }

    #[test]
    fn a_zip_bomb_stops_at_the_size_limit() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 64 * 1024 * 1024], 10);
        let payload = format!("v1.{}", URL_SAFE_NO_PAD.encode(&bomb));
        assert!(payload.len() < MAX_ENCODED_LENGTH, "the bomb link is {} long", payload.len());
        assert_eq!(decode(&payload), Err(ShareError::TooLarge));
    }

    #[test]
    fn the_payload_is_found_among_hash_parameters() {
        assert_eq!(payload_from_hash("#s=v1.abc"), Some("v1.abc"));
        assert_eq!(payload_from_hash("#x=1&s=v1.abc"), Some("v1.abc"));
        assert_eq!(payload_from_hash("#nothing"), None);
        assert!(link("http://127.0.0.1:8080/?embed=1#old", &sample()).starts_with("http://127.0.0.1:8080/?embed=1#s=v1."));
    }
}
