"""strawberry's ParserCache, except that a document which does not parse is left to strawberry.

ParserCache parses in its `on_parse` hook, so a syntax error is raised out of an extension hook:
over HTTP strawberry's outer handler still turns it into an error response, but its WebSocket
path does not, and the operation ended with `complete` and a logged traceback instead of an
`error` message. Here the failure is swallowed: strawberry then parses the document itself and
reports the error the way it reports every pre-execution error, over either transport.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from graphql import GraphQLError
from strawberry.extensions import ParserCache


class ParserCacheLeavingErrors(ParserCache):
    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        # On a GraphQLError strawberry parses again (uncached) and reports it as a request error.
        with suppress(GraphQLError):
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
        yield
