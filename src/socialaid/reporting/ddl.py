"""The `reporting` schema: views for BI tools (Superset, DataEase, Metabase) that carry no
personal data, the NOLOGIN role `socialaid_reporting` that may read them and nothing else, and
the table that scopes each login to its tenants. Created by migration 0025.

What a view may hold (GB/T 37973, issue 23): counts and codes, public names (regions, streets,
departments, catalogue items), dates at day grain in China time, areas down to the street. No
name, ID number, phone, address, user id, free text (reasons, summaries, answers) or row id of
an application or a person. `tests/reporting` holds every column to a deny-list.

Who sees which tenant: the views are owned by the migrating role, so they read the base tables
past row-level security, and each one keeps only the rows of tenants that `reporting.login_scope`
grants to a role the querying user belongs to (`pg_has_role(current_user, …, 'MEMBER')`),
the granted tenant and every tenant below it. A login with no scope row sees no rows. The
scope table itself is readable by the owner only, so a login cannot widen its own scope;
`current_user` cannot be changed without a `SET ROLE` to a role the login is a member of.
"""

from __future__ import annotations

from socialaid.db.urls import APP_ROLE

SCHEMA = "reporting"
ROLE = "socialaid_reporting"
SCOPE_TABLE = f"{SCHEMA}.login_scope"
# Day grain in the time the tenants work in (ADR 0020).
CHINA = "'Asia/Shanghai'"

# A tenant row `t` (with its materialised path) the querying user may read.
_IN_SCOPE = f"""EXISTS (
    SELECT 1 FROM {SCOPE_TABLE} s
    JOIN public.tenant granted ON granted.tenant_id = s.tenant_id
    JOIN pg_catalog.pg_roles r ON r.rolname = s.login_role
    WHERE pg_has_role(current_user, r.oid, 'MEMBER')
      AND (t.path = granted.path OR starts_with(t.path, granted.path || '/')))"""

# The street an area path lies in: the street itself, or the street above a community.
_STREET = """LEFT JOIN public.area street ON street.tenant_id = {row}.tenant_id
    AND street.level = 'street'
    AND ({row}.area_path = street.path OR starts_with({row}.area_path, street.path || '/'))"""

# The views as migration 0025 created them; 0031 replaces the counting ones (COUNTING_VIEWS).
VIEWS_0025: dict[str, str] = {
    "tenants": f"""
SELECT t.tenant_id, t.name AS tenant_name, t.level AS tenant_level, t.parent_id, t.path AS tenant_path
FROM public.tenant t
WHERE {_IN_SCOPE}""",
    "areas": f"""
SELECT a.tenant_id, a.code AS area_code, a.name AS area_name, a.level AS area_level,
       a.parent_code
FROM public.area a JOIN public.tenant t ON t.tenant_id = a.tenant_id
WHERE a.level IN ('county', 'street') AND {_IN_SCOPE}""",
    "departments": f"""
SELECT d.tenant_id, d.code AS department_code, d.name AS department_name
FROM public.department d JOIN public.tenant t ON t.tenant_id = d.tenant_id
WHERE {_IN_SCOPE}""",
    "items": f"""
SELECT DISTINCT ON (i.tenant_id, i.code)
       i.tenant_id, i.code AS item_code, i.name AS item_name, i.department AS department_code,
       i.parent_code AS parent_item_code, i.status AS item_status
FROM public.catalogue_item i JOIN public.tenant t ON t.tenant_id = i.tenant_id
WHERE {_IN_SCOPE}
ORDER BY i.tenant_id, i.code, i.version DESC""",
    "applications_daily": f"""
SELECT a.tenant_id, street.code AS street_code, a.channel, a.state AS application_state,
       (a.submitted_at AT TIME ZONE {CHINA})::date AS submitted_on,
       count(*)::bigint AS applications
FROM public.application a JOIN public.tenant t ON t.tenant_id = a.tenant_id
{_STREET.format(row="a")}
WHERE {_IN_SCOPE}
GROUP BY 1, 2, 3, 4, 5""",
    "cases_daily": f"""
SELECT c.tenant_id, street.code AS street_code, c.item_code, c.department AS department_code,
       c.state AS case_state, c.decision ->> 'outcome' AS outcome,
       coalesce((c.decision ->> 'automatic')::boolean, false) AS automatic,
       c.overdue_at IS NOT NULL AS overdue,
       (c.created_at AT TIME ZONE {CHINA})::date AS opened_on,
       ((c.decision ->> 'decided_at')::timestamptz AT TIME ZONE {CHINA})::date AS decided_on,
       count(*)::bigint AS cases
FROM public.application_case c JOIN public.tenant t ON t.tenant_id = c.tenant_id
{_STREET.format(row="c")}
WHERE {_IN_SCOPE}
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""",
    "timeline_daily": f"""
SELECT e.tenant_id, e.kind AS event_kind, e.item AS item_code, e.department AS department_code,
       (e.at AT TIME ZONE {CHINA})::date AS happened_on,
       count(*)::bigint AS events
FROM public.application_event e JOIN public.tenant t ON t.tenant_id = e.tenant_id
WHERE {_IN_SCOPE}
GROUP BY 1, 2, 3, 4, 5""",
}


# Issue 23 (migration 0031): a count below the small-cell threshold of its row's tenant is NULL —
# the tenant parameter `statistics_min_cell` of the nearest tenant on its chain with a setting in
# force, else 5 (the default; statistics.small_cells). Each row keeps its own tenant's
# threshold, so a county that set 10 is not shown at its city's 5 when a BI tool sums a city.
# Inline, not a function: a function would run with the BI login's rights, which cannot read
# tenant_parameter; a view's subquery reads it as the view's owner.
def _min_cell(row: str) -> str:
    return f"""(SELECT coalesce((
    SELECT round(p.value::text::numeric)
    FROM public.tenant me
    JOIN public.tenant anc ON me.path = anc.path OR starts_with(me.path, anc.path || '/')
    JOIN public.tenant_parameter p ON p.tenant_id = anc.tenant_id
    WHERE me.tenant_id = {row}.tenant_id AND p.key = 'statistics_min_cell'
      AND jsonb_typeof(p.value) = 'number'
      AND p.effective_from <= (now() AT TIME ZONE {CHINA})::date
    ORDER BY length(anc.path) DESC, p.effective_from DESC, p.id DESC
    LIMIT 1), 5))"""


def _hidden_when_small(view: str, row: str, measure: str) -> str:
    return _small_counts_hidden(VIEWS_0025[view], row, measure)


def _small_counts_hidden(query: str, row: str, measure: str) -> str:
    counted = f"count(*)::bigint AS {measure}"
    assert counted in query, measure
    threshold = _min_cell(row)
    return query.replace(
        counted,
        f"CASE WHEN count(*) < {threshold} THEN NULL ELSE count(*)::bigint END AS {measure}",
    )


# The views that count: each count below its tenant's threshold is NULL (migration 0031).
COUNTING_VIEWS: dict[str, str] = {
    "applications_daily": _hidden_when_small("applications_daily", "a", "applications"),
    "cases_daily": _hidden_when_small("cases_daily", "c", "cases"),
    "timeline_daily": _hidden_when_small("timeline_daily", "e", "events"),
}
# The views as they are now.
VIEWS: dict[str, str] = VIEWS_0025 | COUNTING_VIEWS


def counting_views_statements(views: dict[str, str]) -> list[str]:
    """Replace the counting views by `views` (COUNTING_VIEWS, or VIEWS_0025 to go back)."""
    return [f"CREATE OR REPLACE VIEW {SCHEMA}.{name} AS {views[name]}" for name in COUNTING_VIEWS]


# Issue 22's statistics hooks (ADR 0040): leads raised, converted and dismissed, and reviews
# opened and completed, countable without personal data (no family key, rule facts, tags, names
# or reasons). Created by migration 0029: `lead` and `reverification` come after 0025 in the
# migration chain, so these are not in VIEWS, which 0025 creates.
_DYNAMIC_MANAGEMENT_COUNTS: dict[str, str] = {
    "leads_daily": f"""
SELECT l.tenant_id, street.code AS street_code, l.rule_code, l.rule_version,
       l.state AS lead_state,
       (l.created_at AT TIME ZONE {CHINA})::date AS raised_on,
       CASE WHEN l.state IN ('converted', 'dismissed')
            THEN (l.updated_at AT TIME ZONE {CHINA})::date END AS handled_on,
       count(*)::bigint AS leads
FROM public.lead l JOIN public.tenant t ON t.tenant_id = l.tenant_id
{_STREET.format(row="l")}
WHERE {_IN_SCOPE}
GROUP BY 1, 2, 3, 4, 5, 6, 7""",
    "reverifications_daily": f"""
SELECT r.tenant_id, street.code AS street_code, r.item_code, r.department AS department_code,
       r.state AS review_state, r.trigger AS review_trigger, r.outcome,
       r.due_on,
       (r.opened_at AT TIME ZONE {CHINA})::date AS opened_on,
       (r.completed_at AT TIME ZONE {CHINA})::date AS completed_on,
       count(*)::bigint AS reviews
FROM public.reverification r JOIN public.tenant t ON t.tenant_id = r.tenant_id
{_STREET.format(row="r")}
WHERE {_IN_SCOPE}
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""",
}
# Their counts are hidden below the small-cell threshold as the counting views' are (0031).
DYNAMIC_MANAGEMENT_VIEWS: dict[str, str] = {
    "leads_daily": _small_counts_hidden(_DYNAMIC_MANAGEMENT_COUNTS["leads_daily"], "l", "leads"),
    "reverifications_daily": _small_counts_hidden(
        _DYNAMIC_MANAGEMENT_COUNTS["reverifications_daily"], "r", "reviews"
    ),
}


def create_view_statements(views: dict[str, str]) -> list[str]:
    """Each view, readable by the reporting role."""
    statements: list[str] = []
    for name, query in views.items():
        statements += [
            f"CREATE VIEW {SCHEMA}.{name} AS {query}",
            f"GRANT SELECT ON {SCHEMA}.{name} TO {ROLE}",
        ]
    return statements


CREATE_ROLE = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
    CREATE ROLE {ROLE} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;  -- roles are per cluster: another database's migration created it just now
END $$"""

CREATE_SCOPE_TABLE = f"""
CREATE TABLE {SCOPE_TABLE} (
  login_role text NOT NULL,
  tenant_id varchar(6) NOT NULL REFERENCES public.tenant (tenant_id) ON DELETE CASCADE,
  PRIMARY KEY (login_role, tenant_id)
)"""

# SECURITY DEFINER functions run as their owner whoever calls them, and PostgreSQL lets PUBLIC
# execute a new function: the audit append time, the partition maker and the webhook fan-out
# check the scope of `socialaid_app` only, so any other login (a BI tool's) could have written
# through them. Only the application role keeps EXECUTE.
CLOSE_DEFINER_FUNCTIONS = f"""
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO {APP_ROLE}', f);
  END LOOP;
END $$"""


def upgrade_statements() -> list[str]:
    statements = [
        CREATE_ROLE,
        f"CREATE SCHEMA {SCHEMA}",
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
        CREATE_SCOPE_TABLE,
        # Read through the views only (which run as their owner); no policy: no other role reads it.
        f"ALTER TABLE {SCOPE_TABLE} ENABLE ROW LEVEL SECURITY",
        f"REVOKE ALL ON {SCOPE_TABLE} FROM PUBLIC",
    ]
    statements += create_view_statements(VIEWS_0025)
    statements += [
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {ROLE}",
        f"""DO $$ BEGIN
          EXECUTE format('GRANT CONNECT ON DATABASE %I TO {ROLE}', current_database());
        END $$""",
        CLOSE_DEFINER_FUNCTIONS,
    ]
    return statements


def downgrade_statements() -> list[str]:
    """The schema and this database's grants go; the role stays (it is per cluster, and other
    databases may grant to it), and so does the closed EXECUTE of the definer functions."""
    return [
        f"DROP SCHEMA {SCHEMA} CASCADE",
        f"""DO $$ BEGIN
          EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM {ROLE}', current_database());
        END $$""",
    ]
