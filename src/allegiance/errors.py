"""The one root exception and its builtin-flavoured subclasses.

The library raises these; only the CLI and the web app turn them into an error
line or an HTTP status.
"""

from __future__ import annotations


class AllegianceError(Exception):
    """Root of every error this package raises on purpose."""


class InputError(ValueError, AllegianceError):
    """Bad input from a user: a malformed file, an unknown code, a wrong option."""


class NotFoundError(LookupError, AllegianceError):
    """A document, claim, actor or weapon that is not there."""


class StoreError(AllegianceError):
    """The claim store cannot be opened, migrated or written."""
