"""What a reader gives: the text of a document with its structure, whatever the container."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Format = Literal["html", "xml", "pdf", "docx", "json", "csv", "markdown", "text"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row", "line"]


@dataclass(frozen=True)
class Block:
    """One visible unit of text (a paragraph, a heading, a list item, a table row, a line).

    `label` is a list number the container draws but the text lacks (DOCX automatic numbering);
    `path` locates the block in its source (an XPath, a JSON pointer, "page 3", "line 12");
    `start`/`end` are its offsets in `ReadDocument.text`.
    """

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0
    label: str | None = None
    path: str | None = None
    start: int = 0
    end: int = 0


@dataclass
class ReadDocument:
    """A document as read from its bytes: visible text, blocks, metadata and warnings.

    `text` is the blocks' texts joined by newlines (offsets in Block refer to it). `metadata`
    holds what the container says of itself (HTML <title> and <meta>, front matter, PDF info,
    DOCX core properties), keys lower case. `tree` is the parsed lxml tree for HTML and XML,
    `data` the parsed value for JSON and the rows (list of dicts) for CSV.
    """

    format: Format
    text: str
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    tree: Any = None
    data: Any = None
