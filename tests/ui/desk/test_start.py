"""Starting the desk as a reviewer does: `reviewer-app` shows the sign-in, the desk opens after it.

The command runs in-process with its real dialog and window; a timer on the GUI thread plays the
reviewer at the keyboard. "Remember me" keeps the password in the keyring (an in-memory one here), the
next start signs in at once; with no usable keyring the password is asked every time and never lands
in a file. `reviewer-app demo` signs the demo reviewer in without asking.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app import config
from reviewer_app.access.signin import CredentialStore
from reviewer_app.access.staff import add_staff
from reviewer_app.cli import main
from reviewer_app.qt import QApplication, QLabel, Qt, QTimer, QWidget
from reviewer_app.ui.access.signin_dialog import SignInDialog
from reviewer_app.ui.desk.demo_seeding import SeedingDialog
from reviewer_app.ui.desk.main_window import MainWindow
from tests.keyrings import FailingKeyring, MemoryKeyring, installed
from tests.ui.conftest import idle

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

USERNAME = "wang_reviewer"
PASSWORD = "Family-Book-2026"  # typed with QTest, which sends Latin keys only


@pytest.fixture
def shared_url(shared_engine: Engine) -> str:
    add_staff(
        shared_engine,
        username=USERNAME,
        display_name="王社工師",
        role="reviewer",
        password=PASSWORD,
        facility_code="TTD",
        workstation="it",
    )
    return str(shared_engine.url)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


def visible(kind: type[QWidget]) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


class Reviewer:
    """Steps played on the GUI thread while the command runs: each waits for its widget, then acts."""

    def __init__(self, steps: list[Callable[[], bool]]) -> None:
        self.steps = steps
        self.seen: dict[str, object] = {}
        self.failures: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.ticks = 0

    def _tick(self) -> None:
        self.ticks += 1
        if self.ticks > 6000:  # 120 s (a first demo's seed on a busy machine): give up, close everything
            self.seen["timeout"] = True
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        if visible(SeedingDialog) is not None:
            self.seen["seeding shown"] = True
        if self.steps and self.steps[0]():
            self.steps.pop(0)

    def check(self, what: str, ok: bool) -> None:
        """Record a failed expectation (an exception must not escape a Qt callback)."""
        if not ok:
            self.failures.append(what)

    def run(self, argv: list[str]) -> int:
        self.timer.start()
        try:
            return main(argv)
        finally:
            self.timer.stop()


def type_credentials(
    qtbot: QtBot, reviewer: Reviewer, *, username: str | None, remember: bool
) -> Callable[[], bool]:
    def step() -> bool:
        dialog = visible(SignInDialog)
        if not isinstance(dialog, SignInDialog) or dialog.busy():
            return False
        if not dialog.isActiveWindow():
            dialog.activateWindow()
            return False
        reviewer.seen["message"] = dialog.message_label.text()
        if username is not None:
            qtbot.keyClicks(dialog.username_edit, username)
            qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Tab)
        reviewer.check("the password field has the focus", dialog.password_edit.hasFocus())
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        if remember:
            qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Tab)
            reviewer.check("Tab reaches 記住密碼", dialog.remember_box.hasFocus())
            qtbot.keyClick(dialog.remember_box, Qt.Key.Key_Space)
            reviewer.check("Space ticks 記住密碼", dialog.remember_box.isChecked())
            qtbot.keyClick(dialog.remember_box, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        return True

    return step


def look_at_the_desk_and_close(reviewer: Reviewer) -> Callable[[], bool]:
    def step() -> bool:
        window = visible(MainWindow)
        if not isinstance(window, MainWindow) or window.model.rowCount() == 0 or not idle(window):
            return False
        reviewer.seen["title"] = window.windowTitle()
        reviewer.seen["rows"] = window.model.rowCount()
        reviewer.seen["user"] = window.ctx.staff_username
        reviewer.seen["connection"] = window.connection_label.text()
        window.close()
        return True

    return step


def files_containing(folder: Path, secret: str) -> list[Path]:
    needle = secret.encode("utf-8")
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_sign_in_by_keyboard_remember_me_and_the_next_start(
    qtbot: QtBot, shared_url: str, memory_keyring: MemoryKeyring
) -> None:
    first = Reviewer([])
    first.steps = [
        type_credentials(qtbot, first, username=USERNAME, remember=True),
        look_at_the_desk_and_close(first),
    ]
    assert first.run(["--database-url", shared_url]) == 0
    assert "timeout" not in first.seen and first.failures == []
    assert first.seen["user"] == USERNAME
    assert "王社工師" in str(first.seen["title"])
    assert int(first.seen["rows"]) > 0  # type: ignore[call-overload]
    assert first.seen["connection"] == "已連線"
    assert CredentialStore(shared_url).get(USERNAME) == PASSWORD  # in the keyring, nowhere else
    assert files_containing(config.data_dir(), PASSWORD) == []

    # The next start: the name is remembered, the keyring's password signs in at once.
    second = Reviewer([])
    second.steps = [look_at_the_desk_and_close(second)]
    assert second.run(["--database-url", shared_url]) == 0
    assert "timeout" not in second.seen and second.seen["user"] == USERNAME


def test_without_a_usable_keyring_the_password_is_asked_every_time(qtbot: QtBot, shared_url: str) -> None:
    with installed(FailingKeyring()):
        for start in range(2):
            reviewer = Reviewer([])
            reviewer.steps = [
                type_credentials(qtbot, reviewer, username=USERNAME if start == 0 else None, remember=True),
                look_at_the_desk_and_close(reviewer),
            ]
            assert reviewer.run(["--database-url", shared_url]) == 0
            assert "timeout" not in reviewer.seen and reviewer.seen["user"] == USERNAME
            assert reviewer.failures == []
            if start == 1:
                assert "鑰匙圈" in str(reviewer.seen["message"])  # says why it asks again
    assert files_containing(config.data_dir(), PASSWORD) == []
    assert not any(PASSWORD in v for v in os.environ.values())


def test_cancelling_the_sign_in_ends_the_command(
    qtbot: QtBot, shared_url: str, memory_keyring: MemoryKeyring
) -> None:
    def cancel() -> bool:
        dialog = visible(SignInDialog)
        if dialog is None:
            return False
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return True

    reviewer = Reviewer([cancel])
    assert reviewer.run(["--database-url", shared_url]) == 1
    assert visible(MainWindow) is None


def test_demo_signs_the_demo_reviewer_in_at_once(qtbot: QtBot, shared_url: str) -> None:
    reviewer = Reviewer([])
    reviewer.steps = [look_at_the_desk_and_close(reviewer)]
    assert reviewer.run(["--database-url", shared_url, "demo"]) == 0
    assert "timeout" not in reviewer.seen
    assert reviewer.seen["user"] == "reviewer" and "李社工師" in str(reviewer.seen["title"])
    assert "seeding shown" not in reviewer.seen  # already filled: no progress window, the desk at once


def watch_the_seed_from_the_desk(reviewer: Reviewer) -> Callable[[], bool]:
    """The desk is on screen while the seed runs: its status bar counts the families (these steps
    run on the GUI thread: it is not blocked)."""

    def step() -> bool:
        window = visible(MainWindow)
        if not isinstance(window, MainWindow):
            return False
        label = window.statusBar().findChild(QLabel, "demoSeeding")
        if label is None or not label.isVisible():
            return "labels" in reviewer.seen  # the seed is over (or was never seen running)
        if "labels" not in reviewer.seen:
            reviewer.seen["labels"] = []
            reviewer.seen["rows while seeding"] = window.model.rowCount()
        labels = reviewer.seen["labels"]
        assert isinstance(labels, list)
        if label.text() not in labels:
            labels.append(label.text())
        return False

    return step


def test_the_first_demo_opens_the_desk_at_once_and_its_data_arrives_behind_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A new user's first `reviewer-app demo`: the desk opens as soon as the demo's staff are written,
    counts the families in its status bar while the seed runs on a worker, then fills its queue.
    Before, nothing but a progress window showed for the 12–16 s of the seed."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    reviewer = Reviewer([])
    reviewer.steps = [watch_the_seed_from_the_desk(reviewer), look_at_the_desk_and_close(reviewer)]
    assert reviewer.run(["--database-url", url, "demo"]) == 0
    assert "timeout" not in reviewer.seen and "seeding shown" not in reviewer.seen
    labels = [str(label) for label in reviewer.seen["labels"]]  # type: ignore[attr-defined]
    assert len(labels) > 5  # it counted up while the seed ran: the GUI thread was free
    assert reviewer.seen["rows while seeding"] == 0
    assert reviewer.seen["user"] == "reviewer" and int(str(reviewer.seen["rows"])) > 0


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://127.0.0.1/reviewdesk", "psycopg"),
        ("sqlite:///shared.sqlite3", "sqlite3"),
        ("nosuchdatabase://127.0.0.1/reviewdesk", None),  # for signing in to report, not the worker
    ],
)
def test_the_sign_in_worker_leaves_nothing_to_load_after_enter(url: str, driver: str | None) -> None:
    """What the sign-in dialog's worker loads while the member types includes the database's driver
    (psycopg takes about 0.1 s to import) and SQLAlchemy's set-up of the models' relationships, which
    would otherwise happen after Enter, when the engine is made and at its first query. A fresh
    interpreter: in this one, earlier tests have done both already. Nothing is connected to."""
    probe = (
        "import sys\n"
        "from sqlalchemy import inspect\n"
        "from reviewer_app.commands.desk import load_desk_modules\n"
        f"load_desk_modules({url!r})\n"
        "from reviewer_app.journal.models import JournalItem\n"
        "from reviewer_app.shared_db.models import Post, ServiceApplication\n"
        "print(all(inspect(m).configured for m in (Post, ServiceApplication, JournalItem)))\n"
        "print(sorted(m for m in ('psycopg', 'sqlite3') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert out.returncode == 0, out.stderr[-3000:]
    configured, drivers = out.stdout.split("\n")[:2]
    assert configured == "True"
    assert (driver in drivers) if driver else "psycopg" not in drivers


def test_the_sign_in_window_is_shown_before_sqlalchemy_loads(tmp_path: Path) -> None:
    """A fresh `reviewer-app` process: the sign-in window paints before the GUI thread has imported any
    of SQLAlchemy (it loads on the dialog's worker while the member types), so the first window of
    the day comes up in a fraction of the desk's start; and the worker does load what the desk needs."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        REVIEWER_DATA_DIR=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    env.pop("REVIEWER_DATABASE_URL", None)
    # The shared database named in settings.ini, as a facility's workstations are set up.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / config.SETTINGS_FILE).write_text(
        f"[database]\nurl = sqlite:///{tmp_path / 'shared.sqlite3'}\n", encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-m", "tests.start_probe", "--user", USERNAME],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert out.returncode == 1, out.stderr[-3000:]  # the sign-in was cancelled: the command ends
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-3000:]
    seen = json.loads(lines[0])
    assert seen["painted"] is True
    assert seen["sqlalchemy_on_gui_thread_before_paint"] == []
    # Nor anything else the window does without (issue 23: at most 1.6 times a bare window): no Qt
    # Network, time zones or print rules, not PySide6's Qt namespace (20 ms), and the worker starts
    # once the window is on screen (it would hold Python's lock while the window is being drawn).
    assert seen["not_needed_before_paint"] == []
    assert seen["qt_namespace_before_paint"] is False
    assert seen["worker_imports_before_paint"] == []
    # ...and its worker loaded the desk, the database's driver included, before Enter could be pressed
    assert seen["loaded_off_the_gui_thread"] == [
        "reviewer_app.journal",
        "reviewer_app.sync.service",
        "sqlalchemy.orm",
        "sqlite3",
    ]


def _in_a_fresh_interpreter(probe: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``probe`` offscreen in a new interpreter from the checkout, with its own data folder; it
    must succeed."""
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=str(tmp_path / "data")),
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out


def _prints_nothing_loaded(probe: str, tmp_path: Path) -> None:
    """``probe``'s last line, the modules it found loaded that should not be, is an empty list."""
    out = _in_a_fresh_interpreter(probe, tmp_path)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_reviewers_desk_opens_without_the_supervisors_panels(tmp_path: Path) -> None:
    """After Enter the GUI thread imports and builds the desk's window (nothing else can: it is Qt).
    The 待覆核 window (Review → 待覆核…) brings the supervisor's panels and the statistics with it,
    about 0.1 s of imports: they load when it is first opened, not with every member's first screen.
    A fresh interpreter: in this one, earlier tests have loaded them already."""
    probe = (
        "import sys\n"
        "from reviewer_app.access.roles import Actor\n"
        "from reviewer_app.journal import Journal\n"
        "from reviewer_app.shared_db.engine import make_engine\n"
        "from reviewer_app.ui.common.app import make_application\n"
        "from reviewer_app.ui.desk.main_window import DeskContext\n"
        "from reviewer_app.ui.desk.role_windows import window_for_role\n"
        "app = make_application(sys.argv[:1])\n"
        f"journal = Journal({str(tmp_path / 'journal.sqlite3')!r})\n"
        f"engine = make_engine({'sqlite:///' + str(tmp_path / 'shared.sqlite3')!r})\n"
        f"settings = {str(tmp_path / 'desk.ini')!r}\n"
        "context = DeskContext(journal, None, 'wang', '王社工師', 'ws-1', settings_path=settings)\n"
        "window = window_for_role('reviewer', context, engine, Actor('wang', 'reviewer', 1, 'ws-1'))\n"
        "assert window.findChild(type(window.sync_action), 'secondLooksAction') is not None\n"
        "late = ('reviewer_app.ui.supervisor', 'reviewer_app.stats')\n"
        "print(sorted(m for m in sys.modules if m.startswith(late)))\n"
        "window.close()\n"
        "journal.close()\n"
    )
    _prints_nothing_loaded(probe, tmp_path)


def test_the_desks_window_modules_load_while_the_member_types(tmp_path: Path) -> None:
    """Behind the sign-in window, the worker's load first (SQLAlchemy, the models, the drivers), then
    the window's own modules on the GUI thread, one each turn of its event loop (they define Qt
    classes): after Enter, opening the desk imports nothing more. A fresh interpreter."""
    probe = (
        "import sys\n"
        "from reviewer_app.commands.desk import load_desk_modules\n"
        "from reviewer_app.ui.common.app import make_application\n"
        "from reviewer_app.ui.desk.window_imports import MODULES, import_in_turns\n"
        "app = make_application(sys.argv[:1])\n"
        f"load_desk_modules({'sqlite:///' + str(tmp_path / 'shared.sqlite3')!r})\n"
        "import_in_turns()\n"
        "turns = 0\n"
        "while MODULES[-1] not in sys.modules and turns < 10_000:\n"
        "    app.processEvents()\n"
        "    turns += 1\n"
        "loaded = set(sys.modules)\n"
        "import reviewer_app.ui.access.idle_lock, reviewer_app.ui.desk.role_windows\n"
        "import reviewer_app.ui.desk.main_window, reviewer_app.journal.journal\n"
        "from reviewer_app.shared_db.engine import make_engine\n"
        f"make_engine({'sqlite:///' + str(tmp_path / 'journal.sqlite3')!r}).connect().close()\n"
        "print(turns >= len(MODULES) - 1)\n"
        "print(sorted(m for m in set(sys.modules) - loaded if m.startswith(('reviewer_app', 'sqlite3'))))\n"
    )
    out = _in_a_fresh_interpreter(probe, tmp_path)
    assert out.stdout.strip().splitlines()[-2:] == ["True", "[]"]


def test_the_first_demo_starts_its_seed_before_loading_the_seed_or_the_sync(tmp_path: Path) -> None:
    """The first demo starts its seed on a worker, which loads the seed's modules (SQLAlchemy, the
    models) itself: the command and the seeding's window part load neither them nor the desk's sync
    (a quarter of a second of imports), so the seed starts half a second sooner. A fresh interpreter."""
    probe = (
        "import sys\n"
        "import reviewer_app.commands.desk, reviewer_app.ui.desk.demo_seeding\n"
        "from reviewer_app.demo.accounts import STAFF_USERNAME\n"
        "heavy = ('reviewer_app.demo.seed', 'reviewer_app.sync.service', 'sqlalchemy.orm')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    _prints_nothing_loaded(probe, tmp_path)
