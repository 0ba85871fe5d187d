"""Project files: a reviewer's work saved as JSON and loaded again later to carry on.

A project holds both texts exactly as given, their sentences as offsets (so loading never
re-segments: a newer segmenter cannot shift the pairs), the model, the pairs with their
reviewed/note fields, the correction history and the corrections undone (so that Undo and Redo do
what they did before saving once the project is opened again), and for some pairs of a longer alignment
(a download of some pairs checked on the page) their numbers among all (`Alignment.numbers`). The three-column page's saved review
carries its corrections the same way (`steps_to_list`, `three_way_corrections`).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from aligner.corrections import CorrectionError, Edit, apply_edit, check_beads, check_history
from aligner.errors import InputError
from aligner.export.record import (doubt_from_dict, doubt_to_dict, flag_from_dict, flag_to_dict, glossary_from_list,
                                   glossary_to_list)
from aligner.threeway import ThreeWay
from aligner.threeway_corrections import SideEdit, ThreeWayCorrections
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
    undone: list[Edit] = field(default_factory=list)  # corrections undone before saving, the last undone last: Redo


def save_project(alignment: Alignment, history: list[Edit] | None = None, settings: dict | None = None,
                 undone: list[Edit] | None = None) -> bytes:
    """The project as UTF-8 JSON bytes (what the UI offers as a download); `undone`, the corrections undone and
    not yet made again, so that Redo still makes them once the project is opened."""
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
    if undone:
        record["undone"] = [_edit_dict(e) for e in undone]
    if alignment.glossary:  # so that pairs corrected after reopening are checked against it too
        record["glossary"] = glossary_to_list(alignment.glossary)
    if alignment.warnings:
        record["warnings"] = list(alignment.warnings)
    if alignment.numbers:  # some pairs of a longer alignment (`Alignment.numbers`): opened again under them
        record["numbers"] = list(alignment.numbers)
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
        undone = [_edit(e) for e in record.get("undone", [])]  # none in a file saved before Redo was kept
        glossary = glossary_from_list(record.get("glossary", []))
        numbers = tuple(int(n) for n in record.get("numbers", []))
        if numbers and (len(numbers) != len(beads) or any(b <= a for a, b in zip(numbers, numbers[1:]))):
            raise ValueError(f"its {len(numbers)} pair numbers do not number its {len(beads)} pairs in order")
        alignment = Alignment(source=source, target=target, beads=beads, model=str(record.get("model", "")),
                              glossary=glossary, warnings=[str(w) for w in record.get("warnings", [])],
                              numbers=numbers)
        check_beads(beads, len(source), len(target))
        check_history(beads, history)
        check_undone(beads, undone)
    except CorrectionError as exc:
        raise ProjectError(f"{name} is damaged: {exc}") from None
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ProjectError(f"{name} is damaged or incomplete ({type(exc).__name__}: {exc}).") from None
    settings = record.get("settings") if isinstance(record.get("settings"), dict) else {}
    return Project(alignment=alignment, history=history, settings=settings, undone=undone)


def check_undone(beads: list[Bead], undone: list[Edit]) -> None:
    """Raise CorrectionError unless each correction undone, made again from the last undone, finds the pairs it
    replaces (as `Corrections.redo` needs them)."""
    for edit in reversed(undone):
        end = edit.start + len(edit.before)
        if [(b.src, b.tgt) for b in beads[edit.start:end]] != [(b.src, b.tgt) for b in edit.before]:
            raise CorrectionError(f"its corrections undone do not match its pairs ({edit.description})")
        beads = apply_edit(beads, edit)


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


# -- the three-column page's corrections, saved with its review ------------------------------------------


def steps_to_list(steps: list[SideEdit]) -> list[dict]:
    """Three columns' corrections (or those undone) as a saved review holds them: each step's translation, its
    correction, and the rows' ✓ and notes before it (which its undo puts back)."""
    return [{"label": step.label, "edit": _edit_dict(step.edit),
             "marks": [[*map(list, key), reviewed, note] for key, (reviewed, note) in step.marks.items()]}
            for step in steps]


def _step(d: dict) -> SideEdit:
    marks = {tuple(tuple(int(i) for i in part) for part in item[:-2]): (bool(item[-2]), str(item[-1]))
             for item in d.get("marks", [])}
    return SideEdit(str(d["label"]), _edit(d["edit"]), marks)


def three_way_corrections(result: ThreeWay, history: list, undone: list, scorers: dict | None = None,
                          name: str = "the project file") -> ThreeWayCorrections:
    """The corrections of three columns opened from a saved review, with their undo and redo as they were
    (`history` and `undone` as `steps_to_list` wrote them; none in a review saved before they were kept);
    ProjectError when they do not fit the review's pairs."""
    try:
        done, taken_back = [_step(d) for d in history], [_step(d) for d in undone]
        corrections = ThreeWayCorrections(result, scorers)
        for label, side in corrections.sides.items():
            edits = [step.edit for step in done if step.label == label]
            undone_edits = [step.edit for step in taken_back if step.label == label]
            check_history(side.alignment.beads, edits)
            check_undone(side.alignment.beads, undone_edits)
            side.history[:], side.undone[:] = edits, undone_edits
        if any(step.label not in corrections.sides for step in done + taken_back):
            raise CorrectionError("a correction names a translation the review does not have")
    except CorrectionError as exc:
        raise ProjectError(f"{name} is damaged: {exc}") from None
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ProjectError(f"{name} is damaged or incomplete ({type(exc).__name__}: {exc}).") from None
    corrections.history[:], corrections.undone[:] = done, taken_back
    return corrections
