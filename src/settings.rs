//! Page settings read from the query string: embed mode, the panes shown, read-only, theme.
//!
//! `?embed=1&view=editor,diagram,sql&readonly=1&theme=dark` — see README "Embedding".

use crate::interop::browser::query_param;
use crate::panes::OutputTab;

#[derive(Debug, Clone, PartialEq)]
pub struct PageSettings {
    /// Minimal chrome for iframes in other sites.
    pub embed: bool,
    pub show_editor: bool,
    /// The output tabs offered, in order.
    pub tabs: Vec<OutputTab>,
    pub readonly: bool,
}

impl PageSettings {
    pub fn from_query() -> PageSettings {
        let flag = |name: &str| query_param(name).is_some_and(|v| v == "1" || v == "true");
        let embed = flag("embed");
        let view = query_param("view");
        let (show_editor, tabs) = match view.as_deref() {
            Some(list) => {
                let names: Vec<&str> = list.split(',').map(str::trim).collect();
                let tabs: Vec<OutputTab> =
                    OutputTab::all().into_iter().filter(|t| names.iter().any(|n| OutputTab::from_id(n) == Some(*t))).collect();
                // A view list that names no output pane keeps them all rather than show nothing.
                (names.contains(&"editor"), if tabs.is_empty() { OutputTab::all() } else { tabs })
            }
            None => (true, OutputTab::all()),
        };
        PageSettings { embed, show_editor, tabs, readonly: flag("readonly") }
    }

    /// `light`, `dark`, or `auto` (follow the system) from `?theme=`.
    pub fn theme() -> String {
        match query_param("theme").as_deref() {
            Some("light") => "light".into(),
            Some("dark") => "dark".into(),
            _ => "auto".into(),
        }
    }
}
