"""Text of an e-book (.epub): its chapters in reading order, one paragraph per block.

Novels reach researchers as EPUBs. An EPUB is a ZIP of XHTML chapters; the package file (OPF)
names them and the spine gives their order. Every block element (paragraph, heading, list item,
quotation …) becomes a paragraph, so the segmenter sees the book's own paragraphs. What is not
the book's text is left out: scripts, styles, the navigation document, spine items the book
marks as non-linear (covers, notes pop-ups), ruby annotations (pinyin over characters), and
footnotes: their reference marks (`cold.1` would flag a number the original lacks) and their
text, as the Word and OpenDocument readers leave footnotes out.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

from aligner.errors import InputError
from aligner.formats.archive import DAMAGED_ZIP, MAX_UNPACKED_BYTES, check_unpacked, zip_fault
from aligner.normalise import is_cjk

EPUB_MIMETYPE = b"application/epub+zip"
MAX_CHAPTER_BYTES = MAX_UNPACKED_BYTES  # unpacked XHTML; a ZIP can claim far more than its own size
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
# Elements whose content starts and ends a paragraph.
BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "table", "tr", "td", "th", "caption", "figure", "figcaption", "section", "article", "aside",
    "header", "footer", "main", "address", "hr", "body",
})
SKIPPED = frozenset({"script", "style", "head", "title", "rt", "rp", "nav", "svg", "math", "noscript", "template"})
# epub:type and role values (and pandoc's classes) of a footnote's reference mark, its text, and the link back
NOTE_KINDS = frozenset({"noteref", "footnote", "footnotes", "endnote", "endnotes", "rearnote", "rearnotes",
                        "doc-noteref", "doc-footnote", "doc-endnote", "doc-endnotes", "doc-backlink",
                        "footnote-ref", "footnote-back"})
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_BREAK = "\x00"  # stands for <br> while the source's own whitespace is collapsed


def block_text(raw: str) -> str:
    """A block's text as a browser shows it: whitespace runs as one space, none where the source
    broke a line between two Chinese characters, a line break for each <br>."""

    def space(match: re.Match) -> str:
        before = raw[match.start() - 1] if match.start() else ""
        after = raw[match.end()] if match.end() < len(raw) else ""
        if "\n" in match.group() and before and after and is_cjk(before) and is_cjk(after):
            return ""
        return " "

    text = _SPACE.sub(space, raw)
    return "\n".join(line.strip() for line in text.split(_BREAK) if line.strip())


def is_epub(path: Path) -> bool:
    """A ZIP whose first member is the EPUB mimetype (or that holds an OPF container)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.read("mimetype").strip() == EPUB_MIMETYPE:
                return True
            return _CONTAINER in names
    except (*DAMAGED_ZIP, OSError, KeyError):
        return False


def epub_text(path: Path) -> str:
    """The book's text, chapters in spine order, paragraphs separated by blank lines."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = _spine(archive, path)
            if _encrypted(archive, path) & set(names):
                raise InputError(f"{path} is protected by DRM: its chapters are encrypted. Export the text from the "
                                 "reader you bought it for, or use a copy without DRM.")
            check_unpacked(archive, names, path, "chapters", MAX_CHAPTER_BYTES)  # a missing chapter is named when it is read
            chapters = [_chapter_paragraphs(_read(archive, name, path), f"{path}:{name}") for name in names]
    except DAMAGED_ZIP:
        raise InputError(f"{path} is not a readable e-book: {zip_fault(path)}; save or download it again.") from None
    text = "\n\n".join(p for chapter in chapters for p in chapter)
    if not text.strip():
        raise InputError(f"{path} has no text in its chapters (only images?); give a book with the text to align.")
    return text


def _xml(data: bytes, what: str):
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    except etree.XMLSyntaxError:
        raise InputError(f"{what} cannot be parsed: it is damaged; save or download the book again.") from None
    if root is None:  # nothing a forgiving parser could recover
        raise InputError(f"{what} cannot be parsed: it holds no XML.")
    return root


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _read(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """A member of the book, or InputError naming it if the book lacks it."""
    try:
        return archive.read(name)
    except KeyError:
        raise InputError(f"{path} is an incomplete e-book: it has no {name}; save or download it again.") from None


def _spine(archive: zipfile.ZipFile, path: Path) -> list[str]:
    """Names of the chapter files in reading order."""
    container = _xml(_read(archive, _CONTAINER, path), f"{path}: {_CONTAINER}")
    rootfile = next((e.get("full-path") for e in container.iter() if _local(e.tag) == "rootfile"), None)
    if not rootfile:
        raise InputError(f"{path} names no package file in {_CONTAINER}; it is not a valid e-book.")
    package = _xml(_read(archive, rootfile, path), f"{path}: {rootfile}")
    base = posixpath.dirname(rootfile)
    manifest = {}
    for item in package.iter():
        if _local(item.tag) == "item" and item.get("id") and item.get("href"):
            manifest[item.get("id")] = item
    names = []
    for ref in package.iter():
        if _local(ref.tag) != "itemref" or ref.get("linear", "yes") == "no":
            continue
        item = manifest.get(ref.get("idref"))
        if item is None or "nav" in (item.get("properties") or "").split():
            continue
        if "html" not in (item.get("media-type") or "html"):
            continue
        names.append(posixpath.normpath(posixpath.join(base, unquote(item.get("href").split("#")[0]))))
    if not names:
        raise InputError(f"{path} lists no chapters in its spine; it is not a valid e-book.")
    return names


def _encrypted(archive: zipfile.ZipFile, path: Path) -> set[str]:
    """Files META-INF/encryption.xml says are encrypted (fonts often are, obfuscated; chapters only under DRM)."""
    if _ENCRYPTION not in archive.namelist():
        return set()
    listing = _xml(archive.read(_ENCRYPTION), f"{path}: {_ENCRYPTION}")
    return {posixpath.normpath(unquote(e.get("URI", ""))) for e in listing.iter() if _local(e.tag) == "cipherreference"}


def _chapter_paragraphs(data: bytes, what: str) -> list[str]:
    """The paragraphs of one XHTML chapter: each block's text, whitespace runs as one space."""
    from lxml import html

    try:
        root = html.fromstring(data)
    except Exception:  # lxml raises several types for unusable documents, in its own words
        raise InputError(f"{what} cannot be read: the chapter is damaged; save or download the book again.") from None
    body = next((e for e in root.iter() if _local(e.tag) == "body"), root)
    drop_notes(body)
    return block_paragraphs(body)


def drop_notes(root) -> bool:
    """Take footnotes' reference marks, texts and links back out of an (X)HTML tree; whether it had any."""
    notes = [e for e in root.iter() if is_note(e)]
    for note in notes:
        if note.getparent() is not None:
            note.drop_tree()  # the text after a reference mark stays
    return bool(notes)


# What a reference mark says: 1, 12, [3], (4), *, †
_MARK_TEXT = re.compile(r"\s*[\[(]?(?:\d{1,3}|[*†‡]{1,3})[\])]?\s*")


def is_note(element) -> bool:
    """A footnote's reference mark, its text or its link back (by epub:type, role or pandoc's class), or a
    reference mark an older book marks up only as a raised link: `<sup><a href="#n1">1</a></sup>`,
    `<a href="notes.xhtml#n2"><sup>[2]</sup></a>` (EPUB 2, Calibre), where `cold.12` would be a number the
    original lacks."""
    kinds = " ".join(value for key, value in element.attrib.items()
                     if key in ("role", "class") or key.endswith("type") and key != "type")
    return not NOTE_KINDS.isdisjoint(kinds.split()) or _raised_link(element)


def _raised_link(element) -> bool:
    if _local(element.tag) not in ("sup", "a"):
        return False
    inside = list(element.iter())  # the element itself first
    linked = any(_local(e.tag) == "a" and "#" in (e.get("href") or "") for e in inside)
    raised = any(_local(e.tag) == "sup" for e in inside)
    return linked and raised and _MARK_TEXT.fullmatch(element.text_content()) is not None


def block_paragraphs(root, blocks=BLOCKS, skipped=SKIPPED) -> list[str]:
    """Each block's text under `root` (an XHTML body, or trafilatura's extracted body), in order:
    a block starts and ends a paragraph; <br> (trafilatura's <lb>) breaks a line."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = block_text("".join(current))
        current.clear()
        if text:
            paragraphs.append(text)

    def walk(element) -> None:
        tag = _local(element.tag)
        if tag in skipped or not tag:  # comments and processing instructions have no tag name
            return
        block = tag in blocks
        if block:
            flush()
        if tag in ("br", "lb"):
            current.append(_BREAK)
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return paragraphs
