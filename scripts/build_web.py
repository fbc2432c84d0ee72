"""Vendor the web page's front-end libraries: `npm ci` in web/, then copy only the files the page loads.

The page (src/warlog/web/) works offline and loads nothing from a CDN, so Cytoscape.js, Leaflet,
topojson-client and the Natural Earth country outlines of world-atlas are copied from the pinned npm
packages (web/package-lock.json) into src/warlog/web/vendor/, which is build output (gitignored) and is
served by `warlog serve` under /static/vendor/.

Usage: python scripts/build_web.py [--skip-npm]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
MODULES = WEB / "node_modules"
VENDOR = ROOT / "src" / "warlog" / "web" / "vendor"

# (file or folder in node_modules, destination under vendor/)
FILES = (
    ("cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"),
    ("cytoscape/LICENSE", "cytoscape/LICENSE"),
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/dist/images", "leaflet/images"),
    ("leaflet/LICENSE", "leaflet/LICENSE"),
    ("topojson-client/dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
    ("topojson-client/LICENSE", "topojson-client/LICENSE"),
    ("world-atlas/countries-50m.json", "world-atlas/countries-50m.json"),
    ("world-atlas/LICENSE", "world-atlas/LICENSE"),
)


def install() -> None:
    """Install the pinned packages of web/package-lock.json."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("build_web: npm not found; install Node.js 18+ with npm (Debian: apt-get install nodejs npm)")
    command = [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    result = subprocess.run(command, cwd=WEB, check=False)
    if result.returncode != 0:
        sys.exit(f"build_web: `{' '.join(command[:2])}` failed in {WEB} (exit {result.returncode})")


def copy() -> None:
    """Copy the files the page loads into a fresh vendor folder."""
    missing = [source for source, _ in FILES if not (MODULES / source).exists()]
    if missing:
        sys.exit(f"build_web: missing in {MODULES}: {', '.join(missing)}; run without --skip-npm")
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for source, destination in FILES:
        target = VENDOR / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        if (MODULES / source).is_dir():
            shutil.copytree(MODULES / source, target)
        else:
            shutil.copy2(MODULES / source, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-npm", action="store_true", help="copy from an existing web/node_modules")
    args = parser.parse_args()
    if not args.skip_npm:
        install()
    copy()
    size = sum(f.stat().st_size for f in VENDOR.rglob("*") if f.is_file())
    print(f"build_web: {len(FILES)} entries vendored into {VENDOR.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
