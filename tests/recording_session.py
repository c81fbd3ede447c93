"""A stand-in for an AsyncSession that records the statements it is given and runs none.

For the code that only builds statements and hands them to the caller's session (the audit
writer, masked reads): what it would send can be checked without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Insert, TextClause
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass
class RecordingSession:
    url: str = "postgresql+asyncpg://socialaid@localhost/recorded"
    statements: list[Any] = field(default_factory=list)
    parameters: list[dict[str, Any]] = field(default_factory=list)  # given with each statement

    def get_bind(self) -> Any:
        return SimpleNamespace(engine=SimpleNamespace(url=make_url(self.url)))

    async def execute(self, statement: Any, params: Any = None) -> None:
        self.statements.append(statement)
        self.parameters.append(dict(params or {}))

    def as_session(self) -> AsyncSession:
        return cast(AsyncSession, self)

    def inserted(self) -> list[dict[str, Any]]:
        """The values of every INSERT, in order, as the PostgreSQL driver would receive them:
        those built into the statement, and those given with it for its parameters."""
        dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
        return [
            dict(statement.compile(dialect=dialect).params) | given
            for statement, given in zip(self.statements, self.parameters, strict=True)
            if isinstance(statement, Insert)
        ]

    def texts(self) -> list[str]:
        """The SQL of every textual statement, in order."""
        return [
            statement.text for statement in self.statements if isinstance(statement, TextClause)
        ]
