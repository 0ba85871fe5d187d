"""Printing a listing to stdout, as `align` and `check` do without -o."""
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
