//! Prints the tokens of files (or stdin) as JSON lines `{text,start,end,kind}`.
//! SKELETON: the full tool lands with issue #3.
use std::io::Read;
fn main() {
    let mut buf = Vec::new();
    std::io::stdin().read_to_end(&mut buf).expect("stdin");
    let text = String::from_utf8_lossy(&buf);
    for t in vntext::tokenize::tokenize(&text) {
        println!(
            "{}",
            serde_json::json!({"text": t.text, "start": t.start, "end": t.end, "kind": t.kind})
        );
    }
}
