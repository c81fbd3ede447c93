"""Settings read from the environment."""

from __future__ import annotations

import re
import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

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
    # An empty variable is an unset one: compose passes `${X:-}` through as "".
    model_config = SettingsConfigDict(
        env_prefix="SOCIALAID_", extra="ignore", env_ignore_empty=True
    )

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
    # The identity provider's keys over HTTPS instead of a file, refreshed without a restart:
    # the issuer, whose OIDC discovery document names its JWKS (and must name this issuer), or
    # the JWKS URL itself. See README "Identity provider" and ADR identity-provider-keys.
    oidc_issuer: str | None = None
    # The web console's OIDC client (a public client: authorization code flow with PKCE, no
    # secret); unset, the console offers no provider sign-in (dev: its role picker only).
    console_oidc_client_id: str | None = None
    jwks_url: str | None = None
    # Keys are refetched in the background once this old; the last fetched stay in use while
    # the provider is down.
    jwks_refresh_seconds: float = Field(default=300, gt=0)
    # A token with an unknown `kid` (a rotation) refetches at once, unless a fetch began less
    # than this long ago: tokens with made-up kids cannot make the server hammer the provider.
    jwks_refetch_interval: float = Field(default=30, ge=0)
    jwks_timeout: float = Field(default=5, gt=0)  # seconds, per discovery or JWKS request
    # Where the claims sit in the provider's tokens; a dotted path reaches into an object
    # (Keycloak: realm_access.roles). Defaults: socialaid's own claim names.
    jwt_tenant_claim: str = Field(default="tenant", min_length=1)
    jwt_roles_claim: str = Field(default="roles", min_length=1)
    jwt_departments_claim: str = Field(default="departments", min_length=1)
    jwt_area_claim: str = Field(default="area", min_length=1)
    # The provider's role names to ours, JSON: {"sa-caseworker": "caseworker"}. With a map, role
    # names it does not hold are ignored; without one, the claim must hold our names only.
    jwt_role_map: dict[str, str] | None = None

    max_query_depth: int = 12
    # auditEvents' totalCount counts at most this many events and says when there are more
    # (totalCountIsCapped): counting millions of rows for a page's "共 N 条" costs seconds.
    audit_count_cap: int = Field(default=10_000, gt=0)
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
    # Public reference data (api/public_cache.py): how long a browser or CDN may reuse an answer
    # without asking (a published change reaches it at most this late), and how much longer it
    # may hand out the old one while it revalidates with its ETag in the background.
    public_max_age: int = Field(default=60, ge=0)
    public_stale_while_revalidate: int = Field(default=300, ge=0)
    # Responses at least this long are compressed (brotli or gzip, as the client accepts);
    # below it the saving is less than a packet and not worth the CPU.
    compress_min_bytes: int = Field(default=1024, ge=0)
    # Log lines: "json" (one object per line, for a collector) or "text" (for a terminal); unset,
    # json in production and text in dev (`effective_log_format`).
    log_format: Literal["json", "text"] | None = None
    # Prometheus metrics on GET /metrics (`false`: neither the endpoint nor the counting). Open
    # in dev; with a token set the scraper must send it as `Authorization: Bearer <token>`, and in
    # production without a token the endpoint is off (404): request counts, operation names and
    # error rates are for the operator, not for anyone who can reach the API.
    metrics: bool = True
    metrics_token: str | None = None
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
    # The worker's jobs (the discovery job's batches, the statistics fold) read thousands of rows
    # a statement: their own pools, whose statements get this long on the server (and the client
    # 2 s more), whatever a request gets. Also for `serve`'s embedded worker.
    job_statement_timeout: float = Field(default=300.0, ge=0)
    # No request leaves a transaction idle except an audit export waiting on a slow client; a
    # minute's stall there ends that export rather than holding back vacuum and migrations' locks.
    db_idle_in_transaction_timeout: float = 60.0
    # Waiting for one of the pool's connections: past this every connection is stuck (the server
    # is paused or overloaded), and answering "try again" beats queueing without end.
    db_pool_timeout: float = 5.0
    # Connections each process keeps to the database (see README "Scaling out" for the sum over
    # processes): the request pool, the connections it may open beyond it under a burst, and the
    # owner's pool (imports, checkpoints). The read pool, when there is a replica, is sized alike.
    db_pool_size: int = Field(default=10, gt=0)
    db_max_overflow: int = Field(default=10, ge=0)
    db_owner_pool_size: int = Field(default=2, gt=0)
    # PgBouncer in transaction mode in front of the database: the app role's request (and read)
    # pools connect there (host, port, database from this URL; the role is always
    # socialaid_app) with prepared statements that cannot collide between the clients sharing
    # a server connection. LISTEN, migrations and the owner stay on DATABASE_URL: direct.
    db_pgbouncer_url: str | None = None
    # A streaming replica for auditors' history reads and exports (host, port, database; the role
    # is socialaid_app): a little behind the primary, never written to. Unset: the primary.
    read_database_url: str | None = None
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
    # OpenTelemetry traces (README "Traces"), by the standard variables: spans go by OTLP/HTTP to
    # the traces endpoint, or to the base endpoint's /v1/traces; neither set (or the SDK disabled),
    # tracing is off and costs nothing. Read here so that start-up can name a malformed URL.
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None, validation_alias="OTEL_EXPORTER_OTLP_ENDPOINT"
    )
    otel_exporter_otlp_traces_endpoint: str | None = Field(
        default=None, validation_alias="OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
    )
    otel_service_name: str = Field(default="socialaid", validation_alias="OTEL_SERVICE_NAME")
    otel_sdk_disabled: bool = Field(default=False, validation_alias="OTEL_SDK_DISABLED")
    # Browser pages on other origins that may call the API (HTTP through CORS, WebSocket
    # handshakes by their Origin): comma-separated exact origins (`https://portal.example.cn`),
    # none by default. No `*` and no credentials mode: tokens travel in the Authorization
    # header (or the subscription's connection_init), never in cookies (ADR 0016).
    cors_origins: str = ""
    # Issue 19, the job queue (ADR 0025). `socialaid serve` runs a worker in its process unless
    # this is false (compose's api service, beside a `socialaid worker` service).
    embedded_worker: bool = True
    # The deadline job's schedule (cron, five fields, UTC) and how many working days before a
    # case's deadline its department is reminded: an operating choice, not a policy of the seeds.
    deadline_scan_cron: str = "*/10 * * * *"
    deadline_reminder_working_days: int = Field(default=3, ge=0, le=60)
    # Issue 22: the discovery job's schedule (cron, UTC). Each run evaluates only the residents
    # whose livelihood tags changed since the last one, so a short interval costs little.
    discovery_cron: str = "*/15 * * * *"
    # Statistics (issue 23, ADR 0034): how often the worker folds dirty days into the rollups, and
    # the floor of the small-cell threshold (GB/T 37973, seed 002 §6.4.3; ADR 0042): the threshold
    # is the tenant parameter `statistics_min_cell` (default 5, the figure), never below
    # this. 1: no floor, the tenants decide.
    statistics_fold_cron: str = "* * * * *"
    statistics_min_cell: int = Field(default=5, ge=1, le=1000)
    # The re-verification job's schedule (cron, five fields, UTC): it opens the reviews whose
    # China date has come (issue 22); hourly is plenty for reviews counted in months.
    reverification_scan_cron: str = "7 * * * *"
    # Applicant notifications go out through the first of these channels that takes them
    # (comma-separated: sink, sms, wechat). `sink` appends to notification_sink_file and sends
    # nothing: the default, for dev and tests; production names its gateways.
    notification_channels: str = "sink"
    notification_sink_file: Path | None = None  # default: <data dir>/notification-sink.jsonl
    sms_gateway_url: str | None = None
    sms_gateway_token: str | None = None
    wechat_gateway_url: str | None = None
    wechat_gateway_token: str | None = None
    wechat_template_id: str | None = None
    notification_timeout: float = Field(default=5, gt=0)  # seconds per gateway request

    @property
    def sink_file(self) -> Path:
        return self.notification_sink_file or self.data_dir / "notification-sink.jsonl"

    # Material uploads (issue 18, ADR 0023). "embedded": files in a directory under the data
    # dir (or SOCIALAID_UPLOAD_DIR), PUT and GET through this API's own signed routes; "s3": an
    # S3-compatible store (MinIO, OSS, COS) by the settings below.
    upload_store: Literal["embedded", "s3"] = "embedded"
    upload_dir: Path | None = None
    upload_s3_endpoint: str | None = None  # unset: AWS's own endpoint for the region
    # Where clients reach the store, when not at the endpoint the API uses (compose: the API
    # talks to http://minio:9000, a browser to http://localhost:9000); unset: the same.
    upload_s3_public_endpoint: str | None = None
    upload_s3_bucket: str | None = None
    upload_s3_region: str = "us-east-1"
    upload_s3_access_key: str | None = None
    upload_s3_secret_key: str | None = None
    # MinIO and most self-hosted stores serve buckets under the path, not as a subdomain.
    upload_s3_path_style: bool = True
    # Technical limits, not policy: the largest file accepted, how long a signed PUT URL (from
    # materialUploadCreate) and a download URL (ApplicationMaterial.file) stay valid, and how
    # long an upload no application references is kept before `socialaid uploads cleanup`
    # removes it.
    upload_max_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    upload_url_seconds: int = Field(default=900, gt=0)
    download_url_seconds: int = Field(default=300, gt=0)
    upload_retention_hours: float = Field(default=7 * 24, gt=0)
    # A virus scanner every completed upload passes through, as `module:attribute` naming an
    # object with `async scan(data: bytes) -> str | None` (the threat found); unset: none.
    upload_scanner: str | None = None
    # The API's address as clients reach it, for the embedded store's URLs; unset: the address
    # of the request that asks for the URL.
    public_url: str | None = None

    @property
    def upload_root(self) -> Path:
        return self.upload_dir or self.data_dir / "files"

    # Webhooks to department systems (ADR 0026). A subscription's URL is https; plain http only to
    # localhost and only outside production (a receiver a developer runs). In production a URL
    # whose host resolves to a private, loopback, link-local or reserved address is refused (an
    # SSRF guard) unless the host or its network is listed here: comma-separated host names and
    # CIDR networks (`esb.gov.internal,10.20.0.0/16`), a government intranet's receivers.
    webhook_allowed_hosts: str = ""
    webhook_allow_http_localhost: bool = True  # ignored in production
    # A delivery is tried this many times at most; the n-th retry waits base·2^(n-1) seconds (at
    # most the cap), each wait drawn between half and all of it so that receivers recovering
    # from an outage are not hit by every sender at once.
    webhook_max_attempts: int = Field(default=8, ge=1, le=50)
    webhook_backoff_base_seconds: float = Field(default=30, gt=0)
    webhook_backoff_max_seconds: float = Field(default=6 * 3600, gt=0)
    webhook_timeout_seconds: float = Field(default=10, gt=0)  # per POST
    # `socialaid serve` looks for due deliveries this often (seconds); 0: it delivers none (run
    # `socialaid webhooks deliver` elsewhere, or the job queue's worker).
    webhook_poll_interval: float = Field(default=2, ge=0)
    webhook_batch_size: int = Field(default=50, ge=1, le=1000)

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def effective_log_format(self) -> Literal["json", "text"]:
        if self.log_format is not None:
            return self.log_format
        return "json" if self.is_production else "text"

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """SOCIALAID_CORS_ORIGINS as browsers send an Origin; ConfigurationError for any entry
        that is not one exact origin."""
        origins, problems = parse_origins(self.cors_origins)
        if problems:
            raise ConfigurationError("\n".join(problems))
        return origins

    @property
    def uses_asymmetric_tokens(self) -> bool:
        return any(
            source is not None
            for source in (
                self.jwt_public_key_file,
                self.jwks_file,
                self.jwks_url,
                self.oidc_issuer,
            )
        )

    @property
    def expected_issuer(self) -> str | None:
        """The `iss` a token must carry: SOCIALAID_JWT_ISSUER, else the discovered issuer."""
        return self.jwt_issuer or self.oidc_issuer

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
                    " (or SOCIALAID_OIDC_ISSUER or SOCIALAID_JWKS_URL)"
                )
            for setting, value in (
                ("SOCIALAID_JWT_ISSUER", self.expected_issuer),
                ("SOCIALAID_JWT_AUDIENCE", self.jwt_audience),
                ("SOCIALAID_SECRET", self.secret),
            ):
                if not value:
                    problems.append(f"生产环境必须设置 {setting} / production requires {setting}")
        problems += identity_provider_problems(self)
        problems += audit_checkpoint_problems(self)
        problems += tracing_problems(self)
        problems += parse_origins(self.cors_origins)[1]
        if self.upload_store == "s3" and not self.upload_s3_bucket:
            problems.append(
                "SOCIALAID_UPLOAD_STORE=s3 需要 SOCIALAID_UPLOAD_S3_BUCKET"
                " / SOCIALAID_UPLOAD_STORE=s3 requires SOCIALAID_UPLOAD_S3_BUCKET"
            )
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


def parse_origins(value: str) -> tuple[tuple[str, ...], list[str]]:
    """The origins of a comma-separated SOCIALAID_CORS_ORIGINS, in the form browsers send them
    (lowercase scheme and host, no default port), and the entries that are not an origin."""
    origins: list[str] = []
    problems: list[str] = []
    for entry in (part.strip() for part in value.split(",")):
        if not entry:
            continue
        origin = _origin_of(entry)
        if origin is None:
            problems.append(
                f"SOCIALAID_CORS_ORIGINS 中的 {entry!r} 不是确切的来源（如 https://portal.example.cn，"
                "不可用 *、路径或通配） / is not an exact origin such as https://portal.example.cn"
                " (no *, path or wildcard)"
            )
        elif origin not in origins:
            origins.append(origin)
    return tuple(origins), problems


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_of(entry: str) -> str | None:
    try:
        parts = urlsplit(entry)
        port = parts.port
    except ValueError:
        return None
    if (
        parts.scheme.lower() not in _DEFAULT_PORTS
        or not parts.hostname
        or "*" in entry
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username is not None
    ):
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    if port is not None and port != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    return f"{parts.scheme.lower()}://{host}"


# -- Identity provider keys over HTTP and claim mapping, checked at start-up ---------------------


def identity_provider_problems(settings: Settings) -> list[str]:
    """What keeps tokens from the identity provider from verifying as configured: more than one
    key source, a provider URL that is not https (http to localhost in dev), and an issuer
    setting that contradicts the discovered one."""
    problems: list[str] = []
    sources = {
        "SOCIALAID_JWT_PUBLIC_KEY_FILE": settings.jwt_public_key_file,
        "SOCIALAID_JWKS_FILE": settings.jwks_file,
        "SOCIALAID_JWKS_URL": settings.jwks_url,
        "SOCIALAID_OIDC_ISSUER": settings.oidc_issuer,
    }
    named = [name for name, value in sources.items() if value is not None]
    # The two files alone are reported by check_for_serving already.
    if len(named) > 1 and set(named) != {"SOCIALAID_JWT_PUBLIC_KEY_FILE", "SOCIALAID_JWKS_FILE"}:
        problems.append(
            f"{' 与 '.join(named)} 只能设置一个（令牌只用一个密钥来源）"
            f" / set only one of {', '.join(named)}: tokens verify against one key source"
        )
    for name in ("SOCIALAID_JWKS_URL", "SOCIALAID_OIDC_ISSUER"):
        url = sources[name]
        problem = None if url is None else url_problem(str(url), production=settings.is_production)
        if problem is not None:
            problems.append(f"{name}={url}: {problem}")
    if settings.oidc_issuer and settings.jwt_issuer and settings.oidc_issuer != settings.jwt_issuer:
        problems.append(
            "SOCIALAID_JWT_ISSUER 与 SOCIALAID_OIDC_ISSUER 不一致 / SOCIALAID_JWT_ISSUER differs"
            " from SOCIALAID_OIDC_ISSUER (leave it unset: the discovered issuer is expected)"
        )
    # SOCIALAID_JWT_ROLE_MAP naming a role that does not exist stops the start where the roles
    # are known (access.tokens.claim_mapping_of): config imports nothing of the packages.
    return problems


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def url_problem(url: str, *, production: bool) -> str | None:
    """Why `url` may not name the identity provider: keys fetched over plain HTTP could be
    replaced by anyone on the path, so only https, and in dev http to this machine (a test's
    provider)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and not production and parts.hostname in LOCAL_HOSTS:
        return None
    if production:
        return "生产环境须使用 https / must be an https URL in production"
    return (
        "须为 https 地址（开发环境可用 http://localhost）/ must be https (http to localhost in dev)"
    )


def tracing_problems(settings: Settings) -> list[str]:
    """An OTLP endpoint that is not an http(s) URL: the exporter would fail on every batch, in a
    background thread, and the server would look fine without a single trace."""
    problems = []
    for name, value in (
        ("OTEL_EXPORTER_OTLP_ENDPOINT", settings.otel_exporter_otlp_endpoint),
        ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", settings.otel_exporter_otlp_traces_endpoint),
    ):
        if value and not re.fullmatch(r"https?://[^\s/?#]+(/\S*)?", value):
            problems.append(f"{name}={value!r} 不是 http(s) URL / is not an http(s) URL")
    return problems
