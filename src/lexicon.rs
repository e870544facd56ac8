//! Lexicons (từ điển): the word lists of every extractor, read from `data/`, matched over a
//! document's tokens by one automaton.
//!
//! Each [`Lex`] is one table in `data/` (titles, organisation words, places, family names,
//! currencies, units, ethnic groups, document kinds…). A row's first phrase column is written as
//! in running text (`Bí thư Tỉnh ủy`, `Bà Rịa - Vũng Tàu`, `H'Mông`); it is cut into tokens by the
//! same tokenizer as the documents and stored under the tokens' [lookup keys](crate::document)
//! (lower case, one tone placement, `Đ` kept distinct), so `BÍ THƯ TỈNH UỶ` in a text finds it.
//!
//! All phrase tables are compiled into **one Aho-Corasick automaton** per [`Lexicons`] (built once
//! per [`Analyzer`](crate::Analyzer)); a [`Document`](crate::document::Document) runs it once over
//! its keys and keeps every match as a [`Hit`]: token range, lexicon, entry. Phrases match across
//! single line breaks (hard-wrapped text) but never across a blank line or a column gap. Code
//! tables (document types, issuer codes) are not phrases: they are looked up by key with
//! [`Lexicons::get`].
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

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::data::{self, Shape};
use crate::document::key::push_key;
use crate::error::Error;
use crate::tokenize;

/// Marks the start of a token's key in a document's key text (see [`crate::document`]).
pub(crate) const KEY_START: char = '\u{1}';
/// Marks the end of a token's key.
pub(crate) const KEY_END: char = '\u{2}';

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
    /// The 54 ethnic groups and their spellings: `data/ethnic/groups.tsv`.
    EthnicGroup,
    /// Words after which a group name is a mention (`dân tộc`, `người`): `data/ethnic/triggers.tsv`.
    EthnicTrigger,
    /// Kind words naming a document before its number (`Luật`, `Kết luận`):
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

const fn shape(header: bool, min_cols: usize) -> Shape {
    Shape { header, min_cols }
}

static SPECS: &[Spec] = &[
    Spec {
        lex: Lex::Title,
        name: "officials/titles",
        src: include_str!("../data/officials/titles.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["prefix", "title", "job"])),
        matched: true,
    },
    Spec {
        lex: Lex::OrgWord,
        name: "officials/org_words",
        src: include_str!("../data/officials/org_words.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["head", "admin", "body", "lower"])),
        matched: true,
    },
    Spec {
        lex: Lex::Place,
        name: "officials/places",
        src: include_str!("../data/officials/places.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["place", "country", "org"])),
        matched: true,
    },
    Spec {
        lex: Lex::FamilyName,
        name: "officials/family_names",
        src: include_str!("../data/officials/family_names.tsv"),
        shape: shape(false, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &[])),
        matched: true,
    },
    Spec {
        lex: Lex::Honorific,
        name: "officials/honorifics",
        src: include_str!("../data/officials/honorifics.tsv"),
        shape: shape(false, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::Rank,
        name: "officials/ranks",
        src: include_str!("../data/officials/ranks.tsv"),
        shape: shape(false, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::ForeignOrgWord,
        name: "officials/foreign_org_words",
        src: include_str!("../data/officials/foreign_org_words.tsv"),
        shape: shape(false, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::Currency,
        name: "stats/currencies",
        src: include_str!("../data/stats/currencies.tsv"),
        shape: shape(true, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::Unit,
        name: "stats/units",
        src: include_str!("../data/stats/units.tsv"),
        shape: shape(true, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["count", "quantity", "percent", "points"])),
        matched: true,
    },
    Spec {
        lex: Lex::Qualifier,
        name: "stats/qualifiers",
        src: include_str!("../data/stats/qualifiers.tsv"),
        shape: shape(true, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::LinkingVerb,
        name: "stats/linking_verbs",
        src: include_str!("../data/stats/linking_verbs.tsv"),
        shape: shape(true, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::Magnitude,
        name: "stats/magnitudes",
        src: include_str!("../data/stats/magnitudes.tsv"),
        shape: shape(true, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::NumberWord,
        name: "stats/number_words",
        src: include_str!("../data/stats/number_words.tsv"),
        shape: shape(true, 3),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["digit", "unit", "ten", "tens", "zero", "half"])),
        matched: true,
    },
    Spec {
        lex: Lex::NumberLabel,
        name: "stats/label_words",
        src: include_str!("../data/stats/label_words.tsv"),
        shape: shape(true, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::CurrencyCompound,
        name: "stats/currency_compounds",
        src: include_str!("../data/stats/currency_compounds.tsv"),
        shape: shape(true, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::StatCue,
        name: "stats/cues",
        src: include_str!("../data/stats/cues.tsv"),
        shape: shape(true, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((
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
                "worth",
                "after",
                "area",
                "classifier",
            ],
        )),
        matched: true,
    },
    Spec {
        lex: Lex::EthnicGroup,
        name: "ethnic/groups",
        src: include_str!("../data/ethnic/groups.tsv"),
        shape: shape(true, 3),
        phrase_col: 2,
        alternatives: true,
        dash_variants: true,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::EthnicTrigger,
        name: "ethnic/triggers",
        src: include_str!("../data/ethnic/triggers.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["group", "people"])),
        matched: true,
    },
    Spec {
        lex: Lex::DocumentKind,
        name: "docnum/kind_words",
        src: include_str!("../data/docnum/kind_words.tsv"),
        shape: shape(false, 1),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: true,
    },
    Spec {
        lex: Lex::StateType,
        name: "docnum/state_types",
        src: include_str!("../data/docnum/state_types.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: false,
    },
    Spec {
        lex: Lex::PartyType,
        name: "docnum/party_types",
        src: include_str!("../data/docnum/party_types.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: false,
    },
    Spec {
        lex: Lex::HistoricalType,
        name: "docnum/historical_types",
        src: include_str!("../data/docnum/historical_types.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: None,
        matched: false,
    },
    Spec {
        lex: Lex::Issuer,
        name: "docnum/issuers",
        src: include_str!("../data/docnum/issuers.tsv"),
        shape: shape(false, 2),
        phrase_col: 0,
        alternatives: false,
        dash_variants: false,
        kind: Some((1, &["state", "party"])),
        matched: false,
    },
];

impl Lex {
    /// Every lexicon, in declaration order.
    ///
    /// ```
    /// assert!(vntext::lexicon::Lex::ALL.contains(&vntext::lexicon::Lex::Place));
    /// ```
    pub const ALL: [Lex; 23] = [
        Lex::Title,
        Lex::OrgWord,
        Lex::Place,
        Lex::FamilyName,
        Lex::Honorific,
        Lex::Rank,
        Lex::ForeignOrgWord,
        Lex::Currency,
        Lex::Unit,
        Lex::Qualifier,
        Lex::LinkingVerb,
        Lex::Magnitude,
        Lex::NumberWord,
        Lex::NumberLabel,
        Lex::CurrencyCompound,
        Lex::StatCue,
        Lex::EthnicGroup,
        Lex::EthnicTrigger,
        Lex::DocumentKind,
        Lex::StateType,
        Lex::PartyType,
        Lex::HistoricalType,
        Lex::Issuer,
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
    /// assert_eq!(Lex::Title.kinds(), ["prefix", "title", "job"]);
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
    /// Phrase key (token keys joined by one space) → entry.
    index: HashMap<Box<str>, u32>,
}

/// The compiled lexicons of an analyzer: every table, and one automaton over their phrases.
pub struct Lexicons {
    tables: Vec<Table>,
    ac: Option<AhoCorasick>,
    /// For each automaton pattern: the (lexicon, entry) pairs it stands for, and its token count.
    targets: Vec<(Vec<(Lex, u32)>, usize)>,
}

impl fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicons")
            .field(
                "entries",
                &self.tables.iter().map(|t| t.entries.len()).sum::<usize>(),
            )
            .field("patterns", &self.targets.len())
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
        let mut patterns: HashMap<String, usize> = HashMap::new();
        let mut targets: Vec<(Vec<(Lex, u32)>, usize)> = Vec::new();
        for (i, spec) in SPECS.iter().enumerate() {
            debug_assert_eq!(spec.lex as usize, i);
            let mut table = Table {
                entries: Vec::new(),
                index: HashMap::new(),
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
                for (key, n) in keys {
                    if table.index.contains_key(key.as_str()) {
                        // The first row wins; a later duplicate adds nothing.
                        continue;
                    }
                    if spec.matched {
                        let pattern = marked(&key);
                        let p = *patterns.entry(pattern).or_insert_with(|| {
                            targets.push((Vec::new(), n));
                            targets.len() - 1
                        });
                        targets[p].0.push((spec.lex, id));
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
        let mut ordered: Vec<(&String, &usize)> = patterns.iter().collect();
        ordered.sort_by_key(|(_, id)| **id);
        let ac = if ordered.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .prefilter(false)
                    .build(ordered.iter().map(|(p, _)| p.as_bytes()))
                    .map_err(|e| data::error("lexicons", 0, e.to_string()))?,
            )
        };
        Ok(Lexicons {
            tables,
            ac,
            targets,
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

    /// Finds every phrase in a document's key text. `token_ending` gives the token whose marked
    /// key ends at a byte (asked with non-decreasing bytes, so it can walk forward). Returns the
    /// hits grouped by first token (longest first) and, for each of the `tokens` tokens, the
    /// offset of its first hit (one more offset at the end): a bucket sort, linear in tokens and
    /// hits.
    pub(crate) fn find(
        &self,
        keys: &str,
        tokens: usize,
        mut token_ending: impl FnMut(usize) -> Option<usize>,
    ) -> (Vec<Hit>, Vec<usize>) {
        let mut offsets = vec![0usize; tokens + 1];
        let Some(ac) = &self.ac else {
            return (Vec::new(), offsets);
        };
        let mut found = Vec::new();
        // Matches come in order of their end. A pattern is `n` marked keys, so a match ending at
        // the end mark of token `last` starts at token `last + 1 - n`.
        for m in ac.find_overlapping_iter(keys) {
            let (targets, n) = &self.targets[m.pattern().as_usize()];
            let Some(start) = token_ending(m.end()).and_then(|last| (last + 1).checked_sub(*n))
            else {
                continue;
            };
            for &(lex, entry) in targets {
                offsets[start + 1] += 1;
                found.push(Hit {
                    start,
                    end: start + n,
                    lex,
                    entry,
                });
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        let mut hits = vec![
            Hit {
                start: 0,
                end: 0,
                lex: Lex::Title,
                entry: 0
            };
            found.len()
        ];
        for h in found {
            let slot = &mut next[h.start];
            hits[*slot] = h;
            *slot += 1;
        }
        // Within a token's bucket: longest first, then by lexicon (a handful of hits each).
        for w in offsets.windows(2) {
            hits[w[0]..w[1]].sort_unstable_by(|a, b| b.end.cmp(&a.end).then(a.lex.cmp(&b.lex)));
        }
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

/// The automaton pattern of a phrase key: each token's key between the start and end marks.
fn marked(key: &str) -> String {
    let mut p = String::with_capacity(key.len() + 8);
    for (i, k) in key.split(' ').enumerate() {
        if i > 0 {
            p.push(' ');
        }
        p.push(KEY_START);
        p.push_str(k);
        p.push(KEY_END);
    }
    p
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
            "data table my titles, line 2: kind \"boss\" is not one of prefix, title, job"
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
