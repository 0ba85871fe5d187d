"""What each download button hands the user: exports in every format and the project file.

Built on demand (the buttons pass these as callables), so a 5,000-pair document does not
render six formats on every click.
"""
from __future__ import annotations

import time
from pathlib import PurePath
from typing import Callable

import streamlit as st

from aligner.export import MEDIA_TYPES, render
from aligner.project import save_project
from aligner.reading import READABLE_SUFFIXES
from aligner.types import Alignment
from ui.inputs import PASTED_NAMES

# Button labels; MIME types come from the library's export registry.
LABELS: dict[str, str] = {
    "tsv": "TSV", "csv": "CSV", "json": "JSON", "tmx": "TMX (translation memory)", "xlsx": "Excel (XLSX)",
    "docx": "Word document", "html": "HTML report", "txt": "Text listing",
}
# What each download is for, on hover: seven format names alone did not tell a translator which one
# to send a client, which one a CAT tool takes, and which one opens in a spreadsheet.
PURPOSES: dict[str, str] = {
    "docx": "To send to a client or the translator: the pairs side by side on landscape pages, coloured by "
            "status, each flag's reason beside its pair. Corrected in Word, it can be checked here again "
            "(Open → Check pairs aligned elsewhere).",
    "html": "A review report to open in any browser or print: the summary, the pairs to look at with their "
            "flags' reasons, then every pair.",
    "xlsx": "A spreadsheet for Excel or LibreOffice: one pair a row, the status colours and flags kept.",
    "tmx": "A translation memory (TMX 1.4b) for a CAT tool such as Trados, memoQ, Phrase or OmegaT: only pairs "
           "with text on both sides. Keep only 'ok' pairs above for a clean memory.",
    "tsv": "A plain table, tab-separated, one pair a line: for scripts and other tools.",
    "csv": "A plain table, comma-separated, one pair a line: for scripts and other tools.",
    "json": "Every detail for programs: exact texts, character offsets, scores and flags.",
    "txt": "The rows as plain text, side by side, to read or paste anywhere.",
}
# format → (button label, MIME type) offered on the two-way page: what a person reads first, then
# what tools take
FORMATS: dict[str, tuple[str, str]] = {
    fmt: (LABELS[fmt], MEDIA_TYPES[fmt]) for fmt in ("docx", "html", "xlsx", "tmx", "tsv", "csv", "json")
}


# A click on a download button takes the focus from the Note box: the browser sends the box's text
# (a rerun whose callback saves the note) just before it asks for the file, and the file is built on
# another thread at once. Waiting this long lets that rerun save the note first.
SETTLE_SECONDS = 0.5


def settled(build: Callable[[], bytes]) -> Callable[[], bytes]:
    """`build`, run once an edit sent with the click (a note typed and left) has been saved."""
    def run() -> bytes:
        time.sleep(SETTLE_SECONDS)
        return build()
    return run


def status_downloads(noun: str, key: str, help: str, formats: dict[str, tuple[str, str]], count: Callable[[list[str]], int],
                     build: Callable[[list[str], str], Callable[[], bytes]], name_of: Callable[[str], str]) -> None:
    """A page's download buttons, one per format, under pills choosing the statuses of the {noun}s
    ('pair', 'row') to include (as `--keep`: e.g. only 'ok' ones for a translation memory).
    `count(keep)` is how many would be kept, `build(keep, fmt)` what a button hands over when clicked."""
    from aligner.export import STATUS_LABELS, STATUSES

    keep = st.pills(f"{noun.capitalize()}s to include", STATUSES, selection_mode="multi", default=list(STATUSES),
                    key=f"{key}_keep", format_func=STATUS_LABELS.get, help=help)
    kept = count(keep)
    if not keep:
        st.caption(f"Choose at least one kind of {noun} above to download.")
    elif not kept:
        st.caption(f"No {noun} has the statuses chosen above; choose others to download.")
    for fmt, (label, mime) in formats.items():
        st.download_button(label, data=build(keep, fmt), file_name=name_of(fmt), mime=mime, key=f"{key}_{fmt}",
                           on_click="ignore", width="stretch", disabled=not kept, help=PURPOSES[fmt])


def file_stem(source_name: str) -> str:
    """'joint-statement' from 'texts/joint-statement.zh.txt' (or .pdf, .epub … any kind we read);
    'alignment' when there is no file name (none, or a pasted text's 'Chinese text')."""
    stem = PurePath(source_name).name if source_name and source_name not in PASTED_NAMES else "alignment"
    suffix = PurePath(stem).suffix
    if suffix.lower() in READABLE_SUFFIXES:
        stem = stem[: -len(suffix)]
    return stem.removesuffix(".zh") or "alignment"


def base_name(alignment: Alignment) -> str:
    """e.g. 'joint-statement.zh-ru' from the Chinese file's name, or 'alignment.zh-ru'."""
    return f"{file_stem(alignment.source.name)}.{alignment.source.lang}-{alignment.target.lang}"


def file_name(alignment: Alignment, fmt: str) -> str:
    """Download file name for an export format, or 'project' for the project file."""
    if fmt == "project":
        return f"{base_name(alignment)}.project.json"
    return f"{base_name(alignment)}.{fmt}"


def export_payload(alignment: Alignment, fmt: str) -> bytes:
    """The bytes of one export (tsv csv json tmx xlsx docx html)."""
    return render(alignment, fmt)


ENCODINGS = ("zh_encoding", "tgt_encoding", "tgt2_encoding")  # the `Inputs` fields a project keeps as they are


def panel_settings(inputs) -> dict:
    """What a saved project keeps of the panel, on either page: the encoder, the segmentation and the
    encodings the texts were read in (those not UTF-8 read as such are what the page names: opened again,
    the page says "en.txt read as Windows-1252" as it did)."""
    return {"model": inputs.model, "presplit": inputs.presplit,
            **{key: getattr(inputs, key) for key in ENCODINGS if getattr(inputs, key, None)}}


def opened_encodings(settings: dict) -> dict[str, str]:
    """The encodings of `panel_settings` read back from a project's settings, as `Inputs` fields; a value that names no
    encoding (a file edited by hand) is left out."""
    from aligner.errors import InputError
    from aligner.reading import check_encoding

    found = {}
    for key in ENCODINGS:
        value = settings.get(key)
        try:
            found[key] = check_encoding(value) if isinstance(value, str) else None
        except InputError:
            continue
    return {key: value for key, value in found.items() if value}


def project_payload(alignment: Alignment, history, settings: dict | None = None, undone=None) -> bytes:
    """The project file: texts, pairs, review marks, notes, the correction history and the corrections undone
    (Redo makes them again once the project is opened)."""
    return save_project(alignment, history, settings, undone)
