# The table of contents of this project's commands. Each target sets up what it
# needs first, so a fresh clone needs nothing but Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The stamp is newer than pyproject.toml and the lock once the locked versions are in.
SETUP  := $(VENV)/.installed-test
LAB    := $(VENV)/.installed-lab
# Every transitive version with its hashes: the build and tests, and JupyterLab on top.
LOCK     := requirements/lock.txt
LAB_LOCK := requirements/lock-lab.txt
# `make lock` resolves with uv in a venv of its own under build/ (ignored by git);
# one set of versions for every Python from 3.11 and every platform.
UV_VERSION := 0.13.9
LOCKER     := build/uv-$(UV_VERSION)
UV_COMPILE := $(LOCKER)/bin/uv pip compile --quiet --universal --python-version 3.11 \
	--fork-strategy fewest --generate-hashes --custom-compile-command 'make lock'

.PHONY: help setup browser report screenshots validate datapackage test bench fuzz lint lab lock clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The locked versions, each checked against its hash, then the project itself,
# built by the locked setuptools (no build isolation: nothing fetched unpinned);
# then the kernel config that the environment's kernels read (IPython's
# ENV_CONFIG_PATH), so that they print no chatter.
$(SETUP): pyproject.toml $(LOCK) scripts/ipython_kernel_config.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	mkdir -p $(VENV)/etc/ipython
	cp scripts/ipython_kernel_config.py $(VENV)/etc/ipython/ipython_kernel_config.py
	touch $@

setup: $(SETUP)  ## create .venv and install the locked dependencies

validate: $(SETUP)  ## check the data in data/ and list every problem
	$(BIN)/crosscheck validate data

datapackage: $(SETUP)  ## write data/datapackage.json (Frictionless) from schema.py and data/README.md
	$(BIN)/crosscheck datapackage data

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

# The run's seed is printed first and last; SEED=N replays it.
SEED ?=
fuzz: $(SETUP)  ## build the report on 30 random valid datasets and 30 random subsets (SEED=N replays)
	$(BIN)/python bench/fuzz.py $(if $(SEED),--seed $(SEED))

lint: $(SETUP)  ## ruff check and format check, notebooks included
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

$(LAB): $(SETUP) $(LAB_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LAB_LOCK)
	touch $@

lab: $(LAB)  ## open JupyterLab on notebooks/ in the project's environment
	$(BIN)/jupyter lab notebooks/

$(LOCKER)/bin/uv:
	$(PYTHON) -m venv $(LOCKER)
	$(LOCKER)/bin/python -m pip install --quiet uv==$(UV_VERSION)

# Keeps each locked version that still fits (uv prefers the lock it rewrites);
# `make lock UPGRADE=--upgrade` moves every transitive version to the newest.
lock: $(LOCKER)/bin/uv  ## re-resolve requirements/lock*.txt from pyproject.toml, with hashes
	$(UV_COMPILE) $(UPGRADE) pyproject.toml requirements/build.in --extra test -o $(LOCK)
	$(UV_COMPILE) $(UPGRADE) pyproject.toml requirements/build.in --extra test --extra lab \
		-c $(LOCK) -o $(LAB_LOCK)

clean:  ## remove the environment and generated reports
	rm -rf $(VENV) build reports/index.html reports/notebooks reports/data
