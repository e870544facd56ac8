//! Decoding bytes into text (giải mã): UTF-8 and the legacy Vietnamese encodings (bảng mã cũ).
//!
//! Vietnamese documents from before Unicode arrive in font encodings: TCVN3 (ABC, `.VnTime`),
//! VNI-Windows (`VNI-Times`), VISCII, Windows-1258; newer ones sometimes as UTF-8 that was read as
//! Windows-1252 and saved again ("Viá»‡t"). [`decode`] detects which one by decoding a bounded sample
//! (the first 16 KB) in every candidate encoding and scoring how many words come out as valid
//! Vietnamese syllables ([`crate::syllable::is_valid`] plus a syllable-shape check), then decodes the
//! whole input with the winner and checks that the rest decodes sanely too. Clean UTF-8 is returned
//! borrowed, untouched. VIQR (`Vie^.t Nam`) is only converted on request ([`viqr_to_unicode`],
//! [`decode_as`] with [`Encoding::Viqr`]).
//!
//! ```
//! use vntext::decode::{decode, Encoding};
//! // "Việt Nam" in TCVN3: Windows-1252 shows it as "ViÖt Nam".
//! let d = decode(b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam").unwrap();
//! assert_eq!(d.text, "Cộng hòa xã hội chủ nghĩa Việt Nam");
//! assert_eq!(d.encoding, Encoding::Tcvn3);
//! ```
//!
//! UTF-16 is read when a byte-order mark announces it. [`decode`] is strict: any invalid
//! sequence is an error. A lenient [`Decoder`] (what [`Analyzer::analyze_bytes`] uses by
//! default) reads mostly valid UTF-8 — a stray byte, a cut character — with U+FFFD for each bad
//! sequence and lists them in [`Decoded::replaced`]; [`Decoded::input_offset`] maps offsets of
//! such text back to the input bytes. [`Decoder`] explains how damaged UTF-8 is told from a
//! legacy encoding.
//!
//! ```
//! use vntext::decode::{Decoder, Encoding};
//! let d = Decoder::new().decode(b"H\xc3\xa0 N\xe1\xbb\x99i \x80 S\xc3\xacn H\xe1\xbb\x93").unwrap();
//! assert_eq!((d.text.as_ref(), d.encoding), ("Hà Nội \u{FFFD} Sìn Hồ", Encoding::Utf8));
//! assert_eq!(d.replaced.offsets, [10]);
//! ```
//!
//! [`detect`] lists every candidate with its score; [`encode`] writes text back in any of these
//! encodings (for tests, or for old software).
//!
//! [`Analyzer::analyze_bytes`]: crate::Analyzer::analyze_bytes
//!
//! Tables: `data/encodings/*.tsv` (glibc charmaps TCVN5712-1, VISCII, CP1258, CP1252; the VNI letter
//! map), embedded and parsed once.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};

mod legacy;
mod mojibake;
mod score;
mod tables;
mod unicode;
mod viqr;

pub use viqr::viqr_to_unicode;

/// A character encoding a Vietnamese document may arrive in (bảng mã). Reports print it by its
/// [name](Encoding::name) (`"utf-8"`, `"tcvn3"`…), and it compares equal to that name.
///
/// ```
/// use vntext::decode::Encoding;
/// assert_eq!(Encoding::from_name("abc").unwrap(), Encoding::Tcvn3);
/// assert_eq!(Encoding::Tcvn3, "tcvn3");
/// assert_eq!(Encoding::Vni.to_string(), "vni");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (Unicode dựng sẵn or tổ hợp), with or without BOM.
    #[default]
    Utf8,
    /// TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime).
    Tcvn3,
    /// VNI-Windows (VNI-Times).
    Vni,
    /// VISCII (RFC 1456).
    Viscii,
    /// Windows-1258 with combining tone marks.
    Windows1258,
    /// UTF-8 that was decoded as Windows-1252 and saved again as UTF-8 ("Viá»‡t").
    Utf8Mojibake,
    /// VIQR, the ASCII convention ("Vie^.t Nam").
    Viqr,
    /// UTF-16, little-endian; detected by its byte-order mark (`FF FE`).
    Utf16Le,
    /// UTF-16, big-endian; detected by its byte-order mark (`FE FF`).
    Utf16Be,
}

impl Encoding {
    /// The legacy 8-bit encodings [`decode`] tries on bytes that are not UTF-8.
    ///
    /// ```
    /// assert_eq!(vntext::decode::Encoding::LEGACY.len(), 4);
    /// ```
    pub const LEGACY: [Encoding; 4] = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Windows1258,
    ];

    /// The name used in reports and on the command line.
    ///
    /// ```
    /// use vntext::decode::Encoding;
    /// assert_eq!(Encoding::Tcvn3.name(), "tcvn3");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viscii => "viscii",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Utf8Mojibake => "utf-8-mojibake",
            Encoding::Viqr => "viqr",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }

    /// Parses a name as printed by [`Encoding::name`] (case-insensitive, a few aliases).
    ///
    /// # Errors
    /// [`ErrorKind::UnknownEncodingName`] for any other name.
    ///
    /// ```
    /// use vntext::decode::Encoding;
    /// assert_eq!(Encoding::from_name("VNI").unwrap(), Encoding::Vni);
    /// assert!(Encoding::from_name("latin-9").is_err());
    /// ```
    pub fn from_name(name: &str) -> Result<Encoding, Error> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        Ok(match n.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "tcvn3" | "tcvn" | "abc" | "vn3" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "viscii" => Encoding::Viscii,
            "windows-1258" | "cp1258" => Encoding::Windows1258,
            "utf-8-mojibake" | "mojibake" | "windows-1252" | "cp1252" => Encoding::Utf8Mojibake,
            "viqr" => Encoding::Viqr,
            "utf-16le" | "utf16le" | "utf-16" | "utf16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            _ => return Err(Error::new(ErrorKind::UnknownEncodingName(name.to_string()))),
        })
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<str> for Encoding {
    fn eq(&self, other: &str) -> bool {
        self.name() == other
    }
}

impl PartialEq<&str> for Encoding {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Encoding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Encoding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Encoding::from_name(&name).map_err(serde::de::Error::custom)
    }
}

/// Decoded text with the encoding that was detected (or forced), a confidence in `0.0..=1.0`,
/// and the invalid sequences that were replaced by U+FFFD (none unless decoding was lenient).
///
/// ```
/// let d = vntext::decode::decode(b"Ha Noi").unwrap();
/// assert!(matches!(d.text, std::borrow::Cow::Borrowed("Ha Noi")));
/// assert_eq!(d.confidence, 1.0);
/// assert_eq!(d.replaced.count, 0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The text; borrowed from the input when it was already UTF-8 (BOM stripped).
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
    /// How sure the detection is: the share of decoded words (those holding a non-ASCII letter, in
    /// the first 16 KB) that are valid Vietnamese syllables, counting characters out of place as
    /// failures and one extra failure as a prior, so a lone word gives 0.5 (1.0 for clean UTF-8,
    /// and for a forced encoding). [`decode`] accepts a legacy encoding from 0.6. For UTF-8 read
    /// leniently with invalid sequences, the share of non-ASCII characters that were valid.
    pub confidence: f64,
    /// Invalid sequences replaced by U+FFFD, with their byte offsets in the input.
    pub replaced: Replacements,
    /// Offsets of `text` back to the input bytes: present when `text` is the input's UTF-8
    /// (after a byte-order mark, with U+FFFD for invalid sequences).
    map: Option<InputMap>,
}

impl Decoded<'_> {
    fn new(text: Cow<'_, str>, encoding: Encoding, confidence: f64) -> Decoded<'_> {
        Decoded {
            text,
            encoding,
            confidence,
            replaced: Replacements::default(),
            map: None,
        }
    }

    /// The byte offset in the caller's input of `offset` in [`Decoded::text`], when the text is
    /// the input's own UTF-8: after a byte-order mark (offsets move by its 3 bytes) and with
    /// invalid sequences read as U+FFFD (a replacement char starts where its bad bytes start
    /// and ends where they end). `None` for text that is a conversion (legacy encodings,
    /// UTF-16, repaired mojibake, VIQR): its offsets index the decoded text only.
    ///
    /// ```
    /// use vntext::decode::Decoder;
    /// // A byte-order mark, then "Hà Nội \x80 Sìn Hồ".
    /// let bytes = b"\xEF\xBB\xBFH\xc3\xa0 N\xe1\xbb\x99i \x80 S\xc3\xacn H\xe1\xbb\x93";
    /// let d = Decoder::new().decode(bytes).unwrap();
    /// let at = d.text.find("Sìn").unwrap(); // 13 in the text: U+FFFD takes 3 bytes
    /// let start = d.input_offset(at).unwrap(); // 15 in the input: BOM + one bad byte
    /// assert_eq!(&bytes[start..start + 4], "Sìn".as_bytes());
    /// ```
    pub fn input_offset(&self, offset: usize) -> Option<usize> {
        self.map.as_ref().map(|m| m.to_input(offset))
    }

    /// The text that a report's spans index, for views that place facts in it: the decoded
    /// text, or, when the spans index the caller's `input` (UTF-8, maybe after a byte-order
    /// mark or with invalid sequences; see [`Decoded::input_offset`]), those bytes with each
    /// invalid byte shown as `?`, so that every byte offset and the count of characters before
    /// it stay those of the input.
    ///
    /// ```
    /// use vntext::decode::Decoder;
    /// // "Hà Nội \x80 Sìn Hồ": one stray byte in UTF-8.
    /// let bytes = b"H\xc3\xa0 N\xe1\xbb\x99i \x80 S\xc3\xacn H\xe1\xbb\x93";
    /// let d = Decoder::new().decode(bytes).unwrap();
    /// assert_eq!(d.indexed_text(bytes), "Hà Nội ? Sìn Hồ");
    /// assert_eq!(d.indexed_text(bytes).len(), bytes.len());
    /// ```
    pub fn indexed_text<'s>(&'s self, input: &'s [u8]) -> Cow<'s, str> {
        if self.input_offset(0).is_none() {
            return Cow::Borrowed(&self.text);
        }
        match std::str::from_utf8(input) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                let mut out = String::with_capacity(input.len());
                for chunk in input.utf8_chunks() {
                    out.push_str(chunk.valid());
                    out.extend(std::iter::repeat_n('?', chunk.invalid().len()));
                }
                Cow::Owned(out)
            }
        }
    }
}

/// Invalid sequences of the input that decoding replaced by U+FFFD (lenient decoding only):
/// how many, and where the first [`Replacements::MAX_OFFSETS`] start in the input. `count` is
/// always exact.
///
/// ```
/// // "Hà Nội \x80 Sìn Hồ": one stray byte in UTF-8.
/// let bytes = b"H\xc3\xa0 N\xe1\xbb\x99i \x80 S\xc3\xacn H\xe1\xbb\x93";
/// let d = vntext::decode::Decoder::new().decode(bytes).unwrap();
/// assert_eq!(d.text, "Hà Nội \u{FFFD} Sìn Hồ");
/// assert_eq!((d.replaced.count, d.replaced.offsets.as_slice()), (1, &[10][..]));
/// assert_eq!(d.replaced.to_string(), "1 invalid byte sequence replaced by U+FFFD, at byte 10");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Replacements {
    /// Sequences replaced.
    pub count: usize,
    /// Byte offsets in the input of the first sequences replaced (at most
    /// [`Replacements::MAX_OFFSETS`]), increasing.
    pub offsets: Vec<usize>,
}

impl Replacements {
    /// How many offsets are listed at most.
    pub const MAX_OFFSETS: usize = 32;

    /// No replacement.
    ///
    /// ```
    /// assert!(vntext::decode::Replacements::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn push(&mut self, offset: usize) {
        self.count += 1;
        if self.offsets.len() < Self::MAX_OFFSETS {
            self.offsets.push(offset);
        }
    }
}

impl std::fmt::Display for Replacements {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = if self.count == 1 { "" } else { "s" };
        write!(
            f,
            "{} invalid byte sequence{s} replaced by U+FFFD",
            self.count
        )?;
        for (i, o) in self.offsets.iter().enumerate() {
            let sep = if i == 0 {
                if self.count == 1 {
                    ", at byte "
                } else {
                    ", at bytes "
                }
            } else {
                ", "
            };
            write!(f, "{sep}{o}")?;
        }
        if self.count > self.offsets.len() {
            write!(f, ", …")?;
        }
        Ok(())
    }
}

/// Decoded-text offsets back to input bytes, piecewise: from each checkpoint `(t, o)` on,
/// offset `t + k` of the text is byte `o + k` of the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct InputMap {
    /// The input offset of text offset 0 (3 after a byte-order mark).
    base: usize,
    /// Checkpoints after each replacement, increasing in both.
    resume: Vec<(usize, usize)>,
}

impl InputMap {
    fn shifted(base: usize) -> InputMap {
        InputMap {
            base,
            resume: Vec::new(),
        }
    }

    /// From text offset `text` on, the text follows the input from byte `input`.
    fn resume(&mut self, text: usize, input: usize) {
        self.resume.push((text, input));
    }

    fn to_input(&self, t: usize) -> usize {
        match self.resume.partition_point(|&(ct, _)| ct <= t) {
            0 => self.base + t,
            i => {
                let (ct, co) = self.resume[i - 1];
                co + (t - ct)
            }
        }
    }
}

/// One candidate encoding with its score, as reported by [`detect`].
///
/// ```
/// let c = &vntext::decode::detect(b"Vi\xd6t Nam")[0];
/// assert_eq!(c.encoding, vntext::decode::Encoding::Tcvn3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The encoding tried.
    pub encoding: Encoding,
    /// The share of decoded words (with a non-ASCII letter) that are valid Vietnamese syllables,
    /// lowered by characters a Vietnamese text would not hold; `0.0..=1.0`.
    pub confidence: f64,
}

/// A character that the target encoding cannot write, as reported by [`encode`].
///
/// ```
/// let e = vntext::decode::encode("Ω", vntext::decode::Encoding::Tcvn3).unwrap_err();
/// assert_eq!((e.ch, e.offset), ('Ω', 0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodeError {
    /// The character.
    pub ch: char,
    /// Its byte offset in the text.
    pub offset: usize,
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} at byte {} has no code in this encoding",
            self.ch, self.offset
        )
    }
}

impl std::error::Error for EncodeError {}

/// Bytes of input looked at to pick an encoding.
const SAMPLE: usize = 16 * 1024;
/// Below this score no legacy encoding is taken to fit.
const MIN_CONFIDENCE: f64 = 0.6;

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The first `SAMPLE` bytes, cut back to a space or line break so no sequence is split.
fn byte_sample(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= SAMPLE {
        return bytes;
    }
    let s = &bytes[..SAMPLE];
    match s.iter().rposition(|&b| b == b'\n' || b == b' ') {
        Some(p) if p > SAMPLE - 4096 => &s[..p],
        _ => s,
    }
}

/// The first `SAMPLE` bytes of a text, on a char boundary.
fn text_sample(s: &str) -> &str {
    let mut end = s.len().min(SAMPLE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The offset of the first NUL when NUL bytes make up 1 % or more of the sample.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    let s = &bytes[..bytes.len().min(SAMPLE)];
    let nul = s.iter().filter(|&&b| b == 0).count();
    if nul > 0 && nul * 100 >= s.len() {
        s.iter().position(|&b| b == 0)
    } else {
        None
    }
}

fn decode_legacy(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Tcvn3 => legacy::decode_tcvn3(bytes),
        Encoding::Vni => legacy::decode_vni(bytes),
        Encoding::Viscii => legacy::decode_viscii(bytes),
        _ => legacy::decode_cp1258(bytes),
    }
}

/// Bytes looked at first; when one encoding clearly wins on them the full sample is not scored.
const QUICK_SAMPLE: usize = 4 * 1024;
/// Confidence the quick winner must reach, and its lead over the runner-up.
const QUICK_CONFIDENCE: f64 = 0.9;
const QUICK_LEAD: f64 = 0.25;

/// Ranks the legacy encodings on the first 4 KB only and returns the winner when it is clear
/// (confidence ≥ 0.9, 0.25 ahead of the runner-up, and no font hint naming another encoding).
fn rank_quick(bytes: &[u8]) -> Option<(Encoding, score::Score)> {
    if bytes.len() <= QUICK_SAMPLE * 2 {
        return None;
    }
    let mut end = QUICK_SAMPLE;
    if let Some(p) = bytes[..end].iter().rposition(|&b| b == b'\n' || b == b' ') {
        end = p.max(QUICK_SAMPLE / 2);
    }
    let head = &bytes[..end];
    let hint = font_hint(byte_sample(bytes));
    let mut v: Vec<(Encoding, score::Score)> = Encoding::LEGACY
        .iter()
        .map(|&e| (e, score::score(&decode_legacy(head, e))))
        .collect();
    v.sort_by(|a, b| b.1.rank().total_cmp(&a.1.rank()));
    let (e, best) = v[0];
    let clear = best.confidence() >= QUICK_CONFIDENCE
        && best.rank() - v[1].1.rank() >= QUICK_LEAD
        && hint.is_none_or(|h| h == e);
    clear.then_some((e, best))
}

/// Scores every legacy encoding on the sample, best first.
fn rank_legacy(bytes: &[u8]) -> Vec<(Encoding, score::Score)> {
    let sample = byte_sample(bytes);
    let hint = font_hint(sample);
    let mut v: Vec<(Encoding, score::Score, f64)> = Encoding::LEGACY
        .iter()
        .map(|&e| {
            let s = score::score(&decode_legacy(sample, e));
            let bonus = if hint == Some(e) { HINT_BONUS } else { 0.0 };
            (e, s, s.rank() + bonus)
        })
        .collect();
    v.sort_by(|a, b| b.2.total_cmp(&a.2));
    v.into_iter().map(|(e, s, _)| (e, s)).collect()
}

/// How much a font or charset name in the document weighs: enough to break a near-tie between
/// candidates, far from enough to outvote the syllables.
const HINT_BONUS: f64 = 0.05;

/// Font and charset names that give the encoding away (REFERENCE.md §6.5, step 3): HTML/RTF that
/// names `.VnTime`/`.VnArial` (ABC fonts) is TCVN3, `VNI-Times` is VNI, `charset=windows-1258` and
/// `charset=viscii` are what they say. ASCII case-insensitive; the first name found wins.
fn font_hint(sample: &[u8]) -> Option<Encoding> {
    static NAMES: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(
            r"(?i-u)\.vn(?:time|arial)|vni-(?:times|helve)|windows-1258|cp1258|viscii",
        )
        .unwrap_or_else(|e| panic!("constant regex: {e}"))
    });
    let m = NAMES.find(sample)?;
    let name = m.as_bytes().to_ascii_lowercase();
    Some(match name.as_slice() {
        [b'.', ..] => Encoding::Tcvn3,
        [b'v', b'n', b'i', ..] => Encoding::Vni,
        [b'v', ..] => Encoding::Viscii,
        _ => Encoding::Windows1258,
    })
}

/// Bytes that decode (on their own) to a character a Vietnamese text would not hold, per legacy
/// encoding in [`Encoding::LEGACY`] order. Mark bytes (VNI, Windows-1258) count as fine.
static BAD_BYTES: std::sync::LazyLock<[[bool; 256]; 4]> = std::sync::LazyLock::new(|| {
    Encoding::LEGACY.map(|e| {
        std::array::from_fn(|b| {
            let s = decode_legacy(&[b as u8], e);
            b >= 0x80
                && s.chars().count() == 1
                && s.chars().all(|c| {
                    score::is_bad_char(c) && !unicode_normalization::char::is_combining_mark(c)
                })
        })
    })
});

/// Checks the input beyond the sample, a byte scan: the confidence drops with the share of high
/// bytes that decode to characters a Vietnamese text would not hold.
fn verify_rest(rest: &[u8], encoding: Encoding, confidence: f64) -> f64 {
    let Some(k) = Encoding::LEGACY.iter().position(|&e| e == encoding) else {
        return confidence;
    };
    let bad_table = &BAD_BYTES[k];
    let (mut high, mut bad) = (0usize, 0usize);
    for &b in rest {
        high += usize::from(b >= 0x80);
        bad += usize::from(bad_table[b as usize]);
    }
    if high == 0 {
        return confidence;
    }
    let ratio = bad as f64 / high as f64;
    if ratio > 0.02 {
        confidence * (1.0 - ratio)
    } else {
        confidence
    }
}

/// Valid UTF-8: clean (borrowed), or mojibake to repair when the prefilter fires and repairing
/// reads better.
fn decode_utf8(s: &str) -> Decoded<'_> {
    let clean = Decoded::new(Cow::Borrowed(s), Encoding::Utf8, 1.0);
    let Some(first) = mojibake::first_damage(s) else {
        return clean;
    };
    // Judge on a window that starts a little before the first mark, so that damage deep inside a
    // long text is seen too.
    let mut start = first.saturating_sub(1024);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    let window = text_sample(&s[start..]);
    let (fixed_window, n) = mojibake::repair(window);
    if n == 0 {
        return clean;
    }
    let before = score::score(window);
    let after = score::score(&fixed_window);
    if after.rank() > before.rank() {
        Decoded::new(
            Cow::Owned(mojibake::repair(s).0),
            Encoding::Utf8Mojibake,
            after.confidence(),
        )
    } else {
        clean
    }
}

/// Decodes bytes, detecting the encoding, strictly: any invalid sequence is an error. The same
/// as `Decoder::new().strict(true).decode(bytes)`; see [`Decoder`] for the lenient reading
/// that [`Analyzer::analyze_bytes`](crate::Analyzer::analyze_bytes) uses by default.
///
/// A byte-order mark decides first: UTF-16 (`FF FE` little-endian, `FE FF` big-endian) is
/// decoded as such, a UTF-8 mark is stripped. UTF-8 comes back borrowed unless it holds the
/// marks of mojibake (`Ã Ä Å Æ`, `á»`), in which case the repaired text is taken when it reads
/// better. Other bytes are tried as TCVN3, VNI, VISCII and Windows-1258 on the first 16 KB (a
/// font or charset name found there, such as `.VnTime` or `VNI-Times`, breaks near-ties); the
/// best is used for the whole input.
///
/// # Errors
/// [`ErrorKind::Binary`] when NUL bytes make up 1 % or more of the first 16 KB (of the decoded
/// text, for UTF-16); [`ErrorKind::InvalidUtf8`] for UTF-8 with invalid sequences (valid
/// multi-byte characters outnumber the bad bytes four to one, which no legacy text does);
/// [`ErrorKind::InvalidUtf16`] for UTF-16 with an unpaired surrogate or an odd length;
/// [`ErrorKind::UnknownEncoding`] when the bytes are not UTF-8 and no legacy Vietnamese
/// encoding reaches a confidence of 0.6 (see [`decode_lossy`] to get text anyway).
///
/// ```
/// use vntext::decode::{decode, Encoding};
/// let d = decode("Việt Nam".as_bytes()).unwrap();
/// assert_eq!(d.text, "Việt Nam");
/// assert_eq!(d.encoding, Encoding::Utf8);
/// // VNI-Windows, as Windows-1252 shows it: "Vieät Nam".
/// let d = decode(b"Vie\xe4t Nam \xf1\xf6\xf4\xefc").unwrap();
/// assert_eq!((d.text.as_ref(), d.encoding), ("Việt Nam được", Encoding::Vni));
/// assert!(decode(b"\x00\x01\x02\x00").is_err());
/// // UTF-16 with its byte-order mark.
/// let d = decode(b"\xff\xfeH\x00\xe0\x00").unwrap();
/// assert_eq!((d.text.as_ref(), d.encoding), ("Hà", Encoding::Utf16Le));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    Decoder::new().strict(true).decode(bytes)
}

/// A decoder with options: lenient (the default) or strict about invalid sequences.
///
/// Lenient decoding reads damaged Unicode instead of refusing it: UTF-8 with a few invalid
/// sequences (a stray byte, a truncated character) and UTF-16 with unpaired surrogates come back
/// with U+FFFD in their place, listed in [`Decoded::replaced`]. Which bytes count as damaged
/// UTF-8, in order:
///
/// 1. a UTF-16 byte-order mark: UTF-16;
/// 2. NUL bytes making up 1 % of the first 16 KB: binary, an error in both modes;
/// 3. valid UTF-8: UTF-8 (or repaired mojibake), as [`decode`];
/// 4. valid multi-byte UTF-8 characters outnumbering the bad bytes four to one: damaged UTF-8.
///    Legacy Vietnamese text never looks like this: about one byte in five is high, and almost
///    none of them forms a valid UTF-8 sequence with the next byte;
/// 5. otherwise the legacy encodings are scored as [`decode`] does, and the best is taken
///    from a confidence of 0.6;
/// 6. when none fits, bytes with at most one bad byte in a hundred (ASCII text with a few
///    stray bytes) are damaged UTF-8; anything else is [`ErrorKind::UnknownEncoding`].
///
/// Strict decoding returns the error instead at steps 4 and 6 ([`ErrorKind::InvalidUtf8`],
/// [`ErrorKind::UnknownEncoding`]) and for damaged UTF-16 ([`ErrorKind::InvalidUtf16`]).
///
/// ```
/// use vntext::decode::{Decoder, Encoding};
/// let bytes = "Ủy ban nhân dân huyện Sìn Hồ \u{1} tỉnh Lai Châu".replace('\u{1}', "\u{80}");
/// let mut bytes = bytes.into_bytes();
/// let at = bytes.iter().position(|&b| b == 0xC2).unwrap();
/// bytes.remove(at); // a lone 0x80: invalid UTF-8
/// let d = Decoder::new().decode(&bytes).unwrap();
/// assert_eq!(d.encoding, Encoding::Utf8);
/// assert!(d.text.contains("Sìn Hồ \u{FFFD} tỉnh"));
/// assert_eq!(d.replaced.offsets, [at]);
/// assert!(Decoder::new().strict(true).decode(&bytes).is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Decoder {
    strict: bool,
    encoding: Option<Encoding>,
}

impl Decoder {
    /// A lenient decoder.
    ///
    /// ```
    /// let d = vntext::decode::Decoder::new().decode(b"Ha Noi").unwrap();
    /// assert_eq!(d.text, "Ha Noi");
    /// ```
    pub fn new() -> Decoder {
        Decoder {
            strict: false,
            encoding: None,
        }
    }

    /// Reads the bytes in `encoding` instead of detecting it. Invalid sequences of UTF-8 and
    /// UTF-16 are then read as U+FFFD (listed in [`Decoded::replaced`]) unless strict; the
    /// single-byte encodings read any bytes.
    ///
    /// ```
    /// use vntext::decode::{Decoder, Encoding};
    /// let d = Decoder::new().encoding(Encoding::Utf8).decode(b"Vi\xfft").unwrap();
    /// assert_eq!((d.text.as_ref(), d.replaced.count), ("Vi\u{FFFD}t", 1));
    /// assert!(Decoder::new().encoding(Encoding::Utf8).strict(true).decode(b"Vi\xfft").is_err());
    /// assert_eq!(Decoder::new().encoding(Encoding::Tcvn3).decode(b"Vi\xd6t").unwrap().text, "Việt");
    /// ```
    pub fn encoding(mut self, encoding: Encoding) -> Decoder {
        self.encoding = Some(encoding);
        self
    }

    /// Whether any invalid sequence is an error (`true`) or read as U+FFFD (`false`, the
    /// default).
    ///
    /// ```
    /// use vntext::decode::Decoder;
    /// assert!(Decoder::new().strict(true).decode(b"\xff\xfeA\x00\x00\xd8").is_err());
    /// assert_eq!(Decoder::new().decode(b"\xff\xfeA\x00\x00\xd8").unwrap().text, "A\u{FFFD}");
    /// ```
    pub fn strict(mut self, yes: bool) -> Decoder {
        self.strict = yes;
        self
    }

    /// Decodes bytes, detecting the encoding (see [`Decoder`] for the order of the checks).
    ///
    /// # Errors
    /// [`ErrorKind::Binary`] and [`ErrorKind::UnknownEncoding`] in both modes; when strict,
    /// also [`ErrorKind::InvalidUtf8`] and [`ErrorKind::InvalidUtf16`] (see [`decode`]).
    ///
    /// ```
    /// use vntext::decode::{Decoder, Encoding};
    /// let d = Decoder::new().decode(b"\xfe\xff\x00V\x1e\xcb\x00t").unwrap();
    /// assert_eq!((d.text.as_ref(), d.encoding), ("Vịt", Encoding::Utf16Be));
    /// ```
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> Result<Decoded<'a>, Error> {
        if let Some(encoding) = self.encoding {
            return match (decode_as(bytes, encoding), encoding) {
                (Ok(d), _) => Ok(d),
                (Err(e), _) if self.strict => Err(e),
                (Err(_), Encoding::Utf16Le | Encoding::Utf16Be) => {
                    let big_endian = encoding == Encoding::Utf16Be;
                    let bom: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
                    let body = bytes.strip_prefix(bom).unwrap_or(bytes);
                    let (text, replaced) =
                        unicode::utf16(body, big_endian, bytes.len() - body.len());
                    let mut d = Decoded::new(Cow::Owned(text), encoding, 1.0);
                    d.replaced = replaced;
                    Ok(d)
                }
                (Err(e), Encoding::Utf8) => {
                    let body = strip_bom(bytes);
                    if binary_offset(body).is_some() {
                        return Err(e);
                    }
                    let census = unicode::Utf8Census::of(body);
                    Ok(lossy_utf8(body, bytes.len() - body.len(), &census))
                }
                (Err(e), _) => Err(e),
            };
        }
        if let Some(d) = self.decode_utf16_bom(bytes) {
            return d;
        }
        let body = strip_bom(bytes);
        let bom = bytes.len() - body.len();
        if let Some(offset) = binary_offset(body) {
            return Err(Error::new(ErrorKind::Binary {
                offset: offset + bom,
            }));
        }
        let err = match std::str::from_utf8(body) {
            Ok(s) => {
                let mut d = decode_utf8(s);
                if d.encoding == Encoding::Utf8 {
                    d.map = Some(InputMap::shifted(bom));
                }
                return Ok(d);
            }
            Err(e) => e,
        };
        let offset = err.valid_up_to() + bom;
        let census = unicode::Utf8Census::of(body);
        if census.mostly_valid() {
            if self.strict {
                return Err(Error::new(ErrorKind::InvalidUtf8 { offset }));
            }
            return Ok(lossy_utf8(body, bom, &census));
        }
        match decode_legacy_detected(body) {
            Some(d) => Ok(d),
            None if !self.strict && census.rarely_bad(body.len()) => {
                Ok(lossy_utf8(body, bom, &census))
            }
            None => Err(Error::new(ErrorKind::UnknownEncoding { offset })),
        }
    }

    /// UTF-16 after its byte-order mark, if there is one.
    fn decode_utf16_bom<'a>(&self, bytes: &'a [u8]) -> Option<Result<Decoded<'a>, Error>> {
        let big_endian = match bytes {
            [0xFF, 0xFE, ..] => false,
            [0xFE, 0xFF, ..] => true,
            _ => return None,
        };
        let (text, replaced) = unicode::utf16(&bytes[2..], big_endian, 2);
        if let Some(at) = text.find('\0')
            && binary_offset(text.as_bytes()).is_some()
        {
            // The first NUL code unit: count the UTF-16 units before it.
            let units: usize = text[..at].chars().map(char::len_utf16).sum();
            return Some(Err(Error::new(ErrorKind::Binary {
                offset: 2 + 2 * units,
            })));
        }
        if self.strict
            && let Some(&offset) = replaced.offsets.first()
        {
            return Some(Err(Error::new(ErrorKind::InvalidUtf16 { offset })));
        }
        let encoding = if big_endian {
            Encoding::Utf16Be
        } else {
            Encoding::Utf16Le
        };
        let mut d = Decoded::new(Cow::Owned(text), encoding, 1.0);
        d.replaced = replaced;
        Some(Ok(d))
    }
}

/// Damaged UTF-8, read with U+FFFD for each invalid sequence.
fn lossy_utf8<'a>(body: &[u8], bom: usize, census: &unicode::Utf8Census) -> Decoded<'a> {
    let (text, replaced, map) = unicode::lossy_utf8(body, bom);
    let mut d = Decoded::new(
        Cow::Owned(text),
        Encoding::Utf8,
        census.confidence(body.len()),
    );
    d.replaced = replaced;
    d.map = Some(map);
    d
}

/// The legacy encoding that reads `body` best, when it reaches the minimum confidence on the
/// sample and on the rest.
fn decode_legacy_detected<'a>(body: &[u8]) -> Option<Decoded<'a>> {
    // A first look at 4 KB settles clear cases; otherwise the 16 KB sample decides.
    let (encoding, best) = match rank_quick(body) {
        Some(q) => q,
        None => rank_legacy(body)[0],
    };
    let mut confidence = best.confidence();
    if confidence < MIN_CONFIDENCE {
        return None;
    }
    let sample_len = byte_sample(body).len();
    if sample_len < body.len() {
        confidence = verify_rest(&body[sample_len..], encoding, confidence);
        if confidence < MIN_CONFIDENCE {
            return None;
        }
    }
    let text = decode_legacy(body, encoding);
    Some(Decoded::new(Cow::Owned(text), encoding, confidence))
}

/// Scores the candidate encodings for some bytes, best first.
///
/// For valid UTF-8 the candidates are UTF-8 itself and, when the mojibake prefilter fires,
/// [`Encoding::Utf8Mojibake`]; otherwise the four legacy encodings. Binary input (see [`decode`])
/// gives no candidates.
///
/// ```
/// use vntext::decode::{detect, Encoding};
/// // "Cộng hòa" in VNI: "Coäng hoøa".
/// let c = detect(b"Co\xe4ng ho\xf8a");
/// assert_eq!(c[0].encoding, Encoding::Vni);
/// assert!(c[0].confidence > c[1].confidence);
/// ```
pub fn detect(bytes: &[u8]) -> Vec<Candidate> {
    if let [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] = bytes {
        let encoding = if bytes[0] == 0xFE {
            Encoding::Utf16Be
        } else {
            Encoding::Utf16Le
        };
        return vec![Candidate {
            encoding,
            confidence: 1.0,
        }];
    }
    let body = strip_bom(bytes);
    if binary_offset(body).is_some() {
        return Vec::new();
    }
    let mut v = match std::str::from_utf8(body) {
        Ok(s) => {
            let mut v = vec![Candidate {
                encoding: Encoding::Utf8,
                confidence: score::score(text_sample(s)).confidence(),
            }];
            if let Some(first) = mojibake::first_damage(s) {
                let mut start = first.saturating_sub(1024);
                while !s.is_char_boundary(start) {
                    start -= 1;
                }
                let (fixed, n) = mojibake::repair(text_sample(&s[start..]));
                if n > 0 {
                    v.push(Candidate {
                        encoding: Encoding::Utf8Mojibake,
                        confidence: score::score(&fixed).confidence(),
                    });
                }
            }
            v
        }
        Err(_) => {
            let mut v: Vec<Candidate> = rank_legacy(body)
                .into_iter()
                .map(|(encoding, s)| Candidate {
                    encoding,
                    confidence: s.confidence(),
                })
                .collect();
            let census = unicode::Utf8Census::of(body);
            if census.mostly_valid() {
                v.push(Candidate {
                    encoding: Encoding::Utf8,
                    confidence: census.confidence(body.len()),
                });
            }
            v
        }
    };
    v.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    v
}

/// Decodes bytes in the given encoding, with no detection (confidence 1.0).
///
/// Legacy encodings never fail: every byte has a meaning (bytes a code page leaves undefined
/// become the C1 control of the same number). [`Encoding::Utf8Mojibake`] and [`Encoding::Viqr`]
/// read the bytes as UTF-8 first, then repair or convert them.
///
/// UTF-16 is read in the byte order asked for, after a byte-order mark if it has one.
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] when UTF-8 (or mojibake, or VIQR) is asked for and the bytes are not
/// UTF-8; [`ErrorKind::InvalidUtf16`] when UTF-16 is asked for and the bytes hold an unpaired
/// surrogate or an odd byte.
///
/// ```
/// use vntext::decode::{decode_as, Encoding};
/// assert_eq!(decode_as(b"Ha Noi", Encoding::Utf8).unwrap().text, "Ha Noi");
/// assert_eq!(decode_as(b"Vie^.t Nam", Encoding::Viqr).unwrap().text, "Việt Nam");
/// assert_eq!(decode_as("Viá»‡t".as_bytes(), Encoding::Utf8Mojibake).unwrap().text, "Việt");
/// assert_eq!(decode_as(b"Vi\xd6t", Encoding::Tcvn3).unwrap().text, "Việt");
/// assert_eq!(decode_as(b"V\x00i\x00", Encoding::Utf16Le).unwrap().text, "Vi");
/// ```
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, Error> {
    let mut map = None;
    let text = match encoding {
        Encoding::Utf8 | Encoding::Utf8Mojibake | Encoding::Viqr => {
            let body = strip_bom(bytes);
            let s = std::str::from_utf8(body).map_err(|e| {
                Error::new(ErrorKind::InvalidUtf8 {
                    offset: e.valid_up_to() + (bytes.len() - body.len()),
                })
            })?;
            match encoding {
                Encoding::Utf8Mojibake => Cow::Owned(mojibake::repair(s).0),
                Encoding::Viqr => viqr_to_unicode(s),
                _ => {
                    map = Some(InputMap::shifted(bytes.len() - body.len()));
                    Cow::Borrowed(s)
                }
            }
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let big_endian = encoding == Encoding::Utf16Be;
            let bom: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
            let body = bytes.strip_prefix(bom).unwrap_or(bytes);
            let base = bytes.len() - body.len();
            let (text, replaced) = unicode::utf16(body, big_endian, base);
            if let Some(&offset) = replaced.offsets.first() {
                return Err(Error::new(ErrorKind::InvalidUtf16 { offset }));
            }
            Cow::Owned(text)
        }
        legacy => Cow::Owned(decode_legacy(bytes, legacy)),
    };
    let mut d = Decoded::new(text, encoding, 1.0);
    d.map = map;
    Ok(d)
}

/// Decodes bytes, never failing: like a lenient [`Decoder`], but when no encoding fits, the
/// better of the best legacy decoding and UTF-8 with U+FFFD for invalid bytes is returned, with
/// its (low) confidence; binary input comes back as lossy UTF-8 with confidence 0.0. Lossy
/// UTF-8 lists its replacements in [`Decoded::replaced`].
///
/// ```
/// let d = vntext::decode::decode_lossy(b"ok \xff");
/// assert!(d.text.starts_with("ok "));
/// assert!(d.confidence < 0.6);
/// ```
pub fn decode_lossy(bytes: &[u8]) -> Decoded<'_> {
    let err = match Decoder::new().decode(bytes) {
        Ok(d) => return d,
        Err(e) => e,
    };
    let body = strip_bom(bytes);
    let bom = bytes.len() - body.len();
    let census = unicode::Utf8Census::of(body);
    let mut lossy = lossy_utf8(body, bom, &census);
    if matches!(err.kind(), ErrorKind::Binary { .. }) {
        lossy.confidence = 0.0;
        return lossy;
    }
    let utf8 = score::score(text_sample(&lossy.text));
    let ranked = rank_legacy(body);
    let (encoding, best) = ranked[0];
    if best.rank() > utf8.rank() {
        Decoded::new(
            Cow::Owned(decode_legacy(body, encoding)),
            encoding,
            best.confidence(),
        )
    } else {
        lossy.confidence = utf8.confidence();
        lossy
    }
}

/// Encodes text in a legacy encoding (the inverse of [`decode_as`]), e.g. to write test inputs or
/// files for old software.
///
/// TCVN3 has no toned capitals: they are written as the capital plus a combining tone byte
/// (0xB0–0xB4, from VN1), which [`decode_as`] composes back. Windows-1258 writes a base letter and a
/// combining tone byte where it has no precomposed letter. VNI writes the main form of each letter
/// (`data/encodings/vni.tsv`). [`Encoding::Utf8Mojibake`] produces the damage (UTF-8 read as
/// Windows-1252, saved as UTF-8); [`Encoding::Viqr`] writes VIQR; UTF-16 is written with its
/// byte-order mark, so that [`decode`] recognises it.
///
/// # Errors
/// [`EncodeError`] for the first character the encoding cannot write.
///
/// ```
/// use vntext::decode::{encode, Encoding};
/// assert_eq!(encode("Việt", Encoding::Vni).unwrap(), b"Vie\xe4t");
/// assert_eq!(encode("Việt", Encoding::Tcvn3).unwrap(), b"Vi\xd6t");
/// assert_eq!(encode("Việt", Encoding::Viqr).unwrap(), b"Vie^.t");
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, EncodeError> {
    match encoding {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf8Mojibake => Ok(mojibake::damage(text).into_bytes()),
        Encoding::Viqr => Ok(viqr::unicode_to_viqr(text).into_bytes()),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let big_endian = encoding == Encoding::Utf16Be;
            let mut out: Vec<u8> = if big_endian {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            out.extend(unicode::encode_utf16(text, big_endian));
            Ok(out)
        }
        legacy => tables::encode_legacy(text, legacy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Decoded<'static>>();
        check::<Candidate>();
        check::<EncodeError>();
    }

    #[test]
    fn empty_and_bom() {
        let d = decode(b"").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("", Encoding::Utf8));
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert!(matches!(d.text, Cow::Borrowed("abc")));
        assert!(matches!(
            decode(b"\xEF\xBB\xBF\x00\x00").unwrap_err().kind(),
            ErrorKind::Binary { offset: 3 }
        ));
    }

    #[test]
    fn font_names_break_ties() {
        assert_eq!(font_hint(b"<font face=\".VnTime\">"), Some(Encoding::Tcvn3));
        assert_eq!(font_hint(b"{\\f1 VNI-Times;}"), Some(Encoding::Vni));
        assert_eq!(font_hint(b"charset=VISCII"), Some(Encoding::Viscii));
        assert_eq!(font_hint(b"plain text"), None);
        // One word is ambiguous between TCVN3 and VISCII; the font name decides.
        let word = b"<p style=\"font-family:.VnTime\">ch\xd8</p>";
        assert_eq!(rank_legacy(word)[0].0, Encoding::Tcvn3);
    }

    #[test]
    fn the_rest_beyond_the_sample_is_checked() {
        // "Cộng hòa xã hội chủ nghĩa Việt Nam" in TCVN3, past the 16 KB sample …
        let line: &[u8] = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n";
        let mut bytes: Vec<u8> = line.iter().copied().cycle().take(70 * 1024).collect();
        assert_eq!(decode(&bytes).unwrap().encoding, Encoding::Tcvn3);
        // … then as much again of bytes TCVN3 leaves undefined: not a TCVN3 text after all.
        bytes.extend(std::iter::repeat_n(0x81u8, 140 * 1024));
        assert!(matches!(
            decode(&bytes).unwrap_err().kind(),
            ErrorKind::UnknownEncoding { .. }
        ));
        assert_eq!(decode_lossy(&bytes).encoding, Encoding::Tcvn3);
    }

    #[test]
    fn unknown_is_an_error() {
        let e = decode(b"plain \xff\xfe\xfd\xfc junk \x81\x8d").unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::UnknownEncoding { offset: 6 }),
            "{e:?}"
        );
    }
}
