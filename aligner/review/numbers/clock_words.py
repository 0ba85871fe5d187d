"""Times of day in words, as novels and dialogue write them: "half past three", "a quarter to nine",
«в половине четвёртого» (half past three), «без четверти девять», «четверть девятого».

下午三点半 and 八点一刻 are read as times (see `chinese`), so without this "half past three" was the
number three and the pair read "下午三点半 ≠ three". Soft, as every number in words is.
"""
from __future__ import annotations

import re

from aligner.review.numbers.common import Claims, Quantity, clock_values

_EN_HOURS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}
_EN_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20, "twenty-five": 25,
               "twenty five": 25, "half": 30}
_EN_CLOCK = re.compile(r"\b(half|a quarter|quarter|twenty[- ]five|twenty|ten|five)(?: minutes)? (past|after|to) "
                       rf"({'|'.join(_EN_HOURS)}|1[0-2]|[1-9])\b", re.I)

# Russian reads the hour being entered: «в половине четвёртого» is 3:30, «четверть девятого» 8:15
_RU_HOUR_ORDINALS = {stem: i + 1 for i, stem in enumerate(
    "перв втор трет четв[её]рт пят шест седьм восьм девят десят одиннадцат двенадцат".split())}
_RU_HOUR_ORDINAL = "|".join(_RU_HOUR_ORDINALS)
_RU_HOURS = {w: i + 1 for i, w in enumerate(
    "час два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать".split())}
_RU_MINUTES_OF = {"половин": 30, "пол": 30, "четверть": 15}
_RU_INTO = re.compile(rf"(?<![\w-])(половин[аеуы]|пол|четверть)\s*-?\s*({_RU_HOUR_ORDINAL})(?:ь?его|ого)(?![\w-])", re.I)
_RU_MINUTES_TO = {"пяти": 5, "десяти": 10, "четверти": 15, "двадцати": 20, "двадцати пяти": 25}
_RU_TO = re.compile(rf"(?<![\w-])без\s+(двадцати пяти|двадцати|четверти|десяти|пяти)(?:\s+минут)?\s+({'|'.join(_RU_HOURS)})"
                    r"(?![\w-])", re.I)


# "five to ten" is a time in "at five to ten", a range in "five to ten people", "ten to twelve years", "five to ten
# thousand": a count's noun or a scale word after the hour (a plural or one of these) makes it no time.
_EN_RANGE_AFTER = re.compile(r"\s+(?:[A-Za-z]+s\b|people|men|women|children|per ?cent|feet|thousand|million|billion|"
                             r"hundred|dozen|more|or so)", re.I)
_EN_BARE_MINUTES = {"five", "ten", "twenty", "twenty-five", "twenty five"}


def _ru_hour(ordinal: str) -> int:
    return next(h for stem, h in _RU_HOUR_ORDINALS.items() if re.match(stem, ordinal, re.I))


def clock_words(text: str, lang: str, claims: Claims) -> None:
    """Times of day in words, as the clock values 下午三点半 and 3:30 p.m. are read to."""
    found: list[tuple[re.Match, float, float]] = []
    if lang == "en":
        for m in _EN_CLOCK.finditer(text):
            if m.group(1).lower() in _EN_BARE_MINUTES and " minutes" not in m.group(0) and _EN_RANGE_AFTER.match(text, m.end()):
                continue  # five to ten people: a range
            minutes = _EN_MINUTES[re.sub(r"[- ]+", " ", m.group(1).lower()).replace("twenty five", "twenty-five")]
            hour_word = m.group(3).lower()
            hour = float(hour_word) if hour_word.isdigit() else _EN_HOURS[hour_word]
            if m.group(2).lower() == "to":
                hour, minutes = hour - 1, 60 - minutes
            found.append((m, hour, minutes))
    elif lang == "ru":
        for m in _RU_INTO.finditer(text):
            found.append((m, _ru_hour(m.group(2)) - 1, _RU_MINUTES_OF[m.group(1).lower().rstrip("аеуы")]))
        for m in _RU_TO.finditer(text):
            found.append((m, _RU_HOURS[m.group(2).lower()] - 1, 60 - _RU_MINUTES_TO[m.group(1).lower()]))
    for m, hour, minutes in found:
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), clock_values(hour, minutes), False, m.start(), m.end()))
