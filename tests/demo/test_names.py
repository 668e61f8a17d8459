"""Demo names, ID numbers, contact details and post texts."""

from __future__ import annotations

import random
import re

import pytest

from reviewer_app.demo import names


def test_known_id_numbers() -> None:
    assert names.is_valid_national_id("A123456789")
    assert not names.is_valid_national_id("A123456788")  # wrong check digit
    assert not names.is_valid_national_id("A323456789")  # second digit must be 1 or 2
    assert not names.is_valid_national_id("a123456789")
    assert not names.is_valid_national_id("A12345678")
    assert not names.is_valid_national_id("")
    assert not names.is_valid_national_id("A12345678９")  # full-width digit


@pytest.mark.parametrize("sex, digit", [("M", "1"), ("F", "2"), ("男", "1"), ("女", "2")])
def test_generated_id_numbers_are_valid(sex: str, digit: str) -> None:
    rng = random.Random(42)
    for _ in range(300):
        nid = names.national_id(rng, sex)
        assert re.fullmatch(r"[A-Z][12]\d{8}", nid)
        assert nid[1] == digit
        assert names.is_valid_national_id(nid), nid


def test_single_digit_changes_break_the_checksum() -> None:
    # Weights are 8 7 6 5 4 3 2 1 1 for the nine digits; only positions whose weight is coprime to 10
    # (7, 3, 1, 1) catch every change: the real algorithm misses some errors elsewhere (e.g. ±2 at weight 5).
    nid = names.national_id(random.Random(1), "F")
    for position in (2, 6, 8, 9):
        for d in "0123456789":
            if d != nid[position]:
                assert not names.is_valid_national_id(nid[:position] + d + nid[position + 1 :])


def test_unknown_sex_is_rejected() -> None:
    with pytest.raises(ValueError):
        names.national_id(random.Random(1), "X")


def _sample(seed: int) -> list[object]:
    rng = random.Random(seed)
    name = names.full_name(rng)
    return [
        name,
        names.family_name(rng),
        names.given_name(rng, "F"),
        names.national_id(rng, "M"),
        names.call_number(rng),
        names.housing_unit(rng),
        names.phone(rng),
        names.email(rng, name),
        names.post_text(rng),
        names.long_post_text(rng),
    ]


def test_deterministic_for_a_seed() -> None:
    assert _sample(7) == _sample(7)
    assert _sample(7) != _sample(8)


def test_names_and_contact_details_look_right() -> None:
    rng = random.Random(3)
    for _ in range(200):
        surname = names.family_name(rng)
        assert len(surname) == 1
        given = names.given_name(rng)
        assert len(given) == 2 and given[0] != given[1]
        full = names.full_name(rng, surname="林")
        assert full.startswith("林") and len(full) == 3
        assert re.fullmatch(r"\d{4}", names.call_number(rng))
        assert re.fullmatch(r"[忠孝仁愛信義和平勤智]舍( \d{1,2} 房)?", names.housing_unit(rng))
        assert re.fullmatch(r"09\d{2}-\d{3}-\d{3}", names.phone(rng))
        address = names.email(rng, full)
        assert address.isascii() and re.fullmatch(r"[a-z0-9._]+@[a-z.]+", address), address
    assert (
        names.email(random.Random(1), "陳雅婷")
        .split("@")[1]
        .endswith(("example.com", "example.net", "example.org"))
    )


def test_post_text() -> None:
    rng = random.Random(5)
    bodies = set()
    for _ in range(300):
        title, body = names.post_text(rng)
        assert title and len(title) <= 20
        assert 0 < len(body) <= 100
        assert body.endswith("。")
        bodies.add(body)
    assert len(bodies) > 250  # varied


@pytest.mark.parametrize("chars", [0, 1, 2, 99, 100, 101, 130, 500])
def test_long_post_text_exact_length(chars: int) -> None:
    for seed in range(20):
        text = names.long_post_text(random.Random(seed), chars)
        assert len(text) == chars
        assert "。。" not in text and "，。" not in text
