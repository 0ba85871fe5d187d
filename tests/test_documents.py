"""Word-processor documents other than .docx: RTF as LibreOffice saves it (\\uN escapes, tests/data/make_books.py)
and as WordPad and older Word write it (\\'hh bytes of the document's code page), and OpenDocument text (.odt),
read back as the sample's own sentences."""
from __future__ import annotations

from pathlib import Path

import zipfile

import pytest

from aligner.errors import InputError
from aligner.pipeline import load_document
from aligner.reading import read_file

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
