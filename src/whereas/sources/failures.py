"""Why fetching one item failed, named after the condition (reported per item, the run goes on)."""

from __future__ import annotations

from whereas.errors import WhereasError


class FetchFailed(WhereasError):
    """One URL could not be fetched or its answer could not be used."""


class SourceNotFound(FetchFailed):
    """The service answered 404 or 410: the document is not (or no longer) there."""


class SourceUnavailable(FetchFailed):
    """The service stayed down, busy or silent after every retry."""


class RetryableAnswer(FetchFailed):
    """An answer worth asking again for: 429, a 5xx, a truncated body."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TruncatedBody(RetryableAnswer):
    """Fewer bytes than announced, or a JSON/XML/PDF document cut before its end."""


class UnexpectedContent(FetchFailed):
    """The bytes are not what was asked for: HTML in place of XML, a login page, an error page."""


class WrongLanguage(UnexpectedContent):
    """The file is in another language than the one asked for (French in place of English)."""
