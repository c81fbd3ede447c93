"""The identity provider's signing keys, fetched over HTTP and kept fresh (ADR: identity provider
keys over HTTP).

PyJWT's `PyJWKClient` fetches and parses the JWKS; the caching and the refetch policy are ours,
because the client's own would, when the provider is down, drop the keys once its cache expires,
retry on every token with an unknown `kid` (its cooldown counts successful fetches only), and block
the event loop for its timeout each time (urllib is synchronous). Here:

- the keys of the last successful fetch stay in use until a fetch succeeds, however old;
- they are refetched in the background once older than `refresh_seconds`;
- a token with an unknown `kid` triggers a fetch (and waits for it) only if none began within
  the last `refetch_interval` seconds, and concurrent ones share one fetch, so made-up kids
  cannot make the server hammer the provider;
- fetches run in a thread, bounded by `timeout`, so a provider that does not answer holds up the
  requests that wait for its keys and nothing else.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError

import httpx
import jwt

from socialaid.config import ConfigurationError, Settings, url_problem

log = logging.getLogger(__name__)

# Asymmetric only: a symmetric (HS*) key in a provider's JWKS would let anyone who can read the
# JWKS sign tokens, and "none" signs nothing.
SUPPORTED_ALGORITHMS = ("RS256", "ES256")
# Only these key types can verify the algorithms above; a JWKS may hold others (encryption keys).
KEY_TYPES = {"RS256": "RSA", "ES256": "EC"}
DISCOVERY_PATH = "/.well-known/openid-configuration"


class ProviderMisconfiguredError(Exception):
    """The provider answered, but not as configured (wrong issuer, no usable keys): no retry
    will mend it, so the server does not start."""


class ProviderUnreachableError(Exception):
    """The provider did not answer, or answered with a server error: it may recover."""


@dataclass(frozen=True)
class Discovered:
    jwks_uri: str
    algorithms: tuple[str, ...]


def discovery_of(document: Any, issuer: str, *, production: bool) -> Discovered:
    """What an OIDC discovery document says about verifying tokens, checked against `issuer`."""
    if not isinstance(document, Mapping):
        raise ProviderMisconfiguredError("the discovery document is not a JSON object")
    # OIDC Discovery 1.0 §4.3: the issuer must be identical to the one discovery started from;
    # a document naming another would let that other issuer's tokens in.
    if document.get("issuer") != issuer:
        raise ProviderMisconfiguredError(
            f"the discovery document names issuer {document.get('issuer')!r}, not {issuer!r}"
        )
    jwks_uri = document.get("jwks_uri")
    if not isinstance(jwks_uri, str):
        raise ProviderMisconfiguredError("the discovery document has no jwks_uri")
    problem = url_problem(jwks_uri, production=production)
    if problem is not None:
        raise ProviderMisconfiguredError(f"jwks_uri {jwks_uri}: {problem}")
    # RS256 is the one algorithm every OIDC provider must support (Core 1.0 §15.1).
    listed = document.get("id_token_signing_alg_values_supported", ["RS256"])
    if not isinstance(listed, list):
        raise ProviderMisconfiguredError("id_token_signing_alg_values_supported is not a list")
    algorithms = tuple(a for a in SUPPORTED_ALGORITHMS if a in listed)
    if not algorithms:
        raise ProviderMisconfiguredError(
            f"the provider signs with {listed}, none of {list(SUPPORTED_ALGORITHMS)}"
        )
    return Discovered(jwks_uri, algorithms)


def usable_keys(keys: list[jwt.PyJWK], algorithms: tuple[str, ...]) -> dict[str, jwt.PyJWK]:
    """The public signing keys, by kid, of the algorithms accepted."""
    usable: dict[str, jwt.PyJWK] = {}
    for key in keys:
        algorithm = key.algorithm_name
        if (
            key.key_id
            and algorithm in algorithms
            and key.key_type == KEY_TYPES[algorithm]
            and not hasattr(key.key, "private_bytes")  # a private key has no business here
        ):
            usable[key.key_id] = key
    return usable


class ProviderKeys:
    """One per process (the Authenticator's verifier holds it)."""

    def __init__(
        self,
        *,
        setting: str,
        jwks_url: str | None = None,
        issuer: str | None = None,
        production: bool = False,
        timeout: float = 5.0,
        refresh_seconds: float = 300.0,
        refetch_interval: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`setting` names the setting the operator fixes when the provider is misconfigured;
        either `jwks_url`, or `issuer` whose discovery document names the JWKS."""
        self.setting = setting
        self.issuer = issuer
        self.production = production
        self.timeout = timeout
        self.refresh_seconds = refresh_seconds
        self.refetch_interval = refetch_interval
        self.clock = clock
        self.algorithms: tuple[str, ...] = SUPPORTED_ALGORITHMS
        self._client: jwt.PyJWKClient | None = None
        if jwks_url is not None:
            self._client = self._client_for(jwks_url)
        self._keys: dict[str, jwt.PyJWK] = {}
        # Bumped by every successful fetch: a token verified under older keys is checked again.
        self.generation = 0
        self._fetched_at: float | None = None
        self._attempted_at: float | None = None
        self._fetching: asyncio.Task[None] | None = None

    @classmethod
    def of(cls, settings: Settings) -> ProviderKeys | None:
        """The keys the settings name by URL; None for a key file or the dev secret."""
        if settings.oidc_issuer is None and settings.jwks_url is None:
            return None
        setting = "SOCIALAID_OIDC_ISSUER" if settings.oidc_issuer else "SOCIALAID_JWKS_URL"
        return cls(
            setting=setting,
            jwks_url=None if settings.oidc_issuer else settings.jwks_url,
            issuer=settings.oidc_issuer,
            production=settings.is_production,
            timeout=settings.jwks_timeout,
            refresh_seconds=settings.jwks_refresh_seconds,
            refetch_interval=settings.jwks_refetch_interval,
        )

    def _client_for(self, url: str) -> jwt.PyJWKClient:
        # No cache of its own (ours outlives an outage); no redirects (PyJWT refuses them).
        return jwt.PyJWKClient(url, cache_jwk_set=False, timeout=self.timeout)

    def key(self, kid: str) -> jwt.PyJWK | None:
        return self._keys.get(kid)

    async def start(self) -> None:
        """The first fetch, before the server takes requests. A provider that answers wrongly
        stops the start (ConfigurationError naming the setting); one that does not answer does
        not: the server starts, refuses tokens until the keys arrive, and tries again when a token
        needs them (at most once per `refetch_interval`)."""
        self._attempted_at = self.clock()
        try:
            await self._fetch()
        except ProviderMisconfiguredError as exc:
            raise ConfigurationError(
                f"{self.setting}: 身份提供方配置不符 / the identity provider does not match"
                f" the configuration: {exc}"
            ) from exc
        except ProviderUnreachableError as exc:
            log.warning(
                "identity provider unreachable at start (%s): %s; tokens are refused until its"
                " keys arrive (tried again at most every %gs)",
                self.setting,
                exc,
                self.refetch_interval,
            )

    async def close(self) -> None:
        if self._fetching is not None:
            self._fetching.cancel()
            await asyncio.gather(self._fetching, return_exceptions=True)
            self._fetching = None

    def refresh_if_stale(self) -> None:
        """Begin a background fetch if the keys are older than `refresh_seconds` (the request
        that notices goes on with the keys at hand)."""
        if (
            self._fetching is None
            and self._fetched_at is not None
            and self.clock() - self._fetched_at >= self.refresh_seconds
            and self._may_fetch()
        ):
            self._begin_fetch()

    async def refetch_for(self, kid: str) -> bool:
        """Whether the key `kid` is known after a fetch, if the rate limit allows one (or one is
        under way already); False without asking the provider otherwise."""
        if self._fetching is None:
            if not self._may_fetch():
                return False
            self._begin_fetch()
        assert self._fetching is not None
        # Shielded: a request that gives up does not cancel the fetch others wait for.
        await asyncio.shield(self._fetching)
        return kid in self._keys

    def _may_fetch(self) -> bool:
        return (
            self._attempted_at is None or self.clock() - self._attempted_at >= self.refetch_interval
        )

    def _begin_fetch(self) -> None:
        self._attempted_at = self.clock()
        task = asyncio.get_running_loop().create_task(self._fetch_keeping_old_keys())
        self._fetching = task

        def done(_: asyncio.Task[None]) -> None:
            if self._fetching is task:
                self._fetching = None

        task.add_done_callback(done)

    async def _fetch_keeping_old_keys(self) -> None:
        try:
            await self._fetch()
        except (ProviderMisconfiguredError, ProviderUnreachableError) as exc:
            log.warning(
                "identity provider keys not refreshed (%s): %s; %d keys from the last fetch"
                " stay in use",
                self.setting,
                exc,
                len(self._keys),
            )

    async def _fetch(self) -> None:
        if self._client is None:
            assert self.issuer is not None
            discovered = await self._discover(self.issuer)
            self.algorithms = discovered.algorithms
            self._client = self._client_for(discovered.jwks_uri)
        client = self._client
        try:
            # The thread outlives a timeout here by at most the client's own (the same).
            keys = await asyncio.wait_for(
                asyncio.to_thread(client.get_signing_keys), self.timeout + 1
            )
        except (jwt.PyJWKClientConnectionError, TimeoutError) as exc:
            cause = exc.__cause__
            if isinstance(cause, HTTPError) and cause.code < 500:  # a wrong URL, not an outage
                raise ProviderMisconfiguredError(f"{client.uri}: HTTP {cause.code}") from exc
            raise ProviderUnreachableError(f"{client.uri}: {exc or type(exc).__name__}") from exc
        except (jwt.PyJWTError, ValueError) as exc:  # not a JWKS, or no signing keys in it
            raise ProviderMisconfiguredError(f"{client.uri}: {exc}") from exc
        usable = usable_keys(keys, self.algorithms)
        if not usable:
            raise ProviderMisconfiguredError(
                f"{client.uri} holds no public {'/'.join(self.algorithms)} signing key with a kid"
            )
        self._keys = usable
        self._fetched_at = self.clock()
        self.generation += 1
        log.info("identity provider keys fetched from %s: %s", client.uri, sorted(usable))

    async def _discover(self, issuer: str) -> Discovered:
        url = issuer.rstrip("/") + DISCOVERY_PATH
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as http:
                response = await http.get(url)
        except httpx.HTTPError as exc:
            raise ProviderUnreachableError(f"{url}: {type(exc).__name__} {exc}") from exc
        if response.status_code >= 500:
            raise ProviderUnreachableError(f"{url}: HTTP {response.status_code}")
        if response.status_code != 200:
            raise ProviderMisconfiguredError(f"{url}: HTTP {response.status_code}")
        try:
            document = response.json()
        except ValueError as exc:
            raise ProviderMisconfiguredError(f"{url}: not JSON") from exc
        return discovery_of(document, issuer, production=self.production)
