//! The word tables of the officials recogniser (`data/officials/*.tsv`), parsed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::tokens::{Gap, Tokens, phrase_key};

/// A small fast hasher for short keys (FxHash: rotate, xor, multiply per 8 bytes).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.add(w);
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Bits of [`first_flags`]: which tables have a phrase starting with a given syllable.
pub(crate) const F_HONORIFIC: u8 = 1;
pub(crate) const F_RANK: u8 = 2;
pub(crate) const F_TITLE: u8 = 4;
pub(crate) const F_ORG: u8 = 8;
pub(crate) const F_PLACE: u8 = 16;
pub(crate) const F_FAMILY: u8 = 32;

/// A table of phrases (one or more syllables) keyed by their lookup key, each with a kind.
#[derive(Debug)]
pub(crate) struct Phrases<K> {
    map: FxMap<String, K>,
    firsts: Vec<String>,
    max_len: usize,
    /// The bit of this table in the per-token flags.
    bit: u8,
}

impl<K: Copy> Phrases<K> {
    /// Parses `src` (TSV, `#` comments): column 1 is the phrase, column 2 the kind for `kind`.
    fn parse(src: &str, bit: u8, kind: impl Fn(&str) -> Option<K>) -> Self {
        let mut map = FxMap::default();
        let mut firsts = Vec::new();
        let mut max_len = 1;
        for line in src.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let phrase = cols.next().unwrap_or("");
            let Some(k) = kind(cols.next().unwrap_or("").trim()) else {
                continue;
            };
            // `Bà Rịa - Vũng Tàu`: the dash is a gap, not a token.
            let words: Vec<&str> = phrase
                .split_whitespace()
                .filter(|w| !matches!(*w, "-" | "–"))
                .collect();
            if words.is_empty() {
                continue;
            }
            let key = phrase_key(&words.join(" "));
            if let Some(f) = key.split(' ').next() {
                firsts.push(f.to_string());
            }
            max_len = max_len.max(words.len());
            map.insert(key, k);
        }
        Phrases {
            map,
            firsts,
            max_len,
            bit,
        }
    }

    /// Number of phrases in the table.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Looks up a whole phrase key.
    #[cfg(test)]
    pub fn get(&self, key: &str) -> Option<K> {
        self.map.get(key).copied()
    }

    /// The longest phrase starting at token `i` whose tokens are separated by spaces or, when
    /// `dash_ok`, by a spaced dash: `(number of tokens, kind)`.
    pub fn longest_at(&self, t: &Tokens<'_>, i: usize, dash_ok: bool) -> Option<(usize, K)> {
        if t.flags(i) & self.bit == 0 {
            return None;
        }
        let mut key = String::with_capacity(32);
        let mut best = None;
        for n in 0..self.max_len {
            let j = i + n;
            if j >= t.len() {
                break;
            }
            if n > 0 {
                match t.gap(j) {
                    Gap::Space => {}
                    Gap::Dash if dash_ok => {}
                    _ => break,
                }
                key.push(' ');
            }
            key.push_str(t.key(j));
            if let Some(k) = self.map.get(key.as_str()) {
                best = Some((n + 1, *k));
            }
        }
        best
    }

    /// The phrase ending at token `end - 1` (exclusive `end`), longest first: its first token.
    pub fn ending_at(&self, t: &Tokens<'_>, end: usize, floor: usize) -> Option<(usize, K)> {
        let lo = end.saturating_sub(self.max_len).max(floor);
        (lo..end).find_map(|s| match self.longest_at(t, s, false) {
            Some((n, k)) if s + n == end => Some((s, k)),
            _ => None,
        })
    }
}

/// Kinds in `titles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// A word kept before a position (`phó`, `nguyên`).
    Prefix,
    /// A position (`chủ tịch`).
    Title,
    /// A job noun (`giáo viên`, `công chức`): a position only with a named organization.
    Job,
}

/// Kinds in `org_words.tsv`.
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

/// Kinds in `places.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    /// A Vietnamese place.
    Place,
    /// A country (introduces foreign names).
    Country,
}

pub(crate) static FAMILY: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../../data/officials/family_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(phrase_key)
        .collect()
});

/// For every syllable that starts a phrase of some table (or is a family name): its table bits.
static FIRSTS: LazyLock<FxMap<String, u8>> = LazyLock::new(|| {
    let mut m: FxMap<String, u8> = FxMap::default();
    for f in FAMILY.iter() {
        *m.entry(f.clone()).or_default() |= F_FAMILY;
    }
    let tables: [(&[String], u8); 5] = [
        (&HONORIFICS.firsts, F_HONORIFIC),
        (&RANKS.firsts, F_RANK),
        (&TITLES.firsts, F_TITLE),
        (&ORGS.firsts, F_ORG),
        (&PLACES.firsts, F_PLACE),
    ];
    for (firsts, bit) in tables {
        for f in firsts {
            *m.entry(f.clone()).or_default() |= bit;
        }
    }
    m
});

/// A 65 536-bit filter over the hashes of [`FIRSTS`]: most words are rejected without a probe.
static FILTER: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1024];
    for k in FIRSTS.keys() {
        let h = filter_hash(k);
        bits[h >> 6] |= 1 << (h & 63);
    }
    bits
});

fn filter_hash(key: &str) -> usize {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    (h.finish() >> 48) as usize
}

/// The table bits of a syllable key (`F_*`), 0 for most words: one hash lookup per token.
pub(crate) fn first_flags(key: &str) -> u8 {
    let h = filter_hash(key);
    if FILTER[h >> 6] & (1 << (h & 63)) == 0 {
        return 0;
    }
    FIRSTS.get(key).copied().unwrap_or(0)
}

pub(crate) static HONORIFICS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/honorifics.tsv"),
        F_HONORIFIC,
        |_| Some(()),
    )
});

pub(crate) static RANKS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/ranks.tsv"),
        F_RANK,
        |_| Some(()),
    )
});

pub(crate) static TITLES: LazyLock<Phrases<TitleKind>> = LazyLock::new(|| {
    let mut p = Phrases::parse(
        include_str!("../../../data/officials/titles.tsv"),
        F_TITLE,
        |k| match k {
            "prefix" => Some(TitleKind::Prefix),
            "title" => Some(TitleKind::Title),
            "job" => Some(TitleKind::Job),
            _ => None,
        },
    );
    // `Chủtịch UBND`: a typing slip that glues the first two syllables of a position.
    let glued: Vec<(String, TitleKind)> = p
        .map
        .iter()
        .filter(|(_, k)| **k == TitleKind::Title)
        .filter_map(|(key, &k)| glue_first_two(key).map(|g| (g, k)))
        .collect();
    for (key, k) in glued {
        if let Some(f) = key.split(' ').next() {
            p.firsts.push(f.to_string());
        }
        p.map.entry(key).or_insert(k);
    }
    p
});

/// `chủ tịch ubnd` → `chủtịch ubnd`: the phrase with its first two syllables written together,
/// or `None` for a one-syllable phrase.
pub(crate) fn glue_first_two(phrase: &str) -> Option<String> {
    let (a, rest) = phrase.split_once(' ')?;
    Some(format!("{a}{rest}"))
}

pub(crate) static ORGS: LazyLock<Phrases<OrgKind>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/org_words.tsv"),
        F_ORG,
        |k| match k {
            "head" => Some(OrgKind::Head),
            "admin" => Some(OrgKind::Admin),
            "body" => Some(OrgKind::Body),
            "lower" => Some(OrgKind::Lower),
            _ => None,
        },
    )
});

pub(crate) static PLACES: LazyLock<Phrases<PlaceKind>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/places.tsv"),
        F_PLACE,
        |k| match k {
            "place" => Some(PlaceKind::Place),
            "country" => Some(PlaceKind::Country),
            "org" => Some(PlaceKind::Place),
            _ => None,
        },
    )
});

/// Is `key` (a lookup key) a Vietnamese family name (họ)?
pub(crate) fn is_family(key: &str) -> bool {
    first_flags(key) & F_FAMILY != 0
}

/// Words of foreign organization names (`Utd`, `League`, `Group`): not part of a person's name.
pub(crate) static FOREIGN_ORG_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/officials/foreign_org_words.tsv")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Is `key` (lower case) a word of a foreign organization's name (`utd`, `league`)?
pub(crate) fn is_foreign_org_word(key: &str) -> bool {
    FOREIGN_ORG_WORDS.contains(&key)
}

/// Common middle names (tên đệm) that confirm a four-syllable name (`Nguyễn Thị Kim Ngân`).
pub(crate) fn is_middle(key: &str) -> bool {
    matches!(
        key,
        "văn"
            | "thị"
            | "đức"
            | "hữu"
            | "công"
            | "quang"
            | "minh"
            | "xuân"
            | "đình"
            | "ngọc"
            | "thanh"
            | "quốc"
            | "duy"
            | "thu"
            | "kim"
            | "mai"
            | "thế"
            | "trọng"
            | "bá"
            | "khắc"
            | "tiến"
            | "phú"
            | "hồng"
            | "anh"
            | "nữ"
            | "thất"
    )
}

/// Lower-case words that end a title phrase: verbs and function words of the clause.
pub(crate) fn is_stop(key: &str) -> bool {
    matches!(
        key,
        "cho"
            | "là"
            | "làm"
            | "đã"
            | "đang"
            | "sẽ"
            | "vừa"
            | "được"
            | "bị"
            | "với"
            | "tại"
            | "về"
            | "của"
            | "khi"
            | "thì"
            | "mà"
            | "này"
            | "nói"
            | "phát"
            | "khẳng"
            | "nhấn"
            | "đề"
            | "yêu"
            | "trao"
            | "tặng"
            | "gặp"
            | "thăm"
            | "tiếp"
            | "dự"
            | "chủ"
            | "chúc"
            | "chỉ"
            | "ký"
            | "kiêm"
            | "cùng"
            | "các"
            | "những"
            | "trong"
            | "ở"
            | "đến"
            | "từ"
            | "trên"
            | "theo"
            | "sau"
            | "trước"
            | "có"
            | "không"
            | "cũng"
            | "đều"
            | "chia"
            | "trả"
            | "xác"
            | "nêu"
            | "thông"
            | "đánh"
            | "kiểm"
            | "ghi"
            | "báo"
            | "lưu"
            | "đồng"
            | "ông"
            | "bà"
            | "người"
            | "để"
            | "vì"
            | "nên"
            | "hay"
            | "hoặc"
            | "hiện"
            | "từng"
            | "tham"
            | "ra"
            | "vào"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_org_words_load() {
        assert!(FOREIGN_ORG_WORDS.len() > 30);
        assert!(is_foreign_org_word("utd") && is_foreign_org_word("league"));
        assert!(!is_foreign_org_word("henry"));
    }

    #[test]
    fn tables_load() {
        assert!(FAMILY.len() > 150);
        assert!(is_family("nguyễn") && is_family("giàng") && !is_family("lai"));
        assert_eq!(first_flags("chủ") & F_TITLE, F_TITLE);
        assert_eq!(first_flags("và"), 0);
        assert!(HONORIFICS.len() >= 6 && RANKS.len() > 30);
        assert_eq!(TITLES.get("tỉnh ủy viên"), Some(TitleKind::Title));
        assert_eq!(TITLES.get("phó"), Some(TitleKind::Prefix));
        assert_eq!(TITLES.get("giáo viên"), Some(TitleKind::Job));
        assert_eq!(TITLES.get("chủtịch"), Some(TitleKind::Title));
        assert_eq!(TITLES.get("phóban"), Some(TitleKind::Title));
        assert_eq!(ORGS.get("huyện ủy"), Some(OrgKind::Body));
        assert_eq!(ORGS.get("tỉnh"), Some(OrgKind::Admin));
        assert_eq!(PLACES.get("lai châu"), Some(PlaceKind::Place));
        assert_eq!(PLACES.get("bà rịa vũng tàu"), Some(PlaceKind::Place));
        assert_eq!(PLACES.get("lào"), Some(PlaceKind::Country));
    }

    #[test]
    fn longest_match_over_tokens() {
        let t = Tokens::new("Phó Chủ tịch UBND tỉnh Thừa Thiên - Huế");
        assert_eq!(TITLES.longest_at(&t, 1, false), Some((2, TitleKind::Title)));
        assert_eq!(ORGS.longest_at(&t, 3, false), Some((1, OrgKind::Body)));
        assert_eq!(PLACES.longest_at(&t, 5, true), Some((3, PlaceKind::Place)));
        assert_eq!(ORGS.ending_at(&t, 5, 0), Some((4, OrgKind::Admin)));
    }
}
