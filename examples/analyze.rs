//! Analyse Vietnamese article files and print one report per input.
//!
//! ```text
//! analyze [--jsonl | --format json|jsonl|text] [--jobs N] [PATH…]
//! ```
//! PATH may be a file, a directory (searched recursively for `*.txt`) or `-` for stdin (the
//! default when no path is given).
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vntext::{Analyzer, Report};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Text,
}

fn main() -> ExitCode {
    let mut format = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => format = Some(Format::Jsonl),
            "--json" => format = Some(Format::Json),
            "--format" => match args.next().as_deref() {
                Some("json") => format = Some(Format::Json),
                Some("jsonl") => format = Some(Format::Jsonl),
                Some("text") => format = Some(Format::Text),
                other => {
                    eprintln!("analyze: --format takes json, jsonl or text, not {other:?}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: analyze [--jsonl | --format json|jsonl|text] [PATH…]");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        paths.push("-".to_string());
    }
    let analyzer = Analyzer::new();
    let mut failed = false;
    let mut inputs: Vec<PathBuf> = Vec::new();
    for p in &paths {
        if p == "-" {
            inputs.push(PathBuf::from("-"));
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let before = inputs.len();
            collect_txt(path, &mut inputs, &mut failed);
            if inputs.len() == before {
                eprintln!("analyze: {}: directory holds no .txt file", path.display());
                failed = true;
            }
        } else {
            inputs.push(path.to_path_buf());
        }
    }
    let format = format.unwrap_or(if inputs.len() > 1 {
        Format::Jsonl
    } else {
        Format::Json
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for input in &inputs {
        let report = match read_input(input) {
            Ok(bytes) => match analyzer.analyze_bytes(&bytes) {
                Ok(mut r) => {
                    r.source = Some(input.display().to_string());
                    r
                }
                Err(e) => {
                    eprintln!("analyze: {}: {e}", input.display());
                    failed = true;
                    continue;
                }
            },
            Err(e) => {
                eprintln!("analyze: {}: {e}", input.display());
                failed = true;
                continue;
            }
        };
        let rendered = render(&report, format);
        if let Err(e) = out.write_all(rendered.as_bytes()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return if failed {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                };
            }
            eprintln!("analyze: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("analyze: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>, failed: &mut bool) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("analyze: {}: {e}", dir.display());
            *failed = true;
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_txt(&p, out, failed);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path == Path::new("-") {
        io::stdin().read_to_end(&mut buf)?;
    } else {
        buf = std::fs::read(path)?;
    }
    Ok(buf)
}

fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Jsonl => {
            let mut s = serde_json::to_string(report).expect("reports serialize");
            s.push('\n');
            s
        }
        Format::Json => {
            let mut s = serde_json::to_string_pretty(report).expect("reports serialize");
            s.push('\n');
            s
        }
        Format::Text => render_text(report),
    }
}

fn render_text(r: &Report) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "== {}", r.source.as_deref().unwrap_or("-"));
    if let Some(t) = &r.title {
        let _ = writeln!(s, "title:     {t}");
    }
    if let Some(p) = &r.published {
        let _ = writeln!(s, "published: {p}");
    }
    if let Some(a) = &r.author {
        let _ = writeln!(s, "author:    {a}");
    }
    let c = &r.counts;
    let _ = writeln!(
        s,
        "encoding:  {} ({:.2}); {} bytes, {} syllables ({} valid), {} sentences",
        r.encoding, r.encoding_confidence, c.bytes, c.syllables, c.valid_syllables, c.sentences
    );
    if !r.document_numbers.is_empty() {
        let _ = writeln!(s, "document numbers:");
        for d in &r.document_numbers {
            let _ = writeln!(
                s,
                "  {:<28} {} {}",
                d.text,
                d.doc_type_name.as_deref().unwrap_or("-"),
                d.issuer.as_deref().unwrap_or("")
            );
        }
    }
    if !r.dates.is_empty() {
        let _ = writeln!(s, "dates:");
        for d in &r.dates {
            let _ = writeln!(s, "  {:<28} {:?} {}", d.text, d.kind, d.value);
        }
    }
    if !r.officials.is_empty() {
        let _ = writeln!(s, "officials:");
        for o in &r.officials {
            let _ = writeln!(s, "  {} — {}", o.name, o.titles.join(", "));
        }
    }
    if !r.statistics.is_empty() {
        let _ = writeln!(s, "statistics:");
        for st in &r.statistics {
            let _ = writeln!(
                s,
                "  {:<32} {:?} {}{}{}",
                st.text,
                st.kind,
                st.value,
                st.currency
                    .as_deref()
                    .map(|c| format!(" {c}"))
                    .unwrap_or_default(),
                st.subject
                    .as_deref()
                    .map(|c| format!(" — {c}"))
                    .unwrap_or_default()
            );
        }
    }
    if !r.ethnic_groups.is_empty() {
        let _ = writeln!(s, "ethnic groups:");
        for g in &r.ethnic_groups {
            let _ = writeln!(s, "  {} ×{}", g.name, g.mentions);
        }
    }
    s
}
