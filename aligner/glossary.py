"""A reviewer's glossary: the Chinese terms and the renderings a translation must use.

Translation reviewers of official texts check terminology against a list (全过程民主 → "whole-
process democracy", 多极化 → многополярность). Such lists live in spreadsheets and tab- or
comma-separated files, so all of those are read:

    zh            en                                   ru
    多极化         multipolarity                         многополярность
    联合国         United Nations | UN                   ООН | Организация Объединённых Наций

A header row names the columns (zh / Chinese / 中文, en / English / 英文, ru / Russian / 俄文 /
русский); without one, the first column is the Chinese and the second the rendering for any
translation. Alternatives are separated by "|" or ";". Rows without a Chinese term or a
rendering are skipped; a list with no usable row is an error.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from aligner.errors import InputError
from aligner.types import Term

COLUMN_NAMES = {
    "zh": ("zh", "chinese", "中文", "汉语", "源语", "source", "zh-cn", "zh_cn"),
    "en": ("en", "english", "英文", "英语", "英", "en-us", "en-gb"),
    "ru": ("ru", "russian", "俄文", "俄语", "俄", "русский", "ru-ru"),
}
_ALTERNATIVES = re.compile(r"\s*[|;]\s*")
MAX_TERMS = 100_000


def load_glossary(path: str | Path) -> tuple[Term, ...]:
    """The terms of a glossary file (.tsv .csv .txt in any supported encoding, or .xlsx)."""
    path = Path(path)
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _text_rows(path)
    return glossary_from_rows(rows, str(path))


def glossary_from_bytes(data: bytes, name: str) -> tuple[Term, ...]:
    """The terms of an uploaded glossary file (its name gives the kind)."""
    from aligner.reading import from_copy

    return from_copy(data, name, load_glossary)


def glossary_from_rows(rows: list[list[str]], name: str = "the glossary") -> tuple[Term, ...]:
    """Terms from table rows (a header row first, or zh + rendering columns)."""
    rows = [[(cell or "").strip() for cell in row] for row in rows if any((cell or "").strip() for cell in row)]
    if not rows:
        raise InputError(f"{name} is empty: give a table of Chinese terms and their renderings.")
    columns = _columns(rows[0])
    if columns:
        rows = rows[1:]
    else:
        columns = {"zh": 0, "": 1}
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
    return tuple(terms)


def _columns(header: list[str]) -> dict[str, int]:
    """Column index per language if `header` is a header row naming the Chinese column, else {}."""
    found = {}
    for k, cell in enumerate(header):
        for lang, names in COLUMN_NAMES.items():
            if cell.strip().lower() in names and lang not in found:
                found[lang] = k
    return found if "zh" in found and len(found) > 1 else {}


def _text_rows(path: Path) -> list[list[str]]:
    from aligner.reading import read_file

    text = read_file(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for files that are not workbooks
        raise InputError(f"{path} is not a readable Excel workbook ({error}); save it again as .xlsx or .csv.") from None
    sheet = workbook.worksheets[0]
    rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows
