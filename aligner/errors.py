"""Errors a user can act on. Each message names the file or side and says what to do."""


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
