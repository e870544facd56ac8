//! The word tables of the officials recogniser (`data/officials/*.tsv`), parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::tokens::{Gap, Tokens, phrase_key};

/// A table of phrases (one or more syllables) keyed by their lookup key, each with a kind.
#[derive(Debug)]
pub(crate) struct Phrases<K> {
    map: HashMap<String, K>,
    firsts: HashSet<String>,
    max_len: usize,
}

impl<K: Copy> Phrases<K> {
    /// Parses `src` (TSV, `#` comments): column 1 is the phrase, column 2 the kind for `kind`.
    fn parse(src: &str, kind: impl Fn(&str) -> Option<K>) -> Self {
        let mut map = HashMap::new();
        let mut firsts = HashSet::new();
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
                firsts.insert(f.to_string());
            }
            max_len = max_len.max(words.len());
            map.insert(key, k);
        }
        Phrases {
            map,
            firsts,
            max_len,
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
        if i >= t.len() || !self.firsts.contains(t.key(i)) {
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

pub(crate) static FAMILY: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../data/officials/family_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(phrase_key)
        .collect()
});

pub(crate) static HONORIFICS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/honorifics.tsv"),
        |_| Some(()),
    )
});

pub(crate) static RANKS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::parse(include_str!("../../../data/officials/ranks.tsv"), |_| {
        Some(())
    })
});

pub(crate) static TITLES: LazyLock<Phrases<TitleKind>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/titles.tsv"),
        |k| match k {
            "prefix" => Some(TitleKind::Prefix),
            "title" => Some(TitleKind::Title),
            _ => None,
        },
    )
});

pub(crate) static ORGS: LazyLock<Phrases<OrgKind>> = LazyLock::new(|| {
    Phrases::parse(
        include_str!("../../../data/officials/org_words.tsv"),
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
        |k| match k {
            "place" => Some(PlaceKind::Place),
            "country" => Some(PlaceKind::Country),
            _ => None,
        },
    )
});

/// Is `key` (a lookup key) a Vietnamese family name (họ)?
pub(crate) fn is_family(key: &str) -> bool {
    FAMILY.contains(key)
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
    fn tables_load() {
        assert!(FAMILY.len() > 150);
        assert!(is_family("nguyễn") && is_family("giàng") && !is_family("lai"));
        assert!(HONORIFICS.len() >= 6 && RANKS.len() > 30);
        assert_eq!(TITLES.get("tỉnh ủy viên"), Some(TitleKind::Title));
        assert_eq!(TITLES.get("phó"), Some(TitleKind::Prefix));
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
