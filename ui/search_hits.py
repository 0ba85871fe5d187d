"""What a search found, marked in the table's text (<mark class="hit">), so the reviewer sees where
in a long paragraph the word is, not only which rows have it.

The search itself (`aligner.pair_filter.search`) also folds Traditional characters, widths and ё; the
query is marked as typed and as folded, with е and ё alike. Only text is marked, never inside a tag;
the text between tags is matched unescaped (a search for R&D finds R&amp;D, one for amp does not).
"""
from __future__ import annotations

import re
from html import escape, unescape

HIT_CSS = "table.pairs mark.hit {background:#FFF176;color:#000;padding:0;box-shadow:0 0 0 1px #C9A800;}\n"
_TAG = re.compile(r"(<[^>]*>)")


def _letters(needle: str) -> str:
    return "".join("[её]" if ch in "еёЕЁ" else re.escape(ch) for ch in needle)


def hit_pattern(query: str) -> re.Pattern | None:
    """The query, as typed and folded, case-insensitive with е and ё alike (None for an empty query)."""
    from aligner.normalise import fold

    query = query.strip()
    if not query:
        return None
    needles = sorted({query, fold(query).strip()} - {""}, key=len, reverse=True)
    return re.compile("|".join(_letters(n) for n in needles), re.IGNORECASE)


def mark_hits(html: str, pattern: re.Pattern | None) -> str:
    """`html` (escaped text and tags) with each match of `pattern` in its text wrapped in a hit mark."""
    if pattern is None or not html:
        return html
    return "".join(part if _TAG.fullmatch(part) else _mark_text(part, pattern) for part in _TAG.split(html))


def _mark_text(escaped: str, pattern: re.Pattern) -> str:
    text = unescape(escaped)
    out, at = [], 0
    for hit in pattern.finditer(text):
        out += [escape(text[at:hit.start()]), f'<mark class="hit">{escape(hit.group())}</mark>']
        at = hit.end()
    return "".join(out) + escape(text[at:]) if out else escaped
