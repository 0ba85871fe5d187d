"""The pipeline in one place: read → segment → embed → align → review.

Data flows one way; each stage lives in its own module and the user's text is never altered.
"""
from __future__ import annotations

import os
from pathlib import Path

from aligner.errors import InputError, LanguageError
from aligner.types import LANGUAGE_NAMES, Alignment, Document, Progress, Term, no_progress

SUPPORTED_TARGETS = ("ru", "en")


def load_document(text: str | bytes, lang: str | None = None, presplit: bool = False, name: str = "",
                  role: str = "", progress: Progress | None = None) -> Document:
    """Detect the language (unless given) and segment `text` into sentences with offsets.

    `role` names a text without a `name` in errors ("The second text"), so the caller of
    `align_texts` learns which of its two strings is empty or in the wrong language. Bytes are
    decoded as a file's are (UTF-8, GB18030, Big5, cp1251 …; a document format by `name`'s extension).
    `progress("segment (zh)", characters done, characters)` as the text is split (`segment`)."""
    from aligner.language import check_declared_language, detect_language, refuse_bilingual
    from aligner.segment import segment

    who = name or role or "The text"
    if isinstance(text, (bytes, bytearray)):
        from aligner.reading import read_bytes

        text = read_bytes(bytes(text), _capital(who))
    if not text.strip():
        raise InputError(f"{_capital(who)} is empty: there is nothing to align.")
    if lang:
        lang = lang.strip().lower()
        if lang not in LANGUAGE_NAMES:
            raise LanguageError(f"{_capital(who)} cannot be read as language {lang!r}: aligner reads Chinese ('zh') "
                                "and its translations into Russian or English ('ru' or 'en'); give one of those "
                                "or leave the language out to detect it.")
        check_declared_language(text, lang, who)
    else:
        refuse_bilingual(text, who)
    lang = lang or detect_language(text, who)
    return Document(text=text, lang=lang, sentences=segment(text, lang, presplit=presplit, progress=progress), name=name)


def _capital(phrase: str) -> str:
    """A phrase that starts a message with a capital ("the first text" → "The first text"); file names stay as they are."""
    return phrase[:1].upper() + phrase[1:] if phrase.startswith("the ") else phrase


def read_source(source: str | Path, language: str | None = None) -> str:
    """The text of a file, or of a web address (http/https), in any supported encoding or format (a plain-text
    file's expected to be in `language`, where its bytes read as well in two: see `reading.decode`)."""
    from aligner.fetch import is_url, read_url
    from aligner.reading import read_file

    return read_url(str(source)) if is_url(str(source)) else read_file(source, language=language)


def load_file(path: str | Path, lang: str | None = None, presplit: bool = False, encoding: str | None = None,
              expected: str | None = None, progress: Progress | None = None) -> Document:
    """Read a file (or web address) in any supported encoding or format and load it as a Document;
    `encoding` reads a plain-text file in that encoding instead of the one detected; `expected` (else `lang`) is
    the language its side is in ("zh" for the Chinese one), which decides between encodings a few words read as
    well in."""
    if encoding:
        from aligner.reading import read_file

        return load_document(read_file(path, encoding), lang=lang, presplit=presplit, name=str(path), progress=progress)
    return load_document(read_source(path, expected or lang), lang=lang, presplit=presplit, name=str(path),
                         progress=progress)


MAX_PATH_CHARS = 4096  # longer "file names" are texts (Linux's own limit on a path)


def _names_a_file(text: str) -> bool:
    """A "text" that is a file's name or a web address: one line, and a file there, an address, or
    no space and the extension of a kind of file aligner reads ("chapter01.zh.txt")."""
    from aligner.fetch import is_url
    from aligner.reading import READABLE_SUFFIXES

    text = text.strip()
    if not text or "\n" in text or len(text) > MAX_PATH_CHARS:
        return False
    if is_url(text) or (not any(c.isspace() for c in text) and Path(text).suffix.lower() in READABLE_SUFFIXES):
        return True
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _text_given(text: object, role: str) -> None:
    """`align_texts` takes texts: a file's name or a Path given instead is said, with the function for files."""
    if isinstance(text, os.PathLike) or (isinstance(text, str) and _names_a_file(text)):
        raise InputError(f"{role} is {os.fspath(text) if isinstance(text, os.PathLike) else text.strip()!r}, the name "
                         "of a file or a web address, not the text to align: give files and addresses to "
                         "aligner.align_files, texts to align_texts.")
    if not isinstance(text, (str, bytes, bytearray)):
        listed = ("; for sentences split already, join them with '\\n' and give presplit=True"
                  if isinstance(text, (list, tuple)) else "")
        raise TypeError(f"align_texts takes each text as str or bytes, not {type(text).__name__}{listed}.")


def _file_given(path: object, role: str) -> None:
    """`align_files` takes file names or addresses: a text given instead is said, with the function for texts."""
    if isinstance(path, str) and ("\n" in path.strip() or len(path) > MAX_PATH_CHARS):
        raise InputError(f"{role} given to align_files is a text ({path.strip()[:30]!r}…), not the name of a file: "
                         "give texts to aligner.align_texts, files and addresses to align_files.")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"align_files takes each file as a str or a Path, not {type(path).__name__}.")


def check_languages(source: Document, target: Document) -> None:
    """The source must be Chinese and the target Russian or English; say which side is wrong."""
    src_name = source.name or "the first text"
    tgt_name = target.name or "the second text"
    if source.lang == target.lang:
        raise LanguageError(
            f"Both {src_name} and {tgt_name} are {LANGUAGE_NAMES.get(source.lang, source.lang)}; "
            "give a Chinese text and its Russian or English translation."
        )
    if source.lang != "zh":
        hint = (" (swap the two files: Chinese first)" if target.lang == "zh"
                else "; the first text must be the Chinese original, the second its translation")
        raise LanguageError(f"{_capital(src_name)} is {LANGUAGE_NAMES.get(source.lang, source.lang)}, not Chinese{hint}.")
    if target.lang not in SUPPORTED_TARGETS:
        raise LanguageError(
            f"{_capital(tgt_name)} is {LANGUAGE_NAMES.get(target.lang, target.lang)}; "
            "the translation must be Russian or English."
        )


def align_documents(source: Document, target: Document, encoder=None, progress: Progress | None = None,
                    glossary: tuple[Term, ...] = ()) -> Alignment:
    """Align two loaded documents and add review flags (`glossary`: terms each pair must render)."""
    from aligner.align import align
    from aligner.embed import get_encoder
    from aligner.review import review
    from aligner.sizing import warn_if_too_big

    check_languages(source, target)
    warn_if_too_big(source, target)
    progress = progress or no_progress
    encoder = encoder or get_encoder()
    beads = align(source, target, encoder, progress=progress)
    alignment = Alignment(source=source, target=target, beads=beads, model=encoder.name, glossary=tuple(glossary))
    review(alignment, encoder, progress=progress)  # a minute on a novel: its bar moves check by check
    return alignment


def align_texts(
    zh_text: str | bytes,
    tgt_text: str | bytes,
    *,
    target_lang: str | None = None,
    model: str | Path | None = None,
    presplit: bool = False,
    cache: bool = True,
    progress: Progress | None = None,
    source_name: str = "",
    target_name: str = "",
    glossary: tuple[Term, ...] = (),
) -> Alignment:
    """Align a Chinese text with its Russian or English translation; files go to `align_files`.

    The texts are strings, or bytes in any encoding a text file may have (GBK, cp1251, UTF-16 …).
    `target_lang`: 'ru' or 'en' (None: detected). `model`: None for the offline default encoder
    (loaded once per process, whatever the number of calls), or a sentence-transformers name or
    folder. `presplit`: the texts hold one sentence per line, not re-split. `cache`: read and
    write the embedding cache. `progress(stage, done, total)`: called as the work goes on.
    `source_name`/`target_name`: how errors and exports name the texts. `glossary`: terms each
    pair must render (`aligner.glossary.load_glossary("terms.xlsx")`).

    Returns an `Alignment`: `.beads` (each with `.src`/`.tgt` sentence indices, `.kind` '1-2',
    `.score` 0–1, `.flags`), `.texts(bead)` the pair's two sides, `.source`/`.target` the Documents
    (`.text`, `.sentences` with character offsets). `aligner.export.write(result, "pairs.tsv")`
    saves it, `aligner.pair_filter.kept_pairs(result, {"ok"}, 0.5)` keeps the pairs a reviewer
    would accept. Raises `AlignerError` (one line to show the user: an empty or binary text, the
    wrong language, a model not on disk), TypeError for a text that is neither str nor bytes.
    """
    from aligner.embed import get_encoder

    _text_given(zh_text, "The first text")
    _text_given(tgt_text, "The second text")
    source = load_document(zh_text, lang=None, presplit=presplit, name=source_name, role="The first text",
                           progress=progress)
    target = load_document(tgt_text, lang=target_lang, presplit=presplit, name=target_name, role="The second text",
                           progress=progress)
    check_languages(source, target)
    return align_documents(source, target, get_encoder(model, cache=cache), progress=progress, glossary=glossary)


def align_files(
    zh_path: str | Path,
    tgt_path: str | Path,
    *,
    target_lang: str | None = None,
    model: str | Path | None = None,
    presplit: bool = False,
    cache: bool = True,
    progress: Progress | None = None,
    glossary: tuple[Term, ...] = (),
) -> Alignment:
    """Align a Chinese file with its translation (files of any supported format, or web addresses).

    What `aligner align zh.txt en.txt` does: .txt in any common encoding, .docx, .doc, .odt, .rtf,
    .pdf, .epub, .html, .srt, or an http(s) address. The options and the `Alignment` returned are
    those of `align_texts`; an `AlignerError` names the file at fault (empty, binary, scanned,
    not found, in the wrong language). For folders of files use `aligner.corpus`."""
    from aligner.embed import get_encoder

    _file_given(zh_path, "The first file")
    _file_given(tgt_path, "The second file")
    source = load_file(zh_path, presplit=presplit, expected="zh", progress=progress)
    target = load_file(tgt_path, lang=target_lang, presplit=presplit, progress=progress)
    check_languages(source, target)
    return align_documents(source, target, get_encoder(model, cache=cache), progress=progress, glossary=glossary)
