//! The only module that talks to JavaScript: the CodeMirror bundle (`js/editor.js`, exposed as
//! `window.relplayEditor`), the browser services of `js/browser.js` (`window.relplayBrowser`) and the
//! ORM code readers' module of `js/readers.js` (`window.relplayReaders`).

pub mod bench;
pub mod browser;
pub mod diagram;
mod editor;
pub mod readers;

pub use editor::{copy_to_clipboard, download, CodeView};
