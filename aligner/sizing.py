"""Whether a document pair fits in this machine's memory, said before the hours of embedding.

The search holds span vectors, dictionary tables and a band of cells per sentence: linear in the
sentences, about BYTES_PER_SENTENCE at most (benchmarks/novel_scale.py: 2.77 GB peak for 20,566
Chinese and 27,440 English sentences with the band at its widest). A text file may hold 20 MB,
some 200,000 sentences: 19 GB. Such a pair is still aligned (the estimate is an upper bound), but
the user is told first, with what to do instead.
"""
from __future__ import annotations

import os
import warnings

from aligner.errors import AlignerWarning
from aligner.types import Document

BYTES_PER_SENTENCE = 58_000


def available_memory() -> int | None:
    """Bytes of memory available to a new process (Linux: MemAvailable), None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def warn_if_too_big(source: Document, target: Document) -> None:
    """An AlignerWarning when aligning the pair may need more memory than is available."""
    need = (len(source.sentences) + len(target.sentences)) * BYTES_PER_SENTENCE
    have = available_memory()
    if have is None or need <= have:
        return
    names = f"{source.name} and {target.name}" if source.name and target.name else "The two texts"
    warnings.warn(
        f"{names} have {len(source.sentences):,} and {len(target.sentences):,} sentences: aligning them may need "
        f"up to {need / 1e9:.1f} GB of memory, and {have / 1e9:.1f} GB is available. Split them into chapters "
        "and align the folders with `aligner batch`.",
        AlignerWarning, stacklevel=3)
