"""The tables of the CSV export and every column's meaning: the source of the CSVW metadata."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    """One column: name, CSVW datatype, what it holds; `separator` for a list in one cell."""

    name: str
    datatype: str
    description: str
    separator: str | None = None
    required: bool = False


@dataclass(frozen=True)
class Table:
    """One CSV file of the export."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())  # column, table, column

    @property
    def url(self) -> str:
        """The file name inside the zip."""
        return f"{self.name}.csv"


def _c(name: str, datatype: str, description: str, **kw: object) -> Column:
    return Column(name, datatype, description, **kw)  # type: ignore[arg-type]


_DOC = _c("document", "string", "Id of the document (sha256 of its bytes).", required=True)
_VOTE_FIELDS = (
    _c("for", "integer", "Votes in favour; empty when not counted (show of hands)."),
    _c("against", "integer", "Votes against; empty when not counted."),
    _c("abstentions", "integer", "Abstentions; empty when not counted."),
    _c("result", "string", "adopted, rejected, lapsed or withdrawn; empty when not stated."),
    _c("roll_call", "boolean", "Whether it was a roll-call vote."),
    _c("date", "date", "Date of the vote."),
    _c("subject", "string", "What was voted on, as the source says it (whole text, § 1/2...)."),
    _c("clause", "string", "Id of the clause voted on, when the text is in the store."),
    _c("official", "boolean", "Whether an official EP vote list states it (else: a claim)."),
    _c("procedure", "string", "Procedure the vote belongs to."),
)

TABLES: tuple[Table, ...] = (
    Table(
        "procedures",
        "Procedures (2022/2505(RSP)), one row each.",
        (
            _c("reference", "string", "Procedure reference in human form.", required=True),
            _c("type", "string", "Procedure type (RSP, COD...)."),
            _c("title", "string", "Title, from the first document that gives one."),
            _c("documents", "string", "Ids of the documents about it.", separator=" "),
        ),
        ("reference",),
    ),
    Table(
        "documents",
        "Documents: one version of one source file each.",
        (
            _c("id", "string", "sha256 of the file's bytes.", required=True),
            _c("kind", "string", "Kind of document (motion, joint_motion, text_adopted...)."),
            _c("reference", "string", "EP reference in human form (B9-0065/2022...)."),
            _c("procedure", "string", "Procedure the document belongs to."),
            _c("reports_on", "string", "Procedures a secondary source is about.", separator=" "),
            _c("title", "string", "Title."),
            _c("date", "date", "Date of the document."),
            _c("language", "string", "ISO 639-1 language code, or mul."),
            _c("publisher", "string", "Publisher."),
            _c("version", "integer", "1 for the first bytes seen of a source, 2 for the next..."),
            _c("groups", "string", "Group codes that tabled it.", separator=" "),
            _c("source_path", "string", "Path of the file it was read from."),
            _c("source_url", "string", "Address it was fetched from."),
            _c("body", "string", "Main text, without page chrome."),
        ),
        ("id",),
    ),
    Table(
        "authors",
        "Authors of tabled texts, in the order the document lists them.",
        (
            _DOC,
            _c("position", "integer", "Order in the document's list (from 0)."),
            _c("name", "string", "Name as printed."),
            _c("group", "string", "Group code it tabled for."),
            _c("person", "string", "MEP id, when known."),
        ),
        ("document", "position"),
        (("document", "documents", "id"),),
    ),
    Table(
        "clauses",
        "Clauses of resolution texts: citations, recitals, paragraphs and points.",
        (
            _c("id", "string", "Clause id: first 16 hex of the document id, '-', position."),
            _DOC,
            _c("position", "integer", "Position in the document (from 0)."),
            _c("kind", "string", "citation, recital, paragraph or point."),
            _c("label", "string", "Label as printed (A, 1, (a)); empty for citations."),
            _c("parent", "string", "Id of a point's paragraph."),
            _c("text", "string", "Text of the clause."),
            _c("verbs", "string", "Operative verbs, English lower case.", separator=";"),
            _c("addressees", "string", "Actor ids addressed.", separator=" "),
            _c("themes", "string", "Theme ids.", separator=" "),
            _c("footnotes", "string", "Footnotes of the clause, in marker order.", separator="|"),
        ),
        ("id",),
        (("document", "documents", "id"),),
    ),
    Table(
        "votes",
        "Every vote or tally as each document states it (official lists and claims).",
        (
            _c("id", "string", "Vote id: first 16 hex of the document id, '-v', position."),
            _DOC,
            _c("position", "integer", "Order in the document (from 0)."),
            *_VOTE_FIELDS,
        ),
        ("id",),
        (("document", "documents", "id"),),
    ),
    Table(
        "procedure_votes",
        "Official votes of each procedure, merged across the official sources.",
        (
            _c("procedure", "string", "Procedure reference.", required=True),
            _c("position", "integer", "Order within the procedure (from 0)."),
            *_VOTE_FIELDS[:-1],
            _c("sources", "string", "Ids of the documents stating it.", separator=" "),
        ),
        ("procedure", "position"),
        (("procedure", "procedures", "reference"),),
    ),
    Table(
        "member_votes",
        "How each MEP voted in each roll call.",
        (
            _c("vote", "string", "Id of the vote (votes.id).", required=True),
            _c("person", "string", "MEP id as the roll-call list gives it."),
            _c("name", "string", "Name as the list prints it."),
            _c("group", "string", "Group code on the day."),
            _c("position", "string", "for, against, abstention or did_not_vote."),
            _c("corrected", "boolean", "Whether the position comes from a vote correction."),
        ),
        (),
        (("vote", "votes", "id"),),
    ),
    Table(
        "meps",
        "Members of the European Parliament.",
        (
            _c("id", "string", "The EP's MEP id.", required=True),
            _c("name", "string", "Full name."),
            _c("country", "string", "ISO 3166 alpha-3 code of the member state."),
        ),
        ("id",),
    ),
    Table(
        "memberships",
        "Group memberships of MEPs over periods.",
        (
            _c("person", "string", "MEP id.", required=True),
            _c("group", "string", "Group code."),
            _c("from", "date", "First day, when known."),
            _c("to", "date", "Last day, when known."),
        ),
        (),
        (("person", "meps", "id"), ("group", "groups", "code")),
    ),
    Table(
        "groups",
        "Political groups of the European Parliament (EU Vocabularies, CC BY 4.0).",
        (
            _c("code", "string", "Group code used in every other table.", required=True),
            _c("label", "string", "English name."),
            _c("from", "date", "First day of the group."),
            _c("to", "date", "Last day of the group, empty while it exists."),
        ),
        ("code",),
    ),
    Table(
        "links",
        "Typed links between documents or clauses (lineage, repeats, claim checks, citations).",
        (
            _c("type", "string", "derives_from, amends, repeats, corroborates, contradicts, cites"),
            _c("label", "string", "identical, reworded, merged, split, new; repeated..."),
            _c("from_document", "string", "Id of the source document."),
            _c("from_clause", "string", "Id of the source clause."),
            _c("to_document", "string", "Id of the target document."),
            _c("to_clause", "string", "Id of the target clause."),
            _c("score", "number", "Similarity or confidence, when measured."),
            _c("method", "string", "How: lineage:v1, footnote, repeats:v1:<model>, tally..."),
        ),
        (),
        (("from_document", "documents", "id"), ("to_document", "documents", "id")),
    ),
    Table(
        "conflicts",
        "Fields on which official sources of a procedure disagree.",
        (
            _c("procedure", "string", "Procedure reference.", required=True),
            _c("field", "string", "What they disagree on."),
            _c("values", "string", "The values, as JSON."),
            _c("sources", "string", "Ids of the documents involved.", separator=" "),
        ),
        (),
        (("procedure", "procedures", "reference"),),
    ),
)
