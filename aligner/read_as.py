"""Which plain-text files were read in an encoding found by detection other than UTF-8, named as the user knows it.

Detection can be wrong (a short GBK file read as Big5, a cp1251 one as GB18030); the review page names the
encoding over the pairs, and the command line says it on stderr and in a corpus's summary, so that a user sees
the guess and can give the right one. UTF-8, documents (.docx, .pdf …, which record their own) and an encoding
the user gave need no word.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aligner.reading import encoding_name, read_bytes_decoded, read_decoded


@dataclass(frozen=True)
class ReadAs:
    """A file (`name` as the user gave it) read in `encoding` (a codec name: "gb18030"), found by detection."""

    name: str
    encoding: str

    @property
    def shown(self) -> str:
        """The encoding as the user knows it: 'GB18030 (GBK)', 'Windows-1251'."""
        return encoding_name(self.encoding)

    def __str__(self) -> str:
        """'zh/001.txt read as GB18030 (GBK)'."""
        return f"{self.name} read as {self.shown}"


def noted(name: str, encoding: str | None, given: str | None) -> ReadAs | None:
    """A ReadAs for a file read in `encoding`, when it was detected (no encoding `given`) and is not UTF-8."""
    if given or encoding is None or encoding_name(encoding) == "UTF-8":
        return None
    return ReadAs(name, encoding)


def read_text(path: str | Path, encoding: str | None = None, language: str | None = None) -> tuple[str, ReadAs | None]:
    """The text of a file (as `reading.read_file` gives it) and, if it was detected as other than UTF-8, its ReadAs;
    `language` is the one its side is in, where known ("zh" for the Chinese text), which decides between
    encodings a few words read as well in."""
    decoded = read_decoded(path, encoding, language)
    return decoded.text, noted(str(path), decoded.encoding, encoding)


def read_piped(data: bytes, name: str, encoding: str | None = None,
               language: str | None = None) -> tuple[str, ReadAs | None]:
    """`read_text` for bytes (stdin): `name` is what messages call them."""
    decoded = read_bytes_decoded(data, name, encoding, language)
    return decoded.text, noted(name, decoded.encoding, encoding)
