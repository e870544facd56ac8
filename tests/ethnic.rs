//! Ethnic groups: table-driven cases (`tests/cases/ethnic.tsv`) and properties.

use proptest::prelude::*;
use vntext::ethnic::{ethnic_groups, find_ethnic_groups};

#[test]
fn ethnic_cases() {
    let mut n = 0;
    for (k, line) in include_str!("cases/ethnic.tsv").lines().enumerate() {
        if line.starts_with('#') || line.starts_with("text\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let text = f[0];
        let want = f.get(1).copied().unwrap_or("").trim();
        let got: Vec<String> = find_ethnic_groups(text)
            .iter()
            .map(|g| format!("{}:{}", g.name, g.mentions))
            .collect();
        let got = got.join(";");
        let want = if want == "-" { "" } else { want };
        assert_eq!(got, want, "line {}: {text:?}", k + 1);
        n += 1;
    }
    assert!(n >= 20);
}

#[test]
fn spans_point_at_the_names() {
    let text = "đồng bào dân tộc H'Mông, Dao và người Ê-đê";
    for g in find_ethnic_groups(text) {
        assert_eq!(g.mentions, g.spans.len());
        for s in &g.spans {
            let name = &text[s.start..s.end];
            assert!(name.chars().next().unwrap().is_uppercase(), "{name}");
        }
    }
}

#[test]
fn the_table_has_the_54_groups() {
    let all = ethnic_groups();
    assert_eq!(all.len(), 54);
    for g in all {
        assert!((1..=54).contains(&g.code));
        assert!(g.variants.contains(&g.name), "{}", g.name);
        // every canonical name is found after a trigger
        let text = format!("đồng bào dân tộc {} sinh sống", g.name);
        let found = find_ethnic_groups(&text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].name, g.name);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn no_panic_and_valid_spans(s in "\\PC{0,200}") {
        for g in find_ethnic_groups(&s) {
            for sp in &g.spans {
                prop_assert!(sp.start <= sp.end && sp.end <= s.len());
                prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            }
        }
    }

    #[test]
    fn no_panic_on_trigger_soup(
        s in "((dân tộc|người|đồng bào|các dân tộc:|Mông|H'Mông|Dao|Thái|Bru - Vân Kiều|,|và|-| |Đ|đ)){0,30}"
    ) {
        for g in find_ethnic_groups(&s) {
            prop_assert_eq!(g.mentions, g.spans.len());
        }
    }
}
