"""Read the small-cell threshold of a query over a tenant's subtree (`small_cells`): the
`statistics_min_cell` settings and catalogue values on the subtree's chains, one statement each."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.clock import today_in_china
from socialaid.statistics.small_cells import PARAMETER, ThresholdSetting, subtree_threshold

_PATHS = text("SELECT path FROM tenant WHERE path = :path OR left(path, :length) = :prefix")
_SETTINGS = text(
    "SELECT tenant_id, value, effective_from, id FROM tenant_parameter"
    " WHERE key = :key AND tenant_id = ANY(:codes) AND jsonb_typeof(value) = 'number'"
)
_DECLARED = text(
    "SELECT c.tenant_id, p -> 'value' AS value"
    " FROM tenant_catalogue c, jsonb_array_elements(c.document -> 'parameters') p"
    " WHERE p ->> 'key' = :key AND jsonb_typeof(p -> 'value') = 'number'"
    " AND c.tenant_id = ANY(:codes)"
)


async def min_cell(session: AsyncSession, path: str, floor: int) -> int:
    """The threshold of a query over the tenant at `path` and every tenant below it."""
    paths = list(
        (
            await session.execute(
                _PATHS, {"path": path, "prefix": path + "/", "length": len(path) + 1}
            )
        ).scalars()
    )
    codes = sorted({code for p in paths for code in p.split("/")})
    params = {"key": PARAMETER, "codes": codes}
    settings = [
        ThresholdSetting(row.tenant_id, round(float(row.value)), row.effective_from, int(row.id))
        for row in await session.execute(_SETTINGS, params)
    ]
    declared = {
        str(row.tenant_id): round(float(row.value))
        for row in await session.execute(_DECLARED, params)
    }
    return subtree_threshold(paths, settings, declared, today_in_china(), floor)
