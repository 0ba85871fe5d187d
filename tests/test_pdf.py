"""PDF input: the sample texts printed to PDF by Chromium, ReportLab and LibreOffice (tests/data/make_pdfs.py)
read back as the sample's own sentences and align; a PDF without usable text is one clear error."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter

from aligner import reading
from aligner.cli import main
from aligner.errors import InputError
from aligner.normalise import match_form
from aligner.pipeline import load_document, load_file
from aligner.reading import read_file

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PDF = {lang: DATA / f"joint-statement-opening.{lang}.pdf" for lang in ("zh", "ru", "en")}
RUNNING_HEAD = {"zh": "中俄联合声明", "ru": "Совместное заявление", "en": "Joint Statement"}
sys.path.insert(0, str(DATA))
from make_pdfs import reportlab_pdf, sample_paragraphs  # noqa: E402


def sample_sentences(lang: str) -> list[str]:
    text = (ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
    return [s.norm for s in load_document(text, lang).sentences]


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_a_printed_pdf_reads_back_as_the_sentences_it_was_printed_from(lang):
    # titles over several centred lines, indented paragraphs, a running head, page numbers, paragraphs
    # running over a page break, and what the fonts put in a copy (⼈⺠ for 人民, ﬁ for fi, ‒ for –)
    text = read_file(PDF[lang])
    assert not re.search("[\u2e80-\u2fdf\ufb00-\ufb06\u2012]", text)  # the characters meant, not the fonts' codes
    paragraphs = text.split("\n\n")
    assert not any(p.strip() == RUNNING_HEAD[lang] or p.strip().startswith("- ") for p in paragraphs)
    assert all("\n" not in p for p in paragraphs)  # each paragraph's lines re-joined
    sentences = [s.norm for s in load_document(text, lang).sentences]
    sample = sample_sentences(lang)
    assert sentences == sample[:len(sentences)]
    assert len(sentences) >= 18


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_a_justified_pdf_in_a_standard_font_reads_back_as_the_whole_text(lang):
    # ReportLab: words spread across justified lines, paragraphs set apart by space, not indented, "Page N" /
    # "第 N 页" footers; the Chinese in STSong-Light, not embedded, encoded in Adobe's UCS-2 map, which has no
    # middle dot: 弗·弗·普京 read as 弗弗普京 until the reader took the map's UTF-16 successor
    text = read_file(DATA / f"joint-statement-justified.{lang}.pdf")
    assert "  " not in text and "Page" not in text and "第 1 页" not in text
    sentences = [s.norm for s in load_document(text, lang).sentences]
    assert sentences == sample_sentences(lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_sentence_paragraphs_set_apart_by_space_each_come_back_whole(lang):
    # most lines end a paragraph here, so the step between a paragraph's own lines is the rarer one
    text = read_file(DATA / f"joint-statement-sentences.{lang}.pdf")
    assert [match_form(p) for p in text.split("\n\n")] == sample_sentences(lang)


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_a_pdf_set_ragged_right_keeps_its_paragraphs(tmp_path, lang):
    # ReportLab's default left alignment: a line ends wherever the next word or character did not fit, and a
    # Chinese closing mark may hang past the margin. Those marks put the margin the reader takes a character
    # too far right, where full lines seemed to stop short: "两国元" / "首在北京…" and four more paragraphs broke
    path = tmp_path / f"ragged.{lang}.pdf"
    reportlab_pdf(sample_paragraphs(lang), lang, RUNNING_HEAD[lang], path, ragged=True)
    assert read_file(path).split("\n\n") == [p.strip() for p in sample_paragraphs(lang)]


@pytest.mark.parametrize("lang, first, count", [("zh", 3, 3), ("ru", 3, 3), ("en", 1, 3)])
def test_a_page_set_ragged_right_keeps_its_paragraphs_beside_a_head_set_right(tmp_path, lang, first, count):
    # one page, nothing between paragraphs but where their last lines stop: the head, set right past the
    # text's margin and not known for a running head on a page of its own, was taken for where lines end
    paragraphs = [p.strip() for p in sample_paragraphs(lang)[first:first + count]]
    path = tmp_path / f"page.{lang}.pdf"
    reportlab_pdf(paragraphs, lang, RUNNING_HEAD[lang], path, title=False, ragged=True, spaced=False)
    assert read_file(path).split("\n\n") == [RUNNING_HEAD[lang]] + paragraphs


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("ragged", [False, True])
def test_block_paragraphs_set_only_two_points_further_apart_than_their_lines_stay_apart(tmp_path, lang, ragged):
    # a leading of 16 points and 18 between paragraphs, nothing else between them: the gap was under the quarter
    # line height taken for one, and five Russian paragraphs whose last line was full ran into the next
    path = tmp_path / f"blocks.{lang}.pdf"
    reportlab_pdf(sample_paragraphs(lang), lang, RUNNING_HEAD[lang], path, ragged=ragged, space=2)
    assert read_file(path).split("\n\n") == [p.strip() for p in sample_paragraphs(lang)]


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_justified_paragraphs_with_no_space_between_end_where_a_sentence_ends_short_of_the_margin(tmp_path, lang):
    # justified, every line but a paragraph's last reaches the right margin: "…судить только его граждане." ended
    # 13 points short, too little for "Россия" to have fitted, and ran into the next paragraph
    path = tmp_path / f"justified.{lang}.pdf"
    reportlab_pdf(sample_paragraphs(lang), lang, RUNNING_HEAD[lang], path, spaced=False)
    assert read_file(path).split("\n\n") == [p.strip() for p in sample_paragraphs(lang)]


def test_a_word_document_saved_as_pdf_has_no_spaces_where_the_word_processor_left_room():
    # LibreOffice sets 于2022年 with room around the digits but no space: pdfminer would guess "于 2022 年"
    text = read_file(DATA / "joint-statement-word.zh.pdf")
    assert "于2022年2月4日访华" in text and "弗·弗·普京" in text and "中俄联合声明" not in text
    sentences = [s.norm for s in load_document(text, "zh").sentences]
    assert len(sentences) > 40 and sentences == sample_sentences("zh")[:len(sentences)]


def test_curly_quotes_a_word_processor_set_in_its_latin_font_stay_in_their_line():
    # LibreOffice draws a line's Chinese first and its “ ” (in DejaVu Serif) after: pdfminer made them lines
    # of their own, read as paragraphs "“" and "”" beside the line, or at the start of its second half
    text = read_file(DATA / "joint-statement-quotes.zh.pdf")
    assert "(以下简称“双方”), 声明如下" in text and "共建“一带一路”与欧亚经济联盟" in text
    assert not any(p.strip() in {"“", "”", "“ ”"} for p in text.split("\n\n"))
    sentences = [s.norm for s in load_document(text, "zh").sentences]
    assert len(sentences) > 40 and sentences == sample_sentences("zh")[:len(sentences)]


def test_a_page_in_two_columns_reads_the_left_one_then_the_right_one():
    # LibreOffice: two justified columns half an inch apart, level lines of the two joined by pdfminer; a
    # couple of lines spread so wide in the narrow columns that they look short are still read as a break
    text = read_file(DATA / "joint-statement-columns.ru.pdf")
    sample = (ROOT / "texts" / "joint-statement.ru.txt").read_text(encoding="utf-8").split("\n")
    paragraphs = text.split("\n\n")
    assert paragraphs[:3] == [p.strip() for p in sample if p.strip()][:3]
    assert sum(p.strip() in paragraphs for p in sample if p.strip()) >= 15
    assert len(paragraphs) <= 20


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_footnote_marks_and_the_notes_at_the_page_foot_are_left_out(lang):
    # pandoc's .docx saved as PDF by LibreOffice: raised marks after 开幕式。 / Games. and after a paragraph
    # running onto the next page, the notes (with a year in them) under a short rule at the first page's foot
    text = read_file(DATA / f"joint-statement-footnotes.{lang}.pdf")
    sample = (ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8").split("\n")
    assert text.split("\n\n") == [p.strip() for p in sample if p.strip()][:5]


def test_the_title_the_running_head_repeats_is_kept_on_the_first_page():
    text = read_file(PDF["ru"])
    assert text.startswith("Совместное заявление Российской Федерации и Китайской Народной Республики")
    assert text.count("Совместное заявление") == 1


def test_a_paragraph_broken_by_a_page_break_is_one_paragraph():
    text = read_file(PDF["ru"])
    assert "вступает в новую эпоху бурного развития и глубоких преобразований." in text  # pages 1 and 2


def test_pdfs_align_like_the_texts_they_were_printed_from():
    runner = CliRunner(env={"OMP_NUM_THREADS": "1"})
    result = runner.invoke(main, ["align", str(PDF["zh"]), str(PDF["en"]), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    zh, en = load_file(PDF["zh"]), load_file(PDF["en"])
    assert "Beijing" in result.output and "北京" in result.output
    from aligner import align_texts

    alignment = align_texts(read_file(PDF["zh"]), read_file(PDF["en"]))
    pairs = [b for b in alignment.beads if b.src and b.tgt]
    assert len(alignment.beads) >= 14 and len(pairs) == len(alignment.beads)  # nothing left unmatched
    title = alignment.beads[0]
    assert title.src == (0,) and title.tgt == (0,)
    assert len(zh.sentences) == 19 and len(en.sentences) == 18


def _pdf(write) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=420, height=595)
    write(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_without_a_text_layer_is_a_clear_error(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(lambda writer: None))
    with pytest.raises(InputError, match=r"scan\.pdf has no text layer .* run OCR"):
        read_file(path)


def test_a_password_protected_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(_pdf(lambda writer: writer.encrypt("secret", algorithm="RC4-128")))
    with pytest.raises(InputError, match=r"locked\.pdf is a password-protected PDF"):
        read_file(path)


def test_a_damaged_pdf_is_a_clear_error_and_one_renamed_to_txt_is_still_read(tmp_path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    with pytest.raises(InputError, match=r"cut\.pdf is not a readable PDF"):
        read_file(cut)
    renamed = tmp_path / "statement.txt"
    renamed.write_bytes(PDF["en"].read_bytes())
    assert read_file(renamed) == read_file(PDF["en"])


def test_a_pdf_whose_text_is_too_large_names_the_limit(monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match=r"the text of .*joint-statement-opening\.zh\.pdf is .* the limit is"):
        read_file(PDF["zh"])


def _table_page(path: Path, page_number: str | None) -> Path:
    """A page whose text ends in a table of figures, as a statistics annex does, and maybe a page number."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 770, "Trade between the two countries grew steadily in both years.")
    for y, row in ((740, ("Indicator", "2020", "2021")), (722, ("Export", "1500", "2000"))):
        for x, cell in zip((72, 204, 336), row):
            pdf.drawString(x, y, cell)
    if page_number:
        pdf.drawCentredString(297, 40, page_number)
    pdf.save()
    return path


@pytest.mark.parametrize("page_number", [None, "7"])
def test_figures_in_a_table_row_at_the_foot_of_the_text_are_not_taken_for_a_page_number(tmp_path, page_number):
    # LibreOffice's PDF of a document ending in a table lost "1500" and "2000": the lowest lines, bare numbers
    text = read_file(_table_page(tmp_path / "annex.pdf", page_number))
    assert re.findall(r"\d+", text) == ["2020", "2021", "1500", "2000"]


def _lines_page(path: Path, lines: list[str]) -> Path:
    """One paragraph set line by line as given, justified (the spaces widened), in a font with Cyrillic."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("DejaVuSerif", 11)
    width = max(pdfmetrics.stringWidth(line, "DejaVuSerif", 11) for line in lines) + 4
    for i, line in enumerate(lines):
        text = pdf.beginText(72, 770 - 14 * i)
        text.setFont("DejaVuSerif", 11)
        if i < len(lines) - 1:
            text.setWordSpace((width - pdfmetrics.stringWidth(line, "DejaVuSerif", 11)) / line.count(" "))
        text.textLine(line)
        pdf.drawText(text)
    pdf.save()
    return path


@pytest.mark.parametrize("lines, joined, kept", [
    (["Стороны придают большое значение развитию меж-", "дународного сотрудничества и поддерживают его",
      "нормы международного права, а также социально-", "экономического роста обеих стран."],
     "развитию международного сотрудничества", "социально-экономического роста"),
    (["Both sides attach value to inter-", "national cooperation, to the international",
      "order and the Russian-", "Chinese dialogue."],
     "value to international cooperation", "the Russian-Chinese dialogue"),
])
def test_a_word_broken_at_a_line_end_is_whole_again_and_a_real_hyphen_stays(tmp_path, lines, joined, kept):
    # "меж-дународного" missed the glossary's "международного"; the document itself says which hyphens
    # only break a word: the word whole occurs elsewhere in it
    text = read_file(_lines_page(tmp_path / "broken.pdf", lines))
    assert joined in text and kept in text


# --- ragged right, no space between paragraphs ------------------------------------------------------------------

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")


def _set_by_hand(path: Path, paragraphs: list[str], lang: str, width: float, first: str = "") -> Path:
    """Paragraphs set ragged right with no space between them, broken as a typesetter breaks them: Chinese after the
    last character that fits (a closing mark hangs past the margin rather than start a line), other text after the
    last word that fits; each paragraph's first line after `first` (two full-width spaces, as Chinese is typed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light" if lang == "zh" else "DejaVuSerif"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light") if lang == "zh" else
                            TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    fits = lambda text: pdfmetrics.stringWidth(text, font, 10.5) <= width  # noqa: E731
    lines = []
    for paragraph in paragraphs:
        line = first
        for piece in (re.findall(r"[A-Za-z0-9]+|.", paragraph) if lang == "zh" else paragraph.split(" ")):
            glue = "" if lang == "zh" or line in ("", first) else " "
            if fits(line + glue + piece) or lang == "zh" and piece in "，。、；：？！”）,.;:?!)":
                line += glue + piece
            else:
                lines.append(line)
                line = piece
        lines.append(line)
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(font, 10.5)
    for k, line in enumerate(lines):
        pdf.drawString(72, 770 - 16 * k, line)
    pdf.save()
    return path


def _sample_body(lang: str) -> list[str]:
    """The sample's paragraphs after its title, to the end of section I's opening (eleven in Chinese)."""
    return [p.strip() for p in sample_paragraphs(lang)][1:12]


def test_chinese_paragraphs_typed_after_two_full_width_spaces_are_told_by_that_indent(tmp_path):
    # ragged right, no space between paragraphs, each first line typed after "　　" as Chinese official documents
    # are: pdfminer's line box starts at the margin with the spaces, so no line looked indented, and paragraphs whose
    # last line was full ran into the next ("…共同事业。" + "双方认为…")
    path = _set_by_hand(tmp_path / "typed.zh.pdf", _sample_body("zh"), "zh", 250, first="\u3000\u3000")
    assert read_file(path).split("\n\n") == _sample_body("zh")


def test_a_chinese_line_with_room_for_exactly_the_next_character_ends_its_paragraph(tmp_path):
    # no indent, no space: Chinese breaks after the last character that fits, so a line one character short of the
    # others ends its paragraph; half a line height of slack was asked for beyond that, and such paragraphs ran on
    path = _set_by_hand(tmp_path / "short.zh.pdf", _sample_body("zh"), "zh", 355)
    assert read_file(path).split("\n\n") == _sample_body("zh")


def _mac_lines(lang: str, name: str, start: int, end: int) -> list[str]:
    """Lines start to end of a MAC dev chapter (blank lines left out): a paragraph each."""
    lines = [x.strip() for x in (MAC / lang / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines[start:end]


def test_a_chinese_paragraph_ending_in_a_closing_quote_with_room_for_the_next_character_ends(tmp_path):
    # "…笑道：“包住了头干么？”" left room for exactly "韦", yet ran into "韦小宝吃了一惊…": the curly quote is no
    # Chinese character, so the break was taken for one between words, wanting half a line height to spare
    paragraphs = _mac_lines("zh", "002.txt", 40, 52)
    path = _set_by_hand(tmp_path / "quote.zh.pdf", paragraphs, "zh", 10.5 * 32)
    assert read_file(path).split("\n\n") == paragraphs


def test_a_chinese_paragraph_starting_with_a_dash_is_told_by_the_room_left_for_the_dash(tmp_path):
    # "——我爷爷辈的好汉们…" starts with no Chinese character, so what had to fit on the line before was taken for its
    # first word up to a space: the whole line, which never fits; "…佼佼者" stopped half a line short and ran on
    paragraphs = _mac_lines("zh", "004.txt", 67, 75)
    path = _set_by_hand(tmp_path / "dash.zh.pdf", paragraphs, "zh", 10.5 * 39)
    assert read_file(path).split("\n\n") == paragraphs


@pytest.mark.parametrize("lang, printed", [
    ("en", lambda: (MAC / "en" / "003.txt").read_text(encoding="utf-8").splitlines()),
    ("zh", lambda: (MAC / "zh" / "005.txt").read_text(encoding="utf-8").splitlines()),
    ("ru", lambda: sample_sentences("ru")),
])
def test_a_ragged_text_of_one_sentence_paragraphs_with_no_space_between_keeps_them(tmp_path, lang, printed):
    # a novel's chapter (a paragraph a sentence, much of it dialogue) and the Russian sample a sentence a paragraph, set
    # ragged right with nothing between paragraphs: a paragraph whose last line happened to be full ran into the next
    # (30 of the English chapter's 386, 5 of the Chinese one's 231, 10 of 50 Russian). The document bears out that its
    # sentence ends at line ends are paragraph ends: inside lines, a sentence hardly ever ends
    paragraphs = [p.strip() for p in printed() if p.strip()]
    path = tmp_path / f"sentences.{lang}.pdf"
    reportlab_pdf(paragraphs, lang, RUNNING_HEAD[lang], path, title=False, ragged=True, spaced=False)
    assert [match_form(p) for p in read_file(path).split("\n\n")] == [match_form(p) for p in paragraphs]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_paragraphs_of_several_sentences_are_not_cut_where_a_sentence_ends_at_a_line_end(tmp_path, lang):
    # the sample's paragraphs run to several sentences, some ending at a line end inside a paragraph: as many as chance
    # gives, so a sentence's end there says nothing and no paragraph is cut at one
    printed = [p.strip() for p in sample_paragraphs(lang)]
    path = tmp_path / f"statement.{lang}.pdf"
    reportlab_pdf(printed, lang, RUNNING_HEAD[lang], path, ragged=True, spaced=False)
    read = read_file(path).split("\n\n")
    assert all(any(p.startswith(q) for q in printed) for p in read)
    assert len(read) >= len(printed) - 3


def _contents_page(path: Path, entries: list[tuple[str, int]]) -> Path:
    """A table of contents: each entry's title, leader dots to its page number, set flush right."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Helvetica", 11)
    for k, (title, page) in enumerate(entries):
        y = 770 - 16 * k
        pdf.drawString(72, y, title)
        start = 72 + pdfmetrics.stringWidth(title + " ", "Helvetica", 11)
        dots = int((500 - start) / pdfmetrics.stringWidth(" .", "Helvetica", 11))
        pdf.drawString(start, y, " ." * dots)
        pdf.drawRightString(523, y, str(page))
    pdf.save()
    return path


def test_a_table_of_contents_keeps_an_entry_a_paragraph(tmp_path):
    # every entry's line reaches the margin (its page number set flush right), so none stopped short and the table
    # read as one paragraph; leader dots and a page number end each, and nowhere else
    entries = [("Preface", 1), ("I. Democracy as a universal human value", 3), ("II. Development and cooperation", 9),
               ("III. Security in a changing world", 17), ("IV. The international system", 24), ("Annex", 31)]
    paragraphs = read_file(_contents_page(tmp_path / "contents.pdf", entries)).split("\n\n")
    assert [re.sub(r"[ .]*\d+$", "", p) for p in paragraphs] == [title for title, _ in entries]


@pytest.mark.parametrize("lang, poem", [
    ("zh", ["床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"]),
    ("en", ["The woods are lovely, dark and deep.", "But I have promises to keep,", "And miles to go before I sleep.",
            "And miles to go before I sleep."]),
])
def test_short_lines_of_a_poem_stay_lines(tmp_path, lang, poem):
    # each line stops well short of the margin (the text's widest line is a paragraph's, set around them)
    paragraphs = _sample_body(lang)[:2] + poem + _sample_body(lang)[2:3]
    path = _set_by_hand(tmp_path / f"poem.{lang}.pdf", paragraphs, lang, 300)
    assert read_file(path).split("\n\n") == paragraphs


@pytest.mark.parametrize("make", [
    lambda path: reportlab_pdf(sample_paragraphs("zh"), "zh", RUNNING_HEAD["zh"], path, ragged=True, spaced=False),
    lambda path: reportlab_pdf(sample_paragraphs("zh"), "zh", RUNNING_HEAD["zh"], path, ragged=True, spaced=False,
                               indent=21),
    lambda path: _set_by_hand(path, [p.strip() for p in sample_paragraphs("zh")], "zh", 250, first="\u3000\u3000"),
])
def test_the_seed_texts_paragraphs_cut_in_two_are_whole_again_when_read_from_a_pdf(tmp_path, make):
    # the Chinese sample keeps its source's damage: four paragraphs cut in two at a page break, two inside a word
    # (…为核 / 心的…); printed as they are, ragged with no space between paragraphs, read back and split into
    # sentences, each is whole again
    path = tmp_path / "seed.zh.pdf"
    make(path)
    assert [s.norm for s in load_document(read_file(path), "zh").sentences] == sample_sentences("zh")


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_the_seed_texts_printed_ragged_with_no_space_come_back_as_their_paragraphs_never_cut(tmp_path, lang):
    # texts/joint-statement.*.txt as printed, ragged right with nothing between paragraphs: the Chinese and the English
    # come back paragraph for paragraph (the Chinese with its source's damage as it is: the reader shows, the
    # normaliser repairs); of the Russian, a paragraph whose last line is full runs into the next (nothing on the page
    # or in its words tells), but none is cut where a sentence ends at a line end inside it
    printed = [p.strip() for p in sample_paragraphs(lang)]
    path = tmp_path / f"seed.{lang}.pdf"
    reportlab_pdf(printed, lang, RUNNING_HEAD[lang], path, ragged=True, spaced=False)
    read = read_file(path).split("\n\n")
    if lang != "ru":
        assert read == printed
    else:
        start = 0
        for paragraph in read:  # each read paragraph is whole printed ones, in order, joined by a space
            end = next((k for k in range(start + 1, len(printed) + 1) if " ".join(printed[start:k]) == paragraph), None)
            assert end is not None, paragraph[:80]
            start = end
        assert start == len(printed) and len(read) >= len(printed) - 3


# --- a notice printed line by line ---------------------------------------------------------------------------------

NOTICE = """关于调整公司年度休假安排的通知

各部门、全体员工：

根据国家有关规定并结合公司实际情况，经总经理办公会研究决定，现将2024年度休假安排调整如下。
自2024年7月1日起，全体正式员工的年休假天数由10天增加至12天。
在公司连续工作满五年的员工，每年可额外享受3天带薪假期。
员工申请休假，应至少提前5个工作日通过办公系统提交申请。
部门负责人应在收到申请后2个工作日内完成审批。
如有疑问，请联系人力资源部，联系电话为010-68451234。

北京华远机械制造有限公司
2024年6月15日"""


def _printed_line_by_line(path: Path, text: str) -> Path:
    """A text drawn a line of the page for each of its lines (a blank line left blank), in ReportLab's standard
    Chinese font, as a report generator prints a notice."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("STSong-Light", 10)
    for k, line in enumerate(text.splitlines()):
        pdf.drawString(40, 800 - 18 * k, line)
    pdf.save()
    return path


def test_a_notice_whose_lines_end_sentences_keeps_its_signature_and_date_apart(tmp_path):
    # every body line ends in 。, and lines ending in a mark were left out of where lines end (a closing mark may
    # hang past the margin): only the title, the signature and the date were left, the margin fell at the
    # signature's end, and the date ran on into it ("…有限公司2024年6月15日"): one sentence fewer than the .txt
    sentences = [s.text for s in load_document(read_file(_printed_line_by_line(tmp_path / "notice.zh.pdf", NOTICE)),
                                               "zh").sentences]
    assert sentences == [s.text for s in load_document(NOTICE, "zh").sentences]
    assert sentences[-2:] == ["北京华远机械制造有限公司", "2024年6月15日"]
