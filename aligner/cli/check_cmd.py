"""`aligner check PAIRS [-o report.html]`: review pairs aligned elsewhere (TMX, TSV/CSV, XLSX/ODS, DOCX)."""
from __future__ import annotations

from pathlib import Path

import click

from aligner.cli.output import destination, print_listing, stdout_format, write_stdout
from aligner.cli.options import glossary_option, model_option, stdout_format_option
from aligner.cli.progress import StderrProgress
from aligner.cli.selection import LISTING_FILTERED, selection_options, shown_message, written_message
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
    from aligner.export.merged import render_merged
    from aligner.memory import check_documents, read_pair_rows
    from aligner.pair_filter import kept_pairs

    if str(pairs_file) == "-":
        raise click.UsageError("check reads its pairs from a file whose extension gives the kind (.tmx .tsv .csv "
                               ".xlsx .ods .docx .json), not from stdin ('-'); save them to a file first.")
    _refuse_a_report(pairs_file)
    piped = stdout_format(output, fmt)  # -o -: the export's format, written to stdout
    progress = StderrProgress(enabled=not quiet)
    try:
        if output is not None and piped is None:
            export.check_destination(output, inputs=(pairs_file, *filter(None, (glossary_file,))))
        glossary = load_glossary(glossary_file) if glossary_file is not None else ()
        rows = read_pair_rows(pairs_file, target_lang)
        documents = len(set(rows.documents))
        if output is not None and documents > 1:  # a wrong format refused before the encoder runs
            _corpus_format(pairs_file, documents, piped or output.suffix)
        checked = check_documents(rows, get_encoder(model, cache=not no_cache), str(pairs_file), glossary,
                                  progress=progress, glossary_name=str(glossary_file))
    except AlignerError as error:
        raise click.ClickException(str(error)) from None
    finally:
        progress.close()
    shown = [(name, kept_pairs(alignment, keep, min_score)) for name, alignment in checked]
    total = sum(len(alignment.beads) for _, alignment in checked)
    flagged = sum(1 for _, alignment in checked for bead in alignment.beads if bead.flags)
    corpus = len(checked) > 1  # a merged corpus file: written back as one, each row under its document
    if output is None:
        print_listing("\n\n".join(f"== {name} ==\n{export.listing(alignment)}" if corpus else export.listing(alignment)
                                   for name, alignment in shown))
        filtered = shown_message(sum(len(a.beads) for _, a in shown), total, "pairs", keep, min_score)
        if filtered:
            click.echo(filtered, err=True)
    else:
        try:
            fmt = piped or output.suffix
            replaced = not piped and output.exists()
            data = render_merged(shown, _corpus_format(pairs_file, len(shown), fmt)) if corpus \
                else export.render(shown[0][1], fmt)
            if piped:
                write_stdout(data)
            else:
                export.write_bytes(data, output)
        except AlignerError as error:
            raise click.ClickException(str(error)) from None
        held = sum(export.pairs_in_file(alignment, fmt) for _, alignment in shown)
        click.echo(written_message(sum(len(a.beads) for _, a in shown), total, "pairs", keep, min_score,
                                   destination(output, piped, replaced), held), err=True)
    click.echo(f"{flagged} of {total} pairs flagged{f' in {len(checked)} documents' if corpus else ''}.", err=True)


def _refuse_a_report(pairs_file: Path) -> None:
    """An HTML file is a report to read (ours: the pairs beside their flags), not a table of pairs: said so,
    with what to give instead, rather than 'no two columns to pair' about aligner's own export."""
    from aligner.formats.web import HTML_SUFFIXES

    readable = "give the pairs as .tmx, .tsv, .csv, .xlsx, .ods, .docx or .json (aligner align … -o pairs.tsv writes them so)"
    if pairs_file.is_dir():  # "is a folder; give the path of a text file": check takes no text file either
        raise click.ClickException(f"{pairs_file} is a folder; check reads one file of pairs: {readable}. To align the "
                                   "files of folders: aligner batch.")
    if pairs_file.suffix.lower() in HTML_SUFFIXES and pairs_file.is_file():
        raise click.ClickException(f"{pairs_file} is a web page, which check does not read pairs from (aligner's HTML "
                                   f"report is for reading); {readable}.")
    if pairs_file.suffix.lower() == ".txt" and _is_listing(pairs_file):  # said "no two columns to pair"
        raise click.ClickException(f"{pairs_file} is aligner's text listing (-o pairs.txt), which is for reading, not "
                                   f"read back; {readable}.")


def _is_listing(path: Path) -> bool:
    """Whether a file starts as aligner's side-by-side listing does: a header line in columns, then a rule."""
    try:
        with path.open(encoding="utf-8") as handle:
            head, rule = handle.readline(), handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return "│" in head and rule.strip() != "" and set(rule.strip()) == {"─"}


def _corpus_format(pairs_file: Path, documents: int, fmt: str) -> str:
    """The format a checked corpus is written in: one that keeps each row's document (a `document` column, a TMX prop)."""
    from aligner.export import ExportFormatError
    from aligner.export.merged import MERGED_FORMATS

    fmt = fmt.lower().lstrip(".")
    if fmt not in MERGED_FORMATS:
        raise ExportFormatError(f"{pairs_file} holds {documents} documents; their checked pairs are written as one "
                                f"{' / '.join('.' + f for f in MERGED_FORMATS)} file, which keeps each row's document, "
                                f"not as .{fmt}.")
    return fmt
