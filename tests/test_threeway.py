"""Three-way zh–ru–en: rows pivoted on the Chinese, disagreements, outputs, and the real pipeline end to end."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from aligner.review import review
from aligner.threeway import DISAGREE, ThreeWay, align_three_texts, merge_rows
from aligner.export.threeway import listing, render, to_dict, write
from aligner.types import Alignment, Bead, Document, Sentence
from sample_pairs import ZH, document

RU = [
    "По приглашению Председателя КНР Си Цзиньпина Президент Российской Федерации В. В. Путин посетил Китай.",
    "Визит состоялся 4 февраля 2022 года.",
    "Главы государств провели переговоры в Пекине.",
    "Они также приняли участие в церемонии открытия XXIV зимних Олимпийских игр.",
    "Стороны также отмечают растущую роль БРИКС.",
    "Народы всех стран вправе выбирать формы и методы осуществления демократии.",
    "Только народ страны может судить о том, является ли его государство демократическим.",
]
EN = [
    "At the invitation of President Xi Jinping, President Vladimir Putin visited China on 4 February 2022.",
    "The two heads of state held talks in Beijing and attended the opening of the 24th Olympic Winter Games, "
    "and the Parties declare as follows:",
    "The international community will never accept this.",
    "Only the people of a country can judge whether their state is democratic.",
    "The Parties attach particular importance to the Northern Sea Route.",
]
# ru leaves out zh 2 and 3 (one passage once reviewed) and adds BRICS; en merges zh 1+2, leaves out zh 4
RU_BEADS = [((0,), (0, 1)), ((1,), (2, 3)), ((2,), ()), ((3,), ()), ((), (4,)), ((4,), (5,)), ((5,), (6,))]
EN_BEADS = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), ()), ((5,), (3,)), ((), (4,))]



def three_way() -> ThreeWay:
    zh = document(ZH, "zh", "")
    alignments = {}
    for lang, sentences, shapes in (("ru", RU, RU_BEADS), ("en", EN, EN_BEADS)):
        a = Alignment(zh, document(sentences, lang, " "), [Bead(s, t, 0.9 if s and t else 0.2) for s, t in shapes])
        review(a)
        alignments[lang] = a
    return ThreeWay(zh, alignments, merge_rows(alignments))


def test_rows_pivot_on_the_chinese_and_cut_where_both_alignments_agree():
    rows = three_way().rows
    assert [(r.src, r.tgt["ru"], r.tgt["en"]) for r in rows] == [
        ((0,), (0, 1), (0,)),
        ((1, 2), (2, 3), (1,)),  # ru: 1 paired, 2–3 left out (cut where en's pairs end); en: 1+2 merged
        ((3,), (), (2,)),
        ((), (4,), ()),  # the Russian addition keeps its place
        ((4,), (5,), ()),
        ((5,), (6,), (3,)),
        ((), (), (4,)),
    ]
    # every sentence of every document in exactly one row, in order
    assert [i for r in rows for i in r.src] == list(range(len(ZH)))
    assert [j for r in rows for j in r.tgt["ru"]] == list(range(len(RU)))
    assert [j for r in rows for j in r.tgt["en"]] == list(range(len(EN)))


def test_disagreements_and_side_flags():
    rows = three_way().rows
    flags = [[(f.side, f.kind, f.reason) for f in r.flags] for r in rows]
    # the reason names the languages and says which way round: a reviewer should not decode "ru"/"en"
    assert ("ru", "omitted", "no counterpart in the Russian for 2 sentences (this row and the next)") in flags[1]
    assert ("ru", "omitted", "… same passage, row 2 of 2") in flags[2]  # the passage, on both rows, its reason once
    assert ("", DISAGREE, "the Russian leaves out “中华人民共和国和俄罗斯联…”; the English renders it") in flags[1]
    assert ("", DISAGREE, "the Russian leaves this out; the English renders it") in flags[2]
    assert ("", DISAGREE, "the English leaves this out; the Russian renders it") in flags[4]
    assert ("en", "omitted", "no counterpart in the English for 1 sentence") in flags[4]
    assert [f.kind for f in rows[3].flags] == ["added"] and rows[3].flags[0].side == "ru"
    assert [f.kind for f in rows[6].flags] == ["added"] and rows[6].flags[0].side == "en"
    assert not any(f.kind == DISAGREE for r in (rows[0], rows[5]) for f in r.flags)
    from aligner.threeway import disagreement  # a run of sentences left out inside a longer row

    assert disagreement("Russian", "English", "“中华人民共和国和俄罗斯联…”", 1) == (
        "the Russian leaves out “中华人民共和国和俄罗斯联…” and 1 more sentence; the English renders them")


def test_plain_rows_for_a_table():
    plain = three_way().plain_rows()
    assert plain[4]["zh"] == ZH[4] and plain[4]["ru"] == RU[5] and plain[4]["en"] == ""
    assert plain[4]["ru_idx"] == [5] and plain[4]["en_idx"] == []
    assert {f["kind"] for f in plain[4]["flags"]} == {"omitted", DISAGREE}


def test_json_record_keeps_both_alignments_and_the_rows():
    result = three_way()
    record = json.loads(render(result, "json"))
    assert record == json.loads(json.dumps(to_dict(result), ensure_ascii=False))
    assert record["format"] == "aligner-threeway"
    assert record["source"]["text"] == result.source.text
    assert set(record["targets"]) == {"ru", "en"}
    assert [p["tgt"] for p in record["pairs"]["en"]] == [list(t) for _, t in EN_BEADS]
    assert record["rows"][4]["ru_text"] == RU[5] and record["rows"][4]["en"] == []
    assert {"side": "", "kind": DISAGREE, "reason": "the English leaves this out; the Russian renders it"} in record["rows"][4]["flags"]


def test_tables_tmx_and_listing():
    result = three_way()
    tsv = list(csv.reader(io.StringIO(render(result, "tsv").decode("utf-8")), dialect="excel-tab"))
    assert tsv[0][:4] == ["row", "zh", "ru", "en"]
    assert len(tsv) == 1 + len(result.rows)
    assert tsv[5][1:4] == [ZH[4], RU[5], ""] and "disagree" in tsv[5][tsv[0].index("flags")]
    csv_rows = list(csv.reader(io.StringIO(render(result, "csv").decode("utf-8-sig"))))
    assert csv_rows == tsv
    tmx = ET.fromstring(render(result, "tmx"))
    units = tmx.findall("./body/tu")
    assert len(units) == 3  # rows with all three texts present
    assert [len(tu.findall("tuv")) for tu in units] == [3, 3, 3]
    # as the two-column TMX: each unit's row number, type and scores, the header's count of rows left out
    assert render(result, "tmx").startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx')
    assert [tu.get("tuid") for tu in units] == ["1", "2", "6"]
    result.rows[0].beads["ru"][0].note = "check the name"
    assert ET.fromstring(render(result, "tmx")).find("./body/tu/note").text == "ru: check the name"
    props = {p.get("type"): p.text for p in units[0].findall("prop")}
    assert props["x-aligner-type"].count("-") == 2 and {"x-aligner-score-ru", "x-aligner-score-en"} <= set(props)
    assert tmx.find("header/prop[@type='x-aligner-skipped']").text == str(len(result.rows) - 3)
    text = listing(result, width=120)
    assert "│" in text and "the Russian leaves out" in text and "! ru omitted:" in text


def test_tmx_labels_a_traditional_source_zh_tw():
    import opencc

    result = three_way()
    to_traditional = opencc.OpenCC("s2t").convert
    zh = result.source
    traditional = Document(text=to_traditional(zh.text), lang="zh", sentences=[
        Sentence(s.index, s.start, s.end, to_traditional(s.text), s.norm) for s in zh.sentences])
    alignments = {label: Alignment(traditional, a.target, a.beads) for label, a in result.alignments.items()}
    tmx = ET.fromstring(render(ThreeWay(traditional, alignments, result.rows), "tmx"))
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert tmx.find("header").get("srclang") == "zh-TW"
    assert [tuv.get(xml_lang) for tuv in tmx.find("./body/tu").findall("tuv")] == ["zh-TW", "ru", "en"]
    assert ET.fromstring(render(result, "tmx")).find("header").get("srclang") == "zh-CN"
    # the HTML report names each text cell's language, as the two-column report does: a browser then draws
    # the Traditional characters with a Traditional font, not a Japanese or Simplified one
    html = render(ThreeWay(traditional, alignments, result.rows), "html").decode("utf-8")
    first = re.search(r'<tr class="\w+"><td class="num">1</td>(.*?)</tr>', html).group(1)
    assert re.findall(r'<td class="text" lang="([\w-]+)">', first) == ["zh-Hant", "ru", "en"]
    assert '<html lang="en">' in html and 'lang="zh-Hans"' in render(result, "html").decode("utf-8")
    from aligner.export.merged import render_merged

    merged = ET.fromstring(render_merged([("hant", ThreeWay(traditional, alignments, result.rows)), ("hans", result)],
                                         "tmx"))
    assert merged.find("header").get("srclang") == "zh"  # not the first document's zh-TW: true for every unit
    units = merged.findall("./body/tu")
    assert {tu.get("srclang") for tu in units} == {"zh-TW", "zh-CN"}
    assert all(tu.get("srclang") == tu.find("tuv").get(xml_lang) for tu in units)


def test_write_by_extension(tmp_path: Path):
    result = three_way()
    for ext in ("tsv", "csv", "json", "tmx", "xlsx", "docx", "html", "txt"):
        path = write(result, tmp_path / f"rows.{ext}")
        assert path.stat().st_size > 200
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "rows.xlsx").active
    assert sheet.cell(row=6, column=3).value == RU[5]
    with pytest.raises(Exception, match="use one of"):
        write(result, tmp_path / "rows.pdf")


def test_the_xlsx_rows_keep_their_header_in_sight_and_their_status_colour(tmp_path: Path):
    """As in the two-column XLSX: a researcher scrolling a chapter's rows still sees which column
    is which, can filter them, and sees the rows where a translation lacks a sentence coloured."""
    from openpyxl import load_workbook

    from aligner.export.status import STATUS_COLOURS
    from aligner.export.threeway import row_status

    result = three_way()
    sheet = load_workbook(write(result, tmp_path / "rows.xlsx")).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:J{len(result.rows) + 1}"
    assert all(cell.font.b for cell in sheet[1])
    colours = [sheet.cell(row=n, column=2).fill.start_color.rgb[-6:] for n in range(2, len(result.rows) + 2)]
    assert colours == [STATUS_COLOURS[row_status(f.kind for f in row.flags)][-6:] for row in result.rows]
    assert len(set(colours)) > 1  # the disagreeing rows stand out from the others


@pytest.mark.slow
def test_sample_texts_end_to_end_with_the_default_encoder(tmp_path: Path):
    """The sample translations: the Russian leaves out 各国人民有权选择…, the English renders it."""
    texts = Path(__file__).resolve().parent.parent / "texts"
    zh, ru, en = ((texts / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru", "en"))
    result = align_three_texts(zh, ru, en)
    assert result.labels == ["ru", "en"]
    row = next(r for r in result.rows if any("各国人民有权选择" in result.source.sentences[i].norm for i in r.src))
    assert any(f.kind == DISAGREE and f.reason == "the Russian leaves out “各国人民有权选择适合本国…”; the English renders it" for f in row.flags)
    assert any(f.side == "ru" and f.kind == "omitted" for f in row.flags)
    added = [r for r in result.rows if not r.src]
    assert any("76-й сессии" in result.text("ru", r.tgt["ru"]) for r in added)
    assert any("Northern Sea Route" in result.text("en", r.tgt["en"]) for r in added)

    from click.testing import CliRunner

    from aligner.cli import main

    out = tmp_path / "rows.json"
    files = [str(texts / f"joint-statement.{lang}.txt") for lang in ("zh", "ru", "en")]
    done = CliRunner().invoke(main, ["align", *files, "-o", str(out), "-q"])
    assert done.exit_code == 0, done.output
    assert json.loads(out.read_text(encoding="utf-8"))["rows"] == to_dict(result)["rows"]


def test_the_three_column_json_record_is_checked_as_pairs_of_the_language_asked(tmp_path):
    from aligner.errors import InputError
    from aligner.memory import read_marked, read_pairs

    result = three_way()
    result.alignments["en"].beads[0].note = "check the date"
    path = tmp_path / "tw.json"
    path.write_bytes(render(result, "json"))
    for lang, sentences in (("ru", RU), ("en", EN)):
        pairs, found = read_pairs(path, lang)
        assert found == lang and len(pairs) == len(result.alignments[lang].beads)
        assert pairs[0][0] == ZH[0] and pairs[-1][1] == sentences[-1]
    assert read_marked(path, "en")[3][0] == (False, "check the date")
    with pytest.raises(InputError, match="holds both Russian and English; say which to check"):
        read_pairs(path)


def test_two_translations_in_one_language_get_columns_told_apart_on_the_page():
    from ui.threeway_view import table_html

    zh = document(ZH, "zh", "")
    alignments = {}
    for label in ("en1", "en2"):
        a = Alignment(zh, document(EN, "en", " "), [Bead(s, t, 0.9 if s and t else 0.2) for s, t in EN_BEADS])
        review(a)
        alignments[label] = a
    result = ThreeWay(zh, alignments, merge_rows(alignments))
    rows = result.plain_rows()
    html = table_html(result, rows, ["ok"] * len(rows), list(range(len(rows))))
    assert "<th>#</th><th>Chinese</th><th>English (en1)</th><th>English (en2)</th>" in html
    assert "— no English (en2) —" in html
    from aligner.threeway import side_names  # what a disagree reason calls each one

    assert side_names(alignments) == {"en1": "English (en1)", "en2": "English (en2)"}


def _reviewed_three_way() -> ThreeWay:
    """The rows above with a reviewer's work: row 2 (ru and en disagree) checked and noted, row 4
    (the English has nothing) noted only."""
    result = three_way()
    result.rows[1].reviewed, result.rows[1].note = True, "ru drops 国际社会; ask the translator"
    result.rows[3].note = "en: add the BRICS sentence"
    return result


def test_a_rows_check_mark_and_note_reach_every_three_column_export(tmp_path: Path):
    """A reviewer of three columns marks rows and writes notes; the file they send on must hold them,
    whichever format it is, and beside the right row (a one-sided row too)."""
    from docx import Document as WordDocument
    from openpyxl import load_workbook

    result = _reviewed_three_way()
    for fmt, dialect, encoding in (("tsv", "excel-tab", "utf-8"), ("csv", "excel", "utf-8-sig")):
        table = list(csv.reader(io.StringIO(render(result, fmt).decode(encoding)), dialect=dialect))
        assert table[0][-2:] == ["reviewed", "note"]
        assert table[2][-2:] == ["yes", "ru drops 国际社会; ask the translator"]
        assert table[4][-2:] == ["", "en: add the BRICS sentence"] and table[1][-2:] == ["", ""]
    sheet = load_workbook(write(result, tmp_path / "rows.xlsx")).active
    assert [c.value for c in sheet[1]][-2:] == ["reviewed", "note"]
    assert [c.value for c in sheet[3]][-2:] == ["yes", "ru drops 国际社会; ask the translator"]
    assert sheet.auto_filter.ref == f"A1:J{len(result.rows) + 1}"
    rows = json.loads(render(result, "json"))["rows"]
    assert (rows[1]["reviewed"], rows[1]["note"], rows[3]["note"]) == (True, "ru drops 国际社会; ask the translator",
                                                                       "en: add the BRICS sentence")
    html = render(result, "html").decode("utf-8")
    assert "✓ reviewed" in html and "note: en: add the BRICS sentence" in html
    word = WordDocument(write(result, tmp_path / "rows.docx")).tables[0]
    assert "✓ reviewed" in word.rows[2].cells[-1].text and "note: ru drops 国际社会" in word.rows[2].cells[-1].text
    assert "note: en: add the BRICS sentence" in word.rows[4].cells[-1].text
    text = listing(result, width=120)
    assert "✓ reviewed" in text and "note: en: add the BRICS sentence" in text
    units = ET.fromstring(render(result, "tmx")).findall("./body/tu")
    assert units[1].find("note").text == "ru drops 国际社会; ask the translator"


def test_a_three_column_tmx_marks_reviewed_units_as_the_two_column_one_and_reads_back(tmp_path: Path):
    """A reviewer's ✓ on a three-column row reaches its TMX unit as the two-column TMX carries it (the
    `x-aligner-reviewed` prop, with the note), and `aligner check` of that TMX, for either translation,
    gives the pair its ✓ and note back."""
    from aligner.export import render as render_pairs
    from aligner.export.tmx import REVIEWED_PROP
    from aligner.export.table import one_line
    from aligner.memory import read_marked

    result = _reviewed_three_way()
    units = ET.fromstring(render(result, "tmx")).findall("./body/tu")
    reviewed = [unit.get("tuid") for unit in units if unit.find(f"prop[@type='{REVIEWED_PROP}']") is not None]
    assert reviewed == ["2"] and units[1].find(f"prop[@type='{REVIEWED_PROP}']").text == "yes"
    pairs = result.alignments["ru"]
    pairs.beads[1].reviewed = True
    two_column = ET.fromstring(render_pairs(pairs, "tmx")).findall("./body/tu")[1]
    assert [p.get("type") for p in units[1].findall("prop")][:2] == [p.get("type") for p in two_column.findall("prop")][:2]
    path = tmp_path / "rows.tmx"
    path.write_bytes(render(result, "tmx"))
    for lang in ("ru", "en"):
        texts, _, _, marks = read_marked(path, target_lang=lang)
        assert marks[1] == (True, "ru drops 国际社会; ask the translator")
        assert texts[1] == (result.text("zh", result.rows[1].src), one_line(result.text(lang, result.rows[1].tgt[lang])))
        assert [reviewed for reviewed, _ in marks] == [False, True, False]


def test_a_three_column_record_opens_again_with_its_rows_checks_and_notes():
    """The JSON download is the three-column review saved: read back, it has the same rows, flags,
    scores, ✓ marks and notes, and both alignments share one Chinese document."""
    from aligner.errors import InputError
    from aligner.export.threeway import is_three_way_record, parse_json

    result = _reviewed_three_way()
    data = render(result, "json")
    assert is_three_way_record(data) and not is_three_way_record(b'{"format": "aligner-alignment"}')
    again = parse_json(data, "rows.json")
    assert again.labels == result.labels and again.source.text == result.source.text
    assert all(a.source is again.source for a in again.alignments.values())
    assert again.plain_rows() == result.plain_rows()
    assert to_dict(again) == to_dict(result)
    with pytest.raises(InputError, match="not an aligner three-column record"):
        parse_json(b'{"format": "aligner-alignment"}', "pairs.json")


def test_a_translation_that_stops_early_leaves_the_others_pairs_row_by_row():
    """The English stops after two sentences (one omitted passage to the end), the Russian goes on pair by
    pair: each Russian pair keeps a row of its own, flagged where the English has nothing, instead of the
    whole rest of the document in one row. A passage both leave out stays one row, with no disagreement."""
    result = stops_early()
    zh, alignments, rows = result.source, result.alignments, result.rows
    assert [(r.src, r.tgt["ru"], r.tgt["en"]) for r in rows] == [((i,), (i,), (i,) if i < 2 else ()) for i in range(6)]
    for row in rows[2:]:
        assert [(f.side, f.kind) for f in row.flags if f.side != "ru"] == [("en", "omitted"), ("", DISAGREE)]
        assert row.flags[-1].reason == "the English leaves this out; the Russian renders it"
        assert row.beads["en"] == [alignments["en"].beads[2]] and row.scores["en"] == 0.3  # the pair it is part of

    both = {lang: Alignment(zh, a.target, [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((2, 3, 4, 5), (), 0.3)])
            for lang, a in alignments.items()}
    assert [r.src for r in merge_rows(both)] == [(0,), (1,), (2, 3, 4, 5)]
    assert not any(f.kind == DISAGREE for r in merge_rows(both) for f in r.flags)


def test_the_chinese_sentence_one_translation_lacks_is_highlighted_in_a_longer_row():
    """Row 2 holds two Chinese sentences; the Russian lacks the second: that sentence is marked in the
    Chinese cell (page, HTML report, Word, XLSX), the other is not, so the reviewer sees which one."""
    from aligner.export.marked import three_way_cells

    result = three_way()
    row = result.rows[1]
    assert row.src == (1, 2)
    chinese = three_way_cells(result, row)[0]
    assert f"<mark>{ZH[2]}</mark>" in chinese and f"<mark>{ZH[1]}" not in chinese
    assert "<mark>" not in three_way_cells(result, result.rows[2])[0]  # a row the Russian lacks whole: nothing to point at
    assert f"<mark>{ZH[2]}</mark>" in render(result, "html").decode("utf-8")
    flag = next(f for f in json.loads(render(result, "json"))["rows"][1]["flags"] if f["kind"] == DISAGREE)
    assert [result.source.text[m["start"]:m["end"]] for m in flag["marks"]] == [ZH[2]]  # and in the record


def test_the_three_column_html_report_colours_each_row_by_its_status_on_screen_and_paper():
    """As the page, the Word document and the XLSX do, and as the two-column report prints: a row where one
    translation lacks a sentence is red (omitted), an addition orange; the header row repeats on paper."""
    import re

    from aligner.export.status import STATUS_COLOURS
    from aligner.export.threeway import row_status

    result = three_way()
    html = render(result, "html").decode("utf-8")
    classes = re.findall(r'<tr class="(\w+)">', html)
    assert classes == [row_status(f.kind for f in row.flags) for row in result.rows]
    assert {"omitted", "added"} <= set(classes)
    assert f"tr.omitted td {{ background: #{STATUS_COLOURS['omitted']}; }}" in html
    assert "print-color-adjust: exact" in html and "<thead><tr><th>#</th>" in html


def test_a_saved_three_column_review_checked_as_pairs_keeps_each_rows_check_mark_and_note(tmp_path: Path):
    """`aligner check review.json --target-lang ru` on a three-column review saved from the page: the
    rows' ✓ and notes are on that translation's pairs in those rows, as a two-column review's are."""
    from aligner.memory import check_pairs

    result = _reviewed_three_way()
    path = tmp_path / "review.json"
    path.write_bytes(render(result, "json"))
    for lang in ("ru", "en"):
        checked = check_pairs(path, target_lang=lang)
        marks = {(checked.source.span_text(b.src), checked.target.span_text(b.tgt)): (b.reviewed, b.note)
                 for b in checked.beads}
        aligned = result.alignments[lang]
        for row in (result.rows[1], result.rows[3]):
            for bead in row.beads.get(lang, []):
                texts = (aligned.source.span_text(bead.src), aligned.target.span_text(bead.tgt))
                assert marks[texts] == (row.reviewed, row.note), (lang, texts)
        assert sum(reviewed for reviewed, _ in marks.values()) == len(result.rows[1].beads.get(lang, []))


def test_a_weak_flag_reads_low_confidence_in_every_three_column_file_a_person_reads(tmp_path: Path):
    """The page calls `weak` "low confidence"; the three-column report, Word document, spreadsheet and
    listing said "weak". The kind in the JSON and in the TSV's flag column stays `weak` (for tools), and a
    Word document checked again does not take the renamed flag line for the reviewer's note."""
    from docx import Document as WordDocument
    from openpyxl import load_workbook

    from aligner.memory import check_pairs
    from aligner.types import WEAK, Flag

    result = three_way()
    pair = next(b for b in result.alignments["ru"].beads if b.src == (4,))
    pair.flags.append(Flag(WEAK, "low alignment confidence (0.41)"))
    result.rows = merge_rows(result.alignments)  # row 5: zh 4 with ru 5
    html = render(result, "html").decode("utf-8")
    assert "ru: low confidence — low alignment confidence (0.41)" in html and "weak —" not in html
    word = WordDocument(write(result, tmp_path / "rows.docx"))
    assert word.tables[0].rows[5].cells[-1].text.startswith("ru low confidence: low alignment confidence")
    sheet = load_workbook(write(result, tmp_path / "rows.xlsx")).active
    assert sheet.cell(row=6, column=7).value == "ru: low confidence; en: omitted; disagree"
    assert "  ! ru low confidence: low alignment" in listing(result, width=120)
    assert json.loads(render(result, "json"))["rows"][4]["flags"][0]["kind"] == WEAK
    tsv = list(csv.reader(io.StringIO(render(result, "tsv").decode("utf-8")), dialect="excel-tab"))
    assert tsv[5][tsv[0].index("flags")] == "ru:weak; en:omitted; disagree"
    checked = check_pairs(tmp_path / "rows.docx", target_lang="ru")
    assert not any(bead.note for bead in checked.beads), "a flag line is not a note"


def test_the_three_column_json_from_the_command_line_keeps_its_settings_and_reads_them_back(tmp_path: Path):
    """`aligner align zh ru en -o rows.json --glossary terms.tsv`: the two-column record keeps the model and
    the glossary; the three-column one kept neither, so the page opening it aligned again with the defaults
    and corrections made after reopening were not checked against the glossary."""
    from click.testing import CliRunner

    from aligner.cli import main
    from aligner.export.threeway import parse_json

    root = Path(__file__).resolve().parents[1] / "texts"
    terms = tmp_path / "terms.tsv"
    terms.write_text("zh\tru\ten\n主权\tсуверенитет\tsovereignty\n", encoding="utf-8")
    out = tmp_path / "rows.json"
    run = CliRunner().invoke(main, ["align", "-q", *(str(root / f"joint-statement.{lang}.txt") for lang in ("zh", "ru", "en")),
                                    "--glossary", str(terms), "-o", str(out)])
    assert run.exit_code == 0, run.output
    record = json.loads(out.read_bytes())
    glossary = [{"zh": "主权", "renderings": {"ru": ["суверенитет"], "en": ["sovereignty"]}}]
    assert record["settings"] == {"model": None, "presplit": False, "glossary": glossary}
    again = parse_json(out.read_bytes(), "rows.json")
    assert again.settings == {"model": None, "presplit": False}
    assert all([t.zh for t in a.glossary] == ["主权"] for a in again.alignments.values())
    assert json.loads(render(again, "json"))["settings"] == record["settings"]  # saved again, still there


# --- corrections in three columns -------------------------------------------------------------------


def _rows(result: ThreeWay) -> list[tuple]:
    return [(r.src, r.tgt["ru"], r.tgt["en"]) for r in result.rows]


def test_a_correction_to_one_translation_cuts_the_rows_again_and_flags_them_anew():
    """The Russian pair 2 ends with the sentence that renders the Chinese the Russian was said to leave out
    (zh 2–3): moved down into that passage, the rows are cut again, the Russian no longer "leaves out" those
    sentences (no `disagree` there), and the new pair is scored and flagged as the two-column page does."""
    from aligner.threeway_corrections import ThreeWayCorrections

    result = three_way()
    assert any(f.kind == DISAGREE and "Russian leaves out" in f.reason for f in result.rows[1].flags)
    edits = ThreeWayCorrections(result)
    pair = next(i for i, b in enumerate(result.alignments["ru"].beads) if b.src == (1,))
    assert edits.pairs_in_row(1, "ru") == [pair, pair + 1]  # row 2 holds the pair and the omitted passage
    edit = edits.correct("ru", lambda c: c.move(pair, "tgt", "down"))
    assert edit.description == f"moved translated sentence 4 from pair {pair + 1} to pair {pair + 2}"
    assert [(b.src, b.tgt) for b in result.alignments["ru"].beads][pair:pair + 2] == [((1,), (2,)), ((2, 3), (3,))]
    assert _rows(result)[:3] == [((0,), (0, 1), (0,)), ((1, 2, 3), (2, 3), (1, 2)), ((), (4,), ())]
    assert not any(f.kind == DISAGREE for f in result.rows[1].flags)
    new = result.alignments["ru"].beads[pair + 1]
    assert new.score == 0.0 and new.flags[0].kind == "weak"  # sentences the aligner left unmatched: reviewed anew
    assert {("ru", f.reason) for f in new.flags} <= {(f.side, f.reason) for f in result.rows[1].flags}
    assert edits.row_of("ru", pair + 1) == 1
    # every sentence of every document still in exactly one row, in order
    for key, text in (("src", result.source), *((label, a.target) for label, a in result.alignments.items())):
        held = [i for r in result.rows for i in (r.src if key == "src" else r.tgt[key])]
        assert held == list(range(len(text)))


def test_three_column_corrections_undo_and_redo_in_the_order_made_across_both_translations():
    from aligner.corrections import CorrectionError
    from aligner.threeway_corrections import ThreeWayCorrections

    result = three_way()
    original, plain = _rows(result), result.plain_rows()
    edits = ThreeWayCorrections(result)
    with pytest.raises(CorrectionError, match="last pair"):
        edits.correct("en", lambda c: c.merge_with_next(len(c.beads) - 1))
    assert not edits.history and _rows(result) == original  # refused: nothing changed
    edits.correct("ru", lambda c: c.merge_with_next(0))
    after_ru = _rows(result)
    edits.correct("en", lambda c: c.split(1, 1, 1))  # en pair 2 (zh 1+2 : en 1) → zh 1 : en 1 + zh 2 : —
    assert [(b.src, b.tgt) for b in result.alignments["en"].beads][1:3] == [((1,), (1,)), ((2,), ())]
    assert edits.undo().label == "en" and _rows(result) == after_ru
    assert edits.undo().label == "ru" and result.plain_rows() == plain
    assert edits.undo() is None
    assert edits.redo().label == "ru" and _rows(result) == after_ru
    edits.correct("en", lambda c: c.merge_with_next(0))  # a new step: the undone en split cannot be redone
    assert edits.redo() is None and not any(side.undone for side in edits.sides.values())


def test_a_rows_check_mark_and_note_survive_a_correction_elsewhere_and_come_back_with_undo():
    from aligner.threeway_corrections import ThreeWayCorrections

    result = _reviewed_three_way()  # row 2 checked and noted, row 4 noted
    result.rows[0].reviewed = True
    edits = ThreeWayCorrections(result)
    pair = next(i for i, b in enumerate(result.alignments["ru"].beads) if b.src == (1,))
    edits.correct("ru", lambda c: c.move(pair, "tgt", "down"))  # row 2 changes, row 1 and the addition do not
    assert result.rows[0].reviewed and result.rows[2].note == "en: add the BRICS sentence"
    assert (result.rows[1].reviewed, result.rows[1].note) == (False, "ru drops 国际社会; ask the translator")
    assert sum(bool(r.note) for r in result.rows) == 2  # the note moved with its sentences, not copied
    edits.undo()
    assert (result.rows[1].reviewed, result.rows[1].note) == (True, "ru drops 国际社会; ask the translator")
    assert [r.note for r in result.rows].count("ru drops 国际社会; ask the translator") == 1


def test_every_three_column_export_writes_the_corrected_alignment(tmp_path: Path):
    from openpyxl import load_workbook

    from aligner.export.threeway import parse_json
    from aligner.threeway_corrections import ThreeWayCorrections

    result = three_way()
    ThreeWayCorrections(result).correct("ru", lambda c: c.merge_with_next(0))  # ru pairs 1 and 2: zh 0–1
    record = json.loads(render(result, "json"))
    assert record["pairs"]["ru"][0]["src"] == [0, 1] and record["pairs"]["ru"][0]["tgt"] == [0, 1, 2, 3]
    assert [(r["src"], r["ru"], r["en"]) for r in record["rows"]][:1] == [([0, 1, 2], [0, 1, 2, 3], [0, 1])]
    assert _rows(parse_json(render(result, "json"))) == _rows(result)
    tsv = list(csv.reader(io.StringIO(render(result, "tsv").decode("utf-8")), dialect="excel-tab"))
    assert len(tsv) == len(result.rows) + 1 and tsv[1][2] == result.text("ru", (0, 1, 2, 3)).replace("\n", " ")
    sheet = load_workbook(write(result, tmp_path / "rows.xlsx")).active
    assert sheet.max_row == len(result.rows) + 1
    html = render(result, "html").decode("utf-8")
    assert html.count('<td class="num">') == len(result.rows)
    assert listing(result, width=120).count("\n#") == len(result.rows)
    units = ET.fromstring(render(result, "tmx")).findall("./body/tu")
    assert units[0].find("prop[@type='x-aligner-type']").text == "3-4-2"


def test_notes_joined_by_a_merge_are_not_doubled_when_it_is_undone():
    from aligner.threeway_corrections import ThreeWayCorrections

    result = three_way()
    result.rows[0].note, result.rows[1].note = "check the names", "the date?"
    edits = ThreeWayCorrections(result)
    edits.correct("ru", lambda c: c.merge_with_next(0))
    edits.correct("en", lambda c: c.merge_with_next(0))  # rows 1 and 2 now one row
    assert result.rows[0].note == "check the names\nthe date?"
    edits.undo()
    edits.undo()
    assert [r.note for r in result.rows][:3] == ["check the names", "the date?", ""]


def test_three_column_corrections_saved_with_the_review_undo_and_redo_when_it_is_opened_again():
    """A three-column review saved and opened again kept its corrected pairs but none of its corrections: Undo and
    Redo were grey, though the page had said "your corrections and their undo history" were at stake."""
    from aligner.export.threeway import parse_json
    from aligner.project import steps_to_list, three_way_corrections
    from aligner.threeway_corrections import ThreeWayCorrections

    result = _reviewed_three_way()  # row 2 checked and noted, row 4 noted
    original = result.plain_rows()
    edits = ThreeWayCorrections(result)
    pair = next(i for i, b in enumerate(result.alignments["ru"].beads) if b.src == (1,))
    edits.correct("ru", lambda c: c.move(pair, "tgt", "down"))  # row 2 changes: its ✓ goes
    edits.correct("en", lambda c: c.merge_with_next(0))
    edits.correct("ru", lambda c: c.merge_with_next(0))
    edits.undo()  # the last ru merge: Redo makes it again
    corrected = result.plain_rows()
    record = json.loads(render(result, "json"))
    record["history"], record["undone"] = steps_to_list(edits.history), steps_to_list(edits.undone)
    data = json.dumps(record, ensure_ascii=False)

    again = parse_json(data, "review.json")
    opened = three_way_corrections(again, record["history"], record["undone"], name="review.json")
    assert again.plain_rows() == corrected
    assert [(s.label, s.edit.description) for s in opened.history] == [(s.label, s.edit.description)
                                                                       for s in edits.history]
    assert opened.redo().edit.description == "merged pair 1 with pair 2"
    edits.redo()
    assert again.plain_rows() == result.plain_rows()  # as the page before saving makes it
    for _ in range(3):
        opened.undo()
    assert again.plain_rows() == original  # the ✓ of row 2 back with the undo of the move, the notes in place
    assert opened.undo() is None


def test_a_three_column_review_whose_corrections_do_not_fit_its_pairs_is_reported():
    from aligner.export.threeway import parse_json
    from aligner.project import ProjectError, steps_to_list, three_way_corrections
    from aligner.threeway_corrections import ThreeWayCorrections

    result = three_way()
    edits = ThreeWayCorrections(result)
    edits.correct("en", lambda c: c.merge_with_next(0))
    steps = steps_to_list(edits.history)
    assert three_way_corrections(parse_json(render(result, "json")), [], []).history == []  # a plain download
    steps[0]["label"] = "ru"  # the merge was in the English
    with pytest.raises(ProjectError, match="review.json is damaged"):
        three_way_corrections(parse_json(render(result, "json")), steps, [], name="review.json")


def stops_early() -> ThreeWay:
    """The English stops after two sentences: a passage of four Chinese sentences it leaves out, cut into the
    four rows of the Russian pairs beside it."""
    zh = document(ZH, "zh", "")
    shapes = {"ru": (RU[:2] + RU[5:7] + RU[:2], [((i,), (i,)) for i in range(6)]),
              "en": (EN[:2], [((0,), (0,)), ((1,), (1,)), ((2, 3, 4, 5), ())])}
    alignments = {}
    for lang, (sentences, beads) in shapes.items():
        a = Alignment(zh, document(sentences, lang, " "), [Bead(s, t, 0.9 if t else 0.3) for s, t in beads])
        review(a)
        alignments[lang] = a
    return ThreeWay(zh, alignments, merge_rows(alignments))


def test_a_passage_one_translation_leaves_out_gives_its_reason_once_and_its_kind_on_every_row():
    """Rows are cut on the Chinese, so a passage the English leaves out spans four rows, and each repeated "no
    counterpart in the English for 4 sentences" in full. The reason is given on the passage's first row, the rows
    after say they are the same passage; each row keeps the kind, so a filter on "omitted" shows all four."""
    result = stops_early()
    omitted = [[f.reason for f in row.flags if f.side == "en" and f.kind == "omitted"] for row in result.rows]
    assert omitted == [[], [], ["no counterpart in the English for 4 sentences (this row and the next 3)"],
                       ["… same passage, row 2 of 4"], ["… same passage, row 3 of 4"], ["… same passage, row 4 of 4"]]
    plain = result.plain_rows()  # the page's rows
    assert [any(f["kind"] == "omitted" for f in row["flags"]) for row in plain] == [False, False, True, True, True, True]
    assert [f["reason"] for f in plain[3]["flags"]] == ["… same passage, row 2 of 4",
                                                        "the English leaves this out; the Russian renders it"]
    # the downloads say it as the page does
    tsv = list(csv.reader(io.StringIO(render(result, "tsv").decode("utf-8")), dialect="excel-tab"))
    reasons = [line[tsv[0].index("reasons")] for line in tsv[1:]]
    assert "en: no counterpart in the English for 4 sentences (this row and the next 3); " in reasons[2]
    assert [r.count("no counterpart") for r in reasons] == [0, 0, 1, 0, 0, 0]
    assert "en: … same passage, row 3 of 4; " in reasons[4]
    text = listing(result, width=150)
    assert text.count("no counterpart in the English") == 1 and text.count("… same passage, row") == 3
    assert render(result, "html").decode("utf-8").count("no counterpart in the English") == 1
    record = json.loads(render(result, "json"))
    assert [f["reason"] for f in record["rows"][5]["flags"] if f["side"] == "en"] == ["… same passage, row 4 of 4"]
    from aligner.export.threeway import parse_json

    assert to_dict(parse_json(render(result, "json"))) == record  # read back, the same rows and reasons


def test_a_passage_cut_anew_by_a_correction_says_so_on_its_rows_as_they_are_now():
    """After a correction the rows are cut again, and the passage's rows say where they are in it as they are now."""
    from aligner.threeway_corrections import ThreeWayCorrections

    result = stops_early()
    ThreeWayCorrections(result).correct("ru", lambda c: c.merge_with_next(3))  # Russian pairs 4 and 5 in one row
    omitted = [[f.reason for f in row.flags if f.kind == "omitted"] for row in result.rows]
    assert omitted == [[], [], ["no counterpart in the English for 4 sentences (this row and the next 2)"],
                       ["… same passage, row 2 of 3"], ["… same passage, row 3 of 3"]]
