"""Flags point at their evidence: the numbers and names a reason quotes are marked in the user's own text,
kept in the JSON record and project files, and highlighted in the review table and the HTML report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from aligner import align_texts
from aligner.export import render, to_dict
from aligner.export.marked import side_html
from aligner.export.record import from_dict
from aligner.normalise import match_form, norm_positions
from aligner.project import load_project, save_project
from ui.pairs_table import table_html

ROOT = Path(__file__).resolve().parents[1]


def marked(alignment, flag) -> list[tuple[str, str]]:
    docs = {"src": alignment.source, "tgt": alignment.target}
    return [(m.side, docs[m.side].text[m.start:m.end]) for m in flag.marks]


@pytest.mark.parametrize("text", [
    "於２０２２年２月４日訪華。",  # full-width digits, Traditional characters
    "以联合国为核\n\n心的国际体系",  # a PDF break inside a word
    "the ﬁrst inter-\nnational  forum",  # a ligature, a hyphenated line break, a double space
])
def test_every_character_of_the_match_form_comes_from_its_own_place(text):
    norm = match_form(text)
    positions = norm_positions(text, norm)
    assert len(positions) == len(norm) and positions == sorted(positions)
    for j, at in enumerate(positions):
        if norm[j] != " ":
            assert match_form(text[at]) in (norm[j], "fi", "")  # the ligature gives two letters


@pytest.fixture(scope="module")
def sample():
    zh = (ROOT / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (ROOT / "texts" / "joint-statement.ru.txt").read_text(encoding="utf-8")
    return align_texts(zh, ru)


def test_the_sample_number_change_is_marked_on_both_sides(sample):
    # texts/answer-key.json: the Russian changes one number of the Chinese
    flags = [f for b in sample.beads for f in b.flags if f.kind == "number"]
    assert flags
    for flag in flags:
        marks = marked(sample, flag)
        assert {side for side, _ in marks} == {"src", "tgt"}
        for _, text in marks:
            assert text.strip() and match_form(text) in flag.reason


def test_a_number_in_full_width_traditional_chinese_is_marked_as_written():
    a = align_texts("俄羅斯總統於２０２２年２月４日訪華。", "The Russian President visited China on 4 February 2021.")
    [flag] = [f for b in a.beads for f in b.flags if f.kind == "number"]
    assert flag.reason == "２０２２ ≠ 2021"  # quoted as written, as the mark is
    assert marked(a, flag) == [("src", "２０２２"), ("tgt", "2021")]


def test_a_name_on_one_side_only_is_marked():
    a = align_texts("双方支持上合组织和金砖国家加强合作。", "The two sides support closer cooperation within the SCO.")
    [flag] = [f for b in a.beads for f in b.flags if f.kind == "name"]
    assert "BRICS" in flag.reason and marked(a, flag) == [("src", "金砖")]
    html = side_html(a, a.beads[0], "src")
    assert html == "双方支持上合组织和<mark>金砖</mark>国家加强合作。"


def test_marks_survive_the_json_record_and_project_files(sample):
    flagged = [(i, f) for i, b in enumerate(sample.beads) for f in b.flags if f.marks]
    assert flagged
    record = json.loads(render(sample, "json"))
    back = from_dict(record)
    project = load_project(save_project(sample))
    for i, flag in flagged:
        assert flag in back.beads[i].flags
        assert flag in project.alignment.beads[i].flags
    assert to_dict(back) == to_dict(sample)


def test_the_review_table_and_the_report_highlight_the_marked_words(sample):
    i, flag = next((i, f) for i, b in enumerate(sample.beads) for f in b.flags if f.kind == "number")
    words = [text for _, text in marked(sample, flag)]
    table = table_html(sample, [i])
    report = render(sample, "html").decode("utf-8")
    for word in words:
        assert f"<mark>{word}</mark>" in table and f"<mark>{word}</mark>" in report
    assert table.count("<mark>") == len(words)  # nothing else on that row is marked


def test_marked_text_is_still_escaped_and_on_one_line():
    a = align_texts("俄方支持<中方>于\n2022年举办冬奥会。", "Russia supports <China> hosting the Winter Olympics in 2021.")
    html = side_html(a, a.beads[0], "src")
    assert "&lt;中方&gt;" in html and "\n" not in html and "<mark>2022</mark>" in html


def test_the_three_way_table_marks_each_translations_own_evidence():
    from aligner.threeway import align_three_texts
    from ui.threeway_view import row_status
    from ui.threeway_view import table_html as threeway_table

    result = align_three_texts("双方将于2030年前实现这一目标。", "Стороны достигнут этой цели к 2035 году.",
                               "The two sides will reach this goal by 2030.")
    rows = result.plain_rows()
    html = threeway_table(result, rows, [row_status(r) for r in rows], list(range(len(rows))))
    assert html.count("<mark>") == 2  # 2030 in the Chinese, 2035 in the Russian; the English agrees
    assert "<mark>2030</mark>年" in html and "к <mark>2035</mark> году" in html


def test_the_xlsx_export_sets_the_marked_words_apart(sample, tmp_path):
    import openpyxl

    path = tmp_path / "pairs.xlsx"
    path.write_bytes(render(sample, "xlsx"))
    sheet = openpyxl.load_workbook(path, rich_text=True)["Pairs"]
    i, flag = next((i, f) for i, b in enumerate(sample.beads) for f in b.flags if f.kind == "number")
    (_, src_word), (_, tgt_word) = marked(sample, flag)
    for column, word, side in ((4, src_word, "src"), (5, tgt_word, "tgt")):
        cell = sheet.cell(row=i + 2, column=column).value
        bold = [str(block.text) for block in cell if getattr(block, "font", None) is not None and block.font.b]
        assert bold == [word]
        assert str(cell) == side_html(sample, sample.beads[i], side).replace("<mark>", "").replace("</mark>", "")
    plain = sheet.cell(row=2, column=4).value  # the title pair has no flag: plain text, as before
    assert isinstance(plain, str) and plain.startswith("中华人民共和国")


def test_the_three_way_html_report_marks_the_same_words():
    from aligner.threeway import align_three_texts
    from aligner.export.threeway import render

    result = align_three_texts("双方将于2030年前实现这一目标。", "Стороны достигнут этой цели к 2035 году.",
                               "The two sides will reach this goal by 2030.")
    page = render(result, "html").decode("utf-8")
    assert page.count("<mark>") == 2 and "<mark>2030</mark>年" in page and "к <mark>2035</mark> году" in page


def test_the_three_way_xlsx_marks_the_words_and_keeps_formulas_out(tmp_path):
    import openpyxl

    from aligner.threeway import align_three_texts
    from aligner.export.threeway import render

    result = align_three_texts("双方将于2030年前实现这一目标。\n\n=SUM(A1)是公式。",
                               "Стороны достигнут этой цели к 2035 году.\n\n=SUM(A1) — это формула.",
                               "The two sides will reach this goal by 2030.\n\n=SUM(A1) is a formula.")
    path = tmp_path / "rows.xlsx"
    path.write_bytes(render(result, "xlsx"))
    sheet = openpyxl.load_workbook(path, rich_text=True)["rows"]
    chinese, russian, english = (sheet.cell(row=2, column=c).value for c in (2, 3, 4))
    assert [str(b.text) for b in chinese if getattr(b, "font", None) is not None] == ["2030"]
    assert [str(b.text) for b in russian if getattr(b, "font", None) is not None] == ["2035"]
    assert isinstance(english, str)  # nothing marked: plain text
    formula_row = [sheet.cell(row=3, column=c) for c in (2, 3, 4)]
    assert all(c.data_type == "s" and str(c.value).startswith("=SUM") for c in formula_row)


def test_a_long_unmatched_passage_shows_its_first_sentences_and_folds_the_rest():
    """A chapter the translation adds is one pair of 40 English sentences: the table shows three and folds 37,
    unfolding them when a search finds something there."""
    from aligner.types import Alignment, Bead, Flag
    from sample_pairs import document

    mac = Path("/work/shared/benchmarks/mac-zh-en/dev")
    zh = (mac / "zh" / "001.txt").read_text(encoding="utf-8").splitlines()[:2]
    en = (mac / "en" / "002.txt").read_text(encoding="utf-8").splitlines()[:42]
    a = Alignment(document(zh, "zh", ""), document(en, "en", " "),
                  [Bead((0,), (0,)), Bead((), tuple(range(1, 41)), flags=[Flag("added", "no counterpart")]),
                   Bead((1,), (41,))])
    row = table_html(a, [1])
    assert "37 more sentences" in row and "<details" in row and "<details class=\"more\" open" not in row
    assert en[1] in row and en[40].split()[0] in row.split("<details")[1]  # the first shown, the last folded
    word = en[30].split()[-1].strip(".,!?'\"")
    assert '<details class="more" open' in table_html(a, [1], query=word)
    assert "<details" not in table_html(a, [0, 2])  # one sentence a side: as it was
