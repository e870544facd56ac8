//! `vntext` run as a process on good and bad inputs: missing, unreadable, binary, undecodable,
//! FIFO, too large, empty; directories, stdin, closed pipes and closed stdout. Each bad input
//! must give one `vntext: PATH: message` line on stderr, the other inputs must still be
//! processed, and the exit status must say so (0 all good, 1 some input failed, 2 usage
//! error). Every subcommand follows the same rules.
//!
//! Manual check of a 200 MB input (not run here, to keep CI fast; this test uses 5 MB):
//! see `fuzz/README.md` § "Large inputs" for the command and the figures measured.

mod common;

use std::fs;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const SUBCOMMANDS: [&str; 4] = ["analyze", "normalize", "tokenize", "decode"];

// ---------------------------------------------------------------- bad inputs

#[test]
fn missing_file_is_reported_and_the_others_processed() {
    let s = Scratch::new("missing");
    let a = s.file("a.txt", GOOD);
    let b = s.file("b.txt", GOOD2);
    let missing = s.path("nope.txt");
    let r = analyze(&["--jsonl".into(), arg(&a), arg(&missing), arg(&b)]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: no such file or directory",
            arg(&missing)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&a), arg(&b)]);
    // Every subcommand goes on after a missing file (tokenize once stopped at the first).
    for sub in SUBCOMMANDS {
        let r = vntext(&[sub.into(), arg(&missing), arg(&a)], None);
        assert_eq!(r.code(), Some(1), "{sub}: {}", r.stderr);
        assert_eq!(
            r.errors(),
            [format!(
                "vntext: {}: no such file or directory",
                arg(&missing)
            )],
            "{sub}"
        );
        assert!(!r.stdout.is_empty(), "{sub}: the second file is processed");
    }
}

#[test]
fn directory_without_txt_files_is_an_error() {
    let s = Scratch::new("notxt");
    s.file("empty/readme.md", "# not text input\n");
    s.file("empty/sub/data.csv", "a,b\n");
    let good = s.file("good.txt", GOOD);
    let dir = s.path("empty");
    let r = analyze(&[arg(&dir), arg(&good)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: directory holds no .txt file",
            arg(&dir)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

/// Runs `vntext` as an unprivileged user when this test runs as root (root reads any file
/// whatever its mode, so a mode-000 file is only unreadable to another user). The binary is
/// copied into the scratch directory first, so that user can run it wherever the build is.
/// `None`, with a visible skip, when neither is possible.
#[cfg(unix)]
fn unprivileged(test: &str, probe: &std::path::Path, s: &Scratch) -> Option<Command> {
    use std::os::unix::process::CommandExt;
    let readable = if probe.is_dir() {
        fs::read_dir(probe).is_ok()
    } else {
        fs::read(probe).is_ok()
    };
    if !readable {
        return Some(Command::new(bin()));
    }
    let copy = s.path("vntext-copy");
    let works = fs::copy(bin(), &copy).is_ok()
        && Command::new(&copy)
            .arg("--version")
            .uid(65534)
            .gid(65534)
            .output()
            .is_ok_and(|o| o.status.success());
    if !works {
        skip(
            test,
            "this user reads mode-000 files (root?) and cannot run vntext as uid 65534",
        );
        return None;
    }
    let mut cmd = Command::new(copy);
    cmd.uid(65534).gid(65534);
    Some(cmd)
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("perm");
    let locked = s.file("locked.txt", GOOD);
    let good = s.file("good.txt", GOOD2);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let Some(mut cmd) = unprivileged("unreadable_file_is_reported", &locked, &s) else {
        return;
    };
    cmd.args(["analyze", "--jsonl", &arg(&locked), &arg(&good)]);
    let r = run_command(cmd, None);
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert_eq!(
        r.errors(),
        [format!("vntext: {}: permission denied", arg(&locked))]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

#[cfg(unix)]
#[test]
fn unreadable_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("permdir");
    s.file("d/locked/a.txt", GOOD);
    let b = s.file("d/open/b.txt", GOOD2);
    let locked = s.path("d/locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let cmd = unprivileged("unreadable_directory_is_reported", &locked, &s);
    let r = cmd.map(|mut cmd| {
        cmd.args(["analyze", &arg(&s.path("d"))]);
        run_command(cmd, None)
    });
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let Some(r) = r else { return };
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert_eq!(
        r.errors(),
        [format!("vntext: {}: permission denied", arg(&locked))]
    );
    assert_eq!(sources(&r.reports()), [arg(&b)]);
}

#[test]
fn binary_input_is_refused_by_every_subcommand() {
    let s = Scratch::new("binary");
    let bin = s.file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let good = s.file("good.txt", GOOD);
    let r = analyze(&["--jsonl".into(), arg(&bin), arg(&good)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: binary data, not text (NUL byte at 8)",
            arg(&bin)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
    for sub in SUBCOMMANDS {
        let r = vntext(&[sub.into(), arg(&bin), arg(&good)], None);
        assert_eq!(r.code(), Some(1), "{sub}");
        assert_eq!(
            r.errors(),
            [format!(
                "vntext: {}: binary data, not text (NUL byte at 8)",
                arg(&bin)
            )],
            "{sub}"
        );
        assert!(!r.stdout.is_empty(), "{sub}: the good file is processed");
    }
}

/// One bad byte no longer rejects a whole document: it is replaced, with a warning naming its
/// offset; `--strict` refuses the document instead.
#[test]
fn one_bad_byte_is_replaced_with_a_warning_unless_strict() {
    let s = Scratch::new("badbyte");
    let at = SEED.find("Sìn Hồ là huyện").unwrap();
    let mut bytes = SEED.as_bytes().to_vec();
    bytes.insert(at, 0x80);
    let bad = s.file("seed-80.txt", &bytes);
    let warning = format!(
        "vntext: {}: warning: 1 invalid byte sequence replaced by U+FFFD, at byte {at} \
         (--strict refuses such input)",
        arg(&bad)
    );
    let clean = analyze(&["--jsonl".into(), data("sin-ho-dan-van.txt")]);
    let r = analyze(&["--jsonl".into(), arg(&bad)]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(r.errors(), [warning.as_str()]);
    let (got, want) = (&r.reports()[0], &clean.reports()[0]);
    assert_eq!(got["counts"]["bytes"], SEED.len() + 1);
    // The same facts, and their spans index the bytes given (the stray byte included).
    for list in ["document_numbers", "dates", "officials", "statistics"] {
        for x in got[list].as_array().unwrap() {
            let (a, b) = (
                x["start"].as_u64().unwrap() as usize,
                x["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &bytes[a..b],
                x["text"].as_str().unwrap().as_bytes(),
                "{list}"
            );
        }
        let texts = |r: &serde_json::Value| -> Vec<String> {
            r[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["text"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(texts(got), texts(want), "{list}");
    }
    let r = vntext(
        &args(&["normalize"])
            .into_iter()
            .chain([arg(&bad)])
            .collect::<Vec<_>>(),
        None,
    );
    assert_eq!(r.code(), Some(0));
    assert_eq!(r.errors(), [warning.as_str()]);
    assert!(r.stdout.contains("\u{FFFD}Sìn Hồ là huyện"));

    for sub in ["analyze", "normalize"] {
        let r = vntext(&[sub.into(), "--strict".into(), arg(&bad)], None);
        assert_eq!(r.code(), Some(1), "{sub}");
        assert_eq!(
            r.errors(),
            [format!("vntext: {}: invalid UTF-8 at byte {at}", arg(&bad))],
            "{sub}"
        );
        assert!(r.stdout.is_empty());
    }
}

#[test]
fn undecodable_bytes_do_not_stop_the_run() {
    let s = Scratch::new("undecodable");
    // Not UTF-8; control bytes and bytes undefined in Windows-1252, no letters: no Vietnamese
    // encoding reads this as text.
    let bad = s.file(
        "bad.txt",
        b"\x81\x8d\x8f\x90\x9d\xff\xfe\x01\x02\x03\x81\x8d\x8f\x90\x9d",
    );
    let good = s.file("good.txt", GOOD);
    let r = analyze(&["--jsonl".into(), "--strict".into(), arg(&bad), arg(&good)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: not UTF-8 (first invalid byte at 0) and no Vietnamese legacy encoding fits",
            arg(&bad)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
    // Lenient (the default): a report, with a warning that says where the bad bytes start.
    let r = analyze(&["--jsonl".into(), arg(&bad), arg(&good)]);
    assert_eq!(r.code(), Some(0));
    let errors = r.errors();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(&format!("vntext: {}: warning: not UTF-8", arg(&bad)))
            && (errors[0].contains("at bytes 0,") || errors[0].contains("first invalid byte at 0")),
        "{}",
        errors[0]
    );
    assert_eq!(sources(&r.reports()), [arg(&bad), arg(&good)]);
}

#[test]
fn empty_file_gives_a_valid_report() {
    let s = Scratch::new("empty");
    let empty = s.file("empty.txt", "");
    let r = analyze(&[arg(&empty)]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(r.errors().is_empty());
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("pretty JSON");
    assert_eq!(report["source"], arg(&empty));
    assert_eq!(report["counts"]["bytes"], 0);
    assert_eq!(report["document_numbers"], serde_json::json!([]));
}

/// A named FIFO nobody writes to is reported after `--fifo-wait`, not waited on forever, by
/// every subcommand; inside a directory it is not opened at all.
#[cfg(unix)]
#[test]
fn fifo_without_writer_is_named_not_hung_on() {
    let s = Scratch::new("fifo");
    let Some(fifo) = mkfifo(&s, "pipe.txt", "fifo_without_writer_is_named_not_hung_on") else {
        return;
    };
    let good = s.file("good.txt", GOOD);
    for sub in SUBCOMMANDS {
        let start = Instant::now();
        let r = vntext(
            &args(&[sub, "--fifo-wait", "0.3"])
                .into_iter()
                .chain([arg(&fifo), arg(&good)])
                .collect::<Vec<_>>(),
            None,
        );
        assert!(start.elapsed() < Duration::from_secs(30), "{sub}");
        assert_eq!(r.code(), Some(1), "{sub}");
        assert_eq!(
            r.errors(),
            [format!(
                "vntext: {}: is a FIFO (named pipe) with no writer: nothing written to it within \
                 0.3 s; not reading it (raise the wait with --fifo-wait)",
                arg(&fifo)
            )],
            "{sub}"
        );
        assert!(!r.stdout.is_empty(), "{sub}: the good file is processed");
    }
    // Inside a directory: refused at once.
    let r = analyze(&[arg(&s.0)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: is a FIFO (named pipe), not a regular file; not reading it",
            arg(&fifo)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

/// A named FIFO whose writer comes a little later is read.
#[cfg(unix)]
#[test]
fn fifo_with_a_writer_is_read() {
    let s = Scratch::new("fifo-writer");
    let Some(fifo) = mkfifo(&s, "pipe.txt", "fifo_with_a_writer_is_read") else {
        return;
    };
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        fs::write(&path, GOOD).unwrap();
    });
    let r = analyze(&["--jsonl".into(), arg(&fifo)]);
    writer.join().unwrap();
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let reports = r.reports();
    assert_eq!(sources(&reports), [arg(&fifo)]);
    assert_eq!(reports[0]["counts"]["bytes"], GOOD.len());
}

/// Process substitution (`<(cat f)`, an anonymous pipe) works in every subcommand.
#[cfg(unix)]
#[test]
fn process_substitution_is_read() {
    if !Command::new("bash")
        .arg("-c")
        .arg("true")
        .status()
        .is_ok_and(|s| s.success())
    {
        skip("process_substitution_is_read", "bash is not available");
        return;
    }
    let s = Scratch::new("procsub");
    let a = s.file("a.txt", GOOD);
    for sub in SUBCOMMANDS {
        let mut cmd = Command::new("bash");
        cmd.arg("-c")
            .arg(format!("exec \"$0\" {sub} <(cat \"$1\")"))
            .arg(bin())
            .arg(&a);
        let r = run_command(cmd, None);
        assert_eq!(r.code(), Some(0), "{sub}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{sub}: {}", r.stderr);
        match sub {
            "analyze" => {
                let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
                assert_eq!(v["counts"]["bytes"], GOOD.len());
                assert_eq!(v["document_numbers"][0]["number"], "69");
            }
            "normalize" => assert_eq!(r.stdout, GOOD),
            "tokenize" => assert!(r.stdout.contains("\"text\":\"69-KL/TU\"")),
            _ => assert!(
                r.stdout.ends_with(": utf-8 (confidence 1.00)\n"),
                "{}",
                r.stdout
            ),
        }
    }
}

#[cfg(unix)]
#[test]
fn devices_are_refused() {
    let r = analyze(&["/dev/null".into()]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        ["vntext: /dev/null: is a character device, not a regular file; not reading it"]
    );
    assert!(r.stdout.is_empty());
}

/// A 5 MB article (the 200 MB check is manual, see the module doc).
fn large_text() -> String {
    let mut s = String::with_capacity(5_100_000);
    while s.len() < 5_000_000 {
        s.push_str(SEED);
        s.push('\n');
    }
    s
}

#[test]
fn large_file_is_analysed_and_the_limit_is_enforced() {
    let s = Scratch::new("large");
    let text = large_text();
    let big = s.file("big.txt", &text);
    let r = analyze(&[arg(&big)]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["counts"]["bytes"], text.len());

    let good = s.file("good.txt", GOOD);
    let r = analyze(&[
        "--max-bytes".into(),
        "1M".into(),
        "--jsonl".into(),
        arg(&big),
        arg(&good),
    ]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: file is {} bytes, over the limit of 1048576 bytes (raise it with --max-bytes)",
            arg(&big),
            text.len()
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

#[test]
fn stdin_over_the_limit_is_refused() {
    let r = vntext(&args(&["analyze", "--max-bytes=10"]), Some(GOOD.as_bytes()));
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        ["vntext: -: input is over the limit of 10 bytes (raise it with --max-bytes)"]
    );
}

// ---------------------------------------------------------------- output

#[test]
fn directory_output_is_in_sorted_order_whatever_the_jobs() {
    let s = Scratch::new("order");
    let files = tree(&s, 60);
    let dir = arg(&s.0);
    let one = analyze(&["--jobs".into(), "1".into(), dir.clone()]);
    let many = analyze(&["-j".into(), "7".into(), dir.clone()]);
    let default = analyze(&[dir]);
    for r in [&one, &many, &default] {
        assert_eq!(r.code(), Some(0), "{}", r.stderr);
        assert!(
            r.stderr.is_empty(),
            "no progress bar when stderr is not a terminal: {}",
            r.stderr
        );
    }
    // A directory means JSON lines, one per file, in sorted path order.
    let want: Vec<String> = files.iter().map(|p| arg(p)).collect();
    assert_eq!(sources(&one.reports()), want);
    assert_eq!(one.stdout, many.stdout);
    assert_eq!(one.stdout, default.stdout);
}

/// With a byte budget smaller than two inputs, the workers take turns: same output, no
/// deadlock with the in-order writer.
#[test]
fn inputs_larger_than_half_the_budget_take_turns() {
    let s = Scratch::new("budget");
    let files = tree(&s, 24);
    let dir = arg(&s.0);
    let free = analyze(&["-j".into(), "1".into(), dir.clone()]);
    let tight = analyze(&[
        "-j".into(),
        "4".into(),
        "--max-bytes".into(),
        "90".into(),
        dir,
    ]);
    assert_eq!(tight.code(), Some(0), "{}", tight.stderr);
    assert_eq!(sources(&tight.reports()).len(), files.len());
    assert_eq!(tight.stdout, free.stdout);
}

/// `--jobs 100000` once aborted ("failed to spawn thread", exit 134) and `--jobs 10000` took
/// 1.4 GB for one small file: the number of threads is capped, with a message.
#[test]
fn jobs_are_capped_with_a_message() {
    let s = Scratch::new("jobs");
    let a = s.file("a.txt", GOOD);
    let r = analyze(&["--jobs".into(), "100000".into(), arg(&a)]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("vntext: --jobs 100000 is more than ")
            && errors[0].contains(" per core on "),
        "{}",
        errors[0]
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["source"], arg(&a));
}

#[test]
fn single_input_is_pretty_json_and_several_are_json_lines() {
    let s = Scratch::new("formats");
    let a = s.file("a.txt", GOOD);
    let b = s.file("b.txt", GOOD2);
    let one = analyze(&[arg(&a)]);
    assert_eq!(one.code(), Some(0));
    assert!(one.stdout.starts_with("{\n"), "pretty JSON: {}", one.stdout);
    let v: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(v["source"], arg(&a));
    assert_eq!(v["counts"]["bytes"], GOOD.len());

    let two = analyze(&[arg(&a), arg(&b)]);
    assert_eq!(two.stdout.lines().count(), 2);
    assert_eq!(sources(&two.reports()), [arg(&a), arg(&b)]);

    let forced = analyze(&["--format".into(), "json".into(), arg(&a), arg(&b)]);
    assert_eq!(
        serde_json::Deserializer::from_str(&forced.stdout)
            .into_iter::<serde_json::Value>()
            .count(),
        2
    );
    for flag in ["--jsonl", "--format=jsonl"] {
        let jsonl = analyze(&[flag.into(), arg(&a)]);
        assert_eq!(jsonl.stdout.lines().count(), 1, "{flag}");
    }
    let json = analyze(&["--json".into(), arg(&a), arg(&b)]);
    assert_eq!(json.stdout, forced.stdout);
}

fn data(name: &str) -> String {
    arg(&repo().join("data/articles").join(name))
}

/// The text format shows every fact the report holds, the periods too ("giai đoạn 2016 -
/// 2020", "khóa XV" were once left out).
#[test]
fn text_format_shows_every_fact() {
    let seed = data("sin-ho-dan-van.txt");
    let r = analyze(&["--format=text".into(), seed.clone()]);
    assert_eq!(r.code(), Some(0));
    assert!(
        r.stdout.starts_with(&format!("== {seed}\n")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("encoding:  utf-8"));
    assert!(r.stdout.contains(&format!("{} bytes", SEED.len())));
    let json = analyze(&["--jsonl".into(), seed]);
    let report = &json.reports()[0];
    let mut n = 0;
    for (list, v) in report.as_object().unwrap() {
        let Some(items) = v.as_array() else { continue };
        if list == "chrome" {
            continue;
        }
        for item in items {
            let shown = match item["text"].as_str() {
                Some(t) => format!("\n  {t} — "),
                None => format!("\n  {}", item["name"].as_str().unwrap()),
            };
            assert!(r.stdout.contains(&shown), "{list}: {shown:?} missing");
            n += 1;
        }
    }
    assert!(n > 0);
    assert!(r.stdout.contains("periods ("), "{}", r.stdout);
    assert!(
        r.stdout.contains("\n  giai đoạn 2016 - 2020 — 2016/2020"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\n  khóa XV — "), "{}", r.stdout);
}

#[test]
fn stdin_is_read_with_no_path_or_dash() {
    let r = vntext(&args(&["analyze"]), Some(GOOD.as_bytes()));
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["source"], "-");
    assert_eq!(v["counts"]["bytes"], GOOD.len());

    let s = Scratch::new("stdin");
    let a = s.file("a.txt", GOOD2);
    let r = vntext(
        &["analyze".into(), arg(&a), "-".into()],
        Some(GOOD.as_bytes()),
    );
    assert_eq!(sources(&r.reports()), [arg(&a), "-".to_string()]);
    assert_eq!(r.reports()[1]["counts"]["bytes"], GOOD.len());

    let r = vntext(&args(&["analyze"]), Some(b"ab\0c"));
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        ["vntext: -: binary data, not text (NUL byte at 2)"]
    );
}

/// `-` can be read once: naming it twice is a usage error (it once gave a second, empty
/// report).
#[test]
fn stdin_named_twice_is_a_usage_error() {
    for sub in SUBCOMMANDS {
        let r = vntext(&args(&[sub, "-", "-"]), Some(GOOD.as_bytes()));
        assert_eq!(r.code(), Some(2), "{sub}");
        assert!(
            r.stderr.contains("stdin (-) is named more than once"),
            "{sub}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
}

#[test]
fn usage_errors_exit_with_2() {
    for bad in [
        &["analyze", "--frobnicate"][..],
        &["analyze", "--jobs", "0"],
        &["analyze", "--jobs", "many"],
        &["analyze", "--format", "xml"],
        &["analyze", "--max-bytes", "lots"],
        &["analyze", "--format"],
        &["analyze", "--jsonl=yes"],
        &["analyze", "--bom"],
        &["analyze", "--output", "x", "--jsonl"],
        &["normalize", "--fold=1"],
        &["normalize", "--tone-style", "new-age"],
        &["normalize", "--from"],
        &["normalize", "--bogus"],
        &["tokenize", "--bogus"],
        &["decode", "--bogus"],
        &["frobnicate"],
    ] {
        let r = vntext(&args(bad), None);
        assert_eq!(r.code(), Some(2), "{bad:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("error: "), "{bad:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("Usage: vntext") || r.stderr.contains("try '--help'"),
            "{bad:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
    let r = vntext(&[], None);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr.contains("Usage: vntext <COMMAND>"), "{}", r.stderr);
    // `--bogus` is an option, not a file name.
    let r = vntext(&args(&["tokenize", "--bogus"]), None);
    assert!(
        r.stderr.contains("unexpected argument '--bogus'"),
        "{}",
        r.stderr
    );
    let r = vntext(&args(&["normalize", "--from=latin-9"]), None);
    assert!(
        r.stderr.contains("unknown encoding name \"latin-9\""),
        "{}",
        r.stderr
    );
    let r = vntext(
        &args(&["normalize", "--tone-style=modern"]),
        Some("hòa".as_bytes()),
    );
    assert_eq!((r.code(), r.stdout.as_str()), (Some(0), "hoà"));
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in SUBCOMMANDS {
        let r = vntext(&args(&[sub, "--help"]), None);
        assert_eq!(r.code(), Some(0), "{sub}");
        assert!(
            r.stdout
                .contains(&format!("Usage: vntext {sub} [OPTIONS] [PATH]...")),
            "{sub}: {}",
            r.stdout
        );
        assert!(r.stdout.contains("Examples:"), "{sub}");
        assert!(r.stdout.contains(&format!("vntext {sub} ")), "{sub}");
    }
    let r = vntext(&args(&["--help"]), None);
    for sub in SUBCOMMANDS {
        assert!(r.stdout.contains(&format!("  {sub} ")), "{}", r.stdout);
    }
}

#[test]
fn paths_after_double_dash_are_files() {
    let s = Scratch::new("dashdash");
    let weird = s.file("--jsonl", GOOD);
    let r = vntext(&["analyze".into(), "--".into(), arg(&weird)], None);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["source"], arg(&weird));
}

/// `vntext analyze DIR | head -c 64`: the reader goes away; the run ends quietly (no panic, no
/// "Broken pipe" message), with the status of what was written, and never prints half a
/// report.
#[test]
fn closed_pipe_ends_quietly() {
    let s = Scratch::new("pipe");
    tree(&s, 300);
    let big = s.file("big/big.txt", large_text());
    for (sub, jobs, input) in [
        ("analyze", "1", &s.0),
        ("analyze", "4", &s.0),
        ("normalize", "1", &big),
        ("tokenize", "2", &big),
    ] {
        let mut child = Command::new(bin())
            // Pretty JSON of 300 reports is ~300 kB, more than the pipe buffer and the tool's
            // output buffer together, so writes after the close do fail with EPIPE.
            .args([sub, "--jobs", jobs, &arg(input)])
            .args(if sub == "analyze" {
                &["--format", "json"][..]
            } else {
                &[]
            })
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        out.read_exact(&mut first).unwrap();
        drop(out); // like `head -c 64`
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = wait_with_deadline(&mut child, Duration::from_secs(120));
        assert_eq!(
            status.code(),
            Some(0),
            "{sub} jobs {jobs}: {status:?}, stderr {err:?}"
        );
        assert!(err.is_empty(), "{sub} jobs {jobs}: quiet, got {err:?}");
    }
}

/// `vntext analyze f >&-` once exited 0 with nothing written: a closed stdout is an error.
#[cfg(unix)]
#[test]
fn closed_stdout_is_an_error() {
    let s = Scratch::new("closed");
    let a = s.file("a.txt", GOOD);
    for sub in SUBCOMMANDS {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg("exec \"$0\" \"$1\" \"$2\" >&-")
            .arg(bin())
            .arg(sub)
            .arg(&a);
        let r = run_command(cmd, None);
        assert_eq!(r.code(), Some(1), "{sub}: {}", r.stderr);
        assert_eq!(
            r.errors(),
            ["vntext: standard output is closed; nothing could be written (>&- ?)"],
            "{sub}"
        );
    }
    // Writing into a folder needs no stdout.
    let out = s.path("pages");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" analyze --format html --output \"$1\" \"$2\" >&-")
        .arg(bin())
        .arg(&out)
        .arg(&a);
    let r = run_command(cmd, None);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(out.join("a.html").is_file());
}

#[test]
fn failures_and_reports_keep_the_input_order() {
    let s = Scratch::new("mixed");
    let mut args = vec!["--jobs".to_string(), "3".to_string()];
    let mut want_sources = Vec::new();
    let mut want_errors = Vec::new();
    for i in 0..30 {
        if i % 4 == 1 {
            let p = s.path(&format!("missing{i}.txt"));
            want_errors.push(format!("vntext: {}: no such file or directory", arg(&p)));
            args.push(arg(&p));
        } else {
            let p = s.file(&format!("f{i}.txt"), format!("{GOOD}{i}\n"));
            want_sources.push(arg(&p));
            args.push(arg(&p));
        }
    }
    let r = analyze(&args);
    assert_eq!(r.code(), Some(1));
    assert_eq!(r.errors(), want_errors);
    assert_eq!(sources(&r.reports()), want_sources);
}

// ---------------------------------------------------------------- normalize

fn normalize(rest: &[String], stdin: Option<&[u8]>) -> Run {
    let mut a = vec!["normalize".to_string()];
    a.extend_from_slice(rest);
    vntext(&a, stdin)
}

#[test]
fn normalize_reads_stdin_and_files() {
    let r = normalize(&[], Some(GOOD.as_bytes()));
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "UTF-8 input: no encoding note");
    assert!(r.stdout.contains("Kết luận số 69-KL/TU"), "{}", r.stdout);

    let s = Scratch::new("norm-files");
    let a = s.file("a.txt", GOOD);
    let b = s.file("b.txt", GOOD2);
    let missing = s.path("missing.txt");
    let bin = s.file("bin.txt", b"ab\0");
    let r = normalize(&[arg(&a), arg(&missing), arg(&bin), arg(&b)], None);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [
            format!("vntext: {}: no such file or directory", arg(&missing)),
            format!(
                "vntext: {}: binary data, not text (NUL byte at 2)",
                arg(&bin)
            ),
        ]
    );
    let a_at = r.stdout.find("Kết luận").expect("a normalized");
    let b_at = r.stdout.find("Thông tư").expect("b normalized");
    assert!(a_at < b_at, "inputs in order");
}

#[test]
fn normalize_forced_encoding_errors_say_where() {
    let s = Scratch::new("norm-from");
    let bad = s.file("bad.txt", b"Vi\xff\xfet");
    let r = normalize(
        &[
            "--strict".into(),
            "--from".into(),
            "utf-8".into(),
            arg(&bad),
        ],
        None,
    );
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [format!("vntext: {}: invalid UTF-8 at byte 2", arg(&bad))]
    );
    assert!(r.stdout.is_empty());
    let r = normalize(&["--from".into(), "utf-8".into(), arg(&bad)], None);
    assert_eq!(r.code(), Some(0));
    assert_eq!(r.stdout, "Vi\u{FFFD}\u{FFFD}t");
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: warning: 2 invalid byte sequences replaced by U+FFFD, at bytes 2, 3 \
             (--strict refuses such input)",
            arg(&bad)
        )]
    );
}

#[cfg(unix)]
#[test]
fn normalize_refuses_directories_without_text_and_devices() {
    let s = Scratch::new("norm-dir");
    let a = s.file("a.txt", GOOD);
    let empty = s.path("empty");
    fs::create_dir(&empty).unwrap();
    let r = normalize(&[arg(&empty), "/dev/null".into(), arg(&a)], None);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors(),
        [
            format!("vntext: {}: directory holds no .txt file", arg(&empty)),
            "vntext: /dev/null: is a character device, not a regular file; not reading it"
                .to_string(),
        ]
    );
    assert!(r.stdout.contains("Kết luận"));
}

#[test]
fn normalize_options_change_the_text() {
    let r = normalize(&[], Some("Đặng Thị Hoà, thuỷ lợi\n".as_bytes()));
    assert_eq!(r.stdout, "Đặng Thị Hòa, thủy lợi\n");
    let r = normalize(
        &["--tone-style".into(), "modern".into()],
        Some("Đặng Thị Hòa, thủy lợi\n".as_bytes()),
    );
    assert_eq!(r.stdout, "Đặng Thị Hoà, thuỷ lợi\n");
    let r = normalize(
        &["--fold".into(), "--lowercase".into()],
        Some("Đặng Thị Hòa\n".as_bytes()),
    );
    assert_eq!(r.stdout, "dang thi hoa\n");
}

/// TCVN3 bytes of "Cộng hòa xã hội chủ nghĩa Việt Nam" (REFERENCE.md §6.5).
const TCVN3: &[u8] = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n";

#[test]
fn normalize_reports_a_detected_legacy_encoding() {
    let s = Scratch::new("norm-tcvn3");
    let old = s.file("old.txt", TCVN3);
    let r = normalize(&[arg(&old)], None);
    assert_eq!(r.code(), Some(0));
    assert_eq!(r.stdout, "Cộng hòa xã hội chủ nghĩa Việt Nam\n");
    assert!(
        r.stderr
            .starts_with(&format!("vntext: {}: warning: read as tcvn3", arg(&old))),
        "{}",
        r.stderr
    );
    let r = normalize(&["--from".into(), "tcvn3".into(), arg(&old)], None);
    assert_eq!(r.stdout, "Cộng hòa xã hội chủ nghĩa Việt Nam\n");
    assert!(r.stderr.is_empty(), "forced encodings are not reported");
}

// ---------------------------------------------------------------- tokenize, decode

#[test]
fn tokenize_prints_tokens_and_sentences() {
    let r = vntext(
        &args(&["tokenize"]),
        Some("Số 69-KL/TU ngày 09/4/2021.".as_bytes()),
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let toks = r.reports();
    let texts: Vec<&str> = toks.iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"69-KL/TU"), "{texts:?}");
    for t in &toks {
        assert!(t.get("file").is_none(), "one input: no file field");
    }
    let s = Scratch::new("tok");
    let a = s.file("a.txt", GOOD);
    let b = s.file("b.txt", GOOD2);
    let r = vntext(
        &["tokenize".into(), "--sentences".into(), arg(&a), arg(&b)],
        None,
    );
    let sents = r.reports();
    assert_eq!(sents.len(), 2, "{}", r.stdout);
    assert_eq!(sents[0]["file"], arg(&a));
    assert_eq!(sents[1]["file"], arg(&b));
    assert_eq!(sents[1]["text"], GOOD2.trim_end());
}

#[test]
fn decode_tells_the_encoding() {
    let legacy = repo().join("data/legacy");
    let tcvn3 = legacy.join("2003-A30.tcvn3.txt");
    let vni = legacy.join("2009-download.vni.txt");
    let utf8 = legacy.join("2003-A30.txt");
    let r = vntext(&["decode".into(), arg(&tcvn3), arg(&vni), arg(&utf8)], None);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with(&format!("{}: tcvn3 (confidence ", arg(&tcvn3))),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(&format!("{}: vni (confidence ", arg(&vni))),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], format!("{}: utf-8 (confidence 1.00)", arg(&utf8)));

    let r = vntext(&["decode".into(), "--jsonl".into(), arg(&tcvn3)], None);
    let v = &r.reports()[0];
    assert_eq!(v["encoding"], "tcvn3");
    assert_eq!(v["candidates"][0]["encoding"], "tcvn3");
    // --text converts: the TCVN3 file decodes to its Unicode transcript's words.
    let r = vntext(&["decode".into(), "--text".into(), arg(&tcvn3)], None);
    assert_eq!(r.code(), Some(0));
    let transcript = fs::read_to_string(&utf8).unwrap();
    let first_line = transcript.lines().find(|l| !l.trim().is_empty()).unwrap();
    assert!(r.stdout.contains(first_line.trim()), "{first_line}");
}
