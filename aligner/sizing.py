"""Whether a document pair fits in this machine's memory, said before the hours of embedding.

The search holds span vectors, dictionary tables and a band of cells per sentence, and the review its
pairs: linear in the sentences, about BYTES_PER_SENTENCE at most. Measured with
`benchmarks/novel_scale.py --copies 14 --export tsv --widest-band` (20,566 Chinese and 27,440 English
sentences, every row's band at its widest, 256 cells): a peak of 1,901 MB, 41,525 bytes a sentence (the
review's peak; the search's 1,761 MB); with the band the anchors give that pair (19 cells a row), 1,759 MB.
The 58,000 of an older search (2.77 GB) warned a machine with 2.5 GB free of a pair it aligns in 2 GB.
A text file may hold 20 MB, some 200,000 sentences: 8 GB. Such a pair is still aligned (the estimate is
an upper bound), but the user is told first, with what to do instead.
"""
from __future__ import annotations

import os
import warnings

from aligner.errors import AlignerWarning
from aligner.types import Document

BYTES_PER_SENTENCE = 42_000  # 41,525 measured at the widest band (above), rounded up


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


def memory_needed(n_source: int, n_target: int) -> int:
    """Bytes that aligning `n_source` Chinese and `n_target` translated sentences may need at most."""
    return (n_source + n_target) * BYTES_PER_SENTENCE


def warn_if_too_big(source: Document, target: Document) -> None:
    """An AlignerWarning when aligning the pair may need more memory than is available."""
    need = memory_needed(len(source.sentences), len(target.sentences))
    have = available_memory()
    if have is None or need <= have:
        return
    names = f"{source.name} and {target.name}" if source.name and target.name else "The two texts"
    warnings.warn(
        f"{names} have {len(source.sentences):,} and {len(target.sentences):,} sentences: aligning them may need "
        f"up to {need / 1e9:.1f} GB of memory, and {have / 1e9:.1f} GB is available. Split them into chapters "
        "and align the folders with `aligner batch`.",
        AlignerWarning, stacklevel=3)
