"""Text of a Word document (.docx): its paragraphs, tables' included, in reading order."""
from __future__ import annotations

import zipfile
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.archive import DAMAGED_ZIP


def open_word_document(path: Path):
    """The python-docx Document of a .docx, or InputError naming the file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError, XMLSyntaxError, AttributeError, *DAMAGED_ZIP) as e:
        raise InputError(f"{path} is not a readable .docx document ({e}); save it again from Word as .docx.") from None


def docx_text(path: Path) -> str:
    """Text of a Word document: its paragraphs (tables' included, in order) joined by blank lines."""
    from docx.table import Table

    document = open_word_document(path)

    def paragraphs(container):
        for block in container.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        yield from paragraphs(cell)
            else:
                yield block.text

    return "\n\n".join(p.strip() for p in paragraphs(document) if p.strip())


def is_docx(path: Path) -> bool:
    """A .docx saved or renamed with another extension (a ZIP holding word/document.xml).

    Office and mail clients do this often enough; the text is right there, so we read it.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (*DAMAGED_ZIP, OSError):
        return False
