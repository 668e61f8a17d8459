"""What the print view's tests look at: the facility's approved posts, and the view at rest."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Post
from reviewer_app.ui.printing.print_view import PrintView


def approved_ids(engine: Engine) -> list[int]:
    with Session(engine) as s:
        return list(s.scalars(select(Post.id).where(Post.status == "approved", Post.facility_id == 1)))


def settle(qtbot: QtBot, view: PrintView) -> None:
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=60_000)
