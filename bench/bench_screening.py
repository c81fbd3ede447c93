"""Issue 21: `eligibilityScreen` of every Shanghai item for one family, over HTTP.

    .venv/bin/python bench/bench_screening.py [--clients 4] [--seconds 20]

Starts `socialaid serve` on its own embedded database (.data/bench-screening; access log off),
sets Shanghai's dibao standard through `tenantParameterSet` as its tenant admin (1510 元/人·月,
a TEST VALUE, not the published standard) so dibao is screened with its estimate, then asks
`eligibilityScreen(tenant: "310000", answers: <one family>)` for all 25 items of the catalogue:
1 client for `--seconds`, then `--clients` clients, each followed by the same load against the
two baselines (bench/baseline_apps.py: static JSON returning the same response bytes, and bare
strawberry `{ hello }`). The response cache never serves screening (its answers are not kept),
so every request executes. Target: p99 ≤ 20 ms at one client.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import (
    BIN,
    REPO,
    BodyFactory,
    fetch,
    graphql_body,
    machine,
    one_and_many_clients,
    print_table,
    running_server,
)

SCREEN = """query($t: String!, $a: JSON!) { eligibilityScreen(tenant: $t, answers: $a) {
  item outcome explanation notScreenableReason missingAnswers { key label }
  missingParameters { key label unit } failedConditions { requirement facts source { seed section } }
  estimate { amount period formulaText calculation } } }"""
SET = """mutation($i: TenantParameterSetInput!) { tenantParameterSet(input: $i) { errors { code } } }"""
FAMILY = {
    "applicant": {
        "shanghai_hukou": True,
        "age": 44,
        "gender": "male",
        "employment_status": "unemployed",
        "unemployed_months": 8,
    },
    "household": {"size": 3, "per_capita_monthly_income": 800, "multiple_birth_children_count": 0},
    "situation": {"receiving_dibao": False},
}


def admin_token(data_dir: Path) -> str:
    finished = subprocess.run(
        [
            str(BIN / "socialaid"),
            "token",
            "--user",
            "bench-admin",
            "--tenant",
            "310000",
            "--role",
            "tenant_admin",
        ],
        env={**os.environ, "SOCIALAID_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return finished.stdout.strip().splitlines()[-1]


def set_test_dibao_standard(base: str, data_dir: Path) -> None:
    today = (datetime.now(UTC) + timedelta(hours=8)).date().isoformat()
    values = {
        "tenant": "310000",
        "key": "dibao_standard",
        "value": 1510,
        "effectiveFrom": today,
        "source": "基准测试用取值（非政策事实）",
        "reason": "bench/bench_screening.py",
    }
    answer = fetch(
        base,
        "/graphql",
        graphql_body(SET, {"i": values}),
        {"Authorization": f"Bearer {admin_token(data_dir)}"},
    )
    assert json.loads(answer)["data"]["tenantParameterSet"]["errors"] == [], answer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    data_dir = REPO / ".data" / "bench-screening"
    body = graphql_body(SCREEN, {"t": "310000", "a": FAMILY})
    same: BodyFactory = lambda _: (body, {})  # noqa: E731
    with running_server(data_dir) as server:
        set_test_dibao_standard(server.base, data_dir)
        answer = fetch(server.base, "/graphql", body)
        results = json.loads(answer)["data"]["eligibilityScreen"]
        rows, baselines = one_and_many_clients(
            server.base, same, answer, clients=args.clients, seconds=args.seconds
        )
    outcomes: dict[str, int] = {}
    for result in results:
        outcomes[result["outcome"]] = outcomes.get(result["outcome"], 0) + 1
    dibao = next(r for r in results if r["item"] == "dibao")
    print(f"machine: {machine()}")
    print(
        f"eligibilityScreen(310000, all {len(results)} items): a {len(answer):,}-byte response;"
        f" outcomes {outcomes}; dibao {dibao['outcome']} {dibao['estimate']['amount']} 元"
    )
    print_table(rows, baselines)


if __name__ == "__main__":
    main()
