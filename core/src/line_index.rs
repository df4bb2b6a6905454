//! Conversion of byte offsets to line/column and to UTF-16 offsets, for renderers at the edge.

use serde::Serialize;

/// Line starts of one text, for turning byte offsets into positions people and editors use.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Each line's start in UTF-16 code units, so that an offset costs its own line only.
    utf16_line_starts: Vec<usize>,
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut utf16_line_starts = Vec::with_capacity(line_starts.len());
        let mut units = 0;
        for (index, &start) in line_starts.iter().enumerate() {
            utf16_line_starts.push(units);
            let end = line_starts.get(index + 1).copied().unwrap_or(text.len());
            units += utf16_len(&text[start..end]);
        }
        LineIndex { text, line_starts, utf16_line_starts }
    }

    /// The byte offset clamped into the text and moved back onto a character boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    pub fn line_column(&self, offset: usize) -> LineColumn {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count();
        LineColumn { line: line as u32 + 1, column: column as u32 + 1 }
    }

    /// The offset in UTF-16 code units, as JavaScript strings and CodeMirror count.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        self.utf16_line_starts[line] + utf16_len(&self.text[self.line_starts[line]..offset])
    }

    /// The byte offset of a UTF-16 offset (the inverse of [`LineIndex::utf16_offset`]).
    pub fn byte_offset_of_utf16(&self, utf16: usize) -> usize {
        let line = self.utf16_line_starts.partition_point(|&start| start <= utf16) - 1;
        let mut units = self.utf16_line_starts[line];
        for (byte, ch) in self.text[self.line_starts[line]..].char_indices() {
            if units >= utf16 {
                return self.line_starts[line] + byte;
            }
            units += ch.len_utf16();
        }
        self.text.len()
    }

    /// The text of the 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> &'a str {
        let index = (line as usize).saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[index];
        let end = self.line_starts.get(index + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().map(char::len_utf16).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let index = LineIndex::new("ab\ncé\n");
        assert_eq!(index.line_column(0), LineColumn { line: 1, column: 1 });
        assert_eq!(index.line_column(3), LineColumn { line: 2, column: 1 });
        // `é` is two bytes but one column.
        assert_eq!(index.line_column(6), LineColumn { line: 2, column: 3 });
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "a💥b";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_offset(1), 1);
        assert_eq!(index.utf16_offset(5), 3);
        assert_eq!(index.byte_offset_of_utf16(3), 5);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.line_column(1), LineColumn { line: 1, column: 1 });
        assert_eq!(index.utf16_offset(99), 1);
    }

    #[test]
    fn utf16_offsets_agree_with_counting_from_the_start_on_every_line() {
        let text = "model Café {\n  id Int @id // 💥 ok\n}\n\nmodel Ünïcode {\n  x String\n}";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let counted: usize = text[..offset].chars().map(char::len_utf16).sum();
            assert_eq!(index.utf16_offset(offset), counted, "at byte {offset}");
            assert_eq!(index.byte_offset_of_utf16(counted), offset, "at unit {counted}");
        }
    }
}
