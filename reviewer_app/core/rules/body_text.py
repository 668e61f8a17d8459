"""P4's text measures: what the family sees of a text, and how many characters that is."""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH_JOINER = "\u200d"
#: Characters drawn as nothing, as a regular-expression class: Unicode's format characters (category
#: Cf: zero-width space, joiners, direction marks, byte-order mark, soft hyphen…), then letters typed or
#: pasted to look blank (Hangul fillers, the blank Braille pattern).
INVISIBLE_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u115f\u1160\u3164\uffa0\u2800"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def _invisible(char: str) -> bool:
    return _INVISIBLE.match(char) is not None


def visible_text(text: str) -> str:
    """`text` without the characters that draw nothing (a zero-width joiner inside an emoji stays: it
    makes one picture of several)."""
    return "".join(
        char
        for i, char in enumerate(text)
        if not _invisible(char)
        or (char == _ZERO_WIDTH_JOINER and 0 < i < len(text) - 1 and _emoji_joined(text[i - 1], text[i + 1]))
    )


def _emoji_joined(before: str, after: str) -> bool:
    """Whether a zero-width joiner between these two makes one emoji (👨‍👩‍👧, ❤️‍🔥): pictographs on both sides
    (the one before may carry its presentation selector or skin tone)."""
    return unicodedata.category(after) == "So" and (
        unicodedata.category(before) == "So" or _extends_previous(before)
    )


def _extends_previous(char: str) -> bool:
    """Code points drawn as part of the character before them: combining marks, variation selectors
    (❤️), emoji skin tones (👍🏻) and emoji tag characters (regional flags such as 🏴 of Scotland)."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def body_length(text: str) -> int:
    """P4's character count: characters as the family typed and sees them. A line break is one however
    the web form sent it (CRLF); an emoji built of several code points (a skin tone, a family joined by
    zero-width joiners, a flag of two regional letters) is one; decomposed accents are composed first.
    (An approximation of Unicode's grapheme clusters that covers what families type.)"""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Nobody sees characters that draw nothing, nor spaces and line breaks before or after the text.
    text = visible_text(text).strip()
    count = 0
    joined = half_flag = False
    for char in text:
        if char == _ZERO_WIDTH_JOINER:
            joined = True
            continue
        if joined or _extends_previous(char):
            joined = False
            continue
        if 0x1F1E6 <= ord(char) <= 0x1F1FF:  # regional indicator letters: two make one flag
            half_flag = not half_flag
            if not half_flag:
                continue
        else:
            half_flag = False
        count += 1
    return count
