"""The SQL behind the rollups: the triggers that mark a (tenant, day) dirty in the writer's own
transaction, the working-day count, and the fold that recounts dirty days from the source rows.

Migration 0023 creates the functions and triggers from here; `fold.py` runs the fold statements.
"""

from __future__ import annotations

CHINA_DAY = "(({column}) AT TIME ZONE 'Asia/Shanghai')::date"

# Working days after `first_day` up to and including `last_day` on the root tenant's published
# calendar (the day of the act does not count, as in calendars/working_calendar.py); a year not
# published counts its weekdays.
CREATE_WORKING_DAYS_FUNCTION = """
CREATE OR REPLACE FUNCTION socialaid_working_days_between(root text, first_day date, last_day date)
RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT count(*)::integer
  FROM generate_series(first_day + 1, last_day, interval '1 day') AS g(moment)
  LEFT JOIN working_calendar w
    ON w.tenant_id = root AND w.year = extract(year FROM g.moment)::integer
  WHERE (w.adjusted_workdays IS NOT NULL AND w.adjusted_workdays ? to_char(g.moment, 'YYYY-MM-DD'))
     OR (extract(isodow FROM g.moment) < 6
         AND NOT (coalesce(w.holidays, '[]'::jsonb)
                  @> jsonb_build_array(jsonb_build_object('date', to_char(g.moment, 'YYYY-MM-DD')))))
$$
"""

CREATE_MARK_FUNCTIONS = [
    """
CREATE OR REPLACE FUNCTION socialaid_statistics_mark_application() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_dirty (tenant_id, day)
  VALUES (NEW.tenant_id, (NEW.submitted_at AT TIME ZONE 'Asia/Shanghai')::date)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
""",
    """
CREATE OR REPLACE FUNCTION socialaid_statistics_mark_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_dirty (tenant_id, day)
  SELECT a.tenant_id, (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date
  FROM application a WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.application_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
""",
]

# Only the columns a measure reads: a reminder or a lock_version bump marks nothing.
CREATE_TRIGGERS = [
    "CREATE TRIGGER statistics_mark AFTER INSERT OR UPDATE OF state, triage, area_path, channel"
    " ON application FOR EACH ROW EXECUTE FUNCTION socialaid_statistics_mark_application()",
    "CREATE TRIGGER statistics_mark AFTER INSERT OR UPDATE OF state, decision, supplement,"
    " overdue_at, due_at, department, item_code"
    " ON application_case FOR EACH ROW EXECUTE FUNCTION socialaid_statistics_mark_case()",
]

DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS statistics_mark ON application_case",
    "DROP TRIGGER IF EXISTS statistics_mark ON application",
]
DROP_FUNCTIONS = [
    "DROP FUNCTION IF EXISTS socialaid_statistics_mark_case()",
    "DROP FUNCTION IF EXISTS socialaid_statistics_mark_application()",
    "DROP FUNCTION IF EXISTS socialaid_working_days_between(text, date, date)",
]

# The fold: claim a batch of dirty days, forget their rollup rows, count them again. The three
# statements run in one transaction; `claimed` is a temporary table of the batch.
CLAIM = [
    "CREATE TEMPORARY TABLE claimed (tenant_id varchar(6), day date) ON COMMIT DROP",
    """
WITH batch AS (
  SELECT tenant_id, day FROM statistics_dirty ORDER BY marked_at LIMIT :batch FOR UPDATE SKIP LOCKED
), gone AS (
  DELETE FROM statistics_dirty d USING batch b
  WHERE d.tenant_id = b.tenant_id AND d.day = b.day
  RETURNING d.tenant_id, d.day
)
INSERT INTO claimed SELECT tenant_id, day FROM gone
""",
]

FORGET = [
    "DELETE FROM statistics_application_day s USING claimed c"
    " WHERE s.tenant_id = c.tenant_id AND s.day = c.day",
    "DELETE FROM statistics_case_day s USING claimed c"
    " WHERE s.tenant_id = c.tenant_id AND s.day = c.day",
]

# An application's rows of one day: the half-open range of that day in China time, so the
# listing index (tenant_id, submitted_at) finds them.
_DAY_APPLICATIONS = """
  FROM claimed c
  JOIN application a
    ON a.tenant_id = c.tenant_id
   AND a.submitted_at >= (c.day::timestamp AT TIME ZONE 'Asia/Shanghai')
   AND a.submitted_at < ((c.day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
"""

# Streets, not communities: the first segment of the area path keeps the rollup small.
_AREA = "coalesce(split_part(a.area_path, '/', 1), '')"
_ESCALATED = (
    "(a.triage->>'outcome' = 'escalated' OR EXISTS (SELECT 1 FROM application_event e"
    " WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id"
    " AND e.kind = 'application.escalated'))"
)

COUNT_APPLICATIONS = f"""
INSERT INTO statistics_application_day
  (tenant_id, day, area, channel, applications, accepted, rejected_at_door, escalated)
SELECT a.tenant_id, c.day, {_AREA}, a.channel,
       count(*),
       count(*) FILTER (WHERE a.triage->>'outcome' = 'accepted'
                           OR a.triage->>'assigned_by' IS NOT NULL),
       count(*) FILTER (WHERE a.triage->>'outcome' = 'rejected' AND NOT {_ESCALATED}),
       count(*) FILTER (WHERE {_ESCALATED})
{_DAY_APPLICATIONS}
GROUP BY 1, 2, 3, 4
"""

COUNT_CASES = f"""
INSERT INTO statistics_case_day
  (tenant_id, day, area, channel, department, item, target_group, outcome, working_days,
   cases, applications, escalated, approved, denied, closed, withdrawn, pending, overdue,
   supplements_requested, amount_granted)
SELECT tenant_id, day, area, channel, department, item, target_group, outcome, working_days,
       count(*),
       count(*) FILTER (WHERE first_in_department),
       count(*) FILTER (WHERE first_in_department AND escalated),
       count(*) FILTER (WHERE outcome = 'approved'),
       count(*) FILTER (WHERE outcome = 'denied'),
       count(*) FILTER (WHERE outcome = 'closed'),
       count(*) FILTER (WHERE outcome = 'withdrawn'),
       count(*) FILTER (WHERE outcome = 'pending'),
       count(*) FILTER (WHERE overdue),
       count(*) FILTER (WHERE supplement_requested),
       coalesce(sum(amount) FILTER (WHERE outcome = 'approved'), 0)
FROM (
  SELECT a.tenant_id, c.day, {_AREA} AS area, a.channel, k.department, k.item_code AS item,
         coalesce(k.decision->'recognised_as'->>0, '') AS target_group,
         CASE WHEN k.state IN ('approved', 'denied', 'closed', 'withdrawn') THEN k.state::text
              ELSE 'pending' END AS outcome,
         CASE WHEN k.state IN ('approved', 'denied') AND jsonb_typeof(k.decision) = 'object'
                   AND NOT coalesce((k.decision->>'automatic')::boolean, false)
              THEN least(socialaid_working_days_between(
                     split_part(t.path, '/', 1), c.day,
                     ((k.decision->>'decided_at')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date),
                   32767)
              ELSE -1 END AS working_days,
         row_number() OVER (PARTITION BY k.tenant_id, k.application_id, k.department
                            ORDER BY k.item_code) = 1 AS first_in_department,
         {_ESCALATED} AS escalated,
         (k.overdue_at IS NOT NULL
          OR (k.due_at IS NOT NULL
              AND (k.decision->>'decided_at')::timestamptz > k.due_at)) AS overdue,
         jsonb_typeof(k.supplement) = 'object' AS supplement_requested,
         (k.decision->>'amount')::numeric AS amount
  {_DAY_APPLICATIONS}
  JOIN tenant t ON t.tenant_id = a.tenant_id
  JOIN application_case k ON k.tenant_id = a.tenant_id AND k.application_id = a.id
) cases
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
"""

# The months of the claimed days, recounted from their day rows (every day of the month).
_MONTHS = "(SELECT DISTINCT tenant_id, date_trunc('month', day)::date AS month FROM claimed)"
_CASE_MEASURES = (
    "cases, applications, escalated, approved, denied, closed, withdrawn, pending, overdue,"
    " supplements_requested, amount_granted"
)
FOLD_MONTHS = [
    f"DELETE FROM statistics_application_month s USING {_MONTHS} m"
    " WHERE s.tenant_id = m.tenant_id AND s.month = m.month",
    f"DELETE FROM statistics_case_month s USING {_MONTHS} m"
    " WHERE s.tenant_id = m.tenant_id AND s.month = m.month",
    f"""
INSERT INTO statistics_application_month
  (tenant_id, month, applications, accepted, rejected_at_door, escalated)
SELECT d.tenant_id, m.month, sum(applications), sum(accepted), sum(rejected_at_door), sum(escalated)
FROM {_MONTHS} m JOIN statistics_application_day d
  ON d.tenant_id = m.tenant_id AND d.day >= m.month AND d.day < m.month + interval '1 month'
GROUP BY 1, 2
""",
    f"""
INSERT INTO statistics_case_month
  (tenant_id, month, department, item, target_group, outcome, working_days, {_CASE_MEASURES})
SELECT d.tenant_id, m.month, department, item, target_group, outcome, working_days,
       {", ".join(f"sum({c.strip()})" for c in _CASE_MEASURES.split(","))}
FROM {_MONTHS} m JOIN statistics_case_day d
  ON d.tenant_id = m.tenant_id AND d.day >= m.month AND d.day < m.month + interval '1 month'
GROUP BY 1, 2, 3, 4, 5, 6, 7
""",
    # Issue 23 (I23FAST): the month rows a query grouped by street, channel or tenant reads —
    # with street and channel but no case dimension, and with only the working-day bucket (after
    # the case month rows above, which it sums).
    *(
        f"DELETE FROM statistics_{table} s USING {_MONTHS} m"
        " WHERE s.tenant_id = m.tenant_id AND s.month = m.month"
        for table in (
            "application_month_street",
            "case_month_street",
            "case_month_total",
            "case_month_department",
        )
    ),
    f"""
INSERT INTO statistics_application_month_street
  (tenant_id, month, area, channel, applications, accepted, rejected_at_door, escalated)
SELECT d.tenant_id, m.month, area, channel,
       sum(applications), sum(accepted), sum(rejected_at_door), sum(escalated)
FROM {_MONTHS} m JOIN statistics_application_day d
  ON d.tenant_id = m.tenant_id AND d.day >= m.month AND d.day < m.month + interval '1 month'
GROUP BY 1, 2, 3, 4
""",
    f"""
INSERT INTO statistics_case_month_street
  (tenant_id, month, area, channel, working_days, {_CASE_MEASURES})
SELECT d.tenant_id, m.month, area, channel, working_days,
       {", ".join(f"sum({c.strip()})" for c in _CASE_MEASURES.split(","))}
FROM {_MONTHS} m JOIN statistics_case_day d
  ON d.tenant_id = m.tenant_id AND d.day >= m.month AND d.day < m.month + interval '1 month'
GROUP BY 1, 2, 3, 4, 5
""",
    f"""
INSERT INTO statistics_case_month_total (tenant_id, month, working_days, {_CASE_MEASURES})
SELECT d.tenant_id, m.month, working_days,
       {", ".join(f"sum({c.strip()})" for c in _CASE_MEASURES.split(","))}
FROM {_MONTHS} m JOIN statistics_case_month d ON d.tenant_id = m.tenant_id AND d.month = m.month
GROUP BY 1, 2, 3
""",
    f"""
INSERT INTO statistics_case_month_department
  (tenant_id, month, department, working_days, {_CASE_MEASURES})
SELECT d.tenant_id, m.month, department, working_days,
       {", ".join(f"sum({c.strip()})" for c in _CASE_MEASURES.split(","))}
FROM {_MONTHS} m JOIN statistics_case_month d ON d.tenant_id = m.tenant_id AND d.month = m.month
GROUP BY 1, 2, 3, 4
""",
]
# The subtree summaries (issue 23 part 4), at month grain and at day grain without street and
# channel. `touched_<grain>`: every ancestor-or-self of a claimed tenant, with its depth (a
# path's segments are the tenant codes from the root), for the claimed months or days.
_PERIODS = {"month": _MONTHS, "day": "(SELECT DISTINCT tenant_id, day FROM claimed)"}
TOUCH_ANCESTORS = [
    statement
    for grain, periods in _PERIODS.items()
    for statement in (
        f"CREATE TEMPORARY TABLE touched_{grain} (tenant_id varchar(6), {grain} date,"
        " depth integer) ON COMMIT DROP",
        f"""
INSERT INTO touched_{grain}
SELECT DISTINCT s.tenant_id, m.{grain}, s.depth::integer
FROM {periods} m
JOIN tenant t ON t.tenant_id = m.tenant_id,
     unnest(string_to_array(t.path, '/')) WITH ORDINALITY AS s(tenant_id, depth)
""",
        f"ANALYZE touched_{grain}",
    )
]
DEEPEST = "SELECT coalesce(max(depth), 0) FROM touched_month"

_KEYS = "department, item, target_group, outcome, working_days"
_CASE_SUMS = ", ".join(f"sum({c.strip()})" for c in _CASE_MEASURES.split(","))
_APPLICATION_MEASURES = "applications, accepted, rejected_at_door, escalated"
_APPLICATION_SUMS = ", ".join(f"sum({c.strip()})" for c in _APPLICATION_MEASURES.split(","))


def _qualified(columns: str) -> str:
    return ", ".join(f"s.{c.strip()}" for c in columns.split(","))


def _level(grain: str) -> list[str]:
    """A level's summaries at `grain`: the tenant's own rows (summed over street and channel at
    day grain) plus its children's summaries."""
    touched = f"touched_{grain}"
    statements = [
        f"DELETE FROM statistics_{kind}_{grain}_subtree s USING {touched} u"
        f" WHERE u.depth = :depth AND s.tenant_id = u.tenant_id AND s.{grain} = u.{grain}"
        for kind in ("application", "case")
    ]
    for kind, columns, sums, group in (
        ("application", _APPLICATION_MEASURES, _APPLICATION_SUMS, "1, 2"),
        ("case", f"{_KEYS}, {_CASE_MEASURES}", f"{_KEYS}, {_CASE_SUMS}", "1, 2, 3, 4, 5, 6, 7"),
    ):
        statements.append(f"""
INSERT INTO statistics_{kind}_{grain}_subtree (tenant_id, {grain}, {columns})
SELECT u.tenant_id, u.{grain}, {sums}
FROM {touched} u
CROSS JOIN LATERAL (
  SELECT {columns} FROM statistics_{kind}_{grain} o
  WHERE o.tenant_id = u.tenant_id AND o.{grain} = u.{grain}
  UNION ALL
  SELECT {_qualified(columns)}
  FROM tenant c JOIN statistics_{kind}_{grain}_subtree s
    ON s.tenant_id = c.tenant_id AND s.{grain} = u.{grain}
  WHERE c.parent_id = u.tenant_id
) r
WHERE u.depth = :depth
GROUP BY {group}
""")
    return statements


# One level at a time, deepest first (`:depth`): a tenant's summary is its own rows plus its
# children's summaries, which the level below has just recounted — exact, never a delta.
FOLD_SUBTREE_LEVEL = _level("month") + _level("day")


def _sum_all(grain: str) -> list[str]:
    return [
        f"""
INSERT INTO statistics_{kind}_{grain}_subtree (tenant_id, {grain}, {columns})
SELECT a.tenant_id, o.{grain}, {sums}
FROM tenant a JOIN tenant d ON d.path = a.path OR d.path LIKE a.path || '/%'
JOIN statistics_{kind}_{grain} o ON o.tenant_id = d.tenant_id
GROUP BY {group}
"""
        for kind, columns, sums, group in (
            ("application", _APPLICATION_MEASURES, _APPLICATION_SUMS, "1, 2"),
            ("case", f"{_KEYS}, {_CASE_MEASURES}", f"{_KEYS}, {_CASE_SUMS}", "1, 2, 3, 4, 5, 6, 7"),
        )
    ]


# Every summary at once from the own rows (a bulk load, the benchmark's fill): each tenant summed
# over its descendants-or-self; the keys are application month, case month, application day,
# case day.
SUM_ALL_SUBTREES = _sum_all("month") + _sum_all("day")
