"""Citations: a clause whose footnote names a stored text links to that text ("cites").

"having regard to its previous resolutions on X(1)" with "(1) Texts adopted, P9_TA(2022)0012."
links the citation to every stored document of P9_TA(2022)0012 (its HTML, its PDF...); a footnote
naming a procedure ("2022/2505(RSP)") links to the texts adopted in it. The writer keeps what the
footnotes name (document_references, role "footnote"); the links are made here because the text
cited may be stored after the text citing it. They are replaced on every run.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from whereas.link.batched import ROW_PAGE, BatchedInsert, delete_batched
from whereas.store import schema

CITES = "cites"
METHOD = "footnote"


def link_citations(session: Session) -> int:
    """Replace the links from clauses to the stored texts their footnotes name; how many."""
    delete_batched(session, schema.Link, schema.Link.method == METHOD)
    ref, doc = schema.DocumentReference, schema.Document
    names_text = and_(ref.kind != "procedure", doc.reference == ref.value)
    names_procedure = and_(
        ref.kind == "procedure", doc.procedure == ref.value, doc.kind == "text_adopted"
    )
    query = (
        select(ref.document_id, ref.clause_position, ref.value, doc.id)
        .join(doc, or_(names_text, names_procedure))
        .where(ref.role == "footnote", doc.id != ref.document_id)
        .order_by(ref.document_id, ref.clause_position, ref.id, doc.id)
        .execution_options(yield_per=ROW_PAGE)  # streamed: the footnotes grow with the store
    )
    rows = BatchedInsert(session, schema.Link)
    for citing, position, value, cited in session.execute(query):
        rows.add(
            {
                "type": CITES,
                "label": value,
                "from_document": citing,
                "from_clause": position,
                "to_document": cited,
                "to_clause": None,
                "score": None,
                "method": METHOD,
            }
        )
    written = rows.close()
    session.flush()
    return written
