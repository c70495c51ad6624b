"""Recognise fetched bytes before trusting them: format, declared language, completeness."""

from __future__ import annotations

import io
import json
import re
import zipfile

from lxml import etree

from whereas.sources.failures import TruncatedBody, UnexpectedContent, WrongLanguage

LANGUAGE_NAMES = {
    "bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "hr": "Croatian", "hu": "Hungarian", "it": "Italian", "lt": "Lithuanian",
    "lv": "Latvian", "mt": "Maltese", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
}
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']([A-Za-z]{2})\b", re.IGNORECASE)
# VOT files: <file language="EN">; RCV: <PV.RollCallVoteResults Document.Language="XL"> (all).
_XML_LANG = re.compile(rb"<(?:file|PV\.RollCallVoteResults)\b[^>]*?\b[Ll]anguage=\"([A-Za-z]{2})\"")


def sniff_format(body: bytes) -> str:
    """What the bytes are: pdf, docx (any zip), json, html, xml or text."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head[:1] in (b"{", b"["):
        return "json"
    lower = head.lower()
    if b"<!doctype html" in lower or b"<html" in lower:
        return "html"
    if head.startswith(b"<"):
        return "xml"
    return "text"


def declared_language(body: bytes, fmt: str) -> str | None:
    """The language the document says it is in (html lang, the EP vote XML attribute), if any."""
    pattern = _HTML_LANG if fmt == "html" else _XML_LANG if fmt == "xml" else None
    m = pattern.search(body[:8192]) if pattern else None
    if m is None:
        return None
    code = m[1].decode().lower()
    return code if code in LANGUAGE_NAMES else None


def check_body(body: bytes, expect: str, language: str | None) -> None:
    """Raise when the bytes are not a complete `expect` document in `language`."""
    if not body:
        raise TruncatedBody("empty body")
    found = sniff_format(body)
    if expect != "any" and found != expect:
        raise UnexpectedContent(f"{found.upper()} served in place of {expect.upper()}")
    declared = declared_language(body, found)
    if language and declared and declared != language:
        have, want = LANGUAGE_NAMES[declared], LANGUAGE_NAMES.get(language, language)
        raise WrongLanguage(f"{have} file in place of {want}")
    if expect != "any" or found != "html":  # any web page may omit </html>; EP pages never do
        check_complete(body, found)


def check_complete(body: bytes, fmt: str) -> None:
    """Raise TruncatedBody when a structured document stops before its end."""
    if fmt == "json":
        try:
            json.loads(body)
        except ValueError as exc:
            raise TruncatedBody(f"JSON cut short or broken: {exc}") from exc
    elif fmt == "xml":
        _check_xml(body)
    elif fmt == "pdf" and b"%%EOF" not in body[-2048:]:
        raise TruncatedBody("PDF without its %%EOF trailer")
    elif fmt == "docx":
        try:
            zipfile.ZipFile(io.BytesIO(body)).testzip()
        except (zipfile.BadZipFile, OSError) as exc:
            raise TruncatedBody(f"DOCX container cut short: {exc}") from exc
    elif fmt == "html" and b"</html" not in body[-65536:].lower():
        raise TruncatedBody("HTML page without its closing </html>")


def _check_xml(body: bytes) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise TruncatedBody(f"XML cut short or broken: {exc}") from exc
