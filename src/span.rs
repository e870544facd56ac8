//! Byte spans (khoảng byte) into the caller's input.

/// A half-open byte range `start..end` into a text, always on char boundaries.
///
/// ```
/// use vntext::Span;
/// let text = "Sìn Hồ";
/// let span = Span::new(0, 4);
/// assert_eq!(span.slice(text), "Sìn");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span; `start <= end` is the caller's promise.
    ///
    /// ```
    /// assert_eq!(vntext::Span::new(2, 5).len(), 3);
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(vntext::Span::new(2, 5).len(), 3);
    /// ```
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    ///
    /// ```
    /// assert!(vntext::Span::new(4, 4).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether two spans share at least one byte.
    ///
    /// ```
    /// use vntext::Span;
    /// assert!(Span::new(0, 4).overlaps(Span::new(3, 6)));
    /// assert!(!Span::new(0, 4).overlaps(Span::new(4, 6)));
    /// ```
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text of the span, or `""` if the span does not fit `text` on char boundaries.
    ///
    /// ```
    /// assert_eq!(vntext::Span::new(0, 2).slice("Đà"), "Đ");
    /// ```
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
