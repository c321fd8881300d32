# Two commands: `make demo` (install, seed, serve) and `make test` (install, run the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Build steps (translations, static files) read no secret and write the same files whatever DEBUG is;
# they run in debug mode so that they work before any production variable is set.
BUILD_ENV := DEBUG=true

.PHONY: catalogs demo test test-sqlite test-postgres install install-test assets messages static chromium bench clean

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

# Regenerate the message catalogs after changing user-facing strings: the project's, and each app's own
# (an app with a locale/ folder keeps its catalog there, so apps built side by side never edit one file).
APP_CATALOGS := $(patsubst src/zonebridge/%/locale,%,$(wildcard src/zonebridge/*/locale))
catalogs: | $(BIN)/python
	cd src/zonebridge && $(BUILD_ENV) ../../$(BIN)/zonebridge makemessages -l zh_Hans -l zh_Hant -l en \
		--no-location --no-obsolete $(foreach app,$(APP_CATALOGS),--ignore=$(app)/*)
	for app in $(APP_CATALOGS); do (cd src/zonebridge/$$app && $(BUILD_ENV) ../../../$(BIN)/zonebridge makemessages \
		-l zh_Hans -l zh_Hant -l en --no-location --no-obsolete) || exit 1; done

static: assets | $(BIN)/python
	$(BUILD_ENV) $(BIN)/zonebridge collectstatic --noinput --verbosity 0

# Chromium, and CJK fonts so that Chinese pages are laid out in the browser tests as readers see them.
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@fc-list :lang=zh | grep -q . || (apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null)

bench: install-test assets messages static
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/placement.py
	$(BIN)/python bench/scheduling.py
	$(BIN)/python bench/event_schedule.py
	$(BIN)/python bench/ranking_eval.py
	$(BIN)/python bench/ranking_speed.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/programme_match.py
	$(BIN)/python bench/opportunities.py

clean:
	rm -rf $(VENV) node_modules staticfiles var
