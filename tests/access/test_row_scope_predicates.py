"""The row-scope predicate, evaluated by SQLite on a small table: which rows each principal sees.

tests/access/test_row_scope.py runs the same predicate in PostgreSQL; here nothing but the
predicate's logic is at stake, so an in-memory database of two tables is enough and every
mistake in it shows within a second.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, column, create_engine, select, table, text

from socialaid.access.policy import MODEL_FILE, Policy
from socialaid.access.principal import Grant, Principal
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource, Role
from tests.access.people import PATHS, person

rows = table(
    "row_probe",
    column("id"),
    column("tenant_id"),
    column("department"),
    column("area_path"),
    column("owner"),
)

TENANTS = [
    *PATHS.items(),
    # Not a real code (they have six digits): a path that merely starts like Shanghai's.
    ("3100001", "3100001"),
]

ROWS = [
    ("cn-mine", "310105", "civil_affairs", "huayang/c1", "citizen-1"),
    ("cn-street", "310105", "civil_affairs", "huayang", "citizen-5"),
    ("cn-other", "310105", "education", "jiangsu_road", "citizen-2"),
    ("cn-alike", "310105", "education", "huayang_west", "citizen-6"),  # not inside huayang
    ("sh", "310000", "civil_affairs", "huayang", "citizen-3"),  # the same area code, another tenant
    ("sh-alike", "3100001", "civil_affairs", "x", "citizen-1"),
    ("sx", "140105", "civil_affairs", "wucheng", "citizen-1"),
    ("jy", "320281", "education", "y", "citizen-4"),
]

# Every role reads applications; only caseworkers decide them, and only in Shanghai.
RULES = "".join(f"p, {role}, *, application, read\n" for role in Role) + (
    "p, caseworker, 310000, application, decide\n"
)


@pytest.fixture(scope="module")
def connection() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE tenant (tenant_id TEXT PRIMARY KEY, path TEXT)"))
        conn.execute(
            text(
                "CREATE TABLE row_probe"
                " (id TEXT, tenant_id TEXT, department TEXT, area_path TEXT, owner TEXT)"
            )
        )
        for code, path in TENANTS:
            conn.execute(text("INSERT INTO tenant VALUES (:c, :p)"), {"c": code, "p": path})
        for row in ROWS:
            conn.execute(
                text("INSERT INTO row_probe VALUES (:a, :b, :c, :d, :e)"),
                dict(zip("abcde", row, strict=True)),
            )
        yield conn
    engine.dispose()


def policy() -> Policy:
    return Policy.from_text(MODEL_FILE.read_text(encoding="utf-8"), RULES)


def visible(
    connection: Connection,
    actor: Principal | None,
    *,
    action: Action = Action.READ,
    columns: tuple[str, ...] = ("department", "area", "owner"),
    own_policy: bool = True,
) -> set[str]:
    predicate = row_scope(
        actor,
        Resource.APPLICATION,
        tenant=rows.c.tenant_id,
        department=rows.c.department if "department" in columns else None,
        area=rows.c.area_path if "area" in columns else None,
        owner=rows.c.owner if "owner" in columns else None,
        action=action,
        policy=policy() if own_policy else None,
    )
    return set(connection.execute(select(rows.c.id).where(predicate)).scalars())


def test_a_tenant_wide_role_sees_its_tenant_and_the_tenants_below(connection: Connection) -> None:
    assert visible(connection, person("310000", Role.AUDITOR)) == {
        "cn-mine",
        "cn-street",
        "cn-other",
        "cn-alike",
        "sh",
    }
    assert visible(connection, person("310105", Role.AUDITOR)) == {
        "cn-mine",
        "cn-street",
        "cn-other",
        "cn-alike",
    }
    assert visible(connection, person("320000", Role.ANALYST)) == {"jy"}


def test_the_subtree_is_the_tenant_and_its_descendants_not_paths_that_start_alike(
    connection: Connection,
) -> None:
    inside = set(
        connection.execute(
            select(rows.c.id).where(tenant_subtree(rows.c.tenant_id, PATHS["310000"]))
        ).scalars()
    )
    assert inside == {"cn-mine", "cn-street", "cn-other", "cn-alike", "sh"}


def test_a_department_role_sees_its_departments_rows_only(connection: Connection) -> None:
    civil = person("310000", Role.CASEWORKER, departments=("civil_affairs",))
    assert visible(connection, civil) == {"cn-mine", "cn-street", "sh"}
    both = person("310105", Role.APPROVER, departments=("civil_affairs", "education"))
    assert visible(connection, both) == {"cn-mine", "cn-street", "cn-other", "cn-alike"}


def test_a_department_role_without_departments_sees_nothing(connection: Connection) -> None:
    assert visible(connection, person("310000", Role.CASEWORKER)) == set()


def test_a_department_role_sees_nothing_of_a_table_without_departments(
    connection: Connection,
) -> None:
    civil = person("310000", Role.CASEWORKER, departments=("civil_affairs",))
    assert visible(connection, civil, columns=("area", "owner")) == set()


def test_an_area_role_sees_its_area_and_the_areas_inside_it(connection: Connection) -> None:
    adviser = person("310105", Role.ADVISER, area="huayang")
    assert visible(connection, adviser) == {"cn-mine", "cn-street"}
    clerk = person("310105", Role.WINDOW_CLERK, area="huayang/c1")
    assert visible(connection, clerk) == {"cn-mine"}


def test_an_area_is_a_place_of_the_actors_own_tenant(connection: Connection) -> None:
    # A Shanghai clerk's "huayang" is Shanghai's, not Changning's place of the same code.
    clerk = person("310000", Role.WINDOW_CLERK, area="huayang")
    assert visible(connection, clerk) == {"sh"}


def test_an_area_role_without_an_area_or_on_a_table_without_areas_sees_nothing(
    connection: Connection,
) -> None:
    assert visible(connection, person("310105", Role.ADVISER)) == set()
    adviser = person("310105", Role.ADVISER, area="huayang")
    assert visible(connection, adviser, columns=("department", "owner")) == set()


def test_an_applicant_sees_their_own_rows_in_their_tenant(connection: Connection) -> None:
    assert visible(connection, person("310105", Role.APPLICANT, user="citizen-1")) == {"cn-mine"}
    assert visible(connection, person("140000", Role.APPLICANT, user="citizen-1")) == {"sx"}


def test_an_applicant_sees_nothing_of_a_table_without_owners(connection: Connection) -> None:
    applicant = person("310105", Role.APPLICANT, user="citizen-1")
    assert visible(connection, applicant, columns=("department", "area")) == set()


def test_nobody_and_a_role_the_policy_does_not_allow_see_nothing(connection: Connection) -> None:
    assert visible(connection, None) == set()
    auditor = person("310000", Role.AUDITOR)
    assert visible(connection, auditor, action=Action.DECIDE) == set()


def test_the_action_asked_about_decides_which_grants_count(connection: Connection) -> None:
    actor = Principal(
        user_id="u1",
        tenant_id="310105",
        tenant_path=PATHS["310105"],
        grants=(
            Grant(Role.AUDITOR, "310000", PATHS["310000"]),
            Grant(Role.CASEWORKER, "310105", PATHS["310105"]),
        ),
        departments=("education",),
    )
    assert visible(connection, actor, action=Action.DECIDE) == {"cn-other", "cn-alike"}
    assert visible(connection, actor) == {"cn-mine", "cn-street", "cn-other", "cn-alike", "sh"}


def test_a_rule_for_one_tenant_counts_for_grants_held_there_only(connection: Connection) -> None:
    in_jiangsu = person("320000", Role.CASEWORKER, departments=("education",))
    assert visible(connection, in_jiangsu, action=Action.DECIDE) == set()
    assert visible(connection, in_jiangsu) == {"jy"}


def test_two_grants_each_add_their_own_rows(connection: Connection) -> None:
    actor = Principal(
        user_id="citizen-1",
        tenant_id="310105",
        tenant_path=PATHS["310105"],
        grants=(
            Grant(Role.APPLICANT, "310105", PATHS["310105"]),
            Grant(Role.ANALYST, "320000", PATHS["320000"]),
        ),
    )
    assert visible(connection, actor) == {"cn-mine", "jy"}


def test_grants_in_two_tenants_add_up(connection: Connection) -> None:
    actor = Principal(
        user_id="citizen-1",
        tenant_id="310105",
        tenant_path=PATHS["310105"],
        grants=(
            Grant(Role.APPLICANT, "310105", PATHS["310105"]),
            Grant(Role.ANALYST, "320000", PATHS["320000"]),
            Grant(Role.ADVISER, "310105", PATHS["310105"]),
        ),
        area="jiangsu_road",
    )
    assert visible(connection, actor) == {"cn-mine", "cn-other", "jy"}


def test_the_shipped_policy_is_used_by_default(connection: Connection) -> None:
    # policy.csv lets no tenant administrator read applications.
    assert visible(connection, person("310000", Role.TENANT_ADMIN), own_policy=False) == set()
    assert visible(connection, person("310105", Role.AUDITOR), own_policy=False) == {
        "cn-mine",
        "cn-street",
        "cn-other",
        "cn-alike",
    }


def test_an_area_code_is_matched_as_written_not_as_a_pattern() -> None:
    # "_" in a LIKE pattern matches any one character: jiangsu_road must not reach jiangsu-road.
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE tenant (tenant_id TEXT PRIMARY KEY, path TEXT)"))
        conn.execute(
            text(
                "CREATE TABLE row_probe"
                " (id TEXT, tenant_id TEXT, department TEXT, area_path TEXT, owner TEXT)"
            )
        )
        conn.execute(text("INSERT INTO tenant VALUES ('310105', '310000/310105')"))
        for ident, area in (("mine", "jiangsu_road/c1"), ("next-street", "jiangsu-road/c9")):
            conn.execute(
                text("INSERT INTO row_probe VALUES (:i, '310105', 'civil_affairs', :a, 'x')"),
                {"i": ident, "a": area},
            )
        adviser = person("310105", Role.ADVISER, area="jiangsu_road")
        assert visible(conn, adviser) == {"mine"}
    engine.dispose()
