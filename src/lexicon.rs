//! Lexicons (từ điển): the word lists of every extractor, read from `data/`, matched over a
//! document's tokens by one automaton.
//!
//! Each [`Lex`] is one table in `data/` (titles, organisation words, places, family names,
//! currencies, units, ethnic groups, document kinds…). A row's first phrase column is written as
//! in running text (`Bí thư Tỉnh ủy`, `Bà Rịa - Vũng Tàu`, `H'Mông`); it is cut into tokens by the
//! same tokenizer as the documents and stored under the tokens' [lookup keys](crate::document)
//! (lower case, one tone placement, `Đ` kept distinct), so `BÍ THƯ TỈNH UỶ` in a text finds it.
//!
//! All phrase tables are compiled into **one automaton, a trie over token keys**, per
//! [`Lexicons`] (built once per [`Analyzer`](crate::Analyzer)); a
//! [`Document`](crate::document::Document) runs it once over its tokens and keeps every match as
//! a [`Hit`]: token range, lexicon, entry. Phrases match across
//! single line breaks (hard-wrapped text) but never across a blank line or a column gap. Code
//! tables (document types, issuer codes) and the tables an extractor only asks about at a known
//! place (date cues, counted nouns) are not matched: they are looked up by key with
//! [`Lexicons::get`] or [`Document::phrase_entry`](crate::document::Document::phrase_entry).
//!
//! Users add entries the way jieba-rs users add words, with
//! [`AnalyzerBuilder::lexicon_entry`](crate::AnalyzerBuilder::lexicon_entry) (one row in the
//! table's own format) or [`AnalyzerBuilder::lexicon_table`](crate::AnalyzerBuilder::lexicon_table)
//! (a whole TSV text); a malformed row is an error naming the table and the line.
//!
//! ```
//! use vntext::lexicon::{Lex, Lexicons};
//! let lex = Lexicons::embedded();
//! let title = lex.get(Lex::Title, "bí thư").unwrap();
//! assert_eq!(title.kind(), Some("title"));
//! let group = lex.lookup(Lex::EthnicGroup, "H’Mông").unwrap();
//! assert_eq!(group.col(1), "Mông");
//! ```

use std::fmt;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::data::{self, Shape};
use crate::document::key::push_key;
use crate::error::Error;
use crate::tokenize;

/// One lexicon of the analyzer: which table of `data/` it is.
///
/// ```
/// use vntext::lexicon::Lex;
/// assert_eq!(Lex::Title.name(), "officials/titles");
/// assert_eq!(Lex::from_name("stats/units"), Some(Lex::Unit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Lex {
    /// Positions (chức vụ) and the words kept before them (`phó`): `data/officials/titles.tsv`.
    Title,
    /// Words of organisation names (`bộ`, `huyện ủy`, `tỉnh`): `data/officials/org_words.tsv`.
    OrgWord,
    /// Places and countries that look like personal names: `data/officials/places.tsv`.
    Place,
    /// Family names (họ), Kinh and minority: `data/officials/family_names.tsv`.
    FamilyName,
    /// Honorifics (`đồng chí`, `ông`): `data/officials/honorifics.tsv`.
    Honorific,
    /// Military, police and academic ranks: `data/officials/ranks.tsv`.
    Rank,
    /// Words of foreign organisation names (`united`, `fc`): `data/officials/foreign_org_words.tsv`.
    ForeignOrgWord,
    /// Cue words of the officials grammar (`các`, `từng là`, `KT`, `thay mặt`):
    /// `data/officials/cues.tsv`.
    OfficialCue,
    /// Words that end a title's organization (`cho`, `đã`, `tại`): `data/officials/stop_words.tsv`
    /// (a code table).
    TitleStop,
    /// Common middle names (tên đệm: `văn`, `thị`, `seo`) and the prefixes of Central Highlands
    /// names (`Y`, `H'`): `data/officials/middle_names.tsv` (a code table).
    MiddleName,
    /// Currency words and signs: `data/stats/currencies.tsv`.
    Currency,
    /// Counted nouns and units of measure: `data/stats/units.tsv`.
    Unit,
    /// Approximation words (`gần`, `khoảng`): `data/stats/qualifiers.tsv`.
    Qualifier,
    /// Verbs linking a subject to its figure (`đạt`, `chiếm`): `data/stats/linking_verbs.tsv`.
    LinkingVerb,
    /// Magnitude words (`nghìn`, `triệu`, `tỷ`): `data/stats/magnitudes.tsv`.
    Magnitude,
    /// Number words (`một`, `hai mươi`): `data/stats/number_words.tsv`.
    NumberWord,
    /// Words after which a number is a label, not a figure (`Điều 5`, `năm 2020`):
    /// `data/stats/label_words.tsv`.
    NumberLabel,
    /// Ordinary words starting with a currency word (`đồng chí`, `đô thị`):
    /// `data/stats/currency_compounds.tsv`.
    CurrencyCompound,
    /// Cue words of the statistics grammar (`đến`, `tăng`, `so với`, `tỷ lệ`), by kind:
    /// `data/stats/cues.tsv`.
    StatCue,
    /// Words between a figure and its period (`trong`, `vào`, `tính đến hết`):
    /// `data/stats/period_links.tsv`.
    StatPeriodLink,
    /// The 54 ethnic groups and their spellings: `data/ethnic/groups.tsv`.
    EthnicGroup,
    /// Words after which a group name is a mention (`dân tộc`, `người`): `data/ethnic/triggers.tsv`.
    EthnicTrigger,
    /// Kind words naming a document before its number (`Luật`, `Kết luận`, `QĐ`):
    /// `data/docnum/kind_words.tsv`.
    DocumentKind,
    /// Type codes of state documents (`NĐ`, `QĐ`): `data/docnum/state_types.tsv` (a code table).
    StateType,
    /// Type codes of Party documents (`NQ`, `KL`): `data/docnum/party_types.tsv` (a code table).
    PartyType,
    /// Type codes of historical state documents (`SL`): `data/docnum/historical_types.tsv`.
    HistoricalType,
    /// Issuing-body codes (`CP`, `TU`): `data/docnum/issuers.tsv` (a code table).
    Issuer,
    /// Labels of page chrome (`lượt xem`, `tin liên quan`, `trang chủ`): `data/article/page_cues.tsv`.
    PageCue,
    /// Labels of a dateline (`ngày đăng`, `cập nhật`): `data/article/dateline_cues.tsv`.
    DatelineCue,
    /// Weekday names (`thứ hai`, `CN`): `data/article/weekdays.tsv`.
    Weekday,
    /// Labels of bylines and credits (`tin, ảnh`, `theo`): `data/article/byline_cues.tsv`.
    BylineCue,
    /// Words of a legal document's layout (quốc hiệu, `QUYẾT ĐỊNH`, `Căn cứ`, `TM.`):
    /// `data/article/legal_cues.tsv`.
    LegalCue,
    /// Words of date expressions and their part in the grammar (`ngày`, `tháng`, `quý`, `khóa`,
    /// `nhiệm kỳ`, `giai đoạn`, `từ`, `đến`): `data/dates/words.tsv`.
    DateWord,
    /// Cue words before a day–month without a year (`sáng`, `dịp`, `thứ Hai`, `Quốc khánh`):
    /// `data/dates/cues.tsv` (looked up, not matched).
    DateCue,
    /// Lunar-calendar markers after a date (`âm lịch`, `ÂL`): `data/dates/lunar.tsv`.
    LunarMark,
    /// Counting nouns after which `d/m` is a ratio (`nhóm`, `hộ`): `data/dates/count_nouns.tsv`
    /// (looked up, not matched).
    CountNoun,
    /// Month names in words (`Tư`, `Mười một`): `data/dates/months.tsv` (looked up).
    MonthName,
    /// Terms of the National Assembly and the Party Central Committee (`Quốc hội khóa XV`):
    /// `data/dates/terms.tsv` (looked up).
    Term,
    /// Words before a number that make it a form, a plot or a standard, not a document (`mẫu`,
    /// `thửa`, `QCVN`): `data/docnum/not_doc_words.tsv` (looked up).
    NotDocWord,
}

/// How a table is read.
struct Spec {
    lex: Lex,
    name: &'static str,
    src: &'static str,
    shape: Shape,
    /// The column holding the phrase (or code).
    phrase_col: usize,
    /// The phrase column lists several spellings separated by commas.
    alternatives: bool,
    /// Words of a phrase may be joined by a space or a dash alike (`Gia Rai`, `Gia-rai`).
    dash_variants: bool,
    /// The column holding the entry's kind, and the kinds allowed there (empty: any text).
    kind: Option<(usize, &'static [&'static str])>,
    /// Matched over documents by the automaton (phrases) rather than looked up (codes).
    matched: bool,
}

/// The name of a table of `data/` and its text, embedded: `tsv!("officials/titles")` is
/// `("officials/titles", include_str!("../data/officials/titles.tsv"))`.
macro_rules! tsv {
    ($name:literal) => {
        ($name, include_str!(concat!("../data/", $name, ".tsv")))
    };
}

/// A table of phrases matched over documents: no header, the phrase in column 0, rows of at
/// least `min_cols` columns, any kind text.
const fn phrases(lex: Lex, (name, src): (&'static str, &'static str), min_cols: usize) -> Spec {
    Spec {
        lex,
        name,
        src,
        shape: Shape {
            header: false,
            min_cols,
        },
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    }
}

/// A table of codes, looked up rather than matched over documents.
const fn codes(lex: Lex, table: (&'static str, &'static str), min_cols: usize) -> Spec {
    Spec {
        matched: false,
        ..phrases(lex, table, min_cols)
    }
}

impl Spec {
    /// The first row is a header.
    const fn header(mut self) -> Spec {
        self.shape.header = true;
        self
    }

    /// The phrase (or code) is in column `col`.
    const fn phrase_col(mut self, col: usize) -> Spec {
        self.phrase_col = col;
        self
    }

    /// The phrase column lists several spellings separated by commas.
    const fn alternatives(mut self) -> Spec {
        self.alternatives = true;
        self
    }

    /// Words of a phrase may be joined by a space or a dash alike.
    const fn dash_variants(mut self) -> Spec {
        self.dash_variants = true;
        self
    }

    /// Column `col` holds the entry's kind, one of `allowed` (empty: any text).
    const fn kinds(mut self, col: usize, allowed: &'static [&'static str]) -> Spec {
        self.kind = Some((col, allowed));
        self
    }
}

static SPECS: &[Spec] = &[
    phrases(Lex::Title, tsv!("officials/titles"), 2).kinds(1, &["prefix", "title", "job", "word"]),
    phrases(Lex::OrgWord, tsv!("officials/org_words"), 2)
        .kinds(1, &["head", "admin", "body", "lower"]),
    phrases(Lex::Place, tsv!("officials/places"), 2)
        .dash_variants()
        .kinds(1, &["place", "country", "org", "nation"]),
    phrases(Lex::FamilyName, tsv!("officials/family_names"), 1).kinds(1, &[]),
    phrases(Lex::Honorific, tsv!("officials/honorifics"), 2).kinds(1, &["formal", "familiar"]),
    phrases(Lex::Rank, tsv!("officials/ranks"), 1),
    phrases(Lex::ForeignOrgWord, tsv!("officials/foreign_org_words"), 1),
    phrases(Lex::OfficialCue, tsv!("officials/cues"), 2).kinds(
        1,
        &[
            "plural",
            "count",
            "age",
            "aside",
            "sino",
            "foreign_title",
            "coach",
            "profession",
            "delegation",
            "acting",
            "time",
            "assume",
        ],
    ),
    codes(Lex::TitleStop, tsv!("officials/stop_words"), 1),
    codes(Lex::MiddleName, tsv!("officials/middle_names"), 2).kinds(1, &["middle", "prefix"]),
    phrases(Lex::Currency, tsv!("stats/currencies"), 2).header(),
    phrases(Lex::Unit, tsv!("stats/units"), 2)
        .header()
        .kinds(1, &["count", "quantity", "percent", "points"]),
    phrases(Lex::Qualifier, tsv!("stats/qualifiers"), 1).header(),
    phrases(Lex::LinkingVerb, tsv!("stats/linking_verbs"), 1).header(),
    phrases(Lex::Magnitude, tsv!("stats/magnitudes"), 2).header(),
    phrases(Lex::NumberWord, tsv!("stats/number_words"), 3)
        .header()
        .kinds(1, &["digit", "unit", "ten", "tens", "zero", "half"]),
    phrases(Lex::NumberLabel, tsv!("stats/label_words"), 1).header(),
    phrases(Lex::CurrencyCompound, tsv!("stats/currency_compounds"), 1).header(),
    phrases(Lex::StatCue, tsv!("stats/cues"), 2).header().kinds(
        1,
        &[
            "range",
            "from",
            "up",
            "down",
            "against",
            "average",
            "rate",
            "unit_decl",
            "comparative",
            "income",
            "filler",
            "frame",
            "adverb",
            "measure",
            "cut",
            "share",
            "plan",
            "place_of",
            "place",
            "relation",
            "per",
            "noun",
            "modal",
            "worth",
            "after",
            "area",
            "classifier",
        ],
    ),
    phrases(Lex::StatPeriodLink, tsv!("stats/period_links"), 1).header(),
    phrases(Lex::EthnicGroup, tsv!("ethnic/groups"), 3)
        .header()
        .phrase_col(2)
        .alternatives()
        .dash_variants(),
    phrases(Lex::EthnicTrigger, tsv!("ethnic/triggers"), 2).kinds(1, &["group", "people"]),
    phrases(Lex::DocumentKind, tsv!("docnum/kind_words"), 2).kinds(1, &["word", "abbr"]),
    codes(Lex::StateType, tsv!("docnum/state_types"), 2).alternatives(),
    codes(Lex::PartyType, tsv!("docnum/party_types"), 2).alternatives(),
    codes(Lex::HistoricalType, tsv!("docnum/historical_types"), 2),
    codes(Lex::Issuer, tsv!("docnum/issuers"), 2).kinds(1, &["state", "party"]),
    phrases(Lex::PageCue, tsv!("article/page_cues"), 2).kinds(
        1,
        &[
            "visitor", "count", "period", "rating", "session", "share", "related", "comments",
            "footer", "contact", "menu", "widget", "weather",
        ],
    ),
    phrases(Lex::DatelineCue, tsv!("article/dateline_cues"), 2)
        .kinds(1, &["published", "updated", "issued", "other"]),
    phrases(Lex::Weekday, tsv!("article/weekdays"), 2),
    phrases(Lex::BylineCue, tsv!("article/byline_cues"), 2)
        .kinds(1, &["author", "photo", "source", "grade", "outlet"]),
    phrases(Lex::LegalCue, tsv!("article/legal_cues"), 2).kinds(
        1,
        &[
            "motto",
            "type",
            "preamble",
            "signature",
            "form",
            "contents",
            "column",
        ],
    ),
    phrases(Lex::DateWord, tsv!("dates/words"), 2).kinds(
        1,
        &[
            "day", "month", "year", "quarter", "session", "term", "period", "from", "until", "and",
        ],
    ),
    codes(Lex::DateCue, tsv!("dates/cues"), 2).kinds(1, &["strong", "weak"]),
    phrases(Lex::LunarMark, tsv!("dates/lunar"), 1),
    codes(Lex::CountNoun, tsv!("dates/count_nouns"), 1),
    codes(Lex::MonthName, tsv!("dates/months"), 2),
    codes(Lex::Term, tsv!("dates/terms"), 3),
    codes(Lex::NotDocWord, tsv!("docnum/not_doc_words"), 2).kinds(1, &["word", "standard"]),
];

impl Lex {
    /// Every lexicon, in declaration order.
    ///
    /// ```
    /// assert!(vntext::lexicon::Lex::ALL.contains(&vntext::lexicon::Lex::Place));
    /// ```
    pub const ALL: [Lex; 39] = [
        Lex::Title,
        Lex::OrgWord,
        Lex::Place,
        Lex::FamilyName,
        Lex::Honorific,
        Lex::Rank,
        Lex::ForeignOrgWord,
        Lex::OfficialCue,
        Lex::TitleStop,
        Lex::MiddleName,
        Lex::Currency,
        Lex::Unit,
        Lex::Qualifier,
        Lex::LinkingVerb,
        Lex::Magnitude,
        Lex::NumberWord,
        Lex::NumberLabel,
        Lex::CurrencyCompound,
        Lex::StatCue,
        Lex::StatPeriodLink,
        Lex::EthnicGroup,
        Lex::EthnicTrigger,
        Lex::DocumentKind,
        Lex::StateType,
        Lex::PartyType,
        Lex::HistoricalType,
        Lex::Issuer,
        Lex::PageCue,
        Lex::DatelineCue,
        Lex::Weekday,
        Lex::BylineCue,
        Lex::LegalCue,
        Lex::DateWord,
        Lex::DateCue,
        Lex::LunarMark,
        Lex::CountNoun,
        Lex::MonthName,
        Lex::Term,
        Lex::NotDocWord,
    ];

    fn spec(self) -> &'static Spec {
        // SPECS lists the lexicons in declaration order (checked by a test).
        &SPECS[self as usize]
    }

    /// The table's name: its path under `data/` without `.tsv`.
    ///
    /// ```
    /// assert_eq!(vntext::lexicon::Lex::EthnicGroup.name(), "ethnic/groups");
    /// ```
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The lexicon whose table is named `name` (see [`Lex::name`]).
    ///
    /// ```
    /// assert_eq!(vntext::lexicon::Lex::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Lex> {
        SPECS.iter().find(|s| s.name == name).map(|s| s.lex)
    }

    /// The kinds a row may give in its kind column (empty when the column is free text or absent).
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// assert_eq!(Lex::Title.kinds(), ["prefix", "title", "job", "word"]);
    /// ```
    pub fn kinds(self) -> &'static [&'static str] {
        self.spec().kind.map_or(&[], |(_, k)| k)
    }

    /// The bit of this lexicon in a token's lexicon mask.
    pub(crate) const fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

/// One row of a lexicon.
///
/// ```
/// use vntext::lexicon::{Lex, Lexicons};
/// let e = Lexicons::embedded().get(Lex::Currency, "đô la mỹ").unwrap();
/// assert_eq!((e.phrase(), e.col(1)), ("đô la mỹ", "USD"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    cols: Box<[Box<str>]>,
    phrase_col: u8,
    alternatives: bool,
    kind: Option<u16>,
    /// Where the row came from: the table's name and line.
    source: (Box<str>, usize),
}

impl Entry {
    /// The phrase (or code) as the table writes it; the first spelling when the table lists several.
    pub fn phrase(&self) -> &str {
        let p = self.col(usize::from(self.phrase_col));
        if self.alternatives {
            p.split(',').next().unwrap_or(p).trim()
        } else {
            p
        }
    }

    /// Column `i` of the row, `""` when absent.
    pub fn col(&self, i: usize) -> &str {
        self.cols.get(i).map_or("", |c| c)
    }

    /// The entry's kind (one of [`Lex::kinds`]), or the free text of its kind column.
    pub fn kind(&self) -> Option<&str> {
        self.kind.map(|k| self.col(usize::from(k)))
    }

    /// The table and 1-based line the entry came from.
    pub fn source(&self) -> (&str, usize) {
        (&self.source.0, self.source.1)
    }
}

/// A lexicon match in a document: tokens `start..end` spell a phrase of `lex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The lexicon.
    pub lex: Lex,
    pub(crate) entry: u32,
}

impl Hit {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Always false: a hit covers at least one token.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

struct Table {
    entries: Vec<Entry>,
    /// Phrase key (token keys joined by one space) → entry. Keys come from the tables (never
    /// from a text, which only looks up), so a fast hash that does not resist crafted keys is
    /// safe here.
    index: FxHashMap<Box<str>, u32>,
}

/// The compiled lexicons of an analyzer: every table, and one automaton over their phrases.
pub struct Lexicons {
    tables: Vec<Table>,
    automaton: Automaton,
    /// Unique per built `Lexicons` (memos of answers that depend on the lexicons key on it).
    id: u64,
}

/// No node.
const NONE: u32 = u32::MAX;

/// One automaton for every phrase table: a trie over token keys. Each word (token key) that
/// occurs in some phrase has an id; a node is reached by a sequence of word ids and lists the
/// (lexicon, entry) pairs whose phrase that sequence spells.
#[derive(Default)]
struct Automaton {
    words: FxHashMap<Box<[u8]>, u32>,
    /// (node, word) → node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// The root's edges by word id ([`NONE`] for none): every token probes the root, so
    /// that probe is one array read instead of a hash lookup.
    root: Vec<u32>,
    /// Per node: the phrases it completes.
    outputs: Vec<Vec<(Lex, u32)>>,
    /// Per node: a 64-bit summary of the words its edges take ([`word_bit`]): 0 when no longer
    /// phrase continues from it, and a word whose bit is clear takes no edge (most tokens
    /// after a phrase's first word), which spares the hash lookup.
    next_words: Vec<u64>,
}

/// The bit of a word id in a node's [`Automaton::next_words`] (ids spread by a multiply).
#[inline(always)]
fn word_bit(word: u32) -> u64 {
    1 << (word.wrapping_mul(0x9E37_79B9) >> 26)
}

impl Automaton {
    fn new() -> Self {
        Automaton {
            outputs: vec![Vec::new()],
            next_words: vec![0],
            ..Automaton::default()
        }
    }

    /// Adds a phrase (its key: token keys joined by one space).
    fn insert(&mut self, key: &str, target: (Lex, u32)) {
        let mut node = 0u32;
        for w in key.split(' ') {
            let next_word = self.words.len() as u32;
            let word = *self
                .words
                .entry(Box::from(w.as_bytes()))
                .or_insert(next_word);
            self.next_words[node as usize] |= word_bit(word);
            let next_node = self.outputs.len() as u32;
            let from = node;
            node = *self.edges.entry((node, word)).or_insert(next_node);
            if from == 0 {
                if self.root.len() <= word as usize {
                    self.root.resize(word as usize + 1, NONE);
                }
                self.root[word as usize] = node;
            }
            if node == next_node {
                self.outputs.push(Vec::new());
                self.next_words.push(0);
            }
        }
        self.outputs[node as usize].push(target);
    }
}

impl fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicons")
            .field(
                "entries",
                &self.tables.iter().map(|t| t.entries.len()).sum::<usize>(),
            )
            .field("words", &self.automaton.words.len())
            .field("nodes", &self.automaton.outputs.len())
            .finish()
    }
}

static EMBEDDED: LazyLock<Lexicons> = LazyLock::new(|| match Lexicons::build(&[]) {
    Ok(l) => l,
    Err(e) => panic!("embedded lexicons are broken: {e}"),
});

/// A user addition: the lexicon, a name for errors, and TSV text in the table's format.
#[derive(Debug, Clone)]
pub(crate) struct Addition {
    pub lex: Lex,
    pub name: String,
    pub tsv: String,
}

/// The key of a phrase: its tokens' keys joined by one space, or `None` if it has no token.
pub(crate) fn phrase_key(phrase: &str) -> Option<(String, usize)> {
    let mut key = Vec::with_capacity(phrase.len());
    let mut n = 0;
    for t in tokenize::tokens(phrase) {
        if n > 0 {
            key.push(b' ');
        }
        push_key(&mut key, t.text);
        n += 1;
    }
    let key = String::from_utf8(key).ok()?;
    (n > 0).then_some((key, n))
}

impl Lexicons {
    /// The lexicons embedded in the crate, built once per process.
    ///
    /// ```
    /// let l = vntext::lexicon::Lexicons::embedded();
    /// assert!(l.len(vntext::lexicon::Lex::FamilyName) > 100);
    /// ```
    pub fn embedded() -> &'static Lexicons {
        &EMBEDDED
    }

    /// Builds the embedded tables plus `additions`.
    pub(crate) fn build(additions: &[Addition]) -> Result<Lexicons, Error> {
        let mut tables: Vec<Table> = Vec::with_capacity(SPECS.len());
        let mut automaton = Automaton::new();
        for (i, spec) in SPECS.iter().enumerate() {
            debug_assert_eq!(spec.lex as usize, i);
            let mut table = Table {
                entries: Vec::new(),
                index: FxHashMap::default(),
            };
            let embedded = data::rows(spec.name, spec.src, spec.shape)?;
            let mut rows: Vec<(String, data::Row<'_>)> = embedded
                .into_iter()
                .map(|r| (spec.name.to_string(), r))
                .collect();
            for a in additions.iter().filter(|a| a.lex == spec.lex) {
                let extra = data::rows(
                    &a.name,
                    &a.tsv,
                    Shape {
                        header: false,
                        ..spec.shape
                    },
                )?;
                if extra.is_empty() {
                    return Err(data::error(&a.name, 1, "no entry in the addition"));
                }
                rows.extend(extra.into_iter().map(|r| (a.name.clone(), r)));
            }
            for (name, row) in rows {
                let kind = match spec.kind {
                    Some((col, allowed)) => {
                        let k = row.col(col);
                        if !allowed.is_empty() && !allowed.contains(&k) {
                            return Err(data::error(
                                &name,
                                row.line,
                                format!("kind {k:?} is not one of {}", allowed.join(", ")),
                            ));
                        }
                        Some(col as u16)
                    }
                    None => None,
                };
                let phrase_cell = row.col(spec.phrase_col);
                let spellings: Vec<&str> = if spec.alternatives {
                    phrase_cell
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect()
                } else {
                    vec![phrase_cell]
                };
                let id = table.entries.len() as u32;
                let mut added = false;
                let mut keys = Vec::new();
                for spelling in spellings {
                    let Some((key, n)) = phrase_key(spelling) else {
                        return Err(data::error(
                            &name,
                            row.line,
                            format!("{spelling:?} holds no word"),
                        ));
                    };
                    if spec.dash_variants {
                        keys.extend(dash_variants(&key));
                    } else {
                        keys.push((key, n));
                    }
                }
                for (key, _) in keys {
                    if table.index.contains_key(key.as_str()) {
                        // The first row wins; a later duplicate adds nothing.
                        continue;
                    }
                    if spec.matched {
                        automaton.insert(&key, (spec.lex, id));
                    }
                    table.index.insert(key.into_boxed_str(), id);
                    added = true;
                }
                if added {
                    table.entries.push(Entry {
                        cols: row.cols.iter().map(|c| Box::from(*c)).collect(),
                        phrase_col: spec.phrase_col as u8,
                        alternatives: spec.alternatives,
                        kind,
                        source: (name.into_boxed_str(), row.line),
                    });
                }
            }
            tables.push(table);
        }
        // Hits at one token come out longest first, then in lexicon order.
        for out in &mut automaton.outputs {
            out.sort_unstable();
        }
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Ok(Lexicons {
            tables,
            automaton,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// Number of entries of `lex`.
    ///
    /// ```
    /// use vntext::lexicon::{Lex, Lexicons};
    /// assert_eq!(Lexicons::embedded().len(Lex::EthnicGroup), 54);
    /// ```
    pub fn len(&self, lex: Lex) -> usize {
        self.tables[lex as usize].entries.len()
    }

    /// Whether `lex` has no entry.
    ///
    /// ```
    /// use vntext::lexicon::{Lex, Lexicons};
    /// assert!(!Lexicons::embedded().is_empty(Lex::Title));
    /// ```
    pub fn is_empty(&self, lex: Lex) -> bool {
        self.len(lex) == 0
    }

    /// The entries of `lex`, in table order (embedded rows, then additions).
    ///
    /// ```
    /// use vntext::lexicon::{Lex, Lexicons};
    /// assert_eq!(Lexicons::embedded().entries(Lex::EthnicGroup)[0].col(1), "Kinh");
    /// ```
    pub fn entries(&self, lex: Lex) -> &[Entry] {
        &self.tables[lex as usize].entries
    }

    /// The entry of `lex` whose phrase has the key `key` (token keys joined by one space: lower
    /// case, `Đ` as `đ`, tone on the first vowel of a final `oa`/`oe`/`uy`).
    ///
    /// ```
    /// use vntext::lexicon::{Lex, Lexicons};
    /// let l = Lexicons::embedded();
    /// assert_eq!(l.get(Lex::Issuer, "ttg").unwrap().phrase(), "TTg");
    /// assert!(l.get(Lex::Title, "xyz").is_none());
    /// ```
    pub fn get(&self, lex: Lex, key: &str) -> Option<&Entry> {
        let t = &self.tables[lex as usize];
        t.index.get(key).map(|&i| &t.entries[i as usize])
    }

    /// The entry of `lex` a phrase written as `phrase` has (its key is computed first).
    ///
    /// ```
    /// use vntext::lexicon::{Lex, Lexicons};
    /// assert!(Lexicons::embedded().lookup(Lex::Title, "BÍ THƯ").is_some());
    /// ```
    pub fn lookup(&self, lex: Lex, phrase: &str) -> Option<&Entry> {
        self.get(lex, &phrase_key(phrase)?.0)
    }

    /// The entry a hit stands for.
    ///
    /// ```
    /// use vntext::{document::Document, lexicon::Lex};
    /// let doc = Document::new("Bí thư Tỉnh ủy");
    /// let hit = doc.hit(0, Lex::Title).unwrap();
    /// assert_eq!(doc.lexicons().entry(&hit).phrase(), "bí thư");
    /// ```
    pub fn entry(&self, hit: &Hit) -> &Entry {
        &self.tables[hit.lex as usize].entries[hit.entry as usize]
    }

    /// This value's identity, unique among the `Lexicons` built by this process.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The id of a word (a token key) that occurs in some phrase.
    #[inline]
    pub(crate) fn word(&self, key: &[u8]) -> Option<u32> {
        self.automaton.words.get(key).copied()
    }

    /// Finds every phrase in a document: `words[i]` is the word id of token `i` (`None` for a
    /// word in no phrase) and `breaks(i)` tells whether a phrase may not continue into token `i`
    /// (a blank line or a column gap before it). Returns the hits grouped by first token
    /// (longest first) and, for each token, the offset of its first hit (one more at the end).
    /// Linear: a phrase has a bounded number of tokens.
    pub(crate) fn find(
        &self,
        words: &[Option<u32>],
        breaks: impl Fn(usize) -> bool,
    ) -> (Vec<Hit>, Vec<usize>) {
        let a = &self.automaton;
        // A text has about 0.6 hits per token (0.84 at most on the corpus): one allocation.
        let mut hits = Vec::with_capacity(words.len() - words.len() / 8 + 16);
        let mut offsets = Vec::with_capacity(words.len() + 1);
        for i in 0..words.len() {
            offsets.push(hits.len());
            let first = hits.len();
            let mut node = 0u32;
            let mut j = i;
            while let Some(Some(w)) = words.get(j) {
                if j > i && breaks(j) {
                    break;
                }
                let next = if node == 0 {
                    a.root.get(*w as usize).copied().unwrap_or(NONE)
                } else if a.next_words[node as usize] & word_bit(*w) == 0 {
                    NONE
                } else {
                    a.edges.get(&(node, *w)).copied().unwrap_or(NONE)
                };
                if next == NONE {
                    break;
                }
                node = next;
                j += 1;
                for &(lex, entry) in &a.outputs[node as usize] {
                    hits.push(Hit {
                        start: i,
                        end: j,
                        lex,
                        entry,
                    });
                }
                if a.next_words[node as usize] == 0 {
                    break;
                }
            }
            // Found shortest first: longest first, each length in lexicon order.
            if hits.len() - first > 1 {
                hits[first..].sort_unstable_by(|x, y| y.end.cmp(&x.end).then(x.lex.cmp(&y.lex)));
            }
        }
        offsets.push(hits.len());
        (hits, offsets)
    }
}

/// The keys of a phrase whose words may be joined by a space or a dash: every choice of `" "` or
/// `" - "` between two words (at most 16 variants), with their token counts.
fn dash_variants(key: &str) -> Vec<(String, usize)> {
    let words: Vec<&str> = key.split(' ').filter(|w| *w != "-").collect();
    let gaps = words.len().saturating_sub(1).min(4);
    let mut out = Vec::with_capacity(1 << gaps);
    for mask in 0..(1usize << gaps) {
        let mut k = String::with_capacity(key.len() + 4);
        let mut n = 0;
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                if i <= gaps && mask & (1 << (i - 1)) != 0 {
                    k.push_str(" - ");
                    n += 1;
                } else {
                    k.push(' ');
                }
            }
            k.push_str(w);
            n += 1;
        }
        out.push((k, n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_are_in_declaration_order() {
        for (i, s) in SPECS.iter().enumerate() {
            assert_eq!(s.lex as usize, i, "{}", s.name);
            assert_eq!(Lex::ALL[i], s.lex);
        }
        assert_eq!(SPECS.len(), Lex::ALL.len());
        assert!(Lex::ALL.len() <= 64, "the token lexicon mask is a u64");
    }

    #[test]
    fn every_embedded_table_builds_and_keys_its_rows() {
        let l = Lexicons::embedded();
        for lex in Lex::ALL {
            assert!(!l.is_empty(lex), "{} is empty", lex.name());
        }
        // Tone placement and case do not matter; Đ is kept apart from D.
        assert!(l.lookup(Lex::OrgWord, "Huyện Uỷ").is_some());
        assert!(l.lookup(Lex::FamilyName, "ĐẶNG").is_some());
        assert!(l.lookup(Lex::FamilyName, "Dang").is_none());
        // Comma-separated spellings of one group share one entry.
        let a = l.lookup(Lex::EthnicGroup, "Ê-đê").unwrap();
        let b = l.lookup(Lex::EthnicGroup, "Rhadé").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.source(), ("ethnic/groups", a.source().1));
    }

    #[test]
    fn additions_are_checked() {
        let ok = Lexicons::build(&[Addition {
            lex: Lex::Title,
            name: "my titles".into(),
            tsv: "Tổng giám đốc điều hành\ttitle\n".into(),
        }])
        .unwrap();
        assert!(ok.lookup(Lex::Title, "tổng giám đốc điều hành").is_some());
        let bad = Lexicons::build(&[Addition {
            lex: Lex::Title,
            name: "my titles".into(),
            tsv: "# comment\nGiám đốc\tboss\n".into(),
        }])
        .unwrap_err();
        assert_eq!(
            bad.to_string(),
            "data table my titles, line 2: kind \"boss\" is not one of prefix, title, job, word"
        );
        let empty = Lexicons::build(&[Addition {
            lex: Lex::Place,
            name: "places".into(),
            tsv: "...\tplace\n".into(),
        }]);
        assert!(
            empty.is_ok(),
            "punctuation is a token, so `...` is a phrase"
        );
        let none = Lexicons::build(&[Addition {
            lex: Lex::Place,
            name: "places".into(),
            tsv: "\n# only a comment\n".into(),
        }])
        .unwrap_err();
        assert!(none.to_string().contains("no entry"));
    }
}
