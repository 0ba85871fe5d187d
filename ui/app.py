"""aligner's review page: `streamlit run ui/app.py`.

Opens with the sample Chinese text and its Russian translation already aligned. The page only
displays; reading, aligning, reviewing, correcting, summaries and exports live in `aligner`.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `aligner` and `ui` importable
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from aligner.errors import AlignerError, page_names  # noqa: E402
from aligner.glossary import coverage_gap  # noqa: E402
from aligner.memory import PAIRS_SUFFIXES  # noqa: E402
from aligner.project import load_project  # noqa: E402
from aligner.types import LANGUAGE_NAMES  # noqa: E402
from ui import autosave, state, unsaved  # noqa: E402
from ui.correct_panel import correction_panel, focus_next, pairs_look, some_pairs_note  # noqa: E402
from ui.downloads import (  # noqa: E402
    FORMATS, export_payload, file_name, opened_encodings, panel_settings, project_payload, settled, status_downloads,
)
from ui.kind_pills import pair_kinds  # noqa: E402
from ui.inputs import (  # noqa: E402
    LANG_CHOICES, Inputs, page_message, read_as_note, sample_inputs, show_in_panel, take_sample_request,
    texts_panel,
)
from ui.pairs_table import legend_html  # noqa: E402
from ui.pairs_view import pairs_view, scroll_to  # noqa: E402
from ui.problem_map import MIN_WIDTH as STRIP_MIN_WIDTH, problem_map_html  # noqa: E402
from ui.row_picker import row_picker  # noqa: E402
from ui.run import align_with_progress  # noqa: E402
from ui.summary_view import show_summary  # noqa: E402
from ui.threeway_view import downloads as threeway_downloads, navigation as threeway_navigation  # noqa: E402
from ui.threeway_view import open_review, threeway_page, unsaved_corrections, unsaved_marks, unsaved_rows  # noqa: E402
from ui.threeway_view import pill_kinds as threeway_kinds  # noqa: E402
from ui.threeway_view import save_project as save_threeway_project  # noqa: E402


def _ask_first(key: str) -> bool:
    """Whether opening the upload under `key` must wait for "Replace my work" (the page holds reviewed work)."""
    if not state.work_at_stake():
        return False
    st.session_state[state.PENDING] = key
    return True


def _page_callback(callback):
    """A widget's callback runs before the script, outside `main`'s `page_names`: its messages name the
    page's controls too."""
    @functools.wraps(callback)
    def run(*args, **kwargs):
        with page_names():
            return callback(*args, **kwargs)
    return run


@_page_callback
def _load_project(confirmed: bool = False) -> None:
    """Open an uploaded project file in place of the current work (asking first if that work would be lost)."""
    upload = st.session_state.get("project_file")
    if upload is None or (not confirmed and _ask_first("project_file")):
        return
    if open_review(upload.getvalue(), upload.name):  # a three-column review saved from the page
        return
    try:
        project = load_project(upload.getvalue(), name=upload.name)
    except AlignerError as exc:
        state.flash("error", str(exc))
        return
    _open_project(project, upload.name)


def open_given_project() -> None:
    """A new page of `aligner ui PROJECT` (the file is the script's argument) opens that project."""
    given = len(sys.argv) == 2 and Path(sys.argv[0]).resolve() == Path(__file__).resolve()  # not pytest's own
    if not given or state.work() is not None or state.three_way() is not None:
        return
    path = Path(sys.argv[1])
    if path.is_file() and open_review(path.read_bytes(), path.name):  # a three-column project
        return
    try:
        project = load_project(path)
    except AlignerError as exc:  # e.g. moved since the server started: the sample, and why
        state.flash("error", str(exc))
        return
    _open_project(project, path.name)


def _open_project(project, name: str) -> None:
    """Put a loaded project on the page, at the pair it was saved on."""
    a = project.alignment
    model = project.settings.get("model") or None
    presplit = bool(project.settings.get("presplit", False))
    inputs = Inputs(a.source.text, a.target.text, a.source.name, a.target.name, None, model, presplit,
                    glossary=a.glossary, **opened_encodings(project.settings))
    state.start(a, inputs, project.history, undone=project.undone)
    show_in_panel(inputs)  # what the project holds, so "Align" without changes keeps the work
    unsaved.mark_saved()
    where = ""
    pair = project.settings.get("pair")
    if isinstance(pair, int) and 1 < pair <= len(a.beads):  # back where the reviewer stopped
        state.show_pair(pair - 1)
        where = f" Back at pair {a.numbers[pair - 1] if a.numbers else pair}, where you saved it."
    n = len(project.history)
    state.flash("success", f"Opened {name}: {len(a.beads)} pairs, {n} correction{'' if n == 1 else 's'}.{where}"
                + some_pairs_note(a))


@_page_callback
def _load_pairs(confirmed: bool = False) -> None:
    """Check an uploaded memory or table of pairs aligned elsewhere, in place of the current work (asking
    first if that work would be lost)."""
    from aligner.memory import check_pairs
    from aligner.reading import from_copy
    from ui.run import encoder_for

    upload = st.session_state.get("pairs_file")
    if upload is None or (not confirmed and _ask_first("pairs_file")):
        return
    current = st.session_state.get(state.INPUTS)
    model = current.model if current is not None else None
    glossary = current.glossary if current is not None else ()
    lang = LANG_CHOICES.get(st.session_state.get("target_lang", ""))  # a memory may hold both translations
    try:
        with st.spinner(f"Checking {upload.name}…"):
            a = from_copy(upload.getvalue(), upload.name,
                          lambda path: check_pairs(path, encoder_for(model), lang, glossary, name=upload.name))
    except AlignerError as exc:
        state.flash("error", _project_instead(upload.getvalue(), upload.name) or str(exc) + _texts_instead(upload.name))
        return
    # the language as the panel's box gives it (None for auto-detect), so that "Align" with the
    # panel unchanged finds the same inputs and keeps the checked rows and their corrections
    inputs = Inputs(a.source.text, a.target.text, a.source.name, a.target.name, lang, model, True,
                    glossary=a.glossary)
    state.start(a, inputs, rescore=False)
    # the texts panel shows the rows, one per line; changing them and pressing "Align" aligns them afresh
    st.session_state.update({"zh_text": a.source.text, "tgt_text": a.target.text, "presplit": True, "tgt2_text": ""})
    flagged = sum(1 for bead in a.beads if bead.flags)
    state.flash("success", f"Checked {upload.name}: {len(a.beads)} pairs as they were aligned, {flagged} flagged."
                + some_pairs_note(a))


def _project_instead(data: bytes, name: str) -> str:
    """A project saved from the page, given to "Check pairs aligned elsewhere": say where it opens (the check
    said only 'not an aligner JSON record (no "format": "aligner-alignment")'); a three-column one, refused with
    the language left to detect, can also be checked one translation at a time."""
    import json

    from aligner.export.threeway import FORMAT_NAME as THREE_WAY
    from aligner.project import FORMAT

    try:
        record = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return ""
    if isinstance(record, dict) and record.get("format") == THREE_WAY:  # refused for want of a language
        return (f"{name} holds a Chinese text with both its Russian and English translations: open it with "
                "**Open a project**, just above, to review the three columns, or choose Russian or English as "
                "the language of the translation under Your texts to check that translation's pairs.")
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return ""
    return f"{name} is a project saved from this page: open it with **Open a project**, just above."


def _texts_instead(name: str) -> str:
    """A text or a Word file refused as a table of pairs is most often a translator's document put in the
    wrong box: say where a text and its translation go."""
    from aligner.reading import READABLE_SUFFIXES

    if Path(name).suffix.lower() not in READABLE_SUFFIXES:
        return ""
    return (f" To align a Chinese text with its translation, give the two files under **{TEXTS_PANEL_LABEL.split(':')[0]}** "
            "above the pairs.")


def _project_saved() -> None:
    """Save project clicked: the work is saved, and the keyboard focus stays on the button (the page dropped it
    to its top, as it does for a button it draws anew)."""
    unsaved.mark_saved()
    focus_next("download_project")


def downloads() -> None:
    from aligner.pair_filter import kept_pairs

    corrections = state.work()
    a = corrections.alignment
    # Save project first, under the corrections: what a reviewer saves often is not below eight downloads
    st.header("Project")
    inputs = st.session_state[state.INPUTS]
    # the pair selected: opening the project goes back to it
    settings = {**panel_settings(inputs), "pair": state.selected_index() + 1}
    st.download_button("Save project", data=settled(lambda: project_payload(a, corrections.history, settings,
                                                                                corrections.undone)),
                       file_name=file_name(a, "project"), mime="application/json", key="download_project",
                       on_click=_project_saved, width="stretch", type="primary")
    unsaved.guard()
    st.header("Download")
    # the pairs chosen when the button is clicked: a note saved just before (see _note_left) is in them
    status_downloads("pair", "download", "E.g. only 'ok' for a translation memory or training data; the project "
                                         "file always keeps every pair.", FORMATS,
                     lambda keep: len(kept_pairs(a, keep).beads),
                     lambda keep, fmt: settled(lambda: export_payload(kept_pairs(a, keep), fmt)),
                     lambda fmt: file_name(a, fmt))
    st.header("Open")
    open_files()


def open_files() -> None:
    """The uploads that put other work on the page: a saved project, pairs aligned elsewhere. On both
    pages: a reviewer looking at three columns opens their project or checks a memory from there too."""
    st.file_uploader("Open a project", type=["json"], key="project_file", on_change=_load_project)
    st.file_uploader("Check pairs aligned elsewhere", type=[suffix.lstrip(".") for suffix in PAIRS_SUFFIXES],
                     key="pairs_file", on_change=_load_pairs,
                     help="A translation memory, a two-column table (the Chinese first, or columns named zh "
                          "and en/ru), a bilingual Word table, such as the Word download corrected by the "
                          "translator, or a JSON download (two or three columns): each row stays one pair and "
                          "gets the review flags.")


# Material Symbols, drawn by Streamlit's own font: an emoji such as ✅ is an empty box on a machine
# without a colour emoji font
WARNING_ICON = ":material/warning:"
TOAST_ICONS = {"success": ":material/check_circle:", "error": WARNING_ICON, "info": ":material/info:"}
FLASH_BOX = "flash"
# With the sidebar closed its message was out of sight: a reviewer who merged from the keyboard or marked a pair
# from the table saw nothing happen. The message is then echoed at the top left of the window, in the header's
# empty band beside the sidebar's open button, clear of the table's flags column (where a toast covered the very
# flags the reviewer reads after each action), and fades after a few seconds (kept while the pointer is on it).
# Not an error: that pops up in the window's corner already, whatever the sidebar.
# Each message's box is named anew (…_0, …_1), so that its fade starts again even where the page keeps the box.
FLASH_ECHO = "flash_echo"
ECHO_SECONDS = 6
FLASH_ECHO_CSS = (
    ":has(> .st-key-flash_echo){display:none} "
    ":has([data-testid=stExpandSidebarButton]) :has(> .st-key-flash_echo){display:block;position:fixed;top:8px;"
    "left:64px;width:auto;max-width:min(640px, calc(100vw - 140px));z-index:999991} "
    ".st-key-flash_echo [data-testid=stAlertContainer]{padding:0.4rem 0.75rem;box-shadow:0 1px 4px rgba(0,0,0,0.15)} "
    f".st-key-flash_echo_0{{animation:flash-echo-0 0.6s ease-in {ECHO_SECONDS}s forwards}} "
    f".st-key-flash_echo_1{{animation:flash-echo-1 0.6s ease-in {ECHO_SECONDS}s forwards}} "
    # opaque, on the page's own colour (Canvas follows the light or dark theme): the table scrolls under the header
    "[class*=st-key-flash_echo_]{background-color:Canvas;border-radius:0.5rem} "
    "[class*=st-key-flash_echo_]:hover{animation-play-state:paused} "
    "@keyframes flash-echo-0{to{opacity:0;visibility:hidden}} @keyframes flash-echo-1{to{opacity:0;visibility:hidden}} ")
# The message's slot sticks to the top of the sidebar as the reviewer scrolls it down to the note or the
# downloads, on the sidebar's own colour (every box between them takes it), so the controls passing under it
# do not show through.
FLASH_CSS = ("[data-testid=stSidebarContent], [data-testid=stSidebarUserContent], "
             "[data-testid=stSidebarUserContent] *:has(.st-key-flash){background-color:inherit} "
             ":has(> .st-key-flash), .st-key-flash{position:sticky;top:0;z-index:3} "
             ".st-key-page_scripts, :has(> .st-key-page_scripts){display:none} " + FLASH_ECHO_CSS)
# A control the browser scrolls into sight (Tab, Shift+Tab) must stop below the message, not under it: the
# sidebar's scroll padding follows the message's height. Installed once per page, whatever the reruns.
FLASH_SCRIPT = """<script>
(() => {
  if (window.alignerFlashPadding) return;
  window.alignerFlashPadding = setInterval(() => {
    const box = document.querySelector('[data-testid=stSidebarContent]');
    const flash = document.querySelector('.st-key-flash');
    if (box && flash) box.style.scrollPaddingTop = Math.ceil(flash.getBoundingClientRect().height + 8) + 'px';
  }, 200);
})();
</script>"""
# A download button hands its file over and the page drops the keyboard focus to its top (the XLSX, then the Word
# report, by keyboard: the editor tabbed through the sidebar again between them). After a click on one, the focus
# goes back to it once lost, unless the reviewer has put it somewhere else meanwhile; for up to 10 s, as a long
# document's file takes a while to build.
DOWNLOAD_FOCUS_SCRIPT = """<script>
(() => {
  if (window.alignerDownloadFocus) return;
  window.alignerDownloadFocus = true;
  document.addEventListener('click', event => {
    const box = event.target.closest('[data-testid=stDownloadButton]');
    const keyed = box && box.closest('[class*="st-key-"]');
    const key = keyed && [...keyed.classList].find(name => name.startsWith('st-key-'));
    if (!key) return;
    let tries = 0;
    const keep = () => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) {
        const button = document.querySelector('.' + key + ' button:not([disabled])');
        if (button) { button.focus(); return; }
      } else if (!focused.closest('.' + key)) return;  // the reviewer went on elsewhere
      if (++tries < 200) setTimeout(keep, 50);
    };
    setTimeout(keep, 50);
  }, true);
})();
</script>"""


# The first minute: what the page shows, and where to go from here. The panel's label says how a
# translator starts with their own files ("Texts and encoder" said neither).
TEXTS_PANEL_LABEL = "Your texts: upload or paste a Chinese text and its translation"
# The panel is a plain expander (opening it draws nothing again: a rerun then lost a file dropped at once
# into an uploader). To close it the page draws a new one, keyed by how often it was closed.
TEXTS_PANEL = "texts_panel"
PANEL_CLOSINGS = "_texts_panel_closings"
CLOSE_TEXTS = "_close_texts_panel"
# One line on a laptop screen, the pairs it points to under it (the keys N and M are on the sidebar's buttons).
SAMPLE_HINT = ("A sample with problems planted in its translation: **Next problem** walks through them, "
               "**Mark reviewed** ticks one off. For your own texts, open **Your texts**.")
PROBLEM_EDGE = ("A coloured left edge marks a pair to look at, as the strip does: a flag (in the colour of its status), "
                "or more than one sentence on a side (merged/split, in purple).")


# The pairs are what a reviewer reads: at 1280×800 the controls above them took some 550 px and left two
# pairs in sight. Streamlit's wide layout keeps 5rem on each side and 6rem above the title: 1.5rem on the
# sides (the texts get the width, so the rows are shorter), 1rem above, more only when the sidebar is closed
# and its open button sits in the header, over the main area's top left. The title is a label beside the
# documents' line, not a headline; expander heads, alerts and the gaps between elements are tighter.
# The sidebar's focus script (correct_panel.FOCUS_BOX) takes no room.
PAGE_CSS = ("<style>[data-testid=stMainBlockContainer]{padding:1rem 1.5rem 3rem} "
            ":has([data-testid=stExpandSidebarButton]) [data-testid=stMainBlockContainer]{padding-top:4.25rem} "
            "[data-testid=stMain] h1{font-size:1.25rem;padding:0;white-space:nowrap} "
            # the documents' line stays beside the title, its words wrapping, unless under 300 px are left
            ".st-key-page_header [data-testid=stElementContainer]:has([data-testid=stCaptionContainer]){flex:1 1 300px} "
            "[data-testid=stMain] [data-testid=stVerticalBlock]{gap:0.4rem} "
            "[data-testid=stMain] [data-testid=stAlertContainer]{padding:0.35rem 0.75rem} "
            "[data-testid=stMain] [data-testid=stExpander] summary{padding-top:0.25rem;padding-bottom:0.25rem;min-height:0} "
            # what the filters show, beside them (in two lines no higher than the boxes) unless under 180 px are left
            ".st-key-filter_bar [data-testid=stElementContainer]:has([data-testid=stCaptionContainer]){flex:1 1 180px} "
            ".st-key-filter_bar [data-testid=stCaptionContainer] *{line-height:1.25} "
            # the sample's hint in the size of the captions: one line on a laptop screen
            ".st-key-sample_hint p{font-size:0.875rem} "
            # the strip beside the row colours takes the room left, wrapping under them when that is too little
            f".st-key-overview [data-testid=stElementContainer]:has(#problem-map){{flex:1 1 {STRIP_MIN_WIDTH}px}} "
            # the kinds' pills, smaller: a line with the pages (as many numbers as the room left shows) and their size
            ".st-key-kind_bar [data-testid=stButtonGroup] button{padding:2px 7px;min-height:28px} "
            ".st-key-kind_bar [data-testid=stButtonGroup] button p{font-size:0.8125rem} "
            # the kinds of file an upload takes, on as many lines as they need: one line cut the sidebar's to
            # "TMX, JSON, TSV, C…" and the texts' to "TXT, MD, SRT, DOCX, DOC, …", without PDF or EPUB
            "[data-testid=stFileUploaderDropzoneInstructions] span{white-space:normal} "
            "[class*=st-key-focus_script], :has(> [class*=st-key-focus_script]){display:none} " + FLASH_CSS + "</style>")


def texts_panel_key() -> str:
    """The panel's key: a new one is a new expander, which the browser draws closed."""
    return f"{TEXTS_PANEL}_{st.session_state.get(PANEL_CLOSINGS, 0)}"


def close_texts_panel() -> None:
    """A new alignment: close the panel and draw the page again, so that the pairs come into sight
    instead of staying under the panel's boxes, a screen or two below the Align button.
    (The panel is drawn above: closed on the next run.)"""
    st.session_state[PANEL_CLOSINGS] = st.session_state.get(PANEL_CLOSINGS, 0) + 1
    st.session_state[CLOSE_TEXTS] = True
    st.rerun()


def back_to_top(closed: bool) -> None:
    """After the panel closed on a new alignment the browser keeps its place, down in the new pairs:
    back to the top of the page, where the new document's name, summary and first pairs are.
    Drawn last, so that no element of the page moves."""
    if closed:
        scroll_to("[data-testid=stMain] h1", "_top_scrolls")  # the title: found at once, the panel still closing


def language_line(alignment) -> str:
    """'Chinese → Russian (detected)': the translation's language in words, and whether the page found it
    or the reviewer chose it, so that a wrong guess is seen (a code such as '(ru)' after a file name was not)."""
    chosen = st.session_state[state.INPUTS].target_lang is not None
    name = LANGUAGE_NAMES.get(alignment.target.lang, alignment.target.lang)
    return f"Chinese → {name} ({'as chosen' if chosen else 'detected'})"


def show_warnings(alignment) -> None:
    """What the review found about the document pair as a whole, above everything else."""
    for warning in alignment.warnings:
        st.warning(warning, icon=WARNING_ICON)


def show_flash(message: tuple[str, str] | None, echo) -> None:
    """The message of the last action, in a slot drawn on every run at the top of the sidebar: the panels below
    keep their place, so an expander the reviewer opened stays open when the message comes or goes. The slot
    stays in sight when the sidebar is scrolled (FLASH_CSS). A toast repeated it for 4 s over the table's flags
    column, the very column the reviewer reads after each action: only an error, which must not be missed,
    still pops up in the window's corner too. `echo`, a box of the main area, shows any other while the sidebar
    is closed (FLASH_ECHO_CSS)."""
    slot = st.container(key=FLASH_BOX).empty()
    st.container(key="page_scripts").html(FLASH_SCRIPT + DOWNLOAD_FOCUS_SCRIPT, unsafe_allow_javascript=True)
    if message:
        kind, text = message
        getattr(slot, kind)(text)
        if kind == "error":
            st.toast(text, icon=TOAST_ICONS["error"], duration="long")
            return
        shown = st.session_state["_flash_echoes"] = st.session_state.get("_flash_echoes", 0) + 1
        getattr(echo.container(key=f"{FLASH_ECHO}_{shown % 2}"), kind)(text)


def three_way_main(result, header, echo) -> None:
    """The page for a Chinese text and two translations: three columns, three-way downloads; the documents'
    line beside the title in `header`, the last action's message in `echo` too while the sidebar is closed."""
    message = state.take_flash()
    names = " ↔ ".join([result.source.name or "Chinese"] +
                       [result.alignments[label].target.name or label for label in result.labels])
    header.caption(f"{names} · {len(result.source)} + " + " + ".join(
        str(len(result.alignments[label].target)) for label in result.labels) +
        f" sentences · three columns pivoted on the Chinese{read_as_note(st.session_state[state.INPUTS])}",
        help=f"Sentences compared with the encoder {result.alignments[result.labels[0]].model} (another can be "
             "chosen under Your texts).")
    for label in result.labels:
        show_warnings(result.alignments[label])
    threeway_kinds(result)  # a kind a correction brings chosen with the rest before Next problem and the strip count
    with st.sidebar:
        show_flash(message, echo)
        threeway_navigation(result)
        st.header("Project")  # above the downloads, as on the two-column page
        save_threeway_project(result)
        unsaved.guard()  # the rows' ✓ marks and notes not saved yet
        threeway_downloads(result)
        st.header("Open")
        open_files()
    threeway_page(result)
    row_picker()  # a click on a mark of the problem strip selects that row


# an upload waiting for "Replace my work": the uploader's key → what opens it
UPLOADS = {"project_file": _load_project, "pairs_file": _load_pairs}


def _replace_work() -> None:
    """"Replace my work": align what was asked for on this run, or open the upload that waited."""
    pending = st.session_state.pop(state.PENDING)
    if isinstance(pending, str):
        UPLOADS[pending](confirmed=True)
        return
    inputs, from_sample = pending
    st.session_state[state.CONFIRMED] = inputs
    if from_sample:
        show_in_panel(inputs)


def _keep_work() -> None:
    pending = st.session_state.pop(state.PENDING, None)
    done = "nothing was opened" if isinstance(pending, str) else "nothing was aligned"
    state.flash("info", f"Your work is kept; {done}.")


def _three_way_work_lost(result) -> str:
    """What replacing three columns throws away that their saved review lacks: "your 2 corrections (merges, splits,
    moves) and their undo history, and the ✓ marks and notes of 3 rows"."""
    corrections, marked = unsaved_corrections(result), unsaved_marks(result)
    lost = []
    if corrections:
        lost.append(f"your {corrections} correction{'s' if corrections != 1 else ''} (merges, splits, moves) and "
                    f"{'their' if corrections != 1 else 'its'} undo history")
    if marked:
        lost.append(f"the ✓ marks and notes of {marked} row{'s' if marked != 1 else ''}")
    if lost:
        return ", and ".join(lost)
    n = unsaved_rows(result)  # only ✓ marks or notes taken off since the review was saved
    return f"the changes to {n} row{'s' if n != 1 else ''} since the project was saved"


def ask_before_replacing() -> None:
    """A new alignment or an opened file would replace the reviewer's corrections, marks and notes: ask first."""
    pending = st.session_state[state.PENDING]
    upload = st.session_state.get(pending) if isinstance(pending, str) else None
    if upload is not None:
        doing = f"Opening {upload.name}" if pending == "project_file" else f"Checking {upload.name}"
    else:
        doing = "Aligning these texts"
    if state.work() is not None:
        n = len(state.work().history)
        lost = (f"your {n} correction{'s' if n != 1 else ''} (merges, splits, moves, ✓ marks and notes) and their "
                "undo history")
    else:  # three columns: corrections with their undo history, and the rows' ✓ marks and notes
        lost = _three_way_work_lost(state.three_way())
    st.warning(f"Replace your reviewed work? {doing} throws away {lost}. "
               "Save the project first (sidebar → Save project) to open it again later.", icon=WARNING_ICON)
    replace_column, keep_column, _ = st.columns([1, 1, 3])
    replace_column.button("Replace my work", key="replace_work", on_click=_replace_work, width="stretch")
    keep_column.button("Keep my work", key="keep_work", on_click=_keep_work, type="primary", width="stretch")


def main() -> None:
    st.set_page_config(page_title="aligner · review", page_icon="⇄", layout="wide")
    st.html(PAGE_CSS)
    # the title and, once there are pairs, the documents' line beside it: one line, not two
    header = st.container(horizontal=True, vertical_alignment="center", gap="small", key="page_header")
    header.title("aligner · review", width="content")
    echo = st.container(key=FLASH_ECHO)  # the last action's message while the sidebar is closed (show_flash)
    autosave.restore()  # a reload of the page: the work its address names
    open_given_project()  # else, a new page of `aligner ui PROJECT`: that project
    current = st.session_state.get(state.INPUTS) or sample_inputs()
    requested, error = None, None
    closed = st.session_state.pop(CLOSE_TEXTS, False)
    with st.expander(TEXTS_PANEL_LABEL, key=texts_panel_key(), icon=":material/upload_file:"):
        try:
            requested = texts_panel(current)
        except AlignerError as exc:
            error = str(exc)
    sample = take_sample_request()
    if sample is not None:
        requested, error = sample, None
    shown = state.work() is not None or state.three_way() is not None
    first_visit = not shown and requested is None and error is None
    if first_visit:
        requested = current  # the sample, aligned
    # This run's messages, the question before replacing work and the progress bar share one slot: were
    # each its own, the elements after them would move as they come and go, and the browser would show
    # the old pairs table beside the new one while the page reruns.
    with st.container():
        if error:
            st.error(page_message(error))
        if requested is not None and requested == st.session_state.get(state.INPUTS) and shown:
            st.info("These texts are already aligned with these settings; your corrections are kept.")
            requested = None
        confirmed = st.session_state.pop(state.CONFIRMED, None)
        if confirmed is not None:
            requested = confirmed
        elif requested is not None and state.work_at_stake():
            st.session_state[state.PENDING] = (requested, sample is not None)  # ask first: never lose work silently
            requested = None
        if st.session_state.get(state.PENDING):
            ask_before_replacing()
        progress = st.empty()
        if requested is not None:
            try:
                result = align_with_progress(requested, progress)
                if requested.three_way:
                    state.start_three(result, requested)
                else:
                    state.start(result, requested)
            except AlignerError as exc:
                st.error(page_message(str(exc)))
            else:
                if not first_visit:  # the panel is closed on a first visit: no second run
                    close_texts_panel()
    autosave.remember()  # this run's corrections, for a reload
    if state.three_way() is not None:
        three_way_main(state.three_way(), header, echo)
        back_to_top(closed)
        return
    if state.work() is None:
        st.stop()

    message = state.take_flash()
    a = state.work().alignment
    # the encoder's name is the aligner's business: on hover, not a second line on a laptop screen
    header.caption(f"{a.source.name or 'Chinese'} ↔ {a.target.name or 'translation'} · {language_line(a)}"
                   f"{read_as_note(st.session_state[state.INPUTS])} · {len(a.source)} + {len(a.target)} sentences",
                   help=f"Sentences compared with the encoder {a.model} (another can be chosen under Your texts).")
    with st.container():  # what is said about this alignment, in one slot too
        show_warnings(a)
        if st.session_state[state.INPUTS] in (sample_inputs("ru"), sample_inputs("en")):
            st.container(key="sample_hint").info(SAMPLE_HINT, icon=":material/lightbulb:")
        gap = coverage_gap(a.glossary, (a.target.lang,))
        if gap:
            st.warning(gap)
    # The pairs table is drawn right after the correction panel, and the summary (above it) and the downloads
    # (under the panel) fill their slots after: else, for up to a second after a correction, the sidebar showed
    # the new pair beside the table's old rows while the page worked out the summary and the downloads.
    above = st.container()
    pair_kinds(a, state.CATEGORIES)  # a kind a correction brings chosen with the rest before the strip counts
    look = state.drawn_look(pairs_look(a))  # one count for the strip and Next problem, before the filter bar runs
    with st.sidebar:
        show_flash(message, echo)
        correction_panel(look)
    pairs_view()
    row_picker()  # after the pairs: it draws nothing, but an element above them would push them down
    with above:
        show_summary(a)
        # the row colours and the strip of pairs to look at share a line (two on a narrow window)
        colours_and_strip = st.container(horizontal=True, vertical_alignment="center", gap="small", key="overview")
        colours_and_strip.html(legend_html(hover=PROBLEM_EDGE, merged_split=True), width="content")
        overview = problem_map_html(a, look)
        if overview:
            colours_and_strip.html(overview)
    with st.sidebar:
        downloads()
    back_to_top(closed)


with page_names():  # messages name the page's controls, not Python's keywords or --options
    main()
