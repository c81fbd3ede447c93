"""graphql-transport-ws as this API speaks it: every refused document is an `error` message for
its operation, never the end of the connection.

strawberry closes the whole connection (4400) on a document that does not parse, ending every
other subscription the client has on it, and the close reason (at most 123 bytes) cannot carry
a Chinese message with its detail; an untrusted document (trusted-documents mode) would end as
`complete` with a logged traceback, since strawberry's WebSocket path does not catch what an
extension raises. Both become an `error` message with the error's code, as validation errors are.

A `subscribe` payload may name its document by hash (`extensions.persistedQuery`, as over HTTP):
the hash is resolved against the same documents the HTTP endpoint knows, an unknown one is an
`error` message PERSISTED_QUERY_NOT_FOUND, and a hash sent with its text registers the pair.
"""

from __future__ import annotations

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from socialaid.api.persisted_queries import PersistedDocuments, Refusal, not_trusted
from socialaid.kernel.context import Context


class GraphQLTransportWS(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        documents = getattr(self.view, "persisted", None)
        payload = message.get("payload", {})
        if not self.connection_acknowledged or not isinstance(documents, PersistedDocuments):
            await super().handle_subscribe(message)
            return
        try:
            query = documents.resolve(payload.get("query"), payload.get("extensions"))
        except Refusal as refusal:
            refused = GraphQLError(refusal.message, extensions={"code": refusal.code})
            await self._refuse(message, refused)
            return
        if query is not None and not documents.is_trusted(query):
            await self._refuse(message, not_trusted())
            return
        if query is not None and query != payload.get("query"):
            message = {**message, "payload": {**payload, "query": query}}
        await super().handle_subscribe(message)

    async def _refuse(self, message: SubscribeMessage, error: GraphQLError) -> None:
        await self.send_message(
            {"id": message["id"], "type": "error", "payload": [error.formatted]}
        )

    @staticmethod
    def _get_pre_execution_close_reason(error: GraphQLError) -> str | None:
        if isinstance(error, GraphQLSyntaxError):
            return None  # an `error` message for the operation instead
        return BaseGraphQLTransportWSHandler._get_pre_execution_close_reason(error)
