"""Fixtures shared by several test files."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# address -> (file served, content type), as sites serve them: often no extension, sometimes a misleading one
ROUTES = {
    "/statement/zh": (DATA / "joint-statement-page.zh.html", "text/html"),  # GB18030, declared in the page
    "/statement/ru": (DATA / "joint-statement-page.ru.html", "text/html; charset=utf-8"),
    "/docs/download?id=7": (DATA / "joint-statement-opening.en.pdf", "application/pdf"),
    "/texts/joint-statement.ru.txt": (ROOT / "texts" / "joint-statement.ru.txt", "text/plain"),
    "/books/statement": (DATA / "joint-statement.en.epub", "application/epub+zip"),
    "/files/20220204.doc": (DATA / "joint-statement.zh.doc", "application/msword"),
    "/files/getfile?id=5": (DATA / "joint-statement-page.ru.mhtml", "application/msword"),  # a web page saved as .doc
    "/empty": (None, "text/html"),
    "/statement/iso-8859-5": (DATA / "page-without-charset.ru.html", "text/html; charset=ISO-8859-5"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        path, content_type = route
        body = path.read_bytes() if path else b""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def site():
    """A web server on this machine serving the test pages, PDFs and books at the addresses of ROUTES.

    A proxy set on the machine must not carry the requests to it, so loopback bypasses any."""
    patch = pytest.MonkeyPatch()
    patch.setenv("no_proxy", "127.0.0.1,localhost")
    patch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    patch.undo()
