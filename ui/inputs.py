"""The texts and settings panel: upload or paste each side, the translation's language, the encoder."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from aligner.errors import InputError
from aligner.fetch import is_url, read_url
from aligner.glossary import glossary_from_bytes
from aligner.reading import (MAX_BYTES, MAX_DOCUMENT_BYTES, MB, READABLE_SUFFIXES, encoding_name, megabytes,
                             read_bytes_decoded)
from aligner.tables import TABLE_SUFFIXES
from aligner.types import Term
from ui.sample_left import sample_left

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ZH = ROOT / "texts" / "joint-statement.zh.txt"
SAMPLE_TGT = {"ru": ROOT / "texts" / "joint-statement.ru.txt", "en": ROOT / "texts" / "joint-statement.en.txt"}
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in READABLE_SUFFIXES]
GLOSSARY_TYPES = [suffix.lstrip(".") for suffix in TABLE_SUFFIXES]
LANG_CHOICES = {"auto-detect": None, "Russian": "ru", "English": "en"}
DEFAULT_ENCODER = "Offline default (multilingual-e5-small)"
CUSTOM_ENCODER = "sentence-transformers model (name or path)"
PASTED_NAMES = ("Chinese text", "translation", "second translation")  # what messages call a pasted text
COLUMNS = dict(zip(PASTED_NAMES, ("Chinese", "Translation", "Second translation")))  # where each goes in the panel
# The encodings a plain-text upload can be read in instead of the one detected ("Read as"), by the names users know.
DETECTED = "detected"  # the "Read as" choice that leaves the encoding to detection (a selectbox's None is no choice)
READ_AS = (DETECTED, "utf-8", "gb18030", "big5hkscs", "cp1251", "koi8_r", "mac_cyrillic", "cp866", "cp1252", "utf-16")
PLAIN_TEXT_SUFFIXES = (".txt", ".md", ".srt")  # documents (.docx, .pdf …) store their own encoding
# The uploader says "200MB per file" (a PDF's or an e-book's limit, its pictures and fonts included): a 25 MB text file
# was refused only once Align was pressed, with a limit of 20 MB the page had not said.
UPLOAD_HELP = (f"A plain-text file (.txt, .md, .srt) of up to {MAX_BYTES // MB} MB, its encoding detected (UTF-8, "
               "GBK, Big5, Windows-1251, KOI8-R …); a Word, OpenDocument or RTF document, a PDF, an e-book or a saved "
               f"web page of up to {MAX_DOCUMENT_BYTES // MB} MB, whose text is held to {MAX_BYTES // MB} MB. "
               "Split a longer text and align it in parts. The file is read when you press Align.")


def page_message(message: str) -> str:
    """An error as the page shows it: 'translation is empty…' becomes 'The translation is empty: paste it or upload
    its file under Translation…', 'Both Chinese
    text and translation are Chinese' 'Both the Chinese text and the translation…', and a pasted text put in the
    wrong box is told to swap the two texts, not "the two files"."""
    names = "|".join(re.escape(name) for name in PASTED_NAMES)
    empty = re.fullmatch(rf"({names}) is empty: there is nothing to align\.", message)
    if empty:  # the box was emptied: say where the text goes
        side = empty.group(1)
        return f"The {side} is empty: paste it or upload its file under **{COLUMNS[side]}**, then press Align."
    # the command line's "first text" is the page's Chinese column
    message = message.replace("; the first text must be the Chinese original, the second its translation.",
                              ": give the Chinese original under **Chinese** and its translation under **Translation**.")
    both = re.match(r"Both (.+?) and (.+?) are ", message)
    if both:
        sides = [("the " + side) if side in PASTED_NAMES else side for side in both.groups()]
        return f"Both {sides[0]} and {sides[1]} are " + message[both.end():]
    if re.match(rf"({names}) ", message):
        return "The " + message.replace("(swap the two files:", "(swap the two texts:")
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
    tgt2_text: str = ""  # a second translation (the other language): three columns, pivoted on the Chinese
    tgt2_name: str = ""
    tgt2_lang: str | None = None
    glossary: tuple[Term, ...] = ()  # terms each pair must render (`term` flags)
    # the encoding each side's plain-text file was read in (None: pasted, a document or a web page), shown on the page
    zh_encoding: str | None = None
    tgt_encoding: str | None = None
    tgt2_encoding: str | None = None

    @property
    def three_way(self) -> bool:
        return bool(self.tgt2_text.strip())


SAMPLES = {"zh–ru": ("ru",), "zh–en": ("en",), "zh–ru–en": ("ru", "en")}


def sample_inputs(lang: str = "ru", second: str | None = None) -> Inputs:
    """The sample pair the page opens with (zh–ru), or another sample (zh–en, zh–ru–en)."""
    return Inputs(
        zh_text=SAMPLE_ZH.read_text(encoding="utf-8"),
        tgt_text=SAMPLE_TGT[lang].read_text(encoding="utf-8"),
        zh_name=SAMPLE_ZH.name,
        tgt_name=SAMPLE_TGT[lang].name,
        target_lang=None,
        model=None,
        presplit=False,
        tgt2_text=SAMPLE_TGT[second].read_text(encoding="utf-8") if second else "",
        tgt2_name=SAMPLE_TGT[second].name if second else "",
    )


SAMPLE_REQUEST = "_sample_request"
ALIGN_TOP = "align_top"  # the Align button at the panel's top
SAMPLE_LEFT = "_sample_left_inputs"  # inputs refused once for a sample left in a box: Align again aligns them


def show_in_panel(inputs: Inputs) -> None:
    """Put the texts and settings of `inputs` (a sample, opened or restored work) in the panel, before
    it is drawn: "Align" with the panel unchanged then finds the same inputs and keeps the work."""
    names = {lang: label for label, lang in LANG_CHOICES.items()}
    st.session_state.update({"zh_text": inputs.zh_text, "tgt_text": inputs.tgt_text, "tgt2_text": inputs.tgt2_text,
                             "target_lang": names[inputs.target_lang], "target2_lang": names[inputs.tgt2_lang],
                             "presplit": inputs.presplit, "encoder": CUSTOM_ENCODER if inputs.model else DEFAULT_ENCODER,
                             "model_name": inputs.model or ""})


def _use_sample(langs: tuple[str, ...]) -> None:
    """Button callback: align a sample now and show its texts in the boxes (once the reviewer
    agrees to replace their work, if there is any: see the page's "Replace my work")."""
    from ui.state import work_at_stake

    inputs = sample_inputs(*langs)
    st.session_state[SAMPLE_REQUEST] = inputs
    if not work_at_stake():
        show_in_panel(inputs)


def take_sample_request() -> Inputs | None:
    return st.session_state.pop(SAMPLE_REQUEST, None)


def shown_encoding(encoding: str | None) -> str:
    """The encoding a text was read in, as the page names it: "" for plain UTF-8 (or none), which needs no word."""
    return "" if encoding in (None, "utf-8") else encoding_name(encoding)


def read_as_note(inputs: Inputs) -> str:
    """" · en.txt read as Windows-1252" for the line over the pairs: a file read in another encoding than UTF-8, so
    a wrong guess (an English file read as Windows-1251 shows Cyrillic) is seen, and set right under Your texts."""
    sides = ((inputs.zh_name, inputs.zh_encoding), (inputs.tgt_name, inputs.tgt_encoding),
             (inputs.tgt2_name, inputs.tgt2_encoding))
    return "".join(f" · {name} read as {shown_encoding(encoding)}" for name, encoding in sides if shown_encoding(encoding))


def _read_as(column, key: str, upload) -> str | None:
    """The "Read as" box of a plain-text upload: None (detect the encoding) or the one chosen. Keyed by the upload,
    so that another file starts from detection. (The encoding found is named over the file's text, not in the box:
    the browser kept showing an option's first wording after it changed.)"""
    if Path(upload.name).suffix.lower() not in PLAIN_TEXT_SUFFIXES:
        return None
    chosen = column.selectbox(
        "Read as", READ_AS, key=f"{key}_encoding_{upload.file_id}",
        format_func=lambda codec: DETECTED if codec == DETECTED else encoding_name(codec),
        help="The encoding the file is read in when you press Align, named over its text once read. If the text "
             "shows the wrong letters (Cyrillic in an English file, say), choose the right one.")
    return None if chosen == DETECTED else chosen


def _side(column, label: str, key: str, default_text: str, default_name: str = "", default_encoding: str | None = None,
          language: str | None = None):
    """One side's widgets; returns a function giving (text, name, encoding): an upload wins over a web
    address, and both over the text box.

    Reading waits for the Align button, so a large upload is not re-read on every click. While a
    file or an address is given, the box shows the text read from it once aligned, not an older text,
    and names the encoding it was read in (if not UTF-8). `language` is the side's, where known ("zh" for the
    Chinese one): it decides between encodings a few words read as well in.
    """
    upload = column.file_uploader(f"{label}: upload a file", type=UPLOAD_TYPES, key=f"{key}_file", help=UPLOAD_HELP)
    read_as = _read_as(column, key, upload) if upload is not None else None
    address = column.text_input("…or give its web address", key=f"{key}_url", placeholder="https://",
                                help="A web page (its article is taken, without the site's menus) or a PDF")
    noun = label if label == "Chinese" else label.lower()  # a language name keeps its capital
    source = upload.name if upload is not None else address.strip()
    if source:
        aligned = default_text if default_name == source else ""
        encoding = shown_encoding(default_encoding) if aligned else ""
        column.text_area(f"The {noun} text, read from {source}" + (f" as {encoding}" if encoding else ""),
                         value=aligned, height=180, disabled=True,
                         placeholder=f"Read from {source} when you press Align (remove it to paste a text).",
                         help="The file or web address is used, not a pasted text.")
        pasted = ""
    else:
        pasted = column.text_area(f"…or paste the {noun} text", value=default_text, height=180, key=f"{key}_text")
    if upload is not None:
        def read() -> tuple[str, str, str | None]:
            with st.spinner(f"Reading {upload.name} ({megabytes(upload.size)})…"):  # a long PDF takes a few seconds
                decoded = read_bytes_decoded(upload.getvalue(), upload.name, read_as, language)
                return decoded.text, upload.name, decoded.encoding
        return read
    if address.strip():
        def fetch() -> tuple[str, str, str | None]:
            if not is_url(address):
                raise InputError(f"{address.strip()} is not a web address; it must start with https:// or http://.")
            with st.spinner(f"Fetching {address.strip()}…"):
                return read_url(address), address.strip(), None
        return fetch
    return lambda: (pasted, "", None)


def texts_panel(current: Inputs) -> Inputs | None:
    """Draw the panel; return new Inputs when the user asks to align (InputError on a bad file)."""
    buttons = st.columns([1.2, 1, 1, 1, 2, 1])
    buttons[0].markdown("**Samples:**")
    for column, (label, langs) in zip(buttons[1:], SAMPLES.items()):
        column.button(label, key=f"sample_{'_'.join(langs)}", on_click=_use_sample, args=(langs,),
                      help=f"Align the sample joint statement, {label}")
    # with two files uploaded, the Align under the boxes is below a laptop screen's fold (1280×800): one up here too
    align_on_top = buttons[5].button("Align", type="primary", key=ALIGN_TOP, width="stretch",
                                     help="Align the texts and settings below (as the Align button under them)")
    left, right, third = st.columns(3)
    with left:
        st.markdown("**Chinese**")
    with right:
        st.markdown("**Translation** (Russian or English)")
    with third:
        st.markdown("**Second translation** (optional)")
    lang_label = right.selectbox("Language of the translation", list(LANG_CHOICES), key="target_lang")
    lang2_label = third.selectbox("Language of the second translation", list(LANG_CHOICES), key="target2_lang",
                                  help="Give the other language (Chinese + Russian + English) to see three columns, "
                                       "pivoted on the Chinese")
    encoder = st.radio("Encoder: the model that compares the meaning of sentences", [DEFAULT_ENCODER, CUSTOM_ENCODER],
                       horizontal=True, key="encoder",
                       help="Leave the offline default: it needs no download. Another sentence-transformers "
                            "model (LaBSE, for one) can be used if it is on this machine.")
    model_name = ""
    if encoder == CUSTOM_ENCODER:
        model_name = st.text_input("Model name or local path", placeholder="sentence-transformers/LaBSE", key="model_name")
    presplit = st.checkbox("The texts are already split: one sentence per line", key="presplit")
    glossary_file = st.file_uploader("Glossary (optional): terms each pair must render", type=GLOSSARY_TYPES,
                                     key="glossary_file",
                                     help="A table with columns zh, en, ru (or the Chinese first and the rendering "
                                          "second); alternatives separated by |. Pairs whose translation lacks a "
                                          "term's rendering get a `term` flag.")
    # each side's language decides between encodings a few words read as well in (reading.decode)
    zh_side = _side(left, "Chinese", "zh", current.zh_text, current.zh_name, current.zh_encoding, "zh")
    tgt_side = _side(right, "Translation", "tgt", current.tgt_text, current.tgt_name, current.tgt_encoding,
                     LANG_CHOICES[lang_label])
    tgt2_side = _side(third, "Second translation", "tgt2", current.tgt2_text, current.tgt2_name, current.tgt2_encoding,
                      LANG_CHOICES[lang2_label])
    if not (st.button("Align", type="primary", key="align") or align_on_top):
        return None
    if encoder == CUSTOM_ENCODER and not model_name.strip():
        raise InputError("Enter a sentence-transformers model name or the path of a model folder, or choose the offline default.")
    glossary = (glossary_from_bytes(glossary_file.getvalue(), glossary_file.name) if glossary_file is not None
                else current.glossary)
    zh_text, zh_name, zh_encoding = zh_side()
    tgt_text, tgt_name, tgt_encoding = tgt_side()
    tgt2_text, tgt2_name, tgt2_encoding = tgt2_side()
    same_zh = zh_text == current.zh_text and not zh_name
    same_tgt = tgt_text == current.tgt_text and not tgt_name
    same_tgt2 = tgt2_text == current.tgt2_text and not tgt2_name
    inputs = Inputs(
        zh_text=zh_text,
        tgt_text=tgt_text,
        zh_name=zh_name or (current.zh_name if same_zh else PASTED_NAMES[0]),
        tgt_name=tgt_name or (current.tgt_name if same_tgt else PASTED_NAMES[1]),
        target_lang=LANG_CHOICES[lang_label],
        model=model_name.strip() or None,
        presplit=presplit,
        tgt2_text=tgt2_text,
        tgt2_name=(tgt2_name or (current.tgt2_name if same_tgt2 else PASTED_NAMES[2])) if tgt2_text.strip() else "",
        tgt2_lang=LANG_CHOICES[lang2_label] if tgt2_text.strip() else None,
        glossary=glossary,
        # a text left in its box after its file was removed is still the text read from that file
        zh_encoding=zh_encoding if zh_name else (current.zh_encoding if same_zh else None),
        tgt_encoding=tgt_encoding if tgt_name else (current.tgt_encoding if same_tgt else None),
        tgt2_encoding=(tgt2_encoding if tgt2_name else (current.tgt2_encoding if same_tgt2 else None))
        if tgt2_text.strip() else None,
    )
    left = sample_left([("Chinese", zh_text, not zh_name), ("Translation", tgt_text, not tgt_name),
                        ("Second translation", tgt2_text, not tgt2_name)])
    if left and st.session_state.get(SAMPLE_LEFT) != inputs:
        st.session_state[SAMPLE_LEFT] = inputs  # said once: pressed again, Align aligns them as they are
        raise InputError(left)
    return inputs
