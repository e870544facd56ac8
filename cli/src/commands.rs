//! What each subcommand does with one input (run on the worker threads of
//! [`pipeline`](crate::pipeline)).

use serde_json::json;
use vntext::Analyzer;
use vntext::decode::Encoding;
use vntext::normalize::Normalizer;

use crate::input::Source;
use crate::pipeline::Work;
use crate::render::{Format, csv, html, text as summary};
use crate::sinks::Output;
use crate::text::{self, DecodeOptions, Text};

fn decode<'a>(
    bytes: &'a [u8],
    opts: DecodeOptions,
    notes: &mut Vec<String>,
) -> Result<Text<'a>, String> {
    let t = text::decode(bytes, opts).map_err(|e| e.to_string())?;
    notes.extend(t.warnings.iter().cloned());
    Ok(t)
}

/// `vntext analyze`: the report of each input, in one of the [`Format`]s.
pub struct Analyze {
    pub analyzer: Analyzer,
    pub decode: DecodeOptions,
    pub format: Format,
}

impl Work for Analyze {
    type Out = Output;

    fn run(&self, src: &Source, bytes: &[u8], notes: &mut Vec<String>) -> Result<Output, String> {
        let t = decode(bytes, self.decode, notes)?;
        let mut report = text::analyze(&self.analyzer, &t, bytes.len());
        let label = src.label();
        report.source = Some(label.clone());
        let json_err = |e: serde_json::Error| format!("cannot render the report as JSON: {e}");
        Ok(match self.format {
            Format::Json | Format::Jsonl => Output::Report {
                report: Box::new(report),
                pretty: self.format == Format::Json,
            },
            format => {
                let v = serde_json::to_value(&report).map_err(json_err)?;
                let indexed = t.decoded.indexed_text(bytes);
                let input: &str = &indexed;
                match format {
                    Format::Csv => Output::Csv(csv::rows(&v, input, &label)),
                    Format::Html => Output::Page {
                        html: html::page(&v, input),
                        entry: html::entry(&v),
                    },
                    _ => Output::Bytes(summary::render(&v).into_bytes()),
                }
            }
        })
    }
}

/// `vntext normalize`: the canonical text of each input, one after the other (like `cat`).
pub struct Normalize {
    pub decode: DecodeOptions,
    pub normalizer: Normalizer,
}

impl Work for Normalize {
    type Out = Output;

    fn run(&self, _: &Source, bytes: &[u8], notes: &mut Vec<String>) -> Result<Output, String> {
        let t = decode(bytes, self.decode, notes)?;
        if self.decode.from.is_none()
            && t.warnings.is_empty()
            && t.decoded.encoding != Encoding::Utf8
        {
            notes.push(format!(
                "read as {} (confidence {:.2}); use --from to choose another encoding",
                t.decoded.encoding.name(),
                t.decoded.confidence
            ));
        }
        let normalized = self.normalizer.normalize(&t.decoded.text);
        Ok(Output::Bytes(normalized.text.as_bytes().to_vec()))
    }
}

/// `vntext tokenize`: tokens (or sentences) as JSON lines.
pub struct Tokenize {
    pub decode: DecodeOptions,
    pub sentences: bool,
    /// Several inputs: each line names its file.
    pub many: bool,
}

impl Work for Tokenize {
    type Out = Output;

    fn run(&self, src: &Source, bytes: &[u8], notes: &mut Vec<String>) -> Result<Output, String> {
        let t = decode(bytes, self.decode, notes)?;
        let text: &str = &t.decoded.text;
        let file = self.many.then(|| src.label());
        let mut out = Vec::with_capacity(text.len() * 6);
        let mut push = |mut v: serde_json::Value| {
            if let Some(f) = &file {
                v["file"] = f.as_str().into();
            }
            // Writing a Value to a Vec cannot fail.
            let _ = serde_json::to_writer(&mut out, &v);
            out.push(b'\n');
        };
        if self.sentences {
            for s in vntext::tokenize::sentences(text) {
                push(json!({"text": s.text, "start": s.start, "end": s.end}));
            }
        } else {
            for tok in vntext::tokenize::tokens(text) {
                push(
                    json!({"text": tok.text, "start": tok.start, "end": tok.end, "kind": tok.kind}),
                );
            }
        }
        Ok(Output::Bytes(out))
    }
}

/// What `vntext decode` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeShow {
    /// `PATH: ENCODING (confidence C)`.
    Verdict,
    /// A JSON line with the candidates.
    Jsonl,
    /// The decoded text.
    Text,
}

/// `vntext decode`: the detected encoding and its confidence, or the decoded text.
pub struct Decode {
    pub decode: DecodeOptions,
    pub show: DecodeShow,
}

impl Work for Decode {
    type Out = Output;

    fn run(&self, src: &Source, bytes: &[u8], notes: &mut Vec<String>) -> Result<Output, String> {
        let t = decode(bytes, self.decode, notes)?;
        let d = &t.decoded;
        let out = match self.show {
            DecodeShow::Text => d.text.as_bytes().to_vec(),
            DecodeShow::Verdict => format!(
                "{}: {} (confidence {:.2})\n",
                src.label(),
                d.encoding.name(),
                d.confidence
            )
            .into_bytes(),
            DecodeShow::Jsonl => {
                let candidates: Vec<_> = vntext::decode::detect(bytes)
                    .iter()
                    .map(|c| json!({"encoding": c.encoding.name(), "confidence": c.confidence}))
                    .collect();
                let mut s = json!({
                    "source": src.label(),
                    "encoding": d.encoding.name(),
                    "confidence": d.confidence,
                    "candidates": candidates,
                    "warnings": t.warnings,
                })
                .to_string();
                s.push('\n');
                s.into_bytes()
            }
        };
        Ok(Output::Bytes(out))
    }
}
