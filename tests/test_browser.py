"""The review page in a real browser: the server started by `aligner ui`, headless Chromium.

Needs Debian's chromium and CJK fonts (scripts/browser_deps.sh installs them). Set
ALIGNER_SCREENSHOT=docs/screenshot.png to refresh the README's screenshot from this test.
"""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Texts of the elements (within the given ones) whose content overflows: cut to an ellipsis.
CUT_LABELS = """labels => labels.filter(label => [label, ...label.querySelectorAll('*')]
    .some(e => e.scrollWidth > e.clientWidth + 1)).map(label => label.innerText)"""
START_TIMEOUT = 120  # seconds: a cold start loads the encoder and embeds the sample


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    """Poll Streamlit's health endpoint until it answers (or the server dies)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the server did not answer within {START_TIMEOUT} s:\n{log.read_text()}")


@pytest.fixture
def server(tmp_path):
    port = free_port()
    log = tmp_path / "server.log"
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "aligner", "ui", "--headless", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the session we started: the server and its workers
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def sample_page(server: str, height: int = 1000, downloads: bool = False, dark: bool = False, width: int = 1500):
    """A Chromium page on the running app, once the aligned sample's rows are there (`dark`: the
    system asks for dark colours, which Streamlit follows)."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=downloads,
                                    color_scheme="dark" if dark else "light")
            page.goto(server)
            page.locator("table#pairs tbody tr").first.wait_for(timeout=START_TIMEOUT * 1000)
            yield page
        finally:
            browser.close()


def go_to_pair(page, number: int):
    """Type a pair number into the sidebar's box, as a reviewer does, and wait for that row to be selected;
    the box, for the test to use again."""
    pair = page.locator("[data-testid=stSidebar]").get_by_label("Pair number")
    pair.fill(str(number))
    pair.press("Enter")
    expect(page.locator(f'table#pairs tr.selected[data-pair="{number}"]')).to_have_count(1)
    return pair


# The filter bar's line of what a filter shows: "Showing 6 pairs on page 1 of 1 (6 matching of 51 pairs)".
SHOWING = re.compile(r"^Showing (\d+) pairs? on page \d+ of \d+ \(\d+ matching of \d+ pairs\)")


def filtered_rows(page) -> int:
    """How many rows the filter just turned on shows, once the table holds them all. The filter bar's line says how
    many before the table is redrawn, and a loaded server sends the two apart: in between, the note naming the pair
    the sidebar corrects ("… not shown with these filters") stood where the table was, with no row at all, so that a
    count of the rows not flagged was already 0 and the rows counted 0. (The app's data-test-script-state is no
    signal: it reads "notRunning" until the server starts the run a click asks for.)"""
    line = page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").filter(has_text=SHOWING)
    expect(line).to_have_count(1)
    shown = int(SHOWING.match(line.inner_text().strip()).group(1))
    expect(page.locator("table#pairs tbody tr")).to_have_count(shown)
    return shown


def open_panel(page, title) -> None:
    """Click an expander's title and wait out its opening: it grows for half a second, and a click inside it
    meanwhile could go down on one element and up on another (a radio option, on a loaded machine)."""
    title.click()
    page.wait_for_function("() => [...document.querySelectorAll('details')].every(d => d.getAnimations().length === 0)")


@pytest.mark.browser
def test_the_page_shows_the_aligned_sample_with_flagged_rows(server, tmp_path):
    with sample_page(server, height=1100, downloads=True) as page:
        rows = page.locator("table#pairs tbody tr")
        expect(rows).to_have_count(50)
        assert page.locator("table#pairs tr[data-status=omitted].problem").count() >= 1
        assert page.locator("table#pairs tr[data-status=added].problem").count() >= 1
        table_text = page.locator("table#pairs").inner_text()
        assert "两国元首在北京举行会谈" in table_text and "в Пекине" in table_text
        assert "— no translation —" in table_text
        # an omitted row is painted in its status colour
        colour = page.locator("table#pairs tr[data-status=omitted]").first.evaluate(
            "row => getComputedStyle(row).backgroundColor")
        assert colour == "rgb(244, 199, 195)"  # F4C7C3, the export's 'omitted' colour

        page.locator("table#pairs tr.problem").nth(1).scroll_into_view_if_needed()
        page.evaluate("document.fonts.ready")
        shot = tmp_path / "review.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 50_000

        # problems only: the table fragment reruns and only problem rows remain
        page.get_by_text("Problems only").click()
        assert 0 < filtered_rows(page) < 50
        expect(page.locator("table#pairs tbody tr:not(.problem)")).to_have_count(0)
        # next problem: the first problem row is selected and shown in the correction panel
        page.get_by_role("button", name="Next problem").click()
        selected = page.locator("table#pairs tr.selected")
        expect(selected).to_have_count(1)
        expect(selected).to_have_attribute("data-pair", rows.first.get_attribute("data-pair"))
        page.evaluate("document.fonts.ready")
        if os.environ.get("ALIGNER_SCREENSHOT"):  # a laptop screen, from the top: every control above the pairs
            page.set_viewport_size({"width": 1280, "height": 800})
            page.wait_for_timeout(1000)
            page.locator("[data-testid=stMainBlockContainer]").evaluate("block => block.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            page.screenshot(path=os.environ["ALIGNER_SCREENSHOT"])
            page.set_viewport_size({"width": 1500, "height": 1100})

        # a pair picked far down the table is scrolled into view, selected
        page.get_by_text("Problems only").click()
        expect(rows).to_have_count(50)
        go_to_pair(page, 45)
        expect(page.locator("table#pairs tr.selected")).to_be_in_viewport()

        # on a laptop screen the summary's labels are read whole, not cut to "zh co…"
        page.set_viewport_size({"width": 1280, "height": 800})
        page.locator("summary").filter(has_text="Summary: 51 pairs").click()
        labels = page.locator("[data-testid=stMetricLabel]")
        expect(labels).to_have_count(9)  # merged/split has its own, beside ok
        page.wait_for_timeout(500)  # let the columns re-flow
        cut = labels.evaluate_all(CUT_LABELS)
        assert cut == [], cut
        # every problem category and every status to include is in sight, none cut off by its box
        for box in page.locator("[data-testid=stButtonGroup] [role=toolbar]").all():
            assert box.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), box.inner_text()

        # downloads hold every pair, or only those of the statuses kept (a translation memory of 'ok' pairs)
        def tsv_rows() -> list[list[str]]:
            # a click while the sidebar is redrawn (a status just unticked) is lost: wait for the page to settle
            expect(page.locator("[data-testid=stSidebar] [data-stale=true]")).to_have_count(0)
            with page.expect_download() as download:
                page.get_by_role("button", name="TSV", exact=True).click()
            lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
            return [line.split("\t") for line in lines[1:]]

        everything = tsv_rows()
        assert len(everything) == 51 and any(row[5] for row in everything)
        include = page.locator("[data-testid=stButtonGroup]").filter(has_text="Pairs to include")
        for label in ("omitted (no translation)", "added (no Chinese)", "flagged", "low confidence"):
            include.get_by_role("button", name=label, exact=True).click()
            page.wait_for_timeout(300)
        expect(include.get_by_role("button", name="flagged", exact=True)).to_have_attribute("aria-pressed", "false")
        ok_only = tsv_rows()
        assert 0 < len(ok_only) < len(everything) and not any(row[5] for row in ok_only)
        assert [row[3:5] for row in ok_only] == [row[3:5] for row in everything if not row[5]]

        # the zh–ru–en sample: three columns pivoted on the Chinese, with the translations' disagreements
        open_panel(page, page.locator("summary").filter(has_text="Your texts"))  # not the sample hint's words
        page.get_by_role("button", name="zh–ru–en").click()
        three = page.locator("table#threeway tbody tr")
        three.first.wait_for(timeout=START_TIMEOUT * 1000)
        # the panel closes on the new alignment and the page is back at its top: the new rows are in sight
        expect(page.get_by_role("button", name="zh–ru–en")).to_be_hidden()
        expect(three.first).to_be_in_viewport()
        expect(page.locator("table#threeway th")).to_have_text(["#", "Chinese", "Russian", "English", "flags"])
        text = page.locator("table#threeway").inner_text()
        assert "两国元首在北京举行会谈" in text and "в Пекине" in text and "in Beijing" in text
        assert "disagree: the Russian leaves out" in text
        # key N walks the problem rows here too: the row is marked and scrolled into view
        for _ in range(3):
            page.locator("body").press("n")
            page.wait_for_timeout(700)
        selected = page.locator("table#threeway tr.selected.problem")
        expect(selected).to_have_count(1)
        expect(selected).to_be_in_viewport()
        # a mark on the strip of rows to look at selects its row, as on the two-column page
        last = page.locator("#problem-map button.pick").last
        number = last.get_attribute("data-pick")
        last.click()
        expect(page.locator(f'table#threeway tr.selected[data-row="{number}"]')).to_be_in_viewport()
        expect(page.locator("[data-testid=stSidebar] input[type=number]").first).to_have_value(number)
        labels = page.locator("[data-testid=stMetricLabel]")
        expect(labels).to_have_count(10)  # the rows, ok and to look at; the disagreements and each side's problems
        page.wait_for_timeout(500)
        cut = labels.evaluate_all(CUT_LABELS)
        assert cut == [], cut


@pytest.mark.browser
def test_a_laptop_screen_shows_the_first_pairs_under_the_summary(server):
    with sample_page(server, width=1280, height=800) as page:
        page.wait_for_timeout(1000)  # the page settles after its first rows
        expect(page.locator("table#pairs tbody tr").first).to_be_in_viewport()
        summary = page.locator("summary").filter(has_text="Summary: 51 pairs")
        expect(summary).to_be_in_viewport()
        # one kind of problem alone in two clicks, the choice read whole in its box
        only = page.get_by_role("combobox", name="Only one kind")
        expect(only).to_have_attribute("placeholder", "Only one kind…")
        room, needed = only.evaluate("""box => { const style = getComputedStyle(box), ctx = document.createElement('canvas')
            .getContext('2d'); ctx.font = style.font; return [box.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight), ctx.measureText(box.placeholder).width]; }""")
        assert needed <= room, (needed, room)
        only.click()
        page.get_by_role("option", name=re.compile(r"^number \d+$")).click()  # counted, as on its pill
        rows = page.locator("table#pairs tbody tr")
        shown = filtered_rows(page)
        expect(rows.first.locator(".flag")).to_contain_text("number")
        expect(page.locator("table#pairs tbody tr:not(.problem)")).to_have_count(0)
        texts = rows.all_inner_texts()
        assert len(texts) == shown and all("number" in text for text in texts)
        summary.click()  # the metrics, the confidence chart and the trust table open under the counts
        expect(page.locator("[data-testid=stMetricLabel]")).to_have_count(9)
        expect(page.locator("[data-testid=stVegaLiteChart]")).to_be_visible()
        expect(page.get_by_text("How far to trust the flags")).to_be_visible()



@pytest.mark.browser
def test_after_picking_one_kind_the_key_n_goes_to_the_next_problem_of_that_kind(server):
    """The focus stayed in the "Only one kind…" box, so N typed an "n" into it instead of going on; and the button
    still counted every kind's problems left."""
    with sample_page(server) as page:
        only = page.get_by_role("combobox", name="Only one kind")
        only.click()
        page.get_by_role("option", name=re.compile(r"^number \d+$")).click()
        rows = page.locator("table#pairs tbody tr")
        shown = filtered_rows(page)
        expect(rows.first.locator(".flag")).to_contain_text("number")
        expect(page.locator("table#pairs tbody tr:not(.problem)")).to_have_count(0)
        button = page.locator("[data-testid=stSidebar] .st-key-next_problem button")
        expect(button).to_be_focused()
        # its count is of the kind shown, not of every kind as before the pick (the sidebar is redrawn for it)
        expect(button).to_contain_text(f"Next problem ▶ · {shown} left")
        page.keyboard.press("n")
        selected = page.locator("table#pairs tr.selected")
        expect(selected).to_have_count(1)
        expect(selected.locator(".flag")).to_contain_text("number")
        expect(only).to_have_value("")

@pytest.mark.browser
def test_a_long_alignment_can_be_stopped_and_the_page_keeps_what_it_had(server, tmp_path):
    # a text the encoder has not seen (its cache on disk would make it instant): 400 sentences, a few seconds
    run = uuid.uuid4().hex[:8]
    english = (ROOT / "texts" / "joint-statement.en.txt").read_text(encoding="utf-8")
    zh, en = tmp_path / "long.zh.txt", tmp_path / "long.en.txt"
    zh.write_text((ROOT / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8") * 8, encoding="utf-8")
    en.write_text("\n".join(f"{line} (Part {part}, copy {run}.)" if line.strip() else line
                            for part in range(8) for line in english.splitlines()), encoding="utf-8")
    with sample_page(server, width=1280, height=800) as page:
        page.locator("summary").filter(has_text="Your texts").click()  # the files go in at once: no redraw to lose them
        uploads = page.locator("[data-testid=stMain] [data-testid=stFileUploaderDropzoneInput]")
        for box, path in enumerate((zh, en)):  # each upload is in before the next, and before Align is pressed
            uploads.nth(box).set_input_files(str(path))
            expect(page.get_by_text(f"text, read from {path.name}")).to_be_visible(timeout=30_000)
        # the Align under the boxes (another at the panel's top does the same)
        page.locator(".st-key-align").get_by_role("button", name="Align", exact=True).click()
        stop = page.get_by_role("button", name="Stop aligning")
        stop.click(timeout=60_000)
        expect(page.get_by_text("Aligning stopped").first).to_be_visible(timeout=30_000)
        expect(page.locator("[data-testid=stProgress]")).to_have_count(0)
        expect(stop).to_have_count(0)
        expect(page.locator("table#pairs tbody tr")).to_have_count(50)  # the sample, as it was
        expect(page.get_by_text("joint-statement.zh.txt ↔ joint-statement.ru.txt")).to_be_visible()


@pytest.mark.browser
def test_the_split_and_move_panels_stay_open_while_the_reviewer_works_in_them(server):
    with sample_page(server) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        pair = go_to_pair(page, 20)
        sidebar.get_by_role("button", name="Mark reviewed ✓").click()
        expect(sidebar.get_by_text("Marked pair 20 reviewed.")).to_be_visible()
        # the message goes on the next run: the panel opened meanwhile stays open
        open_panel(page, sidebar.get_by_text("Move a sentence"))
        expect(sidebar.get_by_role("button", name="Move", exact=True)).to_be_visible()
        sidebar.get_by_text("last translated sentence → next pair").click()
        expect(sidebar.get_by_role("radio", name="last translated sentence → next pair")).to_be_checked()
        expect(sidebar.get_by_text("Marked pair 20 reviewed.")).to_have_count(0)
        page.wait_for_timeout(500)
        expect(sidebar.get_by_role("button", name="Move", exact=True)).to_be_visible()

        # a refused split leaves the split panel open for another try
        pair.fill("6")
        pair.press("Enter")
        expect(page.locator('table#pairs tr.selected[data-pair="6"]')).to_have_count(1)
        open_panel(page, sidebar.get_by_text("Split this pair"))
        expect(sidebar.get_by_role("button", name="Split", exact=True)).to_be_visible()
        kept = sidebar.get_by_label("Chinese kept")
        for box in (kept, sidebar.get_by_label("translation kept")):  # nothing in the first part: refused
            expect(box).to_have_count(1, timeout=30_000)  # a loaded machine shows the last run's box a while longer
            box.fill("0")
            box.press("Enter")
            page.wait_for_timeout(500)
        sidebar.get_by_role("button", name="Split", exact=True).click()
        expect(sidebar.get_by_text("would leave one part with no sentences")).to_be_visible()
        expect(sidebar.get_by_role("button", name="Split", exact=True)).to_be_visible()
        kept.fill("1")
        kept.press("Enter")
        expect(sidebar.get_by_text("would leave one part with no sentences")).to_have_count(0)
        page.wait_for_timeout(500)
        expect(sidebar.get_by_role("button", name="Split", exact=True)).to_be_visible()


@pytest.mark.browser
def test_a_click_or_enter_on_a_row_number_selects_that_pair(server):
    with sample_page(server) as page:
        pair = page.locator("[data-testid=stSidebar]").get_by_label("Pair number")
        selected = page.locator('table#pairs tr.selected[data-pair="5"]')
        # one click as soon as the table is there, before the row picker's script has loaded: it counts
        page.locator('table#pairs tr[data-pair="5"] button.pick').click()
        expect(selected).to_have_count(1, timeout=15_000)
        expect(pair).to_have_value("5")
        page.locator('table#pairs tr[data-pair="12"] button.pick').focus()  # a button: reached by Tab
        page.keyboard.press("Enter")
        expect(page.locator('table#pairs tr.selected[data-pair="12"]')).to_have_count(1)
        expect(pair).to_have_value("12")
        assert page.url.split("?")[0].rstrip("/") == server  # the same session: no page load
        # a mark on the strip of pairs to look at selects its pair too, turning to its page and showing it
        last = page.locator("#problem-map button.pick").last
        number = last.get_attribute("data-pick")
        last.click()
        expect(page.locator(f'table#pairs tr.selected[data-pair="{number}"]')).to_be_in_viewport()
        expect(pair).to_have_value(number)


@pytest.mark.browser
def test_a_download_of_some_pairs_checked_again_shows_its_numbers_and_a_click_on_one_picks_that_pair(server, tmp_path):
    from aligner import align_texts, export
    from aligner.pair_filter import kept_pairs

    texts = [(ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru")]
    some = kept_pairs(align_texts(*texts), {"omitted", "added", "flagged", "weak"})
    path = export.write(some, tmp_path / "problems.json")
    numbers = [str(n) for n in some.numbers]
    with sample_page(server) as page:
        page.locator(".st-key-pairs_file input[type=file]").set_input_files(str(path))
        expect(page.locator("table#pairs button.pick")).to_have_text(numbers, timeout=60_000)  # not 1, 2, 3 …
        page.locator("table#pairs button.pick").nth(1).click()
        expect(page.locator('table#pairs tr.selected[data-pair="2"]')).to_have_count(1)
        expect(page.locator("[data-testid=stSidebar]").get_by_role("combobox", name="Pair number")).to_have_value(numbers[1])


# The relative luminance contrast of a cell's text against its row, as WCAG defines it (4.5 for body text).
CONTRAST = """cell => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const row = cell.closest('tr');
  const [a, b] = [lum(rgb(getComputedStyle(cell).color)), lum(rgb(getComputedStyle(row).backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.browser
def test_the_pairs_table_is_readable_in_the_dark_theme(server):
    with sample_page(server, dark=True) as page:
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"  # dark
        for selector in ("td[lang=zh]", "td[lang=ru]", "td.kind", "td.score", "td.missing", ".flag"):
            cell = page.locator(f"table#pairs tr.problem {selector}").first
            ratio = cell.evaluate(CONTRAST)
            assert ratio >= 4.5, (selector, ratio)


@pytest.mark.browser
def test_a_note_typed_and_not_saved_is_in_the_project_and_the_downloads(server):
    with sample_page(server, downloads=True) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        go_to_pair(page, 12)
        sidebar.get_by_role("textbox", name="Note").fill("Проверить термин ZQX")  # typed; straight on to Save project

        def download(label: str) -> str:
            with page.expect_download() as done:
                sidebar.get_by_role("button", name=label, exact=True).click()
            return Path(done.value.path()).read_text(encoding="utf-8")

        project = json.loads(download("Save project"))
        assert "Проверить термин ZQX" in json.dumps(project, ensure_ascii=False)
        assert "Проверить термин ZQX" in download("TSV")
        expect(page.locator('table#pairs tr[data-pair="12"] .note')).to_have_text("✎ Проверить термин ZQX")


@pytest.mark.browser
def test_on_a_laptop_screen_no_cell_spills_over_and_the_texts_get_the_room(server):
    with sample_page(server) as page:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.wait_for_timeout(500)  # let the table re-flow
        spilt = page.locator("table#pairs td").evaluate_all(
            "cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)")
        assert spilt == [], spilt  # e.g. 'omitted (no translation)' ran over the score column
        table = page.locator("table#pairs").evaluate("t => t.clientWidth")
        chinese = page.locator("table#pairs th").nth(3).evaluate("th => th.clientWidth")
        assert chinese >= 0.28 * table, (chinese, table)


@pytest.mark.browser
def test_the_keyboard_walks_through_the_problems_n_for_next_and_m_to_mark_reviewed(server):
    with sample_page(server) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        pair = sidebar.get_by_label("Pair number")
        page.locator("table#pairs").click()  # the focus on the page, not in a box
        page.keyboard.press("n")
        expect(pair).not_to_have_value("1")
        first = pair.input_value()
        expect(page.locator(f'table#pairs tr.selected[data-pair="{first}"]')).to_have_count(1)
        page.keyboard.press("m")
        expect(sidebar.get_by_text(f"Marked pair {first} reviewed.")).to_be_visible()
        expect(page.locator(f'table#pairs tr[data-pair="{first}"] td.num')).to_contain_text("✓")
        # M once too often (as after the last problem, where N stays on the pair marked) keeps the mark
        expect(sidebar.get_by_role("button", name="Unmark reviewed")).to_be_visible()
        page.keyboard.press("m")
        page.wait_for_timeout(1500)
        expect(page.locator(f'table#pairs tr[data-pair="{first}"] td.num')).to_contain_text("✓")
        page.keyboard.press("n")
        expect(pair).not_to_have_value(first)
        # typing in the note box types the letters, it does not jump
        box = sidebar.get_by_role("textbox", name="Note")
        box.click()
        here = pair.input_value()
        page.keyboard.type("mn")
        expect(box).to_have_value("mn")
        assert pair.input_value() == here


# Whether the selected row's flags cell is the topmost element all over the part in the window (nothing drawn over it),
# and whether the sidebar's message is inside the window.
FLAGS_CELL_UNCOVERED = """() => {
    const cell = document.querySelector('table#pairs tr.selected td:last-child').getBoundingClientRect();
    const points = [];
    for (let y = cell.top + 4; y < Math.min(cell.bottom, innerHeight) - 4; y += 10)
        for (const x of [cell.left + 4, (cell.left + cell.right) / 2, cell.right - 4]) points.push([x, y]);
    // a toast lets the pointer through to the cell under it: its box, not elementFromPoint, says where it is drawn
    const toasts = [...document.querySelectorAll('[data-testid=stToast]')].map(t => t.getBoundingClientRect());
    return points.length > 0 && points.every(([x, y]) =>
        document.elementFromPoint(x, y).closest('table#pairs tr.selected td:last-child') !== null
        && !toasts.some(t => t.left <= x && x <= t.right && t.top <= y && y <= t.bottom));
}"""
# The focused element's name and whether it is drawn on top at its centre (not under something else).
FOCUS_IN_SIGHT = """() => {
    const focused = document.activeElement, box = focused.getBoundingClientRect();
    const top = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    return [(focused.innerText || focused.getAttribute('aria-label') || focused.tagName).trim().slice(0, 30),
            top !== null && (focused.contains(top) || top.contains(focused))];
}"""
# Scroll the page so that the selected row starts 50 px from the window's top, just under the table's sticky head.
ROW_NEAR_THE_TOP = """() => {
    const row = document.querySelector('table#pairs tr.selected');
    let scroller = row.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY)))
        scroller = scroller.parentElement;
    scroller.scrollTop += row.getBoundingClientRect().top - 50;
}"""
MESSAGE_IN_SIGHT = """text => {
    const alert = [...document.querySelectorAll('[data-testid=stSidebar] [data-testid=stAlertContainer]')]
        .find(a => a.innerText.includes(text));
    if (!alert) return false;
    const box = alert.getBoundingClientRect();
    const top = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    return box.top >= 0 && box.bottom <= innerHeight && box.height > 0 && alert.contains(top);
}"""


@pytest.mark.browser
def test_after_mark_reviewed_nothing_covers_the_rows_flags_and_the_message_stays_in_sight(server):
    """A toast repeated the sidebar's message for 4 s over the table's flags column, the column an editor reads
    after each step; the message itself went out of sight once the sidebar was scrolled down to the buttons."""
    with sample_page(server, width=1366, height=768) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        go_to_pair(page, 6)  # merged/split: a flag in the flags cell
        mark = sidebar.get_by_role("button", name="Mark reviewed")
        page.locator("[data-testid=stSidebarContent]").evaluate("box => box.scrollTop = box.scrollHeight")
        mark.scroll_into_view_if_needed()
        mark.click()
        expect(sidebar.get_by_text("Marked pair 6 reviewed.")).to_be_visible()
        expect(page.locator('table#pairs tr.selected[data-pair="6"] td.num')).to_contain_text("✓")
        page.evaluate(ROW_NEAR_THE_TOP)  # the editor reads the row at the top of the window, under the table's head
        for _ in range(6):  # over the 4 s a toast stood there
            assert page.evaluate(FLAGS_CELL_UNCOVERED)
            assert page.evaluate(MESSAGE_IN_SIGHT, "Marked pair 6 reviewed.")
            page.wait_for_timeout(500)
        assert page.locator("[data-testid=stToast]").count() == 0


@pytest.mark.browser
def test_the_strip_next_problem_and_the_pills_give_one_count_of_the_pairs_to_look_at(server):
    """The strip said "4 to look at" while Next problem said "· 6 left" and walked six pairs, the two merged/split ones
    with no mark on the strip; the pills said "omitted 2" once both were ticked off."""
    with sample_page(server, width=1280, height=800) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        caption, marks = page.locator(".map-caption"), page.locator("#problem-map button.pick")
        button = sidebar.locator(".st-key-next_problem button")
        kinds = page.locator(".st-key-kind_bar")
        # the strip is drawn after the table's first rows (sample_page's wait): its marks counted once it says how many
        expect(caption).to_have_text(re.compile(r"^\d+ to look at:$"))
        count = int(caption.inner_text().split()[0])
        expect(marks).to_have_count(count)
        expect(button).to_contain_text(f"Next problem ▶ · {count} left")
        numbers = [marks.nth(i).get_attribute("data-pick") for i in range(count)]
        pair = go_to_pair(page, 1)
        page.locator("table#pairs").click()  # the focus on the page, not in a box
        for number in numbers:  # N goes to each mark of the strip, in order, and to nothing else
            page.keyboard.press("n")
            expect(pair).to_have_value(number)
        # a merged/split pair's mark is purple, as its row's left edge
        shape = page.locator('#problem-map button.pick[data-mark="merged/split"]').first
        edge = page.locator(f'table#pairs tr[data-pair="{shape.get_attribute("data-pick")}"] td:first-child')
        colour = shape.evaluate("mark => getComputedStyle(mark).backgroundColor")
        assert colour == edge.evaluate("cell => getComputedStyle(cell).borderLeftColor") == "rgb(123, 63, 181)"

        omitted = [m.get_attribute("data-pick") for m in page.locator('#problem-map button.pick[data-mark="omitted"]').all()]
        expect(kinds.get_by_text(f"omitted {len(omitted)}", exact=True)).to_be_visible()
        go_to_pair(page, int(omitted[0]))
        sidebar.get_by_role("button", name="Mark reviewed").click()
        expect(caption).to_have_text(f"{count - 1} of {count} left to look at:")
        expect(button).to_contain_text(f"Next problem ▶ · {count - 1} left")
        expect(kinds.get_by_text(f"omitted {len(omitted) - 1} of {len(omitted)} left", exact=True)).to_be_visible()
        # a click on the merged/split pill (the table's filter, redrawn alone): the strip and Next problem follow it
        kinds.get_by_text(re.compile(r"^merged/split \d+$")).click()
        shapes = page.locator('#problem-map button.pick[data-mark="merged/split"]')
        expect(marks).to_have_count(shapes.count())
        expect(caption).to_have_text(f"{shapes.count()} to look at:")
        expect(button).to_contain_text(f"Next problem ▶ · {shapes.count()} left")
        assert filtered_rows(page) == shapes.count()


# The window's part the message shown in the main area takes, and the table's flags column's left edge.
ECHO_AND_FLAGS = """() => {
    const echo = document.querySelector('[class*=st-key-flash_echo_]').getBoundingClientRect();
    const flags = document.querySelector('table#pairs th:last-child').getBoundingClientRect();
    return [echo.left, echo.right, echo.top, echo.bottom, flags.left];
}"""


@pytest.mark.browser
def test_with_the_sidebar_closed_an_actions_message_shows_briefly_clear_of_the_flags_column(server):
    """With the sidebar closed its message was out of sight: an editor who marked a pair from the keyboard saw
    nothing happen. It shows at the top of the window then, beside the sidebar's open button, and fades."""
    with sample_page(server, width=1280, height=800) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        echo = page.locator(".st-key-flash_echo")
        go_to_pair(page, 6)
        sidebar.get_by_role("button", name="Mark reviewed").click()
        expect(sidebar.get_by_text("Marked pair 6 reviewed.")).to_be_visible()
        expect(echo.get_by_text("Marked pair 6 reviewed.")).to_be_hidden()  # the sidebar says it: once is enough
        go_to_pair(page, 15)
        sidebar.hover()
        sidebar.get_by_role("button", name="Collapse sidebar").click()
        expect(page.locator("[data-testid=stExpandSidebarButton]")).to_be_visible()
        page.locator("table#pairs").click()
        page.keyboard.press("m")
        message = echo.get_by_text("Marked pair 15 reviewed.")
        expect(message).to_be_visible()
        expect(page.locator('table#pairs tr[data-pair="15"] td.num')).to_contain_text("✓")
        left, right, top, bottom, flags = page.evaluate(ECHO_AND_FLAGS)
        assert 0 < left < right < flags and 0 <= top < bottom < 60, (left, right, top, bottom, flags)  # in the header band
        page.screenshot(path=str(Path(os.environ.get("ALIGNER_SHOTS", "/tmp")) / "closed-sidebar-message.png"))
        expect(message).to_be_hidden(timeout=12_000)  # gone after a few seconds
        page.keyboard.press("n")  # the next action's message shows again
        expect(page.locator('table#pairs tr.selected:not([data-pair="15"])')).to_have_count(1)
        page.keyboard.press("m")
        number = page.locator("table#pairs tr.selected").get_attribute("data-pair")
        expect(echo.get_by_text(f"Marked pair {number} reviewed.")).to_be_visible()


@pytest.mark.browser
def test_a_control_reached_by_tab_is_not_hidden_under_the_sidebars_message(server):
    """The message stays at the top of the sidebar as it scrolls: Shift+Tab up the panel scrolled Merge ↑ and
    Merge ↓ into sight under it, where the editor could not see which button had the focus."""
    with sample_page(server, width=1366, height=768) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        go_to_pair(page, 15)
        note = sidebar.get_by_role("textbox", name="Note")
        note.click()
        page.keyboard.type("Пропущено предложение о формах демократии.")
        page.keyboard.press("Tab")  # the note is kept, and said so at the top of the sidebar
        expect(sidebar.get_by_text("Noted pair 15.")).to_be_visible()
        page.wait_for_timeout(500)
        reached = []
        for _ in range(8):  # back up the panel: the Note's help, the two panels, Mark reviewed, Merge ↓, Merge ↑ …
            page.keyboard.press("Shift+Tab")
            page.wait_for_timeout(200)
            reached.append(page.evaluate(FOCUS_IN_SIGHT))
        assert any(name.startswith("Merge") for name, _ in reached), reached
        assert all(seen for _, seen in reached), reached


@pytest.mark.browser
def test_the_html_report_printed_keeps_its_header_row_and_status_colours_on_every_page(tmp_path):
    """A reviewer prints the report: Chromium drops backgrounds unless the page asks for them, and
    repeats a table's header only from a <thead>, so page 2 had bare, uncoloured rows."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTCurve, LTTextContainer

    from aligner import align_files, export
    from aligner.export.status import STATUS_COLOURS

    alignment = align_files(ROOT / "texts" / "joint-statement.zh.txt", ROOT / "texts" / "joint-statement.en.txt")
    report = export.write(alignment, tmp_path / "report.html")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(report.resolve().as_uri())
            page.pdf(path=str(tmp_path / "report.pdf"), format="A4")
        finally:
            browser.close()

    def rgb(hex_colour: str) -> tuple[int, ...]:
        return tuple(int(hex_colour[k:k + 2], 16) for k in (0, 2, 4))

    pages = []
    for layout in extract_pages(tmp_path / "report.pdf"):
        text = "".join(item.get_text() for item in layout if isinstance(item, LTTextContainer))
        fills = {tuple(round(c * 255) for c in item.non_stroking_color) for item in layout
                 if isinstance(item, LTCurve) and item.fill and isinstance(item.non_stroking_color, tuple)}
        pages.append((text, fills))
    assert len(pages) >= 2  # the sample's four pairs to review run onto a second page
    for text, fills in pages:
        assert "score" in text  # the pairs table's header row
        assert any(max(abs(a - b) for a, b in zip(fill, rgb(STATUS_COLOURS["added"]))) <= 2 for fill in fills)


@pytest.mark.browser
def test_a_reload_asks_first_while_work_is_unsaved_and_gives_the_work_back(server):
    with sample_page(server, downloads=True) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        go_to_pair(page, 7)
        sidebar.get_by_role("button", name="Merge ↓").click()
        unsaved = sidebar.get_by_text("1 correction not in a saved project yet", exact=False)
        expect(unsaved).to_be_visible()
        asked = []
        page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
        page.reload()  # the browser's own "Leave site?" first; then the page gives the work back
        expect(sidebar.get_by_text("Your work is back: 1 correction", exact=False)).to_be_visible(timeout=60_000)
        assert asked == ["beforeunload"]
        expect(page.locator('table#pairs tr.selected[data-pair="7"] td.kind')).to_contain_text("–2")
        with page.expect_download():
            sidebar.get_by_role("button", name="Save project", exact=True).click()
        expect(unsaved).to_have_count(0)
        page.reload()  # saved: nothing to ask about
        expect(page.locator('table#pairs tr.selected[data-pair="7"]')).to_have_count(1, timeout=60_000)
        assert asked == ["beforeunload"]


@pytest.mark.browser
def test_enter_on_undo_for_the_last_correction_leaves_the_focus_on_redo_not_the_page(server):
    """Undo becomes disabled when nothing is left to undo, and a disabled button drops the focus to the page."""
    with sample_page(server) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        go_to_pair(page, 7)
        sidebar.get_by_role("button", name="Merge ↓").click()
        undo = sidebar.get_by_role("button", name="↶ Undo: ", exact=False)
        expect(undo).to_be_enabled()
        room = """() => [...document.querySelectorAll('[data-testid=stSidebar] h2')].find(h => h.innerText.includes('Project'))
            .getBoundingClientRect().top - document.querySelector('.st-key-redo').getBoundingClientRect().bottom"""
        below = page.evaluate(room)
        undo.focus()
        page.keyboard.press("Enter")
        redo = sidebar.get_by_role("button", name="↷ Redo: ", exact=False)
        expect(redo).to_be_enabled()
        expect(redo).to_be_focused()
        assert page.evaluate(room) == below  # the script that moved the focus takes no room: nothing below jumps
        page.keyboard.press("Enter")  # and back: Redo of the last undone step leaves it on Undo
        expect(undo).to_be_enabled()
        expect(undo).to_be_focused()


@pytest.mark.browser
def test_enter_on_mark_reviewed_keeps_the_focus_on_the_button_not_the_top_of_the_page(server):
    """The button's label turns to "Unmark reviewed" (a new button): a keyboard-only reviewer was sent back to
    the first element of the page, "Skip to main content", and had to tab through the sidebar again."""
    with sample_page(server) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        sidebar.get_by_role("button", name="Mark reviewed").focus()
        page.keyboard.press("Enter")
        unmark = sidebar.get_by_role("button", name="Unmark reviewed")
        expect(unmark).to_be_visible()
        expect(unmark).to_be_focused()
        page.keyboard.press("Enter")  # and back
        mark = sidebar.get_by_role("button", name="Mark reviewed")
        expect(mark).to_be_visible()
        expect(mark).to_be_focused()
        expect(page.locator('table#pairs tr[data-pair="1"] td.num')).not_to_contain_text("✓")


@pytest.mark.browser
def test_enter_on_save_project_keeps_the_focus_on_the_button_not_the_top_of_the_page(server):
    """An editor saving before lunch with the keyboard: the file came, and the focus fell to the top of the page."""
    with sample_page(server, downloads=True, width=1366, height=768) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        sidebar.get_by_role("button", name="Mark reviewed").click()
        unsaved = sidebar.get_by_text("1 pair marked or noted not in a saved project yet", exact=False)
        expect(unsaved).to_be_visible()
        save = sidebar.get_by_role("button", name="Save project", exact=True)
        save.focus()
        with page.expect_download():
            page.keyboard.press("Enter")
        expect(unsaved).to_have_count(0)
        page.wait_for_timeout(1000)  # the run that took the warning away is over
        expect(save).to_be_focused()


@pytest.mark.browser
def test_enter_on_a_download_keeps_the_focus_on_its_button(server):
    """The XLSX, then the Word report, by keyboard: after the first file the focus was at the top of the page."""
    with sample_page(server, downloads=True, width=1366, height=768) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        for name in ("Excel (XLSX)", "Word document"):
            button = sidebar.get_by_role("button", name=name)
            button.focus()
            with page.expect_download():
                page.keyboard.press("Enter")
            page.wait_for_timeout(1000)
            expect(button).to_be_focused()


@pytest.mark.browser
def test_enter_on_split_leaving_a_pair_of_one_sentence_puts_the_focus_on_merge_not_the_top_of_the_page(server):
    """A 1–1 pair split into 1–0 and 0–1 (an omission and an addition): the first part has nothing left to split and
    its Split button goes; a keyboard-only reviewer lands on Merge ↓, beside what they did, to take it back or go on."""
    with sample_page(server) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        sidebar.locator(".st-key-split_panel summary").click()
        split = sidebar.get_by_role("button", name="Split", exact=True)
        split.focus()
        page.keyboard.press("Enter")
        expect(sidebar.get_by_text("Split pair 1 (1-1 → 1-0 + 0-1).")).to_be_visible()
        expect(sidebar.get_by_text("This pair has one sentence: there is nothing to split.")).to_be_visible()
        expect(sidebar.get_by_role("button", name="Merge ↓")).to_be_focused()


@pytest.mark.browser
def test_a_laptop_screen_shows_the_first_pair_whole_under_the_title_and_the_sample_hint(server):
    """At 1280×800 the title, the hint and the filters left only the top of the first pair in sight."""
    with sample_page(server, width=1280, height=800) as page:
        rows = page.locator("table#pairs tbody tr")
        expect(page.get_by_text("A sample with problems planted")).to_be_visible()
        # the summary and the strip above the table are drawn after its first rows (sample_page's wait), and push it down
        expect(page.locator("#problem-map")).to_be_visible()
        page.wait_for_timeout(500)
        first, second = rows.nth(0).bounding_box(), rows.nth(1).bounding_box()
        assert first["y"] + first["height"] <= 800, first  # the whole first pair
        assert second["y"] < 800, second  # and the next one coming


# The first screen's elements (outside the closed panels) that stick out of the main area, overlap one another
# or have a label, a row of pills or a caption cut short.
LAYOUT_FAULTS = """() => {
  const block = document.querySelector('[data-testid=stMainBlockContainer]'), style = getComputedStyle(block);
  const box = block.getBoundingClientRect();
  const left = box.left + parseFloat(style.paddingLeft), right = box.right - parseFloat(style.paddingRight);
  const name = e => (e.innerText || e.id || e.getAttribute('data-testid')).slice(0, 40);
  const leaves = [...document.querySelectorAll('[data-testid=stMain] [data-testid=stElementContainer]')]
    .filter(e => e.getBoundingClientRect().height > 0 && !e.querySelector('[data-testid=stElementContainer]')
                 && !e.closest('[data-testid=stExpanderDetails]'));
  const faults = [];
  for (const e of [...leaves, ...document.querySelectorAll('[data-testid=stMain] #problem-map')]) {
    const r = e.getBoundingClientRect();
    if (r.left < left - 1 || r.right > right + 1) faults.push(['sticks out', name(e)]);
  }
  leaves.forEach((a, i) => leaves.slice(i + 1).forEach(b => {
    const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
    if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
      faults.push(['overlaps', name(a), name(b)]);
  }));
  const labels = '[data-testid=stWidgetLabel], [role=toolbar], [data-testid=stCaptionContainer], .map-caption, .legend';
  for (const e of document.querySelectorAll(`[data-testid=stMain] :is(${labels})`))
    if (e.getBoundingClientRect().height > 0 && !e.closest('[data-testid=stExpanderDetails]')
        && [e, ...e.querySelectorAll('*')].some(x => x.scrollWidth > x.clientWidth + 1)) faults.push(['cut', name(e)]);
  return faults;
}"""


@pytest.mark.browser
def test_a_laptop_screen_shows_five_pairs_under_every_control_of_the_page(server):
    """At 1280×800 the title, the panels, the hint, the summary, the legend, the strip and the filters took the
    first 557 px and left two pairs' tops in sight; folded into compact lines they leave five (four asked here)."""
    with sample_page(server, width=1280, height=800) as page:
        page.wait_for_timeout(1000)  # the page settles after its first rows
        main = page.locator("[data-testid=stMain]")
        for control in (main.locator("summary").filter(has_text="Your texts"), page.get_by_text("A sample with problems planted"),
                        main.locator("summary").filter(has_text="Summary: 51 pairs"), main.locator(".legend"),
                        page.locator("#problem-map"), main.get_by_text("Problems only"), main.get_by_text("Hide reviewed"),
                        main.get_by_placeholder("Search either side…"), page.get_by_role("combobox", name="Only one kind"),
                        page.get_by_role("combobox", name="Rows"),
                        main.locator(".st-key-kind_bar").get_by_role("button", name="merged/split"),
                        main.locator("[data-testid=stPagination]"), main.get_by_text("Showing 50 pairs on page 1 of 2")):
            expect(control).to_be_in_viewport()  # every control in sight, none folded away out of reach
        top = page.locator("table#pairs").evaluate("table => table.getBoundingClientRect().top")
        tops = page.locator("table#pairs tbody tr").evaluate_all("rows => rows.map(row => row.getBoundingClientRect().top)")
        assert top <= 330, top
        assert sum(row_top < 800 for row_top in tops) >= 4, tops
        assert page.evaluate(LAYOUT_FAULTS) == []
        # each pill with its count, the omissions' as the summary's; the kinds with none get no pill
        summary = main.locator("summary").filter(has_text="Summary: 51 pairs").inner_text()
        pills = main.locator(".st-key-kind_bar [data-testid=stButtonGroup] button").all_inner_texts()
        omitted = re.search(r"(\d+) omitted", summary).group(1)
        assert f"omitted {omitted}" in pills and all(re.fullmatch(r"\D+ [1-9]\d*", pill) for pill in pills), pills
        assert not any(pill.startswith("name") for pill in pills), pills
        # the summary counts the pairs to look at as the strip does, and the legend names the strip's purple
        to_look_at = re.search(r"· (\d+) to look at \(", summary).group(1)
        expect(main.locator(".map-caption")).to_have_text(f"{to_look_at} to look at:")
        expect(main.locator('.legend [data-mark="merged/split"]')).to_be_in_viewport()
        if os.environ.get("ALIGNER_PILLS_SHOT"):  # a file to look at the pills in
            page.screenshot(path=os.environ["ALIGNER_PILLS_SHOT"])
        # the pages share the pills' line and still show each page's number (not "1 … 3") when there are a few
        page.get_by_role("combobox", name="Rows").click()
        page.get_by_role("option", name="25 rows").click()
        expect(main.get_by_text("Showing 25 pairs on page 1 of 3")).to_be_in_viewport()
        expect(main.locator("[data-testid=stPagination] button[data-testid^=stPaginationPage]")).to_have_text(["1", "2", "3"])


@pytest.mark.browser
def test_on_a_wide_and_a_narrow_window_no_control_overlaps_another_or_is_cut(server):
    with sample_page(server, width=1920, height=1080) as page:
        for width, height in ((1920, 1080), (900, 800)):
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(1000)  # let the lines re-flow
            assert page.evaluate(LAYOUT_FAULTS) == [], width
            assert page.get_by_role("combobox", name="Only one kind").is_visible()


@pytest.mark.browser
def test_on_a_laptop_screen_the_sidebar_cuts_no_choice_and_no_kind_of_file(server):
    """The sentence to move was chosen in a box the sidebar's width: "first Chinese sentence → pr"; the
    uploads said which files they take on one line: "TMX, JSON, TSV, C…", and the texts' left out PDF."""
    # what overflows its box, but the 1-pixel spans a screen reader reads
    overflowing = "elements => elements.filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1).map(e => e.outerHTML)"
    with sample_page(server, width=1280, height=800) as page:
        sidebar = page.locator("[data-testid=stSidebar]")
        sidebar.get_by_text("Move a sentence").click()
        panel = sidebar.locator(".st-key-move_panel")
        expect(panel.get_by_role("button", name="Move", exact=True)).to_be_visible()
        assert panel.locator("[data-testid=stExpanderDetails] *").evaluate_all(overflowing) == []
        for choice in ("first Chinese sentence → previous pair", "last translated sentence → next pair"):
            expect(panel.get_by_text(choice)).to_be_visible()
        page.get_by_text("Your texts: upload or paste").click()
        expect(page.get_by_text("…or paste the Chinese text")).to_be_visible()
        kinds = page.locator("[data-testid=stFileUploaderDropzoneInstructions] span")
        expect(kinds).to_have_count(6)  # the sidebar's two, the texts' three and the glossary's
        assert kinds.evaluate_all(overflowing) == []


@pytest.mark.browser
def test_a_laptop_screen_shows_the_first_three_column_rows_under_every_control(server):
    """The three-column page drew its eight metrics, the legend's note, the filters, the pills, the pages and
    what is shown each on its own line: the table began 438 px down a 1280×800 screen, one row and a half in
    sight. Compact as on the two-column page, it shows three."""
    with sample_page(server, width=1280, height=800) as page:
        open_panel(page, page.get_by_text("Your texts: upload or paste"))
        page.get_by_role("button", name="zh–ru–en").click()
        expect(page.locator("table#threeway tbody tr")).to_have_count(50, timeout=START_TIMEOUT * 1000)
        page.wait_for_timeout(1000)  # the page settles after its first rows
        main = page.locator("[data-testid=stMain]")
        for control in (main.locator("summary").filter(has_text="Summary: 51 rows"), main.locator(".legend"),
                        page.locator("#problem-map"), main.get_by_text("Problems only"),
                        main.get_by_placeholder("Search any column…"), page.get_by_role("combobox", name="Only one kind"),
                        page.get_by_role("combobox", name="Rows"), main.get_by_role("button", name=re.compile(r"^disagree \d+$")),
                        main.locator("[data-testid=stPagination]"), main.get_by_text("Showing 50 rows on page 1 of 2")):
            expect(control).to_be_in_viewport()
        top = page.locator("table#threeway").evaluate("table => table.getBoundingClientRect().top")
        tops = page.locator("table#threeway tbody tr").evaluate_all("rows => rows.map(row => row.getBoundingClientRect().top)")
        assert top <= 330, top
        assert sum(row_top < 800 for row_top in tops) >= 3, tops
        for width in (1280, 900):
            page.set_viewport_size({"width": width, "height": 800})
            page.wait_for_timeout(1000)  # let the lines re-flow
            assert page.evaluate(LAYOUT_FAULTS) == [], width
        # a click on a row's number selects that row, as on the two-column page
        page.locator('table#threeway tr[data-row="4"] button.pick').click()
        expect(page.locator('table#threeway tr.selected[data-row="4"]')).to_have_count(1)
        expect(page.locator("[data-testid=stSidebar]").get_by_label("Row number")).to_have_value("4")
