"""Actions with keyboard shortcuts, named once: their tooltips and the help overlay come from here.

Every command of the desk is a ``QAction`` made by :func:`make_action`: it has at least one shortcut,
its tooltip names the shortcut ("Approve (Ctrl+Return)"), and it carries its help group, so the help
overlay (F1 or ?) lists exactly the actions that exist.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

from reviewer_app.qt import QAction, QCoreApplication, QKeySequence, QObject, Qt, QWidget

log = logging.getLogger(__name__)

HELP_GROUP = "helpGroup"
BASE_TOOLTIP = "baseToolTip"
#: What the action does, fixed when it is made: the help overlay shows this, not the tooltip, which
#: may say why the action is off for the current item (C on a post).
HELP_TEXT = "helpText"
PORTABLE = QKeySequence.SequenceFormat.PortableText
# The action's own keys (portable text), to go back to when the reviewer's own are reset.
DEFAULT_KEYS = "defaultKeys"


def group_title(group: str) -> str:
    titles = {
        "decide": QCoreApplication.translate("Shortcuts", "Decisions"),
        "queue": QCoreApplication.translate("Shortcuts", "Queue"),
        "documents": QCoreApplication.translate("Shortcuts", "Documents"),
        "desk": QCoreApplication.translate("Shortcuts", "Desk"),
        "print": QCoreApplication.translate("Shortcuts", "Printing and hand-over"),
    }
    return titles.get(group, group)


#: The order of the groups in the help overlay.
GROUPS = ("decide", "queue", "documents", "desk")


def keys_text(action: QAction) -> str:
    """All shortcuts of an action as the platform writes them: "Ctrl+Return, Ctrl+Enter"."""
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


def first_key_text(action: QAction) -> str:
    shortcuts = action.shortcuts()
    return shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""


def with_keys(text: str, action: QAction) -> str:
    """A tooltip that names the action's shortcut: "Zoom in (+)"."""
    keys = first_key_text(action)
    return (
        QCoreApplication.translate("Shortcuts", "{text} ({keys})").format(text=text, keys=keys)
        if keys
        else text
    )


def set_tooltip(action: QAction, text: str) -> None:
    """Set the action's tooltip to ``text`` plus its shortcut."""
    action.setProperty(BASE_TOOLTIP, text)
    action.setToolTip(with_keys(text, action))


Words = str | Callable[[], str]
#: How the action's text and tooltip are said (callables), to say them again when the language changes.
_SAID = "_said"


def make_action(
    parent: QObject,
    text: Words,
    keys: Sequence[str | QKeySequence | QKeySequence.StandardKey],
    slot: Callable[[], object] | None,
    name: str,
    group: str,
    tooltip: Words | None = None,
) -> QAction:
    """A window-wide action with its shortcuts, a tooltip naming them and its help group. Given as
    callables (``lambda: tr("Approve")``), its words follow the language: :func:`retranslate_actions`."""
    action = QAction(parent)
    action.setObjectName(name)
    setattr(action, _SAID, (text, tooltip))
    _say(action)
    sequences: list[QKeySequence] = []
    for key in keys:
        sequences.append(key if isinstance(key, QKeySequence) else QKeySequence(key))
    action.setShortcuts(sequences)
    action.setProperty(
        DEFAULT_KEYS, QKeySequence.listToString(sequences, QKeySequence.SequenceFormat.PortableText)
    )
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setProperty(HELP_GROUP, group)
    _say(action)  # again, its tooltip naming the keys it has now
    if slot is not None:
        action.triggered.connect(slot)
    if isinstance(parent, QWidget):
        parent.addAction(action)
    return action


def _say(action: QAction) -> None:
    text, tooltip = getattr(action, _SAID)
    said = text() if callable(text) else text
    tip = (tooltip() if callable(tooltip) else tooltip) or said.rstrip("….")
    action.setText(said)
    set_tooltip(action, tip)
    action.setProperty(HELP_TEXT, tip)


def retranslate_actions(widget: QObject) -> None:
    """The actions of ``widget`` and its children made with words that follow the language: said in
    the language installed now (their tooltips naming the keys they have)."""
    for action in widget.findChildren(QAction):
        if hasattr(action, _SAID):
            _say(action)


def help_actions(widget: QWidget) -> list[QAction]:
    """The actions of ``widget`` and its children that belong in the help overlay, in group order."""
    found = [a for a in widget.findChildren(QAction) if a.property(HELP_GROUP)]
    order = {g: i for i, g in enumerate(GROUPS)}
    return sorted(found, key=lambda a: order.get(str(a.property(HELP_GROUP)), len(order)))


def apply_chosen(widget: QWidget, chosen: Mapping[str, Sequence[QKeySequence]]) -> list[str]:
    """Give the actions of ``widget`` the keys the reviewer chose (by action name), their tooltips
    naming them. A key another command has is not taken (one key doing two things does neither, Qt's
    ambiguous shortcut): that action keeps its own keys. Returns the names applied."""
    actions = {a.objectName(): a for a in help_actions(widget)}
    applied = []
    for name in sorted(chosen):
        action = actions.get(name)
        if action is None:
            continue  # a command of another version of the desk
        keys = list(chosen[name])
        others = {k.toString() for a in actions.values() if a is not action for k in a.shortcuts()}
        clash = [k.toString() for k in keys if k.toString() in others]
        if clash:
            log.warning("shortcut %s for %s is another command's; kept %s", clash, name, keys_text(action))
            continue
        set_keys(action, keys)
        applied.append(name)
    return applied


def default_keys(action: QAction) -> list[QKeySequence]:
    """The keys the action was made with."""
    text = str(action.property(DEFAULT_KEYS) or "")
    return QKeySequence.listFromString(text, PORTABLE) if text else []


def description(action: QAction) -> str:
    """What the action does, as the help overlay says it."""
    return str(action.property(HELP_TEXT) or action.property(BASE_TOOLTIP) or action.text()).replace("&", "")


def set_keys(action: QAction, keys: Sequence[QKeySequence]) -> None:
    """New keys for an action; its tooltip names them."""
    action.setShortcuts(list(keys))
    set_tooltip(action, str(action.property(BASE_TOOLTIP) or action.text()))
