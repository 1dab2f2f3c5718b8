"""Stage *spark*: the pipeline on Apache Spark, one pipeline per partition (pyspark is optional).

See ``job.py``; ``submit.py`` is the file to hand to ``spark-submit``.
"""
from .job import FORMATS, SparkMissing, SparkStats, read_output, run_spark

__all__ = ["run_spark", "read_output", "SparkStats", "SparkMissing", "FORMATS"]
