"""The two baseline servers the HTTP benchmarks measure in the same run as the real one.

    .venv/bin/python bench/baseline_apps.py --app static|hello --port N [--workers N] [--access-log]

- static: a Starlette app that answers `POST /graphql` with fixed bytes (the file named by
  BENCH_STATIC_BODY: the real server's response to the benchmarked request), after reading the
  request body. What the HTTP stack alone costs for a response of that size.
- hello: bare strawberry, a one-field schema `{ hello }` mounted with strawberry.asgi.GraphQL.
  What the GraphQL layer costs with nothing behind it.

Both are served as `socialaid serve` serves the real app (src/socialaid/api/serving.py): uvicorn
with `lifespan="off"` and its default loop and HTTP implementations (uvloop and httptools when
installed) on a socket made by `listening_socket` (Nagle off); with `--workers N`, N processes
accept from that one socket. The access log is off unless `--access-log`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import strawberry
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from socialaid.api.serving import PARENT_ENV, become_worker, listening_socket

STATIC_BODY_ENV = "BENCH_STATIC_BODY"
FD_ENV = "BENCH_LISTEN_FD"


async def _ready(_: Request) -> Response:
    return PlainTextResponse("ok")


def static_app() -> Starlette:
    body = Path(os.environ[STATIC_BODY_ENV]).read_bytes()

    async def graphql(request: Request) -> Response:
        await request.body()
        return Response(body, media_type="application/json")

    return Starlette(
        routes=[Route("/graphql", graphql, methods=["POST"]), Route("/readyz", _ready)]
    )


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"


def hello_app() -> Starlette:
    graphql: Any = GraphQL(strawberry.Schema(query=Query))
    return Starlette(
        routes=[Route("/graphql", graphql, methods=["GET", "POST"]), Route("/readyz", _ready)]
    )


async def _serve(app: Starlette, sock: socket.socket, access_log: bool) -> None:
    config = uvicorn.Config(app, lifespan="off", access_log=access_log, log_level="warning")
    await uvicorn.Server(config).serve(sockets=[sock])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", choices=["static", "hello"], required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--access-log", action="store_true")
    args = parser.parse_args()
    make = static_app if args.app == "static" else hello_app
    inherited = os.environ.get(FD_ENV)
    if inherited is not None:  # a worker
        become_worker()
        asyncio.run(_serve(make(), socket.socket(fileno=int(inherited)), args.access_log))
        return
    sock = listening_socket("127.0.0.1", args.port)
    if args.workers == 1:
        asyncio.run(_serve(make(), sock, args.access_log))
        return
    environment = {**os.environ, FD_ENV: str(sock.fileno()), PARENT_ENV: str(os.getpid())}
    workers = [
        subprocess.Popen([sys.executable, *sys.argv], env=environment, pass_fds=(sock.fileno(),))
        for _ in range(args.workers)
    ]

    def stop(_signum: int, _frame: object) -> None:
        for worker in workers:
            worker.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for worker in workers:
        worker.wait()


if __name__ == "__main__":
    main()
