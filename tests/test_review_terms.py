"""Glossaries: a reviewer's terms read from spreadsheets and tables in any encoding, and `term` flags where a
pair's Chinese has a term and its translation none of the renderings, through corrections and project files."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from aligner import align_texts
from aligner.cli import main
from aligner.corrections import Corrections
from aligner.errors import InputError
from aligner.glossary import glossary_from_bytes, load_glossary
from aligner.project import load_project, save_project
from aligner.review.terms import rendering_found

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts"
GLOSSARY = ("zh\ten\tru\n"
            "多极化\tmultipolarity\tмногополярность\n"
            "联合国\tUnited Nations | UN\tООН | Организация Объединённых Наций\n"
            "主权\tsovereignty | sovereign\tсуверенитет\n"
            "冬奥会\tWinter Olympic Games\tзимних Олимпийских игр\n")


def term_flags(alignment) -> list[tuple[int, str, list[str]]]:
    return [(i, f.reason, [alignment.source.text[m.start:m.end] for m in f.marks])
            for i, b in enumerate(alignment.beads) for f in b.flags if f.kind == "term"]


def test_a_tab_separated_glossary_with_a_header_and_alternatives(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    terms = load_glossary(path)
    assert [t.zh for t in terms] == ["多极化", "联合国", "主权", "冬奥会"]
    assert terms[1].forms("en") == ("United Nations", "UN")
    assert terms[1].forms("ru") == ("ООН", "Организация Объединённых Наций")


def test_glossaries_from_excel_and_legacy_encodings_read_the_same(tmp_path):
    workbook = openpyxl.Workbook()
    for row in [["中文", "英文"], ["多极化", "multipolarity"], ["主权", "sovereignty; sovereign"], [None, "orphan"]]:
        workbook.active.append(row)
    workbook.save(tmp_path / "terms.xlsx")
    from_excel = load_glossary(tmp_path / "terms.xlsx")
    (tmp_path / "terms.csv").write_bytes("多极化,multipolarity\n主权,sovereignty|sovereign\n".encode("gb18030"))
    headless = load_glossary(tmp_path / "terms.csv")  # no header: the Chinese, then the rendering for any language
    assert [(t.zh, t.forms("en")) for t in from_excel] == [(t.zh, t.forms("en")) for t in headless] == [
        ("多极化", ("multipolarity",)), ("主权", ("sovereignty", "sovereign"))]
    assert headless[0].forms("ru") == ("multipolarity",) and from_excel[0].forms("ru") == ()


def test_a_glossary_kept_in_libreoffice_calc_reads_as_the_same_table_in_excel(tmp_path):
    """An .ods as Calc stores it: runs of equal cells and rows written once with a repeat count (the
    sheet's empty tail is one row repeated a million times; two empty cells in a row are one cell repeated
    twice and still two columns), spaces as text:s; it was refused as a ZIP."""
    import zipfile

    table, text = "urn:oasis:names:tc:opendocument:xmlns:table:1.0", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    def row(*cells: str | int, repeat: int = 1) -> str:  # a number: that many empty cells, stored once
        body = "".join(f"<table:table-cell><text:p>{cell}</text:p></table:table-cell>" if isinstance(cell, str) else
                       f'<table:table-cell table:number-columns-repeated="{cell}"/>' for cell in cells)
        return f'<table:table-row table:number-rows-repeated="{repeat}">{body}</table:table-row>'

    content = (f'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               f'xmlns:table="{table}" xmlns:text="{text}"><office:body><office:spreadsheet><table:table>'
               + row("中文", "拼音", "词性", "英文", 1020) + row("多极化", "duōjíhuà", "名词", "multipolarity", 1020)
               + row("主权", 2, "sovereignty|sovereign<text:s/>", 1020)  # no pinyin, no part of speech
               + row(1024, repeat=1048573) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(tmp_path / "terms.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    workbook = openpyxl.Workbook()
    for cells in [["中文", "拼音", "词性", "英文"], ["多极化", "duōjíhuà", "名词", "multipolarity"],
                  ["主权", None, None, "sovereignty|sovereign"]]:
        workbook.active.append(cells)
    workbook.save(tmp_path / "terms.xlsx")
    calc, excel = load_glossary(tmp_path / "terms.ods"), load_glossary(tmp_path / "terms.xlsx")
    assert [(t.zh, t.forms("en")) for t in calc] == [(t.zh, t.forms("en")) for t in excel] == [
        ("多极化", ("multipolarity",)), ("主权", ("sovereignty", "sovereign"))]


@pytest.mark.parametrize("header", ["Термин\tПеревод", "Term\tTranslation", "Chinese term\tRendering (EN)"])
def test_a_glossary_headed_in_its_own_words_reads_the_header_as_no_term(header):
    """A reviewer's list headed «Термин | Перевод» (names aligner does not know): a first row with no
    Chinese where the terms stand is a header, not the term «Термин» whose rendering is «Перевод»."""
    terms = glossary_from_bytes(f"{header}\n人民法院\tнародный суд\n多极化\tмногополярность\n".encode(), "terms.tsv")
    assert [(t.zh, t.forms("")) for t in terms] == [("人民法院", ("народный суд",)), ("多极化", ("многополярность",))]


@pytest.mark.parametrize("content, message", [(b"", "is empty"), (b"zh\ten\n\xe5\xa4\x9a\t\n", "no usable rows")])
def test_an_unusable_glossary_is_one_clear_error(content, message):
    with pytest.raises(InputError, match=f"terms.tsv (has |is ){message}".replace("(has |is )is", "is")):
        glossary_from_bytes(content, "terms.tsv")


@pytest.mark.parametrize("name, content, says", [
    ("terms.tsv", "multipolarity\t多极化\nsovereignty\t主权\nUnited Nations\t联合国\n",
     "its Chinese terms are in the second column"),  # a CAT tool's en→zh list, no header
    ("terms.tsv", "ru\tzh\nмногополярность\t多极化\n", None),  # headed: read by its column names, as before
    ("statement.ru.txt", (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8"),
     "has no Chinese term in its first column"),  # the translation given for the glossary by mistake
])
def test_a_glossary_whose_term_column_holds_no_chinese_is_refused_not_silently_useless(name, content, says):
    """Its "terms" could never be found in a Chinese text: the run flagged nothing and the reviewer took
    the translation's terminology for checked."""
    if says is None:
        assert [t.zh for t in glossary_from_bytes(content.encode(), name)] == ["多极化"]
        return
    with pytest.raises(InputError, match=f"^{name} ") as error:
        glossary_from_bytes(content.encode(), name)
    assert says in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("form, text, lang, found", [
    ("многополярность", "Стороны выступают за многополярность мира.", "ru", True),
    ("многополярность", "в условиях многополярности", "ru", True),
    ("Совет Безопасности", "члены Совета Безопасности ООН", "ru", True),
    ("суверенитет", "внутренние дела суверенных государств", "ru", False),
    ("democracy", "the Parties believe that democracies differ", "en", True),
    ("United Nations", "the United Nations' central role", "en", True),
    ("UN", "the UNESCO programme", "en", False),
    ("Winter Olympic Games", "the opening ceremony of the Olympic Winter Games", "en", True),
    ("democra*", "Democracy is a common value of humankind", "en", True),  # a stem, as CAT tools write one
    ("democra*", "a bureaucracy", "en", False),
    ("суверен*", "внутренние дела суверенных государств", "ru", True),
    ("democra", "Democracy is a common value of humankind", "en", False),  # without *, a word is a word
    # ё is mostly written е in Russian texts, and glossaries use either
    ("Организация Объединённых Наций", "Устав Организации Объединенных Наций", "ru", True),
    ("Объединенных Наций", "Устав Организации Объединённых Наций", "ru", True),
    ("всеобъемлющее партнёрство", "отношения всеобъемлющего партнерства", "ru", True),
    # short Russian words are inflected too
    ("Евразийский экономический союз", "с Евразийским экономическим союзом", "ru", True),
    ("путь", "выбирать пути развития", "ru", True),
    ("дело", "во внутренние дела государств", "ru", True),
    ("союз", "Стороны заключили договор", "ru", False),
    ("ООН", "в рамках ОДКБ", "ru", False),
    # a rendering's words close together, in any order; not scattered over the sentence
    ("Пояс и путь", "сопряжение строительства «Пояса и пути» и ЕАЭС", "ru", True),
    ("Пояс и путь", "сопряжение строительства «Одного пояса, одного пути» и Евразийского экономического союза", "ru", False),
    ("United Nations Security Council", "the Security Council of the United Nations", "en", True),
    ("United Nations", "the United States and other nations", "en", False),
    ("strategic partnership", "a partnership that is strategic", "en", True),
    ("strategic partnership", "a strategic choice that will shape their long partnership", "en", False),
    # a short word at a rendering's end is one of its words, not a joining word: these were never found
    ("народный суд", "вправе обратиться с иском в народный суд по месту нахождения Стороны А", "ru", True),
    ("народный суд", "вправе обратиться в арбитраж по месту нахождения Стороны А", "ru", False),
    ("trade war", "the trade war between the two countries", "en", True),
    ("income tax", "individual income tax rates", "en", True),
    ("rule of law", "advance the rule of law", "en", True),
    # a vowel that drops out as the word declines: станок → станков, рынок → рынке, перечень → перечня
    ("станок с ЧПУ", "Сторона Б поставляет Стороне А двенадцать станков с ЧПУ модели MD-850.", "ru", True),
    ("рынок", "на мировом рынке", "ru", True),
    ("перечень", "согласно перечню товаров", "ru", True),
    ("образец", "по образцу, согласованному Сторонами", "ru", True),
    ("рынок", "рыночные механизмы", "ru", False),
])
def test_renderings_are_found_in_their_inflected_forms(form, text, lang, found):
    assert rendering_found(form, text, lang) is found


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("glossary") / "terms.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(path)


@pytest.fixture(scope="module")
def russian(glossary):
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    return align_texts(zh, (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8"), glossary=glossary)


def test_the_sample_translations_use_the_glossary_except_where_they_do_not(russian, glossary):
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    english = align_texts(zh, (TEXTS / "joint-statement.en.txt").read_text(encoding="utf-8"), glossary=glossary)
    assert term_flags(english) == []
    # 主权国家 rendered "суверенных государств": the adjective, not the glossary's noun
    [(i, reason, marked)] = term_flags(russian)
    assert reason == "主权 → “суверенитет” not in the Russian" and marked == ["主权"]
    assert "суверенных" in russian.target.span_text(russian.beads[i].tgt)


def test_pairs_a_reviewer_corrects_and_reopened_projects_keep_the_glossary(russian):
    [(i, _, _)] = term_flags(russian)
    project = load_project(save_project(russian))
    assert project.alignment.glossary == russian.glossary
    corrections = Corrections(project.alignment)
    corrections.merge_with_next(i)
    assert [reason for k, reason, _ in term_flags(corrections.alignment) if k == i] == [
        "主权 → “суверенитет” not in the Russian"]


def test_the_command_line_takes_a_glossary(tmp_path):
    (tmp_path / "terms.tsv").write_text(GLOSSARY.replace("суверенитет", "суверенитет | суверенный"), encoding="utf-8")
    runner = CliRunner(env={"ALIGNER_CACHE_DIR": str(tmp_path / "cache"), "OMP_NUM_THREADS": "1"})
    out = tmp_path / "pairs.tsv"
    result = runner.invoke(main, ["align", str(TEXTS / "joint-statement.zh.txt"), str(TEXTS / "joint-statement.ru.txt"),
                                  "--glossary", str(tmp_path / "terms.tsv"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "term" not in out.read_text(encoding="utf-8")  # with the adjective allowed, every term is rendered
    result = runner.invoke(main, ["align", str(TEXTS / "joint-statement.zh.txt"), str(TEXTS / "joint-statement.ru.txt"),
                                  "--glossary", str(tmp_path / "missing.tsv"), "-q"])
    assert result.exit_code == 1 and "missing.tsv: no such file" in result.output


def test_batch_counts_term_flags_per_document(tmp_path):
    import csv
    import shutil

    for lang in ("zh", "ru"):
        shutil.copy(TEXTS / f"joint-statement.{lang}.txt", tmp_path / f"statement.{lang}.txt")
    (tmp_path / "terms.tsv").write_text(GLOSSARY, encoding="utf-8")
    runner = CliRunner(env={"ALIGNER_CACHE_DIR": str(tmp_path / "cache"), "OMP_NUM_THREADS": "1"})
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(tmp_path), "-o", str(out), "--glossary", str(tmp_path / "terms.tsv"), "-q"])
    assert result.exit_code == 0, result.output
    with (out / "summary.tsv").open(encoding="utf-8") as handle:
        [row] = [r for r in csv.DictReader(handle, dialect="excel-tab") if r["document"] == "statement"]
    assert row["term"] == "1"


SMALL_ZH = "2022年2月4日，两国元首在北京举行会谈。\n双方同意将贸易额提高到2000亿美元。\n"
SMALL_RU = ("4 февраля 2022 г. главы двух государств провели переговоры в Пекине.\n"
            "Стороны договорились увеличить товарооборот до 200 млрд долл. США.\n")


def test_a_glossary_with_no_column_for_the_translations_language_is_an_error_naming_its_columns(tmp_path):
    from click.testing import CliRunner

    from aligner.cli import main
    from aligner.glossary import coverage_gap

    (tmp_path / "small.zh.txt").write_text(SMALL_ZH, encoding="utf-8")
    (tmp_path / "small.ru.txt").write_text(SMALL_RU, encoding="utf-8")
    (tmp_path / "pairs.tsv").write_text("zh\tru\n" + "".join(
        f"{zh}\t{ru}\n" for zh, ru in zip(SMALL_ZH.splitlines(), SMALL_RU.splitlines())), encoding="utf-8")
    gloss = tmp_path / "gloss.tsv"
    gloss.write_text("zh\ten\n北京\tPeking\n", encoding="utf-8")
    runner = CliRunner(env={"OMP_NUM_THREADS": "1"})
    for args in (["align", "-q", str(tmp_path / "small.zh.txt"), str(tmp_path / "small.ru.txt")],
                 ["check", "-q", str(tmp_path / "pairs.tsv")]):
        result = runner.invoke(main, [*args, "--glossary", str(gloss)])
        assert result.exit_code == 1, result.output
        assert f"{gloss} has no column for Russian (its columns: zh, en)" in result.output
    terms = load_glossary(gloss)
    assert coverage_gap(terms, ("en",)) == "" and coverage_gap((), ("ru",)) == ""
    assert coverage_gap(load_glossary(tmp_path / "pairs.tsv"), ("en",)).startswith("The glossary has no column for English")
