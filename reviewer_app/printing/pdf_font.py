"""A copy of the shipped font for printing, so that a printed PDF's text reads back as written.

Qt writes a PDF's text as glyph numbers plus a ToUnicode map from each glyph back to a character. A
CJK font draws some characters with the very same glyph as others: 大 (U+5927) and the Kangxi radical
⼤ (U+2F24), 長 and the radical ⻑, ／ (U+FF0F) and ∕ (U+2215)… Qt names each glyph by the lowest
character that maps to it, so a PDF printed with Noto Sans TC as shipped says ⼤家 and ⻑ where the
family wrote 大家 and 長: a search for the inmate's name or a word of the post then fails.

This module makes, in memory, a copy of the font whose character map leaves out those rarely meant
twins (the radicals, and a few symbols whose full-width form is what Chinese text uses), under its
own family name (``Noto Sans TC Print``) so that it never replaces the desk's own font on screen. The
glyphs, metrics and everything else stay exactly as shipped (SIL Open Font License 1.1 allows
modified copies; the name does not use the Reserved Font Name "Source").
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
from typing import Final

PRINT_FAMILY: Final = "Noto Sans TC Print"
_HEAD_MAGIC: Final = 0xB1B0AFBA


class FontFormatError(ValueError):
    """The bytes are not an OpenType font this module can rewrite."""


def _preferred(cp: int) -> bool:
    """Characters text really uses: unified ideographs, full-width ASCII forms, the ideographic space."""
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xFF01 <= cp <= 0xFF5E or cp == 0x3000


def _twin(cp: int) -> bool:
    """Characters that may be dropped when they share a glyph with a preferred one: radicals, general
    punctuation, mathematical symbols, CJK symbols."""
    return 0x2000 <= cp <= 0x2FDF or 0x3000 <= cp <= 0x303F


def twins_to_drop(mapping: dict[int, int]) -> set[int]:
    """The characters that would name a glyph in place of the preferred character drawn with it."""
    by_glyph: dict[int, list[int]] = {}
    for cp, glyph in mapping.items():
        if glyph:
            by_glyph.setdefault(glyph, []).append(cp)
    drop: set[int] = set()
    for cps in by_glyph.values():
        preferred = [cp for cp in cps if _preferred(cp)]
        if not preferred:
            continue
        first = min(preferred)
        drop.update(cp for cp in cps if cp < first and not _preferred(cp) and _twin(cp))
    return drop


# ---- reading -----------------------------------------------------------------------------------------


def _tables(data: bytes) -> tuple[bytes, dict[str, bytes]]:
    if len(data) < 12:
        raise FontFormatError("too short")
    version, count = struct.unpack(">4sH", data[:6])
    if version not in (b"OTTO", b"\x00\x01\x00\x00", b"true"):
        raise FontFormatError("not an OpenType/TrueType font")
    tables: dict[str, bytes] = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if offset + length > len(data):
            raise FontFormatError("table outside the file")
        tables[tag.decode("latin-1")] = data[offset : offset + length]
    return version, tables


def _subtable_length(cmap: bytes, offset: int) -> int:
    fmt = struct.unpack(">H", cmap[offset : offset + 2])[0]
    if fmt in (0, 2, 4, 6):
        return int(struct.unpack(">H", cmap[offset + 2 : offset + 4])[0])
    if fmt in (8, 10, 12, 13):
        return int(struct.unpack(">I", cmap[offset + 4 : offset + 8])[0])
    if fmt == 14:
        return int(struct.unpack(">I", cmap[offset + 2 : offset + 6])[0])
    raise FontFormatError(f"cmap subtable format {fmt}")


def _read_format12(sub: bytes) -> dict[int, int]:
    groups = struct.unpack(">I", sub[12:16])[0]
    mapping: dict[int, int] = {}
    for g in range(groups):
        start, end, glyph = struct.unpack(">III", sub[16 + 12 * g : 28 + 12 * g])
        for cp in range(start, end + 1):
            mapping[cp] = glyph + cp - start
    return mapping


def _read_format4(sub: bytes) -> dict[int, int]:
    seg2 = struct.unpack(">H", sub[6:8])[0]
    segs = seg2 // 2
    ends = struct.unpack(f">{segs}H", sub[14 : 14 + seg2])
    starts = struct.unpack(f">{segs}H", sub[16 + seg2 : 16 + 2 * seg2])
    deltas = struct.unpack(f">{segs}H", sub[16 + 2 * seg2 : 16 + 3 * seg2])
    ro_at = 16 + 3 * seg2
    offsets = struct.unpack(f">{segs}H", sub[ro_at : ro_at + seg2])
    mapping: dict[int, int] = {}
    for i in range(segs):
        for cp in range(starts[i], ends[i] + 1):
            if cp == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                at = ro_at + 2 * i + offsets[i] + 2 * (cp - starts[i])
                glyph = struct.unpack(">H", sub[at : at + 2])[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                mapping[cp] = glyph
    return mapping


# ---- writing -----------------------------------------------------------------------------------------


def _format12(mapping: dict[int, int]) -> bytes:
    groups: list[list[int]] = []
    for cp in sorted(mapping):
        glyph = mapping[cp]
        last = groups[-1] if groups else None
        if last is not None and cp == last[1] + 1 and glyph == last[2] + (cp - last[0]):
            last[1] = cp
        else:
            groups.append([cp, cp, glyph])
    body = b"".join(struct.pack(">III", *g) for g in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body


def _runs(cps: list[int]) -> Iterable[list[int]]:
    run: list[int] = []
    for cp in cps:
        if run and cp != run[-1] + 1:
            yield run
            run = []
        run.append(cp)
    if run:
        yield run


def _format4(mapping: dict[int, int]) -> bytes | None:
    """A format 4 subtable of the BMP part, or None when it would not fit the format's 64 KB."""
    cps = sorted(cp for cp in mapping if cp < 0xFFFF)
    segments: list[tuple[int, int, int, list[int] | None]] = []  # start, end, delta, glyphs
    for run in _runs(cps):
        pieces: list[list[int]] = []
        for cp in run:
            if pieces and mapping[cp] - cp == mapping[pieces[-1][0]] - pieces[-1][0]:
                pieces[-1].append(cp)
            else:
                pieces.append([cp])
        loose: list[int] = []
        for piece in pieces:
            if len(piece) >= 4:
                if loose:
                    segments.append((loose[0], loose[-1], 0, [mapping[c] for c in loose]))
                    loose = []
                segments.append((piece[0], piece[-1], (mapping[piece[0]] - piece[0]) & 0xFFFF, None))
            else:
                loose.extend(piece)
        if loose:
            segments.append((loose[0], loose[-1], 0, [mapping[c] for c in loose]))
    segments.append((0xFFFF, 0xFFFF, 1, None))
    count = len(segments)
    glyph_array: list[int] = []
    range_offsets = []
    for i, (_start, _end, _delta, glyphs) in enumerate(segments):
        if glyphs is None:
            range_offsets.append(0)
        else:
            range_offsets.append(2 * (count - i) + 2 * len(glyph_array))
            glyph_array.extend(glyphs)
    length = 16 + 8 * count + 2 * len(glyph_array)
    if length > 0xFFFF or max(range_offsets) > 0xFFFF:
        return None
    search = 2 * (2 ** int(math.log2(count)))
    header = struct.pack(
        ">HHHHHHH", 4, length, 0, 2 * count, search, int(math.log2(search // 2)), 2 * count - search
    )
    return b"".join(
        (
            header,
            struct.pack(f">{count}H", *(s[1] for s in segments)),
            b"\x00\x00",
            struct.pack(f">{count}H", *(s[0] for s in segments)),
            struct.pack(f">{count}H", *(s[2] for s in segments)),
            struct.pack(f">{count}H", *range_offsets),
            struct.pack(f">{len(glyph_array)}H", *glyph_array),
        )
    )


def _cmap_without(cmap: bytes, drop: set[int]) -> bytes:
    count = struct.unpack(">H", cmap[2:4])[0]
    records = [struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i]) for i in range(count)]
    formats = {offset: struct.unpack(">H", cmap[offset : offset + 2])[0] for _, _, offset in records}
    full = next((o for o, f in formats.items() if f == 12), None)
    bmp = next((o for o, f in formats.items() if f == 4), None)
    if full is not None:
        mapping = _read_format12(cmap[full : full + _subtable_length(cmap, full)])
    elif bmp is not None:
        mapping = _read_format4(cmap[bmp : bmp + _subtable_length(cmap, bmp)])
    else:
        raise FontFormatError("no Unicode character map")
    kept = {cp: glyph for cp, glyph in mapping.items() if cp not in drop}
    new4 = _format4(kept)
    if new4 is None:
        raise FontFormatError("format 4 character map too large")
    new12 = _format12(kept)
    out_subtables: list[bytes] = []
    placed: dict[int, int] = {}  # old offset -> index in out_subtables
    for _, _, offset in records:
        if offset in placed:
            continue
        fmt = formats[offset]
        if fmt == 4:
            sub = new4
        elif fmt == 12:
            sub = new12
        else:
            sub = cmap[offset : offset + _subtable_length(cmap, offset)]
        placed[offset] = len(out_subtables)
        out_subtables.append(sub)
    position = 4 + 8 * len(records)
    starts = []
    for sub in out_subtables:
        starts.append(position)
        position += len(sub) + (-len(sub)) % 4
    head = struct.pack(">HH", 0, len(records)) + b"".join(
        struct.pack(">HHI", p, e, starts[placed[o]]) for p, e, o in records
    )
    return head + b"".join(sub + b"\x00" * ((-len(sub)) % 4) for sub in out_subtables)


def _renamed(name: bytes, family: str) -> bytes:
    """The naming table with the family (1, 16) and full names (4) replaced by `family`."""
    fmt, count, storage = struct.unpack(">HHH", name[:6])
    if fmt != 0:
        raise FontFormatError(f"name table format {fmt}")
    records = []
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack(
            ">HHHHHH", name[6 + 12 * i : 18 + 12 * i]
        )
        value = name[storage + offset : storage + offset + length]
        if name_id in (1, 4, 16):
            text = family if name_id != 4 else f"{family} Regular"
            if platform in (0, 3):
                value = text.encode("utf-16-be")
            elif platform == 1 and encoding == 0:
                value = text.encode("mac_roman")
        records.append((platform, encoding, language, name_id, value))
    strings = b""
    table = b""
    for platform, encoding, language, name_id, value in records:
        table += struct.pack(">HHHHHH", platform, encoding, language, name_id, len(value), len(strings))
        strings += value
    return struct.pack(">HHH", 0, count, 6 + 12 * count) + table + strings


def _checksum(data: bytes) -> int:
    padded = data + b"\x00" * ((-len(data)) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def _assemble(version: bytes, tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    power = 2 ** int(math.log2(count))
    header = struct.pack(
        ">4sHHHH", version, count, power * 16, int(math.log2(power)), count * 16 - power * 16
    )
    position = 12 + 16 * count
    directory = b""
    body = b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), position, len(data))
        padded = data + b"\x00" * ((-len(data)) % 4)
        body += padded
        position += len(padded)
    return header + directory + body


def searchable_copy(data: bytes, family: str = PRINT_FAMILY) -> bytes:
    """The font without the glyph-sharing twins in its character map, named `family`."""
    version, tables = _tables(data)
    if "cmap" not in tables or "name" not in tables or "head" not in tables:
        raise FontFormatError("cmap, name or head table missing")
    cmap = tables["cmap"]
    full = _read_format12_or_4(cmap)
    tables = dict(tables)
    tables.pop("DSIG", None)  # a signature of the original: no longer true
    tables["cmap"] = _cmap_without(cmap, twins_to_drop(full))
    tables["name"] = _renamed(tables["name"], family)
    head = bytearray(tables["head"])
    head[8:12] = b"\x00\x00\x00\x00"
    tables["head"] = bytes(head)
    font = bytearray(_assemble(version, tables))
    adjustment = (_HEAD_MAGIC - _checksum(bytes(font))) & 0xFFFFFFFF
    head_at = struct.unpack(">I", font[12 + 16 * sorted(tables).index("head") + 8 :][:4])[0]
    font[head_at + 8 : head_at + 12] = struct.pack(">I", adjustment)
    return bytes(font)


def _read_format12_or_4(cmap: bytes) -> dict[int, int]:
    count = struct.unpack(">H", cmap[2:4])[0]
    offsets = [struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])[2] for i in range(count)]
    by_format = {struct.unpack(">H", cmap[o : o + 2])[0]: o for o in offsets}
    if 12 in by_format:
        o = by_format[12]
        return _read_format12(cmap[o : o + _subtable_length(cmap, o)])
    if 4 in by_format:
        o = by_format[4]
        return _read_format4(cmap[o : o + _subtable_length(cmap, o)])
    raise FontFormatError("no Unicode character map")


def character_map(data: bytes) -> dict[int, int]:
    """The font's Unicode → glyph map (for tests and checks)."""
    _, tables = _tables(data)
    return _read_format12_or_4(tables["cmap"])


def bmp_character_map(data: bytes) -> dict[int, int]:
    """The format 4 (BMP) map, as software that reads only that one sees it."""
    _, tables = _tables(data)
    cmap = tables["cmap"]
    count = struct.unpack(">H", cmap[2:4])[0]
    for i in range(count):
        offset = struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])[2]
        if struct.unpack(">H", cmap[offset : offset + 2])[0] == 4:
            return _read_format4(cmap[offset : offset + _subtable_length(cmap, offset)])
    return {}
