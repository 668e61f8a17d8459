"""What a screen reader says for each part of the desk: a name, and a description where the name alone
does not tell how to use it (the keys).

Buttons and filters are named by their own text; the parts named here are those whose text is no
name (a table, an image, the search box's placeholder, a scroll area). Kept in one place so a new
part of the desk is named next to the others; a test walks every focusable widget of the open desk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer_app.qt import QAbstractScrollArea, QCoreApplication, QWidget
from reviewer_app.ui.viewer.compare_pane import COMPARE_KINDS

if TYPE_CHECKING:
    from reviewer_app.ui.desk.main_window import MainWindow


translate = QCoreApplication.translate


def name(widget: QWidget, text: str, description: str = "") -> None:
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    # A scroll area's viewport takes the focus for it: it says the same.
    if isinstance(widget, QAbstractScrollArea):
        widget.viewport().setAccessibleName(text)
        if description:
            widget.viewport().setAccessibleDescription(description)


def name_desk(window: MainWindow) -> None:
    queue = window.queue
    name(
        queue.table,
        translate("AccessibleNames", "Review queue"),
        translate(
            "AccessibleNames", "J next item, K previous item, Ctrl+Enter approve, Ctrl+R reject, F1 all keys"
        ),
    )
    name(
        queue.search,
        translate("AccessibleNames", "Search the queue"),
        translate("AccessibleNames", "Family, inmate, call number or title; Esc clears the search"),
    )
    name(
        queue.kind_filter,
        translate("AccessibleNames", "Filter by kind"),
        translate("AccessibleNames", "Alt+1 opens the list"),
    )
    name(
        queue.status_filter,
        translate("AccessibleNames", "Filter by status"),
        translate("AccessibleNames", "Alt+2 opens the list"),
    )
    name(
        queue.flag_filter,
        translate("AccessibleNames", "Filter by rule flag"),
        translate("AccessibleNames", "Alt+3 opens the list"),
    )

    viewer = window.viewer
    name(
        viewer,
        translate("AccessibleNames", "Documents of the item"),
        translate(
            "AccessibleNames", "The item's documents: thumbnails, the document shown large and its details"
        ),
    )
    name(
        viewer.strip,
        translate("AccessibleNames", "Documents of the item"),
        translate("AccessibleNames", "Arrow keys choose a document"),
    )
    name(
        viewer.view,
        translate("AccessibleNames", "Document shown large"),
        translate(
            "AccessibleNames",
            "+ and - zoom, 0 fits the width, R rotates, arrow keys move, Esc back to the queue",
        ),
    )
    compare_titles = {
        "applicant_photo": translate("AccessibleNames", "Applicant's photo"),
        "id_document": translate("AccessibleNames", "ID document"),
    }
    for kind in COMPARE_KINDS:
        view = viewer.findChild(QWidget, f"compareView_{kind}")
        if view is not None:
            name(view, compare_titles.get(kind, kind))

    panel = window.panel
    name(
        panel,
        translate("AccessibleNames", "Decision"),
        translate(
            "AccessibleNames",
            "The item's facts, rule check and family history; Ctrl+Enter approve, Ctrl+R reject",
        ),
    )
    name(panel.scroll_area, translate("AccessibleNames", "Facts of the item"))
