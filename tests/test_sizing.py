"""A document pair too big for this machine's memory is said before the embedding, not found out by a crash."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main

TEXTS = Path(__file__).resolve().parents[1] / "texts"


def _align(tmp_path):
    return CliRunner().invoke(main, ["align", "-q", str(TEXTS / "joint-statement.zh.txt"),
                                     str(TEXTS / "joint-statement.ru.txt"), "-o", str(tmp_path / "pairs.tsv")])


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))


def test_a_pair_bigger_than_the_memory_available_is_warned_of_and_still_aligned(tmp_path, monkeypatch):
    """A 20 MB text file (the reading limit) holds some 200,000 sentences: 19 GB for the search,
    found out by the system killing the process after an hour of embedding."""
    monkeypatch.setattr("aligner.sizing.available_memory", lambda: 1_000_000)
    result = _align(tmp_path)
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warning) == 1 and "joint-statement.zh.txt and" in warning[0] and "GB is available" in warning[0]
    assert "aligner batch" in warning[0]
    assert (tmp_path / "pairs.tsv").is_file()


def test_a_pair_that_fits_is_aligned_without_a_word(tmp_path):
    result = _align(tmp_path)
    assert result.exit_code == 0 and "Warning" not in result.stderr


def _pair(n_source: int, n_target: int):
    from aligner.types import Document, Sentence

    def document(n: int, lang: str) -> Document:
        return Document(text="。" * n, lang=lang, sentences=[Sentence(i, i, i + 1, "。", "。", 0) for i in range(n)],
                        name=f"novel.{lang}")
    return document(n_source, "zh"), document(n_target, "en")


def test_a_novel_that_fits_in_the_memory_it_was_measured_in_is_not_warned_of(monkeypatch):
    """benchmarks/novel_scale.py --copies 14 --widest-band (20,566 + 27,440 sentences, every row's band at its
    widest) peaks at 1,901 MB; the estimate of 58,000 bytes a sentence said 2.8 GB and warned a machine with
    2.5 GB free. The estimate still covers the peak measured."""
    import warnings

    from aligner.sizing import memory_needed, warn_if_too_big

    measured = 1_901 * 2**20  # the peak of that run
    assert measured <= memory_needed(20_566, 27_440) < 1.1 * measured
    monkeypatch.setattr("aligner.sizing.available_memory", lambda: 2_500_000_000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_if_too_big(*_pair(20_566, 27_440))


def test_the_warning_comes_once_the_estimate_passes_the_memory_available(monkeypatch):
    from aligner.errors import AlignerWarning
    from aligner.sizing import memory_needed, warn_if_too_big

    source, target = _pair(20_566, 27_440)
    need = memory_needed(20_566, 27_440)
    monkeypatch.setattr("aligner.sizing.available_memory", lambda: need)  # just enough: nothing said
    warn_if_too_big(source, target)
    monkeypatch.setattr("aligner.sizing.available_memory", lambda: need - 1)
    with pytest.warns(AlignerWarning, match=r"novel.zh and novel.en have 20,566 and 27,440 sentences: .* up to 2\.0 GB"):
        warn_if_too_big(source, target)
    monkeypatch.setattr("aligner.sizing.available_memory", lambda: None)  # unknown: nothing said
    warn_if_too_big(source, target)
