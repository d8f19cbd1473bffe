# One entry point for setting up, running and checking prisonwatch.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
DEMO_DIR := data/demo
# Trust the machine's own certificate store (uv ships its own roots otherwise), so installs work
# behind the TLS-inspecting proxies some build machines have.
export UV_SYSTEM_CERTS ?= 1

.PHONY: install system-deps demo test fmt lint types pytest lock bench clean train

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q "uv==$(UV_VERSION)"
	$(BIN)/uv pip sync -q --compile-bytecode --python $(BIN)/python --require-hashes requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	touch $@

# Re-resolve pinned dependencies (with hashes) after editing pyproject.toml.
lock:
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --extra ray --python-version 3.11 --generate-hashes -o requirements.lock
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --extra ray --extra bench --python-version 3.11 --generate-hashes -o requirements-bench.lock

# Rebuild the extraction decision model from the gold corpora (deterministic; commit the file).
train: install
	$(BIN)/prisonwatch train ../shared/data/news_dev ../shared/data/news_dev2

demo: install
	bash scripts/demo.sh $(DEMO_DIR)

fmt: install
	$(BIN)/ruff format src tests benchmarks scripts

lint: install
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/lint-imports

types: install
	$(BIN)/mypy src/prisonwatch

system-deps:
	bash scripts/system-deps.sh

pytest: install system-deps
	$(BIN)/python -m pytest -W error -n 2 --timeout 600 $(PYTEST_ARGS)

test: lint types pytest

bench: install
	$(BIN)/uv pip sync -q --python $(BIN)/python --require-hashes requirements-bench.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
