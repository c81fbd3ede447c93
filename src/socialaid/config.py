"""Settings read from the environment."""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Environment(StrEnum):
    DEV = "dev"
    PRODUCTION = "production"


class ConfigurationError(RuntimeError):
    """The environment does not describe a runnable service."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SOCIALAID_", extra="ignore")

    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    data_dir: Path = Path(".data")
    env: Environment = Environment.DEV
    secret: str | None = None

    # Bearer tokens: HS256 with `signing_key` unless a public key or JWKS file (RS256, from the
    # OIDC provider) is configured; production accepts only the latter.
    jwt_public_key_file: Path | None = None
    jwks_file: Path | None = None
    jwt_issuer: str | None = None
    jwt_audience: str | None = None

    max_query_depth: int = 12
    max_query_tokens: int = 4000
    max_query_aliases: int = 30
    # An HTTP request body above this is refused with 413 before it is parsed (files go to the
    # object store, not through GraphQL); JSON nested deeper than this is refused with 400.
    max_request_bytes: int = 2 * 1024 * 1024
    max_json_depth: int = 64
    # One log line per request; off where a proxy in front logs requests already.
    access_log: bool = True

    # Signed audit checkpoints (ADR 0010): each tenant's chain head signed with an Ed25519 key
    # the database never sees, written to a directory outside it, checked by auditVerify with the
    # public key. Dev: the key (generated once) and the directory live in the data dir.
    # Production: `audit_checkpoint_problems` below says what must be set.
    audit_checkpoints: bool = True
    audit_checkpoint_dir: Path | None = None
    audit_checkpoint_key_file: Path | None = None  # private key (PEM, PKCS#8), signs
    audit_checkpoint_public_key_file: Path | None = None  # one or more PEM public keys, verify
    # How often `socialaid serve` signs the chains that moved (0: never; sign elsewhere with
    # `socialaid audit checkpoint`): a rewrite of events newer than the last checkpoint is not
    # found until the next one.
    audit_checkpoint_interval: int = Field(default=600, ge=0)

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def uses_asymmetric_tokens(self) -> bool:
        return self.jwt_public_key_file is not None or self.jwks_file is not None

    @cached_property
    def signing_key(self) -> str:
        """The configured secret; in dev, one generated once and kept in the data dir."""
        if self.secret:
            return self.secret
        if self.is_production:
            raise ConfigurationError("SOCIALAID_SECRET must be set in production")
        path = self.data_dir / "secret"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


# -- Audit checkpoint settings, checked at start-up (kept apart from the rest on purpose) --------


def audit_checkpoint_problems(settings: Settings) -> list[str]:
    """What keeps the audit checkpoints from working as configured: files named that do not
    exist, and in production, anything left to the dev defaults (there is no data dir to
    generate a key into that the database's owner could not also read)."""
    problems: list[str] = []
    files = {
        "SOCIALAID_AUDIT_CHECKPOINT_KEY_FILE": settings.audit_checkpoint_key_file,
        "SOCIALAID_AUDIT_CHECKPOINT_PUBLIC_KEY_FILE": settings.audit_checkpoint_public_key_file,
    }
    for name, path in files.items():
        if path is not None and not path.is_file():
            problems.append(f"{name} names {path}, which is not a file")
    if not settings.is_production:
        return problems
    if not settings.audit_checkpoints:
        problems.append("SOCIALAID_AUDIT_CHECKPOINTS may not be false in production")
        return problems
    if settings.audit_checkpoint_dir is None:
        problems.append("SOCIALAID_AUDIT_CHECKPOINT_DIR must be set in production")
    if settings.audit_checkpoint_public_key_file is None:
        problems.append("SOCIALAID_AUDIT_CHECKPOINT_PUBLIC_KEY_FILE must be set in production")
    if settings.audit_checkpoint_interval > 0 and settings.audit_checkpoint_key_file is None:
        problems.append(
            "SOCIALAID_AUDIT_CHECKPOINT_KEY_FILE must be set in production, or"
            " SOCIALAID_AUDIT_CHECKPOINT_INTERVAL=0 with checkpoints signed elsewhere"
            " (`socialaid audit checkpoint`)"
        )
    return problems
