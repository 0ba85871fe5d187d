"""`align()`: the contract the pipeline calls."""
from __future__ import annotations

import numpy as np

from aligner.align.scoring import Params
from aligner.align.search import Search
from aligner.align.spans import side_of
from aligner.embed.base import Encoder
from aligner.types import Bead, Document, Progress

MAX_SPAN = 4
DEFAULT_PARAMS = Params()


def align(
    source: Document,
    target: Document,
    encoder: Encoder,
    progress: Progress | None = None,
    params: Params = DEFAULT_PARAMS,
) -> list[Bead]:
    """Pair the sentences of `source` with those of `target`, in order, each sentence once.

    Beads are 1–0 / 0–1 (no counterpart) or a–b with 1 ≤ a, b ≤ 4; `score` is a 0–1 confidence;
    flags are left empty for review.
    """
    n, m = len(source.sentences), len(target.sentences)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    texts = [s.norm for s in source.sentences] + [s.norm for s in target.sentences]
    emb = np.asarray(encoder.encode(texts, progress), dtype=np.float32)
    search = Search(side_of(source, emb[:n], MAX_SPAN), side_of(target, emb[n:], MAX_SPAN), params)
    path = search.run(progress)
    return [
        Bead(tuple(range(i0, i0 + a)), tuple(range(j0, j0 + b)), score=search.scorer.confidence(i0, a, b, j0))
        for i0, a, j0, b in path
    ]
