"""The pair numbers in every export are the ones the review page shows, also when only some pairs are
written (the page's "Pairs to include", `--keep ok`): an editor who writes "pair 7 drops a clause"
from the Word file must find pair 7 on the page."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from docx import Document as WordDocument

from aligner.export import parse_json, render, status
from aligner.pair_filter import kept_pairs
from tests.sample_pairs import sample_alignment


@pytest.fixture(scope="module")
def kept():
    """The sample's pairs with both sides only (its omitted pair 4 and added pair 5 left out), as the
    page numbers them: 1, 2, 3, 6, 7."""
    alignment = sample_alignment()
    page = {number: bead for number, bead in enumerate(alignment.beads, start=1)}
    wanted = {"ok", "flagged", "weak"}
    return kept_pairs(alignment, wanted), [n for n, bead in page.items() if status(bead) in wanted]


def test_the_sample_leaves_out_pairs_in_the_middle(kept):
    _, numbers = kept
    assert numbers == [1, 2, 3, 6, 7]


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_delimited_files_number_pairs_as_the_page_does(kept, fmt):
    alignment, numbers = kept
    text = render(alignment, fmt).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab" if fmt == "tsv" else "excel"))
    assert [int(row[0]) for row in rows[1:]] == numbers


def test_the_workbook_numbers_pairs_as_the_page_does(kept):
    alignment, numbers = kept
    sheet = openpyxl.load_workbook(io.BytesIO(render(alignment, "xlsx")))["Pairs"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == numbers


def test_tmx_units_are_named_by_the_page_numbers(kept):
    alignment, numbers = kept
    root = ET.fromstring(render(alignment, "tmx"))
    assert [int(tu.get("tuid")) for tu in root.iter("tu")] == numbers


def test_the_word_document_numbers_pairs_as_the_page_does(kept):
    alignment, numbers = kept
    table = WordDocument(io.BytesIO(render(alignment, "docx"))).tables[-1]
    assert [int(row.cells[0].text.split("\n")[0]) for row in table.rows[1:]] == numbers


def test_the_html_report_and_listing_number_pairs_as_the_page_does(kept):
    alignment, numbers = kept
    html = render(alignment, "html").decode()
    all_pairs = html[html.index("<details>"):]
    assert [int(n) for n in re.findall(r'id="pair-(\d+)"><td class="num">\1<', all_pairs)] == numbers
    listing = render(alignment, "txt").decode()
    assert [int(n) for n in re.findall(r"^#(\d+) ", listing, flags=re.M)] == numbers


def test_the_json_record_keeps_the_page_numbers_and_reads_them_back(kept):
    alignment, numbers = kept
    data = render(alignment, "json")
    assert [pair["number"] for pair in json.loads(data)["pairs"]] == numbers
    assert parse_json(data) == alignment


def test_a_whole_alignment_is_numbered_from_one_and_its_record_has_no_numbers():
    alignment = sample_alignment()
    assert "number" not in json.loads(render(alignment, "json"))["pairs"][0]
    root = ET.fromstring(render(alignment, "tmx"))
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["1", "2", "3", "6", "7"]


def test_the_html_report_of_some_pairs_does_not_call_them_all(kept):
    alignment, numbers = kept
    html = render(alignment, "html").decode()
    assert f"<summary>The {len(numbers)} pairs chosen (of those aligned)</summary>" in html and "All pairs" not in html
    assert "<summary>All pairs (7)</summary>" in render(sample_alignment(), "html").decode()
