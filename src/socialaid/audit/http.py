"""`GET /audit/export`: an auditor's filtered history as a streamed CSV, XLSX or JSON Lines download.

Query parameters: tenant (required), from, to (ISO 8601), format (csv | xlsx | jsonl), includeDescendants,
department, actor, action. Authorized like `auditEvents` (bearer token, audit_event / read).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from socialaid.access.authentication import Authenticator
from socialaid.access.principal import Principal
from socialaid.access.sessions import scoped_session
from socialaid.audit.export import (
    COLUMNS,
    MEDIA_TYPES,
    ExportFormat,
    export_lines,
    export_rows,
    record_export,
)
from socialaid.audit.queries import (
    EventFilter,
    authorized_tenant,
    china_time,
    describe_filter,
    filter_conditions,
    visible_to,
)
from socialaid.db.database import Database
from socialaid.db.outage import describe, outage_in
from socialaid.errors import DomainError
from socialaid.exports.content_disposition import attachment
from socialaid.exports.csv_cells import Cell
from socialaid.exports.response import TableFormat, table_response
from socialaid.kernel import http_errors
from socialaid.kernel.input_bounds import DEFAULT_TEXT, text_problem

log = logging.getLogger(__name__)


def parse_time(value: str | None, name: str) -> datetime | None:
    """ISO 8601 date or time; without an offset it is China time."""
    if value is None or value == "":
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise DomainError(f"{name} 应为 ISO 8601 日期或时间", path=[name]) from exc
    return china_time(parsed)


def _filter(request: Request) -> tuple[EventFilter, ExportFormat]:
    q = request.query_params
    # The same bounds as any GraphQL string argument: no NUL or lone surrogate reaches SQL.
    for name, value in q.multi_items():
        problem = text_problem(value, DEFAULT_TEXT)
        if problem is not None:
            raise DomainError(problem, path=[name[:64]])
    tenant = q.get("tenant")
    if not tenant:
        raise DomainError("请提供 tenant（行政区划代码）", path=["tenant"])
    try:
        export_format = ExportFormat(q.get("format", ExportFormat.CSV.value))
    except ValueError as exc:
        raise DomainError("format 应为 csv、xlsx 或 jsonl", path=["format"]) from exc
    event_filter = EventFilter(
        tenant=tenant,
        include_descendants=q.get("includeDescendants", "false").lower() == "true",
        department=q.get("department"),
        actor=q.get("actor"),
        action=q.get("action"),
        occurred_from=parse_time(q.get("from"), "from"),
        occurred_to=parse_time(q.get("to"), "to"),
    )
    return event_filter, export_format


def export_endpoint(
    db: Database, signing_key: str, authenticator: Authenticator
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            principal: Principal | None = await authenticator.authenticate(
                db, request.headers.get("authorization")
            )
            event_filter, export_format = _filter(request)
            async with scoped_session(db, principal) as session:
                actor, tenant = await authorized_tenant(
                    session, principal, event_filter.tenant, path=["tenant"]
                )
                await record_export(
                    session,
                    actor=actor,
                    tenant_id=tenant.tenant_id,
                    description=describe_filter(event_filter, signing_key),
                    export_format=export_format,
                )
        except DomainError as error:
            return http_errors.error_response(error)
        except Exception as error:
            outage = outage_in(error)
            if outage is None:
                raise
            log.warning("database unavailable for an audit export: %s", describe(outage))
            return http_errors.unavailable_response()
        conditions = [*filter_conditions(event_filter, tenant, signing_key), visible_to(actor)]

        # On the replica when there is one: the export's own record (just written on the
        # primary) reaches it a moment later, and may miss this stream.
        async def body() -> AsyncIterator[str]:
            async with scoped_session(db, actor, replica=True) as session:
                async for text, _ in export_lines(session, conditions, export_format):
                    yield text

        async def rows() -> AsyncIterator[list[Cell]]:
            async with scoped_session(db, actor, replica=True) as session:
                async for row in export_rows(session, conditions):
                    yield row

        name = f"audit-{tenant.tenant_id}"
        if export_format is ExportFormat.XLSX:
            return table_response(name, COLUMNS, rows(), TableFormat.XLSX, sheet_title="审计事件")
        return StreamingResponse(
            body(),
            media_type=MEDIA_TYPES[export_format],
            headers={
                "Content-Disposition": attachment(f"{name}.{export_format.value}"),
                "Cache-Control": "no-store",
            },
        )

    return endpoint
