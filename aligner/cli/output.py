"""Printing a listing to stdout, as `align` and `check` do without -o."""
from __future__ import annotations

import os
import sys

import click


def print_listing(text: str) -> None:
    """Print to stdout; a closed pipe (`aligner align ... | head`) ends quietly, not with a trace."""
    try:
        click.echo(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


def print_warnings(warnings: list[str]) -> None:
    """What the review found about a document pair as a whole, on stderr before the pairs."""
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)
