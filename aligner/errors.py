"""Errors a user can act on. Each message names the file or side and says what to do."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar


class AlignerError(Exception):
    """Base for every error the command line and the UI show as one clear line."""


class InputError(AlignerError):
    """A file or text cannot be used: empty, binary, undecodable or too large."""


class LanguageError(AlignerError):
    """A side is in a language we do not support, or both sides are the same language."""


class ModelUnavailableError(AlignerError):
    """The requested encoder cannot be loaded (e.g. not cached and no network)."""


class AlignerWarning(RuntimeWarning):
    """Something a user should know that did not stop the work (e.g. the embedding cache is unusable).

    Its own class so the command line can print the product's warnings as one plain line, like its
    errors, and leave other libraries' warnings to Python. A RuntimeWarning, as these were before."""


# Which front door the work came through: a message that tells the user what to set names the setting as they
# would set it, an option on the command line (--target-lang ru), a keyword in Python (target_lang="ru"), a
# control on the review page ("Language of the translation: Russian").
_FRONT_DOOR: ContextVar[str] = ContextVar("aligner_front_door", default="library")


@contextmanager
def _front_door(name: str) -> Iterator[None]:
    token = _FRONT_DOOR.set(name)
    try:
        yield
    finally:
        _FRONT_DOOR.reset(token)


def command_line_names() -> AbstractContextManager[None]:
    """Within it (the command line's commands), messages name settings by their command-line options."""
    return _front_door("command line")


def page_names() -> AbstractContextManager[None]:
    """Within it (the review page's work), messages name settings by the page's controls."""
    return _front_door("page")


def setting(keyword: str, option: str, control: str = "") -> str:
    """A setting as a message names it: the library's `keyword` (target_lang="ru"), the command line's
    `option` (--target-lang ru) when the work came from it, or the review page's `control` (the option
    where the page has none)."""
    return {"command line": option, "page": control or option}.get(_FRONT_DOOR.get(), keyword)
