//! A per-thread memo of what a token's bytes give: its key, its [`Case`] and its lexicon word id.
//!
//! A text repeats its words: a few thousand distinct syllables make up most of any Vietnamese
//! document, and punctuation repeats more. Building a token's key ([`push_key`]) and looking the
//! key up among the lexicons' words (a hash and a comparison) cost more than the rest of the
//! token's share of the document build together, and both depend on the token's bytes alone
//! (and on the [`Lexicons`], for the word id). So the answers are remembered per thread, keyed
//! by the bytes of tokens of at most 15 bytes, in a direct-mapped table: a token seen before
//! costs one 16-byte load, a hash of two words and a compare.
//!
//! A memo belongs to one [`Lexicons`] (by [`Lexicons::id`]). A thread keeps the memos of the
//! last [`MEMOS`] lexicons it used (an application may alternate analyzers with different user
//! lexicons), 192 KiB each, for the thread's life; a fifth lexicons takes over the memo used
//! longest ago, emptied. A memo is taken out of its thread-local slot for the length of one
//! document build and put back after, so a build inside a build (never done today) only starts
//! with an empty memo; a build while the thread's locals are being destroyed uses a fresh memo
//! and drops it.

use std::cell::RefCell;

use super::key::{Case, push_key};
use crate::lexicon::Lexicons;
use crate::tokenize::MASKS;

/// Entries of the memo (a power of two).
const SETS: usize = 4096;

/// Longest token (in bytes) the memo holds: its bytes and the length fit one `u128` tag.
const MAX_LEN: usize = 15;

/// The word id of "no word" in an entry.
const NO_WORD: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Entry {
    /// The token's bytes, zero-padded, with the length in the top byte (0: empty entry).
    tag: u128,
    /// The key's bytes, zero-padded.
    key: [u8; 16],
    key_len: u8,
    case: Case,
    word: u32,
}

const EMPTY: Entry = Entry {
    tag: 0,
    key: [0; 16],
    key_len: 0,
    case: Case::None,
    word: NO_WORD,
};

/// The memo of one thread.
pub(super) struct KeyMemo {
    lexicons: u64,
    entries: Box<[Entry]>,
}

thread_local! {
    /// The thread's memos, the one used last at the end.
    static MEMO: RefCell<Vec<KeyMemo>> = const { RefCell::new(Vec::new()) };
}

/// How many lexicons' memos a thread keeps.
const MEMOS: usize = 4;

impl KeyMemo {
    /// This thread's memo for `lexicons` (a fresh one the first time, or one of lexicons used
    /// longer ago, emptied).
    pub(super) fn take(lexicons: &Lexicons) -> KeyMemo {
        let id = lexicons.id();
        let found = MEMO
            .try_with(|m| {
                let mut memos = m.borrow_mut();
                match memos.iter().position(|m| m.lexicons == id) {
                    Some(k) => Some(memos.remove(k)),
                    None if memos.len() >= MEMOS => Some(memos.remove(0)),
                    None => None,
                }
            })
            .ok()
            .flatten();
        match found {
            Some(m) if m.lexicons == id => m,
            Some(mut m) => {
                m.entries.fill(EMPTY);
                m.lexicons = id;
                m
            }
            None => KeyMemo {
                lexicons: id,
                entries: vec![EMPTY; SETS].into_boxed_slice(),
            },
        }
    }

    /// Gives the memo back to this thread (dropped if the thread's locals are gone).
    pub(super) fn give_back(self) {
        let _ = MEMO.try_with(|m| {
            let mut memos = m.borrow_mut();
            if memos.len() < MEMOS {
                memos.push(self);
            }
        });
    }

    /// Appends the key of the token `text[start..end]` to `out` and returns its case and word
    /// id, from the memo when the token's bytes were seen before.
    #[inline(always)]
    pub(super) fn key(
        &mut self,
        lexicons: &Lexicons,
        out: &mut Vec<u8>,
        text: &str,
        start: usize,
        end: usize,
    ) -> (Case, Option<u32>) {
        let b = text.as_bytes();
        let n = end - start;
        if n == 0 || n > MAX_LEN {
            return slow(lexicons, out, &text[start..end]);
        }
        let bytes = match b[start..].first_chunk::<16>() {
            Some(&s) => u128::from_le_bytes(s) & MASKS[n],
            None => {
                let mut s = [0u8; 16];
                s[..n].copy_from_slice(&b[start..end]);
                u128::from_le_bytes(s)
            }
        };
        let tag = bytes | (u128::from(n as u8) << 120);
        let mix = (tag as u64) ^ ((tag >> 64) as u64).rotate_left(29);
        let set =
            (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SETS.trailing_zeros())) as usize;
        let e = &mut self.entries[set];
        if e.tag == tag {
            let at = out.len();
            out.extend_from_slice(&e.key);
            out.truncate(at + usize::from(e.key_len));
            return (e.case, (e.word != NO_WORD).then_some(e.word));
        }
        let at = out.len();
        let (case, word) = slow(lexicons, out, &text[start..end]);
        let key = &out[at..];
        if key.len() <= 16 {
            let mut k = [0u8; 16];
            k[..key.len()].copy_from_slice(key);
            *e = Entry {
                tag,
                key: k,
                key_len: key.len() as u8,
                case,
                word: word.unwrap_or(NO_WORD),
            };
        }
        (case, word)
    }
}

/// The memo's miss path: builds the key and looks it up.
#[inline(never)]
fn slow(lexicons: &Lexicons, out: &mut Vec<u8>, token: &str) -> (Case, Option<u32>) {
    let at = out.len();
    let case = push_key(out, token);
    (case, lexicons.word(&out[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::lexicon::{Addition, Lex};
    use crate::normalize::Normalizer;

    /// Every token's key, case and word id, through the memo, are those computed afresh; seen
    /// twice (the second time from the memo), they are the same again.
    #[test]
    fn memo_answers_are_the_fresh_ones() {
        let text = "Chủ tịch UBND tỉnh Hoà Bình, CHỦ TỊCH Ủy ban nhân dân tỉnh hòa bình; \
                    Thuỷ lợi — thủy lợi 14,7 % Quyết định số 12/QĐ-UBND ngày 09/4/2021 \
                    nghiêngnghiêngnghiêng Ðinh ĐINH đinh “trích” … x";
        let lex = Lexicons::embedded();
        let toks: Vec<_> = crate::tokenize::tokens(text).collect();
        let mut memo = KeyMemo::take(lex);
        for round in 0..2 {
            let mut out = Vec::new();
            for t in &toks {
                let at = out.len();
                let (case, word) = memo.key(lex, &mut out, text, t.start, t.end);
                let mut fresh = Vec::new();
                let fresh_case = push_key(&mut fresh, t.text);
                assert_eq!(&out[at..], &fresh[..], "key of {:?}, round {round}", t.text);
                assert_eq!(case, fresh_case, "case of {:?}", t.text);
                assert_eq!(word, lex.word(&fresh), "word of {:?}", t.text);
            }
        }
        memo.give_back();
    }

    /// Word ids belong to one `Lexicons`: a document built with other lexicons on the same
    /// thread sees its own words (a user's added title), and the embedded ones again after;
    /// a thread keeps the memos of its last `MEMOS` lexicons.
    #[test]
    fn each_lexicons_has_its_own_memo() {
        let mine = Lexicons::build(&[Addition {
            lex: Lex::Title,
            name: "my titles".into(),
            tsv: "Trưởng xóm Zyxwa\ttitle\n".into(),
        }])
        .unwrap();
        let text = "Trưởng xóm Zyxwa đến.";
        let n = Normalizer::new();
        let title = |doc: &Document<'_>| doc.hit(0, Lex::Title).map(|h| h.end);
        assert_eq!(title(&Document::with(text, &n, Lexicons::embedded())), None);
        assert_eq!(title(&Document::with(text, &n, &mine)), Some(3));
        assert_eq!(title(&Document::with(text, &n, Lexicons::embedded())), None);
        assert_eq!(title(&Document::with(text, &n, &mine)), Some(3));
        // Alternating two lexicons keeps both memos filled: the embedded one's memo comes back
        // with the words it saw.
        let filled = |m: &KeyMemo| m.entries.iter().filter(|e| e.tag != 0).count();
        let m = KeyMemo::take(Lexicons::embedded());
        assert!(filled(&m) >= 4, "{}", filled(&m));
        m.give_back();
        // A fifth lexicons takes over the memo used longest ago (the embedded one's, here),
        // emptied: the four most recent stay.
        let others: Vec<Lexicons> = (0..MEMOS)
            .map(|k| {
                Lexicons::build(&[Addition {
                    lex: Lex::Title,
                    name: "my titles".into(),
                    tsv: format!("Trưởng xóm Zyxw{k}\ttitle\n"),
                }])
                .unwrap()
            })
            .collect();
        for l in &others {
            Document::with(text, &n, l);
        }
        let m = KeyMemo::take(Lexicons::embedded());
        assert_eq!(filled(&m), 0);
        m.give_back();
        MEMO.with(|m| assert_eq!(m.borrow().len(), MEMOS));
    }
}
