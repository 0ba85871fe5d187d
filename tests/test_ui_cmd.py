"""`aligner ui`: what the command line says before handing over to Streamlit."""
from __future__ import annotations

import socket

from click.testing import CliRunner

from aligner.cli import main
from aligner.cli import ui_cmd


def never_become_streamlit(monkeypatch) -> list:
    """Record the command `aligner ui` would run instead of replacing the test process with it."""
    started = []

    def execv(*args):
        started.append(args)
        raise SystemExit(0)

    monkeypatch.setattr(ui_cmd.os, "execv", execv)
    monkeypatch.setattr(ui_cmd.subprocess, "call", lambda *args, **kw: started.append(args) or 0)
    return started


def test_a_port_already_in_use_is_one_clear_line_not_a_server_log(monkeypatch):
    """Streamlit logged 'Port N is not available' between its own timestamps; say what to do instead."""
    started = never_become_streamlit(monkeypatch)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["ui", "--headless", "--port", str(port)])
    assert started == []
    assert result.exit_code == 1
    assert f"Port {port} is in use" in result.output and "--port" in result.output


def test_a_free_port_goes_to_streamlit(monkeypatch):
    started = never_become_streamlit(monkeypatch)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(main, ["ui", "--headless", "--port", str(port)])
    assert result.exit_code == 0 and len(started) == 1 and str(port) in started[0][-1]


def test_a_project_given_goes_to_the_page_and_a_file_that_is_not_one_is_said_at_once(monkeypatch, tmp_path):
    from aligner.project import save_project
    from sample_pairs import sample_alignment

    started = never_become_streamlit(monkeypatch)
    project = tmp_path / "review.project.json"
    project.write_bytes(save_project(sample_alignment()))
    result = CliRunner().invoke(main, ["ui", "--headless", str(project)])
    assert result.exit_code == 0 and started[0][-1][-2:] == ["--", str(project.resolve())]
    pairs = tmp_path / "pairs.json"
    pairs.write_text('{"pairs": []}', encoding="utf-8")
    result = CliRunner().invoke(main, ["ui", "--headless", str(pairs)])
    assert result.exit_code == 1 and "not an aligner project" in result.output and len(started) == 1


def test_a_three_column_project_given_goes_to_the_page_too(monkeypatch, tmp_path):
    """The project saved from the three-column page (its JSON record) is a project too, not 'not an aligner project'."""
    from aligner.export.threeway import render
    from test_threeway import three_way

    started = never_become_streamlit(monkeypatch)
    project = tmp_path / "statement.zh-ru-en.project.json"
    project.write_bytes(render(three_way(), "json"))
    result = CliRunner().invoke(main, ["ui", "--headless", str(project)])
    assert result.exit_code == 0, result.output
    assert started[0][-1][-2:] == ["--", str(project.resolve())]
    project.write_text('{"format": "aligner-threeway", "version": 1}', encoding="utf-8")
    result = CliRunner().invoke(main, ["ui", "--headless", str(project)])
    assert result.exit_code == 1 and "damaged" in result.output and len(started) == 1


def test_a_port_no_server_can_have_is_a_command_line_mistake_not_a_traceback(monkeypatch):
    """--port 99999 (a digit too many) ended in Python's OverflowError from the port check."""
    started = never_become_streamlit(monkeypatch)
    for port in ("99999", "0", "-1"):
        result = CliRunner().invoke(main, ["ui", "--headless", "--port", port])
        assert started == [] and result.exit_code == 2, result.output
        assert result.output.startswith(f"Error: Invalid value for '--port': {port} is not in the range 1<=x<=65535.")
        assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
