//! `vntext`: Vietnamese text analysis on the command line.
//!
//! ```text
//! vntext analyze [--format json|jsonl|text|csv|html] [--output DIR] [PATH…]
//! vntext normalize [--from ENCODING] [--tone-style STYLE] [--fold] [--lowercase] [PATH…]
//! vntext tokenize [--sentences] [PATH…]
//! vntext decode [--jsonl | --text] [PATH…]
//! ```
//!
//! Every subcommand takes files, directories (every `*.txt` below, sorted) and `-` for stdin,
//! processes them on `--jobs` threads with the output in input order, and treats bad inputs
//! alike (see [`input`] and [`pipeline`]): a message on stderr, the others still processed,
//! exit status 1. Usage errors exit with 2.
#![deny(unsafe_code)]

mod commands;
mod facts;
mod input;
mod pipeline;
mod progress;
mod render;
mod sinks;
mod stdout_state;
mod text;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use vntext::decode::Encoding;
use vntext::normalize::{Normalizer, ToneStyle};

use commands::DecodeShow;
use input::ReadOptions;
use pipeline::Settings;
use render::Format;
use text::DecodeOptions;

/// Vietnamese text analysis: the facts of articles (document numbers, dates, officials,
/// statistics, ethnic groups), normalization, tokens and encoding detection.
#[derive(Parser, Debug)]
#[command(name = "vntext", version, propagate_version = true)]
#[command(after_long_help = "\
Examples:
  vntext analyze data/articles/sin-ho-dan-van.txt
  vntext analyze --jsonl data/articles > reports.jsonl
  vntext analyze --format csv --bom data/articles > facts.csv
  vntext analyze --format html --output pages data/articles
  vntext normalize --from tcvn3 old.txt > new.txt
  vntext decode data/legacy/*.txt

`vntext help SUBCOMMAND` (or `vntext SUBCOMMAND --help`) tells more.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract the facts of articles: document numbers, dates, officials, statistics and ethnic
    /// groups, each with its byte span.
    #[command(after_long_help = ANALYZE_HELP)]
    Analyze(AnalyzeArgs),
    /// Print canonical UTF-8 text: any encoding in; NFC, one tone-mark style, whitespace and
    /// look-alikes fixed.
    #[command(after_long_help = NORMALIZE_HELP)]
    Normalize(NormalizeArgs),
    /// Print the tokens (or sentences) of texts as JSON lines with their byte spans.
    #[command(after_long_help = TOKENIZE_HELP)]
    Tokenize(TokenizeArgs),
    /// Tell the encoding of each input (UTF-8, TCVN3, VNI, VISCII, Windows-1258…) and how sure
    /// the detection is, or print the decoded text.
    #[command(after_long_help = DECODE_HELP)]
    Decode(DecodeArgs),
}

const INPUTS_HELP: &str = "\
Inputs: a PATH is a file, a directory (every *.txt below it, in sorted order) or - for stdin
(the default; it can be named once). A FIFO named on the command line is read like stdin
(process substitution, <(cat f), works); a named pipe nobody writes to is reported after
--fifo-wait seconds. Devices and FIFOs inside directories are not read.

Errors: each bad input (missing, unreadable, binary, too large…) prints `vntext: PATH: message`
on stderr and the others are still processed; the exit status is then 1 (2 for a usage
error). Bytes that fit no encoding are replaced by U+FFFD with a warning naming their offsets;
--strict refuses such input instead. A reader that goes away (`vntext … | head`) ends the run
quietly; a closed standard output (`>&-`) is an error.";

const ANALYZE_HELP: &str = "\
Formats (--format):
  json   pretty JSON, one report per input (the default for one file or stdin)
  jsonl  one JSON report per line (the default for several inputs or a directory)
  text   a summary for people: every fact on its own line with its fields
  csv    one row per fact: document, kind, type, text, value, max, unit, currency, per,
         subject, group, change, titles, issuer, start, end, other (every other field);
         a header row; --bom for spreadsheets; with --output DIR one file per fact kind
  html   a self-contained page per article with every fact highlighted in the text and
         listed beside it; several inputs need --output DIR (pages and an index.html)

Spans (start, end) are byte offsets into the decoded text of the input.

Examples:
  vntext analyze data/articles/sin-ho-dan-van.txt
  vntext analyze --format text data/articles/sin-ho-dan-van.txt
  vntext analyze --jsonl -j 2 data/articles > reports.jsonl
  vntext analyze --format csv --output facts/ data/articles
  vntext analyze --format html --output pages/ data/articles && xdg-open pages/index.html
  curl -s URL | vntext analyze --format text -
";

const NORMALIZE_HELP: &str = "\
Several inputs are written one after the other, like cat. The encoding is detected unless
--from names one; a detected encoding other than UTF-8 is said on stderr.

Examples:
  vntext normalize --from tcvn3 old-document.txt > document.txt
  echo 'Hoà bình' | vntext normalize --tone-style traditional
  vntext normalize --fold --lowercase notes.txt
";

const TOKENIZE_HELP: &str = "\
Each line is {\"text\", \"start\", \"end\", \"kind\"} (with --sentences {\"text\", \"start\",
\"end\"}); with several inputs each line also carries \"file\".

Examples:
  vntext tokenize data/articles/sin-ho-dan-van.txt | head
  echo 'Số 69-KL/TU ngày 09/4/2021.' | vntext tokenize --sentences
";

const DECODE_HELP: &str = "\
Examples:
  vntext decode data/legacy/*.txt
  vntext decode --jsonl old.txt          # with every candidate encoding's confidence
  vntext decode --text old.tcvn3.txt > old.txt
";

/// Options every subcommand shares.
#[derive(Args, Debug)]
#[command(next_help_heading = "Input")]
struct InputArgs {
    /// Files, directories (every *.txt below, sorted) or - for stdin [default: -]
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Process N inputs at once [default: the number of cores; at most 4 per core]
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    jobs: Option<u64>,
    /// Refuse inputs larger than SIZE (bytes, or with K, M, G); also bounds the input processed
    /// at once across threads
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = input::parse_size)]
    max_bytes: u64,
    /// Refuse input that fits no encoding instead of replacing its bad bytes with U+FFFD
    #[arg(long)]
    strict: bool,
    /// Show no progress bar
    #[arg(short, long)]
    quiet: bool,
    /// How long to wait for a writer on a named FIFO
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    fifo_wait: Duration,
}

#[derive(Args, Debug)]
#[command(before_long_help = INPUTS_HELP)]
struct AnalyzeArgs {
    /// Output format [default: json for one input, jsonl for several]
    #[arg(short, long, value_enum, conflicts_with_all = ["json", "jsonl"])]
    format: Option<Format>,
    /// Same as --format json
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Same as --format jsonl
    #[arg(long)]
    jsonl: bool,
    /// Write into this folder: with csv one file per fact kind, with html one page per article
    /// and index.html
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte order mark (for spreadsheets)
    #[arg(long)]
    bom: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Tone {
    /// hòa, thủy (kiểu cũ, as government portals write)
    #[value(alias = "old")]
    Traditional,
    /// hoà, thuỷ (kiểu mới: the mark on the main vowel)
    #[value(alias = "new")]
    Modern,
    /// as written
    Preserve,
}

#[derive(Args, Debug)]
#[command(before_long_help = INPUTS_HELP)]
struct NormalizeArgs {
    /// Read the input in this encoding instead of detecting it: utf-8, tcvn3, vni, viscii,
    /// windows-1258, utf-8-mojibake, viqr
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    from: Option<Encoding>,
    /// Where tone marks go in oa, oe, uy
    #[arg(long, value_enum, default_value = "traditional")]
    tone_style: Tone,
    /// Remove diacritics (Đặng → Dang)
    #[arg(long)]
    fold: bool,
    /// Lower-case the text
    #[arg(long)]
    lowercase: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args, Debug)]
#[command(before_long_help = INPUTS_HELP)]
struct TokenizeArgs {
    /// Print sentences instead of tokens
    #[arg(short, long)]
    sentences: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args, Debug)]
#[command(before_long_help = INPUTS_HELP)]
struct DecodeArgs {
    /// One JSON line per input, with every candidate encoding's confidence
    #[arg(long, conflicts_with = "text")]
    jsonl: bool,
    /// Print the decoded text (UTF-8) instead of the verdict
    #[arg(long)]
    text: bool,
    /// Read the input in this encoding instead of detecting it (with --text: convert)
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    from: Option<Encoding>,
    #[command(flatten)]
    input: InputArgs,
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    Encoding::from_name(s).map_err(|e| e.to_string())
}

fn parse_jobs(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("expected a positive number of threads, not {s:?}")),
    }
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    s.parse::<f64>()
        .ok()
        .and_then(|x| Duration::try_from_secs_f64(x).ok())
        .ok_or_else(|| format!("expected a number of seconds, not {s:?}"))
}

/// Prints a usage error for `sub` the way clap prints its own, and exits with status 2.
fn usage_error(sub: &str, kind: ErrorKind, msg: impl std::fmt::Display) -> ! {
    let mut cmd = Cli::command();
    cmd.build();
    match cmd.find_subcommand_mut(sub) {
        Some(sub) => sub.error(kind, msg).exit(),
        None => cmd.error(kind, msg).exit(),
    }
}

impl InputArgs {
    /// The run settings and the input paths, after the checks clap cannot make.
    fn settings(&self, sub: &str) -> (Settings, Vec<String>) {
        let mut paths = self.paths.clone();
        if paths.is_empty() {
            paths.push("-".to_string());
        }
        if paths.iter().filter(|p| *p == "-").count() > 1 {
            usage_error(
                sub,
                ErrorKind::ArgumentConflict,
                "stdin (-) is named more than once; it can be read only once",
            );
        }
        let max = pipeline::max_jobs();
        let jobs = match self.jobs {
            None => pipeline::cores(),
            Some(n) if n > max as u64 => {
                eprintln!(
                    "vntext: --jobs {n} is more than {max} ({} per core on {} cores); using {max}",
                    pipeline::JOBS_PER_CORE,
                    pipeline::cores()
                );
                max
            }
            Some(n) => usize::try_from(n).unwrap_or(max),
        };
        let settings = Settings {
            jobs,
            read: ReadOptions {
                max_bytes: self.max_bytes,
                fifo_wait: self.fifo_wait,
            },
            progress: !self.quiet && std::io::stderr().is_terminal(),
        };
        (settings, paths)
    }

    fn decode(&self, from: Option<Encoding>) -> DecodeOptions {
        DecodeOptions {
            from,
            strict: self.strict,
        }
    }
}

/// Whether the command line names one input (one file, or stdin) rather than several or a
/// directory: the output shape depends on the command line, not on what a directory holds.
fn single(paths: &[String]) -> bool {
    paths.len() == 1 && (paths[0] == "-" || !Path::new(&paths[0]).is_dir())
}

/// Refuses to run when standard output was closed (`>&-`): Rust makes a closed stdout
/// `/dev/null` before `main`, so the output would vanish with status 0.
fn check_stdout() -> Result<(), ExitCode> {
    if stdout_state::was_closed() {
        eprintln!("vntext: standard output is closed; nothing could be written (>&- ?)");
        return Err(ExitCode::FAILURE);
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Normalize(a) => {
            let (settings, paths) = a.input.settings("normalize");
            let tone = match a.tone_style {
                Tone::Traditional => ToneStyle::Traditional,
                Tone::Modern => ToneStyle::Modern,
                Tone::Preserve => ToneStyle::Preserve,
            };
            let work = commands::Normalize {
                decode: a.input.decode(a.from),
                normalizer: Normalizer::new()
                    .tone_style(tone)
                    .fold(a.fold)
                    .lowercase(a.lowercase),
            };
            to_stdout(work, &paths, settings, &[])
        }
        Command::Tokenize(a) => {
            let (settings, paths) = a.input.settings("tokenize");
            let work = commands::Tokenize {
                decode: a.input.decode(None),
                sentences: a.sentences,
                many: !single(&paths),
            };
            to_stdout(work, &paths, settings, &[])
        }
        Command::Decode(a) => {
            let (settings, paths) = a.input.settings("decode");
            let show = if a.jsonl {
                DecodeShow::Jsonl
            } else if a.text {
                DecodeShow::Text
            } else {
                DecodeShow::Verdict
            };
            let work = commands::Decode {
                decode: a.input.decode(a.from),
                show,
            };
            to_stdout(work, &paths, settings, &[])
        }
    }
}

fn to_stdout<W: pipeline::Work<Out = sinks::Output>>(
    work: W,
    paths: &[String],
    settings: Settings,
    head: &[u8],
) -> ExitCode {
    if let Err(code) = check_stdout() {
        return code;
    }
    pipeline::run(work, paths, settings, sinks::Stdout::new(head))
}

fn analyze(a: AnalyzeArgs) -> ExitCode {
    let (settings, paths) = a.input.settings("analyze");
    let format = match (a.format, a.json, a.jsonl) {
        (Some(f), _, _) => f,
        (None, true, _) => Format::Json,
        (None, _, true) => Format::Jsonl,
        (None, false, false) if single(&paths) => Format::Json,
        (None, false, false) => Format::Jsonl,
    };
    if a.output.is_some() && !matches!(format, Format::Csv | Format::Html) {
        usage_error(
            "analyze",
            ErrorKind::ArgumentConflict,
            "--output DIR is for --format csv and --format html; other formats go to stdout",
        );
    }
    if a.bom && format != Format::Csv {
        usage_error(
            "analyze",
            ErrorKind::ArgumentConflict,
            "--bom is for --format csv",
        );
    }
    if format == Format::Html && a.output.is_none() && !single(&paths) {
        usage_error(
            "analyze",
            ErrorKind::MissingRequiredArgument,
            "--format html with several inputs or a directory needs --output DIR \
             (one page per article and an index)",
        );
    }
    let work = commands::Analyze {
        analyzer: vntext::Analyzer::new(),
        decode: a.input.decode(None),
        format,
    };
    match a.output {
        None => {
            let head = if format == Format::Csv {
                render::csv::header(a.bom)
            } else {
                Vec::new()
            };
            to_stdout(work, &paths, settings, &head)
        }
        Some(dir) => {
            if let Err(msg) = sinks::create_dir(&dir) {
                eprintln!("vntext: {msg}");
                return ExitCode::FAILURE;
            }
            if format == Format::Csv {
                pipeline::run(work, &paths, settings, sinks::CsvDir::new(dir, a.bom))
            } else {
                pipeline::run(work, &paths, settings, sinks::HtmlDir::new(dir))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("vntext").chain(args.iter().copied()))
    }

    #[test]
    fn options_parse() {
        let Command::Analyze(a) = parse(&[
            "analyze",
            "--format=text",
            "-j",
            "3",
            "--max-bytes",
            "1M",
            "a",
        ])
        .unwrap()
        .command
        else {
            panic!("analyze")
        };
        assert_eq!(a.format, Some(Format::Text));
        assert_eq!(a.input.jobs, Some(3));
        assert_eq!(a.input.max_bytes, 1 << 20);
        assert_eq!(a.input.paths, ["a"]);
        let Command::Analyze(a) = parse(&["analyze", "--", "--jsonl"]).unwrap().command else {
            panic!("analyze")
        };
        assert_eq!(a.input.paths, ["--jsonl"]);
        assert!(!a.jsonl);
        let Command::Normalize(n) = parse(&["normalize", "--from=VNI", "--tone-style", "new", "x"])
            .unwrap()
            .command
        else {
            panic!("normalize")
        };
        assert_eq!(n.from, Some(Encoding::Vni));
        assert!(matches!(n.tone_style, Tone::Modern));
    }

    #[test]
    fn bad_options_are_refused() {
        for bad in [
            &["analyze", "--jobs", "0"][..],
            &["analyze", "--jobs"],
            &["analyze", "--format", "xml"],
            &["analyze", "--max-bytes", "lots"],
            &["analyze", "--bogus"],
            &["analyze", "--json", "--jsonl"],
            &["analyze", "--format", "csv", "--jsonl"],
            &["analyze", "--jsonl=yes"],
            &["normalize", "--from", "latin-9"],
            &["normalize", "--tone-style", "random"],
            &["normalize", "--fold=1"],
            &["tokenize", "--bogus"],
            &["decode", "--jsonl", "--text"],
            &["analyze", "--fifo-wait", "soon"],
        ] {
            let e = parse(bad).err().unwrap_or_else(|| panic!("{bad:?} parsed"));
            assert_eq!(e.exit_code(), 2, "{bad:?}");
        }
    }
}
