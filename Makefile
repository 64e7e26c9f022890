# The two commands a new user runs: `make demo` and `make test`. Nothing else by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export MUNICIPIUM_VAR_DIR ?= $(CURDIR)/var
PORT ?= 8000

.PHONY: demo test bench install lint migrations-check test-sqlite test-postgres test-browser test-cluster cluster services clean

$(BIN)/municipium: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

install: $(BIN)/municipium

## demo: install, create the SQLite database, load the five sites, serve with gunicorn on :8000
demo: install
	bash scripts/system-packages.sh runtime
	$(BIN)/municipium migrate --noinput
	$(BIN)/municipium demo
	$(BIN)/municipium collectstatic --noinput --verbosity 0
	@echo "Serving the demo with gunicorn on port $(PORT); the installation's index: http://127.0.0.1:$(PORT)/"
	exec $(BIN)/municipium serve --bind 127.0.0.1:$(PORT)

services:
	bash scripts/system-packages.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

migrations-check: install
	MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/municipium makemigrations --check --dry-run

test-sqlite: install
	MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/pytest -m "not browser" -q -p no:cacheprovider

test-postgres: install services
	@url=$$(bash scripts/postgres.sh start); \
	DATABASE_URL=$$url MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/pytest -m "not browser" -q -p no:cacheprovider; status=$$?; \
	bash scripts/postgres.sh stop; exit $$status

test-browser: install services
	$(BIN)/pytest -m browser -q -p no:cacheprovider

## test-cluster: nginx, two app servers, a worker, PostgreSQL and Redis, all started for the run
## (municipium.cluster): shared state through nginx and the fault tests (tests/cluster)
test-cluster: install services
	$(BIN)/pytest -m cluster -q -p no:cacheprovider -s tests/cluster

## cluster: the same cluster with the demo, until Ctrl-C (SERVERS=3 for three app servers)
SERVERS ?= 2
cluster: install services
	$(BIN)/municipium cluster --servers $(SERVERS)

## test: lint, migrations, the suite on SQLite and on PostgreSQL side by side (a core each; each
## in its own var directory, its output printed whole when it ends), then the browser tests
test: lint migrations-check
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory test-cluster

## bench: the production server under wrk; writes bench/results/foundation.md, then the same
## pages through nginx with app servers on PostgreSQL and Redis: bench/results/cluster.md
bench: install services
	$(BIN)/python bench/foundation.py
	$(BIN)/python bench/cluster.py

clean:
	rm -rf $(VENV) var screenshots bench/results

## messages: refresh the tr, fa and pl catalogues from the code, then compile them (needs gettext)
.PHONY: messages
messages: install
	MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/municipium makemessages -l tr -l fa -l pl \
		--ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='bench/*' --no-obsolete
	MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/municipium compilemessages --ignore='.venv/*'

## wagtail-messages: refresh and compile municipium/wagtail_locale, the Wagtail strings that
## Wagtail's own tr, fa and pl catalogues lack (translate new empty entries, then run it again)
.PHONY: wagtail-messages
wagtail-messages: install
	MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/python scripts/wagtail_messages.py --update
	for po in municipium/wagtail_locale/*/LC_MESSAGES/*.po; do msgfmt --check -o $${po%.po}.mo $$po || exit 1; done
	MUNICIPIUM_VAR_DIR=$$(mktemp -d) $(BIN)/python scripts/wagtail_messages.py --check
