"""The CI workflows, which cannot run here (the Windows one needs a hosted Windows runner): actionlint
finds nothing in them, and the app commands they run are ones the command line accepts."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer_app.cli import build_parser
from reviewer_app.commands import smoke

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
#: `reviewer-app …` (the installed command) or the bundle's `…/reviewer-app-cli …` in a run step
APP_COMMAND = re.compile(r"(?:^|\s)(?:run:\s*)?(?:\S*/)?reviewer-app(?:-cli)?((?: [^#\n]*)?)$", re.MULTILINE)


def actionlint() -> str:
    found = Path(sys.executable).with_name("actionlint")
    path = str(found) if found.exists() else shutil.which("actionlint")
    if path is None:
        pytest.fail("actionlint is missing: pip install -e '.[dev]' installs it")
    return path


def lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_there_is_a_windows_workflow() -> None:
    assert ROOT / ".github" / "workflows" / "windows.yml" in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow: Path) -> None:
    result = lint(workflow)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: windows-latest", "runs-on: ${{ runner.os }}"), encoding="utf-8")
    result = lint(broken)
    assert result.returncode == 1 and "runner" in result.stdout, result.stdout


def test_the_windows_workflow_runs_commands_the_app_accepts() -> None:
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    commands = [shlex.split(m.group(1)) for m in APP_COMMAND.finditer(text)]
    commands = [args for args in commands if args and args != ["--help"]]
    assert [args[:3] for args in commands] == [
        ["seed", "--families", "12"],
        ["--user", "reviewer", "smoke-test"],
    ]
    for args in commands:
        build_parser().parse_args(args)  # an unknown command or option exits here
    assert build_parser().parse_args(commands[-1]).handler is smoke.run
    assert "pyinstaller --noconfirm --clean build_installer.spec" in text
