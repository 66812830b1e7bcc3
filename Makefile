# kroniek: the targets the README names.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DB ?= kroniek.duckdb
PORT ?= 8700
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system python run ingest serve test lint bench eval clean

## setup: Debian packages (Frog) and the Python environment
setup: system python

# Debian packages: Frog (Dutch NLP) and Chromium (the browser the UI tests drive).
system:
	@command -v frog >/dev/null 2>&1 && [ -d /usr/share/frog/nld ] && command -v chromium >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends frog frogdata chromium; }

python: $(BIN)/kroniek

$(BIN)/kroniek: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

## run: set up, ingest the bundled sample corpus, serve the UI on http://127.0.0.1:$(PORT)/
run: setup ingest serve

ingest: setup
	-$(BIN)/kroniek ingest samples/pages samples/html samples/records \
	  --captures samples/fetched_at.tsv --db $(DB)

serve: setup
	$(BIN)/kroniek serve --db $(DB) --port $(PORT)

## test: the whole test suite (CI runs exactly this)
test: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

## eval: dev-gold figures (needs ../shared)
eval: setup
	mkdir -p out
	$(BIN)/kroniek extract ../shared/seeds --fetched-at 2026-01-29T10:00:00Z > out/seeds.jsonl
	$(BIN)/kroniek eval --gold ../shared/gold/seeds out/seeds.jsonl --baseline bench/baseline.yaml

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal out
