"""Which pairs a reviewer wants to see: problems only, a search, the next problem.

A problem is anything worth a second look: an omission, an addition, a review flag (number,
name, partial), low confidence, or a pair that is not one sentence to one sentence
(merged/split), since those are where boundaries go wrong. Each flag kind is its own category,
because reviewers trust them differently (see `aligner.review.trust`): an editor may want the
number and name flags of a novel without its partial ones.
"""
from __future__ import annotations

from aligner.export.status import status
from aligner.types import ADDED, OMITTED, WEAK, Alignment, Bead

FLAG_KINDS: tuple[str, ...] = ("number", "name", "term", "partial")  # review flags on pairs with both sides
# Problem categories a reviewer can filter by, in the order the UI lists them.
PROBLEMS: tuple[str, ...] = (OMITTED, ADDED, *FLAG_KINDS, WEAK, "merged/split")


def problems(bead: Bead) -> list[str]:
    """The problem categories of one pair ([] for a plain confident 1–1 pair)."""
    found = []
    state = status(bead)
    if state in (OMITTED, ADDED):
        found.append(state)
    kinds = {f.kind for f in bead.flags}
    found += [k for k in FLAG_KINDS if k in kinds]
    found += sorted(kinds - {OMITTED, ADDED, WEAK, *FLAG_KINDS})  # a kind this list does not know yet
    if WEAK in kinds:
        found.append(WEAK)
    if bead.src and bead.tgt and (len(bead.src), len(bead.tgt)) != (1, 1):
        found.append("merged/split")
    return found


def is_problem(bead: Bead, categories: set[str] | None = None) -> bool:
    """Has a problem (of one of `categories`, when given)."""
    found = problems(bead)
    return bool(found) if categories is None else any(p in categories for p in found)


def haystacks(alignment: Alignment) -> list[str]:
    """Per pair, what a search looks in: both sides' text and their folded forms, case-folded.

    Built once per version of the pairs, so a search is a plain scan of 5,000 strings.
    """
    src, tgt = alignment.source, alignment.target
    out = []
    for b in alignment.beads:
        parts = [src.span_text(b.src), tgt.span_text(b.tgt)]
        parts += [s.norm for s in (src.sentences[i] for i in b.src) if s.norm != s.text]
        parts += [s.norm for s in (tgt.sentences[j] for j in b.tgt) if s.norm != s.text]
        out.append("\u0000".join(parts).casefold())
    return out


def search(texts: list[str], query: str) -> list[int]:
    """Indices of pairs whose text contains `query`, ignoring case, Traditional/Simplified and width."""
    from aligner.normalise import fold

    query = query.strip()
    if not query:
        return list(range(len(texts)))
    needles = {query.casefold(), fold(query).casefold()}
    return [i for i, text in enumerate(texts) if any(n in text for n in needles)]


def select(
    alignment: Alignment,
    *,
    problems_only: bool = False,
    categories: set[str] | None = None,
    query: str = "",
    hide_reviewed: bool = False,
    texts: list[str] | None = None,
) -> list[int]:
    """Indices of the pairs to show, in document order (`texts`: from `haystacks`, if at hand)."""
    chosen = search(texts if texts is not None else haystacks(alignment), query)
    beads = alignment.beads
    if problems_only:
        chosen = [i for i in chosen if is_problem(beads[i], categories)]
    if hide_reviewed:
        chosen = [i for i in chosen if not beads[i].reviewed]
    return chosen


def next_problem(alignment: Alignment, after: int, categories: set[str] | None = None) -> int | None:
    """The first problem pair after index `after` not yet reviewed, wrapping round; None if none."""
    beads = alignment.beads
    n = len(beads)
    for step in range(1, n + 1):
        i = (after + step) % n
        if not beads[i].reviewed and is_problem(beads[i], categories):
            return i
    return None
