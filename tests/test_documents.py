"""Word-processor documents other than .docx: RTF as LibreOffice saves it (\\uN escapes, tests/data/make_books.py)
and as WordPad and older Word write it (\\'hh bytes of the document's code page), OpenDocument text (.odt), and
Word 97–2003 documents (.doc) as LibreOffice saves them and as built byte by byte (tests/ole_files.py: Word's
one-byte pieces, fields, damage), read back as the sample's own sentences."""
from __future__ import annotations

import re
import struct
from pathlib import Path

import zipfile

import pytest

from aligner import reading
from aligner.errors import InputError
from aligner.pipeline import load_document
from aligner.reading import read_file
from ole_files import ole_file, word_document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def sentences(text: str, lang: str) -> list[str]:
    return [s.norm for s in load_document(text, lang).sentences]


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_an_rtf_saved_by_libreoffice_reads_back_as_the_text(lang):
    text = read_file(DATA / f"joint-statement.{lang}.rtf")
    sample = (ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
    assert sentences(text, lang) == sentences(sample, lang)
    assert "Times New Roman" not in text and "\\" not in text  # no font table, no control words


def _wordpad(paragraphs: list[str], code_page: int, charset: int) -> bytes:
    """An RTF as WordPad writes it: text outside ASCII as \\'hh bytes of the document's code page."""
    def escaped(text: str) -> str:
        return "".join(c if ord(c) < 128 else "".join(f"\\'{b:02x}" for b in c.encode(f"cp{code_page}")) for c in text)

    body = "\\par\n".join(escaped(p) for p in paragraphs)
    return (f"{{\\rtf1\\ansi\\ansicpg{code_page}\\deff0\\nouicompat{{\\fonttbl{{\\f0\\fnil\\fcharset{charset} Font;}}}}\n"
            f"{{\\*\\generator Riched20 10.0.19041}}\\viewkind4\\uc1\n\\pard\\sa200\\sl276\\slmult1\\f0\\fs22 "
            f"{body}\\par\n}}\n").encode("ascii")


@pytest.mark.parametrize("paragraphs, code_page, charset", [
    (["中俄联合声明", "两国元首在北京举行会谈。", "双方声明如下："], 936, 134),  # GBK: two bytes a character
    (["Совместное заявление", "Главы государств провели переговоры в Пекине."], 1251, 204),
])
def test_an_rtf_in_a_legacy_code_page_reads_back_as_written(tmp_path, paragraphs, code_page, charset):
    path = tmp_path / "statement.rtf"
    path.write_bytes(_wordpad(paragraphs, code_page, charset))
    assert read_file(path).split("\n\n") == paragraphs


def test_rtf_table_cells_are_paragraphs_and_list_numbers_are_left_out(tmp_path):
    path = tmp_path / "table.rtf"  # as LibreOffice writes a table and a numbered list
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 "
                     b"{\\listtext\\pard\\plain  1.\\tab}\\ls1 \\u31532?\\u19968?\\u39033?\\u12290?\\par "
                     b"\\trowd\\cellx1000\\cellx2000\\pard\\intbl 2020\\u24180?\\cell\\pard\\intbl "
                     b"\\u22823?\\u26725?\\u24314?\\u25104?\\u12290?\\cell\\row\\pard "
                     b"C:\\\\cell\\par}")
    assert read_file(path).split("\n\n") == ["第一项。", "2020年", "大桥建成。", "C:\\cell"]


def test_an_rtf_renamed_txt_is_still_read_as_rtf(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_bytes(_wordpad(["两国元首举行会谈。"], 936, 134))
    assert read_file(path) == "两国元首举行会谈。"


def test_an_rtf_that_breaks_its_code_page_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 \\'ff\\'ff\\par}")
    with pytest.raises(InputError, match=r"broken.rtf has characters that are not valid in its code page \(cp936\)"):
        read_file(path)


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_an_odt_saved_by_libreoffice_reads_back_as_the_text(lang):
    text = read_file(DATA / f"joint-statement.{lang}.odt")
    sample = (ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
    assert sentences(text, lang) == sentences(sample, lang)


def _odt(path: Path, body: str) -> Path:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    with zipfile.ZipFile(path, "w") as document:
        document.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        document.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
                                         f"<office:body><office:text>{body}</office:text></office:body>"
                                         "</office:document-content>")
    return path


def test_odt_paragraphs_come_in_reading_order_without_notes_or_comments(tmp_path):
    path = _odt(tmp_path / "statement.odt",
                '<text:h text:outline-level="1">中俄联合声明</text:h>'
                "<text:p>两国元首<text:span>在北京</text:span>举行会谈。<text:note text:note-class=\"footnote\">"
                "<text:note-citation>1</text:note-citation><text:note-body><text:p>脚注。</text:p></text:note-body>"
                "</text:note><office:annotation><text:p>审校意见</text:p></office:annotation></text:p>"
                "<text:list><text:list-item><text:p>第一，<text:s text:c=\"3\"/>和平；</text:p></text:list-item>"
                "</text:list><table:table><table:table-row><table:table-cell><text:p>Line one<text:line-break/>"
                "line two<text:tab/>end</text:p></table:table-cell></table:table-row></table:table>"
                "<text:p/>")
    assert read_file(path).split("\n\n") == ["中俄联合声明", "两国元首在北京举行会谈。", "第一，   和平；",
                                               "Line one\nline two\tend"]


def test_a_damaged_odt_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.odt"
    with zipfile.ZipFile(path, "w") as document:
        document.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        document.writestr("content.xml", "<office:document-content><unclosed>")
    with pytest.raises(InputError, match="broken.odt is damaged"):
        read_file(path)


# --- Word 97–2003 (.doc) ----------------------------------------------------------------


def sample_paragraphs(lang: str) -> list[str]:
    text = (ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.splitlines() if p.strip()]


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_a_doc_saved_by_libreoffice_reads_back_as_the_text(lang):
    text = read_file(DATA / f"joint-statement.{lang}.doc")
    assert text.split("\n\n") == sample_paragraphs(lang)


def test_a_doc_reads_its_main_text_as_shown_without_notes_comments_or_headers():
    """LibreOffice's .doc of an OpenDocument with a footnote, a hyperlink and a page-number field, a line break,
    a comment, a table, a page header and both kinds of hyphen (tests/data/make_books.py)."""
    assert read_file(DATA / "word97-features.doc").split("\n\n") == [
        "中俄联合声明", "两国元首在北京举行会谈。", "全文见新华网。", "第1页", "Первая строка\nвторая строка", "双方同意。",
        "甲", "乙", "丙", "丁", "Северо-Западный регион, перевод."]


def _doc(path: Path, pieces, **fib) -> Path:
    path.write_bytes(ole_file(word_document(pieces, **fib)))
    return path


def test_a_doc_with_one_byte_pieces_reads_as_word_stores_it(tmp_path):
    """Word stores text that fits Windows-1252 one byte a character; the sample in pieces of both kinds, the
    curly quotes of the one-byte pieces mapped back from 0x93/0x94, reads as the sample."""
    paragraphs = sample_paragraphs("en")
    text = "\r".join(paragraphs) + "\r"
    cuts = [0, 7, 540, 541, 4400, 9000, len(text)]
    pieces = [(text[a:b], i % 2 == 0) for i, (a, b) in enumerate(zip(cuts, cuts[1:]))]
    assert any("“" in t for t, compressed in pieces if compressed)
    assert read_file(_doc(tmp_path / "statement.doc", pieces, prc=True)).split("\n\n") == paragraphs
    latin = _doc(tmp_path / "dashes.doc", [("Caf\u00e9 \u2018a\u2019 \u2013 b \u2014 c\u2026 \u0160koda\r", True)])
    assert read_file(latin) == "Café ‘a’ – b — c… Škoda"


def test_doc_fields_show_their_result_and_control_characters_become_breaks(tmp_path):
    text = ("第\x13 PAGE \x141\x15页\x0c"  # page break
            "结果\x13 IF \x13 PAGE \x141\x15 = 1 \"是\" \"否\" \x14是\x15。\x0e"  # nested field, column break
            "目录\x13 TOC \\o \x15完\x0b行\x07"  # a field without a result; line break; cell end
            "图\x01\x08表\x02\x05\x1fend\xa0non\x1ebreaking\t tab\x15\r\r")  # a field end without a field
    assert read_file(_doc(tmp_path / "fields.doc", [(text, False)])).split("\n\n") == [
        "第1页", "结果是。", "目录完\n行", "图表end\xa0non-breaking\t tab"]


def test_a_doc_is_read_by_its_signature_whatever_its_name(tmp_path):
    path = _doc(tmp_path / "statement.txt", [("两国元首举行会谈。\r", False)])
    assert read_file(path) == "两国元首举行会谈。"


def test_a_file_named_doc_that_is_rtf_or_text_is_read_as_what_it_is(tmp_path):
    rtf = tmp_path / "statement.doc"  # Word's "Save as .doc" from other programs often writes RTF
    rtf.write_bytes(_wordpad(["两国元首举行会谈。"], 936, 134))
    assert read_file(rtf) == "两国元首举行会谈。"
    text = tmp_path / "notes.doc"
    text.write_text("双方声明如下：", encoding="gb18030")
    assert read_file(text) == "双方声明如下："


DAMAGED = r"is a damaged Word document \("


@pytest.mark.parametrize("fib, message", [
    ({"nfib": 0x0065}, "was saved by Word 6 or 95, whose format aligner does not read; open it in Word or LibreOffice "
                       "and save it as .docx"),
    ({"flags": 0x1300}, "is password-protected"),
    ({"table": "0Table"}, DAMAGED + r"its 1Table stream is missing\)"),
    ({"clx": b"\x05\x00\x00"}, DAMAGED + r"its table of text pieces is malformed\)"),
    ({"clx": b"\x02\x40\x00\x00\x00" + bytes(20)}, DAMAGED + r"its table of text pieces is cut short\)"),
    ({"clx": b"\x02\x10\x00\x00\x00" + struct.pack("<2iHIH", 0, 10, 0, 0x10000, 0)},
     DAMAGED + r"a piece of its text lies outside the file\)"),
    ({"clx": b"\x02\x10\x00\x00\x00" + struct.pack("<2iHIH", 9, 3, 0, 0x400, 0)},
     DAMAGED + r"its text pieces are out of order\)"),
    ({"ccp_text": 0}, "has no text; give a document with the text to align"),
])
def test_a_doc_that_cannot_be_read_is_one_clear_error(tmp_path, fib, message):
    path = _doc(tmp_path / "statement.doc", [("两国元首举行会谈。\r", False)], **fib)
    with pytest.raises(InputError, match=f"^{re.escape(str(path))} {message}") as error:
        read_file(path)
    assert "\n" not in str(error.value)
    if DAMAGED in message:
        assert str(error.value).endswith("open it in Word or LibreOffice and save it again.")


def test_a_password_protected_doc_is_refused_with_what_to_do():
    with pytest.raises(InputError, match="password-protected.doc is password-protected; open it in Word, remove the "
                                         "password and save it again"):
        read_file(DATA / "password-protected.doc")


@pytest.mark.parametrize("stream, what", [("Workbook", "an Excel workbook (.xls)"),
                                          ("PowerPoint Document", "a PowerPoint presentation (.ppt)")])
def test_another_office_file_named_doc_is_refused_with_what_it_is(tmp_path, stream, what):
    path = tmp_path / "statement.doc"
    path.write_bytes(ole_file({stream: b"\x09\x08" + bytes(100)}))
    with pytest.raises(InputError, match=f"statement.doc is {re.escape(what)}, not a Word document; save its text "
                                         "as .txt"):
        read_file(path)
    named_txt = tmp_path / "statement.txt"  # not a .doc by name nor by content: the text reader's refusal
    named_txt.write_bytes(path.read_bytes())
    with pytest.raises(InputError, match="statement.txt looks like an Excel or other Office 97–2003 file"):
        read_file(named_txt)


def test_a_doc_that_is_not_a_compound_file_inside_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(ole_file({"WordDocument": b""})[:512] + b"\xff" * 600)
    with pytest.raises(InputError, match="broken.doc is (not a readable|a damaged) Word document"):
        read_file(path)


def test_the_text_of_a_doc_is_held_to_the_text_limit(monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match=r"the text of .*joint-statement.zh.doc is .*; the limit is"):
        read_file(DATA / "joint-statement.zh.doc")


@pytest.mark.parametrize("offset, value", [(0x1E, 0x30), (0x20, 0xFFFF)])
def test_a_doc_whose_header_gives_impossible_sector_sizes_is_one_clear_error(tmp_path, offset, value):
    """Found by damaging the fixtures at random: olefile believed the sizes and asked for 2**48 bytes (MemoryError),
    or for a number too long to print (ValueError)."""
    path = _doc(tmp_path / "broken.doc", [("两国元首举行会谈。\r", False)])
    data = bytearray(path.read_bytes())
    struct.pack_into("<H", data, offset, value)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"broken.doc is a damaged Word document \(its header gives impossible sector "
                                         r"sizes\)"):
        read_file(path)
