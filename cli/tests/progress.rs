//! The progress bar: drawn on stderr when stderr is a terminal (here a pseudo-terminal), with
//! files done of the total, bytes, rate and time left; absent when stderr is piped or with
//! `--quiet`; never in stdout.
#![cfg(unix)]

mod common;

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

use common::*;

/// A pseudo-terminal: the controller (read what the program draws) and the terminal side (the
/// program's stderr), 120 columns wide.
fn pty() -> (File, File) {
    let controller = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("openpt");
    grantpt(&controller).expect("grantpt");
    unlockpt(&controller).expect("unlockpt");
    let name = ptsname(&controller, Vec::new()).expect("ptsname");
    let terminal = OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().unwrap())
        .expect("open the terminal side");
    let size = Winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&controller, size).expect("window size");
    (File::from(controller), terminal)
}

/// Runs `vntext ARGS` with stderr on a pseudo-terminal; returns (stdout, what the terminal
/// showed, exit code).
fn run_on_terminal(args: &[String]) -> (String, String, Option<i32>) {
    let (mut controller, terminal) = pty();
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(terminal));
    let mut child = cmd.spawn().expect("spawn vntext");
    // Our copy of the terminal side goes with the command, so reading the controller ends
    // (EIO) once vntext exits.
    drop(cmd);
    let screen = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match controller.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => all.extend_from_slice(&buf[..n]),
            }
        }
        String::from_utf8_lossy(&all).into_owned()
    });
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let status = wait_with_deadline(&mut child, Duration::from_secs(120));
    (stdout, screen.join().unwrap(), status.code())
}

#[test]
fn progress_bar_on_a_terminal_only() {
    let s = Scratch::new("progress");
    let files = tree(&s, 200);
    let dir = arg(&s.0);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();

    let (stdout, screen, code) = run_on_terminal(&args(&["analyze", "--jsonl", &dir]));
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(stdout.lines().count(), 200, "the reports go to stdout");
    assert!(!stdout.contains("files"), "no progress in stdout");
    // The last state drawn: every file and byte done, with the rate and the time left.
    assert!(screen.contains("200/200 files"), "{screen:?}");
    let total = if bytes < 1024 {
        format!("{bytes} B/{bytes} B")
    } else {
        format!("/{:.2} KiB", bytes as f64 / 1024.0)
    };
    assert!(screen.contains(&total), "bytes {total}: {screen:?}");
    assert!(screen.contains("/s · ETA "), "rate and ETA: {screen:?}");
    assert!(
        screen.contains("[=============================="),
        "a full bar: {screen:?}"
    );

    // --quiet: nothing on the terminal.
    let (stdout, screen, code) = run_on_terminal(&args(&["analyze", "--quiet", "--jsonl", &dir]));
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 200);
    assert_eq!(screen, "", "--quiet draws nothing");

    // Piped stderr: nothing either.
    let r = analyze(&["--jsonl".into(), dir]);
    assert_eq!(r.code(), Some(0));
    assert_eq!(r.stderr, "", "no progress bar when stderr is piped");
    assert_eq!(r.stdout.lines().count(), 200);
}

/// Messages print above the bar, whole lines, not through it.
#[test]
fn messages_and_the_bar_share_the_terminal() {
    let s = Scratch::new("progress-msg");
    tree(&s, 20);
    let missing = s.path("missing.txt");
    let (_, screen, code) =
        run_on_terminal(&args(&["analyze", "--jsonl", &arg(&s.0), &arg(&missing)]));
    assert_eq!(code, Some(1));
    let msg = format!("vntext: {}: no such file or directory", arg(&missing));
    assert!(screen.contains(&msg), "{screen:?}");
    assert!(screen.contains("21/21 files"), "{screen:?}");
}
