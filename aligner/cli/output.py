"""Printing a listing to stdout, as `align` and `check` do without -o."""
from __future__ import annotations

import os
import sys

import click


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
