"""Sentence vectors of clause texts: one Embedder interface, a model and a lexical fallback."""

from whereas.embed.base import Embedder, text_hash
from whereas.embed.cache import vectors_for
from whereas.embed.choose import default_embedder
from whereas.embed.e5 import E5Embedder
from whereas.embed.lexical import LexicalEmbedder

__all__ = [
    "E5Embedder",
    "Embedder",
    "LexicalEmbedder",
    "default_embedder",
    "text_hash",
    "vectors_for",
]
