"""GraphQL mutation payloads: the changed application or case, or the errors that explain why
nothing changed (`Failable`)."""

from __future__ import annotations

import strawberry

from socialaid.applications.graphql.types import ApplicationType, CaseType, EmergencyModeType
from socialaid.applications.submission import AnswersInvalidError
from socialaid.errors import DomainError, ErrorCode
from socialaid.forms.graphql import FieldErrorType
from socialaid.kernel.user_error import (
    ERRORS,
    ErrorOf,
    Failable,
    errors_field,
    payload_error,
)

ApplicationSubmitError = payload_error(
    "ApplicationSubmitError",
    # FORBIDDEN: an organisation filing an item only another organisation may file (filing.py)
    [ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN],
    operations="applicationSubmit",
)
ApplicationError = payload_error(
    "ApplicationError",
    [ErrorCode.NOT_FOUND, ErrorCode.ILLEGAL_TRANSITION],
    operations="申请办理动作（applicationTriage…、applicationJointMeeting…、applicationWithdraw）",
)
CaseError = payload_error(
    "CaseError",
    [ErrorCode.NOT_FOUND, ErrorCode.ILLEGAL_TRANSITION],
    operations="案件办理动作（caseAcknowledge、caseSupplementRequest、caseSupplementProvide、caseDecide）",
)
EmergencyModeError = payload_error(
    "EmergencyModeError", [ErrorCode.NOT_FOUND], operations="emergencyModeSet"
)


@strawberry.type(description="applicationSubmit 的结果")
class ApplicationSubmitPayload(Failable):
    error_type = ApplicationSubmitError
    application: ApplicationType | None = strawberry.field(
        default=None, description="提交的申请；失败时为 null"
    )
    replayed: bool = strawberry.field(default=False, description="同一幂等键的重试：返回原申请")
    errors: list[ErrorOf] = errors_field(
        ApplicationSubmitError,
        ERRORS + "；答案未通过表单校验时每个字段错误一条（path 以 answers 开头）",
    )
    field_errors: list[FieldErrorType] = strawberry.field(
        default_factory=list,
        description="答案的字段错误；无则为空列表",
        deprecation_reason=(
            "改用 errors：每个答案错误一条 ApplicationSubmitError（code 为 INVALID_INPUT，path 为以 answers"
            " 开头的列表，detailCode 为此处的 code）"
        ),
    )

    @classmethod
    def failed(cls, error: DomainError) -> ApplicationSubmitPayload:
        if not isinstance(error, AnswersInvalidError):
            return super().failed(error)
        return cls(
            errors=[
                cls.error_type.of_answer(e["path"], e["code"], e["message"]) for e in error.errors
            ],
            field_errors=[FieldErrorType(**e) for e in error.errors],
        )


@strawberry.type(description="申请办理动作的结果")
class ApplicationPayload(Failable):
    error_type = ApplicationError
    application: ApplicationType | None = strawberry.field(
        default=None, description="变更后的申请；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(ApplicationError)


@strawberry.type(description="案件办理动作的结果")
class CasePayload(Failable):
    error_type = CaseError
    case: CaseType | None = strawberry.field(
        default=None, description="变更后的案件；失败时为 null"
    )
    application: ApplicationType | None = strawberry.field(
        default=None, description="案件所属的申请（含其他案件的变化）；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(CaseError)


@strawberry.type(description="emergencyModeSet 的结果")
class EmergencyModePayload(Failable):
    error_type = EmergencyModeError
    emergency_mode: EmergencyModeType | None = strawberry.field(
        default=None, description="设定后的应急措施；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(EmergencyModeError)
