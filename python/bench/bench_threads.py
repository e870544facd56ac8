"""Times vntext.analyze_many on 1 thread and on N threads over the same documents.

Usage (from the repository root, with the package installed: ``pip install ./python``)::

    python python/bench/bench_threads.py [--docs 200] [--runs 7] [--jobs 2]

The documents are the seed article and the government documents of ``data/articles/gov``,
repeated until there are ``--docs`` of them. Each run times ``jobs=1`` and then ``jobs=N``
back to back; the script prints every run, the medians, and the ratio of the medians (the
speed-up). Timing on a shared machine is noisy: check ``uptime`` first and compare medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import vntext

REPO = Path(__file__).resolve().parents[2]


def documents(n: int) -> list:
    paths = [REPO / "data" / "articles" / "sin-ho-dan-van.txt"]
    paths += sorted((REPO / "data" / "articles" / "gov").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return [texts[i % len(texts)] for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    docs = documents(args.docs)
    mb = sum(len(t.encode()) for t in docs) / 1e6
    analyzer = vntext.Analyzer()
    analyzer.analyze_many(docs[:20], jobs=args.jobs)  # warm up: tables, thread start, caches
    print(f"{len(docs)} documents, {mb:.2f} MB; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f}")
    one, many = [], []
    for run in range(args.runs):
        t0 = time.perf_counter()
        a = analyzer.analyze_many(docs, jobs=1)
        t1 = time.perf_counter()
        b = analyzer.analyze_many(docs, jobs=args.jobs)
        t2 = time.perf_counter()
        assert a == b
        one.append(t1 - t0)
        many.append(t2 - t1)
        print(f"run {run + 1}: jobs=1 {one[-1]:.3f} s ({mb / one[-1]:.1f} MB/s), "
              f"jobs={args.jobs} {many[-1]:.3f} s ({mb / many[-1]:.1f} MB/s), "
              f"ratio {one[-1] / many[-1]:.2f}")
    m1, mn = statistics.median(one), statistics.median(many)
    print(f"median: jobs=1 {m1:.3f} s ({mb / m1:.1f} MB/s), jobs={args.jobs} {mn:.3f} s "
          f"({mb / mn:.1f} MB/s); speed-up {m1 / mn:.2f}x; "
          f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
