"""A code and a Chinese message for every error of a request refused before its operation ran.

graphql-core's parse and validation errors carry no `extensions.code`, and strawberry's limiters
report theirs as plain validation (depth, aliases) or syntax (tokens) errors. Clients branch on
the code, so each gets one: GRAPHQL_PARSE_FAILED for a document that does not parse,
GRAPHQL_VALIDATION_FAILED for one that does not validate against the schema, QUERY_TOO_COMPLEX
(with `extensions.limit` naming which limit) for one over a limit. The message is Chinese: a
validation error's detail translated with its names kept (api/validation_messages.py, the English
original in `extensions.original`); a syntax error's English detail after the Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension

from socialaid.api.validation_messages import in_chinese

PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
TOO_COMPLEX = "QUERY_TOO_COMPLEX"

# The limiters' own messages: strawberry's QueryDepthLimiter and MaxAliasesLimiter, graphql-core's
# parser for MaxTokensLimiter (tests/transport/test_error_codes.py fails if one changes).
_DEPTH = re.compile(r"'.*' exceeds maximum operation depth of (\d+)", re.DOTALL)
_ALIASES = re.compile(r"(\d+) aliases found\. Allowed: (\d+)")
_TOKENS = re.compile(r"Syntax Error: Document contains more than (\d+) tokens\.")
_SOURCE = re.compile(r"Syntax Error: Source contains more than (\d+) code points\.")


def label_parse_error(error: GraphQLError) -> None:
    """Give an error of parsing its code and message (once: a labelled error keeps its label)."""
    if _has_code(error):
        return
    detail = error.message
    if match := _TOKENS.match(detail):
        _label(error, TOO_COMPLEX, f"查询文档的记号（token）数超过上限 {match[1]} 个", "tokens")
    elif match := _SOURCE.match(detail):
        _label(error, TOO_COMPLEX, f"查询文档超过上限 {match[1]} 个字符", "length")
    elif isinstance(error, GraphQLSyntaxError):
        _label(error, PARSE_FAILED, f"查询文档有语法错误：{detail.removeprefix('Syntax Error: ')}")


def label_validation_error(error: GraphQLError) -> None:
    """Give an error of validation its code and message (once, as `label_parse_error`)."""
    if _has_code(error):
        return
    detail = error.message
    if match := _DEPTH.match(detail):
        _label(error, TOO_COMPLEX, f"查询的嵌套深度超过上限 {match[1]} 层", "depth")
    elif match := _ALIASES.match(detail):
        _label(
            error, TOO_COMPLEX, f"查询使用了 {match[1]} 个别名，超过上限 {match[2]} 个", "aliases"
        )
    else:
        error.extensions = {**(error.extensions or {}), "original": detail}
        _label(error, VALIDATION_FAILED, f"查询未通过校验：{in_chinese(detail)}")


def _has_code(error: GraphQLError) -> bool:
    return bool(error.extensions and "code" in error.extensions)


def _label(error: GraphQLError, code: str, message: str, limit: str | None = None) -> None:
    extensions = {**(error.extensions or {}), "code": code}
    if limit is not None:
        extensions["limit"] = limit
    error.extensions = extensions
    error.message = message


class RequestErrorCodes(SchemaExtension):
    """Labels validation errors as they happen, before strawberry logs and returns them (over
    WebSockets too). Parse errors are labelled where they are logged (api/error_reporting.py):
    ParserCache's hook raises them before any extension's could see them."""

    def on_validate(self) -> Iterator[None]:
        yield
        for error in self.execution_context.pre_execution_errors or ():
            label_validation_error(error)
