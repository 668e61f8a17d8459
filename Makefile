# Two commands matter: `make demo` (the app on the embedded database, with demo data) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench venv sysdeps clean

$(STAMP): pyproject.toml
	@test -x $(PY) || "$$(tools/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

sysdeps:
	@tools/install-system-deps.sh

demo: $(STAMP) sysdeps
	$(VENV)/bin/reviewer-app demo

# lint-imports checks the layers (pyproject.toml's [tool.importlinter]); actionlint, run by
# tests/test_workflows.py, checks .github/workflows/.
test: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	$(VENV)/bin/ruff check reviewer_app tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo

lint: $(STAMP)
	$(VENV)/bin/ruff check reviewer_app tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo
	$(VENV)/bin/actionlint

# A fresh SQLite file's schema (shared_db/fresh_sqlite.py): regenerate after adding a migration.
.PHONY: sqlite-schema
sqlite-schema: $(STAMP)
	$(PY) -m reviewer_app.shared_db.fresh_sqlite

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache

# The desk's translations: English source strings in tr(); zh-TW (the default) and English .ts files,
# updated from every Python file of the interface, then compiled to the .qm files the package ships.
TS_DIR := resources/translations
TS_FILES := $(TS_DIR)/reviewer_desk_zh_TW.ts $(TS_DIR)/reviewer_desk_en.ts

.PHONY: translations
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations relative $$(find reviewer_app/ui -name '*.py' | sort) -ts $(TS_FILES)
	$(VENV)/bin/pyside6-lrelease $(TS_FILES)

# The workstation installer (docs/INSTALL.md): dist/reviewer-app/, one folder to copy. Build on the
# system the workstations run (PyInstaller does not cross-compile); tests/test_installer.py checks it.
.PHONY: installer
installer: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec
