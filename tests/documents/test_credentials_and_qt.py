"""Credentials from the keyring only; pictures to QImage off the GUI thread; one decoding path."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import keyring
from keyring.backends import fail
from PIL import Image

from reviewer_app.access.credentials import PORTAL_SERVICE, portal_credentials, save_portal_password
from reviewer_app.qt import QImage
from reviewer_app.ui.viewer.document_qt import to_qimage
from tests.documents.conftest import MemoryKeyring


def test_portal_credentials_come_from_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert portal_credentials("ttd_reviewer") is None
    assert save_portal_password("ttd_reviewer", "家人平安-2026")
    assert memory_keyring.passwords[(PORTAL_SERVICE, "ttd_reviewer")] == "家人平安-2026"
    assert portal_credentials("ttd_reviewer") == ("ttd_reviewer", "家人平安-2026")


def test_no_keyring_means_asking_not_crashing() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert portal_credentials("ttd_reviewer") is None
        assert save_portal_password("ttd_reviewer", "pw") is False
    finally:
        keyring.set_keyring(previous)


def _convert_on_a_worker(image: Image.Image) -> QImage:
    out: list[QImage] = []
    worker = threading.Thread(target=lambda: out.append(to_qimage(image)))
    worker.start()
    worker.join(10)
    return out[0]


def _rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def test_to_qimage_off_the_gui_thread_keeps_pixels_and_owns_them() -> None:
    picture = Image.new("RGB", (31, 7), (10, 200, 30))  # odd width: no row padding assumptions
    picture.putpixel((30, 6), (255, 0, 128))
    converted = _convert_on_a_worker(picture)
    del picture
    assert (converted.width(), converted.height()) == (31, 7)
    assert _rgb(converted, 0, 0) == (10, 200, 30)
    assert _rgb(converted, 30, 6) == (255, 0, 128)


def test_to_qimage_other_modes() -> None:
    grey = _convert_on_a_worker(Image.new("L", (5, 5), 77))
    assert _rgb(grey, 2, 2) == (77, 77, 77)
    clear = _convert_on_a_worker(Image.new("RGBA", (5, 5), (0, 0, 255, 0)))
    assert clear.hasAlphaChannel() and clear.pixelColor(1, 1).alpha() == 0
    palette = Image.new("P", (5, 5), 1)
    palette.putpalette([0, 0, 0, 250, 120, 10])
    assert _rgb(_convert_on_a_worker(palette), 0, 0) == (250, 120, 10)


#: Files outside reviewer_app/documents/ that decode pictures which are not a family's bytes.
NOT_FAMILY_BYTES = {
    # The print pipeline gets its pictures from the loader and re-encodes them as JPEG for the printer;
    # these decode that re-encoding, never an upload.
    "printing/batch.py",
    "printing/render.py",
}


def test_documents_are_decoded_only_by_the_loader() -> None:
    """Nothing outside reviewer_app/documents/ decodes uploaded bytes (images, PDFs) itself."""
    decoding = re.compile(r"Image\.open\(|PdfDocument\(|fromData\(|loadFromData\(|QImageReader|QPdfDocument")
    package = Path(__file__).resolve().parents[2] / "reviewer_app"
    offenders = [
        f"{path.relative_to(package).as_posix()}:{number}"
        for path in package.rglob("*.py")
        if path.relative_to(package).parts[0] != "documents"
        and path.relative_to(package).as_posix() not in NOT_FAMILY_BYTES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if decoding.search(line)
    ]
    assert offenders == []
