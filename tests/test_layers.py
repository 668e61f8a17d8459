"""The layers hold: the import contracts of pyproject.toml ([tool.importlinter]) pass on the code, and
they do catch a forbidden import (checked on a copy of the package with one added)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
    "contracts"
]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the reviewer_app package found in `root` (not on the installed one)."""
    command = Path(sys.executable).with_name("lint-imports")
    if not command.exists():
        pytest.fail("lint-imports is missing: pip install -e '.[dev]' installs import-linter")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [str(command), "--no-cache", "--no-logo"], cwd=root, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=300,
    )


def test_every_import_contract_is_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("core/__init__.py", "import reviewer_app.qt", "domain-without-qt"),
        ("sync/__init__.py", "import reviewer_app.ui.common.app", "domain-without-qt"),
        ("printing/__init__.py", "import reviewer_app.ui.common.i18n", "features-below-the-interface"),
        ("stats/__init__.py", "from PySide6 import QtCore", "one-qt-door"),
        ("ui/queue/__init__.py", "from sqlalchemy.orm import Session", "ui-without-sessions"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    shutil.copytree(
        ROOT / "reviewer_app", tmp_path / "reviewer_app", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / "reviewer_app" / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{line}  # added by the test\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    name = next(c["name"] for c in CONTRACTS if c["id"] == contract)
    broken = [n for n in (c["name"] for c in CONTRACTS) if f"{n} BROKEN" in " ".join(result.stdout.split())]
    assert broken == [name], result.stdout
