"""Errors a user can act on. Each message names the file or side and says what to do."""


class AlignerError(Exception):
    """Base for every error the command line and the UI show as one clear line."""


class InputError(AlignerError):
    """A file or text cannot be used: empty, binary, undecodable or too large."""


class LanguageError(AlignerError):
    """A side is in a language we do not support, or both sides are the same language."""


class ModelUnavailableError(AlignerError):
    """The requested encoder cannot be loaded (e.g. not cached and no network)."""
