"""Whole corpora: match the files of folders by name, align each document, write one file per document.

A researcher with a folder of chapters and a folder of their translations, or one folder of
`name.zh.txt` / `name.ru.txt` / `name.en.txt` files, should not have to call `align` per file.
With Russian and English translations both, each document can also be aligned in three columns.
Pairs are found by name (the language tag and the extension do not count), in sub-folders too
(book/chapter folders, paired by their place: zh/book1/ch01.txt with en/book1/ch01.txt); a file without a
partner is reported, never silently dropped; a document missing one of two translations asked
for in three columns is aligned in two, with a note. A pair that fails (an empty file, the wrong
language) is recorded with its error and the rest go on: nothing finished is lost.

    sets, unpaired = find_file_sets([Path("zh"), Path("en")])
    for result in align_corpus(sets, out_dir, fmt="tsv"):
        print(result.name, result.error or result.counts)
"""
from __future__ import annotations

import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterator

from aligner.errors import AlignerError, InputError
from aligner.formats.web import HTML_SUFFIXES
from aligner.read_as import ReadAs
from aligner.reading import READABLE_SUFFIXES  # anything else in the folders (gold files, notes) is ignored
from aligner.threeway import ThreeWay
from aligner.types import Alignment, Progress, Term

# A language tag at the end of a name: 001.zh, chapter_en, statement-ru, novel.zh-cn, ch1_english,
# 第一章_中文, 第一章（英文）, ch1 (Russian) … after . _ - or in brackets (a space alone is part of a title).
_TAGS = r"zh(?:[_\-](?:cn|tw|hans|hant))?|cn|chs|cht|ru|en|chinese|english|russian|中文|汉语|漢語|英文|英语|英語|俄文|俄语|俄語"
_TAG = re.compile(rf"(?:[._\-]({_TAGS})|\s*[(（\[]({_TAGS})[)）\]])$", re.IGNORECASE)
_TAG_LANG = {"cn": "zh", "chs": "zh", "cht": "zh", "chinese": "zh", "english": "en", "russian": "ru",
             "中文": "zh", "汉语": "zh", "漢語": "zh", "英文": "en", "英语": "en", "英語": "en",
             "俄文": "ru", "俄语": "ru", "俄語": "ru"}


@dataclass(frozen=True)
class FileSet:
    """The files of one document: the Chinese and its translation, or two translations (Russian and
    English) for three columns. `name` is what their names share; `langs` the translations' language
    tags ('' where a name has none)."""

    name: str
    source: Path
    targets: tuple[Path, ...]
    langs: tuple[str, ...]
    missing: str = ""  # why three columns were not possible (a translation missing): aligned in two
    # each translation's language as the corpus says it: its name's tag or, across three folders, its folder's
    # (Russian second, English third); '' where nothing does. Chooses the encoding a file is read in (`Encodings`).
    stated: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """What differs from what was asked: a translation missing, so two columns instead of three."""
        return self.describe()

    def describe(self, failed: bool = False) -> str:
        """The note, as done or (for a document that failed) as tried."""
        if not self.missing:
            return ""
        return f"{self.missing}: {'tried' if failed else 'aligned'} in two columns with {self.target}"

    @property
    def target(self) -> Path:
        return self.targets[0]

    @property
    def lang(self) -> str:
        return self.langs[0]

    @property
    def three_way(self) -> bool:
        return len(self.targets) == 2

    def stated_lang(self, i: int) -> str:
        """Translation `i`'s language as the corpus says it ('' where nothing does)."""
        return self.stated[i] if i < len(self.stated) else self.langs[i]


@dataclass(frozen=True)
class Encodings:
    """The encodings a corpus's plain-text files are read in where detection gets them wrong (`batch
    --zh-encoding`, `--ru-encoding`, `--en-encoding`), by language; None: detected. A translation's language is
    the one the corpus states (`FileSet.stated_lang`) or the one given (`--target-lang`). Documents (.docx,
    .pdf …) record their own encoding: they are read as always."""

    zh: str | None = None
    ru: str | None = None
    en: str | None = None

    def __bool__(self) -> bool:
        return any((self.zh, self.ru, self.en))

    def of(self, lang: str) -> str | None:
        """The encoding given for files in `lang`; for a translation of no stated language, the one given for
        both (None if they differ: see `unstated`)."""
        if lang:
            return getattr(self, lang, None)
        return self.ru if self.ru == self.en else None

    def unstated(self, sets: list[FileSet], target_lang: str | None = None) -> Path | None:
        """A translation whose encoding cannot be told (its language stated nowhere, and --ru-encoding and
        --en-encoding given apart), or None."""
        if self.ru == self.en:
            return None
        return next((files.targets[i] for files in sets for i in range(len(files.targets))
                     if not (files.stated_lang(i) or target_lang)), None)

    def setting(self) -> str:
        """As the summary's settings record them: 'zh:gb18030,ru:cp1251'."""
        return ",".join(f"{lang}:{codec}" for lang, codec in (("zh", self.zh), ("ru", self.ru), ("en", self.en))
                        if codec)


@dataclass(frozen=True)
class Unpaired:
    """A file left out of the corpus, and why."""

    path: Path
    reason: str
    side: str = ""  # "source" (Chinese), "target" (translation) or "" (unknown)


@dataclass
class DocumentResult:
    """What aligning one FileSet gave: the output written and its counts, or the error met."""

    files: FileSet
    output: Path | None = None
    alignment: Alignment | ThreeWay | None = None
    counts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    error: str = ""
    removed: tuple[Path, ...] = ()  # an earlier run's output for this document, removed as it failed now
    warnings: list[str] = field(default_factory=list)  # the review's about a whole translation (kept when
    # the alignment is let go to save memory)
    kept_note: str | None = None  # the summary's note of a document kept from an earlier run (see earlier_results)
    read_as: list[ReadAs] = field(default_factory=list)  # its files detection read in another encoding than UTF-8
    settings: str = ""  # the options it was aligned with (see run_settings), for --resume to compare

    @property
    def name(self) -> str:
        return self.files.name


def _suffix_tag(path: Path) -> str:
    """The language an extension names ('train.zh', 'train.en', as parallel corpora are kept), or ''."""
    tag = path.suffix[1:].lower()
    return _TAG_LANG.get(tag, tag[:2]) if tag and re.fullmatch(_TAGS, tag, re.IGNORECASE) else ""


def split_name(path: Path) -> tuple[str, str]:
    """(shared name, language tag or '') of a file: 'ch01.zh.txt' → ('ch01', 'zh'); '001.txt' → ('001', '');
    'train.zh' → ('train', 'zh')."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if _suffix_tag(path):
        return stem, _suffix_tag(path)
    match = _TAG.search(stem)
    if not match or match.start() == 0:
        return stem, ""
    tag = (match.group(1) or match.group(2)).lower()
    return stem[: match.start()], _TAG_LANG.get(tag, tag[:2])


# Hidden files (and LibreOffice's .~lock files) and the owner files Word keeps beside a document
# while it is open (~$ch01.docx): no text of the corpus.
_NOT_TEXTS = (".", "~$")


def language_folders(folder: Path) -> list[Path]:
    """The sub-folders of `folder` named as a language (zh/, en/, Russian/, 中文/ …), Chinese first:
    a corpus kept as one folder per language, given as their parent by mistake."""
    if not folder.is_dir():
        return []
    found: dict[str, Path] = {}
    for sub in sorted(folder.iterdir()):
        match = re.fullmatch(_TAGS, sub.name, re.IGNORECASE)
        if sub.is_dir() and match:
            lang = _TAG_LANG.get(sub.name.lower(), sub.name.lower()[:2])
            found.setdefault(lang, sub)
    return [found[lang] for lang in ("zh", "ru", "en") if lang in found] if "zh" in found and len(found) > 1 else []


def _readable_files(folder: Path, exclude: Collection[Path] = ()) -> list[Path]:
    """The readable files of `folder` and of its sub-folders (a novel kept as book/chapter folders),
    hidden ones, Word's owner files and the folders in `exclude` (the output folder, when it is
    inside) left out; links to files too, broken ones included."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder; check the path.")
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder; give folders of text files (or use `aligner align` for two files).")
    skipped = {path.resolve() for path in exclude if path.exists()}
    found = []
    for parent, dirs, names in os.walk(folder):  # symbolic links to folders are not followed: no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(parent) / d).resolve() not in skipped)
        found += [Path(parent) / name for name in names
                  if not name.startswith(_NOT_TEXTS)
                  and (Path(name).suffix.lower() in READABLE_SUFFIXES or _suffix_tag(Path(name)))]
    # a broken link is kept: its document is then reported as one that cannot be read, not left out
    return sorted(path for path in found if path.is_file() or path.is_symlink())


def unread_suffixes(folders: list[Path]) -> Counter:
    """The extensions of the files in `folders` (and sub-folders) that are not read as texts, with how
    many files have each ('' for none): a corpus in which no file is found should say why."""
    found: Counter = Counter()
    for folder in folders:
        for parent, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.update(Path(name).suffix.lower() for name in names if not name.startswith(_NOT_TEXTS)
                         and Path(name).suffix.lower() not in READABLE_SUFFIXES and not _suffix_tag(Path(name)))
    return found


def relative_name(path: Path, folder: Path) -> str:
    """A document's name: the shared name of its file, after the sub-folder it is in, if any
    ('book1/ch01' for zh/book1/ch01.txt), so that chapters of different books stay apart."""
    where = path.parent.relative_to(folder)
    name = split_name(path)[0]
    return name if where == Path(".") else f"{where.as_posix()}/{name}"


def _by_name(files: list[Path], folder: Path, unpaired: list[Unpaired], side: str) -> dict[str, Path]:
    """Files keyed by name relative to `folder` (case-folded); two files with one name are both reported."""
    keyed: dict[str, list[Path]] = {}
    for path in files:
        keyed.setdefault(relative_name(path, folder).casefold(), []).append(path)
    out = {}
    for key, paths in keyed.items():
        if len(paths) == 1:
            out[key] = paths[0]
        else:
            names = ", ".join(p.name for p in paths)
            unpaired.extend(Unpaired(p, f"several files share the name ({names}); keep one", side) for p in paths)
    return out


def find_file_sets(folders: list[Path] | list[str], three_way: bool = False,
                   exclude: Collection[Path] = ()) -> tuple[list[FileSet], list[Unpaired]]:
    """Match the files of one folder (by language tag) or of two or three folders by name.

    Two folders (Chinese, translation): `zh/001.txt` pairs with `en/001.txt`, `ch1.zh.docx` with
    `ch1.en.pdf`. Three folders (Chinese, Russian, English): one three-column set per name.
    One folder: `name.zh.*` pairs with `name.ru.*` and `name.en.*` (one pair each), or with both
    at once when `three_way`. Sub-folders are searched too, a file pairing only with one at the
    same place (`zh/book1/ch01.txt` with `en/book1/ch01.txt`); the document is named by that
    place (`book1/ch01`). Folders in `exclude` (the output folder) are not searched.
    """
    folders = [Path(folder).expanduser() for folder in folders]  # str and ~/… from Python too
    exclude = [Path(folder).expanduser() for folder in exclude]
    unpaired: list[Unpaired] = []
    if len(folders) in (2, 3):
        sets = _sets_across_folders(folders, unpaired, exclude)
    elif len(folders) == 1:
        sets = _sets_in_one_folder(folders[0], _readable_files(folders[0], exclude), unpaired, three_way)
    else:
        raise InputError("Give one folder (name.zh.txt beside name.ru.txt / name.en.txt), two folders "
                         "(Chinese, translation) or three (Chinese, Russian, English).")
    return sorted(sets, key=lambda p: (p.name.casefold(), p.langs)), sorted(unpaired, key=lambda u: u.path)


def _sets_across_folders(folders: list[Path], unpaired: list[Unpaired], exclude: Collection[Path]) -> list[FileSet]:
    """One set per name the Chinese folder shares with a translation folder: three columns where
    both translations have it, else two, with a note saying which translation is missing."""
    sides = ["source"] + ["target"] * (len(folders) - 1)
    keyed = [_by_name(_readable_files(folder, exclude), folder, unpaired, side) for folder, side in zip(folders, sides)]
    chinese, translations = keyed[0], keyed[1:]
    sets = []
    for key, source in chinese.items():
        found = [(folder, files[key]) for folder, files in zip(folders[1:], translations) if key in files]
        if not found:
            unpaired.append(Unpaired(source, f"no file of the same name in {', '.join(map(str, folders[1:]))}", "source"))
            continue
        missing = [str(folder) for folder, files in zip(folders[1:], translations) if key not in files]
        note = f"no file of the same name in {', '.join(missing)}" if missing else ""
        tags = tuple(split_name(path)[1] for _, path in found)
        # three folders are Chinese, Russian, English: a name without a tag has its folder's language
        by_folder = dict(zip(folders[1:], ("ru", "en"))) if len(folders) == 3 else {}
        stated = tuple(tag or by_folder.get(folder, "") for tag, (folder, _) in zip(tags, found))
        sets.append(FileSet(relative_name(source, folders[0]), source, tuple(path for _, path in found), tags, note,
                            stated))
    for files, side in zip(translations, sides[1:]):
        unpaired += [Unpaired(path, f"no file of the same name in {folders[0]}", side)
                     for key, path in files.items() if key not in chinese]
    return sets


def _sets_in_one_folder(folder: Path, files: list[Path], unpaired: list[Unpaired], three_way: bool) -> list[FileSet]:
    """Files grouped by name within each (sub-)folder, paired by their language tags."""
    groups: dict[str, dict[str, list[Path]]] = {}
    for path in files:
        lang = split_name(path)[1]
        if not lang:
            unpaired.append(Unpaired(path, "no language tag in the name (name.zh.txt, name.ru.txt, name.en.txt)"))
            continue
        groups.setdefault(relative_name(path, folder).casefold(), {}).setdefault(lang, []).append(path)
    sets = []
    for by_lang in groups.values():
        doubled = [p for paths in by_lang.values() if len(paths) > 1 for p in paths]
        unpaired += [Unpaired(p, "several files share its name and language tag; keep one",
                              "source" if split_name(p)[1] == "zh" else "target") for p in doubled]
        single = {lang: paths[0] for lang, paths in by_lang.items() if len(paths) == 1}
        source = single.pop("zh", None)
        if source is None:
            reason = ("its Chinese file is not unique" if "zh" in by_lang
                      else "no Chinese file of the same name (name.zh.*)")
            unpaired += [Unpaired(p, reason, "target") for p in single.values()]
            continue
        name = relative_name(source, folder)
        if three_way and set(single) == {"ru", "en"}:
            sets.append(FileSet(name, source, (single["ru"], single["en"]), ("ru", "en")))
            continue
        if three_way and single:  # one translation: two columns rather than nothing
            lang, target = next(iter(single.items()))
            lacking = "ru" if lang == "en" else "en"
            sets.append(FileSet(name, source, (target,), (lang,), f"no single {name}.{lacking}.* for three columns"))
            continue
        if not single:
            unpaired.append(Unpaired(source, "no single translation of the same name (name.ru.* or name.en.*)", "source"))
            continue
        sets += [FileSet(name, source, (target,), (lang,)) for lang, target in sorted(single.items())]
    return sets


def output_path(out_dir: Path, result_name: str, source_lang: str, target_lang: str, fmt: str) -> Path:
    """Where one pair's file goes: `<out>/<name>.zh-ru.tsv`, in the sub-folders the document's name
    has (`<out>/book1/ch01.zh-ru.tsv`), as in the input."""
    return out_dir / f"{result_name}.{source_lang}-{target_lang}.{fmt}"


_OUTPUT_NAME = re.compile(r".+\.zh-(?:ru|en)(?:-(?:ru|en))?\.[A-Za-z]+")  # ch01.zh-ru.tsv, ch01.zh-ru-en.json


def output_files(out_dir: Path) -> set[Path]:
    """The files named as `output_path` names them (a document's, or a merged corpus file) in `out_dir` and its
    sub-folders: what an earlier run into the folder may have left, which this run replaces or does not."""
    if not out_dir.is_dir():
        return set()
    return {path for path in out_dir.rglob("*.zh-*") if _OUTPUT_NAME.fullmatch(path.name) and path.is_file()}


def check_output_folder(out_dir: Path, folders: list[Path]) -> None:
    """Refuse an output folder that is an input folder (outputs would mix with the texts) or a file."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} is a file; give a folder for the output files.")
    for folder in folders:
        if out_dir.exists() and folder.exists() and out_dir.resolve() == folder.resolve():
            raise InputError(f"{out_dir} holds the input texts; choose a separate output folder.")


def run_settings(encoder_name: str, presplit: bool = False, target_lang: str | None = None,
                 glossary: tuple[Term, ...] = (), glossary_name: str = "", keep: Collection[str] | None = None,
                 min_score: float = 0.0, encodings: Encodings = Encodings()) -> str:
    """The options that decide a document's output besides its files, as the summary's `settings`
    column: 'model=…; presplit=no; target-lang=detected; glossary=none; keep=all; min-score=0', and
    '; encoding=zh:gb18030,ru:cp1251' when encodings are given (left out when every one is detected, so that
    the settings of a run made before batch had encodings are these).

    `batch --resume` keeps an earlier document only when its settings are these (the format is in
    its output's name); the glossary counts by its terms (a digest), not only by its file's name."""
    import hashlib

    terms = (f"{Path(glossary_name).name or 'glossary'}#{hashlib.sha256(repr(glossary).encode()).hexdigest()[:10]}"
             if glossary else "none")
    parts = {"model": encoder_name, "presplit": "yes" if presplit else "no", "target-lang": target_lang or "detected",
             "glossary": terms, "keep": ",".join(sorted(keep)) if keep else "all", "min-score": f"{min_score:g}"}
    if encodings:
        parts["encoding"] = encodings.setting()
    return "; ".join(f"{key}={value}" for key, value in parts.items())


def settings_change(before: str, now: str) -> str:
    """What differs between two `run_settings`: 'keep ok → all, model a → b' ('' when nothing does)."""
    def parsed(text: str) -> dict[str, str]:
        return dict(part.partition("=")[::2] for part in text.split("; ") if part)

    old, new = parsed(before), parsed(now)
    keys = [*new, *(key for key in old if key not in new)]
    return ", ".join(f"{key} {old.get(key, _UNSAID.get(key, '?'))} → {new.get(key, _UNSAID.get(key, '?'))}"
                     for key in keys if old.get(key) != new.get(key))


_UNSAID = {"encoding": "detected"}  # settings `run_settings` leaves out at their default


def align_corpus(sets: list[FileSet], out_dir: Path | str, fmt: str = "tsv", encoder=None, presplit: bool = False,
                 target_lang: str | None = None, progress: Progress | None = None,
                 glossary: tuple[Term, ...] = (), keep: Collection[str] | None = None,
                 min_score: float = 0.0, glossary_name: str = "The glossary",
                 kept: dict[FileSet, DocumentResult] | None = None, encodings: Encodings = Encodings(),
                 model: str | None = None) -> Iterator[DocumentResult]:
    """Align each set and write `<out_dir>/<name>.zh-<lang>.<fmt>` (`zh-ru-en` for three columns);
    yield one DocumentResult per set (those in `kept` as they are: see `earlier_results`). Only pairs of the statuses `keep` scoring at least
    `min_score` are written (and kept on the result for a merged file); the counts are of all. Plain-text
    files are read in the `encodings` given for their language. `model` is the encoder as the user named it
    (None: the default), which a three-column JSON records in its settings, as `align` writes them.

    Errors a user can act on (AlignerError) are recorded on the result and the corpus goes on; a
    document whose translation the glossary has no column for is one. So is any other error, which
    is aligner's fault, said as such: the documents done before and after it are not lost.
    """
    from aligner import export
    from aligner.embed import get_encoder
    from aligner.glossary import check_coverage
    from aligner.export import threeway as threeway_export
    from aligner.pair_filter import kept_pairs, kept_rows
    from aligner.pipeline import align_documents
    from aligner.threeway import align_three, aligned_with

    kept = kept or {}
    out_dir = Path(out_dir).expanduser()
    encoder = encoder or get_encoder(model)
    settings = run_settings(encoder.name, presplit, target_lang, glossary, glossary_name, keep, min_score, encodings)
    out_dir.mkdir(parents=True, exist_ok=True)
    for files in sets:
        if files in kept:
            yield kept[files]
            continue
        result = DocumentResult(files, settings=settings)
        started = time.perf_counter()
        try:
            source = _load(files.source, encodings.of("zh"), result.read_as, presplit=presplit, side="zh")
            if files.three_way:
                a, b = (_load(path, encodings.of(files.stated_lang(i)), result.read_as, presplit=presplit,
                              side=files.stated_lang(i))
                        for i, path in enumerate(files.targets))
                rows = align_three(source, a, b, encoder, progress=progress, glossary=glossary)
                rows.settings = aligned_with(model, presplit)  # what `align`'s three-column JSON records
                result.counts = three_way_counts(rows)
                rows = kept_rows(rows, keep, min_score)
                where = _prepared(output_path(out_dir, files.name, source.lang, "-".join(rows.labels), fmt))
                result.output = threeway_export.write(rows, where)
                result.counts["written"] = threeway_export.rows_in_file(rows, fmt)
                aligned: Alignment | ThreeWay = rows
            else:
                target = _load(files.target, encodings.of(files.stated_lang(0) or target_lang or ""), result.read_as,
                               target_lang, presplit)
                _check_order(source, target)
                check_coverage(glossary, (target.lang,), glossary_name)
                pairs = align_documents(source, target, encoder, progress=progress, glossary=glossary)
                result.counts = pair_counts(pairs)
                pairs = kept_pairs(pairs, keep, min_score)
                where = _prepared(output_path(out_dir, files.name, source.lang, target.lang, fmt))
                result.output = export.write(pairs, where)
                result.counts["written"] = export.pairs_in_file(pairs, fmt)
                aligned = pairs
            result.alignment, result.warnings = aligned, list(aligned.warnings)
        except AlignerError as error:
            result.error = str(error)
            result.removed = remove_stale_outputs(out_dir, files, fmt, target_lang)
        except Exception as error:  # a fault not foreseen (a bug, a file no reader expected): this document
            # fails, said as such, and the corpus goes on; a generator that raised could not be resumed
            result.error = (f"an unexpected error ({type(error).__name__}: {error}), a fault of aligner's: "
                            "please report it with this document")
            result.removed = remove_stale_outputs(out_dir, files, fmt, target_lang)
        result.seconds = time.perf_counter() - started
        yield result


# Files that record their own encoding (`Encodings` leaves them to it): all but plain text and web pages
# (a page may declare no charset, or the wrong one)
_DOCUMENT_SUFFIXES = frozenset(READABLE_SUFFIXES) - {".txt", ".md", ".srt", *HTML_SUFFIXES}


def _load(path: Path, encoding: str | None, read_as: list[ReadAs], lang: str | None = None, presplit: bool = False,
          side: str | None = None):
    """A file of the corpus as a Document: a plain-text file or web page read in `encoding` when one is given
    (unless it is Unicode: see `_in_unicode`), else as `align` reads it; an encoding detection chose other than
    UTF-8 is added to `read_as` (before the text is checked, so that a document failing as the wrong language
    says it too). `side` (else `lang`) is the language its side is in where known, "zh" for the Chinese file."""
    from aligner.pipeline import load_document
    from aligner.read_as import read_text

    plain = path.suffix.lower() not in _DOCUMENT_SUFFIXES
    given = encoding if plain and not (encoding and _in_unicode(path, encoding)) else None
    text, detected = read_text(path, given, side or lang)
    if detected is not None:
        read_as.append(detected)
    return load_document(text, lang=lang, presplit=presplit, name=str(path))


def _in_unicode(path: Path, encoding: str) -> bool:
    """Whether a file is Unicode (a byte-order mark, or valid UTF-8) while the `encoding` given is a legacy one
    (GB18030, cp1251 …): a corpus mixes files saved by different hands, and --zh-encoding gb18030, given for
    its GBK files, failed every UTF-8 one ("cannot be read as GB18030"), which detection reads right.
    A UTF-16 or UTF-32 encoding given is taken as it is (BOM-less UTF-16 may be valid UTF-8 by chance)."""
    import codecs

    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32", "utf-8")):
        return False
    try:
        data = path.read_bytes()
        if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return True
        data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # unreadable: the reader says why; not UTF-8: the encoding given is for it
    return True


def _check_order(source, target) -> None:
    """A translation given as the Chinese and the Chinese as the translation: in a corpus, the folders
    (or the names' language tags) are swapped, not two files, as the message for two files says."""
    from aligner.errors import LanguageError
    from aligner.types import LANGUAGE_NAMES

    if source.lang != "zh" and target.lang == "zh":
        raise LanguageError(f"{source.name} is {LANGUAGE_NAMES.get(source.lang, source.lang)}, not Chinese, and "
                            f"{target.name} is Chinese: give the folder of Chinese texts first (in one folder, "
                            "the Chinese file's name ends in .zh).")


def remove_stale_outputs(out_dir: Path, files: FileSet, fmt: str, target_lang: str | None = None) -> tuple[Path, ...]:
    """Remove what an earlier run into `out_dir` wrote for a document that failed now, so that no
    output looks current when it is not; returns the files removed.

    Where the names carry no language tag (zh/001.txt, en/001.txt) the translation's language is
    not known before reading it: each name of ours for the document is removed, as across folders
    a document has one file set only."""
    if all(files.langs):
        labels = ["-".join(files.langs)]
    elif target_lang and not files.three_way:
        labels = [target_lang]
    else:
        labels = ["ru", "en", "ru-en", "en-ru"]
    removed = []
    for label in labels:
        path = output_path(out_dir, files.name, "zh", label, fmt)
        try:
            if path.is_file():
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # cannot be removed: the summary does not claim it was
    return tuple(removed)


def _prepared(path: Path) -> Path:
    """`path`, its folder made (a document in a sub-folder is written in the same sub-folder)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"Cannot make the folder {path.parent}: {error.strerror or error}.") from None
    return path


def pair_counts(alignment: Alignment) -> Counter:
    """Sentences, pairs and problems of one alignment, for the corpus summary."""
    from aligner.pair_filter import PROBLEMS, problems

    counts = Counter(source_sentences=len(alignment.source.sentences),
                     target_sentences=len(alignment.target.sentences), pairs=len(alignment.beads))
    counts[f"{alignment.target.lang}_sentences"] = len(alignment.target.sentences)  # ru_sentences, en_sentences
    counts["one_to_one"] = sum(len(b.src) == 1 and len(b.tgt) == 1 for b in alignment.beads)
    counts.update({kind: 0 for kind in PROBLEMS})
    counts.update(kind for bead in alignment.beads for kind in problems(bead))
    return counts


def three_way_counts(result: ThreeWay) -> Counter:
    """The summary's counts for three columns: rows as pairs, each translation's sentences
    (ru_sentences, en_sentences; no target_sentences, which would add the two up), both
    translations' problems added up, and the rows where the translations disagree."""
    from aligner.threeway import DISAGREE

    counts: Counter = Counter()
    for alignment in result.alignments.values():
        counts.update(pair_counts(alignment))
    counts["source_sentences"] = len(result.source.sentences)
    del counts["target_sentences"]
    counts["pairs"] = len(result.rows)
    counts["one_to_one"] = sum(len(row.src) == 1 and all(len(t) == 1 for t in row.tgt.values()) for row in result.rows)
    counts[DISAGREE] = sum(any(f.kind == DISAGREE for f in row.flags) for row in result.rows)
    return counts


SUMMARY_NAME = "summary.tsv"
INTERRUPTED = "not aligned: the run was interrupted before this document was finished"  # its error in the summary
MERGED_STEM = "corpus"  # corpus.zh-en.tsv: every pair of every document, with --merge


def summary_table(results: list[DocumentResult], unpaired: list[Unpaired]) -> tuple[list[str], list[list]]:
    """One row per document (counts, time, error) and per file left unpaired, for `summary.tsv`.

    `note` says what differs from what was asked (a translation missing from three columns).
    `written` is how many of the pairs (rows) the output holds (fewer with `keep` or `min_score`, and
    in a TMX, which holds no one-sided pair);
    `disagree` counts the rows where three columns' translations disagree (0 for two columns).
    `target_sentences` is the translation's for two columns, `ru_sentences` and `en_sentences`
    each translation's (empty where a document has none in that language; in three columns
    `target_sentences` is empty, as adding two translations up compares with nothing)."""
    from aligner.pair_filter import PROBLEMS
    from aligner.threeway import DISAGREE

    count_names = ["source_sentences", "target_sentences", "ru_sentences", "en_sentences", "pairs", "written",
                   "one_to_one", *PROBLEMS, DISAGREE]
    head = ["document", "chinese_file", "translation_file", "output", *count_names, "seconds", "settings", "error",
            "note"]
    body = [[r.name, str(r.files.source), "; ".join(map(str, r.files.targets)), str(r.output or ""),
             *(_count(r, c) for c in count_names), round(r.seconds, 1), r.settings, r.error, _note(r)]
            for r in results]
    body += [[split_name(u.path)[0], "" if u.side == "target" else str(u.path), str(u.path) if u.side == "target" else "",
              "", *([""] * len(count_names)), "", "", f"not aligned: {u.reason}", ""] for u in unpaired]
    return head, body


def _count(result: DocumentResult, name: str) -> int | str:
    """A count for the summary: empty for a document that failed, and for a count of sentences it
    has none of (no Russian translation, or the two translations of three columns together)."""
    if result.error or (name.endswith("_sentences") and name not in result.counts):
        return ""
    return result.counts[name]


@dataclass
class EarlierRun:
    """What `batch --resume` takes from an earlier run into the output folder: the documents it keeps,
    and those finished with other options (`run_settings`), to align again, with what changed."""

    kept: dict[FileSet, DocumentResult] = field(default_factory=dict)
    changed: dict[FileSet, str] = field(default_factory=dict)


def earlier_results(out_dir: Path, sets: list[FileSet], fmt: str, settings: str | None = None) -> EarlierRun:
    """The documents of `sets` an earlier run into `out_dir` finished, read back from its summary.tsv:
    listed there without an error, from the same files, with the same `settings` (unless None), and
    their output of format `fmt` still there and newer than those files. `batch --resume` keeps them
    instead of aligning them again (a novel's search takes minutes even with its embeddings cached);
    those made with other settings (or a summary that does not record them) are aligned again, as a
    corpus whose files were made with different models, glossaries or --keep would not be one corpus."""
    import csv

    earlier = EarlierRun()
    try:
        with (out_dir / SUMMARY_NAME).open(encoding="utf-8", newline="") as handle:
            rows = {(row.get("document"), row.get("translation_file")): row
                    for row in csv.DictReader(handle, dialect="excel-tab")}
    except (OSError, UnicodeDecodeError, csv.Error):
        return earlier
    head, _ = summary_table([], [])
    counts = head[head.index("output") + 1 : head.index("seconds")]
    for files in sets:
        row = rows.get((files.name, "; ".join(map(str, files.targets))))
        if not row or row.get("error") or None in row or set(head) - set(row) - {"settings"}:
            continue
        output = Path(row["output"])
        inputs = [files.source, *files.targets]
        try:
            fresh = output.name.endswith(f".{fmt}") and output.stat().st_mtime >= max(p.stat().st_mtime for p in inputs)
            numbers = Counter({name: int(row[name]) for name in counts if row[name] != ""})
            seconds = float(row["seconds"] or 0)
        except (OSError, ValueError):
            continue
        if not fresh or row["chinese_file"] != str(files.source):
            continue
        made_with = row.get("settings") or ""
        if settings is not None and made_with != settings:
            earlier.changed[files] = settings_change(made_with, settings) if made_with else "its options not recorded"
            continue
        earlier.kept[files] = DocumentResult(files, output=output, counts=numbers, seconds=seconds,
                                             kept_note=row["note"], settings=made_with)
    return earlier


def _note(result: DocumentResult) -> str:
    """The summary's note: what differs from what was asked, an earlier output removed, and what the
    review found about a translation as a whole (it is not a translation of this Chinese text)."""
    if result.kept_note is not None:
        return result.kept_note
    removed = "; ".join(f"the output of an earlier run, {path}, was removed" for path in result.removed)
    warnings = " ".join(result.warnings)
    read_as = "; ".join(map(str, result.read_as))
    return "; ".join(part for part in (result.files.describe(failed=bool(result.error)), removed, warnings, read_as)
                     if part)


def write_summary(path: Path, results: list[DocumentResult], unpaired: list[Unpaired]) -> Path:
    """Write `summary.tsv` (tab-separated, UTF-8, LF line ends as every TSV of ours) to `path`."""
    from aligner.export.delimited import delimited_writer

    head, body = summary_table(results, unpaired)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = delimited_writer(handle, "tsv")
        writer.writerow(head)
        writer.writerows(body)
    return path
