"""The row-scope predicate: which rows of a tenant-owned table a principal sees."""

from __future__ import annotations

from sqlalchemy import column, select, table, text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.access.row_scope import row_scope
from socialaid.access.vocabulary import Resource, Role
from socialaid.db.database import Database
from tests.access.people import person

# A stand-in for the coming application table, with every attribute a row scope looks at.
applications = table(
    "application_probe",
    column("id"),
    column("tenant_id"),
    column("department"),
    column("area_path"),
    column("owner"),
)

ROWS = [
    ("cn-mine", "310105", "civil_affairs", "huayang/c1", "citizen-1"),
    ("cn-other", "310105", "education", "jiangsu_road", "citizen-2"),
    ("sh", "310000", "civil_affairs", "x", "citizen-3"),
    ("sx", "140105", "civil_affairs", "wucheng", "citizen-1"),
    ("jy", "320281", "civil_affairs", "y", "citizen-4"),
]


async def create_probe(session: AsyncSession) -> None:
    await session.execute(
        text(
            "CREATE TEMP TABLE application_probe"
            " (id text, tenant_id text, department text, area_path text, owner text)"
            " ON COMMIT DROP"
        )
    )
    for row in ROWS:
        await session.execute(
            text("INSERT INTO application_probe VALUES (:a, :b, :c, :d, :e)"),
            dict(zip("abcde", row, strict=True)),
        )


async def visible_ids(db: Database, actor: Principal | None) -> set[str]:
    predicate = row_scope(
        actor,
        Resource.APPLICATION,
        tenant=applications.c.tenant_id,
        department=applications.c.department,
        area=applications.c.area_path,
        owner=applications.c.owner,
    )
    async with db.owner_session() as session, session.begin():
        await create_probe(session)
        result = await session.execute(select(applications.c.id).where(predicate))
        return set(result.scalars())


async def test_an_applicant_sees_only_their_own_applications(db: Database) -> None:
    applicant = person("310105", Role.APPLICANT, user="citizen-1")
    # citizen-1's Shanxi application lies outside the tenant the applicant is known in.
    assert await visible_ids(db, applicant) == {"cn-mine"}


async def test_a_caseworker_sees_their_departments_rows_in_their_tenant_subtree(
    db: Database,
) -> None:
    caseworker = person("310000", Role.CASEWORKER, departments=("civil_affairs",))
    assert await visible_ids(db, caseworker) == {"cn-mine", "sh"}


async def test_a_changning_caseworker_sees_no_shanxi_or_jiangyin_rows(db: Database) -> None:
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    assert await visible_ids(db, caseworker) == {"cn-mine"}


async def test_an_adviser_sees_the_rows_of_their_street(db: Database) -> None:
    adviser = person("310105", Role.ADVISER, area="huayang")
    assert await visible_ids(db, adviser) == {"cn-mine"}


async def test_an_auditor_sees_every_row_of_the_subtree(db: Database) -> None:
    assert await visible_ids(db, person("310000", Role.AUDITOR)) == {"cn-mine", "cn-other", "sh"}


async def test_a_role_without_read_permission_and_nobody_at_all_see_nothing(db: Database) -> None:
    assert await visible_ids(db, person("310105", Role.TENANT_ADMIN)) == set()
    assert await visible_ids(db, None) == set()


async def test_grants_in_two_tenants_add_up(db: Database) -> None:
    both = person("310105", Role.AUDITOR)
    shanxi = person("140000", Role.ANALYST)
    combined = Principal(
        user_id="u1",
        tenant_id="310105",
        tenant_path=both.tenant_path,
        grants=both.grants + shanxi.grants,
    )
    assert await visible_ids(db, combined) == {"cn-mine", "cn-other", "sx"}
