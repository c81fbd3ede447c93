"""The error types mutation payloads return for expected failures: one per payload, made by
`payload_error`, whose `code` enum holds only the codes its mutations declare; all implement
`ExpectedError`, the one shape of field-level errors (`UserError`, with every code, stays for the
form check's answer errors)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any, ClassVar, Self, cast

import strawberry

from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel.described_enum import described_enum


@strawberry.enum(
    name="ErrorCode",
    description="稳定的错误代码（英文，可供程序判断）；说明文字见 UserError.message",
)
class ErrorCodeEnum(Enum):
    """The codes of socialaid.errors.ErrorCode, each described for clients (a test keeps the two
    the same)."""

    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="未找到（NOT_FOUND）：所指对象不存在或不在可见范围内"
    )
    INVALID_INPUT = strawberry.enum_value(
        "INVALID_INPUT", description="输入有误（INVALID_INPUT）：输入不合要求；path 指明位置"
    )
    UNAUTHENTICATED = strawberry.enum_value(
        "UNAUTHENTICATED", description="未登录（UNAUTHENTICATED）：缺少有效的身份凭证，或凭证已过期"
    )
    FORBIDDEN = strawberry.enum_value(
        "FORBIDDEN", description="无权操作（FORBIDDEN）：无权执行此操作（含职责分离的限制）"
    )
    CONFLICT = strawberry.enum_value(
        "CONFLICT", description="冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在"
    )
    LOCKED_ELEMENT = strawberry.enum_value(
        "LOCKED_ELEMENT",
        description="锁定要素（LOCKED_ELEMENT）：覆盖涉及上级锁定的要素（名称、编码、法律依据等）",
    )
    ILLEGAL_TRANSITION = strawberry.enum_value(
        "ILLEGAL_TRANSITION",
        description="状态不允许（ILLEGAL_TRANSITION）：当前状态下不允许此办理动作",
    )
    UNAVAILABLE = strawberry.enum_value(
        "UNAVAILABLE", description="暂不可用（UNAVAILABLE）：所依赖的服务暂不可用，请稍后重试"
    )
    LINT_FAILED = strawberry.enum_value(
        "LINT_FAILED", description="目录检查未通过（LINT_FAILED）：每个问题一条错误"
    )


# Every mutation payload's `errors` field.
ERRORS = (
    "可预期的失败（输入不合要求、冲突、状态不允许、职责分离等），每项一条；成功时为空列表，"
    "其余字段有值。未认证（UNAUTHENTICATED）与权限表的拒绝（FORBIDDEN）为 GraphQL 错误，不在此列。"
    "code 只取本变更声明的代码（见其错误类型的代码枚举）"
)

CODE_DESCRIPTION = "稳定的错误代码；LINT_FAILED（目录检查未通过）时每个问题一条错误"


@strawberry.interface(
    description=(
        "可预期的失败的统一形状：说明、出错的输入路径、更细的原因代码。每个变更结果的错误类型"
        "（如 CaseError）与表单检查的 UserError 都实现它，各自的 code 为只含其可能取值的枚举"
    )
)
class ExpectedError:
    message: str = strawberry.field(description="中文说明；LINT_FAILED 时含问题代码与详情")
    path: list[str] = strawberry.field(
        description='出错的输入路径；LINT_FAILED 时为 ["item", 事项代码, 事项文档内的路径]'
    )
    detail_code: str | None = strawberry.field(
        default=None,
        description=(
            "更细的原因代码：答案校验错误时为字段的校验代码（如 INVALID_ID_NUMBER、REQUIRED），"
            "其余为 null"
        ),
    )


class UndeclaredErrorCodeError(AssertionError):
    """A mutation answered a code its error type does not declare: a defect (the schema's enum
    would promise clients a closed set the server breaks), so it is masked and logged, never
    sent as a payload error."""


class ErrorOf:
    """Builds an error type's values from DomainErrors; `codes` is what the type declares."""

    codes: ClassVar[frozenset[ErrorCode]]
    code_enum: ClassVar[type[Enum]]

    @classmethod
    def declares(cls, code: ErrorCode) -> bool:
        return code in cls.codes

    @classmethod
    def of(cls, error: DomainError) -> Self:
        if not cls.declares(error.code):
            raise UndeclaredErrorCodeError(
                f"{cls.__name__} does not declare {error.code.value}: {error.message}"
            )
        return cls(  # type: ignore[call-arg]
            code=cls.code_enum(error.code.value), message=error.message, path=list(error.path)
        )

    @classmethod
    def of_answer(cls, path: str, code: str, message: str) -> Self:
        """An error of one answer (a form's FieldError) in the one shape of field errors: code
        INVALID_INPUT, the path inside `answers` as segments, the answer's own code as
        detailCode."""
        return cls(  # type: ignore[call-arg]
            code=cls.code_enum(ErrorCode.INVALID_INPUT.value),
            message=message,
            path=["answers", *answer_path_segments(path)],
            detail_code=code,
        )


@strawberry.type(description="可预期的失败：代码、说明、出错的输入路径（表单检查 answerErrors 用）")
class UserError(ErrorOf, ExpectedError):
    codes = frozenset(ErrorCode)
    code_enum = ErrorCodeEnum
    code: ErrorCodeEnum = strawberry.field(description=CODE_DESCRIPTION)  # type: ignore[valid-type]


# Every mutation can answer these: the input guard refuses an argument out of bounds before the
# work runs, and the unit of work turns a concurrent change into a conflict at commit.
EVERY_MUTATION = frozenset({ErrorCode.INVALID_INPUT, ErrorCode.CONFLICT})


def payload_error(name: str, codes: Sequence[ErrorCode], *, operations: str) -> type[ErrorOf]:
    """The error type `name` of a payload, whose `code` is the enum `<name>Code` holding only
    `codes` and EVERY_MUTATION: what the mutations returning that payload (`operations`) can
    answer. The runner refuses any other code (UndeclaredErrorCodeError)."""
    enum_name = f"{name}Code"
    codes = [c for c in ErrorCode if c in EVERY_MUTATION or c in codes]
    domain = Enum(enum_name, [(c.value, c.value) for c in codes])  # type: ignore[misc]
    graphql_enum = described_enum(
        domain,
        name=enum_name,
        description=f"{operations}可能返回的错误代码（ErrorCode 的子集，取值与之相同）",
        values={c.value: code_label(c) for c in codes},
    )
    namespace: dict[str, Any] = {
        "__annotations__": {"code": graphql_enum},
        "__module__": __name__,
        "__qualname__": name,
        "code": strawberry.field(description=CODE_DESCRIPTION),
        "codes": frozenset(codes),
        "code_enum": graphql_enum,
    }
    cls = type(name, (ErrorOf, ExpectedError), namespace)
    return cast(
        "type[ErrorOf]",
        strawberry.type(cls, name=name, description=f"{operations}的可预期失败"),
    )


def code_label(code: ErrorCode) -> str:
    """The code's description on ErrorCode, which each narrower enum repeats."""
    definition = ErrorCodeEnum.__strawberry_definition__  # type: ignore[attr-defined]
    return str(next(v.description for v in definition.values if v.name == code.value))


def errors_field(error_type: type[ErrorOf], description: str = ERRORS) -> Any:
    """A payload's `errors`: a list of its own error type."""
    return strawberry.field(
        default_factory=list,
        description=description,
        graphql_type=cast("Any", list)[error_type],
    )


def answer_path_segments(path: str) -> list[str]:
    """`household.members[2].id_number` -> ["household", "members", "2", "id_number"]."""
    return [segment for segment in re.split(r"[.\[\]]+", path) if segment]


class Failable:
    """A mutation payload whose fields other than `errors` default to None, so the runner can
    build the failed payload from the error alone; override `failed` to add extras.
    `error_type` declares the codes its mutations may answer."""

    error_type: ClassVar[type[ErrorOf]]

    @classmethod
    def failed(cls, error: DomainError) -> Self:
        return cls(errors=[cls.error_type.of(e) for e in error.failures])  # type: ignore[call-arg]

    @classmethod
    def declares(cls, code: ErrorCode) -> bool:
        return cls.error_type.declares(code)
