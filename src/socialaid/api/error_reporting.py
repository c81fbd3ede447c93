"""Which GraphQL errors are expected, and how each kind is logged.

An expected error is one the client sees as it is: a domain error (NOT_FOUND, FORBIDDEN,
UNAUTHENTICATED, INVALID_INPUT, …) or a query that does not parse or validate. Anyone can cause
one at will, so it is logged at INFO in one line without a traceback, and without the values a
client put in the query: strawberry's default (ERROR, traceback, the query's source quoted) let
every caller fill the log, ID numbers included. Anything else is a defect of ours: masked for the
client, logged at ERROR with its traceback.
"""

from __future__ import annotations

import logging
import re

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.types import ExecutionContext

from socialaid.api.request_errors import label_parse_error
from socialaid.api.unavailable import without_outages
from socialaid.errors import DomainError

log = logging.getLogger(__name__)

MAX_LOGGED_CHARS = 80
# What graphql-core quotes is input (a value, a field or variable name); long digit runs are
# ID numbers, phone numbers or bank accounts a domain message may repeat.
_INPUT = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|\d{10,}[0-9Xx]?")


def should_mask(error: GraphQLError) -> bool:
    """Mask unexpected exceptions; keep domain errors and query-validation errors readable."""
    original = error.original_error
    return original is not None and not isinstance(original, DomainError | GraphQLError)


def without_input(text: str) -> str:
    """One line, what could be the client's input replaced by `…`, at most MAX_LOGGED_CHARS."""
    line = _INPUT.sub("…", " ".join(text.split()))
    return line if len(line) <= MAX_LOGGED_CHARS else line[: MAX_LOGGED_CHARS - 1] + "…"


def _where(error: GraphQLError, context: ExecutionContext | None) -> str:
    """The operation's name (when it has one) and the field's path in the response."""
    operation = context.operation_name if context is not None else None
    steps = [operation] if operation else []
    steps += [str(p) for p in error.path or ()]
    return without_input("/".join(steps) or "-")


class ErrorLoggingSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # A document that does not parse fails in ParserCache's hook, before any extension
        # could label it: every error passes here, over HTTP and WebSockets alike.
        for error in errors:
            if isinstance(error, GraphQLSyntaxError):
                label_parse_error(error)
        # An outage is logged once as a warning there, not as an error per request here.
        for error in without_outages(errors):
            where = _where(error, execution_context)
            if should_mask(error):
                log.error(
                    "unexpected error at %s: %s",
                    where,
                    error.message,
                    exc_info=error.original_error,
                )
                continue
            original = error.original_error
            kind = original.code.value if isinstance(original, DomainError) else "invalid query"
            log.info("%s at %s: %s", kind, where, without_input(error.message))
