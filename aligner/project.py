"""Project files: a reviewer's work saved as JSON and loaded again later to carry on.

A project holds both texts exactly as given, their sentences as offsets (so loading never
re-segments: a newer segmenter cannot shift the pairs), the model, the pairs with their
reviewed/note fields and the correction history (so undo still works after loading).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from aligner.corrections import CorrectionError, Edit, check_beads, check_history
from aligner.errors import InputError
from aligner.export.record import (doubt_from_dict, doubt_to_dict, flag_from_dict, flag_to_dict, glossary_from_list,
                                   glossary_to_list)
from aligner.types import Alignment, Bead, Document, Sentence

FORMAT = "aligner-project"
VERSION = 1


class ProjectError(InputError):
    """A project file that cannot be loaded; the message says why and what to do."""


@dataclass
class Project:
    """What a project file restores: the alignment and the corrections made to it."""

    alignment: Alignment
    history: list[Edit] = field(default_factory=list)
    settings: dict = field(default_factory=dict)  # e.g. {"presplit": false, "pair": 12}, for the UI to restore


def save_project(alignment: Alignment, history: list[Edit] | None = None, settings: dict | None = None) -> bytes:
    """The project as UTF-8 JSON bytes (what the UI offers as a download)."""
    record = {
        "format": FORMAT,
        "version": VERSION,
        "model": alignment.model,
        "settings": settings or {},
        "source": _document_dict(alignment.source),
        "target": _document_dict(alignment.target),
        "beads": [_bead_dict(b) for b in alignment.beads],
        "history": [_edit_dict(e) for e in history or []],
    }
    if alignment.glossary:  # so that pairs corrected after reopening are checked against it too
        record["glossary"] = glossary_to_list(alignment.glossary)
    if alignment.warnings:
        record["warnings"] = list(alignment.warnings)
    return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")


def load_project(data: bytes | str | os.PathLike, name: str = "the project file") -> Project:
    """Read a project saved by `save_project`; ProjectError naming the file if it is not one.

    `data` is the file's bytes (an upload), its JSON text, or the path of the file."""
    if isinstance(data, str) and not data.lstrip("\ufeff \t\r\n").startswith("{"):
        data = Path(data)  # a path given as a string: JSON text starts with its brace
    if isinstance(data, os.PathLike):
        path = Path(data)
        if name == "the project file":
            name = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProjectError(f"{name} cannot be read ({exc.strerror or exc}).") from None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProjectError(
            f"{name} is not an aligner project (not UTF-8 JSON: {exc}). Load a .json file saved from the review page."
        ) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ProjectError(
            f"{name} is JSON but not an aligner project (no \"format\": \"{FORMAT}\"). "
            "Load a project file saved from the review page; a pairs export (a JSON, TMX, TSV … download) "
            "is reviewed with 'Check pairs aligned elsewhere' on the page, or aligner check."
        )
    version = record.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ProjectError(
            f"{name} is a project file of version {version!r}; this aligner reads version {VERSION} and older. "
            "Update aligner to open it."
        )
    try:
        source = _document(record["source"])
        target = _document(record["target"])
        beads = [_bead(b) for b in record["beads"]]
        history = [_edit(e) for e in record.get("history", [])]
        glossary = glossary_from_list(record.get("glossary", []))
        alignment = Alignment(source=source, target=target, beads=beads, model=str(record.get("model", "")),
                              glossary=glossary, warnings=[str(w) for w in record.get("warnings", [])])
        check_beads(beads, len(source), len(target))
        check_history(beads, history)
    except CorrectionError as exc:
        raise ProjectError(f"{name} is damaged: {exc}") from None
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ProjectError(f"{name} is damaged or incomplete ({type(exc).__name__}: {exc}).") from None
    settings = record.get("settings") if isinstance(record.get("settings"), dict) else {}
    return Project(alignment=alignment, history=history, settings=settings)


def _document_dict(doc: Document) -> dict:
    sentences = []
    for s in doc.sentences:
        entry = [s.start, s.end, s.paragraph]
        if s.norm != s.text:
            entry.append(s.norm)
        sentences.append(entry)
    return {"lang": doc.lang, "name": doc.name, "text": doc.text, "sentences": sentences}


def _document(d: dict) -> Document:
    text = d["text"]
    if not isinstance(text, str):
        raise TypeError("text is not a string")
    sentences = []
    for index, entry in enumerate(d["sentences"]):
        start, end, paragraph = int(entry[0]), int(entry[1]), int(entry[2])
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"sentence {index + 1} lies outside the text")
        piece = text[start:end]
        norm = str(entry[3]) if len(entry) > 3 else piece
        sentences.append(Sentence(index=index, start=start, end=end, text=piece, norm=norm, paragraph=paragraph))
    return Document(text=text, lang=str(d["lang"]), sentences=sentences, name=str(d.get("name", "")))


def _bead_dict(b: Bead) -> dict:
    d: dict = {"src": list(b.src), "tgt": list(b.tgt), "score": float(b.score)}  # exact: load(save(a)) == a
    if b.flags:
        d["flags"] = [flag_to_dict(f) for f in b.flags]
    if b.reviewed:
        d["reviewed"] = True
    if b.note:
        d["note"] = b.note
    if b.doubt is not None:
        d["doubt"] = doubt_to_dict(b.doubt)
    return d


def _bead(d: dict) -> Bead:
    return Bead(
        src=tuple(int(i) for i in d["src"]),
        tgt=tuple(int(i) for i in d["tgt"]),
        score=float(d.get("score", 0.0)),
        flags=[flag_from_dict(f) for f in d.get("flags", [])],
        reviewed=bool(d.get("reviewed", False)),
        note=str(d.get("note", "")),
        doubt=doubt_from_dict(d.get("doubt")),
    )


def _edit_dict(e: Edit) -> dict:
    return {
        "op": e.op,
        "start": e.start,
        "description": e.description,
        "before": [_bead_dict(b) for b in e.before],
        "after": [_bead_dict(b) for b in e.after],
    }


def _edit(d: dict) -> Edit:
    return Edit(
        op=str(d["op"]),
        start=int(d["start"]),
        before=tuple(_bead(b) for b in d["before"]),
        after=tuple(_bead(b) for b in d["after"]),
        description=str(d.get("description", "")),
    )
