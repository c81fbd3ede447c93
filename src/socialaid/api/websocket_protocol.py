"""graphql-transport-ws as this API speaks it: every refused document is an `error` message for
its operation, never the end of the connection.

strawberry closes the whole connection (4400) on a document that does not parse, ending every
other subscription the client has on it, and the close reason (at most 123 bytes) cannot carry
a Chinese message with its detail; an untrusted document (trusted-documents mode) would end as
`complete` with a logged traceback, since strawberry's WebSocket path does not catch what an
extension raises. Both become an `error` message with the error's code, as validation errors are.
"""

from __future__ import annotations

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from socialaid.api.persisted_queries import PersistedDocuments, not_trusted
from socialaid.kernel.context import Context


class GraphQLTransportWS(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        documents = getattr(self.view, "persisted", None)
        query = message.get("payload", {}).get("query")
        if (
            self.connection_acknowledged
            and isinstance(documents, PersistedDocuments)
            and isinstance(query, str)
            and not documents.is_trusted(query)
        ):
            error = not_trusted().formatted
            await self.send_message({"id": message["id"], "type": "error", "payload": [error]})
            return
        await super().handle_subscribe(message)

    @staticmethod
    def _get_pre_execution_close_reason(error: GraphQLError) -> str | None:
        if isinstance(error, GraphQLSyntaxError):
            return None  # an `error` message for the operation instead
        return BaseGraphQLTransportWSHandler._get_pre_execution_close_reason(error)
