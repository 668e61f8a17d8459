"""Names, ID numbers, contact details and post texts for demo data.

Every generator is a pure function of the `random.Random` it is given: the same seed gives the same data.
The names and numbers are invented; ID numbers carry a valid checksum so that validation code has
something realistic to chew on, which also means one may happen to match a real person's number —
never show demo data outside a demo.
"""

from __future__ import annotations

import random
from typing import Final

# Common Taiwanese surnames with rough weights (per cent of the population) and the Wade–Giles
# spelling used on Taiwanese passports (for ASCII e-mail addresses).
_SURNAMES: Final[tuple[tuple[str, float, str], ...]] = (
    ("陳", 11.1, "chen"),
    ("林", 8.3, "lin"),
    ("黃", 6.0, "huang"),
    ("張", 5.3, "chang"),
    ("李", 5.1, "lee"),
    ("王", 4.1, "wang"),
    ("吳", 4.0, "wu"),
    ("劉", 3.2, "liu"),
    ("蔡", 2.9, "tsai"),
    ("楊", 2.7, "yang"),
    ("許", 2.3, "hsu"),
    ("鄭", 1.9, "cheng"),
    ("謝", 1.8, "hsieh"),
    ("郭", 1.7, "kuo"),
    ("洪", 1.6, "hung"),
    ("曾", 1.4, "tseng"),
    ("邱", 1.4, "chiu"),
    ("廖", 1.3, "liao"),
    ("賴", 1.3, "lai"),
    ("周", 1.2, "chou"),
    ("徐", 1.1, "hsu"),
    ("蘇", 1.1, "su"),
    ("葉", 1.1, "yeh"),
    ("莊", 1.0, "chuang"),
    ("呂", 1.0, "lu"),
    ("江", 0.9, "chiang"),
    ("何", 0.9, "ho"),
    ("蕭", 0.9, "hsiao"),
    ("羅", 0.9, "lo"),
    ("高", 0.8, "kao"),
)
_SURNAME_CHARS: Final[tuple[str, ...]] = tuple(s for s, _, _ in _SURNAMES)
_SURNAME_WEIGHTS: Final[tuple[float, ...]] = tuple(w for _, w, _ in _SURNAMES)

# Given-name characters that combine into believable names, with their romanisation.
_MALE_FIRST: Final[dict[str, str]] = {
    "家": "chia",
    "俊": "chun",
    "志": "chih",
    "冠": "kuan",
    "承": "cheng",
    "建": "chien",
    "宗": "tsung",
    "柏": "po",
    "彥": "yen",
    "哲": "che",
    "明": "ming",
    "文": "wen",
    "信": "hsin",
    "育": "yu",
    "子": "tzu",
}
_MALE_SECOND: Final[dict[str, str]] = {
    "豪": "hao",
    "宏": "hung",
    "傑": "chieh",
    "廷": "ting",
    "翔": "hsiang",
    "瑋": "wei",
    "華": "hua",
    "翰": "han",
    "霖": "lin",
    "賢": "hsien",
    "銘": "ming",
    "誠": "cheng",
    "安": "an",
    "宇": "yu",
    "軒": "hsuan",
}
_FEMALE_FIRST: Final[dict[str, str]] = {
    "雅": "ya",
    "怡": "yi",
    "欣": "hsin",
    "佳": "chia",
    "淑": "shu",
    "美": "mei",
    "詩": "shih",
    "婉": "wan",
    "宜": "yi",
    "思": "szu",
    "珮": "pei",
    "品": "pin",
    "曉": "hsiao",
    "郁": "yu",
    "惠": "hui",
}
_FEMALE_SECOND: Final[dict[str, str]] = {
    "婷": "ting",
    "君": "chun",
    "涵": "han",
    "蓉": "jung",
    "如": "ju",
    "萱": "hsuan",
    "玲": "ling",
    "慧": "hui",
    "芳": "fang",
    "琪": "chi",
    "穎": "ying",
    "妤": "yu",
    "真": "chen",
    "萍": "ping",
    "庭": "ting",
}
_ROMANISATION: Final[dict[str, str]] = {
    **{s: r for s, _, r in _SURNAMES},
    **_MALE_FIRST,
    **_MALE_SECOND,
    **_FEMALE_FIRST,
    **_FEMALE_SECOND,
}

# Letter → two-digit code of the Taiwanese ID number checksum (the order is historical, not alphabetical).
_ID_LETTER_CODES: Final[dict[str, int]] = {
    "A": 10,
    "B": 11,
    "C": 12,
    "D": 13,
    "E": 14,
    "F": 15,
    "G": 16,
    "H": 17,
    "I": 34,
    "J": 18,
    "K": 19,
    "L": 20,
    "M": 21,
    "N": 22,
    "O": 35,
    "P": 23,
    "Q": 24,
    "R": 25,
    "S": 26,
    "T": 27,
    "U": 28,
    "V": 29,
    "W": 32,
    "X": 30,
    "Y": 31,
    "Z": 33,
}
# Letters of today's cities and counties, weighted roughly by population
# (A 臺北市, F 新北市, H 桃園市, B 臺中市, D 臺南市, E 高雄市, J 新竹縣, O 新竹市, K 苗栗縣, N 彰化縣, …).
_ID_REGION_WEIGHTS: Final[dict[str, float]] = {
    "A": 11,
    "F": 17,
    "H": 10,
    "B": 12,
    "D": 8,
    "E": 12,
    "J": 2.5,
    "O": 2,
    "K": 2.3,
    "N": 5.3,
    "M": 2.1,
    "P": 2.8,
    "Q": 2.1,
    "G": 2,
    "T": 3.4,
    "U": 1.4,
    "V": 1,
    "C": 1.6,
    "I": 1.1,
    "X": 0.5,
    "W": 0.6,
}
_CHECK_WEIGHTS: Final[tuple[int, ...]] = (8, 7, 6, 5, 4, 3, 2, 1)

_HOUSING_BLOCKS: Final[tuple[str, ...]] = (
    "忠舍",
    "孝舍",
    "仁舍",
    "愛舍",
    "信舍",
    "義舍",
    "和舍",
    "平舍",
    "勤舍",
    "智舍",
)
# Reserved example domains (RFC 2606): demo addresses can never reach anyone.
_EMAIL_DOMAINS: Final[tuple[str, ...]] = ("example.com", "example.net", "example.org", "mail.example.com")

_POST_TITLES: Final[tuple[str, ...]] = (
    "家中近況",
    "孩子的好消息",
    "來自家裡的問候",
    "想念你",
    "報平安",
    "孩子長大了",
    "給你的一封信",
    "期中考成績",
    "阿嬤的近況",
    "一起加油",
    "新學期開始了",
    "週末的小事",
    "寶貝的進步",
    "天冷了",
    "等你回家",
)
_POST_OPENINGS: Final[tuple[str, ...]] = ("", "", "", "親愛的，", "你好，", "見字如面，", "最近好嗎？")
_POST_FRAGMENTS: Final[tuple[str, ...]] = (
    "孩子期中考進步了",
    "阿嬤身體很好，每天都去公園散步",
    "我們都在等你回家",
    "小寶學會騎腳踏車了",
    "妹妹這學期當上了班長",
    "哥哥參加籃球隊，每天練球很認真",
    "家裡一切都好，不用擔心",
    "孩子說很想念爸爸",
    "阿公的血壓控制得很穩定",
    "弟弟長高了，衣服都要換新的",
    "女兒畫了一張全家福要送給你",
    "過年時大家一起吃了團圓飯",
    "兒子這次會考考得不錯",
    "我找到新工作了，收入很穩定",
    "老師說孩子在學校很乖",
    "孩子睡前都會說爸爸晚安",
    "你要好好照顧身體",
    "天氣變冷了，記得多穿衣服",
    "媽媽說等你回來要煮你最愛吃的滷肉飯",
    "寶寶會叫爸爸了",
    "女兒的鋼琴比賽得了第二名",
    "我們搬到離學校比較近的地方",
    "週末帶孩子去外婆家玩",
    "孩子每天都有寫功課，成績很穩定",
    "小狗也很好，每天在門口等",
    "大家都很好，你也要加油",
    "我們會一直支持你",
    "孩子考上了想念的高中",
    "老大開始學游泳了",
    "孩子的作文寫了我的家人，老師給了甲上",
)


def family_name(rng: random.Random) -> str:
    """A common Taiwanese surname, drawn roughly by how common it is."""
    return rng.choices(_SURNAME_CHARS, weights=_SURNAME_WEIGHTS, k=1)[0]


def given_name(rng: random.Random, sex: str | None = None) -> str:
    """A two-character given name; `sex` ("M"/"F", "男"/"女") picks a typical set, None picks either."""
    female = _is_female(sex) if sex is not None else rng.random() < 0.5
    first, second = (_FEMALE_FIRST, _FEMALE_SECOND) if female else (_MALE_FIRST, _MALE_SECOND)
    a = rng.choice(sorted(first))
    b = rng.choice(sorted(c for c in second if c != a))
    return a + b


def full_name(rng: random.Random, surname: str | None = None, sex: str | None = None) -> str:
    """Surname + two-character given name, e.g. "陳雅婷"."""
    return (surname if surname is not None else family_name(rng)) + given_name(rng, sex)


def _is_female(sex: str) -> bool:
    s = sex.strip().lower()
    if s in {"f", "female", "女", "2"}:
        return True
    if s in {"m", "male", "男", "1"}:
        return False
    raise ValueError(f"unknown sex {sex!r}: use 'M' or 'F'")


def _checksum_total(letter: str, digits: str) -> int:
    code = _ID_LETTER_CODES[letter]
    total = code // 10 + (code % 10) * 9
    total += sum(int(d) * w for d, w in zip(digits[:8], _CHECK_WEIGHTS, strict=True))
    return total + int(digits[8])


def national_id(rng: random.Random, sex: str) -> str:
    """A Taiwanese national ID number (統一編號) with a valid check digit.

    Letter of the registering city/county, 1 (male) or 2 (female), seven digits, one check digit.
    """
    letter = rng.choices(tuple(_ID_REGION_WEIGHTS), weights=tuple(_ID_REGION_WEIGHTS.values()), k=1)[0]
    body = ("2" if _is_female(sex) else "1") + "".join(str(rng.randrange(10)) for _ in range(7))
    check = (10 - _checksum_total(letter, body + "0") % 10) % 10
    return f"{letter}{body}{check}"


def is_valid_national_id(s: str) -> bool:
    """True for a well-formed Taiwanese national ID number (A123456789) whose check digit matches."""
    if len(s) != 10 or not s.isascii():
        return False
    letter, digits = s[0], s[1:]
    if letter not in _ID_LETTER_CODES or not digits.isdigit() or digits[0] not in "12":
        return False
    return _checksum_total(letter, digits) % 10 == 0


def call_number(rng: random.Random) -> str:
    """An inmate's call number (呼號): four digits, e.g. "0317"."""
    return f"{rng.randrange(1, 10000):04d}"


def housing_unit(rng: random.Random) -> str:
    """A housing unit, e.g. "忠舍 3 房" or just "義舍"."""
    block = rng.choice(_HOUSING_BLOCKS)
    if rng.random() < 0.2:
        return block
    return f"{block} {rng.randint(1, 24)} 房"


def phone(rng: random.Random) -> str:
    """A Taiwanese mobile number, 09xx-xxx-xxx."""
    return f"09{rng.randint(10, 98):02d}-{rng.randrange(1000):03d}-{rng.randrange(1000):03d}"


def email(rng: random.Random, name: str) -> str:
    """An ASCII e-mail address derived from a Chinese name, on a reserved example domain."""
    surname, given = _split_name(name)
    s_rom = _ROMANISATION.get(surname, "")
    g_rom = "".join(_ROMANISATION.get(c, "") for c in given)
    if not s_rom or not g_rom:
        local = f"user{rng.randrange(1000, 100000)}"
    else:
        style = rng.randrange(4)
        if style == 0:
            local = f"{g_rom}.{s_rom}"
        elif style == 1:
            local = f"{s_rom}{g_rom}{rng.randrange(60, 100):02d}"
        elif style == 2:
            local = f"{s_rom}_{g_rom}"
        else:
            local = f"{g_rom[0]}{s_rom}{rng.randrange(1, 1000)}"
    return f"{local}@{rng.choice(_EMAIL_DOMAINS)}"


def _split_name(name: str) -> tuple[str, str]:
    name = name.strip()
    if len(name) >= 4 and name[:2] in {"歐陽", "司馬", "諸葛", "上官", "張簡", "范姜"}:
        return name[:2], name[2:]
    return name[:1], name[1:]


def post_text(rng: random.Random) -> tuple[str, str]:
    """A contact-book post: (title, body), body at most 100 characters (rule P4)."""
    title = rng.choice(_POST_TITLES)
    while True:
        opening = rng.choice(_POST_OPENINGS)
        fragments = rng.sample(_POST_FRAGMENTS, rng.randint(2, 4))
        body = opening + "。".join(fragments) + "。"
        if len(body) <= 100:
            return title, body


def long_post_text(rng: random.Random, chars: int = 130) -> str:
    """A post body of exactly `chars` characters (for testing the 100-character limit)."""
    if chars < 0:
        raise ValueError("chars must not be negative")
    if chars == 0:
        return ""
    text = rng.choice(_POST_OPENINGS)
    pool: list[str] = []
    while len(text) < chars:
        if not pool:
            pool = list(_POST_FRAGMENTS)
            rng.shuffle(pool)
        text += pool.pop() + "。"
    cut = text[: chars - 1]
    if cut and cut[-1] in "，。？":  # never end on "。。" or "，。"
        cut = cut[:-1] + "喔"
    return cut + "。"
