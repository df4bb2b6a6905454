#![no_main]
//! The SQL reader in each dialect (the first byte chooses), on any text.
use libfuzzer_sys::fuzz_target;
use relplay_core::generate::SqlDialect;
use relplay_core::SourceLanguage;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let dialect = [SqlDialect::Postgresql, SqlDialect::Mysql, SqlDialect::Sqlite][first as usize % 3];
    if let Ok(text) = std::str::from_utf8(rest) {
        let _ = relplay_fuzz::read(text, SourceLanguage::Sql(dialect));
    }
});
