"""Every resolution (motion, joint motion, text adopted) as Akoma Ntoso 3.0 XML.

One file per resolution and language, made from the stored document of that text with the most
clauses (the other containers of the same text are listed as its sources). Citations and recitals
go in the preamble, paragraphs and their points in the body; a document whose clauses were not
parsed keeps its text, unstructured, in one hcontainer (missing structure, never invented).
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy.orm import Session

from whereas.export.akn_identity import (
    KIND_NAMES,
    UNKNOWN_DATE,
    aliases,
    file_name,
    language3,
    work_uri,
)
from whereas.export.json_export import build_export
from whereas.export.terms import provenance, terms_text

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
WHEREAS_NS = "urn:whereas:provenance"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
Doc = Mapping[str, Any]


def _e(tag: str, parent: etree._Element | None = None, text: str | None = None,
       **attrs: str) -> etree._Element:  # fmt: skip
    el = (
        etree.Element(f"{{{AKN}}}{tag}", nsmap={None: AKN})  # type: ignore[dict-item]
        if parent is None
        else (etree.SubElement(parent, f"{{{AKN}}}{tag}"))
    )
    for key, value in attrs.items():
        el.set(key.rstrip("_"), value)
    if text is not None:
        el.text = text
    return el


def _frbr(parent: etree._Element, level: str, this: str, uri: str, date: str, author: str,
          extra: Iterable[tuple[str, dict[str, str]]] = ()) -> None:  # fmt: skip
    el = _e(level, parent)
    _e("FRBRthis", el, value=this)
    _e("FRBRuri", el, value=uri)
    for tag, attrs in extra:
        if tag != "FRBRlanguage" and tag != "FRBRcountry" and tag != "FRBRnumber":
            _e(tag, el, **attrs)
    _e("FRBRdate", el, date=date, name="document" if date != UNKNOWN_DATE else "unknown")
    _e("FRBRauthor", el, href=author)
    for tag, attrs in extra:
        if tag in {"FRBRcountry", "FRBRnumber", "FRBRlanguage"}:
            _e(tag, el, **attrs)


def _meta(root: etree._Element, doc: Doc, sources: list[Doc], block: Mapping[str, Any]) -> None:
    meta = _e("meta", root)
    ident = _e("identification", meta, source="#whereas")
    work, date = work_uri(doc), doc.get("date") or UNKNOWN_DATE
    expr = f"{work}/{language3(doc.get('language'))}@"
    names: list[tuple[str, dict[str, str]]] = [
        ("FRBRalias", {"name": n, "value": v}) for n, v in aliases(doc)
    ]
    names.append(("FRBRcountry", {"value": "eu"}))
    if doc.get("reference"):
        names.append(("FRBRnumber", {"value": doc["reference"]}))
    _frbr(ident, "FRBRWork", f"{work}/!main", work, date, "#ep", names)
    language = [("FRBRlanguage", {"language": language3(doc.get("language"))})]
    _frbr(ident, "FRBRExpression", f"{expr}/!main", expr, date, "#ep", language)
    _frbr(ident, "FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn", date, "#whereas")
    _references(meta, doc)
    _proprietary(meta, sources, block)


def _references(meta: etree._Element, doc: Doc) -> None:
    refs = _e("references", meta, source="#whereas")
    _e("TLCOrganization", refs, eId="ep", href="/ontology/organization/eu/ep",
       showAs="European Parliament")  # fmt: skip
    _e("TLCOrganization", refs, eId="whereas", href="/ontology/organization/whereas",
       showAs="whereas")  # fmt: skip
    for group in _groups(doc):
        _e("TLCOrganization", refs, eId=_group_id(group),
           href=f"/ontology/organization/eu/ep/group/{group.lower()}", showAs=group)  # fmt: skip


def _proprietary(meta: etree._Element, sources: list[Doc], block: Mapping[str, Any]) -> None:
    prop = _e("proprietary", meta, source="#whereas")
    root = etree.SubElement(prop, f"{{{WHEREAS_NS}}}provenance", nsmap={"w": WHEREAS_NS})
    for src in sources:
        s = src["source"]
        etree.SubElement(root, f"{{{WHEREAS_NS}}}source", {
            "document": src["id"], "path": s["path"] or "", "url": s["url"] or "",
        })  # fmt: skip
    for term in block["terms"]:
        el = etree.SubElement(root, f"{{{WHEREAS_NS}}}terms", {"id": term["id"]})
        el.text = term["notice"]


def _groups(doc: Doc) -> list[str]:
    found = list(doc.get("groups") or [])
    found += [a["group"] for a in doc.get("authors", []) if a.get("group")]
    return list(dict.fromkeys(found))


def _group_id(code: str) -> str:
    return "group-" + "".join(ch if ch.isalnum() else "-" for ch in code.lower())


def _preface(root: etree._Element, doc: Doc) -> None:
    preface = _e("preface", root)
    long_title = _e("p", _e("longTitle", preface))
    doc_type = _e("docType", long_title, KIND_NAMES[doc["kind"]][2])
    doc_type.tail = " "
    if doc.get("reference"):
        _e("docNumber", long_title, doc["reference"]).tail = " "
    _e("docTitle", long_title, doc.get("title") or "")
    if doc.get("date"):
        _e("docDate", _e("p", preface), doc["date"], date=doc["date"])
    if groups := _groups(doc):
        tabled = _e("container", preface, name="tabledBy")
        for group in groups:
            _e("docProponent", _e("p", tabled), group, refersTo=f"#{_group_id(group)}")
    if doc.get("authors"):
        authors = _e("container", preface, name="authors")
        for a in doc["authors"]:
            _e("p", authors, f"{a['name']} ({a['group']})" if a.get("group") else a["name"])


def _preamble(root: etree._Element, clauses: list[Doc]) -> None:
    citations = [c for c in clauses if c["kind"] == "citation"]
    recitals = [c for c in clauses if c["kind"] == "recital"]
    if not citations and not recitals:
        return
    preamble = _e("preamble", root)
    if citations:
        parent = _e("citations", preamble, eId="citations")
        for i, c in enumerate(citations, 1):
            _clause_p(_e("citation", parent, eId=f"cit_{i}"), c, f"cit_{i}")
    if recitals:
        parent = _e("recitals", preamble, eId="recitals")
        for i, c in enumerate(recitals, 1):
            eid = f"rec_{_eid(c['label'], i)}"
            recital = _e("recital", parent, eId=eid)
            if c.get("label"):
                _e("num", recital, _num(c["label"]))
            _clause_p(recital, c, eid)


def _clause_p(parent: etree._Element, clause: Doc, eid: str) -> None:
    """The clause's text as a <p>, its footnotes after it as <authorialNote>s (AKN's footnotes).

    The parser keeps a footnote's body but not where its marker stood: the notes close the text.
    """
    p = _e("p", parent, clause["text"])
    for n, body in enumerate(clause.get("footnotes", []), 1):
        note = _e("authorialNote", p, marker=str(n), placement="bottom")
        note.set("eId", f"{eid}__authorialNote_{n}")
        _e("p", note, body)


def _eid(label: str | None, fallback: int) -> str:
    cleaned = "".join(ch for ch in (label or "") if ch.isalnum())
    return cleaned or str(fallback)


def _num(label: str) -> str:
    return label if label.endswith((".", ")")) else f"{label}."


def _body(root: etree._Element, doc: Doc, clauses: list[Doc]) -> None:
    body = _e("body", root)
    paragraphs = [c for c in clauses if c["kind"] == "paragraph"]
    points: dict[str | None, list[Doc]] = defaultdict(list)
    for c in clauses:
        if c["kind"] == "point":
            points[c.get("parent")].append(c)
    if not paragraphs:
        text = _e("content", _e("hcontainer", body, eId="text", name="unparsedText"))
        for line in (ln.strip() for ln in (doc.get("body") or "").splitlines()):
            if line:
                _e("p", text, line)
        if not len(text):
            _e("p", text, "")
        return
    for i, c in enumerate(paragraphs, 1):
        eid = f"para_{_eid(c['label'], i)}"
        para = _e("paragraph", body, eId=eid)
        if c.get("label"):
            _e("num", para, _num(c["label"]))
        children = points.get(c["id"], [])
        _clause_p(_e("intro" if children else "content", para), c, eid)
        for j, p in enumerate(children, 1):
            point_eid = f"{eid}__point_{_eid(p['label'], j)}"
            point = _e("point", para, eId=point_eid)
            if p.get("label"):
                _e("num", point, p["label"])
            _clause_p(_e("content", point), p, point_eid)


def resolution_xml(doc: Doc, sources: list[Doc], block: Mapping[str, Any]) -> etree._Element:
    """The Akoma Ntoso document of one resolution text."""
    root = _e("akomaNtoso")
    akn_type, name, _ = KIND_NAMES[doc["kind"]]
    top = _e(akn_type, root, name=name)
    if akn_type == "act":
        top.set("contains", "originalVersion")
    _meta(top, doc, sources, block)
    _preface(top, doc)
    clauses = list(doc.get("clauses", []))
    _preamble(top, clauses)
    _body(top, doc, clauses)
    return root


def resolutions(documents: Iterable[Doc]) -> Iterator[tuple[Doc, list[Doc]]]:
    """Each resolution text and language: the document to write and every source of it."""
    texts: dict[tuple[str, str, str], list[Doc]] = defaultdict(list)
    for d in documents:
        if d["kind"] in KIND_NAMES:
            texts[(d["kind"], d.get("reference") or d["id"], d.get("language") or "")].append(d)
    with_clauses = {(k, r) for (k, r, _), ds in texts.items() if any(d["clauses"] for d in ds)}
    for (kind, ref, _), docs in sorted(texts.items()):
        best = max(docs, key=lambda d: (len(d["clauses"]), d["version"], d["id"]))
        if not best["clauses"] and (kind, ref) in with_clauses:
            continue  # a container we could not parse (ODP JSON) of a text parsed elsewhere
        yield best, sorted(docs, key=lambda d: d["id"])


def akn_files(session: Session) -> Iterator[tuple[str, bytes]]:
    """(file name, XML bytes) of every resolution in the store, in a stable order."""
    value = build_export(session)
    block = provenance(value["documents"])
    for doc, sources in resolutions(value["documents"]):
        terms = provenance(sources)  # the terms of this text's own sources
        xml = etree.tostring(resolution_xml(doc, sources, terms), xml_declaration=True,
                             encoding="UTF-8", pretty_print=True)  # fmt: skip
        yield file_name(doc), xml
    yield "TERMS.txt", terms_text(block).encode("utf-8")


def export_akn(session: Session, path: Path) -> int:
    """Write the AKN files into `path`: a zip when it ends in .zip, else a folder; the count."""
    count = 0
    if path.suffix == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in akn_files(session):
                archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data)
                count += 1
        path.write_bytes(buffer.getvalue())
        return count - 1
    path.mkdir(parents=True, exist_ok=True)
    for name, data in akn_files(session):
        (path / name).write_bytes(data)
        count += 1
    return count - 1
