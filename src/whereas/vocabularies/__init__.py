"""Vocabularies shipped with whereas: political groups, countries, and the clause vocabularies."""
