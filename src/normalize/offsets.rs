//! The offset map (bảng ánh xạ vị trí) from normalized text back to the original, and the lazy
//! output buffer that builds both.
//!
//! Technique of lindera's character filters and charabia: only edit points are recorded, as
//! `(output range, original range)` pairs; between edits the two texts are byte-identical, so an
//! offset there maps by a constant shift. Lookup is a binary search.

use std::borrow::Cow;
use std::ops::Range;

/// One replacement: `original[orig_start..orig_end]` became `output[out_start..out_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    out_start: usize,
    out_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// A map from byte offsets of a normalized text to byte offsets of its original.
///
/// Only the edit points are stored (none at all for unchanged text), so the map costs nothing
/// for clean input and a few words per fix otherwise.
///
/// ```
/// use vntext::normalize::normalize;
/// let original = "Qúy\u{00A0}Hòa";
/// let n = normalize(original);
/// assert_eq!(n.text, "Quý Hòa");
/// let r = n.to_original(5..9); // "Hòa" in the output
/// assert_eq!(&original[r], "Hòa");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    edits: Vec<Edit>,
    original_len: usize,
    output_len: usize,
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    ///
    /// ```
    /// let m = vntext::normalize::OffsetMap::identity(10);
    /// assert_eq!(m.to_original(2..5), 2..5);
    /// ```
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            edits: Vec::new(),
            original_len: len,
            output_len: len,
        }
    }

    /// Whether the map is the identity (the text was not changed, or changed only by
    /// same-length, char-for-char substitutions such as `Ð` → `Đ`).
    ///
    /// ```
    /// assert!(vntext::normalize::OffsetMap::identity(3).is_identity());
    /// assert!(!vntext::normalize::normalize("a\t\tb").offsets.is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty() && self.original_len == self.output_len
    }

    /// Length in bytes of the original text.
    ///
    /// ```
    /// assert_eq!(vntext::normalize::normalize("a  b").offsets.original_len(), 4);
    /// ```
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Maps a range of the normalized text to the smallest range of the original that produced
    /// it. A boundary inside a replaced piece widens to the whole piece; text removed at the
    /// edges of the range (a zero-width space before a word) is left out, except at the two
    /// ends of the text: offset 0 maps to 0 and the output length to the original length, so
    /// the whole output maps to the whole input. Offsets past the end are clamped. For a range
    /// on char boundaries of the output, the result is on char boundaries of the original, and
    /// `start <= end`; the map is monotone.
    ///
    /// ```
    /// let m = vntext::normalize::OffsetMap::identity(4);
    /// assert_eq!(m.to_original(1..9), 1..4);
    /// let original = "Về  \u{200B}Hà Nội";
    /// let n = vntext::normalize::normalize(original);
    /// assert_eq!(n.text, "Về Hà Nội");
    /// assert_eq!(&original[n.to_original(5..8)], "Hà");
    /// assert_eq!(n.to_original(0..n.text.len()), 0..original.len());
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let s = range.start.min(self.output_len);
        let e = range.end.min(self.output_len).max(s);
        // The ends of the text map to the ends of the original (removed leading or trailing
        // characters belong to the whole text).
        let start = if s == 0 { 0 } else { self.map_start(s) };
        let end = if e == self.output_len {
            self.original_len
        } else {
            self.map_end(e)
        };
        start..end.max(start)
    }

    /// Maps an output offset taken as the start of a range.
    fn map_start(&self, x: usize) -> usize {
        // Inside an edit's output: the edit's original start.
        let i = self.edits.partition_point(|e| e.out_start < x);
        if i > 0 {
            let e = &self.edits[i - 1];
            if x < e.out_end {
                return e.orig_start;
            }
        }
        // Otherwise after the last edit ending at or before x.
        let j = self.edits.partition_point(|e| e.out_end <= x);
        match j.checked_sub(1).map(|k| &self.edits[k]) {
            Some(e) => e.orig_end + (x - e.out_end),
            None => x,
        }
    }

    /// Maps an output offset taken as the end of a range.
    fn map_end(&self, x: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out_start < x);
        if i > 0 {
            let e = &self.edits[i - 1];
            if x < e.out_end {
                return e.orig_end;
            }
        }
        // Otherwise before the first edit starting at or after x.
        match self.edits.get(i) {
            Some(e) => e.orig_start - (e.out_start - x),
            None => self.original_len - (self.output_len - x),
        }
    }
}

/// Lazily built output: borrowed until the first change, then an owned copy plus the edits.
pub(crate) struct Out<'a> {
    src: &'a str,
    buf: Option<String>,
    /// Original bytes before this offset are already in `buf`.
    copied: usize,
    edits: Vec<Edit>,
}

impl<'a> Out<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Out {
            src,
            buf: None,
            copied: 0,
            edits: Vec::new(),
        }
    }

    /// Replaces `src[start..end]` (char boundaries, `start >= ` the end of the previous
    /// replacement) by `with`.
    pub(crate) fn replace(&mut self, start: usize, end: usize, with: &str) {
        let src = self.src;
        let buf = self
            .buf
            .get_or_insert_with(|| String::with_capacity(src.len() + 16));
        buf.push_str(&src[self.copied..start]);
        let out_start = buf.len();
        buf.push_str(with);
        self.copied = end;
        // Char-for-char substitutions of equal UTF-8 lengths keep every offset: no record.
        let old = &src[start..end];
        let same_shape = old.len() == with.len()
            && old
                .chars()
                .map(char::len_utf8)
                .eq(with.chars().map(char::len_utf8));
        if !same_shape {
            self.edits.push(Edit {
                out_start,
                out_end: buf.len(),
                orig_start: start,
                orig_end: end,
            });
        }
    }

    pub(crate) fn finish(mut self) -> (Cow<'a, str>, OffsetMap) {
        match self.buf.take() {
            None => (Cow::Borrowed(self.src), OffsetMap::identity(self.src.len())),
            Some(mut buf) => {
                buf.push_str(&self.src[self.copied..]);
                let map = OffsetMap {
                    edits: self.edits,
                    original_len: self.src.len(),
                    output_len: buf.len(),
                };
                (Cow::Owned(buf), map)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_and_replacement_at_one_point() {
        // "a" ZWSP "hoà b": delete the ZWSP [1,4), replace "hoà" [4,8) by "hòa".
        let src = "a\u{200B}hoà b";
        let mut o = Out::new(src);
        o.replace(1, 4, "");
        o.replace(4, 8, "hòa");
        let (text, map) = o.finish();
        assert_eq!(text, "ahòa b");
        // The word "hòa" maps to "hoà" without the zero-width space.
        assert_eq!(map.to_original(1..5), 4..8);
        // "a" maps to "a" without the zero-width space.
        assert_eq!(map.to_original(0..1), 0..1);
        assert_eq!(map.to_original(0..text.len()), 0..src.len());
        // A boundary inside the replaced word widens to the whole word.
        assert_eq!(map.to_original(1..2), 4..8);
        assert_eq!(map.to_original(5..6), 8..9);
        // An empty range at the deletion point.
        assert_eq!(map.to_original(1..1), 4..4);
    }

    #[test]
    fn identity_when_unchanged() {
        let (text, map) = Out::new("abc").finish();
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(map, OffsetMap::identity(3));
    }
}
