"""The triggers that mark an application's reform counts stale in the writer's own transaction
(ADR 0035). Migration 0027 creates them from here; `fold.py` counts the marked applications again.
"""

from __future__ import annotations

CREATE_MARK_FUNCTIONS = [
    """
CREATE OR REPLACE FUNCTION socialaid_reform_mark_application() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reform_dirty (tenant_id, application_id) VALUES (NEW.tenant_id, NEW.id)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
""",
    """
CREATE OR REPLACE FUNCTION socialaid_reform_mark_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO reform_dirty (tenant_id, application_id) VALUES (OLD.tenant_id, OLD.application_id)
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO reform_dirty (tenant_id, application_id) VALUES (NEW.tenant_id, NEW.application_id)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$
""",
]

# Only the columns a count reads: a reminder, a triage note or a lock_version bump marks nothing.
CREATE_TRIGGERS = [
    "CREATE TRIGGER reform_mark AFTER INSERT OR UPDATE OF channel, form_hash, items, materials,"
    " submitted_at ON application FOR EACH ROW EXECUTE FUNCTION socialaid_reform_mark_application()",
    "CREATE TRIGGER reform_mark AFTER INSERT OR DELETE OR UPDATE OF state, decision,"
    " clock_started_at, created_at, item_code, application_id"
    " ON application_case FOR EACH ROW EXECUTE FUNCTION socialaid_reform_mark_case()",
]

DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS reform_mark ON application_case",
    "DROP TRIGGER IF EXISTS reform_mark ON application",
]
DROP_FUNCTIONS = [
    "DROP FUNCTION IF EXISTS socialaid_reform_mark_case()",
    "DROP FUNCTION IF EXISTS socialaid_reform_mark_application()",
]

# Issue 23 (I23FAST): the month rows of the (tenant, month) pairs a fold touched, summed again
# from the applications' rows in the fold's transaction — exact, never a delta, so the month
# rows always equal the sum of the rows they stand for (the report relies on it).
_MEASURES = ("steps", "fields", "materials", "trips", "time")
MONTH_SUMS = tuple(f"{m}_{side}" for m in _MEASURES for side in ("item_by_item", "merged"))
SUBMITTED_MONTH = "date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')::date"
_TOUCHED = "unnest(CAST(:tenants AS text[]), CAST(:months AS date[])) AS u(tenant_id, month)"
_IN_MONTH = (
    "r.tenant_id = u.tenant_id"
    " AND r.submitted_at >= (u.month::timestamp AT TIME ZONE 'Asia/Shanghai')"
    " AND r.submitted_at < ((u.month + interval '1 month') AT TIME ZONE 'Asia/Shanghai')"
)
FOLD_MONTHS = [
    *(
        f"DELETE FROM {table} m USING {_TOUCHED}"
        " WHERE m.tenant_id = u.tenant_id AND m.month = u.month"
        for table in ("reform_month", "reform_case_time_month")
    ),
    f"""
INSERT INTO reform_month (tenant_id, month, applications, timed, {", ".join(MONTH_SUMS)})
SELECT u.tenant_id, u.month, count(*), count(r.time_item_by_item),
       {", ".join(f"coalesce(sum(r.{c}), 0)" for c in MONTH_SUMS)}
FROM {_TOUCHED} JOIN reform_application r ON {_IN_MONTH}
GROUP BY 1, 2
""",
    f"""
INSERT INTO reform_case_time_month (tenant_id, month, item, working_days, promised_working_days,
  statutory_working_days, cases)
SELECT u.tenant_id, u.month, r.item, r.working_days, r.promised_working_days,
       r.statutory_working_days, count(*)
FROM {_TOUCHED} JOIN reform_case_time r ON {_IN_MONTH}
GROUP BY 1, 2, 3, 4, 5, 6
""",
]
