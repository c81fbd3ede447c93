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
    LINT_FAILED = "LINT_FAILED"  # the catalogue lint refused a change: one error per problem


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

    @property
    def failures(self) -> list[DomainError]:
        """What a payload reports as its errors: this one, or (LintFailedError) each problem."""
        return [self]


class NotFoundError(DomainError):
    code = ErrorCode.NOT_FOUND


class ConflictError(DomainError):
    code = ErrorCode.CONFLICT


class ProblemsError(DomainError):
    """Several problems found in one input, each with its own message and path: the error's
    extensions list them, and a payload reports each as an error of its own."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__("；".join(p.message for p in problems), path=problems[0].path)
        self.problems = problems

    @property
    def extensions(self) -> dict[str, Any]:
        return {
            **super().extensions,
            "problems": [{"message": p.message, "path": p.path} for p in self.problems],
        }

    @property
    def failures(self) -> list[DomainError]:
        return list(self.problems)


class LintFailedError(ProblemsError):
    """The catalogue lint refused a change: `problems` are LINT_FAILED errors, one per problem."""

    code = ErrorCode.LINT_FAILED


class InvalidElementsError(ProblemsError):
    """Several elements of one input list are invalid: `problems` are INVALID_INPUT errors, one
    per bad element, each with the path of that element's field."""
