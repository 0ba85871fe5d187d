"""Any sentence-transformers model (LaBSE recommended for accuracy), by hub name or local folder.

torch takes seconds to import, so `sentence_transformers` is imported only when this encoder is
first built, never at `import aligner`. Models are loaded from local files only: a name that is
not already in the Hugging Face cache fails at once with one clear line (before torch is
imported), instead of the hub client retrying for a minute on a machine without network.

`fingerprint` tells the embedding cache which files the model was loaded from, so a model saved
again into the same folder (a fine-tuning run) or a newer hub snapshot never gets the old vectors.
"""
from __future__ import annotations

import hashlib
import importlib.util
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from aligner.errors import ModelUnavailableError, setting
from aligner.types import Progress

CHUNK = 128  # sentences per encode call: sorted by length inside, and a progress step between


def _model_path() -> str:
    """How the caller gives a model's folder: the `model` argument, or --model on the command line."""
    return setting('model="PATH"', "--model PATH", "the encoder's model name or folder")


def _unavailable(model: str, why: str) -> ModelUnavailableError:
    return ModelUnavailableError(
        f"Model '{model}' is not available offline ({why}). Download it once on a machine with internet "
        f"(python -c \"from sentence_transformers import SentenceTransformer; "
        f"SentenceTransformer('{model}').save('{Path(model).name}')\"), copy that folder here "
        f"and pass its path with {_model_path()}."
    )


CONFIG_FILES = ("modules.json", "config.json")  # sentence-transformers' own, or a plain transformers model's


def _check_model_folder(model: str, folder: Path) -> None:
    """Refuse a folder with no model config before torch's seconds of import: transformers would say
    "Should have a `model_type` key in its config.json" of a folder that has none. A model one level
    down (the folder above the one saved, a hub cache's snapshots/) is named."""
    if any((folder / name).is_file() for name in CONFIG_FILES):
        return
    try:
        below = sorted((d for pattern in ("*", "snapshots/*") for d in folder.glob(pattern) if d.is_dir()
                        and any((d / name).is_file() for name in CONFIG_FILES)),
                       key=lambda d: (not (d / "modules.json").is_file(), str(d)))
    except OSError:
        below = []
    hint = f"; '{below[0]}' holds one" if below else ""
    raise ModelUnavailableError(
        f"Folder '{model}' holds no sentence-transformers model: it has no modules.json or config.json (a saved "
        f"model has them beside its weights, model.safetensors or pytorch_model.bin){hint}. Pass the model's own "
        f"folder with {_model_path()}.")


class SentenceTransformerEncoder:
    """A sentence-transformers model on the CPU; rows are L2-normalised."""

    def __init__(self, model: str) -> None:
        local = Path(model).expanduser()
        is_path = local.is_dir() or model.startswith((".", "/", "~")) or model.count("/") > 1 or "\\" in model
        if local.is_file():
            raise ModelUnavailableError(f"'{model}' is a file, not a model folder; pass the folder of a "
                                        "sentence-transformers model (the one holding its config and weights) "
                                        f"with {_model_path()}.")
        if is_path and not local.is_dir():
            raise ModelUnavailableError(f"Model folder '{model}' does not exist; pass the folder of a "
                                        f"sentence-transformers model with {_model_path()}.")
        if local.is_dir():
            _check_model_folder(model, local)
        source = str(local.resolve()) if local.is_dir() else model
        if importlib.util.find_spec("sentence_transformers") is None:
            raise ModelUnavailableError(
                f"Model '{model}' needs the sentence-transformers package: pip install sentence-transformers"
            )
        folder = local.resolve() if local.is_dir() else _hub_snapshot(model)
        if folder is None:  # known before torch's seconds of import
            raise _unavailable(model, "not in the local Hugging Face cache")
        from sentence_transformers import SentenceTransformer

        try:
            with _no_loading_bars():
                self.model = SentenceTransformer(source, device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            if local.is_dir():
                raise ModelUnavailableError(
                    f"Folder '{model}' is not a usable sentence-transformers model ({_first_line(exc)})."
                ) from exc
            raise ModelUnavailableError(
                f"Model '{model}' is in the Hugging Face cache but cannot be loaded ({_first_line(exc)})."
            ) from exc
        self.name = f"sentence-transformers:{source}"
        self.fingerprint = folder_fingerprint(folder)
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


@contextmanager
def _no_loading_bars():
    """Keep transformers' "Loading weights" bar off stderr (the command line's -q, the UI's log).

    Our own progress callback reports the work that takes time; the caller's setting is restored."""
    from transformers.utils import logging as hf_logging

    enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if enabled:
            hf_logging.enable_progress_bar()


def _hub_snapshot(model: str) -> Path | None:
    """The folder of this hub model's current snapshot in the local Hugging Face cache (None: never fetched).

    sentence-transformers also tries a bare name under `sentence-transformers/` (LaBSE)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    for repo in (model, f"sentence-transformers/{model}"):
        for filename in ("modules.json", "config.json"):
            try:
                found = try_to_load_from_cache(repo, filename)
            except ValueError:  # not a valid repo id
                continue
            if isinstance(found, str):
                return Path(found).parent
    return None


FINGERPRINT_DEPTH = 2  # a model's files and its modules' folders (1_Pooling/config.json): never a whole tree


def folder_fingerprint(folder: Path) -> str:
    """A short hash of the model files' names, sizes and modification times: changes when the model is saved again.

    Cheap (no file is read, nothing deeper than a model's module folders: `--model .` in a large
    checkout must not walk it), and a hub snapshot's folder is named by its commit besides."""
    digest = hashlib.sha256(str(folder).encode("utf-8"))
    level = [folder]
    for _ in range(FINGERPRINT_DEPTH):
        entries = sorted(entry for parent in level for entry in _listing(parent))
        for path in entries:
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8"))
        level = [path for path in entries if path.is_dir()]
    return digest.hexdigest()[:16]


def _listing(folder: Path) -> list[Path]:
    """A folder's entries; none if it cannot be listed (the model's own loading says what is wrong)."""
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
