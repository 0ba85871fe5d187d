"""Damaged documents of every kind read give text or one clear InputError, never a traceback.

Each fixture (an EPUB, an ODT, a DOCX, RTFs, .docs, a saved page, an .mhtml, a PDF) is damaged many times
with a fixed seed, the way files get damaged: bytes overwritten, cut short, junk inserted, and, for
ZIP-based documents, members dropped, scrambled or truncated inside a well-formed archive. Each
kind of failure this found (a member name that is not UTF-8, a scrambled deflate stream, broken
XML inside a .docx, an RTF escape without digits, a PDF line of zero height) had escaped as a
traceback before; so had a .doc whose header gives an impossible sector size, which only longer runs
hit (tests/test_documents.py builds one).
"""
from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest

from aligner.errors import InputError
from aligner.reading import read_file

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FIXTURES = ["joint-statement.zh.epub", "joint-statement.ru.odt", "joint-statement.zh.rtf", "joint-statement.en.rtf",
            "joint-statement-page.zh.html", "joint-statement-page.ru.mhtml", "joint-statement-opening.en.pdf",
            "joint-statement.zh.doc", "word97-features.doc"]
ROUNDS = 60  # per file; every failure kind above shows within this many with these seeds


def _damage(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    kind = rng.random()
    if kind < 0.4:
        for _ in range(rng.randint(1, 50)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    elif kind < 0.7:
        del damaged[rng.randrange(len(damaged)):]
    else:
        at = rng.randrange(len(damaged))
        damaged[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 100)))
    return bytes(damaged)


def _damage_members(data: bytes, rng: random.Random) -> bytes:
    """The archive stays a valid ZIP; what is inside it is dropped, scrambled or cut short."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            member, roll = source.read(info.filename), rng.random()
            if roll < 0.15:
                continue
            if roll < 0.6 and member:
                member = _damage(member, rng)
            archive.writestr(info.filename, member)
    return out.getvalue()


@pytest.fixture(scope="module")
def word_document(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "statement.ru.docx"
    document = docx.Document()
    for paragraph in (ROOT / "texts" / "joint-statement.ru.txt").read_text(encoding="utf-8").split("\n\n")[:8]:
        document.add_paragraph(paragraph.strip())
    document.save(str(path))
    return path


@pytest.mark.parametrize("name", [*FIXTURES, "statement.ru.docx"])
def test_a_damaged_document_is_text_or_one_clear_error(name, word_document, tmp_path):
    original = word_document if name.endswith(".docx") else DATA / name
    data = original.read_bytes()
    rng = random.Random(name)
    zipped = original.suffix in (".epub", ".odt", ".docx")
    for round_number in range(ROUNDS):
        damaged = _damage_members(data, rng) if zipped and rng.random() < 0.7 else _damage(data, rng)
        path = tmp_path / original.name
        path.write_bytes(damaged)
        try:
            text = read_file(path)
        except InputError as error:
            assert str(path) in str(error) and "\n" not in str(error), (round_number, str(error))
        else:
            assert isinstance(text, str)
