//! `vntext._vntext`: the Rust side of the `vntext` Python package.
//!
//! The public, documented API is the pure-Python layer in `python/vntext/__init__.py`; this module
//! holds the functions it calls. Reports cross into Python through serde (the same
//! `serde::Serialize` of [`vntext::Report`] that the command line prints as JSON), with code-point
//! offsets (`start_char`, `end_char`) added next to every byte span (`start`, `end`).
//!
//! Analysis and serialization run with the GIL released; [`Analyzer::analyze_many`] spreads a
//! batch over threads while the calling thread turns finished reports into Python objects.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{LazyLock, Mutex};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use serde_json::{Map, Value};
use vntext::decode::{self as dec, Decoder, Encoding};
use vntext::normalize::{Normalizer, ToneStyle};
use vntext::{ErrorKind, Report};

// Named `vntext.DecodeError` (where the package exports it), so tracebacks show that name and
// pickle finds the class: the error crosses process boundaries in multiprocessing and Spark.
pyo3::create_exception!(
    vntext,
    DecodeError,
    PyValueError,
    "Bytes that are binary or in no known encoding (the message is the library's)."
);

/// An analyzer and the decoder its `analyze_bytes` uses (lenient unless built `strict`).
struct Engine {
    analyzer: vntext::Analyzer,
    decoder: Decoder,
}

/// The analyzer behind the module-level functions, built on first use.
static DEFAULT: LazyLock<Engine> = LazyLock::new(|| Engine {
    analyzer: vntext::Analyzer::new(),
    decoder: Decoder::new(),
});

// ---------------------------------------------------------------------------------------------
// Reports as Python objects

/// Adds `start_char`/`end_char` (code-point offsets into `text`) right after `end` in every JSON
/// object of `value` that has integer `start` and `end` fields: the report's facts, ethnic-group
/// mention spans, page-chrome spans, and whatever span-carrying objects the report gains later.
///
/// Linear in the text plus `k log k` for the `k` offsets: the offsets are sorted and the text is
/// walked once.
fn add_char_offsets(value: &mut Value, text: &str) {
    let mut offsets = Vec::new();
    collect_offsets(value, &mut offsets);
    if offsets.is_empty() {
        return;
    }
    offsets.sort_unstable();
    offsets.dedup();
    // chars[i] = code points before byte offsets[i] (clamped to the text, counting the lead
    // bytes of UTF-8 sequences, so an offset inside a character counts that character).
    let bytes = text.as_bytes();
    let mut chars = Vec::with_capacity(offsets.len());
    let (mut pos, mut count) = (0usize, 0usize);
    for &off in &offsets {
        let off = usize::try_from(off).unwrap_or(usize::MAX).min(bytes.len());
        count += match text.get(pos..off) {
            Some(piece) => piece.chars().count(),
            None => bytes[pos..off]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count(),
        };
        pos = off;
        chars.push(count);
    }
    let lookup = |off: u64| chars[offsets.binary_search(&off).unwrap_or_default()];
    insert_offsets(value, &lookup);
}

fn span_of(map: &Map<String, Value>) -> Option<(u64, u64)> {
    Some((map.get("start")?.as_u64()?, map.get("end")?.as_u64()?))
}

fn collect_offsets(value: &Value, out: &mut Vec<u64>) {
    match value {
        Value::Object(map) => {
            if let Some((s, e)) = span_of(map) {
                out.push(s);
                out.push(e);
            }
            map.values().for_each(|v| collect_offsets(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_offsets(v, out)),
        _ => {}
    }
}

fn insert_offsets(value: &mut Value, lookup: &impl Fn(u64) -> usize) {
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(|v| insert_offsets(v, lookup));
            if let Some((s, e)) = span_of(map) {
                // Right after `end` (the map keeps insertion order, as the CLI prints it).
                let at = map
                    .keys()
                    .position(|k| k == "end")
                    .map_or(map.len(), |i| i + 1);
                map.shift_insert(at, "start_char".into(), lookup(s).into());
                map.shift_insert(at + 1, "end_char".into(), lookup(e).into());
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| insert_offsets(v, lookup)),
        _ => {}
    }
}

/// A report ready to become a Python dict: the CLI's JSON object plus code-point offsets.
/// Built without the GIL.
fn report_value(report: &Report, text: &str) -> Result<Value, String> {
    let mut value =
        serde_json::to_value(report).map_err(|e| format!("cannot serialize the report: {e}"))?;
    add_char_offsets(&mut value, text);
    Ok(value)
}

/// A report's JSON text as Python objects, by the standard library's C decoder. The text is
/// written without the GIL (by the worker threads of `analyze_many`); reading it is the one
/// step that holds the GIL, and `json.loads` does it in about a third of the time that building
/// the objects field by field from Rust took, so more threads keep paying off.
fn to_python<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// The JSON text of a report value.
fn json_text(value: &Value) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// Errors

/// The library's error as a Python exception: decoding failures as `DecodeError` (a
/// `ValueError`) carrying the library's message and, where known, the byte `offset`.
fn decode_error(py: Python<'_>, err: &vntext::Error) -> PyErr {
    let (kind, offset) = match err.kind() {
        ErrorKind::Binary { offset } => ("binary", Some(*offset)),
        ErrorKind::UnknownEncoding { offset } => ("unknown_encoding", Some(*offset)),
        ErrorKind::InvalidUtf8 { offset } => ("invalid_utf8", Some(*offset)),
        ErrorKind::InvalidUtf16 { offset } => ("invalid_utf16", Some(*offset)),
        ErrorKind::UnknownEncodingName(_) | ErrorKind::InvalidOption(_) => {
            return PyValueError::new_err(err.to_string());
        }
        _ => ("other", None),
    };
    let pyerr = DecodeError::new_err(err.to_string());
    let exc = pyerr.value(py);
    // Setting attributes on a fresh exception instance cannot fail short of memory exhaustion;
    // the message alone is still right if it does.
    let _ = exc.setattr("kind", kind);
    let _ = exc.setattr("offset", offset);
    pyerr
}

// ---------------------------------------------------------------------------------------------
// Inputs of a batch

/// One text of a batch, copied out of its Python object so a worker can own it.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn from_py(item: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(s) = item.cast::<PyString>() {
            Ok(Input::Text(s.to_cow()?.into_owned()))
        } else if let Ok(b) = item.cast::<PyBytes>() {
            Ok(Input::Bytes(b.as_bytes().to_vec()))
        } else if let Ok(b) = item.cast::<PyByteArray>() {
            Ok(Input::Bytes(b.to_vec()))
        } else {
            Err(PyTypeError::new_err(format!(
                "analyze_many takes str or bytes items, not {}",
                item.get_type().name()?
            )))
        }
    }
}

/// What a worker hands back: the report as a JSON value, or why there is none.
enum Outcome {
    /// The report as JSON text.
    Report(String),
    Decode(vntext::Error),
    Failed(String),
}

fn run_one(engine: &Engine, input: &Input, source: Option<String>) -> Outcome {
    let analyse = || -> Outcome {
        let value = match input {
            Input::Text(text) => report_value(&engine.analyzer.analyze(text), text),
            Input::Bytes(bytes) => {
                let decoded = match engine.decoder.decode(bytes) {
                    Ok(d) => d,
                    Err(e) => return Outcome::Decode(e),
                };
                let report = engine.analyzer.analyze_decoded(&decoded, bytes.len());
                report_value(&report, &decoded.indexed_text(bytes))
            }
        };
        let json = value.and_then(|mut v| {
            if let (Some(src), Value::Object(map)) = (source, &mut v) {
                map.insert("source".into(), src.into());
            }
            json_text(&v)
        });
        match json {
            Ok(j) => Outcome::Report(j),
            Err(msg) => Outcome::Failed(msg),
        }
    };
    catch_unwind(AssertUnwindSafe(analyse)).unwrap_or_else(|_| {
        Outcome::Failed("internal error: the analysis panicked (please report this input)".into())
    })
}

fn outcome_to_python<'py>(
    py: Python<'py>,
    outcome: Outcome,
    index: usize,
    return_exceptions: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let err = match outcome {
        Outcome::Report(v) => return to_python(py, &v),
        Outcome::Decode(e) => {
            let err = decode_error(py, &e);
            let _ = err.value(py).setattr("index", index);
            err
        }
        Outcome::Failed(msg) => PyRuntimeError::new_err(format!("item {index}: {msg}")),
    };
    if return_exceptions {
        Ok(err.into_value(py).into_bound(py).into_any())
    } else {
        Err(err)
    }
}

// ---------------------------------------------------------------------------------------------
// The Analyzer

/// Runs the whole pipeline (decode, normalize, tokenize, extract) and returns reports as dicts.
#[pyclass(frozen, module = "vntext")]
struct Analyzer {
    inner: Engine,
}

impl Analyzer {
    fn get(&self) -> &Engine {
        &self.inner
    }
}

fn analyze_text<'py>(
    py: Python<'py>,
    engine: &Engine,
    text: &Bound<'py, PyString>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text.to_cow()?;
    let text: &str = &text;
    let json = py.detach(|| {
        let mut report = engine.analyzer.analyze(text);
        report.source = source;
        report_value(&report, text).and_then(|v| json_text(&v))
    });
    to_python(py, &json.map_err(PyRuntimeError::new_err)?)
}

fn analyze_bytes<'py>(
    py: Python<'py>,
    engine: &Engine,
    data: &[u8],
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let outcome = py.detach(|| run_one(engine, &Input::Bytes(data.to_vec()), source));
    match outcome {
        Outcome::Report(v) => to_python(py, &v),
        Outcome::Decode(e) => Err(decode_error(py, &e)),
        Outcome::Failed(msg) => Err(PyRuntimeError::new_err(msg)),
    }
}

fn analyze_many<'py>(
    py: Python<'py>,
    engine: &Engine,
    texts: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    return_exceptions: bool,
) -> PyResult<Bound<'py, PyList>> {
    let jobs = match jobs {
        Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let out = PyList::empty(py);
    let items = texts.try_iter()?;
    if jobs == 1 {
        // One thread: the calling one, with the GIL released during each analysis.
        for (index, item) in items.enumerate() {
            let input = Input::from_py(&item?)?;
            let outcome = py.detach(|| run_one(engine, &input, None));
            out.append(outcome_to_python(py, outcome, index, return_exceptions)?)?;
            py.check_signals()?;
        }
        return Ok(out);
    }
    // Up to `jobs` workers analyse without the GIL; this thread feeds them, waits for the
    // results in input order (GIL released) and turns each into Python objects while they go
    // on. At most `window` inputs are in flight, so memory stays bounded whatever the batch
    // size, and workers start only as inputs arrive (no idle threads for a short batch). Sixteen
    // per worker: articles differ in size up to 40×, and with four per worker the others ran
    // dry behind a long one at the head of the line (2 threads: 1.67× one; with sixteen, 1.85×).
    let window = jobs.saturating_mul(16);
    let (job_tx, job_rx) = mpsc::channel::<(Input, SyncSender<Outcome>)>();
    let job_rx = Mutex::new(job_rx);
    let results = &out;
    let worker = || {
        loop {
            let job = match job_rx.lock() {
                Ok(rx) => rx.recv(),
                Err(_) => return,
            };
            let Ok((input, done)) = job else { return };
            let _ = done.send(run_one(engine, &input, None));
        }
    };
    let worker = &worker;
    std::thread::scope(|scope| {
        // Takes the sender: when this returns, early or not, the workers see the queue close.
        let feed = move |job_tx: mpsc::Sender<(Input, SyncSender<Outcome>)>| -> PyResult<()> {
            let mut items = items.enumerate();
            let mut pending: VecDeque<(usize, Receiver<Outcome>)> = VecDeque::new();
            let (mut exhausted, mut workers) = (false, 0usize);
            loop {
                while !exhausted && pending.len() < window {
                    match items.next() {
                        None => exhausted = true,
                        Some((index, item)) => {
                            let input = Input::from_py(&item?)?;
                            let (tx, rx) = mpsc::sync_channel(1);
                            job_tx
                                .send((input, tx))
                                .map_err(|_| PyRuntimeError::new_err("worker threads ended"))?;
                            pending.push_back((index, rx));
                            if workers < jobs && workers < pending.len() {
                                scope.spawn(worker);
                                workers += 1;
                            }
                        }
                    }
                }
                let Some((index, rx)) = pending.pop_front() else {
                    return Ok(());
                };
                let outcome = py.detach(move || rx.recv()).unwrap_or_else(|_| {
                    Outcome::Failed("internal error: a worker thread ended without a result".into())
                });
                results.append(outcome_to_python(py, outcome, index, return_exceptions)?)?;
                py.check_signals()?;
            }
        };
        feed(job_tx)
    })?;
    Ok(out)
}

#[pymethods]
impl Analyzer {
    /// Builds an analyzer: the tone style of reported values, the extractors that run,
    /// lexicon additions (`(table, tsv_text)` pairs), and strict decoding of bytes.
    #[new]
    #[pyo3(signature = (*, tone_style=None, extractors=None, lexicon=None, strict=false))]
    fn new(
        tone_style: Option<&str>,
        extractors: Option<Vec<String>>,
        lexicon: Option<Vec<(String, String)>>,
        strict: bool,
    ) -> PyResult<Self> {
        let mut b = vntext::AnalyzerBuilder::new().strict_decoding(strict);
        if let Some(t) = tone_style {
            b = b.tone_style(self::tone_style(t)?);
        }
        if let Some(names) = &extractors {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            b = b.extractors(&names);
        }
        for (table, tsv) in lexicon.unwrap_or_default() {
            let lex = vntext::lexicon::Lex::from_name(&table).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "unknown lexicon {table:?} (a table name such as 'officials/titles')"
                ))
            })?;
            b = b.lexicon_table(lex, &format!("{table} (added)"), &tsv);
        }
        let analyzer = b
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Analyzer {
            inner: Engine {
                analyzer,
                decoder: Decoder::new().strict(strict),
            },
        })
    }

    /// Analyses a str; returns the report as a dict.
    #[pyo3(signature = (text, *, source=None))]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        source: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        analyze_text(py, self.get(), text, source)
    }

    /// Decodes bytes (detecting the encoding) and analyses them; raises DecodeError.
    #[pyo3(signature = (data, *, source=None))]
    fn analyze_bytes<'py>(
        &self,
        py: Python<'py>,
        data: &[u8],
        source: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        analyze_bytes(py, self.get(), data, source)
    }

    /// Analyses an iterable of str or bytes on `jobs` threads; reports in input order.
    #[pyo3(signature = (texts, *, jobs=None, return_exceptions=false))]
    fn analyze_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        jobs: Option<usize>,
        return_exceptions: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        analyze_many(py, self.get(), texts, jobs, return_exceptions)
    }
}

// ---------------------------------------------------------------------------------------------
// Module-level functions

/// Analyses a str with the default analyzer; returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (text, *, source=None))]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    analyze_text(py, &DEFAULT, text, source)
}

/// Decodes bytes and analyses them with the default analyzer; raises DecodeError.
#[pyfunction(name = "analyze_bytes")]
#[pyo3(signature = (data, *, source=None))]
fn analyze_bytes_default<'py>(
    py: Python<'py>,
    data: &[u8],
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    analyze_bytes(py, &DEFAULT, data, source)
}

/// Analyses an iterable of str or bytes on `jobs` threads with the default analyzer.
#[pyfunction(name = "analyze_many")]
#[pyo3(signature = (texts, *, jobs=None, return_exceptions=false))]
fn analyze_many_default<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    return_exceptions: bool,
) -> PyResult<Bound<'py, PyList>> {
    analyze_many(py, &DEFAULT, texts, jobs, return_exceptions)
}

fn tone_style(name: &str) -> PyResult<ToneStyle> {
    match name {
        "traditional" => Ok(ToneStyle::Traditional),
        "modern" => Ok(ToneStyle::Modern),
        "preserve" => Ok(ToneStyle::Preserve),
        _ => Err(PyValueError::new_err(format!(
            "tone_style must be 'traditional', 'modern' or 'preserve', not {name:?}"
        ))),
    }
}

/// Normalizes a str (NFC, tone placement, whitespace, punctuation, look-alikes…).
#[pyfunction]
#[pyo3(signature = (
    text, *, tone_style="traditional", whitespace=true, collapse_spaces=true, punctuation=true,
    lookalikes=true, lowercase=false, fold=false
))]
#[allow(clippy::too_many_arguments)]
fn normalize(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    tone_style: &str,
    whitespace: bool,
    collapse_spaces: bool,
    punctuation: bool,
    lookalikes: bool,
    lowercase: bool,
    fold: bool,
) -> PyResult<String> {
    let normalizer = Normalizer::new()
        .tone_style(self::tone_style(tone_style)?)
        .whitespace(whitespace)
        .collapse_spaces(collapse_spaces)
        .punctuation(punctuation)
        .lookalikes(lookalikes)
        .lowercase(lowercase)
        .fold(fold);
    let text = text.to_cow()?;
    let text: &str = &text;
    Ok(py.detach(|| normalizer.normalize(text).text.into_owned()))
}

/// Removes every diacritic and folds đ to d, keeping case.
#[pyfunction]
fn fold(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<String> {
    let text = text.to_cow()?;
    let text: &str = &text;
    Ok(py.detach(|| vntext::normalize::fold(text).into_owned()))
}

/// A token: its text, kind, byte span and code-point span.
#[pyclass(frozen, eq, get_all, module = "vntext")]
#[derive(PartialEq)]
struct Token {
    text: String,
    kind: &'static str,
    start: usize,
    end: usize,
    start_char: usize,
    end_char: usize,
}

#[pymethods]
impl Token {
    fn __repr__(&self) -> String {
        format!(
            "Token(text={:?}, kind={:?}, start={}, end={}, start_char={}, end_char={})",
            self.text, self.kind, self.start, self.end, self.start_char, self.end_char
        )
    }
}

/// Splits a str into tokens (whitespace is not a token).
#[pyfunction]
fn tokenize(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<Token>> {
    let text = text.to_cow()?;
    let text: &str = &text;
    Ok(py.detach(|| {
        let (mut pos, mut chars) = (0usize, 0usize);
        let mut count_to = |off: usize| {
            chars += text[pos..off].chars().count();
            pos = off;
            chars
        };
        vntext::tokenize::tokens(text)
            .map(|t| Token {
                text: t.text.to_owned(),
                kind: t.kind.name(),
                start: t.start,
                end: t.end,
                start_char: count_to(t.start),
                end_char: count_to(t.end),
            })
            .collect()
    }))
}

/// Decodes bytes into (text, encoding, confidence); raises DecodeError.
#[pyfunction]
#[pyo3(signature = (data, *, encoding=None, strict=true))]
fn decode(
    py: Python<'_>,
    data: &[u8],
    encoding: Option<&str>,
    strict: bool,
) -> PyResult<(String, &'static str, f64, usize)> {
    let forced = encoding
        .map(Encoding::from_name)
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let result = py.detach(|| {
        let mut decoder = Decoder::new().strict(strict);
        if let Some(enc) = forced {
            decoder = decoder.encoding(enc);
        }
        let decoded = match decoder.decode(data) {
            // Lenient: when no encoding fits at all, the best guess with its low confidence.
            Err(e) if !strict && forced.is_none() => match e.kind() {
                ErrorKind::UnknownEncoding { .. } | ErrorKind::Binary { .. } => {
                    Ok(dec::decode_lossy(data))
                }
                _ => Err(e),
            },
            other => other,
        };
        decoded.map(|d| {
            let replaced = d.replaced.count;
            (
                d.text.into_owned(),
                d.encoding.name(),
                d.confidence,
                replaced,
            )
        })
    });
    result.map_err(|e| decode_error(py, &e))
}

/// Candidate encodings of some bytes with their confidence, best first.
#[pyfunction]
fn detect(py: Python<'_>, data: &[u8]) -> Vec<(&'static str, f64)> {
    py.detach(|| {
        dec::detect(data)
            .into_iter()
            .map(|c| (c.encoding.name(), c.confidence))
            .collect()
    })
}

#[pymodule]
fn _vntext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DecodeError", m.py().get_type::<DecodeError>())?;
    m.add_class::<Analyzer>()?;
    m.add_class::<Token>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_bytes_default, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_default, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    Ok(())
}
