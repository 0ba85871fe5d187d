"""`aligner check PAIRS [-o report.html]`: review pairs aligned elsewhere (TMX, TSV/CSV, XLSX/ODS, DOCX)."""
from __future__ import annotations

from pathlib import Path

import click

from aligner.cli.output import print_listing, stdout_format, write_stdout
from aligner.cli.options import glossary_option, model_option, stdout_format_option
from aligner.cli.progress import StderrProgress
from aligner.cli.selection import LISTING_FILTERED, selection_options, written_message
from aligner.errors import AlignerError


@click.command()
@click.argument("pairs_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the checked pairs here; the format follows the extension (.tsv .csv .json .tmx .xlsx "
                   ".docx .html .txt); '-' writes them to stdout (-f gives the format). Without it, a side-by-side "
                   "listing goes to stdout.")
@stdout_format_option
@click.option("--target-lang", type=click.Choice(["ru", "en"]),
              help="The translation's language, where the file holds both or does not name it.")
@model_option
@glossary_option
@selection_options(LISTING_FILTERED)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def check(pairs_file: Path, output: Path | None, fmt: str | None, target_lang: str | None, model: str | None,
          glossary_file: Path | None, keep: set[str] | None, min_score: float, no_cache: bool, quiet: bool) -> None:
    """Check pairs that are already aligned: a translation memory (.tmx), a two-column table
    (.tsv .csv .xlsx .ods: the Chinese first, columns named zh and en/ru, or Source and Target), a bilingual Word table
    (.docx or .odt, e.g. aligner's Word export corrected by the translator) or an aligner export.

    Each row stays one pair; the review flags what the translation left out, changed or added
    (numbers, names, glossary terms, a clause missing, a row with one side empty) and pairs whose
    sides do not match (`weak`).
    """
    from aligner import export
    from aligner.embed import get_encoder
    from aligner.glossary import load_glossary
    from aligner.memory import check_pairs
    from aligner.pair_filter import kept_pairs

    if str(pairs_file) == "-":
        raise click.UsageError("check reads its pairs from a file whose extension gives the kind (.tmx .tsv .csv "
                               ".xlsx .ods .docx .json), not from stdin ('-'); save them to a file first.")
    piped = stdout_format(output, fmt)  # -o -: the export's format, written to stdout
    progress = StderrProgress(enabled=not quiet)
    try:
        if output is not None and piped is None:
            export.check_destination(output, inputs=(pairs_file,))
        glossary = load_glossary(glossary_file) if glossary_file is not None else ()
        checked = check_pairs(pairs_file, get_encoder(model, cache=not no_cache), target_lang, glossary,
                              progress=progress, glossary_name=str(glossary_file))
    except AlignerError as error:
        raise click.ClickException(str(error)) from None
    finally:
        progress.close()
    shown = kept_pairs(checked, keep, min_score)
    flagged = sum(1 for bead in checked.beads if bead.flags)
    if output is None:
        print_listing(export.listing(shown))
    else:
        try:
            if piped:
                write_stdout(export.render(shown, piped))
            else:
                export.write(shown, output)
        except AlignerError as error:
            raise click.ClickException(str(error)) from None
        click.echo(written_message(len(shown.beads), len(checked.beads), "pairs", keep, min_score,
                                   "stdout" if piped else output, export.pairs_in_file(shown, piped or output.suffix)),
                   err=True)
    click.echo(f"{flagged} of {len(checked.beads)} pairs flagged.", err=True)
