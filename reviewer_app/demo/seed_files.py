"""The demo seed's shared files: generated once per seed and process, shared by the families that need
no files of their own (history, later families), and the school certificate PDF a family attaches."""

from __future__ import annotations

import functools
import hashlib
import io
import random
from dataclasses import dataclass, field
from typing import Final

from PIL import Image, ImageDraw

from reviewer_app.demo import documents, names
from reviewer_app.demo.drawing import _font
from reviewer_app.demo.seed_plan import BIG_PHOTO_BYTES, _random_day

_EVENTS: Final[tuple[str, ...]] = (
    "語文競賽作文組",
    "校內繪畫比賽",
    "閱讀心得寫作比賽",
    "英語朗讀比賽",
    "校慶運動會大隊接力",
)
_PLACES: Final[tuple[str, ...]] = ("第一名", "第二名", "第三名", "優等", "佳作")
_SCHOOLS: Final[tuple[str, ...]] = (
    "光明國民小學",
    "中正國民小學",
    "仁愛國民小學",
    "復興國民中學",
    "忠孝國民小學",
)


@dataclass(frozen=True)
class _Pool:
    """Files generated once per seed and shared by the families that need no files of their own."""

    id_cards: tuple[bytes, ...]
    proofs: tuple[bytes, ...]
    registers: tuple[bytes, ...]
    portraits: tuple[bytes, ...]
    history_medium: tuple[bytes, ...]  # 1600×1200: older posts of the first families
    history_small: tuple[bytes, ...]  # 800×600: older posts of later families
    pending_small: tuple[bytes, ...]  # 1024×768: pending posts of later families
    big_photo: bytes  # 14 MB
    sideways_small: bytes  # 1024×768 stored turned (orientation 6), GPS-tagged
    certificates: tuple[bytes, ...]
    #: SHA-256 of each file above by id(); the pool keeps its files alive, so the ids stay theirs.
    sha256: dict[int, str] = field(default_factory=dict, compare=False)

    def files(self) -> tuple[bytes, ...]:
        return (
            *self.id_cards,
            *self.proofs,
            *self.registers,
            *self.portraits,
            *self.history_medium,
            *self.history_small,
            *self.pending_small,
            self.big_photo,
            self.sideways_small,
            *self.certificates,
        )


@functools.lru_cache(maxsize=2)
def _pool(rng_seed: int) -> _Pool:
    rng = random.Random(f"{rng_seed}:pool")
    people = []
    for _ in range(3):
        sex = rng.choice("MF")
        name = names.full_name(rng, sex=sex)
        people.append((name, names.national_id(rng, sex), _random_day(rng, 1950, 1995)))
    pool = _Pool(
        id_cards=tuple(documents.id_card_image(rng, n, nid, b) for n, nid, b in people),
        proofs=(
            documents.relationship_proof_pdf(rng, people[1][0], names.full_name(rng, sex="M"), "妻", pages=2),
            documents.relationship_proof_pdf(rng, people[0][0], names.full_name(rng, sex="M"), "母", pages=1),
        ),
        registers=(
            documents.household_register_image(
                rng,
                [(people[2][0], "戶長"), (names.full_name(rng, sex="F"), "妻"), (names.full_name(rng), "子")],
            ),
        ),
        portraits=tuple(documents.applicant_photo(rng, n) for n, _, _ in people),
        history_medium=tuple(documents.family_photo(rng, 1600, 1200) for _ in range(6)),
        history_small=tuple(documents.family_photo(rng, 800, 600) for _ in range(6)),
        pending_small=tuple(documents.family_photo(rng, 1024, 768) for _ in range(6)),
        big_photo=documents.sized_jpeg(rng, BIG_PHOTO_BYTES),
        sideways_small=documents.family_photo(rng, 1024, 768, exif_orientation=6, gps=True),
        certificates=tuple(_certificate_pdf(rng, names.full_name(rng)) for _ in range(2)),
    )
    pool.sha256.update((id(data), hashlib.sha256(data).hexdigest()) for data in pool.files())
    return pool


def _certificate_pdf(rng: random.Random, child: str) -> bytes:
    """A one-page PDF like a scanned school certificate (獎狀), as a family attaches to a post."""
    width, height = 1170, 827
    image = Image.new("RGB", (width, height), (252, 249, 240))
    draw = ImageDraw.Draw(image)
    gold = (186, 140, 50)
    draw.rectangle((30, 30, width - 30, height - 30), outline=gold, width=10)
    draw.rectangle((52, 52, width - 52, height - 52), outline=gold, width=3)
    ink = (30, 30, 30)
    draw.text((width // 2 - 110, 90), "獎　狀", font=_font(96), fill=(170, 30, 30))
    body = _font(40)
    school = rng.choice(_SCHOOLS)
    year = rng.randint(113, 114)
    lines = (
        f"{child} 同學",
        f"參加本校 {year} 學年度{rng.choice(_EVENTS)}",
        f"表現優異，榮獲{rng.choice(_PLACES)}",
        "特頒此狀，以資鼓勵。",
    )
    for number, line in enumerate(lines):
        draw.text((150, 260 + number * 80), line, font=body, fill=ink)
    draw.text((150, 640), f"{school}　校長", font=_font(32), fill=ink)
    issued = f"中華民國 {year} 年 {rng.randint(1, 12)} 月 {rng.randint(1, 28)} 日"
    draw.text((150, 700), issued, font=_font(28), fill=ink)
    draw.ellipse((width - 300, 560, width - 140, 720), outline=(205, 40, 40), width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=100.0)
    return buffer.getvalue()
