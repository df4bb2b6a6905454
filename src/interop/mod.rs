//! The only module that talks to JavaScript: the CodeMirror bundle (`js/editor.js`, exposed as
//! `window.relplayEditor`) and browser services it wraps (clipboard, downloads).

mod editor;

pub use editor::{copy_to_clipboard, download, CodeView, EditorLanguage};
