"""Bearer JWTs: minting dev tokens (HS256) and verifying HS256, or the identity provider's
RS256/ES256 against a key file or keys fetched over HTTP (access/provider_keys.py)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from socialaid.access.claim_mapping import ClaimError, ClaimMapping, TokenClaims
from socialaid.access.provider_keys import ProviderKeys
from socialaid.access.vocabulary import Role
from socialaid.caching import LruCache
from socialaid.config import ConfigurationError, Settings

__all__ = ["InvalidTokenError", "TokenClaims", "TokenVerifier", "UnknownKeyError", "mint_token"]

LEEWAY = timedelta(seconds=30)
VERIFIED_CACHE_SIZE = 10_000


class InvalidTokenError(Exception):
    """Any reason a token is not accepted; the reason stays in logs, never in responses."""


class UnknownKeyError(InvalidTokenError):
    """The token names a key (`kid`) the provider's keys fetched so far do not hold."""

    def __init__(self, kid: str) -> None:
        super().__init__(f"unknown key id {kid[:64]!r}")
        self.kid = kid


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
    """Verifies with exactly one key source, and with the algorithms that source's keys are
    for, so a token cannot choose how it is checked."""

    def __init__(self, settings: Settings, provider: ProviderKeys | None = None) -> None:
        """`provider`: the keys fetched over HTTP (default: as the settings name them)."""
        self.settings = settings
        self.claims = claim_mapping_of(settings)
        self.provider = provider if provider is not None else ProviderKeys.of(settings)
        self._jwks: jwt.PyJWKSet | None = None
        self._public_key: str | None = None
        self._secret: str | None = None
        # token -> (claims, expiry, key generation): a client sends the same token with every
        # request, and verifying a signature costs more than the rest of authorization together.
        self._verified: LruCache[str, tuple[TokenClaims, float, int]] = LruCache(
            VERIFIED_CACHE_SIZE, name="verified_tokens"
        )
        if self.provider is None and settings.jwks_file is not None:
            self._jwks = jwt.PyJWKSet.from_json(settings.jwks_file.read_text(encoding="utf-8"))
        elif self.provider is None and settings.jwt_public_key_file is not None:
            self._public_key = settings.jwt_public_key_file.read_text(encoding="utf-8")
        elif self.provider is None and not settings.is_production:
            self._secret = settings.signing_key
        # Production without a public key or JWKS refuses every token (`socialaid serve` refuses
        # to start so: Settings.check_for_serving).

    async def start(self) -> None:
        """Fetch the provider's keys before serving (ProviderKeys.start)."""
        if self.provider is not None:
            await self.provider.start()

    async def close(self) -> None:
        if self.provider is not None:
            await self.provider.close()

    def _key_for(self, token: str) -> tuple[Any, list[str]]:
        if self.provider is not None:
            kid = jwt.get_unverified_header(token).get("kid")
            if not isinstance(kid, str) or not kid:
                raise InvalidTokenError("no key id")
            key = self.provider.key(kid)
            if key is None:
                raise UnknownKeyError(kid)
            return key.key, [key.algorithm_name]
        if self._jwks is not None:
            kid = jwt.get_unverified_header(token).get("kid")
            try:
                return self._jwks[str(kid)].key, ["RS256"]
            except KeyError as exc:
                raise InvalidTokenError("unknown key id") from exc
        if self._public_key is not None:
            return self._public_key, ["RS256"]
        if self._secret is not None:
            return self._secret, ["HS256"]
        raise InvalidTokenError("no token verification key is configured")

    @property
    def _generation(self) -> int:
        return self.provider.generation if self.provider is not None else 0

    def verify(self, token: str) -> TokenClaims:
        """With the keys at hand: a key fetched over HTTP that is not yet known raises
        UnknownKeyError (`verify_fetching` fetches it)."""
        hit = self._verified.get(token)
        if hit is not None and hit[2] == self._generation:
            if time.time() < hit[1] + LEEWAY.total_seconds():
                return hit[0]
            self._verified.pop(token)
            raise InvalidTokenError("expired")
        # Not verified under the current keys (a key may have been withdrawn since): again.
        generation = self._generation
        claims, expires = self._verify(token)
        self._verified.put(token, (claims, expires, generation))
        return claims

    async def verify_fetching(self, token: str) -> TokenClaims:
        """`verify`, fetching the provider's keys when they are stale or lack the token's."""
        if self.provider is None:
            return self.verify(token)
        self.provider.refresh_if_stale()
        try:
            return self.verify(token)
        except UnknownKeyError as exc:
            if not await self.provider.refetch_for(exc.kid):
                raise
            return self.verify(token)

    def _verify(self, token: str) -> tuple[TokenClaims, float]:
        try:
            key, algorithms = self._key_for(token)
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                issuer=self.settings.expected_issuer,
                audience=self.settings.jwt_audience,
                leeway=LEEWAY,
                options={
                    "require": ["exp", "iat", "sub"],
                    "verify_aud": self.settings.jwt_audience is not None,
                    "verify_iss": self.settings.expected_issuer is not None,
                },
            )
        except jwt.PyJWTError as exc:
            raise InvalidTokenError(str(exc)) from exc
        expires = float(claims["exp"])
        if expires - float(claims["iat"]) > self.settings.max_token_lifetime_seconds:
            raise InvalidTokenError("lifetime longer than SOCIALAID_MAX_TOKEN_LIFETIME_SECONDS")
        try:
            mapped = self.claims.claims_of(claims)
        except ClaimError as exc:
            raise InvalidTokenError(f"claim {exc}") from exc
        return replace(mapped, expires_at=expires), expires


def claim_mapping_of(settings: Settings) -> ClaimMapping:
    role_map = None
    if settings.jwt_role_map is not None:
        unknown = {r for r in settings.jwt_role_map.values() if r not in Role.__members__.values()}
        if unknown:
            raise ConfigurationError(
                f"SOCIALAID_JWT_ROLE_MAP 映射到未知角色 / maps to unknown roles {sorted(unknown)}"
                f" (known: {', '.join(Role)})"
            )
        role_map = {name: Role(role) for name, role in settings.jwt_role_map.items()}
    return ClaimMapping(
        tenant=settings.jwt_tenant_claim,
        roles=settings.jwt_roles_claim,
        departments=settings.jwt_departments_claim,
        area=settings.jwt_area_claim,
        role_map=role_map,
    )
