"""The review page given back a download of some of its pairs ("Check pairs aligned elsewhere"): the table, the
sidebar, the strip and the messages name each pair by the number the file gives it, a correction inside a run of
consecutive pairs works, one across pairs the file lacks is refused with why, and a project saved from it opens
under the same numbers."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `ui` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

from aligner.pair_filter import kept_pairs  # noqa: E402
from tests.test_ui_app import table_rows  # noqa: E402
from ui.downloads import export_payload, project_payload  # noqa: E402

APP = str(ROOT / "ui" / "app.py")
PROBLEMS = ["omitted", "added", "flagged", "weak"]
MEDIA = {"json": "application/json", "tsv": "text/tab-separated-values",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def checked(keep: list[str], fmt: str):
    """The sample aligned on the page, the pairs of statuses `keep` downloaded as `fmt` and checked there again."""
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    some = kept_pairs(at.session_state["work"].alignment, keep)
    at.file_uploader(key="pairs_file").upload(f"some.{fmt}", export_payload(some, fmt), MEDIA[fmt])
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at, some


def shown_numbers(at: AppTest) -> list[int]:
    """The numbers in the table's first column, as a reviewer reads them."""
    return [int(re.sub(r"\D", "", row["cells"][0])) for row in table_rows(at)]


def pick(at: AppTest, number: int) -> None:
    """Choose pair `number` in the sidebar's box, which offers the file's numbers."""
    box = at.selectbox(key="pair")
    box.set_value(box.options.index(str(number)) + 1).run()


def test_a_download_of_the_problem_pairs_is_shown_under_its_numbers_and_a_merge_across_a_hole_says_why():
    at, some = checked(PROBLEMS, "json")
    numbers = list(some.numbers)
    assert numbers[0] > 1 and numbers != list(range(numbers[0], numbers[0] + len(numbers)))
    assert shown_numbers(at) == numbers  # was 1, 2, 3, 4
    assert at.selectbox(key="pair").options == [str(n) for n in numbers]
    said = [s.value for s in at.success if "Checked some.json" in s.value]
    assert said and f"keep its numbers ({numbers[0]} to {numbers[-1]})" in said[0], said
    strip = next(h.value for h in at.html if 'id="problem-map"' in h.value)
    assert f'title="Pair {numbers[0]}:' in strip and 'title="Pair 1:' not in strip

    corrections = at.session_state["work"]
    before = [(b.src, b.tgt) for b in corrections.beads]
    at.button(key="merge").click().run()  # pair numbers[0] with the next the file holds
    gone = f"pair {numbers[0] + 1} is" if numbers[1] == numbers[0] + 2 else f"pairs {numbers[0] + 1}–{numbers[1] - 1} are"
    assert [e.value for e in at.error] == [
        f"This file holds only some pairs ({len(numbers)}, numbered {numbers[0]} to {numbers[-1]}): {gone} not in it, "
        f"so pair {numbers[0]} cannot be merged with pair {numbers[1]}."]
    assert [(b.src, b.tgt) for b in at.session_state["work"].beads] == before and not corrections.history
    assert shown_numbers(at) == numbers

    pick(at, numbers[-1])
    at.button(key="next_problem").click().run()  # every pair of this file is a problem: round to the first
    assert any(f"No more problems after pair {numbers[-1]}: back to the first one, pair {numbers[0]}." in i.value
               for i in at.info), [i.value for i in at.info]

    pick(at, numbers[1])
    next(t for t in at.text_area if t.label == "Note").set_value("ask the translator").run()
    at.button(key="save_note").click().run()
    assert at.session_state["work"].beads[1].note == "ask the translator"
    assert {i.value for i in at.info if "note" in i.value} == {f"The note on pair {numbers[1]} is saved."}


def test_a_merge_inside_a_run_works_and_a_project_saved_from_the_file_opens_under_the_same_numbers():
    at, some = checked(["ok"], "tsv")
    numbers = list(some.numbers)
    assert shown_numbers(at) == numbers
    k = next(k for k in range(len(numbers) - 1) if numbers[k + 1] == numbers[k] + 1 and numbers[k] > 1)
    pick(at, numbers[k])
    at.button(key="merge").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any(f"Merged pair {numbers[k]} with pair {numbers[k] + 1}." in s.value for s in at.success)
    now = shown_numbers(at)
    assert now[: k + 1] == numbers[: k + 1] and now[k + 1:] == [n - 1 for n in numbers[k + 2:]]

    c = at.session_state["work"]
    data = project_payload(c.alignment, c.history, {"model": None, "presplit": False, "pair": k + 1})
    fresh = AppTest.from_file(APP, default_timeout=180)
    fresh.run()
    fresh.file_uploader(key="project_file").upload("some.project.json", data, "application/json")
    fresh.run()
    assert shown_numbers(fresh) == now
    said = [s.value for s in fresh.success if "Opened some.project.json" in s.value]
    assert said and f"Back at pair {numbers[k]}, where you saved it." in said[0], said
    fresh.button(key="undo").click().run()
    assert shown_numbers(fresh) == numbers
