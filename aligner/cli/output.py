"""Printing a listing to stdout, as `align` and `check` do without -o, or an export, with -o - (and -f)."""
from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import click

from aligner.errors import AlignerWarning


def _unicode_stdout(text: str) -> None:
    """stdout switched to UTF-8 when its own encoding cannot hold `text`: output redirected to a file on
    a system whose encoding is cp1251 or cp1252 (Windows) has no Chinese characters and no box lines."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
    except LookupError:
        pass


def print_listing(text: str) -> None:
    """Print to stdout; a closed pipe (`aligner align ... | head`) ends quietly, not with a trace."""
    try:
        _unicode_stdout(text)
        click.echo(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


STDOUT = "-"  # -o -: the export goes to stdout, for a pipe


def stdout_format(output, fmt: str | None) -> str | None:
    """The format an export is written in to stdout (-o -: `fmt`, TSV by default), or None for a file,
    whose extension gives its own; -f with a file name is a usage error, not a silent second choice."""
    if output is None or str(output) != STDOUT:
        if fmt is not None:
            raise click.UsageError(f"-f/--format {fmt} is for -o - (stdout); a file's extension gives its format: "
                                   f"-o pairs.{fmt}.")
        return None
    return fmt or "tsv"


def write_stdout(data: bytes) -> None:
    """An export's bytes to stdout (-o -); a closed pipe (`… -o - | head`) ends quietly, as the listing does."""
    stream = sys.stdout.buffer
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


def print_warnings(warnings: list[str]) -> None:
    """What the review found about a document pair as a whole, on stderr before the pairs."""
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)


@contextmanager
def one_line_warnings() -> Iterator[None]:
    """While a command runs, the product's own warnings (AlignerWarning) print as one line on stderr,
    "Warning: …" like its errors, not as Python's "file.py:72: RuntimeWarning: …" with a source line.
    Other libraries' warnings go on to Python's usual display."""
    shown_before = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, AlignerWarning):
            click.echo(f"Warning: {message}", err=True)
        else:
            shown_before(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = shown_before


def destination(output, piped: str | None, replaced: bool) -> str:
    """Where an export went, as the message after it says: 'stdout', 'pairs.tsv', or 'pairs.tsv (replacing the file
    that was there)': a re-run over last week's file said only "written to", as if the name had been free."""
    if piped:
        return "stdout"
    return f"{output} (replacing the file that was there)" if replaced else str(output)
