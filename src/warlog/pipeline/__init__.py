"""The pipeline: spaCy and warlog's components (`pipeline`) and the report built from what they found
(`assemble`). `warlog.load()` is the way in."""

from warlog.pipeline.pipeline import IngestStats, Pipeline, load, load_model, register_components

__all__ = ["IngestStats", "Pipeline", "load", "load_model", "register_components"]
