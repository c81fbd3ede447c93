from __future__ import annotations

from typing import Any

from socialaid.catalogue.files import Exemption
from socialaid.forms import (
    CompiledForm,
    Confirmation,
    MaterialState,
    collect_confirmations,
    material_statuses,
)

from .builders import compile_items, item, material, use

APPLICANT_ID = "11010519491231002X"
MEMBER_IDS = ["440524188001010014", "310105199001010015"]
OUTSIDE = {"var": "situation.applying_outside_hukou"}


def _form() -> CompiledForm:
    return compile_items(
        item(
            "a",
            fields=[
                use("applicant.id_number", required=True),
                use("household.members[].id_number"),
            ],
            materials=[
                material("id_proof"),
                material("residence_permit", required_when=OUTSIDE, allows=["personal_commitment"]),
                material("economic_check_authorisation", subject="household", allows=["deferred"]),
                material(
                    "disability_certificate",
                    subject="household_member",
                    subject_when={"var": "disabled"},
                ),
                material("hukou_booklet", subject="household", necessity="optional"),
            ],
        )
    )


def _answers(outside: bool = False, disabled: tuple[bool, bool] = (True, False)) -> dict[str, Any]:
    return {
        "applicant": {"id_number": APPLICANT_ID},
        "situation": {"applying_outside_hukou": outside},
        "household": {
            "members": [
                {"id_number": MEMBER_IDS[0], "disabled": disabled[0]},
                {"id_number": MEMBER_IDS[1], "disabled": disabled[1]},
            ]
        },
    }


def _states(statuses: list[Any]) -> dict[tuple[str, str | None], MaterialState]:
    return {(s.evidence, s.subject_path): s.state for s in statuses}


def test_without_confirmations_everything_required_is_uploaded() -> None:
    states = _states(material_statuses(_form(), _answers(), {}))
    assert states == {
        ("id_proof", "applicant"): MaterialState.UPLOAD_REQUIRED,
        ("hukou_booklet", "household"): MaterialState.OPTIONAL,
        ("residence_permit", None): MaterialState.NOT_APPLICABLE,
        ("economic_check_authorisation", "household"): MaterialState.UPLOAD_REQUIRED,
        ("disability_certificate", "household.members[0]"): MaterialState.UPLOAD_REQUIRED,
    }


def test_a_condition_that_becomes_true_makes_the_material_apply() -> None:
    states = _states(material_statuses(_form(), _answers(outside=True), {}))
    assert states[("residence_permit", "applicant")] is MaterialState.UPLOAD_REQUIRED


def test_no_matching_member_means_not_applicable() -> None:
    statuses = material_statuses(_form(), _answers(disabled=(False, False)), {})
    [certificate] = [s for s in statuses if s.evidence == "disability_certificate"]
    assert certificate.state is MaterialState.NOT_APPLICABLE
    assert certificate.subject_path is None


def test_shared_data_confirmation_exempts_and_says_from_whom() -> None:
    confirmation = Confirmation(
        "id_proof", APPLICANT_ID, Exemption.SHARED_DATA, "public_security", "r-1"
    )
    statuses = material_statuses(_form(), _answers(), {("id_proof", APPLICANT_ID): confirmation})
    [id_proof] = [s for s in statuses if s.evidence == "id_proof"]
    assert id_proof.state is MaterialState.EXEMPT
    assert id_proof.reason == "共享数据（public_security）"
    assert id_proof.confirmation == confirmation


def test_an_electronic_licence_exempts_one_member_and_not_another() -> None:
    confirmation = Confirmation(
        "disability_certificate",
        MEMBER_IDS[1],
        Exemption.ELECTRONIC_LICENCE,
        "disabled_persons_federation",
    )
    statuses = material_statuses(
        _form(),
        _answers(disabled=(True, True)),
        {("disability_certificate", MEMBER_IDS[1]): confirmation},
    )
    states = _states(statuses)
    assert (
        states[("disability_certificate", "household.members[0]")] is MaterialState.UPLOAD_REQUIRED
    )
    assert states[("disability_certificate", "household.members[1]")] is MaterialState.EXEMPT


def test_a_confirmation_by_a_route_the_evidence_type_lacks_is_ignored() -> None:
    # 居住证 is government-issued but neither shared nor an electronic licence here
    confirmation = Confirmation("residence_permit", APPLICANT_ID, Exemption.SHARED_DATA, "x")
    statuses = material_statuses(
        _form(), _answers(outside=True), {("residence_permit", APPLICANT_ID): confirmation}
    )
    assert _states(statuses)[("residence_permit", "applicant")] is MaterialState.UPLOAD_REQUIRED


def test_deferral_and_personal_commitment_are_taken_only_where_an_item_allows_them() -> None:
    form = _form()
    deferred_id = form.materials_of("economic_check_authorisation")[0].id
    permit_id = form.materials_of("residence_permit")[0].id
    id_proof_id = form.materials_of("id_proof")[0].id
    statuses = material_statuses(
        form,
        _answers(outside=True),
        {},
        requests={
            deferred_id: Exemption.DEFERRED,
            permit_id: Exemption.PERSONAL_COMMITMENT,
            id_proof_id: Exemption.DEFERRED,  # not allowed for 身份证明
        },
    )
    states = _states(statuses)
    assert states[("economic_check_authorisation", "household")] is MaterialState.DEFERRED
    assert states[("residence_permit", "applicant")] is MaterialState.PERSONAL_COMMITMENT
    assert states[("id_proof", "applicant")] is MaterialState.UPLOAD_REQUIRED


class _Registry:
    def __init__(self, holds: dict[tuple[str, str], Confirmation]) -> None:
        self.holds = holds
        self.asked: list[tuple[str, str]] = []

    async def confirms(self, evidence_code: str, subject_id_number: str) -> Confirmation | None:
        self.asked.append((evidence_code, subject_id_number))
        return self.holds.get((evidence_code, subject_id_number))


async def test_sources_are_asked_only_about_applicable_subjects_that_could_be_exempt() -> None:
    shared = Confirmation("id_proof", APPLICANT_ID, Exemption.SHARED_DATA, "public_security")
    licence = Confirmation(
        "disability_certificate", MEMBER_IDS[0], Exemption.ELECTRONIC_LICENCE, "dpf"
    )
    first = _Registry({("id_proof", APPLICANT_ID): shared})
    second = _Registry(
        {("disability_certificate", MEMBER_IDS[0]): licence, ("id_proof", APPLICANT_ID): licence}
    )
    found = await collect_confirmations(_form(), _answers(), [first, second])
    assert found == {
        ("id_proof", APPLICANT_ID): shared,  # the first source to confirm wins
        ("disability_certificate", MEMBER_IDS[0]): licence,
    }
    # the authorisation has no confirmable route, member 1 is not disabled, 居住证 does not apply
    assert sorted(first.asked) == [
        ("disability_certificate", MEMBER_IDS[0]),
        ("hukou_booklet", APPLICANT_ID),
        ("id_proof", APPLICANT_ID),
    ]
    statuses = material_statuses(_form(), _answers(), found)
    assert _states(statuses)[("id_proof", "applicant")] is MaterialState.EXEMPT
