"""The document models an alignment fitted, kept for the corrections that follow it.

A reviewer's merge, split or move is scored by the aligner's own models of the document
(`rescore`). Fitting them again took the whole search over: 1–2 s on a chapter, 45 s on a
novel, all of it in the reviewer's first correction. `align` hands its fitted scorer here
and `rescore` takes it back, keyed by everything the fit depends on (both documents' texts and
sentences, the encoder's name, the parameters), so a different text or model never finds it.

Off by default (a command-line run corrects nothing and should not hold a novel's models in
memory): the review page turns it on with `keep(n)`. Only the fits of the last `n` alignments are
kept, and a new search first lets go of the oldest (`make_room`), so that at most n - 1 kept
alignments' fits sit beside it. Three columns are one alignment of two document pairs: their two
searches run `together()`, so that the second does not let go of the first one's fit (the first
correction in the first translation fitted its models again, and dropped the second's in turn).
A kept fit is about as large as the search's sentence and span vectors (~190 MB for 5,900 + 7,800
sentences), held from the alignment on rather than from the first correction on.
"""
from __future__ import annotations

import hashlib
import itertools
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from aligner.types import Document


@dataclass(frozen=True)
class Fit:
    """What scoring a bead needs of a fitted search: its main scorer and the bead shapes it searched."""

    scorer: object  # scoring.BeadScorer
    types: tuple[tuple[int, int], ...]


_kept: OrderedDict[str, Fit] = OrderedDict()  # by `fit_key`, the last used last
_alignment_of: dict[str, int] = {}  # each kept fit's alignment: the fits of one are kept and let go of together
_lock = threading.Lock()
_limit = 0
_current = threading.local()  # `.alignment`: the alignment whose searches this thread runs `together()`
_numbers = itertools.count(1)


def keep(n: int) -> None:
    """Keep the fits of the last `n` alignments from now on (0: none, and drop those kept)."""
    global _limit
    with _lock:
        _limit = max(0, int(n))
        while _alignments() > _limit:
            _drop_oldest()


def keeping() -> bool:
    return _limit > 0


@contextmanager
def together() -> Iterator[None]:
    """The searches run inside are one alignment's (three columns: each translation's to the Chinese): their fits
    are kept together, and one does not make room for another by letting it go."""
    if getattr(_current, "alignment", None) is not None:  # inside another: already one alignment
        yield
        return
    _current.alignment = next(_numbers)
    try:
        yield
    finally:
        _current.alignment = None


def fit_key(source: Document, target: Document, encoder_name: str, params: object) -> str:
    """A digest of all a fit depends on: the texts, their sentences (offsets, folded text, paragraphs),
    the languages, the encoder and the search parameters."""
    digest = hashlib.sha256()
    for part in (encoder_name, repr(params)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for doc in (source, target):
        digest.update(f"{doc.lang}\0{len(doc.text)}\0{len(doc.sentences)}\0".encode())
        digest.update(doc.text.encode("utf-8", "surrogatepass"))
        for s in doc.sentences:
            digest.update(f"\0{s.index}\0{s.start}\0{s.end}\0{s.paragraph}\0{s.norm}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def make_room() -> None:
    """Before a new search: drop the oldest kept alignments' fits, leaving room for its own among the last `n`
    (not those of the alignment it is part of: `together`)."""
    own = getattr(_current, "alignment", None)
    with _lock:
        while _alignments(but=own) and _alignments(but=own) >= _limit:
            _drop_oldest(but=own)


def remember(key: str, fit: Fit) -> None:
    own = getattr(_current, "alignment", None)
    with _lock:
        if not _limit:
            return
        alignment = own if own is not None else next(_numbers)
        _kept[key], _alignment_of[key] = fit, alignment
        _used(alignment)
        while _alignments() > _limit:
            _drop_oldest(but=alignment)


def recall(key: str) -> Fit | None:
    with _lock:
        fit = _kept.get(key)
        if fit is not None:
            _used(_alignment_of[key])
        return fit


def _alignments(but: int | None = None) -> int:
    """How many alignments have fits kept (`but` one)."""
    return len({_alignment_of[key] for key in _kept} - {but})


def _used(alignment: int) -> None:
    """An alignment's fits, all of them, are now the last used."""
    for key in [key for key in _kept if _alignment_of[key] == alignment]:
        _kept.move_to_end(key)


def _drop_oldest(but: int | None = None) -> None:
    """Let go of all the fits of the alignment used longest ago (not `but`)."""
    oldest = next(_alignment_of[key] for key in _kept if _alignment_of[key] != but)
    for key in [key for key in _kept if _alignment_of[key] == oldest]:
        del _kept[key], _alignment_of[key]
