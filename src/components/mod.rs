//! The page's parts. They show what the core computed; none of them knows schema rules.

mod diagram_view;
mod embed_bar;
mod notice;
mod output_panel;
mod problems;
mod share_dialog;
mod source_editor;

pub use embed_bar::EmbedBar;
pub use notice::NoticeBar;
pub use output_panel::OutputPanel;
pub use share_dialog::ShareDialog;
pub use source_editor::SourceEditor;
