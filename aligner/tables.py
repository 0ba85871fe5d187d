"""Rows of a table a reviewer keeps in a spreadsheet or a tab/comma-separated file, and which of
its columns hold which language: shared by the glossary and by pairs aligned elsewhere.

A header row names the columns (zh / Chinese / 中文 / китайский, en / English / 英文 / английский,
ru / Russian / 俄文 / русский), or names them by role as CAT tools export them (Source / Target, 原文 / 译文, Оригинал /
Перевод): the languages then come from the columns' content. Text files are read in any encoding aligner reads, the delimiter taken from the first
line (tab, semicolon or comma).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from aligner.errors import InputError

COLUMN_NAMES = {
    "zh": ("zh", "chinese", "中文", "汉语", "源语", "source", "zh-cn", "zh_cn", "китайский", "китайский язык"),
    "en": ("en", "english", "英文", "英语", "英", "en-us", "en-gb", "английский", "английский язык"),
    "ru": ("ru", "russian", "俄文", "俄语", "俄", "русский", "русский язык", "ru-ru"),
}

# Column names by role, not language: the header of a CAT tool's export or a reviewer's table.
ROLE_NAMES = {
    "source": ("source", "src", "source text", "source segment", "original", "original text", "原文", "源文", "源语",
               "源语言", "源文本", "原语", "источник", "оригинал", "исходный текст", "текст оригинала"),
    "target": ("target", "tgt", "target text", "target segment", "translation", "translated text", "译文", "目标语",
               "目标语言", "目标文本", "译语", "翻译", "перевод", "текст перевода"),
}


def _column_name(cell: str) -> str:
    """A header cell as a name to look up: a region or language in brackets dropped, case folded."""
    return cell.split("(")[0].strip().lower()


def role_columns(header: list[str]) -> tuple[int, int] | None:
    """(source, target) column indices if `header` is a header row naming the columns by role
    (Source / Target, 原文 / 译文, Оригинал / Перевод …), else None."""
    found = {}
    for k, cell in enumerate(header):
        for role, names in ROLE_NAMES.items():
            if _column_name(cell) in names and role not in found:
                found[role] = k
    return (found["source"], found["target"]) if len(found) == 2 else None


def language_columns(header: list[str]) -> dict[str, int]:
    """Column index per language if `header` is a header row naming the Chinese column, else {}.

    A name may carry a region in brackets, as CAT tools write them ("Chinese (PRC)", "English
    (United States)")."""
    found = {}
    for k, cell in enumerate(header):
        name = _column_name(cell)
        for lang, names in COLUMN_NAMES.items():
            if name in names and lang not in found:
                found[lang] = k
    return found if "zh" in found and len(found) > 1 else {}


# What `read_rows` takes (.xls and .et only to say what to save them as): an upload box lists the same
TABLE_SUFFIXES = (".tsv", ".csv", ".txt", ".xlsx", ".ods", ".docx", ".odt", ".xls", ".et")


def read_rows(path: Path) -> list[list[str]]:
    """The rows of a .xlsx (its first sheet, cells as Excel displays them: 5%, not 0.05) or .ods (likewise, as Calc
    displays them), a .docx or .odt (its bilingual table, such as aligner's Word
    export or a CAT tool's review document) or a .tsv/.csv/.txt file, cells as strings."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(path)
    if suffix == ".docx":
        return _docx_rows(path)
    if suffix in (".xls", ".et"):  # Excel 97–2003, WPS Spreadsheets: binary workbooks aligner does not read
        raise InputError(f"{path} is an Excel 97–2003 (or WPS) workbook, which aligner does not read; save it as "
                         ".xlsx (File › Save As › Excel Workbook) or as .csv, and give that file.")
    if suffix == ".ods":  # LibreOffice Calc
        from aligner.formats.odf_tables import ods_rows

        return ods_rows(path)
    if suffix == ".odt":  # a bilingual table in LibreOffice Writer: the Word export saved again there
        from aligner.formats.odf_tables import odf_tables

        return _pairs_table([rows for rows in odf_tables(path) if max(map(len, rows), default=0) >= 2], path)
    return _text_rows(path)


def _docx_rows(path: Path) -> list[list[str]]:
    """The first table whose header names a Chinese column, else the first of two or more columns."""
    from aligner.formats.docx import open_word_document, table_rows

    return _pairs_table([table_rows(table._tbl) for table in open_word_document(path).tables
                         if len(table.columns) >= 2], path)


def _pairs_table(tables: list[list[list[str]]], path: Path) -> list[list[str]]:
    """Of a document's tables of two or more columns, the first whose header names a Chinese column,
    else the first."""
    named = [rows for rows in tables if rows and language_columns(rows[0])]
    if not named and not tables:
        raise InputError(f"{path} has no table of two or more columns; give the pairs as a table "
                         "(a column for the Chinese and one for the translation).")
    return (named or tables)[0]


def _text_rows(path: Path) -> list[list[str]]:
    from aligner.reading import read_file

    text = read_file(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    if delimiter == "\t":
        return _tab_rows(text)
    return [[_unguarded(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _unguarded(cell: str) -> str:
    """A CSV cell without the apostrophe that keeps Excel from reading it as a formula ("'=SUM(A1)", as
    aligner's CSV export and other tools write it): the text is what follows."""
    from aligner.export.delimited import FORMULA_START

    return cell[1:] if cell.startswith("'") and FORMULA_START.match(cell[1:]) else cell


def _tab_rows(text: str) -> list[list[str]]:
    """Tab-separated rows, quoted the csv way (Excel, aligner's own TSV) or plain, one row a line,
    as translation memories and parallel corpora are often written (OPUS, Moses, CAT tools).

    In a plain file a cell that opens with a quotation mark ("Hello," he said.) is no csv quote:
    read as one, it swallows the following lines up to the next quotation mark, gluing rows
    together. A file is read plainly when the csv reading stumbles (strictly) or makes fewer rows
    than it has lines, while every line has as many cells as the first."""
    plain = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    try:
        quoted = list(csv.reader(io.StringIO(text), delimiter="\t", strict=True))
    except csv.Error:
        quoted = None
    if quoted is not None and len(quoted) == len(plain):
        return quoted
    widths = {len(row) for row in plain if any(cell.strip() for cell in row)}
    if len(widths) == 1:
        return plain
    return quoted if quoted is not None else list(csv.reader(io.StringIO(text), delimiter="\t"))


def _xlsx_rows(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for files that are not workbooks
        raise InputError(f"{path} is not a readable Excel workbook ({error}); save it again as .xlsx or .csv.") from None
    from aligner.formats.cells import cell_text

    sheet = workbook.worksheets[0]
    rows = [[cell_text(cell.value, getattr(cell, "number_format", None)) for cell in row]  # as Excel shows it
            for row in sheet.iter_rows()]
    workbook.close()
    return rows
