"""the reporting views hide small counts: a count below its tenant's small-cell threshold
(`statistics_min_cell`, default 5) is NULL (issue 23, ADR 0042)

The SQL is in `socialaid.reporting.ddl` (COUNTING_VIEWS); the downgrade puts back the views of
0025, which showed every count.

Revision ID: 0031
Revises: 0026
"""

from collections.abc import Sequence

from alembic import op

from socialaid.reporting import ddl

revision: str = "0031"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in ddl.counting_views_statements(ddl.COUNTING_VIEWS):
        op.execute(statement)


def downgrade() -> None:
    for statement in ddl.counting_views_statements(ddl.VIEWS_0025):
        op.execute(statement)
