"""RTF documents: the sample texts as LibreOffice saves them (\\uN escapes, tests/data/make_books.py) and as
WordPad and older Word write them (\\'hh bytes of the document's code page) read back as their own sentences."""
from __future__ import annotations

from pathlib import Path

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
