"""The discovery job (政策找人, 003 三 "搭建预警分析模型，及时发现救助线索"): evaluate the tenants'
discovery rules for the residents whose tags changed, and raise leads for community advisers.

Incremental: a push puts its resident in `discovery_pending`; a run takes batches out of it
(`DELETE … RETURNING` over `FOR UPDATE SKIP LOCKED`, so two workers never take the same
resident) and evaluates each batch in the transaction that removes it — a failed batch stays
pending. Residents whose tags did not change are never read. A batch is a few statements whatever
its size: each rule runs as one `INSERT … SELECT` with the rule compiled to SQL (rule_sql.py; the
reference engine for what it cannot translate), and the leads, their audit events, outbox
messages and webhook deliveries are written set-based (ADR 0032). A rule is evaluated only for
residents holding a tag kind it cannot be true without (requirements.py), and a first load —
a tenant's changed set larger than those holders — is walked by them in key order instead
(`_walk`, ADR 0039).

A lead is raised once per family (the household the department named, else the resident) and
rule within the tenant's cool-off (`discovery_lead_cool_off_months`); while that parameter has
no value a family gets one lead per rule, ever — the seeds give no period, and a lead repeated
on every tag change would bury the advisers. A family that already applied for one of the
suggested items (an application not withdrawn or rejected) gets no lead for that rule. Every lead
is audited (`lead.create`), announced to department systems (`LEAD_CREATED` webhooks, to the
departments of the suggested items) and to the adviser station of its area (the outbox).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.applications.states import ApplicationState
from socialaid.audit.request import current_origin
from socialaid.audit.writer import ensure_partitions
from socialaid.catalogue.service import CatalogueCaches, TenantView, tenant_view
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.discovery.kinds import LEAD_ACTIVE_STATES, LeadState
from socialaid.discovery.requirements import required_kinds
from socialaid.discovery.rule_sql import UntranslatableRuleError, compile_predicate
from socialaid.discovery.rules import CompiledRule, fires, runnable
from socialaid.jobs.enqueue import enqueue
from socialaid.kernel.global_id import encode_global_id
from socialaid.notifications.kinds import NotificationKind
from socialaid.notifications.outbox import DELIVER_JOB, without_id_numbers
from socialaid.notifications.templates import DEFAULT_TEXTS, render
from socialaid.webhooks.emit import Occurrence, emit_webhook_events
from socialaid.webhooks.events import WebhookEvent

ACTOR_ID = "system:discovery"
COOL_OFF_PARAMETER = "discovery_lead_cool_off_months"
# A batch is a handful of statements whatever its size; bigger batches spread their fixed cost.
BATCH = 20_000
# An application that ended without help does not stand in for a lead.
_ENDED = [ApplicationState.WITHDRAWN.value, ApplicationState.REJECTED.value]

# The batch lives in temporary tables dropped at commit: the claimed residents, each one's tags
# (only the kinds some rule of its tenant reads) as one document, and what the rules found.
_TEMPORARY = [
    text(
        "CREATE TEMPORARY TABLE discovery_claimed (tenant_id text, subject_key text) ON COMMIT DROP"
    ),
    text(
        "CREATE TEMPORARY TABLE discovery_resident (tenant_id text, subject_key text, doc jsonb,"
        " tag_rows jsonb, household_key text, area_path text, subject_hint text) ON COMMIT DROP"
    ),
    text(
        "CREATE TEMPORARY TABLE discovery_found (tenant_id text, subject_key text,"
        " rule_code text) ON COMMIT DROP"
    ),
]
_CLAIM_INTO = text(
    """
    WITH taken AS (
      DELETE FROM discovery_pending p
       USING (SELECT tenant_id, subject_key FROM discovery_pending
               ORDER BY tenant_id, subject_key LIMIT :batch FOR UPDATE SKIP LOCKED) c
       WHERE p.tenant_id = c.tenant_id AND p.subject_key = c.subject_key
      RETURNING p.tenant_id, p.subject_key)
    INSERT INTO discovery_claimed SELECT tenant_id, subject_key FROM taken
    """
)
# Ordered by change: the newest tag names the family and where it lives now. A lateral lookup
# per claimed resident (the primary key's (tenant, resident) prefix): the cost follows the batch,
# not the table — a join let the planner hash the whole tag table for every batch.
_RESIDENTS = text(
    """
    INSERT INTO discovery_resident
    SELECT c.tenant_id, c.subject_key, t.doc, t.tag_rows, t.household_key, t.area_path,
           t.subject_hint
      FROM discovery_claimed c
     CROSS JOIN LATERAL (
       SELECT jsonb_object_agg(t.kind, t.facts) AS doc,
              jsonb_agg(jsonb_build_object('kind', t.kind, 'facts', t.facts,
                        'sourceDepartment', t.source_department, 'updatedAt', t.updated_at)
                        ORDER BY t.updated_at) AS tag_rows,
              (array_agg(t.household_key ORDER BY t.updated_at DESC)
                 FILTER (WHERE t.household_key IS NOT NULL))[1] AS household_key,
              (array_agg(t.area_path ORDER BY t.updated_at DESC))[1] AS area_path,
              (array_agg(t.subject_hint ORDER BY t.updated_at DESC))[1] AS subject_hint
         FROM livelihood_tag t
        WHERE t.tenant_id = c.tenant_id AND t.subject_key = c.subject_key
          AND t.kind = ANY (CAST(:kinds AS text[]))
          AND (t.valid_from IS NULL OR t.valid_from <= :today)
          AND (t.valid_to IS NULL OR :today < t.valid_to)
        GROUP BY t.subject_key
       HAVING bool_or(t.kind = ANY (CAST(:candidates AS text[])))) t
     WHERE c.tenant_id = :tenant
    """
)
_HOLDERS = text(
    "SELECT subject_key, doc FROM discovery_resident"
    " WHERE tenant_id = :tenant AND doc ?| CAST(:kinds AS text[])"
)
_FOUND_IN_PYTHON = text(
    "INSERT INTO discovery_found SELECT :tenant, s, :code FROM unnest(CAST(:subjects AS text[])) s"
)
# Serialises raising leads between workers, so the NOT EXISTS below sees the other's leads.
_RAISE_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('socialaid.discovery.raise'))")
# One lead per family and rule: not while one is open or assigned, nor within the cool-off of the
# last (`since`; none: ever), nor for a resident who applied for a suggested item.
_LEADS = text(
    """
    WITH rr AS (
      SELECT * FROM jsonb_to_recordset(CAST(:rules AS jsonb)) AS x(tenant_id text, code text,
        version int, rule_tenant text, name text, items text[], kinds text[], source jsonb,
        since timestamptz)),
    candidate AS (
      SELECT DISTINCT ON (f.tenant_id, coalesce(r.household_key, r.subject_key), f.rule_code)
             f.tenant_id, f.rule_code, r.subject_key, r.subject_hint, r.area_path, r.tag_rows,
             coalesce(r.household_key, r.subject_key) AS family_key
        FROM discovery_found f
        JOIN discovery_resident r ON r.tenant_id = f.tenant_id AND r.subject_key = f.subject_key
        JOIN rr ON rr.tenant_id = f.tenant_id AND rr.code = f.rule_code
       WHERE NOT EXISTS (
               SELECT 1 FROM application a
                WHERE a.tenant_id = f.tenant_id AND a.person_key = f.subject_key
                  AND a.state <> ALL (CAST(:ended AS text[])) AND a.items && CAST(rr.items AS varchar[]))
       ORDER BY f.tenant_id, coalesce(r.household_key, r.subject_key), f.rule_code,
                r.subject_key)
    INSERT INTO lead (tenant_id, id, rule_code, rule_version, rule_tenant, rule_name,
                      subject_key, subject_hint, family_key, area_path, suggested_items, tags,
                      source, state, lock_version, created_at, updated_at)
    SELECT c.tenant_id, gen_random_uuid(), rr.code, rr.version, rr.rule_tenant, rr.name,
           c.subject_key, c.subject_hint, c.family_key, c.area_path, rr.items,
           coalesce((SELECT jsonb_agg(e.v ORDER BY e.n)
                       FROM jsonb_array_elements(c.tag_rows) WITH ORDINALITY AS e(v, n)
                      WHERE e.v ->> 'kind' = ANY (rr.kinds)), '[]'::jsonb),
           rr.source, :state, 1, :now, :now
      FROM candidate c JOIN rr ON rr.tenant_id = c.tenant_id AND rr.code = c.rule_code
     WHERE NOT EXISTS (
             SELECT 1 FROM lead l
              WHERE l.tenant_id = c.tenant_id AND l.family_key = c.family_key
                AND l.rule_code = c.rule_code
                AND (l.state = ANY (CAST(:active AS text[])) OR rr.since IS NULL
                     OR l.created_at >= rr.since))
    RETURNING tenant_id, id, rule_code, suggested_items, area_path, state
    """
)
# The events go through the chain trigger row by row, each timed with its tenant's chain head
# held (audit/ddl.py), exactly as one `write_event` per lead would; no ORDER BY, so each row's
# time is taken just before the row is appended.
_AUDIT = text(
    """
    INSERT INTO audit_event (tenant_id, occurred_at, actor, roles, department, action,
                             subject_type, subject_id, after, request_id, client_address,
                             person_key)
    SELECT l.tenant_id, socialaid_audit_append_time(l.tenant_id), :actor,
           CAST(:roles AS text[]), :department, 'lead.create', 'lead', l.id::text,
           jsonb_build_object('state', l.state, 'rule', l.rule_code,
                              'rule_version', l.rule_version,
                              'suggested_items', to_jsonb(l.suggested_items),
                              'area', l.area_path,
                              'tags', coalesce((SELECT jsonb_agg(e.v -> 'kind' ORDER BY e.n)
                                         FROM jsonb_array_elements(l.tags)
                                              WITH ORDINALITY AS e(v, n)), '[]'::jsonb)),
           :request_id, :client_address, l.subject_key
      FROM unnest(CAST(:tenants AS text[]), CAST(:ids AS uuid[])) AS n(tenant_id, id)
      JOIN lead l ON l.tenant_id = n.tenant_id AND l.id = n.id
    """
)
_NOTIFY = text(
    """
    INSERT INTO notification (tenant_id, lead_id, kind, recipient, text, status)
    SELECT n.tenant_id, n.id, :kind, :station || n.area_path, n.message, 'pending'
      FROM unnest(CAST(:tenants AS text[]), CAST(:ids AS uuid[]), CAST(:areas AS text[]),
                  CAST(:messages AS text[])) AS n(tenant_id, id, area_path, message)
    """
)
_STATION = "adviser-station:"
_ANALYSE_FROM = 500


@dataclass
class DiscoveryResult:
    evaluated: int = 0  # residents taken from the changed set
    leads: list[uuid.UUID] = field(default_factory=list)
    # Rules left out because a parameter they read has no value, by tenant.
    waiting_rules: dict[str, list[str]] = field(default_factory=dict)
    # Rules evaluated by the reference engine because rule_sql cannot translate them.
    in_python: set[str] = field(default_factory=set)
    # The run's leads when the lead table's statistics were last taken (`_analyse_leads`).
    leads_when_analysed: int = 0


@dataclass
class _Plan:
    view: TenantView
    values: dict[str, Any]
    rules: list[CompiledRule]

    @property
    def kinds_read(self) -> frozenset[str]:
        return frozenset().union(*(rule.kinds for rule in self.rules))

    def candidates(self, rule: CompiledRule) -> frozenset[str]:
        """The kinds of which a resident must hold one for `rule` to fire (requirements.py;
        every kind it reads when that cannot be shown — holding none, a rule never fires)."""
        required = required_kinds(rule.rule.rule, self.values)
        return rule.kinds if required is None else required & rule.kinds

    @property
    def candidate_kinds(self) -> frozenset[str]:
        return frozenset().union(*(self.candidates(rule) for rule in self.rules))


async def run_discovery(
    db: Database,
    clock: Callable[[], datetime],
    *,
    batch: int = BATCH,
    walk: bool | None = None,
) -> DiscoveryResult:
    """Evaluate the changed set until it is empty; what was evaluated and raised.

    A tenant whose changed set outnumbers the residents any of its rules could fire for (a first
    load: everyone is pending) is walked by candidate instead (`_walk`); `walk` True walks every
    tenant with pending residents, False never. The rest is taken in batches."""
    now = clock().astimezone(CHINA)
    caches = CatalogueCaches()
    result = DiscoveryResult()
    await _analyse_leads(db, result)
    for tenant_id in await _tenants_to_walk(db, caches, now, batch, walk, result):
        await _walk(db, caches, now, tenant_id, batch, result)
    while True:
        async with db.session() as session, session.begin():
            await _begin_batch(session, db)
            taken = await session.execute(_CLAIM_INTO, {"batch": batch})
            claimed = int(taken.rowcount)  # type: ignore[attr-defined]
            if not claimed:
                return result
            result.evaluated += claimed
            # Without statistics the planner takes the batch for a few rows and loops over it.
            await session.execute(text("ANALYZE discovery_claimed"))
            await _evaluate(session, caches, now, result)
        await _analyse_leads(db, result)


async def _analyse_leads(db: Database, result: DiscoveryResult) -> None:
    """Fresh statistics of the lead table, once per run and again each time the run's leads
    double. A first load grows the table from nothing within one run: with the statistics of the
    empty table the planner checks each candidate's earlier leads by scanning all of the
    tenant's (found at 100,000 residents: 9 s for 3,000 candidates) instead of looking up
    (tenant, family, rule). As the owner: only a table's owner may analyse it."""
    if result.leads_when_analysed and len(result.leads) < 2 * result.leads_when_analysed:
        return
    async with db.owner_session() as session, session.begin():
        await session.execute(text("ANALYZE lead"))
    result.leads_when_analysed = max(len(result.leads), _ANALYSE_FROM)


async def _begin_batch(session: AsyncSession, db: Database) -> None:
    await set_every_tenant_scope(session)
    # A batch statement covers thousands of residents: the job's database has a job-sized
    # statement timeout (SOCIALAID_JOB_STATEMENT_TIMEOUT), set here too for a server reached
    # through PgBouncer, whose sessions carry the role's (a request's) timeout.
    await session.execute(
        text(f"SET LOCAL statement_timeout = {int(db.timeouts.statement * 1000)}")
    )
    for statement in _TEMPORARY:
        await session.execute(statement)


_PENDING_BY_TENANT = text(
    "SELECT tenant_id, count(*) AS n FROM discovery_pending GROUP BY tenant_id ORDER BY tenant_id"
)
# Capped: whether the candidates are fewer than the pending residents, not how many there are.
_CANDIDATE_COUNT = text(
    "SELECT count(*) FROM (SELECT 1 FROM livelihood_tag WHERE tenant_id = :tenant"
    " AND kind = ANY (CAST(:kinds AS text[])) LIMIT :cap) c"
)


async def _tenants_to_walk(
    db: Database,
    caches: CatalogueCaches,
    now: datetime,
    batch: int,
    walk: bool | None,
    result: DiscoveryResult,
) -> list[str]:
    """The tenants cheaper to walk by candidate than to take by changed resident: at least a
    batch pending, and more pending residents than tags of the kinds their rules need."""
    if walk is False:
        return []
    chosen = []
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        await session.execute(
            text(f"SET LOCAL statement_timeout = {int(db.timeouts.statement * 1000)}")
        )
        pending = (await session.execute(_PENDING_BY_TENANT)).all()
        for tenant_id, count in pending:
            if walk is None and count < batch:
                continue
            plan = await _plan(session, caches, tenant_id, now, result)
            candidates = await session.scalar(
                _CANDIDATE_COUNT,
                {"tenant": tenant_id, "kinds": sorted(plan.candidate_kinds), "cap": count},
            )
            if walk or int(candidates or 0) < count:
                chosen.append(tenant_id)
    return chosen


def _boundary(kinds: int) -> str:
    """The key of the batch-th candidate after `after`: a merge of each kind's holders in key
    order (the (tenant, kind, resident) index), not a sort of all of them."""
    each = [
        f"(SELECT subject_key FROM livelihood_tag WHERE tenant_id = :tenant AND kind = :kind{i}"
        " AND subject_key > :after ORDER BY subject_key LIMIT :batch)"
        for i in range(kinds)
    ]
    return (
        f"SELECT subject_key FROM ({' UNION ALL '.join(each)}) c"
        " ORDER BY subject_key OFFSET :batch - 1 LIMIT 1"
    )


def _walk_claim(bounded: bool) -> str:
    """Drop the tenant's pending residents in (after, upto] and claim those holding a candidate
    kind. In the batch's transaction: a push committed before this statement is in the tags
    the batch reads next; one committed after it leaves its resident pending for the next run."""
    upto = " AND subject_key <= :upto" if bounded else ""
    return f"""
    WITH gone AS (
      DELETE FROM discovery_pending
       WHERE tenant_id = :tenant AND subject_key > :after{upto}
      RETURNING subject_key),
    candidate AS (
      SELECT DISTINCT subject_key FROM livelihood_tag
       WHERE tenant_id = :tenant AND kind = ANY (CAST(:kinds AS text[]))
         AND subject_key > :after{upto}),
    claimed AS (
      INSERT INTO discovery_claimed
      SELECT :tenant, g.subject_key FROM gone g JOIN candidate c USING (subject_key)
      RETURNING 1)
    SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM claimed)
    """


async def _walk(
    db: Database,
    caches: CatalogueCaches,
    now: datetime,
    tenant_id: str,
    batch: int,
    result: DiscoveryResult,
) -> None:
    """One tenant by candidate, in key-ordered ranges of `batch` candidates, a transaction each:
    the pending residents of a range are dropped and those holding a kind some rule needs are
    evaluated — the same residents and answers as taking them from the changed set, without
    reading the tags of the residents no rule can fire for. A failed range stays pending."""
    after = ""
    # Ranges of a whole batch. They were quarter batches while the chain head row was updated per
    # audit event (its versions piling up made each append slower than the last); written once per
    # statement since migration 0033, a range's appends cost the same per event, and at 1 M
    # residents whole and quarter batches measured alike within the machine's noise (13.0–13.9 s
    # against 12.9–15.2 s; bench/RESULTS.md, "Issue 22: the chain head once per statement"), so
    # the fewer transactions.
    size = batch
    while True:
        async with db.session() as session, session.begin():
            await _begin_batch(session, db)
            plan = await _plan(session, caches, tenant_id, now, DiscoveryResult())
            kinds = sorted(plan.candidate_kinds)
            upto = None
            if kinds:
                upto = await session.scalar(
                    text(_boundary(len(kinds))),
                    {"tenant": tenant_id, "after": after, "batch": size}
                    | {f"kind{i}": kind for i, kind in enumerate(kinds)},
                )
            bounds = {"tenant": tenant_id, "after": after, "kinds": kinds}
            if upto is not None:
                bounds["upto"] = upto
            dropped, claimed = (
                await session.execute(text(_walk_claim(upto is not None)), bounds)
            ).one()
            result.evaluated += int(dropped)
            if claimed:
                await session.execute(text("ANALYZE discovery_claimed"))
                await _evaluate(session, caches, now, result)
        await _analyse_leads(db, result)
        if upto is None:
            return
        after = upto


async def _plan(
    session: AsyncSession,
    caches: CatalogueCaches,
    tenant_id: str,
    now: datetime,
    result: DiscoveryResult,
) -> _Plan:
    view = await tenant_view(session, caches, tenant=tenant_id, as_of=now.date())
    values = {k: p.value for k, p in view.parameters.items() if p.value is not None}
    rules, waiting = runnable(view.discovery_rules, values)
    if waiting:
        result.waiting_rules[tenant_id] = waiting
    return _Plan(view, values, rules)


async def _evaluate(
    session: AsyncSession, caches: CatalogueCaches, now: datetime, result: DiscoveryResult
) -> None:
    tenants = (
        await session.scalars(text("SELECT DISTINCT tenant_id FROM discovery_claimed"))
    ).all()
    plans: dict[str, _Plan] = {}
    for tenant_id in sorted(tenants):
        plan = await _plan(session, caches, tenant_id, now, result)
        if plan.rules:
            plans[tenant_id] = plan
    # Only the tags some rule of the resident's tenant reads are read: a resident holding none
    # of them is never built (most residents, whose only tag is their age).
    for tenant_id, plan in plans.items():
        await session.execute(
            _RESIDENTS,
            {
                "tenant": tenant_id,
                "kinds": sorted(plan.kinds_read),
                "candidates": sorted(plan.candidate_kinds),
                "today": now.date(),
            },
        )
    for tenant_id, plan in plans.items():
        for index, rule in enumerate(plan.rules):
            await _find(session, tenant_id, plan, rule, index, result)
    await _raise(session, plans, now, result)


async def _find(
    session: AsyncSession,
    tenant_id: str,
    plan: _Plan,
    rule: CompiledRule,
    index: int,
    result: DiscoveryResult,
) -> None:
    """Put the residents `rule` fires for into discovery_found: one INSERT … SELECT with the rule
    as a SQL predicate, or the reference engine where the rule cannot be translated."""
    kinds = sorted(plan.candidates(rule))
    code = rule.rule.code
    if not kinds:
        return
    try:
        predicate = compile_predicate(
            rule.rule.rule, plan.values, doc="r.doc", prefix=f"rule{index}"
        )
    except UntranslatableRuleError:
        result.in_python.add(code)
        holders = await session.execute(_HOLDERS, {"tenant": tenant_id, "kinds": kinds})
        subjects = [row.subject_key for row in holders if fires(rule, row.doc, plan.values)]
        if subjects:
            await session.execute(
                _FOUND_IN_PYTHON, {"tenant": tenant_id, "code": code, "subjects": subjects}
            )
        return
    await session.execute(
        text(
            "INSERT INTO discovery_found SELECT r.tenant_id, r.subject_key, :code"
            " FROM discovery_resident r WHERE r.tenant_id = :tenant"
            f" AND r.doc ?| CAST(:kinds AS text[]) AND {predicate.sql}"
        ),
        {"tenant": tenant_id, "code": code, "kinds": kinds, **predicate.params},
    )


def _months_before(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, 28)  # a cool-off is a whole number of months; the 28th exists in each
    return moment.replace(year=year, month=month + 1, day=day)


def _system_actor(view: TenantView) -> Principal:
    return Principal(
        user_id=ACTOR_ID, tenant_id=view.tenant.tenant_id, tenant_path=view.tenant.path, grants=()
    )


def _rule_rows(plans: dict[str, _Plan], now: datetime) -> list[dict[str, Any]]:
    rows = []
    for tenant_id, plan in plans.items():
        months = plan.values.get(COOL_OFF_PARAMETER)
        since = _months_before(now, int(months)) if isinstance(months, int | float) else None
        for rule in plan.rules:
            rows.append(
                {
                    "tenant_id": tenant_id,
                    "code": rule.rule.code,
                    "version": rule.rule.version,
                    "rule_tenant": rule.tenant,
                    "name": rule.rule.name,
                    "items": list(rule.rule.suggested_items),
                    "kinds": sorted(rule.kinds),
                    "source": rule.rule.source.model_dump(mode="json"),
                    "since": since.isoformat() if since else None,
                }
            )
    return rows


async def _raise(
    session: AsyncSession, plans: dict[str, _Plan], now: datetime, result: DiscoveryResult
) -> None:
    """Raise the leads of the batch, audit and announce them: a statement each, whatever their
    number."""
    await session.execute(_RAISE_LOCK)
    raised = (
        await session.execute(
            _LEADS,
            {
                "rules": json.dumps(_rule_rows(plans, now), ensure_ascii=False),
                "ended": _ENDED,
                "active": sorted(s.value for s in LEAD_ACTIVE_STATES),
                "state": LeadState.OPEN.value,
                "now": now,
            },
        )
    ).all()
    if not raised:
        return
    by_tenant: dict[str, list[Any]] = defaultdict(list)
    for row in raised:
        by_tenant[row.tenant_id].append(row)
    await ensure_partitions(session)
    origin = current_origin()
    for tenant_id, rows in by_tenant.items():
        view = plans[tenant_id].view
        actor = _system_actor(view)
        ids = [row.id for row in rows]
        tenants = [tenant_id] * len(rows)
        await session.execute(
            _AUDIT,
            {
                "actor": actor.user_id,
                "roles": [r.value for r in actor.roles],
                "department": ",".join(actor.departments) or None,
                "request_id": origin.request_id,
                "client_address": origin.client_address,
                "tenants": tenants,
                "ids": ids,
            },
        )
        messages = {
            rule.rule.code: without_id_numbers(_text(view, rule.rule.suggested_items))
            for rule in plans[tenant_id].rules
        }
        await session.execute(
            _NOTIFY,
            {
                "kind": NotificationKind.LEAD_CREATED.value,
                "station": _STATION,
                "tenants": tenants,
                "ids": ids,
                "areas": [row.area_path for row in rows],
                "messages": [messages[row.rule_code] for row in rows],
            },
        )
        occurrences = [
            Occurrence(
                WebhookEvent.LEAD_CREATED,
                frozenset(_departments(view, row.suggested_items)),
                {
                    "lead": encode_global_id("Lead", str(row.id)),
                    "leadDatabaseId": str(row.id),
                    "rule": row.rule_code,
                    "suggestedItems": list(row.suggested_items),
                    "area": row.area_path,
                    "state": row.state,
                },
            )
            for row in rows
        ]
        await emit_webhook_events(
            session, occurrences, tenant_path=view.tenant.path, occurred_at=now
        )
        result.leads.extend(ids)
    await enqueue(session, DELIVER_JOB)


def adviser_station(area_path: str) -> str:
    """The outbox recipient of an area's community advisers: the 社区救助顾问 service point of
    the area (003 三); the gateway knows who staffs it."""
    return f"{_STATION}{area_path}"


def _departments(view: TenantView, items: Sequence[str]) -> set[str]:
    return {view.specs[code].department for code in items if code in view.specs}


def _text(view: TenantView, items: Sequence[str]) -> str:
    names = "、".join(view.specs[code].name if code in view.specs else code for code in items)
    return render(
        DEFAULT_TEXTS[NotificationKind.LEAD_CREATED], {"item": names, "tenant": view.tenant.name}
    )
