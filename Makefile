# Two commands a new user needs: `make demo` and `make test`.
# Each creates or refreshes the local virtual environment .venv by itself.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-output

.PHONY: demo test lint typecheck unit bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The runtime install, refreshed whenever pyproject.toml changes.
$(VENV)/.run-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test install: runtime plus the dev and spark extras.
$(VENV)/.dev-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $@ $(VENV)/.run-stamp

demo: $(VENV)/.run-stamp
	$(BIN)/allegiance demo --out $(DEMO_DIR)

test: $(VENV)/.dev-stamp lint typecheck unit

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(VENV)/.dev-stamp
	$(BIN)/mypy

unit: $(VENV)/.dev-stamp
	$(BIN)/python -m pytest -q

bench: $(VENV)/.dev-stamp
	$(BIN)/python benchmarks/run.py

screenshots: $(VENV)/.dev-stamp
	$(BIN)/python tools/screenshots.py --out screenshots

clean:
	rm -rf $(VENV) $(DEMO_DIR) build *.egg-info
