# parler_kit — every target installs what it needs the first time and nothing the second time.
# Targets: demo · test · lab · app · room · slides   (see README.md)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Stamps record that the venv matches pyproject.toml + constraints.txt; editing either re-installs.
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev
# Node tools (package.json + package-lock.json): JupyterHub's configurable-http-proxy, axe-core.
NODE_STAMP    := node_modules/.installed

# Keep Jupyter, IPython and matplotlib state out of the user's home: everything under build/.
JUPYTER_ENV := JUPYTER_CONFIG_DIR=$(CURDIR)/build/jupyter/config \
               JUPYTER_DATA_DIR=$(CURDIR)/build/jupyter/data \
               JUPYTER_RUNTIME_DIR=$(CURDIR)/build/jupyter/runtime \
               IPYTHONDIR=$(CURDIR)/build/jupyter/ipython \
               MPLCONFIGDIR=$(CURDIR)/build/jupyter/matplotlib \
               JUPYTER_PLATFORM_DIRS=1

.PHONY: demo test lab lab-settings app room slides lint clean

$(BIN)/python:
	@scripts/bootstrap-venv.sh $(PYTHON) $(VENV)

$(RUNTIME_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	@touch $@

$(DEV_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	@touch $@ $(RUNTIME_STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --cache "$(CURDIR)/build/npm-cache"
	@touch $@

## demo: the kit's main job on the fictional example (examples/).
demo: $(RUNTIME_STAMP)
	$(BIN)/parler-kit content check
	$(BIN)/parler-kit content stats
	$(BIN)/parler-kit workbooks build examples/roster.csv --session examples/session.yaml --out build/demo/carnets
	@echo "Carnets (workbook.ipynb) et livrets (handout.html, handout.pdf) des 12 participants : build/demo/carnets/<identifiant>/ ; manifeste : build/demo/carnets/manifest.json"
	$(BIN)/parler-kit admin convocations examples/roster.csv --session examples/session.yaml --out build/demo/administration
	$(BIN)/parler-kit admin emargement examples/roster.csv --session examples/session.yaml --out build/demo/administration
	$(BIN)/parler-kit admin evaluation examples/roster.csv --session examples/session.yaml --out build/demo/administration
	$(BIN)/parler-kit report --demo --session examples/session.yaml --roster examples/roster.csv --answers build/demo/reponses-simulees --attendance examples/presence.csv --out build/demo/bilan-demonstration.pdf
	$(BIN)/parler-kit admin attestations examples/roster.csv --session examples/session.yaml --out build/demo/administration --presence examples/presence.csv --results build/demo/reponses-simulees --demo
	$(BIN)/parler-kit admin realisation examples/roster.csv --session examples/session.yaml --out build/demo/administration --presence examples/presence.csv --demo
	@echo "Convocations, feuilles d'émargement, évaluations, attestations et certificats de réalisation (heures d'après examples/presence.csv) : build/demo/administration/ ; bilan de démonstration (réponses simulées) : build/demo/bilan-demonstration.pdf"

## test: linters, types, layer contracts, unit + kernel + browser tests, notebooks.
# nbval runs a copy of curriculum/ in a temporary folder: the notebooks' widgets write
# carnet.answers.json beside them, which must never land in the sources.
test: $(DEV_STAMP) $(NODE_STAMP)
	@scripts/ensure-system-deps.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(JUPYTER_ENV) $(BIN)/pytest
	@if ls curriculum/day*/*.ipynb >/dev/null 2>&1; then \
		nbval_dir=$$(mktemp -d) && cp -r curriculum "$$nbval_dir/" && \
		$(JUPYTER_ENV) $(BIN)/pytest --nbval-lax "$$nbval_dir/curriculum" -p no:cacheprovider \
			-c "$(CURDIR)/pyproject.toml" --rootdir="$$nbval_dir"; \
		status=$$?; rm -rf "$$nbval_dir"; exit $$status; \
	else echo "nbval : aucun carnet dans curriculum/ pour l'instant."; fi

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## lab: JupyterLab on the curriculum, in French (interface fr_FR, no news toast), on 127.0.0.1.
# Settings live in build/jupyter/config (JUPYTER_CONFIG_DIR), never in the user's home.
LAB_CONFIG   ?= build/jupyter/config
LAB_SETTINGS := $(LAB_CONFIG)/lab/user-settings
LAB_PORT     ?= 8888
lab: $(RUNTIME_STAMP) lab-settings
	$(JUPYTER_ENV) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab --ip=127.0.0.1 --port=$(LAB_PORT) \
		--ServerApp.root_dir="$(CURDIR)/curriculum" $(if $(filter 0,$(shell id -u)),--allow-root)

# Also used by tests/curriculum/test_day1_browser.py with LAB_CONFIG pointing to a temporary folder.
lab-settings:
	@mkdir -p "$(LAB_SETTINGS)/@jupyterlab/translation-extension" \
		"$(LAB_SETTINGS)/@jupyterlab/apputils-extension" "$(LAB_CONFIG)/labconfig"
	@printf '{\n  "locale": "fr_FR"\n}\n' > "$(LAB_SETTINGS)/@jupyterlab/translation-extension/plugin.jupyterlab-settings"
	@printf '{\n  "fetchNews": "false",\n  "checkForUpdates": false\n}\n' \
		> "$(LAB_SETTINGS)/@jupyterlab/apputils-extension/notification.jupyterlab-settings"
	@printf '{\n  "disabledExtensions": {\n    "@jupyterlab/apputils-extension:announcements": true\n  }\n}\n' \
		> "$(LAB_CONFIG)/labconfig/page_config.json"

## app: a ONE-PERSON preview of the participants' view — Voilà serves each day's participant release
# as web pages (no code, no trainer part) on 127.0.0.1. Everyone who opens a page writes into the same
# answers file (build/course/release/<day>/carnet.answers.json), so every page carries a French banner
# saying so (template share/jupyter/voila/templates/apercu) and pointing to the room (parler-kit room).
# A day is released by nbgrader only when build/course/release/<day>/ is missing (never with
# --force), so answers written there in an earlier session are never lost.
APP_PORT ?= 8866
# The room's page template (apercu builds on it), wherever the kit is installed.
ROOM_TEMPLATE_DIR = from parler_kit.room.settings import JUPYTER_PATH_DIR; print(JUPYTER_PATH_DIR)
app: $(RUNTIME_STAMP)
	@for day in day1 day2 day3; do \
		[ -d build/course/release/$$day ] || $(BIN)/nbgrader generate_assignment $$day || exit 1; \
	done
	@mkdir -p build/jupyter/runtime
	@echo "Aperçu pour une seule personne : les réponses de toute personne qui ouvre cette page s'écrivent dans le même fichier ; pour une salle, utilisez la salle de formation (parler-kit room)."
	$(JUPYTER_ENV) JUPYTER_PATH="$(CURDIR)/share/jupyter:$$($(BIN)/python -c "$(ROOM_TEMPLATE_DIR)")" \
		$(BIN)/voila "$(CURDIR)/build/course/release" --Voila.mathjax_url=null --Voila.mathjax_config=null \
		--template=apercu --VoilaConfiguration.classic_tree=True --no-browser --port=$(APP_PORT) \
		--Voila.ip=127.0.0.1 --Voila.connection_dir_root="$(CURDIR)/build/jupyter/runtime" \
		--VoilaConfiguration.extension_denylist=jupyterlab-jupytext \
		--VoilaConfiguration.extension_denylist=@jupyter-notebook/lab-extension \
		--VoilaConfiguration.extension_denylist=@jupyter/nbgrader \
		--VoilaConfiguration.extension_denylist=jupyterlab_pygments

## room: the training room (JupyterHub) on the example roster — prepared once in build/salle-demo/
# (codes and answers are kept from one run to the next), day 1 released, then started in the
# foreground (Ctrl-C stops it). For a real room: ROOM_IP=<this computer's Wi-Fi address>.
# The room starts as root (one system account per participant, docs/room-guide.md): through sudo
# when make runs as another user (sudo asks for the password).
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)
ROOM_DIR  ?= build/salle-demo
ROOM_IP   ?= 127.0.0.1
ROOM_PORT ?= 8000
room: $(RUNTIME_STAMP) $(NODE_STAMP)
	@[ -f "$(ROOM_DIR)/salle.json" ] || $(BIN)/parler-kit room prepare examples/roster.csv \
		--session examples/session.yaml --out "$(ROOM_DIR)" --release day1 \
		--address "http://$(ROOM_IP):$(ROOM_PORT)/"
	@echo "Codes : $(ROOM_DIR)/acces/codes.csv ; cartes d'accès : $(ROOM_DIR)/acces/cartes-acces.pdf"
	$(SUDO) $(BIN)/parler-kit room start "$(ROOM_DIR)" --ip $(ROOM_IP) --port $(ROOM_PORT)

## slides: each curriculum notebook as reveal.js slides in build/slides/dayN/, working offline.
# nbconvert's slides load reveal.js, require.js and jQuery from CDNs: they are vendored once from the
# npm registry into build/slides/vendor/ and every URL points there. MathJax and Mermaid (unused by
# the course) get tiny local stand-ins so that no page asks the network for anything; nbconvert's
# Mermaid URL is not configurable, so it is rewritten in the written pages. Notebooks are executed
# with PARLER_KIT_MODE=print, so exercises appear as static HTML (no widget JavaScript).
SLIDES_VENDOR := build/slides/vendor
REVEAL_VERSION   := 4.0.2
REQUIREJS_VERSION := 2.3.7
JQUERY_VERSION   := 3.7.1
SLIDES_FLAGS = --to slides --execute --no-input --ExecutePreprocessor.timeout=180 \
	--SlidesExporter.reveal_url_prefix=../vendor/reveal.js --SlidesExporter.reveal_scroll=True \
	--HTMLExporter.require_js_url=../vendor/require.js \
	--HTMLExporter.jquery_url=../vendor/jquery.min.js \
	--HTMLExporter.mathjax_url=../vendor/mathjax-stub.js
SLIDES_NOTEBOOKS ?= $(wildcard curriculum/day*/*.ipynb)
slides: $(RUNTIME_STAMP) $(SLIDES_VENDOR)/.complete
	@for nb in $(SLIDES_NOTEBOOKS); do \
		day=$$(basename $$(dirname $$nb)); \
		PARLER_KIT_MODE=print $(JUPYTER_ENV) $(BIN)/jupyter nbconvert $(SLIDES_FLAGS) \
			--output-dir build/slides/$$day "$$nb" || exit 1; \
	done
	@sed -i 's#https://cdnjs.cloudflare.com/ajax/libs/mermaid/[^'"'"']*#../vendor/mermaid-stub.mjs#' \
		$$(ls build/slides/day*/*.slides.html)
	@echo "Diapositives écrites dans build/slides/ (ouvrir build/slides/day1/*.slides.html)."

$(SLIDES_VENDOR)/.complete:
	@rm -rf "$(SLIDES_VENDOR)" && mkdir -p "$(SLIDES_VENDOR)/npm"
	cd "$(SLIDES_VENDOR)/npm" && npm_config_cache="$(CURDIR)/build/npm-cache" npm pack --silent \
		reveal.js@$(REVEAL_VERSION) requirejs@$(REQUIREJS_VERSION) jquery@$(JQUERY_VERSION) >/dev/null
	mkdir -p "$(SLIDES_VENDOR)/reveal.js" "$(SLIDES_VENDOR)/requirejs" "$(SLIDES_VENDOR)/jquery"
	tar -xzf "$(SLIDES_VENDOR)/npm/reveal.js-$(REVEAL_VERSION).tgz" -C "$(SLIDES_VENDOR)/reveal.js" --strip-components=1
	tar -xzf "$(SLIDES_VENDOR)/npm/requirejs-$(REQUIREJS_VERSION).tgz" -C "$(SLIDES_VENDOR)/requirejs" --strip-components=1
	tar -xzf "$(SLIDES_VENDOR)/npm/jquery-$(JQUERY_VERSION).tgz" -C "$(SLIDES_VENDOR)/jquery" --strip-components=1
	cp "$(SLIDES_VENDOR)/requirejs/require.js" "$(SLIDES_VENDOR)/require.js"
	cp "$(SLIDES_VENDOR)/jquery/dist/jquery.min.js" "$(SLIDES_VENDOR)/jquery.min.js"
	printf 'window.MathJax = {Hub: {getAllJax: function () { return []; }, Rerender: function () {}, Queue: function () {}}};\n' \
		> "$(SLIDES_VENDOR)/mathjax-stub.js"
	printf 'export default {initialize: function () {}};\n' > "$(SLIDES_VENDOR)/mermaid-stub.mjs"
	@touch $@

clean:
	rm -rf build
