//! The only module that talks to JavaScript: the CodeMirror bundle (`js/editor.js`, exposed as
//! `window.relplayEditor`), the browser services of `js/browser.js` (`window.relplayBrowser`) and the
//! core worker of `js/core-client.js` (`window.relplayCore`).

pub mod browser;
pub mod core;
pub mod diagram;
mod editor;

pub use editor::{copy_to_clipboard, download, load_rule_docs, CodeView, EditorEvents, HoverAnswer, RuleSummary};
