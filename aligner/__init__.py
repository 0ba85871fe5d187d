"""aligner: sentence alignment of Chinese texts with their Russian or English translations.

    from aligner import align_texts
    result = align_texts(zh_text, ru_text)
    for bead in result.beads:
        zh, ru = result.texts(bead)     # and bead.kind ('1-2'), bead.score (0–1), bead.flags

Heavy dependencies (the encoder, torch) load lazily, on first use.
"""
from aligner.types import Alignment, Bead, Document, Flag, Sentence

__version__ = "0.1.0"
__all__ = ["align_texts", "Alignment", "Bead", "Document", "Flag", "Sentence", "__version__"]


def align_texts(zh_text: str, tgt_text: str, **options) -> Alignment:
    """Align a Chinese text with its Russian or English translation; see aligner.pipeline.align_texts."""
    from aligner.pipeline import align_texts as _align_texts

    return _align_texts(zh_text, tgt_text, **options)
