# kroniek: the targets the README names.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DB ?= kroniek.duckdb
PORT ?= 8700
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system python web run ingest serve test test-fast lint format-check typecheck bench eval clean

## setup: Debian packages (Frog) and the Python environment, then `kroniek doctor`
## (fails, saying why and what to do, when Frog cannot run here)
setup: system python
	$(BIN)/kroniek doctor --db $(DB)

# Debian packages, as a fresh bookworm root (tools/fresh-machine-check) proves them needed:
# Frog (Dutch NLP) with its data: frogdata, and ucto's tokenizer rules in uctodata, without
# which Frog exits at startup ("Initialization failed for: [tokenizer]"); --no-install-recommends
# would leave ucto/uctodata out. python3-venv: Debian's python3 has no ensurepip without it.
# Chromium: the browser the UI tests drive, through Playwright's driver, whose node binary
# needs libatomic1. npm: fetches the browser libraries the pages use (`make web`); asked of apt
# only when no npm is on the PATH, because a NodeSource nodejs (which carries its own npm)
# conflicts with Debian's npm package and apt then refuses the whole install.
APT_PACKAGES := frog frogdata ucto uctodata python3-venv chromium libatomic1
NPM_PACKAGE = $(shell command -v npm >/dev/null 2>&1 || echo npm)

system:
	@if command -v frog >/dev/null 2>&1 && [ -f /usr/share/frog/nld/frog.cfg ] \
	    && [ -f /usr/share/ucto/tokconfig-nld ] && command -v chromium >/dev/null 2>&1 \
	    && /sbin/ldconfig -p 2>/dev/null | grep -q 'libatomic\.so\.1' && command -v npm >/dev/null 2>&1 \
	    && $(PYTHON) -c 'import ensurepip' >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  $(SUDO) apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(APT_PACKAGES) $(NPM_PACKAGE); \
	else \
	  echo "make system: no apt-get here; install Frog with frogdata and uctodata, Chromium, libatomic, npm and a Python >= 3.11 with venv yourself (README.md, 'Without apt'), then run make again" >&2; \
	  exit 1; \
	fi

python: $(BIN)/kroniek

$(BIN)/kroniek: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

## web: the browser libraries (d3, Swagger UI, Redoc, axe-core for the tests) from the npm
## registry, at the versions web/package-lock.json pins, copied where the server serves them;
## nothing third-party is committed
VENDOR := src/kroniek/api/static/vendor
VENDOR_FILES := d3/dist/d3.min.js swagger-ui-dist/swagger-ui-bundle.js swagger-ui-dist/swagger-ui.css \
	redoc/bundles/redoc.standalone.js axe-core/axe.min.js

web: $(VENDOR)/.fetched

$(VENDOR)/.fetched: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --ignore-scripts
	mkdir -p $(VENDOR)
	cp $(addprefix web/node_modules/,$(VENDOR_FILES)) $(VENDOR)/
	@touch $@

## run: set up, ingest the bundled sample corpus, serve the UI on http://127.0.0.1:$(PORT)/
run: setup ingest serve

ingest: setup
	-$(BIN)/kroniek ingest samples/pages samples/html samples/records \
	  --captures samples/fetched_at.tsv --db $(DB)

serve: setup web
	$(BIN)/kroniek serve --db $(DB) --port $(PORT)

## test: what CI runs: format check, lint, type check, the fast tier, then the whole suite
test: setup web format-check lint typecheck test-fast
	$(BIN)/pytest -q

## test-fast: the tests that need neither Frog nor a browser, server or cluster (under 30 s)
test-fast: python
	$(BIN)/pytest -q -m "not frog and not slow"

## lint: ruff's rules (pyproject.toml [tool.ruff.lint]) over the code, tests, benchmarks, tools
lint: python
	$(BIN)/ruff check src tests bench tools

## format-check: the code is as `ruff format` writes it (run `ruff format src tests bench tools`)
format-check: python
	$(BIN)/ruff format --check src tests bench tools

## typecheck: mypy over src/ (pyproject.toml [tool.mypy])
typecheck: python
	$(BIN)/mypy

## eval: figures and floors on the three dev sets: seeds and real-dev (from ../shared), samples/gold
eval: setup
	mkdir -p out
	$(BIN)/kroniek extract ../shared/seeds --fetched-at 2026-01-29T10:00:00Z > out/seeds.jsonl
	$(BIN)/kroniek extract samples/pages samples/html --captures samples/fetched_at.tsv > out/samples.jsonl
	$(BIN)/kroniek extract ../shared/corpus/real-dev/pages > out/real-dev.jsonl
	@fail=0; for set in "seeds ../shared/gold/seeds baseline.yaml" "samples samples/gold baseline_samples.yaml" \
	    "real-dev ../shared/gold/real-dev baseline_real_dev.yaml"; do \
	  set -- $$set; echo "== $$1 (floors: bench/$$3)"; \
	  $(BIN)/kroniek eval --gold $$2 out/$$1.jsonl --baseline bench/$$3 --misses out/$$1.misses.jsonl || fail=1; \
	done; exit $$fail

## bench: pages/s and peak memory (distinct pages), a generated crawl (pages/s and distinct
## texts/s), and plain Frog against kroniek over the same pages; Frog's disk cache off
bench: setup
	KRONIEK_FROG_CACHE= $(BIN)/python bench/throughput.py
	KRONIEK_FROG_CACHE= $(BIN)/python bench/crawl.py
	KRONIEK_FROG_CACHE= $(BIN)/python bench/vs_frog.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal out web/node_modules $(VENDOR)
