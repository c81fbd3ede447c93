"""The error type every mutation payload returns for expected failures."""

from __future__ import annotations

import re
from enum import Enum
from typing import Self

import strawberry

from socialaid.errors import DomainError


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
    "其余字段有值。未认证（UNAUTHENTICATED）与权限表的拒绝（FORBIDDEN）为 GraphQL 错误，不在此列"
)


@strawberry.type(description="可预期的失败：代码、说明、出错的输入路径")
class UserError:
    code: ErrorCodeEnum = strawberry.field(  # type: ignore[valid-type]
        description="稳定的错误代码；LINT_FAILED（目录检查未通过）时每个问题一条错误"
    )
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

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(
            code=ErrorCodeEnum(error.code.value), message=error.message, path=list(error.path)
        )

    @classmethod
    def of_answer(cls, path: str, code: str, message: str) -> UserError:
        """An error of one answer (a form's FieldError) in the one shape of field errors: code
        INVALID_INPUT, the path inside `answers` as segments, the answer's own code as
        detailCode."""
        return cls(
            code=ErrorCodeEnum.INVALID_INPUT,
            message=message,
            path=["answers", *answer_path_segments(path)],
            detail_code=code,
        )


def answer_path_segments(path: str) -> list[str]:
    """`household.members[2].id_number` -> ["household", "members", "2", "id_number"]."""
    return [segment for segment in re.split(r"[.\[\]]+", path) if segment]


class Failable:
    """A mutation payload whose fields other than `errors` default to None, so the runner can
    build the failed payload from the error alone; override `failed` to add extras."""

    @classmethod
    def failed(cls, error: DomainError) -> Self:
        return cls(errors=[UserError.of(e) for e in error.failures])  # type: ignore[call-arg]
