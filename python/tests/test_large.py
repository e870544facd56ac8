"""Large inputs: every span still right, and cost linear (1× against 4× the input)."""

from __future__ import annotations

import time

import vntext
from conftest import REPO, SEED, check_spans, span_objects

PATHS = [SEED] + sorted((REPO / "data" / "articles" / "gov").glob("*.txt"))


def unit() -> str:
    """About 2.5 MB of real text: the seed and the government documents, one after another."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in PATHS) + "\n\n"


def best_time(fn, arg, runs=3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best


def test_large_input_spans_and_linear_cost():
    one = unit()
    four = one * 4
    assert len(one.encode()) > 2_000_000
    r1, r4 = vntext.analyze(one), vntext.analyze(four)
    assert r4["counts"]["bytes"] == 4 * r1["counts"]["bytes"]
    assert r4["counts"]["chars"] == 4 * r1["counts"]["chars"]
    # Repeated facts are reported once (document numbers, officials) or each time (ethnic-group
    # mentions, chrome): some spans lie in the last copy, and every span is right.
    assert check_spans(r4, four) > check_spans(r1, one) > 100
    last_copy = 3 * len(one.encode())
    assert any(o["start"] >= last_copy for o in span_objects(r4))
    # Linear: 4× the input costs about 4× the time (16× would be quadratic).
    ratio = best_time(vntext.analyze, four) / best_time(vntext.analyze, one)
    assert ratio < 6, f"4× the input took {ratio:.1f}× the time"


def test_large_tokenize_spans():
    text = unit() * 2
    tokens = vntext.tokenize(text)
    assert len(tokens) > 500_000
    data = text.encode()
    for t in tokens[:: max(1, len(tokens) // 5000)] + tokens[-3:]:
        assert text[t.start_char : t.end_char] == t.text
        assert data[t.start : t.end].decode() == t.text


def test_large_batch_of_bytes():
    data = [p.read_bytes() for p in PATHS] * 3
    reports = vntext.analyze_many(data, jobs=2)
    assert [r["counts"]["bytes"] for r in reports] == [len(d) for d in data]
