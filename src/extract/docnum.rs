//! Document numbers (số, ký hiệu văn bản): `69-KL/TU`, `67/2022/TT-BTC`, `1234/QĐ-TTg`.
//!
//! Three numbering systems (REFERENCE §1):
//! - state legal normative documents (văn bản quy phạm pháp luật): `số/năm/LOẠI-CƠ QUAN`
//!   (`67/2022/TT-BTC`), laws and National Assembly resolutions `số/năm/QH{khóa}` (`04/1998/QH10`),
//!   old forms `144/2002/QĐ/BTC`;
//! - state administrative documents (văn bản hành chính, NĐ 30/2020): `số/LOẠI-CƠ QUAN`
//!   (`1234/QĐ-TTg`), công văn without a type `số/CƠ QUAN-ĐƠN VỊ` (`5110/VPCP-KTTH`), old `178/CP`;
//! - Party documents (văn bản của Đảng, HD 36-HD/VPTW): `số-LOẠI/CƠ QUAN` (`69-KL/TU`).
//!
//! Old Ministry of Finance symbols put the issuer first (`1141-TC/QĐ/CĐKT`: Bộ Tài chính, Quyết
//! định, Chế độ kế toán) and are often typed with a space or nothing for the hyphen
//! (`Thông tư số 04 TC/TCT`, `90TC/TCT`): that form is read only when a known state issuer code
//! follows the number and `số` or a kind word precedes it.
//!
//! The recogniser is tolerant of real text: `Số:`/`SỐ:`/`số` glued or spaced, spaces around `/` and
//! `-`, en dashes, Ð (U+00D0) for Đ, line breaks inside the symbol, lower-case symbols. A symbol
//! needs an issuer code: dates, ratios, scales, form codes (`Mẫu số 05-BCMT`), standard codes
//! (`QCVN 01:2009/BYT`) and bare citations (`Nghị quyết 52/2017`) are not document numbers.
//!
//! The recogniser reads the tokens of a [`Document`]: a symbol starts at a token beginning with
//! digits and runs over the following tokens (a document-code token such as `67/2022/TT-BTC`
//! holds several of its parts; spaced and broken symbols are several tokens); the words before
//! it (`số`, kind words of `data/docnum/kind_words.tsv`, the words of
//! `data/docnum/not_doc_words.tsv`) are lexicon hits; the codes are looked up in the code tables
//! (`data/docnum/{state,party,historical}_types.tsv`, `issuers.tsv`). The date written after a
//! number (`số 69-KL/TU, ngày 09/4/2021`) is the [`Dates`](crate::extract::Dates) extractor's,
//! linked to the number in [`crate::extract::resolve`].
//!
//! Every occurrence is returned, in text order; [`unique`] keeps the first one of each number.

use std::cell::RefCell;

use super::dates::{DateKind, DateMention};
use crate::Span;
use crate::document::key::push_key;
use crate::document::{Case, Document, Gap, Value};
use crate::lexicon::{Entry, Lex, Lexicons};
use crate::stats::NumberFormat;
use crate::tokenize::TokenKind;
use crate::tokenize::chars::{is_alnum, is_letter, is_lower, is_upper};

/// Which numbering system a document number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum System {
    /// Party documents (`69-KL/TU`): number-TYPE/ISSUER.
    Party,
    /// State legal normative documents (văn bản quy phạm pháp luật): number/year/TYPE-ISSUER.
    StateNormative,
    /// State administrative documents (văn bản hành chính): number/TYPE-ISSUER.
    StateAdministrative,
}

/// A document number found in a text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocumentNumber {
    /// The text as written (`Số:67/2022/TT-BTC`), `input[start..end]`.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The number, without leading zeros (`"4"` for `04-TB/HĐ`).
    pub number: String,
    /// The year, when the symbol carries one.
    pub year: Option<i32>,
    /// The type code with Đ (`QĐ`, `TT`, `KL`); `None` for a công văn.
    pub doc_type: Option<String>,
    /// The Vietnamese name of the type (`Kết luận`).
    pub doc_type_name: Option<String>,
    /// The issuing body's code (`TU`, `BTC`, `VPCP-KTTH`).
    pub issuer: Option<String>,
    /// The numbering system.
    pub system: System,
    /// The document's kind word when the text gives it (`Kết luận`, `Nghị định`).
    pub kind_word: Option<String>,
    /// The document's date when the text gives it next to the number (ISO `YYYY-MM-DD`).
    pub date: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Code tables (data/docnum/*.tsv), looked up through the document's lexicons.

/// The code tables of a document's lexicons.
#[derive(Clone, Copy)]
struct Codes<'a> {
    lex: &'a Lexicons,
    /// Where the lookup keys are written, one at a time (no string per lookup).
    buf: &'a RefCell<Vec<u8>>,
}

/// A row of a type table: its code as the table writes it (`TTr`, `QĐ`), its name and the name it
/// takes after a matching kind word (`Quy định` for `QĐ`).
#[derive(Clone, Copy)]
struct TypeRow<'a> {
    code: &'a str,
    name: &'a str,
    also: &'a str,
}

impl<'a> Codes<'a> {
    /// Looks `code` up by its key (lower case, `Ð` read as `đ`: the lexicons' keys), written in
    /// the shared buffer. The buffer stays borrowed while `f` runs: `f` must not look up another
    /// code (a nested call would panic on the borrow).
    fn with_key<T>(self, code: &str, f: impl FnOnce(&str) -> T) -> T {
        let mut buf = self.buf.borrow_mut();
        buf.clear();
        push_key(&mut buf, code);
        f(std::str::from_utf8(&buf).unwrap_or_default())
    }

    fn entry(self, lex: Lex, code: &str) -> Option<&'a Entry> {
        self.with_key(code, |k| self.lex.get(lex, k))
    }

    /// The row of a type table whose code (or one of its ASCII spellings: `ND` for `NĐ`) is
    /// `code`, whatever its case.
    fn row(self, lex: Lex, code: &str) -> Option<TypeRow<'a>> {
        let e = self.entry(lex, code)?;
        Some(TypeRow {
            code: e.phrase(),
            name: e.col(1),
            also: e.col(3),
        })
    }

    fn state_type(self, code: &str) -> Option<TypeRow<'a>> {
        self.row(Lex::StateType, code)
    }

    fn historical_type(self, code: &str) -> Option<TypeRow<'a>> {
        self.row(Lex::HistoricalType, code)
    }

    fn party_type(self, code: &str) -> Option<TypeRow<'a>> {
        self.row(Lex::PartyType, code)
    }

    /// An issuer of the table: its code as written there and whether it is a Party body.
    fn issuer(self, code: &str) -> Option<(&'a str, bool)> {
        let e = self.entry(Lex::Issuer, code)?;
        Some((e.phrase(), e.kind() == Some("party")))
    }

    /// A code of any table (types or issuers), whatever its case.
    fn known(self, code: &str) -> bool {
        self.with_key(code, |k| {
            [
                Lex::StateType,
                Lex::PartyType,
                Lex::HistoricalType,
                Lex::Issuer,
            ]
            .iter()
            .any(|&lex| self.lex.get(lex, k).is_some())
        })
    }

    /// Whether an issuer code belongs to the Party (`TW`, `TU`, `BTGTU`: a Party code, or one
    /// ending with a code the issuer table marks as a suffix).
    fn is_party_issuer(self, code: &str) -> bool {
        if self.issuer(code).is_some_and(|i| i.1) {
            return true;
        }
        code.char_indices().rev().skip(1).take(2).any(|(i, _)| {
            self.entry(Lex::Issuer, &code[i..])
                .is_some_and(|e| e.col(3) == "suffix")
        })
    }

    fn is_state_issuer(self, code: &str) -> bool {
        self.issuer(code).is_some_and(|i| !i.1)
    }
}

/// Comparison key of a code in [`unique`]: Ð/ð → Đ/đ, upper case ("Ctr" and "CTr" are one code).
fn key(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            'Ð' | 'ð' | 'đ' => 'Đ',
            c => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Pieces of a symbol: the tokens from a number on, read as alphanumeric runs and separators.

/// The longest alphanumeric run read as one part of a symbol, in bytes.
const MAX_PART: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    /// Letters and digits (`QĐ`, `2022`, `HĐNN8`, `1234a`), joined across glued tokens.
    Alnum,
    Slash,
    Dash,
    Dot,
    Amp,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    kind: PieceKind,
    start: usize,
    end: usize,
    /// Whitespace before it (between tokens, or inside a spaced code token).
    gap: bool,
    /// The token holding its end.
    tok: usize,
}

/// The pieces from token `i` on, read lazily: a symbol's tokens are numbers, codes, words and
/// the separators `/`, `-`, `.`, `&` (a document-code token such as `67/2022/TT-BTC` holds
/// several); anything else ends the symbol.
struct Pieces<'d, 'a> {
    doc: &'d Document<'a>,
    buf: Vec<Piece>,
    tok: usize,
    pos: usize,
    gap: bool,
    done: bool,
}

impl<'d, 'a> Pieces<'d, 'a> {
    /// A reader over `doc`; [`Pieces::restart`] places it on a token.
    fn new(doc: &'d Document<'a>) -> Self {
        Pieces {
            doc,
            buf: Vec::new(),
            tok: 0,
            pos: 0,
            gap: false,
            done: true,
        }
    }

    /// Starts again at token `i`, keeping the buffer.
    fn restart(&mut self, i: usize) {
        self.buf.clear();
        self.tok = i;
        self.pos = self.doc.token(i).span.start;
        self.gap = false;
        self.done = false;
    }

    /// Whether token `j` can be part of a symbol.
    fn material(&self, j: usize) -> bool {
        self.doc.get(j).is_some_and(|t| {
            matches!(
                t.kind,
                TokenKind::Number
                    | TokenKind::Date
                    | TokenKind::DocumentCode
                    | TokenKind::Abbreviation
                    | TokenKind::Syllable
                    | TokenKind::InvalidSyllable
                    | TokenKind::Foreign
                    | TokenKind::Punctuation
                    | TokenKind::Symbol
            )
        })
    }

    fn get(&mut self, k: usize) -> Option<Piece> {
        while self.buf.len() <= k && !self.done {
            self.lex_one();
        }
        self.buf.get(k).copied()
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        let text = self.doc.text();
        match text.as_bytes().get(pos) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => text.get(pos..)?.chars().next(),
            None => None,
        }
    }

    fn lex_one(&mut self) {
        loop {
            let Some(t) = self.doc.get(self.tok) else {
                self.done = true;
                return;
            };
            if self.pos >= t.span.end {
                let j = self.tok + 1;
                if !self.material(j) {
                    self.done = true;
                    return;
                }
                let n = self.doc.token(j);
                self.tok = j;
                self.pos = n.span.start;
                self.gap |= n.gap != Gap::None;
                continue;
            }
            let Some(c) = self.char_at(self.pos) else {
                self.done = true;
                return;
            };
            if c.is_whitespace() {
                self.gap = true;
                self.pos += c.len_utf8();
                continue;
            }
            let kind = match c {
                '/' | '／' => PieceKind::Slash,
                '-' | '–' | '—' | '‐' | '‑' | '−' => PieceKind::Dash,
                '.' => PieceKind::Dot,
                '&' => PieceKind::Amp,
                c if is_alnum(c) => PieceKind::Alnum,
                _ => {
                    self.done = true;
                    return;
                }
            };
            let start = self.pos;
            let mut end = self.pos + c.len_utf8();
            if kind == PieceKind::Alnum {
                loop {
                    let tend = self.doc.token(self.tok).span.end;
                    while end < tend && end - start <= MAX_PART {
                        match self.char_at(end) {
                            Some(c) if is_alnum(c) => end += c.len_utf8(),
                            _ => break,
                        }
                    }
                    if end - start > MAX_PART {
                        // No part of a symbol is that long ("1a1a1a…"): stop here, so that
                        // each start reads a bounded run and the scan stays linear.
                        self.done = true;
                        return;
                    }
                    // A run goes on into a glued token: `1234` + `a`.
                    let j = self.tok + 1;
                    if end == tend
                        && self.material(j)
                        && self.doc.token(j).gap == Gap::None
                        && self.char_at(end).is_some_and(is_alnum)
                    {
                        self.tok = j;
                        continue;
                    }
                    break;
                }
            }
            self.buf.push(Piece {
                kind,
                start,
                end,
                gap: std::mem::take(&mut self.gap),
                tok: self.tok,
            });
            self.pos = end;
            return;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Slash,
    Dash,
}

/// A group of a symbol after its separator: `TT`, `BTC`, `2022`, `QĐ.UB`, `BGD&ĐT`, `L.003`.
#[derive(Debug, Clone, Copy)]
struct Group<'t> {
    sep: Sep,
    text: &'t str,
    /// Byte end in the document's text.
    end: usize,
    /// The token holding its end.
    tok: usize,
}

/// A symbol read from the tokens: its number and groups.
struct Symbol<'t> {
    num: (usize, usize),
    num_tok: usize,
    groups: Vec<Group<'t>>,
    /// Whitespace inside (`144 /2002/QĐ/BTC`, `57 - NQ/TW`).
    spaced: bool,
    /// An old symbol without the hyphen after its number (`04 TC/TCT`, `90TC/TCT`).
    glued: bool,
    /// The last token the symbol's pieces reach (where the scan resumes).
    last_tok: usize,
}

/// Appends to `groups` the groups `(gap? sep gap? group)+` from piece `k` on; whether there is
/// whitespace inside them.
fn read_groups<'t>(
    ps: &mut Pieces<'_, '_>,
    text: &'t str,
    mut k: usize,
    groups: &mut Vec<Group<'t>>,
) -> bool {
    let mut spaced = false;
    while let Some(s) = ps.get(k) {
        let sep = match s.kind {
            PieceKind::Slash => Sep::Slash,
            PieceKind::Dash => Sep::Dash,
            _ => break,
        };
        let Some(g) = ps.get(k + 1) else { break };
        if g.kind != PieceKind::Alnum {
            break;
        }
        // Inner dots and ampersands: `QĐ.UB`, `L.003`, `BGD&ĐT`.
        let mut last = k + 1;
        // The piece after a joiner is read only when there is a joiner: reading on past the
        // symbol into the words after it costs more than the symbol itself.
        while let Some(a) = ps.get(last + 1)
            && matches!(a.kind, PieceKind::Dot | PieceKind::Amp)
            && !a.gap
            && let Some(b) = ps.get(last + 2)
        {
            let joins = match a.kind {
                PieceKind::Dot => true,
                _ => text[b.start..].starts_with(is_letter),
            };
            if b.gap || b.kind != PieceKind::Alnum || !joins {
                break;
            }
            last += 2;
        }
        let end = ps.buf[last];
        spaced |= s.gap || g.gap;
        let group = &text[g.start..end.end];
        // A missing space after the symbol: "TT-BGDĐTvề" → "TT-BGDĐT" + "về".
        if let Some(cut) = glued_word_start(group) {
            groups.push(Group {
                sep,
                text: &group[..cut],
                end: g.start + cut,
                tok: end.tok,
            });
            break;
        }
        groups.push(Group {
            sep,
            text: group,
            end: end.end,
            tok: end.tok,
        });
        k = last + 1;
    }
    spaced
}

/// The number of a symbol: one to five digits and an optional lower-case letter (`1234a`).
fn is_number(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=5).contains(&digits)
        && (b.len() == digits || (b.len() == digits + 1 && b[digits].is_ascii_lowercase()))
}

/// Reads the symbol whose number starts token `i` (a token starting with a digit). The
/// symbol's groups are read into `spare` (a vector kept from symbol to symbol), which the
/// symbol takes.
#[inline(never)]
fn read_symbol<'t>(
    doc: &'t Document<'_>,
    ps: &mut Pieces<'_, '_>,
    codes: Codes<'_>,
    i: usize,
    spare: &mut Vec<Group<'t>>,
) -> Option<Symbol<'t>> {
    let text = doc.text();
    ps.restart(i);
    spare.clear();
    let p0 = ps.get(0)?;
    if p0.kind != PieceKind::Alnum {
        return None;
    }
    let num = &text[p0.start..p0.end];
    if is_number(num) {
        let spaced = read_groups(ps, text, 1, spare);
        if let Some(last) = spare.last() {
            let last_tok = last.tok;
            return Some(Symbol {
                num: (p0.start, p0.end),
                num_tok: i,
                groups: std::mem::take(spare),
                spaced,
                glued: false,
                last_tok,
            });
        }
    }
    glued_issuer(ps, text, codes, i, spare)
}

/// An old symbol written without the hyphen after its number, a known state issuer code right
/// after the number (one space or nothing between) and a slash right after the code:
/// `Thông tư số 04 TC/TCT`, `90TC/TCT`, `Quyết định số 1141 TC/QĐ/CĐKT` for `1141-TC/QĐ/CĐKT`
/// (Bộ Tài chính), `72A TC/TCT`. The cue word is checked by the caller.
fn glued_issuer<'t>(
    ps: &mut Pieces<'_, '_>,
    text: &'t str,
    codes: Codes<'_>,
    i: usize,
    spare: &mut Vec<Group<'t>>,
) -> Option<Symbol<'t>> {
    let p0 = ps.get(0)?;
    let run = &text[p0.start..p0.end];
    let digits = run.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) {
        return None;
    }
    let is_code_letter = |c: char| c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'Ð');
    let (num_end, code, slash) = if run.len() > digits {
        let tail = &run[digits..];
        if tail.len() == 1 && tail.as_bytes()[0].is_ascii_uppercase() {
            // `72A TC/TCT`: a capital closing the number, a space, the code.
            let p1 = ps.get(1)?;
            if text.get(p0.end..p1.start) != Some(" ") || p1.kind != PieceKind::Alnum {
                return None;
            }
            (p0.end, (p1.start, p1.end), 2)
        } else {
            // `90TC/TCT`: the code glued to the number.
            (p0.start + digits, (p0.start + digits, p0.end), 1)
        }
    } else {
        let p1 = ps.get(1)?;
        if text.get(p0.end..p1.start) != Some(" ") || p1.kind != PieceKind::Alnum {
            return None;
        }
        (p0.end, (p1.start, p1.end), 2)
    };
    let code_text = &text[code.0..code.1];
    if code_text.chars().count() > 8 || !code_text.chars().all(is_code_letter) {
        return None;
    }
    let s = ps.get(slash)?;
    if s.kind != PieceKind::Slash || s.gap {
        return None;
    }
    // A state issuer, written in the table's case.
    let canon_case = codes.issuer(code_text).is_some_and(|(canon, party)| {
        !party
            && code_text
                .chars()
                .map(|c| if c == 'Ð' { 'Đ' } else { c })
                .eq(canon.chars())
    });
    if !canon_case {
        return None;
    }
    spare.clear();
    spare.push(Group {
        sep: Sep::Dash,
        text: code_text,
        end: code.1,
        tok: ps.buf[slash - 1].tok,
    });
    let spaced = read_groups(ps, text, slash, spare);
    if spare.len() < 2 {
        return None;
    }
    let last_tok = spare.last()?.tok;
    Some(Symbol {
        num: (p0.start, num_end),
        num_tok: i,
        groups: std::mem::take(spare),
        spaced,
        glued: true,
        last_tok,
    })
}

/// Where a lower-case word glued to an upper-case code starts (`BGDĐTvề` → 5), if any: at least
/// two capitals, then at least two lower-case letters to the end.
fn glued_word_start(g: &str) -> Option<usize> {
    let upper_len: usize = g
        .chars()
        .take_while(|&c| is_upper(c) || c.is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    let tail = &g[upper_len..];
    // (the cheap tests first: most groups have no tail)
    (tail.len() >= 2
        && g[..upper_len].chars().filter(|&c| is_upper(c)).count() >= 2
        && tail.chars().count() >= 2
        && tail.chars().all(is_lower)
        && !is_code_shape(g))
    .then_some(upper_len)
}

/// The shape of a code without the tables: starts with a letter, no lower-case letter.
fn is_code_shape(g: &str) -> bool {
    g.chars().next().is_some_and(is_letter) && !g.chars().any(is_lower)
}

/// A group that can be a code: starts with a letter, upper case except known mixed-case codes
/// (`TTg`, `QĐi`, `CTr`) or one lower-case letter after capitals; or all lower case (`qđ-ubnd`,
/// headers typed in lower case) when it is a known code.
fn is_code(codes: Codes<'_>, g: &str) -> bool {
    let Some(first) = g.chars().next() else {
        return false;
    };
    if !is_letter(first) {
        return false;
    }
    let (mut lower, mut upper) = (0, 0);
    for c in g.chars() {
        if is_lower(c) {
            lower += 1;
        } else if is_upper(c) {
            upper += 1;
        }
    }
    if lower == 0 {
        return true;
    }
    if lower > 8 {
        return false; // a word, not a code; skip the table lookups
    }
    let known = codes.known(g);
    if upper == 0 {
        return known && g.len() >= 2;
    }
    is_upper(first) && (lower == 1 || known)
}

// ---------------------------------------------------------------------------------------------
// The context of a number: the words before it, the numbers listed with it.

struct Prefix<'a> {
    /// Byte where the document number's text starts (`Số`, the kind word, or the number).
    start: usize,
    kind: Option<&'a str>,
    has_so: bool,
    not_doc: bool,
}

/// The longest kind word of `data/docnum/kind_words.tsv` ending before token `k`: its first
/// token and its name. Abbreviations count only in capitals (`QĐ số`, not `qđ số`).
fn kind_ending<'a>(doc: &Document<'a>, k: usize) -> Option<(usize, &'a str)> {
    let lex = doc.lexicons();
    for s in k.saturating_sub(MAX_KIND_TOKENS)..k {
        if !doc.has(s, Lex::DocumentKind) {
            continue;
        }
        for h in doc.hits_at(s) {
            if h.lex != Lex::DocumentKind || h.end != k {
                continue;
            }
            let e = lex.entry(h);
            if e.kind() == Some("abbr") {
                if (h.start..h.end).all(|t| doc.token(t).case == Case::Upper) {
                    return Some((s, e.col(2)));
                }
            } else {
                return Some((s, e.phrase()));
            }
        }
    }
    None
}

/// The longest kind word, in tokens.
const MAX_KIND_TOKENS: usize = 6;

/// Reads back from the number at token `n`: `Số:`, `số`, a kind word, and words that rule the
/// number out (`Mẫu số`, `thửa`, `QCVN`).
fn read_prefix<'a>(doc: &Document<'a>, n: usize) -> Prefix<'a> {
    let mut p = Prefix {
        start: doc.token(n).span.start,
        kind: None,
        has_so: false,
        not_doc: false,
    };
    let mut k = n;
    let had_colon = k > 0 && doc.key(k - 1) == ":";
    if had_colon {
        k -= 1;
    }
    if k > 0 && matches!(doc.key(k - 1), "số" | "sô" | "so") {
        p.has_so = true;
        p.start = doc.token(k - 1).span.start;
        k -= 1;
    } else if had_colon {
        // "Ký hiệu: 12/QĐ-UBND" and the like: keep the number alone.
        return p;
    }
    if let Some((s, name)) = kind_ending(doc, k) {
        p.kind = Some(name);
        p.start = doc.token(s).span.start;
        return p;
    }
    // The last word before, past punctuation.
    let mut w = k;
    while w > 0 && k - w < 4 {
        w -= 1;
        if doc.token(w).case == Case::None {
            continue;
        }
        let glued = doc.token(n).gap == Gap::None;
        if let Some(e) = doc.phrase_entry(Lex::NotDocWord, w, w + 1) {
            let standard = e.kind() == Some("standard");
            p.not_doc = p.has_so || !glued || standard;
        }
        break;
    }
    p
}

/// Numbers listed before the number at token `n` that share its symbol: `số 01, 02/NQ-HĐND` →
/// `01`. The list is on one line, after `số`, its numbers joined by `,` or `và`.
fn shared_numbers(doc: &Document<'_>, n: usize) -> Vec<usize> {
    let same_line = |j: usize| matches!(doc.token(j).gap, Gap::None | Gap::Space | Gap::Column);
    let mut listed = Vec::new();
    let mut k = n;
    while listed.len() < 8 {
        // `k` is a listed number (or the symbol's): a separator before it, then a number.
        if k < 2 || !same_line(k) || !matches!(doc.key(k - 1), "," | "và") || !same_line(k - 1) {
            return Vec::new();
        }
        let j = k - 2;
        let short = doc.token(j).span.len() <= 5;
        if !(short
            && matches!(
                doc.token(j).value,
                Value::Number {
                    format: NumberFormat::Integer,
                    ..
                }
            ))
        {
            return Vec::new();
        }
        listed.push(j);
        // `số` (with an optional colon) before it ends the list.
        let mut s = j;
        if s > 0 && same_line(s) && doc.key(s - 1) == ":" {
            s -= 1;
        }
        if s > 0 && same_line(s) && doc.key(s - 1) == "số" {
            listed.reverse();
            return listed;
        }
        k = j;
    }
    Vec::new()
}

// ---------------------------------------------------------------------------------------------
// Interpretation of the groups.

fn strip_zeros(n: &str) -> String {
    let s = n.trim_start_matches('0');
    if s.is_empty() || s.starts_with(|c: char| !c.is_ascii_digit()) {
        format!("0{s}")
    } else {
        s.to_string()
    }
}

/// Issuer as written, Ð → Đ, all-lower-case symbols in capitals, known codes in their case.
fn issuer_text<'g>(codes: Codes<'_>, groups: impl IntoIterator<Item = &'g str>) -> String {
    let mut out = String::new();
    for (k, g) in groups.into_iter().enumerate() {
        if k > 0 {
            out.push('-');
        }
        let from = out.len();
        out.extend(g.chars().map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        }));
        if out[from..].chars().any(is_upper) {
            continue;
        }
        let canon = codes.issuer(&out[from..]).map(|(canon, _)| canon);
        let written = match canon {
            Some(canon) => canon.to_string(),
            None => key(&out[from..]),
        };
        out.truncate(from);
        out.push_str(&written);
    }
    out
}

/// A type code (canonical case) and its Vietnamese name when known.
type TypeCode<'a> = (String, Option<&'a str>);

struct Parsed<'a> {
    year: Option<i32>,
    doc_type: Option<TypeCode<'a>>,
    issuer: String,
    system: System,
    end: usize,
    /// The token holding the symbol's end.
    end_tok: usize,
}

/// The type of a row, named by the kind word when the row says the code also stands for it
/// (`Luật số 35-L/CTN`, Party `Quy định số 205-QĐ/TW`).
fn typed<'a>(row: TypeRow<'a>, prefix: &Prefix<'a>) -> TypeCode<'a> {
    let name = match prefix.kind {
        Some(k) if !row.also.is_empty() && row.also == k => k,
        _ => row.name,
    };
    (row.code.to_string(), Some(name))
}

fn texts<'g, 't>(groups: &'g [Group<'t>]) -> impl Iterator<Item = &'t str> + 'g {
    groups.iter().map(|g| g.text)
}

/// Type + issuer from the code groups of a state symbol (`QĐ-TTg`, `TTLT-BKH-BTC`, `QĐ.UB`,
/// `VPCP-KTTH`, `QH10`). `None` when a type code has no issuer.
fn state_symbol<'a>(
    codes: Codes<'a>,
    groups: &[Group<'_>],
    prefix: &Prefix<'a>,
) -> Option<(Option<TypeCode<'a>>, String)> {
    let first = groups.first()?;
    let type_row = codes
        .state_type(first.text)
        .or_else(|| codes.historical_type(first.text));
    if let Some(row) = type_row {
        if groups.len() < 2 {
            return None;
        }
        return Some((
            Some(typed(row, prefix)),
            issuer_text(codes, texts(&groups[1..])),
        ));
    }
    // "QĐ.UB", "QĐ.BQL-TC": type and issuer joined by a dot.
    if let Some((t, rest)) = first.text.split_once('.')
        && let Some(row) = codes.state_type(t)
        && !rest.is_empty()
    {
        let iss = std::iter::once(rest).chain(texts(&groups[1..]));
        return Some((Some(typed(row, prefix)), issuer_text(codes, iss)));
    }
    Some((None, issuer_text(codes, texts(groups))))
}

/// Interprets the groups after the number.
fn interpret<'a>(
    codes: Codes<'a>,
    groups: &[Group<'_>],
    prefix: &Prefix<'a>,
    spaced: bool,
) -> Option<Parsed<'a>> {
    let g0 = groups.first()?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // Codes from index i while they are code-like.
    let codes_from = |i: usize| -> &[Group<'_>] {
        let n = groups[i..]
            .iter()
            .take_while(|g| is_code(codes, g.text))
            .count();
        &groups[i..i + n]
    };
    let parsed = |year, doc_type, issuer, system, last: &Group<'_>| Parsed {
        year,
        doc_type,
        issuer,
        system,
        end: last.end,
        end_tok: last.tok,
    };
    if g0.sep == Sep::Slash && g0.text.len() == 4 && digits(g0.text) {
        // number/year/TYPE-ISSUER, number/year/QH10, number/year/QĐ/BTC.
        let year: i32 = g0.text.parse().ok()?;
        if !(1945..=2100).contains(&year) {
            return None;
        }
        if groups.get(1)?.sep != Sep::Slash {
            return None;
        }
        let cs = codes_from(1);
        let last = cs.last()?;
        let (doc_type, issuer) = state_symbol(codes, cs, prefix)?;
        return Some(parsed(
            Some(year),
            doc_type,
            issuer,
            System::StateNormative,
            last,
        ));
    }
    if g0.sep == Sep::Slash {
        // number/TYPE-ISSUER, công văn number/ISSUER-UNIT, old number/ISSUER.
        let cs = codes_from(0);
        let first = cs.first()?;
        let last = cs.last()?;
        let (doc_type, issuer) = state_symbol(codes, cs, prefix)?;
        if doc_type.is_none() {
            // Công văn: an issuer and its unit, or a known issuer alone ("178/CP"), or an
            // unknown one only when a kind word names the document ("Công văn số 4830/KTTH").
            let known = codes.issuer(first.text).is_some();
            if cs.len() == 1 && !(known || prefix.kind.is_some()) {
                return None;
            }
            if !known && first.text.chars().any(is_lower) {
                return None;
            }
        }
        // A Party committee writing in the state layout ("Nghị quyết 29/NQ-TƯ", "21/TW").
        let party = match (&doc_type, cs) {
            (Some(_), [_, issuer, ..]) => codes.is_party_issuer(issuer.text),
            (None, [issuer]) => codes.is_party_issuer(issuer.text),
            _ => false,
        };
        let system = if party {
            System::Party
        } else {
            System::StateAdministrative
        };
        return Some(parsed(None, doc_type, issuer, system, last));
    }
    // g0.sep == Dash: Party number-TYPE/ISSUER, old state 999-TC/QĐ/CĐKT, 15-CP.
    if !is_code(codes, g0.text) {
        return None;
    }
    let party_type = codes.party_type(g0.text);
    match groups.get(1) {
        Some(g1)
            if is_code(codes, g1.text)
                && (g1.sep == Sep::Slash || codes.is_party_issuer(g1.text)) =>
        {
            // "29-NQ-TƯ": hyphens only, accepted for a Party type and a Party issuer.
            if g1.sep == Sep::Dash && party_type.is_none() {
                return None;
            }
            let n = groups[1..]
                .iter()
                .take_while(|g| is_code(codes, g.text))
                .count();
            let rest = &groups[1..1 + n];
            let last = rest.last()?;
            let party_issuer = codes.is_party_issuer(g1.text);
            // Old Ministry of Finance style: 999-TC/QĐ/CĐKT (issuer, type, field), 212-TC/CĐKT.
            if codes.is_state_issuer(g0.text) && !party_issuer {
                if let Some(row) = codes.state_type(g1.text) {
                    let iss = std::iter::once(g0.text).chain(texts(&rest[1..]));
                    return Some(parsed(
                        None,
                        Some(typed(row, prefix)),
                        issuer_text(codes, iss),
                        System::StateAdministrative,
                        last,
                    ));
                }
                // "212-TC/CĐKT": TC is the Ministry here, not the Party's Thông cáo.
                if prefix.kind != Some("Thông cáo") {
                    let iss = std::iter::once(g0.text).chain(texts(rest));
                    return Some(parsed(
                        None,
                        None,
                        issuer_text(codes, iss),
                        System::StateAdministrative,
                        last,
                    ));
                }
            }
            if let Some(row) = party_type.filter(|_| !codes.is_state_issuer(g1.text)) {
                return Some(parsed(
                    None,
                    Some(typed(row, prefix)),
                    issuer_text(codes, texts(rest)),
                    System::Party,
                    last,
                ));
            }
            let historical = codes.row(Lex::HistoricalType, g0.text);
            if let Some(row) = historical.or_else(|| codes.state_type(g0.text)) {
                let system = if historical.is_some() {
                    System::StateNormative
                } else {
                    System::StateAdministrative
                };
                return Some(parsed(
                    None,
                    Some(typed(row, prefix)),
                    issuer_text(codes, texts(rest)),
                    system,
                    last,
                ));
            }
            // Unknown type code in a Party-shaped symbol: only with a cue and a Party issuer.
            if (prefix.has_so || prefix.kind.is_some())
                && !spaced
                && party_issuer
                && g0.text.chars().all(|c| !is_lower(c))
                && g0.text.chars().count() <= 4
            {
                return Some(parsed(
                    None,
                    Some((key(g0.text), None)),
                    issuer_text(codes, texts(rest)),
                    System::Party,
                    last,
                ));
            }
            None
        }
        _ => {
            // "Nghị định số 15-CP", "353-HĐBT": only state issuers, only after a cue, no spaces.
            if codes.is_state_issuer(g0.text) && !spaced && (prefix.has_so || prefix.kind.is_some())
            {
                return Some(parsed(
                    None,
                    None,
                    issuer_text(codes, [g0.text]),
                    System::StateAdministrative,
                    g0,
                ));
            }
            // "công văn số 5762-KTTH": an issuer not in the table, in capitals, not a type code,
            // only when a kind word names the document (as "Công văn số 4830/KTTH").
            let unknown_issuer = prefix.kind.is_some()
                && !spaced
                && groups.len() == 1
                && (2..=8).contains(&g0.text.chars().count())
                && g0.text.chars().all(|c| is_letter(c) && is_upper(c))
                && !codes.known(g0.text);
            if unknown_issuer {
                return Some(parsed(
                    None,
                    None,
                    issuer_text(codes, [g0.text]),
                    System::StateAdministrative,
                    g0,
                ));
            }
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The extractor.

/// The character right after byte `end`, which closes token `tok` or lies inside it: `None`
/// when whitespace follows.
fn char_after(doc: &Document<'_>, tok: usize, end: usize) -> Option<char> {
    let t = doc.get(tok)?;
    if end < t.span.end {
        return doc.text().get(end..t.span.end)?.chars().next();
    }
    let n = doc.get(tok + 1)?;
    (n.gap == Gap::None).then(|| doc.text_of(tok + 1).chars().next())?
}

/// An issuer code typed with a stray space before its last letter (`06-LCT/HĐN N` for `HĐNN`,
/// Hội đồng Nhà nước): the one capital letter after a single space joins the last code when
/// the joined code is a known issuer and the code alone is not. Returns the issuer, the new
/// end of the symbol and its token.
fn split_issuer_tail(
    doc: &Document<'_>,
    codes: Codes<'_>,
    p: &Parsed<'_>,
) -> Option<(String, usize, usize)> {
    if doc.get(p.end_tok)?.span.end != p.end || doc.gap_text(p.end_tok + 1) != " " {
        return None;
    }
    let j = p.end_tok + 1;
    let mut it = doc.text_of(j).chars();
    let letter = it.next().filter(|&c| is_upper(c))?;
    // a lone capital: not a word, an initial (`N.`), or a list mark
    let after = it
        .next()
        .or_else(|| char_after(doc, j, doc.token(j).span.end));
    if after.is_some_and(|c| is_alnum(c) || matches!(c, '.' | '/' | '-' | '\'')) {
        return None;
    }
    let issuer = &p.issuer;
    let last = issuer.rsplit(['-', '/']).next()?;
    let joined = format!("{last}{letter}");
    if codes.issuer(last).is_some() || codes.issuer(&joined).is_none() {
        return None;
    }
    let head = &issuer[..issuer.len() - last.len()];
    Some((format!("{head}{joined}"), doc.token(j).span.end, j))
}

/// Reads the symbol at token `i` and pushes the document number(s) it holds. (Kept out of the
/// token loop of [`extract`], like [`read_symbol`]: the loop stays small over the tokens that
/// start nothing.)
#[inline(never)]
fn push_found(
    doc: &Document<'_>,
    codes: Codes<'_>,
    sym: &Symbol<'_>,
    out: &mut Vec<DocumentNumber>,
) {
    let text = doc.text();
    let n = sym.num_tok;
    let groups = &sym.groups;
    if groups.is_empty() {
        return;
    }
    // Cheap structural filter before reading the context: some group must be a code.
    if !groups.iter().any(|g| is_code(codes, g.text)) {
        return;
    }
    // Nothing glued before the number except "số" ("số31-QĐ/TW") or a colon after a word.
    let glued_before = (n > 0 && doc.token(n).gap == Gap::None)
        .then(|| {
            let p = doc.text_of(n - 1);
            let mut rev = p.chars().rev();
            let c = rev.next()?;
            let before = rev.next().or_else(|| {
                (n >= 2 && doc.token(n - 1).gap == Gap::None)
                    .then(|| doc.text_of(n - 2).chars().next_back())
                    .flatten()
            });
            Some((c, before))
        })
        .flatten();
    if let Some((c, before)) = glued_before {
        if c.is_ascii_digit() || matches!(c, '/' | '-' | '–' | '.' | ',' | '_' | '+' | '&') {
            return;
        }
        if c == ':' && before.is_some_and(|p| p.is_ascii_digit()) {
            return;
        }
    }
    // "các Nghị quyết số 01, 02/NQ-HĐND": numbers listed before share the symbol.
    let listed = shared_numbers(doc, n);
    let prefix = read_prefix(doc, listed.first().copied().unwrap_or(n));
    if prefix.not_doc {
        return;
    }
    if glued_before.is_some_and(|(c, _)| is_letter(c)) && !prefix.has_so {
        return;
    }
    let Some(mut p) = interpret(codes, groups, &prefix, sym.spaced) else {
        return;
    };
    if sym.glued
        && (!(prefix.has_so || prefix.kind.is_some())
            || groups.get(1).is_none_or(|g| g.sep != Sep::Slash)
            || p.system != System::StateAdministrative)
    {
        return;
    }
    if let Some((issuer, end, tok)) = split_issuer_tail(doc, codes, &p) {
        (p.issuer, p.end, p.end_tok) = (issuer, end, tok);
    }
    // The symbol must end cleanly: not glued to a further letter or digit, except a lower-case
    // word after capitals ("TT-BGDĐTvề").
    if let Some(c) = char_after(doc, p.end_tok, p.end)
        && is_alnum(c)
    {
        let rest = if p.end < doc.token(p.end_tok).span.end {
            &text[p.end..doc.token(p.end_tok).span.end]
        } else {
            doc.text_of(p.end_tok + 1)
        };
        let glued_word = is_lower(c)
            && text[..p.end].chars().next_back().is_some_and(is_upper)
            && rest.chars().take_while(|&c| is_letter(c)).count() >= 2;
        if !glued_word {
            return;
        }
    }
    let (doc_type, doc_type_name) = match p.doc_type {
        Some((code, name)) => (Some(code), name.map(str::to_string)),
        None => (None, None),
    };
    let num = &text[sym.num.0..sym.num.1];
    let item = DocumentNumber {
        text: String::new(),
        start: 0,
        end: 0,
        number: strip_zeros(num),
        year: p.year,
        doc_type,
        doc_type_name,
        issuer: Some(p.issuer),
        system: p.system,
        kind_word: prefix.kind.map(str::to_string),
        date: None,
    };
    // The first number takes the prefix ("Nghị quyết số 01"); listed ones are the digits.
    for (i, &t) in listed.iter().enumerate() {
        let span = doc.token(t).span;
        let start = if i == 0 { prefix.start } else { span.start };
        out.push(DocumentNumber {
            text: text[start..span.end].to_string(),
            start,
            end: span.end,
            number: strip_zeros(doc.text_of(t)),
            ..item.clone()
        });
    }
    let start = if listed.is_empty() {
        prefix.start
    } else {
        sym.num.0
    };
    out.push(DocumentNumber {
        text: text[start..p.end].to_string(),
        start,
        end: p.end,
        ..item
    });
}

/// Whether a symbol can start at token `i` (which starts with a digit): a code token, or a
/// number followed by something glued, a slash or a dash, or a capital word one space away
/// (`04 TC/TCT`). Most numbers of a text fail this at once.
fn could_start(doc: &Document<'_>, i: usize) -> bool {
    // A separator or a capital word after token `j`: glued, or one space away.
    let goes_on = |j: usize| match doc.get(j + 1) {
        Some(n) => {
            matches!(doc.key(j + 1), "/" | "-")
                || (matches!(n.gap, Gap::None | Gap::Space)
                    && matches!(n.case, Case::Upper | Case::Title))
        }
        None => false,
    };
    match doc.token(i).kind {
        TokenKind::DocumentCode => true,
        TokenKind::Number | TokenKind::Date => {
            // `1234a/QĐ-UBND`, `72A TC/TCT`: one letter closing the number, then the symbol.
            let letter = doc.get(i + 1).is_some_and(|n| n.gap == Gap::None)
                && doc.text_of(i + 1).len() == 1
                && doc.text_of(i + 1).as_bytes()[0].is_ascii_alphabetic();
            goes_on(i) || (letter && goes_on(i + 1))
        }
        _ => false,
    }
}

/// The document numbers of a document, every occurrence in text order, spans into
/// [`Document::text`]; their dates are linked later by [`link_dates`].
pub(crate) fn extract(doc: &Document<'_>, out: &mut Vec<DocumentNumber>) {
    let buf = RefCell::new(Vec::new());
    let codes = Codes {
        lex: doc.lexicons(),
        buf: &buf,
    };
    let tokens = doc.tokens();
    let mut ps = Pieces::new(doc);
    let mut spare = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Only a token starting with a digit can start a symbol.
        if !matches!(tokens[i].case, Case::Digit) || !could_start(doc, i) {
            i += 1;
            continue;
        }
        match read_symbol(doc, &mut ps, codes, i, &mut spare) {
            Some(sym) => {
                push_found(doc, codes, &sym, out);
                i = sym.last_tok.max(i) + 1;
                spare = sym.groups;
            }
            None => i += 1,
        }
    }
}

/// Fills in the date written right after each document number (`số 69-KL/TU, ngày 09/4/2021`,
/// `NGÀY 20-5-1957`) from the date mentions found in the same document: a day with its year,
/// after "ngày", past commas and an opening parenthesis.
pub(crate) fn link_dates(
    doc: &Document<'_>,
    numbers: &mut [DocumentNumber],
    dates: &[DateMention],
) {
    if dates.is_empty() {
        return;
    }
    for d in numbers.iter_mut().filter(|d| d.date.is_none()) {
        let mut k = doc.token_at(d.end);
        while matches!(doc.key(k), "," | "(") {
            k += 1;
        }
        if doc.key(k) != "ngày" {
            continue;
        }
        let starts = [doc.token(k).span.start, doc.span(k + 1, k + 2).start];
        let at = dates.partition_point(|m| m.start < starts[0]);
        let found = dates[at..]
            .iter()
            .take_while(|m| m.start <= starts[1])
            .find(|m| {
                starts.contains(&m.start)
                    && m.kind == DateKind::Day
                    && m.value.len() == 10
                    && !m.value.starts_with('-')
            });
        if let Some(m) = found {
            d.date = Some(m.value.clone());
        }
    }
}

/// Finds the document numbers in `text`, every occurrence in text order (see [`unique`]): a
/// shortcut for the [`DocumentNumbers`](crate::extract::DocumentNumbers) extractor (and the
/// [`Dates`](crate::extract::Dates) one, for the dates written after the numbers) over
/// [`Document::new`], spans into `text`.
///
/// ```
/// use vntext::extract::docnum::{find_document_numbers, System};
/// let found = find_document_numbers("Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy");
/// let d = &found[0];
/// assert_eq!((d.number.as_str(), d.doc_type.as_deref(), d.issuer.as_deref()), ("69", Some("KL"), Some("TU")));
/// assert_eq!(d.system, System::Party);
/// assert_eq!(d.kind_word.as_deref(), Some("Kết luận"));
/// assert_eq!(d.date.as_deref(), Some("2021-04-09"));
/// assert_eq!(d.text, "Kết luận số 69-KL/TU");
/// ```
pub fn find_document_numbers(text: &str) -> Vec<DocumentNumber> {
    let doc = Document::new(text);
    let mut out = Vec::new();
    extract(&doc, &mut out);
    if !out.is_empty() {
        let mut dates = Vec::new();
        super::dates::extract(&doc, None, &mut dates);
        link_dates(&doc, &mut out, &dates);
    }
    for d in &mut out {
        let s = doc.to_original(Span::new(d.start, d.end));
        (d.start, d.end, d.text) = (s.start, s.end, s.slice(text).to_string());
    }
    out
}

/// The identity of a document number: number, year, type key, issuer key.
type Key = (String, Option<i32>, Option<String>, Option<String>);

/// Keeps the first occurrence of each document number (same number, year, type and issuer), in
/// text order; a later occurrence fills in a kind word or date the first one lacked.
///
/// ```
/// use vntext::extract::docnum::{find_document_numbers, unique};
/// let all = find_document_numbers("Số 152-KH/TU … Kế hoạch số 152-KH/TU, ngày 5/3/2022");
/// assert_eq!(all.len(), 2);
/// let one = unique(all);
/// assert_eq!(one.len(), 1);
/// assert_eq!(one[0].date.as_deref(), Some("2022-03-05"));
/// ```
pub fn unique(numbers: Vec<DocumentNumber>) -> Vec<DocumentNumber> {
    // Keys are document numbers of the text: SipHash, which crafted text cannot push into long
    // probe chains (this runs over the merged report of a whole input, sections or not).
    let mut index: std::collections::HashMap<Key, usize> = Default::default();
    let mut out: Vec<DocumentNumber> = Vec::new();
    for d in numbers {
        let k = (
            d.number.clone(),
            d.year,
            d.doc_type.as_deref().map(key),
            d.issuer.as_deref().map(key),
        );
        if let Some(&i) = index.get(&k) {
            let first = &mut out[i];
            if first.kind_word.is_none() {
                first.kind_word = d.kind_word;
            }
            if first.date.is_none() {
                first.date = d.date;
            }
        } else {
            index.insert(k, out.len());
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Key> {
        find_document_numbers(text)
            .into_iter()
            .map(|d| (d.number, d.year, d.doc_type, d.issuer))
            .collect()
    }

    fn codes() -> Codes<'static> {
        Codes {
            lex: Lexicons::embedded(),
            buf: Box::leak(Box::default()),
        }
    }

    #[test]
    fn tables_load() {
        let c = codes();
        assert_eq!(c.state_type("TTR").map(|r| r.code), Some("TTr"));
        assert_eq!(c.state_type("ND").map(|r| r.code), Some("NĐ"));
        assert_eq!(c.party_type("KL").map(|r| r.name), Some("Kết luận"));
        assert_eq!(c.party_type("QĐ").map(|r| r.also), Some("Quy định"));
        assert_eq!(c.historical_type("SL").map(|r| r.name), Some("Sắc lệnh"));
        assert_eq!(c.issuer("TTG"), Some(("TTg", false)));
        assert!(c.is_party_issuer("BTGTU") && c.is_party_issuer("TƯ"));
        assert!(!c.is_party_issuer("UBND") && c.is_state_issuer("UBND"));
        let l = Lexicons::embedded();
        assert!(l.len(Lex::StateType) >= 35 && l.len(Lex::PartyType) >= 25);
    }

    #[test]
    fn tables_are_well_formed() {
        let l = Lexicons::embedded();
        for lex in [
            Lex::StateType,
            Lex::PartyType,
            Lex::HistoricalType,
            Lex::Issuer,
        ] {
            for (e, code) in l
                .entries(lex)
                .iter()
                .flat_map(|e| e.col(0).split(',').map(move |c| (e, c)))
            {
                assert!(!e.col(1).is_empty(), "{}: {code}", lex.name());
                assert!(
                    !code.contains(' '),
                    "{}: code with a space {code}",
                    lex.name()
                );
                // Codes are looked up by the key of one token.
                assert_eq!(
                    crate::lexicon::phrase_key(code).map(|k| k.1),
                    Some(1),
                    "{}: {code} is not one token",
                    lex.name()
                );
                assert!(codes().entry(lex, code).is_some(), "{code}");
            }
        }
        // Every type name is a kind word, written in its canonical case.
        for lex in [Lex::StateType, Lex::PartyType, Lex::HistoricalType] {
            for e in l.entries(lex) {
                let kw = l.lookup(Lex::DocumentKind, e.col(1));
                assert!(
                    kw.is_some_and(|k| k.kind() == Some("word") && k.phrase() == e.col(1)),
                    "{}: the name {:?} is not in kind_words.tsv",
                    lex.name(),
                    e.col(1)
                );
            }
        }
        for e in l.entries(Lex::DocumentKind) {
            assert!(e.phrase().starts_with(char::is_uppercase), "{e:?}");
            if e.kind() == Some("abbr") {
                assert!(l.lookup(Lex::DocumentKind, e.col(2)).is_some(), "{e:?}");
            }
        }
    }

    #[test]
    fn three_systems() {
        assert_eq!(
            keys("Số:67/2022/TT-BTC"),
            vec![(
                "67".into(),
                Some(2022),
                Some("TT".into()),
                Some("BTC".into())
            )]
        );
        assert_eq!(
            keys("công văn số 5110/VPCP-KTTH"),
            vec![("5110".into(), None, None, Some("VPCP-KTTH".into()))]
        );
        assert_eq!(
            keys("Số 04-TB/HĐ"),
            vec![("4".into(), None, Some("TB".into()), Some("HĐ".into()))]
        );
    }

    #[test]
    fn pieces_of_spaced_and_split_symbols() {
        let kinds = |t: &str| -> Vec<(PieceKind, String, bool)> {
            let doc = Document::new(t);
            let mut ps = Pieces::new(&doc);
            ps.restart(0);
            let mut out = Vec::new();
            while let Some(p) = ps.get(out.len()) {
                out.push((p.kind, doc.text()[p.start..p.end].to_string(), p.gap));
            }
            out
        };
        use PieceKind::*;
        let s = |k, t: &str, g| (k, t.to_string(), g);
        assert_eq!(
            kinds("144 /2002/QĐ/BTC, x"),
            [
                s(Alnum, "144", false),
                s(Slash, "/", true),
                s(Alnum, "2002", false),
                s(Slash, "/", false),
                s(Alnum, "QĐ", false),
                s(Slash, "/", false),
                s(Alnum, "BTC", false)
            ]
        );
        assert_eq!(
            kinds("1234a/QĐ-\nUBND"),
            [
                s(Alnum, "1234a", false),
                s(Slash, "/", false),
                s(Alnum, "QĐ", false),
                s(Dash, "-", false),
                s(Alnum, "UBND", true)
            ]
        );
    }

    #[test]
    fn negatives() {
        assert!(keys("7/10 nhóm chỉ tiêu, ngày 09/4/2021, tỷ lệ 1/500").is_empty());
        assert!(keys("Mẫu số 05-BCMT, Biểu số 01/TNLĐ, QCVN 01:2009/BYT").is_empty());
        assert!(keys("Nghị quyết 52/2017 của Quốc hội").is_empty());
    }

    #[test]
    fn glued_issuer_shapes() {
        // the state issuer right after the number, a slash after it
        for t in ["số 04 TC/TCT", "số 90TC/TCT", "số 72A TC/TCT"] {
            assert_eq!(keys(t).len(), 1, "{t}");
        }
        // unknown code, Party issuer, two spaces, six digits, lower case, letters glued before
        for t in [
            "số 04 TCX/A",
            "số 04 TU/A",
            "số 04  TC/A",
            "số 123456 TC/A",
            "số 04 tc/tct",
            "số 04 XTC/A",
        ] {
            assert!(keys(t).is_empty(), "{t}");
        }
        // the shape alone is not a number: a cue is needed
        assert!(keys("năm 2004 TC/TCT").is_empty());
        assert_eq!(
            keys("Thông tư số 04 TC/TCT"),
            vec![("4".into(), None, None, Some("TC-TCT".into()))]
        );
    }

    #[test]
    fn thong_tri_vs_thong_tu() {
        let p = find_document_numbers("Thông tri số 05-TT/TU");
        assert_eq!(p[0].doc_type_name.as_deref(), Some("Thông tri"));
        let s = find_document_numbers("Thông tư số 05/2020/TT-BTC");
        assert_eq!(s[0].doc_type_name.as_deref(), Some("Thông tư"));
    }
}
