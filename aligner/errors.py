"""Errors a user can act on. Each message names the file or side and says what to do."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
# would write it, an option on the command line (--target-lang ru), a keyword in Python (target_lang="ru").
_COMMAND_LINE: ContextVar[bool] = ContextVar("aligner_command_line", default=False)


@contextmanager
def command_line_names() -> Iterator[None]:
    """Within it (the command line's commands), messages name settings by their command-line options."""
    token = _COMMAND_LINE.set(True)
    try:
        yield
    finally:
        _COMMAND_LINE.reset(token)


def setting(keyword: str, option: str) -> str:
    """A setting as a message names it: the library's `keyword` (target_lang="ru"), or the command line's
    `option` (--target-lang ru) when the work came from it."""
    return option if _COMMAND_LINE.get() else keyword
