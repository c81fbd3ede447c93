"""Sensitive data elements: masked for roles that do not need them; unmasked reads audited."""

from __future__ import annotations

from sqlalchemy import text

from socialaid.access.masking import SensitiveValue, Sensitivity, mask, may_see_sensitive
from socialaid.access.sessions import scoped_session
from socialaid.access.vocabulary import Role
from socialaid.audit.sensitive import read_sensitive
from socialaid.db.database import Database
from tests.access.people import person

VALUES = {
    "applicant.id_number": SensitiveValue(Sensitivity.ID_NUMBER, "310105199001011234"),
    "assets.bank_account": SensitiveValue(Sensitivity.BANK_ACCOUNT, "6222021001112223334"),
    "household.income": SensitiveValue(Sensitivity.INCOME, "2350.00"),
}


def test_an_id_number_keeps_its_region_and_last_four_digits() -> None:
    assert mask(Sensitivity.ID_NUMBER, "310105199001011234") == "3101**********1234"


def test_a_bank_account_keeps_its_last_four_digits() -> None:
    assert mask(Sensitivity.BANK_ACCOUNT, "6222021001112223334") == "***************3334"


def test_incomes_and_health_reveal_nothing() -> None:
    assert mask(Sensitivity.INCOME, "2350.00") == "***"
    assert mask(Sensitivity.HEALTH, "二级残疾") == "***"


def test_short_values_are_masked_entirely() -> None:
    assert mask(Sensitivity.ID_NUMBER, "1234") == "****"
    assert mask(Sensitivity.BANK_ACCOUNT, "123") == "***"


def test_analysts_admins_and_integrations_do_not_see_sensitive_values() -> None:
    for role in (Role.ANALYST, Role.TENANT_ADMIN, Role.INTEGRATION):
        assert not may_see_sensitive((role,))
    for role in (Role.CASEWORKER, Role.WINDOW_CLERK, Role.AUDITOR, Role.APPLICANT):
        assert may_see_sensitive((role,))
    assert may_see_sensitive((Role.ANALYST, Role.CASEWORKER))


async def audit_actions(db: Database) -> list[tuple[str, str, str]]:
    async with db.owner_session() as session:
        rows = await session.execute(text("SELECT actor, action, subject_id FROM audit_event"))
        return [tuple(r) for r in rows]


async def test_an_analyst_reads_masked_values_and_leaves_no_audit_event(db: Database) -> None:
    analyst = person("310105", Role.ANALYST, user="ana")
    async with scoped_session(db, analyst) as session:
        seen = await read_sensitive(
            session,
            actor=analyst,
            tenant_id="310105",
            subject_type="application",
            subject_id="A-1",
            values=VALUES,
        )
    assert seen == {
        "applicant.id_number": "3101**********1234",
        "assets.bank_account": "***************3334",
        "household.income": "***",
    }
    assert await audit_actions(db) == []


async def test_a_caseworkers_unmasked_read_is_recorded(db: Database) -> None:
    caseworker = person("310105", Role.CASEWORKER, user="cw", departments=("civil_affairs",))
    async with scoped_session(db, caseworker) as session:
        seen = await read_sensitive(
            session,
            actor=caseworker,
            tenant_id="310105",
            subject_type="application",
            subject_id="A-1",
            values=VALUES,
        )
    assert seen["applicant.id_number"] == "310105199001011234"
    assert await audit_actions(db) == [("cw", "sensitive.read", "A-1")]
