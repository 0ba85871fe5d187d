"""Running the pipeline from the page: cached per input, with a progress bar.

The encoder is a cached resource (loaded once per server). Alignments are kept in a small
server-wide store keyed by the inputs, so aligning the same texts again is instant; each page
gets its own copy, so one reviewer's corrections never change the stored result. (st.cache_data
cannot be used here: it would replay the progress bar drawn while aligning.)
"""
from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from typing import Any, Hashable

import streamlit as st

from aligner.align.core import step_words
from aligner.embed import get_encoder
from aligner.pipeline import align_documents, check_languages, load_document
from aligner.review import review_step
from aligner.threeway import ThreeWay, align_three
from aligner.reading import megabytes
from aligner.types import LANGUAGE_NAMES, Alignment, Progress
from ui.inputs import ALIGN_TOP, PASTED_NAMES, Inputs

STAGES = {"plan": "Preparing the search", "align": "Aligning", "review": "Reviewing"}  # their counts mean nothing to a user
KEEP = 8  # alignments kept in memory


@st.cache_resource(show_spinner="Loading the encoder…")
def encoder_for(model: str | None):
    """One encoder per model for the whole server (ModelUnavailableError is not cached)."""
    return get_encoder(model)


class AlignmentStore:
    """The last few alignments, stored pickled: a hit costs one unpickle, not an alignment, and each
    caller gets its own copy. (Also keeps the pages' work for a reload: `ui/autosave.py`.)"""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self.items: OrderedDict[Hashable, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, inputs: Hashable) -> Any:
        with self.lock:
            data = self.items.get(inputs)
            if data is not None:
                self.items.move_to_end(inputs)
        return pickle.loads(data) if data is not None else None

    def put(self, inputs: Hashable, alignment: Any) -> None:
        data = pickle.dumps(alignment, protocol=pickle.HIGHEST_PROTOCOL)
        with self.lock:
            self.items[inputs] = data
            while len(self.items) > self.keep:
                self.items.popitem(last=False)


@st.cache_resource
def alignment_store() -> AlignmentStore:
    return AlignmentStore()


def stage_text(stage: str, done: int, total: int) -> str:
    """What the bar says while `stage` runs, in what a reviewer counts: "Splitting the Russian into sentences… 40%",
    "Embedding 12,345 of 48,000 sentences…", "Preparing the search: names… 50%", "Aligning: pass 2 of 3… 40%"
    (a three-column run names its translation: "Aligning (ru): pass 2 of 3… 40%"). The bar said "Splitting into sentences… 2325000/2325000" (characters, and not done yet)."""
    name, _, side = stage.partition(" (")  # "segment (zh)", three columns' "embed (ru)"
    side = side.removesuffix(")")
    percent = f"{min(done / total, 1.0):.0%}" if total else "0%"
    if name == "language":  # before a text is split: its language is checked (a second or two on a book)
        return f"Checking the language of {side} ({megabytes(total)})…"
    if name == "segment":
        return f"Splitting the {LANGUAGE_NAMES.get(side, side)} into sentences… {percent}"
    for_side = f" ({side})" if side else ""
    if name == "embed":
        return f"Embedding {done:,} of {total:,} sentences{for_side}…"
    name, _, part = name.partition(" ")  # the search's steps and passes: "plan names", "align 2/3"
    part = f": {step_words(part)}" if part else ""
    if name == "review" and (step := review_step(done, total)):  # the review's checks, by the share of time each takes
        part = f": {step}"
    return f"{STAGES.get(name, name.capitalize())}{for_side}{part}… {percent}"


def _load(text: str, name: str, lang: str | None, presplit: bool, progress: Progress):
    """One side's Document; the bar names the text while its language is checked, before the splitting says more."""
    shown = f"the {name}" if name in PASTED_NAMES else name or "the text"
    progress(f"language ({shown})", 0, len(text.encode("utf-8")))
    # splitting reports its progress (characters done), so a book pasted as one paragraph can be stopped too
    return load_document(text, lang=lang, presplit=presplit, name=name, progress=progress)


def compute_alignment(inputs: Inputs, progress: Progress) -> Alignment:
    """Segment, embed, align and review `inputs`."""
    source = _load(inputs.zh_text, inputs.zh_name, None, inputs.presplit, progress)
    target = _load(inputs.tgt_text, inputs.tgt_name, inputs.target_lang, inputs.presplit, progress)
    check_languages(source, target)
    return align_documents(source, target, encoder_for(inputs.model), progress=progress, glossary=inputs.glossary)


def compute_three_way(inputs: Inputs, progress: Progress) -> ThreeWay:
    """Segment the three texts, align each translation to the Chinese and merge the rows."""
    source = _load(inputs.zh_text, inputs.zh_name, None, inputs.presplit, progress)
    first = _load(inputs.tgt_text, inputs.tgt_name, inputs.target_lang, inputs.presplit, progress)
    second = _load(inputs.tgt2_text, inputs.tgt2_name, inputs.tgt2_lang, inputs.presplit, progress)
    return align_three(source, first, second, encoder_for(inputs.model), progress=progress, glossary=inputs.glossary)


STOP_KEY = "stop_aligning"


def _stopped() -> None:
    from ui.state import flash

    flash("info", "Aligning stopped: nothing was aligned, and the pairs on the page are the ones you had. "
                  "Your texts are still in the panel above.")


def stop_button() -> None:
    """A long text (a book takes minutes) can be stopped: a click while the page works makes Streamlit
    end this run at the progress bar's next step and start another, whose first act is this callback."""
    st.button("Stop aligning", key=STOP_KEY, on_click=_stopped, icon=":material/stop_circle:",
              help="Stop this alignment and keep the page as it was")


def align_with_progress(inputs: Inputs, slot=None) -> Alignment | ThreeWay:
    """The alignment of `inputs` (a ThreeWay when there is a second translation): from the store, or
    computed while a progress bar shows the stage, in `slot` (an `st.empty()` the page draws on every
    run, so that the bar does not shift the elements after it from one run to the next)."""
    store = alignment_store()
    found = store.get(inputs)
    if found is not None:
        return found
    with (slot or st).container():
        bar = st.progress(0.0, text="Starting…")
        stop_button()
        if st.session_state.get(ALIGN_TOP):  # pressed at the panel's top: the bar is under the panel, out of sight
            from ui.pairs_view import scroll_to

            scroll_to("[data-testid=stProgress]", "_progress_scrolls")

    def progress(stage: str, done: int, total: int) -> None:
        bar.progress(min(done / total, 1.0) if total else 0.0, text=stage_text(stage, done, total))

    compute = compute_three_way if inputs.three_way else compute_alignment
    try:
        alignment = compute(inputs, progress)
    finally:
        (slot or bar).empty()
    store.put(inputs, alignment)
    return store.get(inputs)
