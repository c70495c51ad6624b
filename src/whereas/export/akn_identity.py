"""The names an Akoma Ntoso file gives a resolution: FRBR URIs, EP identifiers, language codes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# ISO 639-1 (as the store keeps languages) -> ISO 639-2/T, which FRBRlanguage takes.
LANGUAGES = {
    "bg": "bul", "cs": "ces", "da": "dan", "de": "deu", "el": "ell", "en": "eng", "es": "spa",
    "et": "est", "fi": "fin", "fr": "fra", "ga": "gle", "hr": "hrv", "hu": "hun", "it": "ita",
    "lt": "lit", "lv": "lav", "mt": "mlt", "nl": "nld", "pl": "pol", "pt": "por", "ro": "ron",
    "sk": "slk", "sl": "slv", "sv": "swe", "mul": "mul",
}  # fmt: skip
KIND_NAMES = {
    "motion": ("bill", "motionForResolution", "Motion for a resolution"),
    "joint_motion": ("bill", "jointMotionForResolution", "Joint motion for a resolution"),
    "text_adopted": ("act", "resolution", "Resolution"),
}
_MOTION = re.compile(r"^(?P<rc>RC-)?B(?P<term>\d{1,2})-(?P<num>\d{4})/(?P<year>\d{4})$")
_ADOPTED = re.compile(r"^P(?P<term>\d{1,2})_TA(?:-PROV)?\((?P<year>\d{4})\)(?P<num>\d{4})$")
UNKNOWN_DATE = "0001-01-01"


def doceo_id(reference: str | None) -> str | None:
    """The doceo / Open Data Portal form of a B, RC-B or P_TA reference (B-9-2022-0065)."""
    if not reference:
        return None
    if m := _MOTION.match(reference):
        prefix = "RC" if m["rc"] else "B"
        return f"{prefix}-{m['term']}-{m['year']}-{m['num']}"
    if m := _ADOPTED.match(reference):
        return f"TA-{m['term']}-{m['year']}-{m['num']}"
    return None


def language3(language: str | None) -> str:
    """The ISO 639-2/T code of a stored language (und when unknown)."""
    return LANGUAGES.get(language or "", "und")


def work_uri(doc: Mapping[str, Any]) -> str:
    """The FRBR work URI: /akn/eu/<type>/ep/<date>/<doceo id or document id prefix>."""
    akn_type = KIND_NAMES[doc["kind"]][0]
    name = (doceo_id(doc.get("reference")) or f"doc-{doc['id'][:16]}").lower()
    return f"/akn/eu/{akn_type}/ep/{doc.get('date') or UNKNOWN_DATE}/{name}"


def aliases(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(name, value) of every EP identifier of the document: human, doceo, ODP, procedure."""
    out: list[tuple[str, str]] = []
    reference = doc.get("reference")
    if reference:
        out.append(("reference", reference))
    if doceo := doceo_id(reference):
        out += [("doceo", doceo), ("eli", f"eli/dl/doc/{doceo}")]
    if doc.get("procedure"):
        out.append(("procedure", doc["procedure"]))
        number = doc["procedure"].split("(")[0].replace("/", "-")
        out.append(("eli-procedure", f"eli/dl/proc/{number}"))
    return out


def file_name(doc: Mapping[str, Any]) -> str:
    """The file of one resolution in one language: <doceo id>_<language>.xml."""
    name = doceo_id(doc.get("reference")) or f"doc-{doc['id'][:16]}"
    return f"{name}_{doc.get('language') or 'und'}.xml"
