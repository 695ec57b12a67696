# The table of contents of this project's commands. Each target sets up what it
# needs first, so a fresh clone needs nothing but Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The stamp is newer than pyproject.toml once the pinned dependencies are in.
SETUP  := $(VENV)/.installed-test
LAB    := $(VENV)/.installed-lab

.PHONY: help setup browser report screenshots validate test bench lint lab clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(SETUP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(SETUP)  ## create .venv and install the pinned dependencies

validate: $(SETUP)  ## check the data in data/ and list every problem
	$(BIN)/crosscheck validate data

report: $(SETUP)  ## validate the data and build reports/index.html
	$(BIN)/crosscheck report

screenshots: report browser  ## photograph the report: first screen, each chapter, A4 print (test-artifacts/)
	$(BIN)/python -m crosscheck.screenshots reports/index.html test-artifacts
	cp test-artifacts/first-screen.png reports/first-screen.png

browser:  ## install Debian's chromium for the browser tests, if missing and possible
	@sh scripts/ensure-chromium

test: $(SETUP) browser  ## run the whole test suite (notebooks, report, browser)
	$(BIN)/python -m pytest

bench: $(SETUP)  ## time the build beside the toolchain's floor, up to 1,000,000 claims
	$(BIN)/python bench/run.py

lint: $(SETUP)  ## ruff check and format check, notebooks included
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

$(LAB): $(SETUP)
	$(BIN)/python -m pip install --quiet -e '.[test,lab]'
	touch $@

lab: $(LAB)  ## open JupyterLab on notebooks/ in the project's environment
	$(BIN)/jupyter lab notebooks/

clean:  ## remove the environment and generated reports
	rm -rf $(VENV) build reports/index.html reports/notebooks reports/data
