"""From an Authorization header to a Principal: token, home tenant, token and assigned grants."""

from __future__ import annotations

import logging

from sqlalchemy import text

from socialaid.access.changes import CHANNEL, EVERYTHING
from socialaid.access.decisions import UnauthenticatedError
from socialaid.access.grant_changes import GrantChanges
from socialaid.access.policy import reload_default_policy
from socialaid.access.principal import Grant, GrantSource, Principal
from socialaid.access.tokens import InvalidTokenError, TokenClaims, TokenVerifier
from socialaid.access.vocabulary import Role
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.db.listener import Listener
from socialaid.db.rls import set_scope

log = logging.getLogger(__name__)


class Authenticator:
    """One per process. Caches tenant paths and assigned grants only while its change listener
    is connected, so a process that could miss a revocation never trusts a stale grant; the
    listener reconnects by itself, and caching resumes once it listens again."""

    def __init__(self, settings: Settings, verifier: TokenVerifier | None = None) -> None:
        """`verifier`: by default one for the settings, made on first use."""
        self.settings = settings
        self._verifier = verifier
        self._listener = Listener(CHANNEL, self._changed, self._listener_lost, self._listening)
        self._caching = False
        self._tenant_paths: dict[str, str] = {}
        self._assigned: dict[str, tuple[Grant, ...]] = {}
        # Bumped by every change, so a read that raced a notification is not cached.
        self._generation = 0
        # Subscriptions watching their subscriber's grants (re-checked on every change).
        self.changes = GrantChanges()

    @property
    def verifier(self) -> TokenVerifier:
        if self._verifier is None:
            self._verifier = TokenVerifier(self.settings)
        return self._verifier

    async def listen(self, db: Database) -> None:
        await self._listener.start(db.listen_url, connect_timeout=db.timeouts.connect_or_none)

    async def start(self) -> None:
        """Before serving: the verifier made (a role map onto unknown roles stops the start
        here) and the identity provider's keys fetched, when they come over HTTP."""
        await self.verifier.start()

    async def close(self) -> None:
        self._caching = False
        await self._listener.stop()
        if self._verifier is not None:
            await self._verifier.close()

    def caches_grants_of(self, user_id: str) -> bool:
        return user_id in self._assigned

    def _changed(self, key: str) -> None:
        self._generation += 1
        if key == EVERYTHING:
            reload_default_policy()
            self._tenant_paths.clear()
            self._assigned.clear()
        else:
            self._assigned.pop(key, None)
        self.changes.changed(key)

    def _listener_lost(self) -> None:
        self._generation += 1
        self._caching = False
        self._tenant_paths.clear()
        self._assigned.clear()
        self.changes.changed(EVERYTHING)

    def _listening(self) -> None:
        # A read begun while nothing listened may predate a change no one was told of.
        self._generation += 1
        self._caching = True
        self.changes.changed(EVERYTHING)

    async def authenticate(self, db: Database, authorization: str | None) -> Principal | None:
        """None without credentials; UNAUTHENTICATED for credentials that are not accepted."""
        if authorization is None:
            return None
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise UnauthenticatedError()
        try:
            claims = await self.verifier.verify_fetching(token.strip())
        except InvalidTokenError as exc:
            log.info("token refused: %s", exc)
            raise UnauthenticatedError() from exc
        return await self.principal_for(db, claims)

    async def principal_for(self, db: Database, claims: TokenClaims) -> Principal:
        home, assigned = await self._lookup(db, claims)
        if home is None:
            log.info("token refused: unknown tenant %s", claims.tenant_id)
            raise UnauthenticatedError()
        token_grants = tuple(Grant(role, claims.tenant_id, home) for role in claims.roles)
        held = {(g.role, g.tenant_id) for g in token_grants}
        return Principal(
            user_id=claims.user_id,
            tenant_id=claims.tenant_id,
            tenant_path=home,
            grants=token_grants + tuple(g for g in assigned if (g.role, g.tenant_id) not in held),
            departments=claims.departments,
            area=claims.area,
            expires_at=claims.expires_at,
        )

    async def refreshed(self, db: Database, principal: Principal) -> Principal:
        """The principal with its assigned grants as they are now; the token's stay as they are
        (UNAUTHENTICATED once its tenant is gone)."""
        claims = TokenClaims(
            user_id=principal.user_id,
            tenant_id=principal.tenant_id,
            roles=tuple(g.role for g in principal.grants if g.source is GrantSource.TOKEN),
            departments=principal.departments,
            area=principal.area,
            expires_at=principal.expires_at,
        )
        return await self.principal_for(db, claims)

    async def _lookup(
        self, db: Database, claims: TokenClaims
    ) -> tuple[str | None, tuple[Grant, ...]]:
        home = self._tenant_paths.get(claims.tenant_id) if self._caching else None
        assigned = self._assigned.get(claims.user_id) if self._caching else None
        if home is not None and assigned is not None:
            return home, assigned
        generation = self._generation
        # Read before the caller's scope is known: the transaction is scoped to the user alone,
        # which row-level security admits to the user's own role_assignment rows.
        async with db.session() as session, session.begin():
            await set_scope(session, tenant_paths=(), user_id=claims.user_id)
            home = await session.scalar(
                text("SELECT path FROM tenant WHERE tenant_id = :code"),
                {"code": claims.tenant_id},
            )
            rows = await session.execute(
                text(
                    "SELECT ra.role, ra.tenant_id, t.path FROM role_assignment ra"
                    " JOIN tenant t ON t.tenant_id = ra.tenant_id"
                    " WHERE ra.user_id = :user ORDER BY t.path, ra.role"
                ),
                {"user": claims.user_id},
            )
            assigned = tuple(
                Grant(Role(role), tenant_id, path, GrantSource.ASSIGNMENT)
                for role, tenant_id, path in rows
            )
        if self._caching and generation == self._generation:
            if home is not None:
                self._tenant_paths[claims.tenant_id] = home
            self._assigned[claims.user_id] = assigned
        return home, assigned
