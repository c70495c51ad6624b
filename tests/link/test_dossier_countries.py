"""A resolution is in the dossier of every country its title names, by name or by adjective."""

from __future__ import annotations

from pathlib import Path

from whereas.ingest import ingest_paths
from whereas.link.thread.countries import countries_in_title
from whereas.link.thread.dossier import country_dossier
from whereas.store import Store


def test_titles_name_countries_by_adjective_too() -> None:
    title = "on the return of Ukrainian children forcibly transferred and deported by Russia"
    assert countries_in_title(title, "en") == {"ua", "ru"}
    assert countries_in_title("sur la situation au Kazakhstan", "fr") == {"kz"}
    assert countries_in_title("on the European Union's budget", "en") == set()


def test_the_ukrainian_children_resolution_is_in_both_dossiers(
    corpus: Path, tmp_path: Path
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    ingest_paths(store, [corpus / "howtheyvote" / "document_rc-10-2025-0249-en.html"])
    with store.session() as session:
        for country in ("Ukraine", "Russia"):
            procedures = [p.procedure for p in country_dossier(session, country).procedures]
            assert procedures == ["2025/2691(RSP)"], country
        assert country_dossier(session, "Kazakhstan").procedures == []
    store.close()
