"""Stage *export*: the database out as PLOVER JSONL, a GDELT 2.0-shaped TSV, CSV or Parquet."""
from .formats import FORMATS, write_rows
from .gdelt import GDELT_COLUMNS, write_gdelt
from .plover import read_plover, write_plover
from .tables import TABLES, export_table, write_table_csv

__all__ = ["FORMATS", "write_rows", "GDELT_COLUMNS", "write_gdelt", "read_plover", "write_plover",
           "TABLES", "export_table", "write_table_csv"]
