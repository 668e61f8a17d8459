"""The document viewer's actions and their keys; the words keep the viewer's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer_app.qt import QCoreApplication
from reviewer_app.ui.common.shortcuts import make_action

if TYPE_CHECKING:
    from reviewer_app.ui.viewer.document_viewer import DocumentViewer

translate = QCoreApplication.translate


def build_actions(viewer: DocumentViewer) -> None:
    """The viewer's actions (documents, zoom, rotation, pages, compare), kept as its attributes."""
    viewer.next_document_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Next document"),
        ["]"],
        viewer.next_document,
        "nextDocumentAction",
        "documents",
    )
    viewer.previous_document_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Previous document"),
        ["["],
        viewer.previous_document,
        "previousDocumentAction",
        "documents",
    )
    viewer.zoom_in_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "+", "zoom in button"),
        ["+", "="],
        viewer.zoom_in,
        "zoomInAction",
        "documents",
        lambda: translate("DocumentViewer", "Zoom in"),
    )
    viewer.zoom_out_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "−", "zoom out button"),
        ["-"],
        viewer.zoom_out,
        "zoomOutAction",
        "documents",
        lambda: translate("DocumentViewer", "Zoom out"),
    )
    viewer.fit_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Fit width"),
        ["0"],
        viewer.fit,
        "fitAction",
        "documents",
        lambda: translate("DocumentViewer", "Fit the document to the view's width"),
    )
    viewer.fit_page_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Whole page"),
        ["P"],
        viewer.fit_page,
        "fitPageAction",
        "documents",
        lambda: translate("DocumentViewer", "Show the whole document in the view"),
    )
    viewer.actual_size_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "100%"),
        ["1"],
        viewer.actual_size,
        "actualSizeAction",
        "documents",
        lambda: translate("DocumentViewer", "Actual size (100%)"),
    )
    viewer.rotate_right_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Rotate ↻"),
        ["R"],
        lambda: viewer.rotate(90),
        "rotateRightAction",
        "documents",
        lambda: translate("DocumentViewer", "Rotate clockwise"),
    )
    viewer.rotate_left_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Rotate ↺"),
        ["Shift+R"],
        lambda: viewer.rotate(-90),
        "rotateLeftAction",
        "documents",
        lambda: translate("DocumentViewer", "Rotate anticlockwise"),
    )
    viewer.next_page_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "›", "next page button"),
        ["PgDown"],
        viewer.next_page,
        "nextPageAction",
        "documents",
        lambda: translate("DocumentViewer", "Next PDF page"),
    )
    viewer.previous_page_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "‹", "previous page button"),
        ["PgUp"],
        viewer.previous_page,
        "previousPageAction",
        "documents",
        lambda: translate("DocumentViewer", "Previous PDF page"),
    )
    viewer.compare_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Compare"),
        ["C"],
        viewer.toggle_compare,
        "compareAction",
        "documents",
        lambda: translate("DocumentViewer", "Compare the applicant's photo with the ID document"),
    )
    viewer.compare_action.setCheckable(True)
    viewer.focus_view_action = make_action(
        viewer,
        lambda: translate("DocumentViewer", "Focus the document (arrow keys pan, Esc returns)"),
        ["V"],
        viewer.focus_view,
        "focusViewAction",
        "documents",
    )
