"""Every column of every reporting view against a deny-list of personal data, and the views'
rows against the personal values of real applications."""

from __future__ import annotations

import re
from datetime import date

from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from socialaid.reporting.ddl import DYNAMIC_MANAGEMENT_VIEWS, SCHEMA, VIEWS
from tests.applications_api import flows
from tests.identity_numbers import id_number
from tests.reporting.logins import reporting_login

# Words in a column name that say it holds, or points at, a person or what they wrote.
DENIED = re.compile(
    r"applicant|person|owner|actor|user|submitted_by|decided_by|id_number|identity|phone|mobile"
    r"|email|address|hukou|birth|bank|card|income|deposit|member|household|reason|summary"
    r"|answer|note|comment|text|notice|data|material|document|request|client|ip$"
)
# A `…_name` column is a public name: of a region, a street, a department, an assistance item.
PUBLIC_NAMES = {"tenant_name", "area_name", "department_name", "item_name"}
# Counts, codes and public names, dates at day grain, flags: no time of day, JSON or row id.
ALLOWED_TYPES = {"text", "character varying", "bigint", "integer", "date", "boolean"}


async def view_columns(db: Database) -> list[tuple[str, str, str]]:
    connection = await owner_connection(db.owner_url)
    try:
        rows = await connection.fetch(
            """SELECT table_name, column_name, data_type FROM information_schema.columns
               WHERE table_schema = $1 ORDER BY table_name, ordinal_position""",
            SCHEMA,
        )
    finally:
        await connection.close()
    return [(r["table_name"], r["column_name"], r["data_type"]) for r in rows]


def personal_data_problems(columns: list[tuple[str, str, str]]) -> list[str]:
    problems = []
    for view, column, data_type in columns:
        if DENIED.search(column):
            problems.append(f"{view}.{column}: a personal-data name")
        if column.endswith("_name") and column not in PUBLIC_NAMES:
            problems.append(f"{view}.{column}: a name not known to be public")
        if data_type not in ALLOWED_TYPES:
            problems.append(f"{view}.{column}: {data_type}")
    return problems


async def test_no_view_column_is_personal_data_by_name_or_type(db: Database) -> None:
    columns = await view_columns(db)
    # The scope table is not a view: it holds login names and is the owner's alone.
    views = {view for view, _, _ in columns} - {"login_scope"}
    assert views == set(VIEWS) | set(DYNAMIC_MANAGEMENT_VIEWS)
    assert personal_data_problems([c for c in columns if c[0] != "login_scope"]) == []


def test_the_deny_list_catches_what_it_is_for() -> None:
    columns = [
        ("v", "applicant_name", "text"),
        ("v", "id_number", "text"),
        ("v", "phone", "text"),
        ("v", "current_address", "text"),
        ("v", "withdraw_reason", "text"),
        ("v", "owner", "character varying"),
        ("v", "spouse_name", "text"),
        ("v", "submitted_at", "timestamp with time zone"),
        ("v", "answers", "jsonb"),
        ("v", "application_id", "uuid"),
        ("v", "street_code", "character varying"),
    ]
    flagged = {problem.split(":")[0] for problem in personal_data_problems(columns)}
    assert flagged == {f"v.{column}" for _, column, _ in columns} - {"v.street_code"}


async def test_no_name_id_number_or_phone_of_a_family_reaches_a_view(db: Database) -> None:
    applicant_id = id_number("310105", date(1982, 4, 2), 131)
    answers = flows.shanghai_answers(applicant_id)
    await flows.apply(
        db,
        await flows.applicant(db, "310105"),
        "310105",
        flows.SHANGHAI_FAMILY,
        answers,
        area="huayanglu",
    )
    personal = [
        "王强",
        "李芳",
        applicant_id,
        "13812345678",
        "安西路",
        "citizen-1",
        "追索劳动报酬",
        "家庭收入低于",
    ]
    async with reporting_login(db, ["310000"]) as bi:
        everything = [
            str(tuple(row))
            for view in VIEWS
            for row in await bi.fetch(f"SELECT * FROM {SCHEMA}.{view}")
        ]
    assert any("310105" in row for row in everything)  # the application is there, counted
    assert [(value, row) for value in personal for row in everything if value in row] == []
