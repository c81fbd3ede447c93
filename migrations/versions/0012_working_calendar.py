"""working calendar: each root tenant's statutory holidays and adjusted working days per year, as
data (issue 19), seeded from the `chinese-calendar` package for the years it covers; cases record
whether their deadline is provisional (counted across a year not yet published)

Root tenants that exist now get the package's years here; root tenants imported later get them
from the tenant import (socialaid.calendars.seeding), both from `calendars.package_seed`. The
ALTER TABLE on application_case pauses the audit store's DDL guard as 0011 explains.

Revision ID: 0012
Revises: 0011
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from socialaid.audit import ddl
from socialaid.calendars.models import stored_values
from socialaid.calendars.package_seed import SOURCE, package_years
from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "working_calendar",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("adjusted_workdays", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("published_by", sa.String(length=200), nullable=True),
        sa.Column(
            "published_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("year BETWEEN 1949 AND 2200", name=op.f("ck_working_calendar_year")),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.tenant_id"],
            name=op.f("fk_working_calendar_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "year", name=op.f("pk_working_calendar")),
    )
    # Public read: every descendant's deadlines read its province's calendar.
    enable_tenant_rls("working_calendar", public_read=True)
    insert = sa.text(
        "INSERT INTO working_calendar (tenant_id, year, holidays, adjusted_workdays, source)"
        " SELECT tenant_id, :year, CAST(:holidays AS jsonb), CAST(:workdays AS jsonb), :source"
        " FROM tenant WHERE parent_id IS NULL ON CONFLICT DO NOTHING"
    )
    for schedule in package_years():
        values = stored_values(schedule)
        op.execute(
            insert.bindparams(
                year=schedule.year,
                holidays=json.dumps(values["holidays"], ensure_ascii=False),
                workdays=json.dumps(values["adjusted_workdays"]),
                source=SOURCE,
            )
        )
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.add_column(
        "application_case",
        sa.Column("due_provisional", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.execute(ddl.ddl_guard_switch_sql(enable=True))


def downgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.drop_column("application_case", "due_provisional")
    op.execute(ddl.ddl_guard_switch_sql(enable=True))
    disable_tenant_rls("working_calendar")
    op.drop_table("working_calendar")
