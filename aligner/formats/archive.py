"""ZIP archives, the container of .epub, .odt and .docx files: their signature, and what a damaged one raises.

Python's zipfile reports a damaged archive in several ways besides BadZipFile: a member name
that is not UTF-8 (UnicodeDecodeError), a compressed stream cut or scrambled (zlib.error,
EOFError), a compression method it does not know (NotImplementedError). Each reader turns all of
them into one clear error about the file, never a traceback.
"""
from __future__ import annotations

import zipfile
import zlib

from aligner.errors import InputError

DAMAGED_ZIP: tuple[type[Exception], ...] = (zipfile.BadZipFile, zlib.error, UnicodeDecodeError, EOFError,
                                             NotImplementedError)

ZIP_SIGNATURE = b"PK\x03\x04"  # .docx, .odt and .epub files all start so
_ZIP_END = b"PK\x05\x06"  # the end of central directory record, within the last 64 KB of a whole ZIP
MB = 1_000_000  # as `aligner.reading.MB` and the upload box count a MB (reading imports this module, not the reverse)
MAX_UNPACKED_BYTES = 200 * MB  # a document's text unpacked; a ZIP can claim far more than its own size


def zip_fault(path) -> str:
    """Why a ZIP that Python cannot open cannot be read, in a user's words: cut short (its closing directory
    is gone: an interrupted download or copy), or damaged."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - 65_558))
        tail = handle.read()
    if _ZIP_END not in tail:
        return "it is cut short (an interrupted download or copy?)"
    return "its contents are damaged"


def check_unpacked(archive: zipfile.ZipFile, names, path, what: str, most: int | None = None) -> None:
    """InputError when the members `names` unpack to more than `most` bytes (MAX_UNPACKED_BYTES by default: a
    "ZIP bomb", or a document far beyond any text to align), before anything is unpacked."""
    most = MAX_UNPACKED_BYTES if most is None else most
    present = set(archive.namelist())
    unpacked = sum(archive.getinfo(name).file_size for name in names if name in present)
    if unpacked > most:
        raise InputError(f"{path} unpacks to {unpacked / MB:.0f} MB of {what}, more than the "
                         f"{most / MB:.0f} MB a document is read up to; split it into smaller ones.")

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

