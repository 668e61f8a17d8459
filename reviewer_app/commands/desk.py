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
    from reviewer_app.qt import QApplication

LAST_USERNAME_KEY = "signin/username"


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

    app = make_application(sys.argv[:1])
    if demo:
        # The demo fills the embedded default (or an explicit --database-url), never whatever
        # $REVIEWER_DATABASE_URL points at: that may be the facility's real database.
        from reviewer_app.ui.desk.demo_seeding import SeedingCancelled, fill_with_progress

        engine = open_engine(args, args.database_url or f"sqlite:///{config.default_database_path()}")
        try:
            fill_with_progress(lambda progress: _fill_demo(engine, progress))
        except SeedingCancelled:
            print("已取消建立示範資料；下次執行 reviewer-app demo 時會重新建立。", file=sys.stderr)
            return 1
        staff = find_staff(engine, args.user or "reviewer")
        return _open_desk(
            app, engine, staff.username, staff.display_name, staff.facility_id, None, staff.role
        )
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


def _fill_demo(engine: Engine, progress: Callable[[int, int], None]) -> None:
    """On a worker: bring the demo database's schema up to date and fill it if it is empty."""
    from reviewer_app.demo.seed import is_empty, seed

    upgrade_schema(engine)
    if is_empty(engine):
        print("建立示範資料中（約需十幾秒）…", flush=True)
        seed(engine, progress=progress)


def sign_in(app: QApplication, database_url: str, username: str | None) -> StaffSession | None:
    """The sign-in dialog; the signed-in session, or None when the member cancels.

    The dialog is shown before SQLAlchemy and the desk's modules have loaded; its worker loads them
    first (``load_desk_modules``), while the member types, so the desk opens sooner after signing in."""
    from reviewer_app.qt import QDialog
    from reviewer_app.ui.access.signin_dialog import SignInDialog
    from reviewer_app.ui.common.gui_gc import collecting_on_the_gui_thread
    from reviewer_app.ui.common.preferences import open_settings

    def sign_in_and_check(url: str, user: str, password: str) -> StaffSession:
        """On the dialog's worker: sign in, then make sure the shared database is up to date."""
        from reviewer_app.access import signin
        from reviewer_app.access.signin import SignInError

        session = signin.sign_in(url, user, password)
        try:
            require_current_schema(session.engine)
        except UserError as exc:
            session.close()
            raise SignInError(signin.REFUSED, str(exc)) from exc
        except Exception:
            session.close()
            raise
        return session

    settings = open_settings(None)
    last = username or str(settings.value(LAST_USERNAME_KEY, "") or "")
    dialog = SignInDialog(database_url, username=last, sign_in=sign_in_and_check)
    dialog.run_in_background(lambda: load_desk_modules(database_url), name="load the desk")
    dialog.keyringFailed.connect(lambda message: print(f"reviewer-app: {message}", file=sys.stderr))
    # Its worker allocates a lot (SQLAlchemy, signing in): garbage it would collect may hold the
    # widgets of a desk closed at the idle lock, which must be freed on the GUI thread (gui_gc).
    with collecting_on_the_gui_thread(app):
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.session is not None
        session = dialog.session if accepted else None
        dialog.deleteLater()
        app.processEvents()
    if session is not None:
        settings.setValue(LAST_USERNAME_KEY, session.username)  # the name only: never the password
        settings.sync()
    return session


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
    import reviewer_app.sync.service  # noqa: F401
    from reviewer_app.shared_db.engine import normalise_url

    configure_mappers()
    # A URL or driver that cannot be used is for signing in to report, in words for the member.
    with contextlib.suppress(ArgumentError, NoSuchModuleError, ImportError):
        make_url(normalise_url(database_url)).get_dialect().import_dbapi()


def _open_desk(
    app: QApplication,
    engine: Engine,
    username: str,
    display_name: str,
    facility_id: int,
    session: StaffSession | None,
    role: str | None = None,
) -> int:
    from reviewer_app.documents.hygiene import evict_on_sync
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import Journal
    from reviewer_app.sync.service import Sync
    from reviewer_app.ui.common.app import run_desk
    from reviewer_app.ui.desk.main_window import DeskContext

    journal = Journal(config.journal_path(str(engine.url), username))
    workstation = config.workstation_id()
    documents = DocumentStore.for_staff(engine, username)
    # Once a decision is in the shared database, its item's cached documents leave this workstation.
    sync = Sync(
        engine, journal, username, workstation, facility_id, on_synced=evict_on_sync(documents, journal)
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
        actor = Actor(username, role, facility_id, workstation)
        return run_desk(context, sys.argv[:1], session=session, role=role, engine=engine, actor=actor)
    finally:
        documents.close()
        journal.close()
