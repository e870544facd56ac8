//! Helpers shared by the command's integration tests: scratch directories, running `vntext`
//! with a deadline, and a visible skip.
#![allow(dead_code)] // each test file uses a part

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const GOOD: &str = "Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy Lai Châu.\n";
pub const GOOD2: &str = "Thông tư số 67/2022/TT-BTC ngày 07/11/2022 của Bộ Tài chính.\n";
pub const SEED: &str = include_str!("../../../data/articles/sin-ho-dan-van.txt");

/// The built command.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_vntext")
}

/// The repository root (the library's folder).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Says on the terminal, past the test harness's capture, that a test did not run all of its
/// checks and why. (`eprintln!` inside a test is captured and shown only when it fails.)
pub fn skip(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED (part of) {test}: {why}");
}

/// A scratch directory under the system temp dir, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(test: &str) -> Scratch {
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

    pub fn file(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&p, content).expect("write scratch file");
        p
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// stderr lines, each of which must be `vntext: …` and no panic.
    pub fn errors(&self) -> Vec<&str> {
        let lines: Vec<&str> = self.stderr.lines().collect();
        for l in &lines {
            assert!(l.starts_with("vntext: "), "stray stderr line {l:?}");
            assert!(!l.contains("panicked"), "panic: {}", self.stderr);
        }
        lines
    }

    /// stdout as JSON lines.
    pub fn reports(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
            .collect()
    }
}

pub fn arg(p: &Path) -> String {
    p.display().to_string()
}

pub fn args(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

/// Runs a command to completion (killing it after 120 s: a hang is a failure), with `stdin`
/// fed from the given bytes (or empty).
pub fn run_command(mut cmd: Command, stdin: Option<&[u8]>) -> Run {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vntext");
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

/// Runs `vntext ARGS…`.
pub fn vntext(args: &[String], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(bin());
    cmd.args(args);
    run_command(cmd, stdin)
}

/// Runs `vntext analyze ARGS…`.
pub fn analyze(rest: &[String]) -> Run {
    let mut a = vec!["analyze".to_string()];
    a.extend_from_slice(rest);
    vntext(&a, None)
}

pub fn wait_with_deadline(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return st;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("vntext did not finish within {limit:?} (blocked?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn sources(reports: &[serde_json::Value]) -> Vec<String> {
    reports
        .iter()
        .map(|r| r["source"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A tree of `n` small articles in nested directories, plus files that are not `*.txt`.
pub fn tree(s: &Scratch, n: usize) -> Vec<PathBuf> {
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

/// Makes a FIFO; `None` (with a visible skip) when `mkfifo` is missing.
pub fn mkfifo(s: &Scratch, name: &str, test: &str) -> Option<PathBuf> {
    let fifo = s.path(name);
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|st| st.success()) {
        Some(fifo)
    } else {
        skip(test, "mkfifo is not available");
        None
    }
}
