"""Digests of warlog's reports over a fixed corpus, to show that a refactoring changes no output.

    .venv/bin/python scripts/report_digests.py --out /tmp/before.json          # before the change
    .venv/bin/python scripts/report_digests.py --compare /tmp/before.json      # after: lists what differs

The corpus: the bundled reference document, the texts the test suite analyzes (tests/fixtures), and, where
../shared is beside the clone, development texts read where they lie (ACLED notes, CASE-2021 snippets,
PolNeAR articles, PLOVER gold-standard sentences; never copied). Each document's report is serialized as
sorted JSON and hashed with SHA-256; only the digests are written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import warlog
from warlog.errors import InputError
from warlog.evaluate.acled import read_acled
from warlog.evaluate.case import read_case
from warlog.evaluate.polnear import read_polnear

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpus(per_set: int, shared: Path = SHARED) -> Iterator[tuple[str, str, str | None]]:
    """(name, text, published) of every document of the corpus, in a fixed order."""
    dev = shared / "data" / "dev"
    yield "reference", (ROOT / "examples" / "reference.txt").read_text(encoding="utf-8"), "2015-10-10"
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        yield f"fixture:{path.relative_to(ROOT)}", path.read_text(encoding="utf-8"), None
    acled = dev / "acled-2020-05-outside-middle-east.csv"
    if acled.exists():
        for row in read_acled(acled, limit=per_set).rows:
            yield f"acled:{row.line}", row.notes, row.event_date
    case = dev / "case2021-task2-dev.tsv"
    if case.exists():
        for snippet in read_case(case, limit=per_set).snippets:
            yield f"case:{snippet.id}", snippet.text, None
    polnear = dev / "polnear" / "dev"
    if polnear.exists():
        for article in read_polnear(polnear, limit=max(1, per_set // 5)).articles:
            yield f"polnear:{article.name}", article.text, None
    gsr = dev / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
    if gsr.exists():
        for record in json.loads(gsr.read_text(encoding="utf-8"))[:per_set]:
            yield f"plover:{record['id']}", record["eventText"], None


def digests(per_set: int, shared: Path = SHARED) -> dict[str, str]:
    pipeline = warlog.load()
    out: dict[str, str] = {}
    for name, text, published in corpus(per_set, shared):
        try:
            report = pipeline.extract(text, published=published)
        except InputError as e:
            out[name] = f"error: {e}"
            continue
        blob = json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8")
        out[name] = hashlib.sha256(blob).hexdigest()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-set", type=int, default=100, help="documents taken from each development set")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder with the development data")
    parser.add_argument("--out", type=Path, help="write the digests here (JSON)")
    parser.add_argument("--compare", type=Path, help="compare with digests written earlier; exit 1 on a difference")
    args = parser.parse_args()
    found = digests(args.per_set, args.shared)
    if args.out:
        args.out.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(found)} documents")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
        for name in differ:
            print(f"differs: {name}")
        print(f"{len(differ)} of {len(before.keys() | found.keys())} differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
