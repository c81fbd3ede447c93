"""Tokens from an identity provider reached over real HTTP: OIDC discovery, a JWKS fetched once
and kept, a rotation picked up without a restart, made-up key ids that cannot make the server
hammer the provider, an outage that leaves the last keys in use, and the provider's claims
mapped to tenant, roles, departments and area."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.utils import base64url_encode

from socialaid.access.authentication import Authenticator
from socialaid.access.provider_keys import ProviderKeys
from socialaid.access.tokens import InvalidTokenError, TokenVerifier
from socialaid.api.app import create_app
from socialaid.api.change_listeners import listening_for_changes
from socialaid.config import ConfigurationError, Settings
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.eventually import DEADLINE
from tests.identity_provider import CERTS, DISCOVERY, IdentityProvider, rsa_key, signed
from tests.test_asgi_app import environment, ready, uvicorn
from tests.test_http import free_port
from tests.test_serving import SOCIALAID
from tests.test_serving import environment as serving_environment

ME = "{ me { userId tenant { code } roles departments area } }"
TENANTS = "{ tenants { code } }"
KEY, NEW_KEY, STRANGER = rsa_key(), rsa_key(), rsa_key()
REFETCH_INTERVAL = 30.0
# The provider is a thread of the test process, which a busy machine may leave waiting for the
# CPU: only a hang should meet this. The test of a provider slower than the timeout lowers it.
JWKS_TIMEOUT = DEADLINE


class Clock:
    """The provider keys' monotonic clock, moved by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def provider() -> Iterator[IdentityProvider]:
    idp = IdentityProvider()
    idp.publish(("k1", KEY))
    yield idp
    idp.stop()


def provider_settings(provider: IdentityProvider, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "oidc_issuer": provider.issuer,
        "jwt_audience": "socialaid",
        "jwks_refetch_interval": REFETCH_INTERVAL,
        "jwks_timeout": JWKS_TIMEOUT,
    }
    return test_settings(**(values | overrides))


def token(
    provider: IdentityProvider, key: Any = KEY, kid: str | None = "k1", **claims: object
) -> str:
    body: dict[str, object] = {
        "iss": provider.issuer,
        "aud": "socialaid",
        "sub": "li",
        "tenant": "310105",
        "roles": ["auditor"],
        # Each token differs, so none is answered from the verified-token cache.
        "jti": uuid.uuid4().hex,
    }
    return signed(key, kid, body | claims)


@contextlib.asynccontextmanager
async def api(
    db: Database,
    settings: Settings,
    clock: Clock | None = None,
    timeout_once_started: float | None = None,
) -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP app with an authenticator started as serving starts it, on `clock`; its fetches
    after the start bounded by `timeout_once_started` if given."""
    keys = ProviderKeys.of(settings)
    assert keys is not None
    if clock is not None:
        keys.clock = clock
    authenticator = Authenticator(settings, TokenVerifier(settings, keys))
    await authenticator.start()
    if timeout_once_started is not None:
        keys.timeout = timeout_once_started
    transport = httpx.ASGITransport(app=create_app(db, settings, authenticator))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            yield client
    finally:
        await authenticator.close()


@contextlib.asynccontextmanager
async def served(db: Database, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP app started the way `socialaid serve` and `socialaid.asgi:app` start it."""
    async with listening_for_changes(db, settings, db.owner_url) as listeners:
        app = create_app(db, settings, listeners.authenticator, listeners.revisions)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            yield client


async def ask(
    client: httpx.AsyncClient, query: str, token: str | None = None
) -> tuple[Any, list[str]]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": query}, headers=headers)
    assert response.status_code == 200, response.text  # a refused token is never a 5xx
    body = response.json()
    return body.get("data"), [e["extensions"]["code"] for e in body.get("errors") or ()]


async def roles(client: httpx.AsyncClient, token: str) -> list[str] | str:
    """The caller's roles, or the error code the API answered with."""
    data, codes = await ask(client, "{ me { roles } }", token)
    return codes[0] if codes else data["me"]["roles"]


async def test_a_token_signed_by_the_providers_key_authenticates_over_http(
    db: Database, provider: IdentityProvider
) -> None:
    async with served(db, provider_settings(provider)) as client:
        data, codes = await ask(client, ME, token(provider))
        assert not codes
        assert data["me"] == {
            "userId": "li",
            "tenant": {"code": "310105"},
            "roles": ["AUDITOR"],
            "departments": [],
            "area": None,
        }
        for refused in (
            token(provider, iss="https://another-realm"),
            token(provider, aud="another-client"),
            token(provider, key=STRANGER),  # the right kid, the wrong signature
            token(provider, kid=None),
        ):
            assert await roles(client, refused) == "UNAUTHENTICATED"
    assert (provider.requests[DISCOVERY], provider.jwks_fetches) == (1, 1)


async def test_a_rotated_key_is_fetched_once_and_accepted_without_a_restart(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    async with api(db, provider_settings(provider), clock) as client:
        old = token(provider)
        assert await roles(client, old) == ["AUDITOR"]
        provider.publish(("k2", NEW_KEY))  # the provider rotates: k1 withdrawn
        clock.advance(REFETCH_INTERVAL)
        assert await roles(client, token(provider, key=NEW_KEY, kid="k2")) == ["AUDITOR"]
        assert provider.jwks_fetches == 2
        # A token verified under the withdrawn key is not trusted from the cache either.
        assert await roles(client, old) == "UNAUTHENTICATED"
        assert await roles(client, token(provider, key=NEW_KEY, kid="k2")) == ["AUDITOR"]
    assert provider.jwks_fetches == 2


async def test_a_flood_of_unknown_key_ids_fetches_the_jwks_at_most_once_per_interval(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    async with api(db, provider_settings(provider), clock) as client:
        assert provider.jwks_fetches == 1
        clock.advance(REFETCH_INTERVAL)
        flood = [token(provider, key=STRANGER, kid=uuid.uuid4().hex) for _ in range(40)]
        answers = await asyncio.gather(*(roles(client, t) for t in flood))
        assert set(answers) == {"UNAUTHENTICATED"}
        assert provider.jwks_fetches == 2
        for _ in range(10):  # one after another, as well as all at once
            unknown = token(provider, key=STRANGER, kid=uuid.uuid4().hex)
            assert await roles(client, unknown) == "UNAUTHENTICATED"
        assert provider.jwks_fetches == 2
        # Within the interval even a real rotation waits for it to pass.
        provider.publish(("k1", KEY), ("k2", NEW_KEY))
        clock.advance(REFETCH_INTERVAL / 2)
        rotated = token(provider, key=NEW_KEY, kid="k2")
        assert await roles(client, rotated) == "UNAUTHENTICATED"
        assert provider.jwks_fetches == 2
        clock.advance(REFETCH_INTERVAL / 2)
        assert await roles(client, rotated) == ["AUDITOR"]
        assert provider.jwks_fetches == 3


async def test_keys_fetched_before_the_provider_went_down_still_verify(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    settings = provider_settings(provider, jwks_refresh_seconds=300)
    async with api(db, settings, clock) as client:
        assert await roles(client, token(provider)) == ["AUDITOR"]
        provider.stop()
        clock.advance(3600)  # the keys are long stale; the refresh fails
        assert await roles(client, token(provider)) == ["AUDITOR"]
        assert await roles(client, token(provider, key=NEW_KEY, kid="k2")) == "UNAUTHENTICATED"
        clock.advance(3600)
        assert await roles(client, token(provider)) == ["AUDITOR"]


async def test_keys_older_than_the_refresh_age_are_refetched_in_the_background(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    settings = provider_settings(provider, jwks_refresh_seconds=300)
    async with api(db, settings, clock) as client:
        assert await roles(client, token(provider)) == ["AUDITOR"]
        clock.advance(299)
        assert await roles(client, token(provider)) == ["AUDITOR"]
        assert provider.jwks_fetches == 1
        provider.publish(("k1", KEY), ("k2", NEW_KEY))
        clock.advance(1)
        assert await roles(client, token(provider)) == ["AUDITOR"]
        # The request did not wait for the refresh; the refresh happened.
        await asyncio.to_thread(provider.wait_for_jwks_fetches, 2)
        clock.advance(1)  # within the refetch interval: k2 must already be known
        assert await roles(client, token(provider, key=NEW_KEY, kid="k2")) == ["AUDITOR"]
        assert provider.jwks_fetches == 2


async def test_a_provider_down_at_start_leaves_the_api_serving_and_tokens_refused_until_it_answers(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    provider.failing = True
    async with api(db, provider_settings(provider), clock) as client:
        data, codes = await ask(client, TENANTS)  # public queries need no provider
        assert not codes and data["tenants"]
        assert await roles(client, token(provider)) == "UNAUTHENTICATED"
        provider.failing = False
        clock.advance(REFETCH_INTERVAL)
        assert await roles(client, token(provider)) == ["AUDITOR"]


async def test_a_provider_unreachable_at_start_does_not_stop_serving(
    db: Database, provider: IdentityProvider
) -> None:
    settings = provider_settings(provider)
    provider.stop()  # nothing listens on its port any more
    async with served(db, settings) as client:
        data, codes = await ask(client, TENANTS)
        assert not codes and data["tenants"]
        assert await roles(client, token(provider)) == "UNAUTHENTICATED"


async def test_a_discovery_document_naming_another_issuer_stops_the_start(
    db: Database, provider: IdentityProvider
) -> None:
    provider.issuer_in_document = "https://idp.example/realms/other"
    with pytest.raises(ConfigurationError, match="SOCIALAID_OIDC_ISSUER") as refused:
        async with served(db, provider_settings(provider)):
            pass
    assert "https://idp.example/realms/other" in str(refused.value)
    assert provider.jwks_fetches == 0


async def test_a_jwks_url_that_is_not_found_stops_the_start(
    db: Database, provider: IdentityProvider
) -> None:
    settings = provider_settings(provider, oidc_issuer=None, jwks_url=provider.jwks_url + "x")
    with pytest.raises(ConfigurationError, match="SOCIALAID_JWKS_URL"):
        async with served(db, settings):
            pass


async def test_a_stalled_provider_holds_up_only_the_requests_waiting_for_its_keys(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    async with api(db, provider_settings(provider), clock) as client:
        provider.publish(("k1", KEY), ("k2", NEW_KEY))
        provider.stalled = True
        clock.advance(REFETCH_INTERVAL)
        waiting = asyncio.create_task(roles(client, token(provider, key=NEW_KEY, kid="k2")))
        await asyncio.to_thread(provider.wait_for_jwks_fetches, 2)
        data, codes = await ask(client, TENANTS)
        assert not codes and data["tenants"]
        assert await roles(client, token(provider)) == ["AUDITOR"]
        assert not waiting.done()
        provider.release()
        assert await waiting == ["AUDITOR"]


async def test_a_provider_slower_than_the_timeout_is_unauthenticated_not_an_error(
    db: Database, provider: IdentityProvider
) -> None:
    clock = Clock()
    # Started with the generous timeout: the start's fetch must succeed for the last token.
    async with api(db, provider_settings(provider), clock, timeout_once_started=0.3) as client:
        provider.stalled = True
        clock.advance(REFETCH_INTERVAL)
        assert await roles(client, token(provider, key=NEW_KEY, kid="k2")) == "UNAUTHENTICATED"
        provider.release()
        assert await roles(client, token(provider)) == ["AUDITOR"]


async def test_keycloak_shaped_claims_map_to_tenant_roles_departments_and_area(
    db: Database, provider: IdentityProvider
) -> None:
    settings = provider_settings(
        provider,
        jwt_tenant_claim="socialaid.tenant",
        jwt_roles_claim="realm_access.roles",
        jwt_departments_claim="socialaid.departments",
        jwt_area_claim="socialaid.area",
        jwt_role_map={"sa-caseworker": "caseworker", "sa-approver": "approver"},
    )
    keycloak = token(
        provider,
        sub="5f0e6a0c-1b7e-4d2a-9a53-3f2b1c0d9e11",
        tenant=None,
        roles=None,
        realm_access={"roles": ["offline_access", "sa-caseworker", "uma_authorization"]},
        socialaid={"tenant": "310105", "departments": "civil_affairs", "area": "huayang"},
    )
    async with served(db, settings) as client:
        data, codes = await ask(client, ME, keycloak)
        assert not codes
        assert data["me"] == {
            "userId": "5f0e6a0c-1b7e-4d2a-9a53-3f2b1c0d9e11",
            "tenant": {"code": "310105"},
            "roles": ["CASEWORKER"],
            "departments": ["civil_affairs"],
            "area": "huayang",
        }
        # Today's claim names are no longer read: no tenant where the mapping looks.
        assert await roles(client, token(provider)) == "UNAUTHENTICATED"


async def test_es256_keys_verify_and_symmetric_keys_in_the_jwks_never_do(
    provider: IdentityProvider,
) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    provider.publish(("k1", KEY), ("ec", ec_key))
    secret = "a-secret-anyone-reading-the-jwks-knows-0123"
    oct_jwk = {"kty": "oct", "kid": "hmac", "k": base64url_encode(secret.encode()).decode()}
    provider.jwks = {"keys": [*provider.jwks["keys"], oct_jwk]}  # type: ignore[misc]
    settings = provider_settings(provider, oidc_issuer=None, jwks_url=provider.jwks_url)
    verifier = TokenVerifier(settings)
    await verifier.start()
    try:
        assert verifier.verify(token(provider, key=ec_key, kid="ec")).roles[0] == "auditor"
        hmac = jwt.encode(
            {"iss": provider.issuer, "aud": "socialaid", "sub": "li", "tenant": "310105"}
            | {"iat": 1, "exp": 4102444800},
            secret,
            algorithm="HS256",
            headers={"kid": "hmac"},
        )
        with pytest.raises(InvalidTokenError):
            await verifier.verify_fetching(hmac)
        # An RS256 key cannot be used for ES256 (nor the other way round).
        forged = token(provider, key=ec_key, kid="k1")
        with pytest.raises(InvalidTokenError):
            await verifier.verify_fetching(forged)
    finally:
        await verifier.close()


async def test_only_the_algorithms_the_provider_lists_are_accepted(
    provider: IdentityProvider,
) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    provider.publish(("k1", KEY), ("ec", ec_key))
    provider.algorithms = ["ES256", "HS256"]
    verifier = TokenVerifier(provider_settings(provider))
    await verifier.start()
    try:
        assert verifier.verify(token(provider, key=ec_key, kid="ec")).user_id == "li"
        with pytest.raises(InvalidTokenError):
            await verifier.verify_fetching(token(provider))
    finally:
        await verifier.close()
    assert provider.requests[CERTS] == 1


async def test_uvicorn_hosting_the_app_accepts_the_providers_tokens_over_http(
    db: Database, provider: IdentityProvider, tmp_path: Path
) -> None:
    port = free_port()
    env = environment(tmp_path, db) | {
        "SOCIALAID_OIDC_ISSUER": provider.issuer,
        "SOCIALAID_JWT_AUDIENCE": "socialaid",
        "SOCIALAID_JWKS_TIMEOUT": str(JWKS_TIMEOUT),
    }
    process = uvicorn(port, env)
    try:
        await ready(process, port)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=DEADLINE
        ) as client:
            assert await roles(client, token(provider)) == ["AUDITOR"]
            assert await roles(client, token(provider, key=STRANGER)) == "UNAUTHENTICATED"
    finally:
        process.kill()
        process.wait()
    assert (provider.requests[DISCOVERY], provider.jwks_fetches) == (1, 1)


def test_uvicorn_refuses_to_start_with_a_provider_naming_another_issuer(
    db: Database, provider: IdentityProvider, tmp_path: Path
) -> None:
    provider.issuer_in_document = "https://idp.example/realms/other"
    env = environment(tmp_path, db) | {"SOCIALAID_OIDC_ISSUER": provider.issuer}
    process = uvicorn(free_port(), env)
    try:
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0
    assert "SOCIALAID_OIDC_ISSUER" in output.decode()
    assert "https://idp.example/realms/other" in output.decode()


def test_serve_refuses_to_start_with_a_provider_naming_another_issuer_without_a_traceback(
    db: Database, provider: IdentityProvider, tmp_path: Path
) -> None:
    provider.issuer_in_document = "https://idp.example/realms/other"
    env = serving_environment(tmp_path, db) | {"SOCIALAID_OIDC_ISSUER": provider.issuer}
    finished = subprocess.run(
        [str(SOCIALAID), "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    errors = finished.stderr.decode()
    assert finished.returncode == 1, errors
    assert "error: SOCIALAID_OIDC_ISSUER: 身份提供方配置不符" in errors
    assert "'https://idp.example/realms/other'" in errors
    assert "Traceback" not in errors
