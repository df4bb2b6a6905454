//! The example schemas offered in the app's Examples menu: the relation shapes people ask about.
//! They live as files in `examples/` at the repository root and are also test fixtures.

/// One example: a stable id (used in URLs and tests), a menu title and the Prisma source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub source: &'static str,
}

/// Every example, in menu order. The first is the one the app opens with.
pub const EXAMPLES: &[Example] = &[
    Example { id: "user-profile", title: "1:1 User–Profile (FK on Profile)", source: include_str!("../../examples/user-profile.prisma") },
    Example {
        id: "fk-on-other-side",
        title: "1:1 with the FK on the other side",
        source: include_str!("../../examples/fk-on-other-side.prisma"),
    },
    Example { id: "unidirectional", title: "Unidirectional relation", source: include_str!("../../examples/unidirectional.prisma") },
    Example { id: "self-relation", title: "Self-relations (mentor, manager)", source: include_str!("../../examples/self-relation.prisma") },
    Example { id: "composite-keys", title: "Composite keys", source: include_str!("../../examples/composite-keys.prisma") },
    Example {
        id: "one-to-one-unique-field",
        title: "1:1 on a non-id unique field",
        source: include_str!("../../examples/one-to-one-unique-field.prisma"),
    },
    Example { id: "one-to-many", title: "1:N User–Post", source: include_str!("../../examples/one-to-many.prisma") },
    Example {
        id: "many-to-many-implicit",
        title: "M:N implicit (Post–Tag)",
        source: include_str!("../../examples/many-to-many-implicit.prisma"),
    },
    Example {
        id: "many-to-many-explicit",
        title: "M:N with a join model (Enrollment)",
        source: include_str!("../../examples/many-to-many-explicit.prisma"),
    },
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
