"""Eligibility as the catalogue API serves it, evaluated on answers written for each seed rule
(issue 15). A frontend evaluates the served JSONLogic with the same engine; the tenant parameters
the seeds leave unset are given values here, as a tenant would."""

from __future__ import annotations

from typing import Any

from socialaid.catalogue.conditions import evaluate
from socialaid.db.database import Database
from tests.graphql_client import query_data

ITEM = "query($t: String!, $c: String!) { item(tenant: $t, code: $c) { eligibility } }"


async def eligible(
    db: Database, tenant: str, code: str, answers: dict[str, Any], params: dict[str, Any]
) -> bool:
    served = (await query_data(db, ITEM, {"t": tenant, "c": code}))["item"]["eligibility"]
    return evaluate(served, {**answers, "params": params})


def young_flexible_worker(age: int) -> dict[str, Any]:
    """A Shanghai youth out of work for a year, served by employment services for half a year, now
    in flexible employment and paying social insurance (000 一（六）, the 35岁以下青年 route)."""
    return {
        "applicant": {
            "shanghai_hukou": True,
            "age": age,
            "unemployed_months": 12,
            "public_employment_service_months": 6,
            "employment_status": "flexible_employment",
            "social_insurance_payment": "paying",
        },
        "situation": {"employment_difficulty_youth_route": True},
    }


async def test_a_youth_of_exactly_35_is_below_35_and_one_of_36_is_not(db: Database) -> None:
    # 000 一（六）: 35岁以下青年; 以下 counts the number itself, as 以上 does in 6个月以上.
    async def youth(age: int) -> bool:
        return await eligible(
            db, "310105", "flexible_employment_subsidy", young_flexible_worker(age), {}
        )

    assert await youth(34) is True
    assert await youth(35) is True
    assert await youth(36) is False


SHANXI_INCOME = {"local_per_capita_disposable_income_last_year": 30000}  # 元/年, set by a tenant


def shanxi_household(monthly_per_capita: int, kind: str | None) -> dict[str, Any]:
    situation = {} if kind is None else {"temporary_assistance_type": kind}
    return {
        "applicant": {"shanxi_hukou": True},
        "household": {"per_capita_monthly_income": monthly_per_capita},
        "situation": situation,
    }


async def temporary_aid(db: Database, monthly_per_capita: int, kind: str | None) -> bool:
    answers = shanxi_household(monthly_per_capita, kind)
    return await eligible(db, "140105", "temporary_assistance", answers, SHANXI_INCOME)


async def test_an_emergency_case_has_no_income_test(db: Database) -> None:
    # 004 三（二）2: 急难型 — a fire, an accident, a sudden grave illness; the income sentence is
    # about 支出型 only. 3000 a month is 36000 a year, above the local 30000.
    assert await temporary_aid(db, 3000, "emergency") is True


async def test_an_expenditure_case_must_be_below_the_local_disposable_income(db: Database) -> None:
    # 支出型: 原则上其家庭人均可支配收入应低于当地上年度人均可支配收入
    assert await temporary_aid(db, 3000, "expenditure") is False
    assert await temporary_aid(db, 2000, "expenditure") is True  # 24000 a year


async def test_a_case_whose_type_is_left_to_the_grassroots_office_is_not_refused_on_income(
    db: Database,
) -> None:
    # 可以模糊选择临时救助: the office decides the type after acceptance.
    assert await temporary_aid(db, 3000, None) is True


async def test_shanxi_temporary_aid_still_requires_a_shanxi_hukou(db: Database) -> None:
    answers = shanxi_household(1000, "emergency")
    answers["applicant"]["shanxi_hukou"] = False
    assert await eligible(db, "140105", "temporary_assistance", answers, SHANXI_INCOME) is False
