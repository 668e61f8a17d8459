"""Keeping identity numbers out of sight: screens show them masked, logs never contain them."""

from __future__ import annotations


def mask_national_id(national_id: str) -> str:
    """A123456789 -> A12****789: enough for staff to match a document, not enough to reuse."""
    if len(national_id) <= 6:
        return "*" * len(national_id)
    return national_id[:3] + "*" * (len(national_id) - 6) + national_id[-3:]
