"""Issue 5: the cached `applicationForm` query over HTTP at 20 concurrent clients.

    .venv/bin/python bench/bench_form.py [--clients 20] [--seconds 30]

Starts `socialaid serve` on its own embedded database (.data/bench-form; access log off) and asks
for the merged form of all 21 Shanghai leaf items that can be applied for: `--clients` clients for
`--seconds` and 1 client for 5 s, each followed by the same load against the two baselines
(bench/baseline_apps.py: static JSON returning the same response bytes, and bare strawberry
`{ hello }`); then both loads again with a distinct body per request, which the response cache
cannot serve (the compiled form still comes from the form cache). Target: p99 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import (
    REPO,
    cached_and_uncached,
    graphql_body,
    machine,
    print_table,
    running_server,
)

SHANGHAI_LEAVES = [
    "dibao", "low_income_recognition", "expenditure_poverty", "severe_disability_allowance",
    "triplets_allowance", "flexible_employment_subsidy", "education_aid.preschool",
    "education_aid.compulsory", "education_aid.high_school_grant", "education_aid.high_school_aid",
    "education_aid.vocational_grant", "education_aid.vocational_aid", "education_aid.special_education",
    "low_rent_housing", "shared_ownership_housing", "legal_aid", "medical_aid.insurance_subsidy",
    "medical_aid.outpatient", "medical_aid.inpatient", "union_hardship_assistance",
    "women_serious_illness_care",
]  # fmt: skip

FORM_QUERY = """
query($tenant: String!, $items: [String!]!) {
  applicationForm(tenant: $tenant, items: $items) {
    hash
    fields { key label type required requiredBy visibleWhen requiredWhen constraints purposes { item purpose } }
    repeatGroups { key label minItems maxItems fields }
    materials { code name subject required requiredBy exemptVia reviewStandards }
    situationQuestions
    jsonSchema
    reduction { fieldsBefore fieldsAfter materialsBefore materialsAfter }
  }
}
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    body = graphql_body(FORM_QUERY, {"tenant": "310000", "items": SHANGHAI_LEAVES})
    with running_server(REPO / ".data" / "bench-form") as server:
        rows, baselines, size = cached_and_uncached(
            server.base, body, clients=args.clients, seconds=args.seconds
        )
    print(f"machine: {machine()}")
    print(f"applicationForm(21 Shanghai leaves): a {size:,}-byte response")
    print_table(rows, baselines)


if __name__ == "__main__":
    main()
