"""benchmarks/raw_text.py turns pairs of our sentences into pairs of the benchmark's lines."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from raw_text import as_line_beads, joined  # noqa: E402

from aligner.pipeline import load_document  # noqa: E402
from aligner.types import Alignment, Bead  # noqa: E402


def test_lines_go_to_the_pair_that_holds_them():
    zh_lines = ["他走了。", "她哭了，", "说：“你去哪里？”"]  # the benchmark splits at the comma; we do not
    en_lines = ["He left.", "She cried.", "'Where are you going?'"]
    zh_text, zh_spans = joined(zh_lines, "")
    en_text, en_spans = joined(en_lines, " ")
    zh, en = load_document(zh_text, "zh"), load_document(en_text, "en")
    assert [s.text for s in zh.sentences] == ["他走了。", "她哭了，说：“你去哪里？”"]
    assert [s.text for s in en.sentences] == en_lines
    a = Alignment(zh, en, [Bead((0,), (0,)), Bead((1,), (1, 2))])
    assert as_line_beads(a, zh_spans, en_spans) == [((0,), (0,)), ((1, 2), (1, 2))]
    # an unmatched sentence of ours stays unmatched in lines
    a = Alignment(zh, en, [Bead((0,), ()), Bead((), (0,)), Bead((1,), (1, 2))])
    assert as_line_beads(a, zh_spans, en_spans) == [((0,), ()), ((), (0,)), ((1, 2), (1, 2))]
