"""Text of an old Word document (.doc, Word 97–2003's binary format): the main text's paragraphs.

Chinese government and publishing documents still circulate as .doc. A .doc is an OLE compound
file (read with olefile) whose WordDocument stream starts with the File Information Block (FIB):
it says whether the file is encrypted, which table stream (0Table or 1Table) holds the piece table
(the Clx), and how many characters the main text has (ccpText). The piece table maps runs of
character positions to where their characters lie in WordDocument: UTF-16LE, or one byte a
character ("compressed": Latin-1 with Windows-1252's quotes and dashes in 0x82–0x9F). The main
text comes first; footnotes, headers, comments and text boxes follow it and are left out, as the
.docx and .odt readers leave them out. Word's control characters become what they stand for:
paragraph, table-cell and page ends a paragraph break, a manual line break a line break; a field
shows its result, not its code; anchors of pictures and note marks are dropped. Formatting is not
read, so text marked hidden or deleted with tracked changes reads as text.
See [MS-DOC] 2.4.1 Retrieving Text, 2.5 Fib, 2.9.73 FcCompressed.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

from aligner.errors import InputError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_IDENT = 0xA5EC
NFIB_WORD97 = 0x00C1  # Word 97 and later write at least this; Word 6 wrote 101, Word 95 104
F_ENCRYPTED = 0x0100
F_WHICH_TABLE = 0x0200
FIB_CCP_TEXT = 0x4C  # FibRgLw97.ccpText
FIB_FC_CLX = 0x1A2  # FibRgFcLcb97.fcClx, then lcbClx
FIB_MIN_BYTES = FIB_FC_CLX + 8
COMPRESSED = 0x40000000
# Bytes of a compressed piece that are not Latin-1 ([MS-DOC] 2.9.73): Windows-1252's punctuation.
_ANSI = str.maketrans({chr(b): chr(u) for b, u in {
    0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02C6,
    0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C,
    0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161,
    0x9B: 0x203A, 0x9C: 0x0153, 0x9F: 0x0178}.items()})
# Other streams of an OLE file that say what it is when it is not a Word document.
_OTHER_OFFICE = (("Workbook", "an Excel workbook (.xls)"), ("Book", "an Excel workbook (.xls)"),
                 ("PowerPoint Document", "a PowerPoint presentation (.ppt)"))
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
_PARAGRAPH_ENDS = re.compile("[\r\x07\x0c\x0e]")  # paragraph, table cell or row, page or section, column
_SPOKEN = str.maketrans({"\x0b": "\n", "\x1e": "-", "\x1f": None})
# Anchors of pictures, drawings, note and comment marks, and field marks without a field.
_DROPPED = re.compile("[\x00-\x08\x10-\x1d]")


def is_word97(path: Path) -> bool:
    """An OLE compound file holding a WordDocument stream (a .doc, whatever its name)."""
    import olefile

    try:
        if _header_fault(path):
            return False
        with olefile.OleFileIO(str(path)) as ole:
            return ole.exists("WordDocument")
    except OSError:  # a damaged container is not recognised here; doc_text says what is wrong when asked
        return False


def _header_fault(path: Path) -> str | None:
    """What is wrong with the compound file's header, if anything.

    olefile reads sectors of the size the header gives and tolerates a wrong one: a damaged size
    asks it for gigabytes (MemoryError) or a number too long to print (ValueError)."""
    with path.open("rb") as handle:
        header = handle.read(512)
    if not header.startswith(OLE_SIGNATURE):
        return "it is not an OLE compound file"
    if len(header) < 512:
        return "its header is cut short"
    major, _, sector_shift, mini_shift = struct.unpack_from("<4H", header, 0x1A)
    if (major, sector_shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
        return "its header gives impossible sector sizes"
    return None


def doc_text(path: Path) -> str:
    """The main text's paragraphs, separated by blank lines, or InputError naming the file."""
    word, table = _streams(path)
    if len(word) < FIB_MIN_BYTES:
        raise _damaged(path, "its File Information Block is cut short")
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != WORD_IDENT:
        raise _damaged(path, "its WordDocument stream does not start with a Word header")
    if nfib < NFIB_WORD97:
        raise InputError(f"{path} was saved by Word 6 or 95, whose format aligner does not read; "
                         "open it in Word or LibreOffice and save it as .docx.")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & F_ENCRYPTED:
        raise InputError(f"{path} is password-protected; open it in Word, remove the password "
                         "and save it again (or save it as .docx).")
    stream = table["1Table" if flags & F_WHICH_TABLE else "0Table"]
    if stream is None:
        raise _damaged(path, f"its {'1Table' if flags & F_WHICH_TABLE else '0Table'} stream is missing")
    ccp_text = struct.unpack_from("<i", word, FIB_CCP_TEXT)[0]
    fc_clx, lcb_clx = struct.unpack_from("<II", word, FIB_FC_CLX)
    if lcb_clx == 0:
        raise _damaged(path, "its table of text pieces is missing")
    if ccp_text < 0 or fc_clx + lcb_clx > len(stream):
        raise _damaged(path, "its table of text pieces lies outside the file")
    raw = _main_text(path, word, _pieces(path, stream[fc_clx:fc_clx + lcb_clx]), ccp_text)
    paragraphs = (_spoken(p) for p in _PARAGRAPH_ENDS.split(_field_results(raw)))
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise InputError(f"{path} has no text; give a document with the text to align.")
    return text


def _damaged(path: Path, why: str) -> InputError:
    return InputError(f"{path} is a damaged Word document ({why}); open it in Word or LibreOffice and save it again.")


def _streams(path: Path) -> tuple[bytes, dict[str, bytes | None]]:
    """The WordDocument stream and both table streams (None where missing), or InputError saying what the file is."""
    import olefile

    fault = _header_fault(path)
    if fault:
        raise _damaged(path, fault)
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                what = next((w for name, w in _OTHER_OFFICE if ole.exists(name)), None)
                if what is None:
                    raise _damaged(path, "it holds no WordDocument stream")
                raise InputError(f"{path} is {what}, not a Word document; save its text as .txt, "
                                 "or a Word document as .docx.")
            word = ole.openstream("WordDocument").read()
            table = {name: ole.openstream(name).read() if ole.exists(name) else None for name in ("0Table", "1Table")}
    except (InputError, PermissionError):
        raise
    except OSError:  # olefile's OleFileError, in its words ("OLE directory index out of range"): not the user's
        raise _damaged(path, "its parts are cut short or out of place") from None
    return word, table


def _pieces(path: Path, clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The Clx's piece table as (first CP, last CP + 1, byte offset in WordDocument, compressed)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # a Prc: formatting of fast-saved pieces, not needed for the text
        if at + 3 > len(clx):
            raise _damaged(path, "its table of text pieces is cut short")
        size = struct.unpack_from("<h", clx, at + 1)[0]
        if size < 0:
            raise _damaged(path, "its table of text pieces is malformed")
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise _damaged(path, "its table of text pieces is malformed")
    lcb = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + lcb]
    if lcb != len(plc) or lcb < 16 or (lcb - 4) % 12:
        raise _damaged(path, "its table of text pieces is cut short")
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    pieces = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc & COMPRESSED)
        offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        if cps[i + 1] < cps[i] or cps[i] < 0:
            raise _damaged(path, "its text pieces are out of order")
        pieces.append((cps[i], cps[i + 1], offset, compressed))
    return pieces


def _main_text(path: Path, word: bytes, pieces, ccp_text: int) -> str:
    """Characters 0 … ccpText − 1, the main document, from the pieces that hold them."""
    parts, total = [], 0
    for start, end, offset, compressed in pieces:
        end = min(end, ccp_text)
        if start >= end:
            continue
        total += end - start
        if total > len(word):  # each character is stored once, in at least one byte
            raise _damaged(path, "its text pieces claim more characters than it holds")
        width = 1 if compressed else 2
        data = word[offset:offset + (end - start) * width]
        if len(data) != (end - start) * width:
            raise _damaged(path, "a piece of its text lies outside the file")
        if compressed:
            parts.append(data.decode("latin-1").translate(_ANSI))
        else:
            parts.append(data.decode("utf-16-le", errors="replace"))  # a lone surrogate half: one damaged character
    return "".join(parts)


def _field_results(text: str) -> str:
    """The text as shown: a field's code (\\x13 … \\x14) dropped, its result (\\x14 … \\x15) kept.

    Fields nest; a character shows when every field around it is in its result. A field with no
    separator has no result and drops whole."""
    if FIELD_BEGIN not in text:
        return text
    shown = []
    in_code: list[bool] = []  # one per open field, innermost last
    hidden = 0  # open fields still in their code
    for c in text:
        if c == FIELD_BEGIN:
            in_code.append(True)
            hidden += 1
        elif c == FIELD_SEPARATOR:
            if in_code and in_code[-1]:
                in_code[-1] = False
                hidden -= 1
        elif c == FIELD_END:
            if in_code and in_code.pop():
                hidden -= 1
        elif not hidden:
            shown.append(c)
    return "".join(shown)


def _spoken(paragraph: str) -> str:
    """A paragraph with line breaks and hyphens spelled out and anchor characters dropped."""
    return _DROPPED.sub("", paragraph).translate(_SPOKEN).strip()
