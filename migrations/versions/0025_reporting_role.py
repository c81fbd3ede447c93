"""a read-only reporting role for BI tools: views without personal data in a `reporting`
schema, scoped per login to its tenants (issue 23, ADR 0036)

`socialaid_reporting` is NOLOGIN: a deployer creates a login role in it and grants that login
tenants in `reporting.login_scope` (docs/operations/reporting.md). The SQL is in
`socialaid.reporting.ddl`. SECURITY DEFINER functions were executable by PUBLIC, so any login
but the application's could write through them: EXECUTE now belongs to `socialaid_app` alone.

Revision ID: 0025
Revises: 0019
"""

from collections.abc import Sequence

from alembic import op

from socialaid.reporting import ddl

revision: str = "0025"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in ddl.upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in ddl.downgrade_statements():
        op.execute(statement)
