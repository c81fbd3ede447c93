"""Errors the API reports to clients with a stable ASCII code; anything else is masked."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_INPUT = "INVALID_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
    LOCKED_ELEMENT = "LOCKED_ELEMENT"
    ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION"
    UNAVAILABLE = "UNAVAILABLE"  # a dependency (e.g. the update listener) is gone: try again


class DomainError(Exception):
    """An expected failure: shown to the client with its code, message and input path."""

    code: ErrorCode = ErrorCode.INVALID_INPUT

    def __init__(
        self, message: str, *, code: ErrorCode | None = None, path: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.path = path or []

    @property
    def extensions(self) -> dict[str, Any]:
        """Read by graphql-core when it wraps the exception into a GraphQL error."""
        return {"code": self.code.value, "path": self.path}


class NotFoundError(DomainError):
    code = ErrorCode.NOT_FOUND


class ConflictError(DomainError):
    code = ErrorCode.CONFLICT
