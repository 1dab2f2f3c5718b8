"""Scale out on Apache Spark: the same per-document pipeline over partitions of a corpus.

The driver lists the input files; executors read them (``ingest.read_path``: the same readers as
``communique ingest``), the records are spread over ``partitions``, and each partition loads
one ``Pipeline`` and runs ``Pipeline.run_many`` over its records (``mapPartitions``), so a
document comes out exactly as the local runner makes it. The output is one dataset in
``OUTPUT`` partitioned by ``kind``: ``kind=document`` holds the document records (CONTRACT.md
JSON), ``kind=error`` one record per failed input. As JSONL each line is that JSON; as Parquet
the JSON sits in column ``record`` beside flat columns to filter on.

From the command line (local mode, two cores):

    communique spark corpus/ out/ --master 'local[2]'

With spark-submit (the package must be installed where the executors run):

    spark-submit --master 'local[2]' "$(python -c 'import communique.spark.submit as s; print(s.__file__)')" \\
        corpus/ out/ --format parquet

pyspark is an optional extra (``pip install communique[spark]``); Java 17 must be installed.
Executors read the input paths themselves: on a cluster they must be on a shared file system.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import msgspec

from ..runner import RunOptions, pack_error, unpack_error

FORMATS = ("jsonl", "parquet")
_enc = msgspec.json.Encoder()


@dataclass
class SparkStats:
    files: int
    documents: int
    errors: int


class SparkMissing(RuntimeError):
    """pyspark is not installed: it is an optional extra."""


def _import_pyspark():
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise SparkMissing("pyspark is not installed; install the extra: pip install 'communique[spark]'") from e
    return SparkSession


def read_files(paths: Iterable[str]) -> Iterator[tuple]:
    """Executor side: every input record (msgpack) or read error (tuple) in the given files."""
    from ..errors import InputError
    from ..ingest.files import read_path

    for p in paths:
        path = Path(p)
        results = read_path(path) if path.exists() else [InputError("E007", origin=p)]
        for r in results:
            yield pack_error(r) if isinstance(r, InputError) else ("input", msgspec.msgpack.encode(r))


def analyse_partition(items: Iterable[tuple[tuple, int]], options: RunOptions) -> Iterator[tuple]:
    """Executor side: one pipeline for the whole partition, one output row per input."""
    from ..pipeline import Pipeline
    from ..schema import InputRecord

    items = list(items)
    if not items:
        return
    decode = msgspec.msgpack.Decoder(InputRecord).decode
    records = [unpack_error(p) if p[0] == "error" else decode(p[1]) for p, _ in items]
    pipeline = Pipeline(require_english=options.require_english, stages=options.stages)
    for (_, seq), rec, result in zip(items, records, pipeline.run_many(records, batch_size=options.batch_size)):
        yield _output_row(seq, rec, result)


def _output_row(seq: int, rec, result) -> tuple:
    from ..errors import CommuniqueError

    origin = rec.origin
    if isinstance(result, CommuniqueError):
        err = {"origin": result.origin or origin, "doc_id": result.doc_id, "stage": result.stage,
               "code": result.code, "reason": result.reason, "message": result.message}
        return ("error", seq, result.doc_id, origin, result.code, None, 0,
                _enc.encode(err).decode("utf-8"))
    return ("document", seq, result.id, origin, None, result.published, len(result.events),
            _enc.encode(result).decode("utf-8"))


_COLUMNS = ("kind", "seq", "id", "origin", "code", "published", "n_events", "record")


def run_spark(inputs: Iterable[str], output: str, *, master: str | None = "local[2]",
              partitions: int | None = None, fmt: str = "jsonl", options: RunOptions = RunOptions(),
              overwrite: bool = False, app_name: str = "communique") -> SparkStats:
    """Analyse ``inputs`` on Spark and write ``output``; ``master=None`` takes spark-submit's."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    SparkSession = _import_pyspark()
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    from ..ingest.files import list_files
    from ..store.ingest import expand_paths

    files = list_files(expand_paths(inputs))
    if master and master.startswith("local"):
        # A laptop's hostname often resolves to an address Spark cannot bind; local mode
        # needs nothing but the loopback interface.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Executors' Python must be the one that has communique installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app_name).config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false"))  # stderr is for our summary
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        n = partitions or sc.defaultParallelism
        records = (sc.parallelize(files, max(1, min(len(files), n)))
                   .mapPartitions(read_files)
                   .zipWithIndex())
        if records.getNumPartitions() != n:
            records = records.repartition(n)
        rows = records.mapPartitions(lambda part: analyse_partition(part, options))
        schema = StructType([
            StructField("kind", StringType(), False), StructField("seq", LongType(), False),
            StructField("id", StringType(), True), StructField("origin", StringType(), True),
            StructField("code", StringType(), True), StructField("published", StringType(), True),
            StructField("n_events", IntegerType(), False), StructField("record", StringType(), False),
        ])
        df = spark.createDataFrame(rows, schema).cache()
        writer_df = df.select("kind", "record") if fmt == "jsonl" else df
        writer = writer_df.write.mode("overwrite" if overwrite else "errorifexists").partitionBy("kind")
        if fmt == "jsonl":
            writer.text(output)
        else:
            writer.parquet(output)
        counts = dict(df.groupBy("kind").count().collect())
        return SparkStats(files=len(files), documents=counts.get("document", 0), errors=counts.get("error", 0))
    finally:
        spark.stop()


def read_output(output: str | Path) -> tuple[list, list[dict]]:
    """A JSONL output folder back into (documents, errors), in input order of neither: sort them."""
    from ..schema import Document

    out = Path(output)
    docs = [msgspec.json.decode(line, type=Document)
            for f in sorted((out / "kind=document").glob("part-*")) for line in f.read_bytes().splitlines() if line]
    errors = [msgspec.json.decode(line)
              for f in sorted((out / "kind=error").glob("part-*")) for line in f.read_bytes().splitlines() if line]
    return docs, errors


def main(argv: list[str] | None = None) -> int:
    """The spark-submit entry point (``submit.py`` calls it; see the module docstring)."""
    from ..extract import STAGES

    ap = argparse.ArgumentParser(prog="communique-spark", description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("output", metavar="OUTPUT")
    ap.add_argument("--format", choices=FORMATS, default="jsonl")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--any-language", action="store_true")
    ap.add_argument("--overwrite", action="store_true")
    args = ap.parse_args(argv)
    opts = RunOptions(stages=tuple(s for s in args.stages.split(",") if s), require_english=not args.any_language)
    stats = run_spark(args.inputs, args.output, master=None, partitions=args.partitions, fmt=args.format,
                      options=opts, overwrite=args.overwrite)
    print(f"{stats.documents} document(s), {stats.errors} error(s) from {stats.files} file(s) -> {args.output}",
          file=sys.stderr)
    return 1 if stats.errors else 0

