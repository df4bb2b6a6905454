#![no_main]
//! The prisma reader and its lowering, on any text.
use libfuzzer_sys::fuzz_target;
use relplay_core::SourceLanguage;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = relplay_fuzz::read(text, SourceLanguage::Prisma);
    }
});
