"""Web addresses as input: pages, PDFs and text files fetched from a local server read exactly as the same files,
whatever their addresses look like; an address that cannot be fetched is one clear line."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.fetch import download_name, is_url, read_url
from aligner.reading import read_file
from conftest import ROUTES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
@pytest.mark.parametrize("route", list(ROUTES)[:7])
def test_a_fetched_address_reads_as_its_file(site, route):
    assert read_url(site + route) == read_file(ROUTES[route][0])


def test_the_reader_follows_the_content_type_not_the_address():
    assert download_name("https://www.fmprc.gov.cn/web/zyxw/t20220204.shtml", "text/html; charset=UTF-8") == \
        "t20220204.shtml.html"
    assert download_name("https://example.org/get?id=7", "application/pdf") == "get.pdf"
    assert download_name("https://example.org/", "") == "page.txt"
    assert download_name("https://example.org/a/statement.pdf", "application/octet-stream") == "statement.pdf"
    assert download_name("https://www.gov.cn/files/20220204.doc", "application/msword") == "20220204.doc"
    assert download_name("https://example.org/download?id=9", "application/msword") == "download.doc"
    assert download_name("https://example.org/notes", "text/rtf") == "notes.rtf"
    assert is_url("https://kremlin.ru/supplement/5770") and is_url(" HTTP://x.org") and not is_url("texts/a.txt")


@pytest.mark.parametrize("route, message", [
    ("/missing", "server answered 404"),
    ("/empty", "is empty"),
])
def test_an_address_without_text_is_one_clear_error(site, route, message):
    with pytest.raises(InputError, match=message) as error:
        read_url(site + route)
    assert site + route in str(error.value)


def test_an_address_nobody_answers_is_one_clear_error():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match=r"Cannot fetch .* check the address and the network, or save the page"):
        read_url(f"http://127.0.0.1:{port}/statement")


def test_align_takes_web_addresses_like_files(site, tmp_path):
    runner = CliRunner(env={"ALIGNER_CACHE_DIR": str(tmp_path / "cache"), "OMP_NUM_THREADS": "1"})
    pairs = {}
    for name, (zh, ru) in {"files": (str(DATA / "joint-statement-page.zh.html"), str(DATA / "joint-statement-page.ru.html")),
                           "web": (site + "/statement/zh", site + "/statement/ru")}.items():
        out = tmp_path / f"{name}.json"
        result = runner.invoke(main, ["align", zh, ru, "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        record = json.loads(out.read_text(encoding="utf-8"))
        pairs[name] = [(p["src"], p["tgt"], p["flags"]) for p in record["pairs"]]
        if name == "web":
            assert record["source"]["name"] == site + "/statement/zh"
    assert pairs["web"] == pairs["files"]
    result = runner.invoke(main, ["align", site + "/statement/zh", site + "/nowhere", "-q"])
    assert result.exit_code == 1 and "server answered 404" in result.output


def test_a_page_read_by_the_charset_its_server_names(site):
    # the page says nothing of its encoding, which is none a text file is read in; the HTTP header names it
    with pytest.raises(InputError, match="not in an encoding aligner can read"):
        read_file(DATA / "page-without-charset.ru.html")
    assert read_url(site + "/statement/iso-8859-5").split("\n\n") == [
        "Совместное заявление", "Главы государств провели переговоры в Пекине.", "Стороны заявляют о нижеследующем."]


def test_an_address_whose_name_cannot_be_looked_up_says_so_in_words():
    # .invalid is never a site's name (RFC 2606): looked up with a network or without, it is not found
    with pytest.raises(InputError) as error:
        read_url("https://statement.invalid/zh.html")
    message = str(error.value)
    assert message.startswith("Cannot fetch https://statement.invalid/zh.html: the name statement.invalid cannot be "
                              "looked up (no network here, or no such site)"), message
    assert "Errno" not in message and "save the page and give the file" in message


def test_an_address_nobody_answers_names_the_host_and_port_in_words():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError) as error:
        read_url(f"http://127.0.0.1:{port}/statement")
    assert f"nothing answers at 127.0.0.1:{port} (the connection was refused)" in str(error.value)
    assert "Errno" not in str(error.value)


def test_a_server_that_never_answers_is_said_to_have_given_no_answer(monkeypatch):
    import aligner.fetch as fetch

    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.3)
    with socket.socket() as silent:  # takes the connection, never sends a byte
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with pytest.raises(InputError) as error:
            read_url(f"http://127.0.0.1:{port}/statement")
    assert "127.0.0.1 did not answer within 0.3 seconds" in str(error.value), str(error.value)
