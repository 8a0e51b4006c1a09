# parler_kit — every target installs what it needs the first time and nothing the second time.
# Targets: demo · test · lab · app · slides   (see README.md)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Stamps record that the venv matches pyproject.toml + constraints.txt; editing either re-installs.
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev

# Keep Jupyter, IPython and matplotlib state out of the user's home: everything under build/.
JUPYTER_ENV := JUPYTER_CONFIG_DIR=$(CURDIR)/build/jupyter/config \
               JUPYTER_DATA_DIR=$(CURDIR)/build/jupyter/data \
               JUPYTER_RUNTIME_DIR=$(CURDIR)/build/jupyter/runtime \
               IPYTHONDIR=$(CURDIR)/build/jupyter/ipython \
               MPLCONFIGDIR=$(CURDIR)/build/jupyter/matplotlib \
               JUPYTER_PLATFORM_DIRS=1

.PHONY: demo test lab app slides lint clean

$(BIN)/python:
	@scripts/bootstrap-venv.sh $(PYTHON) $(VENV)

$(RUNTIME_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	@touch $@

$(DEV_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	@touch $@ $(RUNTIME_STAMP)

## demo: the kit's main job on the fictional example (examples/).
demo: $(RUNTIME_STAMP)
	$(BIN)/parler-kit content check
	$(BIN)/parler-kit content stats

## test: linters, types, layer contracts, unit + kernel + browser tests, notebooks.
test: $(DEV_STAMP)
	@scripts/ensure-system-deps.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(JUPYTER_ENV) $(BIN)/pytest
	@if ls curriculum/day*/*.ipynb >/dev/null 2>&1; then \
		$(JUPYTER_ENV) $(BIN)/pytest --nbval-lax curriculum/ -p no:cacheprovider; \
	else echo "nbval : aucun carnet dans curriculum/ pour l'instant."; fi

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## lab: JupyterLab on the curriculum, in French.
lab: $(RUNTIME_STAMP)
	@if ls curriculum/day*/*.ipynb >/dev/null 2>&1; then \
		echo "make lab n'est pas encore branché sur les carnets."; exit 1; \
	else echo "Aucun carnet de formation pour l'instant (curriculum/day1..3 sont vides) : rien à ouvrir."; fi

app: lab

clean:
	rm -rf build
