//! The crate's error type (lỗi).

use std::fmt;

/// An error from building an [`Analyzer`](crate::Analyzer), decoding bytes, or reading a table.
///
/// The type is opaque; inspect it with [`Error::kind`]. Analysis itself never fails.
///
/// # Example
/// ```
/// use vntext::{decode::{decode_as, Encoding}, ErrorKind};
/// let err = decode_as(b"\xff\xfe ok", Encoding::Utf8).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 0 }));
/// assert!(err.to_string().contains("byte 0"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong, with where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8 and the caller asked for UTF-8 (or no legacy encoding fits).
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// UTF-16 was read (a byte-order mark said so, or the caller asked) and the bytes hold an
    /// unpaired surrogate or an odd trailing byte.
    InvalidUtf16 {
        /// Byte offset of the first invalid code unit.
        offset: usize,
    },
    /// The bytes are neither UTF-8 nor any supported legacy Vietnamese encoding.
    UnknownEncoding {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The input looks binary (it holds NUL bytes), not text.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// An encoding name that this crate does not know.
    UnknownEncodingName(String),
    /// A line of a data table could not be parsed.
    Table {
        /// The table's name (its path in `data/` without `.tsv`, or the name given to a user
        /// addition).
        table: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with that line.
        message: String,
    },
    /// An invalid option given to a builder.
    InvalidOption(String),
}

impl Error {
    /// Creates an error of the given kind.
    ///
    /// ```
    /// use vntext::{Error, ErrorKind};
    /// let e = Error::new(ErrorKind::InvalidOption("tone style".into()));
    /// assert_eq!(e.kind(), &ErrorKind::InvalidOption("tone style".into()));
    /// ```
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    /// The kind of error, to inspect.
    ///
    /// ```
    /// use vntext::{Error, ErrorKind};
    /// let e = Error::new(ErrorKind::Binary { offset: 3 });
    /// assert!(matches!(e.kind(), ErrorKind::Binary { offset: 3 }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte {offset}")
            }
            ErrorKind::InvalidUtf16 { offset } => {
                write!(f, "invalid UTF-16 at byte {offset}")
            }
            ErrorKind::UnknownEncoding { offset } => write!(
                f,
                "not UTF-8 (first invalid byte at {offset}) and no Vietnamese legacy encoding fits"
            ),
            ErrorKind::Binary { offset } => {
                write!(f, "binary data, not text (NUL byte at {offset})")
            }
            ErrorKind::UnknownEncodingName(name) => write!(f, "unknown encoding name {name:?}"),
            ErrorKind::Table {
                table,
                line,
                message,
            } => write!(f, "data table {table}, line {line}: {message}"),
            ErrorKind::InvalidOption(msg) => write!(f, "invalid option: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
