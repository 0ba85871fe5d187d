"""One file for a whole corpus: every pair of every document, labelled by its document.

Translation memories and training sets are imported as one file, and a corpus is read in Excel as
one sheet; TSV, CSV and XLSX get a `document` column, TMX a document prop on each unit. The
documents of one file share their languages; three columns (zh–ru–en) have their own merged file,
as their rows have three texts.
"""
from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO, Callable

from aligner.errors import AlignerError
from aligner.export.delimited import DIALECTS, render_documents
from aligner.export.tmx import tmx_document
from aligner.export.xlsx import render_xlsx_documents
from aligner.threeway import ThreeWay
from aligner.types import Alignment

MERGED_FORMATS: tuple[str, ...] = ("tsv", "csv", "tmx", "xlsx")


def languages(result: Alignment | ThreeWay) -> tuple[str, str]:
    """The languages of a result, as merged files are named and grouped: ('zh', 'en') or ('zh', 'ru-en')."""
    if isinstance(result, ThreeWay):
        return result.source.lang, "-".join(result.labels)
    return result.source.lang, result.target.lang


def render_merged(named: list[tuple[str, Alignment | ThreeWay]], fmt: str) -> bytes:
    """The results `named` (document name, result) as one TSV, CSV, TMX or XLSX file."""
    if fmt not in MERGED_FORMATS:
        raise ValueError(f"one file for several documents is written as {', '.join(MERGED_FORMATS)}, not {fmt}")
    if not named:
        raise ValueError("no alignments to write")
    pairs = {languages(result) for _, result in named}
    if len(pairs) > 1:
        raise ValueError(f"one merged file holds one language pair, not {sorted(pairs)}")
    if isinstance(named[0][1], ThreeWay):
        from aligner.export.threeway import render_documents as three_way_documents

        return three_way_documents(named, fmt)
    if fmt == "xlsx":
        return render_xlsx_documents(named)
    return tmx_document(named) if fmt == "tmx" else render_documents(named, fmt)


STREAMED_FORMATS: tuple[str, ...] = ("tsv", "csv")  # written document by document; TMX and XLSX at the end


class MergedWriteError(Exception):
    """A merged file that could not be written: `path`, and why (the message)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(reason)
        self.path = path


def _reason(error: Exception) -> str:
    return f"{error.strerror or error}." if isinstance(error, OSError) else str(error)


class MergedWriter:
    """The merged files of a corpus run, written as each document is aligned so that a corpus of any
    size need not be held in memory: TSV and CSV rows are appended to `<file>.part`, renamed to the
    file by `finish` (a run cut short leaves an earlier run's file as it was). TMX (whose header
    counts every document's skipped pairs and names their languages) and XLSX (one workbook) are
    still rendered whole at the end, so their documents are held until then.

        merged = MergedWriter("tsv", lambda src, tgt: out_dir / f"corpus.{src}-{tgt}.tsv")
        held = merged.add("ch01", alignment)  # False: the alignment may be let go
        paths = merged.finish()
    """

    def __init__(self, fmt: str, path_of: Callable[[str, str], Path]):
        if fmt not in MERGED_FORMATS:
            raise ValueError(f"one file for several documents is written as {', '.join(MERGED_FORMATS)}, not {fmt}")
        self.fmt, self.path_of = fmt, path_of
        self._parts: dict[tuple[str, str], BinaryIO] = {}
        self._held: dict[tuple[str, str], list[tuple[str, Alignment | ThreeWay]]] = {}
        self._failed: dict[tuple[str, str], MergedWriteError] = {}  # raised by `finish`, when the run is done

    def add(self, name: str, result: Alignment | ThreeWay) -> bool:
        """Write (or hold) one document's result; True if it is held, to be rendered by `finish`."""
        key = languages(result)
        if self.fmt not in STREAMED_FORMATS:
            self._held.setdefault(key, []).append((name, result))
            return True
        if key in self._failed:
            return False
        if isinstance(result, ThreeWay):
            from aligner.export.threeway import document_lines as lines_of
        else:
            from aligner.export.delimited import document_lines as lines_of
        first = key not in self._parts
        path = self.path_of(*key)
        try:
            if first:
                self._parts[key] = path.with_name(path.name + ".part").open("wb")
            text = lines_of(name, result, self.fmt, head=first)
            self._parts[key].write(text.encode(DIALECTS[self.fmt][1] if first else "utf-8"))  # the BOM once
        except OSError as error:
            self._failed[key] = MergedWriteError(path, _reason(error))
            self._drop(key)
        return False

    def finish(self) -> list[Path]:
        """The merged files, complete, in the order of their languages; MergedWriteError for one
        that could not be written (the others are written)."""
        paths = {}
        for key in list(self._parts):
            path = self.path_of(*key)
            try:
                self._parts[key].close()
                os.replace(self._parts.pop(key).name, path)
                paths[key] = path
            except OSError as error:
                self._failed[key] = MergedWriteError(path, _reason(error))
                self._drop(key)
        for key, named in self._held.items():
            path = self.path_of(*key)
            try:
                path.write_bytes(render_merged(named, self.fmt))
                paths[key] = path
            except (OSError, AlignerError) as error:  # too many rows for one Excel sheet
                self._failed.setdefault(key, MergedWriteError(path, _reason(error)))
        self._held = {}
        if self._failed:
            raise self._failed[min(self._failed)]
        return [paths[key] for key in sorted(paths)]

    def discard(self) -> None:
        """Remove what was written (a run interrupted): no partial file is left looking like a corpus."""
        for key in list(self._parts):
            self._drop(key)
        self._held = {}

    def _drop(self, key: tuple[str, str]) -> None:
        handle = self._parts.pop(key, None)
        if handle is not None:
            with suppress(OSError):
                handle.close()
            with suppress(OSError):
                Path(handle.name).unlink(missing_ok=True)
