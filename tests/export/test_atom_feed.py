"""The Atom feed: valid Atom, newest first, filtered by country and by theme."""

from __future__ import annotations

from lxml import etree
from typer.testing import CliRunner

from whereas.cli import app
from whereas.export.atom import ATOM

NS = {"a": ATOM}


def _feed(sample_store: str, *args: str) -> etree._Element:
    result = CliRunner().invoke(app, ["export", "-f", "atom", "--db", sample_store, *args])
    assert result.exit_code == 0, result.output
    return etree.fromstring(result.stdout.encode("utf-8"))


def _check_atom(feed: etree._Element) -> list[etree._Element]:
    """RFC 4287: the feed and every entry have an id, a title and an updated time."""
    assert feed.tag == f"{{{ATOM}}}feed"
    for el in [feed, *feed.iterfind("a:entry", NS)]:
        for tag in ("id", "title", "updated"):
            assert len(el.findall(f"a:{tag}", NS)) == 1, (tag, etree.tostring(el)[:200])
    assert feed.find("a:author/a:name", NS) is not None
    assert "European Parliament" in (feed.findtext("a:rights", namespaces=NS) or "")
    return feed.findall("a:entry", NS)


def test_the_whole_feed_is_newest_first(sample_store: str) -> None:
    entries = _check_atom(_feed(sample_store))
    updated = [e.findtext("a:updated", namespaces=NS) or "" for e in entries]
    assert updated == sorted(updated, reverse=True)
    ids = [e.findtext("a:id", namespaces=NS) or "" for e in entries]
    assert "urn:whereas:procedure:2025%2F2691(RSP)" in ids
    assert len(ids) == len(set(ids))


def test_country_filter(sample_store: str) -> None:
    ukraine = _check_atom(_feed(sample_store, "--country", "Ukraine"))
    titles = [e.findtext("a:title", namespaces=NS) or "" for e in ukraine]
    assert any(t.startswith("2025/2691(RSP)") for t in titles)
    assert any(t.startswith("RC-B10-0249/2025") for t in titles)
    assert not any("Kazach" in t or "Myanmar" in t for t in titles)
    myanmar = _check_atom(_feed(sample_store, "--country", "MMR"))
    assert any("2021/2540(RSP)" in (e.findtext("a:title", namespaces=NS) or "") for e in myanmar)


def test_theme_filter(sample_store: str) -> None:
    entries = _check_atom(_feed(sample_store, "--theme", "children"))
    assert entries
    for entry in entries:
        terms = {c.get("term") for c in entry.iterfind("a:category", NS)}
        assert "children" in terms or "procedure" in terms


def test_unknown_filters_are_usage_errors(sample_store: str) -> None:
    for args in (["--country", "Narnia"], ["--theme", "no_such_theme"]):
        result = CliRunner().invoke(app, ["export", "-f", "atom", "--db", sample_store, *args])
        assert result.exit_code == 2, args
