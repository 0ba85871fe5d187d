"""The review page's progress bar: what it says while each stage of aligning runs."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `ui` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))


def test_the_review_pages_bar_says_each_stage_in_what_a_reviewer_counts():
    """The bar said "Starting…" while a 6 MB Chinese text's paragraphs were found, then "Splitting into sentences…
    2325000/2325000" (characters, of which text, and reading as done for seconds more)."""
    from ui.run import stage_text

    assert stage_text("language (big.ru.txt)", 0, 16_310_000) == "Checking the language of big.ru.txt (16.3 MB)…"
    assert stage_text("segment (zh)", 930_000, 2_325_000) == "Splitting the Chinese into sentences… 40%"
    assert stage_text("segment (ru)", 0, 8_895_000) == "Splitting the Russian into sentences… 0%"
    assert stage_text("embed", 12_345, 48_000) == "Embedding 12,345 of 48,000 sentences…"
    assert stage_text("embed (en)", 5, 10) == "Embedding 5 of 10 sentences (en)…"
    assert stage_text("align", 1_086, 1_629) == "Aligning… 67%"
    assert stage_text("review (ru)", 30, 100) == "Reviewing (ru)… 30%"
    # the search's steps and passes, named (the bar stood at "Preparing the search… 25%" for a minute on a novel)
    assert stage_text("plan names", 1, 2) == "Preparing the search: names… 50%"
    assert stage_text("plan spans", 0, 2) == "Preparing the search: sentence groups… 0%"
    assert stage_text("align 2/3", 2, 5) == "Aligning: pass 2 of 3… 40%"
    assert stage_text("align 1/3 (en)", 1, 4) == "Aligning (en): pass 1 of 3… 25%"


def test_the_bar_names_the_review_check_that_runs():
    """The bar said "Reviewing… 70%" for the minute a novel's review takes; it names the check now, in the order
    the review runs them, from what the review itself reports."""
    from aligner import align_texts
    from aligner.review import REVIEW_TOTAL, REVIEW_UNITS, review
    from ui.run import stage_text

    total = REVIEW_TOTAL * REVIEW_UNITS
    assert stage_text("review", 0, total) == "Reviewing: unmatched passages… 0%"
    assert stage_text("review (ru)", 7000, total) == "Reviewing (ru): names… 69%"
    assert stage_text("review", total, total) == "Reviewing… 100%"
    texts = [(ROOT / "texts" / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "en")]
    alignment = align_texts(*texts)
    heard: list[str] = []
    review(alignment, progress=lambda stage, done, of: heard.append(stage_text(stage, done, of)))
    steps = list(dict.fromkeys(text.split(": ")[1].split("…")[0] for text in heard if ": " in text))
    assert steps == ["unmatched passages", "weak pairs", "sentence embeddings",
                     "whether it is a translation", "moved passages",
                     "partial translations", "numbers", "names", "glossary terms"]
    assert heard[-1] == "Reviewing… 100%"
