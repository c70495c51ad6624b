"""The query language: words, "quoted phrases", AND/OR/NOT, -exclusion, prefix*, parentheses.

Parsing never fails: a stray operator, an unbalanced quote or parenthesis is read the forgiving way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 1000
MAX_NODES = 64  # words and phrases kept from one query
MAX_DEPTH = 16  # nested parentheses beyond this are ignored

OPERATORS = frozenset({"AND", "OR", "NOT"})
_LEXEME = re.compile(r'\s+|-+(?=["(])|"[^"]*"?|\(|\)|[^\s"()]+')


@dataclass(frozen=True)
class Word:
    """A word as typed; `prefix` when it ended with *."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other."""

    text: str


@dataclass(frozen=True)
class Not:
    """Entries that do not match `child`."""

    child: Node


@dataclass(frozen=True)
class And:
    """Entries that match every child."""

    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """Entries that match any child."""

    children: tuple[Node, ...]


Node = Word | Phrase | Not | And | Or


def lex(query: str) -> list[str]:
    """The lexemes of `query`: phrases with their quotes, parentheses, and runs of other text."""
    lexemes: list[str] = []
    text = query[:MAX_QUERY_CHARS]
    for match in _LEXEME.finditer(text):
        lexeme = match.group()
        if lexeme.strip("-") == "" and text[match.end() : match.end() + 1] in {'"', "("}:
            lexemes.append("NOT")  # -"a phrase", -(a group)
        elif lexeme.strip():
            lexemes.extend(_split_negation(lexeme))
    return lexemes


def _split_negation(lexeme: str) -> list[str]:
    # "-torture" and -"a phrase" are NOT; a dash alone is nothing; "B9-0065" keeps its dash.
    if lexeme.startswith("-"):
        rest = lexeme.lstrip("-")
        return ["NOT", rest] if rest else []
    return [lexeme]


def parse(query: str) -> Node | None:
    """The tree of `query`, or None when nothing searchable is left."""
    parser = _Parser(lex(query))
    node = parser.or_expr(0)
    while not parser.done():  # a stray ")" ended the expression early: read on
        parser.pos += 1
        more = parser.or_expr(0)
        node = _join(And, [n for n in (node, more) if n is not None])
    return node


def _join(kind: type[And] | type[Or], nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    if len(nodes) == 1:
        return nodes[0]
    return kind(tuple(nodes))


class _Parser:
    """Recursive descent over lexemes; NOT binds tighter than AND, AND tighter than OR."""

    def __init__(self, lexemes: list[str]) -> None:
        self.lexemes = lexemes
        self.pos = 0
        self.nodes = 0

    def done(self) -> bool:
        return self.pos >= len(self.lexemes)

    def peek(self) -> str | None:
        return None if self.done() else self.lexemes[self.pos]

    def or_expr(self, depth: int) -> Node | None:
        parts = [self.and_expr(depth)]
        while self.peek() == "OR":
            self.pos += 1
            parts.append(self.and_expr(depth))
        return _join(Or, [p for p in parts if p is not None])

    def and_expr(self, depth: int) -> Node | None:
        parts: list[Node] = []
        while not self.done() and self.peek() not in {"OR", ")"}:
            if self.peek() == "AND":
                self.pos += 1
                continue
            node = self.unary(depth)
            if node is not None:
                parts.append(node)
        return _join(And, parts)

    def unary(self, depth: int) -> Node | None:
        negated = False
        while self.peek() == "NOT":
            self.pos += 1
            negated = not negated
        node = self.atom(depth)
        if node is None or not negated:
            return node
        return Not(node)

    def atom(self, depth: int) -> Node | None:
        lexeme = self.peek()
        if lexeme is None or lexeme in {"OR", ")"}:
            return None
        self.pos += 1
        if lexeme == "(":
            return self.group(depth)
        if self.nodes >= MAX_NODES:
            return None
        self.nodes += 1
        if lexeme.startswith('"'):
            return Phrase(lexeme.strip('"'))
        if lexeme.endswith("*"):
            return Word(lexeme.rstrip("*"), prefix=True)
        return Word(lexeme)

    def group(self, depth: int) -> Node | None:
        if depth >= MAX_DEPTH:
            return None  # the "(" is dropped; its content is read at this level
        node = self.or_expr(depth + 1)
        if self.peek() == ")":
            self.pos += 1
        return node
