"""The legal basis of a resolution ("pursuant to Rules 150(5) and 136(4)") and its type."""

from __future__ import annotations

from whereas.vocabularies.lexicon import LanguagePack
from whereas.vocabularies.rules_of_procedure import classify_rules


def rules_in(basis: str, pack: LanguagePack) -> list[tuple[int, str]]:
    """The rules a legal basis cites: (number, "150(5)")."""
    rules = []
    for pattern in pack.formulas.get("rule", ()):
        for found in pattern.finditer(basis):
            number, paragraph = found.group("rule"), found.group("paragraph")
            rules.append((int(number), f"{number}({paragraph})" if paragraph else number))
        if rules:
            break
    return rules


def legal_basis_entries(
    text: str, pack: LanguagePack, header: dict[str, str | list[str]], term: int | None
) -> int:
    """Record legal_basis, rules and resolution_type from `text`; the offset after the basis."""
    found = pack.match("legal_basis", text)
    if not found:
        return 0
    basis = " ".join(found.group("basis").split()).strip(" ,")
    rules = rules_in(basis, pack)
    header["legal_basis"] = basis
    header["rules"] = [printed for _, printed in rules]
    header["resolution_type"] = classify_rules([number for number, _ in rules], term)
    return found.end()
