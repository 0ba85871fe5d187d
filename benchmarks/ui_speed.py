"""How quickly the review page answers on a 5,000-pair document (issue 5: stay responsive).

Builds a long alignment from the sample texts' real sentences (the sample pair repeated, every
40th pair made an omission or addition), puts it on the page with Streamlit's AppTest and times
a first draw, a page turn, a search, a correction, its undo and the downloads' payloads.

    PYTHONPATH=. python benchmarks/ui_speed.py [--pairs 5000]
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit import config  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from aligner.corrections import Corrections  # noqa: E402
from aligner.review import review  # noqa: E402
from aligner.types import Alignment, Bead, Document, Sentence  # noqa: E402
from ui.downloads import FORMATS, export_payload, project_payload  # noqa: E402
from ui.inputs import Inputs  # noqa: E402


def sentences(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def document(parts: list[str], lang: str, sep: str) -> Document:
    text, spans = "", []
    for i, s in enumerate(parts):
        if i:
            text += sep
        spans.append(Sentence(i, len(text), len(text) + len(s), s, s, paragraph=i // 5))
        text += s
    return Document(text=text, lang=lang, sentences=spans, name="long.zh.txt")


def long_alignment(pairs: int) -> Alignment:
    """`pairs` pairs of real paragraphs: 1–1 pairs, with an omission and an addition every 40."""
    zh = sentences(ROOT / "texts" / "joint-statement.zh.txt")
    ru = sentences(ROOT / "texts" / "joint-statement.ru.txt")
    n = min(len(zh), len(ru))
    src, tgt, beads = [], [], []
    for k in range(pairs):
        kind = k % 40
        if kind != 39:
            src.append(zh[k % n])
        if kind != 19:
            tgt.append(ru[k % n])
        beads.append(Bead(tuple([len(src) - 1] if kind != 39 else []), tuple([len(tgt) - 1] if kind != 19 else []),
                          score=0.9 if kind % 7 else 0.45))
    a = Alignment(document(src, "zh", "\n"), document(tgt, "ru", "\n"), beads, model="benchmark")
    review(a)
    return a


def timed(label: str, action) -> None:
    start = time.perf_counter()
    action()
    print(f"{label:<28} {time.perf_counter() - start:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=5000)
    pairs = parser.parse_args().pairs
    config.set_option("global.disableWidgetStateDuplicationWarning", True)  # as `aligner ui` runs it
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode chatter
    alignment = long_alignment(pairs)
    print(f"{len(alignment.beads)} pairs, {len(alignment.source)} + {len(alignment.target)} sentences")
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=300)
    at.session_state["work"] = Corrections(alignment)
    at.session_state["inputs"] = Inputs(alignment.source.text, alignment.target.text, "long.zh.txt", "long.ru.txt",
                                        None, None, False)
    timed("first draw", at.run)
    assert not at.exception, at.exception
    timed("turn to page 40", lambda: at.get("pagination")[0].set_value(40).run())
    timed("problems only", lambda: at.toggle(key="problems_only").set_value(True).run())
    timed("search", lambda: at.text_input(key="query").set_value("Пекин").run())
    timed("next problem", lambda: at.button(key="next_problem").click().run())
    timed("merge with next", lambda: at.button(key="merge").click().run())
    timed("undo", lambda: at.button(key="undo").click().run())
    assert not at.exception, at.exception
    work = at.session_state["work"]
    for fmt in FORMATS:
        timed(f"download {fmt}", lambda f=fmt: export_payload(work.alignment, f))
    timed("download project", lambda: project_payload(work.alignment, work.history))


if __name__ == "__main__":
    main()
