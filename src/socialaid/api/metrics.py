"""GET /metrics in Prometheus's text format, for one process or the sum over worker processes.

Request counts and latency are counted as requests go (api/request_metrics.py). What a process
holds — its connection pool, its caches' hit and miss counters (socialaid.caching) — is copied
into the metrics by `MetricsSampler` every few seconds in every process, and by the process that
answers a scrape just before it answers; so under several workers the others' share can be up to
SAMPLE_SECONDS old. Overdue cases and audit chain length are the database's state: the process
that answers the scrape reads them (`DatabaseGauges`), at most once per DATABASE_GAUGE_SECONDS.

With PROMETHEUS_MULTIPROC_DIR set (serve --workers sets a fresh one of its own; under gunicorn
or uvicorn --workers the operator does) every process writes its values to files there and the
scrape adds them up (prometheus_client's multiprocess mode).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import os
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.pool import QueuePool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from socialaid.applications.states import CASE_OPEN_STATES
from socialaid.caching import LruCache, named_caches
from socialaid.calendars.service import days_left
from socialaid.clock import today_in_china
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.metrics import registry as metrics

log = logging.getLogger(__name__)

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
SAMPLE_SECONDS = 2.0
DATABASE_GAUGE_SECONDS = 5.0

# A case is overdue as the `overdue` filter of `cases` says (applications/queries.py): open and
# past its deadline.
_OVERDUE = """
SELECT count(*) FROM application_case WHERE state = ANY(:open) AND due_at < now()
"""
_BOUNDED = "SET LOCAL statement_timeout = '2s'"
_AUDIT_CHAINS = "SELECT count(*), coalesce(sum(last_sequence), 0) FROM audit_chain_head"


def metrics_open_to(settings: Settings) -> str | None:
    """Why /metrics is off (None: it is served): off by setting, or production without a token."""
    if not settings.metrics:
        return "SOCIALAID_METRICS=false"
    if settings.is_production and not settings.metrics_token:
        return "production without SOCIALAID_METRICS_TOKEN"
    return None


# What each cache had counted when last exported: counters only ever add the difference. One
# record per process, whichever sampler exports (the caches are the process's, not an app's).
_exported: weakref.WeakKeyDictionary[LruCache[object, object], tuple[int, int]] = (
    weakref.WeakKeyDictionary()
)


class MetricsSampler:
    """Copies what this process holds (pool use, cache counters) into the exported metrics."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def sample(self) -> None:
        pool = self.db.engine.pool
        if isinstance(pool, QueuePool):
            metrics.DB_POOL_CHECKED_OUT.set(pool.checkedout())
            metrics.DB_POOL_SIZE.set(pool.size())
            metrics.DB_POOL_OPEN.set(pool.checkedin() + pool.checkedout())
        for cache in named_caches():
            hits, misses = _exported.get(cache, (0, 0))
            if cache.hits > hits:
                metrics.CACHE_HITS.labels(cache.name).inc(cache.hits - hits)
            if cache.misses > misses:
                metrics.CACHE_MISSES.labels(cache.name).inc(cache.misses - misses)
            _exported[cache] = (cache.hits, cache.misses)

    @contextlib.asynccontextmanager
    async def running(self, every: float = SAMPLE_SECONDS) -> AsyncIterator[None]:
        """Sample every `every` seconds while the block runs, and once more at its end (a worker
        that stops leaves its last counts in the shared directory)."""

        async def loop() -> None:
            while True:
                await asyncio.sleep(every)
                self.sample()

        task = asyncio.create_task(loop())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            self.sample()


class DatabaseGauges(Collector):
    """Overdue cases and audit chain length, read as the owner (every tenant, no row scope) at
    most once every `max_age` seconds, so that a burst of scrapes costs the database one read."""

    def __init__(self, db: Database, max_age: float = DATABASE_GAUGE_SECONDS) -> None:
        self.db = db
        self.max_age = max_age
        self._read_at: float | None = None
        self._values: tuple[int, int, int] | None = None
        self._calendar_days_left: dict[str, int] = {}
        self._lock = asyncio.Lock()

    async def refresh(self) -> None:
        async with self._lock:
            if self._read_at is not None and time.monotonic() - self._read_at < self.max_age:
                return
            try:
                async with self.db.owner_session() as session:
                    # The owner's statements are not bounded (db/database.py); a scrape's are.
                    await session.execute(text(_BOUNDED))
                    overdue = await session.scalar(
                        text(_OVERDUE), {"open": sorted(s.value for s in CASE_OPEN_STATES)}
                    )
                    chains, events = (await session.execute(text(_AUDIT_CHAINS))).one()
                    calendar_left = await days_left(session, today_in_china())
            except Exception as error:  # the scrape still answers, without these gauges
                log.warning("metrics: cannot read the database gauges: %s", type(error).__name__)
                self._values = None
            else:
                self._values = (int(overdue or 0), int(chains), int(events))
                self._calendar_days_left = calendar_left
            self._read_at = time.monotonic()

    def collect(self) -> Iterable[Metric]:
        if self._values is None:
            return
        overdue, chains, events = self._values
        yield GaugeMetricFamily(
            metrics.OVERDUE_CASES_NAME, metrics.OVERDUE_CASES_HELP, value=overdue
        )
        yield GaugeMetricFamily(metrics.AUDIT_CHAINS_NAME, metrics.AUDIT_CHAINS_HELP, value=chains)
        yield GaugeMetricFamily(metrics.AUDIT_EVENTS_NAME, metrics.AUDIT_EVENTS_HELP, value=events)
        left = GaugeMetricFamily(
            metrics.CALENDAR_DAYS_LEFT_NAME, metrics.CALENDAR_DAYS_LEFT_HELP, labels=["tenant"]
        )
        for tenant, days in sorted(self._calendar_days_left.items()):
            left.add_metric([tenant], days)
        yield left


class _Scrape(Collector):
    """This process's metrics, or every process's, and the database gauges."""

    def __init__(self, gauges: DatabaseGauges) -> None:
        self.gauges = gauges

    def collect(self) -> Iterable[Metric]:
        directory = os.environ.get(MULTIPROCESS_ENV)
        if directory:
            collector = MultiProcessCollector(None, path=directory)  # type: ignore[no-untyped-call]
            yield from collector.collect()  # type: ignore[no-untyped-call]
        else:
            yield from REGISTRY.collect()
        yield from self.gauges.collect()


def metrics_endpoint(
    db: Database, settings: Settings, sampler: MetricsSampler
) -> Callable[[Request], Awaitable[Response]]:
    """The /metrics handler."""
    gauges = DatabaseGauges(db)
    scrape = _Scrape(gauges)
    token = settings.metrics_token

    async def endpoint(request: Request) -> Response:
        if token is not None and not _bearer_matches(request, token):
            return PlainTextResponse(
                "unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        sampler.sample()
        await gauges.refresh()
        # The multiprocess collector reads every worker's files: off the event loop.
        body = await asyncio.to_thread(generate_latest, scrape)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return endpoint


def _bearer_matches(request: Request, token: str) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )
