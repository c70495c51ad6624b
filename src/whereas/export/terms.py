"""The provenance and terms every export carries: where its data came from and on what terms.

Built from the exported documents alone (no clock, no machine name), so that two exports of one
store, or of a store re-imported from an export, carry the same provenance byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

GENERATOR = "whereas"
Term = dict[str, str | None]

EP_NOTICE: Term = {
    "id": "ep-legal-notice",
    "name": "European Parliament legal notice",
    "notice": "© European Union, source: European Parliament. Reuse is authorised, "
    "provided the source is acknowledged.",
    "url": "https://www.europarl.europa.eu/legal-notice/en/",
    "applies_to": "documents published by the European Parliament (doceo, Open Data Portal, "
    "Legislative Observatory, press room) and tables derived from them",
}
VOCABULARIES: Term = {
    "id": "cc-by-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "notice": "Political groups and countries: EU Vocabularies, Publications Office of the "
    "European Union, as compiled by HowTheyVote.eu.",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "applies_to": "group codes and labels, country codes and names",
}
DATASETS: Term = {
    "id": "derived-datasets",
    "name": "Datasets derived from European Parliament records",
    "notice": "Tables compiled by others from the EP's records (such as HowTheyVote.eu or "
    "mepwatch.eu/parlparse vote tables): the EP legal notice applies to the records; credit "
    "the compiler named in the source.",
    "url": None,
    "applies_to": "documents of kind dataset",
}
THIRD_PARTY: Term = {
    "id": "third-party",
    "name": "Rights of the publisher",
    "notice": "Press releases of political groups, news and statements by other publishers "
    "remain under their publishers' terms; whereas keeps extracts and the source address "
    "for reference and checking.",
    "url": None,
    "applies_to": "documents whose publisher is not the European Parliament",
}
_EP_HOSTS = ("europarl.europa.eu",)
_EP_KINDS = frozenset({
    "motion", "joint_motion", "text_adopted", "report", "amendments", "procedure_file",
    "procedure_summary", "vote_results", "roll_call", "sitting", "minutes", "debate", "people",
})  # fmt: skip


def origin(document: Mapping[str, Any]) -> str:
    """Who an exported document comes from: european_parliament, datasets or other_publishers."""
    url = (document.get("source") or {}).get("url")
    host = urlsplit(url).hostname or "" if url else ""
    if any(host == h or host.endswith("." + h) for h in _EP_HOSTS):
        return "european_parliament"
    if document.get("kind") == "dataset":
        return "datasets"
    publisher = (document.get("publisher") or "").casefold()
    if not url and ("european parliament" in publisher or document.get("kind") in _EP_KINDS):
        return "european_parliament"
    return "other_publishers"


def provenance(documents: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The provenance block of an export: terms that apply and every source address."""
    urls: set[str] = set()
    files = 0
    counts = dict.fromkeys(("european_parliament", "datasets", "other_publishers"), 0)
    for doc in documents:
        url = (doc.get("source") or {}).get("url")
        if url:
            urls.add(url)
        else:
            files += 1
        counts[origin(doc)] += 1
    terms = [EP_NOTICE, VOCABULARIES]
    if counts["datasets"]:
        terms.append(DATASETS)
    if counts["other_publishers"]:
        terms.append(THIRD_PARTY)
    return {
        "generator": GENERATOR,
        "terms": terms,
        "documents": counts,
        "source_urls": sorted(urls),
        "documents_from_files": files,
    }


def terms_text(block: Mapping[str, Any]) -> str:
    """The provenance block as plain text (the TERMS.txt of zipped exports)."""
    lines = [f"Made by {block['generator']}.", ""]
    for term in block["terms"]:
        lines += [f"{term['name']} ({term['id']})", f"  {term['notice']}"]
        lines += [f"  Applies to: {term['applies_to']}"]
        if term["url"]:
            lines.append(f"  {term['url']}")
        lines.append("")
    counts = block["documents"]
    lines.append(
        f"Documents: {counts['european_parliament']} from the European Parliament, "
        f"{counts['datasets']} datasets, {counts['other_publishers']} from other publishers, "
        f"{block['documents_from_files']} read from local files (no address)."
    )
    lines += ["Source addresses:", *(f"  {u}" for u in block["source_urls"]), ""]
    return "\n".join(lines)
