"""Settings read from the environment."""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Literal

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from socialaid.trusted_documents import load_manifest


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
    # Roles a token carries cannot be revoked before it expires (only assigned grants can), so
    # a token may live at most a working day and its overtime; the identity provider's usually
    # live minutes. A token without `iat` and `exp`, or living longer, is refused.
    max_token_lifetime_seconds: int = Field(default=12 * 3600, gt=0)

    max_query_depth: int = 12
    max_query_tokens: int = 4000
    max_query_aliases: int = 30
    # An HTTP request body above this is refused with 413 before it is parsed (files go to the
    # object store, not through GraphQL); JSON nested deeper than this is refused with 400.
    max_request_bytes: int = 2 * 1024 * 1024
    max_json_depth: int = 64
    # All request headers together, and a GET request's query string: 431 / 414 above this. A
    # bearer token is about 1 KiB; nothing a client sends needs more.
    max_header_bytes: int = 16 * 1024
    # One log line per request; off where a proxy in front logs requests already.
    access_log: bool = True
    # Log lines: "json" (one object per line, for a collector) or "text" (for a terminal); unset,
    # json in production and text in dev (`effective_log_format`).
    log_format: Literal["json", "text"] | None = None
    # A JSON manifest {sha256: document} (or Apollo's persisted-query manifest): when set, only
    # those documents run (trusted-documents mode, api/persisted_queries.py); unset, any
    # document runs and clients may use automatic persisted queries.
    trusted_documents: Path | None = None

    # Database timeouts, in seconds (0 turns one off). A healthy server accepts a connection in
    # milliseconds; without a bound a dead host holds a request for the OS's TCP timeout (minutes).
    db_connect_timeout: float = 5.0
    # The API's statements take milliseconds; 5 s stops a runaway query or a long lock wait well
    # before a client or proxy gives up (30-60 s). The client waits 2 s longer than the server,
    # so a server that answers at all cancels the statement itself and the connection stays usable.
    db_statement_timeout: float = 5.0
    # No request leaves a transaction idle except an audit export waiting on a slow client; a
    # minute's stall there ends that export rather than holding back vacuum and migrations' locks.
    db_idle_in_transaction_timeout: float = 60.0
    # Waiting for one of the pool's connections: past this every connection is stuck (the server
    # is paused or overloaded), and answering "try again" beats queueing without end.
    db_pool_timeout: float = 5.0
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
    def effective_log_format(self) -> Literal["json", "text"]:
        if self.log_format is not None:
            return self.log_format
        return "json" if self.is_production else "text"

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

    def check_for_serving(self) -> None:
        """Raise ConfigurationError, naming each setting at fault, for a configuration the server
        would start with but not work under: in production without the identity provider's
        public key (every token refused), issuer or audience (tokens the same provider issued to
        other applications or realms accepted), or secret; in any environment with a key file
        that is missing or not an RSA public key. `socialaid serve` calls it before anything else.
        """
        problems: list[str] = []
        if self.jwt_public_key_file is not None and self.jwks_file is not None:
            problems.append(
                "SOCIALAID_JWT_PUBLIC_KEY_FILE 与 SOCIALAID_JWKS_FILE 只能设置一个"
                " / set only one of SOCIALAID_JWT_PUBLIC_KEY_FILE and SOCIALAID_JWKS_FILE"
            )
        for setting, path in (
            ("SOCIALAID_JWT_PUBLIC_KEY_FILE", self.jwt_public_key_file),
            ("SOCIALAID_JWKS_FILE", self.jwks_file),
        ):
            if path is None:
                continue
            keys: list[object]
            try:
                text = path.read_text(encoding="utf-8")
                if path == self.jwks_file:
                    # The verifier looks a key up by the token's `kid`; keys of other kinds
                    # (encryption, elliptic curves) may sit beside the RSA signing keys.
                    keys = [k.key for k in jwt.PyJWKSet.from_json(text).keys if k.key_id]
                else:
                    rsa = jwt.algorithms.RSAAlgorithm(jwt.algorithms.RSAAlgorithm.SHA256)
                    keys = [rsa.prepare_key(text)]
            except (OSError, ValueError, jwt.PyJWTError) as exc:
                # Only the kind of failure: PyJWT's messages may quote the key material.
                reason = exc.strerror if isinstance(exc, OSError) else type(exc).__name__
                problems.append(
                    f"{setting}={path} 无法读取或解析 / cannot be read or parsed: {reason}"
                )
                continue
            # A private key verifies nothing, and has no business on this server.
            if not any(isinstance(k, RSAPublicKey) for k in keys) or any(
                hasattr(k, "private_bytes") for k in keys
            ):
                problems.append(
                    f"{setting}={path} 应只含身份提供方的 RSA 公钥（JWKS 中的须带 kid）"
                    " / must hold the identity provider's RSA public key, not a private key"
                    " (in a JWKS, with a kid)"
                )
        if self.is_production:
            if not self.uses_asymmetric_tokens:
                problems.append(
                    "生产环境必须设置 SOCIALAID_JWT_PUBLIC_KEY_FILE 或 SOCIALAID_JWKS_FILE，否则所有"
                    "令牌都会被拒绝 / production requires SOCIALAID_JWT_PUBLIC_KEY_FILE or"
                    " SOCIALAID_JWKS_FILE, without which every token is refused"
                )
            for setting, value in (
                ("SOCIALAID_JWT_ISSUER", self.jwt_issuer),
                ("SOCIALAID_JWT_AUDIENCE", self.jwt_audience),
                ("SOCIALAID_SECRET", self.secret),
            ):
                if not value:
                    problems.append(f"生产环境必须设置 {setting} / production requires {setting}")
        problems += audit_checkpoint_problems(self)
        if self.trusted_documents is not None:
            try:
                load_manifest(self.trusted_documents)
            except ValueError as error:
                problems.append(f"SOCIALAID_TRUSTED_DOCUMENTS={self.trusted_documents}: {error}")
        if problems:
            raise ConfigurationError("\n".join(problems))


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
