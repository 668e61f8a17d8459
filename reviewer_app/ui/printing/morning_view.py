"""今日工作: the counsellor's morning at one glance, from the list the print view has loaded.

Three columns: what is still to print (by housing unit), what is to hand over (by housing unit, an
inmate a row, in the order the counsellor walks: room, then call number), and what is held back and
why (a post that could not be handed over, with its reason and note). At the foot, the hand-over
sheets (簽收單, one page per unit: printing/handover_sheet.py) for units where scanning is not used;
the print view paints them on its worker. Reads nothing itself: the view gives it each list it loads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from reviewer_app.core.timeutil import local
from reviewer_app.journal.print_records import QueuedPost, unit_of
from reviewer_app.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.ui.common.file_dialog import save_file_dialog
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.printing.print_list import PrintList, post_notes

UNIT_ROLE = Qt.ItemDataRole.UserRole


def _room(post: QueuedPost) -> str:
    return post.housing_unit.strip()[len(unit_of(post.housing_unit)) :].strip()


def _header_setter(tree: QTreeWidget, column: int) -> Callable[[str], None]:
    def set_header(text: str) -> None:
        tree.headerItem().setText(column, text)

    return set_header


class MorningDialog(QDialog):
    def __init__(
        self,
        *,
        print_sheets: Callable[[], None],
        sheets_pdf: Callable[[Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("morningDialog")
        self.texts = texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        texts.bind(self.setWindowTitle, lambda: self.tr("Today's work"))
        self._print_sheets = print_sheets
        self._sheets_pdf = sheets_pdf
        self._now: datetime | None = None
        self._list: PrintList | None = None  # the day shown, worded again at a language change
        self.summary = QLabel()
        self.summary.setObjectName("morningSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.summary.setFont(font)

        self.to_print_tree = self._tree(
            "morningToPrint", [lambda: self.tr("To print"), lambda: self.tr("Posts")]
        )
        self.hand_over_tree = self._tree(
            "morningToHandOver",
            [
                lambda: self.tr("To hand over (walking order)"),
                lambda: self.tr("Room"),
                lambda: self.tr("Posts"),
            ],
        )
        self.held_tree = self._tree(
            "morningHeld", [lambda: self.tr("Held back"), lambda: self.tr("Post"), lambda: self.tr("Why")]
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for tree, stretch in ((self.to_print_tree, 2), (self.hand_over_tree, 4), (self.held_tree, 3)):
            splitter.addWidget(tree)
            splitter.setStretchFactor(splitter.indexOf(tree), stretch)

        self.print_button = QPushButton()
        self.print_button.setObjectName("morningPrintSheets")
        texts.bind(self.print_button.setText, lambda: self.tr("Print hand-over sheets…"))
        texts.bind(
            self.print_button.setToolTip,
            lambda: self.tr("One page per housing unit, for signatures where scanning is not used"),
        )
        self.print_button.clicked.connect(lambda: self._print_sheets())
        self.pdf_button = QPushButton()
        texts.bind(self.pdf_button.setText, lambda: self.tr("Hand-over sheets as PDF…"))
        self.pdf_button.setObjectName("morningSheetsPdf")
        self.pdf_button.clicked.connect(self._ask_pdf)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1200, 680)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            if self._list is not None and self._now is not None:
                self.set_list(self._list, self._now)  # the summary and the units' rows

    def _weekday(self, day: datetime) -> str:
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        return names[day.weekday()]

    def _tree(self, name: str, headers: list[Callable[[], str]]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setHeaderLabels([say() for say in headers])
        for column, say in enumerate(headers):
            self.texts.bind(_header_setter(tree, column), say)
        self.texts.bind(tree.setAccessibleName, headers[0])
        tree.setRootIsDecorated(True)
        tree.setUniformRowHeights(True)
        return tree

    def set_list(self, loaded: PrintList, now: datetime) -> None:
        """Show the day from `loaded` (the print view's list; posts already in walking order)."""
        self._now, self._list = now, loaded
        to_print = loaded.filtered("to_print")
        to_hand = loaded.filtered("to_hand_over")
        # Held back: waiting for a restriction to end or an inmate gone (暫緩轉交), and the posts that
        # could not be handed over (無法轉交), each with why.
        held = loaded.filtered("held_back") + loaded.filtered("undeliverable")
        notes = post_notes(loaded)
        day = local(now)
        self.summary.setText(
            self.tr(
                "{date} ({weekday}): to print {a} · to hand over {b} in {units} units · held back {c}"
            ).format(
                date=f"{day:%Y/%m/%d}",
                weekday=self._weekday(day),
                a=len(to_print),
                b=len(to_hand),
                units=len({unit_of(p.housing_unit) for p in to_hand}),
                c=len(held),
            )
        )
        self._by_unit(self.to_print_tree, to_print, with_room=False)
        self._by_unit(self.hand_over_tree, to_hand, with_room=True)
        self.held_tree.clear()
        for post in held:
            why = notes.get(post.post_id, "")
            who = f"{post.inmate.call_number} {post.inmate.name}"
            self.held_tree.addTopLevelItem(
                QTreeWidgetItem([f"{unit_of(post.housing_unit)}　{who}", f"#{post.post_id}", why])
            )
        for tree in (self.to_print_tree, self.hand_over_tree, self.held_tree):
            tree.expandAll()
            for column in range(tree.columnCount()):
                tree.resizeColumnToContents(column)
        has_sheets = bool(to_hand)
        self.print_button.setEnabled(has_sheets)
        self.pdf_button.setEnabled(has_sheets)

    def _by_unit(self, tree: QTreeWidget, posts: list[QueuedPost], *, with_room: bool) -> None:
        """A unit a top row (its inmates and posts counted), an inmate a row under it, in walking order."""
        tree.clear()
        units: dict[str, dict[int, list[QueuedPost]]] = {}
        for post in posts:
            units.setdefault(unit_of(post.housing_unit), {}).setdefault(post.inmate.id, []).append(post)
        for unit, inmates in units.items():
            count = sum(len(p) for p in inmates.values())
            label = self.tr("{unit} · {people} inmates, {posts} posts").format(
                unit=unit, people=len(inmates), posts=count
            )
            top = QTreeWidgetItem([label])
            top.setData(0, UNIT_ROLE, unit)
            tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for mine in inmates.values():
                first = mine[0]
                who = f"{first.inmate.call_number} {first.inmate.name}"
                numbers = "、".join(f"#{p.post_id}" for p in mine)
                top.addChild(QTreeWidgetItem([who] + ([_room(first)] if with_room else []) + [numbers]))

    def _ask_pdf(self) -> None:
        day = local(self._now) if self._now else None
        name = f"簽收單-{day:%Y%m%d}.pdf" if day else "簽收單.pdf"
        dialog = save_file_dialog(
            self, self.tr("Hand-over sheets as PDF"), Path.home() / name, self.tr("PDF files (*.pdf)"), "pdf"
        )
        chosen: list[str] = []
        dialog.fileSelected.connect(chosen.append)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and chosen:
                self.write_sheets(Path(chosen[-1]))
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def write_sheets(self, path: Path) -> None:
        """The hand-over sheets to `path` (the view writes them on its worker)."""
        self._sheets_pdf(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))
