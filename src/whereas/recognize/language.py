"""The language of a document: what the container says first, else identified on a sample."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from whereas.read.document import ReadDocument

EU_LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)
MULTILINGUAL = "mul"
# ISO 639-2 codes and EP document codes ("XL": all languages in one file).
_OTHER_CODES = {
    "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "ces": "cs", "cze": "cs",
    "xl": MULTILINGUAL, "mul": MULTILINGUAL,
}
METADATA_LANGUAGE_KEYS = (
    "lang", "language", "inlanguage", "content-language", "dc.language", "dcterms.language",
    "og:locale", "xml:lang",
)
SAMPLE_CHARS = 4_000
MIN_SAMPLE_CHARS = 40


def normalise_language(value: str) -> str | None:
    """An EU language code ("en", "mul") from "en-GB", "EN", "fr_FR", "fra", "XL"; else None."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    code = _OTHER_CODES.get(code, code)
    return code if code in EU_LANGUAGES or code == MULTILINGUAL else None


def language_from_metadata(metadata: dict[str, str]) -> str | None:
    """The language the container declares (html lang, meta language, front matter)."""
    for key in METADATA_LANGUAGE_KEYS:
        value = metadata.get(key)
        if value:
            found = normalise_language(value)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(EU_LANGUAGES))
    return identifier


def sample_text(blocks: Iterable[str], limit: int = SAMPLE_CHARS) -> str:
    """Prose to identify a language on: sentence-like blocks (no menus, no names), capped."""
    picked: list[str] = []
    size = 0
    for text in blocks:
        if len(text) < MIN_SAMPLE_CHARS or " " not in text.strip():
            continue
        picked.append(text)
        size += len(text)
        if size >= limit:
            break
    return "\n".join(picked)[:limit]


def identify_language(text: str) -> tuple[str | None, float]:
    """The EU language of `text` by py3langid, with its probability; (None, 0) on too little."""
    if len(text.strip()) < MIN_SAMPLE_CHARS:
        return None, 0.0
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def is_multilingual_data(data: Any) -> bool:
    """Whether parsed JSON carries labels keyed by many EU languages (ODP records)."""
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < 5_000:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            if sum(1 for key in item if key in EU_LANGUAGES) >= 5:
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def document_language(doc: ReadDocument) -> tuple[str | None, float]:
    """The document's language with a confidence: declared, multilingual data, or identified."""
    declared = language_from_metadata(doc.metadata)
    if declared is not None:
        return declared, 1.0
    if doc.format == "json" and is_multilingual_data(doc.data):
        return MULTILINGUAL, 0.9
    blocks = [b.text for b in doc.blocks] if doc.blocks else doc.text[:SAMPLE_CHARS * 4].split("\n")
    return identify_language(sample_text(blocks))
