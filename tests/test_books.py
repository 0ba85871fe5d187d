"""E-books (.epub) and saved web pages (.html): the sample texts as pandoc's EPUBs and as pages saved from an
official site (tests/data/make_books.py) read back as the sample's own sentences, without the site around them."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.pipeline import load_document
from aligner.reading import read_file

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SITE_WORDS = {"zh": ["首页", "版权所有", "相关新闻", "打印本页", "tracker"],
              "ru": ["Новости", "Creative Commons", "Читайте также", "16:40"],
              "en": ["Transcripts", "Creative Commons", "See also", "16:40"]}


def sentences(text: str, lang: str) -> list[str]:
    return [s.norm for s in load_document(text, lang).sentences]


def sample(lang: str) -> list[str]:
    return sentences((ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8"), lang)


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_an_epub_reads_back_as_its_title_page_and_chapter(lang):
    text = read_file(DATA / f"joint-statement.{lang}.epub")
    expected = sample(lang)
    # the title page, then the chapter headed by the title; the table of contents (nav, NCX) is not text
    assert sentences(text, lang) == [expected[0], *expected]
    assert text.count(expected[0]) == 2


@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_a_saved_web_page_reads_back_as_the_article_alone(lang):
    text = read_file(DATA / f"joint-statement-page.{lang}.html")  # the Chinese page is GB18030, as it says
    assert sentences(text, lang) == sample(lang)
    for word in SITE_WORDS[lang]:
        assert word not in text


def _epub(path: Path, chapters: dict[str, str], spine: list[str], nonlinear: tuple[str, ...] = (),
          missing: tuple[str, ...] = (), encrypted: tuple[str, ...] = ()) -> Path:
    """A minimal EPUB 3 as a ZIP: the package in OEBPS/, chapters named freely, reading order by the spine."""
    items = "".join(f'<item id="{n}" href="{n}.xhtml" media-type="application/xhtml+xml"/>' for n in chapters)
    items += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    linear = {n: ' linear="no"' if n in nonlinear else "" for n in spine}
    refs = "".join(f'<itemref idref="{n}"{linear[n]}/>' for n in spine)
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml",
                      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:'
                      'container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/'
                      'oebps-package+xml"/></rootfiles></container>')
        book.writestr("OEBPS/book.opf",
                      '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
                      f"<manifest>{items}</manifest><spine>{refs}<itemref idref='nav'/></spine></package>")
        book.writestr("OEBPS/nav.xhtml", "<html><body><nav><ol><li>目录</li></ol></nav><p>导航</p></body></html>")
        if encrypted:  # as a DRM scheme or font obfuscation lists what it encrypted
            refs = "".join(f'<enc:EncryptedData xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:CipherData>'
                           f'<enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>' for uri in encrypted)
            book.writestr("META-INF/encryption.xml", f'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:'
                                                     f'container">{refs}</encryption>')
        for name, body in chapters.items():
            if name not in missing:
                book.writestr(f"OEBPS/{name}.xhtml", '<?xml version="1.0" encoding="utf-8"?>'
                              '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>标题页</title>'
                              f"<style>p {{ margin: 0 }}</style></head><body>{body}</body></html>")
    return path


def _without_container(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("OEBPS/c1.xhtml", "<html><body><p>x</p></body></html>")
    return path


def _garbled_container(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("META-INF/container.xml", b"\x00\x01 not xml at all")
    return path


def test_epub_chapters_follow_the_spine_and_only_the_text_is_read(tmp_path):
    book = _epub(tmp_path / "novel.epub", {
        "b_cover": "<p>封面</p>",
        "c2": "<h2>第二章</h2><p>他说：“好。”</p>",
        "c1": ('<h2>第一章 <span class="sub">开始</span></h2>'
               "<p>她走进\n    房间，看见了<ruby>韦<rt>wéi</rt></ruby>小宝。</p>"
               "<div><p>床前明月光，<br/>疑是地上霜。</p><script>var a = 1;</script></div>"
               "<blockquote>Latin words\n   stay apart.</blockquote>"),
    }, spine=["b_cover", "c1", "c2"], nonlinear=("b_cover",))
    text = read_file(book)
    assert text.split("\n\n") == ["第一章 开始", "她走进房间，看见了韦小宝。", "床前明月光，\n疑是地上霜。",
                                  "Latin words stay apart.", "第二章", "他说：“好。”"]


def test_epub_footnote_marks_and_texts_are_left_out(tmp_path):
    book = _epub(tmp_path / "notes.epub", {  # pandoc's footnotes, and EPUB 3 asides as publishers write them
        "c1": ('<p>It was very cold.<a href="#fn1" class="footnote-ref" id="fnref1" epub:type="noteref">1</a> '
               'The harvest of 2021<a href="#n2" epub:type="noteref"><sup>2</sup></a> was good.</p>'
               '<aside epub:type="footnote" id="n2"><p>See the ministry statistics.</p></aside>'
               '<section class="footnotes" epub:type="footnotes"><hr/><ol><li id="fn1" epub:type="footnote">'
               '<p>Source: the city weather bureau.<a href="#fnref1" class="footnote-back" role="doc-backlink">'
               "↩︎</a></p></li></ol></section>"),
    }, spine=["c1"])
    assert read_file(book) == "It was very cold. The harvest of 2021 was good."


def test_an_older_books_raised_reference_links_are_left_out_but_not_its_exponents_or_links(tmp_path):
    # EPUB 2 and Calibre mark a note's reference only as a raised link; "cold.12" would be a number the Chinese lacks
    book = _epub(tmp_path / "old.epub", {
        "c1": ('<p>It was very cold.<sup><a href="notes.xhtml#n1" id="r1">12</a></sup> The harvest of 2021'
               '<a href="notes.xhtml#n2"><sup>[2]</sup></a> was good. The room was 30 m<sup>2</sup>. '
               'See <a href="#c2">chapter 2</a>.</p>'),
    }, spine=["c1"])
    assert read_file(book) == "It was very cold. The harvest of 2021 was good. The room was 30 m2. See chapter 2."


def test_an_epub_given_as_a_zip_is_read_as_the_book_it_is(tmp_path):
    book = _epub(tmp_path / "novel.zip", {"c1": "<p>第一段。</p>"}, spine=["c1"])
    assert read_file(book) == "第一段。"


@pytest.mark.parametrize("make, message", [
    (lambda p: _epub(p, {"c1": "<p>x</p>", "c2": "<p>y</p>"}, ["c1", "c2"], missing=("c2",)),
     "incomplete e-book: it has no OEBPS/c2.xhtml; save"),
    (lambda p: _without_container(p), r"incomplete e-book: it has no META-INF/container.xml; save or download it again\.$"),
    (lambda p: _epub(p, {"c1": '<p><img src="page1.png"/></p>'}, ["c1"]), "no text in its chapters"),
    (lambda p: _epub(p, {"c1": "<p>x</p>"}, []), "lists no chapters"),
    (lambda p: (p.write_bytes(b"PK\x03\x04 damaged beyond repair"), p)[1], "not a readable e-book"),
    (lambda p: _garbled_container(p), "container.xml cannot be parsed"),
    (lambda p: _epub(p, {"c1": "<p>x</p>"}, ["c1"], encrypted=("OEBPS/c1.xhtml",)), "protected by DRM"),
])
def test_a_broken_epub_is_one_clear_error_naming_the_file(tmp_path, make, message):
    path = make(tmp_path / "book.epub")
    with pytest.raises(InputError, match=message) as error:
        read_file(path)
    assert "book.epub" in str(error.value)


def test_a_page_with_no_text_is_one_clear_error(tmp_path):
    page = tmp_path / "scan.html"  # a page of scanned images, as some archives publish documents
    page.write_text('<html><head><script>var viewer = 1;</script></head>'
                    '<body><img src="page1.png"><img src="page2.png"></body></html>')
    with pytest.raises(InputError, match="scan.html has no article text"):
        read_file(page)


def test_a_page_with_only_its_menu_is_one_clear_error(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text('<html><body><nav><a href="/">Home</a></nav><footer>© 2024</footer></body></html>')
    with pytest.raises(InputError, match="nav.html has no article text"):
        read_file(page)


def test_a_paragraph_the_page_repeats_is_read_each_time(tmp_path):
    page = tmp_path / "dialogue.html"  # dialogue repeats lines; trafilatura's recovery of short pages keeps one
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n<p>Never heard of him.</p>\n'
                    "<p>When Luo Xiaosi asked him where Wang Er had gone, he said, Wang Er?</p>\n"
                    "<p>Never heard of him.</p>\n<p>For those like Luo Xiaosi, it would have been a great advantage "
                    "to find me—I could prove that the city students in the area were treated badly, often beaten senseless.</p>\n</body></html>",
                    encoding="utf-8")
    assert read_file(page).split("\n\n") == [
        "Never heard of him.", "When Luo Xiaosi asked him where Wang Er had gone, he said, Wang Er?",
        "Never heard of him.",
        "For those like Luo Xiaosi, it would have been a great advantage to find me—I could prove that the city "
        "students in the area were treated badly, often beaten senseless."]


def test_page_lists_and_tables_read_as_plain_paragraphs(tmp_path):
    page = tmp_path / "data.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                    "<p>The table below lists the main data.</p><ol><li>First item about the harvest.</li>"
                    "<li>Second item about the river.</li></ol><table><tr><th>Year</th><th>Event</th></tr>"
                    "<tr><td>2020</td><td>The bridge was built.</td></tr></table>"
                    "<p>The last paragraph says goodbye.</p></body></html>", encoding="utf-8")
    assert read_file(page).split("\n\n") == [
        "The table below lists the main data.", "First item about the harvest.", "Second item about the river.",
        "Year", "Event", "2020", "The bridge was built.", "The last paragraph says goodbye."]


def test_page_footnote_marks_and_texts_are_left_out_as_in_an_epub(tmp_path):
    page = tmp_path / "notes.html"  # pandoc -s of a text with a footnote: `Beijing.1` and "… ↩︎" at the end
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                    '<p>The weather in Beijing was cold.<a href="#fn1" class="footnote-ref" id="fnref1" '
                    'role="doc-noteref"><sup>1</sup></a> The river froze.</p><p>The harvest of 2021 was good.</p>'
                    '<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr/><ol>'
                    '<li id="fn1" role="doc-endnote"><p>Source: the city weather bureau.<a href="#fnref1" '
                    'class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section></body></html>',
                    encoding="utf-8")
    assert read_file(page).split("\n\n") == ["The weather in Beijing was cold. The river froze.",
                                              "The harvest of 2021 was good."]


def test_a_web_page_and_an_old_word_document_align_like_the_sample_files(tmp_path):
    """The saved pages (zh–ru) and the Word 97 documents LibreOffice saved (zh–en, tests/data/make_books.py)."""
    runner = CliRunner(env={"ALIGNER_CACHE_DIR": str(tmp_path / "cache"), "OMP_NUM_THREADS": "1"})
    pairs = {}
    for name, (folder, files) in {
            "files-ru": (ROOT / "texts", ("joint-statement.zh.txt", "joint-statement.ru.txt")),
            "pages": (DATA, ("joint-statement-page.zh.html", "joint-statement-page.ru.html")),
            "files-en": (ROOT / "texts", ("joint-statement.zh.txt", "joint-statement.en.txt")),
            "doc": (DATA, ("joint-statement.zh.doc", "joint-statement.en.doc"))}.items():
        out = tmp_path / f"{name}.json"
        result = runner.invoke(main, ["align", str(folder / files[0]), str(folder / files[1]), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        record = json.loads(out.read_text(encoding="utf-8"))
        pairs[name] = [(p["src"], p["tgt"], [f["kind"] for f in p["flags"]]) for p in record["pairs"]]
    assert pairs["pages"] == pairs["files-ru"]  # the planted omissions and addition are found the same way
    assert pairs["doc"] == pairs["files-en"]


def test_obfuscated_fonts_are_not_drm(tmp_path):
    book = _epub(tmp_path / "book.epub", {"c1": "<p>第一段。</p>"}, ["c1"], encrypted=("OEBPS/fonts/song.otf",))
    assert read_file(book) == "第一段。"


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_a_page_chromium_saved_as_one_file_reads_like_the_page(lang):
    # .mhtml: Chromium re-encodes the GB18030 page as UTF-8 and says so in the MIME part, not in the page
    assert read_file(DATA / f"joint-statement-page.{lang}.mhtml") == read_file(DATA / f"joint-statement-page.{lang}.html")


@pytest.mark.parametrize("saved", ["joint-statement-page.zh.html", "joint-statement-page.ru.mhtml"])
def test_a_web_page_saved_with_a_doc_name_is_read_as_the_page(tmp_path, saved):
    # Word's "Save as Web Page" / "Single File Web Page", renamed .doc as official sites publish them
    original = DATA / saved
    renamed = tmp_path / "statement.doc"
    renamed.write_bytes(original.read_bytes())
    assert read_file(renamed) == read_file(original)


@pytest.mark.parametrize("name", ["statement.txt", "statement", "statement.htm.download"])
@pytest.mark.parametrize("saved", ["joint-statement-page.ru.html", "joint-statement-page.zh.mhtml"])
def test_a_web_page_saved_under_a_text_name_or_none_is_read_as_the_page(tmp_path, saved, name):
    # a page saved from a browser as .txt, or downloaded without an extension: its markup is not the text
    renamed = tmp_path / name
    renamed.write_bytes((DATA / saved).read_bytes())
    assert read_file(renamed) == read_file(DATA / saved)


def test_a_utf8_page_led_by_a_bom_comment_and_xml_declaration_is_still_a_page(tmp_path):
    original = DATA / "joint-statement-page.ru.html"  # UTF-8
    led = tmp_path / "led.doc"
    led.write_bytes(b"\xef\xbb\xbf<!-- saved by Word -->\n<?xml version='1.0'?>\n" + original.read_bytes())
    assert read_file(led) == read_file(original)


def test_a_plain_text_named_doc_is_still_read_as_text(tmp_path):
    text = "<html> is how a page starts, as this note says.\n\nMIME-Version is a mail header."
    note = tmp_path / "note.doc"
    note.write_text("A note about pages.\n" + text, encoding="utf-8")
    assert read_file(note) == "A note about pages.\n" + text


@pytest.mark.parametrize("encoding, declared", [
    ("utf-8", False), ("gb18030", False), ("big5", False), ("utf-8", True), ("gb18030", True)])
def test_a_page_in_any_encoding_reads_back_the_same(tmp_path, encoding, declared):
    heading, body = "中俄聯合聲明", ["兩國元首在北京舉行會談。", "雙方宣布如下："]
    head = f'<meta charset="{encoding}">' if declared else ""
    page = (f"<html><head>{head}<title>{heading}</title></head><body><article><h1>{heading}</h1>"
            + "".join(f"<p>{p}</p>" for p in body) + "</article></body></html>")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode(encoding))
    assert read_file(path).split("\n\n") == [heading, *body]  # the heading too, never in mojibake


def test_a_page_whose_declaration_is_wrong_is_read_by_its_bytes(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes('<html><head><meta charset="utf-8"></head><body><p>两国元首举行会谈。</p></body></html>'
                     .encode("gb18030"))
    assert read_file(path) == "两国元首举行会谈。"


def test_a_book_that_unpacks_to_too_much_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    from aligner.formats import epub

    book = _epub(tmp_path / "big.epub", {"c1": "<p>" + "很长的一章。" * 2000 + "</p>"}, ["c1"])
    monkeypatch.setattr(epub, "MAX_CHAPTER_BYTES", 10_000)
    with pytest.raises(InputError, match="big.epub unpacks to .* more than the"):
        read_file(book)
