"""`--keep` and `--min-score`: which pairs an output keeps (shared by `align`, `batch` and `check`).

A translation memory or a training set should hold only the pairs a reviewer would accept;
the statuses are the ones every export and the review page colour pairs by.
"""
from __future__ import annotations

import click

from aligner.export.status import STATUSES


def _statuses(ctx, param, value: str | None) -> set[str] | None:
    from aligner.pair_filter import check_statuses

    if value is None:
        return None
    try:
        names = check_statuses([name.strip().lower() for name in value.split(",") if name.strip()])
    except ValueError:
        names = set()
    if not names:
        raise click.BadParameter(f"'{value}': give statuses from {', '.join(STATUSES)}, separated by commas.")
    return names


LISTING_FILTERED = "the listing on stdout is filtered too"
BATCH_FILTERED = ("each document's file and the --merge corpus hold only those; summary.tsv counts them "
                  "under `written`")


def selection_options(filtered_too: str):
    """Add --keep STATUS[,STATUS] and --min-score to a command; `filtered_too` says what else of that
    command's output the choice filters (align and check print a listing, batch writes a summary)."""

    def add(command):
        command = click.option(
            "--min-score", type=click.FloatRange(0, 1), default=0.0, metavar="SCORE",
            help="Write only pairs whose alignment score is at least SCORE (0–1).")(command)
        return click.option(
            "--keep", callback=_statuses, metavar="STATUS[,STATUS]",
            help=f"Write only pairs of these statuses ({', '.join(STATUSES)}); e.g. --keep ok for a translation "
                 f"memory or training set. The pairs (or rows of three columns) kept keep their numbers among "
                 f"all; {filtered_too}.")(command)

    return add


def _rules(keep: set[str] | None, min_score: float) -> str:
    """What --keep and --min-score chose, as the messages say it: 'kept: ok, weak; score ≥ 0.5'."""
    return "; ".join(([f"kept: {', '.join(s for s in STATUSES if s in keep)}"] if keep is not None else []) +
                     ([f"score ≥ {min_score:g}"] if min_score else []))


def shown_message(shown: int, total: int, unit: str, keep: set[str] | None, min_score: float) -> str:
    """'2 of 51 pairs (kept: omitted) shown, each under its number among all.', for a listing on stdout that
    --keep or --min-score filtered ('' when neither did): a listing filtered down to nothing was a bare header
    that said nothing."""
    if keep is None and not min_score:
        return ""
    # a pair keeps its number (`Alignment.numbers`), a three-column row too (`ThreeWay.numbers`)
    return f"{shown} of {total} {unit} ({_rules(keep, min_score)}) shown, each under its number among all."


def written_message(written: int, total: int, unit: str, keep: set[str] | None, min_score: float, output,
                    held: int | None = None) -> str:
    """'51 pairs written to out.tsv', or '40 of 51 pairs (kept: ok, weak; score ≥ 0.5) written to …'.

    `held`: how many the file really holds, when its format leaves some out (a TMX holds no
    one-sided pair); the message then counts those and says why the others are not there."""
    why = f"a TMX holds only {unit} with text on every side"
    if keep is None and not min_score:
        if held is None or held == written:
            return f"{written} {unit} written to {output}"
        return f"{held} of {total} {unit} written to {output}: {why}"
    rules = _rules(keep, min_score)
    if held is None or held == written:
        return f"{written} of {total} {unit} ({rules}) written to {output}"
    return f"{written} of {total} {unit} chosen ({rules}); {why}: {held} written to {output}"
