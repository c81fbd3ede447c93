"""reform counts (issue 23): each application's reformEffect counts kept by a fold of the
applications a write marked, summed in SQL by the report (ADR 0035)

Revision ID: 0027
Revises: 0023
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls
from socialaid.reform.rollup_sql import (
    CREATE_MARK_FUNCTIONS,
    CREATE_TRIGGERS,
    DROP_FUNCTIONS,
    DROP_TRIGGERS,
)

revision: str = "0027"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MEASURES = ("steps", "fields", "materials", "trips", "time")


def _key() -> list[sa.Column[object]]:
    return [
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "reform_dirty",
        *_key(),
        sa.Column(
            "marked_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("tenant_id", "application_id", name=op.f("pk_reform_dirty")),
    )
    enable_tenant_rls("reform_dirty")
    op.create_table(
        "reform_application",
        *_key(),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        *(
            sa.Column(f"{measure}_{side}", sa.Integer(), nullable=measure == "time")
            for measure in _MEASURES
            for side in ("item_by_item", "merged")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "application_id", name=op.f("pk_reform_application")),
    )
    op.create_index(
        "ix_reform_application_period", "reform_application", ["tenant_id", "submitted_at"]
    )
    enable_tenant_rls("reform_application")
    op.create_table(
        "reform_case_time",
        *_key(),
        sa.Column("item", sa.String(length=100), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("promised_working_days", sa.Integer(), nullable=True),
        sa.Column("statutory_working_days", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint(
            "tenant_id", "application_id", "item", name=op.f("pk_reform_case_time")
        ),
    )
    op.create_index("ix_reform_case_time_period", "reform_case_time", ["tenant_id", "submitted_at"])
    enable_tenant_rls("reform_case_time")
    for statement in CREATE_MARK_FUNCTIONS + CREATE_TRIGGERS:
        op.execute(statement)
    # Every stored application is marked once: until the first fold the report counts it live.
    op.execute(
        "INSERT INTO reform_dirty (tenant_id, application_id) SELECT tenant_id, id FROM application"
    )


def downgrade() -> None:
    for statement in DROP_TRIGGERS + DROP_FUNCTIONS:
        op.execute(statement)
    for table in ("reform_case_time", "reform_application", "reform_dirty"):
        disable_tenant_rls(table)
        op.drop_table(table)
