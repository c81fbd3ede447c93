"""Settings from the environment, and the configurations `socialaid serve` refuses."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from socialaid.config import ConfigurationError, Settings
from tests.identity_provider import jwks, private_pem, public_pem, rsa_key


def test_dev_generates_a_secret_once_and_keeps_it_in_the_data_dir(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path, secret=None).signing_key
    second = Settings(data_dir=tmp_path, secret=None).signing_key
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret").stat().st_mode & 0o077 == 0


def test_production_without_a_secret_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        _ = Settings(data_dir=tmp_path, env="production", secret=None).signing_key  # type: ignore[arg-type]


def test_database_url_is_read_without_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@db/socialaid")
    monkeypatch.setenv("SOCIALAID_ENV", "production")
    settings = Settings()
    assert settings.database_url == "postgresql://u:p@db/socialaid"
    assert settings.is_production


@pytest.fixture
def idp_files(tmp_path: Path) -> dict[str, Path]:
    key = rsa_key()
    files = {
        "public": tmp_path / "idp.pem",
        "jwks": tmp_path / "jwks.json",
        "private": tmp_path / "idp-private.pem",
        "garbage": tmp_path / "garbage.pem",
    }
    files["public"].write_text(public_pem(key))
    files["jwks"].write_text(jwks(key))
    files["private"].write_text(private_pem(key))
    files["garbage"].write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n")
    return files


@cache
def checkpoint_files() -> dict[str, object]:
    """Audit checkpoint settings production accepts: a directory and the verifying key, signing
    left to `socialaid audit checkpoint` elsewhere (interval 0)."""
    folder = Path(tempfile.mkdtemp(prefix="socialaid-checkpoints-"))
    public = folder / "checkpoint-public.pem"
    public.write_bytes(
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    return {
        "audit_checkpoint_dir": folder,
        "audit_checkpoint_public_key_file": public,
        "audit_checkpoint_interval": 0,
    }


def production(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "production",
        "secret": "production-secret-0123456789abcdef",
        "jwt_issuer": "https://idp.example/realms/socialaid",
        "jwt_audience": "socialaid",
        **checkpoint_files(),
    }
    return Settings(**(values | overrides))  # type: ignore[arg-type]


def refusal(settings: Settings) -> str:
    with pytest.raises(ConfigurationError) as refused:
        settings.check_for_serving()
    return str(refused.value)


def test_production_with_the_providers_public_key_or_jwks_may_serve(
    idp_files: dict[str, Path],
) -> None:
    production(jwt_public_key_file=idp_files["public"]).check_for_serving()
    production(jwks_file=idp_files["jwks"]).check_for_serving()


def test_dev_without_any_key_may_serve(tmp_path: Path) -> None:
    Settings(data_dir=tmp_path, secret=None).check_for_serving()


def test_production_without_a_public_key_or_jwks_may_not_serve() -> None:
    message = refusal(production())
    assert "SOCIALAID_JWT_PUBLIC_KEY_FILE" in message and "SOCIALAID_JWKS_FILE" in message
    assert "生产环境必须设置" in message and "production requires" in message


@pytest.mark.parametrize("setting", ["jwt_issuer", "jwt_audience", "secret"])
def test_production_without_issuer_audience_or_secret_may_not_serve(
    idp_files: dict[str, Path], setting: str
) -> None:
    message = refusal(production(jwt_public_key_file=idp_files["public"], **{setting: None}))
    assert (
        message
        == f"生产环境必须设置 SOCIALAID_{setting.upper()} / production requires SOCIALAID_{setting.upper()}"
    )


@pytest.mark.parametrize("env", ["dev", "production"])
@pytest.mark.parametrize(
    ("setting", "file"),
    [
        ("jwt_public_key_file", "missing"),
        ("jwt_public_key_file", "garbage"),
        ("jwt_public_key_file", "jwks"),
        ("jwks_file", "missing"),
        ("jwks_file", "public"),
    ],
)
def test_a_key_file_that_is_missing_or_unreadable_is_named(
    idp_files: dict[str, Path], tmp_path: Path, env: str, setting: str, file: str
) -> None:
    path = idp_files.get(file, tmp_path / "missing.pem")
    message = refusal(production(env=env, **{setting: path}))
    assert message.startswith(f"SOCIALAID_{setting.upper()}={path} 无法读取或解析")
    assert "not a key" not in message, "the file's contents are not echoed"


def test_a_private_key_in_place_of_the_public_key_is_refused(idp_files: dict[str, Path]) -> None:
    message = refusal(production(jwt_public_key_file=idp_files["private"]))
    assert "not a private key" in message
    assert "PRIVATE KEY" not in message


def test_a_public_key_and_a_jwks_at_once_are_refused(idp_files: dict[str, Path]) -> None:
    message = refusal(
        production(jwt_public_key_file=idp_files["public"], jwks_file=idp_files["jwks"])
    )
    assert "只能设置一个" in message


def test_the_maximum_token_lifetime_must_be_positive() -> None:
    with pytest.raises(ValueError, match="greater than 0"):
        Settings(max_token_lifetime_seconds=0)


# -- The identity provider's keys over HTTP, and claim mapping -----------------------------------

ISSUER = "https://idp.example/realms/socialaid"


def test_production_may_take_the_providers_keys_from_discovery_or_a_jwks_url() -> None:
    # Discovery names the issuer, so SOCIALAID_JWT_ISSUER need not repeat it.
    production(oidc_issuer=ISSUER, jwt_issuer=None).check_for_serving()
    production(jwks_url=ISSUER + "/protocol/openid-connect/certs").check_for_serving()


def test_production_with_a_jwks_url_still_needs_the_issuer() -> None:
    message = refusal(production(jwks_url=ISSUER + "/certs", jwt_issuer=None))
    assert (
        message
        == "生产环境必须设置 SOCIALAID_JWT_ISSUER / production requires SOCIALAID_JWT_ISSUER"
    )


@pytest.mark.parametrize(
    "sources",
    [
        {"oidc_issuer": ISSUER, "jwks_url": ISSUER + "/certs"},
        {"oidc_issuer": ISSUER, "jwks_file": "jwks"},
        {"jwks_url": ISSUER + "/certs", "jwt_public_key_file": "public"},
    ],
    ids=["issuer-and-jwks-url", "issuer-and-jwks-file", "jwks-url-and-public-key"],
)
def test_more_than_one_key_source_is_refused_naming_them(
    idp_files: dict[str, Path], sources: dict[str, str]
) -> None:
    values = {k: idp_files.get(v, v) for k, v in sources.items()}
    message = refusal(production(jwt_issuer=None, **values))
    assert "只能设置一个" in message
    for setting in sources:
        assert f"SOCIALAID_{setting.upper()}" in message


@pytest.mark.parametrize(
    ("env", "url", "accepted"),
    [
        ("production", "http://idp.example/realms/socialaid", False),
        ("production", "http://localhost:8080/realms/socialaid", False),
        ("dev", "http://idp.example/realms/socialaid", False),
        ("dev", "ftp://idp.example/realms/socialaid", False),
        ("dev", "http://localhost:8080/realms/socialaid", True),
        ("dev", "http://127.0.0.1:8080/realms/socialaid", True),
        ("production", ISSUER, True),
    ],
)
@pytest.mark.parametrize("setting", ["oidc_issuer", "jwks_url"])
def test_the_provider_is_reached_over_https_except_on_this_machine_in_dev(
    env: str, url: str, accepted: bool, setting: str
) -> None:
    settings = production(env=env, jwt_issuer=None if setting == "oidc_issuer" else ISSUER)
    settings = settings.model_copy(update={setting: url})
    if accepted:
        settings.check_for_serving()
    else:
        assert refusal(settings).startswith(f"SOCIALAID_{setting.upper()}={url}: ")


def test_an_issuer_setting_other_than_the_discovered_issuer_is_refused() -> None:
    message = refusal(production(oidc_issuer=ISSUER, jwt_issuer="https://idp.example/other"))
    assert "SOCIALAID_JWT_ISSUER" in message and "SOCIALAID_OIDC_ISSUER" in message


def test_claim_paths_and_the_role_map_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOCIALAID_JWT_ROLES_CLAIM", "realm_access.roles")
    monkeypatch.setenv("SOCIALAID_JWT_ROLE_MAP", '{"sa-caseworker": "caseworker"}')
    settings = Settings()
    assert settings.jwt_roles_claim == "realm_access.roles"
    assert settings.jwt_role_map == {"sa-caseworker": "caseworker"}
    assert (settings.jwt_tenant_claim, settings.jwt_departments_claim) == ("tenant", "departments")
