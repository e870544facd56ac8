"""analyze_many on threads: same reports as one at a time, in order; errors; the GIL released."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import vntext
from conftest import REPO, SEED
from test_api import JUNK

GOV = sorted((REPO / "data" / "articles" / "gov").glob("*.txt"))


@pytest.fixture(scope="module")
def texts():
    paths = [SEED] + GOV
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.fixture(scope="module")
def one_by_one(texts):
    return [vntext.analyze(t) for t in texts]


@pytest.mark.parametrize("jobs", [1, 2, 3, None])
def test_same_reports_in_input_order(texts, one_by_one, jobs):
    assert len(texts) > 80
    assert vntext.analyze_many(texts, jobs=jobs) == one_by_one
    assert vntext.Analyzer().analyze_many(iter(texts), jobs=jobs) == one_by_one


def test_str_bytes_and_bytearray_items():
    legacy = (REPO / "data" / "legacy" / "2004-A3.tcvn3.txt").read_bytes()
    seed = SEED.read_text(encoding="utf-8")
    items = [seed, legacy, bytearray(legacy), seed.encode()]
    expected = [
        vntext.analyze(seed),
        vntext.analyze_bytes(legacy),
        vntext.analyze_bytes(legacy),
        vntext.analyze_bytes(seed.encode()),
    ]
    assert expected[1]["encoding"] == "tcvn3"
    for jobs in (1, 2):
        assert vntext.analyze_many(items, jobs=jobs) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_undecodable_item_raises_with_its_index(jobs):
    items = ["Hà Nội"] * 5 + [JUNK] + ["Huế"] * 20
    with pytest.raises(vntext.DecodeError) as info:
        vntext.analyze_many(items, jobs=jobs)
    assert info.value.index == 5
    assert info.value.kind == "unknown_encoding"
    out = vntext.analyze_many(items, jobs=jobs, return_exceptions=True)
    assert len(out) == len(items)
    assert isinstance(out[5], vntext.DecodeError) and out[5].index == 5
    assert [type(r) for i, r in enumerate(out) if i != 5] == [dict] * (len(items) - 1)
    assert out[6] == vntext.analyze("Huế")


def test_errors_cross_process_boundaries():
    # multiprocessing and Spark pickle exceptions: the class is found as vntext.DecodeError and
    # keeps its message and attributes.
    import pickle

    with pytest.raises(vntext.DecodeError) as info:
        vntext.analyze_many(["Hà Nội", JUNK], jobs=1)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is vntext.DecodeError
    assert (str(again), again.kind, again.offset, again.index) == (
        str(info.value), "unknown_encoding", 0, 1)
    assert vntext.DecodeError.__module__ == "vntext"
    # An analyzer captured in a task is rebuilt on the other side.
    analyzer = pickle.loads(pickle.dumps(vntext.Analyzer()))
    assert analyzer.analyze("Hà Nội") == vntext.analyze("Hà Nội")


@pytest.mark.parametrize("jobs", [1, 4])
def test_bad_items_and_failing_iterables_stop_the_batch_cleanly(jobs):
    with pytest.raises(TypeError, match="str or bytes"):
        vntext.analyze_many(["Hà Nội"] * 10 + [42], jobs=jobs)  # type: ignore[list-item]

    def failing():
        yield from ["Hà Nội"] * 30
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError, match="source went away"):
        vntext.analyze_many(failing(), jobs=jobs)
    # The threads of the failed batches are gone; the next batch works.
    assert vntext.analyze_many(["Huế"] * 9, jobs=jobs) == [vntext.analyze("Huế")] * 9


def test_bad_jobs():
    with pytest.raises(ValueError, match="jobs"):
        vntext.analyze_many(["x"], jobs=0)
    with pytest.raises(OverflowError):
        vntext.analyze_many(["x"], jobs=-1)
    assert vntext.analyze_many([], jobs=2) == []
    # More threads asked for than items: one thread per item at most, nothing sized by jobs.
    few = ["Hà Nội", "Huế", "Sìn Hồ"]
    assert vntext.analyze_many(few, jobs=10**9) == [vntext.analyze(t) for t in few]


def test_analyzers_shared_by_python_threads(texts, one_by_one):
    analyzer = vntext.Analyzer()
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(analyzer.analyze, texts)) == one_by_one
        assert list(pool.map(vntext.analyze, texts)) == one_by_one


def test_the_gil_is_released_during_analysis(texts):
    # While another thread analyses about 5 MB, this thread keeps running Python: the longest
    # pause between two of its steps is a small part of the analysis (with the GIL held, one
    # pause would last about as long as the analysis itself).
    big = "\n".join(texts) * 2
    assert len(big.encode()) > 4_000_000
    started, done = threading.Event(), threading.Event()
    span = {}

    def work():
        started.set()
        t0 = time.perf_counter()
        vntext.analyze(big)
        span["analysis"] = time.perf_counter() - t0
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    longest, last = 0.0, time.perf_counter()
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    assert longest < span["analysis"] / 2, (longest, span["analysis"])
