//! Normalize Vietnamese text (chuẩn hóa): decode any supported encoding and print canonical
//! UTF-8 (NFC, one tone-placement convention, whitespace, punctuation and look-alike fixes).
//!
//! ```text
//! normalize [--from ENCODING] [--tone-style traditional|modern|preserve] [--fold] [--lowercase]
//!           [--max-bytes SIZE] [PATH…]
//! ```
//!
//! - PATH is a file or `-` for stdin (the default). Several files are normalized one after the
//!   other onto stdout, like `cat`.
//! - The encoding is detected ([`vntext::decode::decode`]) unless `--from` forces one
//!   (`utf-8`, `tcvn3`, `vni`, `viscii`, `windows-1258`, `utf-8-mojibake`, `viqr`); a detected
//!   encoding other than UTF-8 is reported on stderr (`normalize: PATH: read as tcvn3 …`).
//! - `--tone-style` picks where tone marks go in `oa`, `oe`, `uy` (traditional `hòa`, modern
//!   `hoà`, or as written); `--fold` removes diacritics (`Đặng` → `Dang`), `--lowercase`
//!   lower-cases.
//! - Errors follow `analyze`: `normalize: PATH: message` on stderr, the other inputs are still
//!   processed, exit status 1 at the end (2 for a usage error); a closed pipe ends quietly.
//!
//! ```text
//! cargo run --example normalize -- --from tcvn3 old-document.txt > document.txt
//! echo "Hoà bình" | cargo run --example normalize -- --tone-style traditional
//! ```
use std::io::{self, Write};
use std::process::ExitCode;

use vntext::decode::{self, Encoding};
use vntext::normalize::{Normalizer, ToneStyle};

#[path = "common/input.rs"]
mod input;

use input::{Parsed, Source};

const USAGE: &str = "\
usage: normalize [--from ENCODING] [--tone-style traditional|modern|preserve] [--fold] [--lowercase] [--max-bytes SIZE] [PATH…]

  PATH               a file, or - for stdin (default)
  --from ENCODING    read the input in this encoding instead of detecting it: utf-8, tcvn3, vni,
                     viscii, windows-1258, utf-8-mojibake, viqr
  --tone-style STYLE where tone marks go in oa, oe, uy: traditional (hòa, default), modern (hoà)
                     or preserve (as written)
  --fold             remove diacritics (Đặng → Dang)
  --lowercase        lower-case the text
  --max-bytes SIZE   refuse inputs larger than SIZE (bytes, or with K, M, G; default 256M)

Each bad input prints `normalize: PATH: message` on stderr and the others are still processed;
the exit status is then 1 (2 for a usage error).";

struct Options {
    from: Option<Encoding>,
    normalizer: Normalizer,
    max_bytes: u64,
    paths: Vec<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Parsed<Options>, String> {
    let mut from = None;
    let mut tone = ToneStyle::Traditional;
    let (mut fold, mut lowercase) = (false, false);
    let mut max_bytes = input::DEFAULT_MAX_BYTES;
    let mut paths = Vec::new();
    let mut args = input::Args::new(args, &["--from", "--tone-style", "--max-bytes"]);
    while let Some((name, inline)) = args.next_option(&mut paths)? {
        let mut value = |what: &str| args.value(&name, &inline, what);
        match name.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--from" => {
                let v = value("an encoding name")?;
                from = Some(Encoding::from_name(&v).map_err(|e| format!("--from: {e}"))?);
            }
            "--tone-style" => {
                let v = value("traditional, modern or preserve")?;
                tone = match v.as_str() {
                    "traditional" | "old" => ToneStyle::Traditional,
                    "modern" | "new" => ToneStyle::Modern,
                    "preserve" => ToneStyle::Preserve,
                    _ => {
                        return Err(format!(
                            "--tone-style takes traditional, modern or preserve, not {v:?}"
                        ));
                    }
                };
            }
            "--fold" => fold = true,
            "--lowercase" => lowercase = true,
            "--max-bytes" => {
                let v = value("a size")?;
                max_bytes = input::parse_size(&v).ok_or_else(|| {
                    format!("--max-bytes takes a size such as 1048576, 512K or 256M, not {v:?}")
                })?;
            }
            _ => return Err(format!("unknown option {name:?}")),
        }
    }
    if paths.is_empty() {
        paths.push("-".to_string());
    }
    Ok(Parsed::Run(Options {
        from,
        normalizer: Normalizer::new()
            .tone_style(tone)
            .fold(fold)
            .lowercase(lowercase),
        max_bytes,
        paths,
    }))
}

fn main() -> ExitCode {
    let opts =
        match input::options_or_exit("normalize", USAGE, parse_args(std::env::args().skip(1))) {
            Ok(o) => o,
            Err(code) => return code,
        };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    for p in &opts.paths {
        let src = if p == "-" {
            Source::Stdin
        } else {
            Source::File(p.into())
        };
        let label = src.label();
        match normalize_one(&src, &opts, &mut out) {
            Ok(None) => {}
            Ok(Some(note)) => eprintln!("normalize: {label}: {note}"),
            Err(Failure::Input(msg)) => {
                let _ = out.flush();
                eprintln!("normalize: {label}: {msg}");
                failed = true;
            }
            Err(Failure::Output(e)) => return write_failed(&e, failed),
        }
    }
    if let Err(e) = out.flush() {
        return write_failed(&e, failed);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A closed pipe ends the run quietly with the status so far; other write errors are reported.
fn write_failed(e: &io::Error, failed: bool) -> ExitCode {
    if input::is_broken_pipe(e) {
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    eprintln!("normalize: writing output: {}", input::io_message(e));
    ExitCode::FAILURE
}

/// Why one input produced no (or partial) output.
enum Failure {
    /// The input could not be read or decoded: reported, and the run goes on.
    Input(String),
    /// Stdout failed: the run ends.
    Output(io::Error),
}

/// Reads, decodes and normalizes one input and writes it to `out` (the normalized text may
/// borrow the input: nothing is copied when it is already canonical). Returns, when the
/// encoding was detected as something other than UTF-8, a note saying which.
fn normalize_one(
    src: &Source,
    opts: &Options,
    out: &mut impl Write,
) -> Result<Option<String>, Failure> {
    let input = |msg: String| Failure::Input(msg);
    let bytes = input::read_input(src, opts.max_bytes).map_err(input)?;
    input::check_not_binary(&bytes).map_err(|e| input(e.to_string()))?;
    let decoded = match opts.from {
        Some(enc) => decode::decode_as(&bytes, enc),
        None => decode::decode(&bytes),
    }
    .map_err(|e| input(e.to_string()))?;
    let note = (opts.from.is_none() && decoded.encoding != Encoding::Utf8).then(|| {
        format!(
            "read as {} (confidence {:.2}); use --from to choose another encoding",
            decoded.encoding.name(),
            decoded.confidence
        )
    });
    let normalized = opts.normalizer.normalize(&decoded.text);
    out.write_all(normalized.text.as_bytes())
        .map_err(Failure::Output)?;
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Parsed<Options>, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn options_parse() {
        let Ok(Parsed::Run(o)) = parse(&["--from=VNI", "--tone-style", "modern", "--fold", "x"])
        else {
            panic!("should parse")
        };
        assert_eq!(o.from, Some(Encoding::Vni));
        assert_eq!(
            o.normalizer,
            Normalizer::new().tone_style(ToneStyle::Modern).fold(true)
        );
        assert_eq!(o.paths, ["x"]);
    }

    #[test]
    fn bad_options_are_refused() {
        for bad in [
            &["--from", "latin-9"][..],
            &["--from"],
            &["--tone-style", "random"],
            &["--max-bytes", "-1"],
            &["--frobnicate"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
