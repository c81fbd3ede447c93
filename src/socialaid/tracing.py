"""The serving process's OpenTelemetry traces: on when an OTLP endpoint is configured, else off.

On, the process gets its own TracerProvider (service name from OTEL_SERVICE_NAME, "socialaid" by
default) whose BatchSpanProcessor sends spans over OTLP/HTTP (protobuf) from a thread of its own;
the app then traces each GraphQL operation (`api/operation_tracing.py`) and each database query
made for it (`db/query_tracing.py`). Off, nothing of the SDK is even imported and the app has no
tracing extension and no query listeners: a request does no tracing work at all.

The provider is socialaid's, passed to what traces; it is not installed as OpenTelemetry's global
provider, which can be set only once per process and would tie every later provider to the first.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from socialaid.config import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Tracer

# Names the spans socialaid makes (the "instrumentation scope" a backend shows with them).
SCOPE = "socialaid"


@dataclass(frozen=True)
class Tracing:
    """A tracer and the provider that exports what it records."""

    provider: TracerProvider
    tracer: Tracer

    @classmethod
    def of(cls, provider: TracerProvider) -> Tracing:
        return cls(provider, provider.get_tracer(SCOPE))

    def shutdown(self) -> None:
        """Export what is still queued, then stop; blocks up to the exporter's timeout."""
        self.provider.shutdown()


def traces_endpoint(settings: Settings) -> str | None:
    """The URL spans are POSTed to, from the standard OTLP settings; None: tracing is off."""
    if settings.otel_sdk_disabled:
        return None
    if settings.otel_exporter_otlp_traces_endpoint:
        return settings.otel_exporter_otlp_traces_endpoint
    if settings.otel_exporter_otlp_endpoint:
        # As the OTLP specification says: the base URL plus the signal's path.
        return settings.otel_exporter_otlp_endpoint.rstrip("/") + "/v1/traces"
    return None


def start_tracing(settings: Settings) -> Tracing | None:
    """The process's tracing when an endpoint is configured, exporting in batches; else None."""
    endpoint = traces_endpoint(settings)
    if endpoint is None:
        return None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    # Resource.create adds OTEL_RESOURCE_ATTRIBUTES; the exporter reads the other OTEL_EXPORTER_
    # settings (headers, timeout, compression, certificates) from the environment itself.
    resource = Resource.create({SERVICE_NAME: settings.otel_service_name})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    return Tracing.of(provider)


@contextlib.asynccontextmanager
async def exporting_traces(settings: Settings) -> AsyncIterator[Tracing | None]:
    """The process's tracing (None when off) for as long as the block runs; what is still queued
    is exported when it ends."""
    tracing = start_tracing(settings)
    try:
        yield tracing
    finally:
        if tracing is not None:
            # The last batch goes over the network: not on the event loop's thread.
            await asyncio.to_thread(tracing.shutdown)
