"""The desk itself (`reviewer-app`, the default) and `demo`.

`reviewer-app` opens the sign-in for the configured shared database: the member's own account (their
PostgreSQL role, or the password kept for them in the embedded file), "記住密碼" in the operating
system's keyring, asked every time when there is no usable keyring, never written to a file. Signing
in (and the schema check that goes with it) runs off the GUI thread inside the dialog. Signing out at
the idle lock brings the sign-in back.

`reviewer-app demo` fills the embedded demo database if needed and signs the demo reviewer in at once.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from reviewer_app import config
from reviewer_app.commands.common import (
    UserError,
    find_staff,
    open_engine,
    require_current_schema,
    upgrade_schema,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reviewer_app.access.signin import StaffSession
    from reviewer_app.demo.seed import DemoStaff
    from reviewer_app.qt import QApplication
    from reviewer_app.sync.service import Sync
    from reviewer_app.ui.desk.demo_seeding import DemoSeeding

    #: fill(progress, staff_ready, queue_ready) fills the demo database if it needs it (on a worker)
    DemoFill = Callable[
        [Callable[[int, int], None], Callable[[list[DemoStaff]], None], Callable[[], None] | None], object
    ]

LAST_USERNAME_KEY = "signin/username"
#: The username whose password the member asked to remember (記住密碼), "" when they did not: the
#: keyring is read only for them, so a workstation without one says nothing about it.
REMEMBERED_KEY = "signin/remembered"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser(
        "demo", help="create and fill the embedded demo database if missing, then open the desk"
    )
    # Also after `demo` (the README's order). SUPPRESS: without it the subparser's default None
    # would overwrite a --user given before `demo`.
    demo.add_argument("--user", default=argparse.SUPPRESS, help="staff username to sign in as")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    return run(args, demo=True)


def run(args: argparse.Namespace, demo: bool = False, *, interactive_sign_in: bool = True) -> int:
    """Open the desk. ``interactive_sign_in=False`` (the unattended installation check) opens it as
    ``--user`` on the configured database's own credentials, as a script would."""
    try:
        return _run(args, demo, interactive_sign_in=interactive_sign_in)
    except config.SettingsError as exc:
        # A desk started from its icon has no terminal to read the one line the command line prints
        # (a refused data folder, a settings file to fix): it is shown in a window as well.
        if interactive_sign_in:
            _show_startup_problem(str(exc))
        raise


def _show_startup_problem(message: str) -> None:
    from reviewer_app.qt import QApplication, QMessageBox
    from reviewer_app.ui.common.i18n import load_font

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    load_font(app)  # the refusal may come before the application's own set-up loaded it
    box = QMessageBox(QMessageBox.Icon.Critical, "愛在雲端~電子家庭聯絡簿 審核工作站", message)
    box.setObjectName("startup_problem")
    box.exec()


def _run(args: argparse.Namespace, demo: bool, *, interactive_sign_in: bool) -> int:
    from reviewer_app.ui.common.app import make_application
    from reviewer_app.ui.common.single_desk import SingleDesk

    app = make_application(sys.argv[:1])
    desk = SingleDesk(config.data_dir())
    if not desk.claim():  # the desk already open on this profile has been brought to the front
        print("審核台已經開啟（同一個使用者設定），已切換到開啟中的視窗。", file=sys.stderr)
        return 1
    try:
        return _open_for(app, args, demo, interactive_sign_in)
    finally:
        desk.release()


def _open_for(app: QApplication, args: argparse.Namespace, demo: bool, interactive_sign_in: bool) -> int:
    if demo:
        # The demo fills the embedded default (or an explicit --database-url), never whatever
        # $REVIEWER_DATABASE_URL points at: that may be the facility's real database.
        embedded = config.default_database_path()
        if args.database_url is None and not embedded.exists():
            # A fresh profile: the seed's shared pictures are drawn while SQLAlchemy and the desk load.
            from reviewer_app.demo.seed_files import draw_pool_early

            draw_pool_early()
        engine = open_engine(args, args.database_url or f"sqlite:///{embedded}")
        return open_demo(app, engine, args.user, partial(_fill_demo, engine))
    if not interactive_sign_in:
        engine = open_engine(args)
        require_current_schema(engine)
        staff = find_staff(engine, args.user)
        return _open_desk(
            app, engine, staff.username, staff.display_name, staff.facility_id, None, staff.role
        )
    url = config.resolve_database_url(args.database_url)
    while True:
        session = sign_in(app, url, args.user)
        if session is None:
            return 1  # the member cancelled the sign-in
        try:
            status = _open_desk(
                app, session.engine, session.username, session.display_name, session.facility_id, session
            )
        finally:
            session.close()
        from reviewer_app.ui.common.app import SIGNED_OUT

        if status != SIGNED_OUT:
            return status
        args.user = session.username  # signed out at the idle lock: the sign-in comes back


def open_demo(app: QApplication, engine: Engine, user: str | None, fill: DemoFill) -> int:
    """The demo desk on ``engine``, filled by ``fill`` on a worker when it is empty.

    A new user sees the desk at once: it opens as soon as the seed has written the staff, its queue
    as soon as the first families are in, and the rest arrives behind it (ui/desk/demo_seeding.py)."""
    from reviewer_app.demo.accounts import STAFF_USERNAME
    from reviewer_app.ui.desk.demo_seeding import DemoSeeding, SeedingCancelled

    cancelled = "已取消建立示範資料；下次執行 reviewer-app demo 時會重新建立。"
    wanted = user or STAFF_USERNAME
    seeding = DemoSeeding(fill, early_queue=wanted == STAFF_USERNAME)
    seeding.start()
    try:
        staff = seeding.wait_for_staff()
        early = next((s for s in staff or () if s.username == wanted and s.role == "reviewer"), None)
        if early is None:  # filled before, or another role: those windows read the data directly
            try:
                seeding.wait_with_progress()
            except SeedingCancelled:
                print(cancelled, file=sys.stderr)
                return 1
            found = find_staff(engine, wanted)
            return _open_desk(
                app, engine, found.username, found.display_name, found.facility_id, None, found.role
            )
        status = _open_desk(
            app,
            engine,
            early.username,
            early.display_name,
            early.facility_id,
            None,
            early.role,
            seeding=seeding,
        )
    finally:
        seeding.finish()  # the desk was closed while seeding: the seed stops and rolls back
    if seeding.rolled_back:
        print(cancelled, file=sys.stderr)
        return 1
    return status


def _fill_demo(
    engine: Engine,
    progress: Callable[[int, int], None],
    staff_ready: Callable[[list[DemoStaff]], None],
    queue_ready: Callable[[], None] | None = None,
    *,
    families: int = 40,
) -> bool:
    """On a worker: bring the demo database's schema up to date and fill it if it is empty; True
    when it was filled now. ``staff_ready`` hears who can sign in as soon as they are written,
    ``queue_ready`` when the first families are committed (seed.seed)."""
    from reviewer_app.demo.seed import is_empty, seed

    upgrade_schema(engine)
    if not is_empty(engine):
        return False
    print("建立示範資料中…", flush=True)
    seed(engine, families=families, progress=progress, staff_ready=staff_ready, queue_ready=queue_ready)
    return True


def sign_in(app: QApplication, database_url: str, username: str | None) -> StaffSession | None:
    """The sign-in dialog; the signed-in session, or None when the member cancels.

    The dialog is shown before SQLAlchemy and the desk's modules have loaded; its worker loads them
    first (``load_desk_modules``), while the member types, so the desk opens sooner after signing in."""
    from reviewer_app.qt import QDialog
    from reviewer_app.ui.access.signin_dialog import SignInDialog
    from reviewer_app.ui.common.first_paint import after_first_paint
    from reviewer_app.ui.common.gui_gc import collecting_on_the_gui_thread
    from reviewer_app.ui.common.preferences import open_settings
    from reviewer_app.ui.desk.window_imports import import_in_turns

    def sign_in_and_check(url: str, user: str, password: str) -> StaffSession:
        """On the dialog's worker: sign in, then make sure the shared database is up to date."""
        from reviewer_app.access import signin
        from reviewer_app.access.signin import SignInError

        session = signin.sign_in(url, user, password)
        try:
            require_current_schema(session.engine)
        except UserError as exc:
            session.close()
            print(f"reviewer-app: {exc}", file=sys.stderr)  # for IT: which command to run
            raise SignInError(signin.REFUSED, signin.OUTDATED_SCHEMA) from exc
        except Exception:
            session.close()
            raise
        from reviewer_app.journal import ahead

        ahead.open_ahead(config.journal_path(str(session.engine.url), session.username))
        return session

    settings = open_settings(None)
    last = username or str(settings.value(LAST_USERNAME_KEY, "") or "")
    remembered = bool(last) and str(settings.value(REMEMBERED_KEY, "") or "") == last
    dialog = SignInDialog(database_url, username=last, sign_in=sign_in_and_check, remembered=remembered)
    # Below the interface on the worker; then the window's own modules on the GUI thread, a module
    # each turn of its event loop (Qt classes are made there), all while the member types.
    dialog.run_in_background(
        lambda: load_desk_modules(database_url), name="load the desk", then=lambda _loaded: import_in_turns()
    )
    after_first_paint(dialog, _look_up_qt_enums)  # while the member types, not after Enter
    dialog.keyringFailed.connect(lambda message: print(f"reviewer-app: {message}", file=sys.stderr))
    # Its worker allocates a lot (SQLAlchemy, signing in): garbage it would collect may hold the
    # widgets of a desk closed at the idle lock, which must be freed on the GUI thread (gui_gc).
    with collecting_on_the_gui_thread(app):
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.session is not None
        session = dialog.session if accepted else None
        remember = dialog.remember_box.isChecked()
        dialog.deleteLater()
        app.processEvents()
    if session is not None:
        settings.setValue(LAST_USERNAME_KEY, session.username)  # the name only: never the password
        settings.setValue(REMEMBERED_KEY, session.username if remember else "")
        settings.sync()
    return session


def _look_up_qt_enums() -> None:
    """On the GUI thread, once the sign-in window is on screen: PySide6 builds its Qt namespace (all
    of Qt's enums, some 20 ms) at the first look-up, which the sign-in window does without and the
    desk needs at once."""
    from reviewer_app.qt import Qt

    Qt.AlignmentFlag  # noqa: B018


def load_desk_modules(database_url: str) -> None:
    """Import what signing in and opening the desk need, below the widgets: SQLAlchemy, the models,
    the journal, sync, the document store and the database's driver (on a worker: none of them
    touches Qt). Then resolve the models' relationships. SQLAlchemy would otherwise do both after
    Enter: import the driver when the engine is made (psycopg, about 0.1 s here) and resolve the
    relationships at the first query (about 30 ms)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError
    from sqlalchemy.orm import configure_mappers

    import reviewer_app.access.signin
    import reviewer_app.documents.hygiene
    import reviewer_app.documents.store
    import reviewer_app.journal
    import reviewer_app.sync.service
    import reviewer_app.ui.common.dates  # time zones: no Qt in it, left out before the paint
    from reviewer_app.shared_db.engine import normalise_url

    configure_mappers()
    # A URL or driver that cannot be used is for signing in to report, in words for the member.
    with contextlib.suppress(ArgumentError, NoSuchModuleError, ImportError):
        make_url(normalise_url(database_url)).get_dialect().import_dbapi()
    # Last (the sign-in window is on the screen by now): what the desk's window and journal need
    # below the interface, which the GUI thread would otherwise import after Enter.
    import _strptime  # noqa: F401 - the journal's first datetime.strptime would import it

    from PIL import TiffImagePlugin  # noqa: F401 - the first photo's EXIF would import it

    import reviewer_app.journal.elsewhere
    import reviewer_app.sync.resubmission  # noqa: F401

    make_url("sqlite://").get_dialect().import_dbapi()  # the journal's driver (sqlite3)


def _start_first_sync(sync: Sync) -> None:
    """Claim the member's first items now, on the network worker, while the GUI thread builds the
    desk's window (about 0.1 to 0.2 s): the window's first sync answers with this one. No decision
    waits out a grace period here: Ctrl+Z only ever takes back the open desk's own decisions."""
    from reviewer_app.ui.common import executors
    from reviewer_app.ui.common.operations import Operation

    Operation(sync.first_sync_job(), name="first sync").run_in_background(executors.network())


def _open_desk(
    app: QApplication,
    engine: Engine,
    username: str,
    display_name: str,
    facility_id: int,
    session: StaffSession | None,
    role: str | None = None,
    *,
    seeding: DemoSeeding | None = None,
) -> int:
    from reviewer_app.documents.hygiene import evict_on_sync
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import ahead
    from reviewer_app.sync.service import Sync
    from reviewer_app.ui.common.app import run_desk
    from reviewer_app.ui.desk.main_window import DeskContext

    journal = ahead.take(config.journal_path(str(engine.url), username))  # opened at the sign-in
    workstation = config.workstation_id()
    documents = DocumentStore.for_staff(engine, username)
    # Once a decision is in the shared database, its item's cached documents leave this workstation.
    if seeding is None:
        make_sync: type[Sync] = Sync
    else:  # the demo's data is still arriving: the desk's syncs wait for it (on their worker)
        from reviewer_app.ui.desk.sync_after_seed import SyncAfterSeed

        make_sync = partial(SyncAfterSeed, seeded=seeding.queue_ready)  # type: ignore[assignment]
    # One cache for the pull's fetches (R7) and the viewer's.
    sync = make_sync(
        engine,
        journal,
        username,
        workstation,
        facility_id,
        on_synced=evict_on_sync(documents, journal),
        documents=documents,
    )
    context = DeskContext(
        journal=journal,
        sync=sync,
        staff_username=username,
        staff_display_name=display_name,
        workstation=workstation,
        documents=documents,
    )
    try:
        from reviewer_app.access.roles import Actor

        role = session.role if session is not None else (role or "reviewer")
        if seeding is None and role != "counsellor":  # the review desk (a counsellor's view claims nothing)
            _start_first_sync(sync)
        actor = Actor(username, role, facility_id, workstation)
        prepare = seeding.attach if seeding is not None else None
        return run_desk(
            context, sys.argv[:1], session=session, role=role, engine=engine, actor=actor, prepare=prepare
        )
    finally:
        documents.close()
        journal.close()
