//! The only module that talks to JavaScript: the CodeMirror bundle (`js/editor.js`, exposed as
//! `window.relplayEditor`) and the browser services of `js/browser.js` (`window.relplayBrowser`).

pub mod bench;
pub mod browser;
pub mod diagram;
mod editor;

pub use editor::{copy_to_clipboard, download, CodeView};
