"""The JSON Schema of the report (`Report.to_dict()`), packaged as data/schema/report.schema.json."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_RESOURCE = ("data", "schema", "report.schema.json")


def report_schema() -> dict[str, Any]:
    """The report's JSON Schema (draft 2020-12), a fresh dict on every call.

    Returns:
        The schema, ready for any draft 2020-12 validator (e.g. `jsonschema.Draft202012Validator`).
    """
    resource = resources.files("warlog").joinpath(*SCHEMA_RESOURCE)
    return json.loads(resource.read_text(encoding="utf-8"))
