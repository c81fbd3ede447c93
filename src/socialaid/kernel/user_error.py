"""The error type every mutation payload returns for expected failures."""

from __future__ import annotations

from typing import Self

import strawberry

from socialaid.errors import DomainError, ErrorCode

ErrorCodeEnum = strawberry.enum(ErrorCode, name="ErrorCode", description="稳定的错误代码")


@strawberry.type(description="可预期的失败：代码、说明、出错的输入路径")
class UserError:
    code: ErrorCodeEnum = strawberry.field(  # type: ignore[valid-type]
        description="稳定的错误代码；LINT_FAILED（目录检查未通过）时每个问题一条错误"
    )
    message: str = strawberry.field(description="中文说明；LINT_FAILED 时含问题代码与详情")
    path: list[str] = strawberry.field(
        description='出错的输入路径；LINT_FAILED 时为 ["item", 事项代码, 事项文档内的路径]'
    )

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(code=error.code, message=error.message, path=list(error.path))


class Failable:
    """A mutation payload whose fields other than `errors` default to None, so the runner can
    build the failed payload from the error alone; override `failed` to add extras."""

    @classmethod
    def failed(cls, error: DomainError) -> Self:
        return cls(errors=[UserError.of(e) for e in error.failures])  # type: ignore[call-arg]
