"""Unreadable documents: every error is one line that names the file, says what is wrong with it in a user's words
(empty, cut short, damaged, not the kind its name says, too large unpacked) and what to do; no library's own words.

The documents are the real sample texts (tests/data) cut short, emptied, or replaced under their names."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from aligner.errors import InputError
from aligner.formats import archive
from aligner.reading import read_file

DATA = Path(__file__).resolve().parent / "data"
TEXTS = Path(__file__).resolve().parents[1] / "texts"
# what pdfminer, python-docx, lxml, olefile and striprtf say, which meant nothing to a user
LIBRARY_WORDS = re.compile(r"PDFSyntaxError|PSEOF|/Root|Package not found|line \d+, column|XML_PARSE|index out of "
                           r"range|Error\b|Exception|[A-Z][a-z]+[A-Z]\w+:")


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, bytes]:
    """A whole document of each kind, its text the Russian sample's opening."""
    folder = tmp_path_factory.mktemp("whole")
    word = docx.Document()
    for paragraph in (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8").split("\n\n")[:6]:
        word.add_paragraph(paragraph.strip())
    word.save(folder / "statement.docx")
    found = {".docx": (folder / "statement.docx").read_bytes()}
    for suffix, name in ((".pdf", "joint-statement-justified.ru.pdf"), (".epub", "joint-statement.ru.epub"),
                         (".odt", "joint-statement.ru.odt"), (".rtf", "joint-statement.ru.rtf"),
                         (".doc", "joint-statement.ru.doc")):
        found[suffix] = (DATA / name).read_bytes()
    return found


def _error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_file(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message, message
    assert not LIBRARY_WORDS.search(message), message
    return message


SUFFIXES = [".pdf", ".docx", ".epub", ".odt", ".rtf", ".doc"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_document_cut_short_says_so(documents, tmp_path, suffix):
    # an interrupted download: "not a readable PDF (PSEOF: Unexpected EOF)", "(Package not found at …)",
    # "has no text" for an RTF whose second half was gone
    path = tmp_path / f"statement{suffix}"
    path.write_bytes(documents[suffix][: len(documents[suffix]) // 2])
    message = _error(path)
    assert re.search("cut short", message), message


@pytest.mark.parametrize("suffix", [*SUFFIXES, ".html", ".srt", ".txt"])
def test_an_empty_file_of_any_kind_is_said_to_be_empty(tmp_path, suffix):
    # an empty .pdf was "not a readable PDF (PDFSyntaxError: No /Root object! - Is this really a PDF?)"
    path = tmp_path / f"statement{suffix}"
    path.write_bytes(b"")
    assert "is empty (0 bytes); give a file with the text" in _error(path)


@pytest.mark.parametrize("suffix, kind", [(".pdf", "PDF"), (".docx", ".docx document"), (".epub", "e-book"),
                                          (".odt", "OpenDocument text"), (".rtf", "RTF document")])
def test_a_text_file_given_a_document_s_name_is_said_to_be_text(tmp_path, suffix, kind):
    # saved as .txt and renamed: "not a readable PDF (PDFSyntaxError: No /Root object!…)", "(Package not found at
    # …)", and an .rtf's bytes read as Latin-1, "Ð\x9fÑ\x80Ð¾…"
    text = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8").split("\n\n")[0].strip()
    path = tmp_path / f"statement{suffix}"
    path.write_bytes(text.encode("cp1251"))
    message = _error(path)
    assert f"is not a readable {kind}: it holds plain text (a text file renamed?)" in message
    assert "rename it .txt" in message


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".epub"])
def test_a_web_page_saved_under_a_document_s_name_is_said_to_be_one(tmp_path, suffix):
    # a download that got the server's error or sign-in page: "not a readable PDF (PDFSyntaxError: …)"
    path = tmp_path / f"statement{suffix}"
    path.write_bytes(b"<!DOCTYPE html><html><head><title>404</title></head><body><h1>Not Found</h1>"
                     b"<p>The requested URL was not found on this server.</p></body></html>")
    assert "but a web page saved under its name (a download that got an error or sign-in page?)" in _error(path)


def test_a_text_file_named_doc_is_read_as_the_text_it_is(tmp_path):
    text = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8").split("\n\n")[0].strip()
    path = tmp_path / "statement.doc"
    path.write_bytes(text.encode("cp1251"))
    assert read_file(path) == text


@pytest.mark.parametrize("suffix, kind", [(".pdf", "a PDF"), (".docx", "a .docx document"), (".epub", "an e-book"),
                                          (".odt", "an OpenDocument text"), (".rtf", "an RTF document"),
                                          (".doc", "a Word document")])
def test_binary_data_under_a_document_s_name_is_said_to_be_no_such_document(documents, tmp_path, suffix, kind):
    # an image or an archive renamed, or a document whose opening bytes were overwritten: an .rtf gave its bytes
    # back as text, control characters and all
    path = tmp_path / f"statement{suffix}"
    path.write_bytes(bytes(range(256)) * 20)
    message = _error(path)
    assert f"is not {kind}: it does not start as one" in message and f"save it again as {suffix}" in message


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".epub"])
def test_a_document_that_unpacks_to_too_much_is_refused_before_it_is_unpacked(documents, tmp_path, monkeypatch,
                                                                               suffix):
    # a "ZIP bomb": lxml refused the .docx's huge text node in its own words ("try XML_PARSE_HUGE")
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 10_000)
    monkeypatch.setattr("aligner.formats.epub.MAX_CHAPTER_BYTES", 10_000)
    whole = zipfile.ZipFile(io.BytesIO(documents[suffix]))
    part = {".docx": "word/document.xml", ".odt": "content.xml"}.get(suffix) or next(
        n for n in whole.namelist() if n.endswith("html"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in whole.infolist():
            data = whole.read(info)
            if info.filename == part:
                data = data.replace(b"</", b" " * 20_000 + b"</", 1)
            bomb.writestr(info, data)
    path = tmp_path / f"statement{suffix}"
    path.write_bytes(out.getvalue())
    assert re.search(r"unpacks to \d+ MB of \w+, more than the 0 MB a document is read up to", _error(path))


def test_the_unpacked_limit_counts_a_mb_as_the_upload_box_does(tmp_path):
    # 2**20 bytes per MB here said "20 MB ... more than the 19 MB" of a limit of 20.4 million bytes, and allowed
    # 209.7 million where the README and the page say 200 MB (of 10^6 bytes, as `reading.MB`)
    from aligner.reading import MB

    assert archive.MAX_UNPACKED_BYTES == 200 * MB
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as made:
        made.writestr("content.xml", b" " * 21_000_000)
    with zipfile.ZipFile(path) as opened, pytest.raises(InputError) as refused:
        archive.check_unpacked(opened, ["content.xml"], path, "text", most=20_400_000)
    assert "unpacks to 21 MB of text, more than the 20 MB a document is read up to" in str(refused.value)


def test_a_damaged_pdf_with_its_end_says_it_is_damaged(documents, tmp_path):
    whole = documents[".pdf"]
    path = tmp_path / "statement.pdf"
    path.write_bytes(whole[:200] + b"\x00garbage\x00" * 50 + whole[-600:])  # its objects gone, its end kept
    message = _error(path)
    assert "is not a readable PDF: it is damaged; open it in a PDF viewer" in message


# --- web pages and subtitles cut short: read in part without a word before, half a document aligned unknowingly ---

SRT = ("1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>Стороны заявляют</i>\r\nследующее.\r\n\r\n"
       "2\r\n00:00:04,000 --> 00:00:06,000\r\nДемократия — общечеловеческая ценность.\r\n\r\n"
       "3\r\n00:00:06,500 --> 00:00:09,000\r\nСтороны выступают за многополярный мир.\r\n\r\n")


@pytest.mark.parametrize("name, cut, where", [
    ("joint-statement-page.en.html", 0.5, "inside a <div>"),  # in the article's text
    ("joint-statement-page.en.html", 0.97, "inside a <div>"),  # in the sidebar, the article's end lost too
    ("joint-statement-page.zh.html", 0.3, "inside a <div>"),  # a GBK page
    ("joint-statement-page.zh.html", 0.7, "in the middle of a character"),  # half of a GBK character at the end
    ("joint-statement-page.zh.html", 0.97, "inside a tag"),
    ("joint-statement-page.ru.mhtml", 0.5, "stops inside its web page"),
    ("joint-statement-page.zh.mhtml", 0.9, "stops inside its web page"),
])
def test_a_web_page_cut_short_says_so(tmp_path, name, cut, where):
    data = (DATA / name).read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: int(len(data) * cut)])
    message = _error(path)
    assert "is cut short" in message and where in message and "download or save the page again" in message, message


@pytest.mark.parametrize("tail, where", [
    ('<div class="article"><h1>Заявление</h1><p>Стороны заявляют следующее.</p><p>Демократия — общечел', "a <div>"),
    ('<h1>Заявление</h1><p>Стороны заявляют следующее.</p><p class="lead', "a tag"),
    ("<h1>Заявление</h1><p>Стороны заявляют следующее.</p><!-- счётчик посещений", "a comment"),
    ("<h1>Заявление</h1><p>Стороны заявляют <span>следующее", "a <span>"),
])
def test_a_hand_written_page_cut_inside_a_tag_or_an_element_says_so(tmp_path, tail, where):
    path = tmp_path / "statement.ru.html"
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Заявление</title></head><body>{tail}',
                    encoding="utf-8")
    assert f"is cut short: the page stops inside {where}" in _error(path)


@pytest.mark.parametrize("page", [
    # valid HTML a browser shows whole: no </body></html>, paragraphs, list items and cells left open
    "<!DOCTYPE html><title>Заявление</title><p>Стороны заявляют следующее.<p>Демократия — ценность.",
    "<html><body><div><p>Стороны заявляют следующее.</p></div><p>Демократия — ценность. 1 < 2",
    "<html><head><meta charset=utf-8></head><body><h1>Заявление</h1><ul><li>Стороны заявляют следующее.<li>Демократия"
    " — ценность.</ul><table><tr><td>2022<td>Пекин</table><p>Стороны — за мир.<br><img src=a.png>",
    "<html><body><script>if (a < b) { x = '</div>'; }</script><!-- a note --><p>Стороны заявляют следующее.</p>"
    "<p>Демократия — ценность.</p>\n",
    # a closing </html> or </body>: whole, whatever follows it (a counter a server appends, an unclosed <div> before)
    "<html><body><div><p>Стороны заявляют следующее.</p><p>Демократия — ценность.</body></html>\n<script>track(",
])
def test_a_whole_page_is_read_even_without_its_closing_tags(tmp_path, page):
    path = tmp_path / "statement.ru.html"
    path.write_text(page, encoding="utf-8")
    text = read_file(path)
    assert "Стороны заявляют следующее." in text and ("Демократия" in text or "Стороны — за мир" in text)


def test_whole_web_pages_and_a_page_cut_among_its_pictures_are_read(tmp_path):
    for name in ("joint-statement-page.en.html", "joint-statement-page.ru.html", "joint-statement-page.zh.html",
                 "joint-statement-page.ru.mhtml", "joint-statement-page.zh.mhtml"):
        assert "。" in read_file(DATA / name) or "." in read_file(DATA / name)
    assert read_file(DATA / "page-without-charset.ru.html", encoding="cp1251")
    # a saved page whose file stops in a part after the page (its style sheet here): none of its text is lost
    data = (DATA / "joint-statement-page.ru.mhtml").read_bytes()
    path = tmp_path / "statement.mhtml"
    path.write_bytes(data[:-90])
    assert read_file(path) == read_file(DATA / "joint-statement-page.ru.mhtml")


@pytest.mark.parametrize("tail, where", [
    ("4\r\n", "its number (4), with no timing or text after it"),
    ("4\r\n00:00:10,000 --> 00:00:12,000\r\n", "its timing, with no text after it"),
    ("4\r\n00:00:10,000 --> 00:0", "a timing cut short (00:00:10,000 --> 00:0)"),
])
def test_subtitles_whose_last_cue_is_cut_say_so(tmp_path, tail, where):
    path = tmp_path / "talk.srt"
    path.write_bytes((SRT + tail).encode("cp1251"))
    message = _error(path)
    assert f"is cut short: its last cue stops at {where}" in message and "subtitles after it are missing" in message


@pytest.mark.parametrize("srt", [SRT, SRT.rstrip(), SRT.replace("\r\n", "\n") + "\n\n\n",
                                 "00:00:01,000 --> 00:00:02,000\nСтороны.\n\n00:00:03,000 --> 00:00:04,000\nМир.\n"])
def test_whole_subtitles_are_read(tmp_path, srt):
    path = tmp_path / "talk.srt"
    path.write_bytes(srt.encode("cp1251"))
    assert read_file(path).endswith(("многополярный мир.", "Мир."))
