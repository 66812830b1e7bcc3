"""The store stage: finished PageResults in a DuckDB file, queries, and exports."""

from kroniek.store import browse
from kroniek.store.access import StoreLocked, intent_path, open_store, write_intent
from kroniek.store.browse import BadCursor, EventQuery
from kroniek.store.export import GDELT_COLUMNS, export_gdelt, export_parquet, gdelt_rows
from kroniek.store.schema import SCHEMA_VERSION
from kroniek.store.store import AddOutcome, Store
from kroniek.store.writer import BatchWriter

__all__ = [
    "GDELT_COLUMNS",
    "SCHEMA_VERSION",
    "AddOutcome",
    "BadCursor",
    "BatchWriter",
    "EventQuery",
    "Store",
    "StoreLocked",
    "browse",
    "export_gdelt",
    "export_parquet",
    "gdelt_rows",
    "intent_path",
    "open_store",
    "write_intent",
]
