"""The sidebar panel that corrects the selected pair: one set of controls, not one per row.

Its parts (what the pair is, its texts, Merge ↑/↓, Split, Move, Undo/Redo, the spinner a correction runs
under) serve the three-column page too (`ui/threeway_correct.py`), there on the pair of the translation the
reviewer chose: each takes the callback that makes a correction, and a key prefix so that the two pages'
widgets are told apart."""
from __future__ import annotations

import contextlib

import streamlit as st

from aligner.corrections import CorrectionError, first_changed
from aligner.export.marked import MARK_STYLE, side_html
from aligner.export.status import STATUS_LABELS, status
from aligner.pair_filter import ToLookAt, next_problem, pairs_to_look_at
from aligner.pair_numbers import number_of
from aligner.review.trust import hover_text
from aligner.types import LANGUAGE_NAMES
from ui import state
from ui.wording import kind_name

MOVES = {
    "first Chinese sentence → previous pair": ("src", "up"),
    "last Chinese sentence → next pair": ("src", "down"),
    "first translated sentence → previous pair": ("tgt", "up"),
    "last translated sentence → next pair": ("tgt", "down"),
}


# Undo of the last step (or Redo of the last undone one) disables the button the reviewer pressed, and a
# disabled button drops the keyboard focus to the page: the script hands it to the other one, enabled now,
# unless the reviewer has put it somewhere else meanwhile. A counter makes each script new, so that it runs.
# It tries for 2 s: the new buttons may not be drawn yet, and the pressed one may still stand, holding the focus,
# until the page replaces it (on a busy machine the script ran first, found the focus not lost, and gave up).
FOCUS_KEY = "focus_after_history"
FOCUS_BOX = "focus_script"
FOCUS_SCRIPT = """<script>
(() => {{
  let tries = 0;
  const move = () => {{
    const target = document.querySelector('.st-key-{key} button:not([disabled])');
    const lost = !document.activeElement || document.activeElement === document.body
      || document.activeElement.closest('.st-key-{other}');
    if (target && lost) target.focus();
    else if (++tries < 40) setTimeout(move, 50);
  }};
  move();
}})();  // request {count}
</script>"""


def focus_next(key: str) -> None:
    """Ask for the focus on button `key` ("undo", "redo", or with a prefix) after this run."""
    st.session_state[FOCUS_KEY] = (key, st.session_state.get(FOCUS_KEY, ("", 0))[1] + 1)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."  # not capitalize(): it lowercases "Chinese"


def _note_key(revision: int, i: int) -> str:
    return f"note_{revision}_{i}"


def _typed_notes() -> dict[int, str]:
    """Notes typed in the Note box but not saved, by pair index (the box is drawn anew after each correction)."""
    beads = state.work().beads
    prefix = _note_key(st.session_state.get(state.REVISION, 0), "")
    typed = {}
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(prefix) and key[len(prefix):].isdigit():
            i, text = int(key[len(prefix):]), st.session_state[key] or ""
            if i < len(beads) and text.strip() != beads[i].note:
                typed[i] = text
    return typed


def _save_typed_notes() -> list[str]:
    """Save any typed note before another action replaces the box: a reviewer's note is never dropped."""
    corrections = state.work()
    saved = [corrections.set_note(i, text).description for i, text in _typed_notes().items()]
    if saved:
        state.changed()
    return [_sentence(text) for text in saved]


# A merge, split or move scores and reviews the pairs it made: a fraction of a second now that the aligner's
# models are kept from the alignment (`aligner.align.fits`), but the models of a project opened from a file are
# fitted at its first correction (seconds on a long text). Streamlit shows a spinner after half a second.
SCORING = "Scoring the new pair…"
WAITING = "waiting"  # the key (after the page's prefix) of the slot at the top of the sidebar the spinner is drawn in


def waiting(scorer, language: str) -> str:
    """What the spinner says while a correction to the translation into `language` ("Russian") is made: a review
    opened from a file (or aligned before another text was) has no fitted models (`LazyRescorer.prepared`), and its
    first correction fits them (seconds on a chapter, a minute on a novel), which "Scoring the new pair…" hid."""
    if getattr(scorer, "prepared", True):  # no scorer (pairs aligned elsewhere): nothing to fit
        return SCORING
    return f"Preparing corrections in the {language} (once)…"  # short: the sidebar is narrow, and the time is beside it


def _in_sight(prefix: str):
    """The slot a button's callback draws its spinner in: at the top of the sidebar, where the message slot is, and
    like it kept in sight as the sidebar scrolls (ui/app.py FLASH_CSS). Drawn there plainly, the spinner scrolled
    away above the Merge buttons the reviewer had scrolled down to, and the page only greyed."""
    key = prefix + WAITING
    slot = st.container(key=key)
    slot.html(f"<style>:has(> .st-key-{key}), .st-key-{key}{{position:sticky;top:0;z-index:3;padding:0.5rem 0}} "
              "[data-testid=stSidebarContent], [data-testid=stSidebarUserContent], "  # on the sidebar's colour, as the
              f"[data-testid=stSidebarUserContent] *:has(.st-key-{key}), .st-key-{key}"  # message's: the page's
              "{background-color:inherit}</style>")  # style for that was in the slot's place, now the spinner's
    return slot


@contextlib.contextmanager
def correcting(scorer, language: str, prefix: str = ""):
    """Make a correction (in the `with` block) under a spinner kept in sight at the top of the sidebar, which says
    what the reviewer waits for (`waiting`), with its time when it prepares. Both pages' buttons use it."""
    wait = waiting(scorer, language)
    with st.sidebar, _in_sight(prefix), st.spinner(wait, show_time=wait != SCORING):  # drawn after half a second
        yield


def _act(action, *args) -> None:
    """Run a correction from a button callback (a note typed but not saved is saved first); report it
    (or why it was refused) on the next run."""
    corrections = state.work()
    saved = _save_typed_notes()
    language = LANGUAGE_NAMES.get(corrections.alignment.target.lang, corrections.alignment.target.lang)
    try:
        with correcting(corrections.scorer, language):
            edit = action(corrections, *args)
    except CorrectionError as exc:
        state.flash("error", " ".join(saved + [str(exc)]))
        return
    state.changed()
    state.show_pair(min(first_changed(edit), len(corrections.beads) - 1))
    state.flash("success", " ".join(saved + [_sentence(edit.description)]))


def _from_state(key: str):
    """A widget's value at click time (a callback's args are fixed when the button is drawn)."""
    return st.session_state[key]


def _save_note() -> None:
    saved = _save_typed_notes()
    if saved:
        state.show_pair(state.selected_index())
        state.flash("success", " ".join(saved))
        return
    # the box may have saved it already, when the click took the focus from it (see _note_left)
    i = state.selected_index()
    number = number_of(state.work().alignment, i)
    state.flash("info", f"The note on pair {number} is saved." if state.work().beads[i].note else "The note is empty.")


def _note_left() -> None:
    """The reviewer left the Note box (clicked elsewhere, pressed Ctrl+Enter): keep what they typed at
    once, so that Save project or a download clicked next holds it, not only the next action."""
    saved = _save_typed_notes()
    if saved:
        state.flash("success", " ".join(saved))


def _undo() -> None:
    dropped = sorted(_typed_notes())  # undo takes back the last saved step, not the text being typed
    dropped = [number_of(state.work().alignment, i) for i in dropped]  # named before the undo renumbers the pairs
    edit = state.work().undo()
    if edit is None:
        state.flash("info", "Nothing to undo.")
        return
    _show_step(edit, "redo" if not state.work().history else None)
    unsaved = f" The note typed on pair {dropped[0]} was not saved." if dropped else ""
    state.flash("success", f"Undone: {edit.description}.{unsaved}")


def _redo() -> None:
    try:
        edit = state.work().redo()
    except CorrectionError as exc:
        state.flash("error", str(exc))
        return
    if edit is None:  # e.g. a note was kept since the undo: a new correction drops what was undone
        state.flash("info", "Nothing to redo.")
        return
    _show_step(edit, "undo" if not state.work().undone else None)
    state.flash("success", f"Redone: {edit.description}.")


def _show_step(edit, focus: str | None) -> None:
    """After an undo or redo: the pairs changed, the first pair it touched selected, and the focus moved to
    `focus` (the other button) when the one pressed has nothing left to do and goes grey."""
    state.changed()
    state.show_pair(min(first_changed(edit), len(state.work().beads) - 1))
    if focus:
        focus_next(focus)


def walked_kinds() -> set[str] | None:
    """The kinds of problem "Next problem" walks and the strip marks: those the filter shows ("Problems only" on),
    or every kind."""
    if st.session_state.get(state.PROBLEMS_ONLY):  # the pills choose only while the filter is on
        return set(st.session_state.get(state.CATEGORIES) or []) or None
    return None


def pairs_look(alignment) -> ToLookAt:
    """The pairs to look at, of the kinds walked: what the strip marks and Next problem walks and counts."""
    return pairs_to_look_at(alignment, walked_kinds())


def next_label(look: ToLookAt) -> str:
    """"Next problem ▶ · 4 left": the pairs (rows) to look at not marked reviewed, which Next problem still walks to
    and the strip counts ("4 of 6 left to look at"), so that an editor knows when the review is done."""
    left = len(look.left)
    return f"Next problem ▶ · {left} left" if left else "Next problem ▶ · none left"


def _jump_next() -> None:
    """The next problem pair of the kinds the filter shows ("Problems only" on), or of every kind."""
    messages = _save_typed_notes()
    corrections = state.work()
    categories = walked_kinds()
    here = state.selected_index()
    found = next_problem(corrections.alignment, here, categories)
    wrapped = found is None or found <= here
    if found is None:
        messages.append("No problem pairs left that are not marked reviewed.")
    else:
        if wrapped:
            after, first = number_of(corrections.alignment, here), number_of(corrections.alignment, found)
            messages.append(f"No more problems after pair {after}: back to the first one, pair {first}.")
        state.show_pair(found)
    if messages:
        state.flash("info" if wrapped else "success", " ".join(messages))


def select_pair(index: int) -> None:
    """Select pair `index` (0-based) from a callback, saving a note typed on the pair left."""
    saved = _save_typed_notes()
    if saved:
        state.flash("success", " ".join(saved))
    state.show_pair(index)


def _selected_changed() -> None:
    select_pair(state.selected_index())


def pair_about(bead, i: int, act, prefix: str = "") -> None:
    """What pair `i` is (type, score, status, ✓), each flag's reason, and the aligner's other reading of
    it as one click (`act(action, i)` makes a correction)."""
    about = st.container()  # one slot however many flags the pair has: what follows keeps its place
    about.markdown(
        f"**{bead.kind.replace('-', '–')}** · score {bead.score:.2f} · {STATUS_LABELS[status(bead)]}"
        + (" · ✓ reviewed" if bead.reviewed else "")
    )
    for flag in bead.flags:
        about.caption(f"⚑ {kind_name(flag.kind)}: {flag.reason}", help=hover_text(flag.kind))
    if bead.doubt is not None:
        about.button(f"Follow the aligner: {bead.doubt.reason}", on_click=act, args=(lambda c, k: c.follow_doubt(k), i),
                     key=f"{prefix}follow_doubt", width="stretch",
                     help="The aligner found this other reading of the boundaries about as likely; one click makes "
                          "it (undo takes it back).")


def pair_texts(alignment, bead, translation: str = "translation") -> None:
    """The pair's Chinese and translated sentences, one a line, the words its flags quote marked."""
    zh = side_html(alignment, bead, "src", lines=True) or "— no Chinese —"
    tgt = side_html(alignment, bead, "tgt", lines=True) or f"— no {translation} —"
    box = "font-size:0.85rem;white-space:pre-line;max-height:16rem;overflow-y:auto"
    mark = f"<style>.pair-text mark{{{MARK_STYLE}}}</style>"
    st.html(f'{mark}<div class="pair-text" style="{box}">{zh}<hr style="margin:4px 0">{tgt}</div>')


def merge_buttons(i: int, n: int, act, prefix: str = "") -> None:
    """Merge ↑ and Merge ↓ side by side: an omitted or added row that belongs to the pair above is one click too."""
    up, down = st.columns(2, gap="small")
    up.button("Merge ↑", on_click=act, args=(lambda c, k: c.merge_with_next(k - 1), i), key=f"{prefix}merge_previous",
              disabled=i == 0, width="stretch", help="Merge this pair with the previous pair")
    down.button("Merge ↓", on_click=act, args=(lambda c, k: c.merge_with_next(k), i), key=f"{prefix}merge",
                disabled=i + 1 >= n, width="stretch", help="Merge this pair with the next pair")


def _split(act, prefix: str, i: int, src_key: str, tgt_key: str) -> None:
    """Split pair `i` as the two boxes say. A first part of one sentence has nothing left to split: its Split button
    goes, and Enter on it dropped the keyboard focus to the top of the page; on the two-column page the focus goes
    to Merge ↓ then."""
    act(lambda c, k: c.split(k, int(_from_state(src_key)), int(_from_state(tgt_key))), i)
    if prefix or state.work() is None:  # the three-column page keeps its rows and selection elsewhere
        return
    first = state.work().beads[state.selected_index()]
    if len(first.src) + len(first.tgt) < 2:
        focus_next("merge")


def split_and_move(bead, i: int, revision: int, act, prefix: str = "") -> None:
    """"Split this pair" and "Move a sentence", drawn for every pair and keyed, so that they stay open
    while the reviewer works in them."""
    with st.expander("Split this pair", key=f"{prefix}split_panel"):
        if len(bead.src) + len(bead.tgt) < 2:
            st.caption("This pair has one sentence: there is nothing to split.")
        else:
            a, b = st.columns(2)
            src_key, tgt_key = f"{prefix}split_src_{revision}_{i}", f"{prefix}split_tgt_{revision}_{i}"
            a.number_input("Chinese kept", 0, len(bead.src), (len(bead.src) + 1) // 2, key=src_key)
            b.number_input("translation kept", 0, len(bead.tgt), len(bead.tgt) // 2, key=tgt_key)
            st.caption("The first part keeps that many sentences of each side; the rest become the next pair.")
            st.button("Split", key=f"{prefix}split", width="stretch", on_click=_split, args=(act, prefix, i, src_key, tgt_key))

    with st.expander("Move a sentence", key=f"{prefix}move_panel"):
        choice = f"{prefix}move_choice"
        # the four choices in sight, each wrapping onto a second line: in a box as wide as the sidebar a
        # laptop screen cut "first Chinese sentence → previous pair" to "first Chinese sentence → pr"
        st.radio("Sentence", list(MOVES), key=choice)
        st.button("Move", key=f"{prefix}move", width="stretch", on_click=act, args=(
            lambda c, k: c.move(k, *MOVES[_from_state(choice)]), i))


def history_buttons(last: str | None, undone: str | None, undo, redo, prefix: str = "") -> None:
    """↶ Undo and ↷ Redo, each naming its step, and the script that keeps the keyboard focus on them
    (see FOCUS_SCRIPT)."""
    st.button("↶ Undo" + (f": {last}" if last else ""), on_click=undo, key=f"{prefix}undo", disabled=last is None,
              width="stretch")
    st.button("↷ Redo" + (f": {undone}" if undone else ""), on_click=redo, key=f"{prefix}redo", disabled=undone is None,
              width="stretch")
    # in a box drawn on every run and hidden (app.PAGE_CSS): the script coming and going moves nothing below
    box = st.container(key=FOCUS_BOX)
    focus = st.session_state.get(FOCUS_KEY)
    if focus and focus[0]:
        st.session_state[FOCUS_KEY] = ("", focus[1])  # once
        other = (prefix + ("undo" if focus[0].endswith("redo") else "redo")
                 if focus[0].endswith(("undo", "redo")) else focus[0])
        box.html(FOCUS_SCRIPT.format(key=focus[0], other=other, count=focus[1]), unsafe_allow_javascript=True)


UNMARK_HELP = "Key M only marks: unmarking takes a click, so that an M pressed once too often keeps the mark."


def mark_key(reviewed: bool) -> dict:
    """Key M on "Mark reviewed ✓" only. On "Unmark reviewed" it undid work: after the last problem "Next problem"
    (N) stays on that pair, already marked, and the reviewer's next M, in the rhythm N, M, N, M, unmarked it."""
    return {"help": UNMARK_HELP} if reviewed else {"shortcut": "M"}


def _mark(i: int, reviewed: bool) -> None:
    """Mark pair `i` reviewed (or not), the keyboard focus kept on the button: its label becomes "Unmark reviewed", a
    new button, and Enter on "Mark reviewed ✓" dropped the focus to the top of the page."""
    _act(lambda c, k, v: c.mark_reviewed(k, v), i, reviewed)
    focus_next("reviewed")


def some_pairs_note(a) -> str:
    """What a reviewer who opens a download of some pairs is told at once: the pairs keep the file's numbers, and
    a correction cannot join pairs across those the file does not hold (a merge there says so when tried)."""
    if not a.numbers:
        return ""
    return (f" They are some pairs of a longer alignment and keep its numbers ({a.numbers[0]} to {a.numbers[-1]}); "
            "pairs whose numbers follow each other can be merged or share a sentence, others cannot.")


def pair_number_box(alignment) -> None:
    """Where the reviewer picks the pair to correct by number. A file of some pairs (`Alignment.numbers`) numbers
    them 15, 39, 44 … as the page that made it did: a box of those numbers, so that "pair 39", as discussed with the
    translator, is found as 39 (a number box counted 1, 2, 3 … and offered numbers the file does not hold)."""
    n = len(alignment.beads)
    if not alignment.numbers:
        st.number_input("Pair number", min_value=1, max_value=n, step=1, key=state.PAIR, on_change=_selected_changed)
        return
    numbers = alignment.numbers
    # the same key, whose value stays the pair's place: only what the box shows is the file's number
    st.selectbox("Pair number", range(1, n + 1), key=state.PAIR, on_change=_selected_changed,
                 format_func=lambda place: str(numbers[place - 1]),
                 help=f"This file holds only some pairs ({n}, numbered {numbers[0]} to {numbers[-1]}), under the "
                      "numbers the page that wrote it gave them. A correction joins only pairs whose numbers follow "
                      "each other: what lies between the others is not in the file.")


def correction_panel(look: ToLookAt) -> None:
    """Pick a pair by number, see it, and correct it; "Next problem" walks the pairs to look at (`look`)."""
    corrections = state.work()
    alignment = corrections.alignment
    n = len(alignment.beads)
    st.header("Correct a pair")
    pair_number_box(alignment)
    # one key each for the two steps a reviewer repeats most (not while typing in a box)
    st.button(next_label(look), on_click=_jump_next, key="next_problem", width="stretch", shortcut="N")
    i = state.selected_index()
    bead = alignment.beads[i]
    revision = st.session_state.get(state.REVISION, 0)
    pair_about(bead, i, _act)
    pair_texts(alignment, bead)
    merge_buttons(i, n, _act)
    label = "Unmark reviewed" if bead.reviewed else "Mark reviewed ✓"
    st.button(label, on_click=_mark, args=(i, not bead.reviewed), key="reviewed", width="stretch",
              **mark_key(bead.reviewed))
    split_and_move(bead, i, revision, _act)

    note_key = _note_key(revision, i)
    st.text_area("Note", value=bead.note, key=note_key, height=70, on_change=_note_left,
                 help="Kept as soon as you click elsewhere; undo takes it back.")
    st.button("Save note", key="save_note", width="stretch", on_click=_save_note)

    last = corrections.history[-1].description if corrections.history else None
    undone = corrections.undone[-1].description if corrections.undone else None
    history_buttons(last, undone, _undo, _redo)
