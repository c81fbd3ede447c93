"""Who is calling: the authenticated user, their home tenant and every role they hold where."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from socialaid.access.policy import tenant_covers
from socialaid.access.vocabulary import Role


class GrantSource(StrEnum):
    TOKEN = "token"  # asserted by the identity provider for the token's tenant
    ASSIGNMENT = "assignment"  # a role_assignment row granted by a tenant_admin


@dataclass(frozen=True)
class Grant:
    """A role held at a tenant; it covers that tenant and its descendants."""

    role: Role
    tenant_id: str
    tenant_path: str
    source: GrantSource = GrantSource.TOKEN

    def covers(self, tenant_path: str) -> bool:
        return tenant_covers(self.tenant_path, tenant_path)


@dataclass(frozen=True)
class Principal:
    user_id: str
    tenant_id: str
    tenant_path: str
    grants: tuple[Grant, ...]
    departments: tuple[str, ...] = ()
    area: str | None = None  # an area path inside the home tenant, e.g. "huayang/xxx"
    # When the credentials run out (seconds since the epoch): a long-lived subscription ends then.
    expires_at: float | None = None

    @property
    def roles(self) -> tuple[Role, ...]:
        """Every role held anywhere, each once, in grant order."""
        return tuple(dict.fromkeys(g.role for g in self.grants))

    def grants_at(self, tenant_path: str) -> tuple[Grant, ...]:
        return tuple(g for g in self.grants if g.covers(tenant_path))

    @property
    def scope_paths(self) -> tuple[str, ...]:
        """The tenant subtrees this principal reaches at all (what row-level security admits)."""
        return tuple(dict.fromkeys(g.tenant_path for g in self.grants))


@dataclass(frozen=True)
class Target:
    """The thing acted on: its tenant and the attributes row scopes look at.

    Pass every attribute the resource has; an attribute left as None is not checked (for a
    list, the row-scope predicate narrows the rows instead).
    """

    tenant_path: str
    department: str | None = None
    area_path: str | None = None
    owner: str | None = None
