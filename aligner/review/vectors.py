"""The sentence embeddings of a document pair, read once per review for the checks that use them
(`partial`, `unrelated`): the aligner's run has cached them, so this is a lookup, not a model run."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.embed.base import Encoder
from aligner.types import Alignment


@dataclass(frozen=True)
class SentenceVectors:
    """Unit vectors of each source and each target sentence (rows in sentence order), and the
    encoder's name (the fixed prior of `align.scoring.ENCODER_PRIORS` is keyed by it)."""

    src: np.ndarray
    tgt: np.ndarray
    model: str = ""


def sentence_vectors(alignment: Alignment, encoder: Encoder) -> SentenceVectors:
    src = [s.norm for s in alignment.source.sentences]
    tgt = [s.norm for s in alignment.target.sentences]
    emb = np.asarray(encoder.encode(src + tgt), dtype=np.float64)
    return SentenceVectors(emb[: len(src)], emb[len(src):], getattr(encoder, "name", ""))
