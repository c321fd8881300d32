# Two commands: `make demo` (install, seed, serve) and `make test` (install, run the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Build steps (translations, static files) read no secret and write the same files whatever DEBUG is;
# they run in debug mode so that they work before any production variable is set.
BUILD_ENV := DEBUG=true

.PHONY: demo test test-sqlite test-postgres install install-test assets messages static chromium bench clean

# The demo, and only the demo, runs in debug mode with the demo data (and its known logins).
demo: install assets messages static
	DEBUG=true $(BIN)/zonebridge run --demo

test: install-test assets messages static chromium
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

# The whole suite, engine included, on SQLite (the zero-install default).
test-sqlite:
	env -u DATABASE_URL $(BIN)/pytest

# Everything that touches the database again on PostgreSQL; the engine has no database to vary.
test-postgres:
	DATABASE_URL=$(POSTGRES_URL) CONN_MAX_AGE=0 $(BIN)/pytest --ignore=tests/engine

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: node_modules/.package-lock.json

# Compiled catalogs are built here, never committed.
messages: | $(BIN)/python
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	cd src/zonebridge && $(BUILD_ENV) ../../$(BIN)/zonebridge compilemessages --verbosity 0

static: assets | $(BIN)/python
	$(BUILD_ENV) $(BIN)/zonebridge collectstatic --noinput --verbosity 0

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

bench: install-test assets messages static
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/placement.py
	$(BIN)/python bench/scheduling.py
	$(BIN)/python bench/ranking_eval.py
	$(BIN)/python bench/ranking_speed.py
	$(BIN)/python bench/opportunities.py

clean:
	rm -rf $(VENV) node_modules staticfiles var
