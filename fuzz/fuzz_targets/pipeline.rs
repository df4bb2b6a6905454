#![no_main]
//! The whole pipeline: any text in any language (the first byte chooses), then every generator,
//! the layout, the SVG, the editor's hover, Format, and a share link of it that decodes back to the same text.
use libfuzzer_sys::fuzz_target;
use relplay_core::share::{self, SharedPlayground};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let language = relplay_fuzz::language_of(first);
    let analysis = relplay_fuzz::read(text, language);
    relplay_fuzz::generate_everything(&analysis.schema);
    // Format, which lays out the same way twice.
    if let Ok(formatted) = relplay_core::format::format(text, language) {
        assert_eq!(relplay_core::format::format(&formatted, language).as_ref(), Ok(&formatted));
    }
    // The editor's hover, anywhere in the text (and past its end).
    for offset in (0..=text.len() + 1).step_by(text.len() / 8 + 1) {
        let _ = relplay_core::hover::hover_at(&analysis.schema, language, text, offset);
    }
    let playground = SharedPlayground { language, source: text.to_string(), ..SharedPlayground::default() };
    if let Ok(back) = share::decode(&share::encode(&playground)) {
        assert_eq!(back.source, text);
    }
});
