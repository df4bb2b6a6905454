//! The page's parts. They show what the core computed; none of them knows schema rules.

mod output_panel;
mod problems;
mod source_editor;

pub use output_panel::OutputPanel;
pub use source_editor::SourceEditor;
