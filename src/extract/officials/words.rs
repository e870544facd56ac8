//! The words (từ) the officials grammar reads: the [`Document`]'s tokens grouped into words, and
//! what separates two words.
//!
//! A name is written with marks inside it (`H'Hen Niê`, `Lee Kun-hee`, `Đ/c`), which the
//! document's tokenizer cuts into pieces (`H` `'` `Hen`); here the pieces glued by `'`, `-`, `&`,
//! `/` or `.` make one word again, and the punctuation *between* words becomes a [`Sep`]: a comma,
//! a spaced dash, a colon, an opening parenthesis, a full stop, a line break. The grammar then
//! says "the word before" and "the gap before it" in one step. Nothing is read from the raw text
//! but the slices the document's tokens and gaps already delimit; every lookup goes to the
//! document's lexicon hits or to the lexicons' code tables.

use std::ops::Range;

use crate::document::{Case, Document, Gap, Token};
use crate::lexicon::{Entry, Lex};
use crate::tokenize::TokenKind;

/// What separates a word from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Whitespace on one line (or nothing, for syllables glued by a typing slip: `Chủtịch`).
    Space,
    /// A comma.
    Comma,
    /// A dash with whitespace on at least one side (`Tên - Chức vụ`).
    Dash,
    /// A colon.
    Colon,
    /// An opening parenthesis.
    Open,
    /// A full stop followed or preceded by whitespace.
    Dot,
    /// A line break (with anything else), or the start of the range.
    Newline,
    /// Anything else: quotes, several marks, a closing parenthesis.
    Other,
}

/// Kinds of `data/officials/titles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// A word kept before a position (`phó`, `nguyên`).
    Prefix,
    /// A position (`chủ tịch`).
    Title,
    /// A job noun (`giáo viên`): a position only with a named organization.
    Job,
}

/// Kinds of `data/officials/org_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgKind {
    /// Organization noun (`Bộ`, `Sở`, `Công ty`).
    Head,
    /// Administrative unit, followed by a place name (`tỉnh`, `huyện`).
    Admin,
    /// Body, optionally followed by a place name (`Huyện ủy`, `UBND`).
    Body,
    /// Lower-case word allowed inside a title (`nước`, `thường trực`).
    Lower,
}

/// Kinds of `data/officials/places.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    /// A Vietnamese place.
    Place,
    /// An organization's proper name that looks like a person's or a place's (`Công Thương`,
    /// `Lê Quý Đôn`): no person, and no place of the title either.
    Org,
    /// A country (introduces foreign names).
    Country,
    /// Viet Nam itself: a place for names, a word of organization names.
    Nation,
}

/// Kinds of `data/officials/cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Plural,
    Count,
    Age,
    Aside,
    Sino,
    ForeignTitle,
    Coach,
    Profession,
    Delegation,
    Acting,
    Time,
    Assume,
}

/// One word: document tokens `first..end` (a word of several tokens is joined: its key is in
/// [`Words::joined`]).
#[derive(Debug, Clone, Copy)]
struct Word {
    first: u32,
    end: u32,
    /// The bits of the officials' lexicons (the first eight, see [`word_bit`]) among the
    /// lexicon bits of the first piece ([`crate::document::Token::lex_bits`]): which of them
    /// have a phrase starting at the word, without going back to the document.
    lex: u8,
    case: Case,
    sep: Sep,
}

impl Word {
    /// Whether the word is made of several pieces (`H'Hen`, `Kun-hee`).
    fn is_joined(&self) -> bool {
        self.end > self.first + 1
    }
}

/// The bit of `lex` in [`Word::lex`] (0 for a lexicon past the first eight, whose bits a word
/// does not keep).
const fn word_bit(lex: Lex) -> u8 {
    let b = lex.bit();
    if b <= 0x80 { b as u8 } else { 0 }
}

/// The words of a range of a document's tokens.
pub(crate) struct Words<'d, 'a> {
    doc: &'d Document<'a>,
    words: Vec<Word>,
    /// The keys of the joined words, the pieces' keys in a row.
    joined: String,
    /// For each joined word in order: its index and its key's bytes in `joined`.
    joined_at: Vec<(u32, u32, u32)>,
}

/// Whether a token is part of a word (letters, digits, codes), not a mark between words.
pub(crate) fn is_word(kind: TokenKind) -> bool {
    !matches!(
        kind,
        TokenKind::Punctuation
            | TokenKind::Symbol
            | TokenKind::Other
            | TokenKind::Emoji
            | TokenKind::Currency
    )
}

/// Whether a mark glues the two word pieces around it into one word (`H'Hen`, `Kun-hee`).
fn is_joiner(key: &str) -> bool {
    matches!(key, "'" | "-" | "&" | "/" | ".")
}

impl<'d, 'a> Words<'d, 'a> {
    /// The words of the whole document.
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        Words::build(doc, 0..doc.len(), hard_wrapped(doc))
    }

    /// The words of the document's tokens `toks` (a line's cell, say): the first word starts the
    /// range ([`Sep::Newline`]) whatever stands before it.
    pub(crate) fn range(doc: &'d Document<'a>, toks: Range<usize>) -> Self {
        Words::build(doc, toks, false)
    }

    /// The words of tokens `toks`; with `hard`, the text is wrapped at a fixed width and a line
    /// break inside a sentence reads as a space.
    fn build(doc: &'d Document<'a>, toks: Range<usize>, hard: bool) -> Self {
        let all = doc.tokens();
        let toks = toks.start.min(all.len())..toks.end.min(all.len());
        let mut words: Vec<Word> = Vec::with_capacity(toks.len());
        let mut joined = String::new();
        let mut joined_at = Vec::new();
        let mut i = toks.start;
        // Marks since the last word: how many, the first one's token, whether a line broke,
        // whether whitespace stood around them.
        let mut marks = 0usize;
        let mut mark = 0usize;
        let mut broke = false;
        let mut blank = false;
        let mut spaced = false;
        while i < toks.end {
            // Most words are one token after whitespace on the same line, right after another
            // word or after one mark glued to it (`Hà Nội, Huế`): read in a tight loop.
            if marks == 0 && !words.is_empty() {
                i += single_words(doc, &all[i..toks.end], i, &mut words);
                if i >= toks.end {
                    break;
                }
            }
            let t = &all[i];
            if !is_word(t.kind) {
                if marks == 0 {
                    mark = i;
                }
                marks += 1;
                broke |= t.gap.breaks_line();
                blank |= t.gap == Gap::Paragraph;
                spaced |= t.gap != Gap::None;
                i += 1;
                continue;
            }
            // The pieces glued to this one: `piece (joiner piece)*`, nothing in between.
            let first = i;
            let mut end = i + 1;
            if end < toks.end && all[end].gap == Gap::None {
                end = glued_end(doc, first, toks.end);
            }
            let sep = if words.is_empty() {
                Sep::Newline
            } else if broke || t.gap.breaks_line() {
                // A line break inside a sentence reads as a space: in hard-wrapped text, before a
                // word in lower case, inside a name (`Hoàng Trung` / `Hải về việc …`).
                let single = marks == 0 && !blank && t.gap == Gap::Line;
                let prev = words.last().map_or(first, |w| w.first as usize);
                if single && (hard || continues(doc, prev, first, end, toks.end)) {
                    Sep::Space
                } else {
                    Sep::Newline
                }
            } else {
                spaced |= t.gap != Gap::None;
                match marks {
                    0 => Sep::Space,
                    1 => match doc.key(mark) {
                        "," => Sep::Comma,
                        "-" if spaced => Sep::Dash,
                        ":" => Sep::Colon,
                        "(" => Sep::Open,
                        "." if spaced => Sep::Dot,
                        _ => Sep::Other,
                    },
                    _ => Sep::Other,
                }
            };
            let case = if end == first + 1 {
                t.case
            } else {
                let s = joined.len();
                for p in first..end {
                    joined.push_str(doc.key(p));
                }
                joined_at.push((words.len() as u32, s as u32, joined.len() as u32));
                joined_case(doc, first, end)
            };
            words.push(Word {
                first: first as u32,
                end: end as u32,
                lex: t.lex_bits() as u8,
                case,
                sep,
            });
            marks = 0;
            broke = false;
            blank = false;
            spaced = false;
            i = end;
        }
        Words {
            doc,
            words,
            joined,
            joined_at,
        }
    }

    /// The document.
    pub(crate) fn doc(&self) -> &'d Document<'a> {
        self.doc
    }

    /// The document's normalized text, which word spans index.
    pub(crate) fn text(&self) -> &'d str {
        self.doc.text()
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The lookup key of word `i` (`""` past the end).
    pub(crate) fn key(&self, i: usize) -> &str {
        match self.words.get(i) {
            Some(w) if w.is_joined() => {
                match self.joined_at.binary_search_by_key(&(i as u32), |e| e.0) {
                    Ok(k) => {
                        let (_, a, b) = self.joined_at[k];
                        &self.joined[a as usize..b as usize]
                    }
                    Err(_) => "",
                }
            }
            Some(w) => self.doc.key(w.first as usize),
            None => "",
        }
    }

    /// Whether word `i` is glued to the word before it with nothing in between, in lower case:
    /// the rest of a word the tokenizer cut (`Bidenở` read as `Bide` `nở`), or a missing space
    /// (`Longđề nghị`).
    pub(crate) fn glued_lower(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| {
            w.sep == Sep::Space
                && self.doc.token(w.first as usize).gap == Gap::None
                && matches!(w.case, Case::Lower)
        }) && i > 0
    }

    /// Whether word `i` is made of several pieces (`H'Hen`, `Kun-hee`).
    pub(crate) fn is_joined(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(Word::is_joined)
    }

    /// The pieces of word `i` (document tokens).
    pub(crate) fn tokens(&self, i: usize) -> Range<usize> {
        self.words
            .get(i)
            .map_or(0..0, |w| w.first as usize..w.end as usize)
    }

    /// The case of word `i` (`Lower` past the end).
    pub(crate) fn case(&self, i: usize) -> Case {
        self.words.get(i).map_or(Case::Lower, |w| w.case)
    }

    /// What separates word `i` from word `i - 1` (`Newline` for the first and past the end).
    pub(crate) fn gap(&self, i: usize) -> Sep {
        self.words.get(i).map_or(Sep::Newline, |w| w.sep)
    }

    /// The text between word `i - 1` and word `i` (`""` for the first and past the end).
    pub(crate) fn gap_text(&self, i: usize) -> &'d str {
        if i == 0 || i >= self.words.len() {
            return "";
        }
        let a = self.doc.token(self.words[i - 1].end as usize - 1).span.end;
        let b = self.doc.token(self.words[i].first as usize).span.start;
        self.doc.text().get(a..b).unwrap_or("")
    }

    /// First byte of word `i`.
    pub(crate) fn start(&self, i: usize) -> usize {
        self.doc.token(self.words[i].first as usize).span.start
    }

    /// One past the last byte of word `i`.
    pub(crate) fn end(&self, i: usize) -> usize {
        self.doc.token(self.words[i].end as usize - 1).span.end
    }

    /// Bytes of words `a..b` (`b > a`).
    pub(crate) fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.start(a), self.end(b - 1))
    }

    /// The text of words `a..b` as written.
    pub(crate) fn slice(&self, a: usize, b: usize) -> &'d str {
        let (s, e) = self.span(a, b);
        self.doc.text().get(s..e).unwrap_or("")
    }

    /// The longest phrase of `lex` that starts at word `i` and ends at a word's end, its words
    /// separated by spaces (or, with `dash_ok`, spaced dashes): its length in words and entry.
    #[inline]
    pub(crate) fn phrase(&self, i: usize, lex: Lex, dash_ok: bool) -> Option<(usize, &'d Entry)> {
        if !self.may_start(i, lex) {
            return None;
        }
        self.phrase_hit(i, lex, dash_ok)
    }

    fn phrase_hit(&self, i: usize, lex: Lex, dash_ok: bool) -> Option<(usize, &'d Entry)> {
        let first = self.words[i].first as usize;
        let lexicons = self.doc.lexicons();
        self.doc
            .hits_at(first)
            .iter()
            .filter(|h| h.lex == lex)
            .find_map(|h| {
                // The word the hit ends with, its words apart by spaces (or spaced dashes).
                let mut last = i;
                while (self.words.get(last)?.end as usize) < h.end {
                    last += 1;
                    match self.words.get(last)?.sep {
                        Sep::Space => {}
                        Sep::Dash if dash_ok => {}
                        _ => return None,
                    }
                }
                (self.words[last].end as usize == h.end).then(|| (last + 1 - i, lexicons.entry(h)))
            })
    }

    /// The longest phrase of `lex` ending at word `end - 1` and starting at or after `floor`:
    /// its first word and entry.
    pub(crate) fn phrase_ending(
        &self,
        end: usize,
        lex: Lex,
        floor: usize,
    ) -> Option<(usize, &'d Entry)> {
        let lo = end.saturating_sub(MAX_PHRASE).max(floor);
        (lo..end).find_map(|s| {
            let w = self.words.get(s)?;
            if !self.has(w, lex) {
                return None;
            }
            // Any hit at `s` that ends at `end` (hits come longest first).
            let lexicons = self.doc.lexicons();
            self.doc
                .hits_at(w.first as usize)
                .iter()
                .filter(|h| h.lex == lex)
                .find(|h| {
                    end > 0
                        && end <= self.words.len()
                        && h.end == self.words[end - 1].end as usize
                        && (s + 1..end).all(|k| self.words[k].sep == Sep::Space)
                })
                .map(|h| (s, lexicons.entry(h)))
        })
    }

    /// Whether a phrase of `lex` starts at word `i`'s first piece (a bit test: the phrase may
    /// still not fit the words, see [`Words::phrase`]).
    #[inline]
    pub(crate) fn may_start(&self, i: usize, lex: Lex) -> bool {
        self.words.get(i).is_some_and(|w| self.has(w, lex))
    }

    /// Whether a phrase of `lex` starts at word `w`'s first piece.
    #[inline]
    fn has(&self, w: &Word, lex: Lex) -> bool {
        match word_bit(lex) {
            0 => self.doc.has(w.first as usize, lex),
            b => w.lex & b != 0,
        }
    }

    /// The first word from `from` on that may start a phrase of one of the lexicons `lex`
    /// (bits, [`Lex::bit`], of the first eight lexicons: see [`word_bit`]), follows a comma or
    /// a dash, or starts a run of two capitalized words (title case or capitals) apart by a
    /// space: the next word a left-to-right reader of names and titles must look at (`len()`
    /// if none). A capitalized word alone before a
    /// word in lower case or a mark starts no name (three words at least) and no foreign name
    /// (two at least).
    pub(crate) fn next_start(&self, from: usize, lex: u64) -> usize {
        let cap = |w: &Word| matches!(w.case, Case::Title | Case::Upper);
        let rest = self.words.get(from..).unwrap_or(&[]);
        rest.iter()
            .enumerate()
            .position(|(k, w)| {
                u64::from(w.lex) & lex != 0
                    || matches!(w.sep, Sep::Comma | Sep::Dash)
                    || (cap(w)
                        && rest
                            .get(k + 1)
                            .is_some_and(|n| cap(n) && n.sep == Sep::Space))
            })
            .map_or(self.words.len(), |p| from + p)
    }

    /// The words in title case that may start a phrase of `lex`, in order.
    pub(crate) fn title_case_starts(&self, lex: Lex) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.case == Case::Title && self.has(w, lex))
            .map(|(i, _)| i)
    }

    /// The words that may start a phrase of `lex`, in order.
    pub(crate) fn starts_of(&self, lex: Lex) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| self.has(w, lex))
            .map(|(i, _)| i)
    }

    /// Whether the one word `i` is an entry of the code table `lex` (by key).
    pub(crate) fn in_table(&self, i: usize, lex: Lex) -> bool {
        i < self.words.len() && self.doc.lexicons().get(lex, self.key(i)).is_some()
    }

    /// Whether the one word `i` is a phrase of `lex` by itself.
    fn one(&self, i: usize, lex: Lex) -> bool {
        self.phrase(i, lex, false).is_some_and(|(n, _)| n == 1)
    }

    /// A position (or a prefix, or a job noun) at word `i`.
    pub(crate) fn title(&self, i: usize) -> Option<(usize, TitleKind)> {
        let (n, e) = self.phrase(i, Lex::Title, false)?;
        let k = match e.kind()? {
            "prefix" => TitleKind::Prefix,
            "job" => TitleKind::Job,
            // `chính quyền`: a common word, no position.
            "word" => return None,
            _ => TitleKind::Title,
        };
        Some((n, k))
    }

    fn org_kind(e: &Entry) -> Option<OrgKind> {
        Some(match e.kind()? {
            "head" => OrgKind::Head,
            "admin" => OrgKind::Admin,
            "body" => OrgKind::Body,
            _ => OrgKind::Lower,
        })
    }

    /// Whether the prefix at word `i` ends a common word that starts before it (`chính quyền`,
    /// kind `word` of `titles.tsv`).
    pub(crate) fn ends_common_word(&self, i: usize) -> bool {
        i > 0
            && self
                .phrase_ending(i + 1, Lex::Title, i.saturating_sub(3))
                .is_some_and(|(s, e)| s < i && e.kind() == Some("word"))
    }

    /// An organization word at word `i`.
    pub(crate) fn org(&self, i: usize) -> Option<(usize, OrgKind)> {
        let (n, e) = self.phrase(i, Lex::OrgWord, false)?;
        Some((n, Self::org_kind(e)?))
    }

    /// The organization word ending at word `end - 1` (from `floor` on): its first word.
    pub(crate) fn org_ending(&self, end: usize, floor: usize) -> Option<(usize, OrgKind)> {
        let (s, e) = self.phrase_ending(end, Lex::OrgWord, floor)?;
        Some((s, Self::org_kind(e)?))
    }

    /// A place or country at word `i`.
    pub(crate) fn place(&self, i: usize, dash_ok: bool) -> Option<(usize, PlaceKind)> {
        let (n, e) = self.phrase(i, Lex::Place, dash_ok)?;
        let k = match e.kind() {
            Some("country") => PlaceKind::Country,
            Some("nation") => PlaceKind::Nation,
            Some("org") => PlaceKind::Org,
            _ => PlaceKind::Place,
        };
        Some((n, k))
    }

    /// The place ending at word `end - 1` (from `floor` on): its first word.
    pub(crate) fn place_ending(&self, end: usize, floor: usize) -> Option<usize> {
        self.phrase_ending(end, Lex::Place, floor).map(|(s, _)| s)
    }

    /// An honorific at word `i`: its length and whether it is formal (`ông`, `đồng chí`).
    pub(crate) fn honorific(&self, i: usize) -> Option<(usize, bool)> {
        let (n, e) = self.phrase(i, Lex::Honorific, false)?;
        Some((n, e.kind() == Some("formal")))
    }

    /// A rank at word `i`: its length.
    pub(crate) fn rank(&self, i: usize) -> Option<usize> {
        self.phrase(i, Lex::Rank, false).map(|(n, _)| n)
    }

    /// The rank ending at word `end - 1` (from `floor` on): its first word.
    pub(crate) fn rank_ending(&self, end: usize, floor: usize) -> Option<usize> {
        self.phrase_ending(end, Lex::Rank, floor).map(|(s, _)| s)
    }

    /// A cue phrase at word `i`.
    pub(crate) fn cue(&self, i: usize) -> Option<(usize, Cue)> {
        let (n, e) = self.phrase(i, Lex::OfficialCue, false)?;
        let k = match e.kind()? {
            "plural" => Cue::Plural,
            "count" => Cue::Count,
            "age" => Cue::Age,
            "aside" => Cue::Aside,
            "sino" => Cue::Sino,
            "foreign_title" => Cue::ForeignTitle,
            "coach" => Cue::Coach,
            "profession" => Cue::Profession,
            "delegation" => Cue::Delegation,
            "acting" => Cue::Acting,
            "assume" => Cue::Assume,
            _ => Cue::Time,
        };
        Some((n, k))
    }

    /// Whether word `i` is the one-word cue `cue`.
    pub(crate) fn is_cue(&self, i: usize, cue: Cue) -> bool {
        self.cue(i) == Some((1, cue))
    }

    /// Whether the cue phrase `cue` of `n` words ends at word `end - 1`.
    pub(crate) fn cue_ending(&self, end: usize, n: usize, cue: Cue) -> bool {
        end >= n && self.cue(end - n) == Some((n, cue))
    }

    /// Whether word `i` is a family name (họ).
    pub(crate) fn is_family(&self, i: usize) -> bool {
        self.one(i, Lex::FamilyName)
    }

    /// Whether word `i` is a common middle name (tên đệm: `Văn`, `Thị`, `Seo`).
    pub(crate) fn is_middle(&self, i: usize) -> bool {
        i < self.words.len()
            && self
                .doc
                .lexicons()
                .get(Lex::MiddleName, self.key(i))
                .is_some_and(|e| e.kind() == Some("middle"))
    }

    /// Whether word `i` starts with the prefix of a Central Highlands personal name: `Y` (a word
    /// by itself) or `H'` (joined to the given name: `H'Hen`).
    pub(crate) fn has_name_prefix(&self, i: usize) -> bool {
        let Some(w) = self.words.get(i) else {
            return false;
        };
        let first = w.first as usize;
        let key = if w.end as usize >= first + 3 {
            format!("{} {}", self.doc.key(first), self.doc.key(first + 1))
        } else if w.end as usize == first + 1 {
            self.doc.key(first).to_string()
        } else {
            return false;
        };
        self.doc.token(first).case == Case::Title
            && self
                .doc
                .lexicons()
                .get(Lex::MiddleName, &key)
                .is_some_and(|e| e.kind() == Some("prefix"))
    }

    /// Whether word `i` is written with a capital the way a name is: capitalized (`Trung`), or
    /// one syllable in capitals (`NGUYỄN` in a headline or a signature; not an acronym, `UBND`).
    pub(crate) fn is_cap(&self, i: usize) -> bool {
        match self.case(i) {
            Case::Title => true,
            Case::Upper => self.syllable(i),
            _ => false,
        }
    }

    /// Whether word `i` ends a title's organization (a verb or function word).
    pub(crate) fn is_stop(&self, i: usize) -> bool {
        self.in_table(i, Lex::TitleStop)
    }

    /// Whether word `i` is a word of foreign organization names (`Utd`, `League`).
    pub(crate) fn is_foreign_org_word(&self, i: usize) -> bool {
        self.one(i, Lex::ForeignOrgWord)
    }

    /// Whether word `i` is spelled unlike any Vietnamese syllable (`Joe`, `Phankham`,
    /// `Kun-hee`): a word of several pieces, or one whose letters fit no syllable shape
    /// ([`crate::syllable::fits_shape`]).
    pub(crate) fn looks_foreign(&self, i: usize) -> bool {
        if !self.is_joined(i) {
            return !crate::syllable::fits_shape(self.key(i));
        }
        // `Á-Thái Bình Dương`, `Dương-Thái`: capitalized syllables joined by a hyphen are a
        // Vietnamese compound name; `Kun-hee`, `H'Hen`, `Jae-in` are not.
        let doc = self.doc;
        !self.tokens(i).all(|p| {
            let t = doc.token(p);
            !is_word(t.kind)
                || (t.kind == TokenKind::Syllable && matches!(t.case, Case::Title | Case::Upper))
        })
    }

    /// Whether word `i` is one Vietnamese syllable (a token of kind syllable, valid or not).
    pub(crate) fn syllable(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| {
            !w.is_joined() && self.doc.token(w.first as usize).kind.is_syllable_like()
        })
    }

    /// Whether word `i` is a single letter (an initial: `George H. W. Bush`).
    pub(crate) fn is_initial(&self, i: usize) -> bool {
        self.key(i).chars().count() == 1
    }

    /// Number of characters of word `i`'s key.
    pub(crate) fn chars(&self, i: usize) -> usize {
        self.key(i).chars().count()
    }
}

/// The end of the word whose first piece is token `first` (before `limit`): the pieces glued to
/// it by a joiner mark (`H'Hen`, `Kun-hee`, `PGS.TS` in lower case), and the lower-case Latin
/// pieces the tokenizer cut off a capitalized foreign word (`Véran` read as `Vé` `ran`; a
/// function word glued after a name, `Bỉnhcho`, or a Vietnamese syllable, `Longđề`, stays
/// apart).
fn glued_end(doc: &Document<'_>, first: usize, limit: usize) -> usize {
    let all = doc.tokens();
    let head = all[first].case;
    let mut end = first + 1;
    while end < limit {
        let next = &all[end];
        if next.gap != Gap::None {
            break;
        }
        if is_word(next.kind) {
            if head == Case::Title
                && next.case == Case::Lower
                && next.kind.is_syllable_like()
                && doc.text_of(end).is_ascii()
                && doc.lexicons().get(Lex::TitleStop, doc.key(end)).is_none()
            {
                end += 1;
                continue;
            }
            break;
        }
        if end + 1 >= limit {
            break;
        }
        let after = &all[end + 1];
        if after.gap != Gap::None || !is_word(after.kind) || !is_joiner(doc.key(end)) {
            break;
        }
        // `trường.Bà`: a missing space after a full stop, not `PGS.TS`.
        if doc.key(end) == "."
            && matches!(after.case, Case::Title | Case::Upper)
            && all[end - 1].case == Case::Lower
            && doc.text_of(end - 1).chars().count() >= 2
        {
            break;
        }
        end += 2;
    }
    end
}

/// The case of a word of several pieces: that of its first letter, all capitals when every piece
/// is (`H'HEN`; a lone capital letter counts as a capital piece).
fn joined_case(doc: &Document<'_>, first: usize, end: usize) -> Case {
    let head = doc.token(first).case;
    if !matches!(head, Case::Title | Case::Upper) {
        return head;
    }
    let mut letters = 0;
    let mut upper = true;
    for p in first..end {
        let t = doc.token(p);
        if !is_word(t.kind) {
            continue;
        }
        letters += doc.text_of(p).chars().count();
        upper &= t.case == Case::Upper || single_capital(doc, p);
    }
    if upper && letters >= 2 {
        Case::Upper
    } else {
        Case::Title
    }
}

/// Appends to `words` the words of one token each that start `toks` (tokens from `first` on of
/// `doc`), each after whitespace on the same line, or after one mark glued to the word before
/// and whitespace (`Hà Nội, Huế`), and joined to nothing after it: what [`Words::build`] reads
/// as a word apart from the one before by a space, or by that mark; returns how many tokens
/// were read.
#[inline]
fn single_words(doc: &Document<'_>, toks: &[Token], first: usize, words: &mut Vec<Word>) -> usize {
    // Whether the token after token `k` is glued to it and may join it to more (`H'Hen`,
    // `Kun-hee`, `Véran`: see `glued_end`): a glued word piece, or a glued mark with a glued
    // word piece after it. A mark between a word and whitespace (`Hà Nội, …`) joins nothing.
    let joins = |k: usize| match toks.get(k + 1) {
        Some(n) if n.gap == Gap::None => {
            is_word(n.kind)
                || toks
                    .get(k + 2)
                    .is_some_and(|a| a.gap == Gap::None && is_word(a.kind))
        }
        _ => false,
    };
    let word = |k: usize, t: &Token, sep: Sep| Word {
        first: (first + k) as u32,
        end: (first + k + 1) as u32,
        lex: t.lex_bits() as u8,
        case: t.case,
        sep,
    };
    let mut k = 0;
    loop {
        let n = toks[k..]
            .iter()
            .enumerate()
            .position(|(j, t)| !is_word(t.kind) || t.gap.breaks_line() || joins(k + j))
            .unwrap_or(toks.len() - k);
        words.extend(
            toks[k..k + n]
                .iter()
                .enumerate()
                .map(|(j, t)| word(k + j, t, Sep::Space)),
        );
        k += n;
        // One mark glued to the word before, whitespace on the same line, a word: the mark
        // separates them (a spaced one: see `Words::build`).
        let (Some(m), Some(t)) = (toks.get(k), toks.get(k + 1)) else {
            break;
        };
        if m.gap != Gap::None
            || is_word(m.kind)
            || !is_word(t.kind)
            || !matches!(t.gap, Gap::Space | Gap::Column)
            || joins(k + 1)
        {
            break;
        }
        let sep = match doc.key(first + k) {
            "," => Sep::Comma,
            "-" => Sep::Dash,
            ":" => Sep::Colon,
            "(" => Sep::Open,
            "." => Sep::Dot,
            _ => Sep::Other,
        };
        words.push(word(k + 1, t, sep));
        k += 2;
    }
    k
}

/// Whether the text is wrapped at a fixed width (old documents, legacy encodings): at least three
/// line breaks, and a quarter of all, fall between a word and a word in lower case, inside a
/// sentence.
fn hard_wrapped(doc: &Document<'_>) -> bool {
    let all = doc.tokens();
    let (mut breaks, mut inside) = (0usize, 0usize);
    // A token after one line break starts a line: the lines' first tokens are all to look at.
    for line in doc.lines() {
        let i = line.tokens.start;
        if line.tokens.is_empty() || i == 0 || all[i].gap != Gap::Line {
            continue;
        }
        breaks += 1;
        if is_word(all[i - 1].kind) && is_word(all[i].kind) && all[i].case == Case::Lower {
            inside += 1;
        }
    }
    inside >= 3 && inside * 4 >= breaks
}

/// Whether the line that ends with the word starting at token `prev` goes on with the word
/// `first..end` (before `limit`) after one line break: that word is in lower case, or a name
/// goes on across the break (`Phó Thủ tướng Hoàng Trung` / `Hải về việc …`: the line ends with
/// a family name and at most one more capitalized word, and the next starts with one or two, no
/// position, organization, address or clause word, then lower case or a mark).
fn continues(doc: &Document<'_>, prev: usize, first: usize, end: usize, limit: usize) -> bool {
    let all = doc.tokens();
    let t = &all[first];
    if t.case == Case::Lower && t.kind.is_syllable_like() {
        return true;
    }
    let capital = |i: usize| {
        matches!(all[i].case, Case::Title | Case::Upper) && all[i].kind.is_syllable_like()
    };
    let plain = |i: usize| {
        !doc.has(i, Lex::Title)
            && !doc.has(i, Lex::OrgWord)
            && !doc.has(i, Lex::Honorific)
            && !doc.has(i, Lex::Place)
            && !doc.has(i, Lex::OfficialCue)
            && doc.lexicons().get(Lex::TitleStop, doc.key(i)).is_none()
    };
    if !capital(prev) || !capital(first) || end != first + 1 || !plain(first) {
        return false;
    }
    // The line ends with one or two capitalized words (a name cut short: three or four
    // syllables make a whole name, and a headline or caption ends there).
    let mut run = prev;
    while run > 0 && all[run].gap == Gap::Space && capital(run - 1) {
        run -= 1;
    }
    if prev - run >= 2 || !doc.has(run, Lex::FamilyName) || doc.has(run, Lex::Place) {
        return false;
    }
    // After one or two capitalized words: lower case, a mark or the end.
    let mut j = end;
    if j < limit && all[j].gap == Gap::Space && capital(j) && plain(j) {
        j += 1;
    }
    j >= limit || !is_word(all[j].kind) || (all[j].gap == Gap::Space && all[j].case == Case::Lower)
}

/// Most words of a lexicon phrase looked back for.
const MAX_PHRASE: usize = 8;

/// Whether token `i` is one capital letter (`H` of `H'Hen`).
fn single_capital(doc: &Document<'_>, i: usize) -> bool {
    doc.token(i).case == Case::Title && doc.text_of(i).chars().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_separators() {
        let doc = Document::new("Đ/c H'Hen Niê - Tỉnh uỷ viên, Bộ GD&ĐT (Lee Kun-hee): TS. A\nB");
        let w = Words::new(&doc);
        let keys: Vec<&str> = (0..w.len()).map(|i| w.key(i)).collect();
        assert_eq!(
            keys,
            [
                "đ/c", "h'hen", "niê", "tỉnh", "ủy", "viên", "bộ", "gd&đt", "lee", "kun-hee",
                "ts.", "a", "b"
            ]
        );
        let seps: Vec<Sep> = (0..w.len()).map(|i| w.gap(i)).collect();
        use Sep::*;
        assert_eq!(
            seps,
            [
                Newline, Space, Space, Dash, Space, Space, Comma, Space, Open, Space, Other, Space,
                Newline
            ]
        );
        assert_eq!(w.case(1), Case::Title);
        assert_eq!(w.slice(1, 3), "H'Hen Niê");
        // `Niê` (Ê Đê) has no Vietnamese rhyme: `iê` needs a final consonant.
        assert!(w.looks_foreign(9) && w.looks_foreign(8) && w.looks_foreign(2));
        assert!(!w.looks_foreign(3) && !w.looks_foreign(1 + 5));
        assert_eq!(w.title(3), Some((3, TitleKind::Title)));
        assert_eq!(w.honorific(0), Some((1, true)));
        assert_eq!(w.rank(10), Some(1));
    }

    #[test]
    fn words_keep_the_lexicon_bits_of_their_first_piece() {
        let doc = Document::new("Phó Chủ tịch UBND tỉnh Lai Châu, ông Trần Tiến Dũng, H'Hen Niê");
        let w = Words::new(&doc);
        for i in 0..w.len() {
            for lex in Lex::ALL {
                assert_eq!(w.may_start(i, lex), doc.has(w.tokens(i).start, lex));
            }
        }
        assert!(w.may_start(0, Lex::Title) && w.may_start(7, Lex::Honorific));
    }

    #[test]
    fn glued_pieces() {
        // The tokenizer cuts `Véran` into `Vé` `ran` and `Bỉnhcho` into `Bỉnh` `cho`.
        let doc = Document::new("Olivier Véran, Nguyễn Tấn Bỉnhcho biết, Chủtịch UBND");
        // `Chủtịch` stays two words (a Vietnamese syllable), which a title phrase spans.
        let w = Words::new(&doc);
        let keys: Vec<&str> = (0..w.len()).map(|i| w.key(i)).collect();
        assert_eq!(
            keys,
            [
                "olivier", "véran", "nguyễn", "tấn", "bỉnh", "cho", "biết", "chủ", "tịch", "ubnd"
            ]
        );
        assert_eq!(w.title(7), Some((2, TitleKind::Title)));
    }

    #[test]
    fn cue_stop_middle_and_prefix_tables() {
        let doc = Document::new("các hai SN từng là Trung Quốc HLV luật sư KT quyền sáng giữ chức");
        let w = Words::new(&doc);
        let cues: Vec<Option<(usize, Cue)>> = (0..w.len()).map(|i| w.cue(i)).collect();
        assert_eq!(cues[0], Some((1, Cue::Plural)));
        assert_eq!(cues[1], Some((1, Cue::Count)));
        assert_eq!(cues[2], Some((1, Cue::Age)));
        assert_eq!(cues[3], Some((2, Cue::Aside)));
        assert_eq!(cues[5], Some((2, Cue::Sino)));
        assert_eq!(cues[7], Some((1, Cue::Coach)));
        assert_eq!(cues[8], Some((2, Cue::Profession)));
        assert_eq!(cues[10], Some((1, Cue::Delegation)));
        assert_eq!(cues[11], Some((1, Cue::Acting)));
        assert_eq!(cues[12], Some((1, Cue::Time)));
        assert_eq!(cues[13], Some((2, Cue::Assume)));
        let doc = Document::new("Giàng Seo Páo cho Y Bhin H'Hen Văn");
        let w = Words::new(&doc);
        assert!(w.is_middle(1) && !w.is_middle(0) && w.is_middle(7));
        assert!(w.is_stop(3) && !w.is_stop(1));
        assert!(w.has_name_prefix(4) && w.has_name_prefix(6) && !w.has_name_prefix(5));
        assert_eq!(w.honorific(0), None);
    }

    #[test]
    fn hard_wrapped_text_reads_line_breaks_as_spaces() {
        let wrapped = "Căn cứ Thông báo của Văn phòng\nChính phủ về kết luận của Thủ tướng tại\nbuổi làm việc với lãnh đạo tỉnh về việc\nkiểm tra quy hoạch của\ncác huyện.";
        let doc = Document::new(wrapped);
        assert!(hard_wrapped(&doc));
        let w = Words::new(&doc);
        assert!((1..w.len()).all(|i| w.gap(i) != Sep::Newline));
        let news = "Tiêu đề\nSáng nay, ông A phát biểu.\nÔng B cho biết.";
        let doc = Document::new(news);
        assert!(!hard_wrapped(&doc));
        let w = Words::new(&doc);
        assert_eq!(w.gap(2), Sep::Newline);
    }

    #[test]
    fn phrases_stop_at_marks_and_lines() {
        let doc = Document::new("Bà Rịa - Vũng Tàu, Phó Chủ\n\ntịch");
        let w = Words::new(&doc);
        assert_eq!(w.place(0, true), Some((4, PlaceKind::Place)));
        assert_eq!(w.place(0, false), Some((2, PlaceKind::Place)));
        // A position broken by a blank line is not read as one.
        assert_eq!(w.title(4), Some((1, TitleKind::Prefix)));
        assert_eq!(w.title(5), None);
        // One line break before a word in lower case: the sentence goes on.
        let doc = Document::new("Phó Chủ\ntịch");
        assert_eq!(Words::new(&doc).title(1), Some((2, TitleKind::Title)));
    }
}
