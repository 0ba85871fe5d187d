"""What the review checks work out per document and per pair, kept while a reviewer corrects.

Each correction reviews its new pairs among a few hundred of the document's other pairs (the
document's normal, see `corrections.review_in_context`). Their quantities, name candidates and
lengths, and the document's lower-case words and word length, are the same every time: worked
out once, they are looked up here. A value depends only on the two documents and the sentences
a pair holds, so a memo serves one document pair (`for_documents` starts afresh for another).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable, TypeVar

from aligner.types import Alignment, Bead, Document

T = TypeVar("T")


@dataclass
class ReviewMemo:
    """Values keyed by (what, key), for the documents `source` and `target` (compared by identity)."""

    source: Document | None = None
    target: Document | None = None
    values: dict[tuple[str, Hashable], object] = field(default_factory=dict)

    def for_documents(self, alignment: Alignment) -> "ReviewMemo":
        """This memo, emptied first if it served other documents."""
        if self.source is not alignment.source or self.target is not alignment.target:
            self.source, self.target, self.values = alignment.source, alignment.target, {}
        return self

    def get(self, what: str, key: Hashable, compute: Callable[[], T]) -> T:
        found = self.values.get((what, key), _MISSING)
        if found is _MISSING:
            found = self.values[(what, key)] = compute()
        return found  # type: ignore[return-value]


_MISSING = object()


def bead_key(bead: Bead) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """What a pair's values depend on: its sentences."""
    return bead.src, bead.tgt


def remembered(memo: ReviewMemo | None, alignment: Alignment, what: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or its value kept in `memo` for these documents (no memo: computed every time)."""
    if memo is None:
        return compute()
    return memo.for_documents(alignment).get(what, key, compute)
