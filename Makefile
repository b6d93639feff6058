# Two entry points from a fresh clone: `make serve` and `make test`.
# The virtualenv is rebuilt only when requirements.lock changes, so after the
# first install neither target needs the network.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-from-lock

.PHONY: serve build build-zensical test format lock layer benchmark \
	page-weight diagrams clean

# The footer names the boto3 and moto the snippets were tested with: the
# locked versions, which mkdocs.yml reads from these variables.
locked = $(shell sed -n 's/^$(1)==\([^ ;]*\).*/\1/p' requirements.lock)
export VERIFIED_BOTO3 := $(call locked,boto3)
export VERIFIED_MOTO := $(call locked,moto)

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(INSTALLED)
	$(BIN)/mkdocs build --strict --site-dir site

# The same docs/ and mkdocs.yml built with Zensical, Material's successor,
# into its own folder (docs/maintenance.md). It keeps a cache in .cache/.
build-zensical: $(INSTALLED)
	SITE_DIR=site-zensical $(BIN)/zensical build --strict

# The rotation tests start a throwaway PostgreSQL server of their own
# (tests/postgres_server.py). On a machine without PostgreSQL, outside CI,
# they are skipped with a note on how to install it, and the examples only
# they run are left out of the coverage total. With CI set, they fail.
PG_CTL := $(firstword $(wildcard /usr/lib/postgresql/*/bin/pg_ctl) $(shell command -v pg_ctl))
NEEDS_POSTGRESQL := examples/connect_database.py,examples/rotate_postgres.py
COVERAGE_OMIT := $(if $(PG_CTL)$(CI),,--omit=$(NEEDS_POSTGRESQL))

# Lint and format first: they take a second and explain most failures.
# The workflows must match GitHub's schema and pass zizmor's audit, offline.
# Coverage must be complete: every line under examples/ runs in some test.
# The browser tests need Chromium (README.md); .ci/run installs it.
# Tests run on every core; see SHARED_FIXTURES in tests/conftest.py.
test: $(INSTALLED)
	$(BIN)/ruff check examples tests benchmarks
	$(BIN)/ruff format --check examples tests benchmarks
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows \
		.github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/workflows
	$(BIN)/pytest --numprocesses auto --dist loadgroup --cov --cov-report=
	$(BIN)/coverage report --fail-under=100 $(COVERAGE_OMIT)

format: $(INSTALLED)
	$(BIN)/ruff check --fix examples tests benchmarks
	$(BIN)/ruff format examples tests benchmarks

# diagrams/NAME.d2 -> docs/assets/NAME-light.svg and NAME-dark.svg. Commit
# both; make test fails while they differ from a fresh rendering.
diagrams: $(INSTALLED)
	PATH="$(CURDIR)/$(BIN):$$PATH" sh diagrams/render.sh docs/assets

# Figures, not pass/fail: see benchmarks/.
benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/secretm_cache.py

page-weight: $(INSTALLED)
	$(BIN)/python benchmarks/page_weight.py

# Re-resolve pyproject.toml into exact, hashed pins (needs the network).
# Current pins are kept unless LOCK_FLAGS allows upgrades: --upgrade for all,
# or --upgrade-package NAME for one.
LOCK_FLAGS ?=
lock: $(INSTALLED)
	$(BIN)/uv pip compile pyproject.toml --all-extras --universal \
		--python-version 3.11.5 --generate-hashes $(LOCK_FLAGS) \
		--custom-compile-command "make lock" --output-file requirements.lock

$(INSTALLED): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

clean:
	rm -rf $(VENV) site site-zensical .cache build dist .pytest_cache .ruff_cache .coverage

# The secretm Lambda layer: Lambda mounts a layer's python/ at /opt/python.
# Powertools and its pure-Python dependencies come from the locked .venv.
LAYER_DEPENDENCIES := aws_lambda_powertools jmespath typing_extensions.py
SITE_PACKAGES = $(wildcard $(VENV)/lib/python3*/site-packages)

layer: $(INSTALLED)
	rm -rf build/layer dist/secretm-layer.zip
	mkdir -p build/layer/python dist
	cp -r examples/secretm build/layer/python/
	cd $(SITE_PACKAGES) && cp -r $(LAYER_DEPENDENCIES) $(CURDIR)/build/layer/python/
	find build/layer -name __pycache__ -prune -exec rm -rf {} +
	cd build/layer && $(CURDIR)/$(BIN)/python -m zipfile -c $(CURDIR)/dist/secretm-layer.zip python
