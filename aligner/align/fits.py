"""The document models an alignment fitted, kept for the corrections that follow it.

A reviewer's merge, split or move is scored by the aligner's own models of the document
(`rescore`). Fitting them again took the whole search over: 1–2 s on a chapter, 45 s on a
novel, all of it in the reviewer's first correction. `align` hands its fitted scorer here
and `rescore` takes it back, keyed by everything the fit depends on (both documents' texts and
sentences, the encoder's name, the parameters), so a different text or model never finds it.

Off by default (a command-line run corrects nothing and should not hold a novel's models in
memory): the review page turns it on with `keep(n)`. Only the last `n` fits are kept, and a new
search first lets go of the oldest (`make_room`), so that at most n - 1 kept fits sit beside it.
A kept fit is about as large as the search's sentence and span vectors (~190 MB for 5,900 + 7,800
sentences), held from the alignment on rather than from the first correction on.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from aligner.types import Document


@dataclass(frozen=True)
class Fit:
    """What scoring a bead needs of a fitted search: its main scorer and the bead shapes it searched."""

    scorer: object  # scoring.BeadScorer
    types: tuple[tuple[int, int], ...]


_kept: OrderedDict[str, Fit] = OrderedDict()
_lock = threading.Lock()
_limit = 0


def keep(n: int) -> None:
    """Keep the last `n` fits from now on (0: none, and drop those kept)."""
    global _limit
    with _lock:
        _limit = max(0, int(n))
        while len(_kept) > _limit:
            _kept.popitem(last=False)


def keeping() -> bool:
    return _limit > 0


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
    """Before a new search: drop the oldest kept fits, leaving room for its own among the last `n`."""
    with _lock:
        while _kept and len(_kept) >= _limit:
            _kept.popitem(last=False)


def remember(key: str, fit: Fit) -> None:
    with _lock:
        if not _limit:
            return
        _kept[key] = fit
        _kept.move_to_end(key)
        while len(_kept) > _limit:
            _kept.popitem(last=False)


def recall(key: str) -> Fit | None:
    with _lock:
        fit = _kept.get(key)
        if fit is not None:
            _kept.move_to_end(key)
        return fit
