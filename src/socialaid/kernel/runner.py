"""The one way a mutation runs.

    @strawberry.mutation(description="…")
    async def case_decide(self, info: Info, input: CaseDecideInput) -> CasePayload:
        return await run_mutation(info, CasePayload, lambda uow: decide_case(uow, input))

`run_mutation`:
1. looks up the permission the registry (`access/registry.py`) declares for the field and refuses
   a caller who holds it in no tenant — a field without an entry is refused for everyone, so the
   registry is enforced here and not only by a test; the service still authorizes on the exact
   tenant and row, once;
2. reports an argument the input guard found out of bounds (`api/input_guard.py`) as the
   payload's error, before anything is read;
3. opens the request's unit of work: one transaction for the whole mutation;
4. runs the work, which returns the payload (built inside the transaction, so what it reads for
   the answer is what it wrote);
5. turns an expected failure (a DomainError) into the payload's `errors` through
   `payload.failed(error)` — a payload adds its own extras there (applicationSubmit's
   fieldErrors) — and rolls everything back; FORBIDDEN and UNAUTHENTICATED stay GraphQL errors.
   A code the payload's error type does not declare (its `…ErrorCode` enum) is a defect: the
   runner raises UndeclaredErrorCodeError, which the client sees masked with the request id;
6. commits, and forgets this request's loaders, so a later field of the same document reads anew.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, Self, TypeVar

from socialaid.access.decisions import (
    ForbiddenError,
    UnauthenticatedError,
    allowed_somewhere,
)
from socialaid.access.registry import Permission, Public, registered_permission
from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel.context import Info
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import UndeclaredErrorCodeError

# Every mutation's single `input` argument: its fields are described on the input type.
MUTATION_INPUT = "本变更的输入：各字段的含义见其输入类型"


class Payload(Protocol):
    @classmethod
    def failed(cls, error: DomainError) -> Self: ...

    @classmethod
    def declares(cls, code: ErrorCode) -> bool: ...


P = TypeVar("P", bound=Payload)


def check_registered_permission(field_name: str, info: Info) -> None:
    """Refuse a caller who holds the field's registered permission in no tenant."""
    permission = registered_permission(field_name)
    if permission is None:
        raise ForbiddenError()
    if isinstance(permission, Public):
        return
    assert isinstance(permission, Permission)
    allowed_somewhere(info.context.principal, permission.resource, permission.action)


async def run_mutation(
    info: Info, payload: type[P], work: Callable[[UnitOfWork], Awaitable[P]]
) -> P:
    check_registered_permission(info.field_name, info)
    context = info.context
    out_of_bounds = context.input_problems.get(str(info.path.key))
    if out_of_bounds is not None:
        return failed(info, payload, out_of_bounds)
    try:
        async with context.unit_of_work() as uow:
            result = await work(uow)
    except (ForbiddenError, UnauthenticatedError):
        raise
    except DomainError as error:
        return failed(info, payload, error)
    finally:
        context.forget_loaders()
    return result


def failed(info: Info, payload: type[P], error: DomainError) -> P:
    """The payload reporting `error`, once every code in it is one the payload declares."""
    for failure in error.failures:
        if not payload.declares(failure.code):
            raise UndeclaredErrorCodeError(
                f"{info.field_name} answered {failure.code.value}, which {payload.__name__}"
                " does not declare"
            ) from error
    info.context.payload_error_codes.append(error.code.value)
    return payload.failed(error)
