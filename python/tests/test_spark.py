"""The Spark example job in local mode (local[2]): its facts are the command line's.

Needs PySpark and a Java runtime (17 or later for PySpark 4). When they are missing the test
installs them (``pip install pyspark pyarrow``; ``apt-get install default-jre-headless`` as
root), and is skipped, saying why, where that is impossible.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import vntext
from vntext.frames import flatten_fact
from conftest import REPO, SEED
from test_api import JUNK

JOB = REPO / "python" / "examples" / "spark_facts.py"
ARTICLES = REPO / "data" / "articles"


def _ensure_pyspark() -> None:
    missing = [m for m in ("pyspark", "pyarrow") if importlib.util.find_spec(m) is None]
    if missing:
        run = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", *missing],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        importlib.invalidate_caches()
        if run.returncode != 0:
            pytest.skip(f"{' and '.join(missing)} missing and pip could not install them: "
                        f"{run.stdout.strip()[-300:]}")


def _java_major() -> int:
    out = subprocess.run(["java", "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True).stdout
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return 0
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def _ensure_java() -> None:
    if shutil.which("java") is None:
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            pytest.skip("no Java runtime (java is not on PATH) and no apt-get as root to install one")
        for args in (["apt-get", "update", "-qq"],
                     ["apt-get", "install", "-y", "-qq", "default-jre-headless"]):
            run = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
            if run.returncode != 0:
                pytest.skip(f"no Java runtime, and `{' '.join(args)}` failed: {run.stdout.strip()[-300:]}")
        if shutil.which("java") is None:
            pytest.skip("default-jre-headless installed but java is still not on PATH")
    if _java_major() < 17:
        pytest.skip(f"PySpark 4 needs Java 17 or later; java -version says {_java_major()}")


@pytest.fixture(scope="module")
def spark():
    _ensure_pyspark()
    _ensure_java()
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers import the vntext under test
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("vntext-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def job():
    spec = importlib.util.spec_from_file_location("spark_facts", JOB)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def canonical(value):
    """A fact as Parquet and JSON both give it: no nulls, no str offsets (the CLI has none)."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()
                if v is not None and k not in ("start_char", "end_char")}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def as_key(row) -> str:
    return json.dumps(canonical(row), sort_keys=True, ensure_ascii=False)


def read_table(folder: Path):
    import pyarrow.parquet as pq

    return pq.read_table(folder).to_pylist()


def expected_facts(reports):
    """The CLI's facts per kind, flattened the way vntext.frames flattens them."""
    from vntext.frames import facts

    out = {}
    for path, report in reports.items():
        for row in facts([report], documents=[os.path.realpath(path)]):
            kind = row.pop("kind")
            out.setdefault(kind, Counter())[as_key(row)] += 1
    return out


def test_spark_facts_equal_the_cli(spark, job, cli, tmp_path):
    out = tmp_path / "facts"
    kinds = job.run(spark, str(ARTICLES), str(out))
    reports = cli.reports([ARTICLES])
    assert len(reports) > 95
    expected = expected_facts(reports)
    assert sorted(kinds) == sorted(expected)
    assert {"document_numbers", "dates", "officials", "statistics"} <= set(kinds)
    for kind in kinds:
        rows = read_table(out / kind)
        for row in rows:
            row["document"] = os.path.realpath(row["document"])
        got = Counter(as_key(r) for r in rows)
        assert got == expected[kind], f"{kind}: {len(rows)} rows from Spark, " \
            f"{sum(expected[kind].values())} from the CLI; differing: " \
            f"{list((got - expected[kind]).items())[:2]} / {list((expected[kind] - got).items())[:2]}"

    documents = {os.path.realpath(d["document"]): d for d in read_table(out / "documents")}
    assert len(documents) == len(reports)
    for path, report in reports.items():
        doc = documents[os.path.realpath(path)]
        assert (doc["encoding"], doc["counts_bytes"], doc["counts_chars"], doc["title"]) == (
            report["encoding"], report["counts"]["bytes"], report["counts"]["chars"], report["title"])
    assert not (out / "errors").exists()

    # Str offsets index the text: the seed's document numbers, as read from the article.
    text = SEED.read_text(encoding="utf-8")
    seed_numbers = [r for r in read_table(out / "document_numbers")
                    if os.path.realpath(r["document"]) == str(SEED.resolve())]
    assert any((r["number"], r["doc_type"], r["issuer"]) == ("69", "KL", "TU") for r in seed_numbers)
    for r in seed_numbers:
        assert text[r["start_char"]:r["end_char"]] == r["text"]


def test_spark_parquet_input_with_legacy_and_undecodable_articles(spark, job, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    legacy = (REPO / "data" / "legacy" / "2008-23.QD-991-UBND.vni.txt").read_bytes()
    articles = {"seed": SEED.read_bytes(), "vni": legacy, "junk": JUNK}
    source = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"id": list(articles), "body": list(articles.values())}), source)
    out = tmp_path / "facts"
    job.run(spark, str(source), str(out), text_column="body", partitions=2)

    errors = read_table(out / "errors")
    assert [e["document"] for e in errors] == ["junk"]
    with pytest.raises(vntext.DecodeError) as info:
        vntext.analyze_bytes(JUNK)
    assert errors[0]["error"] == str(info.value)

    docs = {d["document"]: d for d in read_table(out / "documents")}
    assert docs["vni"]["encoding"] == "vni"
    numbers = read_table(out / "document_numbers")
    for doc in ("seed", "vni"):
        report = vntext.analyze_bytes(articles[doc])
        got = sorted(as_key({k: v for k, v in r.items() if k != "document"})
                     for r in numbers if r["document"] == doc)
        want = sorted(as_key({"index": i, **flatten_fact(n)})
                      for i, n in enumerate(report["document_numbers"]))
        assert got == want != []
