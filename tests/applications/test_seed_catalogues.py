"""The workflow core on the seed catalogue files as written (read from YAML, no database)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from socialaid.applications.notices import check_templates
from socialaid.applications.planning import (
    CloseCase,
    GrantAutomatically,
    ItemRef,
    on_decision,
    plan_cases,
)
from socialaid.applications.states import CaseState
from socialaid.catalogue.files import ItemFile, TenantCatalogueFile
from tests.applications.builders import approval, decide, planned

TENANTS = Path(__file__).resolve().parents[2] / "tenants"


def seed_item(tenant: str, code: str) -> ItemRef:
    path = TENANTS / tenant / "items" / f"{code}.yaml"
    return ItemRef.from_item(ItemFile.model_validate(yaml.safe_load(path.read_text("utf-8"))))


def test_shanghai_dibao_and_legal_aid_run_in_parallel_and_education_aid_waits_for_dibao() -> None:
    selected = [
        seed_item("310000-shanghai", code) for code in ("education_aid", "legal_aid", "dibao")
    ]
    plan = {case.code: case for case in plan_cases(selected)}

    assert plan["dibao"].state is CaseState.READY
    assert plan["legal_aid"].state is CaseState.READY
    assert plan["education_aid"].state is CaseState.WAITING
    assert plan["education_aid"].waiting_on == ("dibao",)


def test_shanxi_recognition_as_dibao_or_extremely_poor_grants_medical_aid_without_application() -> (
    None
):
    recognition = seed_item("140000-shanxi", "low_income_recognition")
    medical = seed_item("140000-shanxi", "medical_aid")
    for group in ("dibao_family", "extremely_poor"):
        cases = planned(recognition)
        decision = approval(recognised_as=(group,))

        effects = on_decision(
            decide(cases, recognition.code, decision),
            recognition.code,
            decision,
            auto_granted=[medical],
        )

        assert effects == [
            GrantAutomatically(medical, recognition.code, decision, case_exists=False)
        ]


def test_shanxi_recognition_as_another_low_income_group_grants_no_medical_aid() -> None:
    recognition = seed_item("140000-shanxi", "low_income_recognition")
    medical = seed_item("140000-shanxi", "medical_aid")
    # 004 三（二）3: 免申即享 is for 低保对象 and 特困人员 only.
    for group in ("dibao_edge_family", "rigid_expenditure_family", "illness_poverty_patient"):
        decision = approval(recognised_as=(group,))
        effects = on_decision(
            decide(planned(recognition), recognition.code, decision),
            recognition.code,
            decision,
            auto_granted=[medical],
        )
        assert effects == []


def test_a_selected_shanxi_medical_aid_closes_when_the_recognition_is_another_group() -> None:
    recognition = seed_item("140000-shanxi", "low_income_recognition")
    medical = seed_item("140000-shanxi", "medical_aid")
    cases = planned(recognition, medical)
    decision = approval(recognised_as=("dibao_edge_family",))

    effects = on_decision(decide(cases, recognition.code, decision), recognition.code, decision)

    closed = [e for e in effects if isinstance(e, CloseCase)]
    assert [e.item for e in closed] == ["medical_aid"]
    assert "不属本事项的救助对象" in closed[0].reason


@pytest.mark.parametrize(
    "path", sorted(TENANTS.glob("*/catalogue.yaml")), ids=lambda p: p.parent.name
)
def test_every_tenants_notice_templates_are_safe_for_their_kind(path: Path) -> None:
    catalogue = TenantCatalogueFile.model_validate(yaml.safe_load(path.read_text("utf-8")))
    check_templates(catalogue.notice_templates)
