//! From the bytes of an input to text: binary refusal, encoding detection, and the lenient or
//! strict handling of bytes that fit no encoding, all through the library's
//! [`vntext::decode::Decoder`].
//!
//! By default one bad byte does not reject a whole document: damaged UTF-8 (or UTF-16) is read
//! with U+FFFD for each invalid sequence and a warning names where; when no encoding fits at all,
//! the bytes are read as well as they can be ([`vntext::decode::decode_lossy`]) with a warning.
//! `--strict` turns both into the error instead. Binary data (NUL bytes) is always an error.

use vntext::decode::{self, Decoded, Decoder, Encoding};
use vntext::{Analyzer, Error, ErrorKind, Report};

/// How to decode.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    /// Read the input in this encoding instead of detecting it.
    pub from: Option<Encoding>,
    /// Refuse input that fits no encoding instead of replacing the bad bytes.
    pub strict: bool,
}

/// Decoded text, with what the reader should know about how it was read.
pub struct Text<'a> {
    pub decoded: Decoded<'a>,
    /// Warnings for stderr: replaced bytes, a low-confidence guess.
    pub warnings: Vec<String>,
}

/// Decodes the bytes of one input.
///
/// # Errors
/// Binary data (any NUL byte: text never holds one), and, with `strict`, bytes that fit no
/// encoding (or not the one given with `from`).
pub fn decode(bytes: &[u8], opts: DecodeOptions) -> Result<Text<'_>, Error> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        // UTF-16 holds NUL bytes; the decoder tells UTF-16 text from binary data.
        let utf16 = matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
            || matches!(opts.from, Some(Encoding::Utf16Le | Encoding::Utf16Be));
        if !utf16 {
            return Err(Error::new(ErrorKind::Binary { offset }));
        }
    }
    let mut decoder = Decoder::new().strict(opts.strict);
    if let Some(enc) = opts.from {
        decoder = decoder.encoding(enc);
    }
    let decoded = match decoder.decode(bytes) {
        Ok(d) => d,
        Err(e) if opts.strict || opts.from.is_some() => return Err(e),
        Err(e) => match e.kind() {
            ErrorKind::UnknownEncoding { offset } => {
                let d = decode::decode_lossy(bytes);
                let warning = format!(
                    "not UTF-8 (first invalid byte at {offset}) and no encoding fits well; read \
                     as {} with a low confidence ({:.2}) (--strict refuses such input)",
                    d.encoding.name(),
                    d.confidence
                );
                return Ok(Text {
                    decoded: d,
                    warnings: vec![warning],
                });
            }
            _ => return Err(e),
        },
    };
    let warnings = if decoded.replaced.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{} (--strict refuses such input)",
            decoded.replaced
        )]
    };
    Ok(Text { decoded, warnings })
}

/// The report of decoded text: the one [`Analyzer::analyze_bytes`] gives for the same decoding
/// (spans index the input bytes when it is UTF-8, the decoded text otherwise).
pub fn analyze(analyzer: &Analyzer, text: &Text<'_>, input_len: usize) -> Report {
    analyzer.analyze_decoded(&text.decoded, input_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../data/articles/sin-ho-dan-van.txt");

    #[test]
    fn one_bad_byte_is_replaced_with_a_warning_or_refused_when_strict() {
        let mut bytes = SEED.as_bytes().to_vec();
        let at = SEED.find("Sìn Hồ là huyện").unwrap();
        bytes.insert(at, 0x80);
        let t = decode(&bytes, DecodeOptions::default()).unwrap();
        assert_eq!(t.decoded.encoding, Encoding::Utf8);
        assert_eq!(t.decoded.text.matches('\u{FFFD}').count(), 1);
        assert_eq!(
            t.warnings,
            [format!(
                "1 invalid byte sequence replaced by U+FFFD, at byte {at} \
                 (--strict refuses such input)"
            )]
        );
        let strict = DecodeOptions {
            strict: true,
            ..DecodeOptions::default()
        };
        let e = decode(&bytes, strict).err().unwrap();
        assert!(
            matches!(e.kind(), ErrorKind::InvalidUtf8 { offset } if *offset == at),
            "{e}"
        );
    }

    #[test]
    fn many_bad_bytes_are_counted() {
        // Six bad bytes in the seed, at 100, 201, … 601 once inserted.
        let mut bytes = SEED.as_bytes().to_vec();
        let mut at = Vec::new();
        for i in 1..=6 {
            let mut p = i * 100;
            while !SEED.is_char_boundary(p - (i - 1)) {
                p += 1;
            }
            bytes.insert(p, 0xFF);
            at.push(p);
        }
        let t = decode(&bytes, DecodeOptions::default()).unwrap();
        let w = &t.warnings[0];
        let want = format!(
            "6 invalid byte sequences replaced by U+FFFD, at bytes {}, {}, {}, {}, {}, {}",
            at[0], at[1], at[2], at[3], at[4], at[5]
        );
        assert!(w.starts_with(&want), "{w}");
    }

    #[test]
    fn binary_is_always_refused() {
        let e = decode(b"ab\0c", DecodeOptions::default()).err().unwrap();
        assert_eq!(e.kind(), &ErrorKind::Binary { offset: 2 });
    }

    #[test]
    fn forced_utf8_is_lenient_unless_strict() {
        let opts = DecodeOptions {
            from: Some(Encoding::Utf8),
            strict: false,
        };
        let t = decode(b"\xEF\xBB\xBFVi\xff\xfet", opts).unwrap();
        assert_eq!(t.decoded.text, "Vi\u{FFFD}\u{FFFD}t");
        assert!(
            t.warnings[0].starts_with("2 invalid byte sequences replaced by U+FFFD, at bytes 5, 6"),
            "{:?}",
            t.warnings
        );
        let strict = DecodeOptions {
            strict: true,
            ..opts
        };
        assert!(decode(b"Vi\xff\xfet", strict).is_err());
    }

    #[test]
    fn analysis_of_decoded_text_matches_analyze_bytes() {
        let analyzer = Analyzer::new();
        let t = decode(SEED.as_bytes(), DecodeOptions::default()).unwrap();
        assert_eq!(
            analyze(&analyzer, &t, SEED.len()),
            analyzer.analyze_bytes(SEED.as_bytes()).unwrap()
        );
        // A legacy encoding: TCVN3 bytes of "Cộng hòa xã hội chủ nghĩa Việt Nam".
        let tcvn3 = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n";
        let t = decode(tcvn3, DecodeOptions::default()).unwrap();
        assert_eq!(
            analyze(&analyzer, &t, tcvn3.len()),
            analyzer.analyze_bytes(tcvn3).unwrap()
        );
    }
}
