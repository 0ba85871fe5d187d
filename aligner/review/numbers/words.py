"""Numbers in English and Russian text: digit groups, number words, ordinals, Roman numerals, dates, decades, shares."""
from __future__ import annotations

import re

from aligner.review.numbers.common import (
    CYR,
    DIGITS,
    LATIN,
    PER_MILLE,
    Claims,
    Quantity,
    abbreviated_year,
    attached_to_word,
    digit_values,
    fractions_and_clocks,
    list_marker,
    per_mille,
    ranges,
    share,
)
from aligner.review.numbers.clock_words import clock_words
from aligner.review.numbers.conversions import conversions
from aligner.review.numbers.multiples import as_multiple, multiple_words

# ---------------------------------------------------------------- English

_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
              "trillion": 1_000_000_000_000}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
# Ranks in words beyond twelfth (thirteenth … nineteenth, twentieth … ninetieth, hundredth).
_EN_RANKS = {**_EN_ORDINALS, **{w[:-1] + "th" if w.endswith("t") else w + "th": v for w, v in _EN_UNITS.items() if v >= 13},
             **{w[:-1] + "ieth": v for w, v in _EN_TENS.items()}, "hundredth": 100}
_EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_EN_DECADES = {w: 10 * (i + 2) for i, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split())}
_EN_MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
# Abbreviated months (Feb. 4, 4 Sept 2022) count before a full stop or a day or year: "Mar" alone may be a word.
_EN_MONTH_ABBREVIATIONS = {**{m[:3]: i + 1 for i, m in enumerate(_EN_MONTHS)}, "Sept": 9}
_EN_MONTH_ABBREVIATION_AFTER = re.compile(r"\.|\s+\d")
# Scales the financial press abbreviates after digits: US$2.5bn, 450mn, RMB 3 mln, $1.2tn. A bare "m" is
# also metres (3m), so "450m" may mean either.
_EN_SCALE_ABBREVIATIONS = {"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12}
_RU_SCALE_ABBREVIATIONS = ("тыс", "млн", "млрд", "трлн")  # written with a full stop: 1,5 млн.
_EN_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b|pct\b)", re.I)

# ---------------------------------------------------------------- Russian

# Russian cardinals in all their cases (one line per value). "семью" (also "family") is left out.
_RU_FORMS = """
2 два две двух двум двумя
3 три трёх трех трём трем тремя
4 четыре четырёх четырех четырём четырем четырьмя
5 пять пяти пятью
6 шесть шести шестью
7 семь семи
8 восемь восьми восемью восьмью
9 девять девяти девятью
10 десять десяти десятью
11 одиннадцать одиннадцати одиннадцатью
12 двенадцать двенадцати двенадцатью
13 тринадцать тринадцати тринадцатью
14 четырнадцать четырнадцати четырнадцатью
15 пятнадцать пятнадцати пятнадцатью
16 шестнадцать шестнадцати шестнадцатью
17 семнадцать семнадцати семнадцатью
18 восемнадцать восемнадцати восемнадцатью
19 девятнадцать девятнадцати девятнадцатью
20 двадцать двадцати двадцатью
30 тридцать тридцати тридцатью
40 сорок
50 пятьдесят пятидесяти пятьюдесятью
60 шестьдесят шестидесяти шестьюдесятью
70 семьдесят семидесяти семьюдесятью
80 восемьдесят восьмидесяти восемьюдесятью
90 девяносто девяноста
100 сто ста
200 двести двухсот двумстам двумястами двухстах
300 триста трёхсот трехсот тремстам тремястами трёхстах трехстах
400 четыреста четырёхсот четырехсот четырёмстам четыремстам четырьмястами четырёхстах четырехстах
500 пятьсот пятисот пятистам пятьюстами пятистах
600 шестьсот шестисот шестистам шестьюстами шестистах
700 семьсот семисот семистам семьюстами семистах
800 восемьсот восьмисот восьмистам восьмьюстами восемьюстами восьмистах
900 девятьсот девятисот девятистам девятьюстами девятистах
"""
_RU_WORDS: dict[str, float] = {
    form: float(line.split()[0]) for line in _RU_FORMS.strip().splitlines() for form in line.split()[1:]
}
_RU_SCALES = {"тысяч": 1_000, "тыс": 1_000, "миллион": 1_000_000, "млн": 1_000_000, "миллиард": 1_000_000_000,
              "млрд": 1_000_000_000, "триллион": 1_000_000_000_000, "трлн": 1_000_000_000_000}
_RU_MONTHS = {m: i + 1 for i, m in enumerate(
    "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр".split())}
_RU_MONTH_WORD = re.compile(r"(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ем|ём|а|у|ом)$")
_RU_FRACTIONS = {"треть": 3, "трети": 3, "третей": 3, "четверть": 4, "четверти": 4, "четвертей": 4}
_RU_PERCENT = re.compile(r"\s*(?:%|процент\w*|проц\.)", re.I)
_RU_DECADE = re.compile("(двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност)(?:ые|ых|ым|ыми)$")
_RU_DECADE_STEMS = {"двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70,
                    "восьмидесят": 80, "девяност": 90}
# Numbers as nouns: «новая тройка» (新三样), «Большая семёрка» (七国集团), «в пятёрку крупнейших» (前五). Not «десятки»,
# which is as often "tens of" (десятки стран), a vague count.
_RU_COLLECTIVE_STEMS = {"двойк": 2, "тройк": 3, "четверк": 4, "пятерк": 5, "шестерк": 6, "семерк": 7, "восьмерк": 8,
                        "девятк": 9, "двадцатк": 20}
_RU_COLLECTIVE = re.compile(r"(двойк|тройк|четв[её]рк|пят[её]рк|шест[её]рк|сем[её]рк|восьм[её]рк|девятк|двадцатк)"
                            r"(?:а|и|е|у|ой|ою)$")
_RU_HALF = {"полтора": 1.5, "полторы": 1.5, "полутора": 1.5}  # полтора миллиона; полмиллиона is read with the scales

# "One in three", "every third", "каждое третье": a share, 1/3, as the Chinese 三分之一 or 1/3 writes it.
_EN_ONE_IN = re.compile(r"\b(?:one (?:in|out of) (\w+)|every (third|fourth|fifth|tenth))\b", re.I)
_RU_EVERY = re.compile(r"\b(?:кажд(?:ый|ая|ое|ого|ой|ому|ую|ым|ом))\s+(трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
                       r"(?:ий|ья|ье|ьего|ьей|ьему|ью|ьим|ьем|ый|ая|ое|ого|ой|ому|ую|ым|ом)\b", re.I)
# Russian ordinals by stem: the last word of a compound rank or date (двадцать первом, тысяча девятьсот
# девяносто седьмом, сто первый) or a day before its month (третьего мая).
_RU_RANK_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20,
    "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80,
    "девяност": 90, "сот": 100, "двухсот": 200, "трёхсот": 300, "трехсот": 300, "четырёхсот": 400,
    "четырехсот": 400, "пятисот": 500, "шестисот": 600, "семисот": 700, "восьмисот": 800, "девятисот": 900,
}
_RU_RANK = re.compile(
    "(" + "|".join(sorted((k for k in _RU_RANK_STEMS if k != "трет"), key=len, reverse=True)) + ")"
    "(?:ый|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)$|(трет)(?:ий|ья|ье|ьего|ьей|ьему|ьим|ьем|ью|ьи|ьих|ьими)$")


def _ru_rank(word: str) -> float | None:
    """The number a Russian ordinal stands for (первом 1, четвёртого 4, сотый 100), else None."""
    m = _RU_RANK.match(word.lower())
    return float(_RU_RANK_STEMS[m.group(1) or m.group(2)]) if m else None


def _ru_lone_rank(word: str) -> int | None:
    """The rank a Russian ordinal says alone (в пятом раунде 5, второй по величине 2), not "первый": as
    "first" in English, it renders 首 and 首次 as often as 第一; soft, like the English ranks."""
    rank = _ru_rank(word)
    return int(rank) if rank and rank > 1 else None


def _en_rank(word: str) -> int | None:
    """The rank an English ordinal word says (fifth 5, twentieth 20, third-largest 3), not "first": "for
    the first time" renders 首次 as often as 第一次, and a soft rank or date only matches or sets off a
    number that changed (第五轮 ↔ "the fourth round", 20世纪 ↔ "the twentieth century")."""
    rank = _EN_RANKS.get(word.lower().partition("-")[0])
    return rank if rank and rank > 1 else None


def _word_kind(value: float) -> str:
    return "hundreds" if value >= 100 else "tens" if value >= 20 else "unit"


# Words before "three quarters" that make it a count of quarters of a year (the first three quarters), not 3/4.
_EN_PERIODS_BEFORE = {"first", "last", "past", "next", "previous", "preceding", "following", "recent", "remaining",
                      "the", "these", "those", "all"}



def _roman(token: str) -> int | None:
    if not re.fullmatch(r"[IVXLC]{2,}", token):
        return None
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(token, token[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    canonical = _to_roman(total)
    return total if canonical == token else None


def _to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


_WORD = re.compile(f"[{LATIN}{CYR}]+(?:-[{LATIN}{CYR}]+)*|\\d")


# A span of years in one word: a decade is the 10 of 10年来, a century the 100 of 一百年.
_SPAN_WORDS = {"decade": 10.0, "century": 100.0, "centenary": 100.0, "centennial": 100.0, "десятилетие": 10.0, "десятилетия": 10.0, "десятилетий": 10.0,
               "десятилетию": 10.0, "десятилетием": 10.0, "столетие": 100.0, "столетия": 100.0}
# One of a unit of time, written with no number: "a week" for 7天, "a year" for 12个月, "за неделю" (see `chinese`).
_ONE_UNIT = {"week": 1.0, "year": 1.0, "month": 1.0, "day": 1.0, "hour": 1.0, "fortnight": 2.0}
_ONE_UNIT_RU = re.compile(r"недел[яиюе]$|месяц[аеу]?$|сут(ки|ок)$")
_OR = {"or", "или", "либо"}
_ABOUT = {"about", "over", "some", "nearly", "almost", "around", "more than", "less than", "than", "около", "почти",
          "более", "менее", "свыше", "примерно", "больше", "меньше"}
_DECADE = re.compile(r"decades?$|десятилети")


def _decade_word(word: str, lang: str) -> float | None:
    """20..90 for "the nineties", "девяностых"."""
    low = word.lower()
    if lang == "en":
        return _EN_DECADES.get(low)
    m = _RU_DECADE.match(low)
    return _RU_DECADE_STEMS[m.group(1)] if m else None


def _one_in_n(text: str, lang: str, claims: Claims) -> None:
    """"One in three", "every third", "каждое третье": 1/3."""
    pattern = _EN_ONE_IN if lang == "en" else _RU_EVERY
    for m in pattern.finditer(text):
        word = next(g for g in m.groups() if g).lower()
        n = _RU_RANK_STEMS.get(word) if lang == "ru" else \
            _EN_ORDINALS.get(word) or _EN_UNITS.get(word) or (int(word) if word.isdigit() else None)
        if n and n > 1 and not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), share(1 / n), True, m.start(), m.end()))


# "Around the clock", "24/7", "круглосуточно": the 24 hours of 24小时 (a day's, not a count of hours in words).
_AROUND_THE_CLOCK = re.compile(r"\b(?:a?round[- ]the[- ]clock|24/7|круглосуточн\w*|(?:в\s+)?кругл\w+\s+сут\w*)", re.I)


def _around_the_clock(text: str, claims: Claims) -> None:
    """"Around the clock", "24/7", "круглосуточно": 24 (hours), soft, as the idiom renders 24小时 — and the
    7 of 24/7 is not a number of the sentence."""
    for m in _AROUND_THE_CLOCK.finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (24.0,), False, m.start(), m.end()))


# Durations in one compound word: пятилетний срок (五年期), семидесятипятилетие (75周年), двухдневный визит (为期两天的
# 访问), трёхмесячный, двухнедельный, двухчасовой, as the stems of a number in the genitive joined to the unit; not
# десятилетие or столетие alone (see _SPAN_WORDS), which are loose.
_RU_COMPOUND_STEMS = {
    "одно": 1, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12, "пятнадцати": 15, "двадцати": 20,
    "тридцати": 30, "сорока": 40, "пятидесяти": 50, "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80,
    "девяноста": 90, "сто": 100, "двухсот": 200, "трёхсот": 300, "трехсот": 300, "пятисот": 500,
}
_RU_COMPOUND_YEARS = re.compile(
    "((?:" + "|".join(sorted(_RU_COMPOUND_STEMS, key=len, reverse=True)) + r"){1,3})"
    r"(?:лети[еяюи]|летием|летн\w+|дневн\w+|недельн\w+|месячн\w+|часов(?:ой|ого|ому|ым|ом|ая|ую|ые|ых|ыми))$")


def _ru_compound_years(word: str) -> float | None:
    """75 for семидесятипятилетие, 5 for пятилетний, 2 for двухдневный; None for words that are no such compound."""
    m = _RU_COMPOUND_YEARS.match(word.lower())
    if not m or word.lower() in _SPAN_WORDS:
        return None
    total, rest = 0.0, m.group(1)
    while rest:
        stem = next((k for k in sorted(_RU_COMPOUND_STEMS, key=len, reverse=True) if rest.startswith(k)), None)
        if stem is None:
            return None
        total, rest = total + _RU_COMPOUND_STEMS[stem], rest[len(stem):]
    return total


# "A year and a half", "half a year", "полгода": 1.5 and 0.5 years, or 18 and 6 months (18个月, 半年, 6个月).
_HALF_YEARS = {
    "en": re.compile(r"\b(?:(?:a|one) year and a half|one and a half years?|a year-and-a-half|(half) a year)\b", re.I),
    "ru": re.compile(r"(?<![\w-])(пол(?:-|у)?год[а]?)(?![\w-])", re.I),
}


# Half a per cent or percentage point (0.5个百分点, 半个百分点): "half a percentage point", «полпроцента».
_HALF_PERCENT = {
    "en": re.compile(r"\bhalf (?:a|one|of (?:a|one)) (?:percent(?:age)?|per cent)(?: points?)?\b|"
                     r"\bhalf a (?:point|pp)\b", re.I),
    "ru": re.compile(r"(?<![\w-])(?:пол(?:-|у)?процент\w*|половин\w+\s+(?:процент\w*|процентн\w+\s+пункт\w*))", re.I),
}


def _halves(text: str, lang: str, claims: Claims) -> None:
    """Durations of a year and a half or half a year, and half a per cent, in words: soft, as a
    count in words is."""
    for m in _HALF_YEARS[lang].finditer(text):
        years = 0.5 if m.group(1) else 1.5
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (years, years * 12), False, m.start(), m.end()))
    for m in _HALF_PERCENT[lang].finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (0.5,), False, m.start(), m.end()))


def _spoken_year(lang: str, n_words: int, total: float, current: float, value: float, ordinal: bool) -> bool:
    """The second word of a year said in two numbers: "nineteen" then "nineteen" (1919), "eighty-four" (1984)."""
    return lang == "en" and n_words == 1 and not total and 11 <= current <= 20 and 10 <= value <= 99 and not ordinal


_CLOCK_BEFORE = {"at", "by", "till", "until", "around", "about", "before", "after", "past", "from", "to"}  # "at eleven fifteen"


def _word_value(word: str, lang: str) -> tuple[str, float] | None:
    """('unit'|'tens'|'scale'|'hundreds', value) for a number word, else None."""
    w = word.lower()
    if lang == "en":
        if w in _EN_UNITS:
            return "unit", _EN_UNITS[w]
        if w in _EN_TENS:
            return "tens", _EN_TENS[w]
        if w in _EN_SCALES:
            return "scale", _EN_SCALES[w]
        if "-" in w:
            a, _, b = w.partition("-")
            if a in _EN_TENS and b in _EN_UNITS and _EN_UNITS[b] > 0:
                return "tens", _EN_TENS[a] + _EN_UNITS[b]
            if a in _EN_TENS and b in _EN_ORDINALS and _EN_ORDINALS[b] < 10:  # twenty-first
                return "tens", _EN_TENS[a] + _EN_ORDINALS[b]
            if b not in _EN_FRACTIONS and not _word_value(b, lang):  # three-inch, seven-centimeter
                return _word_value(a, lang)
        if w == "dozen":
            return "unit", 12
        return None
    if w in ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одну"):
        return "unit", 1
    if w in _RU_HALF:
        return "unit", _RU_HALF[w]
    half = re.match("полу?-?", w)
    if half and (scale := _word_value(w[half.end():], lang)) and scale[0] == "scale":
        return "scale", scale[1] / 2  # полмиллиона, полумиллиона, пол-миллиарда
    if m := _RU_COLLECTIVE.match(w):
        return _word_kind(_RU_COLLECTIVE_STEMS[m.group(1).replace("ё", "е")]), _RU_COLLECTIVE_STEMS[m.group(1).replace("ё", "е")]
    if w in _RU_WORDS:
        v = _RU_WORDS[w]
        return ("hundreds" if v >= 100 else "tens" if v >= 20 else "unit"), v
    for stem, v in _RU_SCALES.items():
        if w.startswith(stem) and len(w) - len(stem) <= 3:
            return "scale", v
    return None


_AND_A_HALF = {"en": ("and", "a", "half"), "ru": ("с", "половиной")}


def _and_a_half(text: str, words: list[re.Match], j: int, lang: str) -> int:
    """The index of the scale word after "and a half" / "с половиной" starting at words[j] (one and a
    half billion, два с половиной миллиона), else 0: only before a scale word, words apart by spaces."""
    phrase = _AND_A_HALF[lang]
    k = j + len(phrase)
    if k >= len(words) or [w.group(0).lower() for w in words[j:k]] != list(phrase):
        return 0
    if any(text[words[x].end():words[x + 1].start()].strip() for x in range(j - 1, k)):
        return 0
    value = _word_value(words[k].group(0), lang)
    return k if value and value[0] == "scale" else 0


# The year so far as a count of months (1—3月, 1—6月): "the first quarter", "the first half", «в первом квартале»,
# «в I полугодии».
_YEAR_SO_FAR = {
    "en": re.compile(r"\bfirst (quarter|half)\b", re.I),
    "ru": re.compile(r"(?<![\w-])(?:перв\w+|I)\s+(квартал|полугоди)\w*", re.I),
}


def _year_so_far(text: str, lang: str, claims: Claims) -> None:
    """"the first quarter" as 3 months, "the first half" as 6: soft, as a count in words is."""
    for m in _YEAR_SO_FAR[lang].finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            months = 3.0 if m.group(1).lower() in ("quarter", "квартал") else 6.0
            claims.add(Quantity(m.group(0), (months,), False, m.start(), m.end()))


# A quarter or half of a year as business writes it: Q3 (第三季度), H1 (上半年); its year is read on its own.
_QUARTER = re.compile(r"(?<![\w-])(?:Q([1-4])|H([12]))(?![\w-])")


def _quarters(text: str, claims: Claims) -> None:
    """Q3 as the rank 3 of 第三季度, H1 as the 1 of 上半年: soft ranks, as "the third quarter" is."""
    for m in _QUARTER.finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (float(m.group(1) or m.group(2)),), False, m.start(), m.end(), ordinal=True))


# What joins a range's two figures: "$2-3 billion", «2–3 млрд», "five to ten thousand" (a scale written once), "items
# 3 through 5", «с 4 по 7».
_RANGE_BETWEEN = re.compile(r"\s*(?:[-–—]|to|through|or|до|по|или)\s*|(?<=\d)\s+and\s+", re.I)  # between 2 and 3 billion
_LAST_WORD = re.compile(r"([A-Za-zА-Яа-яЁё]+)\.?$")


def _scale_of(q: Quantity, lang: str) -> float | None:
    """The factor of the scale word a quantity ends in (3 billion, 3 млрд, ten thousand, 3bn), else None."""
    word = _LAST_WORD.search(q.text)
    if not word:
        return None
    w = word.group(1)
    value = ("scale", _EN_SCALE_ABBREVIATIONS[w.lower()]) if lang == "en" and w.lower() in _EN_SCALE_ABBREVIATIONS \
        else _word_value(w, lang)
    return value[1] if value and value[0] == "scale" else None


def latin_cyrillic_quantities(text: str, lang: str) -> list[Quantity]:
    claims = Claims(text)
    found, taken, add = claims.found, claims.taken, claims.add

    words = list(_WORD.finditer(text))
    percent_re = _EN_PERCENT if lang == "en" else _RU_PERCENT

    fractions_and_clocks(text, claims)
    _one_in_n(text, lang, claims)
    _around_the_clock(text, claims)
    _quarters(text, claims)
    _year_so_far(text, lang, claims)
    _halves(text, lang, claims)
    clock_words(text, lang, claims)
    multiple_words(text, lang, claims)

    # Digit groups, with a scale word after them (100 billion, 1,5 млн) and % after them.
    for m in DIGITS.finditer(text):
        if taken[m.start()] or attached_to_word(text, m.start(), m.end()):
            continue
        values = abbreviated_year(text, m.start(), m.end(), digit_values(m.group(0), lang))
        end = m.end()
        scale_m = re.match(r"[\s\u00a0\u202f]*([A-Za-zА-Яа-яЁё]+)(\.?)", text[end:])
        if scale_m:
            word = scale_m.group(1)
            wv = _word_value(word, lang)
            if lang == "en" and word.lower() in _EN_SCALE_ABBREVIATIONS:
                wv = ("scale", _EN_SCALE_ABBREVIATIONS[word.lower()])
            if wv and wv[0] == "scale" and not word.lower().endswith(("s",)) or (
                    wv and wv[0] == "scale" and lang == "ru"):
                if lang == "ru" and "," in m.group(0) and len(values) == 2:
                    values = values[:1]  # 5,221 тыс. is 5.221 thousand: Russian groups thousands before a scale word with spaces
                values = tuple(v * wv[1] for v in values)
                # the full stop of an abbreviation (1,5 млн.), not the sentence's after "3 billion."
                abbreviated = lang == "ru" and word.lower().startswith(_RU_SCALE_ABBREVIATIONS)
                end += scale_m.end() if abbreviated else scale_m.end(1)
            elif lang == "en" and word == "m" and scale_m.start(1) == 0:  # 450m people, RMB 3m, or 3m (metres)
                values = tuple(v * 1e6 for v in values) + values
                end += 1
        pm = percent_re.match(text[end:])
        if pm:
            end += pm.end()
        elif text[end:end + 1] == PER_MILLE:
            values, end = per_mille(values), end + 1
        marker = list_marker(text, m.start(), end)
        add(Quantity(text[m.start():end], values, not marker, m.start(), end, marker=marker,
                     loose=marker or text[m.start():end] == "1"))  # a bare 1 is "one", "a", "per": 1美元兑7元, 7 yuan per dollar

    # Fractions in words: one-third, two thirds, a third of, две трети, четверть.
    for i, w in enumerate(words):
        if taken[w.start()]:
            continue
        low = w.group(0).lower()
        num, den, start = None, None, w.start()
        if lang == "en":
            parts = low.split("-")
            if len(parts) == 2 and parts[0] in _EN_UNITS and parts[1] in _EN_FRACTIONS:
                num, den = _EN_UNITS[parts[0]], _EN_FRACTIONS[parts[1]]
            elif low in _EN_FRACTIONS and low not in ("half", "halves", "fourth", "tenth", "fifth") and i:
                prev = words[i - 1].group(0).lower()
                if low == "quarters" and i > 1 and words[i - 2].group(0).lower() in _EN_PERIODS_BEFORE:
                    continue  # "the first three quarters": three quarters of a year, a count
                if prev in _EN_UNITS and _EN_UNITS[prev] > 0:
                    num, den, start = _EN_UNITS[prev], _EN_FRACTIONS[low], words[i - 1].start()
                elif prev in ("a", "one") and text[w.end():w.end() + 3] == " of":
                    num, den, start = 1, _EN_FRACTIONS[low], words[i - 1].start()
        elif low in _RU_FRACTIONS:
            num, den = 1, _RU_FRACTIONS[low]
            prev = _word_value(words[i - 1].group(0), lang) if i else None
            if prev and prev[0] != "scale":
                num, start = prev[1], words[i - 1].start()
        end, part = w.end(), False
        if lang == "ru" and num is None and (rank := _ru_rank(low)) and rank > 2 and i + 1 < len(words) \
                and words[i + 1].group(0).lower().startswith("част") and not taken[words[i + 1].start()]:
            # пятая часть населения: a fifth; loose, as "в третьей части доклада" is a part of a document
            num, den, end, part = 1, int(rank), words[i + 1].end(), True
        if num is not None and den:
            found.append(Quantity(text[start:end], share(num / den), not part, start, end, loose=part))
            for k in range(start, end):
                taken[k] = True

    # Runs of number words: twenty-four, one hundred and five, две тысячи, пять лет.
    i = 0
    while i < len(words):
        w = words[i]
        wv = _word_value(w.group(0), lang) if not taken[w.start()] and not w.group(0).isdigit() else None
        if wv is None and not (lang == "ru" and not taken[w.start()] and _ru_rank(w.group(0)) and i + 1 < len(words)
                               and _RU_MONTH_WORD.match(words[i + 1].group(0).lower())):
            i += 1  # a lone ordinal is a number only as a date's day (третьего мая), not in "первый заместитель"
            continue
        total, current, j, n_words, scaled, prev_kind = 0.0, 0.0, i, 0, False, ""
        rank = False  # the run ends in an ordinal (двадцать первом): a soft rank or date, like 第二十一
        last_end = w.end()
        while j < len(words):
            tok = words[j].group(0)
            if taken[words[j].start()]:
                break
            if n_words and not scaled and prev_kind in ("unit", "tens") and (k := _and_a_half(text, words, j, lang)):
                current += 0.5  # one and a half billion, два с половиной миллиона: the scale word comes next
                last_end = words[k - 1].end()
                j = k
                continue
            gap = text[last_end:words[j].start()]
            if n_words and gap.strip() not in ("", "and") and not (gap.strip() == "," and scaled):
                break
            if lang == "en" and tok.lower() == "and":
                if not (scaled and j + 1 < len(words) and _word_value(words[j + 1].group(0), lang)):
                    break
                j += 1
                continue
            v = _word_value(tok, lang) if not tok.isdigit() else None
            ordinal = v is None and lang == "ru" and _ru_rank(tok)
            if ordinal:
                v = (_word_kind(ordinal), ordinal)
            if v is None:
                break
            kind, val = v
            if _spoken_year(lang, n_words, total, current, val, rank or bool(ordinal)) and \
                    (i == 0 or words[i - 1].group(0).lower() not in _CLOCK_BEFORE):
                current, n_words, last_end, j = current * 100 + val, n_words + 1, words[j].end(), j + 1
                break  # "nineteen nineteen", "nineteen forty-nine": a year as English says it
            if n_words and (kind == "tens" and prev_kind in ("unit", "tens") or
                            kind == "unit" and (prev_kind == "unit" or prev_kind == "tens" and current % 10)):
                break  # "two three-inch" is two numbers, "twenty five" one
            prev_kind, rank = kind, bool(ordinal)
            if kind == "scale":
                if tok.lower().endswith("s") and lang == "en":  # hundreds, thousands: vague
                    break
                if val == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * val
                    current = 0
                scaled = True
            else:
                current += val
            n_words += 1
            last_end = words[j].end()
            j += 1
            if rank:
                break  # an ordinal ends the number: "двадцать первом веке"
        if n_words == 0:
            i += 1
            continue
        value = total + current
        start, end = w.start(), last_end
        # "a hundred", "a thousand", "half a trillion"
        if scaled and i and words[i - 1].group(0).lower() == "a" and n_words == 1:
            start = words[i - 1].start()
            if i > 1 and words[i - 2].group(0).lower() == "half":
                start, value = words[i - 2].start(), value / 2
        pm = percent_re.match(text[end:])
        if pm:
            end += pm.end()
        before = words[i - 1].group(0).lower() if i else ""
        after = words[j].group(0).lower() if j < len(words) else ""
        estimate = before in _OR or (after in _OR and j + 1 < len(words) and
                                     (words[j + 1].group(0).isdigit() or _word_value(words[j + 1].group(0), lang)))
        values = (value, value * 10) if _DECADE.match(after) else (value,)  # four decades = 40 years
        if not estimate:  # "two or three", "a thing or two", "два или три": an estimate, not a count
            hard = bool(pm)  # number words are counts a translator may render freely
            # a Russian scale word alone (отметку в триллион, тысячи лет) is "a trillion" or "thousands of", as 万亿元大关
            # writes no number either: it helps match, never a difference by itself
            alone = lang == "ru" and n_words == 1 and scaled and not w.group(0).lower().startswith("пол")
            loose = not hard and (value == 1 or alone or words[i].group(0).lower() == "dozen" or
                                  before in _ABOUT or (i > 1 and words[i - 2].group(0).lower() + " " + before in _ABOUT))
            found.append(Quantity(text[start:end], values, hard, start, end, loose=loose and not rank, ordinal=rank))
        for k in range(start, end):
            taken[k] = True
        i = j

    # Months by name and Roman numerals: soft, they only help match (February ↔ 2月, XXIV ↔ 第24届).
    for idx, w in enumerate(words):
        if taken[w.start()]:
            continue
        tok = w.group(0)
        month = None
        if lang == "en" and tok in _EN_MONTHS and not (tok == "May" and w.start() == 0):
            month = _EN_MONTHS[tok]
        elif lang == "en" and tok in _EN_MONTH_ABBREVIATIONS and _EN_MONTH_ABBREVIATION_AFTER.match(text, w.end()):
            month = _EN_MONTH_ABBREVIATIONS[tok]
        elif lang == "ru":
            mm = _RU_MONTH_WORD.match(tok.lower())
            if mm and (mm.group(1) != "ма" or tok.lower() in ("мая", "май", "мае")):
                month = _RU_MONTHS[mm.group(1)]
        if month:
            found.append(Quantity(tok, (float(month),), False, w.start(), w.end()))
            continue
        decade = _decade_word(tok, lang)
        if decade:  # the nineties, девяностые: as 九十年代 (or 90年代) reads; loose, as "the sixties" also says 一九六几年
            found.append(Quantity(tok, (decade, 1900 + decade, 2000 + decade), False, w.start(), w.end(), loose=True))
            continue
        if lang == "en" and "-" in tok and all(part in _EN_MONTHS for part in tok.split("-")):
            for part in re.finditer(r"[A-Za-z]+", tok):  # January-September, as 1—9月 gives both months
                found.append(Quantity(part.group(0), (float(_EN_MONTHS[part.group(0)]),), False,
                                      w.start() + part.start(), w.start() + part.end()))
            continue
        unit = _ONE_UNIT.get(tok.lower()) if lang == "en" and idx and words[idx - 1].group(0).lower() in ("a", "an") \
            else (1.0 if lang == "ru" and _ONE_UNIT_RU.match(tok.lower()) else None)
        if unit:  # "a week" for 7天: helps match, never a difference by itself
            found.append(Quantity(tok, (unit,), False, w.start(), w.end(), loose=True))
            continue
        years = _ru_compound_years(tok) if lang == "ru" else None
        if years and years > 1:  # пятилетний срок for 五年期: a count in words, soft
            found.append(Quantity(tok, (years,), False, w.start(), w.end()))
            continue
        years = _SPAN_WORDS.get(tok.lower())
        if years:  # "over the past decade" for 10年来: helps match, never a difference by itself
            found.append(Quantity(tok, (years,), False, w.start(), w.end(), loose=True))
            continue
        r = _roman(tok) or (_en_rank(tok) if lang == "en" else _ru_lone_rank(tok))
        if r:
            marker = _roman(tok) is not None and list_marker(text, w.start(), w.end())  # "II. Specifications" for 二、
            found.append(Quantity(tok, (float(r),), False, w.start(), w.end(), ordinal=not marker, loose=marker,
                                  marker=marker))
    found = sorted((as_multiple(text, q, lang) for q in found), key=lambda q: q.start)
    return conversions(text, ranges(text, found, _RANGE_BETWEEN, lambda q: _scale_of(q, lang)))

