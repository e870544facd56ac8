//! Decoding bytes into text (giải mã): UTF-8 and the legacy Vietnamese encodings.
//!
//! SKELETON: only UTF-8 is implemented so far; the legacy decoders land with issue #2.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};

/// A character encoding a Vietnamese document may arrive in (bảng mã).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (Unicode dựng sẵn or tổ hợp), with or without BOM.
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
}

impl Encoding {
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
            _ => return Err(Error::new(ErrorKind::UnknownEncodingName(name.to_string()))),
        })
    }
}

/// Decoded text with the encoding that was detected (or forced) and a confidence in `0.0..=1.0`.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The text; borrowed from the input when it was already UTF-8 (BOM stripped).
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
    /// How sure the detection is: the share of decoded words that are valid Vietnamese syllables
    /// (1.0 for clean UTF-8, and for a forced encoding).
    pub confidence: f64,
}

/// Decodes bytes, detecting the encoding.
///
/// # Errors
/// [`ErrorKind::Binary`] for data holding NUL bytes, [`ErrorKind::UnknownEncoding`] when the bytes
/// are neither UTF-8 nor a legacy Vietnamese encoding.
///
/// ```
/// let d = vntext::decode::decode("Việt Nam".as_bytes()).unwrap();
/// assert_eq!(d.text, "Việt Nam");
/// assert_eq!(d.encoding, vntext::decode::Encoding::Utf8);
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    decode_as(bytes, Encoding::Utf8)
}

/// Decodes bytes in the given encoding, with no detection.
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] when UTF-8 is asked for and the bytes are not UTF-8.
///
/// ```
/// use vntext::decode::{decode_as, Encoding};
/// assert_eq!(decode_as(b"Ha Noi", Encoding::Utf8).unwrap().text, "Ha Noi");
/// ```
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, Error> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match encoding {
        _ => match std::str::from_utf8(body) {
            Ok(s) => Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: Encoding::Utf8,
                confidence: 1.0,
            }),
            Err(e) => Err(Error::new(ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to() + (bytes.len() - body.len()),
            })),
        },
    }
}

/// Decodes bytes, never failing: like [`decode`], but bytes that fit no encoding become U+FFFD.
///
/// ```
/// let d = vntext::decode::decode_lossy(b"ok \xff");
/// assert!(d.text.starts_with("ok "));
/// ```
pub fn decode_lossy(bytes: &[u8]) -> Decoded<'_> {
    match decode(bytes) {
        Ok(d) => d,
        Err(_) => Decoded {
            text: String::from_utf8_lossy(bytes),
            encoding: Encoding::Utf8,
            confidence: 0.0,
        },
    }
}
