# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint clean

$(BIN)/wiretrace: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/wiretrace
	$(BIN)/wiretrace demo

lint: $(BIN)/wiretrace
	$(BIN)/ruff check src tests benchmarks

test: lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache src/*.egg-info
