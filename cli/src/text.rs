//! From the bytes of an input to text: binary refusal, encoding detection, and the lenient or
//! strict handling of bytes that fit no encoding.
//!
//! By default one bad byte does not reject a whole document: when no encoding fits, the bytes
//! are decoded as well as they can be ([`vntext::decode::decode_lossy`]: invalid UTF-8 becomes
//! U+FFFD) and a warning names where. `--strict` turns that into the error instead. Binary data
//! (NUL bytes) is always an error.
//!
//! Everything about decoding goes through [`decode`], so the commands change in one place when
//! the library's decoding grows (lenient decoding with its own warnings, UTF-16).

use vntext::decode::{self, Decoded, Encoding};
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

/// How many byte offsets a warning lists before "and N more".
const SHOWN_OFFSETS: usize = 5;

/// Decodes the bytes of one input.
///
/// # Errors
/// Binary data (any NUL byte: text never holds one), and, with `strict`, bytes that fit no
/// encoding (or not the one given with `from`).
pub fn decode(bytes: &[u8], opts: DecodeOptions) -> Result<Text<'_>, Error> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(ErrorKind::Binary { offset }));
    }
    let strict = match opts.from {
        Some(enc) => decode::decode_as(bytes, enc),
        None => decode::decode(bytes),
    };
    let err = match strict {
        Ok(decoded) => {
            return Ok(Text {
                decoded,
                warnings: Vec::new(),
            });
        }
        Err(e) if opts.strict || matches!(e.kind(), ErrorKind::Binary { .. }) => return Err(e),
        Err(e) => e,
    };
    let decoded = match opts.from {
        // Only UTF-8 based encodings can fail: keep the asked-for reading, bad bytes replaced.
        Some(enc) => Decoded {
            text: String::from_utf8_lossy(strip_utf8_bom(bytes))
                .into_owned()
                .into(),
            encoding: enc,
            confidence: 0.0,
        },
        None => decode::decode_lossy(bytes),
    };
    let warning = if decoded.encoding == Encoding::Utf8 || opts.from.is_some() {
        replaced_bytes(bytes)
    } else {
        let offset = match err.kind() {
            ErrorKind::UnknownEncoding { offset } | ErrorKind::InvalidUtf8 { offset } => *offset,
            _ => 0,
        };
        format!(
            "not UTF-8 (first invalid byte at {offset}) and no encoding fits well; read as {} \
             with a low confidence ({:.2})",
            decoded.encoding.name(),
            decoded.confidence
        )
    };
    Ok(Text {
        decoded,
        warnings: vec![format!("{warning} (--strict refuses such input)")],
    })
}

fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// "not UTF-8: 2 invalid bytes at 17, 30 replaced by U+FFFD".
fn replaced_bytes(bytes: &[u8]) -> String {
    let body = strip_utf8_bom(bytes);
    let bom = bytes.len() - body.len();
    let mut at = bom;
    let mut offsets = Vec::new();
    let mut count = 0usize;
    for chunk in body.utf8_chunks() {
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            count += 1;
            if offsets.len() < SHOWN_OFFSETS {
                offsets.push(at.to_string());
            }
            at += chunk.invalid().len();
        }
    }
    let more = count.saturating_sub(offsets.len());
    let list = if more > 0 {
        format!("{} and {more} more", offsets.join(", "))
    } else {
        offsets.join(", ")
    };
    let what = if count == 1 {
        "1 invalid byte sequence at byte".to_string()
    } else {
        format!("{count} invalid byte sequences at bytes")
    };
    format!("not UTF-8: {what} {list} replaced by U+FFFD")
}

/// Analyses decoded text into the report [`Analyzer::analyze_bytes`] would give for the same
/// bytes: spans index the decoded text, `encoding` and `counts.bytes` describe the input.
pub fn analyze(analyzer: &Analyzer, text: &Text<'_>, input_len: usize) -> Report {
    let mut report = analyzer.analyze(&text.decoded.text);
    report.encoding = text.decoded.encoding.name().to_string();
    report.encoding_confidence = text.decoded.confidence;
    report.counts.bytes = input_len;
    report
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
                "not UTF-8: 1 invalid byte sequence at byte {at} replaced by U+FFFD \
                 (--strict refuses such input)"
            )]
        );
        let strict = DecodeOptions {
            strict: true,
            ..DecodeOptions::default()
        };
        let e = decode(&bytes, strict).err().unwrap();
        assert!(
            matches!(e.kind(), ErrorKind::UnknownEncoding { offset } if *offset == at),
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
            "not UTF-8: 6 invalid byte sequences at bytes {}, {}, {}, {}, {} and 1 more replaced",
            at[0], at[1], at[2], at[3], at[4]
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
            t.warnings[0].starts_with("not UTF-8: 2 invalid byte sequences at bytes 5, 6 replaced"),
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
