"""The one exception users see: input that cannot be read, named with its file."""

from __future__ import annotations


class PolicyLedgerError(Exception):
    """Base class for errors that are reported to the user as one clear line."""


class InputError(PolicyLedgerError):
    """A file that cannot be ingested; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class NotFoundError(PolicyLedgerError):
    """A document (or other object) named by the user does not exist."""
