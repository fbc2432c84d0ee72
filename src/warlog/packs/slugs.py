"""Readable ids for things found in a text: `new.<slug>` actors, `place.<slug>` places."""

from __future__ import annotations

import hashlib
import re


def slug(name: str) -> str:
    """Lower-case ASCII words joined by hyphens; a name without Latin letters or digits gets a short hash."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text or "h" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
