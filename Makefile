# The two commands: `make run` (install, database, gazetteer, samples, serve with a worker)
# and `make test` (the whole test suite). Everything installs into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test install setup lint bench stop clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) ensure_admin
	$(MANAGE) load_gazetteer
	$(MANAGE) import_documents --sync fixtures/samples
	$(MANAGE) load_demo

run: setup
	$(MANAGE) runlocal

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m bench

stop:
	$(BIN)/python -c "from config import local_services as s; v = s.var_dir(); s.stop_local_run(v); s.stop_local_redis(v); s.stop_embedded_database(v)"

clean: stop
	rm -rf var staticfiles
