"""The starter Grafana dashboard names only metrics the server exports, so it cannot drift from
the code: every metric in its panels' expressions is looked up in a real scrape of /metrics."""

from __future__ import annotations

import json
import re

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import REPO_ROOT
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

DASHBOARD = REPO_ROOT / "docs" / "operations" / "grafana-dashboard.json"
METRIC = re.compile(r"\bsocialaid_[a-z0-9_]+")
# What Prometheus's text format appends to a family's name in its samples.
SUFFIXES = ("", "_total", "_created", "_bucket", "_count", "_sum")


def expressions() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


async def exported_names(url: str) -> set[str]:
    async with httpx.AsyncClient(base_url=url) as client:
        response = await client.get("/metrics")
    assert response.status_code == 200
    families = list(text_string_to_metric_families(response.text))
    return {family.name + suffix for family in families for suffix in SUFFIXES}


async def test_every_metric_the_dashboard_names_is_one_the_server_exports(
    base_url: str,  # noqa: F811
) -> None:
    exported = await exported_names(base_url)
    named = {name for expr in expressions() for name in METRIC.findall(expr)}
    assert named, "the dashboard names no socialaid metric"
    assert named - exported == set()


async def test_the_dashboard_has_a_panel_for_each_thing_an_operator_watches() -> None:
    text = " ".join(expressions())
    for wanted in (
        "socialaid_graphql_request_duration_seconds_count",  # request rate, error rate
        "histogram_quantile(0.5",
        "histogram_quantile(0.99",
        "socialaid_db_pool_checked_out",
        "socialaid_cache_hits_total",
        "socialaid_applications_submitted_total",
        "socialaid_cases_decided_total",
        "socialaid_overdue_cases",
    ):
        assert wanted in text, wanted
