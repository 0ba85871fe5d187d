"""Numbers, dates, percentages and quantities read out of Chinese, Russian and English text.

Every number found becomes a `Quantity` with the value(s) it can mean (Russian "1,500" may be
1.5 or 1500; 二〇二二 is 2022; 1000亿 is 100 billion is 100 млрд) so two sides can be compared
by value, not by spelling. A quantity is *hard* when it is written explicitly — digits, a
percentage, a fraction, or a numeral with a scale word (三千, two hundred) — and *soft* when it
is a bare small count in words (两国, three days, пять лет, XXIV): translators drop or rephrase
those freely, so a soft number helps match but never raises a flag by itself.

The readers live beside this module: `common` (the Quantity, digit groups, fractions and clock
times every language writes alike), `chinese` (numerals, 万/亿 scales, 大写, decades, plans) and
`words` (English and Russian number words, ordinals, Roman numerals, dates).
"""
from __future__ import annotations

from aligner.review.numbers.chinese import chinese_numeral, chinese_quantities
from aligner.review.numbers.common import Quantity
from aligner.review.numbers.words import latin_cyrillic_quantities


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number, date part, percentage and fraction in `text`, in order."""
    if lang == "zh":
        return chinese_quantities(text)
    return latin_cyrillic_quantities(text, lang)


__all__ = ["Quantity", "chinese_numeral", "quantities"]
