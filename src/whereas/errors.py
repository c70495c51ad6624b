"""Exceptions of whereas, named after the condition they report."""

from __future__ import annotations


class WhereasError(Exception):
    """Base class of every error whereas raises on purpose."""


class RejectedDocument(WhereasError):
    """A file that cannot be used at all; the message is the reason shown to the user."""


class UnreadableDocument(RejectedDocument):
    """The bytes could not be read (I/O error, not a regular file, corrupt container)."""


class EmptyDocument(RejectedDocument):
    """The file has no bytes, or no text at all once read."""


class UnsupportedFormat(RejectedDocument):
    """The bytes are of no format whereas reads (binary noise, an unknown container)."""


class DocumentTooLarge(RejectedDocument):
    """The file, or what it expands to, passes a size limit (see config.Limits)."""


class UnknownReference(WhereasError):
    """A reference that names no procedure or document in the store."""


class InvalidReference(WhereasError):
    """A string that is not an EP reference in any known form."""


class StoreError(WhereasError):
    """The store cannot be opened or migrated."""


class UnknownCountry(WhereasError):
    """A name that is no country of the reference list (English name or ISO code)."""


# --- curation (issue 12) ----------------------------------------------------------------------


class UnknownReviewItem(WhereasError):
    """A review item key that names no machine value in the store."""


class InvalidDecision(WhereasError):
    """A decision that cannot be applied (unknown action, a correction without a value...)."""


class UnknownDocument(WhereasError):
    """A document id that is not in the store."""


class AccountExists(WhereasError):
    """An account with that user name exists already."""


class InvalidCredentials(WhereasError):
    """A user name and password that do not sign anyone in."""


class InsufficientRole(WhereasError):
    """The account's role does not allow the action (a reviewer purging, say)."""
