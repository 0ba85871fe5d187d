"""`aligner ui`: open the review page (Streamlit) in the browser."""
from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
from pathlib import Path

import click

from aligner.errors import AlignerError
from aligner.reading import MAX_DOCUMENT_BYTES, MB

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"


def streamlit_command(port: int | None, headless: bool, app: Path = APP, project: Path | None = None) -> list[str]:
    """The `streamlit run` command line for the review page (`project`: the file it opens, given to the
    page as its script argument)."""
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--browser.gatherUsageStats", "false",
               "--client.toolbarMode", "minimal",
               # the page turns its own pagination (jump to a pair), which Streamlit would log as a warning
               "--global.disableWidgetStateDuplicationWarning", "true",
               # the upload box states the largest file the library reads (a PDF or e-book); a text
               # file over the text limit still gets the library's own error, with both sizes
               "--server.maxUploadSize", str(math.ceil(MAX_DOCUMENT_BYTES / MB))]
    if port is not None:
        command += ["--server.port", str(port)]
    if headless:
        command += ["--server.headless", "true"]
    if project is not None:
        command += ["--", str(project.resolve())]
    return command


def port_taken(port: int) -> bool:
    """Whether something already listens on `port` (as Streamlit will bind it: every interface, address reuse on)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("", port))
        except OSError:
            return True
    return False


@click.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(1, 65535), help="Port to serve on (default: Streamlit's, 8501).")
@click.option("--headless", is_flag=True, help="Do not open a browser window; just print the address.")
def ui(project: Path | None, port: int | None, headless: bool) -> None:
    """Open the review page: the sample texts aligned, corrections, downloads.

    PROJECT, a project file saved from the page, opens with its corrections, marks and notes instead
    of the sample, in every new tab, at the pair it was saved on."""
    if not APP.is_file():
        raise click.ClickException(
            f"The review page is not here ({APP}): it ships with the source checkout. "
            "Run `aligner ui` from an editable install (pip install -e .) of the repository."
        )
    if port is not None and port_taken(port):  # else Streamlit logs "not available" among its timestamps
        raise click.ClickException(f"Port {port} is in use (another `aligner ui`?); open that page, stop it, "
                                   "or pick another port with --port.")
    if project is not None:  # a file that is not a project is said here, not in the page after the server started
        from aligner.export.threeway import is_three_way_record, parse_json
        from aligner.project import load_project

        try:
            if project.is_file() and is_three_way_record(project.read_bytes()):  # saved from three columns
                parse_json(project.read_bytes(), str(project))
            else:
                load_project(project)
        except AlignerError as error:
            raise click.ClickException(str(error)) from None
    command = streamlit_command(port, headless, project=project)
    if os.name == "posix":  # become the server: one process to stop, signals go straight to it
        os.execv(command[0], command)
    try:
        sys.exit(subprocess.call(command))
    except KeyboardInterrupt:
        sys.exit(0)
