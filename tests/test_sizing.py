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
