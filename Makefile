# The two commands of the README: `make run` and `make test`.
# Each creates .venv when it is missing and re-installs when pyproject.toml changed:
# `make run` installs the runtime only (what a member needs), the other targets the dev tools.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
STAMP   := $(VENV)/.dev-installed

.PHONY: run test bench lint i18n tour tour-all dist check-dist clean

$(RUNTIME): pyproject.toml
	@echo "Creating $(VENV) and installing the client's runtime (first run, or pyproject.toml changed; about a minute)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -e .
	@touch $(RUNTIME)
	@echo "Runtime installed in $(VENV)."

$(STAMP): $(RUNTIME)
	@echo "Installing the developer tools into $(VENV) (pytest, ruff, mypy …; first time only)…"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --progress-bar off -e '.[dev]'
	@touch $(STAMP)

run: $(RUNTIME)
	@echo "Starting the client: $(BIN)/member-client $(ARGS)"
	@$(BIN)/member-client $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests examples
	$(BIN)/ruff format --check desktop_app tests examples
	$(BIN)/lint-imports
	$(BIN)/mypy

openapi: $(STAMP)
	$(BIN)/python tools/write_openapi.py

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Wall-clock budgets (GUI stalls, first rows of a long history): numbers, not pass/fail noise
# in the test run.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest bench -o 'python_files=bench_*.py' -s $(PYTEST_ARGS)

# The member's installer: a self-contained one-folder bundle, dist/member-client/ (+ a .tar.gz
# on Linux, .zip on Windows) with PyInstaller (packaging/; docs/deployment.md, "Installer").
# `make check-dist` proves on Linux that it starts with no Python and no system Qt (CI runs it).
DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): $(RUNTIME)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --progress-bar off -e '.[dist]'
	@touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	nice -n 10 $(BIN)/python packaging/build.py

check-dist: $(DIST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/check_bundle.py

# Re-extract messages.pot, update the catalogs and compile them (commit the result).
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ --no-location --sort-output --width=100 -o i18n/messages.pot desktop_app
	$(BIN)/pybabel update -i i18n/messages.pot -d i18n -D messages --no-fuzzy-matching --ignore-obsolete --width=100
	$(BIN)/pybabel compile -d i18n -D messages --statistics

# The published screenshots: the default look (標準, light), whatever this computer's settings say:
# docs/screenshots/ja, en and ja-kiosk (the branch kiosk, in Japanese).
TOUR := XDG_CONFIG_HOME=$$(mktemp -d) QT_QPA_PLATFORM=offscreen $(BIN)/member-client --now 2026-11-24T10:00
tour: $(STAMP)
	$(TOUR) --screenshot-tour docs/screenshots
	$(TOUR) --kiosk --lang ja --screenshot-tour docs/screenshots

# Every screen in ja, en, ja-kiosk and en-kiosk at 標準 and the largest font size, to look at:
# DIR/<lang>[-kiosk]/<font>/NN_*.png (`make tour-all DIR=/tmp/tour`; tools/tour_matrix.py --help).
tour-all: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/tour_matrix.py $(or $(DIR),/tmp/tour-all)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
