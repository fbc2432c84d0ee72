"""The embedded DuckDB store: reports saved whole, read back exactly, and queried across the corpus."""

from warlog.store.correction import Correction
from warlog.store.query import QUERY_KINDS, ActorSummary, Filters, Page, QueryResult
from warlog.store.schema import SCHEMA_VERSION
from warlog.store.store import Store

__all__ = ["QUERY_KINDS", "SCHEMA_VERSION", "ActorSummary", "Correction", "Filters", "Page", "QueryResult", "Store"]
