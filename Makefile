# Two commands do everything on a fresh machine with python3 (3.10+) and make:
#   make demo   - set up .venv, extract claims from the example article, show them
#   make test   - set up .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := build/demo

.PHONY: demo test lint bench dogfood clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(DEMO)
	$(BIN)/factcheck extract claims/ots-summit-2025.txt -o $(DEMO)/ots-summit-2025.yaml --force
	$(BIN)/factcheck show $(DEMO)/ots-summit-2025.yaml
	$(BIN)/factcheck status claims/

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests benchmarks scripts

dogfood: $(STAMP)
	$(BIN)/factcheck validate claims/
	$(BIN)/factcheck check claims/

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_status.py
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf build .pytest_cache .hypothesis
