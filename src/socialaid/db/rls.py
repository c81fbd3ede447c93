"""Row-level security on tenant_id: the SQL for migrations and the per-transaction scope.

A transaction carries the caller's scope in two settings, set with `set_config(..., true)` so
they end with the transaction: `socialaid.tenants` (comma-separated tenant codes) and
`socialaid.user`. Tenant-owned tables admit only rows whose tenant_id is in scope; public-read
tables admit every read but writes only within scope. The owner (migrations, imports) is not
subject to row-level security; requests run as `socialaid_app`, which is.

In a migration, after creating the table:

    from socialaid.db.rls import enable_tenant_rls
    enable_tenant_rls("catalogue_item", public_read=True)

and in `downgrade()`, before dropping it: `disable_tenant_rls("catalogue_item")`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

TENANTS_SETTING = "socialaid.tenants"
USER_SETTING = "socialaid.user"
SCOPE_FUNCTION = "socialaid_tenant_in_scope"

# A plain SQL function, so the planner inlines it into each policy's expression.
CREATE_SCOPE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {SCOPE_FUNCTION}(tenant text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT tenant = ANY (string_to_array(current_setting('{TENANTS_SETTING}', true), ','))
$$
"""
DROP_SCOPE_FUNCTION = f"DROP FUNCTION IF EXISTS {SCOPE_FUNCTION}(text)"


def tenant_rls_statements(table: str, *, public_read: bool = False) -> list[str]:
    """The SQL that puts `table` (which has a tenant_id column) behind row-level security."""
    in_scope = f"{SCOPE_FUNCTION}(tenant_id)"
    statements = [f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY']
    if public_read:
        statements += [
            f'CREATE POLICY "{table}_public_read" ON "{table}" FOR SELECT USING (true)',
            f'CREATE POLICY "{table}_scope_insert" ON "{table}" FOR INSERT WITH CHECK ({in_scope})',
            f'CREATE POLICY "{table}_scope_update" ON "{table}" FOR UPDATE '
            f"USING ({in_scope}) WITH CHECK ({in_scope})",
            f'CREATE POLICY "{table}_scope_delete" ON "{table}" FOR DELETE USING ({in_scope})',
        ]
    else:
        statements.append(
            f'CREATE POLICY "{table}_scope" ON "{table}" USING ({in_scope}) WITH CHECK ({in_scope})'
        )
    return statements


def disable_tenant_rls_statements(table: str) -> list[str]:
    policies = ("scope", "public_read", "scope_insert", "scope_update", "scope_delete")
    return [f'DROP POLICY IF EXISTS "{table}_{p}" ON "{table}"' for p in policies] + [
        f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY'
    ]


def enable_tenant_rls(table: str, *, public_read: bool = False) -> None:
    """For alembic migrations: see the module docstring."""
    from alembic import op

    for statement in tenant_rls_statements(table, public_read=public_read):
        op.execute(statement)


def disable_tenant_rls(table: str) -> None:
    from alembic import op

    for statement in disable_tenant_rls_statements(table):
        op.execute(statement)


async def set_scope(
    session: AsyncSession, *, tenant_paths: Sequence[str], user_id: str | None
) -> None:
    """Scope the current transaction to the subtrees at `tenant_paths` (expanded in SQL)."""
    await session.execute(
        text(
            "SELECT set_config(:tenants_setting, coalesce(("
            "  SELECT string_agg(t.tenant_id, ',') FROM tenant t"
            "  WHERE EXISTS (SELECT 1 FROM unnest(CAST(:paths AS text[])) p"
            "                WHERE t.path = p OR t.path LIKE p || '/%')), ''), true),"
            " set_config(:user_setting, :user_id, true)"
        ),
        {
            "tenants_setting": TENANTS_SETTING,
            "user_setting": USER_SETTING,
            "paths": list(tenant_paths),
            "user_id": user_id or "",
        },
    )


async def set_every_tenant_scope(session: AsyncSession) -> None:
    """Scope the current transaction to every tenant: for the system's own jobs (the deadline
    scan, notification delivery), which act across tenants but still under row-level security."""
    await session.execute(
        text(
            "SELECT set_config(:tenants_setting, coalesce(("
            "  SELECT string_agg(tenant_id, ',') FROM tenant), ''), true),"
            " set_config(:user_setting, 'system', true)"
        ),
        {"tenants_setting": TENANTS_SETTING, "user_setting": USER_SETTING},
    )
