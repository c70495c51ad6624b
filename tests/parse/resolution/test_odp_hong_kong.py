"""The ODP record of RC-B9-0068/2021 (Hong Kong): a term-9 urgency header."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .documents import ODP_2021, parsed


def test_hong_kong_header(corpus: Path) -> None:
    record = parsed(corpus / ODP_2021)
    assert record.header == {
        "kind": "joint_motion",
        "reference": "RC-B9-0068/2021",
        "title": "on the crackdown on the democratic opposition in Hong Kong",
        "date": "2021-01-20",
        "procedure": "2021/2505(RSP)",
        "language": "en",
        "legal_basis": "Rules 144(5) and 132(4)",
        "rules": ["144(5)", "132(4)"],
        "resolution_type": "urgency",
        "replaced_motions": [
            "B9-0068/2021", "B9-0069/2021", "B9-0071/2021", "B9-0070/2021", "B9-0087/2021",
        ],
        "replaced_motion_groups": ["RENEW", "ECR", "GREEN_EFA", "SD", "EPP"],
    }
    assert record.warnings == []


def test_hong_kong_authors(corpus: Path) -> None:
    record = parsed(corpus / ODP_2021)
    sizes = Counter(a.group for a in record.authors)
    assert sizes == {"EPP": 29, "SD": 2, "RENEW": 26, "GREEN_EFA": 2, "ECR": 17, None: 9}
    assert record.groups == ["EPP", "SD", "RENEW", "GREEN_EFA", "ECR"]
    assert "Ioan-Rareş Bogdan" in {a.name for a in record.authors}
