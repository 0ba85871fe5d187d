"""Multipliers in every language: 两倍, 增长了2倍, 翻两番, 减半; «втрое», «в полтора раза», «удвоился»; "three
times", "tripled", "halved".

A multiplier is read as its factor (`values`) and as the percentages a translator may write for it instead
(`percents`): ×3 is also 300% (of the base) and 200% (more than it); a factor of decrease («втрое меньше»,
halved) is also 1/3, and the share left (33.3%) or lost (66.7%). 增长了2倍 (grew by twice itself) is ×3, and
×2 as many translators render it; 翻两番 (doubled twice) is ×4. The percentages are kept apart from the
factors so that they only meet a figure written in per cent: ×2 read as "200%" must not agree with ×3 read as
"200% more" («вдвое» ≠ «втрое»). Within that, the readings are generous on purpose: a changed multiplier is
a difference only when no reading of one side agrees with any reading of the other.

A multiplier in words (两倍, втрое, tripled) is soft, as other numbers in words are; in digits (3倍, в 2,5
раза) hard. In words after "about", «почти», 约 or before 多/以上 it is an estimate, loose: it only helps match.
"""
from __future__ import annotations

import re
from dataclasses import replace

from aligner.review.directions import direction
from aligner.review.numbers.common import Claims, Quantity


def readings(factors: tuple[float, ...], fewer: bool = False) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The values and the percentages the factors may be written as, the first factor first: ×3 is 3, or 300%
    and 200% (more); `fewer` (three times less) 3 and 1/3, or 33.3% (left) and 66.7% (less)."""
    values, percents = list(factors), []
    for f in factors:
        if fewer:
            values.append(1 / f)
            percents += [100 / f, 100 - 100 / f]
        else:
            percents += [100 * f] + ([100 * (f - 1)] if f > 1 else [])
    return tuple(dict.fromkeys(values)), tuple(dict.fromkeys(percents))


def _quantity(text: str, start: int, end: int, factors: tuple[float, ...], hard: bool, fewer: bool = False,
              loose: bool = False) -> Quantity:
    """The multiplier written at start–end, read."""
    values, percents = readings(factors, fewer)
    return Quantity(text[start:end], values, hard, start, end, loose=loose, factors=factors, percents=percents)


def _multiple(q: Quantity, text: str, start: int, end: int, factors: tuple[float, ...], fewer: bool,
              approx: bool) -> Quantity:
    """`q` (a number read) widened to the whole multiplier and read as one: an estimate stays one (a dozen
    times), a bare one is one no more (增长一倍, one and a half times)."""
    values, percents = readings(factors, fewer)
    loose = q.loose and q.values[0] != 1 or approx and not q.hard
    return replace(q, text=text[start:end], start=start, end=end, values=values, percents=percents, factors=factors,
                   loose=loose)


# ---------------------------------------------------------------- Chinese

# 增长了2倍, 多一倍, 高出一倍: grown by N times itself, which is ×(N + 1) — or ×N, as it is often meant and rendered.
_ZH_GREW_BY = re.compile("(?:增长|增加|提高|扩大|上涨|上升|增|翻|多|高出)了?(?:约|近|将近|超过|逾)?$")
_ZH_APPROX_BEFORE = re.compile("(?:约|近|将近|接近|超过|逾|大约|差不多)$")
_ZH_APPROX_AFTER = re.compile("多|以上|左右|有余|余")


def chinese_multiple(text: str, q: Quantity) -> Quantity:
    """A number before 倍 as the multiplier it is (两倍 ×2; 增长了2倍 ×2 or ×3); other numbers as they are."""
    if text[q.end:q.end + 1] != "倍" or not q.values:
        return q
    n = q.values[0]
    grew_by = _ZH_GREW_BY.search(text, max(0, q.start - 6), q.start) is not None
    # 增长一倍 is doubled, never "×1"; 增长了2倍 ×3, or ×2 as it is often meant
    factors = ((n, n + 1) if n > 1 else (n + 1,)) if grew_by else (n,)
    approx = bool(_ZH_APPROX_BEFORE.search(text, max(0, q.start - 4), q.start) or _ZH_APPROX_AFTER.match(text, q.end + 1))
    return _multiple(q, text, q.start, q.end + 1, factors, False, approx)


_ZH_DOUBLINGS = re.compile(r"翻了?(?:约|近)?([一二两三四五]|\d)番")
_ZH_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
# 翻倍 (doubled), 加倍 (redoubled), 倍增 (doubling): ×2 with no numeral written.
_ZH_DOUBLED = re.compile("翻倍|加倍|倍增")
# Halved: 减半, 减少一半, 下降了一半, 缩小到原来的一半 (not 一半以上的企业, half of them: a share, not a change).
_ZH_HALVED = re.compile("(?:减少|下降|降低|缩小|缩减|削减|压缩|减|降)了?(?:约|近)?(?:到|至)?(?:原来的)?一半|减半|的一半")


def chinese_multiples(text: str, claims: Claims) -> None:
    """翻两番 (doubled twice) is ×4, 翻一番 and 翻倍 ×2; 减半 and 减少一半 are halved (×0.5): soft, as numbers in words are."""
    for m in _ZH_DOUBLINGS.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else _ZH_SMALL[m.group(1)]
        if n and not any(claims.taken[m.start():m.end()]):
            approx = _ZH_APPROX_AFTER.match(text, m.end()) is not None  # 翻了一番多: more than doubled
            claims.add(_quantity(text, m.start(), m.end(), (2.0 ** n,), False, loose=approx))
    for m in _ZH_DOUBLED.finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(_quantity(text, m.start(), m.end(), (2.0,), False))
    for m in _ZH_HALVED.finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(replace(_quantity(text, m.start(), m.end(), (2.0,), False, fewer=True), factors=(0.5,)))


# ---------------------------------------------------------------- English and Russian

# Words that make a multiplier fewer: three times less, «втрое меньше», «сократился в два раза», halved.
_FEWER = {
    "en": re.compile(r"\b(?:less|fewer|smaller|lower(?:ed)?|cheaper|shorter|slower|reduc\w*|cut|decreas\w*|declin\w*|"
                     r"fell|fall\w*|drop\w*|shr[aiu]nk\w*|contract\w*|slash\w*)\b", re.I),
    "ru": re.compile(r"(?<![\w-])(?:меньше|ниже|дешевле|короче|медленнее|сниж\w*|сниз\w*|сокра[тщ]\w*|упа[лд]\w*|"
                     r"паден\w*|уменьш\w*|спад\w*)", re.I),
}
_CLAUSE_END = re.compile(r"[,;:.!?()—–]")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding start–end begins and ends."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return left, right.start() if right else len(text)


def _fewer(text: str, start: int, end: int, lang: str) -> bool:
    """The clause of a multiplier says it made something smaller: "cut threefold", «вдвое меньше»."""
    return _FEWER[lang].search(text, *_clause(text, start, end)) is not None


def _changed(text: str, start: int, end: int, lang: str) -> bool:
    """The clause says something grew or shrank ("trade grew three times"), as a count of occasions does not."""
    left, right = _clause(text, start, end)
    return direction(text[left:right], lang) is not None or _FEWER[lang].search(text, left, right) is not None


_APPROX_BEFORE = {
    "en": re.compile(r"\b(?:about|around|nearly|almost|roughly|approximately|some|over|more than|less than|"
                     r"at least|up to)\s+$", re.I),
    "ru": re.compile(r"(?<![\w-])(?:почти|примерно|около|приблизительно|порядка|свыше|более чем|менее чем|"
                     r"больше чем|меньше чем|не менее чем|не более чем)\s+$", re.I),
}

# After "three times": what makes it a multiplier, not a count of occasions (met three times).
_EN_COMPARED = re.compile(r"\s+(?:as|more|less|larger|bigger|greater|higher|lower|smaller|fewer|faster|slower|"
                          r"over|that|those|what)\b", re.I)
_EN_TIMES = re.compile(r"(?:\s+and\s+a\s+half)?(?:\s+times\b|-?fold\b)", re.I)
_EN_HALF_AND_TIMES = re.compile(r"\s+and\s+a\s+half", re.I)
_RU_TIMES = re.compile(r"(\s+с\s+половиной)?\s+раза?(?![\w-])", re.I)
_RU_IN = re.compile(r"(?<![\w-])в\s+$", re.I)


def as_multiple(text: str, q: Quantity, lang: str) -> Quantity:
    """A number before "times" or "-fold" (three times, 2.5 times, fivefold), or «в … раз(а)» (в три раза,
    в 1,5 раза, в два с половиной раза), as the multiplier it is; other numbers as they are."""
    if not q.values or q.ordinal:
        return q
    n, start = q.values[0], q.start
    if lang == "en":
        m = _EN_TIMES.match(text, q.end)
        if not m:
            return q
        half = _EN_HALF_AND_TIMES.match(text, q.end) is not None
        if not (half or "fold" in m.group(0).lower() or _EN_COMPARED.match(text, m.end())
                or _changed(text, q.start, m.end(), lang)):
            return q  # "had met three times", "twice a year": a count of times, not a multiplier
    else:
        m = _RU_TIMES.match(text, q.end)
        before = _RU_IN.search(text, max(0, q.start - 3), q.start)
        if not m or not before:
            return q
        half, start = m.group(1) is not None, before.start()
    factor = n + 0.5 if half else n
    approx = _APPROX_BEFORE[lang].search(text, max(0, start - 30), start) is not None
    return _multiple(q, text, start, m.end(), (factor,), _fewer(text, start, m.end(), lang), approx)


_EN_WORD_FACTORS = {
    **{w: 2.0 for w in ("doubled", "doubles", "doubling", "twice", "twofold", "two-fold")},
    **{w: 3.0 for w in ("tripled", "triples", "tripling", "trebled", "trebles", "trebling", "thrice", "threefold",
                        "three-fold")},
    **{w: 4.0 for w in ("quadrupled", "quadruples", "quadrupling", "fourfold", "four-fold")},
}
# "double", "triple" alone are as often adjectives (double taxation, the triple helix): loose, they only help match,
# unless a verb's ("will double", "to triple").
_EN_LOOSE_FACTORS = {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
_EN_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|shall)\s+$", re.I)
_EN_FOLD = re.compile(r"(five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand)-?fold$", re.I)
_EN_FOLD_VALUES = {"five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "twelve": 12.0,
                   "twenty": 20.0, "fifty": 50.0, "hundred": 100.0, "thousand": 1000.0}
_EN_HALVED = re.compile(r"\b(?:halved|halving|(?:by|in) half(?!\s+(?:a|an)\b))\b", re.I)  # not "in half an hour"
_RU_ADVERBS = {"вдвое": 2.0, "втрое": 3.0, "вчетверо": 4.0, "впятеро": 5.0, "вшестеро": 6.0, "всемеро": 7.0,
               "ввосьмеро": 8.0, "вдевятеро": 9.0, "вдесятеро": 10.0}
# удвоился, удвоение, утроить, учетверить, удваивать (not утро, утром: the morning)
_RU_VERB = re.compile(r"(?<![\w-])(?:(удв)(?:о[иеё]|аива)|(утр)(?:о[иеё]|аива)|(учетвер)(?:[иеё]|я)|(упятер)(?:[иеё]|я)|"
                      r"(удесятер)(?:[иеё]|я))\w*", re.I)
_RU_VERB_FACTORS = {"удв": 2.0, "утр": 3.0, "учетвер": 4.0, "упятер": 5.0, "удесятер": 10.0}


def _word_factor(text: str, start: int, end: int, lang: str) -> tuple[float, bool] | None:
    """The factor the multiplier word at start–end says, and whether it is loose (double, triple: often
    adjectives)."""
    low = text[start:end].lower()
    if lang == "en":
        if low in _EN_WORD_FACTORS:
            return _EN_WORD_FACTORS[low], False
        if low in _EN_LOOSE_FACTORS:
            return _EN_LOOSE_FACTORS[low], not _EN_VERB_BEFORE.search(text, max(0, start - 8), start)
        if m := _EN_FOLD.fullmatch(low):
            return _EN_FOLD_VALUES[m.group(1)], False
        return None
    if low in _RU_ADVERBS:
        return _RU_ADVERBS[low], False
    if m := _RU_VERB.fullmatch(low):
        return _RU_VERB_FACTORS[next(g for g in m.groups() if g)], False
    return None


_MULTIPLE_WORD = {"en": re.compile(r"(?<![\w-])[A-Za-z]+(?:-fold)?(?![\w-])"), "ru": re.compile(r"(?<![\w-])[А-Яа-яЁё]+(?![\w-])")}


def multiple_words(text: str, lang: str, claims: Claims) -> None:
    """Multipliers in one word (tripled, fivefold, вдвое, удвоился) and halving (halved, by half): soft."""
    if lang not in _MULTIPLE_WORD:
        return
    for m in _EN_HALVED.finditer(text) if lang == "en" else ():
        if not any(claims.taken[m.start():m.end()]):
            approx = _APPROX_BEFORE[lang].search(text, max(0, m.start() - 30), m.start()) is not None
            claims.add(replace(_quantity(text, m.start(), m.end(), (2.0,), False, True, approx), factors=(0.5,)))
    for m in _MULTIPLE_WORD[lang].finditer(text):
        found = _word_factor(text, m.start(), m.end(), lang)
        if found is None or any(claims.taken[m.start():m.end()]):
            continue
        factor, loose = found
        fewer = _fewer(text, m.start(), m.end(), lang)
        approx = _APPROX_BEFORE[lang].search(text, max(0, m.start() - 30), m.start()) is not None
        q = _quantity(text, m.start(), m.end(), (factor,), False, fewer, loose or approx)
        claims.add(replace(q, factors=(1 / factor,)) if fewer else q)
