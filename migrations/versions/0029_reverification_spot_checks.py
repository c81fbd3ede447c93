"""issue 22's gaps (ADR 0040): a review may be opened because the benefit was drawn for a spot
check (不定期抽查, 001 三（二）4), trigger 'spot_check'; the reporting views `leads_daily` and
`reverifications_daily` count leads and reviews without personal data

Revision ID: 0029
Revises: 0031
"""

from collections.abc import Sequence

from alembic import op

from socialaid.reporting import ddl

revision: str = "0029"
down_revision: str | None = "0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BEFORE = "trigger IN ('approval', 'review', 'self_report', 'taper')"
_AFTER = "trigger IN ('approval', 'review', 'self_report', 'taper', 'spot_check')"


def _trigger_check(condition: str) -> None:
    op.drop_constraint(op.f("ck_reverification_trigger"), "reverification", type_="check")
    op.create_check_constraint(op.f("ck_reverification_trigger"), "reverification", condition)


def upgrade() -> None:
    _trigger_check(_AFTER)
    for statement in ddl.create_view_statements(ddl.DYNAMIC_MANAGEMENT_VIEWS):
        op.execute(statement)


def downgrade() -> None:
    for name in ddl.DYNAMIC_MANAGEMENT_VIEWS:
        op.execute(f"DROP VIEW {ddl.SCHEMA}.{name}")
    # The older schema cannot say a review was a spot check; its audit event still does.
    op.execute("UPDATE reverification SET trigger = 'review' WHERE trigger = 'spot_check'")
    _trigger_check(_BEFORE)
