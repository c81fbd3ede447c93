"""The error type every mutation payload returns for expected failures."""

from __future__ import annotations

import strawberry

from socialaid.errors import DomainError, ErrorCode

ErrorCodeEnum = strawberry.enum(ErrorCode, name="ErrorCode", description="稳定的错误代码")


@strawberry.type(description="可预期的失败：代码、说明、出错的输入路径")
class UserError:
    code: ErrorCodeEnum  # type: ignore[valid-type]
    message: str
    path: list[str]

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(code=error.code, message=error.message, path=list(error.path))
