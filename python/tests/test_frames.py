"""vntext.frames: one row per fact in pandas and Polars; the Polars expression and recipe."""

from __future__ import annotations

import json

import pytest

import vntext
import vntext.frames as frames
from conftest import REPO, SEED

pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install pandas)")
pl = pytest.importorskip("polars", reason="polars is not installed (pip install polars)")

PATHS = [SEED] + sorted((REPO / "data" / "articles" / "gov").glob("*.txt"))[:10]


@pytest.fixture(scope="module")
def texts():
    return {p.name: p.read_text(encoding="utf-8") for p in PATHS}


@pytest.fixture(scope="module")
def reports(texts):
    return [vntext.analyze(t, source=name) for name, t in texts.items()]


def fact_count(reports):
    return sum(
        len(v)
        for r in reports
        for k, v in r.items()
        if isinstance(v, list) and k != "chrome" and all(isinstance(x, dict) for x in v)
    )


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_one_row_per_fact(reports, texts, backend):
    df = frames.facts_frame(reports, backend=backend)
    rows = df.to_dict("records") if backend == "pandas" else df.to_dicts()
    assert len(rows) == fact_count(reports) > 100
    assert list(df.columns)[: len(frames.CORE_COLUMNS)] == list(frames.CORE_COLUMNS)
    kinds = {r["kind"] for r in rows}
    assert {"document_numbers", "dates", "officials", "statistics"} <= kinds
    assert "chrome" not in kinds
    for row in rows:
        if isinstance(row["start_char"], (int, float)) and row["start_char"] == row["start_char"]:
            text = texts[row["document"]]
            assert text[int(row["start_char"]) : int(row["end_char"])] == row["text"]


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_fields_of_the_seed(reports, backend):
    # The seed's income figure, as the report contract (DESIGN.md) describes it.
    df = frames.facts_frame(reports[:1], backend=backend)
    rows = df.to_dict("records") if backend == "pandas" else df.to_dicts()
    money = [r for r in rows if r["text"] == "32,5 triệu đồng/năm"]
    assert len(money) == 1
    m = money[0]
    assert (m["document"], m["kind"], m["type"]) == ("sin-ho-dan-van.txt", "statistics", "money")
    assert (m["value"], m["currency"], m["per"]) == (32_500_000.0, "VND", "năm")
    assert m["subject"] == "thu nhập bình quân đầu người"
    assert (m["change_value"], m["change_against"]) == (1_500_000.0, "năm 2020")
    day = [r for r in rows if r["text"] == "ngày 09/4/2021"][0]
    assert (day["kind"], day["type"], day["value_text"]) == ("dates", "day", "2021-04-09")
    official = [r for r in rows if r["kind"] == "officials"][0]
    assert official["name"] == "Hoàng Thọ Trung"
    assert list(official["titles"]) == ["Tỉnh ủy viên", "Bí thư Huyện ủy"]


def test_frames_per_kind_and_options(reports):
    by_kind = frames.facts_frames(reports, backend="polars")
    total = sum(f.height for f in by_kind.values())
    assert total == fact_count(reports)
    stats = by_kind["statistics"]
    assert stats.schema["value"] == pl.Float64
    assert by_kind["dates"].schema["value_text"] == pl.String
    only = frames.facts_frame(reports, kinds=["dates"], documents=list(range(len(reports))))
    assert set(only["kind"]) == {"dates"}
    assert set(only["document"]) <= set(range(len(reports)))
    with pytest.raises(ValueError, match="backend"):
        frames.facts_frame(reports, backend="spark")
    empty = frames.facts_frame([vntext.analyze("")], backend="polars")
    assert empty.height == 0 and list(empty.columns) == list(frames.CORE_COLUMNS)


def test_polars_expression(texts):
    names = list(texts)
    df = pl.DataFrame({"name": names + ["none"], "text": list(texts.values()) + [None]})
    out = df.with_columns(
        numbers=frames.facts_expr("text", "document_numbers"),
        values=frames.facts_expr(pl.col("text"), "statistics", "value", pl.Float64, jobs=2),
    )
    assert out.schema["numbers"] == pl.List(pl.String)
    assert out.schema["values"] == pl.List(pl.Float64)
    rows = out.to_dicts()
    assert rows[-1]["numbers"] is None
    for row in rows[:-1]:
        report = vntext.analyze(row["text"])
        assert row["numbers"] == [d["text"] for d in report["document_numbers"]]
        assert row["values"] == [s["value"] for s in report["statistics"]]
    # The seed (first row): "Kết luận số 69-KL/TU", and the 94% of ethnic-minority people.
    assert any("69-KL/TU" in n for n in rows[0]["numbers"])
    assert 94.0 in rows[0]["values"]


def test_polars_map_batches_recipe(texts):
    # The recipe from the vntext.frames documentation, as written there.
    def reports_json(batch: "pl.Series") -> "pl.Series":
        return pl.Series(
            [json.dumps(r, ensure_ascii=False) for r in vntext.analyze_many(batch.to_list())],
            dtype=pl.String,
        )

    df = pl.DataFrame({"text": list(texts.values())})
    out = df.with_columns(report=pl.col("text").map_batches(reports_json, return_dtype=pl.String))
    first = json.loads(out["report"][0])
    assert first == vntext.analyze(df["text"][0])
    issuers = out.select(pl.col("report").str.json_path_match("$.document_numbers[0].issuer"))
    assert issuers.to_series()[0] == "TU"
