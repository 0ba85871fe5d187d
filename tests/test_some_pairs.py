"""A download of some pairs (the page's "Pairs to include", --keep) checked again: its pairs keep the numbers the
file gives them, corrections inside a run of consecutive pairs work and renumber as the whole alignment would,
and one that would join pairs across those the file does not hold is refused before anything changes."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import align_texts, export
from aligner.cli import main
from aligner.corrections import CorrectionError, Corrections
from aligner.memory import check_pairs
from aligner.pair_filter import kept_pairs
from aligner.project import load_project, save_project

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts"
PROBLEMS = {"omitted", "added", "flagged", "weak"}


@pytest.fixture(scope="module")
def aligned():
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")
    return align_texts(zh, ru)


def shapes(alignment):
    return [(b.src, b.tgt) for b in alignment.beads]


def by_text(alignment) -> dict[tuple[str, str], int]:
    """Each pair's number under its two texts."""
    return {alignment.texts(bead): number for number, bead in alignment.numbered()}


def checked_ok_pairs(aligned, tmp_path):
    """The 'ok' pairs downloaded as JSON and checked again: runs of consecutive pairs, with holes at the problems."""
    some = kept_pairs(aligned, {"ok"})
    checked = check_pairs(export.write(some, tmp_path / "ok.json"))
    assert checked.numbers == some.numbers and len(checked.numbers) < len(aligned.beads)
    return some, checked


def first_run(numbers) -> int:
    """The index of the first pair followed by its next number (a run of consecutive pairs starts there)."""
    return next(k for k in range(len(numbers) - 1) if numbers[k + 1] == numbers[k] + 1)


def first_hole(numbers) -> int:
    """The index of the first pair after which the file lacks some pairs."""
    return next(k for k in range(len(numbers) - 1) if numbers[k + 1] > numbers[k] + 1)


@pytest.mark.parametrize("fmt", ["json", "tsv", "csv", "xlsx", "docx"])
def test_a_download_of_some_pairs_is_checked_under_the_numbers_it_gives_them(aligned, tmp_path, fmt):
    some = kept_pairs(aligned, PROBLEMS)
    assert len(aligned.beads) > len(some.beads) > 1 and some.numbers[0] > 1
    checked = check_pairs(export.write(some, tmp_path / f"problems.{fmt}"))
    assert checked.numbers == some.numbers  # not 1, 2, 3 …: "pair 15" is pair 15 on the page too
    assert [number for number, _ in checked.numbered()] == [number for number, _ in some.numbered()]


def test_an_aligner_tmx_gives_its_units_their_numbers_and_another_tools_ids_are_not_taken_for_them(aligned, tmp_path):
    path = export.write(kept_pairs(aligned, {"ok", "flagged", "weak"}), tmp_path / "pairs.tmx")
    two_sided = tuple(number for number, bead in aligned.numbered() if bead.src and bead.tgt)
    assert len(two_sided) < len(aligned.beads)  # the omitted and added passages are no units
    wanted = tuple(number for number, bead in kept_pairs(aligned, {"ok", "flagged", "weak"}).numbered()
                   if bead.src and bead.tgt)
    assert check_pairs(path).numbers == wanted
    foreign = tmp_path / "foreign.tmx"
    foreign.write_text(path.read_text(encoding="utf-8").replace('creationtool="aligner"', 'creationtool="Trados"'),
                       encoding="utf-8")
    assert check_pairs(foreign).numbers == ()  # its tuids are that tool's ids: rows numbered by their place


def test_a_download_of_every_pair_and_a_table_sorted_by_another_column_are_numbered_by_their_place(aligned, tmp_path):
    assert check_pairs(export.write(aligned, tmp_path / "all.tsv")).numbers == ()
    lines = export.write(kept_pairs(aligned, PROBLEMS), tmp_path / "some.tsv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "sorted.tsv").write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")
    assert check_pairs(tmp_path / "sorted.tsv").numbers == ()  # 50, 44, 39, 15 is no numbering of some pairs


def test_aligner_check_lists_and_writes_the_files_own_numbers(aligned, tmp_path):
    some = kept_pairs(aligned, PROBLEMS)
    path = export.write(some, tmp_path / "problems.tsv")
    listing = CliRunner().invoke(main, ["check", str(path), "-q"])
    assert listing.exit_code == 0, listing.output
    assert [f"#{n} " in listing.output for n in some.numbers] == [True] * len(some.numbers)
    assert "#1 " not in listing.output
    out = tmp_path / "checked.json"
    assert CliRunner().invoke(main, ["check", str(path), "-o", str(out), "-q"]).exit_code == 0
    assert export.load(out).numbers == some.numbers


def test_a_merge_inside_a_run_works_and_the_pairs_are_numbered_as_the_whole_alignments_would_be(aligned, tmp_path):
    some, checked = checked_ok_pairs(aligned, tmp_path)
    k = first_run(checked.numbers)
    first, second = checked.numbers[k], checked.numbers[k + 1]
    corrections = Corrections(checked)
    edit = corrections.merge_with_next(k)
    assert edit.description == f"merged pair {first} with pair {second}"
    whole = Corrections(align_copy(aligned))
    whole.merge_with_next(first - 1)  # the same merge on every pair
    numbers = by_text(whole.alignment)  # the merged pair's texts are joined otherwise in the file's rows
    assert checked.numbers[k] == first
    assert [numbers[checked.texts(bead)] for j, bead in enumerate(checked.beads) if j != k] == \
        [number for j, number in enumerate(checked.numbers) if j != k]
    assert checked.numbers[-1] == some.numbers[-1] - 1
    corrections.undo()
    assert checked.numbers == some.numbers


def test_a_split_inside_a_run_numbers_the_pairs_after_it_one_more_and_undo_puts_them_back(aligned, tmp_path):
    some, checked = checked_ok_pairs(aligned, tmp_path)
    corrections = Corrections(checked)
    corrections.merge_with_next(first_run(checked.numbers))  # a pair of two rows to split again
    k = first_run(checked.numbers)
    merged = checked.numbers[k]
    corrections.split(k, 1, 1)
    assert checked.numbers == some.numbers
    assert corrections.history[-1].description.startswith(f"split pair {merged} ")
    corrections.undo()
    corrections.undo()
    assert checked.numbers == some.numbers and len(corrections.history) == 0


def test_a_sentence_moved_inside_a_run_is_said_by_the_pairs_numbers(aligned, tmp_path):
    some, checked = checked_ok_pairs(aligned, tmp_path)
    k = first_run(checked.numbers)
    first, second = checked.numbers[k], checked.numbers[k + 1]
    edit = Corrections(checked).move(k, "tgt", "down")
    assert edit.description == f"moved the last translated sentence from pair {first} to pair {second}"
    assert not checked.beads[k].tgt and checked.beads[k].src  # a pair left with its Chinese: no number changes
    assert checked.numbers == some.numbers


def test_a_correction_across_pairs_the_file_does_not_hold_is_refused_before_anything_changes(aligned, tmp_path):
    some, checked = checked_ok_pairs(aligned, tmp_path)
    corrections = Corrections(checked)
    k = first_hole(checked.numbers)
    before, after = checked.numbers[k], checked.numbers[k + 1]
    missing = f"pair {before + 1} is" if after == before + 2 else f"pairs {before + 1}–{after - 1} are"
    held = f"This file holds only some pairs ({len(some.beads)}, numbered {some.numbers[0]} to {some.numbers[-1]})"
    was = (shapes(checked), checked.numbers, [b.flags for b in checked.beads])
    with pytest.raises(CorrectionError) as merge:
        corrections.merge_with_next(k)
    assert str(merge.value) == f"{held}: {missing} not in it, so pair {before} cannot be merged with pair {after}."
    with pytest.raises(CorrectionError) as down:
        corrections.move(k, "tgt", "down")
    assert str(down.value) == (f"{held}: {missing} not in it, so pair {before}'s last translated sentence cannot "
                               f"move to pair {after}.")
    with pytest.raises(CorrectionError) as up:
        corrections.move(k + 1, "src", "up")
    assert f"so pair {after}'s first Chinese sentence cannot move to pair {before}." in str(up.value)
    assert (shapes(checked), checked.numbers, [b.flags for b in checked.beads]) == was
    assert corrections.history == []


def test_a_sentence_of_the_first_pair_held_cannot_move_to_pairs_before_it(aligned, tmp_path):
    some = kept_pairs(aligned, PROBLEMS)
    checked = check_pairs(export.write(some, tmp_path / "problems.json"))
    side = "src" if checked.beads[0].src else "tgt"
    with pytest.raises(CorrectionError, match=f"pairs 1–{some.numbers[0] - 1} are not in it, so pair "
                                              f"{some.numbers[0]}'s first"):
        Corrections(checked).move(0, side, "up")


def test_a_project_saved_from_some_pairs_opens_under_their_numbers_and_keeps_refusing_across_holes(aligned, tmp_path):
    some, checked = checked_ok_pairs(aligned, tmp_path)
    corrections = Corrections(checked)
    corrections.merge_with_next(first_run(checked.numbers))
    project = load_project(save_project(checked, corrections.history))
    assert project.alignment.numbers == checked.numbers
    reopened = Corrections(project.alignment, project.history)
    with pytest.raises(CorrectionError, match="This file holds only some pairs"):
        reopened.merge_with_next(first_hole(project.alignment.numbers))
    reopened.undo()
    assert project.alignment.numbers == some.numbers


def align_copy(alignment):
    """A copy of the alignment whose pairs a correction may change without touching the module's."""
    from dataclasses import replace

    from aligner.corrections import copy_bead

    return replace(alignment, beads=[copy_bead(b) for b in alignment.beads])
