"""The console's first load in headless Chromium (Debian's) against a static page served the
same way in the same run; print bytes transferred, DOMContentLoaded, load and time to
interactive (median, p99) and their ratios.

    .venv/bin/python bench/bench_console.py [--runs 30]

Both are served by uvicorn on loopback through the console's own routes
(socialaid.console.http) and the API's compression middleware, as `socialaid serve` serves them:
the console from web/dist (built first when stale), the baseline a one-paragraph HTML page in a
folder of its own. Each run is a new browser context (empty cache), console and baseline
alternating so that other load on the machine falls on both alike. Time to interactive is when
the sign-in screen's first role button is visible and enabled (the app has fetched its config
and rendered); for the baseline, when its paragraph is visible. No database: the first load
reads no data until someone signs in.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn
from playwright.async_api import Browser, async_playwright
from starlette.applications import Starlette
from starlette.middleware import Middleware

from socialaid.api.compression import CompressResponses
from socialaid.config import Settings
from socialaid.console.build import ensure_built
from socialaid.console.http import console_routes

ROOT = Path(__file__).resolve().parents[1]
BASELINE = (
    "<!doctype html><html lang='zh-CN'><title>基线</title><p id='ready'>静态基线页面</p></html>"
)


@contextlib.asynccontextmanager
async def served(dist: Path, port: int) -> AsyncIterator[str]:
    settings = Settings(secret="bench-secret", data_dir=Path(tempfile.mkdtemp()))
    app = Starlette(
        routes=console_routes(settings, dist),
        middleware=[Middleware(CompressResponses, min_bytes=settings.compress_min_bytes)],
    )
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn has no started event
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def first_load(browser: Browser, url: str, ready: str) -> dict[str, float]:
    """One cold load: bytes over the wire and the times (ms from navigation start)."""
    context = await browser.new_context()
    page = await context.new_page()
    received: list[int] = []
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    cdp.on("Network.loadingFinished", lambda e: received.append(int(e["encodedDataLength"])))
    await page.goto(url)
    await page.locator(ready).first.wait_for(state="visible")
    interactive = await page.evaluate("performance.now()")
    await page.wait_for_load_state("load")
    timing = await page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()"
    )
    await context.close()
    return {
        "bytes": float(sum(received)),
        "domcontentloaded": float(timing[0]),
        "load": float(timing[1]),
        "interactive": float(interactive),
    }


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


async def main(runs: int) -> dict[str, list[dict[str, float]]]:
    ensure_built(ROOT / "web")
    baseline_dir = Path(tempfile.mkdtemp())
    (baseline_dir / "index.html").write_text(BASELINE, encoding="utf-8")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is missing: apt-get install chromium"
    results: dict[str, list[dict[str, float]]] = {"console": [], "baseline": []}
    async with (
        served(ROOT / "web" / "dist", 18731) as console_url,
        served(baseline_dir, 18732) as baseline_url,
        async_playwright() as playwright,
    ):
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox"], headless=True
        )
        # One unmeasured load each: the browser process and the server's first request warm up.
        await first_load(browser, f"{console_url}/console/", "ul.preset-list button")
        await first_load(browser, f"{baseline_url}/console/", "#ready")
        for _ in range(runs):
            results["console"].append(
                await first_load(browser, f"{console_url}/console/", "ul.preset-list button")
            )
            results["baseline"].append(
                await first_load(browser, f"{baseline_url}/console/", "#ready")
            )
        await browser.close()
    return results


def report(runs: int, results: dict[str, list[dict[str, float]]]) -> None:
    load = os.getloadavg()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    print(f"{runs} cold loads each; {os.cpu_count()} CPUs ({cpu}); load average {load[0]:.1f}")
    print(
        "| metric | console median | console p99 | baseline median | baseline p99 | ratio (median) |"
    )
    print("|---|---|---|---|---|---|")
    for metric, unit in (
        ("bytes", "B"),
        ("domcontentloaded", "ms"),
        ("interactive", "ms"),
        ("load", "ms"),
    ):
        c = [r[metric] for r in results["console"]]
        b = [r[metric] for r in results["baseline"]]
        cm, bm = statistics.median(c), statistics.median(b)
        print(
            f"| {metric} | {cm:,.1f} {unit} | {p99(c):,.1f} {unit} | {bm:,.1f} {unit}"
            f" | {p99(b):,.1f} {unit} | {cm / bm:.1f}× |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    report(runs, asyncio.run(main(runs)))
