"""`GET /exports/statistics.csv` and `.xlsx`: a `statistics` answer as a streamed download.

Query parameters as the query's arguments: tenant, from, to (YYYY-MM-DD), groupBy (comma-separated
dimension names), departments, items, channels (comma-separated). Authorized as the query (bearer
token, statistics / read; a department head held to its departments). A suppressed count (small,
or hidden as its complement) is an empty cell, and the row's `suppressed` column names it; the
threshold is the query's (`small_cells`), so the file and the GraphQL answer hide the same cells.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from socialaid.access.authentication import Authenticator
from socialaid.access.sessions import scoped_session
from socialaid.db.database import Database
from socialaid.errors import DomainError
from socialaid.exports.csv_cells import Cell
from socialaid.exports.response import TableFormat, table_response
from socialaid.kernel import http_errors
from socialaid.kernel.input_bounds import DEFAULT_TEXT, text_problem
from socialaid.statistics import queries
from socialaid.statistics.measures import COUNTS, Dimension
from socialaid.statistics.queries import Answer, StatisticsFilter

_HEADERS = {
    Dimension.TENANT: "租户",
    Dimension.AREA: "街道",
    Dimension.DEPARTMENT: "部门",
    Dimension.ITEM: "事项",
    Dimension.CHANNEL: "渠道",
    Dimension.DAY: "日",
    Dimension.WEEK: "周（周一）",
    Dimension.MONTH: "月（一日）",
    Dimension.TARGET_GROUP: "对象类别",
    Dimension.OUTCOME: "结果",
}
_COUNT_HEADERS = {
    "applications": "申请数",
    "cases": "案件数",
    "accepted": "受理数",
    "rejected_at_door": "不予受理数",
    "escalated": "提交联席会议数",
    "approved": "准予数",
    "denied": "不予准予数",
    "closed": "终止数",
    "pending": "办理中数",
    "overdue": "超期数",
    "supplements_requested": "要求补正数",
}
_TAIL = (
    "决定数",
    "决定用时中位数（工作日）",
    "决定用时第90百分位（工作日）",
    "月给予金额合计（元）",
    "不显示的指标",
)


def _date(value: str | None, name: str) -> date:
    if not value:
        raise DomainError(f"请提供 {name}（YYYY-MM-DD）", path=[name])
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DomainError(f"{name} 应为 YYYY-MM-DD 日期", path=[name]) from exc


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _dimensions(value: str | None) -> list[Dimension]:
    try:
        return [Dimension(name.lower()) for name in _list(value)]
    except ValueError as exc:
        raise DomainError("groupBy 含未知的维度", path=["groupBy"]) from exc


def _rows(answer: Answer, keys: Sequence[Dimension]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for group in answer.groups:
        figures = group.figures
        rows.append(
            [
                *(group.key[k] for k in keys),
                *(figures.counts.get(name) for name in COUNTS),
                figures.decisions,
                figures.median_working_days,
                figures.p90_working_days,
                figures.amount_granted,
                ",".join(figures.suppressed),
            ]
        )
    return rows


def statistics_export_endpoint(
    db: Database, authenticator: Authenticator, floor: int, table_format: TableFormat
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        q = request.query_params
        try:
            principal = await authenticator.authenticate(db, request.headers.get("authorization"))
            for name, value in q.multi_items():
                problem = text_problem(value, DEFAULT_TEXT)
                if problem is not None:
                    raise DomainError(problem, path=[name[:64]])
            tenant = q.get("tenant")
            if not tenant:
                raise DomainError("请提供 tenant（行政区划代码）", path=["tenant"])
            keys = _dimensions(q.get("groupBy"))
            async with scoped_session(db, principal, replica=True) as session:
                answer = await queries.statistics(
                    session,
                    principal,
                    tenant=tenant,
                    first=_date(q.get("from"), "from"),
                    last=_date(q.get("to"), "to"),
                    group_by=keys,
                    row_filter=StatisticsFilter(
                        _list(q.get("departments")), _list(q.get("items")), _list(q.get("channels"))
                    ),
                    floor=floor,
                )
        except DomainError as error:
            return http_errors.error_response(error)
        headers = [
            *(_HEADERS[k] for k in keys),
            *(_COUNT_HEADERS[name] for name in COUNTS),
            *_TAIL,
        ]

        async def rows() -> AsyncIterator[list[Cell]]:
            for row in _rows(answer, keys):
                yield row

        return table_response(
            f"statistics-{tenant}", headers, rows(), table_format, sheet_title="统计"
        )

    return endpoint
