"""Times vntext against underthesea on the same text, in one run, and prints the ratios.

Setup (this script installs nothing)::

    python -m venv /tmp/bench-venv
    /tmp/bench-venv/bin/pip install ./python underthesea
    /tmp/bench-venv/bin/python python/bench/bench_underthesea.py [--seconds 3] [--file PATH]

The text is the seed article (``data/articles/sin-ho-dan-van.txt``), given to both libraries
in the same units, on one thread: once as its paragraphs (non-empty lines, one call each: the
unit underthesea's models are made for), once whole (one call for the article). Each function
runs whole passes over the units until ``--seconds`` have gone by (at least one pass); MB/s is
UTF-8 bytes in per second.

The pairs do not do identical work, and the table says what each does:

- ``vntext.normalize`` (NFC, tone placement, whitespace, punctuation, look-alikes) against
  ``underthesea.text_normalize`` (character and tone normalization);
- ``vntext.tokenize`` (syllables and typed tokens: numbers, dates, codes, URLs…) against
  ``underthesea.word_tokenize`` (word segmentation with a CRF model: it groups syllables
  into words, which vntext does not do);
- ``vntext.analyze`` (the whole report: decoding checks, normalization, tokens, document
  numbers, dates, officials, statistics, ethnic groups) against ``underthesea.ner`` (named
  entities with a CRF model: persons, organisations, places).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import time
from pathlib import Path
from typing import Callable, List

import vntext

REPO = Path(__file__).resolve().parents[2]


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def throughput(fn: Callable[[str], object], units: List[str], seconds: float) -> float:
    """MB/s of ``fn`` over whole passes of ``units`` for at least ``seconds``."""
    size = sum(len(u.encode("utf-8")) for u in units)
    fn(units[0])  # warm up: load models and tables outside the timing
    passes, t0 = 0, time.perf_counter()
    while True:
        for u in units:
            fn(u)
        passes += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            return passes * size / elapsed / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=REPO / "data" / "articles" / "sin-ho-dan-van.txt")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    import underthesea  # pip install underthesea (see the module documentation)

    text = args.file.read_text(encoding="utf-8")
    paragraphs = [line for line in text.splitlines() if line.strip()]
    size = sum(len(u.encode()) for u in paragraphs)
    print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {cpu_name()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; Python "
          f"{platform.python_version()}; vntext {vntext.__version__}, underthesea "
          f"{getattr(underthesea, '__version__', '?')}")
    print(f"text: {args.file.name}, {len(text.encode()):,} bytes; {len(paragraphs)} paragraphs, "
          f"{size:,} bytes; one thread\n")

    pairs = [
        ("normalize", "vntext.normalize", vntext.normalize,
         "underthesea.text_normalize", underthesea.text_normalize),
        ("tokenize", "vntext.tokenize", vntext.tokenize,
         "underthesea.word_tokenize", underthesea.word_tokenize),
        ("analysis", "vntext.analyze", vntext.analyze, "underthesea.ner", underthesea.ner),
    ]
    rows = []
    for unit, units in (("paragraphs", paragraphs), ("whole article", [text])):
        for task, vname, vfn, uname, ufn in pairs:
            ours = throughput(vfn, units, args.seconds)
            theirs = throughput(ufn, units, args.seconds)
            rows.append((task, unit, vname, ours, uname, theirs, ours / theirs))
    print("| task | input | vntext | MB/s | underthesea | MB/s | ratio |")
    print("|---|---|---|---:|---|---:|---:|")
    for task, unit, vname, ours, uname, theirs, ratio in rows:
        print(f"| {task} | {unit} | `{vname}` | {ours:,.2f} | `{uname}` | {theirs:,.4f} | "
              f"{ratio:,.0f}× |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
