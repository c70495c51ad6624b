"""Opening a store: the engine, the schema at its newest revision, and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from whereas.errors import StoreError
from whereas.store.engine import make_engine
from whereas.store.migrate import upgrade


class Store:
    """A whereas store at one database URL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

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

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()
