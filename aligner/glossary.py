"""A reviewer's glossary: the Chinese terms and the renderings a translation must use.

Translation reviewers of official texts check terminology against a list (全过程民主 → "whole-
process democracy", 多极化 → многополярность). Such lists live in spreadsheets and tab- or
comma-separated files, so all of those are read:

    zh            en                                   ru
    多极化         multipolarity                         многополярность
    联合国         United Nations | UN                   ООН | Организация Объединённых Наций

A header row names the columns (the names `aligner.tables` knows: by language, or Source / Target);
without one, the first column is the Chinese and the second the rendering for any translation (a
first row with no Chinese in its first cell, "Термин / Перевод", is a header in the list's own words).
Alternatives are separated by "|" or ";". Rows without a Chinese term or a rendering are skipped;
a list with no usable row is an error.
"""
from __future__ import annotations

import re
from pathlib import Path

from aligner.errors import InputError
from aligner.normalise import has_han
from aligner.tables import language_columns, read_rows, role_columns
from aligner.types import Term

_ALTERNATIVES = re.compile(r"\s*[|;]\s*")
MAX_TERMS = 100_000


def load_glossary(path: str | Path) -> tuple[Term, ...]:
    """The terms of a glossary file (.tsv .csv .txt in any supported encoding, or .xlsx)."""
    path = Path(path)
    return glossary_from_rows(read_rows(path), str(path))


def glossary_from_bytes(data: bytes, name: str) -> tuple[Term, ...]:
    """The terms of an uploaded glossary file (its name gives the kind)."""
    from aligner.reading import from_copy

    return from_copy(data, name, load_glossary)


def glossary_from_rows(rows: list[list[str]], name: str = "the glossary") -> tuple[Term, ...]:
    """Terms from table rows (a header row first, or zh + rendering columns)."""
    rows = [[(cell or "").strip() for cell in row] for row in rows if any((cell or "").strip() for cell in row)]
    if not rows:
        raise InputError(f"{name} is empty: give a table of Chinese terms and their renderings.")
    columns, roles = language_columns(rows[0]), role_columns(rows[0])
    if columns:
        rows = rows[1:]
    elif roles:  # Source / Target: the rendering serves any translation
        columns, rows = {"zh": roles[0], "": roles[1]}, rows[1:]
    else:
        columns = {"zh": 0, "": 1}
        if _is_own_header(rows):  # Термин / Перевод, Term / Translation, 术语 …: a header of the list's own words
            rows = rows[1:]
    terms = []
    for row in rows[:MAX_TERMS]:
        zh = row[columns["zh"]] if columns["zh"] < len(row) else ""
        renderings = tuple((lang, forms) for lang, k in columns.items() if lang != "zh" and k < len(row)
                           and (forms := tuple(f for f in _ALTERNATIVES.split(row[k]) if f)))
        if zh and renderings:
            terms.append(Term(zh, renderings))
    if not terms:
        raise InputError(f"{name} has no usable rows: each needs a Chinese term and at least one rendering "
                         "(columns zh, en, ru, or the Chinese first and the rendering second).")
    if not any(has_han(term.zh) for term in terms):
        raise InputError(_no_chinese_terms(rows, columns["zh"], name))
    return tuple(terms)


_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _no_chinese_terms(rows: list[list[str]], zh_column: int, name: str) -> str:
    """Why a list whose column of terms holds no Chinese is refused: not one of its terms could be found in
    a Chinese text, so it would flag nothing and the terminology would pass for checked. Where a column
    holds the Chinese (an en→zh list from a CAT tool, without a header), it says which."""
    def ordinal(k: int) -> str:
        return _ORDINALS[k] if k < len(_ORDINALS) else f"column {k + 1}"

    width = max(map(len, rows))
    chinese = [k for k in range(width) if k != zh_column and sum(k < len(row) and has_han(row[k]) for row in rows)
               * 2 > len(rows)]
    if chinese:
        return (f"{name} has no Chinese in its {ordinal(zh_column)} column, where the terms are read: its Chinese "
                f"terms are in the {ordinal(chinese[0])} column; put them first, or head the columns zh, en, ru.")
    return (f"{name} has no Chinese term in its {ordinal(zh_column)} column (e.g. {rows[-1][zh_column][:40]!r}): "
            "give a table of Chinese terms and their renderings (columns zh, en, ru, or the Chinese first).")


def _is_own_header(rows: list[list[str]]) -> bool:
    """Whether the first row heads the columns in words of its own: its first cell, where the Chinese
    terms stand, has no Chinese character, while those below it mostly do."""
    def chinese(row: list[str]) -> bool:
        return bool(row) and has_han(row[0])

    below = rows[1:51]
    return not chinese(rows[0]) and len(below) > 0 and sum(map(chinese, below)) * 2 > len(below)


def coverage_gap(glossary: tuple[Term, ...], langs: tuple[str, ...], name: str = "The glossary") -> str:
    """Why `glossary` can flag nothing in translations into `langs` ('' when it can): a list of
    Chinese–English terms given for a Russian translation would otherwise be silently ignored."""
    from aligner.types import LANGUAGE_NAMES

    covered = {lang for term in glossary for lang, _ in term.renderings}
    if not glossary or "" in covered or covered & set(langs):
        return ""
    wanted = " or ".join(LANGUAGE_NAMES.get(lang, lang) for lang in langs)
    return (f"{name} has no column for {wanted} (its columns: zh, {', '.join(sorted(covered))}), so it can flag "
            f"no term in this translation; add a {' or '.join(langs)} column, or leave the glossary out.")


def check_coverage(glossary: tuple[Term, ...], langs: tuple[str, ...], name: str = "The glossary") -> None:
    """Refuse a glossary that has no rendering for any of the translations' languages (`coverage_gap`)."""
    gap = coverage_gap(glossary, langs, name)
    if gap:
        raise InputError(gap)
