"""What differs when the app runs from the bundle built by build_installer.spec (PyInstaller).

Paths need nothing special: PyInstaller makes ``importlib.resources.files("reviewer_app")`` the
bundle's ``_internal/reviewer_app`` folder (migrations, fonts, translations, icons are there as
files), and the user's data and cache folders come from platformdirs as always.

Windows has two executables in the one folder: ``reviewer-app.exe`` is a windowed (GUI subsystem)
program, so it opens no console window of its own, and ``reviewer-app-cli.exe`` is the same program
as a console program, for scripts and for IT (it prints, and ``cmd`` waits for its exit status). When
the windowed one is started from a console anyway, :func:`attach_parent_console` sends its output
to that console, so a command typed there still shows its answer.
"""

from __future__ import annotations

import sys


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def attach_parent_console() -> bool:
    """Windowed Windows build started from a console: write stdout/stderr to that console.

    Returns True when it attached. Does nothing elsewhere (not Windows, not frozen, or output already
    goes somewhere) and when there is no parent console (started from Explorer or a shortcut)."""
    if sys.platform != "win32" or not is_frozen():
        return False
    if sys.stdout is not None and sys.stderr is not None:
        return False  # the console executable: Windows gave it a console already
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return False
    try:
        # The console device takes UTF-8 from Python and shows Chinese correctly (PEP 528).
        out = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
    except OSError:
        return False
    if sys.stdout is None:
        sys.stdout = out
    if sys.stderr is None:
        sys.stderr = out
    return True
