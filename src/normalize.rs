//! Normalization (chuẩn hóa): NFC, tone-mark placement, whitespace, punctuation, look-alikes,
//! folding, with a map back to the original byte offsets.
//!
//! SKELETON: returns the input unchanged; the real normalizer lands with issue #2.

use std::borrow::Cow;
use std::ops::Range;

/// Where the tone mark goes in the open rhymes `oa`, `oe`, `uy` (quy tắc đặt dấu thanh).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ToneStyle {
    /// Kiểu cũ: `hòa, thủy, khỏe` (the default; government portals write this way).
    #[default]
    Traditional,
    /// Kiểu mới: `hoà, thuỷ, khoẻ` (tone on the main vowel).
    Modern,
    /// Leave tone marks where they are.
    Preserve,
}

/// Normalization options; build one with [`Normalizer::new`] and its setters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalizer {
    tone_style: ToneStyle,
    whitespace: bool,
    punctuation: bool,
    lookalikes: bool,
    lowercase: bool,
    fold: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

impl Normalizer {
    /// The default normalizer: NFC, traditional tone placement, whitespace, punctuation and
    /// look-alike fixes; no lowercasing or folding.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new();
    /// assert_eq!(n.normalize("Sìn Hồ").text, "Sìn Hồ");
    /// ```
    pub fn new() -> Self {
        Normalizer {
            tone_style: ToneStyle::Traditional,
            whitespace: true,
            punctuation: true,
            lookalikes: true,
            lowercase: false,
            fold: false,
        }
    }

    /// Sets the tone style.
    ///
    /// ```
    /// use vntext::normalize::{Normalizer, ToneStyle};
    /// let n = Normalizer::new().tone_style(ToneStyle::Modern);
    /// # let _ = n;
    /// ```
    pub fn tone_style(mut self, style: ToneStyle) -> Self {
        self.tone_style = style;
        self
    }

    /// Whitespace fixes on or off.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().whitespace(false);
    /// # let _ = n;
    /// ```
    pub fn whitespace(mut self, yes: bool) -> Self {
        self.whitespace = yes;
        self
    }

    /// Punctuation fixes on or off.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().punctuation(false);
    /// # let _ = n;
    /// ```
    pub fn punctuation(mut self, yes: bool) -> Self {
        self.punctuation = yes;
        self
    }

    /// Look-alike fixes (Ð U+00D0 → Đ) on or off.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().lookalikes(false);
    /// # let _ = n;
    /// ```
    pub fn lookalikes(mut self, yes: bool) -> Self {
        self.lookalikes = yes;
        self
    }

    /// Lowercasing on or off.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().lowercase(true);
    /// # let _ = n;
    /// ```
    pub fn lowercase(mut self, yes: bool) -> Self {
        self.lowercase = yes;
        self
    }

    /// Diacritic folding for search (`Đặng` → `Dang`) on or off.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().fold(true);
    /// # let _ = n;
    /// ```
    pub fn fold(mut self, yes: bool) -> Self {
        self.fold = yes;
        self
    }

    /// Normalizes `text`.
    ///
    /// ```
    /// let out = vntext::normalize::Normalizer::new().normalize("Hà Nội");
    /// assert_eq!(out.text, "Hà Nội");
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        Normalized {
            text: Cow::Borrowed(text),
            offsets: OffsetMap::identity(text.len()),
        }
    }
}

/// Normalizes with the default [`Normalizer`].
///
/// ```
/// assert_eq!(vntext::normalize::normalize("Hà Nội").text, "Hà Nội");
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    Normalizer::new().normalize(text)
}

/// Normalized text and the map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// The normalized text; `Cow::Borrowed` when nothing changed.
    pub text: Cow<'a, str>,
    /// Maps byte ranges of `text` back to the original input.
    pub offsets: OffsetMap,
}

impl Normalized<'_> {
    /// Maps a byte range of the normalized text back to the original input.
    ///
    /// ```
    /// let n = vntext::normalize::normalize("Hà Nội");
    /// assert_eq!(n.to_original(0..3), 0..3);
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.offsets.to_original(range)
    }
}

/// A map from byte offsets of a normalized text to byte offsets of its original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    /// Length of the original text.
    original_len: usize,
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    ///
    /// ```
    /// let m = vntext::normalize::OffsetMap::identity(10);
    /// assert_eq!(m.to_original(2..5), 2..5);
    /// ```
    pub fn identity(len: usize) -> Self {
        OffsetMap { original_len: len }
    }

    /// Maps a range of the normalized text to the smallest range of the original that produced it.
    ///
    /// ```
    /// let m = vntext::normalize::OffsetMap::identity(4);
    /// assert_eq!(m.to_original(1..9), 1..4);
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        range.start.min(self.original_len)..range.end.min(self.original_len)
    }
}
