"""The one way to reach the desk's data files (icons, translations, the CJK font).

They live in the repository's top ``resources/`` folder, installed as the package
``reviewer_app.resources`` (pyproject.toml's package-dir mapping), so ``importlib.resources`` finds
them in a wheel, an editable install and the PyInstaller bundle (build_installer.spec copies the
folder to ``_internal/reviewer_app/resources``). Only a checkout put on ``sys.path`` by hand (tests
run with ``PYTHONPATH=.``) has no such package (or only an empty namespace left by another
checkout's editable install): then the folder beside ``reviewer_app/`` is used.

Qt and Pillow load these files by file name, so the accessor answers real paths.

    resource_path("fonts", "NotoSansTC-Regular.otf")
"""

from __future__ import annotations

from importlib import resources
from importlib.util import find_spec
from pathlib import Path

PACKAGE = "reviewer_app.resources"


def resources_root() -> Path:
    """The folder holding ``icons/``, ``translations/`` and ``fonts/``."""
    spec = find_spec(PACKAGE)
    if spec is not None and spec.origin is not None:  # installed: the package with its __init__.py
        return Path(str(resources.files(PACKAGE)))
    return Path(__file__).resolve().parent.parent / "resources"  # a source checkout on sys.path


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``, e.g. ``resource_path("icons", "app.png")``."""
    return resources_root().joinpath(*parts)


def shipped_files(folder: str, *suffixes: str) -> list[Path]:
    """The files of ``resources/<folder>`` ending in one of ``suffixes``, sorted (none if it is missing)."""
    path = resource_path(folder)
    if not path.is_dir():
        return []
    return sorted(p for p in path.iterdir() if p.name.endswith(suffixes))


#: The CJK font shipped with the desk (Noto Sans TC, OFL): screens and printouts use it on every workstation.
FONT_FILE = "NotoSansTC-Regular.otf"


def font_path() -> Path:
    return resource_path("fonts", FONT_FILE)
