# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLES := src/tacitus/data/samples

.PHONY: run test setup setup-test lint bench clean

$(BIN)/tacitus: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(BIN)/tacitus

# the test environment adds pytest, the API/browser test clients, pyspark (the Spark tests run too),
# pandas/polars (the DataFrame API) and pyogrio/geopandas (the GIS exports)
$(VENV)/.test-deps: $(BIN)/tacitus
	$(BIN)/pip install --quiet -e '.[test,spark,frames,geo]'
	touch $@

setup: $(BIN)/tacitus
setup-test: $(VENV)/.test-deps

HOST ?= 127.0.0.1
PORT ?= 8000

## the main job: the bundled sample articles -> records (out/samples.jsonl) -> the DuckDB store -> the explorer
run: setup
	$(BIN)/tacitus extract $(SAMPLES) --out out/samples.jsonl
	$(BIN)/tacitus summary out/samples.jsonl
	$(BIN)/tacitus ingest $(SAMPLES) --db tacitus.duckdb
	$(BIN)/tacitus query --db tacitus.duckdb --clusters --limit 15
	$(BIN)/tacitus serve --db tacitus.duckdb --host $(HOST) --port $(PORT)

## lint, then the test suite (slow, browser and Spark tests included)
test: setup-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q

lint: setup-test
	$(BIN)/ruff check src tests benchmarks

bench: setup-test
	$(BIN)/python benchmarks/throughput.py --n 2000
	$(BIN)/python benchmarks/store.py --sizes 2000,10000
	$(BIN)/python benchmarks/explorer.py --events 100000
	$(BIN)/python benchmarks/spark.py --sizes 500,2000

clean:
	rm -rf $(VENV) out test-output .pytest_cache
