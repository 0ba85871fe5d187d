"""The Word (.docx) export, read back with python-docx as Word would open it: every pair in a
table row with its texts, status colour, flags and note; marked words bold and coloured; pages
landscape, the header row repeated, Chinese tagged as Chinese."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from aligner import align_texts
from aligner.export import render, write
from aligner.export.marked import MARK_COLOUR, side_marks, span_segments
from aligner.export.status import STATUS_COLOURS, status
from aligner.export.table import one_line
from aligner.threeway import align_three_texts
from aligner.export.threeway import render as render_three
from aligner.export.threeway import row_status
from aligner.types import Alignment, Bead, Document, Flag, Mark, Sentence

ROOT = Path(__file__).resolve().parents[1]


def fill(cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def marked_runs(cell) -> list[str]:
    return [run.text for p in cell.paragraphs for run in p.runs
            if run.bold and run.font.color.rgb is not None and str(run.font.color.rgb) == MARK_COLOUR]


@pytest.fixture(scope="module")
def sample() -> Alignment:
    zh = (ROOT / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (ROOT / "texts" / "joint-statement.ru.txt").read_text(encoding="utf-8")
    return align_texts(zh, ru)


@pytest.fixture(scope="module")
def word(sample):
    return WordDocument(io.BytesIO(render(sample, "docx")))


def test_every_pair_is_a_row_with_its_texts_in_order(sample, word):
    pairs = word.tables[-1]
    assert [c.text for c in pairs.rows[0].cells] == ["#", "Chinese", "Russian", "flags"]
    assert len(pairs.rows) == len(sample.beads) + 1
    for number, (bead, row) in enumerate(zip(sample.beads, pairs.rows[1:]), start=1):
        cells = row.cells
        assert cells[0].text == f"{number}\n{bead.kind}"
        assert cells[1].text == (one_line(sample.source.span_text(bead.src)) or "—")
        assert cells[2].text == (one_line(sample.target.span_text(bead.tgt)) or "—")


def test_rows_carry_their_status_colour_and_flag_reasons(sample, word):
    rows = word.tables[-1].rows[1:]
    statuses = [status(b) for b in sample.beads]
    assert {"omitted", "added", "ok"} <= set(statuses)  # the sample's planted problems (texts/answer-key.json)
    for bead, row, name in zip(sample.beads, rows, statuses):
        assert {fill(c) for c in row.cells} == ({None} if name == "ok" else {STATUS_COLOURS[name]})
        for flag in bead.flags:
            assert f"{flag.kind}: {one_line(flag.reason)}" in row.cells[3].text


def test_the_numbers_a_flag_quotes_are_bold_in_the_mark_colour(sample, word):
    rows = word.tables[-1].rows[1:]
    found = 0
    for bead, row in zip(sample.beads, rows):
        for side, cell, document, indices in (("src", row.cells[1], sample.source, bead.src),
                                              ("tgt", row.cells[2], sample.target, bead.tgt)):
            expected = [run for run, is_marked in span_segments(document, indices, side_marks([bead], side)) if is_marked]
            assert marked_runs(cell) == expected
            found += len(expected)
    assert found >= 2  # the changed number, in the Chinese and in the Russian


def test_pages_are_landscape_with_a_repeated_header_and_chinese_tagged(word):
    section = word.sections[0]
    assert section.page_width > section.page_height
    header = word.tables[-1].rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    for row in word.tables[-1].rows[1:]:  # a pair is not split across two pages
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    normal = word.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:eastAsia")) == "SimSun"
    assert normal.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_the_summary_counts_pairs_per_status(sample, word):
    summary = {row.cells[0].text: int(row.cells[1].text) for row in word.tables[0].rows}
    assert sum(summary.values()) == len(sample.beads)
    assert summary["omitted (no translation)"] == sum(status(b) == "omitted" for b in sample.beads) >= 1


def test_review_marks_and_notes_travel_and_traditional_chinese_gets_its_font(tmp_path):
    text = "於２０２２年２月４日訪華。"
    source = Document(text, "zh", [Sentence(0, 0, len(text), text, text)])
    target_text = "=Visited China on 4 February 2021."
    target = Document(target_text, "en", [Sentence(0, 0, len(target_text), target_text, target_text)])
    flag = Flag("number", "2022 ≠ 2021", marks=(Mark("src", 1, 5), Mark("tgt", 29, 33)))
    bead = Bead((0,), (0,), 0.8, [flag], reviewed=True, note="asked the translator")
    path = write(Alignment(source, target, [bead]), tmp_path / "one.docx")
    word = WordDocument(str(path))
    row = word.tables[-1].rows[1]
    assert marked_runs(row.cells[1]) == ["２０２２"] and marked_runs(row.cells[2]) == ["2021"]
    assert row.cells[2].text == target_text  # a text starting with "=" is just text
    assert "number: 2022 ≠ 2021" in row.cells[3].text and "✓ reviewed" in row.cells[3].text
    assert "note: asked the translator" in row.cells[3].text
    assert word.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "PMingLiU"


def test_the_three_way_word_document_has_three_text_columns():
    result = align_three_texts("双方将于2030年前实现这一目标。", "Стороны достигнут этой цели к 2035 году.",
                               "The two sides will reach this goal by 2030.")
    word = WordDocument(io.BytesIO(render_three(result, "docx")))
    table = word.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["#", "Chinese", "Russian", "English", "flags"]
    assert len(table.rows) == len(result.rows) + 1
    cells = table.rows[1].cells
    assert marked_runs(cells[1]) == ["2030"] and marked_runs(cells[2]) == ["2035"] and marked_runs(cells[3]) == []
    assert "ru number: " in cells[4].text
    assert fill(cells[0]) == STATUS_COLOURS[row_status(f.kind for f in result.rows[0].flags)] == STATUS_COLOURS["flagged"]
