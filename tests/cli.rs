//! The command-line examples run as processes: `analyze` and `normalize` on good and bad inputs
//! (missing, unreadable, binary, undecodable, FIFO, too large, empty), directories, stdin,
//! closed pipes. Each bad input must give one `PROGRAM: PATH: message` line on stderr, the
//! other inputs must still be processed, and the exit status must say so (0 all good, 1 some
//! input failed, 2 usage error).
//!
//! The examples are built once with `cargo build --example …` (the same profile as this test)
//! and run from the target directory next to this test binary.
//!
//! Manual check of a 200 MB input (not run here, to keep CI fast; this test uses 5 MB):
//! see `fuzz/README.md` § "Large inputs" for the command and the figures measured.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const GOOD: &str = "Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy Lai Châu.\n";
const GOOD2: &str = "Thông tư số 67/2022/TT-BTC ngày 07/11/2022 của Bộ Tài chính.\n";

/// Path of a built example, building both examples once per test run.
fn example(name: &str) -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        // This binary is target/<profile>/deps/cli-HASH; the examples go to
        // target/<profile>/examples.
        let exe = std::env::current_exe().expect("test binary path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps/cli-HASH")
            .to_path_buf();
        let mut cargo = Command::new(env!("CARGO"));
        cargo.current_dir(env!("CARGO_MANIFEST_DIR")).args([
            "build",
            "--quiet",
            "--example",
            "analyze",
            "--example",
            "normalize",
        ]);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cargo.arg("--release");
        }
        let status = cargo.status().expect("cargo runs");
        assert!(status.success(), "building the examples failed");
        profile_dir.join("examples")
    });
    dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// A scratch directory under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "vntext-cli-{}-{}-{test}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&p, content).expect("write scratch file");
        p
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// stderr lines, each of which must be `PROGRAM: …`.
    fn errors(&self, program: &str) -> Vec<&str> {
        let lines: Vec<&str> = self.stderr.lines().collect();
        for l in &lines {
            assert!(
                l.starts_with(&format!("{program}: ")),
                "stray stderr line {l:?}"
            );
            assert!(!l.contains("panicked"), "panic: {}", self.stderr);
        }
        lines
    }

    /// stdout as JSON lines.
    fn reports(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
            .collect()
    }
}

fn arg(p: &Path) -> String {
    p.display().to_string()
}

/// Runs an example to completion (killing it after 120 s: a hang is a failure), with `stdin`
/// fed from the given bytes (or empty).
fn run(program: &str, args: &[String], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(example(program))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn example");
    let input = stdin.unwrap_or_default().to_vec();
    let mut child_stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = child_stdin.write_all(&input);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = wait_with_deadline(&mut child, Duration::from_secs(120));
    let _ = feeder.join();
    Run {
        status,
        stdout: String::from_utf8(out_t.join().unwrap()).expect("stdout is UTF-8"),
        stderr: String::from_utf8(err_t.join().unwrap()).expect("stderr is UTF-8"),
    }
}

fn wait_with_deadline(child: &mut std::process::Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return st;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the example did not finish within {limit:?} (blocked?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn analyze(args: &[String]) -> Run {
    run("analyze", args, None)
}

fn sources(reports: &[serde_json::Value]) -> Vec<String> {
    reports
        .iter()
        .map(|r| r["source"].as_str().unwrap_or("").to_string())
        .collect()
}

// ---------------------------------------------------------------- analyze: bad inputs

#[test]
fn missing_file_is_reported_and_the_others_analysed() {
    let s = Scratch::new("missing");
    let a = s.file("a.txt", GOOD);
    let b = s.file("b.txt", GOOD2);
    let missing = s.path("nope.txt");
    let r = analyze(&["--jsonl".into(), arg(&a), arg(&missing), arg(&b)]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert_eq!(
        r.errors("analyze"),
        [format!(
            "analyze: {}: no such file or directory",
            arg(&missing)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&a), arg(&b)]);
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
        r.errors("analyze"),
        [format!(
            "analyze: {}: directory holds no .txt file",
            arg(&dir)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("perm");
    let locked = s.file("locked.txt", GOOD);
    let good = s.file("good.txt", GOOD2);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): permissions do not stop reading.
        eprintln!("skipped: this user can read a mode-000 file (root?)");
        return;
    }
    let r = analyze(&["--jsonl".into(), arg(&locked), arg(&good)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        [format!("analyze: {}: permission denied", arg(&locked))]
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
    let readable = fs::read_dir(&locked).is_ok();
    let r = analyze(&[arg(&s.path("d"))]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        eprintln!("skipped: this user can list a mode-000 directory (root?)");
        return;
    }
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        [format!("analyze: {}: permission denied", arg(&locked))]
    );
    assert_eq!(sources(&r.reports()), [arg(&b)]);
}

#[test]
fn binary_file_is_refused() {
    let s = Scratch::new("binary");
    let bin = s.file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let good = s.file("good.txt", GOOD);
    let r = analyze(&["--jsonl".into(), arg(&bin), arg(&good)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        [format!(
            "analyze: {}: binary data, not text (NUL byte at 8)",
            arg(&bin)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

#[test]
fn undecodable_bytes_do_not_stop_the_run() {
    let s = Scratch::new("undecodable");
    // Not UTF-8; control bytes and bytes undefined in Windows-1252 (0x81 0x8D 0x8F 0x90 0x9D),
    // no letters: no Vietnamese encoding reads this as text.
    let bad = s.file(
        "bad.txt",
        b"\x81\x8d\x8f\x90\x9d\xff\xfe\x01\x02\x03\x81\x8d\x8f\x90\x9d",
    );
    let good = s.file("good.txt", GOOD);
    let r = analyze(&["--jsonl".into(), arg(&bad), arg(&good)]);
    let errors = r.errors("analyze");
    let reports = r.reports();
    if errors.is_empty() {
        // A decoder may still pick a legacy encoding; then it must say so.
        assert_eq!(r.code(), Some(0));
        assert_eq!(sources(&reports), [arg(&bad), arg(&good)]);
        assert_ne!(reports[0]["encoding"], "utf-8");
    } else {
        assert_eq!(r.code(), Some(1));
        assert_eq!(errors.len(), 1);
        let prefix = format!("analyze: {}: ", arg(&bad));
        assert!(errors[0].starts_with(&prefix), "{}", errors[0]);
        assert!(
            errors[0].contains("byte 0") || errors[0].contains("at 0"),
            "says where: {}",
            errors[0]
        );
        assert_eq!(sources(&reports), [arg(&good)]);
    }
}

#[test]
fn empty_file_gives_a_valid_report() {
    let s = Scratch::new("empty");
    let empty = s.file("empty.txt", "");
    let r = analyze(&[arg(&empty)]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(r.errors("analyze").is_empty());
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("pretty JSON");
    assert_eq!(report["source"], arg(&empty));
    assert_eq!(report["counts"]["bytes"], 0);
    assert_eq!(report["document_numbers"], serde_json::json!([]));
}

#[cfg(unix)]
#[test]
fn fifo_is_refused_without_blocking() {
    let s = Scratch::new("fifo");
    let fifo = s.path("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|st| st.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let good = s.file("good.txt", GOOD);
    // Nobody writes to the FIFO: opening it would block forever. `run` fails after 120 s.
    let start = Instant::now();
    let r = analyze(&["--jsonl".into(), arg(&fifo), arg(&good)]);
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        [format!(
            "analyze: {}: is a FIFO (named pipe), not a regular file; not reading it",
            arg(&fifo)
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
    // Inside a directory too.
    let r = analyze(&[arg(&s.0)]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(r.errors("analyze").len(), 1);
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

#[cfg(unix)]
#[test]
fn devices_are_refused() {
    let r = analyze(&["/dev/null".into()]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        ["analyze: /dev/null: is a character device, not a regular file; not reading it"]
    );
    assert!(r.stdout.is_empty());
}

/// A 5 MB article (the 200 MB check is manual, see the module doc).
fn large_text() -> String {
    let seed = include_str!("../data/articles/sin-ho-dan-van.txt");
    let mut s = String::with_capacity(5_100_000);
    while s.len() < 5_000_000 {
        s.push_str(seed);
        s.push('\n');
    }
    s
}

#[test]
fn large_file_is_analysed_and_the_limit_is_enforced() {
    let s = Scratch::new("large");
    let text = large_text();
    let big = s.file("big.txt", &text);
    let start = Instant::now();
    let r = analyze(&[arg(&big)]);
    eprintln!("5 MB analysed in {:?} (debug build)", start.elapsed());
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
        r.errors("analyze"),
        [format!(
            "analyze: {}: file is {} bytes, over the limit of 1048576 bytes (raise it with --max-bytes)",
            arg(&big),
            text.len()
        )]
    );
    assert_eq!(sources(&r.reports()), [arg(&good)]);
}

#[test]
fn stdin_over_the_limit_is_refused() {
    let r = run("analyze", &["--max-bytes=10".into()], Some(GOOD.as_bytes()));
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        ["analyze: -: input is over the limit of 10 bytes (raise it with --max-bytes)"]
    );
}

// ---------------------------------------------------------------- analyze: output

/// A tree of `n` small articles in nested directories, plus files that are not `*.txt`.
fn tree(s: &Scratch, n: usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for i in 0..n {
        let name = format!("d{}/sub{}/{i:03}.txt", i % 3, i % 2);
        files.push(s.file(
            &name,
            format!(
                "Bài {i}. Số: {i}/2021/QĐ-UBND ngày 0{}/4/2021.\n",
                i % 9 + 1
            ),
        ));
    }
    s.file("d0/notes.md", "not an input");
    s.file("d1/data.json", "{}");
    files.sort();
    files
}

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
            "no progress line when stderr is not a terminal"
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
    let jsonl = analyze(&["--jsonl".into(), arg(&a)]);
    assert_eq!(jsonl.stdout.lines().count(), 1);
}

#[test]
fn text_format_is_a_summary() {
    let s = Scratch::new("text");
    let a = s.file("a.txt", GOOD);
    let r = analyze(&["--format=text".into(), arg(&a)]);
    assert_eq!(r.code(), Some(0));
    assert!(
        r.stdout.starts_with(&format!("== {}\n", arg(&a))),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("encoding:  utf-8"));
    assert!(r.stdout.contains(&format!("{} bytes", GOOD.len())));
}

#[test]
fn stdin_is_read_with_no_path_or_dash() {
    let r = run("analyze", &[], Some(GOOD.as_bytes()));
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["source"], "-");
    assert_eq!(v["counts"]["bytes"], GOOD.len());

    let s = Scratch::new("stdin");
    let a = s.file("a.txt", GOOD2);
    let r = run("analyze", &[arg(&a), "-".into()], Some(GOOD.as_bytes()));
    assert_eq!(sources(&r.reports()), [arg(&a), "-".to_string()]);
    assert_eq!(r.reports()[1]["counts"]["bytes"], GOOD.len());

    let r = run("analyze", &[], Some(b"ab\0c"));
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("analyze"),
        ["analyze: -: binary data, not text (NUL byte at 2)"]
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for bad in [
        &["--frobnicate"][..],
        &["--jobs", "0"],
        &["--jobs", "many"],
        &["--format", "xml"],
        &["--max-bytes", "lots"],
        &["--format"],
    ] {
        let args: Vec<String> = bad.iter().map(|s| s.to_string()).collect();
        let r = analyze(&args);
        assert_eq!(r.code(), Some(2), "{bad:?}");
        assert!(r.stderr.starts_with("analyze: "), "{bad:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let r = analyze(&["--help".into()]);
    assert_eq!(r.code(), Some(0));
    assert!(r.stdout.starts_with("usage: analyze"));
    // A flag given an inline value is a usage error, in both tools; `--name=value` works for
    // the options that take one.
    let r = analyze(&["--jsonl=yes".into()]);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr.starts_with("analyze: --jsonl takes no value"),
        "{}",
        r.stderr
    );
    let r = normalize(&["--fold=1".into()], Some(b"a"));
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr.starts_with("normalize: --fold takes no value"),
        "{}",
        r.stderr
    );
    let r = normalize(&["--tone-style=modern".into()], Some("hòa".as_bytes()));
    assert_eq!((r.code(), r.stdout.as_str()), (Some(0), "hoà"));
}

#[test]
fn paths_after_double_dash_are_files() {
    let s = Scratch::new("dashdash");
    let weird = s.file("--jsonl", GOOD);
    let r = analyze(&["--".into(), arg(&weird)]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["source"], arg(&weird));
}

/// `analyze DIR | head -1`: the reader goes away; the run ends quietly (no panic, no
/// "Broken pipe" message), with the status of what was written, and never prints half a report.
#[test]
fn closed_pipe_ends_quietly() {
    let s = Scratch::new("pipe");
    tree(&s, 300);
    for jobs in ["1", "4"] {
        let mut child = Command::new(example("analyze"))
            // Pretty JSON: ~300 kB, more than the pipe buffer and the tool's output buffer
            // together, so writes after the close do fail with EPIPE.
            .args(["--format", "json", "--jobs", jobs, &arg(&s.0)])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        out.read_exact(&mut first).unwrap();
        assert_eq!(first[0], b'{');
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
            "jobs {jobs}: {status:?}, stderr {err:?}"
        );
        assert!(err.is_empty(), "jobs {jobs}: quiet, got {err:?}");
    }
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
            want_errors.push(format!("analyze: {}: no such file or directory", arg(&p)));
            args.push(arg(&p));
        } else {
            let p = s.file(&format!("f{i}.txt"), format!("{GOOD}{i}\n"));
            want_sources.push(arg(&p));
            args.push(arg(&p));
        }
    }
    let r = analyze(&args);
    assert_eq!(r.code(), Some(1));
    assert_eq!(r.errors("analyze"), want_errors);
    assert_eq!(sources(&r.reports()), want_sources);
}

// ---------------------------------------------------------------- normalize

fn normalize(args: &[String], stdin: Option<&[u8]>) -> Run {
    run("normalize", args, stdin)
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
        r.errors("normalize"),
        [
            format!("normalize: {}: no such file or directory", arg(&missing)),
            format!(
                "normalize: {}: binary data, not text (NUL byte at 2)",
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
    let r = normalize(&["--from".into(), "utf-8".into(), arg(&bad)], None);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("normalize"),
        [format!("normalize: {}: invalid UTF-8 at byte 2", arg(&bad))]
    );
    assert!(r.stdout.is_empty());

    let r = normalize(&["--from=latin-9".into(), arg(&bad)], None);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr
            .starts_with("normalize: --from: unknown encoding name \"latin-9\""),
        "{}",
        r.stderr
    );
}

#[test]
fn normalize_usage_errors_exit_with_2() {
    for bad in [
        &["--tone-style", "new-age"][..],
        &["--from"],
        &["--lowercase=yes"],
        &["--bogus"],
    ] {
        let args: Vec<String> = bad.iter().map(|s| s.to_string()).collect();
        let r = normalize(&args, None);
        assert_eq!(r.code(), Some(2), "{bad:?}");
        assert!(r.stderr.starts_with("normalize: "), "{}", r.stderr);
    }
}

#[cfg(unix)]
#[test]
fn normalize_refuses_fifos_and_directories() {
    let s = Scratch::new("norm-fifo");
    let fifo = s.path("pipe.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|st| st.success())
    {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let a = s.file("a.txt", GOOD);
    let r = normalize(&[arg(&fifo), arg(&s.0), arg(&a)], None);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.errors("normalize"),
        [
            format!(
                "normalize: {}: is a FIFO (named pipe), not a regular file; not reading it",
                arg(&fifo)
            ),
            format!(
                "normalize: {}: is a directory, not a regular file; not reading it",
                arg(&s.0)
            ),
        ]
    );
    assert!(r.stdout.contains("Kết luận"));
}

#[test]
fn normalize_closed_pipe_ends_quietly() {
    let s = Scratch::new("norm-pipe");
    let big = s.file("big.txt", large_text());
    let mut child = Command::new(example("normalize"))
        .arg(arg(&big))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = wait_with_deadline(&mut child, Duration::from_secs(120));
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err:?}");
}

// Contracts of the real normalizer and decoder (issue #2); the skeleton returns text unchanged
// and reads only UTF-8. Run after the merge: `cargo test --test cli -- --include-ignored`.

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

#[test]
fn normalize_reports_a_detected_legacy_encoding() {
    let s = Scratch::new("norm-tcvn3");
    // TCVN3 bytes of "Cộng hòa xã hội chủ nghĩa Việt Nam" (REFERENCE.md §6.5).
    let old = s.file(
        "old.txt",
        b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n",
    );
    let r = normalize(&[arg(&old)], None);
    assert_eq!(r.code(), Some(0));
    assert_eq!(r.stdout, "Cộng hòa xã hội chủ nghĩa Việt Nam\n");
    assert!(
        r.stderr
            .starts_with(&format!("normalize: {}: read as tcvn3", arg(&old))),
        "{}",
        r.stderr
    );
    let r = normalize(&["--from".into(), "tcvn3".into(), arg(&old)], None);
    assert_eq!(r.stdout, "Cộng hòa xã hội chủ nghĩa Việt Nam\n");
    assert!(r.stderr.is_empty(), "forced encodings are not reported");
}
