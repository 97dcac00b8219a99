"""Errors a researcher can act on.

A :class:`UserError` is bad input or a missing resource, not a bug: the command line
prints its one-line message (which names the file and, where known, the row or line)
and exits with status 2, without a traceback.
"""


class UserError(Exception):
    """Bad input, reported as one line naming the file and the problem."""

    exit_status = 2


class CorpusError(UserError):
    """A corpus file or its metadata cannot be read."""


class ParameterError(UserError):
    """An unknown or ill-typed parameter."""


class CodebookError(UserError):
    """A codebook or configuration file has a bad entry."""
