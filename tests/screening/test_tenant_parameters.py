"""Tenant parameters as data, over HTTP: typed by unit, dated, inherited down the tenant tree,
shown in the catalogue with where the value comes from, and public answers cached only until a
value changes.

TEST VALUES: every amount set here is chosen for the test, not a published standard.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import text

from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.screening.api import (
    CHANGNING,
    PARAMETERS,
    SET,
    SHANGHAI,
    admin,
    client,
    data,
    post,
    set_parameter,
)

__all__ = ["client"]

CATALOGUE_PARAMETERS = """query($t: String!) { item(tenant: $t, code: "dibao") {
  parameters { key value valueOrigin valueTenant { code } valueSource } } }"""


async def parameter(client: httpx.AsyncClient, tenant: str, key: str, as_of: str | None = None):  # type: ignore[no-untyped-def]
    found = await data(client, PARAMETERS, {"t": tenant, "d": as_of})
    return next(p for p in found["parameters"] if p["key"] == key)


async def test_a_district_inherits_the_citys_value_until_it_sets_its_own(
    client: httpx.AsyncClient,
) -> None:
    await set_parameter(client, SHANGHAI, "dibao_standard", 1510, source="测试文件 第一条")
    inherited = await parameter(client, CHANGNING, "dibao_standard")
    assert inherited["value"] == 1510
    assert inherited["valueOrigin"] == "SET"
    assert inherited["valueTenant"] == {"code": SHANGHAI}
    assert inherited["valueSource"] == "测试文件 第一条"
    await set_parameter(client, CHANGNING, "dibao_standard", 1600)
    own = await parameter(client, CHANGNING, "dibao_standard")
    assert (own["value"], own["valueTenant"]) == (1600, {"code": CHANGNING})
    city = await parameter(client, SHANGHAI, "dibao_standard")
    assert city["value"] == 1510


async def test_a_value_from_a_later_date_leaves_todays_answer_and_keeps_the_history(
    client: httpx.AsyncClient, db: Database
) -> None:
    today = today_in_china()
    later = today + timedelta(days=30)
    await set_parameter(client, SHANGHAI, "dibao_standard", 1510)
    await set_parameter(client, SHANGHAI, "dibao_standard", 1600, effective_from=later)
    assert (await parameter(client, SHANGHAI, "dibao_standard"))["value"] == 1510
    on_later = await parameter(client, SHANGHAI, "dibao_standard", later.isoformat())
    assert (on_later["value"], on_later["valueEffectiveFrom"]) == (1600, later.isoformat())
    async with db.owner_session() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT value::text, effective_from FROM tenant_parameter"
                    " WHERE key = 'dibao_standard' ORDER BY id"
                )
            )
        ).all()
    assert [(value, day) for value, day in rows] == [("1510", today), ("1600", later)]


async def test_a_value_of_the_wrong_type_for_its_unit_is_invalid_input_at_value(
    client: httpx.AsyncClient,
) -> None:
    cases = [
        ("dibao_standard", "一千五"),  # 元/人·月: a number
        ("dibao_standard", -1),
        ("dibao_standard", 1510.555),  # more than cents
        ("uninsured_migrant_worker_aid_months", 1.5),  # 月: whole months
        ("flexible_employment_social_insurance_rate", 20),  # 比例: 0 to 1
        ("assistance_hotline", 12345),  # no unit: words
    ]
    for key, value in cases:
        payload = await set_parameter(client, SHANGHAI, key, value)
        assert payload["parameter"] is None, (key, value)
        [error] = payload["errors"]
        assert (error["code"], error["path"]) == ("INVALID_INPUT", ["value"]), (key, value)
    months = await set_parameter(client, SHANGHAI, "uninsured_migrant_worker_aid_months", 3)
    assert months["errors"] == [] and months["parameter"]["value"] == 3


async def unknown_tenant_set_by_shanghais_admin(client: httpx.AsyncClient) -> dict[str, Any]:
    values = {
        "tenant": "999999",
        "key": "dibao_standard",
        "value": 1510,
        "effectiveFrom": today_in_china().isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    payload = await data(client, SET, {"i": values}, admin(SHANGHAI))
    return dict(payload["tenantParameterSet"])


async def test_an_unknown_tenant_or_key_or_a_past_date_is_refused(
    client: httpx.AsyncClient,
) -> None:
    unknown = await set_parameter(client, SHANGHAI, "no_such_parameter", 1)
    assert [(e["code"], e["path"]) for e in unknown["errors"]] == [("NOT_FOUND", ["key"])]
    nowhere = await unknown_tenant_set_by_shanghais_admin(client)
    assert [(e["code"], e["path"]) for e in nowhere["errors"]] == [("NOT_FOUND", ["tenant"])]
    yesterday = today_in_china() - timedelta(days=1)
    past = await set_parameter(client, SHANGHAI, "dibao_standard", 1510, effective_from=yesterday)
    assert [(e["code"], e["path"]) for e in past["errors"]] == [
        ("INVALID_INPUT", ["effectiveFrom"])
    ]


async def test_only_a_tenant_admin_of_the_tenant_or_above_may_set_a_value(
    client: httpx.AsyncClient,
) -> None:
    values = {
        "tenant": SHANGHAI,
        "key": "dibao_standard",
        "value": 1510,
        "effectiveFrom": today_in_china().isoformat(),
        "source": "测试",
        "reason": "测试",
    }
    anonymous = await post(client, SET, {"i": values})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    district_admin = await post(client, SET, {"i": values}, admin(CHANGNING))
    assert district_admin["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_catalogue_shows_each_value_with_its_provenance(
    client: httpx.AsyncClient,
) -> None:
    before = await data(client, CATALOGUE_PARAMETERS, {"t": CHANGNING})
    standard = next(p for p in before["item"]["parameters"] if p["key"] == "dibao_standard")
    assert standard == {
        "key": "dibao_standard",
        "value": None,
        "valueOrigin": "NONE",
        "valueTenant": None,
        "valueSource": None,
    }
    await set_parameter(client, SHANGHAI, "dibao_standard", 1510, source="测试文件")
    after = await data(client, CATALOGUE_PARAMETERS, {"t": CHANGNING})
    standard = next(p for p in after["item"]["parameters"] if p["key"] == "dibao_standard")
    assert (standard["value"], standard["valueOrigin"]) == (1510, "SET")
    assert (standard["valueTenant"], standard["valueSource"]) == ({"code": SHANGHAI}, "测试文件")


async def test_the_one_value_a_seed_states_is_the_catalogues_with_its_seed(
    client: httpx.AsyncClient,
) -> None:
    # 001 三（二）3: 特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁.
    age = await parameter(client, CHANGNING, "extremely_poor_minor_age_limit")
    assert (age["value"], age["valueOrigin"], age["valueTenant"]) == (
        18,
        "CATALOGUE",
        {"code": CHANGNING},
    )
    assert age["source"]["seed"] == "001_02dcbafffb41dcb7.txt"


async def test_an_anonymous_parameters_answer_changes_as_soon_as_a_value_is_set(
    client: httpx.AsyncClient,
) -> None:
    """`parameters` is served from the public response cache, whose entries belong to one
    content revision: setting a value moves the revision."""
    assert (await parameter(client, CHANGNING, "dibao_standard"))["value"] is None
    assert (await parameter(client, CHANGNING, "dibao_standard"))["value"] is None
    await set_parameter(client, SHANGHAI, "dibao_standard", 1510)
    assert (await parameter(client, CHANGNING, "dibao_standard"))["value"] == 1510
