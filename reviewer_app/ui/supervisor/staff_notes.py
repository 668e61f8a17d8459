"""An item's staff notes (issue #21 item 6) as the second pair of eyes and the appeal reviewer read
them beside the decision: who, when, what, the oldest first. Colleagues' words are escaped, never read
as HTML; never shown to the family."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from reviewer_app.core.notes import Note
from reviewer_app.qt import QCoreApplication
from reviewer_app.ui.supervisor.common import when


def caption() -> str:
    # the desk's notes box's own words (its translation context), one caption wherever notes are read
    return QCoreApplication.translate("NotesBox", "Staff notes (never shown to the family)")


def notes_lines(notes: Sequence[Note]) -> list[str]:
    """One HTML line per note ("2026/11/02 09:00  ttd_rev1：…"); none when there are no notes."""
    return [
        f"{when(n.written_at)}&nbsp;&nbsp;{escape(n.staff_username)}：" + escape(n.body).replace("\n", "<br>")
        for n in notes
    ]


def notes_html(notes: Sequence[Note]) -> str:
    """The notes under their caption, or "" when there are none."""
    lines = notes_lines(notes)
    return f"<b>{escape(caption())}</b><br>" + "<br>".join(lines) if lines else ""
