"""Texts from the web: `aligner align https://…zh.html https://…ru.html`.

Official statements and their translations are published as web pages and PDFs; a reviewer can
give their addresses instead of saving them. The download is read like a file of the same kind:
the server's content type (or the address's extension) picks the reader, so a page goes through
the article extraction of `web`, a PDF through `pdf`. Only http and https; one clear line when
the address cannot be fetched (no network, no such page, too large), with what to do instead.
"""
from __future__ import annotations

import re
import socket
import ssl
import urllib.error
import urllib.request
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from aligner import __version__
from aligner.errors import InputError
from aligner.reading import MAX_DOCUMENT_BYTES, MB, read_bytes

TIMEOUT_SECONDS = 30
MAX_DOWNLOAD_BYTES = MAX_DOCUMENT_BYTES  # as for a PDF or e-book file; the text itself is held to reading.MAX_BYTES
# The reader a content type asks for, as the extension a file of that kind would have.
CONTENT_SUFFIXES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "multipart/related": ".mhtml",
    "application/pdf": ".pdf", "application/epub+zip": ".epub", "text/plain": ".txt", "text/markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc", "application/rtf": ".rtf", "text/rtf": ".rtf",
    "application/vnd.oasis.opendocument.text": ".odt",
}
_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(name: str) -> bool:
    """True for an http(s) address (what `aligner align` and the UI take instead of a file)."""
    return bool(_URL.match(str(name).strip()))


def download_name(url: str, content_type: str) -> str:
    """A file name for the download: the address's last part, with the extension its content type implies."""
    stem = PurePosixPath(unquote(urlsplit(url).path)).name or "page"
    suffix = CONTENT_SUFFIXES.get(content_type.split(";")[0].strip().lower())
    if suffix is None:
        return stem if PurePosixPath(stem).suffix else stem + ".txt"
    return stem if PurePosixPath(stem).suffix.lower() == suffix else stem + suffix


def unreachable(url: str, reason: object) -> str:
    """Why nothing came back from `url`, in words: the system's "[Errno -2] Name or service not known" told a
    reviewer without a network nothing they could act on."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if isinstance(reason, socket.gaierror):
        return f"the name {host} cannot be looked up (no network here, or no such site)"
    if isinstance(reason, ConnectionRefusedError):
        return f"nothing answers at {parts.netloc or host} (the connection was refused)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"{host} did not answer within {TIMEOUT_SECONDS} seconds"
    if isinstance(reason, ssl.SSLError):
        return f"no secure connection could be made with {host} ({getattr(reason, 'reason', None) or reason})"
    return str(getattr(reason, "strerror", None) or reason)


def read_url(url: str) -> str:
    """The text at `url`, read by its kind, or InputError naming the address."""
    url = url.strip()
    request = urllib.request.Request(url, headers={"User-Agent": f"aligner/{__version__} (sentence alignment)",
                                                   "Accept": "text/html,application/pdf,*/*;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_DOWNLOAD_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as error:
        raise InputError(f"Cannot fetch {url}: the server answered {error.code} {error.reason}; "
                         "check the address.") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise InputError(f"Cannot fetch {url}: {unreachable(url, getattr(error, 'reason', error))}; check the "
                         "address and the network, or save the page and give the file.") from None
    if len(data) > MAX_DOWNLOAD_BYTES:
        raise InputError(f"{url} is larger than {MAX_DOWNLOAD_BYTES // MB} MB; save the text you need "
                         "and give the file.")
    if not data:
        raise InputError(f"{url} is empty: the server sent nothing to align.")
    name = download_name(url, content_type)
    if name.endswith(".html"):  # a charset named in the HTTP header, where the page names none
        from aligner.formats.web import with_charset

        data = with_charset(data, charset)
    try:
        return read_bytes(data, name)
    except InputError as error:  # name the address the user gave, not our file name for it
        raise InputError(str(error).replace(name, url, 1)) from None
