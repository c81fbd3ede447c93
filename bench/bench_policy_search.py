"""Issue 21: `policyQuestions(tenant, search)` over HTTP — a family's question against a district's
knowledge base (jieba words, BM25; docs/adr/0029).

    .venv/bin/python bench/bench_policy_search.py [--clients 4] [--seconds 20]

Starts `socialaid serve` on its own embedded database (.data/bench-policy-search; access log off)
and asks Changning's knowledge base (the city's and the district's entries) a different family
question on each request, round robin over a few, for 1 client then `--clients` clients, each
followed by the same load against the two baselines (bench/baseline_apps.py: static JSON returning
the same bytes, and bare strawberry `{ hello }`). `policyQuestions` is not on the public response
cache's shared list, so every request executes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import (
    REPO,
    BodyFactory,
    fetch,
    graphql_body,
    machine,
    one_and_many_clients,
    print_table,
    running_server,
)

SEARCH = """query($t: String!, $s: String) { policyQuestions(tenant: $t, search: $s, first: 5) {
  totalCount edges { node { code question answer score source { seed section quote } } } } }"""
QUESTIONS = [
    "低保多少钱一个月",
    "残疾人能申请什么补贴",
    "外地户口能申请吗",
    "看病花了很多钱日子过不下去怎么办",
    "家里老人去世了办丧事有帮助吗",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    data_dir = REPO / ".data" / "bench-policy-search"
    bodies = [graphql_body(SEARCH, {"t": "310105", "s": q}) for q in QUESTIONS]
    turn = itertools.cycle(bodies)
    rotate: BodyFactory = lambda _: (next(turn), {})  # noqa: E731
    with running_server(data_dir) as server:
        answer = fetch(server.base, "/graphql", bodies[0])
        top = json.loads(answer)["data"]["policyQuestions"]["edges"][0]["node"]["code"]
        rows, baselines = one_and_many_clients(
            server.base, rotate, answer, clients=args.clients, seconds=args.seconds
        )
    print(f"machine: {machine()}")
    print(f"policyQuestions(310105, search, first: 5): a {len(answer):,}-byte response; top {top}")
    print_table(rows, baselines)


if __name__ == "__main__":
    main()
