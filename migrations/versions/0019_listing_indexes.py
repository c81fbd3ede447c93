"""indexes for province-scale listings (issue 20): a city's applications newest first, and a
tenant's audit events by department

At the size of a province (bench/province_scale.py, bench/RESULTS.md) two listings read far more
than a page: `applications(tenant:)` for a city joins its counties' rows and sorts them all
(ix_application_listing leads with one tenant_id, so a list of tenants cannot walk it in order);
`auditEvents` of one tenant and department walked ix_audit_event_department (department first)
past every other tenant's events. ix_application_recent walks every application newest first,
keeping the city's; ix_audit_event_tenant_department goes straight to the tenant's department.
CREATE INDEX is one of the commands the audit store's guard allows; dropping one is not, so the
downgrade pauses the guard inside its transaction (a superuser's privilege, as for 0010).

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

from alembic import op

from socialaid.audit import ddl

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_application_recent", "application", ["submitted_at", "id"])
    op.create_index(
        "ix_audit_event_tenant_department",
        "audit_event",
        ["tenant_id", "department", "occurred_at", "sequence"],
    )


def downgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.drop_index("ix_audit_event_tenant_department", table_name="audit_event")
    op.execute(ddl.ddl_guard_switch_sql(enable=True))
    op.drop_index("ix_application_recent", table_name="application")
