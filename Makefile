# The single command surface of the project. `make run` and `make test` do all set-up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails point at the address `make run` serves on, unless SITE_URL is set.
SITE_URL ?= http://$(HOST):$(PORT)
STAMP_PY := $(VENV)/.installed
STAMP_JS := node_modules/.installed
ASSETS := site/static/build/portal.css

.DEFAULT_GOAL := help
.PHONY: help install lock assets browser migrate demo run test lint check pytest bench load clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

LOCK := requirements.lock

# Every package comes from the lock, checked against its hashes; the project itself is then
# installed (editable) without letting pip choose any dependency.
$(STAMP_PY): pyproject.toml $(LOCK)
	@command -v $(PYTHON) >/dev/null || (echo "$(PYTHON) is needed" && exit 1)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(STAMP_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): $(STAMP_JS) package.json site/assets/portal.scss site/assets/copy.js
	npm run --silent build

install: $(STAMP_PY) $(STAMP_JS) ## Create .venv and install Python and npm packages

# After changing a dependency (or its range) in pyproject.toml, run `make lock` and commit
# requirements.lock: it pins the newest versions the ranges allow, with their hashes.
lock: ## Regenerate requirements.lock (pinned, hashed) from the ranges in pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "pip-tools>=7.4,<8"
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml

# Browser tests drive the system's Chromium; Playwright's own browser download is not used.
browser: ## Install Debian's Chromium for the browser tests if it is missing
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

assets: $(ASSETS) ## Build GOV.UK Frontend styles and scripts into site/static/build

migrate: install ## Apply database migrations
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

demo: migrate ## Load the demo content (safe to repeat)
	$(MANAGE) load_demo_content

run: assets demo ## Set up everything and serve the portal with demo content on http://127.0.0.1:8000
	SITE_URL='$(SITE_URL)' $(MANAGE) runserver $(HOST):$(PORT)

lint: install ## ruff format check, ruff lint, the import-order contracts and ESLint
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	npm run --silent lint

check: install ## Django system checks and missing-migration check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

pytest: install assets browser ## Run the test suite (DATABASE_URL picks the database; SQLite by default)
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint check pytest ## Everything CI runs on SQLite: format, lint, checks and the tests

# The benches fill their own database (thousands of children and messages), never the demo's.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3

BENCH_SIZE ?= small
BENCH_SCALE ?= 1
BENCH_ENV := DJANGO_SETTINGS_MODULE=portal_site.settings.bench DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_SIZE=$(BENCH_SIZE)

bench: assets install ## Print performance figures (own database; BENCH_DATABASE_URL, BENCH_SIZE=large, BENCH_SCALE, HTTP=1)
	mkdir -p var
	$(BENCH_ENV) $(MANAGE) migrate --no-input -v0
	$(BENCH_ENV) $(MANAGE) createcachetable
	$(BENCH_ENV) $(MANAGE) bench_data --size $(BENCH_SIZE) --scale $(BENCH_SCALE)
	$(BENCH_ENV) $(BIN)/python -m bench.run
	$(if $(HTTP),$(BENCH_ENV) $(BIN)/python -m bench.http)

# The load run needs PostgreSQL; it creates and migrates its own database if missing.
LOAD_DATABASE_URL ?= postgres:///portal_load
LOAD_USERS ?= 50
LOAD_SECONDS ?= 300

load: assets install ## Professionals signing in and saving under gunicorn on PostgreSQL (LOAD_USERS, LOAD_SECONDS)
	DJANGO_SETTINGS_MODULE=portal_site.settings.bench DATABASE_URL=$(LOAD_DATABASE_URL) \
		LOAD_USERS=$(LOAD_USERS) LOAD_SECONDS=$(LOAD_SECONDS) $(BIN)/python -m bench.load

clean: ## Remove the virtual environment, node modules, built assets and local data
	rm -rf $(VENV) node_modules site/static/build var
