"""Errors a researcher can act on.

A :class:`UserError` is bad input or a missing resource, not a bug: the command line
prints its one-line message (which names the file and, where known, the row or line)
and exits with status 2, without a traceback.
"""


import unicodedata


def one_line(message: str) -> str:
    """A message safe to print on one terminal line: line breaks, escape sequences and other
    control or format characters (which a file name or an article may hold) shown escaped.

    >>> one_line("bad\\nfile\\x1b[31m.txt")
    'bad\\\\nfile\\\\x1b[31m.txt'
    """
    return "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else
                   repr(ch)[1:-1] for ch in message)


class UserError(Exception):
    """Bad input, reported as one line naming the file and the problem."""

    exit_status = 2


class CorpusError(UserError):
    """A corpus file or its metadata cannot be read."""


class ParameterError(UserError):
    """An unknown or ill-typed parameter."""


class CodebookError(UserError):
    """A codebook or configuration file has a bad entry."""
