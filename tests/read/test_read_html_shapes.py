"""Small HTML shapes and the text of each block the reader makes of them.

The one walk of the page (`_own_texts_in_one_walk`) has a branch for each shape: the tail of a
skipped subtree (script, style, noscript, template, svg), <br>, cells, a block child; the walk
node by node (pages with comments, PIs or entities) must give the same texts.
"""

from __future__ import annotations

import lxml.html
import pytest

from whereas.read import read_bytes
from whereas.read.blocks import squash
from whereas.read.html import _own_texts_node_by_node

SHAPES = [
    # An invisible element is skipped, its tail is not (and no space comes in its place).
    (b"<p>a<script>x</script>tail</p>", ["atail"]),
    (b"<p>a<style>x</style>tail</p>", ["atail"]),
    (b"<div>a<style>x</style>t<p>p</p>u</div>", ["at u", "p"]),
    (b"<p>a<script>x</script></p>tail<script>y</script>z", ["tailz", "a"]),
    # <br> is a space, however written; a trailing one is squashed away.
    (b"<p>a<br>b</p>", ["a b"]),
    (b"<p>a<br/>b</p>", ["a b"]),
    (b"<p>a<BR>b</p>", ["a b"]),
    (b"<p>a<br>b<br></p>", ["a b"]),
    # Cells are joined by " | "; a block inside a cell is a break there and a block of its own.
    (b"<table><tr><td>a</td><td>b<p>c</p>d</td><th>e</th></tr></table>", ["a | b d | e", "c"]),
    # A block inside an inline element: a break in the outer block's text.
    (b"<p>a<span>b<div>c</div>d</span>e</p>", ["ab de", "c"]),
    (b"<div>a<b>b</b>c</div>", ["abc"]),
    # Other invisible subtrees, block children and all: only their tails are read.
    (b"<div>a<noscript><p>n</p></noscript>after</div>", ["aafter"]),
    (b"<div><template><p>hidden</p></template>after</div>", ["after"]),
    (b"<div>a<svg><text>s</text></svg>b</div>", ["ab"]),
    (b"<div>a<noscript><p>n</p></noscript>after<svg><text>s</text></svg>t2</div>", ["aaftert2"]),
]  # fmt: skip


@pytest.mark.parametrize(("html", "texts"), SHAPES)
def test_block_texts_of_small_shapes(html: bytes, texts: list[str]) -> None:
    assert [block.text for block in read_bytes(html, name="page.html").blocks] == texts


@pytest.mark.parametrize(("html", "texts"), SHAPES)
def test_the_walk_node_by_node_gives_the_same_texts(html: bytes, texts: list[str]) -> None:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(html, parser=parser)
    owned = [squash(text) for _, text in _own_texts_node_by_node(root)]
    assert [text for text in owned if text] == texts
