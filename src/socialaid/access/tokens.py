"""Bearer JWTs: minting dev tokens (HS256) and verifying HS256 or the OIDC provider's RS256."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from socialaid.access.vocabulary import Role
from socialaid.caching import LruCache
from socialaid.config import Settings

TENANT_CODE = re.compile(r"^[0-9]{6}$")
LEEWAY = timedelta(seconds=30)
VERIFIED_CACHE_SIZE = 10_000


class InvalidTokenError(Exception):
    """Any reason a token is not accepted; the reason stays in logs, never in responses."""


@dataclass(frozen=True)
class TokenClaims:
    user_id: str
    tenant_id: str
    roles: tuple[Role, ...]
    departments: tuple[str, ...] = ()
    area: str | None = None
    expires_at: float | None = None  # the token's `exp` (seconds since the epoch)


def mint_token(
    settings: Settings,
    *,
    user: str,
    tenant: str,
    roles: Sequence[Role | str],
    departments: Sequence[str] = (),
    area: str | None = None,
    ttl: timedelta = timedelta(hours=8),
    now: datetime | None = None,
) -> str:
    """A dev token signed with the configured secret (HS256)."""
    issued = now or datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": user,
        "tenant": tenant,
        "roles": [Role(r).value for r in roles],
        "departments": list(departments),
        "iat": issued,
        "exp": issued + ttl,
    }
    if area is not None:
        claims["area"] = area
    if settings.jwt_issuer:
        claims["iss"] = settings.jwt_issuer
    if settings.jwt_audience:
        claims["aud"] = settings.jwt_audience
    return jwt.encode(claims, settings.signing_key, algorithm="HS256")


class TokenVerifier:
    """Verifies with exactly one algorithm family, so a token cannot choose how it is checked."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._jwks: jwt.PyJWKSet | None = None
        self._public_key: str | None = None
        self._secret: str | None = None
        # token -> (claims, expiry): a client sends the same token with every request, and
        # verifying a signature costs more than the rest of authorization together.
        self._verified: LruCache[str, tuple[TokenClaims, float]] = LruCache(VERIFIED_CACHE_SIZE)
        if settings.jwks_file is not None:
            self._jwks = jwt.PyJWKSet.from_json(settings.jwks_file.read_text(encoding="utf-8"))
        elif settings.jwt_public_key_file is not None:
            self._public_key = settings.jwt_public_key_file.read_text(encoding="utf-8")
        elif not settings.is_production:
            self._secret = settings.signing_key
        # Production without a public key or JWKS refuses every token (`socialaid serve` refuses
        # to start so: Settings.check_for_serving).

    def _key_for(self, token: str) -> tuple[Any, str]:
        if self._jwks is not None:
            kid = jwt.get_unverified_header(token).get("kid")
            try:
                return self._jwks[str(kid)].key, "RS256"
            except KeyError as exc:
                raise InvalidTokenError("unknown key id") from exc
        if self._public_key is not None:
            return self._public_key, "RS256"
        if self._secret is not None:
            return self._secret, "HS256"
        raise InvalidTokenError("no token verification key is configured")

    def verify(self, token: str) -> TokenClaims:
        hit = self._verified.get(token)
        if hit is not None:
            if time.time() < hit[1] + LEEWAY.total_seconds():
                return hit[0]
            self._verified.pop(token)
            raise InvalidTokenError("expired")
        claims, expires = self._verify(token)
        self._verified.put(token, (claims, expires))
        return claims

    def _verify(self, token: str) -> tuple[TokenClaims, float]:
        try:
            key, algorithm = self._key_for(token)
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                issuer=self.settings.jwt_issuer,
                audience=self.settings.jwt_audience,
                leeway=LEEWAY,
                options={
                    "require": ["exp", "iat", "sub"],
                    "verify_aud": self.settings.jwt_audience is not None,
                    "verify_iss": self.settings.jwt_issuer is not None,
                },
            )
        except jwt.PyJWTError as exc:
            raise InvalidTokenError(str(exc)) from exc
        expires = float(claims["exp"])
        if expires - float(claims["iat"]) > self.settings.max_token_lifetime_seconds:
            raise InvalidTokenError("lifetime longer than SOCIALAID_MAX_TOKEN_LIFETIME_SECONDS")
        return replace(_claims_of(claims), expires_at=expires), expires


def _claims_of(claims: dict[str, Any]) -> TokenClaims:
    sub, tenant = claims.get("sub"), claims.get("tenant")
    roles, departments = claims.get("roles", []), claims.get("departments", [])
    area = claims.get("area")
    if not isinstance(sub, str) or not sub:
        raise InvalidTokenError("sub")
    if not isinstance(tenant, str) or not TENANT_CODE.match(tenant):
        raise InvalidTokenError("tenant")
    if not isinstance(roles, list) or not all(r in Role.__members__.values() for r in roles):
        raise InvalidTokenError("roles")
    if not isinstance(departments, list) or not all(isinstance(d, str) for d in departments):
        raise InvalidTokenError("departments")
    if area is not None and not isinstance(area, str):
        raise InvalidTokenError("area")
    return TokenClaims(
        user_id=sub,
        tenant_id=tenant,
        roles=tuple(Role(r) for r in roles),
        departments=tuple(departments),
        area=area,
    )
