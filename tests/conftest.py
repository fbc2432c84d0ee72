"""Shared fixtures: the loaded pipeline is expensive (spaCy model, packs, gazetteer), so it is loaded once."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "reference.txt"


@pytest.fixture(scope="session")
def pipeline():
    import warlog

    return warlog.load(warlog.Settings())


@pytest.fixture(scope="session")
def reference_report(pipeline):
    from warlog.ingest import read_document

    return pipeline.extract(read_document(REFERENCE, settings=pipeline.settings))
