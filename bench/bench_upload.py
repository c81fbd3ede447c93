"""Issue 18: a 5 MB material upload through the embedded store, as a client makes it:
`materialUploadCreate` → `PUT` of the bytes to the signed URL → `materialUploadComplete` (which
reads the file back, hashes it and checks its type).

    PYTHONPATH=src .venv/bin/python bench/bench_upload.py [--rounds 40] [--megabytes 5]

Starts `socialaid serve` (one worker) on its own embedded database (.data/bench-upload) and, in
the same run, the baseline: a static Starlette app on uvicorn that reads a `PUT` body of the same
size and answers 200 (what the HTTP stack alone costs to take in the bytes). Rounds run one after
another from one client; it prints the median and p99 of each step and of the whole upload, and
the ratio of the whole upload to the baseline PUT.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, free_port, machine, running_server

SECRET = "bench-upload-secret-not-for-production"
TENANT = "310105"
CREATE = """mutation($i: MaterialUploadCreateInput!) { materialUploadCreate(input: $i) {
  errors { code message } upload { id url headers } } }"""
COMPLETE = """mutation($i: MaterialUploadCompleteInput!) { materialUploadComplete(input: $i) {
  errors { code message } upload { state } } }"""


def token() -> str:
    from socialaid.access.tokens import mint_token
    from socialaid.config import Settings

    return mint_token(
        Settings(secret=SECRET), user="bench-citizen", tenant=TENANT, roles=["applicant"]
    )


def sink_app() -> object:
    """The baseline: reads the whole PUT body, keeps nothing, answers 200."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    async def put(request: Request) -> Response:
        async for _ in request.stream():
            pass
        return Response(status_code=200)

    async def ready(_: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/sink", put, methods=["PUT"]), Route("/readyz", ready)])


@contextmanager
def sink_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.bench_upload:sink_app",
            "--factory",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
            "--lifespan",
            "off",
        ],
        cwd=REPO,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--megabytes", type=float, default=5)
    args = parser.parse_args()
    size = int(args.megabytes * 1024 * 1024)
    data = b"%PDF-1.7\n" + secrets.token_bytes(size - 9)
    digest = hashlib.sha256(data).hexdigest()
    print(machine())
    print(f"load average before: {os.getloadavg()}")
    env = {"SOCIALAID_SECRET": SECRET, "SOCIALAID_METRICS": "false"}
    steps: dict[str, list[float]] = {"create": [], "put": [], "complete": [], "upload": []}
    baseline: list[float] = []
    headers = {"Authorization": f"Bearer {token()}"}
    with (
        running_server(REPO / ".data" / "bench-upload", env, ["--workers", "1"]) as server,
        sink_server() as sink,
        httpx.Client(timeout=60) as client,
    ):

        def graphql(query: str, values: dict[str, object]) -> dict[str, object]:
            response = client.post(
                f"{server.base}/graphql",
                json={"query": query, "variables": {"i": values}},
                headers=headers,
            )
            payload: dict[str, object] = next(iter(response.json()["data"].values()))
            assert payload["errors"] == [], payload
            return payload

        declared = {
            "tenant": TENANT,
            "fileName": "bench.pdf",
            "contentType": "application/pdf",
            "byteSize": size,
            "sha256": digest,
        }

        def one_upload() -> dict[str, float]:
            """The three steps of one upload, each timed (ms)."""
            times: dict[str, float] = {}
            start = time.perf_counter()
            upload = graphql(CREATE, declared)["upload"]
            assert isinstance(upload, dict)
            times["create"] = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            response = client.put(upload["url"], content=data, headers=upload["headers"])
            assert response.status_code == 200, response.text
            times["put"] = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            graphql(COMPLETE, {"id": upload["id"]})
            times["complete"] = (time.perf_counter() - start) * 1000
            return times

        for round_ in range(args.rounds + 3):  # the first 3 warm up, uncounted
            times = one_upload()
            sunk = timed(lambda: client.put(f"{sink}/sink", content=data).raise_for_status())
            if round_ < 3:
                continue
            for name, value in times.items():
                steps[name].append(value)
            steps["upload"].append(sum(times.values()))
            baseline.append(sunk)
    print(f"load average after: {os.getloadavg()}")
    print(f"{args.rounds} uploads of {size} bytes, embedded store, one client, one worker")
    print(f"{'step':<26}{'median ms':>12}{'p99 ms':>10}")
    for name, values in steps.items():
        print(f"{name:<26}{statistics.median(values):>12.1f}{p99(values):>10.1f}")
    print(f"{'baseline PUT (sink)':<26}{statistics.median(baseline):>12.1f}{p99(baseline):>10.1f}")
    ratio = statistics.median(steps["upload"]) / statistics.median(baseline)
    print(f"upload / baseline PUT (medians): {ratio:.2f}x")


if __name__ == "__main__":
    main()
