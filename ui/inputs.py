"""The texts and settings panel: upload or paste each side, the translation's language, the encoder."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

import streamlit as st

from aligner.errors import InputError
from aligner.reading import read_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ZH = ROOT / "texts" / "joint-statement.zh.txt"
SAMPLE_TGT = {"ru": ROOT / "texts" / "joint-statement.ru.txt", "en": ROOT / "texts" / "joint-statement.en.txt"}
UPLOAD_TYPES = ["txt", "md", "docx", "srt"]
LANG_CHOICES = {"auto-detect": None, "Russian": "ru", "English": "en"}
DEFAULT_ENCODER = "Offline default (multilingual-e5-small)"
CUSTOM_ENCODER = "sentence-transformers model (name or path)"
PASTED_NAMES = ("Chinese text", "translation")  # what messages call a pasted text


def page_message(message: str) -> str:
    """An error as the page shows it: 'translation is empty…' becomes 'The translation is empty…'."""
    for name in PASTED_NAMES:
        if message.startswith(name + " "):
            return "The " + message
    return message


@dataclass(frozen=True)
class Inputs:
    """Everything an alignment depends on; equal inputs give the cached result instantly."""

    zh_text: str
    tgt_text: str
    zh_name: str
    tgt_name: str
    target_lang: str | None
    model: str | None
    presplit: bool


def sample_inputs(lang: str = "ru") -> Inputs:
    """The sample pair the page opens with."""
    return Inputs(
        zh_text=SAMPLE_ZH.read_text(encoding="utf-8"),
        tgt_text=SAMPLE_TGT[lang].read_text(encoding="utf-8"),
        zh_name=SAMPLE_ZH.name,
        tgt_name=SAMPLE_TGT[lang].name,
        target_lang=None,
        model=None,
        presplit=False,
    )


def read_upload(data: bytes, name: str) -> str:
    """The text of an uploaded file, by its extension, with the library's readers and errors."""
    safe = PurePath(name).name or "upload.txt"
    with tempfile.TemporaryDirectory(prefix="aligner-upload-") as folder:
        path = Path(folder) / safe
        path.write_bytes(data)
        try:
            return read_file(path)
        except InputError as exc:  # name the file as the user knows it, not our temporary copy
            raise InputError(str(exc).replace(str(path), name)) from None


def _side(column, label: str, key: str, default_text: str):
    """One side's widgets; returns a function giving (text, name): an upload wins over the text box.

    Reading waits for the Align button, so a large upload is not re-read on every click.
    """
    upload = column.file_uploader(f"{label}: upload a file", type=UPLOAD_TYPES, key=f"{key}_file")
    noun = label if label == "Chinese" else label.lower()  # a language name keeps its capital
    pasted = column.text_area(f"…or paste the {noun} text", value=default_text, height=180, key=f"{key}_text")
    if upload is not None:
        return lambda: (read_upload(upload.getvalue(), upload.name), upload.name)
    return lambda: (pasted, "")


def texts_panel(current: Inputs) -> Inputs | None:
    """Draw the panel; return new Inputs when the user asks to align (InputError on a bad file)."""
    left, right = st.columns(2)
    with left:
        st.markdown("**Chinese**")
    with right:
        st.markdown("**Translation** (Russian or English)")
    lang_label = right.selectbox("Language of the translation", list(LANG_CHOICES), key="target_lang")
    encoder = st.radio("Encoder", [DEFAULT_ENCODER, CUSTOM_ENCODER], horizontal=True, key="encoder")
    model_name = ""
    if encoder == CUSTOM_ENCODER:
        model_name = st.text_input("Model name or local path", placeholder="sentence-transformers/LaBSE", key="model_name")
    presplit = st.checkbox("The texts are already split: one sentence per line", key="presplit")
    zh_side = _side(left, "Chinese", "zh", current.zh_text)
    tgt_side = _side(right, "Translation", "tgt", current.tgt_text)
    if not st.button("Align", type="primary", key="align"):
        return None
    if encoder == CUSTOM_ENCODER and not model_name.strip():
        raise InputError("Enter a sentence-transformers model name or the path of a model folder, or choose the offline default.")
    zh_text, zh_name = zh_side()
    tgt_text, tgt_name = tgt_side()
    same_zh = zh_text == current.zh_text and not zh_name
    same_tgt = tgt_text == current.tgt_text and not tgt_name
    return Inputs(
        zh_text=zh_text,
        tgt_text=tgt_text,
        zh_name=zh_name or (current.zh_name if same_zh else PASTED_NAMES[0]),
        tgt_name=tgt_name or (current.tgt_name if same_tgt else PASTED_NAMES[1]),
        target_lang=LANG_CHOICES[lang_label],
        model=model_name.strip() or None,
        presplit=presplit,
    )
