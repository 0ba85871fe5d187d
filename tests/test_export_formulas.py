"""A CSV cell that starts with = + - or @ is read by Excel (which our CSV, with its BOM, is made for) as a
formula: "=SUM(A1)" shows a sum, "-3 degrees …" and "+86 is …" show #NAME?, and a crafted one runs. Such a
cell is written after an apostrophe, which Excel reads as "text follows"; aligner reads the file back
without it. TSV, for scripts, and XLSX, whose cells are typed, keep the text as it is."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from aligner import align_texts
from aligner.export import render, write
from aligner.memory import read_pair_rows

ZH = "=SUM(A1)是一个公式。\n-3度是今天的温度。\n+86是中国的区号。\n@所有人请注意开会时间。\n'=这句以撇号开头。\n他说：“你好。”"
EN = ('=SUM(A1) is a formula.\n-3 degrees is the temperature today.\n+86 is the country code of China.\n'
      '@everyone please note the meeting time.\n\'= this sentence starts with an apostrophe.\nHe said: "Hello."')


@pytest.fixture(scope="module")
def alignment():
    a = align_texts(ZH, EN, target_lang="en")
    a.beads[0].note = "-check the sum"  # a reviewer's note is a cell too
    return a


def rows(data: bytes, dialect: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), dialect=dialect))[1:]


def test_the_texts_are_one_pair_a_sentence(alignment):
    assert [alignment.texts(b)[1][:2] for b in alignment.beads] == ["=S", "-3", "+8", "@e", "'=", "He"]


def test_no_csv_cell_starts_a_formula(alignment):
    for row in rows(render(alignment, "csv"), "excel"):
        assert not any(cell[:1] and cell[:1] in "=+-@" for cell in row), row
    first = rows(render(alignment, "csv"), "excel")[0]
    assert first[3:5] == ["'=SUM(A1)是一个公式。", "'=SUM(A1) is a formula."] and first[8] == "'-check the sum"


def test_tsv_and_xlsx_keep_the_text_as_it_is(alignment):
    texts = [alignment.texts(b) for b in alignment.beads]
    assert [tuple(row[3:5]) for row in rows(render(alignment, "tsv"), "excel-tab")] == texts
    sheet = openpyxl.load_workbook(io.BytesIO(render(alignment, "xlsx")))["Pairs"]
    cells = list(sheet.iter_rows(min_row=2))
    assert [(str(row[3].value), str(row[4].value)) for row in cells] == texts
    assert not any(cell.data_type == "f" for row in cells for cell in row)


def test_a_csv_read_back_gives_the_texts_and_notes_as_written(alignment, tmp_path):
    path = write(alignment, tmp_path / "pairs.csv")
    read = read_pair_rows(path)
    assert read.pairs == [alignment.texts(b) for b in alignment.beads]
    assert read.marks[0] == (False, "-check the sum")
