"""Tenants, departments and areas through the real GraphQL schema."""

from __future__ import annotations

from socialaid.db.database import Database
from tests.graphql_client import error_codes, execute, query_data

TENANT_FIELDS = """
  code name level parentCode path
  children { code }
  departments { code name }
  areas { code name level }
"""


async def tenant(db: Database, code: str) -> dict:
    data = await query_data(
        db, f"query($c: String!) {{ tenant(code: $c) {{ {TENANT_FIELDS} }} }}", {"c": code}
    )
    return data["tenant"]


async def test_tenants_lists_the_seed_regions_with_their_parents(db: Database) -> None:
    data = await query_data(db, "{ tenants { code parentCode } }")
    parents = {t["code"]: t["parentCode"] for t in data["tenants"]}
    assert parents == {
        "310000": None,
        "310105": "310000",
        "320000": None,
        "320200": "320000",
        "320281": "320200",
        "140000": None,
        "140100": "140000",
        "140105": "140100",
    }


async def test_shanghai_has_nine_departments_plus_the_big_data_center(db: Database) -> None:
    shanghai = await tenant(db, "310000")
    names = [d["name"] for d in shanghai["departments"]]
    assert len(names) == 10
    assert names[-1] == "上海市大数据中心"
    assert {"上海市民政局", "上海市教育委员会", "共青团上海市委员会", "上海市妇女联合会"} <= set(
        names
    )
    assert shanghai["level"] == "PROVINCE"
    assert [c["code"] for c in shanghai["children"]] == ["310105"]


async def test_changning_is_a_district_under_shanghai_with_its_streets(db: Database) -> None:
    changning = await tenant(db, "310105")
    assert changning["path"] == "310000/310105"
    assert changning["level"] == "COUNTY"
    assert {"区民政局", "区医保局", "团区委", "区残联", "区应急局"} <= {
        d["name"] for d in changning["departments"]
    }
    assert {a["level"] for a in changning["areas"]} == {"STREET"}
    assert "华阳路街道" in {a["name"] for a in changning["areas"]}


async def test_jiangyin_has_the_nine_competent_departments_and_the_assistance_centre(
    db: Database,
) -> None:
    jiangyin = await tenant(db, "320281")
    names = [d["name"] for d in jiangyin["departments"]]
    assert names[0] == "江阴市社会救助中心"
    assert names[1:] == [
        "民政局",
        "医保局",
        "教育局",
        "残联",
        "住建局",
        "人社局",
        "红十字会",
        "总工会",
        "司法局",
    ]
    assert jiangyin["path"] == "320000/320200/320281"


async def test_shanxi_has_six_departments_and_a_city_and_county_below(db: Database) -> None:
    shanxi = await tenant(db, "140000")
    assert len(shanxi["departments"]) == 6
    assert "山西省行政审批服务管理局" in {d["name"] for d in shanxi["departments"]}
    county = await tenant(db, "140105")
    assert county["path"] == "140000/140100/140105"
    assert len(county["areas"]) >= 3


async def test_department_codes_are_shared_across_tenants_for_the_same_function(
    db: Database,
) -> None:
    codes = {}
    for code in ("310000", "310105", "320281", "140000"):
        departments = (await tenant(db, code))["departments"]
        codes[code] = {d["code"]: d["name"] for d in departments}
    assert codes["310000"]["civil_affairs"] == "上海市民政局"
    assert codes["310105"]["civil_affairs"] == "区民政局"
    assert codes["320281"]["civil_affairs"] == "民政局"
    assert codes["140000"]["civil_affairs"] == "山西省民政厅"


async def test_unknown_tenant_code_is_a_not_found_error_not_a_null(db: Database) -> None:
    data, errors = await execute(db, '{ tenant(code: "999999") { code } }')
    assert data is None
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"
    assert "999999" in errors[0]["message"]


async def test_parent_resolves_to_the_parent_tenant(db: Database) -> None:
    data = await query_data(db, '{ tenant(code: "320281") { parent { code parent { code } } } }')
    assert data["tenant"]["parent"] == {"code": "320200", "parent": {"code": "320000"}}


async def test_queries_deeper_than_the_limit_are_refused(db: Database) -> None:
    nested = "code"
    for _ in range(15):
        nested = f"children {{ {nested} }}"
    codes = await error_codes(db, f"{{ tenants {{ {nested} }} }}")
    assert codes == ["QUERY_TOO_COMPLEX"]
    _, errors = await execute(db, f"{{ tenants {{ {nested} }} }}")
    assert errors[0]["message"] == "查询的嵌套深度超过上限 12 层"


async def test_too_many_aliases_are_refused(db: Database) -> None:
    aliases = " ".join(f"a{i}: tenants {{ code }}" for i in range(40))
    _, errors = await execute(db, f"{{ {aliases} }}")
    assert [e["message"] for e in errors] == ["查询使用了 40 个别名，超过上限 30 个"]
    assert errors[0]["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": "aliases"}
