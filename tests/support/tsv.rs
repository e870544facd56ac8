//! Reading the table-driven cases in `tests/cases/*.tsv`: the escapes a cell may use.
#![allow(dead_code)] // each test binary uses what it needs

/// Unescapes a TSV cell: `\n`, `\r`, `\t`, `\\` and `\u{XXXX}`; any other escape is an error.
pub fn try_unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                if it.next() != Some('{') {
                    return Err(format!("bad \\u escape in {s:?}"));
                }
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                let ch = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("bad \\u{{{hex}}} in {s:?}"))?;
                out.push(ch);
            }
            other => return Err(format!("unknown escape \\{other:?} in {s:?}")),
        }
    }
    Ok(out)
}

/// [`try_unescape`], panicking on a bad escape.
pub fn unescape(s: &str) -> String {
    try_unescape(s).unwrap_or_else(|e| panic!("{e}"))
}

/// The rows of a case table with their 1-based line numbers, split on tabs; blank lines and
/// `#` comments are skipped.
pub fn rows(table: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}
