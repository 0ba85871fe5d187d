"""`aligner evaluate FOLDER`: align a benchmark folder and score it against its gold alignment."""
from __future__ import annotations

import json
from pathlib import Path

import click

from aligner.cli.options import model_option
from aligner.cli.progress import StderrProgress
from aligner.errors import AlignerError


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@model_option
@click.option("--save-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write the predicted NNN.align files here, in the gold format.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache: cold timings, and the time ratio on a re-run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def evaluate(folder: Path, model: str | None, save_dir: Path | None, as_json: bool, no_cache: bool, quiet: bool) -> None:
    """Align FOLDER's zh/NNN.txt with en/NNN.txt (one sentence per line) and score against gold/NNN.align.

    A gold file has one pair a line, the line numbers of the two texts counted from 0: [0,1]:[0]
    pairs Chinese lines 0 and 1 with English line 0; [5]:[] leaves line 5 unaligned.

    Prints strict and lax precision, recall and F1 per document and micro-averaged, sentences per
    second, the time of embedding each sentence once and the whole run's time over it (only from a
    cold embedding cache: a first run or --no-cache), and peak memory. Warns (on stderr, and under
    "warnings" in --json) about a gold file that leaves lines of its texts out, whose figures
    then mislead, and about a text that no gold file scores.
    """
    from aligner.embed import get_encoder
    from aligner.evaluate import evaluate_folder, prepare_save_dir, report, save_predictions, saved_message

    progress = StderrProgress(enabled=not quiet)
    try:
        if save_dir is not None:
            prepare_save_dir(save_dir, folder)
        evaluation = evaluate_folder(folder, get_encoder(model, cache=not no_cache), progress=progress)
    except AlignerError as error:
        raise click.ClickException(str(error)) from None
    finally:
        progress.close()
    saved = None
    if save_dir is not None:
        try:
            saved = saved_message(save_predictions(evaluation, save_dir), save_dir)
        except OSError as error:  # after the whole evaluation: its figures are still printed below
            saved = f"Warning: the predicted alignments could not be written to {save_dir}: {error.strerror or error}."
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), indent=2))
    else:
        click.echo(report(evaluation))
    for warning in evaluation.warnings:  # after the table, where they are read; stderr keeps --json clean
        click.echo(f"Warning: {warning}", err=True)
    if saved:  # stderr, as the warnings: --json keeps stdout one JSON object
        click.echo(saved, err=True)
