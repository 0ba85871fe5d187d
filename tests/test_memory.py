"""Pairs aligned elsewhere (TMX, TSV/CSV, XLSX, our JSON) checked by the review: each row one pair,
flagged as the aligner's own pairs would be; rows whose sides do not match come out `weak`."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import align_texts, export
from aligner.cli import main
from aligner.errors import InputError
from aligner.export.table import one_line
from aligner.memory import check_pairs, read_pair_rows, read_pairs

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts"


@pytest.fixture(scope="module")
def aligned():
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    en = (TEXTS / "joint-statement.en.txt").read_text(encoding="utf-8")
    return align_texts(zh, en)


def texts(alignment) -> list[tuple[str, str]]:
    return [(one_line(alignment.source.span_text(b.src)), one_line(alignment.target.span_text(b.tgt)))
            for b in alignment.beads]


def kinds(alignment) -> list[set[str]]:
    return [{f.kind for f in b.flags} for b in alignment.beads]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "xlsx", "json", "docx"])
def test_our_own_export_checks_out_with_the_same_flags_on_the_same_rows(aligned, tmp_path, fmt):
    # docx: the Word document a reviewer sends the translator comes back, corrected, to be checked again
    path = export.write(aligned, tmp_path / f"pairs.{fmt}")
    checked = check_pairs(path)
    assert texts(checked) == texts(aligned)
    assert {"number", "omitted", "added"} <= set().union(*kinds(aligned))  # the sample's planted problems
    for mine, theirs in zip(kinds(checked), kinds(aligned)):
        assert mine & {"number", "omitted", "added", "name"} == theirs & {"number", "omitted", "added", "name"}
    assert sum("weak" in k for k in kinds(checked)) == 0  # a faithful translation: no row looks unrelated


def test_the_word_document_corrected_by_the_translator_checks_clean_where_they_fixed_it(aligned, tmp_path):
    from docx import Document as WordDocument

    sent = export.write(aligned, tmp_path / "review.docx")
    document = WordDocument(str(sent))
    table = document.tables[-1]
    [row] = [r for r in table.rows[1:] if "number: 2030 ≠ 2035" in r.cells[3].text]
    english = row.cells[2]
    fixed = english.text.replace("2035", "2030")
    for paragraph in english.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    paragraph = english.paragraphs[0]
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = fixed  # the translator types the right year over the marked one
    document.save(tmp_path / "review-corrected.docx")

    before = check_pairs(sent)
    after = check_pairs(tmp_path / "review-corrected.docx")
    assert sum("number" in k for k in kinds(before)) == 1
    assert sum("number" in k for k in kinds(after)) == 0
    assert [k & {"omitted", "added"} for k in kinds(after)] == [k & {"omitted", "added"} for k in kinds(before)]


def test_rows_given_each_others_translations_come_out_weak(aligned, tmp_path):
    rows = [(zh, tgt) for zh, tgt in texts(aligned) if zh and tgt]
    swapped = [3, 17, 24, 38, 41, 9]
    for a, b in zip(swapped[::2], swapped[1::2]):
        rows[a], rows[b] = (rows[a][0], rows[b][1]), (rows[b][0], rows[a][1])
    path = tmp_path / "memory.csv"
    with path.open("w", encoding="gb18030", newline="") as handle:  # a legacy-encoded, headerless table
        csv.writer(handle).writerows(rows)
    checked = check_pairs(path)
    weak = [k for k, found in enumerate(kinds(checked)) if "weak" in found]
    assert weak == sorted(swapped)


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ZH-CN" segtype="sentence" creationtool="x" creationtoolversion="1"
 adminlang="en" datatype="plaintext" o-tmf="x"/><body>
<tu><tuv xml:lang="ZH-CN"><seg>两国元首在北京举行<ph x="1">&lt;b&gt;</ph>会谈。</seg></tuv>
    <tuv xml:lang="en-GB"><seg>The heads of state held <hi>talks</hi> in Beijing.</seg></tuv>
    <tuv xml:lang="ru-RU"><seg>Главы государств провели переговоры в Пекине.</seg></tuv></tu>
<tu><tuv xml:lang="zh-TW"><seg>雙方將於2030年前實現這一目標。</seg></tuv>
    <tuv xml:lang="en-GB"><seg>The two sides will reach this goal by 2035.</seg></tuv>
    <tuv xml:lang="ru-RU"><seg>Стороны достигнут этой цели к 2030 году.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>国际社会对此绝不接受。</seg></tuv>
    <tuv xml:lang="en-GB"><seg>Poverty reduction is a priority of cooperation.</seg></tuv>
    <tuv xml:lang="ru-RU"><seg>Международное сообщество с этим не согласится.</seg></tuv></tu>
</body></tmx>"""


def test_a_block_of_translations_slid_by_one_row_is_weak_and_says_so(aligned, tmp_path):
    """A line lost while pasting the English column: rows 11–21 hold the next row's translation.
    Their Chinese is on the same subject as that translation, so only the neighbour comparison
    tells; the flag names the row the translation belongs to."""
    rows = [(zh, tgt) for zh, tgt in texts(aligned) if zh and tgt]
    slid = range(10, 21)
    shifted = [(zh, rows[k + 1][1] if k in slid else tgt) for k, (zh, tgt) in enumerate(rows)]
    path = tmp_path / "memory.tsv"
    path.write_text("".join(f"{zh}\t{tgt}\n" for zh, tgt in shifted), encoding="utf-8")
    checked = check_pairs(path)
    weak = {k: f.reason for k, b in enumerate(checked.beads) for f in b.flags if f.kind == "weak"}
    found = [k for k in slid if k in weak]
    assert len(found) >= 9, weak
    neighbour = " ".join(shifted[found[0] + 1][0].split())[:12]  # quoted: a file's own row numbers differ
    assert f"matches the Chinese of row {found[0] + 2}, “{neighbour}…”, better" in weak[found[0]]
    assert not set(weak) - set(slid) - {21}, "right rows stay unflagged (row 22 repeats row 21's translation)"


def test_a_small_trilingual_memory_is_read_per_language_and_scored_by_the_encoder_prior(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    with pytest.raises(InputError, match="both Russian and English; say which to check"):
        read_pairs(path)
    pairs, lang = read_pairs(path, "en")
    assert lang == "en" and pairs[0] == ("两国元首在北京举行会谈。", "The heads of state held talks in Beijing.")
    english = check_pairs(path, target_lang="en")
    assert [sorted(k) for k in kinds(english)] == [[], ["number"], ["weak"]]  # 2030 ≠ 2035; an unrelated row
    russian = check_pairs(path, target_lang="ru")
    assert [sorted(k) for k in kinds(russian)] == [[], [], []]


def test_a_cat_tools_column_names_with_regions_are_understood(tmp_path):
    path = tmp_path / "review.tsv"
    path.write_text("Segment\tChinese (PRC)\tEnglish (United States)\n"
                    "1\t两国元首在北京举行会谈。\tThe heads of state held talks in Beijing.\n", encoding="utf-8")
    assert read_pairs(path) == ([("两国元首在北京举行会谈。", "The heads of state held talks in Beijing.")], "en")


@pytest.mark.parametrize("content, message", [
    ("", "is empty"),
    ("только одна колонка\nи ещё строка\n", "no two columns to pair"),
    ("zh\ten\n\tOnly English here.\n", "pairs.tsv has no Chinese text"),
    ("zh\ten\n你好\t\n\t\n", "pairs.tsv has no translation text"),
])
def test_tables_that_cannot_be_pairs_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "pairs.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        check_pairs(path)


def test_a_word_document_without_a_table_is_one_clear_error(tmp_path):
    from docx import Document as WordDocument

    document = WordDocument()
    document.add_paragraph("两国元首在北京举行会谈。")
    document.save(tmp_path / "prose.docx")
    with pytest.raises(InputError, match="prose.docx has no table of two or more columns"):
        read_pairs(tmp_path / "prose.docx")


def test_a_memory_too_large_to_read_whole_is_refused_before_reading(tmp_path, monkeypatch):
    import aligner.reading

    monkeypatch.setattr(aligner.reading, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "huge.tmx"
    path.write_text(TMX * 2, encoding="utf-8")
    with pytest.raises(InputError, match=r"huge.tmx is .*; the limit is 1,000 bytes"):
        read_pairs(path)


def test_broken_or_foreign_memories_are_one_clear_error(tmp_path):
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx><body><tu>", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable TMX file"):
        read_pairs(broken)
    french = tmp_path / "fr.tmx"
    french.write_text('<tmx><body><tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="fr"><seg>Bonjour.'
                      "</seg></tuv></tu></body></tmx>", encoding="utf-8")
    with pytest.raises(InputError, match=r"no Chinese segments \(languages: en, fr\)"):
        read_pairs(french)


def test_check_command_writes_the_report_and_keeps_what_is_asked(aligned, tmp_path):
    source = export.write(aligned, tmp_path / "pairs.tmx")
    runner = CliRunner()
    out = tmp_path / "problems.xlsx"
    result = runner.invoke(main, ["check", str(source), "-o", str(out), "--keep", "flagged,weak"])
    assert result.exit_code == 0, result.output
    import openpyxl

    rows = list(openpyxl.load_workbook(out)["Pairs"].iter_rows(min_row=2, values_only=True))
    assert [r[5] for r in rows] == ["number"]  # the TMX holds only two-sided rows: the number change is left
    assert "1 of 48 pairs (kept: flagged, weak)" in result.output and "1 of 48 pairs flagged" in result.output
    listing = runner.invoke(main, ["check", str(source)])
    assert listing.exit_code == 0 and "2030 ≠ 2035" in listing.output
    missing = runner.invoke(main, ["check", str(tmp_path / "nothing.tmx")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_check_given_an_html_report_says_which_files_it_reads(aligned, tmp_path):
    """A researcher reading a batch run back gives check every file it wrote; the HTML report is for
    reading, and 'no two columns to pair: give the Chinese in the first column' misled about aligner's own file."""
    report = export.write(aligned, tmp_path / "pairs.html")
    result = CliRunner().invoke(main, ["check", str(report), "-q"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pairs.html is a web page, which check does not read pairs from" in result.output
    assert ".tmx, .tsv, .csv, .xlsx" in result.output and "no two columns" not in result.output


@pytest.mark.parametrize("content, message", [
    # the header names the columns the wrong way round: say which column is wrong, once, and why
    ("id;zh;ru\n1;Мы подписали соглашение в 2023 г.;我们在2022年签署了协议。\n",
     "Column zh of .*pairs.csv is Russian, not Chinese, and column ru is Chinese: are the columns swapped?"),
    ("Мы подписали соглашение в 2023 г.,我们在2022年签署了协议。\n",
     "The first column of .*pairs.csv is Russian, not Chinese, and the second column is Chinese"),
    ("a,b,c\n1,2,3\n", r"No column of .*pairs.csv reads as Chinese \(the first column is English"),
    ("zh,en\n我们在2022年签署了协议。,我们签署了。\n", "Column en of .*pairs.csv is Chinese, like column zh"),
])
def test_a_table_in_the_wrong_languages_names_the_column_that_is_wrong(tmp_path, content, message):
    from aligner.errors import LanguageError

    path = tmp_path / "pairs.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LanguageError, match=message) as error:
        check_pairs(path)
    assert str(error.value).count("pairs.csv") == 1


@pytest.mark.parametrize("header", ["Source\tTarget", "src\ttgt", "Original\tTranslation", "原文\t译文",
                                    "Оригинал\tПеревод", "Источник\tПеревод", "ID\tSource (zh-CN)\tTarget (en-US)"])
def test_a_header_naming_the_columns_by_role_is_a_header_and_the_languages_come_from_the_content(tmp_path, header):
    # a CAT tool's export: the header row must not become pair #1
    path = tmp_path / "export.tsv"
    lead = "1\t" if header.startswith("ID") else ""
    path.write_text(f"{header}\n{lead}两国元首在北京举行会谈。\tThe heads of state held talks in Beijing.\n"
                    f"{lead}双方同意加强合作。\tThe two sides agreed to strengthen cooperation.\n", encoding="utf-8")
    pairs, lang = read_pairs(path)
    assert pairs[0] == ("两国元首在北京举行会谈。", "The heads of state held talks in Beijing.") and len(pairs) == 2
    checked = check_pairs(path)
    assert checked.target.lang == "en" and len(checked.beads) == 2


@pytest.mark.parametrize("header", ["Китайский\tРусский", "Русский язык\tКитайский язык", "中文\t俄文",
                                    "Китайский (упрощённый)\tРусский"])
def test_a_header_naming_the_languages_in_russian_is_a_header(tmp_path, header):
    # a Russian reviewer's table: "Китайский" was not a column name, so the header became pair #1
    # (and with the Russian column first, an error that the columns were swapped)
    path = tmp_path / "pairs.tsv"
    rows = [("两国元首在北京举行会谈。", "Главы государств провели переговоры в Пекине."),
            ("双方同意加强合作。", "Стороны договорились укреплять сотрудничество.")]
    ru_first = header.startswith("Русский")
    path.write_text(header + "\n" + "".join(f"{ru}\t{zh}\n" if ru_first else f"{zh}\t{ru}\n" for zh, ru in rows),
                    encoding="utf-8")
    pairs, lang = read_pairs(path)
    assert pairs == rows and lang == "ru"


def test_a_table_without_a_header_whose_rows_are_numbered_pairs_the_columns_after_the_number(tmp_path):
    # № / Chinese / Russian, as a reviewer numbers the rows of a spreadsheet: the number column was taken
    # for the Chinese ("the first column has no letters in Chinese, Cyrillic or Latin script")
    path = tmp_path / "pairs.tsv"
    rows = [("两国元首在北京举行会谈。", "Главы государств провели переговоры в Пекине."),
            ("双方同意加强合作。", "Стороны договорились укреплять сотрудничество.")]
    path.write_text("".join(f"{k}\t{zh}\t{ru}\n" for k, (zh, ru) in enumerate(rows, 1)), encoding="utf-8")
    pairs, _ = read_pairs(path)
    assert pairs == rows


def test_a_glossary_with_source_and_target_columns_has_no_header_term(tmp_path):
    from aligner.glossary import load_glossary

    path = tmp_path / "terms.tsv"
    path.write_text("Source\tTarget\n多极化\tmultipolarity\n", encoding="utf-8")
    assert [term.zh for term in load_glossary(path)] == ["多极化"]


def test_spreadsheet_cells_are_read_as_excel_displays_them(tmp_path):
    # 5% is stored as 0.05 with the format 0%, a date as a datetime: read as values they gave false number flags
    import datetime

    import openpyxl

    from aligner.formats.cells import cell_text

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["zh", "en"])
    cells = [("增长百分之五。", 0.05, "0%"), ("增长百分之五点五。", 0.055, "0.0%"), ("共1,234,568人。", 1234567.891, "#,##0"),
             ("价格为3.10元。", 3.1, "0.00"), ("截至2022年9月30日。", datetime.datetime(2022, 9, 30), "yyyy-mm-dd"),
             ("2022年9月30日", datetime.datetime(2022, 9, 30), 'd mmmm yyyy'), ("二〇二二年", 2022, "General")]
    for zh, value, number_format in cells:
        sheet.append([zh, value])
        sheet.cell(row=sheet.max_row, column=2).number_format = number_format
    book.save(tmp_path / "pairs.xlsx")
    pairs, lang = read_pairs(tmp_path / "pairs.xlsx")
    assert [en for _, en in pairs] == ["5%", "5.5%", "1,234,568", "3.10", "2022-09-30", "30 September 2022", "2022"]
    checked = check_pairs(tmp_path / "pairs.xlsx", target_lang="en")
    assert "number" not in {kind for row in kinds(checked)[:2] for kind in row}  # 百分之五 = 5%, not 0.05
    assert cell_text(datetime.datetime(2022, 9, 30, 14, 5), "dd.mm.yyyy hh:mm") == "30.09.2022 14:05"
    assert cell_text(datetime.datetime(2022, 9, 30), 'yyyy"年"m"月"d"日"') == "2022年9月30日"
    assert cell_text(0.125, "0.00") == "0.13" and cell_text(0.1 + 0.2, "General") == "0.3"
    assert cell_text(datetime.datetime(2022, 9, 30), "mm-dd-yy") == "2022-09-30"  # locale's short date: ISO


@pytest.mark.parametrize("fmt", ["tsv", "csv", "xlsx", "json", "docx", "tmx"])
def test_the_reviewers_notes_and_reviewed_marks_come_back_with_our_own_exports(aligned, tmp_path, fmt):
    import copy

    from aligner.memory import read_marked

    marked = copy.deepcopy(aligned)
    both = [k for k, b in enumerate(marked.beads) if b.src and b.tgt]  # a TMX holds only these
    marked.beads[both[2]].note = "«Пекин» — check the name"
    marked.beads[both[4]].reviewed = True
    path = export.write(marked, tmp_path / f"pairs.{fmt}")
    pairs, _, _, marks = read_marked(path)
    found = {one_line(pairs[k][0]): mark for k, mark in enumerate(marks) if mark != (False, "")}
    assert found == {one_line(marked.source.span_text(marked.beads[both[2]].src)): (False, "«Пекин» — check the name"),
                     one_line(marked.source.span_text(marked.beads[both[4]].src)): (True, "")}


def test_the_check_marks_reviewers_type_in_the_reviewed_column_count_as_reviewed(aligned, tmp_path):
    """Our XLSX sent out, the `reviewed` column filled in by hand: a Chinese input method gives √ for
    a tick, others type 是, да or ✔; only "yes", ✓, TRUE, 1 and x counted, the rest were silently not reviewed."""
    import openpyxl

    from aligner.memory import read_marked

    path = export.write(aligned, tmp_path / "pairs.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Pairs"]
    column = [cell.value for cell in sheet[1]].index("reviewed") + 1
    typed = {2: "√", 3: "是", 4: "да", 5: "✔", 6: "Y", 7: "no", 8: "否"}
    for row, value in typed.items():
        sheet.cell(row=row, column=column, value=value)
    workbook.save(path)
    _, _, _, marks = read_marked(path)
    assert [k + 2 for k, (reviewed, _) in enumerate(marks) if reviewed] == [2, 3, 4, 5, 6]


def test_the_word_export_sent_back_keeps_its_notes_and_marks_when_checked(aligned, tmp_path):
    import copy

    marked = copy.deepcopy(aligned)
    marked.beads[3].note, marked.beads[5].reviewed = "проверить по оригиналу", True
    checked = check_pairs(export.write(marked, tmp_path / "review.docx"))
    assert checked.beads[3].note == "проверить по оригиналу" and checked.beads[5].reviewed
    assert sum(b.reviewed for b in checked.beads) == 1 and sum(bool(b.note) for b in checked.beads) == 1


def test_a_reply_the_translator_types_in_the_word_exports_flags_column_comes_back_as_the_note(aligned, tmp_path):
    """The translator answers a flag in the flags column of the Word document sent to them; the
    flag lines themselves are made anew by the check, but the reply was dropped with them."""
    import copy

    from docx import Document as WordDocument

    from aligner.memory import read_marked

    marked = copy.deepcopy(aligned)
    flagged = next(k for k, b in enumerate(marked.beads) if any(f.kind == "number" for f in b.flags))
    marked.beads[flagged].reviewed = True
    sent = export.write(marked, tmp_path / "review.docx")
    document = WordDocument(str(sent))
    rows = document.tables[-1].rows[1:]
    rows[flagged].cells[-1].add_paragraph("Исправлено: 2030, как в оригинале")
    rows[0].cells[-1].paragraphs[0].add_run("Agree, keep it")
    document.save(tmp_path / "review-answered.docx")

    _, _, _, marks = read_marked(tmp_path / "review-answered.docx")
    assert marks[flagged] == (True, "Исправлено: 2030, как в оригинале")  # the flag's own line is not the note
    assert marks[0] == (False, "Agree, keep it")
    assert sum(mark != (False, "") for mark in marks) == 2


def test_a_libreoffice_spreadsheet_of_pairs_is_checked_like_the_workbook_it_was_saved_from(aligned, tmp_path):
    """tests/data/joint-statement-pairs.ods: our XLSX export of the sample (a note on pair 4, pair 6
    reviewed, a cell comment on pair 2's English) opened and saved as .ods by LibreOffice Calc. It
    was refused as "a ZIP archive; unpack it"."""
    from aligner.memory import read_marked

    ods = ROOT / "tests" / "data" / "joint-statement-pairs.ods"
    pairs, lang, sides, marks = read_marked(ods)
    assert lang == "en" and sides == ("column zh", "column en")
    assert pairs == texts(aligned)  # the comment on a cell is not its text; the sheet's empty tail is no rows
    assert [k for k, mark in enumerate(marks) if mark != (False, "")] == [3, 5]
    assert marks[3] == (False, "check the date against the Chinese") and marks[5] == (True, "")
    assert read_pair_rows(ods).numbers == list(range(1, len(pairs) + 1))  # the index column, as Calc shows it
    checked = check_pairs(ods)
    assert [k & {"number", "omitted", "added"} for k in kinds(checked)] == \
        [k & {"number", "omitted", "added"} for k in kinds(aligned)]


def test_the_word_export_saved_again_in_libreoffice_writer_is_checked_like_the_docx(aligned, tmp_path):
    """tests/data/joint-statement-review.odt: our Word export of the sample (a note on pair 4, pair 6
    reviewed) opened and saved as .odt in LibreOffice Writer, as a translator without Word sends it
    back. Its table was read as paragraphs: "no two columns to pair"."""
    from aligner.memory import read_marked

    odt = ROOT / "tests" / "data" / "joint-statement-review.odt"
    pairs, lang, _, marks = read_marked(odt)
    assert lang == "en" and pairs == texts(aligned)  # the empty side (—) of an omitted or added pair is empty
    assert read_pair_rows(odt).numbers == list(range(1, len(pairs) + 1))  # "#" over each pair's type ("4\n1-0")
    assert [k for k, mark in enumerate(marks) if mark != (False, "")] == [3, 5]
    assert marks[3] == (False, "check the date against the Chinese") and marks[5] == (True, "")
    assert [k & {"number", "omitted", "added"} for k in kinds(check_pairs(odt))] == \
        [k & {"number", "omitted", "added"} for k in kinds(aligned)]


def test_an_old_excel_workbook_is_refused_with_what_to_save_it_as(tmp_path):
    """A .xls of pairs (Excel 97–2003, as many offices and WPS still save) was told "save its text as
    .txt, or a document as .docx", advice for a document, not a table."""
    from ole_files import ole_file

    (tmp_path / "pairs.xls").write_bytes(ole_file({"Workbook": b"\x09\x08" + bytes(100)}))
    with pytest.raises(InputError, match=r"pairs\.xls is an Excel 97–2003.*save it as \.xlsx.*or as \.csv"):
        read_pairs(tmp_path / "pairs.xls")


MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")


def _gold_pairs(doc: str) -> list[tuple[str, str]]:
    """The Chinese and English of each gold bead with both sides, of a MAC chapter."""
    from aligner.evaluate import read_align

    zh = (MAC / "zh" / f"{doc}.txt").read_text(encoding="utf-8").split("\n")
    en = (MAC / "en" / f"{doc}.txt").read_text(encoding="utf-8").split("\n")
    return [("".join(zh[i] for i in s), " ".join(en[j] for j in t)) for s, t in read_align(MAC / "gold" / f"{doc}.align")
            if s and t]


def test_a_plain_tsv_whose_cells_open_with_a_quotation_mark_keeps_one_pair_a_line(tmp_path):
    """A parallel corpus or CAT tool's TSV written plainly (no csv quoting), its English dialogue
    in double quotes: "Hello," he said. is no csv quote; read as one it swallowed the next lines
    (246 pairs of a MAC chapter came back as 228)."""
    pairs = [(zh, '"' + en[1:].replace("'", '"', 1) if en.startswith("'") else en) for zh, en in _gold_pairs("003")]
    assert sum(en.startswith('"') for _, en in pairs) > 30
    path = tmp_path / "memory.tsv"
    path.write_text("zh\ten\n" + "".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
    assert read_pairs(path)[0] == pairs
    # a TSV quoted the csv way (aligner's own, Excel's) is still read the csv way
    quoted = tmp_path / "quoted.tsv"
    with quoted.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, dialect="excel-tab").writerows([("zh", "en"), *pairs])
    assert '""' in quoted.read_text(encoding="utf-8") and read_pairs(quoted)[0] == pairs


def test_the_memory_check_benchmark_answers_help_instead_of_running():
    """`--help` on the benchmark script ran the whole benchmark (minutes) and printed no usage."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "memory_check.py"), "--help"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("usage: memory_check.py")
    assert "rows; clean memory" not in done.stdout


@pytest.mark.parametrize("heading", ["Comment", "备注", "Комментарий"])
def test_a_translators_comment_column_comes_back_as_the_pairs_note(tmp_path, heading):
    from aligner.memory import read_marked

    path = tmp_path / "memory.tsv"
    path.write_text(f"中文\tРусский\t{heading}\n"
                    "中俄两国元首举行会谈。\tГлавы двух государств провели переговоры.\t\n"
                    "双方签署了联合声明。\tСтороны подписали совместное заявление.\tуточнить термин\n",
                    encoding="utf-8")
    pairs, _, _, marks = read_marked(path)
    assert [zh for zh, _ in pairs] == ["中俄两国元首举行会谈。", "双方签署了联合声明。"]
    assert [ru for _, ru in pairs][1] == "Стороны подписали совместное заявление."  # the comment is no translation
    assert marks == [(False, ""), (False, "уточнить термин")]


def _corpus_tsv(aligned, path: Path) -> Path:
    """The sample pairs twice as a merged corpus file (`batch --merge`), documents ch1 and ch2, where
    ch2's translation dates the visit a year early."""
    from aligner.export.merged import render_merged

    text = render_merged([("ch1", aligned), ("ch2", aligned)], "tsv").decode("utf-8")
    head, ch1, ch2 = text.partition("\nch2\t")
    assert ch1 and "4 February 2022" in ch2
    path.write_text(head + ch1 + ch2.replace("4 February 2022", "4 February 2021", 1), encoding="utf-8")
    return path


def _documents_of(path: Path) -> list[str]:
    from aligner.memory import read_pair_rows

    return read_pair_rows(path).documents


def test_a_merged_corpus_is_checked_document_by_document_and_written_back_under_its_documents(aligned, tmp_path):
    """A researcher checks a corpus file that `batch --merge` wrote (and translators edited): each row
    comes back under its document, and what is wrong in one document is flagged there only."""
    corpus = _corpus_tsv(aligned, tmp_path / "corpus.zh-en.tsv")
    out = tmp_path / "checked.tsv"
    result = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "in 2 documents" in result.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert [row["document"] for row in rows] == _documents_of(corpus) == ["ch1"] * len(aligned.beads) + ["ch2"] * len(aligned.beads)
    dated = [(row["document"], row["reasons"]) for row in rows if "2021" in row["reasons"]]
    assert dated == [("ch2", dated[0][1])] and "2022 ≠ 2021" in dated[0][1]


@pytest.mark.parametrize("fmt", ["tmx", "xlsx", "csv"])
def test_a_checked_corpus_keeps_its_documents_in_every_corpus_format(aligned, tmp_path, fmt):
    corpus = _corpus_tsv(aligned, tmp_path / "corpus.zh-en.tsv")
    out = tmp_path / f"checked.{fmt}"
    result = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = sum(1 for b in aligned.beads if fmt != "tmx" or (b.src and b.tgt))  # a TMX holds two-sided pairs only
    assert _documents_of(out) == ["ch1"] * rows + ["ch2"] * rows
    listing = CliRunner().invoke(main, ["check", str(out), "-q"])
    assert listing.exit_code == 0 and "== ch1 ==" in listing.output and "== ch2 ==" in listing.output


def test_a_corpus_asked_for_in_a_format_without_documents_is_refused_before_the_encoder_runs(aligned, tmp_path,
                                                                                             monkeypatch):
    import aligner.embed

    corpus = _corpus_tsv(aligned, tmp_path / "corpus.zh-en.tsv")
    monkeypatch.setattr(aligner.embed, "get_encoder", lambda *a, **k: pytest.fail("the encoder was loaded"))
    out = tmp_path / "checked.json"
    result = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 1 and not out.exists()
    assert "holds 2 documents" in result.output and ".tsv / .csv / .tmx / .xlsx" in result.output


def test_adjacent_one_sided_rows_of_a_numbered_file_keep_the_numbers_of_the_rows_after(aligned, tmp_path):
    """Two rows of a download of some pairs with no translation (pairs 4 and 5) are one omitted passage, under
    the first's number; the pairs after it keep theirs (they were shifted by one: pair 9 was shown as 5)."""
    pairs = [p for p in texts(aligned) if p[0] and p[1]][:4]
    rows = [(3, *pairs[0]), (4, pairs[1][0], ""), (5, pairs[2][0], ""), (9, *pairs[3])]
    path = tmp_path / "some.tsv"
    path.write_text("index\tzh\ten\n" + "".join(f"{n}\t{zh}\t{en}\n" for n, zh, en in rows), encoding="utf-8")
    checked = check_pairs(path)
    assert [(b.src, b.tgt) for b in checked.beads] == [((0,), (0,)), ((1, 2), ()), ((3,), (1,))]
    assert checked.numbers == (3, 4, 9)
    assert "omitted" in kinds(checked)[1]
