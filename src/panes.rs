//! The panes of the output panel: the diagram, one per target of the core's registry, the
//! recipes ("Use it") and the problems. Their ids are the registry's (the `view=` list, share links, `data-tab`).

use relplay_core::registry::{TargetId, TARGETS};

/// One pane of the output panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputTab {
    Diagram,
    /// A target's generated code (or the IR, for the JSON target).
    Target(TargetId),
    /// How to use the selected relation in a chosen ORM or SQL: the core's recipes.
    Recipes,
    Problems,
}

impl OutputTab {
    /// Every pane in tab order: the diagram, the targets' code, the recipes, the problems, and
    /// last the IR, which is for looking under the hood.
    pub fn all() -> Vec<OutputTab> {
        let code = TARGETS.iter().filter(|t| t.target != TargetId::Json).map(|t| OutputTab::Target(t.target));
        std::iter::once(OutputTab::Diagram)
            .chain(code)
            .chain([OutputTab::Recipes, OutputTab::Problems, OutputTab::Target(TargetId::Json)])
            .collect()
    }

    pub fn label(self) -> &'static str {
        match self {
            OutputTab::Diagram => "Diagram",
            OutputTab::Target(target) => target.info().label,
            OutputTab::Recipes => "Use it",
            OutputTab::Problems => "Problems",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            OutputTab::Diagram => "diagram",
            OutputTab::Target(target) => target.info().id,
            OutputTab::Recipes => "recipes",
            OutputTab::Problems => "problems",
        }
    }

    /// The pane spelled `id`, or by an id earlier versions used (`ir` for the IR).
    pub fn from_id(id: &str) -> Option<OutputTab> {
        match id {
            "diagram" => Some(OutputTab::Diagram),
            "problems" => Some(OutputTab::Problems),
            "recipes" => Some(OutputTab::Recipes),
            other => TargetId::from_id(other).map(OutputTab::Target),
        }
    }
}
