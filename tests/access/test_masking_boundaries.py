"""Masking at the lengths where it changes, and who reads what through `read_sensitive`.

The reads go to a recording session: what matters here is the values returned and whether an
audit event is written (tests/access/test_masking.py reads them back from a real database).
"""

from __future__ import annotations

import uuid

from socialaid.access.masking import SensitiveValue, Sensitivity, mask
from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.audit.sensitive import read_sensitive
from tests.access.people import person
from tests.recording_session import RecordingSession

VALUES = {
    "applicant.id_number": SensitiveValue(Sensitivity.ID_NUMBER, "310105199001011234"),
    "assets.bank_account": SensitiveValue(Sensitivity.BANK_ACCOUNT, "6222021001112223334"),
    "household.income": SensitiveValue(Sensitivity.INCOME, "2350.00"),
}
MASKED = {
    "applicant.id_number": "3101**********1234",
    "assets.bank_account": "***************3334",
    "household.income": "***",
}
CLEAR = {
    "applicant.id_number": "310105199001011234",
    "assets.bank_account": "6222021001112223334",
    "household.income": "2350.00",
}


def test_an_id_number_of_eight_characters_or_fewer_is_masked_entirely() -> None:
    assert mask(Sensitivity.ID_NUMBER, "12345678") == "********"
    assert mask(Sensitivity.ID_NUMBER, "123456789") == "1234*6789"
    assert mask(Sensitivity.ID_NUMBER, "") == ""


def test_a_bank_account_of_four_characters_or_fewer_is_masked_entirely() -> None:
    assert mask(Sensitivity.BANK_ACCOUNT, "1234") == "****"
    assert mask(Sensitivity.BANK_ACCOUNT, "12345") == "*2345"
    assert mask(Sensitivity.BANK_ACCOUNT, "") == ""


def test_health_data_reveals_nothing_however_long() -> None:
    assert mask(Sensitivity.HEALTH, "") == "***"
    assert mask(Sensitivity.INCOME, "123456789012") == "***"


async def read(
    actor: Principal, roles: tuple[Role, ...] | None = None
) -> tuple[dict[str, str], RecordingSession]:
    session = RecordingSession(url=f"postgresql+asyncpg://app@localhost/db_{uuid.uuid4().hex[:8]}")
    seen = await read_sensitive(
        session.as_session(),
        actor=actor,
        tenant_id="310105",
        subject_type="application",
        subject_id="A-7",
        values=VALUES,
        request_id="req-9",
        roles=roles,
    )
    return seen, session


async def test_an_analyst_sees_masked_values_and_nothing_is_recorded() -> None:
    seen, session = await read(person("310105", Role.ANALYST, user="ana"))
    assert seen == MASKED
    assert session.statements == []


async def test_a_caseworker_sees_the_values_and_the_read_is_recorded_once() -> None:
    caseworker = person("310105", Role.CASEWORKER, user="cw", departments=("civil_affairs",))
    seen, session = await read(caseworker)
    assert seen == CLEAR
    assert session.inserted() == [
        {
            # Also the tenant whose chain the database takes the time for.
            "tenant_id": "310105",
            "actor": "cw",
            "roles": ["caseworker"],
            "department": "civil_affairs",
            "action": "sensitive.read",
            "subject_type": "application",
            "subject_id": "A-7",
            "before": None,
            "after": {"fields": ["applicant.id_number", "assets.bank_account", "household.income"]},
            "reason": None,
            "request_id": "req-9",
            "client_address": None,
            "application_id": None,
            "person_key": None,
        }
    ]


async def test_the_roles_of_this_read_decide_not_every_role_held() -> None:
    # An analyst who is a caseworker elsewhere reads this subject as an analyst: masked.
    both = person("310105", Role.ANALYST, Role.CASEWORKER, user="both")
    seen, session = await read(both, roles=(Role.ANALYST,))
    assert seen == MASKED
    assert session.statements == []
    # And a caseworker's read through the caseworker role is in the clear.
    seen, session = await read(person("310105", Role.ANALYST, user="ana"), roles=(Role.CASEWORKER,))
    assert seen == CLEAR
    assert len(session.inserted()) == 1


async def test_reading_no_values_returns_nothing_and_records_nothing() -> None:
    session = RecordingSession()
    seen = await read_sensitive(
        session.as_session(),
        actor=person("310105", Role.CASEWORKER),
        tenant_id="310105",
        subject_type="application",
        subject_id="A-7",
        values={},
    )
    assert seen == {}
    assert session.statements == []
