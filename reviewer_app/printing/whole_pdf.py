"""A PDF file is written whole or not at all.

Qt's PDF engine does not report failed writes: on a full disk it leaves a truncated file and says
nothing, and the run would be recorded as printed (the morning batch then lost: it is no longer
waiting to be printed). So a PDF printer writes to ``NAME.partial`` beside the file asked for; once
painting has ended the file must end with the PDF trailer and reach the disk (fsync), and only then is
it renamed to its name. Anything else raises :class:`PrintFailed` and leaves no file under either name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewer_app.core import private_files
from reviewer_app.printing.render import PrintFailed
from reviewer_app.qt import QPagedPaintDevice, QPrinter

#: A complete PDF ends with this marker, give or take a line break.
TRAILER = b"%%EOF"


@contextmanager
def written_whole(device: QPagedPaintDevice) -> Iterator[None]:
    """Paint inside this block; a printer writing a PDF file gets it only if the file came out whole.
    Other devices (a paper printer, a preview) are left as they are."""
    if not (
        isinstance(device, QPrinter)
        and device.outputFormat() == QPrinter.OutputFormat.PdfFormat
        and device.outputFileName()
    ):
        yield
        return
    final = Path(device.outputFileName())
    partial = final.with_name(final.name + ".partial")
    # 0600 before Qt writes it (Qt keeps an existing file's mode): families' names, messages, photos.
    partial.unlink(missing_ok=True)
    private_files.create_private(partial)
    device.setOutputFileName(str(partial))
    try:
        yield
        _put_in_place(partial, final)
    finally:
        device.setOutputFileName(str(final))  # what the caller asked for, for its messages
        partial.unlink(missing_ok=True)


def _put_in_place(partial: Path, final: Path) -> None:
    incomplete = PrintFailed(
        f"PDF 未能完整寫入 {final}（磁碟空間不足或無法寫入），未登錄為已列印；請釋出空間或改存他處後重新列印"
    )
    try:
        with partial.open("rb+") as pdf:
            size = pdf.seek(0, os.SEEK_END)
            pdf.seek(max(0, size - 64))
            if not pdf.read().rstrip().endswith(TRAILER):
                raise incomplete
            os.fsync(pdf.fileno())  # a disk that fills up only at the flush fails here, not later
        os.replace(partial, final)
    except OSError as exc:
        raise incomplete from exc
