"""A value a screen reader reaches on its own says what it is: "類型：JPEG", not "JPEG".

Facts are shown as a caption and a value side by side; the value label (selectable, so it takes the
focus on a click and a screen reader's review cursor stops on it) gets the caption in its
accessible name, kept in step with the text by the caller.
"""

from __future__ import annotations

from reviewer_app.qt import QFormLayout, QLabel


def with_caption(caption: str, value: QLabel) -> None:
    value.setAccessibleName(f"{caption.rstrip('：:').strip()}：{value.text()}")


def name_form_values(form: QFormLayout) -> None:
    """Every caption-and-value row of ``form`` (both labels): the value says its caption."""
    for row in range(form.rowCount()):
        caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = caption.widget() if caption is not None else None
        value = field.widget() if field is not None else None
        if isinstance(label, QLabel) and isinstance(value, QLabel):
            with_caption(label.text(), value)
