"""What every language writes alike: the Quantity found, digit groups, digit fractions and clock times."""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Quantity:
    """A number as written (`text`, at `start`–`end` of the sentence) and the values it can mean."""

    text: str
    values: tuple[float, ...]
    hard: bool
    start: int
    end: int
    loose: bool = False  # an estimate (十几, 四十多) or a bare "one" or 1: helps match, never a difference by itself
    ordinal: bool = False  # a soft rank or date (XXV, 第二十四, 九十年代): a reason sets it against a hard number left over
    # a count the text implies without writing one (双方, both sides): loose, and the other side's count it matches
    # ("the two sides") is no soft number of that side's own
    implied: bool = False
    # a multiplier's factors (两倍 ×2; 增长了2倍 ×2 or ×3; 减半 ×0.5), which its values are the readings of: a reason
    # names them beside the Chinese, "两倍 (×2) ≠ втрое"
    factors: tuple[float, ...] = ()
    # the percentages a multiplier may be written as (×3: 300%, 200% more), met only by a figure in per cent
    percents: tuple[float, ...] = ()
    # a figure the translation converts the one before it into (12 trillion U.S. dollars after 87 trillion yuan):
    # loose, yet set against a figure the other side has left over, "1633亿 ≠ 16.33 billion"
    conversion: bool = False
    # a list or clause number heading the sentence ((3), 4), 三、, （三）): loose, for translators renumber and
    # Word's numbering is no text, yet set against the other side's own heading number, "三 ≠ 4"
    marker: bool = False





def significant(value: float) -> tuple[float, int]:
    """The place of a figure's last significant digit and its number of significant digits: 146.9e9 → (1e8, 4),
    1500 → (100, 2), 5.2 → (0.1, 2)."""
    if value == 0:
        return 1.0, 1
    place = 10.0 ** math.floor(math.log10(abs(value)))
    digits = 1
    while not math.isclose(value / place, round(value / place), abs_tol=1e-6) and digits < 15:
        place, digits = place / 10, digits + 1
    return place, digits


def share(fraction: float) -> tuple[float, float]:
    """A share as a fraction and as the percentage a translator may write for it: 五分之一 is 1/5 and 20%."""
    return fraction, fraction * 100


PER_MILLE = "‰"


def per_mille(values: tuple[float, ...]) -> tuple[float, ...]:
    """5‰ as the percentage (0.5%) and the fraction (千分之五) it is."""
    return tuple(v / 10 for v in values) + tuple(v / 1000 for v in values)


class Claims:
    """Quantities found so far and the characters they cover, so no later pattern reads them again."""

    def __init__(self, text: str) -> None:
        self.found: list[Quantity] = []
        self.taken = [False] * (len(text) + 1)

    def add(self, q: Quantity) -> None:
        self.found.append(q)
        self.taken[q.start:q.end] = [True] * (q.end - q.start)


# ---------------------------------------------------------------- shared pieces

LATIN = "A-Za-z"
CYR = "А-Яа-яЁё"
# Letters directly after a digit run that still leave it a number: ordinals, decades, units.
_NUMBER_SUFFIXES = {"st", "nd", "rd", "th", "s", "am", "pm", "km", "kg", "cm", "mm", "m", "g", "t", "h", "min",
                    "bn", "mn", "mln", "tn", "trn",  # US$2.5bn, 450mn: the financial press's scales
                    # a manual's units, as written against the figure: 220V, 50Hz, 45W, 52dB, 5000mAh, 64GB
                    "V", "W", "kW", "MW", "GW", "Wh", "kWh", "Hz", "kHz", "MHz", "GHz", "dB", "mAh", "mA", "ml", "mL",
                    "L", "nm", "Pa", "kPa", "MPa", "rpm", "KB", "MB", "GB", "TB", "MP", "mg"}
_SPACES = " \u00a0\u202f\u2009"

# Digit groups: 1,500 / 1 500 / 1 500 / 1.5 / 2022 (but not 2022 15 — a group after a space has 3 digits).
DIGITS = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)"
                    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])"  # 1.500.000: dots grouping thousands
                    r"|\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])"  # 126.058,2: dots grouping thousands, a decimal comma
                    r"|\d+(?:[.,]\d+)?")
RANGE_DASH = "-–—~～"
DIGIT_RUN = re.compile(r"\d+")


def digit_values(raw: str, lang: str) -> tuple[float, ...]:
    """Values a digit group can mean in `lang`: Russian uses a decimal comma, English a group comma."""
    plain = raw
    for s in _SPACES:
        plain = plain.replace(s, "")
    if "," in plain and "." in plain:  # 1,500.5 (en) or 1.500,5 (de-style)
        if plain.rfind(".") > plain.rfind(","):
            return (float(plain.replace(",", "")),)
        return (float(plain.replace(".", "").replace(",", ".")),)
    if plain.count(".") > 1:  # 1.500.000, as German and some Russian texts group thousands
        return (float(plain.replace(".", "")),)
    if lang == "ru" and re.fullmatch(r"\d{1,3}\.\d{3}", plain):  # 1.500 человек: 1,5 or 1 500
        return (float(plain), float(plain.replace(".", "")))
    if "," in plain:
        groups = plain.split(",")
        grouped = all(len(g) == 3 for g in groups[1:])
        decimal = float(plain.replace(",", ".")) if len(groups) == 2 else None
        thousands = float(plain.replace(",", "")) if grouped else None
        if lang == "ru":
            return tuple(v for v in (decimal, thousands) if v is not None)
        if thousands is not None:  # English groups thousands with commas: 500,000 is never 500.0
            return (thousands,)
        return tuple(v for v in (thousands, decimal) if v is not None)
    return (float(plain),)


# A currency code written against its amount: RMB1.5 trillion, USD2,000 (an amount, not a code like G20).
_CURRENCY_BEFORE = re.compile(r"(?<![A-Za-z])(?:RMB|CNY|USD|EUR|GBP|JPY|HKD|RUB|CHF)$")


_YEAR_BEFORE_RANGE = re.compile(r"(?<!\d)(1[89]|20)\d\d\s?[-–—/]\s?$")


def abbreviated_year(text: str, start: int, end: int, values: tuple[float, ...]) -> tuple[float, ...]:
    """The end of a year range written short, 2021-25 or 2023/24, is also its full year (2025, 2024)."""
    m = _YEAR_BEFORE_RANGE.search(text, 0, start)
    if m and end - start == 2 and text[start:end].isdigit():
        return values + (float(m.group(1) + text[start:end]),)
    return values


def attached_to_word(text: str, start: int, end: int) -> bool:
    """True for digits inside a code or name such as COVID-19, G20, 5G, H1N1, Су-57, or a figure's panel: 2a, 2а."""
    before = text[max(0, start - 2):start]
    if before[-1:] and re.match(f"[{LATIN}{CYR}]", before[-1]) and not _CURRENCY_BEFORE.search(text, 0, start):
        return True
    if before[-1:] == "-" and before[:1] and re.match(f"[{LATIN}{CYR}]", before[0]):
        return True
    after = re.match(f"[{LATIN}]+", text[end:])
    if after and after.group(0) not in _NUMBER_SUFFIXES:
        return True
    # a panel in Cyrillic (рис. 2а for 图2a), not a unit or the year's г (5 т, 2022г.)
    return re.match(f"[абвдеАБВДЕ](?![{LATIN}{CYR}])", text[end:]) is not None


def ranges(text: str, found: list[Quantity], between: re.Pattern,
           scale_of: Callable[[Quantity], float | None]) -> list[Quantity]:
    """`found` (in text order) read as ranges where two figures are joined by `between`: a scale written once
    (`_shared_scales`) and the items a short range spans (`_inner_numbers`)."""
    return _inner_numbers(text, _shared_scales(text, found, between, scale_of), between)


def _shared_scales(text: str, found: list[Quantity], between: re.Pattern,
                  scale_of: Callable[[Quantity], float | None]) -> list[Quantity]:
    """The first figure of a range whose scale word follows only the second also read at that scale: the 2 of
    "$2-3 billion", «2–3 млрд» and 2至3亿 is 2 billion or 200 million as well as 2 (`found` in text order)."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        scale = scale_of(b)
        if scale and scale_of(a) is None and not a.percents and all(v < 1000 for v in a.values) and \
                between.fullmatch(text, a.end, b.start):
            out[k] = replace(a, values=a.values + tuple(v * scale for v in a.values))
    return out


MAX_INNER = 3  # a range's numbers between its ends read as written too: "Articles 3 to 5" for 第3、4、5条
# The word a range of items follows: "items 3 to 5", "Articles 3-5", «пунктами 3–5», 第3至5项 (not a range of days or
# figures, whose changed end must stay a difference: "с 4 по 7 февраля" for 4日至6日 is "6 ≠ 7").
_ITEMS_BEFORE = re.compile(r"(?:(?i:items?|articles?|paragraphs?|clauses?|sections?|chapters?|points?|parts?|rules?)"
                           r"|[Пп]ункт\w*|[Сс]тать\w*|[Чч]аст\w*|[Гг]лав\w*|[Рр]аздел\w*|[Аа]бзац\w*|第)\s*$")


def _inner_numbers(text: str, found: list[Quantity], between: re.Pattern) -> list[Quantity]:
    """`found` with the whole numbers a short range of items leaves unwritten (the 4 of "items 3 to 5", of 第3至5项),
    loose: the other side may list them (第3、4、5项), and none is a difference by itself."""
    inner = []
    for a, b in zip(found, found[1:]):
        x, y = float(a.values[0]), float(b.values[0])
        if x.is_integer() and y.is_integer() and 0 < x and y < 100 and 1 < y - x <= MAX_INNER + 1 and \
                between.fullmatch(text, a.end, b.start) and _ITEMS_BEFORE.search(text, 0, a.start):
            inner += [Quantity(text[a.start:b.end], (float(v),), False, a.start, b.end, loose=True)
                      for v in range(int(x) + 1, int(y))]
    return sorted(found + inner, key=lambda q: q.start) if inner else found


def list_marker(text: str, start: int, end: int) -> bool:
    """A heading or list number at the start of a sentence: "6.片厂", "2) ...", "3、"."""
    return not text[:start].strip() and re.match(r"[.、)）:：](?!\d)", text[end:end + 1] + text[end + 1:end + 2]) is not None


# A fraction in digits: 1/3, 2/5 (not a date 1/3/2022, not 24/7).
_SLASH_FRACTION = re.compile(r"(?<![\d/.,])(\d{1,3})/(\d{1,3})(?![\d/])")
# A time on a clock: 3:30, 15:00, 3:30 p.m. (not 2:05:30, a race time).
_CLOCK = re.compile(r"(?<![\d:：.,])([01]?\d|2[0-4])[:：]([0-5]\d)(?![\d:：])")
_HOUR_AMPM = re.compile(r"(?<![\d:：.,])(1[0-2]|0?\d)(?:[.:]([0-5]\d))?\s*(?:[ap]\.m\.|[ap]m\b)", re.I)  # 3 p.m., 3.30 pm


def clock_values(hour: float, minutes: float) -> tuple[float, ...]:
    """A time read on the 12-hour face, both halves of the day: 15:00, 3 p.m. and 下午3点 all agree.

    a.m./p.m. is left to the reader: 下午 and 晚上 do not map one to one onto p.m. and evening."""
    face = hour % 12 + minutes / 60
    return face, face + 12


# A date in digits with dots: 04.02.2022, 4.02.22 (Russian, German) or 2022.02.04 (Chinese, Korean).
_DOTTED_DATE = re.compile(r"(?<![\d.,])(?:(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})|(\d{4})\.(\d{1,2})\.(\d{1,2}))(?![\d]|[.,]\d)")


def _dotted_dates(text: str, claims: Claims) -> None:
    """Each part of a dotted date as a number of its own, as 2022年2月4日 and 4 февраля 2022 are read
    (else 04.02 was a decimal, "2 ≠ 04.02")."""
    for m in _DOTTED_DATE.finditer(text):
        groups = (1, 2, 3) if m.group(1) else (6, 5, 4)  # day, month, year
        day, month = int(m.group(groups[0])), int(m.group(groups[1]))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        for g in groups:
            value = float(m.group(g))
            values = (value, 2000 + value, 1900 + value) if g == 3 and len(m.group(g)) == 2 else (value,)
            claims.add(Quantity(m.group(g), values, True, m.start(g), m.end(g)))


# A clause number heading a sentence: (3), （3）, 2.3.1, or 1.1 before a capital or a Chinese character
# (not "1.5 million people …", nor 1.5万亿元 or 4.5亿人: an amount). "1." and "3、" are `list_marker`s.
_LEADING_CLAUSE_NUMBER = re.compile(
    r"^\s*(?:[(（]\s*(\d{1,3})\s*[)）]|(\d{1,3}(?:\.\d{1,3}){2,3})\.?(?=\s)"
    r"|(\d{1,3}\.\d{1,3})\.?(?=\s*(?![万亿千百倍元个人年])[\u4e00-\u9fff]|\s+[A-ZА-ЯЁ«\"“]))")


def _leading_clause_number(text: str, claims: Claims) -> None:
    """A clause number heading the text, a `marker`: it matches the same number on the other side, and is no
    difference when only one side has it (Word's automatic numbering is no text; translators renumber)."""
    m = _LEADING_CLAUSE_NUMBER.match(text)
    if m:
        number = next(g for g in m.groups() if g)
        value = float(".".join(number.split(".")[:2]))
        claims.add(Quantity(number, (value,), False, m.start(m.lastindex), m.end(m.lastindex), loose=True, marker=True))


# Powers of ten as science writes them: 1.5×10⁶, 1.5 x 10^6, 3.2·10⁻⁴, 10⁶ alone, 1.5e6, 2.3E-05.
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
# A PDF's text loses the superscript: 3.2 × 10−4 (a minus straight after the 10, with a factor before it).
_POWER_OF_TEN = re.compile(r"(?<![\d.,])(?:(\d+(?:[.,]\d+)?)\s*[×xX*·∙]\s*)?10(?:\^\(?([+\-−]?\d{1,3})\)?|([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
                           r"|(?:(?<=[×xX*·∙]\s10)|(?<=[×xX*·∙]10))([−-]\d{1,2})(?![\d.,]))"
                           r"|(?<![\w.,])(\d+(?:\.\d+)?)[eE]([+\-]?\d{1,3})(?!\w)")


def _powers_of_ten(text: str, claims: Claims) -> None:
    """1.5×10⁶ as 1,500,000 (as "1.5 million" writes it), not the 1.5, 10 and 6 it is written with."""
    for m in _POWER_OF_TEN.finditer(text):
        mantissa, exponent = (m.group(1), m.group(2) or m.group(3) or m.group(4)) if m.group(5) is None \
            else (m.group(5), m.group(6))
        value = float(mantissa.replace(",", ".")) if mantissa else 1.0
        power = int(exponent.translate(_SUPERSCRIPT).replace("−", "-"))
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (value * 10.0 ** power,), True, m.start(), m.end()))


def fractions_and_clocks(text: str, claims: Claims) -> None:
    """A clause number heading the text (2.3.1), dotted dates (04.02.2022), powers of ten (1.5×10⁶), digit fractions
    (1/3) and clock times (3:30 p.m.), read before their digits are taken one by one."""
    _leading_clause_number(text, claims)
    _dotted_dates(text, claims)
    _powers_of_ten(text, claims)
    for m in _SLASH_FRACTION.finditer(text):
        n, d = int(m.group(1)), int(m.group(2))
        if 0 < n < d <= 100:
            claims.add(Quantity(m.group(0), share(n / d), True, m.start(), m.end()))
    for pattern in (_HOUR_AMPM, _CLOCK):
        for m in pattern.finditer(text):
            if not any(claims.taken[m.start():m.end()]):
                claims.add(Quantity(m.group(0), clock_values(int(m.group(1)), int(m.group(2) or 0)), True, m.start(), m.end()))
