"""A tenant sees its ancestors' items, changed by its overrides, plus its own, minus what it disables."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.datafiles import DataFileError
from socialaid.db.database import Database
from tests.catalogue.mini import MINI, copy_mini, edit, import_folder
from tests.graphql_client import execute, query_data

ITEMS = "query($t: String!, $d: Date) { catalogue(tenant: $t, asOf: $d) { items { code parentCode mode department { code name } provenance { owner origin overriddenBy } } } }"


async def item_codes(db: Database, tenant: str, as_of: str = "2023-01-01") -> list[str]:
    data = await query_data(db, ITEMS, {"t": tenant, "d": as_of})
    return [i["code"] for i in data["catalogue"]["items"]]


async def item(
    db: Database, tenant: str, code: str, fields: str, as_of: str = "2023-01-01"
) -> dict:
    query = f"query($t: String!, $c: String!, $d: Date) {{ item(tenant: $t, code: $c, asOf: $d) {{ {fields} }} }}"
    return (await query_data(db, query, {"t": tenant, "c": code, "d": as_of}))["item"]


async def test_a_child_sees_its_parents_items_plus_its_own_minus_disabled_ones(
    db: Database,
) -> None:
    await import_folder(db, MINI)
    assert await item_codes(db, "990000") == ["living", "study", "study.preschool"]
    # study is disabled by the child, and its sub-item goes with it.
    assert await item_codes(db, "990100") == ["funeral", "living"]


async def test_an_override_changes_only_the_patched_element_and_says_so(db: Database) -> None:
    await import_folder(db, MINI)
    parent = await item(
        db, "990000", "living", "reverification { periodMonths } provenance { origin }"
    )
    child = await item(
        db,
        "990100",
        "living",
        "reverification { periodMonths } name provenance { owner origin overriddenBy elements { element origin tenant } }",
    )
    assert parent == {"reverification": {"periodMonths": 12}, "provenance": {"origin": "LOCAL"}}
    assert child["reverification"] == {"periodMonths": 6}
    assert child["name"] == "生活救助"
    provenance = child["provenance"]
    assert (provenance["owner"], provenance["origin"], provenance["overriddenBy"]) == (
        "990000",
        "OVERRIDDEN",
        ["990100"],
    )
    elements = {e["element"]: (e["origin"], e["tenant"]) for e in provenance["elements"]}
    assert elements["reverification"] == ("OVERRIDDEN", "990100")
    assert elements["name"] == ("INHERITED", "990000")


async def test_an_inherited_item_is_served_by_the_childs_own_department(db: Database) -> None:
    await import_folder(db, MINI)
    data = await query_data(db, ITEMS, {"t": "990100", "d": "2023-01-01"})
    living = next(i for i in data["catalogue"]["items"] if i["code"] == "living")
    assert living["department"] == {"code": "civil_affairs", "name": "测试市民政局"}


async def test_a_parent_change_reaches_the_child_unless_the_child_overrides_that_element(
    db: Database, tmp_path: Path
) -> None:
    root = copy_mini(tmp_path)
    await import_folder(db, root)
    living = root / "tenants/990000-parent/items/living.yaml"
    edit(living, "按月差额发放", "按月差额发放（新）")
    edit(living, "period_months: 12", "period_months: 24")
    edit(living, "effective_from: 2021-01-01", "version: 2\neffective_from: 2021-01-01")
    await import_folder(db, root)
    child = await item(
        db, "990100", "living", "benefit { content } reverification { periodMonths } version"
    )
    assert child == {
        "benefit": {"content": "按月差额发放（新）"},
        "reverification": {"periodMonths": 6},
        "version": 2,
    }


async def test_the_date_selects_what_was_in_effect(db: Database) -> None:
    await import_folder(db, MINI)
    # Before 2022 the child's own item and its override did not exist yet.
    assert await item_codes(db, "990100", "2021-06-01") == ["living"]
    before = await item(db, "990100", "living", "reverification { periodMonths }", "2021-06-01")
    assert before == {"reverification": {"periodMonths": 12}}


async def test_overriding_a_locked_element_is_refused_naming_the_element(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    edit(root / "tenants/990100-child/overrides/living.yaml", "patch:\n", "patch:\n  name: 改名\n")
    with pytest.raises(DataFileError) as raised:
        await import_folder_offline(root)
    assert raised.value.path == "patch.name"
    assert "name cannot be overridden" in raised.value.message


async def import_folder_offline(root: Path) -> None:
    from socialaid.catalogue.loader import load_catalogue_sources

    load_catalogue_sources(root / "catalogue", root / "tenants")


async def test_a_child_cannot_redefine_an_inherited_item(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    (root / "tenants/990100-child/items/living.yaml").write_text(
        (root / "tenants/990000-parent/items/living.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="inherited; change it with an override"):
        await import_folder_offline(root)


async def test_a_published_version_never_changes(db: Database, tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    await import_folder(db, root)
    edit(root / "tenants/990000-parent/items/living.yaml", "按月差额发放", "改了但没升版本")
    with pytest.raises(DataFileError, match="cannot change; give the change a new version"):
        await import_folder(db, root)
    assert (await item(db, "990000", "living", "benefit { content }"))["benefit"][
        "content"
    ] == "按月差额发放"


async def test_unknown_item_is_a_not_found_error(db: Database) -> None:
    await import_folder(db, MINI)
    _, errors = await execute(db, '{ item(tenant: "990100", code: "study") { code } }')
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"


async def test_item_filters_by_department_mode_target_group_and_keyword(db: Database) -> None:
    await import_folder(db, MINI)

    async def codes(filter_: str) -> list[str]:
        query = f'{{ catalogue(tenant: "990000", asOf: "2023-01-01") {{ items(filter: {filter_}) {{ code }} }} }}'
        return [i["code"] for i in (await query_data(db, query))["catalogue"]["items"]]

    assert await codes('{department: "education"}') == ["study", "study.preschool"]
    assert await codes('{targetGroup: "poor_family"}') == ["living", "study"]
    assert await codes('{keyword: "人均收入"}') == ["living"]
    assert await codes('{keyword: "学前"}') == ["study.preschool"]
    assert await codes("{mode: ORGANISED}") == []


async def test_item_detail_carries_materials_with_review_standards_and_legal_basis(
    db: Database,
) -> None:
    await import_folder(db, MINI)
    detail = await item(
        db,
        "990000",
        "living",
        "legalBasis { title number } timeLimit { promisedWorkingDays } fields { key label required sensitivity } "
        "materials { evidence { code governmentIssued } purpose reviewStandard { form points } }",
    )
    assert detail["legalBasis"] == [{"title": "测试办法", "number": "测〔2021〕1号"}]
    assert detail["timeLimit"] == {"promisedWorkingDays": 20}
    assert detail["fields"] == [
        {"key": "applicant.name", "label": "姓名", "required": True, "sensitivity": "PERSONAL"}
    ]
    assert detail["materials"] == [
        {
            "evidence": {"code": "id_proof", "governmentIssued": True},
            "purpose": "核验身份",
            "reviewStandard": {"form": "原件", "points": ["与申请人一致"]},
        }
    ]
