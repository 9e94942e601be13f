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
.PHONY: help install assets browser migrate demo run test lint check pytest bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(STAMP_PY): pyproject.toml
	@command -v $(PYTHON) >/dev/null || (echo "$(PYTHON) is needed" && exit 1)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(STAMP_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): $(STAMP_JS) site/assets/portal.scss site/assets/copy.js
	npm run --silent build

install: $(STAMP_PY) $(STAMP_JS) ## Create .venv and install Python and npm packages

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

lint: install ## ruff format check and ruff lint
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

check: install ## Django system checks and missing-migration check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

pytest: install assets browser ## Run the test suite (DATABASE_URL picks the database; SQLite by default)
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint check pytest ## Everything CI runs on SQLite: format, lint, checks and the tests

# The benches fill their own database (thousands of children and messages), never the demo's.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench.sqlite3

bench: assets install ## Print performance figures (own database; BENCH_DATABASE_URL to change it)
	mkdir -p var
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --no-input -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) createcachetable
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m bench.run

clean: ## Remove the virtual environment, node modules, built assets and local data
	rm -rf $(VENV) node_modules site/static/build var
