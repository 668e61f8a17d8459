"""Small PDFs written byte by byte, so the tests control every structure (pages, encryption, sizes)."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = bytes.fromhex("0123456789abcdef0123456789abcdef")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


class _Rc4Security:
    """The PDF Standard security handler, revision 2 (40-bit RC4): old, but every reader knows it."""

    permissions = -44  # print and copy refused: what "protected" government PDFs look like

    def __init__(self, user_password: str, owner_password: str) -> None:
        owner_key = hashlib.md5(_padded(owner_password or user_password)).digest()[:5]
        self.o = _rc4(owner_key, _padded(user_password))
        p = self.permissions.to_bytes(4, "little", signed=True)
        self.key = hashlib.md5(_padded(user_password) + self.o + p + _FILE_ID).digest()[:5]
        self.u = _rc4(self.key, _PAD)

    def encrypt(self, number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(self.key + number.to_bytes(3, "little") + b"\x00\x00").digest()[:10]
        return _rc4(object_key, data)

    def dictionary(self) -> bytes:
        return (
            f"<< /Filter /Standard /V 1 /R 2 /O <{self.o.hex()}> /U <{self.u.hex()}> "
            f"/P {self.permissions} >>"
        ).encode()


def build(
    page_contents: Sequence[bytes],
    *,
    media_box: tuple[float, float] = (595, 842),
    resources: bytes = b"<< >>",
    extra_objects: Sequence[bytes] = (),
    user_password: str | None = None,
    owner_password: str = "owner",
    compress: bool = True,
) -> bytes:
    """A PDF with one page per content stream; `extra_objects` become objects 3.. (for XObjects).

    With `user_password` set (even to "") the file is encrypted with the Standard security handler.
    """
    security = _Rc4Security(user_password, owner_password) if user_password is not None else None
    objects: list[bytes] = []  # index 0 is object 1
    n_pages = len(page_contents)
    first_extra = 3
    first_page = first_extra + len(extra_objects)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n_pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.extend(extra_objects)
    for i, content in enumerate(page_contents):
        page_no = first_page + 2 * i
        w, h = media_box
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Contents {page_no + 1} 0 R "
            f"/Resources ".encode()
            + resources
            + b" >>"
        )
        objects.append(_stream(content, compress))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        if security is not None:
            body = _encrypt_streams(security, number, body)
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    encrypt_ref = b""
    if security is not None:
        offsets.append(len(out))
        number = len(objects) + 1
        out += f"{number} 0 obj\n".encode() + security.dictionary() + b"\nendobj\n"
        encrypt_ref = f" /Encrypt {number} 0 R".encode()
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    file_id = _FILE_ID.hex()
    out += (
        f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R /ID [<{file_id}> <{file_id}>]".encode()
        + encrypt_ref
        + f" >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _stream(data: bytes, compress: bool, extra: bytes = b"") -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length " + str(len(data)).encode() + extra + b" >>\nstream\n" + data + b"\nendstream"


def _encrypt_streams(security: _Rc4Security, number: int, body: bytes) -> bytes:
    start = body.find(b"stream\n")
    if start < 0:
        return body
    end = body.rfind(b"\nendstream")
    head, data = body[: start + 7], body[start + 7 : end]
    return head + security.encrypt(number, data) + body[end:]


def text_page(text: str = "Hello") -> bytes:
    return f"BT /F1 36 Tf 72 720 Td ({text}) Tj ET\n0 0 1 rg 72 600 200 80 re f\n".encode()


FONT_RESOURCES = b"<< /Font << /F1 3 0 R >> >>"
FONT_OBJECT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def simple(pages: int = 1, **kwargs: object) -> bytes:
    """A readable PDF: each page has a line of text and a blue box."""
    return build(
        [text_page(f"Page {i + 1}") for i in range(pages)],
        resources=FONT_RESOURCES,
        extra_objects=[FONT_OBJECT],
        **kwargs,  # type: ignore[arg-type]
    )


def many_pages(pages: int) -> bytes:
    """Thousands of pages sharing one empty content stream: a tiny file, a huge page count."""
    return build([b""] * pages, compress=False)


def huge_image_page(width: int, height: int) -> bytes:
    """One page drawing an image XObject that claims width×height pixels from a few bytes of data."""
    raw = zlib.compress(bytes(64))
    image = (
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB "
        f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(raw)} >>\nstream\n"
    ).encode() + raw + b"\nendstream"
    return build(
        [b"q 500 0 0 700 40 70 cm /Im1 Do Q\n"],
        resources=b"<< /XObject << /Im1 3 0 R >> >>",
        extra_objects=[image],
    )


def heavy_page(rectangles: int) -> bytes:
    """One page with a great many small filled shapes: slow to render, for the time limit."""
    parts = []
    for i in range(rectangles):
        x, y = (i * 7) % 580, (i * 13) % 830
        parts.append(f"{(i % 10) / 10:.1f} 0 0 rg {x} {y} 3 3 re f\n")
    return build(["".join(parts).encode()])
