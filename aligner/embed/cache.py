"""A disk cache of sentence vectors, so a re-run (or a re-join of the same sentences) is fast.

One SQLite file per model (stdlib sqlite3, WAL): two processes can read and write it at once and
an interrupted run never leaves a partial file. Keys are SHA-256 of the exact text, values the
float32 bytes of the vector. The cache is an optimisation only: if it cannot be opened, read or
written we warn once and carry on without it, never failing an alignment.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aligner.embed.base import Encoder
from aligner.errors import AlignerWarning
from aligner.types import Progress

ENV_VAR = "ALIGNER_CACHE_DIR"
_LOOKUP_CHUNK = 500  # keys per SELECT ... IN (...), under SQLite's variable limit everywhere
# Misses are embedded and stored this many at a time (≈ 20 s of the default encoder on two cores),
# so a run stopped by Ctrl-C, a crash or a full disk keeps what it embedded: a novel's 40,000
# sentences take ten minutes, all lost when they were stored only at the end.
STORE_EVERY = 1024


# A plain (rowid) table: 2.1 kB a vector on disk. Files written before held a WITHOUT ROWID table,
# where each 1.5 kB row is too big for a page's share and spills onto an overflow page: 4.7 kB.
_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL)"


def _upgrade(conn: sqlite3.Connection) -> None:
    """Copy a file of the old WITHOUT ROWID layout into the plain one, once, and shrink the file."""
    def old_layout() -> bool:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'vectors'").fetchone()
        return bool(row) and "WITHOUT ROWID" in row[0].upper()

    if not old_layout():
        return
    conn.isolation_level = None  # explicit transaction: another process may be upgrading the same file
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if old_layout():
                conn.execute("ALTER TABLE vectors RENAME TO vectors_old")
                conn.execute(_SCHEMA)
                conn.execute("INSERT INTO vectors (key, vec) SELECT key, vec FROM vectors_old")
                conn.execute("DROP TABLE vectors_old")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("VACUUM")
    finally:
        conn.isolation_level = ""


def default_cache_dir() -> Path:
    """$ALIGNER_CACHE_DIR, else the user's cache folder (platformdirs, else XDG) /aligner."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("aligner", appauthor=False))
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "aligner"


def cache_file(cache_dir: Path, model_name: str, fingerprint: str = "") -> Path:
    """One file per model: a readable slug plus a short hash, so distinct names never collide.

    `fingerprint` (an encoder's, see `CachedEncoder`) goes into the hash only: the same model name
    with other weights gets a file of its own, never the old vectors."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_name).strip("_")[:80] or "model"
    identity = f"{model_name}\0{fingerprint}" if fingerprint else model_name
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:10]
    return Path(cache_dir) / "embeddings" / f"{slug}-{digest}.sqlite"


@dataclass(frozen=True)
class CacheFile:
    """One model's file of cached vectors, as `aligner cache` lists it."""

    path: Path
    size: int  # bytes on disk, its write-ahead log included
    vectors: int | None  # None: the file cannot be read as a cache


def cache_files(cache_dir: Path) -> list[CacheFile]:
    """The embedding files in `cache_dir` (each model's, every version's), largest first: a
    sentence takes about 2 kB (a 20,000-sentence novel and its translation: about 85 MB) and nothing is
    ever removed by itself."""
    out = []
    for path in sorted((Path(cache_dir) / "embeddings").glob("*.sqlite")):
        size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        try:
            with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5) as conn:
                (vectors,) = conn.execute("SELECT count(*) FROM vectors").fetchone()
        except sqlite3.Error:
            vectors = None
        out.append(CacheFile(path, size, vectors))
    return sorted(out, key=lambda f: -f.size)


def clear_cache(cache_dir: Path) -> int:
    """Delete every embedding file (and its SQLite side files) in `cache_dir`; the bytes freed."""
    freed = 0
    for path in (Path(cache_dir) / "embeddings").glob("*.sqlite*"):
        size = path.stat().st_size
        path.unlink(missing_ok=True)
        freed += size
    return freed


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class CachedEncoder:
    """Wraps an encoder: looks every text up on disk and embeds only the misses, storing them
    STORE_EVERY at a time (a run stopped half-way keeps the vectors of the batches it finished).

    An encoder may have a `fingerprint` (its package version, its model files' sizes and times):
    vectors are cached per name and fingerprint, so an upgraded or re-saved model starts afresh."""

    def __init__(self, inner: Encoder, cache_dir: str | Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = cache_file(Path(cache_dir) if cache_dir else default_cache_dir(), inner.name,
                               str(getattr(inner, "fingerprint", "") or ""))
        self._disabled = False
        self.texts_from_cache = 0  # texts served from vectors an earlier run stored: no encoder time was spent
        self._stored_here: set[bytes] = set()

    def encode(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return self.inner.encode([])
        keys = [_key(t) for t in texts]
        found = self._lookup(set(keys))
        misses: dict[bytes, str] = {}
        for key, text in zip(keys, texts):
            if key not in found and key not in misses:
                misses[key] = text
        total, hits = len(texts), len(texts) - sum(1 for k in keys if k not in found)
        self.texts_from_cache += sum(1 for k in keys if k in found and k not in self._stored_here)
        if progress and hits:
            progress("embed", hits, total)
        if misses:
            inner_progress = None
            if progress:
                per_miss = (total - hits) / len(misses)  # a repeated text is embedded once but counts each time

                def inner_progress(stage: str, done: int, _n: int) -> None:
                    progress(stage, min(total, hits + round(done * per_miss)), total)
            found.update(self._embed_and_store(misses, inner_progress))
        try:
            return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)
        except ValueError as exc:  # cached rows of another length than the model's: distrust the file
            self._give_up(exc)
            return np.asarray(self.inner.encode(texts, progress=progress), dtype=np.float32)

    def _embed_and_store(self, misses: dict[bytes, str], progress: Progress | None) -> dict[bytes, np.ndarray]:
        """Embed `misses` STORE_EVERY at a time, storing each batch before the next begins."""
        keys, texts = list(misses), list(misses.values())
        out: dict[bytes, np.ndarray] = {}
        for start in range(0, len(texts), STORE_EVERY):
            batch_progress = None
            if progress:
                def batch_progress(stage: str, done: int, _n: int, _start: int = start) -> None:
                    progress(stage, _start + done, len(texts))
            vectors = np.asarray(self.inner.encode(texts[start : start + STORE_EVERY], progress=batch_progress),
                                 dtype=np.float32)
            new = dict(zip(keys[start : start + STORE_EVERY], vectors))
            self._store(new)
            self._stored_here.update(new)
            out.update(new)
        return out

    def close(self) -> None:
        """Release the inner encoder's resources (e.g. worker processes)."""
        close = getattr(self.inner, "close", None)
        if close:
            close()

    def __enter__(self) -> "CachedEncoder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- storage ---------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        _upgrade(conn)
        conn.execute(_SCHEMA)
        return conn

    def _lookup(self, keys: set[bytes]) -> dict[bytes, np.ndarray]:
        if self._disabled or not keys:
            return {}
        found: dict[bytes, np.ndarray] = {}
        ordered = list(keys)
        try:
            conn = self._connect()
            try:
                for i in range(0, len(ordered), _LOOKUP_CHUNK):
                    part = ordered[i : i + _LOOKUP_CHUNK]
                    rows = conn.execute(
                        f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                    ).fetchall()
                    for key, blob in rows:
                        found[bytes(key)] = np.frombuffer(blob, dtype="<f4")
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)
            return {}
        dims = {v.shape[0] for v in found.values()}
        if len(dims) > 1:  # a file written by something else: do not trust it
            self._give_up(sqlite3.DatabaseError(f"rows of different lengths {sorted(dims)}"))
            return {}
        return found

    def _store(self, vectors: dict[bytes, np.ndarray]) -> None:
        if self._disabled or not vectors:
            return
        rows = [(k, np.asarray(v, dtype="<f4").tobytes()) for k, v in vectors.items()]
        try:
            conn = self._connect()
            try:
                with conn:
                    conn.executemany("INSERT OR IGNORE INTO vectors (key, vec) VALUES (?, ?)", rows)
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        """Warn once, then run uncached: the cache must never fail an alignment."""
        if not self._disabled:
            self._disabled = True
            warnings.warn(
                f"Embedding cache {self.path} cannot be used ({exc}); continuing without it. "
                f"Delete that file or set {ENV_VAR} to another folder to cache again.",
                AlignerWarning,
                stacklevel=3,
            )
