"""Extract vntext facts from many articles with Spark: one Parquet table per kind of fact.

    spark-submit python/examples/spark_facts.py INPUT OUTPUT        # on a cluster
    python python/examples/spark_facts.py INPUT OUTPUT --master 'local[2]'

INPUT is a folder (every ``*.txt`` below it, read as bytes, any encoding vntext decodes) or a
Parquet file or folder of articles with an id column and a text column (``--id-column``,
``--text-column``; text as string or binary). OUTPUT receives:

- ``OUTPUT/<kind>/``: one Parquet table per kind of fact (``document_numbers``, ``dates``,
  ``periods``, ``officials``, ``statistics``, ``ethnic_groups``, and any list of facts the
  report gains later), one row per fact, with the columns of :func:`vntext.frames.facts`:
  ``document`` (the file path or id), ``index`` and the fact's fields (``text``, ``start``,
  ``end`` in bytes, ``start_char``, ``end_char`` in characters of the decoded text, …);
- ``OUTPUT/documents/``: one row per document: encoding, sizes, title, dateline, author;
- ``OUTPUT/errors/`` (only when there are any): one row per input that could not be decoded
  (binary, unknown encoding), with the library's message. The job goes on without it.

Every executor needs the ``vntext`` package (``pip install ./python``, or ship the wheel with
``--py-files``/an environment archive). Each task analyses its rows with
:meth:`vntext.Analyzer.analyze_many` (``mapInArrow``); Spark runs one task per core, so each
task uses one thread (``--threads`` to change). The facts cross from Python to the JVM as JSON
text and each kind's columns are inferred from it, so fields the library adds need no change
here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Iterator, List, Optional
from urllib.parse import unquote, urlparse

KINDS_SCHEMA = "document string, kind string, fact string"


def _document_id(value: object) -> str:
    """A file's path without Spark's ``file:`` scheme; other ids as they are."""
    text = str(value)
    if text.startswith("file:"):
        return unquote(urlparse(text).path)
    return text


def analyze_batches(batches: Iterator["pyarrow.RecordBatch"], threads: int = 1) -> Iterator["pyarrow.RecordBatch"]:
    """``mapInArrow`` function: batches of (document, content) to batches of
    (document, kind, fact as JSON), where kind ``_document`` carries the document's own fields
    and ``_error`` a decoding error."""
    import pyarrow as pa

    import vntext
    from vntext.frames import facts

    analyzer = vntext.Analyzer()
    for batch in batches:
        ids = [_document_id(d) for d in batch.column("document").to_pylist()]
        contents = batch.column("content").to_pylist()
        reports = analyzer.analyze_many(contents, jobs=threads, return_exceptions=True)
        documents: List[str] = []
        kinds: List[str] = []
        payload: List[str] = []

        def emit(document: str, kind: str, row: dict) -> None:
            documents.append(document)
            kinds.append(kind)
            payload.append(json.dumps(row, ensure_ascii=False))

        for document, report in zip(ids, reports):
            if isinstance(report, Exception):
                emit(document, "_error", {"document": document, "error": str(report)})
                continue
            own = {"document": document}
            for key, value in report.items():
                if isinstance(value, dict):
                    own.update({f"{key}_{k}": v for k, v in value.items()})
                elif not isinstance(value, list) and key != "source":
                    own[key] = value
            emit(document, "_document", own)
            for row in facts([report], documents=[document]):
                kind = row.pop("kind")
                emit(document, kind, row)
        yield pa.RecordBatch.from_arrays(
            [pa.array(documents, pa.string()), pa.array(kinds, pa.string()), pa.array(payload, pa.string())],
            names=["document", "kind", "fact"],
        )


def read_articles(spark, path: str, id_column: str, text_column: str, partitions: Optional[int]):
    """(document, content) rows from a folder of .txt files or a Parquet of articles."""
    from pyspark.sql import functions as F

    if os.path.isdir(path) and not any(name.endswith(".parquet") for name in os.listdir(path)):
        df = (
            spark.read.format("binaryFile")
            .option("pathGlobFilter", "*.txt")
            .option("recursiveFileLookup", "true")
            .load(path)
            .select(F.col("path").alias("document"), F.col("content"))
        )
    else:
        df = spark.read.parquet(path).select(
            F.col(id_column).cast("string").alias("document"), F.col(text_column).alias("content")
        )
    # Small files land in few partitions; spread them over the cores.
    return df.repartition(partitions or spark.sparkContext.defaultParallelism * 2)


def run(spark, input_path: str, output: str, *, id_column: str = "id", text_column: str = "text",
        partitions: Optional[int] = None, threads: int = 1) -> List[str]:
    """Runs the job; returns the kinds of fact written (besides ``documents`` and ``errors``)."""
    from pyspark.sql import functions as F

    articles = read_articles(spark, input_path, id_column, text_column, partitions)
    rows = articles.mapInArrow(lambda it: analyze_batches(it, threads), KINDS_SCHEMA).persist()
    try:
        kinds = sorted(r.kind for r in rows.select("kind").distinct().collect())
        written = []
        for kind in kinds:
            subset = rows.where(F.col("kind") == kind).select("fact")
            table = spark.read.json(subset.rdd.map(lambda r: r.fact))
            first = [c for c in ("document", "index") if c in table.columns]
            table = table.select(*first, *[c for c in table.columns if c not in first])
            name = {"_document": "documents", "_error": "errors"}.get(kind, kind)
            table.write.mode("overwrite").parquet(os.path.join(output, name))
            if not kind.startswith("_"):
                written.append(kind)
        return written
    finally:
        rows.unpersist()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a folder of .txt files, or a Parquet file/folder of articles")
    parser.add_argument("output", help="folder for the Parquet tables")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--id-column", default="id")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--threads", type=int, default=1, help="analysis threads per task")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("vntext-facts")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local workers run this interpreter, the one vntext is installed in.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    kinds = run(spark, args.input, args.output, id_column=args.id_column,
                text_column=args.text_column, partitions=args.partitions, threads=args.threads)
    print(f"wrote {', '.join(kinds)}, documents and errors under {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
