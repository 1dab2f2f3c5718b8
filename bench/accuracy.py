#!/usr/bin/env python3
"""Every dev set in ../shared/eval/data through the pipeline, scored by ../shared/eval/score.py.

    python bench/accuracy.py [TASK[/DATASET]...] [-j WORKERS]

Prints one table: task, dataset, headline metric and value, key metrics, documents, seconds.
Same as `communique evaluate`.
"""
from communique.cli import main

if __name__ == "__main__":
    import sys

    main(["evaluate", *sys.argv[1:]])
