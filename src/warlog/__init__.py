"""warlog: actors, events and claims from reporting on armed conflict, each fact tied to its evidence.

    >>> import warlog
    >>> pipeline = warlog.load()
    >>> report = pipeline.extract(text, published="2015-10-10")
    >>> [actor.name for actor in report.actors]

The names in `__all__` are the public API; everything else may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from warlog._version import __version__
from warlog.errors import (
    BinaryDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    FetchError,
    InputError,
    LanguageError,
    ModelNotFoundError,
    PackError,
    SettingsError,
    StoreError,
    WarlogError,
)
from warlog.model import (
    Actor,
    Claim,
    Contradiction,
    Document,
    Event,
    Evidence,
    Failure,
    Happening,
    ImpliedClaim,
    Place,
    Relation,
    Report,
    Toll,
    When,
)
from warlog.pipeline import Pipeline, load
from warlog.settings import Settings, load_settings

if TYPE_CHECKING:
    from warlog.store import Store

__all__ = [
    "Actor",
    "BinaryDocumentError",
    "Claim",
    "Contradiction",
    "Document",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncodingError",
    "Event",
    "Evidence",
    "Failure",
    "FetchError",
    "Happening",
    "ImpliedClaim",
    "InputError",
    "LanguageError",
    "ModelNotFoundError",
    "PackError",
    "Pipeline",
    "Place",
    "Relation",
    "Report",
    "Settings",
    "SettingsError",
    "Store",
    "StoreError",
    "Toll",
    "WarlogError",
    "When",
    "__version__",
    "load",
    "load_settings",
]


def __getattr__(name: str) -> Any:
    # the store pulls in DuckDB: imported on first use so `import warlog` stays light
    if name == "Store":
        from warlog.store import Store

        return Store
    raise AttributeError(f"module 'warlog' has no attribute {name!r}")
