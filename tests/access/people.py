"""Principals for access tests, built without a database (paths of the seed tenants)."""

from __future__ import annotations

from socialaid.access.principal import Grant, Principal
from socialaid.access.vocabulary import Role

PATHS = {
    "310000": "310000",
    "310105": "310000/310105",
    "320000": "320000",
    "320200": "320000/320200",
    "320281": "320000/320200/320281",
    "140000": "140000",
    "140100": "140000/140100",
    "140105": "140000/140100/140105",
}


def person(
    tenant: str,
    *roles: Role,
    user: str = "u1",
    departments: tuple[str, ...] = (),
    area: str | None = None,
) -> Principal:
    return Principal(
        user_id=user,
        tenant_id=tenant,
        tenant_path=PATHS[tenant],
        grants=tuple(Grant(role, tenant, PATHS[tenant]) for role in roles),
        departments=departments,
        area=area,
    )
