"""Numbers, dates, percentages and quantities read out of Chinese, Russian and English text.

Every number found becomes a `Quantity` with the value(s) it can mean (Russian "1,500" may be
1.5 or 1500; 二〇二二 is 2022; 1000亿 is 100 billion is 100 млрд) so two sides can be compared
by value, not by spelling. A quantity is *hard* when it is written explicitly — digits, a
percentage, a fraction, or a numeral with a scale word (三千, two hundred) — and *soft* when it
is a bare small count in words (两国, three days, пять лет, XXIV): translators drop or rephrase
those freely, so a soft number helps match but never raises a flag by itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    """A number as written (`text`, at `start`–`end` of the sentence) and the values it can mean."""

    text: str
    values: tuple[float, ...]
    hard: bool
    start: int
    end: int
    loose: bool = False  # an estimate (十几, 四十多) or a bare "one": helps match, never a difference by itself
    ordinal: bool = False  # a soft rank or date (XXV, 第二十四, 九十年代): a reason sets it against a hard number left over


# ---------------------------------------------------------------- shared pieces

_LATIN = "A-Za-z"
_CYR = "А-Яа-яЁё"
# Letters directly after a digit run that still leave it a number: ordinals, decades, units.
_NUMBER_SUFFIXES = {"st", "nd", "rd", "th", "s", "am", "pm", "km", "kg", "cm", "mm", "m", "g", "t", "h", "min"}
_SPACES = " \u00a0\u202f\u2009"

# Digit groups: 1,500 / 1 500 / 1 500 / 1.5 / 2022 (but not 2022 15 — a group after a space has 3 digits).
_DIGITS = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?")
_RANGE_DASH = "-–—~～"
_DIGIT_RUN = re.compile(r"\d+")


def _digit_values(raw: str, lang: str) -> tuple[float, ...]:
    """Values a digit group can mean in `lang`: Russian uses a decimal comma, English a group comma."""
    plain = raw
    for s in _SPACES:
        plain = plain.replace(s, "")
    if "," in plain and "." in plain:  # 1,500.5 (en) or 1.500,5 (de-style)
        if plain.rfind(".") > plain.rfind(","):
            return (float(plain.replace(",", "")),)
        return (float(plain.replace(".", "").replace(",", ".")),)
    if "," in plain:
        groups = plain.split(",")
        grouped = all(len(g) == 3 for g in groups[1:])
        decimal = float(plain.replace(",", ".")) if len(groups) == 2 else None
        thousands = float(plain.replace(",", "")) if grouped else None
        if lang == "ru":
            return tuple(v for v in (decimal, thousands) if v is not None)
        return tuple(v for v in (thousands, decimal) if v is not None)
    return (float(plain),)


def _attached_to_word(text: str, start: int, end: int) -> bool:
    """True for digits inside a code or name such as COVID-19, G20, 5G, H1N1, Су-57."""
    before = text[max(0, start - 2):start]
    if before[-1:] and re.match(f"[{_LATIN}{_CYR}]", before[-1]):
        return True
    if before[-1:] == "-" and before[:1] and re.match(f"[{_LATIN}{_CYR}]", before[0]):
        return True
    after = re.match(f"[{_LATIN}]+", text[end:])
    if after and after.group(0) not in _NUMBER_SUFFIXES:
        return True
    return False


def _list_marker(text: str, start: int, end: int) -> bool:
    """A heading or list number at the start of a sentence: "6.片厂", "2) ...", "3、"."""
    return not text[:start].strip() and re.match(r"[.、)）:：](?!\d)", text[end:end + 1] + text[end + 1:end + 2]) is not None


# A fraction in digits: 1/3, 2/5 (not a date 1/3/2022, not 24/7).
_SLASH_FRACTION = re.compile(r"(?<![\d/.,])(\d{1,3})/(\d{1,3})(?![\d/])")
# A time on a clock: 3:30, 15:00, 3:30 p.m. (not 2:05:30, a race time).
_CLOCK = re.compile(r"(?<![\d:：.,])([01]?\d|2[0-4])[:：]([0-5]\d)(?![\d:：])")
_HOUR_AMPM = re.compile(r"(?<![\d:：.,])(1[0-2]|0?\d)(?:[.:]([0-5]\d))?\s*(?:[ap]\.m\.|[ap]m\b)", re.I)  # 3 p.m., 3.30 pm


def _clock_values(hour: float, minutes: float) -> tuple[float, ...]:
    """A time read on the 12-hour face, both halves of the day: 15:00, 3 p.m. and 下午3点 all agree.

    a.m./p.m. is left to the reader: 下午 and 晚上 do not map one to one onto p.m. and evening."""
    face = hour % 12 + minutes / 60
    return face, face + 12


def _fractions_and_clocks(text: str, claims: _Claims) -> None:
    """Digit fractions (1/3) and clock times (3:30 p.m.), read before their digits are taken one by one."""
    for m in _SLASH_FRACTION.finditer(text):
        n, d = int(m.group(1)), int(m.group(2))
        if 0 < n < d <= 100:
            claims.add(Quantity(m.group(0), (n / d,), True, m.start(), m.end()))
    for pattern in (_HOUR_AMPM, _CLOCK):
        for m in pattern.finditer(text):
            if not any(claims.taken[m.start():m.end()]):
                claims.add(Quantity(m.group(0), _clock_values(int(m.group(1)), int(m.group(2) or 0)), True, m.start(), m.end()))


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ---------------------------------------------------------------- Chinese

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_MULT = {**_CN_SMALL_UNITS, **_CN_BIG_UNITS}
_CN_NUMERAL = re.compile("[〇零○一二两三四五六七八九十百千万亿]+")
_CN_APPROX_BEFORE = set("几数好上成近")  # 几十, 数百, 上千, 成千上万: not a count to check
_CN_APPROX_MORE = set("多余几来")  # 一百多亿 = 10-odd billion
# Two adjacent digits in a row (七八, 十七八, 三四百) make an estimate, unless read digit by digit (二〇二二).
_CN_RANGE = re.compile("(?:一二|二三|两三|三四|四五|五六|六七|七八|八九)(?![〇零一二三四五六七八九])")
_CN_PERCENT = re.compile("百分之([〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?|\\d+(?:\\.\\d+)?)")
_CN_FRACTION = re.compile("([一二两三四五六七八九十百千]+|\\d+)分之([一二两三四五六七八九十]+|\\d+)")
# Decades, with the century when given: 90年代, 20世纪90年代, 上世纪九十年代 (1990s, 1990-х).
_CN_DECADE = re.compile("(?:(\\d{1,2}|[一二三四五六七八九十]+)世纪|(上个?|本)世纪)?(?<!\\d)(\\d0|[一二三四五六七八九]十)年代")
_CN_CENTURY_BASE = {"上": 1900, "上个": 1900, "本": 2000}
# A five-year plan by number: “十四五”规划 is the 14th Five-Year Plan (十四 the rank, 五 the five years),
# not fourteen-or-fifteen as in 十四五岁.
_CN_PLAN = re.compile("(?<=[“\"「『‘'])([一二三四五六七八九十]+)五(?=[”\"」』’'])|([一二三四五六七八九十]+)五(?=规划|计划|时期|期间)")
# Financial numerals (大写) on contracts and invoices: 壹万贰仟元整 is 12,000.
_CN_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
_CN_FINANCIAL_RUN = re.compile("[壹贰叁肆伍陆柒捌玖拾佰仟零〇万亿]{2,}")
# One in N: 每三个人中就有一个, 三家企业中有一家 (one in three, каждое третье).
_CN_ONE_IN = re.compile("(每)?(\\d{1,3}|[二两三四五六七八九十]+)([个名家位户人件项国所条])[^，。；]{0,4}?(?(1)|[中里])就?有一\\3")
# Clock times: 下午3点半, 15点30分, 八点一刻, 3点钟.
_CN_CLOCK = re.compile("(上午|下午|晚上|早上|凌晨|中午|傍晚|清晨|早晨)?(\\d{1,2}|[零一二两三四五六七八九十]{1,3})点"
                       "(?:(半)|(\\d{1,2}|[零一二三四五六七八九十]{1,3})分|([一三])刻|(钟|整))?")


def chinese_numeral(s: str) -> float | None:
    """Value of a Chinese numeral: 二〇二二 → 2022, 十二 → 12, 一百零五 → 105, 三千五百万 → 35000000."""
    if not s:
        return None
    if all(ch in _CN_DIGITS for ch in s):  # read digit by digit: 二〇二二, 一九四九
        return float("".join(str(_CN_DIGITS[ch]) for ch in s))
    total, section, number = 0.0, 0.0, 0.0
    for ch in s:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            section += (number or (1 if ch == "十" else 0)) * _CN_SMALL_UNITS[ch]
            number = 0
        elif ch == "万":
            section = (section + number) * 10_000
            total += section
            section, number = 0, 0
        elif ch == "亿":
            total = (total + section + number) * 100_000_000
            section, number = 0, 0
        else:
            return None
    return total + section + number


class _Claims:
    """Quantities found so far and the characters they cover, so no later pattern reads them again."""

    def __init__(self, text: str) -> None:
        self.found: list[Quantity] = []
        self.taken = [False] * (len(text) + 1)

    def add(self, q: Quantity) -> None:
        self.found.append(q)
        self.taken[q.start:q.end] = [True] * (q.end - q.start)


def _scaled(text: str, end: int) -> tuple[int, float]:
    """The scale characters after a digit group (1000亿, 3千万): where they end, and what they multiply by."""
    scale = 1.0
    while end < len(text) and text[end] in _CN_MULT and text[end] != "十":
        scale *= _CN_MULT[text[end]]
        end += 1
    return end, scale


def _lower_sections(text: str, end: int, scale: float) -> tuple[int, float]:
    """Further digit sections of one number, each with a smaller scale: 1万5千 is 15,000, 3亿5000万 350 million."""
    rest = 0.0
    while scale > 1 and (m := _DIGIT_RUN.match(text, end)):
        after, lower = _scaled(text, m.end())
        if not 1 < lower < scale:
            break
        end, scale, rest = after, lower, rest + float(m.group(0)) * lower
    return end, rest


def _chinese_decades(text: str, claims: _Claims) -> None:
    """90年代 (1990s or the '90s), 20世纪90年代 and 上世纪90年代 (1990s): a date, in digits as explicit as a year."""
    for m in _CN_DECADE.finditer(text):
        decade = _cn_or_digit_value(m.group(3))
        century = _cn_or_digit_value(m.group(1)) if m.group(1) else None
        base = (century - 1) * 100 if century else _CN_CENTURY_BASE.get(m.group(2) or "")
        values = (base + decade, decade) if base is not None else (decade, 1900 + decade, 2000 + decade)
        digits = m.group(3).isdigit()  # in characters (九十年代) soft, as other numerals are: "the nineties"
        claims.add(Quantity(m.group(0), values, digits, m.start(), m.end(), ordinal=not digits))


def _chinese_plans(text: str, claims: _Claims) -> None:
    """“十四五”: the 14th (a rank, against 14th or XIV) five-year (五, only a help to match) plan."""
    for m in _CN_PLAN.finditer(text):
        rank, start = m.group(1) or m.group(2), m.start()
        value = chinese_numeral(rank)
        if value is None or any(claims.taken[start:m.end()]):
            continue
        claims.add(Quantity(rank, (value,), False, start, start + len(rank), ordinal=True))
        claims.add(Quantity("五", (5.0,), False, m.end() - 1, m.end(), loose=True))


def _chinese_financial(text: str, claims: _Claims) -> None:
    """大写 numerals (壹万贰仟): amounts on contracts, explicit. A lone 陆 (大陆) or 伍 (队伍) is a word, so a run
    needs a financial unit (拾佰仟) or a currency after it."""
    for m in _CN_FINANCIAL_RUN.finditer(text):
        run = m.group(0)
        plain = run.translate(_CN_FINANCIAL)
        if plain == run or not (set(run) & set("拾佰仟万亿") or text[m.end():m.end() + 1] in ("元", "圆")):
            continue
        value = chinese_numeral(plain)
        if value is not None and not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(run, (value,), True, m.start(), m.end()))


def _chinese_one_in(text: str, claims: _Claims) -> None:
    """每三个人中就有一个: a share, 1/3, as "one in three" and "каждый третий" say it."""
    for m in _CN_ONE_IN.finditer(text):
        n = _cn_or_digit_value(m.group(2))
        if n and n > 1 and not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (1 / n,), True, m.start(), m.end()))


def _chinese_clocks(text: str, claims: _Claims) -> None:
    """下午3点半 (3:30 p.m.), 15点30分, 八点一刻. 三点 alone is also "three points" (三点建议), so a time in
    characters needs a part of the day or minutes; 3点 in digits is a time."""
    for m in _CN_CLOCK.finditer(text):
        part, hour, half, minute, quarter, oclock = m.groups()
        digits = hour.isdigit()
        if not (digits or part or half or minute or quarter or oclock) or any(claims.taken[m.start():m.end()]):
            continue
        h = _cn_or_digit_value(hour)
        minutes = 30 if half else {"一": 15, "三": 45}[quarter] if quarter else _cn_or_digit_value(minute or "0")
        if h is None or minutes is None or h > 24 or minutes >= 60:
            continue
        claims.add(Quantity(m.group(0), _clock_values(h, minutes), digits, m.start(), m.end()))


def _cn_or_digit_value(s: str) -> float | None:
    return float(s) if s.isdigit() else chinese_numeral(s)


def _chinese_quantities(text: str) -> list[Quantity]:
    claims = _Claims(text)
    found, taken, add = claims.found, claims.taken, claims.add

    def cn_or_digits(s: str) -> float | None:
        if re.fullmatch(r"\d+(?:\.\d+)?", s):
            return float(s)
        if "点" in s:
            whole, frac = s.split("点", 1)
            w = chinese_numeral(whole)
            return None if w is None else float(f"{int(w)}.{''.join(str(_CN_DIGITS[c]) for c in frac)}")
        return chinese_numeral(s)

    for m in _CN_PERCENT.finditer(text):
        v = cn_or_digits(m.group(1))
        if v is not None:
            add(Quantity(m.group(0), (v,), True, m.start(), m.end()))
    for m in _CN_FRACTION.finditer(text):
        if taken[m.start()]:
            continue
        d, n = cn_or_digits(m.group(1)), cn_or_digits(m.group(2))
        if d and n is not None:
            add(Quantity(m.group(0), (n / d,), True, m.start(), m.end()))

    for reader in (_chinese_decades, _chinese_plans, _chinese_financial, _chinese_clocks, _chinese_one_in,
                   _fractions_and_clocks):
        reader(text, claims)

    # Arabic digits, optionally with Chinese scale characters: 1.5万, 1000亿, 3千万, 1万5千.
    for m in _DIGITS.finditer(text):
        if taken[m.start()] or _attached_to_word(text, m.start(), m.end()):
            continue
        end, scale = _scaled(text, m.end())
        values = tuple(v * scale for v in _digit_values(m.group(0), "zh"))
        end, rest = _lower_sections(text, end, scale)
        start = m.start()
        add(Quantity(text[start:end], tuple(v + rest for v in values), not _list_marker(text, start, end), start, end))

    for m in _CN_NUMERAL.finditer(text):
        s, start, end = m.group(0), m.start(), m.end()
        if any(taken[start:end]):
            continue
        if len(s) > 1 and s.endswith("两") and s[-2] not in "百千万亿":  # 二十两 = twenty taels
            s, end = s[:-1], end - 1
        if start and text[start - 1] in _CN_APPROX_BEFORE:
            continue
        if s[0] in "百千万亿":  # 千万 (by all means), 万一 (in case), 百万雄师: idiom, not a count
            continue
        year_like = all(ch in _CN_DIGITS for ch in s) and len(s) == 4
        if _CN_RANGE.search(s) and not year_like:  # 三四个, 十七八个, 一二十件: "three or four", an estimate
            continue
        v = chinese_numeral(s)
        if v is None:
            continue
        loose = v == 1 or text[end:end + 1] in _CN_APPROX_MORE
        if text[end:end + 1] in _CN_APPROX_MORE and text[end + 1:end + 2] in _CN_BIG_UNITS:
            v *= _CN_BIG_UNITS[text[end + 1]]
        # Years written digit by digit (二〇二二, 一九四九) are explicit; other numerals in characters
        # are counts a translator may render freely (十万八千里, 一万个不服) and only help match.
        hard = year_like
        found.append(Quantity(s, (v,), hard, start, end, loose=loose and not hard, ordinal=text[start - 1:start] == "第"))
    return sorted(found, key=lambda q: q.start)


# ---------------------------------------------------------------- English

_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
              "trillion": 1_000_000_000_000}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_EN_DECADES = {w: 10 * (i + 2) for i, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split())}
_EN_MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
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
_RU_HALF = {"полтора": 1.5, "полторы": 1.5, "полутора": 1.5}  # полтора миллиона; полмиллиона is read with the scales

# "One in three", "every third", "каждое третье": a share, 1/3, as the Chinese 三分之一 or 1/3 writes it.
_EN_ONE_IN = re.compile(r"\b(?:one (?:in|out of) (\w+)|every (third|fourth|fifth|tenth))\b", re.I)
_RU_EVERY = re.compile(r"\b(?:кажд(?:ый|ая|ое|ого|ой|ому|ую|ым|ом))\s+(трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
                       r"(?:ий|ья|ье|ьего|ьей|ьему|ью|ьим|ьем|ый|ая|ое|ого|ой|ому|ую|ым|ом)\b", re.I)
_RU_ORDINAL_STEMS = {"трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
                     "десят": 10}
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


_WORD = re.compile(f"[{_LATIN}{_CYR}]+(?:-[{_LATIN}{_CYR}]+)*|\\d")


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


def _one_in_n(text: str, lang: str, claims: _Claims) -> None:
    """"One in three", "every third", "каждое третье": 1/3."""
    pattern = _EN_ONE_IN if lang == "en" else _RU_EVERY
    for m in pattern.finditer(text):
        word = next(g for g in m.groups() if g).lower()
        n = _RU_ORDINAL_STEMS.get(word) if lang == "ru" else \
            _EN_ORDINALS.get(word) or _EN_UNITS.get(word) or (int(word) if word.isdigit() else None)
        if n and n > 1 and not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (1 / n,), True, m.start(), m.end()))


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
    if w in _RU_WORDS:
        v = _RU_WORDS[w]
        return ("hundreds" if v >= 100 else "tens" if v >= 20 else "unit"), v
    for stem, v in _RU_SCALES.items():
        if w.startswith(stem) and len(w) - len(stem) <= 3:
            return "scale", v
    return None


def _latin_cyrillic_quantities(text: str, lang: str) -> list[Quantity]:
    claims = _Claims(text)
    found, taken, add = claims.found, claims.taken, claims.add

    words = list(_WORD.finditer(text))
    percent_re = _EN_PERCENT if lang == "en" else _RU_PERCENT

    _fractions_and_clocks(text, claims)
    _one_in_n(text, lang, claims)

    # Digit groups, with a scale word after them (100 billion, 1,5 млн) and % after them.
    for m in _DIGITS.finditer(text):
        if taken[m.start()] or _attached_to_word(text, m.start(), m.end()):
            continue
        values = _digit_values(m.group(0), lang)
        end = m.end()
        scale_m = re.match(r"[\s\u00a0\u202f]*([A-Za-zА-Яа-яЁё]+)\.?", text[end:])
        if scale_m:
            wv = _word_value(scale_m.group(1), lang)
            if wv and wv[0] == "scale" and not scale_m.group(1).lower().endswith(("s",)) or (
                    wv and wv[0] == "scale" and lang == "ru"):
                values = tuple(v * wv[1] for v in values)
                end += scale_m.end()
        pm = percent_re.match(text[end:])
        if pm:
            end += pm.end()
        add(Quantity(text[m.start():end], values, not _list_marker(text, m.start(), end), m.start(), end))

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
        if num is not None and den:
            end = w.end()
            found.append(Quantity(text[start:end], (num / den,), True, start, end))
            for k in range(start, end):
                taken[k] = True

    # Runs of number words: twenty-four, one hundred and five, две тысячи, пять лет.
    i = 0
    while i < len(words):
        w = words[i]
        wv = _word_value(w.group(0), lang) if not taken[w.start()] and not w.group(0).isdigit() else None
        if wv is None:
            i += 1
            continue
        total, current, j, n_words, scaled, prev_kind = 0.0, 0.0, i, 0, False, ""
        last_end = w.end()
        while j < len(words):
            tok = words[j].group(0)
            if taken[words[j].start()]:
                break
            gap = text[last_end:words[j].start()]
            if n_words and gap.strip() not in ("", "and") and not (gap.strip() == "," and scaled):
                break
            if lang == "en" and tok.lower() == "and":
                if not (scaled and j + 1 < len(words) and _word_value(words[j + 1].group(0), lang)):
                    break
                j += 1
                continue
            v = _word_value(tok, lang) if not tok.isdigit() else None
            if v is None:
                break
            kind, val = v
            if n_words and (kind == "tens" and prev_kind in ("unit", "tens") or
                            kind == "unit" and (prev_kind == "unit" or prev_kind == "tens" and current % 10)):
                break  # "two three-inch" is two numbers, "twenty five" one
            prev_kind = kind
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
            loose = not hard and (value == 1 or words[i].group(0).lower() == "dozen" or
                                  before in _ABOUT or (i > 1 and words[i - 2].group(0).lower() + " " + before in _ABOUT))
            found.append(Quantity(text[start:end], values, hard, start, end, loose=loose))
        for k in range(start, end):
            taken[k] = True
        i = j

    # Months by name and Roman numerals: soft, they only help match (February ↔ 2月, XXIV ↔ 第24届).
    for w in words:
        if taken[w.start()]:
            continue
        tok = w.group(0)
        month = None
        if lang == "en" and tok in _EN_MONTHS and not (tok == "May" and w.start() == 0):
            month = _EN_MONTHS[tok]
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
        r = _roman(tok)
        if r:
            found.append(Quantity(tok, (float(r),), False, w.start(), w.end(), ordinal=True))
    return sorted(found, key=lambda q: q.start)


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number, date part, percentage and fraction in `text`, in order."""
    if lang == "zh":
        return _chinese_quantities(text)
    return _latin_cyrillic_quantities(text, lang)
