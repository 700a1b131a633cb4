# Caseworker developer tasks. Every target does its own set-up (Debian packages through scripts/setup-system.sh,
# the virtual environment in .venv), so on a fresh Debian 12 `make run` and `make test` are all you need.
#
#   make run          open the application on the demo database (built on first start)
#   make test         quality gates + the whole test suite, SQLite and PostgreSQL (what .ci/run calls)
#   make lint         only the gates: ruff, misc checks, forms/translations up to date, import layers, mypy
#   make fix          let ruff fix what it can safely (import order by layer, pyupgrade, ...)
#   make format       ruff format (not a gate; run it on your own files)
#   make forms        compile ui/*.ui into caseworker_app/gui/forms/ui_*.py
#   make translations update resources/translations/*.ts from the sources and compile the .qm files
#   make build        PyInstaller one-folder build in dist/caseworker/ (slower; not part of make test)
#   make build-test   build, then the frozen program's `selftest` and a start of its window on a demo database
#   make bench        run the unattended benchmarks (BENCH=rules for one; see benchmarks/)
#   make clean        remove build output and caches (make distclean also removes .venv)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_STAMP := $(VENV)/.stamp-dev
BUILD_STAMP := $(VENV)/.stamp-build
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: help setup display-check run test lint fix format forms translations build build-test bench clean distclean

help:
	@sed -n 's/^#   make /make /p' Makefile

# The virtual environment, re-installed only when pyproject.toml changes.
$(BIN)/python:
	@scripts/setup-system.sh base
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Caseworker needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	@touch $@

$(BUILD_STAMP): pyproject.toml $(DEV_STAMP)
	$(PIP) install -e '.[dev,build]'
	@touch $@

setup: $(DEV_STAMP)
	@scripts/setup-system.sh test
	@scripts/setup-system.sh run

# Headless without an off-screen platform: say how to run it instead of letting Qt abort with a plugin trace.
# (A prerequisite listed before $(DEV_STAMP), so it answers before any installing starts.)
display-check:
	@if [[ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}$${QT_QPA_PLATFORM:-}" ]]; then \
	  echo "make run: no display (DISPLAY and WAYLAND_DISPLAY are not set). Run it one of these ways:" >&2; \
	  echo "  QT_QPA_PLATFORM=offscreen make run      # starts without a visible window (smoke test)" >&2; \
	  echo "  xvfb-run -a make run                    # in a virtual X server (apt-get install xvfb xauth)" >&2; \
	  echo "  ssh -X / a desktop session, then make run" >&2; \
	  exit 2; \
	fi

run: display-check $(DEV_STAMP)
	@scripts/setup-system.sh run
	@scripts/run.sh

test: $(DEV_STAMP)
	@scripts/setup-system.sh test
	@scripts/check.sh test

lint: $(DEV_STAMP)
	@scripts/check.sh lint

fix: $(DEV_STAMP)
	$(BIN)/ruff check --fix .

format: $(DEV_STAMP)
	$(BIN)/ruff format .

forms: $(DEV_STAMP)
	$(BIN)/python scripts/dev/build_ui.py

translations: $(DEV_STAMP)
	$(BIN)/python scripts/dev/build_translations.py

build: $(BUILD_STAMP)
	@scripts/setup-system.sh build
	$(BIN)/python scripts/dev/build_ui.py --check
	$(BIN)/python scripts/dev/build_translations.py --check
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# The frozen program must pass its selftest, and open its main window on a small demo database and quit cleanly.
build-test: build
	QT_QPA_PLATFORM=offscreen dist/caseworker/caseworker selftest
	@home=$$(mktemp -d); trap 'rm -rf "$$home"' EXIT; export CASEWORKER_HOME=$$home QT_QPA_PLATFORM=offscreen; \
	set -x; dist/caseworker/caseworker db upgrade; dist/caseworker/caseworker demo --debtors 50 --seed 1 >/dev/null; \
	CASEWORKER_QUIT_WHEN_READY=1 dist/caseworker/caseworker gui
	@echo "build-test: the frozen program in dist/caseworker/ works"

# Benchmarks that run unattended; bench_search needs a prepared million-debtor database (see its docstring).
# One only: make bench BENCH=rules. Reports go to stdout (bench_startup's Markdown to build/bench/).
BENCH ?= rules position startup demo
bench: $(DEV_STAMP)
	@mkdir -p build/bench; \
	for name in $(BENCH); do \
	  args=""; [[ $$name == startup ]] && args="--output build/bench/perf-startup.md"; \
	  echo "=== benchmarks/bench_$$name.py $$args"; \
	  $(BIN)/python benchmarks/bench_$$name.py $$args || exit 1; \
	done

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
