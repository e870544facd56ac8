//! Cue phrases of the layout tables at a token: the matched page-chrome cues (hits the document
//! already holds) and the looked-up labels (dateline, byline, weekday, legal words), all cut at
//! the end of the line they start on.

use crate::document::Document;
use crate::lexicon::{Entry, Lex};

/// Longest phrase a looked-up table holds, in tokens.
const MAX_PHRASE: usize = 8;

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

/// The longest phrase of the looked-up table `lex` starting at token `i` and ending by `limit`.
/// Builds the keys of at most [`MAX_PHRASE`] tokens into `buf` (reused between calls).
pub(crate) fn lookup<'d>(
    doc: &Document<'d>,
    lex: Lex,
    i: usize,
    limit: usize,
    buf: &mut String,
) -> Option<Cue<'d>> {
    let last = limit.min(i + MAX_PHRASE).min(doc.len());
    if i >= last {
        return None;
    }
    buf.clear();
    let mut ends: [usize; MAX_PHRASE] = [0; MAX_PHRASE];
    for (n, j) in (i..last).enumerate() {
        if j > i {
            // Phrases never cross a blank line or a column gap.
            let gap = doc.token(j).gap;
            if matches!(
                gap,
                crate::document::Gap::Paragraph | crate::document::Gap::Column
            ) {
                break;
            }
            buf.push(' ');
        }
        buf.push_str(doc.key(j));
        ends[n] = buf.len();
    }
    let lexicons = doc.lexicons();
    for n in (0..last - i).rev() {
        if ends[n] == 0 {
            continue;
        }
        if let Some(entry) = lexicons.get(lex, &buf[..ends[n]]) {
            return Some(Cue {
                end: i + n + 1,
                entry,
            });
        }
    }
    None
}
