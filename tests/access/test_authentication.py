"""Bearer tokens: accepted when valid; expired, malformed, forged or foreign ones refused alike."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from typer.testing import CliRunner

from socialaid.access.tokens import InvalidTokenError, TokenVerifier, mint_token
from socialaid.access.vocabulary import Role
from socialaid.cli import app
from socialaid.config import Settings
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET, test_settings
from tests.graphql_client import execute
from tests.identity_provider import jwks, public_pem, rsa_key

ME = "{ me { userId tenant { code } roles departments area } }"


def dev_token(**overrides: object) -> str:
    claims: dict[str, object] = {
        "user": "li",
        "tenant": "310105",
        "roles": [Role.CASEWORKER],
        "departments": ["civil_affairs"],
        "area": "huayang",
    }
    claims.update(overrides)
    return mint_token(test_settings(), **claims)  # type: ignore[arg-type]


def lifetime(seconds: float = 3600) -> dict[str, int]:
    now = int(time.time())
    return {"iat": now, "exp": now + int(seconds)}


def oidc_token(key: rsa.RSAPrivateKey, kid: str | None = None, **claims: object) -> str:
    body = {"sub": "li", "tenant": "310105", "roles": ["auditor"], **lifetime()} | claims
    headers = {"kid": kid} if kid else None
    return jwt.encode(body, key, algorithm="RS256", headers=headers)


async def me_codes(db: Database, token: str) -> list[str]:
    _, errors = await execute(db, ME, token=token)
    return [e["extensions"]["code"] for e in errors]


async def test_a_valid_dev_token_authenticates_the_caller(db: Database) -> None:
    data, errors = await execute(db, ME, token=dev_token())
    assert not errors
    assert data == {
        "me": {
            "userId": "li",
            "tenant": {"code": "310105"},
            "roles": ["CASEWORKER"],
            "departments": ["civil_affairs"],
            "area": "huayang",
        }
    }


@pytest.mark.parametrize(
    "token",
    [
        dev_token(ttl=timedelta(minutes=-5)),
        "not.a.jwt",
        "",
        jwt.encode({"sub": "li", "tenant": "310105", "exp": 4102444800}, "another-secret-x" * 3),
        dev_token(tenant="999999"),
        jwt.encode({"sub": "li", "tenant": "310105", "roles": ["root"], **lifetime()}, TEST_SECRET),
        jwt.encode({"sub": "li", "tenant": "310105", "exp": 4102444800}, None, algorithm="none"),
        dev_token(ttl=timedelta(days=365 * 100)),
        dev_token(ttl=timedelta(hours=12, seconds=1)),
        jwt.encode({"sub": "li", "tenant": "310105", "exp": int(time.time()) + 60}, TEST_SECRET),
        jwt.encode({"sub": "li", "tenant": "310105", "iat": int(time.time())}, TEST_SECRET),
    ],
    ids=[
        "expired",
        "malformed",
        "empty",
        "wrongly-signed",
        "unknown-tenant",
        "unknown-role",
        "alg-none",
        "a-century-long",
        "longer-than-the-12-hour-default",
        "without-iat",
        "without-exp",
    ],
)
async def test_refused_tokens_are_unauthenticated_and_say_nothing_more(
    db: Database, token: str
) -> None:
    _, errors = await execute(db, ME, token=token)
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]
    assert errors[0]["message"] == "需要有效的身份凭证"


async def test_public_queries_answer_without_a_token_and_private_ones_do_not(
    db: Database,
) -> None:
    data, errors = await execute(db, "{ tenants { code } }")
    assert not errors and data and data["tenants"]
    _, errors = await execute(db, ME)
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]


def test_rs256_tokens_verify_against_the_configured_public_key(tmp_path: Path) -> None:
    key = rsa_key()
    (tmp_path / "idp.pem").write_text(public_pem(key))
    settings = test_settings(
        env="production", jwt_public_key_file=tmp_path / "idp.pem", jwt_issuer="https://idp"
    )
    verifier = TokenVerifier(settings)
    claims = verifier.verify(oidc_token(key, iss="https://idp"))
    assert (claims.user_id, claims.tenant_id, claims.roles) == ("li", "310105", (Role.AUDITOR,))
    with pytest.raises(InvalidTokenError):
        verifier.verify(oidc_token(key, iss="https://elsewhere"))
    with pytest.raises(InvalidTokenError):
        verifier.verify(oidc_token(rsa_key(), iss="https://idp"))


def test_rs256_tokens_verify_against_the_jwks_key_named_by_kid(tmp_path: Path) -> None:
    key = rsa_key()
    (tmp_path / "jwks.json").write_text(jwks(key, kid="k1"))
    settings = test_settings(jwks_file=tmp_path / "jwks.json", jwt_audience="socialaid")
    verifier = TokenVerifier(settings)
    assert verifier.verify(oidc_token(key, kid="k1", aud="socialaid")).user_id == "li"
    for token in (oidc_token(key, kid="k2", aud="socialaid"), oidc_token(key, kid="k1")):
        with pytest.raises(InvalidTokenError):
            verifier.verify(token)


def test_with_an_rsa_key_configured_an_hs256_token_signed_with_that_key_is_refused(
    tmp_path: Path,
) -> None:
    key = rsa_key()
    (tmp_path / "idp.pem").write_text(public_pem(key))
    verifier = TokenVerifier(test_settings(jwt_public_key_file=tmp_path / "idp.pem"))
    with pytest.raises(InvalidTokenError):
        verifier.verify(dev_token())


def test_production_without_a_public_key_refuses_every_token() -> None:
    verifier = TokenVerifier(test_settings(env="production"))
    with pytest.raises(InvalidTokenError):
        verifier.verify(dev_token())


def test_the_token_command_mints_a_token_the_api_accepts() -> None:
    result = CliRunner().invoke(
        app,
        [
            "token",
            "--user",
            "wang",
            "--tenant",
            "310105",
            "--role",
            "window_clerk",
            "--role",
            "adviser",
            "--department",
            "civil_affairs",
            "--area",
            "huayang",
            "--ttl",
            "10",
        ],
        env={"SOCIALAID_SECRET": TEST_SECRET},
    )
    assert result.exit_code == 0, result.output
    claims = TokenVerifier(Settings(secret=TEST_SECRET)).verify(result.output.strip())
    assert claims.roles == (Role.WINDOW_CLERK, Role.ADVISER)
    assert (claims.departments, claims.area) == (("civil_affairs",), "huayang")


def test_the_token_command_refuses_an_unknown_role() -> None:
    result = CliRunner().invoke(
        app,
        ["token", "--user", "x", "--tenant", "310105", "--role", "root"],
        env={"SOCIALAID_SECRET": TEST_SECRET},
    )
    assert result.exit_code == 1
    assert "unknown role 'root'" in result.output


def test_a_token_verified_once_is_still_refused_after_it_expires(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    verifier = TokenVerifier(test_settings())
    token = dev_token(ttl=timedelta(minutes=10))
    assert verifier.verify(token).user_id == "li"
    later = time.time() + 3600
    monkeypatch.setattr("socialaid.access.tokens.time.time", lambda: later)
    with pytest.raises(InvalidTokenError):
        verifier.verify(token)


async def test_a_token_living_exactly_the_maximum_lifetime_is_accepted(db: Database) -> None:
    _, errors = await execute(db, ME, token=dev_token(ttl=timedelta(hours=12)))
    assert not errors


def test_the_maximum_token_lifetime_is_a_setting() -> None:
    verifier = TokenVerifier(test_settings(max_token_lifetime_seconds=600))
    assert verifier.verify(dev_token(ttl=timedelta(minutes=10))).user_id == "li"
    with pytest.raises(InvalidTokenError, match="lifetime"):
        verifier.verify(dev_token(ttl=timedelta(minutes=11)))


def test_an_oidc_token_longer_lived_than_the_maximum_is_refused(tmp_path: Path) -> None:
    key = rsa_key()
    (tmp_path / "idp.pem").write_text(public_pem(key))
    verifier = TokenVerifier(test_settings(jwt_public_key_file=tmp_path / "idp.pem"))
    assert verifier.verify(oidc_token(key, **lifetime(12 * 3600))).user_id == "li"
    with pytest.raises(InvalidTokenError):
        verifier.verify(oidc_token(key, **lifetime(12 * 3600 + 1)))


def test_the_token_command_refuses_a_lifetime_the_api_would_refuse() -> None:
    result = CliRunner().invoke(
        app,
        ["token", "--user", "x", "--tenant", "310105", "--role", "applicant", "--ttl", "721"],
        env={"SOCIALAID_SECRET": TEST_SECRET},
    )
    assert result.exit_code == 1
    assert "SOCIALAID_MAX_TOKEN_LIFETIME_SECONDS" in result.output
