# Quick start: `make run` serves the portal on http://127.0.0.1:8000, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
URL_PREFIX ?=

# `make run` serves the production configuration over plain HTTP on this machine,
# with the demo app installed; the secret key is read from var/secret-key.txt,
# which the first install writes. `make run URL_PREFIX=/xxgk/rsj` serves it under
# that path (gunicorn's configuration passes it on as SCRIPT_NAME).
RUN_ENV = URL_PREFIX="$(URL_PREFIX)" DEBUG=0 DEMO=1 SECURE_HTTPS=0 ALLOWED_HOSTS="127.0.0.1,localhost,[::1],$(HOST)"

.PHONY: run dev test lint check clean

$(PY): | var/secret-key.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.base-installed: requirements/base.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.test-installed: requirements/test.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements/test.txt
	touch $@

var/secret-key.txt:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: $(VENV)/.base-installed
	$(RUN_ENV) $(PY) manage.py migrate --no-input
	$(RUN_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(RUN_ENV) $(PY) manage.py bootstrap
	$(RUN_ENV) $(PY) manage.py seed_demo
	@echo "网站：http://$(HOST):$(PORT)$(URL_PREFIX)/    管理后台：http://$(HOST):$(PORT)$(URL_PREFIX)/admin/"
	$(RUN_ENV) $(VENV)/bin/gunicorn portal.wsgi --config python:portal.gunicorn_conf --bind "$(HOST):$(PORT)" --access-logfile -

# Development server with DEBUG on and code reloading.
dev: $(VENV)/.base-installed
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py bootstrap
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py runserver "$(HOST):$(PORT)"

test: $(VENV)/.test-installed
	$(PY) -m pytest

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) var/static
