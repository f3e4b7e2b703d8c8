# The README's two commands. Both create .venv and install the pinned environment when needed.
#   make book   build the site into _build/html
#   make test   lint, build, and run every test (installs Debian's chromium and, with npm, axe-core for the browser tests)
# Classroom: make student (the site without solutions, _build/student/html), make pack (course packs in _build/)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements-lock.txt pyproject.toml | sha256sum | cut -c1-12)

.PHONY: book student pack test lint chromium clean serve

$(STAMP): requirements.txt requirements-lock.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# Vega for the offline site, bundled once per environment from the installed vl-convert (see aicloud.vega).
	$(PY) -c "from aicloud.vega import vega_assets; vega_assets()"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

book: $(STAMP)
	$(PY) -m aicloud build
	@echo "The site is at $(CURDIR)/_build/html/index.html (serve it with: $(PY) -m aicloud serve)"

student: $(STAMP)
	$(PY) -m aicloud build --edition student
	@echo "The student site (no solutions) is at $(CURDIR)/_build/student/html/index.html"

pack: $(STAMP)
	$(PY) -m aicloud pack --edition student
	$(PY) -m aicloud pack --edition instructor

chromium:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's chromium for the browser tests ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	    || { echo "error: could not install chromium with apt-get"; exit 1; }; \
	else \
	  echo "error: the browser tests need Debian's chromium (/usr/bin/chromium) and this user cannot install it."; \
	  echo "       run as root: apt-get install chromium"; exit 1; \
	fi
	@# The Chinese edition's browser tests draw Chinese: Debian's CJK fonts (Noto Sans CJK).
	@if dpkg -s fonts-noto-cjk >/dev/null 2>&1; then echo "fonts-noto-cjk: installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's fonts-noto-cjk for the Chinese edition's browser tests ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null \
	    || { echo "error: could not install fonts-noto-cjk with apt-get"; exit 1; }; \
	else \
	  echo "error: the Chinese edition's browser tests need Debian's fonts-noto-cjk; run as root: apt-get install fonts-noto-cjk"; \
	  exit 1; \
	fi

# axe-core for the accessibility tests, from npm (package.json / package-lock.json); the tests read it from
# node_modules and fetch nothing.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: the accessibility tests need npm (Node.js) to install axe-core"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: $(STAMP) chromium node_modules/.installed lint book
	$(PY) -m pytest

serve: $(STAMP)
	$(PY) -m aicloud serve

clean:
	rm -rf _build book/chapters book/generated _static/vega
