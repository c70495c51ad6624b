"""Opening a store: the engine, the schema at its newest revision, and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from whereas.errors import StoreError
from whereas.store.counts import fold_deltas, fold_when_many
from whereas.store.engine import make_engine
from whereas.store.migrate import upgrade

# On PostgreSQL, every this many committed sessions the row counts' deltas are folded if many
# wait (whereas.store.counts): a long ingest commits once a document and never reaches its end's
# fold while running.
FOLD_CHECK_EVERY = 20


class Store:
    """A whereas store at one database URL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._commits = 0

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Open the store at `url`, creating or upgrading its schema unless `migrate` is False."""
        engine = make_engine(url)
        if migrate:
            try:
                upgrade(engine)
            except SQLAlchemyError as exc:
                engine.dispose()
                raise StoreError(
                    f"cannot open the store at {url}: {exc.__class__.__name__}: "
                    f"{str(exc).splitlines()[0]}"
                ) from exc
        return cls(engine)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        self._commits += 1
        if self.dialect == "postgresql" and self._commits % FOLD_CHECK_EVERY == 0:
            self.fold_counts(only_when_many=True)

    def fold_counts(self, *, only_when_many: bool = False) -> int:
        """Fold the row counts' deltas into row_counts in a transaction of their own (always
        when not `only_when_many`); how many were folded."""
        session = self._sessions()
        try:
            folded = fold_when_many(session) if only_when_many else fold_deltas(session)
            session.commit()
            return folded
        finally:
            session.close()

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()
