"""Text of an RTF document (WordPad, older Word, LibreOffice)."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from aligner.errors import InputError

RTF_SIGNATURE = b"{\\rtf"
_RTF_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
# An escaped backslash (kept as it is), a table cell's end, a list item's number as the writer rendered it.
_CELL_OR_NUMBER = re.compile(r"\\\\|\\(?:nest)?cell(?![a-zA-Z])|\\listtext(?![a-zA-Z])")


def rtf_text(path: Path, data: bytes) -> str:
    """Text of an RTF document (WordPad, older Word, LibreOffice): one paragraph per \\par.

    RTF is ASCII with escapes: \\uN for any character, \\'hh for bytes of the document's code
    page (\\ansicpg936 for GBK Chinese, 1251 for Russian), which decode together, two per
    character in Chinese code pages."""
    from striprtf.striprtf import rtf_to_text

    if _open_groups(data) > 0:
        raise InputError(f"{path} is cut short: its RTF ends before its groups close (an interrupted download or "
                         "copy?); save or copy it again.")
    declared = _RTF_CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(declared.group(1))}" if declared else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{path} is in code page {encoding[2:]}, which cannot be read here; "
                         "save it as .docx or as UTF-8 text.") from None
    try:
        raw = rtf_to_text(_plain_cells_and_lists(data.decode("latin-1")), encoding=encoding, errors="strict")
    except UnicodeDecodeError:
        raise InputError(f"{path} has characters that are not valid in its code page ({encoding}); "
                         "save it again as .docx or as UTF-8 text.") from None
    except (TypeError, ValueError, IndexError, OverflowError):  # escapes the parser cannot read, in its words
        raise InputError(f"{path} is a damaged RTF document: it has escapes no RTF writer makes; open it and "
                         "save it again.") from None
    return "\n\n".join(line.strip() for line in raw.splitlines() if line.strip())


_ESCAPED_RE = re.compile(rb"\\[\\{}]")


def _open_groups(data: bytes) -> int:
    """How many of the document's { groups } are still open at its end: none in a whole RTF, whose last byte
    closes the group `{\rtf1` opens; a file cut short leaves them open, and its end is lost unseen."""
    plain = _ESCAPED_RE.sub(b"", data)
    return plain.count(b"{") - plain.count(b"}")


def _plain_cells_and_lists(rtf: str) -> str:
    """The RTF with each table cell ended as a paragraph (striprtf writes `|` for \\cell) and list
    numbers (\\listtext, `1.\\tab`) left out, as the .docx and .odt readers read them."""

    def plain(match: re.Match) -> str:
        word = match.group()
        if word == "\\\\":
            return word
        return "\\par" if word.endswith("cell") else "\\*\\listtext"

    return _CELL_OR_NUMBER.sub(plain, rtf)
