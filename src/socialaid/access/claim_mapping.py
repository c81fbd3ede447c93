"""From a verified token's claims to who the caller is: where the provider keeps the tenant, the
roles, the departments and the area, and what its role names mean here."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from socialaid.access.vocabulary import Role

TENANT_CODE = re.compile(r"^[0-9]{6}$")


class ClaimError(ValueError):
    """A claim is missing or has a shape the mapping cannot read."""


@dataclass(frozen=True)
class TokenClaims:
    user_id: str
    tenant_id: str
    roles: tuple[Role, ...]
    departments: tuple[str, ...] = ()
    area: str | None = None
    expires_at: float | None = None  # the token's `exp` (seconds since the epoch)


def claim_at(claims: Mapping[str, Any], path: str) -> Any:
    """The claim named `path`, or reached by its dots (`realm_access.roles`); None if absent.

    A claim whose own name holds dots (`https://sso.example.gov/tenant`) is found by its whole
    name first."""
    if path in claims:
        return claims[path]
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _strings(value: Any, name: str) -> list[str]:
    """A list of strings; a lone string (a provider's single-valued attribute) as one item."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ClaimError(name)
    return value


@dataclass(frozen=True)
class ClaimMapping:
    """Where each claim is read from. Without a role map the roles claim holds our role names
    and an unknown one refuses the token (a typo in a dev token is found at once); with a map,
    the map is the whole vocabulary and every other name is ignored, since a provider puts
    roles of its own and of other applications into the same claim."""

    tenant: str = "tenant"
    roles: str = "roles"
    departments: str = "departments"
    area: str = "area"
    role_map: Mapping[str, Role] | None = None

    def roles_of(self, names: list[str]) -> tuple[Role, ...]:
        if self.role_map is None:
            unknown = [n for n in names if n not in Role.__members__.values()]
            if unknown:
                raise ClaimError(f"{self.roles}: unknown role {unknown[0]!r}")
            found = [Role(n) for n in names]
        else:
            found = [self.role_map[n] for n in names if n in self.role_map]
        return tuple(dict.fromkeys(found))  # in order, once each

    def claims_of(self, claims: Mapping[str, Any]) -> TokenClaims:
        sub, tenant = claims.get("sub"), claim_at(claims, self.tenant)
        area = claim_at(claims, self.area)
        if not isinstance(sub, str) or not sub:
            raise ClaimError("sub")
        if not isinstance(tenant, str) or not TENANT_CODE.match(tenant):
            raise ClaimError(self.tenant)
        if area is not None and not isinstance(area, str):
            raise ClaimError(self.area)
        return TokenClaims(
            user_id=sub,
            tenant_id=tenant,
            roles=self.roles_of(_strings(claim_at(claims, self.roles), self.roles)),
            departments=tuple(_strings(claim_at(claims, self.departments), self.departments)),
            area=area,
        )
