//! The published library package holds what the library builds from and nothing else: no
//! articles, gold, legacy samples, word lists, tests, benches or examples (it was 4.2 MiB with
//! them). Checked on the list `cargo package --list` gives.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

fn package_list() -> Vec<String> {
    let out = Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "package",
            "-p",
            "vntext",
            "--list",
            "--allow-dirty",
            "--quiet",
        ])
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo package --list failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

/// `a/b/../c` → `a/c`.
fn tidy(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// The files the library's code (not its unit tests) embeds with `include_str!`/`include_bytes!`
/// or the lexicons' `tsv!`, relative to the package root.
fn embedded() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let re = regex::Regex::new(r#"include_(?:str|bytes)!\(\s*"([^"]+)"\s*\)"#).unwrap();
    let tsv = regex::Regex::new(r#"tsv!\(\s*"([^"]+)"\s*\)"#).unwrap();
    let mut found = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            // Unit tests (after `#[cfg(test)]`) may read articles; they are not built from the
            // package.
            let code = &code[..code.find("#[cfg(test)]").unwrap_or(code.len())];
            // `tsv!("officials/titles")` (src/lexicon.rs) embeds `../data/officials/titles.tsv`.
            let tables = tsv
                .captures_iter(code)
                .map(|c| format!("../data/{}.tsv", &c[1]));
            let paths = re.captures_iter(code).map(|c| c[1].to_string());
            for rel_path in paths.chain(tables) {
                let target = tidy(&path.parent().unwrap().join(&rel_path));
                let rel = target.strip_prefix(root).unwrap();
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn library_package_ships_only_what_it_builds_from() {
    let list = package_list();
    for f in &list {
        let allowed = f.starts_with("src/")
            || (f.starts_with("data/") && f.ends_with(".tsv"))
            || [
                "data/NOTICE",
                "README.md",
                "LICENSE-MIT",
                "LICENSE-APACHE",
                "Cargo.toml",
                "Cargo.toml.orig",
                "Cargo.lock",
                ".cargo_vcs_info.json",
            ]
            .contains(&f.as_str());
        assert!(allowed, "{f} is in the library package");
        for banned in [
            "data/articles/",
            "data/legacy/",
            "tests/",
            "gold",
            "benches/",
            "examples/",
        ] {
            assert!(!f.contains(banned), "{f} is in the library package");
        }
    }
    let embedded = embedded();
    assert!(embedded.len() > 20, "{embedded:?}");
    for f in &embedded {
        assert!(list.contains(f), "{f} is embedded by src but not packaged");
    }
    assert!(list.contains(&"src/lib.rs".to_string()));
    assert!(list.contains(&"data/NOTICE".to_string()));
}
