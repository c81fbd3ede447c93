"""A tenant admin sets the small-cell threshold `statistics_min_cell` of its tenant, as any
catalogue parameter (tenantParameterSet), in force from today."""

from __future__ import annotations

from datetime import date

from socialaid.access.vocabulary import Role
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.access.people import person
from tests.graphql_client import query_data

SET = """mutation($i: TenantParameterSetInput!) { tenantParameterSet(input: $i) {
  errors { code message } } }"""


async def set_min_cell(
    db: Database, tenant: str, value: int, effective_from: date | None = None
) -> None:
    admin = person(tenant, Role.TENANT_ADMIN, user=f"admin-{tenant}")
    setting = {
        "tenant": tenant,
        "key": "statistics_min_cell",
        "value": value,
        "effectiveFrom": (effective_from or today_in_china()).isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    answer = await query_data(db, SET, {"i": setting}, actor=admin)
    assert answer["tenantParameterSet"]["errors"] == [], answer
