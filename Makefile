# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/study $(ARGS)

# Workers: one more than the cores (tests/conftest.py); PYTEST_ARGS="-n 0 tests/core" runs a
# part in one process. Bytecode is kept even where the environment says not to write it: the
# suite starts the app in a hundred processes, and each would compile it again.
test: $(VENV)/.installed-test
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n auto $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check tui tests docs
	$(VENV)/bin/mypy

bench: $(VENV)/.installed-test
	$(PY) -m tests.bench $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
