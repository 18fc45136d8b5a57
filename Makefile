# The two jobs of the README: `make serve` and `make test`. Each sets up what it needs first.
VENV ?= .venv
PYTHON ?= python3

.PHONY: setup clients serve build test

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

clients:
	bash .ci/install-clients.sh

build: setup
	$(VENV)/bin/atkg build

serve: setup
	$(VENV)/bin/atkg serve

test: setup clients
	$(VENV)/bin/pytest
