"""The right-hand side of the desk: everything about the selected item, and the two decisions.

The panel only shows an :class:`~reviewer_app.ui.desk_data.ItemDetail` (plain data loaded on a worker)
and asks for decisions through its actions; the main window carries them out. Everything a family
wrote (names, titles, post bodies, file names) is shown as plain text, never as rich text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from reviewer_app.rules import Finding, child_age, date_text, size_text, types_text
from reviewer_app.timeutil import local
from reviewer_app.ui.desk_data import ItemDetail
from reviewer_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QFont,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    QScrollArea,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.vocabulary import (
    APPLICATION_STATUSES,
    DOCUMENT_KINDS,
    ITEM_KINDS,
    OUTCOMES,
    POST_STATUSES,
    RELATIONSHIPS,
    RESTRICTION_KINDS,
)

APPROVE_KEYS = (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"))
REJECT_KEYS = (QKeySequence("Ctrl+R"),)

BLOCKING_STYLE = "color: #a4000f;"
NOTICE_STYLE = "color: #5a4a00;"
BANNER_STYLES = {
    "held": "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;",
    "decided": "background: #e4f1e4; border: 1px solid #8fbf8f; padding: 6px;",
    "conflict": "background: #fde2e1; border: 1px solid #d08080; padding: 6px;",
}


def _plain(text: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _clear(layout: QVBoxLayout | QFormLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def _shortcut_text(keys: tuple[QKeySequence, ...]) -> str:
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText)


class DecisionPanel(QWidget):
    """Shows one item: who, what, documents, rule findings, the family's standing and history."""

    approveRequested = Signal()
    rejectRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: ItemDetail | None = None
        self._busy = False

        self.approve_action = QAction(self.tr("審核通過"), self)
        self.approve_action.setShortcuts(list(APPROVE_KEYS))
        self.approve_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.approve_action.triggered.connect(self.approveRequested)
        self.reject_action = QAction(self.tr("退件…"), self)
        self.reject_action.setShortcuts(list(REJECT_KEYS))
        self.reject_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.reject_action.triggered.connect(self.rejectRequested)
        self.addActions([self.approve_action, self.reject_action])

        self.title = _plain(selectable=False)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setObjectName("itemTitle")

        self.banner = _plain()
        self.banner.setObjectName("statusBanner")
        self.banner.hide()

        self.header_form = QFormLayout()
        self.header_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.content_box = QGroupBox(self.tr("內容"))
        self.content_form = QFormLayout(self.content_box)
        self.content_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.documents_box = QGroupBox(self.tr("文件"))
        self.documents_model = QStandardItemModel(0, 4, self)
        self.documents_model.setHorizontalHeaderLabels(
            [self.tr("類別"), self.tr("檔名"), self.tr("大小"), self.tr("類型")]
        )
        self.documents_view = QTreeView()
        self.documents_view.setModel(self.documents_model)
        self.documents_view.setRootIsDecorated(False)
        self.documents_view.setUniformRowHeights(True)
        self.documents_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents_view.header().setStretchLastSection(True)
        self.documents_empty = _plain(self.tr("（無上傳文件）"))
        doc_layout = QVBoxLayout(self.documents_box)
        doc_layout.addWidget(self.documents_view)
        doc_layout.addWidget(self.documents_empty)

        self.findings_box = QGroupBox(self.tr("規則檢查"))
        self.findings_layout = QVBoxLayout(self.findings_box)

        self.standing_box = QGroupBox(self.tr("家屬狀態"))
        self.standing_label = _plain()
        self.standing_label.setObjectName("standing")
        QVBoxLayout(self.standing_box).addWidget(self.standing_label)

        self.history_box = QGroupBox(self.tr("歷程"))
        self.history_layout = QVBoxLayout(self.history_box)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.banner)
        body_layout.addLayout(self.header_form)
        boxes = (self.content_box, self.findings_box, self.documents_box, self.standing_box, self.history_box)
        for box in boxes:
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        self.placeholder = _plain(self.tr("請從左側清單選擇要審核的案件。"), selectable=False)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.approve_button = QPushButton(self.tr("審核通過"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(self.approve_action.trigger)
        self.reject_button = QPushButton(self.tr("退件…"))
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(self.reject_action.trigger)
        for button in (self.approve_button, self.reject_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(34)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.approve_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.show_detail(None)

    # ---- state ---------------------------------------------------------------------------------

    def detail(self) -> ItemDetail | None:
        return self._detail

    def set_busy(self, busy: bool) -> None:
        """While a decision is being recorded, no second one can be asked for."""
        self._busy = busy
        self._update_actions()

    def show_detail(self, detail: ItemDetail | None) -> None:
        if detail is not None and detail == self._detail:
            self._update_actions()
            return
        self._detail = detail
        self.placeholder.setVisible(detail is None)
        self.scroll_area.setVisible(detail is not None)
        if detail is not None:
            self._fill(detail)
            self.scroll_area.verticalScrollBar().setValue(0)
        self._update_actions()

    def _update_actions(self) -> None:
        d = self._detail
        decidable = d is not None and d.decidable and not self._busy
        blocking = d.blocking if d is not None else ()
        self.approve_action.setEnabled(decidable and not blocking)
        self.reject_action.setEnabled(decidable)
        self.approve_button.setEnabled(self.approve_action.isEnabled())
        self.reject_button.setEnabled(self.reject_action.isEnabled())

        approve_keys = _shortcut_text(APPROVE_KEYS)
        reject_keys = _shortcut_text(REJECT_KEYS)
        if d is not None and d.decidable and blocking:
            rule_ids = "、".join(dict.fromkeys(f.rule_id for f in blocking))
            approve_tip = self.tr(
                "不能審核通過：尚有 {count} 項未符合規定（{rules}），請退件或待其排除"
            ).format(count=len(blocking), rules=rule_ids)
        elif d is not None and not d.decidable:
            approve_tip = self.tr("此案件已有決定；如需更改，請先復原（Ctrl+Z）")
        else:
            approve_tip = self.tr("審核通過（{keys}）").format(keys=approve_keys)
        reject_tip = self.tr("選擇審核未通過原因並退件（{keys}）").format(keys=reject_keys)
        self.approve_action.setToolTip(approve_tip)
        self.approve_button.setToolTip(approve_tip)
        self.reject_action.setToolTip(reject_tip)
        self.reject_button.setToolTip(reject_tip)

    # ---- filling -------------------------------------------------------------------------------

    def _fill(self, d: ItemDetail) -> None:
        snap = d.snapshot
        self.title.setText(
            self.tr("{kind}　#{id}").format(kind=ITEM_KINDS.get(d.kind, d.kind), id=d.item_id)
        )
        self._fill_banner(d)
        self._fill_header(snap)
        if d.kind == "post":
            self._fill_post(snap)
        else:
            self._fill_application(snap)
        self._fill_documents(snap.get("documents", []))
        self._fill_findings(d.findings)
        self._fill_standing(d)
        self._fill_history(d)

    def _fill_banner(self, d: ItemDetail) -> None:
        text, style = "", ""
        if d.decision is not None and not d.decidable:
            outcome = OUTCOMES.get(d.decision.outcome, d.decision.outcome)
            if d.decision.state == "pending":
                text = self.tr("已決定：{outcome}，待同步到共用資料庫（Ctrl+Z 可復原）").format(
                    outcome=outcome
                )
                style = BANNER_STYLES["decided"]
            elif d.decision.state == "conflict":
                text = self.tr("本工作站決定「{outcome}」未生效：{reason}").format(
                    outcome=outcome, reason=d.decision.conflict_reason or ""
                )
                style = BANNER_STYLES["conflict"]
            else:
                text = self.tr("已決定：{outcome}，已同步").format(outcome=outcome)
                style = BANNER_STYLES["decided"]
        elif d.local_status == "held" or any(f.held for f in d.findings):
            why = d.held_reason or "；".join(f.message for f in d.findings if f.held)
            text = self.tr("暫緩審核：{why}").format(why=why)
            style = BANNER_STYLES["held"]
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.setVisible(bool(text))

    def _fill_header(self, snap: dict[str, Any]) -> None:
        _clear(self.header_form)
        applicant = snap["applicant"]
        inmate = snap["inmate"]
        rows = [
            (self.tr("家屬"), f"{applicant['name']}（{applicant['national_id_masked']}）"),
            (self.tr("與收容人關係"), RELATIONSHIPS.get(snap["relationship"], snap["relationship"])),
            (
                self.tr("收容人"),
                self.tr("呼號 {call}　{name}（{unit}）").format(
                    call=inmate["call_number"], name=inmate["name"], unit=inmate["housing_unit"]
                ),
            ),
            (self.tr("矯正機關"), snap["facility"]["name"]),
            (self.tr("送件時間"), _datetime_text(snap["submitted_at"])),
        ]
        for label, value in rows:
            self.header_form.addRow(label + "：", _plain(value))

    def _fill_post(self, snap: dict[str, Any]) -> None:
        self.content_box.setTitle(self.tr("家庭聯絡簿內容"))
        _clear(self.content_form)
        limit = snap["policy"]["body_max_chars"]
        title = _plain(snap["title"] or self.tr("（未填寫標題）"))
        title.setObjectName("postTitle")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        body = _plain(snap["body"] or self.tr("（未填寫內文）"))
        body.setObjectName("postBody")
        length = len(snap["body"])
        count = _plain(self.tr("{length}/{limit} 字").format(length=length, limit=limit))
        if length > limit:
            count.setStyleSheet(BLOCKING_STYLE)
        self.content_form.addRow(self.tr("標題："), title)
        self.content_form.addRow(self.tr("內文："), body)
        self.content_form.addRow(self.tr("字數："), count)

    def _fill_application(self, snap: dict[str, Any]) -> None:
        self.content_box.setTitle(self.tr("服務項目申請內容"))
        _clear(self.content_form)
        inmate = snap["inmate"]
        entered = snap["call_number_entered"] or self.tr("（未填寫）")
        confirmed = self.tr("是") if snap["surname_confirmed"] else self.tr("否")
        today = local(self._detail.evaluated_at).date() if self._detail else date.today()
        ages = [
            self.tr("{age} 歲").format(age=child_age(date.fromisoformat(b), today))
            for b in inmate["children"]
        ]
        children = (
            self.tr("{count} 名（{ages}）").format(count=len(ages), ages="、".join(ages))
            if ages else self.tr("未登錄")
        )
        restrictions = [
            self.tr("{kind}：{start} 起{end}").format(
                kind=RESTRICTION_KINDS.get(r["kind"], r["kind"]),
                start=date_text(date.fromisoformat(r["starts_on"])),
                end=(
                    self.tr("至 {end}").format(end=date_text(date.fromisoformat(r["ends_on"])))
                    if r["ends_on"] else self.tr("（未定結束日）")
                ),
            )
            for r in inmate["restrictions"]
        ]
        self.content_form.addRow(self.tr("申請填寫呼號："), _plain(entered))
        self.content_form.addRow(self.tr("收容人呼號："), _plain(inmate["call_number"]))
        self.content_form.addRow(self.tr("已確認申請對象："), _plain(confirmed))
        self.content_form.addRow(self.tr("收容人子女："), _plain(children))
        self.content_form.addRow(
            self.tr("限制紀錄："), _plain("\n".join(restrictions) if restrictions else self.tr("無"))
        )
        self.content_form.addRow(
            self.tr("其他服務："),
            _plain(
                self.tr("審核通過 {approved} 件，審核中 {pending} 件").format(
                    approved=snap["other_approved_services"], pending=snap["other_pending_applications"]
                )
            ),
        )

    def _fill_documents(self, documents: list[dict[str, Any]]) -> None:
        model = self.documents_model
        model.removeRows(0, model.rowCount())
        for doc in documents:
            cells = [
                QStandardItem(DOCUMENT_KINDS.get(doc["kind"], doc["kind"])),
                QStandardItem(doc["filename"]),
                QStandardItem(size_text(doc["size_bytes"])),
                QStandardItem(types_text([doc["mime_type"]])),
            ]
            cells[0].setData(doc["id"], Qt.ItemDataRole.UserRole)
            for cell in cells:
                cell.setEditable(False)
            model.appendRow(cells)
        self.documents_view.setVisible(bool(documents))
        self.documents_empty.setVisible(not documents)
        if documents:
            row_height = max(self.documents_view.sizeHintForRow(0), 20)
            header = self.documents_view.header().sizeHint().height()
            frame = 2 * self.documents_view.frameWidth()
            height = header + row_height * len(documents) + frame + 2
            self.documents_view.setFixedHeight(height)

    def _fill_findings(self, findings: tuple[Finding, ...]) -> None:
        _clear(self.findings_layout)
        if not findings:
            self.findings_layout.addWidget(_plain(self.tr("符合各項規定")))
            return
        for f in findings:
            if f.held:
                mark = self.tr("暫緩")
            elif f.blocks:
                mark = self.tr("未符合")
            else:
                mark = self.tr("提醒")
            label = _plain(f"【{mark}】{f.rule_id}　{f.message}")
            label.setProperty("ruleId", f.rule_id)
            label.setProperty("blocks", f.blocks)
            label.setStyleSheet(BLOCKING_STYLE if f.blocks else NOTICE_STYLE)
            self.findings_layout.addWidget(label)

    def _fill_standing(self, d: ItemDetail) -> None:
        s = d.standing
        lines = [
            self.tr("退件累計 {strikes}/{threshold}").format(strikes=s.strikes, threshold=s.strike_threshold)
        ]
        if s.suspended_until is not None:
            lines.append(
                self.tr("發佈權限暫停至 {day}").format(day=date_text(local(s.suspended_until).date()))
            )
        elif s.strikes == s.strike_threshold - 1:
            lines.append(self.tr("再以違規退件 1 次將暫停發佈權限"))
        self.standing_label.setText("　".join(lines))

    def _fill_history(self, d: ItemDetail) -> None:
        _clear(self.history_layout)
        entries = [
            h for h in d.snapshot.get("history", []) if (h["kind"], h["id"]) != (d.kind, d.item_id)
        ]
        if not entries:
            self.history_layout.addWidget(_plain(self.tr("無其他紀錄")))
            return
        for h in entries:
            statuses = POST_STATUSES if h["kind"] == "post" else APPLICATION_STATUSES
            what = ITEM_KINDS.get(h["kind"], h["kind"])
            if h.get("title"):
                what += f"「{h['title']}」"
            day = _datetime_text(h["submitted_at"], with_time=False)
            line = f"{day}　{what}　{statuses.get(h['status'], h['status'])}"
            self.history_layout.addWidget(_plain(line))


def _datetime_text(value: str, *, with_time: bool = True) -> str:
    moment = local(datetime.fromisoformat(value))
    return f"{moment:%Y/%m/%d %H:%M}" if with_time else f"{moment:%Y/%m/%d}"
