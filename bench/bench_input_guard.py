"""What checking every argument against the input bounds costs per request.

Measures `api.input_guard.check_operation` — on a document's first sight (the walk that finds its
argument sites) and once its plan is kept (only the values checked) — on three documents of the real schema — the public
catalogue query (one argument), an applicationSubmit with a Shanghai family's answers (the
largest input a citizen sends), and the same with 100 household members (the most the bounds
allow) — and, in the same run, two baselines: encoding the same request as JSON (what reading the
body already costs) and bare strawberry executing `{ hello }` (the GraphQL layer with nothing
behind it).

    .venv/bin/python bench/bench_input_guard.py --runs 2000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import strawberry
from graphql import parse
from tests.applications_api.flows import SUBMIT, household_member, shanghai_answers
from tests.identity_numbers import id_number

from socialaid.api.input_guard import check_operation
from socialaid.api.schema import build_schema
from socialaid.clock import today_in_china
from socialaid.config import Settings

CATALOGUE = '{ catalogue(tenant: "310105") { items { code name } } }'


@strawberry.type
class Hello:
    hello: str = "world"


def submission(members: int) -> dict[str, Any]:
    answers = shanghai_answers(id_number("310105", date(1980, 5, 6), 17))
    if members > 3:
        answers["household"]["members"] = [
            household_member(f"成员{i}", "son", 2010, 100 + i) for i in range(members)
        ]
    return {
        "i": {
            "tenant": "310105",
            "channel": "ONLINE",
            "items": ["dibao", "education_aid.compulsory", "legal_aid"],
            "answers": answers,
            "idempotencyKey": "bench-1",
            "materials": [{"material": "id_proof", "subject": "applicant", "reference": "r"}] * 8,
            "area": "huayanglu",
        }
    }


def timed(runs: int, work: Callable[[], object]) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1e6)
    return samples


def row(name: str, samples: list[float], baselines: dict[str, float]) -> str:
    samples.sort()
    median = statistics.median(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    ratios = " | ".join(f"{median / b:.2f}×" for b in baselines.values())
    return f"| {name} | {len(samples)} | {median:.1f} µs | {p99:.1f} µs | {ratios} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    runs = parser.parse_args().runs
    schema = build_schema(Settings(secret="bench"))._schema
    today = today_in_china()
    bare = strawberry.Schema(query=Hello)
    loop = asyncio.new_event_loop()
    cases = {
        "catalogue query": (CATALOGUE, {}),
        "applicationSubmit, family of 3": (SUBMIT, submission(3)),
        "applicationSubmit, 100 members": (SUBMIT, submission(100)),
    }
    static = timed(runs, lambda: json.dumps({"query": SUBMIT, "variables": submission(3)}))
    strawberry_hello = timed(
        runs, lambda: loop.run_until_complete(bare.execute("{ hello }", root_value=Hello()))
    )
    baselines = {
        "JSON encoding of the family's request": statistics.median(static),
        "bare strawberry { hello }": statistics.median(strawberry_hello),
    }
    print("| measured | runs | median | p99 | ÷ " + " | ÷ ".join(baselines) + " |")
    print("|---|---|---|---|" + "---|" * len(baselines))
    print(row("baseline: JSON encoding of the family's request", static, baselines))
    print(row("baseline: bare strawberry `{ hello }`", strawberry_hello, baselines))
    for name, (query, variables) in cases.items():
        document = parse(query)
        for label, text in (("first sight", None), ("document seen before", query)):
            samples = timed(
                runs,
                lambda d=document, v=variables, q=text: check_operation(
                    schema, d, None, v, today, q
                ),
            )
            assert check_operation(schema, document, None, variables, today, text) == {}
            print(row(f"check_operation, {label}: {name}", samples, baselines))


if __name__ == "__main__":
    main()
