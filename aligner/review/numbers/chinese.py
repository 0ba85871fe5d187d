"""Numbers in Chinese text: numerals and digit groups with 万/亿 scales, 大写, percentages, fractions, decades, plans, clock times."""
from __future__ import annotations

import re
from dataclasses import replace

from aligner.review.numbers.common import (
    DIGIT_RUN,
    DIGITS,
    PER_MILLE,
    Claims,
    Quantity,
    attached_to_word,
    clock_values,
    digit_values,
    fractions_and_clocks,
    list_marker,
    per_mille,
    ranges,
    share,
    significant,
)
from aligner.review.numbers.multiples import chinese_multiple, chinese_multiples

# ---------------------------------------------------------------- Chinese

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_TENS = {"廿": 20, "卅": 30, "卌": 40}  # twenty, thirty, forty in one character: 廿一世纪 (HK, Taiwan), 廿三日
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_MULT = {**_CN_SMALL_UNITS, **_CN_BIG_UNITS}
_CN_NUMERAL = re.compile("[〇零○一二两三四五六七八九十百千万亿廿卅卌]+")
_CN_APPROX_BEFORE = set("几数好上近")  # 几十, 数百, 上千, 近三十年: not a count to check
# 近七十 (nearly seventy), 近百年, 上千人 (a thousand or more), 上万: an estimate with a value, which a translation
# writes in digits as often as in words ("nearly 30 years", «более 1000 человек»): loose, it only helps match
_CN_ABOUT_BEFORE = set("近上")
_DAY_MARKS = ("日", "号")
_CN_ESTIMATE_BEFORE = set("约近")  # 约三分之一, 大约百万分之五, 将近一半
_CN_APPROX_MORE = set("多余几来")  # 一百多亿 = 10-odd billion
# A list number in characters heading the sentence, up to its closing mark: （三）, (十二), 三、 (a `Quantity.marker`; one
# before a space, "二 双方认为", loses the space in the match form: see `number_flags._heads`).
_CN_MARKER = re.compile(r"\s*(?:[（(][〇零一二三四五六七八九十百]+[)）]|[〇零一二三四五六七八九十百]+、)")
# Two adjacent digits in a row (七八, 十七八, 三四百) make an estimate, unless read digit by digit (二〇二二).
_CN_RANGE = re.compile("(?:一二|二三|两三|三四|四五|五六|六七|七八|八九)(?![〇零一二三四五六七八九])")
_CN_PERCENT = re.compile("百分之([〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?|\\d+(?:\\.\\d+)?)")
_CN_FRACTION = re.compile("([一二两三四五六七八九十百千万]+|\\d+)分之([一二两三四五六七八九十]+|\\d+)")  # 万分之五: 0.05%
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
    """Value of a Chinese numeral: 二〇二二 → 2022, 十二 → 12, 一百零五 → 105, 三千五百万 → 35000000, 廿一 → 21."""
    if not s:
        return None
    if all(ch in _CN_DIGITS for ch in s):  # read digit by digit: 二〇二二, 一九四九
        return float("".join(str(_CN_DIGITS[ch]) for ch in s))
    total, section, number = 0.0, 0.0, 0.0
    for i, ch in enumerate(s):
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_TENS:
            if number:
                return None  # 五卅 is a date (30 May), not a number
            section += _CN_TENS[ch]
        elif ch in _CN_SMALL_UNITS:  # a leading unit is one of it: 十二 is 12, 千分之五 five in a thousand
            section += (number or (1 if ch == "十" or i == 0 else 0)) * _CN_SMALL_UNITS[ch]
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
    while scale > 1 and (m := DIGIT_RUN.match(text, end)):
        after, lower = _scaled(text, m.end())
        if not 1 < lower < scale:
            break
        end, scale, rest = after, lower, rest + float(m.group(0)) * lower
    return end, rest


def _chinese_decades(text: str, claims: Claims) -> None:
    """90年代 (1990s or the '90s), 20世纪90年代 and 上世纪90年代 (1990s): a date, in digits as explicit as a year."""
    for m in _CN_DECADE.finditer(text):
        decade = _cn_or_digit_value(m.group(3))
        century = _cn_or_digit_value(m.group(1)) if m.group(1) else None
        base = (century - 1) * 100 if century else _CN_CENTURY_BASE.get(m.group(2) or "")
        values = (base + decade, decade) if base is not None else (decade, 1900 + decade, 2000 + decade)
        digits = m.group(3).isdigit()  # in characters (九十年代) soft, as other numerals are: "the nineties"
        claims.add(Quantity(m.group(0), values, digits, m.start(), m.end(), ordinal=not digits))


def _chinese_plans(text: str, claims: Claims) -> None:
    """“十四五”: the 14th (a rank, against 14th or XIV) five-year (五, only a help to match) plan."""
    for m in _CN_PLAN.finditer(text):
        rank, start = m.group(1) or m.group(2), m.start()
        value = chinese_numeral(rank)
        if value is None or any(claims.taken[start:m.end()]):
            continue
        claims.add(Quantity(rank, (value,), False, start, start + len(rank), ordinal=True))
        claims.add(Quantity("五", (5.0,), False, m.end() - 1, m.end(), loose=True))


def _chinese_financial(text: str, claims: Claims) -> None:
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


def _chinese_one_in(text: str, claims: Claims) -> None:
    """每三个人中就有一个: a share, 1/3, as "one in three" and "каждый третий" say it."""
    for m in _CN_ONE_IN.finditer(text):
        n = _cn_or_digit_value(m.group(2))
        if n and n > 1 and not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), share(1 / n), True, m.start(), m.end()))


def _chinese_clocks(text: str, claims: Claims) -> None:
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
        claims.add(Quantity(m.group(0), clock_values(h, minutes), digits, m.start(), m.end()))


# 一年半 (a year and a half), 两年半, 半年 (half a year): durations a translation writes in months as often
# (18 months, six months, полгода); not 上半年 or 下半年, the first or second half of a year.
_HALF_YEARS = re.compile(r"(?<![上下前后])(?:(\d+|[一二两三四五六七八九十]{1,3})个?年半|半年)")


def _chinese_half_years(text: str, claims: Claims) -> None:
    """一年半 as 1.5 years or 18 months, 半年 as 0.5 years or 6 months."""
    for m in _HALF_YEARS.finditer(text):
        years = 0.5 + (_cn_or_digit_value(m.group(1)) or 0) if m.group(1) else 0.5
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (years, years * 12), bool(m.group(1) and m.group(1).isdigit()),
                                m.start(), m.end()))


# The months of a year so far, 1—3月, 1-6月, 1—9月: "the first quarter", "the first half", "the first three quarters"
# (or «за девять месяцев») as often as the months' names or count: the last month is also a count of quarters.
_MONTHS_SINCE_JANUARY = re.compile(r"(?<![\d.])(1)\s*[—–\-~～至到]\s*(\d{1,2})月")


def _chinese_months_since_january(text: str, claims: Claims) -> None:
    """1—9月: the 1 (January, loose), and the 9 as nine months or three quarters (9 and 3)."""
    for m in _MONTHS_SINCE_JANUARY.finditer(text):
        months = int(m.group(2))
        if not 2 <= months <= 12 or any(claims.taken[m.start():m.end()]):
            continue
        claims.add(Quantity(m.group(1), (1.0,), True, m.start(1), m.end(1), loose=True))
        quarters = (months / 3,) if months % 3 == 0 else ()
        claims.add(Quantity(m.group(2), (float(months),) + quarters, True, m.start(2), m.end(2)))


# A table's unit with a scale and no figure, （亿吨）, （万人）, 单位：亿元: the translation writes the scale as one,
# "(100 million tonnes)", "(10,000 persons)", "Unit: RMB 100 million".
_SCALE_UNIT = re.compile(r"(?:[（(]|单位[：:]\s*)(万亿|千亿|百亿|亿|千万|百万|万|千(?![克米瓦伏帕卡赫焦]))"  # not 千克, 千瓦
                         r"(?=[^\d（()）\n]{0,6}[)）]|[^\d\s，。；]{0,6}(?:$|[\s，。；]))")
# Scale characters and their factors, the longest first.
_CN_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}


def _chinese_scale_units(text: str, claims: Claims) -> None:
    """（亿吨） as 100 million, loose: it matches the translation's "100 million" and is no difference by itself."""
    for m in _SCALE_UNIT.finditer(text):
        if not any(claims.taken[m.start(1):m.end(1)]):
            claims.add(Quantity(m.group(1), (_CN_SCALES[m.group(1)],), False, m.start(1), m.end(1), loose=True))


# 半个百分点 (half a percentage point): 0.5, as a translation may write it in digits.
_HALF_POINT = re.compile(r"半个?百分点")


def _chinese_half_point(text: str, claims: Claims) -> None:
    """半个百分点 as 0.5 (a soft number: written in words)."""
    for m in _HALF_POINT.finditer(text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (0.5,), False, m.start(), m.end()))


# 两成, 三成, 七成以上: tenths, as a translation writes them in per cent (20%, 30%, more than 70%); not 一成不变
# (unchanging) nor the 成 that begins a word (三成员国 is rare, 成为, 成本, 成交 are not tenths).
_TENTHS = re.compile(r"(?<![一二两三四五六七八九十\d])([一二两三四五六七八九十]|\d)成(?![员为本交功立果绩就品型都不])")


def _chinese_tenths(text: str, claims: Claims) -> None:
    """两成 as 0.2 and 20%."""
    for m in _TENTHS.finditer(text):
        n = _cn_or_digit_value(m.group(1))
        if n and n <= 10 and not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), share(n / 10), False, m.start(), m.end(),
                                loose=text[m.start() - 1:m.start()] in _CN_APPROX_BEFORE))


# 一米八 (1.8 m), 一米七五 (1.75 m): a height as spoken, metres then the tenths and hundredths without a unit.
_METRES_AND = re.compile("(?<![〇零一二两三四五六七八九十])([一两二])米([一二三四五六七八九])([〇零一二三四五六七八九])?"
                         "(?![〇零一二三四五六七八九十百千万个米])")


def _chinese_heights(text: str, claims: Claims) -> None:
    """一米八 as 1.8 and 一米七五 as 1.75 (soft: written in words), not the one metre and the eight they spell."""
    for m in _METRES_AND.finditer(text):
        tenths, hundredths = _CN_DIGITS[m.group(2)], _CN_DIGITS[m.group(3)] if m.group(3) else 0
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (round(_CN_DIGITS[m.group(1)] + tenths / 10 + hundredths / 100, 2),),
                                False, m.start(), m.end()))


# 一刻钟 (a quarter of an hour, fifteen minutes), 三刻钟 (three quarters of an hour)
_QUARTER_HOURS = re.compile("([一两三])刻钟")


def _chinese_quarter_hours(text: str, claims: Claims) -> None:
    """一刻钟 as a quarter (of an hour) and as 15 minutes (soft: written in words)."""
    for m in _QUARTER_HOURS.finditer(text):
        quarters = _CN_DIGITS[m.group(1)]
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (quarters / 4, quarters * 15.0), False, m.start(), m.end()))


def _chinese_both_sides(text: str, claims: Claims) -> None:
    """双方 (both sides) is the "two sides", «двух сторон» a translation counts: loose, it only helps match, so
    that a count changed beside it (双方已举行三次会议 as "the two sides had held two meetings") is still seen."""
    for m in re.finditer("双方", text):
        if not any(claims.taken[m.start():m.end()]):
            claims.add(Quantity(m.group(0), (2.0,), False, m.start(), m.end(), loose=True, implied=True))


# Years of the Republic of China's calendar, as Taiwan dates everything official: 民国111年 (or 中华民国一百一十一年)
# is 2022, and so is a bare 111年 when a month, a quarter or the year's end follows (111年3月5日, 112年第三季, 112年底,
# 112年度): no other calendar writes a year so.
_ROC_YEAR = re.compile(r"((?:中华)?民国)?(?<![\d.])(\d{1,3}|[一二三四五六七八九十百〇零]+|元)年")  # 元年: the first
_MONTH_AFTER = re.compile(r"\d{1,2}月|[一二三四五六七八九十]{1,3}月|第?[一二三四1-4]季|度|底|初|[上下]半年|前三季|全年")
_ROC_OFFSET = 1911


def _chinese_roc_years(text: str, claims: Claims) -> None:
    """民国111年, 111年3月 and 111年第三季: the year 2022 (or, read as written, 111), as explicit as a year in digits;
    民国元年 1912."""
    for m in _ROC_YEAR.finditer(text):
        stated, written = m.group(1), m.group(2)
        if not (stated or written.isdigit() and _MONTH_AFTER.match(text, m.end())):
            continue
        year = 1.0 if written == "元" else _cn_or_digit_value(written)
        if year is None or not 0 < year < 200 or any(claims.taken[m.start(2):m.end(2)]):
            continue
        claims.add(Quantity(written, (year + _ROC_OFFSET, year), True, m.start(2), m.end(2)))


# Reign years, as novels set in imperial China date events and translations often give the Western year: 康熙八年 is
# 1669, 光绪二十四年 1898 (the era's first year, 元年, is the year it began).
_ERAS = {"洪武": 1368, "建文": 1399, "永乐": 1403, "洪熙": 1425, "宣德": 1426, "正统": 1436, "景泰": 1450, "天顺": 1457,
         "成化": 1465, "弘治": 1488, "正德": 1506, "嘉靖": 1522, "隆庆": 1567, "万历": 1573, "泰昌": 1620, "天启": 1621,
         "崇祯": 1628, "顺治": 1644, "康熙": 1662, "雍正": 1723, "乾隆": 1736, "嘉庆": 1796, "道光": 1821, "咸丰": 1851,
         "同治": 1862, "光绪": 1875, "宣统": 1909, "贞观": 627, "开元": 713, "天宝": 742}
_ERA_YEAR = re.compile("(" + "|".join(_ERAS) + ")(元|[一二三四五六七八九十]{1,3}|\\d{1,2})年")


def _chinese_era_years(text: str, claims: Claims) -> None:
    """康熙八年 as the eighth year (a soft count, as written) or 1669, its Western year."""
    for m in _ERA_YEAR.finditer(text):
        n = 1.0 if m.group(2) == "元" else _cn_or_digit_value(m.group(2))
        if n and not any(claims.taken[m.start(2):m.end(2)]):
            claims.add(Quantity(m.group(2), (n, _ERAS[m.group(1)] + n - 1), m.group(2).isdigit(), m.start(2), m.end(2)))


# 兆 after a number is a trillion in Taiwan and Hong Kong (新台币2.5兆元, NT$2.5 trillion) and the prefix mega- in
# mainland units (100兆瓦, 100 MW; 500兆, 500 MB): the number as written or a trillion times it.
_TRILLION = "兆"


def _trillions(values: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(v * 1e12 for v in values) + tuple(values)


def _cn_or_digit_value(s: str) -> float | None:
    return float(s) if s.isdigit() else chinese_numeral(s)


# A duration in one unit is often rendered in the next: 24个月 as "two years", 14天 as "two weeks", 两周 as
# "14 days", 48小时 as "two days", 7天 as "a week" (which the English reading takes as one, see `words`).
_DURATION_UNITS = ((re.compile(r"\s*个月"), 1 / 12), (re.compile(r"\s*天"), 1 / 7),
                   (re.compile(r"\s*(?:个)?(?:星期|礼拜|周)(?!年)"), 7), (re.compile(r"\s*个?(?:小时|钟头)"), 1 / 24),
                   (re.compile(r"\s*分钟"), 1 / 60), (re.compile(r"\s*个?季度"), 3))  # 前三季度: nine months


# Chinese units a translation converts: grain in 斤 (half a kilogram) as tonnes, land in 亩 (a fifteenth of a
# hectare) as hectares: 13908亿斤 as "695.41 million tonnes", 18亿亩耕地 as "120 million hectares".
_METRIC = ((re.compile(r"\s*斤"), (0.5, 0.0005)), (re.compile(r"\s*亩"), (1 / 15, 10_000 / 15)))


def _in_metric(text: str, q: Quantity) -> Quantity:
    """A weight in 斤 or an area in 亩 also in kilograms and tonnes, hectares and square metres, to the figure's own
    significant digits (so that a translation's rounding of it is seen as one)."""
    for unit, factors in _METRIC:
        if unit.match(text, q.end) and not q.ordinal:
            # at least 3 digits: 三斤 is 1.50 kg, not 2
            converted = tuple(float(f"{v * f:.{max(3, significant(v)[1])}g}") for v in q.values for f in factors)
            return replace(q, values=q.values + converted)
    return q


def _with_durations(text: str, q: Quantity) -> Quantity:
    """A count of months, days, weeks, hours or minutes also as the neighbouring unit, where it is a whole or half
    number of it."""
    for unit, factor in _DURATION_UNITS:
        if unit.match(text, q.end) and not q.ordinal:
            other = tuple(v * factor for v in q.values if (v * factor * 2).is_integer() and v * factor >= 0.5)
            if other:
                return replace(q, values=q.values + other)
    return q


def chinese_quantities(text: str) -> list[Quantity]:
    claims = Claims(text)
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
        d, n = cn_or_digits("一" + m.group(1) if m.group(1)[0] in "万亿" else m.group(1)), cn_or_digits(m.group(2))
        if d and n is not None:  # 大约百万分之五 ("a few parts per million"): an estimate, it only helps match
            about = text[m.start() - 1:m.start()] in _CN_ESTIMATE_BEFORE
            add(Quantity(m.group(0), share(n / d), True, m.start(), m.end(), loose=about))

    for reader in (_chinese_months_since_january, _chinese_scale_units, _chinese_half_years, _chinese_half_point,
                   _chinese_heights, _chinese_quarter_hours, chinese_multiples, _chinese_both_sides, _chinese_tenths,
                   _chinese_era_years, _chinese_roc_years, _chinese_decades, _chinese_plans, _chinese_financial,
                   _chinese_clocks, _chinese_one_in, fractions_and_clocks):
        reader(text, claims)

    # Arabic digits, optionally with Chinese scale characters: 1.5万, 1000亿, 3千万, 1万5千.
    for m in DIGITS.finditer(text):
        if taken[m.start()] or attached_to_word(text, m.start(), m.end()):
            continue
        if text.startswith(_TRILLION, m.end()):  # 2.5兆元
            values = digit_values(m.group(0), "zh")
            add(Quantity(text[m.start():m.end() + 1], _trillions(values), True, m.start(), m.end() + 1))
            continue
        end, scale = _scaled(text, m.end())
        values = tuple(v * scale for v in digit_values(m.group(0), "zh"))
        end, rest = _lower_sections(text, end, scale)
        start = m.start()
        values = tuple(v + rest for v in values)
        if text[end:end + 1] in ("%", "％"):  # quoted with its sign: "10% ≠ 5%", not "10 ≠ 5%"
            end += 1
        elif text[end:end + 1] == PER_MILLE:
            values, end = per_mille(values), end + 1
        # a day without its month (李强5日会见…, 本月15日起) is the "on Tuesday" or "the same day" of a translation as often
        # as its number: soft, it helps match, and a changed day set against a day or a date is still seen
        bare_day = text[end:end + 1] in _DAY_MARKS and text[start - 1:start] != "月"
        marker = list_marker(text, start, end)
        add(Quantity(text[start:end], values, not marker and not bare_day, start, end, marker=marker,
                     loose=marker or text[start:end] == "1"))

    for m in _CN_NUMERAL.finditer(text):
        s, start, end = m.group(0), m.start(), m.end()
        if any(taken[start:end]):
            continue
        if len(s) > 1 and s.endswith("两") and s[-2] not in "百千万亿":  # 二十两 = twenty taels
            s, end = s[:-1], end - 1
        if start and text[start - 1] in _CN_APPROX_BEFORE:
            if text[start - 1] in _CN_ABOUT_BEFORE and not _CN_RANGE.search(s):
                v = chinese_numeral("一" + s if s[0] in "百千万亿" else s)
                if v is not None:
                    found.append(Quantity(s, (v,), False, start, end, loose=True))
            continue
        if text[start - 1:start] == "成" and s[0] == "十":  # 成十上百 (成千上万 starts with 千: skipped below);
            continue  # not the 成 of 达成三十周年 (reached thirty years)
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
        # a rank: 第五, and 十四届 (the 14th congress), 七十周年 (the 70th anniversary) without 第
        rank = text[start - 1:start] == "第" or text[end:end + 1] == "届" or text.startswith("周年", end)
        values = _trillions((v,)) if text.startswith(_TRILLION, end) else (v,)
        marker = _CN_MARKER.fullmatch(text, 0, end + 1) is not None
        found.append(Quantity(s, values, hard, start, end, loose=(loose or marker) and not hard,
                              ordinal=rank, marker=marker))
    found = sorted((_in_metric(text, _with_durations(text, chinese_multiple(text, q))) for q in found), key=lambda q: q.start)
    return ranges(text, found, _CN_RANGE_BETWEEN, _cn_scale_of)


# What joins a range's two figures: 2至3亿, 五至十万 (a scale written once), 第3至5项, 第三条至第五条 (items).
_CN_RANGE_BETWEEN = re.compile(r"\s*(?:至|到|[-–—~～])\s*|[条款项章节]\s*(?:至|到)\s*第")


def _cn_scale_of(q: Quantity) -> float | None:
    """The factor of the scale character a quantity ends in (3亿, 十万), else None."""
    return next((f for unit, f in _CN_SCALES.items() if q.text.endswith(unit) and len(q.text) > len(unit)), None)


