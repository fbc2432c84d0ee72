"""The public surface is pinned, the base modules use the standard library only, `import warlog` stays light.

The layers (the store never imports spaCy, nothing imports the CLI, no import cycle) are held by `make lint`:
import-linter's contracts in pyproject.toml and scripts/check_cycles.py.
"""

import ast
from pathlib import Path

import warlog

SRC = Path(warlog.__file__).parent


def test_exported_members():
    assert warlog.__all__ == sorted(warlog.__all__)
    assert warlog.__all__ == [
        "Actor", "BinaryDocumentError", "Claim", "Contradiction", "Document", "DocumentTooLargeError",
        "EmptyDocumentError", "EncodingError", "Event", "Evidence", "Failure", "FetchError", "Happening",
        "ImpliedClaim", "InputError", "LanguageError", "ModelNotFoundError", "PackError", "Pipeline", "Place",
        "Relation", "Report",
        "Settings", "SettingsError", "Store", "StoreError", "Toll", "WarlogError", "When", "__version__",
        "load", "load_settings",
    ]  # fmt: skip
    for name in warlog.__all__:
        assert getattr(warlog, name) is not None


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_use_the_standard_library_only():
    for module in ("model.py", "errors.py", "settings.py", "packs/slugs.py", "_version.py"):
        third_party = {n for n in imports_of(SRC / module) if not n.startswith(("warlog", "__future__"))}
        stdlib = {"os", "tomllib", "dataclasses", "pathlib", "typing", "re", "hashlib", "json", "importlib"}
        assert third_party <= stdlib, module


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, warlog; print(sorted(m for m in ('spacy', 'duckdb', 'trafilatura') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
