"""The store stage: finished PageResults in a DuckDB file, queries, and exports."""

from kroniek.store.export import GDELT_COLUMNS, export_gdelt, export_parquet, gdelt_rows
from kroniek.store.schema import SCHEMA_VERSION
from kroniek.store.store import AddOutcome, Store, article_id, event_id

__all__ = [
    "GDELT_COLUMNS",
    "SCHEMA_VERSION",
    "AddOutcome",
    "Store",
    "article_id",
    "event_id",
    "export_gdelt",
    "export_parquet",
    "gdelt_rows",
]
