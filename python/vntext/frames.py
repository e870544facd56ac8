"""Reports as data frames: one row per fact, for pandas, Polars (and Spark, see the example job).

A *fact* is one item of a list of objects in a report: a document number, a date, a period, an
official, a statistic, an ethnic group… Its *kind* is the name of that list in the report
(``"document_numbers"``, ``"dates"``, ``"periods"``, ``"officials"``, ``"statistics"``,
``"ethnic_groups"``, and any list the library adds later; ``"chrome"``, the page furniture kept
out of the facts, is left out unless asked for). Each row holds:

- ``document``: the document's id (``documents[i]`` if given, else the report's ``source``,
  else its position in ``reports``);
- ``kind``, and ``index`` (the fact's position in its list);
- the fact's own fields, flattened: a nested object becomes ``parent_field`` columns
  (``change_value``), lists stay lists (``titles``). Two fields are renamed so every column has
  one type across kinds: the fact's own ``kind`` (``percentage``, ``day``…) becomes ``type``,
  and a *text* ``value`` (the ISO value of a date or period) becomes ``value_text``, so
  ``value`` is always a number (statistics).

The columns ``document, kind, index, type, text, value, value_text, unit, currency, per,
subject, group, start, end, start_char, end_char`` always exist (empty where a kind has no such
field) and come first; the other fields follow in the order first seen.

>>> import vntext, vntext.frames
>>> reports = vntext.analyze_many(["Số 69-KL/TU, ngày 09/4/2021.", "Hộ nghèo còn 4,5%."], jobs=1)
>>> [(r["document"], r["kind"], r["text"]) for r in vntext.frames.facts(reports)]
[(0, 'document_numbers', 'Số 69-KL/TU'), (0, 'dates', 'ngày 09/4/2021'), (1, 'statistics', '4,5%')]

Polars
------
:func:`facts_expr` is a Polars expression that analyses a column of texts in batches
(``map_batches`` over :func:`vntext.analyze_many`, on all cores) and gives, per row, the list of
one field of one kind of fact::

    df.with_columns(numbers=vntext.frames.facts_expr("text", "document_numbers"))

The same recipe by hand, for any shape of output (here the whole report as JSON, to take apart
with Polars' JSON functions)::

    import json
    def reports_json(texts: pl.Series) -> pl.Series:
        return pl.Series([json.dumps(r, ensure_ascii=False)
                          for r in vntext.analyze_many(texts.to_list())], dtype=pl.String)
    df.with_columns(report=pl.col("text").map_batches(reports_json, return_dtype=pl.String))
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    Sequence,
    Union,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import polars

__all__ = ["CORE_COLUMNS", "facts", "facts_expr", "facts_frame", "facts_frames", "flatten_fact"]

CORE_COLUMNS = (
    "document",
    "kind",
    "index",
    "type",
    "text",
    "value",
    "value_text",
    "unit",
    "currency",
    "per",
    "subject",
    "group",
    "start",
    "end",
    "start_char",
    "end_char",
)
"""Columns every facts table has, in this order, before the others."""

_LEFT_OUT = ("chrome",)


def flatten_fact(fact: Dict[str, Any]) -> Dict[str, Any]:
    """One fact as a flat row: nested objects joined with ``_``, ``kind`` as ``type``, a text
    ``value`` as ``value_text``.

    >>> flatten_fact({"text": "tăng 5%", "kind": "percentage", "value": 5.0,
    ...               "change": {"value": 5.0, "unit": "%"}})
    {'text': 'tăng 5%', 'type': 'percentage', 'value': 5.0, 'change_value': 5.0, 'change_unit': '%'}
    >>> flatten_fact({"text": "ngày 09/4/2021", "kind": "day", "value": "2021-04-09"})["value_text"]
    '2021-04-09'
    """
    row: Dict[str, Any] = {}
    for key, val in fact.items():
        if key == "kind":
            key = "type"
        elif key == "value" and isinstance(val, str):
            key = "value_text"
        if isinstance(val, dict):
            for sub, subval in flatten_fact(val).items():
                row[f"{key}_{sub}"] = subval
        else:
            row[key] = val
    return row


def _fact_kinds(report: Dict[str, Any]) -> Iterator[str]:
    for key, val in report.items():
        if (
            key not in _LEFT_OUT
            and isinstance(val, list)
            and all(isinstance(item, dict) for item in val)
        ):
            yield key


def facts(
    reports: Iterable[Dict[str, Any]],
    *,
    documents: Optional[Sequence[Any]] = None,
    kinds: Optional[Iterable[str]] = None,
) -> Iterator[Dict[str, Any]]:
    """Yields one flat row (a dict) per fact of ``reports``, in report order (see the module
    documentation for the columns).

    ``documents`` gives each report's id (default: its ``source``, else its position);
    ``kinds`` keeps only those kinds (default: every list of facts in the report, but
    ``chrome``).
    """
    wanted = None if kinds is None else set(kinds)
    for position, report in enumerate(reports):
        if documents is not None:
            document = documents[position]
        elif report.get("source") is not None:
            document = report["source"]
        else:
            document = position
        names = list(_fact_kinds(report)) if wanted is None else [k for k in report if k in wanted]
        for kind in names:
            for index, fact in enumerate(report.get(kind) or ()):
                row = {"document": document, "kind": kind, "index": index}
                row.update(flatten_fact(fact))
                yield row


def _columns(rows: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
    names: Dict[str, None] = dict.fromkeys(CORE_COLUMNS)
    for row in rows:
        for key in row:
            names.setdefault(key, None)
    return {name: [row.get(name) for row in rows] for name in names}


def facts_frame(
    reports: Iterable[Dict[str, Any]],
    backend: str = "pandas",
    *,
    documents: Optional[Sequence[Any]] = None,
    kinds: Optional[Iterable[str]] = None,
) -> Union["pandas.DataFrame", "polars.DataFrame"]:
    """All facts of ``reports`` as one table, one row per fact; ``backend`` is ``"pandas"``
    or ``"polars"`` (imported on demand). See :func:`facts` for ``documents`` and ``kinds``.

    :raises ValueError: for another backend.

    >>> import vntext
    >>> df = facts_frame([vntext.analyze("Kết luận số 69-KL/TU ngày 09/4/2021")])
    >>> df[["kind", "text", "start_char", "end_char"]].values.tolist()
    [['document_numbers', 'Kết luận số 69-KL/TU', 0, 20], ['dates', 'ngày 09/4/2021', 21, 35]]
    >>> df.loc[1, "value_text"]
    '2021-04-09'
    """
    columns = _columns(list(facts(reports, documents=documents, kinds=kinds)))
    if backend == "pandas":
        import pandas as pd

        return pd.DataFrame(columns)
    if backend == "polars":
        import polars as pl

        return pl.DataFrame(columns, strict=False, infer_schema_length=None)
    raise ValueError(f"backend must be 'pandas' or 'polars', not {backend!r}")


def facts_frames(
    reports: Iterable[Dict[str, Any]],
    backend: str = "pandas",
    *,
    documents: Optional[Sequence[Any]] = None,
    kinds: Optional[Iterable[str]] = None,
) -> Dict[str, Union["pandas.DataFrame", "polars.DataFrame"]]:
    """One table per kind of fact (``{"dates": frame, "statistics": frame, …}``), each with
    the core columns and that kind's own fields; kinds with no fact are left out."""
    by_kind: Dict[str, List[Dict[str, Any]]] = {}
    for row in facts(reports, documents=documents, kinds=kinds):
        by_kind.setdefault(row["kind"], []).append(row)
    out: Dict[str, Any] = {}
    for kind, rows in by_kind.items():
        columns = _columns(rows)
        if backend == "pandas":
            import pandas as pd

            out[kind] = pd.DataFrame(columns)
        elif backend == "polars":
            import polars as pl

            out[kind] = pl.DataFrame(columns, strict=False, infer_schema_length=None)
        else:
            raise ValueError(f"backend must be 'pandas' or 'polars', not {backend!r}")
    return out


def facts_expr(
    texts: Union[str, "polars.Expr"],
    kind: str,
    field: str = "text",
    dtype: Any = None,
    *,
    jobs: Optional[int] = None,
) -> "polars.Expr":
    """A Polars expression: for each text of the column ``texts`` (a name or an expression),
    the list of ``field`` of its facts of ``kind`` (``null`` for a null text).

    ``dtype`` is the Polars type of the field (default ``pl.String``; ``pl.Float64`` for a
    statistic's ``value``); the result is ``pl.List(dtype)``. The column is analysed in
    batches with :func:`vntext.analyze_many` on ``jobs`` threads (default: all CPUs). Field
    names are those of the report (``value`` of a date is its ISO text).

    >>> import polars as pl
    >>> df = pl.DataFrame({"text": ["Số 69-KL/TU và 12/2020/QĐ-UBND", None, "Hà Nội"]})
    >>> df.select(facts_expr("text", "document_numbers")).to_series().to_list()
    [['Số 69-KL/TU', '12/2020/QĐ-UBND'], None, []]
    """
    import polars as pl

    import vntext

    if dtype is None:
        dtype = pl.String
    expr = pl.col(texts) if isinstance(texts, str) else texts

    def batch(series: "polars.Series") -> "polars.Series":
        values = series.to_list()
        present = [t for t in values if t is not None]
        reports = iter(vntext.analyze_many(present, jobs=jobs))
        out: List[Optional[List[Any]]] = []
        for text in values:
            if text is None:
                out.append(None)
            else:
                report = next(reports)
                out.append([fact.get(field) for fact in report.get(kind) or ()])
        return pl.Series(series.name, out, dtype=pl.List(dtype))

    return expr.map_batches(batch, return_dtype=pl.List(dtype))
