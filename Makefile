# One front door: CI runs `make test` unchanged (see .ci/run).
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
PYTHON ?= python3
UV := $(PYTHON) -m uv
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus
DB ?= sqlite:///whereas.db
PYTEST_ARGS ?= -n 2
# SQLite's ranking function for search (whereas.store.native), built from C when a compiler is here.
NATIVE := src/whereas/store/native/_whereas_bm25.so

.PHONY: setup chromium check test run ingest-corpus clean bench

setup: $(BIN)/whereas $(NATIVE) chromium

# Without a C compiler or SQLite's headers search ranks with FTS5's bm25(): same results, slower.
$(NATIVE): src/whereas/store/native/whereas_bm25.c
	@if command -v $(CC) >/dev/null 2>&1 && [ -f /usr/include/sqlite3ext.h ]; then \
		echo "$(CC) $< -> $@"; $(CC) -O2 -Wall -Wextra -shared -fPIC -o $@ $< -lm; \
	else echo "no $(CC) or no /usr/include/sqlite3ext.h (libsqlite3-dev): search ranks with bm25()" >&2; fi

# Browser tests drive Debian's chromium (never `playwright install`): installed when missing,
# as root only; a no-op when present.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "no /usr/bin/chromium: browser tests will be skipped (apt-get install chromium as root)" >&2; fi; \
	fi

$(BIN)/whereas: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	touch $@

check: setup
	$(BIN)/ruff check src tests $(wildcard eval bench)
	$(BIN)/ruff format --check src/whereas/store/migrations
	$(BIN)/mypy

test: check
	$(BIN)/pytest $(PYTEST_ARGS)

ingest-corpus: setup
	@if [ -d "$(CORPUS)" ]; then \
		$(BIN)/whereas ingest --db "$(DB)" "$(CORPUS)"; \
	else \
		echo "no corpus at $(CORPUS): fetching a sample store from the European Parliament" >&2; \
		for ref in "2025/2691(RSP)" "2021/2540(RSP)" "2022/2505(RSP)"; do \
			$(BIN)/whereas fetch procedure "$$ref" --db "$(DB)" --quiet || true; \
		done; \
		$(BIN)/whereas fetch sitting 2024-09-18 --db "$(DB)" --quiet || true; \
	fi

run: ingest-corpus
	$(BIN)/whereas embed --db "$(DB)"
	$(BIN)/whereas stats --db "$(DB)"
	$(BIN)/whereas serve --db "$(DB)" --host 127.0.0.1 --port 8000

bench: setup
	$(BIN)/python bench/ingest.py --scale 1000 --scale 10000 --load --write

clean:
	rm -rf $(VENV) $(NATIVE) .mypy_cache .ruff_cache .pytest_cache whereas.db whereas.db-wal whereas.db-shm
