"""The file to give ``spark-submit`` (absolute imports: spark-submit runs it as a script).

    spark-submit --master 'local[2]' "$(python -c 'import communique.spark.submit as s; print(s.__file__)')" \
        corpus/ out/ --format parquet
"""
import sys

from communique.spark.job import main

if __name__ == "__main__":
    sys.exit(main())
