"""Running a mutation's work: expected failures become payload errors, refusals stay GraphQL errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from socialaid.access.decisions import ForbiddenError, UnauthenticatedError
from socialaid.api.user_error import UserError
from socialaid.errors import DomainError

T = TypeVar("T")


async def attempt(work: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Run `work` (which owns its transaction, so a failure rolls everything back)."""
    try:
        return await work(), []
    except (ForbiddenError, UnauthenticatedError):
        raise
    except DomainError as error:
        return None, [UserError.of(error)]
