"""The demo seed's shared files: generated once per seed and process, shared by the families that need
no files of their own (history, later families), and the school certificate PDF a family attaches."""

from __future__ import annotations

import functools
import hashlib
import io
import random
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from datetime import date
from typing import Final

from PIL import Image, ImageDraw

from reviewer_app.demo import documents, names
from reviewer_app.demo.drawing import _font

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


#: The pool's parts. Each is drawn as a task of its own from a generator of its own, so the first
#: family waits for the few parts it uses, not for all of them (some seconds on a busy workstation).
PARTS: Final[tuple[str, ...]] = (
    "id_cards",
    "proofs",
    "portraits",
    "history_medium",  # 1600×1200: older posts of the first families
    "big_photo",  # 14 MB
    "registers",
    "certificates",
    "sideways_small",  # 1024×768 stored turned (orientation 6), GPS-tagged
    "history_small",  # 800×600: older posts of later families
    "pending_small",  # 1024×768: pending posts of later families
)
#: The parts the first families use, in the order they first ask for them: these are drawn ahead on
#: the seed's drawing threads, both at once. The others are small and drawn when first used: drawn
#: ahead, they took the cores from the first families' own pictures (and a demo, whose families all
#: have files of their own, never uses the last two).
AHEAD: Final[tuple[str, ...]] = PARTS[:6]


class _Pool:
    """Files generated once per seed and shared by the families that need no files of their own.

    ``pool.id_cards`` and the other `PARTS` are tuples of files (``big_photo`` and
    ``sideways_small`` one file each); a part is drawn when first used, or waited for when it is being
    drawn on the seed's drawing threads (`draw_ahead`)."""

    def __init__(self, rng_seed: int) -> None:
        self.rng_seed = rng_seed
        self._drawing: dict[str, Future[tuple[bytes, ...]]] = {}

    def draw_ahead(self, drawer: Executor) -> None:
        """Start drawing the `AHEAD` parts on `drawer`, in the order the families need them (or take
        the parts `draw_pool_early` started)."""
        early = _EARLY.pop(self.rng_seed, None)
        self._drawing = early or {name: drawer.submit(_part, self.rng_seed, name) for name in AHEAD}

    def _files(self, name: str) -> tuple[bytes, ...]:
        drawing = self._drawing.get(name)
        return drawing.result() if drawing is not None else _part(self.rng_seed, name)

    def __getattr__(self, name: str) -> tuple[bytes, ...]:
        if name not in PARTS:
            raise AttributeError(name)
        return self._files(name)

    @property
    def big_photo(self) -> bytes:
        return self._files("big_photo")[0]

    @property
    def sideways_small(self) -> bytes:
        return self._files("sideways_small")[0]

    def files(self) -> tuple[bytes, ...]:
        return tuple(data for name in PARTS for data in self._files(name))


def _pool(rng_seed: int) -> _Pool:
    return _Pool(rng_seed)


#: The demo's seed (reviewer_app.demo.seed.seed's default).
DEFAULT_RNG_SEED: Final = 2026
#: Parts started by `draw_pool_early`, by seed, for the seed's pool to take.
_EARLY: dict[int, dict[str, Future[tuple[bytes, ...]]]] = {}


def draw_pool_early(rng_seed: int = DEFAULT_RNG_SEED) -> None:
    """Start drawing the pool's `AHEAD` parts on two threads of its own now, before the seed needs
    them: the first demo on a fresh profile calls this first thing, so the pictures the first
    families wait for are drawn while the app and SQLAlchemy load. This module
    imports no SQLAlchemy for that reason."""
    if rng_seed in _EARLY:
        return
    early = ThreadPoolExecutor(2, thread_name_prefix="demo pool")
    _EARLY[rng_seed] = {name: early.submit(_part, rng_seed, name) for name in AHEAD}
    early.shutdown(wait=False)  # its threads end once the parts are drawn


def pool_sha256(data: bytes) -> str | None:
    """The SHA-256 of a file of the pool (computed once, as it was drawn), None for another file."""
    return _SHA256.get(id(data))


#: SHA-256 of each file of the pool by id(); `_part`'s cache keeps its files alive, so the ids stay theirs.
_SHA256: dict[int, str] = {}


@functools.lru_cache(maxsize=2 * len(PARTS))
def _part(rng_seed: int, name: str) -> tuple[bytes, ...]:
    """One part of the pool of seed `rng_seed` (the same files whichever thread draws it, and when)."""
    rng = random.Random(f"{rng_seed}:pool:{name}")
    people = _people(rng_seed)
    files: tuple[bytes, ...]
    if name == "id_cards":
        files = tuple(documents.id_card_image(rng, n, nid, b) for n, nid, b in people)
    elif name == "proofs":
        files = (
            documents.relationship_proof_pdf(rng, people[1][0], names.full_name(rng, sex="M"), "妻", pages=2),
            documents.relationship_proof_pdf(rng, people[0][0], names.full_name(rng, sex="M"), "母", pages=1),
        )
    elif name == "registers":
        household = [
            (people[2][0], "戶長"),
            (names.full_name(rng, sex="F"), "妻"),
            (names.full_name(rng), "子"),
        ]
        files = (documents.household_register_image(rng, household),)
    elif name == "portraits":
        files = tuple(documents.applicant_photo(rng, n) for n, _, _ in people)
    elif name == "history_medium":
        files = tuple(documents.family_photo(rng, 1600, 1200) for _ in range(6))
    elif name == "history_small":
        files = tuple(documents.family_photo(rng, 800, 600) for _ in range(6))
    elif name == "pending_small":
        files = tuple(documents.family_photo(rng, 1024, 768) for _ in range(6))
    elif name == "big_photo":
        from reviewer_app.demo.seed_plan import BIG_PHOTO_BYTES

        files = (documents.sized_jpeg(rng, BIG_PHOTO_BYTES),)
    elif name == "sideways_small":
        files = (documents.family_photo(rng, 1024, 768, exif_orientation=6, gps=True),)
    elif name == "certificates":
        files = tuple(_certificate_pdf(rng, names.full_name(rng)) for _ in range(2))
    else:
        raise ValueError(f"no part {name!r} in the pool")
    _SHA256.update((id(data), hashlib.sha256(data).hexdigest()) for data in files)
    return files


def _people(rng_seed: int) -> list[tuple[str, str, date]]:
    """The three people whose ID cards and portraits the pool holds."""
    from reviewer_app.demo.seed_plan import _random_day  # here: seed_plan imports SQLAlchemy

    rng = random.Random(f"{rng_seed}:pool")
    people = []
    for _ in range(3):
        sex = rng.choice("MF")
        name = names.full_name(rng, sex=sex)
        people.append((name, names.national_id(rng, sex), _random_day(rng, 1950, 1995)))
    return people


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
