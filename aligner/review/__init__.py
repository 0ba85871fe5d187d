"""Review: add flags a reviewer should look at to the beads of an alignment, in place.

Each check lives in its own module and adds `Flag(kind, reason)`s with a reason a person can
read. `review` runs them in a fixed order and is cheap: with an encoder it only re-reads the
sentence embeddings the aligner already cached.

Flag kinds: `omitted`, `added` (gaps: a run of adjacent unmatched sentences is merged into one
bead per side, so one flag covers one passage), `weak` (low aligner confidence), `partial`
(translation far shorter/longer than the document's own length ratio predicts), `number`
(numbers that do not agree), `name` (a name, acronym or Latin-script token on one side only),
`term` (a glossary term whose required rendering the translation lacks; only with a glossary).
Warnings about the document pair as a whole go to `Alignment.warnings`.
"""
from __future__ import annotations

from aligner.embed.base import Encoder
from aligner.review.gaps import gap_flags
from aligner.review.memo import ReviewMemo
from aligner.review.names import NAME, name_flags
from aligner.review.number_flags import NUMBER, number_flags
from aligner.review.partial import PARTIAL, partial_flags
from aligner.review.terms import TERM, term_flags
from aligner.review.unrelated import check_translation
from aligner.review.vectors import sentence_vectors
from aligner.review.weak import weak_flags
from aligner.types import Alignment


def review(alignment: Alignment, encoder: Encoder | None = None, flag_from: int = 0,
           memo: ReviewMemo | None = None) -> None:
    """Flag gaps (merging adjacent null beads), weak pairs, partial translations, numbers, names and
    the terms of the alignment's glossary.

    `encoder` (the one that aligned the texts) sharpens the partial check with similarities;
    without it the check uses lengths only. With it, the texts are also checked to be a
    translation of each other at all (`unrelated`): if not, a warning and every pair weak.

    `flag_from`: the partial, number, name and term checks flag only the beads from this index on; those before
    it (1–1 pairs, so that merging gaps leaves every index in place) are the document's normal, as a correction
    reviews its new pairs (`corrections.review_in_context`), and the beads flagged get the flags a full review
    gives them. `memo` keeps what the checks work out per document and per pair for the next such review.
    """
    gap_flags(alignment)
    weak_flags(alignment)
    vectors = sentence_vectors(alignment, encoder) if encoder is not None else None
    if vectors is not None:
        check_translation(alignment, vectors)
    partial_flags(alignment, vectors, flag_from, memo)
    number_flags(alignment, flag_from, memo)
    name_flags(alignment, flag_from=flag_from, memo=memo)
    term_flags(alignment, flag_from)


__all__ = ["review", "NAME", "NUMBER", "PARTIAL", "TERM"]
