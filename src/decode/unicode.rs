//! The Unicode encodings read with damage: UTF-8 with some invalid sequences, UTF-16 with a
//! byte-order mark. Each invalid sequence becomes one U+FFFD, is counted, and is kept in an
//! offset map from the decoded text back to the input bytes.

use super::{InputMap, Replacements};

/// What a scan of bytes that are not valid UTF-8 finds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Utf8Census {
    /// Valid characters outside ASCII (multi-byte sequences).
    pub multibyte: usize,
    /// Bytes in invalid sequences.
    pub bad_bytes: usize,
}

impl Utf8Census {
    /// One pass over `bytes` (the standard decoder's chunks: valid text, then an invalid
    /// sequence of one to three bytes).
    pub(crate) fn of(bytes: &[u8]) -> Utf8Census {
        let mut c = Utf8Census::default();
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            // Non-ASCII chars are the bytes that are not continuation bytes, minus ASCII.
            c.multibyte += valid.bytes().filter(|&b| b >= 0xC0).count();
            c.bad_bytes += chunk.invalid().len();
        }
        c
    }

    /// Damaged UTF-8 rather than a legacy 8-bit encoding: valid multi-byte characters outnumber
    /// the bad bytes four to one. A legacy Vietnamese text has about one high byte in five, and
    /// almost none of them form a valid UTF-8 sequence with the next byte (the TCVN3 and VNI
    /// documents of `data/legacy`: 0 or 1 valid sequences against 500–17,000 bad bytes); a
    /// Vietnamese UTF-8 text has hundreds of valid sequences per kilobyte.
    pub(crate) fn mostly_valid(&self) -> bool {
        self.bad_bytes > 0 && self.multibyte >= 4 * self.bad_bytes
    }

    /// Bad bytes are rare: at most one byte in a hundred (ASCII text with a few stray bytes,
    /// which no legacy encoding reads as Vietnamese either).
    pub(crate) fn rarely_bad(&self, len: usize) -> bool {
        self.bad_bytes > 0 && self.bad_bytes * 100 <= len
    }

    /// The share of non-ASCII characters that decoded, as a confidence.
    pub(crate) fn confidence(&self, len: usize) -> f64 {
        if self.multibyte > 0 {
            self.multibyte as f64 / (self.multibyte + self.bad_bytes) as f64
        } else {
            1.0 - self.bad_bytes as f64 / len.max(1) as f64
        }
    }
}

/// Decodes UTF-8 with each invalid sequence (a maximal subpart, as `String::from_utf8_lossy`
/// cuts them) replaced by U+FFFD. `base` is the offset of `bytes` in the caller's input (3 after
/// a byte-order mark).
pub(crate) fn lossy_utf8(bytes: &[u8], base: usize) -> (String, Replacements, InputMap) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut rep = Replacements::default();
    let mut map = InputMap::shifted(base);
    let mut at = base;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            rep.push(at);
            text.push('\u{FFFD}');
            at += bad.len();
            map.resume(text.len(), at);
        }
    }
    (text, rep, map)
}

/// Decodes UTF-16 (after its byte-order mark, which `base` counts): unpaired surrogates and a
/// trailing odd byte become U+FFFD.
pub(crate) fn utf16(bytes: &[u8], big_endian: bool, base: usize) -> (String, Replacements) {
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut rep = Replacements::default();
    let mut at = base;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                rep.push(at);
                text.push('\u{FFFD}');
                at += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        rep.push(base + bytes.len() - 1);
        text.push('\u{FFFD}');
    }
    (text, rep)
}

/// UTF-16 text in the given byte order, without a byte-order mark.
pub(crate) fn encode_utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 * text.len());
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn census_tells_damaged_utf8_from_legacy_bytes() {
        let mut utf8 = "Việt Nam, Hà Nội, Sìn Hồ ".repeat(4).into_bytes();
        utf8.insert(10, 0x80);
        let c = Utf8Census::of(&utf8);
        assert_eq!(c.bad_bytes, 1);
        assert!(c.mostly_valid());
        // "Cộng hòa xã hội chủ nghĩa Việt Nam" in TCVN3.
        let tcvn3 = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam";
        let c = Utf8Census::of(tcvn3);
        assert_eq!((c.multibyte, c.bad_bytes), (0, 7));
        assert!(!c.mostly_valid());
    }

    #[test]
    fn lossy_utf8_maps_back_to_the_input() {
        let bytes = b"H\xc3\xa0 \xe1\xbb N\xff\xfe\xe1\xbb\x99i";
        let (text, rep, map) = lossy_utf8(bytes, 0);
        assert_eq!(text, "Hà \u{FFFD} N\u{FFFD}\u{FFFD}ội");
        assert_eq!((rep.count, rep.offsets.as_slice()), (3, &[4, 8, 9][..]));
        // Every char boundary of the text maps to the start of its bytes in the input.
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| map.to_input(i)).collect();
        assert_eq!(starts, [0, 1, 3, 4, 6, 7, 8, 9, 10, 13]);
        assert_eq!(map.to_input(text.len()), bytes.len());
        let (text, _, map) = lossy_utf8(b"a\x80b", 3);
        assert_eq!(
            (text.as_str(), map.to_input(0), map.to_input(4)),
            ("a\u{FFFD}b", 3, 5)
        );
    }

    #[test]
    fn utf16_both_orders_and_damage() {
        let le = encode_utf16("Việt 😀", false);
        assert_eq!(utf16(&le, false, 2).0, "Việt 😀");
        let be = encode_utf16("Việt 😀", true);
        assert_eq!(utf16(&be, true, 2).0, "Việt 😀");
        // An unpaired high surrogate, then an odd byte.
        let (text, rep) = utf16(b"a\x00\x00\xd8b\x00c", false, 2);
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(rep.offsets, [4, 8]);
    }
}
