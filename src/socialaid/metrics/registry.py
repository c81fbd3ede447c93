"""Every metric the server exports, with its HELP text: the one place their names are written.

The objects live in prometheus_client's default registry. Under several worker processes
(PROMETHEUS_MULTIPROC_DIR set before prometheus_client is imported) each process writes its
values to files in that directory and /metrics adds them up (`api/metrics.py`); gauges of one
process's state say how to combine: `livesum` over the processes alive. The gauges read from the
database at scrape time are not here but in `api/metrics.py` (DatabaseGauges), since they are the
database's state rather than any process's.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

# Seconds: the cached catalogue answers in under a millisecond, a submission in tens of them,
# and the statement timeout (5 s) bounds the slowest.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

GRAPHQL_REQUEST_SECONDS = Histogram(
    "socialaid_graphql_request_duration_seconds",
    "GraphQL requests over HTTP (POST and GET /graphql): time to the end of the response, by"
    " operation name (the first 50 distinct names a process sees; later ones as (other)) and"
    " outcome (ok, the extensions.code of the first error, or http_4xx/http_5xx when refused"
    " before GraphQL answered); its _count is the number of requests",
    ("operation", "outcome"),
    buckets=LATENCY_BUCKETS,
)
HTTP_REQUESTS = Counter(
    "socialaid_http_requests",
    "HTTP requests by route (graphql, audit_export, healthz, readyz, metrics, other) and status"
    " class (2xx, 4xx, 5xx, ...)",
    ("route", "status"),
)
APPLICATIONS_SUBMITTED = Counter(
    "socialaid_applications_submitted",
    "Applications submitted (committed; a replay of an idempotency key is not counted)",
    ("channel",),
)
CASES_DECIDED = Counter(
    "socialaid_cases_decided",
    "Case decisions recorded by a department (committed), by outcome (approved, denied)",
    ("outcome",),
)
CACHE_HITS = Counter(
    "socialaid_cache_hits",
    "Lookups answered from a process cache, by cache (sampled every few seconds)",
    ("cache",),
)
CACHE_MISSES = Counter(
    "socialaid_cache_misses",
    "Lookups a process cache could not answer, by cache (sampled every few seconds)",
    ("cache",),
)
DB_POOL_CHECKED_OUT = Gauge(
    "socialaid_db_pool_checked_out",
    "Connections of the application role's pools in use by requests, summed over the live"
    " processes (sampled every few seconds)",
    multiprocess_mode="livesum",
)
DB_POOL_SIZE = Gauge(
    "socialaid_db_pool_size",
    "Connections the application role's pools keep open, summed over the live processes (each"
    " may open as many again as overflow)",
    multiprocess_mode="livesum",
)
DB_POOL_OPEN = Gauge(
    "socialaid_db_pool_open",
    "Connections of the application role's pools open now (idle or in use, overflow included),"
    " summed over the live processes (sampled every few seconds)",
    multiprocess_mode="livesum",
)

OVERDUE_CASES_NAME = "socialaid_overdue_cases"
OVERDUE_CASES_HELP = (
    "Open cases past their deadline, in every tenant (read from the database at scrape time,"
    " at most once every few seconds)"
)
AUDIT_EVENTS_NAME = "socialaid_audit_chain_events"
AUDIT_EVENTS_HELP = (
    "Events in the audit chains of every tenant: the sum of each chain's last sequence number"
    " (read from the database at scrape time, at most once every few seconds)"
)
CALENDAR_DAYS_LEFT_NAME = "socialaid_calendar_days_left"
CALENDAR_DAYS_LEFT_HELP = (
    "Days from today to the end of each root tenant's published working-day calendar (0 or less:"
    " run out, deadlines beyond it are provisional); alert below 60"
)
AUDIT_CHAINS_NAME = "socialaid_audit_chains"
AUDIT_CHAINS_HELP = "Tenants with an audit chain (read from the database at scrape time)"
