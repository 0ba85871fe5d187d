"""The row numbers in every three-column export are the ones the review page shows, also when only some rows
are written (the page's "Rows to include", `--keep omitted`): an editor who writes "row 27 leaves out a
clause" from the Word file must find row 27 on the page. The three-column twin of test_export_numbers."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document as WordDocument

from aligner.export.table import one_line
from aligner.export.threeway import is_unit, parse_json, render, row_status
from aligner.pair_filter import kept_rows
from aligner.threeway_corrections import ThreeWayCorrections
from tests.test_threeway import three_way

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `ui` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

WANTED = {"flagged", "ok", "added"}


def _status(row) -> str:
    return row_status(f.kind for f in row.flags)


def _kind(data: bytes) -> str:
    """The format of a three-column download, from its bytes."""
    from tests.test_export_downloads import kind_of

    for start, fmt in ((b"row\t", "tsv"), (b'{\n  "format": "aligner-threeway"', "json"), (b"zh ", "txt"),
                       (b"<!doctype", "html")):
        if data.startswith(start):
            return fmt
    return kind_of(data)


@pytest.fixture()
def kept():
    """The three-column sample's flagged, ok and added rows (its omitted rows 2, 3 and 5 left out), the 6th
    marked and noted, as the page numbers them: 1, 4, 6, 7."""
    result = three_way()
    result.rows[5].reviewed, result.rows[5].note = True, "checked against the 2022 text"
    return kept_rows(result, WANTED), [n for n, row in enumerate(result.rows, start=1) if _status(row) in WANTED]


def test_the_sample_leaves_out_rows_in_the_middle(kept):
    result, numbers = kept
    assert numbers == [1, 4, 6, 7] and result.numbers == (1, 4, 6, 7)


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_delimited_files_number_rows_as_the_page_does(kept, fmt):
    result, numbers = kept
    text = render(result, fmt).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab" if fmt == "tsv" else "excel"))
    assert [int(row[0]) for row in rows[1:]] == numbers


def test_the_workbook_numbers_rows_as_the_page_does(kept):
    result, numbers = kept
    sheet = openpyxl.load_workbook(io.BytesIO(render(result, "xlsx")))["rows"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == numbers


def test_tmx_units_are_named_by_the_page_numbers(kept):
    result, numbers = kept
    units = [n for n, row in zip(numbers, result.rows) if is_unit(result, row)]
    assert units == [1, 6]  # the added rows 4 and 7 lack the Chinese
    assert [int(tu.get("tuid")) for tu in ET.fromstring(render(result, "tmx")).iter("tu")] == units


def test_the_word_document_numbers_rows_as_the_page_does(kept):
    result, numbers = kept
    document = WordDocument(io.BytesIO(render(result, "docx")))
    assert [int(row.cells[0].text.split("\n")[0]) for row in document.tables[-1].rows[1:]] == numbers
    assert any("4 rows chosen (of those aligned)" in p.text for p in document.paragraphs)


def test_the_html_report_and_listing_number_rows_as_the_page_does(kept):
    result, numbers = kept
    html = render(result, "html").decode()
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', html)] == numbers
    assert "· 4 rows chosen (of those aligned)" in html
    listing = render(result, "txt").decode()
    assert [int(n) for n in re.findall(r"^#(\d+) ", listing, flags=re.M)] == numbers


def test_the_json_record_keeps_the_page_numbers_and_reads_them_back(kept):
    result, numbers = kept
    data = render(result, "json")
    assert [row["number"] for row in json.loads(data)["rows"]] == numbers
    again = parse_json(data)
    assert again.numbers == result.numbers and again.rows == result.rows  # the ✓ and note of row 6 too
    assert again.rows[2].reviewed and again.rows[2].note == "checked against the 2022 text"
    assert render(again, "tsv") == render(result, "tsv")


def test_a_record_of_some_rows_is_checked_as_those_rows_under_their_numbers(kept, tmp_path):
    """`aligner check rows.json` on a download of the flagged rows checks those rows' pairs, numbered as the
    file and the page number the rows, not every pair of the record numbered 1, 2, 3 …"""
    from aligner.memory import read_pair_rows

    result, numbers = kept
    path = tmp_path / "rows.json"
    path.write_bytes(render(result, "json"))
    for lang in ("ru", "en"):
        rows = read_pair_rows(path, lang)
        chosen = [(number, bead) for number, row in zip(numbers, result.rows) for bead in row.beads[lang]]
        assert rows.numbers == [number for number, _ in chosen]
        assert rows.pairs == [result.alignments[lang].texts(bead) for _, bead in chosen]
        assert len(rows.pairs) < len(result.alignments[lang].beads)
        marks = dict(zip(rows.numbers, rows.marks))  # row 6's ✓ and note, on its pair of each translation
        assert marks[6] == (True, "checked against the 2022 text") and marks[1] == (False, "")


def test_the_pairs_of_one_row_share_its_number_when_checked(tmp_path):
    """Row 2 of the sample holds two Russian pairs and one English pair: checked from a record of the omitted and
    added rows, both Russian pairs are pair 2, as the row is."""
    from aligner.memory import own_numbers, read_pair_rows

    result = kept_rows(three_way(), {"omitted", "added"})
    assert result.numbers == (2, 3, 4, 5, 7)
    path = tmp_path / "rows.json"
    path.write_bytes(render(result, "json"))
    assert own_numbers(read_pair_rows(path, "ru").numbers) == (2, 2, 3, 4, 5)
    assert own_numbers(read_pair_rows(path, "en").numbers) == (2, 3, 5, 7)
    assert own_numbers([3, 2, 5]) == () and own_numbers([1, 2, 3]) == ()  # an order of its own; every pair


def test_some_rows_of_some_rows_keep_the_first_numbers(kept):
    result, _ = kept
    assert kept_rows(result, {"added"}).numbers == (4, 7)
    assert kept_rows(result) is result  # every status: nothing dropped, the numbers as they are


def test_a_whole_result_is_numbered_from_one_and_its_record_has_no_numbers():
    result = three_way()
    assert kept_rows(result).numbers == () and result.numbered()[-1][0] == len(result.rows) == 7
    assert "number" not in json.loads(render(result, "json"))["rows"][0]
    assert [tu.get("tuid") for tu in ET.fromstring(render(result, "tmx")).iter("tu")] == ["1", "2", "6"]
    assert parse_json(render(result, "json")).numbers == ()


def test_a_correction_to_a_record_of_some_rows_numbers_every_row_again(kept):
    """A record of some rows opened (on the page) holds every pair: a correction cuts all the rows again, which
    the numbers of the rows chosen no longer name (a file written then would have lost rows)."""
    result, _ = kept
    again = parse_json(render(result, "json"))
    ThreeWayCorrections(again).correct("ru", lambda side: side.merge_with_next(0))
    assert again.numbers == () and len(again.rows) > len(result.rows)
    tsv = list(csv.reader(io.StringIO(render(again, "tsv").decode()), dialect="excel-tab"))[1:]
    assert [int(row[0]) for row in tsv] == list(range(1, len(again.rows) + 1))


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> CliRunner:
    cache = tmp_path_factory.mktemp("cache")
    return CliRunner(env={"ALIGNER_CACHE_DIR": str(cache), "OMP_NUM_THREADS": "1"})


def test_align_with_keep_writes_the_rows_under_their_numbers_among_all(runner, tmp_path):
    """`aligner align zh ru en --keep omitted -o x.tsv` wrote the omitted rows as 1, 2, 3 … while the page
    and the file of every row number them 2, 9, 14 …"""
    from aligner.cli import main

    from aligner.export.threeway import load

    zh, ru, en = (ROOT / "texts" / f"joint-statement.{lang}.txt" for lang in ("zh", "ru", "en"))
    every, some = tmp_path / "every.json", tmp_path / "some.tsv"
    assert runner.invoke(main, ["align", "-q", str(zh), str(ru), str(en), "-o", str(every)]).exit_code == 0
    done = runner.invoke(main, ["align", "-q", str(zh), str(ru), str(en), "--keep", "omitted", "-o", str(some)])
    assert done.exit_code == 0, done.output

    def rows(text: str) -> list[list[str]]:
        return list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))[1:]

    result = load(every)  # every row, as the page shows them
    numbers = [str(n) for n, row in result.numbered() if _status(row) == "omitted"]
    assert numbers and numbers != [str(n) for n in range(1, len(numbers) + 1)]
    omitted = [row for row in rows(render(result, "tsv").decode()) if row[0] in numbers]
    assert rows(some.read_text(encoding="utf-8")) == omitted  # the same rows, each under its number among all
    listing = runner.invoke(main, ["align", "-q", str(zh), str(ru), str(en), "--keep", "omitted"])
    assert re.findall(r"^#(\d+) ", listing.stdout, flags=re.M) == numbers
    assert listing.stderr.strip() == (f"{len(numbers)} of {len(result.rows)} rows (kept: omitted) shown, "
                                      "each under its number among all.")
    assert "numbered anew" not in runner.invoke(main, ["align", "--help"]).output


def test_the_page_downloads_number_the_rows_chosen_as_the_page_table_does(monkeypatch):
    """The three-column page with only its omitted rows chosen to include: each download holds those rows under
    the numbers the page's table gives them, beside the texts the table shows under that number."""
    from streamlit.testing.v1 import AppTest

    import ui.threeway_view
    from tests.test_ui_app import threeway_rows

    builds = []
    monkeypatch.setattr(ui.threeway_view, "settled", lambda build: builds.append(build) or build)
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=180)
    at.run()
    at.button(key="sample_ru_en").click().run()
    at.button_group(key="download3_keep").set_value(["omitted"]).run()
    builds.clear()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    files = {_kind(data): data for data in (build() for build in builds)}
    assert {"docx", "html", "xlsx", "tmx", "tsv", "csv", "json", "txt"} <= set(files)

    table = {row["pair"]: row for row in threeway_rows(at)}  # the page's first rows: number → status, texts
    result = at.session_state["threeway"]
    numbers = [n for n, row in result.numbered() if _status(row) == "omitted"]
    assert numbers != list(range(1, len(numbers) + 1))
    shown = [n for n in numbers if n in table]
    assert shown and all(table[n]["status"] == "omitted" for n in shown)
    lines = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"), newline="")))[1:]
    assert [int(line[0]) for line in lines] == numbers
    tsv = list(csv.reader(io.StringIO(files["tsv"].decode("utf-8-sig"), newline=""), dialect="excel-tab"))[1:]
    assert [int(line[0]) for line in tsv] == numbers
    for line in lines[:len(shown)]:  # the texts the page shows under that number
        cells = [" ".join(cell.split()) for cell in table[int(line[0])]["cells"][1:4]]
        assert line[1:4] == ["" if re.fullmatch(r"— no \w+ —", cell) else one_line(cell) for cell in cells]
    word = WordDocument(io.BytesIO(files["docx"])).tables[-1].rows[1:]
    assert [int(row.cells[0].text.split("\n")[0]) for row in word] == numbers
    sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))["rows"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == numbers
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', files["html"].decode())] == numbers
    assert [row["number"] for row in json.loads(files["json"])["rows"]] == numbers
    assert [int(n) for n in re.findall(r"^#(\d+) ", files["txt"].decode(), flags=re.M)] == numbers
    units = [n for n, row in result.numbered() if _status(row) == "omitted" and is_unit(result, row)]
    assert [int(tu.get("tuid")) for tu in ET.fromstring(files["tmx"]).iter("tu")] == units
