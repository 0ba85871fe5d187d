"""Text of a saved web page (.html, .mhtml): the article, without the site's menus, sidebars and footer.

Official statements and their translations are published as web pages, and reviewers save them
from the browser. Aligning the whole page would pair one site's menu with another's and flag
every link as added or omitted, so the main text is taken out with trafilatura (favouring
recall: a sentence of the article must not go missing). Its heading is kept: trafilatura counts
the <h1> as metadata when the page marks up its article, but the title is the first sentence of
the translation too. Each paragraph of the article becomes a paragraph of the text, and so does
each list item and table cell (read from trafilatura's XML, not its text, which writes Markdown:
`- item`, `| 2020 | … |`). trafilatura keeps one of identical blocks when it recovers the text of
a short page, so a line the page repeats (dialogue) is put back where the page has it; and a page
that shows nothing outside its header, menus and footer has no article, whatever trafilatura's
last-resort reading of the whole page returns. Footnotes (pandoc's, or marked by role or epub:type)
are left out, marks and texts, as the EPUB reader leaves them out.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.epub import BLOCKS, SKIPPED, block_paragraphs, block_text, drop_notes

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MHTML_SUFFIXES = (".mhtml", ".mht")  # a web page saved as a single file
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*(<\?xml[^>]*>\s*)?(<!doctype html|<html)", re.IGNORECASE | re.DOTALL)


def page_kind(path: Path, suffix: str) -> str | None:
    """'html' or 'mhtml' for a saved web page: by its extension, or else by its content.

    Word's "Save as Web Page" (and "Single File Web Page") documents are often renamed .doc, and
    many official sites publish their statements so; Word opens them, and so do we. A page saved
    as .txt or downloaded without an extension is a page too: nobody aligns its markup.
    """
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MHTML_SUFFIXES:
        return "mhtml"
    with path.open("rb") as handle:
        head = handle.read(4096).removeprefix(codecs.BOM_UTF8)
    if _HTML_START.match(head):
        return "html"
    headers = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0].lower()
    return "mhtml" if b"mime-version:" in headers and b"multipart/related" in headers else None


# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312"> in the head
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs",
              "iso-8859-1": "cp1252", "latin1": "cp1252"}  # as browsers read them


def page_source(data: bytes, name: str, encoding: str | None = None) -> str:
    """The page as text: in `encoding` when the user gives one (a page that declares no charset, or the
    wrong one, as pages saved by hand or converted often do), else by the charset it declares, else (or
    when that fails) as any text file."""
    from aligner.reading import decode_bytes

    if encoding:  # strict, as for a plain-text file: a byte outside it is an error naming its line
        return _XML_DECLARATION.sub("", decode_bytes(data, name, encoding))
    declared = _DECLARED.search(data[:8192])
    if declared:
        charset = declared.group(1).decode("ascii").lower()
        try:
            text = data.decode(_SUPERSETS.get(charset, charset))
            return _XML_DECLARATION.sub("", text.lstrip("\ufeff"))
        except UnicodeDecodeError as error:
            if _cut_in_character(data, error):
                raise cut_short(name, "it stops in the middle of a character") from None
        except LookupError:
            pass  # a wrong or unknown declaration: read it the way plain-text files are read
    return _XML_DECLARATION.sub("", decode_bytes(data, name))


def _cut_in_character(data: bytes, error: UnicodeDecodeError) -> bool:
    """Whether the only bytes the page's charset cannot read are the first of a character at its very end."""
    if error.end != len(data) or len(data) - error.start > 3:
        return False
    try:
        data[:error.start].decode(error.encoding)
    except UnicodeDecodeError:
        return False
    return True


def html_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """The main text of an HTML page (`data` as saved; the page's own charset is honoured unless
    `encoding` is given)."""
    import trafilatura
    from lxml import html as lxml_html

    source = page_source(data, name, encoding)
    check_whole_page(source, name)
    try:
        page = lxml_html.fromstring(source)
    except Exception:  # trafilatura may still read it; the checks against the page are only a bonus
        page = None
    if page is not None and drop_notes(page):  # pandoc's `Beijing.<sup>1</sup>` and its "… ↩︎" at the end
        source = lxml_html.tostring(page, encoding="unicode")
    shown = _page_blocks(page)
    extracted = trafilatura.bare_extraction(source, favor_recall=True, include_tables=True, include_comments=False,
                                            deduplicate=False, with_metadata=False)
    body = getattr(extracted, "body", None)
    paragraphs = _extracted_paragraphs(body) if body is not None else []
    if page is not None and not shown:
        paragraphs = []  # all the page shows is its menus, header and footer: trafilatura's fallback takes those
    if not paragraphs:
        raise InputError(f"{name} has no article text that could be found in the page; "
                         "copy the text from the browser and paste it, or save the page as text.")
    paragraphs = with_repeats(paragraphs, shown)
    heading = _first_heading(page) if page is not None else ""
    if heading and heading not in paragraphs[:3]:
        paragraphs.insert(0, heading)
    return "\n\n".join(paragraphs)


# trafilatura's own XML: a list item, a table cell, a quotation … is a paragraph, as in the other readers
EXTRACTED_BLOCKS = BLOCKS | {"head", "item", "list", "row", "cell", "quote", "code"}


_LINE = "\ufdd0"  # a noncharacter, never in a page's text, that XML still accepts


def _extracted_paragraphs(body) -> list[str]:
    """The paragraphs of trafilatura's extracted body: each block, and each line of one (its
    whole-page fallback puts the page's text in one block, a line per element)."""
    for element in body.iter():  # the lines outlast block_text's joining of whitespace
        element.text = element.text and element.text.replace("\n", _LINE)
        element.tail = element.tail and element.tail.replace("\n", _LINE)
    blocks = block_paragraphs(body, EXTRACTED_BLOCKS)
    return [line.strip() for block in blocks for line in block.replace("\n", _LINE).split(_LINE) if line.strip()]


def _page_blocks(page) -> list[str]:
    """The paragraphs the page shows outside its header, menus, sidebars and footer."""
    if page is None:
        return []
    body = next((e for e in page.iter() if isinstance(e.tag, str) and e.tag.lower() == "body"), page)
    return block_paragraphs(body, skipped=SKIPPED | _SITE_PARTS)


def with_repeats(found: list[str], shown: list[str]) -> list[str]:
    """`found` with the repeats trafilatura collapses put back: a paragraph the page shows again
    (a line of dialogue said twice) between two paragraphs found, where the page has it."""
    import bisect

    places: dict[str, list[int]] = {}
    for k, text in enumerate(shown):
        places.setdefault(text, []).append(k)
    result: list[str] = []
    after = None  # the page position of the last paragraph found in it
    for text in found:
        spots = places.get(text, [])
        k = bisect.bisect_left(spots, after + 1 if after is not None else 0)
        if k == len(spots):
            result.append(text)
            continue
        if after is not None:
            result.extend(p for p in shown[after + 1:spots[k]] if p in places and p in found)
        result.append(text)
        after = spots[k]
    return result


# Elements HTML lets a page leave open at its end (hand-written pages end so, often without </body></html> too),
# as the HTML standard lists them for the end of a file; and those that have no end tag at all.
_MAY_END_OPEN = frozenset({"html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
                           "option", "optgroup", "rb", "rp", "rt", "rtc", "colgroup", "caption"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                   "param", "keygen", "command", "basefont", "frame", "isindex", "bgsound", "image"})
_PAGE_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_IN_TAG_AT_END = re.compile(r"<[A-Za-z/!?][^<>]*\Z")


def cut_short_at(source: str) -> str:
    """Where a page that stops before its end was cut ("a tag", "a comment", "a <div>"), or "" for a whole page.

    A download or copy that stopped leaves a page whose text ends early, and a page read so would be aligned
    as half a document unseen. Only a cut that is certain counts: a page that reaches </body> or </html> is whole
    (what follows holds no text), and one without them is cut when it ends inside a tag or a comment, or with
    an element open that HTML does not let a page leave open (a <div>, a <span>, a heading …). A page that ends
    inside a paragraph of its <body> is valid HTML, and many hand-written pages end so: it is not called cut."""
    if _PAGE_END.search(source):
        return ""
    if source.rfind("<!--") > source.rfind("-->"):
        return "a comment"
    if _IN_TAG_AT_END.search(source):
        return "a tag"
    open_elements = _open_at_end(source)
    must_close = [tag for tag in open_elements if tag not in _MAY_END_OPEN]
    return f"a <{must_close[-1]}>" if must_close else ""


def _open_at_end(source: str) -> list[str]:
    """The elements still open where the page's source ends, outermost first."""
    from html.parser import HTMLParser

    class OpenElements(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.open: list[str] = []

        def handle_starttag(self, tag, attrs) -> None:
            if tag not in _VOID:
                self.open.append(tag)

        def handle_endtag(self, tag) -> None:  # closes it and whatever was left open inside it
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    parser = OpenElements()
    try:
        parser.feed(source)
    except (AssertionError, ValueError):  # markup the parser gives up on: no certainty either way
        return []
    return parser.open


def check_whole_page(source: str, name: str) -> None:
    """InputError for a page cut short (`cut_short_at`), rather than half its text aligned as the whole."""
    where = cut_short_at(source)
    if where:
        raise cut_short(name, f"the page stops inside {where}")


def cut_short(name: str, where: str) -> InputError:
    """The error for a page that stops before its end, `where` saying how: one wording for every way it shows."""
    return InputError(f"{name} is cut short: {where}, before the page's end (an interrupted download or copy?), so "
                      "the rest of its text is missing; download or save the page again, or copy the text there is "
                      "into a .txt file to align it as it is.")


def with_charset(html: bytes, charset: str | None) -> bytes:
    """The page with the charset its transport named (a MIME part, an HTTP header) declared in it,
    unless it declares one itself: `page_source` then reads it by that."""
    if not charset or _DECLARED.search(html[:8192]) or not re.fullmatch(r"[A-Za-z0-9_.:-]+", charset):
        return html
    return f'<meta charset="{charset}">'.encode("ascii") + html


def mhtml_text(data: bytes, name: str) -> str:
    """The main text of a page saved as one file (.mhtml / .mht, "Webpage, Single File"): its HTML part."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    parts = [part for part in message.walk() if not part.is_multipart()]
    for part in parts:
        if part.get_content_type() == "text/html":
            html = part.get_payload(decode=True) or b""
            if part is parts[-1] and _unclosed(message) and not _PAGE_END.search(html.decode("latin-1")):
                raise cut_short(name, "the file stops inside its web page")
            return html_text(with_charset(html, part.get_content_charset()), name)
    raise InputError(f"{name} holds no web page (no text/html part); save the page again, "
                     "or save it as a web page (.html).")


def _unclosed(message) -> bool:
    """Whether a saved page's MIME parts never close (their last boundary is missing): the file stops inside its
    last part. A cut among the pictures that follow the page loses none of its text."""
    from email.errors import CloseBoundaryNotFoundDefect

    return any(isinstance(defect, CloseBoundaryNotFoundDefect) for part in message.walk() for defect in part.defects)


_SITE_PARTS = frozenset({"header", "nav", "footer", "aside"})


def _first_heading(page) -> str:
    """The first <h1> outside the site's header, menus, sidebars and footer (where logos sit)."""
    for element in page.iter("h1"):
        if any(isinstance(a.tag, str) and a.tag.lower() in _SITE_PARTS for a in element.iterancestors()):
            continue
        text = block_text(element.text_content())
        if text:
            return text
    return ""
