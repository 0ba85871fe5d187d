"""Project files round-trip a reviewer's work, undo included, and reject anything else clearly."""
from __future__ import annotations

import json

import pytest

from aligner.corrections import Corrections
from aligner.errors import InputError
from aligner.project import ProjectError, load_project, save_project
from sample_pairs import assert_invariants, sample_alignment, shapes


def corrected():
    a = sample_alignment()
    c = Corrections(a)
    c.merge_with_next(3)
    c.mark_reviewed(0)
    c.set_note(1, "«Пекин» — проверить")
    return c


def test_save_and_load_restore_texts_pairs_review_and_history():
    c = corrected()
    data = save_project(c.alignment, c.history, settings={"presplit": False})
    assert isinstance(data, bytes)
    project = load_project(data)
    a = project.alignment
    assert a.source.text == c.alignment.source.text and a.target.text == c.alignment.target.text
    assert [s.text for s in a.source.sentences] == [s.text for s in c.alignment.source.sentences]
    assert (a.source.lang, a.target.lang, a.model) == ("zh", "ru", "test")
    assert shapes(a) == shapes(c.alignment)
    assert a.beads[0].reviewed and a.beads[1].note == "«Пекин» — проверить"
    assert [b.flags for b in a.beads] == [b.flags for b in c.alignment.beads]
    assert [e.description for e in project.history] == [e.description for e in c.history]
    assert project.settings == {"presplit": False}


def test_undo_works_after_loading():
    c = corrected()
    project = load_project(save_project(c.alignment, c.history))
    loaded = Corrections(project.alignment, project.history)
    for _ in range(3):
        loaded.undo()
    assert shapes(loaded.alignment) == shapes(sample_alignment())
    assert not any(b.reviewed or b.note for b in loaded.alignment.beads)
    assert_invariants(loaded.alignment)


def test_the_file_is_readable_utf8_json_with_format_and_version():
    c = corrected()
    record = json.loads(save_project(c.alignment, c.history).decode("utf-8"))
    assert record["format"] == "aligner-project" and record["version"] == 1
    assert "习近平" in record["source"]["text"]  # not \\u-escaped
    assert record["beads"][0]["reviewed"] is True


def test_a_pairs_export_is_not_a_project():
    with pytest.raises(ProjectError, match="not an aligner project") as err:
        load_project(json.dumps({"pairs": []}).encode(), name="pairs.json")
    assert "pairs.json" in str(err.value)
    assert "Check pairs aligned elsewhere" in str(err.value) and "aligner check" in str(err.value)  # where it goes
    assert isinstance(err.value, InputError)


def test_binary_and_truncated_files_give_a_clear_error():
    data = save_project(corrected().alignment)
    with pytest.raises(ProjectError, match="not UTF-8 JSON"):
        load_project(b"\x89PNG\r\n\x1a\n\x00\x00", name="picture.png")
    with pytest.raises(ProjectError, match="not UTF-8 JSON"):
        load_project(data[: len(data) // 2])


def test_a_newer_version_asks_to_update():
    record = json.loads(save_project(corrected().alignment))
    record["version"] = 99
    with pytest.raises(ProjectError, match="version 99"):
        load_project(json.dumps(record).encode())


def test_pairs_that_lose_a_sentence_are_reported_as_damage():
    record = json.loads(save_project(corrected().alignment))
    record["beads"][0]["tgt"] = [0]  # ru 1 no longer in any pair
    with pytest.raises(ProjectError, match="damaged"):
        load_project(json.dumps(record).encode())


def test_offsets_outside_the_text_are_reported_as_damage():
    record = json.loads(save_project(corrected().alignment))
    record["source"]["text"] = record["source"]["text"][:20]
    with pytest.raises(ProjectError, match="outside the text"):
        load_project(json.dumps(record).encode())


def test_a_history_that_does_not_match_the_pairs_is_reported():
    c = corrected()
    record = json.loads(save_project(c.alignment, c.history))
    record["history"][0]["start"] = 0  # the merge was at pair 4
    with pytest.raises(ProjectError, match="history"):
        load_project(json.dumps(record).encode())


def test_the_aligners_doubt_survives_a_project_file_and_can_still_be_followed():
    from aligner.types import Doubt

    c = corrected()
    c.alignment.beads[0].doubt = Doubt("its last Russian sentence may belong to the pair after", "move",
                                       (0, "tgt", "down"))
    project = load_project(save_project(c.alignment, c.history))
    assert project.alignment.beads[0].doubt == c.alignment.beads[0].doubt
    assert all(b.doubt is None for b in project.alignment.beads[1:])
    Corrections(project.alignment, project.history).follow_doubt(0)
    assert shapes(project.alignment)[:2] == [((0,), (0,)), ((1,), (1, 2))]


def test_a_doubt_with_an_unknown_action_is_reported_as_damage():
    c = corrected()
    record = json.loads(save_project(c.alignment, c.history))
    record["beads"][0]["doubt"] = {"reason": "?", "action": "teleport", "args": []}
    with pytest.raises(ProjectError, match="teleport"):
        load_project(json.dumps(record).encode())


def test_a_project_comes_back_equal_to_what_was_saved():
    """A developer checks `load(save(a)) == a`: scores were rounded to 6 places and came back unequal."""
    c = corrected()
    c.alignment.beads[2].score = 2 / 3
    c.set_note(2, "a third")
    project = load_project(save_project(c.alignment, c.history))
    assert project.alignment.beads == c.alignment.beads
    assert project.history == c.history


def test_a_project_opens_from_its_path_or_its_json_text(tmp_path):
    c = corrected()
    path = tmp_path / "work.json"
    path.write_bytes(save_project(c.alignment, c.history))
    for given in (path, str(path), path.read_text(encoding="utf-8")):
        assert load_project(given).alignment.beads == load_project(path.read_bytes()).alignment.beads


def test_a_project_path_that_does_not_exist_is_named():
    with pytest.raises(ProjectError, match="no-such-work.json"):
        load_project("no-such-work.json")


def test_redo_works_after_loading_as_it_did_before_saving():
    """A reviewer undid their last correction, saved, and opened the project the next day: Undo took back the
    correction before it, but Redo was grey, the correction undone gone for good (the file kept no redo)."""
    c = corrected()
    c.undo()  # the note
    project = load_project(save_project(c.alignment, c.history, undone=c.undone))
    assert [e.description for e in project.undone] == ["noted pair 2"]
    loaded = Corrections(project.alignment, project.history)
    loaded.undone[:] = project.undone
    assert loaded.redo().description == "noted pair 2"
    assert loaded.alignment.beads[1].note == "«Пекин» — проверить"
    assert [e.description for e in loaded.history] == [e.description for e in corrected().history]
    for _ in range(3):
        loaded.undo()
    assert shapes(loaded.alignment) == shapes(sample_alignment()) and not loaded.alignment.beads[1].note


def test_corrections_undone_are_made_again_last_undone_first():
    c = corrected()
    c.undo()
    c.undo()
    c.undo()  # the merge, undone last: the first Redo makes it
    project = load_project(save_project(c.alignment, c.history, undone=c.undone))
    loaded = Corrections(project.alignment, project.history)
    loaded.undone[:] = project.undone
    assert [loaded.redo().description for _ in range(3)] == ["merged pair 4 with pair 5", "marked pair 1 reviewed",
                                                             "noted pair 2"]
    assert loaded.alignment.beads == corrected().alignment.beads


def test_a_project_saved_before_redo_was_kept_opens_with_nothing_to_redo():
    c = corrected()
    record = json.loads(save_project(c.alignment, c.history))
    assert "undone" not in record  # nothing undone: the file is as it always was
    assert load_project(json.dumps(record).encode()).undone == []


def test_corrections_undone_that_do_not_match_the_pairs_are_reported():
    c = corrected()
    c.undo()
    c.undo()  # the note and the mark
    record = json.loads(save_project(c.alignment, c.history, undone=c.undone))
    record["undone"][-1]["start"] = 3  # the mark was on pair 1
    with pytest.raises(ProjectError, match="damaged: its corrections undone do not match"):
        load_project(json.dumps(record).encode())
