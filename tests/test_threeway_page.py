"""The three-column page as a reviewer works it (Streamlit's AppTest): what the sidebar shows after a step."""
from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.spinner_spy import watch_spinners

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `ui` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

APP = str(ROOT / "ui" / "app.py")


def three_columns() -> AppTest:
    """The app with the zh–ru–en sample aligned in three columns."""
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.button(key="sample_ru_en").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.session_state["threeway"] is not None
    return at


def _pair_caption(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if " pair " in c.value and " of " in c.value)


def test_undo_shows_the_pair_it_gave_back_in_its_own_translation():
    """A reviewer merges two English pairs, turns to the Russian, then presses Undo: the row came back, but the
    panel stayed on the Russian and showed that row's Russian pair, so the English pairs given back were not to
    be seen. Undo and Redo now turn the panel to the translation of the step they take back or make again."""
    at = three_columns()
    at.number_input(key="tw_row_box").set_value(3).run()
    at.radio(key="tw_side").set_value("en").run()
    at.button(key="tw_merge").click().run()
    assert _pair_caption(at).startswith("English pair 3 of 50")
    at.radio(key="tw_side").set_value("ru").run()
    assert _pair_caption(at).startswith("Russian pair")
    at.button(key="tw_undo").click().run()
    assert not at.exception and at.radio(key="tw_side").value == "en"
    assert _pair_caption(at).startswith("English pair 3 of 51")
    at.radio(key="tw_side").set_value("ru").run()
    at.button(key="tw_redo").click().run()
    assert at.radio(key="tw_side").value == "en" and _pair_caption(at).startswith("English pair 3 of 50")


def test_a_reopened_review_is_on_the_translation_the_reviewer_was_correcting(monkeypatch):
    """A reviewer correcting the English pairs saves the project; opened again, the panel was on the Russian, and
    the row's pair shown was not the one they had been working on."""
    import ui.threeway_view

    builds = []
    monkeypatch.setattr(ui.threeway_view, "settled", lambda build: builds.append(build) or build)
    at = three_columns()
    at.number_input(key="tw_row_box").set_value(3).run()
    at.radio(key="tw_side").set_value("en").run()
    at.button(key="tw_merge").click().run()
    builds.clear()
    at.run()
    data = next(d for d in (build() for build in builds) if b'"aligner-threeway"' in d[:200] and b'"settings"' in d)

    fresh = AppTest.from_file(APP, default_timeout=180)
    fresh.run()
    next(u for u in fresh.get("file_uploader") if u.key == "project_file").upload("three.project.json", data,
                                                                                  "application/json")
    fresh.run()
    assert not fresh.exception and not fresh.error, [e.value for e in fresh.error]
    assert fresh.radio(key="tw_side").value == "en"
    assert _pair_caption(fresh).startswith("English pair 3 of 50")


def _unsaved_line(at: AppTest) -> str:
    return next((c.value for c in at.sidebar.caption if "saved project" in c.value or "was saved" in c.value), "")


def test_the_unsaved_line_counts_corrections_and_marked_rows_apart_as_on_the_two_column_page():
    """A reviewer who merged a pair, split it back and marked one row, never having saved, read "3 rows corrected,
    marked or noted since the project was saved": no project had been saved, and each correction counted as a
    row. The line now says what is not saved in the two-column page's words."""
    at = three_columns()
    at.number_input(key="tw_row_box").set_value(3).run()
    at.radio(key="tw_side").set_value("en").run()
    at.button(key="tw_merge").click().run()
    assert _unsaved_line(at).startswith("1 correction not in a saved project yet: save it")
    at.button(key="tw_reviewed").click().run()
    assert _unsaved_line(at).startswith("1 correction and 1 row marked or noted not in a saved project yet")
    at.download_button(key="download_project3").click().run()  # Save project
    assert _unsaved_line(at) == ""
    at.button(key="tw_reviewed").click().run()  # the ✓ taken off again
    assert _unsaved_line(at).startswith("1 row marked or noted not in a saved project yet")


def _elsewhere(at: AppTest) -> list[str]:
    return [c.value for c in at.main.caption if "The sidebar marks and corrects" in c.value]


def test_a_page_or_a_filter_without_the_selected_row_says_which_row_the_sidebar_is_on():
    """On page 2, or with "Problems only", the sidebar still marked and corrected row 1, out of sight, and the
    three-column page said nothing of it (the two-column page names the pair)."""
    at = three_columns()
    assert _elsewhere(at) == []  # row 1, on page 1
    at.session_state["tw_page"] = 2  # the pagination's "2", turned by the reviewer
    at.run()
    assert _elsewhere(at) == ["The sidebar marks and corrects row 1, on page 1: click a row's number to take "
                              "that row instead."]
    at.session_state["tw_page"] = 1
    at.toggle(key="problems_only").set_value(True).run()  # row 1 has no flag: filtered out
    assert _elsewhere(at) == ["The sidebar marks and corrects row 1, not shown with these filters: click a row's "
                              "number to take that row instead."]
    at.button(key="next_problem3").click().run()  # the first problem row: shown and selected
    assert not at.exception and _elsewhere(at) == []


def test_the_first_correction_of_a_reopened_review_says_it_prepares_each_translation(monkeypatch):
    """A review opened from its file has no fitted models: its first correction in each translation fits them
    (seconds on a chapter, a minute on a novel) under a spinner that said "Scoring the new pair…", or nothing at
    all on the three-column page. It now says it is preparing that translation's corrections, once."""
    from aligner.align import fits
    from aligner.export.threeway import render
    from aligner.threeway import align_files

    texts = ROOT / "texts"
    data = render(align_files([texts / f"joint-statement.{lang}.txt" for lang in ("zh", "ru", "en")]), "json")
    spinners = watch_spinners(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    fits.keep(0)  # the models kept from aligning the file above let go of, as on another day
    fits.keep(1)
    next(u for u in at.get("file_uploader") if u.key == "project_file").upload("three.project.json", data,
                                                                               "application/json")
    at.run()
    assert not at.exception and at.session_state["threeway"] is not None
    at.number_input(key="tw_row_box").set_value(3).run()
    spinners.clear()
    at.button(key="tw_merge").click().run()
    # in the sidebar's slot kept at the top, in sight as the sidebar scrolls (drawn at the top of the sidebar itself,
    # it scrolled away above the buttons)
    assert spinners == [("Preparing corrections in the Russian (once)…", "tw_waiting")]
    at.button(key="tw_undo").click().run()
    spinners.clear()
    at.button(key="tw_merge").click().run()
    assert [text for text, _ in spinners] == ["Scoring the new pair…"]  # fitted once
    at.radio(key="tw_side").set_value("en").run()
    spinners.clear()
    at.button(key="tw_merge").click().run()
    assert not at.exception and [text for text, _ in spinners] == ["Preparing corrections in the English (once)…"]


def test_a_passage_the_english_leaves_out_over_three_rows_is_one_omission_on_the_pills_and_the_summary():
    """The page counted a passage one translation leaves out, cut into three rows (its reason once, "… same passage,
    row 2 of 3" after), as three omissions and three disagreements on its pills and summary line. They count it
    once and say over how many rows; the strip and Next problem still take each row, and Next problem says so."""
    import re

    from aligner.pair_filter import row_tally, rows_to_look_at
    from tests.test_pair_filter import english_without

    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.text_area(key="tgt2_text").set_value(english_without(7))
    at.button(key="align").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    result = at.session_state["threeway"]
    later = [n for n, row in enumerate(result.rows, 1) if any(f.reason.startswith("… same passage") for f in row.flags)]
    assert len(later) == 2  # the paragraph's three rows
    omitted = [n for n, row in enumerate(result.rows, 1) if any(f.kind == "omitted" for f in row.flags)]
    en_omitted = [n for n, row in enumerate(result.rows, 1) if any((f.side, f.kind) == ("en", "omitted") for f in row.flags)]
    pills = at.button_group(key="tw_kinds").options
    assert f"omitted {len(omitted) - 2} ({len(omitted)} rows)" in pills, pills
    assert any(re.fullmatch(r"disagree \d+ \(\d+ rows\)", pill) for pill in pills), pills
    assert at.selectbox(key="tw_only").options == pills  # "Only one kind…" says it alike
    label = next(e for e in at.expander if e.label.startswith("Summary: ")).label
    assert f"en: {len(en_omitted) - 2} omitted ({len(en_omitted)} rows)" in label, label
    look = rows_to_look_at(result)
    assert f" · {len(result.rows) - len(look.marked)} ok · {len(look.marked)} to look at · " in label
    disagree = row_tally(result)["disagree"]
    assert f" · {disagree.total} disagree ({disagree.rows} rows) · " in label
    assert at.button(key="next_problem3").label == f"Next problem ▶ · {len(look.marked)} left"  # each row
    assert "walked row by row" in at.button(key="next_problem3").help
    at.button_group(key="tw_kinds").unselect("omitted").run()  # a click on the pill: its rows, each of them
    at.selectbox(key="page_size").set_value(100).run()
    assert [int(n) for n in re.findall(r'data-row="(\d+)"', next(h.value for h in at.html if 'id="threeway"' in h.value))
            ] == omitted
