"""Conversions a translator adds beside an amount: "87 trillion yuan (about 12 trillion U.S. dollars)",
"10 billion yuan ($1.57 billion)", «2,3 трлн юаней (около 364 млрд долларов США)», "10 km (6 miles)".

English and Russian news translations convert money and measures for their readers as a matter of
course; the Chinese has no such figure, so without this every such pair read "12 trillion only in the
English". A converted figure is loose: it still matches the Chinese when the Chinese gives the
conversion too (约合12万亿美元), and a figure the translation changed beside it is still found; where the
Chinese has a figure left over, the conversion is set against it (see `number_flags.mismatch`).

A conversion is a figure in brackets, or after ", or", straight after another figure, and written with
its own currency or unit: a bracketed year or count after a figure ("5.2% (2021)") is no conversion.
"""
from __future__ import annotations

import re
from dataclasses import replace

from aligner.review.numbers.common import Quantity

_CURRENCY_SIGN = r"(?:US\$|HK\$|NT\$|A\$|C\$|[$€£¥₽]|RMB|USD|EUR|CNY)"
_UNIT = (r"(?:(?:U\.?\s?S\.?|US|American|Hong\s+Kong|Canadian|Australian|Singapore|new\s+Taiwan)\s+)?"
         r"(?:dollars?|yuan|renminbi|RMB|CNY|USD|euros?|EUR|pounds?(?:\s+sterling)?|yen|rubles?|roubles?|won|rupees?|"
         r"francs?|kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|m|feet|foot|ft|inch(?:es)?|kilograms?|kg|lbs?|"
         r"tons?|tonnes?|hectares?|ha|acres?|mu|square\s+(?:kilomet(?:er|re)s?|met(?:er|re)s?|miles?|feet)|sq\s+\w+|"
         r"degrees?(?:\s+(?:Celsius|Fahrenheit))?|°\s?[CF]|"
         r"доллар\w*|долл\.?|евро|рубл\w*|руб\.?|юан\w*|иен\w*|фунт\w*|километр\w*|км|мил[ья]\w*|метр\w*|м|фут\w*|"
         r"дюйм\w*|килограмм\w*|кг|тонн\w*|т|гектар\w*|га|акр\w*|му|квадратн\w+\s+\w+|кв\.\s?\w+|градус\w*"
         r"(?:\s+(?:Цельсия|по\s+Фаренгейту))?)(?:\s+(?:США|США\.|USA))?")
_ABOUT = (r"(?:about|approximately|approx\.|around|roughly|some|nearly|almost|over|more\s+than|or|"
          r"около|примерно|приблизительно|почти|порядка|более|свыше|или|ок\.)")
_OPENING = re.compile(rf"\s*(?:{_UNIT})?\s*(?:(?P<bracket>[(\[])|,\s*(?:or|или)\s+)\s*(?:{_ABOUT}\s+)*"
                      rf"(?P<sign>{_CURRENCY_SIGN})?\s*$", re.I)
_CLOSING_BRACKET = re.compile(rf"\s*(?P<unit>{_UNIT})?\s*[)\]]", re.I)
_PER_CENT = re.compile(r"%|per ?cent|процент", re.I)
_CLOSING_CLAUSE = re.compile(rf"\s*(?P<unit>{_UNIT})?\s*(?:[,;.)—–]|$)", re.I)


def conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (in order of position) with each figure that converts the one before it made loose."""
    out = list(found)
    for k in range(1, len(out)):
        before, q = out[k - 1], out[k]
        if _PER_CENT.search(before.text):
            continue  # "down 8 percent, or $3 billion" gives the amount, it converts no percentage
        opening = _OPENING.match(text[before.end:q.start])
        if not opening:
            continue
        closing = (_CLOSING_BRACKET if opening.group("bracket") else _CLOSING_CLAUSE).match(text, q.end)
        if closing and (opening.group("sign") or closing.group("unit")):
            out[k] = replace(q, loose=True, conversion=True)
    return out
