"""ZIP archives, the container of .epub, .odt and .docx files: their signature, and what a damaged one raises.

Python's zipfile reports a damaged archive in several ways besides BadZipFile: a member name
that is not UTF-8 (UnicodeDecodeError), a compressed stream cut or scrambled (zlib.error,
EOFError), a compression method it does not know (NotImplementedError). Each reader turns all of
them into one clear error about the file, never a traceback.
"""
from __future__ import annotations

import zipfile
import zlib

DAMAGED_ZIP: tuple[type[Exception], ...] = (zipfile.BadZipFile, zlib.error, UnicodeDecodeError, EOFError,
                                             NotImplementedError)

ZIP_SIGNATURE = b"PK\x03\x04"  # .docx, .odt and .epub files all start so

_SPREADSHEET_TODO = ("a table of pairs aligned already is reviewed with `aligner check {path}`; "
                     "a text to align, save it as .txt or .docx")
_SLIDES_TODO = "save its text as .txt or .docx, or paste it"
# Office files that are ZIPs but hold no text to align: a member that tells each, and what to do.
_OFFICE_MEMBERS = (("xl/workbook.xml", "an Excel workbook", _SPREADSHEET_TODO),
                   ("ppt/presentation.xml", "a PowerPoint presentation", _SLIDES_TODO))
_OFFICE_MIMETYPES = ((b"application/vnd.oasis.opendocument.spreadsheet", "a LibreOffice spreadsheet", _SPREADSHEET_TODO),
                     (b"application/vnd.oasis.opendocument.presentation", "a LibreOffice presentation", _SLIDES_TODO))


def office_kind(path) -> tuple[str, str] | None:
    """(what, what to do) for a spreadsheet or a presentation (Office or OpenDocument, which are ZIPs),
    else None: "unpack the ZIP archive" would lead nowhere for them."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (*DAMAGED_ZIP, OSError, KeyError):
        return None
    for member, what, todo in _OFFICE_MEMBERS:
        if member in names:
            return what, todo.format(path=path)
    for kind, what, todo in _OFFICE_MIMETYPES:
        if mimetype.startswith(kind):
            return what, todo.format(path=path)
    return None

