"""Text of an OpenDocument text (.odt: LibreOffice, OpenOffice, Google Docs' download): its paragraphs.

An .odt is a ZIP whose content.xml holds the body as text:p (paragraph) and text:h (heading)
elements, inside lists, sections and table cells, in reading order. Each becomes a paragraph.
Inside one, text:s stands for N spaces, text:tab for a tab and text:line-break for a line
break; footnotes and endnotes (text:note) are left out, as Word footnotes are, and so are
tracked deletions (text:tracked-changes) and annotations (office:annotation), which are not the
text as it reads.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.archive import DAMAGED_ZIP, check_unpacked, zip_fault

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
PARAGRAPHS = {f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"}
LEFT_OUT = {f"{{{_TEXT}}}note", f"{{{_TEXT}}}tracked-changes", f"{{{_OFFICE}}}annotation",
            f"{{{_TEXT}}}note-citation", f"{{{_TEXT}}}bookmark-ref"}


def is_odt(path: Path) -> bool:
    """A ZIP whose mimetype member names an OpenDocument text."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (*DAMAGED_ZIP, OSError, KeyError):
        return False


def odt_text(path: Path) -> str:
    """The document's paragraphs, in reading order, separated by blank lines."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:
            check_unpacked(archive, ["content.xml"], path, "text")
            content = archive.read("content.xml")
    except DAMAGED_ZIP:
        raise InputError(f"{path} is not a readable OpenDocument text: {zip_fault(path)}; save it again from "
                         "LibreOffice as .odt or .docx.") from None
    except KeyError:
        raise InputError(f"{path} is not a readable OpenDocument text: it is a ZIP archive with no text in it "
                         "(content.xml); save it again from LibreOffice as .odt or .docx.") from None
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                huge_tree=True))
    except etree.XMLSyntaxError:  # lxml's words ("Opening and ending tag mismatch, line 1") are not the user's
        raise InputError(f"{path} is damaged: its text (content.xml) is cut off or garbled; save it again "
                         "from LibreOffice.") from None
    paragraphs = []

    def walk(element) -> None:
        if element.tag in LEFT_OUT:
            return
        if element.tag in PARAGRAPHS:
            text = "".join(_inline(element)).strip()
            if text:
                paragraphs.append(text)
            return
        for child in element:
            walk(child)

    walk(root)
    if not paragraphs:
        raise InputError(f"{path} has no text in its paragraphs; give a document with the text to align.")
    return "\n\n".join(paragraphs)


def _inline(element):
    """The characters of a paragraph: its text and its spans', with spaces, tabs and breaks spelled out."""
    if element.text:
        yield element.text
    for child in element:
        tag = child.tag
        if tag == f"{{{_TEXT}}}s":
            yield " " * int(child.get(f"{{{_TEXT}}}c", "1") or 1)
        elif tag == f"{{{_TEXT}}}tab":
            yield "\t"
        elif tag == f"{{{_TEXT}}}line-break":
            yield "\n"
        elif tag not in LEFT_OUT:
            yield from _inline(child)
        if child.tail:
            yield child.tail
