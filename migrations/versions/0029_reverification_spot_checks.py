"""reverification spot checks (issue 22): a review may be opened because the benefit was drawn
for a spot check (不定期抽查, 001 三（二）4), trigger 'spot_check' (ADR 0040)

Revision ID: 0029
Revises: 0026
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0029"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BEFORE = "trigger IN ('approval', 'review', 'self_report', 'taper')"
_AFTER = "trigger IN ('approval', 'review', 'self_report', 'taper', 'spot_check')"


def _trigger_check(condition: str) -> None:
    op.drop_constraint(op.f("ck_reverification_trigger"), "reverification", type_="check")
    op.create_check_constraint(op.f("ck_reverification_trigger"), "reverification", condition)


def upgrade() -> None:
    _trigger_check(_AFTER)


def downgrade() -> None:
    # The older schema cannot say a review was a spot check; its audit event still does.
    op.execute("UPDATE reverification SET trigger = 'review' WHERE trigger = 'spot_check'")
    _trigger_check(_BEFORE)
