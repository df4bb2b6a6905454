#![no_main]
//! The share-link decoder on any payload: an error or a playground, never a panic or a hang.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(payload) = std::str::from_utf8(data) {
        let _ = relplay_core::share::decode(payload);
        let _ = relplay_core::share::payload_from_hash(payload);
    }
});
