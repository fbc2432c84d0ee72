"""A trend's series as CSV, one row per period and series: `period,key,label,<metric>` (the CLI's
`warlog trends --format csv` and GET /api/trends?format=csv write the same file). Cells that a
spreadsheet would run as a formula are neutralized (warlog.export.csvsafe)."""

from __future__ import annotations

import csv
from typing import IO

from warlog.export.csvsafe import neutralize_row
from warlog.store.trends import Trends


def write_trends_csv(trends: Trends, stream: IO[str]) -> int:
    """Write the series to a text stream; the rows written (the header not counted)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["period", "key", "label", trends.metric])
    rows = [neutralize_row((period, key, label, _number(value))) for period, key, label, value in trends.rows()]
    writer.writerows(rows)
    return len(rows)


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value
