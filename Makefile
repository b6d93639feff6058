# Two entry points from a fresh clone: `make serve` and `make test`; `make
# help` lists the others. The virtualenv is rebuilt only when
# requirements.lock changes, so after the first install no target but `lock`
# needs the network. What `make test` checks is listed in one place: the
# page "How this site stays correct", docs/contributing.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-from-lock

.DEFAULT_GOAL := help
.PHONY: help serve build build-zensical test lint workflows pytest coverage \
	format lock layer benchmark benchmark-audit bench-suite page-weight \
	diagrams clean test-live live-sweep

help: ## List the targets, one line each
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-15s %s\n", $$1, $$2 }' \
		$(MAKEFILE_LIST)

# The footer names the boto3 and moto the snippets were tested with: the
# locked versions, which mkdocs.yml reads from these variables.
locked = $(shell sed -n 's/^$(1)==\([^ ;]*\).*/\1/p' requirements.lock)
export VERIFIED_BOTO3 := $(call locked,boto3)
export VERIFIED_MOTO := $(call locked,moto)

serve: $(INSTALLED) ## The site, with live reload, on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(INSTALLED) ## Build the published site into site/
	$(BIN)/mkdocs build --strict --site-dir site

# The same docs/ and mkdocs.yml built with Zensical, Material's successor,
# into its own folder (docs/maintenance.md). It keeps a cache in .cache/.
build-zensical: $(INSTALLED) ## Build the same site with Zensical, into site-zensical/
	SITE_DIR=site-zensical $(BIN)/zensical build --strict

# The tests that connect to a database start a throwaway PostgreSQL server
# of their own. On a machine without PostgreSQL, outside CI, they are skipped
# with a note on how to install it, and the examples only they run are left
# out of the coverage total. With CI set, they fail. One rule finds it.
POSTGRESQL = $(shell $(PYTHON) tests/support/postgres_programs.py)
NEEDS_POSTGRESQL := examples/connect_database.py,examples/rotate_postgres.py
COVERAGE_OMIT = $(if $(POSTGRESQL)$(CI),,--omit=$(NEEDS_POSTGRESQL))

# In this order: lint explains most failures in a second.
test: lint workflows pytest coverage ## Every check (docs/contributing.md)

lint: $(INSTALLED) ## Ruff's lint and format check
	$(BIN)/ruff check examples tests benchmarks
	$(BIN)/ruff format --check examples tests benchmarks

# Ours, and the example workflow that docs/how-to/audit.md shows.
WORKFLOWS := .github/workflows/*.yml examples/audit_workflow.yml
workflows: $(INSTALLED) ## GitHub's workflow schema and zizmor, offline
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows \
		$(WORKFLOWS)
	$(BIN)/zizmor --offline --quiet $(WORKFLOWS)

# On every core; tests/support/shared.py keeps some tests together.
pytest: $(INSTALLED) ## The tests, measuring the coverage of examples/
	$(BIN)/pytest --numprocesses auto --dist loadgroup --cov --cov-report=

coverage: $(INSTALLED) ## Fail unless the last pytest ran every line of examples/
	$(BIN)/coverage report --fail-under=100 $(COVERAGE_OMIT)

# Against the AWS sandbox account, with the shell's credentials: see "Live
# runs against AWS" on docs/contributing.md. Both refuse to start unless
# DOCS_LIVE_OPT_IN=1, DOCS_LIVE_REGION and DOCS_LIVE_ACCOUNT_ID are set and
# the credentials belong to that account.
LIVE_SWEEP_MINUTES ?= 120
test-live: $(INSTALLED) ## The example tests against the AWS sandbox account
	$(BIN)/pytest --live tests/examples

live-sweep: $(INSTALLED) ## Delete what live runs older than LIVE_SWEEP_MINUTES left
	$(BIN)/python -m tests.support.live $(LIVE_SWEEP_MINUTES)

format: $(INSTALLED) ## Fix what ruff can: lint and formatting
	$(BIN)/ruff check --fix examples tests benchmarks
	$(BIN)/ruff format examples tests benchmarks

# diagrams/NAME.d2 -> docs/assets/NAME-light.svg and NAME-dark.svg. Commit
# both; make test fails while they differ from a fresh rendering.
diagrams: $(INSTALLED) ## Render diagrams/*.d2 to the SVGs in docs/assets
	PATH="$(CURDIR)/$(BIN):$$PATH" sh diagrams/render.sh docs/assets

# Figures, not pass/fail: see benchmarks/. They run from the root, so that
# they import tests.support; the examples they import are on PYTHONPATH.
benchmark: $(INSTALLED) ## What the secretm cache saves over 1,000 invocations
	PYTHONPATH=examples $(BIN)/python -m benchmarks.secretm_cache

benchmark-audit: $(INSTALLED) ## The audit's time and API calls for 100 to 1,000 secrets
	PYTHONPATH=examples $(BIN)/python -m benchmarks.audit

page-weight: $(INSTALLED) ## What each page costs a browser on first load
	$(BIN)/python -m benchmarks.page_weight

bench-suite: $(INSTALLED) ## Time `make test`: the median of three runs
	$(BIN)/python -m benchmarks.suite

# Re-resolve pyproject.toml into exact, hashed pins (needs the network).
# Current pins are kept unless LOCK_FLAGS allows upgrades: --upgrade for all,
# or --upgrade-package NAME for one.
LOCK_FLAGS ?=
lock: $(INSTALLED) ## Re-pin pyproject.toml into requirements.lock
	$(BIN)/uv pip compile pyproject.toml --all-extras --universal \
		--python-version 3.11.5 --generate-hashes $(LOCK_FLAGS) \
		--custom-compile-command "make lock" --output-file requirements.lock

$(INSTALLED): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

clean: ## Remove the virtualenv and everything built or measured
	rm -rf $(VENV) site site-zensical .cache build dist .pytest_cache \
		.ruff_cache .coverage .coverage.*

# The secretm Lambda layer: Lambda mounts a layer's python/ at /opt/python.
# Powertools and its pure-Python dependencies come from the locked .venv.
LAYER_DEPENDENCIES := aws_lambda_powertools jmespath typing_extensions.py
SITE_PACKAGES = $(wildcard $(VENV)/lib/python3*/site-packages)

layer: $(INSTALLED) ## Build the secretm layer into dist/secretm-layer.zip
	rm -rf build/layer dist/secretm-layer.zip
	mkdir -p build/layer/python dist
	cp -r examples/secretm build/layer/python/
	cd $(SITE_PACKAGES) && cp -r $(LAYER_DEPENDENCIES) $(CURDIR)/build/layer/python/
	find build/layer -name __pycache__ -prune -exec rm -rf {} +
	cd build/layer && $(CURDIR)/$(BIN)/python -m zipfile -c $(CURDIR)/dist/secretm-layer.zip python
