//! Sources of several files in one text.
//!
//! A line `// @filename: user.entity.ts` starts a new file (the convention of the TypeScript
//! playground); it is a comment in every language relplay reads with `//` comments (TypeScript,
//! JavaScript, Prisma), so a joined text is still valid code. The CLI joins the files of a folder
//! this way, the app, share links and the embed API carry the joined text, and diagnostics are
//! reported against the file and line they fall in.

use crate::span::Span;

/// The line that starts a new file in a source of several files.
pub const FILE_MARKER: &str = "// @filename:";

/// One file's place in a source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSection {
    pub path: Option<String>,
    /// The file's code, after its marker line.
    pub span: Span,
    /// The marker line, if the file has one.
    pub marker: Option<Span>,
}

/// Where each file of `text` stands. A text without markers is one file; code before the first
/// marker is a file without a name.
pub fn file_sections(text: &str) -> Vec<FileSection> {
    let mut sections = Vec::new();
    let mut current = FileSection { path: None, span: Span::new(0, 0), marker: None };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(path) = trimmed.strip_prefix(FILE_MARKER) {
            current.span = Span::new(current.span.start(), offset);
            if current.marker.is_some() || !text[current.span.start()..current.span.end()].trim().is_empty() {
                sections.push(current);
            }
            let marker = Span::new(offset, offset + line.trim_end().len());
            current = FileSection { path: Some(path.trim().to_string()), span: Span::new(offset + line.len(), 0), marker: Some(marker) };
        }
        offset += line.len();
    }
    current.span = Span::new(current.span.start(), text.len());
    sections.push(current);
    sections
}

/// The files joined into one text, each after its marker line.
pub fn join_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut text = String::new();
    for (path, code) in files {
        text.push_str(FILE_MARKER);
        text.push(' ');
        text.push_str(path);
        text.push('\n');
        text.push_str(code);
        if !code.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// The named files of a joined text, as `(path, code)`.
pub fn split_files(text: &str) -> Vec<(String, String)> {
    file_sections(text).into_iter().filter_map(|s| Some((s.path?, text[s.span.start()..s.span.end()].to_string()))).collect()
}

/// The file that `offset` falls in.
pub fn file_at(sections: &[FileSection], offset: usize) -> Option<&FileSection> {
    sections.iter().rev().find(|s| s.marker.map_or(s.span.start(), |m| m.start()) <= offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_split_at_their_markers() {
        let text = "// @filename: a.ts\nclass A {}\n// @filename: b.ts\nclass B {}\n";
        let sections = file_sections(text);
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].path.as_deref(), Some("a.ts"));
        assert_eq!(&text[sections[1].span.start()..sections[1].span.end()], "class B {}\n");
        assert_eq!(file_sections("class A {}").len(), 1);
    }

    #[test]
    fn joined_files_split_back() {
        let text = join_files([("a.ts", "class A {}"), ("dir/b.ts", "class B {}\n")]);
        assert_eq!(
            split_files(&text),
            vec![("a.ts".to_string(), "class A {}\n".to_string()), ("dir/b.ts".to_string(), "class B {}\n".to_string())]
        );
        let sections = file_sections(&text);
        assert_eq!(file_at(&sections, text.find("class B").expect("B")).and_then(|s| s.path.as_deref()), Some("dir/b.ts"));
    }
}
