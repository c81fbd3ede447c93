"""The merged forms of the real catalogue, checked against expectations worked out by hand.

Shanxi (004 附件3, 材料清单):
  1 身份证明 必要 全量事项 · 2 户口簿 必要 全量事项 · 3 居住证 必要 在非户籍地申办社会救助业务 ·
  4 家庭经济状况核查授权书 必要 全量事项 · 5 教育、就医等刚性支出凭证 必要 低收入人口认定、办理临时救助 ·
  6 残疾证 必要 低保边缘家庭中的残疾人单独申请低保、申请特困人员认定
So 低收入人口认定 + 临时救助 + 就业救助 need each of 1, 2, 4 once, 5 once (for the first two only),
3 only when applying outside the hukou place, 6 only in its two cases.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from socialaid.catalogue.conditions import evaluate
from socialaid.catalogue.files import ItemFile, Mode, TenantCatalogueFile
from socialaid.catalogue.library import Library, load_library
from socialaid.catalogue.lint import lint_catalogue
from socialaid.datafiles import parse_file
from socialaid.forms import (
    CompiledForm,
    FormCompileError,
    MaterialState,
    compile_form,
    material_statuses,
    validate_answers,
)

ROOT = Path(__file__).resolve().parents[2]
SHANXI = ROOT / "tenants" / "140000-shanxi"
SHANGHAI = ROOT / "tenants" / "310000-shanghai"
AS_OF = date(2025, 9, 1)
SHANXI_THREE = ["low_income_recognition", "temporary_assistance", "employment_assistance"]
APPLICANT_ID = "11010519491231002X"


def _items(tenant: Path) -> dict[str, ItemFile]:
    assert (tenant / "items").is_dir(), f"{tenant.name} has no items"
    return {
        item.code: item
        for item in (parse_file(p, ItemFile) for p in sorted((tenant / "items").glob("*.yaml")))
    }


def _parameters(tenant: Path) -> dict[str, Any]:
    config = tenant / "catalogue.yaml"
    if not config.exists():
        return {}
    return {p.key: p.value for p in parse_file(config, TenantCatalogueFile).parameters}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(ROOT / "catalogue")


@pytest.fixture(scope="module")
def shanxi(library: Library) -> CompiledForm:
    return compile_form(
        library,
        _items(SHANXI),
        SHANXI_THREE,
        tenant="140000",
        as_of=AS_OF,
        parameters=_parameters(SHANXI),
    )


def _leaves(items: dict[str, ItemFile]) -> list[str]:
    parents = {item.parent for item in items.values() if item.parent}
    return sorted(code for code in items if code not in parents)


def _states(form: CompiledForm, **situation: bool) -> dict[str, MaterialState]:
    answers = {"applicant": {"id_number": APPLICANT_ID}, "situation": situation}
    statuses = material_statuses(form, answers, {})
    states: dict[str, MaterialState] = {}
    for status in statuses:
        assert status.evidence not in states, f"{status.evidence} listed twice"
        states[status.evidence] = status.state
    return states


# ---------------------------------------------------------------- Shanxi


def test_shanxi_items_pass_the_publish_lint(library: Library) -> None:
    assert lint_catalogue(library, _items(SHANXI), parameters=list(_parameters(SHANXI))) == []


def test_shanxi_three_items_ask_for_each_attachment_3_material_once(shanxi: CompiledForm) -> None:
    counts = Counter(m.evidence for m in shanxi.materials)
    assert counts == {
        "id_proof": 1,
        "hukou_booklet": 1,
        "residence_permit": 1,
        "economic_check_authorisation": 1,
        "rigid_expenditure_voucher": 1,
        "disability_certificate": 1,
    }


@pytest.mark.parametrize("evidence", ["id_proof", "hukou_booklet", "economic_check_authorisation"])
def test_shanxi_materials_of_every_item_are_required_by_all_three(
    shanxi: CompiledForm, evidence: str
) -> None:
    [merged] = shanxi.materials_of(evidence)
    assert merged.required_when is True
    assert merged.required_by == tuple(sorted(SHANXI_THREE))
    assert {r.item for r in merged.reviews} == set(SHANXI_THREE)


def test_shanxi_rigid_expenditure_voucher_once_for_low_income_and_temporary_aid(
    shanxi: CompiledForm,
) -> None:
    [voucher] = shanxi.materials_of("rigid_expenditure_voucher")
    assert voucher.required_by == ("low_income_recognition", "temporary_assistance")


def test_shanxi_residence_permit_only_when_applying_outside_the_hukou_place(
    shanxi: CompiledForm,
) -> None:
    [permit] = shanxi.materials_of("residence_permit")
    # 就业救助 exempts an urban dibao recipient (三（二）7); the other items still ask, so in the
    # merged form the answer to that question does not matter.
    for outside in (False, True):
        for urban_dibao in (False, True):
            situation = {"applying_outside_hukou": outside, "urban_dibao_recipient": urban_dibao}
            assert evaluate(permit.required_when, {"situation": situation}) is outside
    assert shanxi.questions[0].key == "situation.applying_outside_hukou"
    at_home = _states(shanxi, applying_outside_hukou=False, has_disability=False)
    away = _states(shanxi, applying_outside_hukou=True, has_disability=False)
    assert at_home["residence_permit"] is MaterialState.NOT_APPLICABLE
    assert away["residence_permit"] is MaterialState.UPLOAD_REQUIRED


def test_shanxi_disability_certificate_only_in_the_attachment_3_cases(
    shanxi: CompiledForm,
) -> None:
    [certificate] = shanxi.materials_of("disability_certificate")
    assert certificate.required_by == ("low_income_recognition",)
    nobody = _states(
        shanxi, applying_outside_hukou=False, has_disability=False, applying_extremely_poor=False
    )
    assert nobody["disability_certificate"] is MaterialState.NOT_APPLICABLE
    disabled_not_in_a_case = _states(
        shanxi,
        applying_outside_hukou=False,
        has_disability=True,
        low_income_edge_disabled_applying_alone=False,
        applying_extremely_poor=False,
    )
    assert disabled_not_in_a_case["disability_certificate"] is MaterialState.NOT_APPLICABLE
    edge_alone = _states(
        shanxi,
        applying_outside_hukou=False,
        has_disability=True,
        low_income_edge_disabled_applying_alone=True,
    )
    assert edge_alone["disability_certificate"] is MaterialState.UPLOAD_REQUIRED
    extremely_poor = _states(
        shanxi, applying_outside_hukou=False, has_disability=True, applying_extremely_poor=True
    )
    assert extremely_poor["disability_certificate"] is MaterialState.UPLOAD_REQUIRED


def test_shanxi_employment_aid_alone_needs_no_voucher_and_no_disability_certificate(
    library: Library,
) -> None:
    form = compile_form(
        library, _items(SHANXI), ["employment_assistance"], tenant="140000", as_of=AS_OF
    )
    evidence = {m.evidence for m in form.materials}
    assert {"id_proof", "hukou_booklet", "economic_check_authorisation"} <= evidence
    assert "rigid_expenditure_voucher" not in evidence
    assert "disability_certificate" not in evidence


def test_shanxi_form_is_one_form_with_the_attachment_2_sections(shanxi: CompiledForm) -> None:
    assert [s.code for s in shanxi.sections][:2] == ["applicant", "household"]
    assert shanxi.field("applicant.id_number").required_when is True
    assert len(shanxi.fields) == len({f.key for f in shanxi.fields})
    assert shanxi.reduction.materials_before > shanxi.reduction.materials_after == 6
    assert shanxi.reduction.fields_before > shanxi.reduction.fields_after


def test_shanxi_answers_validate_with_hidden_situations_dropped(shanxi: CompiledForm) -> None:
    answers = {
        "situation": {
            "applying_outside_hukou": False,
            "has_disability": False,
            "low_income_edge_disabled_applying_alone": True,  # hidden without a disability
        }
    }
    result = validate_answers(shanxi, answers)
    assert "situation.low_income_edge_disabled_applying_alone" in result.dropped
    assert any(e.path == "applicant.id_number" and e.code == "REQUIRED" for e in result.errors)


# ---------------------------------------------------------------- Shanghai


def _shanghai(library: Library, selected: list[str]) -> CompiledForm:
    return compile_form(
        library,
        _items(SHANGHAI),
        selected,
        tenant="310000",
        as_of=AS_OF,
        parameters=_parameters(SHANGHAI),
    )


def test_shanghai_items_pass_the_publish_lint(library: Library) -> None:
    assert lint_catalogue(library, _items(SHANGHAI), parameters=list(_parameters(SHANGHAI))) == []


def test_shanghai_items_sharing_the_economic_status_check_ask_for_it_once(
    library: Library,
) -> None:
    items = _items(SHANGHAI)
    carriers = sorted(
        code
        for code in _leaves(items)
        if any(m.evidence == "economic_check_authorisation" for m in items[code].materials)
    )
    assert len(carriers) >= 2, carriers
    form = _shanghai(library, carriers)
    [authorisation] = form.materials_of("economic_check_authorisation")
    assert authorisation.used_by == tuple(carriers)
    assert len(authorisation.reviews) == len(carriers)


def test_shanghai_every_applicable_leaf_compiles_into_one_form(library: Library) -> None:
    items = _items(SHANGHAI)
    applicable = [c for c in _leaves(items) if items[c].mode is not Mode.ORGANISED]
    form = _shanghai(library, applicable)
    assert Counter(m.evidence for m in form.materials)["economic_check_authorisation"] == 1
    [id_proof] = form.materials_of("id_proof")
    assert id_proof.required_by == tuple(sorted(applicable))
    assert form.reduction.materials_after < form.reduction.materials_before


def test_shanghai_parents_with_sub_items_and_organised_items_are_refused(
    library: Library,
) -> None:
    items = _items(SHANGHAI)
    parents = sorted({i.parent for i in items.values() if i.parent})
    organised = sorted(c for c, i in items.items() if i.mode is Mode.ORGANISED)
    with pytest.raises(FormCompileError) as caught:
        _shanghai(library, parents + organised)
    assert sorted(caught.value.codes) == sorted(
        ["PARENT_ITEM_SELECTED"] * len(parents) + ["ORGANISED_ITEM"] * len(organised)
    )
