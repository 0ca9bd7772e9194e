# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install messages chromium observatory validators idp lint format migrate seed bench-chat bench-dashboard clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

## The translations' .mo files are built here from the reviewed .po files (never committed).
install: $(STAMP)
	@if find . -name .venv -prune -o -name node_modules -prune -o -name '*.po' -print | grep -q .; then \
	  $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=tools >/dev/null; fi

## make messages: regenerates every catalogue from the code (then translate what is new, and
## `make install` compiles them). The project's (locale/: base.html, home, error and sign-in
## pages, accounts) from the root, leaving out each app that keeps its own; then each app with a
## locale/ directory, from inside it, as DEVELOPERS.md says. Both domains: django (templates,
## Python) and djangojs (scripts). tests/foundation/test_i18n_catalogues.py checks nothing is
## left out, with the same options.
APPS_WITH_CATALOGUES := groups sessions chat recognition support dashboards training activities scim sso
MESSAGES_OPTIONS := -l es -l fr --no-location --no-obsolete
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=tools --ignore=tests \
	--ignore=bench --ignore=staticfiles $(addprefix --ignore=,$(APPS_WITH_CATALOGUES))
messages: | $(BIN)/python
	$(BIN)/python manage.py makemessages $(MESSAGES_OPTIONS) $(MESSAGES_IGNORE)
	$(BIN)/python manage.py makemessages -d djangojs $(MESSAGES_OPTIONS) $(MESSAGES_IGNORE)
	@for dir in */locale */*/locale; do \
	  [ -d "$$dir" ] || continue; app=$${dir%/locale}; \
	  case "$$app" in .venv*|node_modules*|tools*|tests*|bench*) continue;; esac; \
	  echo "$$app"; \
	  (cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages $(MESSAGES_OPTIONS)) || exit 1; \
	  (cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -d djangojs $(MESSAGES_OPTIONS)) || exit 1; \
	done

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

## make run: install, migrate, load demo data, serve HTTP + websockets (ASGI) on the embedded default,
## with the periodic jobs (reminders, closing, purge, digests, rollups) run beside the server by
## run_scheduler (Celery beat's schedule, in-process). The shell becomes the server (exec), so the
## scheduler's parent is the server and it stops when the server does; Ctrl-C stops both.
## PEERSUPPORT_SERVED_AT: where links in emails point when SITE_URL is unset (PORT=8101 too).
run: seed
	PEERSUPPORT_SERVED_AT=http://$(HOST):$(PORT) $(BIN)/python manage.py run_scheduler --parent $$$$ & \
	PEERSUPPORT_SERVED_AT=http://$(HOST):$(PORT) exec $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Debian's Chromium for the browser tests (never a browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

## MDN's HTTP Observatory for the headers test, from tools/observatory/package-lock.json.
## --ignore-scripts: its install step downloads lists this machine cannot reach (see
## tests/foundation/observatory_scan.py).
observatory:
	@[ -f tools/observatory/node_modules/@mdn/mdn-http-observatory/src/scan.js ] || { \
	  echo "Installing MDN's HTTP Observatory (npm ci)"; \
	  cd tools/observatory && npm ci --ignore-scripts --no-audit --no-fund >/dev/null; }

## The page validators (tests/validity): the Nu Html Checker and axe-core from the npm registry,
## at the versions of tools/validators/package-lock.json. Install scripts are skipped (vnu-jar's
## would download a Java runtime; Debian's java runs it).
VALIDATORS := tools/validators/node_modules/.package-lock.json
$(VALIDATORS): tools/validators/package-lock.json
	@{ command -v npm >/dev/null 2>&1 && command -v java >/dev/null 2>&1; } || { \
	  echo "Installing Debian's npm and Java for the page validators"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq npm default-jre-headless >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq npm default-jre-headless >/dev/null; fi; }
	cd tools/validators && npm ci --ignore-scripts --no-audit --no-fund --silent
validators: $(VALIDATORS)

## The identity providers tests/sso starts on loopback: oidc-provider (OpenID Connect) and
## saml-idp (SAML 2.0) from the npm registry, at the versions of tools/idp/package-lock.json.
IDP := tools/idp/node_modules/.package-lock.json
$(IDP): tools/idp/package-lock.json | $(VALIDATORS)
	cd tools/idp && npm ci --ignore-scripts --no-audit --no-fund --silent
idp: $(IDP)

## make test: install and run the whole suite (browser tests and page validators included).
test: install chromium observatory validators idp
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## The code is laid out by hand (see ../shared/STYLE.md), not by a formatter: lint is ruff's
## checks, as in CI, and `make format` applies only their safe fixes.
lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff check --fix .

bench-chat: install
	$(BIN)/python bench/chat.py

bench-dashboard: install
	$(BIN)/python bench/dashboard.py

clean:
	rm -rf $(VENV) staticfiles
