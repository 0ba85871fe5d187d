"""Which way a figure moved: 增长 against "down", 下降 against "rose", in statistics and reports.

A translation that keeps every number but turns a fall into a rise (比上年末减少208万人 as "an
increase of 2.08 million") agrees number for number, so the number check alone cannot see it.
Here each side's words of rising and falling are read; only when one side says nothing but "up"
and the other nothing but "down" is it a clash. A sentence that has both (降低成本、提高效率) or
neither says nothing certain, and words of direction count only where both sides hold a number:
the figures of a report, not a novel's voice that "rose".
"""
from __future__ import annotations

import re
from typing import NamedTuple

UP, DOWN = "up", "down"

_ZH = {
    # 负增长 is a fall, and is read before 增长; 增速回落 is a fall, 增速 alone no direction
    DOWN: re.compile("负增长|下降|减少|下跌|降低|缩小|回落|贬值|下滑|减至|降至|萎缩|收窄"),
    UP: re.compile("增长|增加|上涨|上升|提高|扩大|增至|升值|攀升|提升|增幅"),
}
_EN = {
    # "up" and "down" only before a figure or "by": not "set up", "step up", "opening-up", "crack down"
    UP: re.compile(r"\b(?:increase[ds]?|increasing|rose|rise[ns]?|rising|grew|grow(?:s|n|th|ing)?|gain(?:ed|s)?|"
                   r"expand(?:ed|s)?|widen(?:ed|s)?|climb(?:ed|s)?|surge[ds]?|jump(?:ed|s)?|appreciat\w*|"
                   r"up(?= by\b| \$?\d| US\$| RMB))", re.I),
    DOWN: re.compile(r"\b(?:decrease[ds]?|decreasing|decline[ds]?|declining|fell|fall(?:s|en|ing)?|drop(?:ped|s)?|"
                     r"contract(?:ed|ion|s)|shr[ai]nk(?:s|ing)?|shrunk|narrow(?:ed|s)|depreciat\w*|slid|plunge[ds]?|"
                     r"down(?= by\b| \$?\d| US\$| RMB))", re.I),
}
# A figure compared with the last: "на 2,08 млн человек меньше", "на 15,3% больше", "на 3,1 процентного пункта
# выше", "в 2 раза больше"; only after such a figure, not "больше внимания", "не выше 5%".
_RU_COMPARED = r"|(?<![\w-])(?:на|в)\s+[\d\u00a0\u202f ,.]*\d[^;!?]{0,30}?\s(?P<w>%s)(?![\w-])"
_RU = {
    UP: re.compile(r"(?<![\w-])(?:рост\w*|вырос\w*|увелич\w*|повы[сш]\w*|расш[иы]р\w*|прирост\w*)"
                   + _RU_COMPARED % "больше|выше", re.I),
    DOWN: re.compile(r"(?<![\w-])(?:сниж\w*|сниз\w*|сокра[тщ]\w*|упа[лд]\w*|паден\w*|уменьш\w*|спад\w*)"
                     + _RU_COMPARED % "меньше|ниже", re.I),
}
_READERS = {"zh": _ZH, "en": _EN, "ru": _RU}


class Direction(NamedTuple):
    """The one way a side says its figures moved, and where it says so (offsets in the text read)."""

    way: str
    spans: tuple[tuple[int, int], ...]


def direction(text: str, lang: str) -> Direction | None:
    """UP or DOWN when the text's words of direction all go one way, else None (both, or none)."""
    readers = _READERS.get(lang)
    if readers is None:
        return None
    found: dict[str, list[tuple[int, int]]] = {}
    taken: list[tuple[int, int]] = []
    for way in (DOWN, UP):  # DOWN first: 负增长 holds 增长
        for m in readers[way].finditer(text):
            span = m.span("w") if m.groupdict().get("w") else m.span()  # the comparative, not its figure
            if not any(s < span[1] and span[0] < e for s, e in taken):
                found.setdefault(way, []).append(span)
                taken.append(span)
    if len(found) != 1:
        return None
    way, spans = next(iter(found.items()))
    return Direction(way, tuple(spans))


def direction_clash(src: str, tgt: str, tgt_lang: str) -> tuple[str, Direction, Direction] | None:
    """'减少 ≠ increase' when the Chinese says its figures fell and the translation that they rose (or the
    reverse); None when they agree or either side is unclear."""
    a, b = direction(src, "zh"), direction(tgt, tgt_lang)
    if a is None or b is None or a.way == b.way:
        return None
    quote = (src[slice(*a.spans[0])], tgt[slice(*b.spans[0])])
    return f"{quote[0]} ≠ {quote[1]}", a, b
