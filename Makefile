# Portal Hub: everyday commands.
#
#   make run     set up (venv, database, demo site group) and serve it on http://portal.localhost:8000/
#   make test    the test suite on SQLite, then again on a private PostgreSQL cluster when installed
#   make lint    ruff, Django's system checks and the missing-migrations check
#
# PYTEST_ARGS narrows a test run, e.g. make test PYTEST_ARGS="tests/tenancy -x".

SHELL := /bin/bash
VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
PORT ?= 8000
PYTEST_ARGS ?=
TEST_PARALLEL ?=
DB_LABEL ?= $(if $(DATABASE_URL),the DATABASE_URL database,SQLite)

.PHONY: run venv test test-sqlite test-postgres pytest lint format clean

venv: $(STAMP)

$(PYTHON):
	python3 -m venv $(VENV)

# Reinstall only when requirements.txt changed since the last install.
$(STAMP): requirements.txt | $(PYTHON)
	$(PYTHON) -m pip install --disable-pip-version-check --quiet -r requirements.txt
	touch $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_demo --port $(PORT)
	@echo
	@echo "  Portal:  http://portal.localhost:$(PORT)/"
	@echo "  Admin:   http://portal.localhost:$(PORT)/admin/"
	@echo "  Departments answer at http://<code>.localhost:$(PORT)/ (listed in the portal's 部门网站 bar)."
	@echo
	$(PYTHON) manage.py runserver 0.0.0.0:$(PORT)

# Both runs always happen, so one pass shows every failure; either failing fails the target.
# TEST_PARALLEL=1 runs the two at once (much faster on two idle cores, as in CI); each run's
# output is then printed as a block when it ends.
test: $(STAMP)
	@status=0; \
	if [ "$(TEST_PARALLEL)" = 1 ]; then \
		$(MAKE) --no-print-directory -k -j2 --output-sync=target test-sqlite test-postgres || status=1; \
	else \
		$(MAKE) --no-print-directory test-sqlite || status=1; \
		$(MAKE) --no-print-directory test-postgres || status=1; \
	fi; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED (see the runs above)" >&2; fi; \
	exit $$status

test-sqlite: $(STAMP)
	@echo "=== Test run on SQLite (in memory) ==="
	@env -u DATABASE_URL $(MAKE) --no-print-directory pytest DB_LABEL="SQLite"

test-postgres: $(STAMP)
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		echo "=== Test run on PostgreSQL (private throw-away cluster) ==="; \
		tests/postgres.sh $(MAKE) --no-print-directory pytest DB_LABEL="PostgreSQL"; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL not installed, but CI must test on it: apt-get install postgresql" >&2; exit 1; \
	else \
		echo "PostgreSQL not installed: the PostgreSQL run was skipped (apt-get install postgresql to run it)"; \
	fi

# One pytest run on whatever DATABASE_URL says, listing skip reasons and the slowest tests. Exit
# status 5 means nothing was collected: a test command that ran nothing must not pass.
pytest: $(STAMP)
	@start=$$(date +%s); status=0; \
	$(VENV)/bin/pytest -rs --durations=10 $(PYTEST_ARGS) || status=$$?; \
	echo "=== $(DB_LABEL) run finished in $$(( $$(date +%s) - start )) s with exit status $$status ==="; \
	if [ $$status -eq 5 ]; then \
		echo "FAILED: pytest collected no tests on $(DB_LABEL); a test run that runs nothing does not pass." >&2; \
		exit 1; \
	fi; \
	exit $$status

lint: $(STAMP)
	mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) manage.py check
	$(PYTHON) manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf test-artifacts var/static
