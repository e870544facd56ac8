//! Page layouts: the table-driven cases of `tests/cases/layouts.tsv` (line classes, title,
//! dateline, author, credit, and the dates the report keeps once chrome is dropped).

#[path = "support/tsv.rs"]
mod tsv;

use vntext::Analyzer;

/// `"-"` is none, `"*"` is not checked; a difference is written to `errors`.
fn check(errors: &mut Vec<String>, lineno: usize, what: &str, want: &str, got: Option<&str>) {
    if want == "*" {
        return;
    }
    let want = (want != "-").then(|| tsv::unescape(want));
    if got != want.as_deref() {
        errors.push(format!("line {lineno}: {what} {got:?}, expected {want:?}"));
    }
}

#[test]
fn layout_cases() {
    let analyzer = Analyzer::new();
    let mut n = 0;
    let mut errors = Vec::new();
    for (lineno, cols) in tsv::rows(include_str!("cases/layouts.tsv")) {
        assert!(cols.len() >= 7, "line {lineno}: {} columns", cols.len());
        let page = tsv::unescape(cols[0]);
        let doc = analyzer.document(&page);
        let classes: Vec<String> = doc
            .lines()
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.tokens.is_empty())
            .map(|(l, _)| format!("{:?}", doc.line_class(l)))
            .collect();
        let want: Vec<&str> = cols[1].split(' ').collect();
        let same = classes.len() == want.len()
            && classes.iter().zip(&want).all(|(g, w)| *w == "*" || g == w);
        if !same {
            errors.push(format!(
                "line {lineno}: classes {classes:?}, expected {want:?}"
            ));
        }
        let r = analyzer.analyze(&page);
        check(&mut errors, lineno, "title", cols[2], r.title.as_deref());
        check(
            &mut errors,
            lineno,
            "published",
            cols[3],
            r.published.as_deref(),
        );
        check(&mut errors, lineno, "author", cols[4], r.author.as_deref());
        check(&mut errors, lineno, "credit", cols[5], r.credit.as_deref());
        if cols[6] != "*" {
            let dates: Vec<&str> = r.dates.iter().map(|d| d.value.as_str()).collect();
            let want: Vec<&str> = if cols[6] == "-" {
                Vec::new()
            } else {
                cols[6].split(" ; ").collect()
            };
            if dates != want {
                errors.push(format!("line {lineno}: dates {dates:?}, expected {want:?}"));
            }
        }
        n += 1;
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(n >= 25, "only {n} cases");
}

#[test]
fn every_class_has_a_case() {
    let table = include_str!("cases/layouts.tsv");
    for class in [
        "Menu",
        "Breadcrumb",
        "Section",
        "Clock",
        "Counter",
        "ShareLinks",
        "RelatedList",
        "Comments",
        "Footer",
        "Widget",
        "Headline",
        "Sapo",
        "Dateline",
        "Byline",
        "Credit",
        "Body",
        "Caption",
        "Table",
        "LegalHeader",
        "LegalTitle",
        "LegalSignature",
    ] {
        assert!(
            tsv::rows(table)
                .any(|(_, c)| c.get(1).is_some_and(|c| c.split(' ').any(|x| x == class))),
            "no case shows {class}"
        );
    }
}
