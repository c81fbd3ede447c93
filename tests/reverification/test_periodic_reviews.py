"""Issue 22's "done when" for re-verification, with the project clock frozen and moved by the test:
a Changning 低保 family whose income is unstable is reviewed every 6 months, a stable one every 12
(长社救联办〔2021〕3号 三（二）4, the street's judgement recorded as the period code at approval); a
低收入 family every quarter; a review can end the help with a notice. The periodic job opens each
review on its date; the street office lists and the department completes them over HTTP.
"""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from socialaid.db.database import Database
from tests.applications_api.flows import SHANGHAI_FAMILY
from tests.reverification.helpers import (
    ADVISER,
    CIVIL_AFFAIRS,
    Clock,
    accepted_application,
    approve,
    complete,
    reviews,
    run_job_on,
    told,
)

pytestmark = pytest.mark.usefixtures("clock")
UNSTABLE = "unstable_income_with_labour_capacity"
STABLE = "stable_economic_situation"


async def test_an_unstable_income_dibao_family_is_reviewed_after_six_months_and_again_after_six(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    decided = await approve(db, client, application, "dibao", reverificationPeriod=UNSTABLE)
    assert decided["errors"] == []

    [scheduled] = await reviews(client, ADVISER)
    assert (scheduled["state"], scheduled["trigger"]) == ("SCHEDULED", "APPROVAL")
    assert (scheduled["periodCode"], scheduled["periodMonths"]) == (UNSTABLE, 6)
    assert scheduled["dueOn"] == "2027-06-01"  # approved 2026-12-01, six months on
    assert scheduled["amount"] == "1510.00"

    assert await run_job_on(db, clock, date(2027, 5, 31)) == 0
    assert await reviews(client, ADVISER, states=["DUE"]) == []
    assert await run_job_on(db, clock, date(2027, 6, 1)) == 1
    [due] = await reviews(client, ADVISER, states=["DUE"], dueBefore="2027-06-01")
    assert due["id"] == scheduled["id"]
    seen = await told(client, application)
    assert "REVIEW_DUE" in [n["kind"] for n in seen["notifications"]]
    assert ("REVIEW_DUE", "dibao") in [(t["kind"], t["item"]) for t in seen["timeline"]]

    clock.on(date(2027, 6, 3))
    completed = await complete(client, due, "CONTINUE", reasons=["家庭收入仍不稳定"])
    assert completed["errors"] == []
    assert completed["reverification"]["state"] == "COMPLETED"
    assert completed["reverification"]["outcome"] == "CONTINUE"
    assert "继续给予救助" in completed["reverification"]["noticeText"]
    assert completed["next"] == {
        "state": "SCHEDULED",
        "trigger": "REVIEW",
        "periodCode": UNSTABLE,
        "periodMonths": 6,
        "dueOn": "2027-12-03",
        "amount": "1510.00",
    }
    assert "REVIEW_COMPLETED" in [
        n["kind"] for n in (await told(client, application))["notifications"]
    ]


async def test_a_stable_dibao_family_is_reviewed_after_twelve_months(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    assert (await approve(db, client, application, "dibao", reverificationPeriod=STABLE))[
        "errors"
    ] == []
    [scheduled] = await reviews(client, CIVIL_AFFAIRS)
    assert (scheduled["periodMonths"], scheduled["dueOn"]) == (12, "2027-12-01")

    assert await run_job_on(db, clock, date(2027, 6, 1)) == 0
    assert await run_job_on(db, clock, date(2027, 11, 30)) == 0
    assert await run_job_on(db, clock, date(2027, 12, 1)) == 1
    [due] = await reviews(client, CIVIL_AFFAIRS, states=["DUE"])
    completed = await complete(client, due, "ADJUST", amount="1320.00", reasons=["家庭收入增加"])
    assert completed["errors"] == []
    assert completed["reverification"]["newAmount"] == "1320.00"
    assert "1320.00" in completed["reverification"]["noticeText"]
    assert (completed["next"]["dueOn"], completed["next"]["amount"]) == ("2028-12-01", "1320.00")


async def test_an_approval_without_the_streets_choice_of_period_leaves_the_review_unscheduled(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    assert (await approve(db, client, application, "dibao"))["errors"] == []
    [review] = await reviews(client, ADVISER)
    assert (review["state"], review["periodCode"], review["dueOn"]) == ("UNSCHEDULED", None, None)
    assert await run_job_on(db, clock, date(2028, 1, 1)) == 0


async def test_a_period_code_the_item_does_not_have_is_refused_and_nothing_is_decided(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    refused = await approve(db, client, application, "dibao", reverificationPeriod="monthly")
    assert [(e["code"], e["path"]) for e in refused["errors"]] == [
        ("INVALID_INPUT", ["reverificationPeriod"])
    ]
    assert await reviews(client, ADVISER) == []


async def test_a_low_income_family_is_reviewed_every_quarter(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(
        db, ["low_income_recognition"], {"receiving_dibao": False}
    )
    decided = await approve(
        db, client, application, "low_income_recognition", recognisedAs=["low_income_family"]
    )
    assert decided["errors"] == []
    [first] = await reviews(client, ADVISER)
    assert (first["periodCode"], first["periodMonths"], first["dueOn"]) == (None, 3, "2027-03-01")

    assert await run_job_on(db, clock, date(2027, 3, 1)) == 1
    [due] = await reviews(client, ADVISER, states=["DUE"])
    second = (await complete(client, due, "CONTINUE"))["next"]
    assert (second["periodMonths"], second["dueOn"]) == (3, "2027-06-01")
    assert await run_job_on(db, clock, date(2027, 5, 31)) == 0
    assert await run_job_on(db, clock, date(2027, 6, 1)) == 1
    third = await complete(client, (await reviews(client, ADVISER, states=["DUE"]))[0], "CONTINUE")
    assert third["next"]["dueOn"] == "2027-09-01"


async def test_a_review_that_ends_the_help_issues_a_stop_notice_and_schedules_nothing(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(db, client, application, "dibao", reverificationPeriod=UNSTABLE)
    await run_job_on(db, clock, date(2027, 6, 1))
    [due] = await reviews(client, ADVISER, states=["DUE"])

    without_reason = await complete(client, due, "STOP")
    assert [(e["code"], e["path"]) for e in without_reason["errors"]] == [
        ("INVALID_INPUT", ["reasons"])
    ]
    stopped = await complete(
        client, due, "STOP", reasons=["家庭人均收入已高于本市最低生活保障标准"]
    )
    assert stopped["errors"] == []
    assert stopped["next"] is None
    notice = stopped["reverification"]["noticeText"]
    assert "停止救助" in notice and "家庭人均收入已高于本市最低生活保障标准" in notice
    assert await reviews(client, ADVISER, states=["UNSCHEDULED", "SCHEDULED", "DUE"]) == []
    [done] = await reviews(client, ADVISER, states=["COMPLETED"])
    assert done["outcome"] == "STOP"
    assert "REVIEW_COMPLETED" in [
        n["kind"] for n in (await told(client, application))["notifications"]
    ]
    again = await complete(client, due, "CONTINUE")
    assert [e["code"] for e in again["errors"]] == ["CONFLICT"]
