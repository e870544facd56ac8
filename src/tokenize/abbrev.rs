//! The abbreviation table (bảng chữ viết tắt), `data/tokenize/abbreviations.tsv`, parsed once.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How an abbreviation is written, as listed in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Takes a final dot that belongs to it (`TP.`, `TS.`, `v.v.`).
    Dotted,
    /// Joined by `-`, `/` or `&`, and not a document code (`KT-XH`, `V/v`, `GD&ĐT`).
    Compound,
    /// All capitals yet spelled like a syllable (`TU`, `HU`).
    Syllable,
}

const DATA: &str = include_str!("../../data/tokenize/abbreviations.tsv");

static TABLE: LazyLock<HashMap<&'static str, Shape>> = LazyLock::new(|| parse(DATA));

fn parse(data: &'static str) -> HashMap<&'static str, Shape> {
    let mut map = HashMap::new();
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(shape)) = (cols.next(), cols.next()) else {
            continue;
        };
        let shape = match shape {
            "dotted" => Shape::Dotted,
            "compound" => Shape::Compound,
            "syllable" => Shape::Syllable,
            _ => continue,
        };
        map.insert(form, shape);
    }
    map
}

/// The shape `form` is listed with, if any (case-sensitive).
#[inline]
pub(crate) fn lookup(form: &str) -> Option<Shape> {
    if form.len() > 16 {
        return None;
    }
    TABLE.get(form).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_every_row_is_well_formed() {
        let mut rows = 0;
        for line in DATA
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "bad row {line:?}");
            assert!(
                matches!(cols[1], "dotted" | "compound" | "syllable"),
                "bad shape in {line:?}"
            );
            rows += 1;
        }
        assert_eq!(TABLE.len(), rows, "duplicate forms");
        assert_eq!(lookup("TP"), Some(Shape::Dotted));
        assert_eq!(lookup("KT-XH"), Some(Shape::Compound));
        assert_eq!(lookup("TU"), Some(Shape::Syllable));
        assert_eq!(lookup("UBND"), None);
    }
}
