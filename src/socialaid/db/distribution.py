"""How each table would be spread over a Citus cluster: the one list (see docs/adr, "Citus").

Distributed tables are split by `tenant_id` into shards, all co-located (one tenant's rows of
every distributed table on the same node), so a request about one tenant is one node's
transaction. Reference tables are copied whole to every node: tenants, configuration read
across the tenant tree (catalogues, departments, areas, grants) and content-addressed shared
documents. Coordinator-only tables stay on the node the application and migrations talk to.

tests/test_citus_rules.py checks the migrated schema against this list and Citus's rules, so a
new table must be placed here before its migration passes the tests.
"""

from __future__ import annotations

DISTRIBUTION_COLUMN = "tenant_id"

# The first is the co-location group's anchor (`colocate_with`); the rest join its group.
DISTRIBUTED: tuple[str, ...] = (
    "application",
    "application_case",
    "application_event",
    "audit_chain_head",
    "audit_event",  # partitioned: Citus distributes each partition with it
    "notification",
    "material_upload",
    "monitored_household",
    "livelihood_tag",
    "discovery_pending",
    "lead",
    "needs_assessment",
    "reverification",
    "household_change_report",
    "reform_application",
    "reform_case_time",
    "reform_case_time_month",
    "reform_dirty",
    "reform_month",
    "shared_record",
    "statistics_application_day",
    "statistics_application_day_subtree",
    "statistics_application_month",
    "statistics_application_month_street",
    "statistics_application_month_subtree",
    "statistics_case_day",
    "statistics_case_day_subtree",
    "statistics_case_month",
    "statistics_case_month_department",
    "statistics_case_month_street",
    "statistics_case_month_subtree",
    "statistics_case_month_total",
    "statistics_dirty",
    "webhook_subscription",
    "webhook_delivery",
)

# Parents before the tables whose foreign keys point at them.
REFERENCE: tuple[str, ...] = (
    "tenant",
    "tenant_catalogue",
    "catalogue_item",
    "catalogue_override",
    "department",
    "area",
    "emergency_mode",
    "role_assignment",
    "content_revision",
    "form_snapshot",
    "library_entry",
    "library_snapshot",
    "working_calendar",
    "tenant_parameter",
    "policy_question",
    "reporting.login_scope",  # which tenants a BI login reads (ADR 0036)
)

# pgqueuer's job queue (ADR 0025): no tenant column, and its dequeue locks rows across tenants.
COORDINATOR_ONLY: tuple[str, ...] = (
    "alembic_version",
    "pgqueuer",
    "pgqueuer_log",
    "pgqueuer_schedules",
    "pgqueuer_statistics",
)


def citus_statements() -> list[str]:
    """The SQL that distributes an existing, migrated database once Citus is installed on it
    (`CREATE EXTENSION citus` and the workers added): reference tables first, since the
    distributed tables' foreign keys point at them."""
    statements = [f"SELECT create_reference_table('{table}')" for table in REFERENCE]
    anchor = DISTRIBUTED[0]
    statements.append(f"SELECT create_distributed_table('{anchor}', '{DISTRIBUTION_COLUMN}')")
    statements += [
        f"SELECT create_distributed_table('{table}', '{DISTRIBUTION_COLUMN}',"
        f" colocate_with => '{anchor}')"
        for table in DISTRIBUTED[1:]
    ]
    return statements
