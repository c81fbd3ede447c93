"""GraphQL mutation payloads: the changed application or case, or the errors that explain why
nothing changed (`Failable`)."""

from __future__ import annotations

import strawberry

from socialaid.applications.graphql.types import ApplicationType, CaseType, EmergencyModeType
from socialaid.applications.submission import AnswersInvalidError
from socialaid.errors import DomainError
from socialaid.forms.graphql import FieldErrorType
from socialaid.kernel.user_error import ERRORS, Failable, UserError


@strawberry.type
class ApplicationSubmitPayload(Failable):
    application: ApplicationType | None = None
    replayed: bool = strawberry.field(default=False, description="同一幂等键的重试：返回原申请")
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)
    field_errors: list[FieldErrorType] = strawberry.field(
        default_factory=list, description="答案的字段错误"
    )

    @classmethod
    def failed(cls, error: DomainError) -> ApplicationSubmitPayload:
        field_errors = (
            [FieldErrorType(**e) for e in error.errors]
            if isinstance(error, AnswersInvalidError)
            else []
        )
        return cls(errors=[UserError.of(error)], field_errors=field_errors)


@strawberry.type
class ApplicationPayload(Failable):
    application: ApplicationType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type
class CasePayload(Failable):
    case: CaseType | None = None
    application: ApplicationType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type
class EmergencyModePayload(Failable):
    emergency_mode: EmergencyModeType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)
