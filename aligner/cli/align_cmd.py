"""`aligner align ZH TGT [-o pairs.tsv]`: align two files and write or print the pairs."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from aligner.cli.options import encoding_option, glossary_option, model_option, stdout_format_option
from aligner.cli.progress import StderrProgress
from aligner.cli.output import destination, print_listing, print_warnings, stdout_format, write_stdout
from aligner.cli.selection import LISTING_FILTERED, selection_options, shown_message, written_message
from aligner.errors import AlignerError
from aligner.types import LANGUAGE_NAMES

STDIN = "-"  # a file argument standing for the text piped into stdin
SEGMENT_BAR_BYTES = 1_000_000  # inputs this big get a bar while they are read and split (≈ 5 s and more)


@click.command()
# not required=True: with no file, click's "Missing argument" would name the metavar; ours says which files go where
@click.argument("files", nargs=-1, metavar="CHINESE TRANSLATION [SECOND_TRANSLATION]")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the pairs here; the format follows the extension (.tsv .csv .json .tmx .xlsx .docx .html .txt); "
                   "'-' writes them to stdout (-f gives the format). Without it, a side-by-side listing goes to stdout.")
@stdout_format_option
@click.option("--target-lang", type=click.Choice(["ru", "en"]), help="Language of the translation (default: detected).")
@encoding_option("zh", "the Chinese", "gb18030 or big5")
@encoding_option("target", "the translation's", "cp1252, cp1251 or koi8-r")
@model_option
@click.option("--presplit", is_flag=True, help="The files hold one sentence per line already; do not re-split.")
@glossary_option
@selection_options(LISTING_FILTERED)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def align(files: tuple[str, ...], output: Path | None, fmt: str | None, target_lang: str | None,
          zh_encoding: str | None, target_encoding: str | None, model: str | None, presplit: bool,
          glossary_file: Path | None, keep: set[str] | None, min_score: float, no_cache: bool, quiet: bool) -> None:
    """Align a Chinese text with its Russian or English translation, sentence by sentence.

    The Chinese file always comes first.

    \b
    Two columns, Chinese and one translation (Russian or English):
      aligner align zh.txt en.txt
      aligner align zh.txt ru.txt
    Three columns, Chinese and both translations (Russian, English; either order):
      aligner align zh.txt ru.txt en.txt

    Each file may be plain text (UTF-8, UTF-16, GB18030, Big5, cp1251, KOI8-R …), .docx, .doc,
    .odt, .rtf, .pdf, .epub, .html, .mhtml or .srt; a web address (https://…), whose article or
    PDF is read; or '-' for a text piped into stdin (one of two files).
    """
    from aligner.fetch import is_url
    from aligner.glossary import load_glossary

    files = tuple(name if is_url(name) or name == STDIN else Path(name) for name in files)
    if len(files) not in (2, 3):
        raise click.UsageError("Give two files (Chinese, translation) or three (Chinese, Russian, English).")
    _refuse_folders(files)
    if target_lang and len(files) == 3:
        raise click.UsageError("--target-lang is for two files; in three columns each translation's language is "
                               "detected.")
    if (zh_encoding or target_encoding) and len(files) == 3:
        raise click.UsageError("--zh-encoding and --target-encoding are for two files; in three columns each file's "
                               "encoding is detected (save a file it gets wrong as UTF-8).")
    for file, encoding, option in zip(files, (zh_encoding, target_encoding), ("--zh-encoding", "--target-encoding")):
        if encoding and is_url(file):
            raise click.UsageError(f"{option} is for a file or stdin; {file} is a web address, whose server names "
                                   "its encoding.")
    if files.count(STDIN) > 1 or (STDIN in files and len(files) == 3):
        raise click.UsageError("'-' (stdin) can give one text of two: pipe in the Chinese or the translation and "
                               "name the other file.")
    piped = stdout_format(output, fmt)  # -o -: the export's format, written to stdout
    progress = StderrProgress(enabled=not quiet)
    try:
        if output is not None and piped is None:
            from aligner.export import check_destination

            # before minutes of work, not after; the glossary is an input too, a reviewer's own list
            check_destination(output, inputs=(*files, *filter(None, (glossary_file,))))
        glossary = load_glossary(glossary_file) if glossary_file is not None else ()
        if len(files) == 3:
            _align_three(files, output, piped, model, presplit, not no_cache, progress, glossary, keep, min_score)
        else:
            _align_two(files, output, piped, target_lang, (zh_encoding, target_encoding), model, presplit,
                       not no_cache, progress, glossary, keep, min_score, str(glossary_file))
    except AlignerError as error:
        progress.close()
        raise click.ClickException(str(error)) from None
    finally:
        progress.close()


def _refuse_folders(files) -> None:
    """A folder given to align (a corpus kept as zh/ and en/) is said with the command that aligns folders,
    not only as 'a folder; give the path of a text file'."""
    import shlex

    folders = [file for file in files if isinstance(file, Path) and file.is_dir()]
    if not folders:
        return
    command = (" ".join(shlex.quote(str(folder)) for folder in files) if len(folders) == len(files)
               else "ZH_FOLDER TRANSLATION_FOLDER")
    raise click.UsageError(f"{folders[0]} is a folder; align takes files. To align every file of folders, paired by "
                           f"name: aligner batch {command} -o OUTPUT_FOLDER.")


def _align_two(files, output, piped, target_lang, encodings, model, presplit, cache, progress, glossary, keep,
               min_score, glossary_name) -> None:
    from aligner import export
    from aligner.embed import get_encoder
    from aligner.glossary import check_coverage
    from aligner.pair_filter import kept_pairs
    from aligner.pipeline import align_documents, check_languages, load_document

    # a novel takes half a minute to read and split, a chapter a blink: a bar for that would only
    # put lines before a one-line error (an empty file, the wrong language) in a log. The bar is each text's, in
    # its characters ("splitting the Chinese"), as the review page's; it counted the two files in "characters".
    report = progress if _size(files) >= SEGMENT_BAR_BYTES else None
    documents = []
    for first, (file, lang, encoding, option) in zip((True, False), zip(files, (None, target_lang), encodings,
                                                                        ("--zh-encoding", "--target-encoding"))):
        text, read_as = _read(file, encoding, "zh" if first else lang)
        _say_read_as(read_as, f"give {option}", progress)
        documents.append(load_document(text, lang=lang, presplit=presplit, name=_name(file), progress=report))
    source, target = documents
    check_languages(source, target)
    check_coverage(glossary, (target.lang,), glossary_name)  # before minutes of work, not after
    aligned = align_documents(source, target, get_encoder(model, cache=cache), progress=progress, glossary=glossary)
    progress.close()
    print_warnings(aligned.warnings)
    alignment = kept_pairs(aligned, keep, min_score)
    if output is None:
        print_listing(export.listing(alignment))
        _say(shown_message(len(alignment.beads), len(aligned.beads), "pairs", keep, min_score))
        return
    replaced = not piped and output.exists()
    if piped:
        write_stdout(export.render(alignment, piped))
    else:
        export.write(alignment, output)
    click.echo(written_message(len(alignment.beads), len(aligned.beads), "pairs", keep, min_score,
                               destination(output, piped, replaced),
                               export.pairs_in_file(alignment, piped or output.suffix)), err=True)


def _say(message: str) -> None:
    """A line for the user on stderr, if there is one."""
    if message:
        click.echo(message, err=True)


def _size(files) -> int:
    """The bytes of the files on disk (web addresses and stdin count 0)."""
    return sum(file.stat().st_size for file in files if isinstance(file, Path) and file.is_file())


def _read(file, encoding: str | None = None, language: str | None = None):
    """The text of a file, a web address or, for '-', the bytes piped into stdin (any encoding or format a file
    may have, or the `encoding` given), with the encoding detection chose if it was not UTF-8 (a ReadAs, or None);
    `language`, its side's where known ("zh" for the first file), tells apart encodings a few words read as well in."""
    from aligner.errors import InputError
    from aligner.fetch import is_url, read_url
    from aligner.read_as import read_piped, read_text

    if file == STDIN:
        stream = sys.stdin.buffer
        if stream.isatty():
            raise InputError("'-' reads a text from stdin, but nothing is piped in: e.g. "
                             "cat zh.txt | aligner align - en.txt")
        return read_piped(stream.read(), "stdin", encoding, language)
    if is_url(str(file)):  # the server names the encoding of a page
        return read_url(str(file)), None
    if _is_stream(file):  # <(pdftotext en.pdf -), /dev/stdin: no size until read, so "empty (0 bytes)" to a file's checks
        with file.open("rb") as stream:
            return read_piped(stream.read(), str(file), encoding, language)
    return read_text(file, encoding, language)


def _is_stream(file: Path) -> bool:
    """Whether `file` is a pipe or a device (a shell's process substitution, /dev/stdin), read as stdin is."""
    import stat

    try:
        mode = file.stat().st_mode
    except OSError:
        return False  # missing, a broken link …: the reader says which
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _name(file) -> str:
    """What messages and exports call a file: its path, its address, or 'stdin' for '-'."""
    return "stdin" if file == STDIN else str(file)


def _say_read_as(read_as, remedy: str, progress) -> None:
    """One line on stderr for a file detection read in another encoding than UTF-8 (a wrong guess shows as
    the wrong letters, or as a text in the wrong language): which encoding, and what to do if it is wrong."""
    if read_as is not None:
        progress.close()  # a bar over a large file's reading would swallow the line
        click.echo(f"Read {read_as.name} as {read_as.shown}; if its text looks wrong, {remedy}.", err=True)


def _align_three(files, output, piped, model, presplit, cache, progress, glossary, keep, min_score) -> None:
    from aligner.pair_filter import kept_rows
    from aligner.threeway import align_three_texts
    from aligner.export.threeway import listing, render, rows_in_file, write

    texts = []
    for first, file in zip((True, False, False), files):
        text, read_as = _read(file, language="zh" if first else None)
        _say_read_as(read_as, "save it as UTF-8 (three columns detect each file's encoding)", progress)
        texts.append(text)
    result = align_three_texts(*texts, model=model, presplit=presplit, cache=cache, progress=progress,
                               names=tuple(map(_name, files)), glossary=glossary)
    progress.close()
    first, second = (alignment.target for alignment in result.alignments.values())
    if first.lang == second.lang:  # compared as ru1 and ru2: right for two translations, news for a wrong file
        click.echo(f"Note: both translations are {LANGUAGE_NAMES.get(first.lang, first.lang)} ({first.name} and "
                   f"{second.name}), in columns {' and '.join(result.labels)}; give a Russian and an English "
                   "translation for one of each.", err=True)
    for alignment in result.alignments.values():
        print_warnings(alignment.warnings)
    shown = kept_rows(result, keep, min_score)
    if output is None:
        print_listing(listing(shown))
        _say(shown_message(len(shown.rows), len(result.rows), "rows", keep, min_score))
        return
    replaced = not piped and output.exists()
    if piped:
        write_stdout(render(shown, piped))
    else:
        write(shown, output)
    click.echo(written_message(len(shown.rows), len(result.rows), "rows", keep, min_score,
                               destination(output, piped, replaced), rows_in_file(shown, piped or output.suffix)),
               err=True)
