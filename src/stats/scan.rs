//! The statistics recogniser: one walk over a document's tokens.
//!
//! A figure starts at a number token (its [`Value`] read once by the document, with the
//! document's [`NumberConvention`](super::NumberConvention)), a percentage token, or a
//! spelled-out number word (`năm vạn`). It is then extended, token by token and never past the
//! line, by a range (`23-25%`, `từ 23% đến 25%`), magnitude words (`15 nghìn tỷ`), a unit (`%`,
//! `phần trăm`, a currency, a counted noun or unit of measure) and a per-unit (`đồng/người/năm`).
//! Every word it looks for is a lexicon hit the document already holds: currencies, units,
//! magnitudes, number words, qualifiers, label words and cue words (`data/stats/*.tsv`).

use arcstr::ArcStr;

use crate::document::{Case, Document, Gap, Value};
use crate::lexicon::{Entry, Hit, Lex};
use crate::tokenize::TokenKind;
use crate::tokenize::chars::{is_alnum, is_letter};

use super::number::{NumWord, NumberConvention, WordRole, parse_number_with, words_value};
use super::{StatKind, Statistic};

/// The unit of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Unit<'l> {
    /// `%`, `phần trăm`; `points` for `điểm phần trăm`.
    Percent { points: bool },
    /// A currency, by ISO code.
    Money(&'l str),
    /// A counted noun or a unit of measure, as the table writes it.
    Noun { form: &'l str, quantity: bool },
}

/// A figure read at one position: number(s), magnitude, unit, as token ranges.
#[derive(Debug, Clone)]
pub(crate) struct Figure<'l> {
    /// First token (the sign, `$`, `từ` or a qualifier included once finished).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub value: f64,
    pub max: Option<f64>,
    pub unit: Unit<'l>,
    /// The per-unit's tokens (`người/năm` of `đồng/người/năm`), and whether a space follows a
    /// slash in them (`đồng/ người`: the space is not part of the per-unit).
    pub per: Option<(usize, usize, bool)>,
    pub numerator: Option<u32>,
    pub denominator: Option<u32>,
    /// The qualifier's tokens (`khoảng`, `gần`).
    pub qualifier: Option<(usize, usize)>,
    /// A count per area (`64 người/km2`).
    pub density: bool,
    /// The nouns of a count of several (`thôn, bản, tổ dân phố`).
    pub unit_list: Option<(usize, usize)>,
}

/// A token range as two `u32` (a document has fewer than 2³² tokens: 4 GB of text at least).
fn range(a: usize, b: usize) -> (u32, u32) {
    (
        u32::try_from(a).unwrap_or(u32::MAX),
        u32::try_from(b).unwrap_or(u32::MAX),
    )
}

/// The recogniser over one document.
pub(crate) struct Scanner<'d, 'a> {
    pub doc: &'d Document<'a>,
    /// Strings of the document (figures, subjects, units): SipHash, which crafted text cannot
    /// push into long probe chains.
    strings: std::collections::HashSet<ArcStr>,
    /// What each line offers as a table's column header, filled as asked (the lines above a
    /// table are asked once per figure of it): 0 not read yet, 1 none (empty, long, or with
    /// a number), else its number of cells plus 2.
    pub(super) header_cells: std::cell::RefCell<Vec<u16>>,
}

/// Most tokens a phrase of the stats lexicons has (`đô la new zealand`): how far back a phrase
/// ending at a token can start.
const PHRASE_TOKENS: usize = 6;

impl<'d, 'a> Scanner<'d, 'a> {
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        Scanner {
            doc,
            strings: Default::default(),
            header_cells: Default::default(),
        }
    }

    /// The shared string of `s`: a value repeated in the document (a unit, a currency, a
    /// per-unit, a figure written twice) is allocated once.
    pub(crate) fn intern(&mut self, s: &str) -> ArcStr {
        if let Some(a) = self.strings.get(s) {
            return a.clone();
        }
        let a = ArcStr::from(s);
        self.strings.insert(a.clone());
        a
    }

    fn entry(&self, h: &Hit) -> &'a Entry {
        self.doc.lexicons().entry(h)
    }

    /// The gap before token `i` (a blank line past the end).
    fn gap(&self, i: usize) -> Gap {
        self.doc.get(i).map_or(Gap::Paragraph, |t| t.gap)
    }

    /// Whether token `i` exists and is on the line of token `i - 1`.
    pub(crate) fn same_line(&self, i: usize) -> bool {
        self.doc.get(i).is_some_and(|t| !t.gap.breaks_line())
    }

    /// Whether token `i` exists and is glued to token `i - 1`.
    pub(super) fn glued(&self, i: usize) -> bool {
        i > 0 && self.doc.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// Whether token `i` exists and is one or more spaces (or a tab) after token `i - 1`.
    pub(super) fn spaced(&self, i: usize) -> bool {
        matches!(self.gap(i), Gap::Space | Gap::Column) && i < self.doc.len()
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is made of letters (a syllable, a foreign word, an abbreviation).
    pub(crate) fn is_word(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(
                TokenKind::Syllable
                    | TokenKind::InvalidSyllable
                    | TokenKind::Foreign
                    | TokenKind::Abbreviation
            )
        )
    }

    /// Whether token `i` is a word of letters only (no digit, no dot).
    fn letters_only(&self, i: usize) -> bool {
        self.is_word(i) && self.doc.text_of(i).chars().all(is_letter)
    }

    /// Whether the last char of token `i` is a letter or digit.
    fn ends_alnum(&self, i: usize) -> bool {
        self.doc
            .text_of(i)
            .chars()
            .next_back()
            .is_some_and(is_alnum)
    }

    /// Whether the first char of token `i` is a letter or digit.
    fn starts_alnum(&self, i: usize) -> bool {
        self.doc.text_of(i).chars().next().is_some_and(is_alnum)
    }

    /// The longest hit of `lex` at token `i` whose entry passes `keep`.
    pub(crate) fn hit_where(
        &self,
        i: usize,
        lex: Lex,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<Hit> {
        if !self.doc.has(i, lex) {
            return None;
        }
        self.doc
            .hits_at(i)
            .iter()
            .find(|h| h.lex == lex && keep(self.entry(h)))
            .copied()
    }

    /// The longest cue word of `kind` at token `i`. (Most tokens start no cue: that answer
    /// is inlined, the search is not.)
    #[inline]
    pub(crate) fn cue(&self, i: usize, kind: &str) -> Option<Hit> {
        if !self.doc.has(i, Lex::StatCue) {
            return None;
        }
        self.cue_at(i, kind)
    }

    #[inline(never)]
    fn cue_at(&self, i: usize, kind: &str) -> Option<Hit> {
        self.hit_where(i, Lex::StatCue, |e| e.kind() == Some(kind))
    }

    /// Whether a phrase of `lex` starts at one of the tokens from which a phrase can reach
    /// token `end - 1`: when not, no hit of `lex` ends there.
    #[inline]
    pub(crate) fn may_end(&self, end: usize, lex: Lex) -> bool {
        (end.saturating_sub(PHRASE_TOKENS)..end).any(|s| self.doc.has(s, lex))
    }

    /// The longest hit of `lex` ending at token `end - 1` whose entry passes `keep`.
    pub(crate) fn hit_ending_where(
        &self,
        end: usize,
        lex: Lex,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<Hit> {
        if !self.may_end(end, lex) {
            return None;
        }
        (end.saturating_sub(PHRASE_TOKENS)..end).find_map(|s| {
            if !self.doc.has(s, lex) {
                return None;
            }
            self.doc
                .hits_at(s)
                .iter()
                .find(|h| h.lex == lex && h.end == end && keep(self.entry(h)))
                .copied()
        })
    }

    /// The longest cue word of `kind` ending at token `end - 1`.
    #[inline]
    pub(crate) fn cue_ending(&self, end: usize, kind: &str) -> Option<Hit> {
        if !self.may_end(end, Lex::StatCue) {
            return None;
        }
        self.cue_ending_at(end, kind)
    }

    /// [`Scanner::cue_ending`] without the quick test (for a caller that made it).
    #[inline(never)]
    pub(crate) fn cue_ending_at(&self, end: usize, kind: &str) -> Option<Hit> {
        self.hit_ending_where(end, Lex::StatCue, |e| e.kind() == Some(kind))
    }

    /// Whether token `i` is a dash (`-`, `–`, `—`, `−`…).
    fn dash(&self, i: usize) -> bool {
        self.doc.key(i) == "-"
    }

    /// A number word that can start a spelled-out number (a digit from one, or `mười`).
    fn starter(&self, i: usize) -> Option<NumWord> {
        let h = self.doc.hit(i, Lex::NumberWord)?;
        if h.len() != 1 {
            return None;
        }
        match NumWord::of_number(self.entry(&h))? {
            w @ NumWord::Number(WordRole::Digit, v) if v > 0 => Some(w),
            w @ NumWord::Number(WordRole::Ten, _) => Some(w),
            _ => None,
        }
    }

    /// The number word or magnitude of token `i`.
    fn num_word(&self, i: usize) -> Option<NumWord> {
        let d = self.doc;
        if let Some(h) = d.hit(i, Lex::NumberWord).filter(|h| h.len() == 1) {
            return NumWord::of_number(self.entry(&h));
        }
        let h = d.hit(i, Lex::Magnitude).filter(|h| h.len() == 1)?;
        NumWord::of_magnitude(self.entry(&h))
    }

    /// The magnitude word at token `i`: its value and the token after it.
    fn magnitude(&self, i: usize) -> Option<(f64, usize)> {
        let h = self.doc.hit(i, Lex::Magnitude)?;
        match NumWord::of_magnitude(self.entry(&h))? {
            NumWord::Magnitude(v) => Some((v, h.end)),
            NumWord::Number(..) => None,
        }
    }

    /// Finds every figure of the document, in text order: pushes its statistic to `out` and
    /// returns the token range of each (as `u32`: dense statistics are many).
    pub(crate) fn find(&mut self, out: &mut Vec<Statistic>) -> Vec<(u32, u32)> {
        let d = self.doc;
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < d.len() {
            match d.token(i).kind {
                TokenKind::Number | TokenKind::Percent => {
                    let (fig, next) = self.at_number(i);
                    if let Some(f) = fig {
                        let (first, end) = (f.first, f.end);
                        let s = self.finish(f);
                        out.push(s.0);
                        tokens.push(range(s.1, end.max(first)));
                    }
                    i = next.max(i + 1);
                }
                TokenKind::Syllable | TokenKind::InvalidSyllable => {
                    if d.has(i, Lex::NumberWord) && self.starter(i).is_some() {
                        match self.at_words(i) {
                            Ok(f) => {
                                let next = f.end;
                                let s = self.finish(f);
                                out.push(s.0);
                                tokens.push(range(s.1, next));
                                i = next.max(i + 1);
                            }
                            Err(skip) => i = skip.max(i + 1),
                        }
                    } else {
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        tokens
    }

    /// Skips an identifier-like chain glued to token `i - 1` (`Covid-19`, `12/QĐ`):
    /// returns the first token after it.
    fn skip_chain(&self, mut i: usize) -> usize {
        while self.glued(i) {
            let k = self.doc.key(i);
            let joiner = matches!(k, "/" | "-" | ":")
                || (matches!(k, "." | ",") && self.glued(i + 1) && self.starts_alnum(i + 1));
            if !(joiner || self.starts_alnum(i)) {
                break;
            }
            i += 1;
        }
        i
    }

    /// Is the number at token `first` a label (`Điều 5`, `năm 2020`)?
    fn is_label(&self, first: usize) -> bool {
        // `dân số 64 người`: the label word ends a longer noun
        if self.cue_ending(first, "noun").is_some_and(|h| h.len() > 1) {
            return false;
        }
        first > 0
            && self.same_line(first)
            && self.letters_only(first - 1)
            && self.doc.has(first - 1, Lex::NumberLabel)
            && self
                .doc
                .hit(first - 1, Lex::NumberLabel)
                .is_some_and(|h| h.len() == 1)
    }

    /// Whether the dash at token `j` separates a list of figures rather than a range: a space
    /// on one side only, and another dash and figure after the next figure
    /// (`12,4 -18,6%- 21,3%`).
    #[inline]
    fn lopsided_list(&self, j: usize) -> bool {
        // (most tokens are no dash: that answer is inlined)
        self.dash(j) && self.lopsided_list_at(j)
    }

    #[inline(never)]
    fn lopsided_list_at(&self, j: usize) -> bool {
        let number =
            |k: usize| matches!(self.kind(k), Some(TokenKind::Number | TokenKind::Percent));
        let lopsided = |j: usize| {
            self.dash(j)
                && self.glued(j) != self.glued(j + 1)
                && number(j + 1)
                && j > 0
                && number(j - 1)
        };
        lopsided(j)
            && ((self.same_line(j + 2) && lopsided(j + 2))
                || (j >= 2 && self.same_line(j) && lopsided(j - 2)))
    }

    /// A percent unit at token `p` (`%` sign, `phần trăm`, `điểm phần trăm`).
    fn percent_unit(&self, p: usize) -> Option<(Unit<'a>, usize)> {
        if matches!(self.doc.key(p), "%" | "％") && self.kind(p) == Some(TokenKind::Symbol) {
            return Some((Unit::Percent { points: false }, p + 1));
        }
        let h = self.hit_where(p, Lex::Unit, |e| {
            matches!(e.kind(), Some("percent" | "points"))
        })?;
        let points = self.entry(&h).kind() == Some("points");
        Some((Unit::Percent { points }, h.end))
    }

    /// A currency at token `p`. `small` (a plain number below 1000 before it) turns on the
    /// compound check: `02 đồng chí`, `5 đồng bào`, `5 đô thị` are not money, while in
    /// `107.000 đồng thời điểm` the amount decides; compounds marked `any` in the table
    /// (`1.528 đồng chí`, `80 vạn đồng bào`) are no amount after any number.
    fn currency(&self, p: usize, small: bool) -> Option<(&'a str, usize)> {
        let d = self.doc;
        if !d.has(p, Lex::Currency) {
            return None;
        }
        for h in d.hits_at(p).iter().filter(|h| h.lex == Lex::Currency) {
            let e = self.entry(h);
            if self.run_on(h) {
                continue;
            }
            let amount_only = e.col(2) == "amount";
            if amount_only && small {
                continue;
            }
            let form = e.phrase();
            if self.spaced(h.end)
                && self.same_line(h.end)
                && self
                    .hit_where(p, Lex::CurrencyCompound, |c| {
                        small || form == "đô" || amount_only || c.col(1) == "any"
                    })
                    .is_some_and(|c| c.end == h.end + 1)
            {
                return None;
            }
            // `đ/c` (đồng chí) is no amount.
            if form == "đ" && self.glued(h.end) && d.key(h.end) == "/" && d.key(h.end + 1) == "c" {
                return None;
            }
            // `Đồng Nai`, `thôn 5 Đồng Yên`: a capitalised currency word is a name.
            if form == "đồng" && d.token(p).case == Case::Title {
                return None;
            }
            return Some((e.col(1), h.end));
        }
        None
    }

    /// Whether a word hit runs on into a glued letter or digit (`cm3`, `ca mắcCovid`): then
    /// it is only the start of a longer word.
    fn run_on(&self, h: &Hit) -> bool {
        self.glued(h.end) && self.starts_alnum(h.end) && self.ends_alnum(h.end - 1)
    }

    /// A counted noun or unit of measure at token `p`.
    fn noun(&self, p: usize) -> Option<(Unit<'a>, usize)> {
        if !self.doc.has(p, Lex::Unit) {
            return None;
        }
        let h = *self.doc.hits_at(p).iter().find(|h| {
            h.lex == Lex::Unit
                && matches!(self.entry(h).kind(), Some("count" | "quantity"))
                && !self.run_on(h)
        })?;
        let e = self.entry(&h);
        Some((
            Unit::Noun {
                form: e.phrase(),
                quantity: e.kind() == Some("quantity"),
            },
            h.end,
        ))
    }

    /// The unit at token `p`: a percent, a currency, a noun.
    fn unit_at(&self, p: usize, small: bool) -> Option<(Unit<'a>, usize)> {
        if !self.same_line(p) {
            return None;
        }
        // Every unit is a `%` symbol or a hit of the units or currencies.
        if self.kind(p) != Some(TokenKind::Symbol)
            && !self.doc.has(p, Lex::Unit)
            && !self.doc.has(p, Lex::Currency)
        {
            return None;
        }
        self.percent_unit(p)
            .or_else(|| {
                self.currency(p, small)
                    .map(|(iso, e)| (Unit::Money(iso), e))
            })
            .or_else(|| self.noun(p))
    }

    /// Magnitude words after token `pos - 1`, on its line: (multiplier, added amount, end).
    /// Compounds multiply (`nghìn tỷ`); one composition step adds (`3 tỷ 500 triệu`).
    #[inline]
    fn magnitudes(&self, pos: usize) -> (f64, f64, usize) {
        // (most numbers have no magnitude word after them: that answer is inlined)
        if !self.doc.has(pos, Lex::Magnitude) {
            return (1.0, 0.0, pos);
        }
        self.magnitudes_at(pos)
    }

    #[inline(never)]
    fn magnitudes_at(&self, pos: usize) -> (f64, f64, usize) {
        let d = self.doc;
        let mut mult = 1.0f64;
        let mut last = 0.0f64;
        let mut end = pos;
        let mut add = 0.0f64;
        let mut p = pos;
        while self.same_line(p) {
            let Some((v, e)) = self.magnitude(p) else {
                break;
            };
            // `triệuđồng` glued: only before a currency.
            if self.glued(e) && self.is_word(e) && !d.has(e, Lex::Currency) {
                break;
            }
            if last == 0.0 || v > last {
                mult *= v;
                last = v;
                end = e;
            } else {
                break;
            }
            p = e;
            // composition `3 tỷ 500 triệu`: a number then a smaller magnitude
            if self.same_line(p)
                && last >= 1000.0
                && let Value::Number { value, .. } = d.token(p).value
                && self.same_line(p + 1)
                && let Some((v3, e3)) = self.magnitude(p + 1)
                && v3 < last
                && v3 >= 1000.0
            {
                add += value * v3;
                end = e3;
                break;
            }
        }
        (mult, add, end)
    }

    /// Reads the figure starting at the number or percentage token `i`. Returns it (if a
    /// statistic) and the token where the walk resumes.
    fn at_number(&self, i: usize) -> (Option<Figure<'a>>, usize) {
        let d = self.doc;
        let tok = d.token(i);
        let percent_token = tok.kind == TokenKind::Percent;
        let p = i.wrapping_sub(1);
        let prev_glued = self.glued(i);
        // glued to a letter (`tỷ lệ0,49%`, `H5N1`, `truy cập18,912,473`)
        let glued_letter = prev_glued && self.is_word(p) && self.ends_alnum(p);
        let mut first = i;
        let mut sign = 1.0;
        // the dash of a list before it (`12,4 -18,6%`) is no minus sign
        let listed = p > 0
            && !self.glued(p)
            && matches!(
                self.kind(p - 1),
                Some(TokenKind::Number | TokenKind::Percent)
            )
            && p.checked_sub(1)
                .is_some_and(|q| self.lopsided_list(q + 1) || q >= 2 && self.lopsided_list(q - 1));
        if prev_glued && matches!(d.text_of(p), "-" | "−") && !listed {
            if !self.glued(p) || d.key(p - 1) == "(" {
                sign = -1.0;
                first = p;
            } else if self.ends_alnum(p - 1) {
                return (None, self.skip_chain(i + 1));
            }
        }
        if prev_glued
            && (d.key(p) == "/"
                || (d.key(p) == "."
                    && self.glued(p)
                    && d.text_of(p - 1).ends_with(|c: char| c.is_ascii_digit())))
        {
            return (None, self.skip_chain(i + 1));
        }
        // `$5 triệu`
        let dollar_prefix = prev_glued && d.text_of(p) == "$";
        // document numbers `69-KL/TU` the tokenizer did not take whole
        if !percent_token
            && self.glued(i + 1)
            && self.dash(i + 1)
            && self.glued(i + 2)
            && self.is_word(i + 2)
        {
            return (None, self.skip_chain(i + 1));
        }
        let raw = d.text_of(i);
        // phone numbers and codes: long zero-led digit runs
        let int_len = raw
            .bytes()
            .position(|b| matches!(b, b'.' | b',' | b'/' | b'%' | b' '))
            .unwrap_or(raw.len());
        if raw.starts_with('0') && int_len >= 4 {
            return (None, self.skip_chain(i + 1));
        }
        let (v1, ambiguous) = match tok.value {
            Value::Number {
                value, ambiguous, ..
            } => (value, ambiguous),
            Value::Percent(v) => (v, false),
            Value::Fraction(n, den) => return self.ratio(i, first, n, den, glued_letter),
            _ => return (None, self.skip_chain(i + 1)),
        };
        let mut value = v1 * sign;
        let mut max: Option<f64> = None;
        let mut pos = i + 1;
        let mut unit_found: Option<(Unit<'a>, usize)> = None;
        if percent_token {
            unit_found = Some((Unit::Percent { points: false }, i + 1));
        } else {
            // range `23-25%`, `5 - 7 người`, `10 đến 15%`
            let j = i + 1;
            // a dash with a space on one side only, in a chain of three or more figures,
            // separates a list (`12,4 -18,6%- 21,3%`); `5- 10%` is still a range
            let lopsided = self.lopsided_list(j);
            if lopsided && self.same_line(j + 1) && d.token(j + 1).kind == TokenKind::Percent {
                unit_found = Some((Unit::Percent { points: false }, i + 1));
            }
            let sep_end = if lopsided {
                None
            } else if self.same_line(j) && self.dash(j) {
                Some(j + 1)
            } else if self.same_line(j) {
                self.cue(j, "range").map(|h| h.end)
            } else {
                None
            };
            if let Some(k) = sep_end.filter(|&k| self.same_line(k)) {
                let dateish = self.glued(k + 1)
                    && matches!(d.key(k + 1), "/" | "-" | ":")
                    && self.glued(k + 2)
                    && d.token(k + 2).case == Case::Digit;
                let v2 = match d.token(k).value {
                    Value::Number { value, .. } if !dateish => Some((value, false)),
                    Value::Percent(v) if d.token(k).kind == TokenKind::Percent => Some((v, true)),
                    _ => None,
                };
                if let Some((v2, is_pct)) = v2
                    && v2 > v1
                {
                    max = Some(v2);
                    pos = k + 1;
                    if is_pct {
                        unit_found = Some((Unit::Percent { points: false }, k + 1));
                    }
                    // `10-15.000 đồng`, `10 - 20000 đồng`: the first bound shares the
                    // thousands of the second
                    if (1.0..1000.0).contains(&v1) && v1.fract() == 0.0 {
                        let mut f = 1000.0;
                        while v1 * f * 10.0 <= v2 && f < 1e12 {
                            f *= 1000.0;
                        }
                        if v1 * f <= v2 && v2 < v1 * f * 10.0 {
                            value = v1 * f * sign;
                        }
                    }
                }
            }
        }
        // magnitude words, compounds (`nghìn tỷ`) and compositions (`3 tỷ 500 triệu`)
        let mut magnitude = false;
        if unit_found.is_none() {
            let (mult, add, mpos) = self.magnitudes(pos);
            if mult != 1.0 || add != 0.0 {
                value = value * mult + add * sign;
                max = max.map(|m| m * mult);
                pos = mpos;
            }
            magnitude = mult != 1.0;
        }
        let plain_small = !magnitude && value.abs() < 1000.0 && max.is_none();
        let unit_glued = unit_found.is_some() || self.glued(pos);
        let Some((unit, mut end)) = unit_found.or_else(|| self.unit_at(pos, plain_small)) else {
            if dollar_prefix {
                return (
                    Some(Figure {
                        first: first - 1,
                        end: pos,
                        value,
                        max,
                        unit: Unit::Money("USD"),
                        per: None,
                        numerator: None,
                        denominator: None,
                        qualifier: None,
                        density: false,
                        unit_list: None,
                    }),
                    pos,
                );
            }
            return (None, pos);
        };
        match unit {
            Unit::Percent { .. } => {}
            Unit::Money(iso) => {
                // the đồng has no subunit: `500,000 đồng` can only be five hundred thousand
                // (REFERENCE §3.1: the unit decides an ambiguous `1,500`)
                if iso == "VND"
                    && !magnitude
                    && ambiguous
                    && raw.contains(',')
                    && let Some(v) = parse_number_with(raw, NumberConvention::English)
                {
                    value = v.value * sign;
                }
                // `ĐVT: 1000 đồng`, `Thành tiền (1000 đ)`: a unit declared for a table column
                if iso == "VND" && self.is_unit_declaration(first, end, value) {
                    return (None, end);
                }
                // `điểm 4đ, 4e`: a lettered sub-item, not four đồng
                if plain_small && unit_glued && self.is_label(first) {
                    return (None, end);
                }
            }
            Unit::Noun { quantity, .. } => {
                if glued_letter || self.is_label(first) || !quantity && unit_glued && !magnitude {
                    return (None, end);
                }
            }
        }
        // `23%-25%`, `từ 23% đến 25%` (second unit repeated)
        if max.is_none()
            && sign > 0.0
            && matches!(unit, Unit::Percent { .. })
            && !self.lopsided_list(end)
        {
            let j = end;
            let sep_end = if self.same_line(j) && matches!(d.text_of(j), "-" | "–") {
                Some(j + 1)
            } else if self.same_line(j) {
                self.cue(j, "range").map(|h| h.end)
            } else {
                None
            };
            if let Some(k) = sep_end.filter(|&k| self.same_line(k))
                && let Some((v2, u2, e2)) = self.percent_at(k)
                && u2 == unit
            {
                max = Some(v2);
                end = e2;
            }
        }
        // `từ 45.000 đồng đến 52.000 đồng/kg`: one range, the currency written twice
        if max.is_none()
            && sign > 0.0
            && let Unit::Money(iso) = unit
            && self.cue_ending(first, "from").is_some()
            && self.same_line(end)
            && let Some(k) = self.cue(end, "range").map(|h| h.end)
            && self.same_line(k)
            && let Value::Number { value: v2, .. } = d.token(k).value
            && d.token(k).kind == TokenKind::Number
        {
            let (m2, a2, mp2) = self.magnitudes(k + 1);
            if let Some((iso2, e2)) = self.currency(mp2, false).filter(|_| self.same_line(mp2))
                && iso2 == iso
                && v2 * m2 + a2 > value
            {
                max = Some(v2 * m2 + a2);
                end = e2;
            }
        }
        // per-unit `đồng/người/năm`, `%/năm`, `tấn/ha`
        let mut per: Option<(usize, usize, bool)> = None;
        if !matches!(
            unit,
            Unit::Noun {
                quantity: false,
                ..
            }
        ) {
            while self.glued(end) && d.key(end) == "/" {
                let k = end + 1;
                let e = if self.same_line(k)
                    && let Some((_, e)) = self.noun(k)
                {
                    e
                } else if self.glued(k)
                    && self.letters_only(k)
                    && !(self.glued(k + 1) && self.starts_alnum(k + 1))
                {
                    k + 1
                } else {
                    break;
                };
                let (a, spaced) = per.map_or((k, false), |(a, _, s)| (a, s));
                per = Some((a, e, spaced || !self.glued(k)));
                end = e;
            }
        }
        // `80.000 USD mỗi năm`
        if per.is_none()
            && !matches!(
                unit,
                Unit::Noun {
                    quantity: false,
                    ..
                }
            )
            && self.same_line(end)
            && let Some(h) = self.cue(end, "per")
            && self.same_line(h.end)
        {
            let e = self
                .noun(h.end)
                .map(|(_, e)| e)
                .or_else(|| self.letters_only(h.end).then_some(h.end + 1));
            if let Some(e) = e {
                per = Some((h.end, e, false));
                end = e;
            }
        }
        // `512 thôn, bản, tổ dân phố`: one count of a list of nouns
        let mut unit_list = None;
        if let Unit::Noun {
            quantity: false, ..
        } = unit
        {
            let unit_start = (first..end)
                .find(|&j| d.hit(j, Lex::Unit).is_some_and(|h| h.end == end))
                .unwrap_or(end);
            let mut e = end;
            while self.same_line(e)
                && matches!(d.key(e), "," | "và")
                && self.same_line(e + 1)
                // an item in capitals starts a name (`20 học sinh, Trường …`)
                && d.token(e + 1).case == d.token(unit_start).case
                && let Some((
                    Unit::Noun {
                        quantity: false, ..
                    },
                    e2,
                )) = self.noun(e + 1)
            {
                e = e2;
            }
            // a number soon after is the next item of a list of counts (`905 người, giáo
            // viên tiểu học 2.431 người`)
            let counted_next = (e..(e + 4).min(d.len()))
                .take_while(|&j| self.same_line(j))
                .any(|j| d.token(j).kind == crate::tokenize::TokenKind::Number);
            // The list must end the phrase: in `02 bản, người lao động giữ 01 bản` or
            // `thành viên, hợp tác xã thành viên` the comma starts another clause or noun.
            let closed = e >= d.len() || !self.same_line(e) || !self.is_word(e) || {
                // … or the phrase after it is no noun of its own: a name (`viên chức, lao
                // động Đại học Huế`), a verb, a place or period word (`63 tỉnh, thành phố
                // trên cả nước`)
                let next = if d.key(e) == "trên" && self.spaced(e + 1) {
                    e + 1
                } else {
                    e
                };
                matches!(d.token(e).case, Case::Title | Case::Upper)
                    || d.has(next, Lex::LinkingVerb)
                    || d.has(next, Lex::StatPeriodLink)
                    || [
                        "place_of", "place", "after", "against", "plan", "per", "relation",
                    ]
                    .iter()
                    .any(|k| self.cue(next, k).is_some())
            };
            if e > end && closed && !counted_next {
                unit_list = Some((unit_start, e));
                end = e;
            }
        }
        // `64 người/km2`: a count per area is a density
        let mut density = false;
        if let Unit::Noun {
            quantity: false, ..
        } = unit
            && self.glued(end)
            && d.key(end) == "/"
            && let Some(h) = self.cue(end + 1, "area")
        {
            per = Some((end + 1, h.end, false));
            end = h.end;
            density = true;
        }
        // `1 con ngõ`: one of a classifier before its noun is no count (a padded `01 chiếc`
        // is: documents pad counts, never articles)
        if let Unit::Noun { .. } = unit
            && value == 1.0
            && max.is_none()
            && (first..end).any(|j| d.key(j) == "1")
            && self.cue(end - 1, "classifier").is_some()
            && self.spaced(end)
            && self.same_line(end)
            && self.is_word(end)
            && d.token(end).case == Case::Lower
        {
            return (None, end);
        }
        if dollar_prefix && matches!(unit, Unit::Money(_)) {
            first -= 1;
        }
        // an amount repeated in parentheses: `năm vạn đồng (50.000 đ)`
        if matches!(unit, Unit::Money(_)) {
            end = self.paren_repeat(end, value).unwrap_or(end);
        }
        (
            Some(Figure {
                first,
                end,
                value,
                max,
                unit,
                per,
                numerator: None,
                denominator: None,
                qualifier: None,
                density,
                unit_list,
            }),
            end,
        )
    }

    /// A percentage at token `k`: a percent token, or a number with magnitudes and a percent
    /// unit. Returns (value, unit, end).
    fn percent_at(&self, k: usize) -> Option<(f64, Unit<'a>, usize)> {
        let d = self.doc;
        match d.token(k).value {
            Value::Percent(v) if d.token(k).kind == TokenKind::Percent => {
                Some((v, Unit::Percent { points: false }, k + 1))
            }
            Value::Number { value, .. } => {
                let (m, a, mp) = self.magnitudes(k + 1);
                if !self.same_line(mp) {
                    return None;
                }
                let (u, e) = self.percent_unit(mp)?;
                Some((value * m + a, u, e))
            }
            _ => None,
        }
    }

    /// A ratio `7/10 nhóm chỉ tiêu` at the fraction token `i`.
    fn ratio(
        &self,
        i: usize,
        first: usize,
        n: u32,
        den: u32,
        glued_letter: bool,
    ) -> (Option<Figure<'a>>, usize) {
        if den == 0 || glued_letter || self.is_label(first) {
            return (None, i + 1);
        }
        let p = i + 1;
        if !self.same_line(p) {
            return (None, p);
        }
        match self.noun(p) {
            Some((Unit::Noun { quantity, .. }, _)) if quantity || self.glued(p) => (None, p),
            Some((unit, e)) => (
                Some(Figure {
                    first,
                    end: e,
                    value: f64::from(n) / f64::from(den),
                    max: None,
                    unit,
                    per: None,
                    numerator: Some(n),
                    denominator: Some(den),
                    qualifier: None,
                    density: false,
                    unit_list: None,
                }),
                e,
            ),
            None => (None, p),
        }
    }

    /// `(50.000 đ)` or `(năm mươi nghìn đồng)` right after an amount, with the same value:
    /// returns the token after the `)`.
    fn paren_repeat(&self, end: usize, value: f64) -> Option<usize> {
        let d = self.doc;
        if !self.same_line(end) || d.key(end) != "(" {
            return None;
        }
        // the closing bracket within a few tokens: a missing `)` must not make the walk
        // quadratic
        let close = (end + 1..(end + 24).min(d.len())).find(|&k| d.key(k) == ")")?;
        let inner = end + 1;
        if !self.same_line(inner) {
            return None;
        }
        let fig = match d.token(inner).kind {
            TokenKind::Number | TokenKind::Percent => self.at_number(inner).0,
            _ if self.starter(inner).is_some() => self.at_words(inner).ok(),
            _ => None,
        }?;
        (matches!(fig.unit, Unit::Money(_)) && (fig.value - value).abs() < 0.5 && fig.end <= close)
            .then_some(close + 1)
    }

    /// `ĐVT: 1000 đồng`, `Đơn vị tính: 1.000 đồng`, `( 1000 đ)`: a unit declaration for a
    /// table (asked for đồng only: `(1.000 USD)` after a converted amount is a real amount).
    fn is_unit_declaration(&self, first: usize, end: usize, value: f64) -> bool {
        let d = self.doc;
        if !self.same_line(first) || first == 0 {
            return false;
        }
        let mut b = first;
        if d.key(b - 1) == ":" {
            if !self.same_line(b - 1) || b < 2 {
                return false;
            }
            b -= 1;
        }
        if self.cue_ending(b, "unit_decl").is_some() {
            return true;
        }
        // in parentheses only a scale (`(1000 đ)`), not a repeated amount (`(50.000 đ)`)
        [1.0, 1e3, 1e6, 1e9].contains(&value)
            && d.key(first - 1) == "("
            && self.same_line(end)
            && d.key(end) == ")"
    }

    /// A spelled-out number at token `i` followed by a currency or `phần trăm`
    /// (`năm vạn đồng`, `ba mươi phần trăm`). On failure, returns where to resume (after the
    /// words that formed a number without a unit).
    fn at_words(&self, i: usize) -> Result<Figure<'a>, usize> {
        // not glued to a word or number before it
        if self.glued(i) && (self.ends_alnum(i - 1) || !self.doc.text_of(i - 1).is_ascii()) {
            return Err(i + 1);
        }
        let mut words: Vec<NumWord> = Vec::with_capacity(4);
        let mut j = i;
        while words.len() < 12 {
            if j > i && !self.spaced(j) {
                break;
            }
            let Some(w) = self.num_word(j).filter(|_| self.letters_only(j)) else {
                break;
            };
            words.push(w);
            j += 1;
        }
        let Some((value, n)) = words_value(&words) else {
            return Err(i + 1);
        };
        if n == 0 || value <= 0.0 {
            return Err(i + 1);
        }
        let end = i + n;
        if !self.spaced(end) {
            return Err(end);
        }
        let Some((unit, mut uend)) = self.unit_at(end, value < 1000.0) else {
            return Err(end);
        };
        match unit {
            Unit::Percent { .. } => {}
            // spelled-out amounts in laws and contracts are large (`năm vạn đồng`); small ones
            // are mostly words (`một đồng nghiệp`, `Cu Ba Đồng Hới`)
            Unit::Money(_) if value >= 1000.0 => {
                uend = self.paren_repeat(uend, value).unwrap_or(uend);
            }
            _ => return Err(end),
        }
        Ok(Figure {
            first: i,
            end: uend,
            value,
            max: None,
            unit,
            per: None,
            numerator: None,
            denominator: None,
            qualifier: None,
            density: false,
            unit_list: None,
        })
    }

    /// Builds the statistic of a figure: the range's `từ` or a qualifier before it, its kind.
    /// Returns it with its first token.
    fn finish(&mut self, mut f: Figure<'a>) -> (Statistic, usize) {
        let d = self.doc;
        let f0 = f.first;
        if self.same_line(f0) {
            if f.max.is_some()
                && let Some(h) = self.cue_ending(f0, "from")
            {
                // `từ 23% đến 25%`: the range starts at `từ`
                f.first = h.start;
            } else {
                // stacked qualifiers: `khoảng trên dưới 3%`
                while let Some(h) = self
                    .hit_ending_where(f.first, Lex::Qualifier, |_| true)
                    .filter(|_| self.same_line(f.first))
                {
                    // `cao hơn 20%` is a comparison, not an approximation
                    let comparative = d.key(h.start) == "hơn"
                        && h.len() == 1
                        && h.start > 0
                        && self.same_line(h.start)
                        && self.cue_ending(h.start, "comparative").is_some();
                    if comparative || f.first - h.start > 4 {
                        break;
                    }
                    let end = f.qualifier.map_or(h.end, |q| q.1);
                    f.qualifier = Some((h.start, end));
                    f.first = h.start;
                }
            }
        }
        let (kind, currency, unit) = match f.unit {
            Unit::Percent { points } => (
                StatKind::Percentage,
                None,
                points.then(|| arcstr::literal!("điểm phần trăm")),
            ),
            Unit::Money(iso) => (StatKind::Money, Some(self.intern(iso)), None),
            Unit::Noun { form, quantity } => {
                let kind = if f.denominator.is_some() {
                    StatKind::Ratio
                } else if f.density {
                    StatKind::Density
                } else if quantity {
                    StatKind::Quantity
                } else {
                    StatKind::Count
                };
                let unit = match f.unit_list {
                    Some((a, b)) => self.intern(d.text_between(a, b)),
                    None => self.intern(&form.to_lowercase()),
                };
                (kind, None, Some(unit))
            }
        };
        let span = d.span(f.first, f.end);
        let per = f.per.map(|(a, b, spaced)| {
            if spaced {
                // `đồng/ người/ năm` -> `người/năm`: the parts without the spaces after slashes
                let mut joined = String::new();
                for k in a..b {
                    if k > a && d.key(k - 1) != "/" {
                        joined.push_str(d.gap_text(k));
                    }
                    joined.push_str(d.text_of(k));
                }
                self.intern(&joined)
            } else {
                self.intern(d.text_between(a, b))
            }
        });
        let qualifier = f.qualifier.map(|(a, b)| self.intern(d.text_between(a, b)));
        let stat = Statistic {
            text: self.intern(d.slice(span)),
            start: span.start,
            end: span.end,
            kind,
            value: f.value,
            max: f.max,
            currency,
            unit,
            per,
            subject: None,
            category: None,
            qualifier,
            numerator: f.numerator,
            denominator: f.denominator,
            change: None,
            place: None,
            period: None,
            direction: None,
            against: None,
            group: None,
        };
        (stat, f.first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(t: &str) -> Vec<Statistic> {
        let doc = Document::new(t);
        let mut out = Vec::new();
        Scanner::new(&doc).find(&mut out);
        out
    }

    #[test]
    fn identifiers_are_skipped_whole() {
        assert!(find("09/4/2021 và 67/2022/TT-BTC, Covid-19 ca").is_empty());
    }

    #[test]
    fn unit_declarations() {
        assert!(find("ĐVT: 1000 đồng").is_empty());
        assert!(find("Đơn vị tính: 1.000.000 đồng").is_empty());
        assert_eq!(find("phạt (50.000 đ)").len(), 1);
    }

    #[test]
    fn dash_ranges() {
        for t in ["10-15%", "10 - 15%", "10–15%", "10—15%", "10 đến 15%"] {
            let s = find(t);
            assert_eq!((s[0].value, s[0].max), (10.0, Some(15.0)), "{t}");
        }
    }

    #[test]
    fn currency_compounds_and_names() {
        assert_eq!(find("02 đồng chí")[0].kind, StatKind::Count);
        assert!(find("5 đô thị, thôn 5 Đồng Yên").is_empty());
        assert_eq!(find("4 tỷ bảng")[0].currency.as_deref(), Some("GBP"));
        assert!(find("6 bảng đấu").is_empty());
    }
}
