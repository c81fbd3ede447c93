"""The schema extension that tells the audit writer which request an operation serves."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from strawberry.extensions import SchemaExtension

from socialaid.audit.request import RequestOrigin, reset_origin, set_origin


class AuditRequestExtension(SchemaExtension):
    """Sets the audit RequestOrigin (request id, client address) for the whole operation."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        request = getattr(context, "request", None)
        client = getattr(request, "client", None)
        token = set_origin(
            RequestOrigin(
                request_id=getattr(context, "request_id", None),
                client_address=client.host if client is not None else None,
            )
        )
        try:
            yield
        finally:
            # A subscription closed from another task: its context ends with it anyway.
            with suppress(ValueError):
                reset_origin(token)
