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

