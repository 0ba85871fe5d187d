"""Filter, search and page through the pairs; one HTML table per page.

Runs as a fragment: turning a page, filtering or searching reruns only this part of the page.
"""
from __future__ import annotations

import math

import streamlit as st

from aligner.pair_filter import PROBLEMS, select
from aligner.pair_numbers import number_of
from ui import state
from ui.correct_panel import pairs_look
from ui.kind_pills import counted, kind_pills, pair_kinds
from ui.no_match import no_match_message
from ui.only_kind import only_kind_box, problems_only_toggled
from ui.pairs_table import table_html

# "Next problem" or a pair number picked in the sidebar should bring that row into view. The
# table is drawn just before this script, so it looks for the row for up to two seconds. The
# row's selector and a counter make each script new: the page runs a script only when it changes.
SCROLL_TO = """<script>
(() => {{
  let tries = 0;
  const look = () => {{
    const row = document.querySelector('{selector}');
    if (row) row.scrollIntoView({{block: "center"}});
    else if (++tries < 40) setTimeout(look, 50);
  }};
  look();
}})();  // request {count}
</script>"""


def scroll_to(selector: str, counter: str) -> None:
    """Bring the row `selector` finds into view (our own script, apart from the table, whose HTML holds user
    text and runs no script); `counter` names the session key that numbers this page's requests."""
    count = st.session_state[counter] = st.session_state.get(counter, 0) + 1
    st.html(SCROLL_TO.format(selector=selector, count=count), unsafe_allow_javascript=True)


def selected_elsewhere(selected: int, shown: list[int], on_page: list[int], size: int, number: int | None = None) -> str:
    """Where the pair the sidebar corrects is when this page does not show it: a reviewer who turned the page (or
    filtered) and pressed Merge ↓ merged a pair out of sight, pair 1 on page 1 while reading page 2. `number`: the
    pair's number as the table shows it, when not its place (a file of some pairs)."""
    if selected in on_page:
        return ""
    where = (f"on page {shown.index(selected) // size + 1}" if selected in shown
             else "not shown with these filters")
    return (f"The sidebar corrects pair {number or selected + 1}, {where}: click a row's number to correct that pair "
            "instead.")


def _all_reviewed(alignment) -> str:
    """What an editor who hid the reviewed pairs sees once they have marked the last one: the review done. The page
    said "No pair matches the filter or the search: problems only · reviewed pairs hidden.", as for a wrong filter.
    Empty unless Hide reviewed is what leaves nothing to show."""
    if not st.session_state.get(state.HIDE_REVIEWED):
        return ""
    problems_only = bool(st.session_state.get(state.PROBLEMS_ONLY))
    reviewed = select(alignment, problems_only=problems_only, categories=set(st.session_state.get(state.CATEGORIES) or PROBLEMS),
                      query=st.session_state.get(state.QUERY, ""), texts=state.texts_of(alignment))
    if not reviewed:
        return ""
    kind = "problem pair" if problems_only else "pair"
    where = "these filters show" if problems_only or st.session_state.get(state.QUERY, "").strip() else "in the document"
    if len(reviewed) == 1:
        return (f"The one {kind} {where} is marked reviewed: nothing is left to look at here. Turn off **Hide "
                "reviewed** to see it again.")
    return (f"All {len(reviewed)} {kind}s {where} are marked reviewed: nothing is left to look at here. Turn off "
            "**Hide reviewed** to see them again.")


def _reset_page() -> None:
    st.session_state[state.PAGE] = 1


# The filter bar in two lines on a laptop screen: what to show (the toggles, the search, "Only one kind…")
# and how many are shown; then the kinds' pills with the pages and their size. Each line is a row that a
# narrower window wraps onto more lines instead of cutting a label or overlapping a box.
SEARCH_WIDTH, ONLY_WIDTH, ROWS_WIDTH = 240, 180, 110


@st.fragment
def pairs_view() -> None:
    """The filter bar, the pagination and the table of the current page."""
    alignment = state.work().alignment
    counts, offered = pair_kinds(alignment, state.CATEGORIES)
    if state.look_stale(pairs_look(alignment)):  # the filter's kinds changed: the strip and Next problem's count too
        st.rerun(scope="app")
    filters = st.container(horizontal=True, vertical_alignment="center", gap="small", key="filter_bar")
    filters.toggle("Problems only", key=state.PROBLEMS_ONLY, on_change=problems_only_toggled,
                   args=(offered, state.CATEGORIES, _reset_page))
    filters.toggle("Hide reviewed", key=state.HIDE_REVIEWED, on_change=_reset_page)
    filters.text_input("Search", key=state.QUERY, placeholder="Search either side…", on_change=_reset_page,
                       label_visibility="collapsed", width=SEARCH_WIDTH)
    only_kind_box(filters, offered, state.ONLY, state.CATEGORIES, _reset_page, width=ONLY_WIDTH, name=counted(counts),
                  then_focus="next_problem")
    # every kind the pairs have is a pill in sight (not a multiselect), with its count
    kinds = st.container(horizontal=True, vertical_alignment="center", gap="xsmall", key="kind_bar")
    kind_pills(kinds, "Problems", offered, counts, state.CATEGORIES, _reset_page)

    shown = state.visible(alignment)
    pages = max(1, math.ceil(len(shown) / state.page_size()))
    if not 1 <= int(st.session_state.get(state.PAGE, 1)) <= pages:
        st.session_state[state.PAGE] = 1
    page = kinds.pagination(pages, key=state.PAGE, max_visible_pages=9, width="stretch") if pages > 1 else 1
    kinds.selectbox("Rows", state.PAGE_SIZES, index=1, key=state.PAGE_SIZE, on_change=_reset_page,
                    label_visibility="collapsed", format_func=lambda n: f"{n} rows", width=ROWS_WIDTH)
    first = (page - 1) * state.page_size()
    on_page = shown[first : first + state.page_size()]
    done = _all_reviewed(alignment) if not shown else ""
    if done:
        st.success(done, icon=":material/task_alt:")
        return
    if not shown:
        st.info(no_match_message("pair", bool(st.session_state.get(state.PROBLEMS_ONLY)),
                                 st.session_state.get(state.CATEGORIES) or offered, offered,
                                 st.session_state.get(state.QUERY, ""), bool(st.session_state.get(state.HIDE_REVIEWED))))
        return
    total = len(alignment.beads)
    which = f"{len(shown)} matching of {total}" if len(shown) < total else f"all {total}"
    noun = "pair" if len(on_page) == 1 else "pairs"
    filters.caption(f"Showing {len(on_page)} {noun} on page {page} of {pages} ({which} pairs)")
    elsewhere = selected_elsewhere(state.selected_index(), shown, on_page, state.page_size(),
                                   number_of(alignment, state.selected_index()))
    if elsewhere:
        st.caption(elsewhere)
    st.html(table_html(alignment, on_page, selected=state.selected_index(), query=st.session_state.get(state.QUERY, "")))
    if st.session_state.pop(state.SCROLL, False) and state.selected_index() in on_page:
        scroll_to(f'table#pairs tr.selected[data-pair="{state.selected_index() + 1}"]', "_scrolls")
