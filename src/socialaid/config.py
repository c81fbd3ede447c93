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
