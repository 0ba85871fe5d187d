"""aligner: sentence alignment of Chinese texts with their Russian or English translations.

    import aligner
    result = aligner.align_texts(zh_text, ru_text)       # or aligner.align_files("zh.pdf", "en.docx")
    for bead in result.beads:
        zh, ru = result.texts(bead)     # and bead.kind ('1-2'), bead.score (0–1), bead.flags

Every error a user can act on (an empty or unreadable file, a wrong language, a model that is not
on disk) is an `aligner.AlignerError` whose message is the one line the command line prints.
Heavy dependencies (the encoder, torch) load lazily, on first use.
"""
from aligner.errors import AlignerError
from aligner.pipeline import align_files, align_texts  # imports only the light modules; the rest on first use
from aligner.types import Alignment, Bead, Document, Flag, Sentence

__version__ = "0.1.0"
__all__ = ["align_texts", "align_files", "AlignerError", "Alignment", "Bead", "Document", "Flag", "Sentence",
           "__version__"]
