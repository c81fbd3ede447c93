"""Read the small-cell threshold of a query over a tenant's subtree (`small_cells`): the
`statistics_min_cell` settings and catalogue values on the subtree's chains, in one statement."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.clock import today_in_china
from socialaid.statistics.small_cells import PARAMETER, ThresholdSetting, subtree_threshold

_SUBTREE = text(
    "SELECT tenant_id, path FROM tenant WHERE path = :path OR left(path, :length) = :prefix"
)
# Settings carry when they take effect and their order; a catalogue's declared value does not.
_VALUES = text(
    "SELECT tenant_id, value, effective_from, id FROM tenant_parameter"
    " WHERE key = :key AND tenant_id = ANY(:codes) AND jsonb_typeof(value) = 'number'"
    " UNION ALL"
    " SELECT c.tenant_id, p -> 'value', NULL, NULL"
    " FROM tenant_catalogue c, jsonb_array_elements(c.document -> 'parameters') p"
    " WHERE p ->> 'key' = :key AND jsonb_typeof(p -> 'value') = 'number'"
    " AND c.tenant_id = ANY(:codes)"
)


@dataclass(frozen=True)
class Subtree:
    """The tenant at a path and every tenant below it."""

    tenants: list[str]
    paths: list[str]


async def read_subtree(session: AsyncSession, path: str) -> Subtree:
    found = await session.execute(
        _SUBTREE, {"path": path, "prefix": path + "/", "length": len(path) + 1}
    )
    rows = found.all()
    return Subtree([str(row.tenant_id) for row in rows], [str(row.path) for row in rows])


async def min_cell(session: AsyncSession, path: str, floor: int) -> int:
    """The threshold of a query over the tenant at `path` and every tenant below it."""
    return await subtree_min_cell(session, await read_subtree(session, path), floor)


async def subtree_min_cell(session: AsyncSession, subtree: Subtree, floor: int) -> int:
    codes = sorted({code for p in subtree.paths for code in p.split("/")})
    settings: list[ThresholdSetting] = []
    declared: dict[str, int] = {}
    for row in await session.execute(_VALUES, {"key": PARAMETER, "codes": codes}):
        value = round(float(row.value))
        if row.id is None:
            declared[str(row.tenant_id)] = value
        else:
            settings.append(ThresholdSetting(row.tenant_id, value, row.effective_from, int(row.id)))
    return subtree_threshold(subtree.paths, settings, declared, today_in_china(), floor)
