"""`aligner batch ZH_FOLDER TGT_FOLDER -o OUT`: align every pair of files in folders, for corpora."""
from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from aligner.cli.options import encoding_option, glossary_option, model_option
from aligner.cli.progress import StderrProgress, document_bar
from aligner.cli.selection import BATCH_FILTERED, selection_options
from aligner.errors import AlignerError
from aligner.export import FORMATS


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for the output files (created if missing): NAME.zh-LANG.FORMAT per document and summary.tsv.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default="tsv", show_default=True,
              help="Format of each document's file.")
@click.option("--three-way", is_flag=True,
              help="One folder: align name.zh.* with name.ru.* and name.en.* together, in three columns "
                   "(three folders always do).")
@click.option("--merge", is_flag=True,
              help="Also write the pairs of every document (those --keep and --min-score choose) to one file per "
                   "language pair (corpus.zh-en.tsv); "
                   "with --format tsv, csv, tmx or xlsx.")
@click.option("--target-lang", type=click.Choice(["ru", "en"]), help="Language of the translations (default: detected).")
@encoding_option("zh", "the Chinese", "gb18030 or big5", files="plain-text files and web pages not in UTF-8 or with a BOM")
@encoding_option("ru", "the Russian", "cp1251 or koi8-r",
                 files="plain-text files and web pages not in UTF-8 or with a BOM (name.ru.txt, the second of three folders, or all with --target-lang ru)")
@encoding_option("en", "the English", "cp1252",
                 files="plain-text files and web pages not in UTF-8 or with a BOM (name.en.txt, the third of three folders, or all with --target-lang en)")
@model_option
@click.option("--presplit", is_flag=True, help="The files hold one sentence per line already; do not re-split.")
@glossary_option
@selection_options(BATCH_FILTERED)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("--resume", is_flag=True,
              help="Keep the documents an earlier run into the output folder finished (listed in its summary.tsv, "
                   "their files unchanged since) and align only the others; those it made with other options "
                   "(model, glossary, encodings, --keep …: the summary's settings column) are aligned again.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars, no line per document.")
def batch(folders: tuple[Path, ...], out_dir: Path, fmt: str, three_way: bool, merge: bool, target_lang: str | None,
          zh_encoding: str | None, ru_encoding: str | None, en_encoding: str | None, model: str | None, presplit: bool, glossary_file: Path | None, keep: set[str] | None, min_score: float,
          no_cache: bool, resume: bool, quiet: bool) -> None:
    """Align every Chinese file of a corpus with its translation, pairing files by name.

    Two folders (Chinese, translation): zh/001.txt pairs with en/001.txt. Three folders
    (Chinese, Russian, English): three columns per name. One folder: name.zh.txt pairs with
    name.ru.txt and name.en.txt (or, with --three-way, with both at once). Sub-folders are searched:
    zh/book1/ch01.txt pairs with en/book1/ch01.txt. Each document's file goes to the output folder
    (in the same sub-folder), with summary.tsv (counts of pairs and problems per document, and
    files left unpaired). A document that fails is reported and the others go on; the exit
    status is then 1.
    """
    from aligner import corpus
    from aligner.embed import get_encoder
    from aligner.export.merged import MERGED_FORMATS, MergedWriter
    from aligner.glossary import load_glossary

    if len(folders) not in (1, 2, 3):
        raise click.UsageError("Give one folder (name.zh.txt beside name.en.txt), two (Chinese, translation) "
                               "or three (Chinese, Russian, English).")
    if three_way and len(folders) == 2:
        raise click.UsageError("--three-way needs one folder (name.zh/.ru/.en) or three folders (Chinese, Russian, "
                               "English), not two.")
    if target_lang and (three_way or len(folders) == 3):
        raise click.UsageError("--target-lang is for two columns; in three, each translation's language is detected.")
    if merge and resume:
        raise click.UsageError("--resume keeps earlier documents without aligning them, while --merge needs every "
                               "alignment; leave one of them out.")
    if merge and fmt not in MERGED_FORMATS:
        raise click.UsageError(f"--merge writes {', '.join(MERGED_FORMATS)}; choose one of them with --format.")
    try:
        corpus.check_output_folder(out_dir, list(folders))
        glossary = load_glossary(glossary_file) if glossary_file is not None else ()
        sets, unpaired = corpus.find_file_sets(list(folders), three_way=three_way, exclude=[out_dir])
    except AlignerError as error:
        raise click.ClickException(str(error)) from None
    for item in unpaired:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    if not sets:
        by_language = corpus.language_folders(folders[0]) if len(folders) == 1 else []
        if by_language:  # zh/ and en/ inside the folder given: they are the folders to give
            raise click.ClickException(
                f"No matching files found in {folders[0]}: it holds one folder per language "
                f"({', '.join(p.name for p in by_language)}); give them as the folders: aligner batch "
                + " ".join(shlex.quote(str(p)) for p in by_language) + f" -o {shlex.quote(str(out_dir))}")
        unread = corpus.unread_suffixes(list(folders))
        many = sum(unread.values()) > 1
        left_out = (f"; {sum(unread.values())} file{'s' if many else ''} there {'have' if many else 'has'} no extension or "
                    "one aligner does not read as a text ("
                    + ", ".join(suffix or "none" for suffix in sorted(unread)) + "): rename them to .txt"
                    if unread else "")
        raise click.ClickException(f"No matching files found in {', '.join(map(str, folders))}; "
                                   + _naming_hint(folders, unpaired, out_dir) + left_out + ".")
    encodings = corpus.Encodings(zh_encoding, ru_encoding, en_encoding)
    unstated = encodings.unstated(sets, target_lang)
    if unstated is not None:
        given = "--ru-encoding" if ru_encoding else "--en-encoding"
        raise click.UsageError(f"{given} is for the {'Russian' if ru_encoding else 'English'} files, and nothing says "
                               f"which language {unstated} is in: add --target-lang {'ru' if ru_encoding else 'en'} "
                               "(two folders), or tag the names (name.ru.txt, name.en.txt).")
    if merge and any(p.name.casefold() == corpus.MERGED_STEM for p in sets):
        raise click.ClickException(f"A document is named '{corpus.MERGED_STEM}', the name of the merged file; "
                                   "rename it or leave out --merge.")
    _ready_output_folder(out_dir)  # the documents found and the options right: the work starts here
    merged = MergedWriter(fmt, lambda src, tgt: corpus.output_path(out_dir, corpus.MERGED_STEM, src, tgt, fmt)) \
        if merge else None
    try:
        encoder = get_encoder(model, cache=not no_cache)
    except AlignerError as error:  # the encoder cannot be loaded: nothing can be aligned
        raise click.ClickException(str(error)) from None
    kept = _resumed(out_dir, sets, fmt, corpus.run_settings(encoder.name, presplit, target_lang, glossary,
                                                            str(glossary_file), keep, min_score, encodings)) if resume else {}
    before = corpus.output_files(out_dir)  # an earlier run's files, which this one replaces or leaves there
    results, interrupted = _run(sets, out_dir, fmt, target_lang, encoder, presplit, quiet, merged,
                                glossary, keep, min_score, str(glossary_file), kept, encodings, model)
    if interrupted:  # Ctrl-C: a summary of what was done, never an earlier run's looking current
        if merged:
            merged.discard()
        finished = len(results)
        results += [corpus.DocumentResult(files, error=corpus.INTERRUPTED) for files in sets[finished:]]
        summary = corpus.write_summary(out_dir / corpus.SUMMARY_NAME, results, unpaired)
        earlier = sorted(path.name for path in out_dir.glob(f"{corpus.MERGED_STEM}.*.{fmt}")) if merge else []
        click.echo(f"Interrupted: {finished} of {len(sets)} documents done, the {len(sets) - finished} others listed "
                   f"as not aligned in {summary}" + ("; the merged file was not written" if merge else "")
                   + (f" ({', '.join(earlier)} there {'is' if len(earlier) == 1 else 'are'} from an earlier run)"
                      if earlier else "")
                   + (". Run the same command again with --resume to align only the others." if not merge else
                      ". Run the same command again to align them all"
                      + ("." if no_cache else " (the finished ones are quicker then, their embeddings cached).")),
                   err=True)
        sys.exit(130)
    written = [corpus.write_summary(out_dir / corpus.SUMMARY_NAME, results, unpaired)]
    if merge:
        written += _write_merged(merged)
    failed = [r for r in results if r.error]
    noted = sum(1 for r in results if r.files.note and not r.error)
    unrelated = sum(1 for r in results if r.warnings)  # the review's word on a translation as a whole
    kept_count = sum(1 for r in results if r.kept_note is not None)  # --resume: there already, not written now
    read_as = sum(len(r.read_as) for r in results)  # files detection read in another encoding than UTF-8
    click.echo(f"{len(results) - len(failed) - kept_count} of {len(results)} alignments written to {out_dir}"
               + (f", {kept_count} kept from an earlier run" if kept_count else "")
               + (f"; {len(failed)} failed" if failed else "")
               + (f"; {noted} in two columns, a translation missing (see the summary's note)" if noted else "")
               + (f"; {unrelated} whose translation does not look like one of its Chinese text (see the summary's "
                  "note; --keep ok leaves their pairs out)" if unrelated else "")
               + (f"; {len(unpaired)} file{'s' if len(unpaired) > 1 else ''} left unpaired" if unpaired else "")
               + (f"; {read_as} file{'s' if read_as > 1 else ''} read in an encoding other than UTF-8 (see the summary's "
                  "note; --zh-encoding, --ru-encoding or --en-encoding if one is wrong)" if read_as else "")
               + _earlier_files(before, results, written, out_dir)
               + f". Summary: {written[0]}" + "".join(f", {path}" for path in written[1:]), err=True)
    if failed:
        sys.exit(1)


def _ready_output_folder(out_dir: Path) -> None:
    """The output folder made, or a one-line error saying why it cannot be written in, before the encoder loads
    and any document is aligned: one under a file, or a folder the user may not write in, was met only when the
    first document was done (a traceback, or every document failed at its end after its minutes of work)."""
    import os

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        above = next((folder for folder in out_dir.absolute().parents if folder.exists()), None)
        why = f"{above} is a file" if above is not None and not above.is_dir() else error.strerror or str(error)
        raise click.ClickException(f"Cannot make the output folder {out_dir}: {why}; choose another folder for "
                                   "-o.") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise click.ClickException(f"Cannot write in the output folder {out_dir}: permission denied; choose a folder "
                                   "you can write to for -o.")


def _naming_hint(folders: tuple[Path, ...], unpaired, out_dir: Path) -> str:
    """How to name the files so that they pair, shown on the user's own files where it can be: in one folder,
    a language tag before the extension (`joint statement.txt` → `joint statement.zh.txt`); across folders,
    the same name in each. 'name them alike' alone left a user whose names carry no tag guessing what 'alike' is."""
    from aligner.corpus import split_name

    untagged = [item.path for item in unpaired if len(folders) == 1 and not split_name(item.path)[1]]
    if untagged:
        first = untagged[0]
        stem, suffix = (first.name[: -len(first.suffix)], first.suffix) if first.suffix else (first.name, ".txt")
        many = len(untagged) > 1
        return (f"in one folder, files pair by a language tag at the end of their names, and "
                f"{'none of its ' + str(len(untagged)) + ' files has one' if many else 'its file has none'} "
                f"('{first.name}'{', …' if many else ''}). Tag them, e.g. '{stem}.zh{suffix}' for the Chinese and "
                f"'{stem}.en{suffix}' (or .ru{suffix}) for its translation; or give two folders, the Chinese files in "
                f"one and their translations under the same names in the other: aligner batch zh/ en/ -o "
                f"{shlex.quote(str(out_dir))}")
    if len(folders) > 1:
        sources = [item.path for item in unpaired if item.side == "source"]
        targets = [item.path for item in unpaired if item.side == "target"]
        if sources and targets:
            return (f"a Chinese file pairs with the translation of the same name in the other folder, and no name is "
                    f"in both ('{sources[0].relative_to(folders[0])}' in {folders[0]}, '{targets[0].name}' in "
                    f"{targets[0].parent}); name each translation as its Chinese file "
                    f"({folders[1] / sources[0].relative_to(folders[0])})")
    return "name them alike (zh/001.txt and en/001.txt, or name.zh.txt and name.en.txt)"


def _earlier_files(before: set[Path], results, written: list[Path], out_dir: Path) -> str:
    """What the run did to the files an earlier run left in the output folder, for the last line: how many it
    replaced, and those still there that are no part of this run (another format, a document since renamed,
    two columns where three are now), which the summary does not list and which look as current as the others."""
    before = {path.resolve() for path in before}
    now = {path.resolve() for path in written[1:]}  # the merged files (the first is the summary)
    now |= {r.output.resolve() for r in results if r.output is not None and r.kept_note is None}
    kept = {r.output.resolve() for r in results if r.output is not None and r.kept_note is not None}
    replaced = len(before & now)
    left = sorted(path for path in before - now - kept if path.exists())
    shown = ", ".join(str(path.relative_to(out_dir.resolve())) for path in left[:3]) + (", …" if len(left) > 3 else "")
    return ((f"; {replaced} file{'s' if replaced > 1 else ''} of an earlier run replaced" if replaced else "")
            + (f"; {len(left)} file{'s' if len(left) > 1 else ''} of an earlier run left in {out_dir}, no part of this "
               f"one ({shown})" if left else ""))


def _resumed(out_dir: Path, sets, fmt: str, settings: str) -> dict:
    """The documents --resume keeps; those an earlier run made with other options are said, to align again."""
    from aligner import corpus

    earlier = corpus.earlier_results(out_dir, sets, fmt, settings)
    if earlier.changed:
        changes = sorted(set(earlier.changed.values()))
        count = len(earlier.changed)
        click.echo(f"--resume: {count} document{'s' if count > 1 else ''} in {out_dir} "
                   f"{'were' if count > 1 else 'was'} not aligned with this run's options ({'; '.join(changes)}); "
                   f"aligning {'them' if count > 1 else 'it'} again.", err=True)
    return earlier.kept


def _run(sets, out_dir, fmt, target_lang, encoder, presplit, quiet, merged, glossary, keep, min_score,
         glossary_name, kept=None, encodings=None, model=None):
    """The documents aligned, and whether the run was interrupted (Ctrl-C) before the last; each
    alignment goes to `merged` (a MergedWriter, with --merge) as it is done."""
    from aligner import corpus

    progress = StderrProgress(enabled=not quiet)
    results = []
    try:
        documents = document_bar(len(sets), quiet)
        for result in corpus.align_corpus(sets, out_dir, fmt, encoder, presplit=presplit,
                                          target_lang=target_lang, progress=progress, glossary=glossary,
                                          keep=keep, min_score=min_score, glossary_name=glossary_name, kept=kept,
                                          encodings=encodings or corpus.Encodings(), model=model):
            results.append(result)  # first: a Ctrl-C while its line is printed must not lose it
            held = merged is not None and result.alignment is not None and merged.add(result.name, result.alignment)
            if not held:
                result.alignment = None  # a corpus need not be held in memory
            progress.close()
            documents.update(1)
            if not quiet:
                documents.write(_line(result), file=sys.stderr)
            for warning in result.warnings:  # as `align` prints them, -q or not: the output is no translation
                documents.write(f"Warning: {result.name}: {warning}", file=sys.stderr)
        documents.close()
    except AlignerError as error:  # the encoder cannot be used: nothing can be aligned
        raise click.ClickException(str(error)) from None
    except KeyboardInterrupt:
        return results, True
    finally:
        progress.close()
    return results, False


def _line(result) -> str:
    """A document's line as it is done, for a person: its problems as the reports name them ("low confidence",
    not the summary's column name `weak`)."""
    from aligner.export.status import kind_name

    read_as = "".join(f"; {read}" for read in result.read_as)  # a wrong guess of an encoding is seen here
    if result.error:
        removed = "".join(f" (the earlier output {path} removed)" for path in result.removed)
        return f"failed  {result.name}: {result.error}{removed}{read_as}"
    counts = result.counts
    problems = ", ".join(f"{counts[k]} {kind_name(k)}" for k in ("omitted", "added", "number", "name", "term", "partial",
                                                      "weak", "disagree") if counts[k])
    unit = "rows" if result.files.three_way else "pairs"
    written = f"{counts['written']} of " if counts["written"] != counts["pairs"] else ""
    status = "kept    " if result.kept_note is not None else "ok      "  # from an earlier run (--resume)
    return (f"{status}{result.name} → {result.output} ({written}{counts['pairs']} {unit}"
            + (f"; {problems}" if problems else "") + f"; {result.seconds:.1f} s)"
            + (f"; {result.files.note}" if result.files.note else "") + read_as)


def _write_merged(merged) -> list[Path]:
    from aligner.export.merged import MergedWriteError

    try:
        return merged.finish()
    except MergedWriteError as error:
        raise click.ClickException(f"Cannot write {error.path}: {error}") from None
