"""The review page's downloads say what the page says: after a correction, a ✓ and a note, and with only the
problem pairs chosen to include (what an editor sends the translator), each file holds those pairs under the
numbers the page's table gives them, with the corrected sentences, the ✓ and the note."""
from __future__ import annotations

import csv
import io
import json
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `ui` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

from aligner.export.status import status  # noqa: E402
from aligner.export.table import one_line  # noqa: E402
from tests.test_ui_app import table_rows  # noqa: E402

APP = str(ROOT / "ui" / "app.py")
KEEP = ["omitted", "added", "flagged"]
NOTE = 'Ask: "=SUM(A1)"\tor not?'


def kind_of(data: bytes) -> str:
    """The format of a download, from its bytes."""
    if data.startswith(b"PK"):
        return "docx" if "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist() else "xlsx"
    for start, fmt in ((b"\xef\xbb\xbf", "csv"), (b"<!DOCTYPE", "html"), (b"<?xml", "tmx"),
                       (b'{\n  "format": "aligner-a', "json"), (b"index\t", "tsv")):
        if data.startswith(start):
            return fmt
    return "other"


@pytest.fixture(scope="module")
def page():
    """The sample aligned on the page, pair 2 merged with 3, the first problem pair marked and noted, and only
    the problem pairs chosen for the downloads; the bytes each download hands over."""
    import ui.downloads

    builds = []
    settled, ui.downloads.settled = ui.downloads.settled, lambda build: builds.append(build) or build
    try:
        at = AppTest.from_file(APP, default_timeout=180)
        at.run()
        at.number_input(key="pair").set_value(2).run()
        at.button(key="merge").click().run()
        a = at.session_state["work"].alignment
        first = next(n for n, b in enumerate(a.beads, start=1) if status(b) in KEEP)
        at.number_input(key="pair").set_value(first).run()
        at.button(key="reviewed").click().run()
        next(t for t in at.text_area if t.label == "Note").set_value(NOTE).run()
        at.button(key="save_note").click().run()
        at.button_group(key="download_keep").set_value(KEEP).run()
        builds.clear()
        at.run()
        files = {kind_of(data): data for data in (build() for build in builds)}
    finally:
        ui.downloads.settled = settled
    assert not at.exception, at.exception
    return at, files


def test_the_page_was_corrected_marked_and_noted(page):
    at, files = page
    a = at.session_state["work"].alignment
    assert len(a.beads[1].src) == 2  # merged: every later pair's number is one less than before
    assert {"docx", "html", "xlsx", "tmx", "tsv", "csv", "json"} <= set(files)


def expected(at):
    """(page number, Chinese, translation, reviewed, note) of each pair the downloads keep, from the page's table."""
    a = at.session_state["work"].alignment
    shown = {row["pair"]: row["status"] for row in table_rows(at)}
    kept = [(n, b) for n, b in enumerate(a.beads, start=1) if status(b) in KEEP]
    assert kept and all(shown.get(n, status(b)) == status(b) for n, b in kept)  # the page colours them so
    return [(n, one_line(a.source.span_text(b.src)), one_line(a.target.span_text(b.tgt)), b.reviewed, one_line(b.note))
            for n, b in kept]


def test_tables_hold_the_problem_pairs_under_the_page_numbers_with_the_mark_and_note(page):
    at, files = page
    want = expected(at)
    assert want[0][3:] == (True, one_line(NOTE))
    for fmt, dialect in (("tsv", "excel-tab"), ("csv", "excel")):
        rows = list(csv.reader(io.StringIO(files[fmt].decode("utf-8-sig"), newline=""), dialect=dialect))[1:]
        got = [(int(r[0]), r[3], r[4], r[7] == "yes", r[8]) for r in rows]
        if fmt == "csv":  # Excel's "text follows" before a note that starts like a formula: none here
            assert all(not r[8].startswith("'") for r in rows)
        assert got == want, fmt


def test_word_html_json_and_tmx_name_the_pairs_as_the_page_does(page):
    at, files = page
    want = expected(at)
    word = WordDocument(io.BytesIO(files["docx"])).tables[-1].rows[1:]
    assert [int(r.cells[0].text.split("\n")[0]) for r in word] == [n for n, *_ in want]
    assert "✓ reviewed" in word[0].cells[-1].text and one_line(NOTE) in word[0].cells[-1].text
    html = files["html"].decode()
    assert all(f'id="pair-{n}"' in html for n, *_ in want)
    record = json.loads(files["json"])
    assert [p["number"] for p in record["pairs"]] == [n for n, *_ in want]
    assert record["pairs"][0]["note"] == NOTE and record["pairs"][0]["reviewed"]
    units = [n for n, zh, tgt, *_ in want if zh and tgt]
    assert [int(tu.get("tuid")) for tu in ET.fromstring(files["tmx"]).iter("tu")] == units
