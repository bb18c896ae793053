# The few commands people type. The README names the two that matter: `make run`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres:///mejabantu
PYTEST_ARGS ?=
JOBS ?= 2

.PHONY: install messages run test test-sqlite test-postgres test-services lint format makemessages bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

messages: install
	$(BIN)/python scripts/compile_messages.py

run: install messages
	MEJABANTU_DEMO=$${MEJABANTU_DEMO:-1} PORT=$(PORT) $(BIN)/mejabantu run

test-services:
	bash scripts/test-services.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	MEJABANTU_DEMO=1 $(BIN)/mejabantu makemigrations --check --dry-run
	MEJABANTU_DEMO=1 $(BIN)/mypy mejabantu

# Tests run in demo mode (generated secret key, demo accounts); each database gets a var/ of its own.
test-sqlite: install messages
	MEJABANTU_DEMO=1 $(BIN)/pytest -n $(JOBS) $(PYTEST_ARGS)

test-postgres: install messages
	MEJABANTU_DEMO=1 DATABASE_URL=$(PG_URL) $(BIN)/pytest -n $(JOBS) $(PYTEST_ARGS)

test: install messages test-services lint
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory test-sqlite && \
	$(MAKE) --no-print-directory test-postgres && \
	echo "suite on SQLite and PostgreSQL took $$(( $$(date +%s) - start )) s"

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

makemessages: install
	MEJABANTU_DEMO=1 $(BIN)/python scripts/make_messages.py

bench: install messages
	@echo "See bench/README.md for each benchmark and how to run it."
