"""The JSON record: the full alignment that other tools (and the UI's project files) build on.

Shape (version 1):
    {"format": "aligner-alignment", "version": 1, "model": ..., "warnings": ["…"] (only when there are any),
     "glossary": [{"zh", "renderings": {"ru": ["…"], "en": […]}}] (only when one was given),
     "source": {"lang", "name", "text", "sentences": [{index, start, end, text, paragraph, "norm" (only when the
                matching form is not the text's own, e.g. a page number inside it was passed over)}]},
     "target": {... the same ...},
     "pairs": [{"number" (only when some pairs were left out: the pair's number on the review page),
                "src": [i...], "tgt": [j...], "type": "1-2", "score": 0.8730912, "status": "ok",
                "src_text", "tgt_text", "flags": [{"kind", "reason", "marks"}], "reviewed", "note",
                "doubt": {"reason", "action", "args"} (only when the aligner found another reading about as likely)}]}
Scores are written at full precision, so that a record read back is equal to the alignment written
(`load(write(a, "x.json")) == a`); records of earlier releases (scores to 4 decimals, no doubt,
no glossary) are read as they are.
Sentence indices are 0-based and offsets are character offsets into `text`, the user's original
text, kept whole so that `from_dict` rebuilds the exact Documents. `src_text`/`tgt_text` are the
original text of the pair's sentences (`Document.span_text`), line breaks included. A flag's
`marks` are the words its reason quotes: [{"side": "src"|"tgt", "start", "end"}], offsets into that
side's `text` (omitted when there are none).
"""
from __future__ import annotations

import json
from pathlib import Path

from aligner.errors import InputError, setting
from aligner.export.status import status
from aligner.types import DOUBT_ACTIONS, Alignment, Bead, Document, Doubt, Flag, Mark, Sentence, Term

FORMAT_NAME = "aligner-alignment"
FORMAT_VERSION = 1


def _sentence_dict(s: Sentence) -> dict:
    d = {"index": s.index, "start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph}
    if s.norm != _match_form()(s.text):
        d["norm"] = s.norm
    return d


def _document_dict(document: Document) -> dict:
    return {
        "lang": document.lang,
        "name": document.name,
        "text": document.text,
        "sentences": [_sentence_dict(s) for s in document.sentences],
    }


def _pair_dict(alignment: Alignment, bead: Bead, number: int | None = None) -> dict:
    return {
        **({"number": number} if number is not None else {}),
        "src": list(bead.src),
        "tgt": list(bead.tgt),
        "type": bead.kind,
        "score": float(bead.score),
        "status": status(bead),
        "src_text": alignment.source.span_text(bead.src),
        "tgt_text": alignment.target.span_text(bead.tgt),
        "flags": [flag_to_dict(flag) for flag in bead.flags],
        "reviewed": bead.reviewed,
        "note": bead.note,
        **({"doubt": doubt_to_dict(bead.doubt)} if bead.doubt is not None else {}),
    }


def to_dict(alignment: Alignment) -> dict:
    """The alignment as a JSON-ready dict (see the module docstring for its shape)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "model": alignment.model,
        "source": _document_dict(alignment.source),
        "target": _document_dict(alignment.target),
        # a pair's number only when some pairs were left out (`Alignment.numbers`): else it is its place
        "pairs": [_pair_dict(alignment, bead, number if alignment.numbers else None)
                  for number, bead in alignment.numbered()],
        **({"warnings": list(alignment.warnings)} if alignment.warnings else {}),
        **({"glossary": glossary_to_list(alignment.glossary)} if alignment.glossary else {}),
    }


def render_json(alignment: Alignment) -> bytes:
    """The record as indented UTF-8 JSON, non-ASCII characters kept as they are."""
    return (json.dumps(to_dict(alignment), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- reading a record back -------------------------------------------------------------------


def _match_form():
    """The form sentences are matched in (`Sentence.norm`), as the segmenter makes it."""
    from aligner.normalise import match_form

    return match_form


def _rebuild_text(sentences: list[dict]) -> str:
    """A text that puts each sentence at its offsets, for records written without `text`."""
    parts: list[str] = []
    cursor = 0
    paragraph = None
    for s in sentences:
        gap = s["start"] - cursor
        if gap < 0:
            raise ValueError(f"sentence {s['index']} starts before the previous one ends")
        filler = "\n" if paragraph is not None and s.get("paragraph", 0) != paragraph else " "
        parts.append(filler * gap)
        parts.append(s["text"])
        cursor = s["end"]
        paragraph = s.get("paragraph", 0)
    return "".join(parts)


def _document(d: dict, side: str, fold) -> Document:
    raw = d["sentences"]
    text = d["text"] if "text" in d else _rebuild_text(raw)
    sentences = []
    for position, s in enumerate(raw):
        start, end, sentence_text = int(s["start"]), int(s["end"]), s["text"]
        if int(s["index"]) != position:
            raise ValueError(f"{side} sentence {position} has index {s['index']}")
        if not (0 <= start <= end <= len(text)) or text[start:end] != sentence_text:
            raise ValueError(f"{side} sentence {position} does not match the text at {start}–{end}")
        norm = str(s["norm"]) if "norm" in s else fold(sentence_text)
        sentences.append(Sentence(index=position, start=start, end=end, text=sentence_text,
                                  norm=norm, paragraph=int(s.get("paragraph", 0))))
    return Document(text=text, lang=d["lang"], sentences=sentences, name=d.get("name", ""))


def _check_order(beads: list[Bead], side: str, n: int) -> None:
    """Each side's indices run forwards without repeats, and each pair's are consecutive."""
    previous = -1
    for number, bead in enumerate(beads, start=1):
        indices = bead.src if side == "source" else bead.tgt
        if not indices:
            continue
        if indices != tuple(range(indices[0], indices[0] + len(indices))):
            raise ValueError(f"pair {number} has non-consecutive {side} sentences {list(indices)}")
        if indices[0] < 0 or indices[-1] >= n:
            raise ValueError(f"pair {number} refers to {side} sentences {list(indices)}, but there are {n}")
        if indices[0] <= previous:
            raise ValueError(f"pair {number} repeats or goes back to {side} sentence {indices[0]}")
        previous = indices[-1]


def from_dict(d: dict, name: str = "") -> Alignment:
    """Read a record made by `to_dict` back into an Alignment; InputError if it is not one.

    Keys this version does not know are ignored, so later versions and tools may add their own.
    """
    where = name or "the alignment record"
    if isinstance(d, dict) and d.get("format") == "aligner-threeway":  # aligner.export.threeway's
        review = setting(f'aligner.memory.check_pairs("{where}", target_lang="ru") (or "en")',
                         f"`aligner check {where} --target-lang ru` (or en)")
        whole = setting(f'; aligner.export.threeway.load("{where}") reads it whole', "")
        raise InputError(f"{where} is a three-column record (\"format\": \"aligner-threeway\"), of a Chinese text "
                         "and two translations; this reads two-column ones: its \"pairs\" hold each translation's "
                         f"(json.load reads them), and {review} reviews one{whole}.")
    if not isinstance(d, dict) or d.get("format") != FORMAT_NAME:
        raise InputError(f"{where} is not an aligner JSON record (no \"format\": \"{FORMAT_NAME}\").")
    if int(d.get("version", 0)) > FORMAT_VERSION:
        raise InputError(f"{where} is record version {d['version']}; this aligner reads up to "
                         f"version {FORMAT_VERSION}. Update aligner to read it.")
    try:
        fold = _match_form()
        source = _document(d["source"], "source", fold)
        target = _document(d["target"], "target", fold)
        beads = [
            Bead(src=tuple(int(i) for i in p["src"]), tgt=tuple(int(j) for j in p["tgt"]),
                 score=float(p.get("score", 0.0)),
                 flags=[flag_from_dict(f) for f in p.get("flags", [])],
                 reviewed=bool(p.get("reviewed", False)), note=str(p.get("note", "")),
                 doubt=doubt_from_dict(p.get("doubt")))
            for p in d["pairs"]
        ]
        glossary = glossary_from_list(d.get("glossary", []))
        numbers = tuple(int(p["number"]) for p in d["pairs"]) if d["pairs"] and all("number" in p for p in d["pairs"]) else ()
        _check_order(beads, "source", len(source))
        _check_order(beads, "target", len(target))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise InputError(f"{where} is damaged ({detail}); export it again from aligner.") from None
    warnings = d.get("warnings", [])
    return Alignment(source=source, target=target, beads=beads, model=str(d.get("model", "")), glossary=glossary,
                     warnings=[str(w) for w in warnings] if isinstance(warnings, list) else [], numbers=numbers)


def record_bytes(path: str | Path) -> bytes:
    """The bytes of a JSON record on disk, or an InputError a person can act on (both loaders read it so)."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror or error}.") from None


def parse_json(data: bytes | str, name: str = "") -> Alignment:
    """Read a JSON record from bytes or text (e.g. an uploaded project file)."""
    where = name or "the alignment record"
    try:
        d = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{where} is not valid JSON ({error}).") from None
    return from_dict(d, name=name)


def flag_to_dict(flag: Flag) -> dict:
    """A flag as JSON: kind, reason and, when it has them, its marks."""
    out = {"kind": flag.kind, "reason": flag.reason}
    if flag.marks:
        out["marks"] = [{"side": m.side, "start": m.start, "end": m.end} for m in flag.marks]
    return out


def flag_from_dict(d: dict) -> Flag:
    """A flag back from `flag_to_dict`'s form (marks of an unknown side are dropped)."""
    marks = tuple(Mark(str(m["side"]), int(m["start"]), int(m["end"])) for m in d.get("marks", ())
                  if m.get("side") in ("src", "tgt"))
    return Flag(kind=d["kind"], reason=d.get("reason", ""), marks=marks)


def doubt_to_dict(doubt: Doubt) -> dict:
    """A bead's doubt as JSON: the reason, and the correction that follows it."""
    return {"reason": doubt.reason, "action": doubt.action, "args": list(doubt.args)}


def doubt_from_dict(d: dict | None) -> Doubt | None:
    """A doubt back from `doubt_to_dict`'s form (None for none); ValueError for an action corrections cannot make."""
    if not d:
        return None
    if d.get("action") not in DOUBT_ACTIONS:
        raise ValueError(f"unknown doubt action {d.get('action')!r}")
    return Doubt(str(d["reason"]), str(d["action"]), tuple(d.get("args", ())))


def glossary_to_list(glossary: tuple[Term, ...]) -> list[dict]:
    """The glossary as JSON: each term's Chinese and its renderings by language."""
    return [{"zh": t.zh, "renderings": {lang: list(forms) for lang, forms in t.renderings}} for t in glossary]


def glossary_from_list(terms: list[dict]) -> tuple[Term, ...]:
    """The glossary back from `glossary_to_list`'s form."""
    return tuple(Term(str(t["zh"]), tuple((str(lang), tuple(map(str, forms))) for lang, forms in t["renderings"].items()))
                 for t in terms)
