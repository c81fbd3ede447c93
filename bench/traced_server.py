"""The real app, served as `socialaid serve` serves it, with one of three kinds of tracing.

    .venv/bin/python bench/traced_server.py --mode off|on|stock --port N

- off: no tracing (what runs without an OTLP endpoint).
- on: socialaid's tracing (a span per operation and per database query), its spans handed to a
  BatchSpanProcessor whose exporter drops them: what tracing costs the process short of the
  protobuf encoding and the network, which happen in the processor's own thread.
- stock: strawberry's OpenTelemetryExtension (a span per resolver, parse and validation) with the
  same provider, processor and exporter, and no database spans.

Provisions the embedded database in SOCIALAID_DATA_DIR (shared by the servers of one run: the
first one started loads the seed data), runs the change listeners, then uvicorn with uvloop,
`lifespan="off"`, no access log, on a socket made by `listening_socket`, as serve_process does.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
from collections.abc import Sequence
from functools import partial
from typing import Any

import uvicorn
import uvloop
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from strawberry.extensions.tracing import OpenTelemetryExtension

from socialaid.api import app as app_module
from socialaid.api.change_listeners import listening_for_changes
from socialaid.api.serving import _Server, listening_socket
from socialaid.config import Settings
from socialaid.db.database import Database, Timeouts
from socialaid.db.provision import provision
from socialaid.seeding import load_seed_data_if_empty
from socialaid.tracing import Tracing


class DroppingExporter(SpanExporter):
    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return SpanExportResult.SUCCESS


def _with_stock_extension(provider: TracerProvider) -> None:
    """Make the app's schema carry strawberry's extension as well (and nothing of ours)."""
    build = app_module.build_schema

    def build_with_stock(settings: Settings, tracer: object = None, *rest: Any) -> object:
        # Our own tracer stays off; the app's other schema arguments pass through.
        schema = build(settings, None, *rest)
        stock = partial(OpenTelemetryExtension, tracer_provider=provider)
        schema.extensions = (stock, *schema.extensions)
        return schema

    app_module.build_schema = build_with_stock  # type: ignore[assignment]


async def main(mode: str, port: int) -> None:
    settings = Settings(access_log=False)
    provisioned = await provision(settings)
    db = Database(provisioned.owner_url, settings.signing_key, timeouts=Timeouts.of(settings))
    await load_seed_data_if_empty(db)
    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(DroppingExporter()))
    tracing = Tracing.of(provider) if mode == "on" else None
    if mode == "stock":
        _with_stock_extension(provider)
    sock = listening_socket("127.0.0.1", port)
    try:
        async with listening_for_changes(db, settings, provisioned.owner_url) as listeners:
            app = app_module.create_app(
                db,
                settings,
                listeners.authenticator,
                listeners.revisions,
                listeners.application_updates,
                tracing=tracing,
            )
            gc.collect()
            gc.freeze()
            config = uvicorn.Config(app, lifespan="off", access_log=False, log_level="warning")
            # serving's server returns on SIGTERM (uvicorn's own would re-raise it and end the
            # process before the embedded database is released).
            await _Server(config).serve(sockets=[sock])
    finally:
        sock.close()
        provider.shutdown()
        await db.dispose()
        provisioned.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["off", "on", "stock"], required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main(args.mode, args.port))
