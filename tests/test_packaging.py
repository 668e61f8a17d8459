"""The wheel carries the repository's resources/ as reviewer_app/resources (pyproject's package-dir
mapping), and reviewer_app.assets reaches them from a checkout as from an installation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reviewer_app.assets import resource_path, resources_root, shipped_files

ROOT = Path(__file__).resolve().parent.parent
SOURCE_ONLY = (".ts", ".pyc")  # translation sources and byte code stay out of the package


def shipped_resources() -> list[Path]:
    return sorted(
        p.relative_to(ROOT)
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in SOURCE_ONLY
    )


def test_the_accessor_finds_the_font_translations_and_icons() -> None:
    assert resources_root().samefile(ROOT / "resources")
    assert resource_path("fonts", "NotoSansTC-Regular.otf").stat().st_size > 1_000_000
    assert [p.name for p in shipped_files("translations", ".qm")] == [
        "reviewer_desk_en.qm",
        "reviewer_desk_zh_TW.qm",
    ]
    assert [p.name for p in shipped_files("icons", ".png", ".ico")] == ["app.ico", "app.png"]
    assert shipped_files("no such folder", ".png") == []


def copy_of_the_project(into: Path) -> Path:
    """What a clean checkout holds for building (pip builds in the source tree, where an old build/
    folder could carry files that are gone)."""
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, into / name)
    for folder in ("reviewer_app", "resources"):
        shutil.copytree(ROOT / folder, into / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return into


@pytest.mark.slow
def test_the_wheel_holds_every_resource(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    source = copy_of_the_project(tmp_path / "source")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
         str(tmp_path / "wheels"), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = (tmp_path / "wheels").glob("reviewer_app-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = shipped_resources()
    assert Path("resources/fonts/NotoSansTC-Regular.otf") in wanted and len(wanted) >= 7
    for path in wanted:
        assert f"reviewer_app/{path.as_posix()}" in names, path
    # A fresh SQLite file's schema (shared_db/fresh_sqlite.py): the first demo loads it.
    assert "reviewer_app/shared_db/sqlite_schema.sql" in names
    assert not any(name.endswith(".ts") for name in names)
    assert not any(name.startswith("resources/") for name in names)  # no top-level package "resources"
