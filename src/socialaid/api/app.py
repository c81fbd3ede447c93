"""The ASGI application: /graphql, /audit/export, /print/…, /files (embedded uploads), /healthz,
/readyz."""

from __future__ import annotations

import json
import logging
from contextlib import suppress

from cross_web import HTTPException
from graphql import GraphQLSyntaxError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from socialaid.access.authentication import Authenticator
from socialaid.access.decisions import UnauthenticatedError
from socialaid.api import graphql_over_http as over_http
from socialaid.api import unavailable
from socialaid.api.access_log import AccessLog
from socialaid.api.compression import CompressResponses
from socialaid.api.cors import CorsMiddleware
from socialaid.api.event_stream import EventStreamOrGraphQL, GraphQLEventStream
from socialaid.api.graphiql_assets import ASSET_ROUTE, graphiql_asset, graphiql_response
from socialaid.api.metrics import MetricsSampler, metrics_endpoint, metrics_open_to
from socialaid.api.persisted_queries import PersistedQueries, persisted_documents
from socialaid.api.public_cache import CachePolicy, PublicResponseCache
from socialaid.api.public_get import PublicGetOnly
from socialaid.api.request_errors import label_parse_error
from socialaid.api.request_limits import RequestLimits
from socialaid.api.request_metrics import RequestMetrics, note_result
from socialaid.api.request_origin import RequestOriginMiddleware
from socialaid.api.schema import build_schema
from socialaid.api.transport_refusals import (
    MEDIA_TYPE_HEADER,
    refused_before_running,
    transport_refusal,
)
from socialaid.api.websocket_protocol import GraphQLTransportWS
from socialaid.api.ws_authorization import ws_authorization
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.audit.http import export_endpoint
from socialaid.audit.request import current_origin
from socialaid.calendars.readiness import calendar_running_out
from socialaid.catalogue.revision import RevisionWatcher
from socialaid.config import Settings
from socialaid.console.http import console_routes
from socialaid.console.location import console_dist
from socialaid.db.database import Database
from socialaid.exports.response import TableFormat
from socialaid.kernel.caches import Caches
from socialaid.kernel.context import Context
from socialaid.kernel.http_errors import unknown_route
from socialaid.log_format import current_log_context
from socialaid.materials.embedded_store import EmbeddedStore
from socialaid.materials.file_routes import file_routes
from socialaid.materials.stores import FileStores
from socialaid.printing.http import print_routes
from socialaid.statistics.http import statistics_export_endpoint
from socialaid.tracing import Tracing

log = logging.getLogger(__name__)

# /readyz answers within 2 s whether the database is up, down or paused (a probe that waits
# longer is itself a failure): a database that takes longer to answer is not ready.
READINESS_TIMEOUT = 1.0


class GraphQLApp(GraphQL[Context, None]):
    # A refused document is an `error` message for its operation (api/websocket_protocol.py).
    graphql_transport_ws_handler_class = GraphQLTransportWS

    def __init__(
        self,
        db: Database,
        settings: Settings,
        authenticator: Authenticator | None = None,
        application_updates: ApplicationUpdates | None = None,
        tracing: Tracing | None = None,
    ) -> None:
        # Automatic persisted queries, or the trusted manifest (api/persisted_queries.py).
        self.persisted = persisted_documents(settings.trusted_documents)
        super().__init__(
            build_schema(settings, tracing.tracer if tracing is not None else None, self.persisted),
            graphql_ide=None if settings.is_production else "graphiql",
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            # Cross-origin handshakes from these pages only (same-origin and non-browser ones pass).
            allowed_origins=settings.allowed_origins,
        )
        self.db = db
        self.settings = settings
        self.caches = Caches()
        self.caches.put(application_updates or ApplicationUpdates())
        self.authenticator = authenticator or Authenticator(settings)
        # Subscriptions re-check their subscriber's grants on the changes it hears.
        self.caches.put(self.authenticator)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
        except HTTPException as refused:
            # strawberry's refusals are plain English text: a GraphQL-shaped error instead.
            response = transport_refusal(refused, Request(scope).headers.get("accept"))
        await response(scope, receive, send)

    def encode_json(self, data: object) -> str:
        # UTF-8 as it is: strawberry's json.dumps escapes every Chinese character as \uXXXX,
        # which makes a catalogue twice as long on the wire.
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # A document that does not parse may not have met the schema (the event stream parses
        # it first): labelled here as where strawberry logs it (api/error_reporting.py).
        for error in result.errors or ():
            if isinstance(error, GraphQLSyntaxError):
                label_parse_error(error)
        note_result(result)
        response = await super().process_result(request, result)
        # A request refused before its operation ran has no data under graphql-response+json.
        accept = request.headers.get("accept")
        if over_http.negotiate(accept) == over_http.GRAPHQL_RESPONSE_JSON and (
            refused_before_running(result)
        ):
            response.pop("data", None)  # type: ignore[misc]
        return response

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        # Read back (and replaced) by create_response, which is not given the request.
        sub_response.headers[MEDIA_TYPE_HEADER] = over_http.negotiate(request.headers.get("accept"))
        return sub_response

    async def render_graphql_ide(self, request: Request) -> Response:
        # Its scripts and styles from this API (api/graphiql_assets.py), not from unpkg.com.
        return graphiql_response()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        principal = None
        # A WebSocket's caller is known once its connection_init arrives (on_ws_connect).
        if not isinstance(request, WebSocket):
            with suppress(UnauthenticatedError):
                principal = await self.authenticator.authenticate(
                    self.db, request.headers.get("authorization")
                )
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
        log_context = current_log_context()
        if log_context is not None and principal is not None:
            # Ids, not names: the tenant's code and the token's subject say whose request it was.
            log_context.tenant = principal.tenant_id
            log_context.actor = principal.user_id
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Who the socket is for: the token of connection_init's payload, else the upgrade's
        Authorization header; a token that is refused closes the socket with 4403."""
        try:
            authorization = ws_authorization(context.connection_params or {})
            if authorization is None and context.request is not None:
                authorization = context.request.headers.get("authorization")
            context.principal = await self.authenticator.authenticate(self.db, authorization)
        except UnauthenticatedError:
            raise ConnectionRejectionError() from None
        log_context = current_log_context()
        if log_context is not None and context.principal is not None:
            log_context.tenant = context.principal.tenant_id
            log_context.actor = context.principal.user_id
        acknowledged_without_payload: UnsetType = UNSET
        return acknowledged_without_payload

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        media_type = sub_response.headers.get(MEDIA_TYPE_HEADER, over_http.JSON)
        del sub_response.headers[MEDIA_TYPE_HEADER]
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = over_http.content_type(media_type)
        if not sub_response.status_code and not isinstance(response_data, list):
            response.status_code = over_http.status_for(media_type, response_data)
        # Whatever else it holds, a response with an outage asks the client to try again later.
        if unavailable.reports_unavailable(response_data):
            response.status_code = unavailable.STATUS
            response.headers.update(unavailable.HEADERS)
        return response


def create_app(
    db: Database,
    settings: Settings,
    authenticator: Authenticator | None = None,
    revisions: RevisionWatcher | None = None,
    application_updates: ApplicationUpdates | None = None,
    tracing: Tracing | None = None,
) -> Starlette:
    """`authenticator`, `revisions` and `application_updates` are shared with whoever runs their
    change listeners (see `socialaid serve`); without a running listener the first two ask the
    database every time and subscriptions receive no updates. With `tracing`, each GraphQL
    operation is a span and each database query one of its children (socialaid/tracing.py)."""
    graphql = GraphQLApp(db, settings, authenticator, application_updates, tracing)
    if tracing is not None:
        db.trace_queries(tracing.tracer)
    cached_graphql = PublicResponseCache(
        graphql,
        (revisions or RevisionWatcher(db)).current,
        policy=CachePolicy(
            max_age=settings.public_max_age,
            stale_while_revalidate=settings.public_stale_while_revalidate,
            compress_min_bytes=settings.compress_min_bytes,
        ),
    )
    limited_graphql = RequestLimits(
        PersistedQueries(PublicGetOnly(cached_graphql), graphql.persisted),
        max_body_bytes=settings.max_request_bytes,
        max_json_depth=settings.max_json_depth,
        max_header_bytes=settings.max_header_bytes,
    )

    # Subscriptions (and any operation) as server-sent events, under the same request limits.
    limited_stream = RequestLimits(
        GraphQLEventStream(graphql),
        max_body_bytes=settings.max_request_bytes,
        max_json_depth=settings.max_json_depth,
        max_header_bytes=settings.max_header_bytes,
    )

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        try:
            await db.ping(within=READINESS_TIMEOUT)
        except Exception as error:  # any failure to reach the database means "not ready"
            # Expected while the database is out: one line, no traceback.
            log.warning("readiness check failed: %s: %s", type(error).__name__, error)
            return JSONResponse({"status": "unavailable"}, status_code=503)
        # Ready either way; the calendar's end is a warning for the operator, not an outage.
        calendar = await calendar_running_out(db, within=READINESS_TIMEOUT)
        return JSONResponse({"status": "ready", **({"calendar": calendar} if calendar else {})})

    sampler = MetricsSampler(db)
    # The embedded store serves its own signed PUT and GET; an S3-compatible store serves both.
    store = graphql.caches.of(FileStores).for_settings(settings).store
    upload_routes = file_routes(store) if isinstance(store, EmbeddedStore) else []
    metrics_routes = (
        [Route("/metrics", metrics_endpoint(db, settings, sampler), methods=["GET"])]
        if metrics_open_to(settings) is None
        else []
    )
    app = Starlette(
        routes=[
            Route(
                "/graphql",
                unavailable.AnswerOutages(EventStreamOrGraphQL(limited_stream, limited_graphql)),
                methods=["GET", "POST"],
            ),
            Route("/graphql/stream", unavailable.AnswerOutages(limited_stream), methods=["POST"]),
            WebSocketRoute("/graphql", graphql),
            Route(
                "/audit/export",
                export_endpoint(db, settings.signing_key, graphql.authenticator),
                methods=["GET"],
            ),
            *(
                Route(
                    f"/exports/statistics.{table_format.value}",
                    statistics_export_endpoint(
                        db, graphql.authenticator, settings.statistics_min_cell, table_format
                    ),
                    methods=["GET"],
                )
                for table_format in TableFormat
            ),
            # Printable application forms and decision notices (printing/http.py).
            *print_routes(db, graphql.authenticator, graphql.caches, settings.signing_key),
            *([Route(ASSET_ROUTE, graphiql_asset, methods=["GET"])] if graphql.graphql_ide else []),
            *upload_routes,
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            *metrics_routes,
            # The web console (web/, served from web/dist or the wheel's copy) on this origin.
            *console_routes(settings, console_dist()),
        ],
        # A path or method nobody serves answers in the JSON every other refusal uses.
        exception_handlers={404: unknown_route, 405: unknown_route},
        # The request id outermost: cached and refused responses carry their request's id too.
        middleware=[
            Middleware(RequestOriginMiddleware),
            *([Middleware(AccessLog)] if settings.access_log else []),
            *([Middleware(RequestMetrics)] if settings.metrics else []),
            # Inside the access log and the metrics, so preflights and refused origins are
            # logged and counted too.
            Middleware(CorsMiddleware, allowed_origins=settings.allowed_origins),
            # Innermost: what the cache compressed already passes through as it is.
            Middleware(CompressResponses, min_bytes=settings.compress_min_bytes),
        ],
    )
    # Started with the change listeners (api/change_listeners.py): pools and caches sampled.
    app.state.metrics_sampler = sampler if settings.metrics else None
    return app
