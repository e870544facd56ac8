//! Cue phrases of the layout tables at a token (page chrome, dateline, byline, weekday and legal
//! words): the document's automaton already found them; a cue is the longest hit of its table
//! that ends by a limit (the end of the line it starts on).

use crate::document::Document;
use crate::lexicon::{Entry, Lex};

/// A cue phrase found at a token: where it ends and its table row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue<'a> {
    /// One past its last token.
    pub end: usize,
    /// Its row.
    pub entry: &'a Entry,
}

impl<'a> Cue<'a> {
    /// The row's kind (`""` when the table has none).
    pub fn kind(&self) -> &'a str {
        self.entry.kind().unwrap_or("")
    }
}

/// The longest page-chrome cue starting at token `i` and ending by `limit` (the line's end).
pub(crate) fn page_cue<'d>(doc: &Document<'d>, i: usize, limit: usize) -> Option<Cue<'d>> {
    if !doc.has(i, Lex::PageCue) {
        return None;
    }
    let h = doc
        .hits_at(i)
        .iter()
        .find(|h| h.lex == Lex::PageCue && h.end <= limit)?;
    Some(Cue {
        end: h.end,
        entry: doc.lexicons().entry(h),
    })
}

/// The longest phrase of the table `lex` starting at token `i` and ending by `limit` (the
/// document's automaton found it; this reads its hits). `_buf` is kept for callers that reuse a
/// buffer between calls.
pub(crate) fn lookup<'d>(
    doc: &Document<'d>,
    lex: Lex,
    i: usize,
    limit: usize,
    _buf: &mut String,
) -> Option<Cue<'d>> {
    if !doc.has(i, lex) {
        return None;
    }
    let h = doc
        .hits_at(i)
        .iter()
        .find(|h| h.lex == lex && h.end <= limit)?;
    Some(Cue {
        end: h.end,
        entry: doc.lexicons().entry(h),
    })
}
