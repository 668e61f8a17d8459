"""zh-TW first: every tr() string of the interface is in the zh-TW translation, finished, and shipped.

The test extracts the strings afresh with pyside6-lupdate (as `make translations` does) and compares them
with the committed reviewer_desk_zh_TW.ts, so a new tr() string without a translation fails here.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.assets import font_path
from reviewer_app.qt import QApplication, QLocale
from reviewer_app.ui.common.i18n import TRANSLATION_BASENAME, apply_language, translations_dir
from reviewer_app.ui.queue.model import QueueModel
from reviewer_app.ui.queue.texts import waiting_text

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "reviewer_app" / "ui"
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{\w*\}")

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


def tool(name: str) -> str:
    path = TOOLS / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6-Essentials")
    return found


def messages(ts: Path) -> dict[Key, ET.Element]:
    out: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = message
    return out


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        and all(text.strip() for text in translations(message))
    )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """Every tr()/translate() string in the interface's code today."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh_zh_TW.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    found = messages(ts)
    assert len(found) > 150, "lupdate found the interface's strings"
    return found


def shipped(language: str) -> Path:
    return translations_dir() / f"{TRANSLATION_BASENAME}_{language}.ts"


def test_every_string_has_a_finished_zh_tw_translation(extracted: dict[Key, ET.Element]) -> None:
    zh = messages(shipped("zh_TW"))
    missing = sorted(k for k in extracted if k not in zh)
    assert not missing, f"tr() strings missing from the zh-TW .ts (run make translations): {missing[:10]}"
    unfinished = sorted(k for k in extracted if not is_finished(zh[k]))
    assert not unfinished, f"unfinished zh-TW translations: {unfinished[:10]}"


def test_the_english_file_has_every_string_too(extracted: dict[Key, ET.Element]) -> None:
    en = messages(shipped("en"))
    assert not sorted(k for k in extracted if k not in en)


def test_translations_keep_placeholders_and_numbers() -> None:
    for language in ("zh_TW", "en"):
        for (context, source, _comment), message in messages(shipped(language)).items():
            for text in translations(message):
                assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                    language,
                    context,
                    source,
                    text,
                )
                if "%n" in source:
                    assert "%n" in text, (language, context, source, text)


def test_translations_are_chinese_not_english() -> None:
    """A zh-TW translation that is just the English text again is not a translation."""
    cjk = re.compile(r"[\u3400-\u9fff]")
    same = [
        (ctx, src)
        for (ctx, src, _c), m in messages(shipped("zh_TW")).items()
        if re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", src))
        and not any(cjk.search(t) for t in translations(m))
    ]
    assert same == []


def test_qm_files_are_built_from_the_ts_files(tmp_path: Path) -> None:
    for language in ("zh_TW", "en"):
        copy = tmp_path / shipped(language).name
        shutil.copy(shipped(language), copy)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(copy)], check=True, timeout=120)
        built = copy.with_suffix(".qm").read_bytes()
        assert built == (translations_dir() / copy.with_suffix(".qm").name).read_bytes(), (
            f"{copy.with_suffix('.qm').name} is out of date: run make translations"
        )


def test_the_package_ships_the_qm_files_and_the_font() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["reviewer_app.resources"]
    package = ROOT / config["tool"]["setuptools"]["package-dir"]["reviewer_app.resources"]
    needed = [
        *translations_dir().glob("*.qm"),
        font_path(),
        font_path().parent / "OFL.txt",
    ]
    assert len(needed) == 4
    for path in needed:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative
    assert "SIL Open Font License" in (font_path().parent / "OFL.txt").read_text(encoding="utf-8")


def test_zh_tw_is_the_default_and_english_can_be_chosen(qtbot: QtBot, qapp: QApplication) -> None:
    assert QLocale().name() == "zh_TW"
    assert QueueModel().headers()[0] == "類別"
    assert waiting_text(3 * 86400 + 7200) == "3 天 2 小時"
    try:
        assert apply_language(qapp, "en")
        assert QLocale().language() == QLocale.Language.English
        assert QueueModel().headers() == [
            "Kind",
            "Family",
            "Inmate",
            "Submitted",
            "Waiting",
            "Rule flags",
            "Claim",
            "Status",
        ]
        assert waiting_text(3 * 86400 + 7200) == "3 d 2 h"
    finally:
        assert apply_language(qapp, "zh_TW")
    assert QueueModel().headers()[0] == "類別"


def test_the_desk_words_every_relationship_as_the_portal_does(qapp: QApplication) -> None:
    """zh-TW: each relationship (R6's in-laws included) reads as the portal's words, never a code or
    English; the English desk has its own words for each."""
    from reviewer_app.core.vocabulary import RELATIONSHIPS
    from reviewer_app.ui.common import words

    assert {code: words.relationship(code) for code in RELATIONSHIPS} == RELATIONSHIPS
    try:
        assert apply_language(qapp, "en")
        english = {code: words.relationship(code) for code in RELATIONSHIPS}
    finally:
        assert apply_language(qapp, "zh_TW")
    assert all(text != code and text.isascii() for code, text in english.items())
    assert len(set(english.values())) == len(RELATIONSHIPS)
