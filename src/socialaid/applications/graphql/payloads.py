"""GraphQL mutation payloads: the changed application or case, or the errors that explain why
nothing changed (`Failable`)."""

from __future__ import annotations

import strawberry

from socialaid.applications.graphql.types import ApplicationType, CaseType, EmergencyModeType
from socialaid.applications.submission import AnswersInvalidError
from socialaid.errors import DomainError
from socialaid.forms.graphql import FieldErrorType
from socialaid.kernel.user_error import ERRORS, Failable, UserError


@strawberry.type(description="applicationSubmit 的结果")
class ApplicationSubmitPayload(Failable):
    application: ApplicationType | None = strawberry.field(
        default=None, description="提交的申请；失败时为 null"
    )
    replayed: bool = strawberry.field(default=False, description="同一幂等键的重试：返回原申请")
    errors: list[UserError] = strawberry.field(
        default_factory=list,
        description=ERRORS + "；答案未通过表单校验时每个字段错误一条（path 以 answers 开头）",
    )
    field_errors: list[FieldErrorType] = strawberry.field(
        default_factory=list,
        description="答案的字段错误；无则为空列表",
        deprecation_reason=(
            "改用 errors：每个答案错误一条 UserError（code 为 INVALID_INPUT，path 为以 answers"
            " 开头的列表，detailCode 为此处的 code）"
        ),
    )

    @classmethod
    def failed(cls, error: DomainError) -> ApplicationSubmitPayload:
        if not isinstance(error, AnswersInvalidError):
            return cls(errors=[UserError.of(error)])
        return cls(
            errors=[UserError.of_answer(e["path"], e["code"], e["message"]) for e in error.errors],
            field_errors=[FieldErrorType(**e) for e in error.errors],
        )


@strawberry.type(description="申请办理动作的结果")
class ApplicationPayload(Failable):
    application: ApplicationType | None = strawberry.field(
        default=None, description="变更后的申请；失败时为 null"
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="案件办理动作的结果")
class CasePayload(Failable):
    case: CaseType | None = strawberry.field(
        default=None, description="变更后的案件；失败时为 null"
    )
    application: ApplicationType | None = strawberry.field(
        default=None, description="案件所属的申请（含其他案件的变化）；失败时为 null"
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="emergencyModeSet 的结果")
class EmergencyModePayload(Failable):
    emergency_mode: EmergencyModeType | None = strawberry.field(
        default=None, description="设定后的应急措施；失败时为 null"
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)
