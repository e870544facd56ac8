//! Prints the tokens of files (or stdin) as JSON lines `{text,start,end,kind}`, or with
//! `--sentences` the sentence spans `{text,start,end}`, so anyone can inspect the segmentation.
//!
//! ```text
//! cargo run --example tokenize -- data/articles/sin-ho-dan-van.txt
//! echo "Số 69-KL/TU ngày 09/4/2021." | cargo run --example tokenize -- --sentences
//! ```
//!
//! With several files each line also carries `"file"`. Bytes that are not UTF-8 go through
//! `vntext::decode::decode` (legacy encodings); when that fails too they are decoded lossily
//! (U+FFFD) with a warning on stderr.
use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut sentences = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--sentences" | "-s" => sentences = true,
            "--help" | "-h" => {
                eprintln!("usage: tokenize [--sentences] [FILE…]   (stdin when no file)");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let inputs: Vec<Option<String>> = if files.is_empty() {
        vec![None]
    } else {
        files.into_iter().map(Some).collect()
    };
    let many = inputs.len() > 1;
    for input in inputs {
        let name = input.as_deref().unwrap_or("<stdin>");
        let bytes = match &input {
            Some(path) => match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("tokenize: {path}: {e}");
                    return ExitCode::FAILURE;
                }
            },
            None => {
                let mut buf = Vec::new();
                if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                    eprintln!("tokenize: stdin: {e}");
                    return ExitCode::FAILURE;
                }
                buf
            }
        };
        let text = match vntext::decode::decode(&bytes) {
            Ok(d) => d.text.into_owned(),
            Err(e) => {
                eprintln!("tokenize: warning: {name}: {e}; decoding lossily");
                String::from_utf8_lossy(&bytes).into_owned()
            }
        };
        let file = many.then_some(name);
        let result = if sentences {
            vntext::tokenize::sentences(&text).try_for_each(|s| {
                let mut v = serde_json::json!({"text": s.text, "start": s.start, "end": s.end});
                if let Some(f) = file {
                    v["file"] = f.into();
                }
                writeln!(out, "{v}")
            })
        } else {
            vntext::tokenize::tokens(&text).try_for_each(|t| {
                let mut v = serde_json::json!({"text": t.text, "start": t.start, "end": t.end, "kind": t.kind});
                if let Some(f) = file {
                    v["file"] = f.into();
                }
                writeln!(out, "{v}")
            })
        };
        if let Err(e) = result.and_then(|()| out.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("tokenize: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
