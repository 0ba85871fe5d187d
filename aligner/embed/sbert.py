"""Any sentence-transformers model (LaBSE recommended for accuracy), by hub name or local folder.

torch takes seconds to import, so `sentence_transformers` is imported only when this encoder is
first built, never at `import aligner`. Models are loaded from local files only: a name that is
not already in the Hugging Face cache fails at once with one clear line, instead of the hub
client retrying for a minute on a machine without network.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from aligner.errors import ModelUnavailableError
from aligner.types import Progress

CHUNK = 128  # sentences per encode call: sorted by length inside, and a progress step between


def _unavailable(model: str, why: str) -> ModelUnavailableError:
    return ModelUnavailableError(
        f"Model '{model}' is not available offline ({why}). Download it once on a machine with internet "
        f"(python -c \"from sentence_transformers import SentenceTransformer; "
        f"SentenceTransformer('{model}').save('{Path(model).name}')\"), copy that folder here "
        f"and pass its path with --model PATH."
    )


class SentenceTransformerEncoder:
    """A sentence-transformers model on the CPU; rows are L2-normalised."""

    def __init__(self, model: str) -> None:
        local = Path(model).expanduser()
        is_path = local.is_dir() or model.startswith((".", "/", "~")) or model.count("/") > 1 or "\\" in model
        if local.is_file():
            raise ModelUnavailableError(f"'{model}' is a file, not a model folder; pass the folder of a "
                                        "sentence-transformers model (the one holding its config and weights) "
                                        "with --model PATH.")
        if is_path and not local.is_dir():
            raise ModelUnavailableError(f"Model folder '{model}' does not exist; pass the folder of a "
                                        "sentence-transformers model with --model PATH.")
        source = str(local.resolve()) if local.is_dir() else model
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelUnavailableError(
                f"Model '{model}' needs the sentence-transformers package: pip install sentence-transformers"
            ) from exc
        try:
            self.model = SentenceTransformer(source, device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            if local.is_dir():
                raise ModelUnavailableError(
                    f"Folder '{model}' is not a usable sentence-transformers model ({_first_line(exc)})."
                ) from exc
            if _in_hub_cache(model):
                raise ModelUnavailableError(
                    f"Model '{model}' is in the Hugging Face cache but cannot be loaded ({_first_line(exc)})."
                ) from exc
            raise _unavailable(model, "not in the local Hugging Face cache") from exc
        self.name = f"sentence-transformers:{source}"
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(dimension() or 0)

    def encode(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        texts = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]  # no lone surrogates
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), CHUNK):
            out[start : start + CHUNK] = self.model.encode(
                texts[start : start + CHUNK], batch_size=32, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
            if progress:
                progress("embed", min(start + CHUNK, len(texts)), len(texts))
        return out


def _in_hub_cache(model: str) -> bool:
    """Whether some file of this hub model is already downloaded (as opposed to never fetched)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    for repo in (model, f"sentence-transformers/{model}"):
        for filename in ("modules.json", "config.json"):
            try:
                if isinstance(try_to_load_from_cache(repo, filename), str):
                    return True
            except ValueError:  # not a valid repo id
                continue
    return False


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
