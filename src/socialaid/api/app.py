"""The ASGI application: /graphql, /audit/export, /healthz, /readyz."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from socialaid.access.authentication import Authenticator
from socialaid.access.decisions import UnauthenticatedError
from socialaid.api.public_cache import PublicResponseCache
from socialaid.api.request_limits import RequestLimits
from socialaid.api.request_origin import RequestOriginMiddleware
from socialaid.api.schema import build_schema
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.audit.http import export_endpoint
from socialaid.audit.request import current_origin
from socialaid.catalogue.revision import RevisionWatcher
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.kernel.caches import Caches
from socialaid.kernel.context import Context

log = logging.getLogger(__name__)


class GraphQLApp(GraphQL[Context, None]):
    def __init__(
        self,
        db: Database,
        settings: Settings,
        authenticator: Authenticator | None = None,
        application_updates: ApplicationUpdates | None = None,
    ) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide=None if settings.is_production else "graphiql",
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self.db = db
        self.settings = settings
        self.caches = Caches()
        self.caches.put(application_updates or ApplicationUpdates())
        self.authenticator = authenticator or Authenticator(settings)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        try:
            principal = await self.authenticator.authenticate(
                self.db, request.headers.get("authorization")
            )
        except UnauthenticatedError:
            principal = None
        context = Context(
            db=self.db,
            settings=self.settings,
            request=request,
            response=response if isinstance(response, Response) else None,
            caches=self.caches,
            principal=principal,
        )
        # The id RequestOriginMiddleware gave this request (and sent back in X-Request-Id).
        request_id = current_origin().request_id
        if request_id is not None:
            context.request_id = request_id
        return context


def create_app(
    db: Database,
    settings: Settings,
    authenticator: Authenticator | None = None,
    revisions: RevisionWatcher | None = None,
    application_updates: ApplicationUpdates | None = None,
) -> Starlette:
    """`authenticator`, `revisions` and `application_updates` are shared with whoever runs their
    change listeners (see `socialaid serve`); without a running listener the first two ask the
    database every time and subscriptions receive no updates."""
    graphql = GraphQLApp(db, settings, authenticator, application_updates)
    cached_graphql = PublicResponseCache(graphql, (revisions or RevisionWatcher(db)).current)
    limited_graphql = RequestLimits(
        cached_graphql,
        max_body_bytes=settings.max_request_bytes,
        max_json_depth=settings.max_json_depth,
    )

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        try:
            await db.ping()
        except Exception:  # any failure to reach the database means "not ready"
            log.exception("readiness check failed")
            return JSONResponse({"status": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    return Starlette(
        routes=[
            Route("/graphql", limited_graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route(
                "/audit/export",
                export_endpoint(db, settings.signing_key, graphql.authenticator),
                methods=["GET"],
            ),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ],
        # Outermost: cached and refused responses carry their request's id too.
        middleware=[Middleware(RequestOriginMiddleware)],
    )
