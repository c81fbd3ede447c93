"""The discovery job (政策找人, 003 三 "搭建预警分析模型，及时发现救助线索"): evaluate the tenants'
discovery rules for the residents whose tags changed, and raise leads for community advisers.

Incremental: a push puts its resident in `discovery_pending`; a run takes batches out of it
(`DELETE … RETURNING` over `FOR UPDATE SKIP LOCKED`, so two workers never take the same
resident) and evaluates each batch in the transaction that removes it — a failed batch stays
pending. Residents whose tags did not change are never read.

A lead is raised once per family (the household the department named, else the resident) and
rule within the tenant's cool-off (`discovery_lead_cool_off_months`); while that parameter has
no value a family gets one lead per rule, ever — the seeds give no period, and a lead repeated
on every tag change would bury the advisers. A family that already applied for one of the
suggested items (an application not withdrawn or rejected) gets no lead for that rule. Every lead
is audited (`lead.create`), announced to department systems (`LEAD_CREATED` webhooks, to the
departments of the suggested items) and to the adviser station of its area (the outbox).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.applications.states import ApplicationState
from socialaid.audit.writer import write_event
from socialaid.catalogue.service import CatalogueCaches, TenantView, tenant_view
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.discovery.kinds import LEAD_ACTIVE_STATES, LeadState
from socialaid.discovery.models import Lead
from socialaid.discovery.rules import CompiledRule, fires, runnable
from socialaid.jobs.enqueue import enqueue
from socialaid.kernel.global_id import encode_global_id
from socialaid.notifications.kinds import NotificationKind
from socialaid.notifications.models import Notification
from socialaid.notifications.outbox import DELIVER_JOB, without_id_numbers
from socialaid.notifications.templates import DEFAULT_TEXTS, render
from socialaid.webhooks.emit import Occurrence, emit_webhook_events
from socialaid.webhooks.events import WebhookEvent

ACTOR_ID = "system:discovery"
COOL_OFF_PARAMETER = "discovery_lead_cool_off_months"
BATCH = 5_000
# An application that ended without help does not stand in for a lead.
_ENDED = [ApplicationState.WITHDRAWN.value, ApplicationState.REJECTED.value]

_CLAIM = text(
    """
    DELETE FROM discovery_pending p
     USING (SELECT tenant_id, subject_key FROM discovery_pending
             ORDER BY changed_at LIMIT :batch FOR UPDATE SKIP LOCKED) c
     WHERE p.tenant_id = c.tenant_id AND p.subject_key = c.subject_key
    RETURNING p.tenant_id, p.subject_key
    """
)
_TAGS = text(
    """
    SELECT t.tenant_id, t.subject_key, t.kind, t.facts, t.household_key, t.area_path,
           t.subject_hint, t.source_department, t.updated_at
      FROM livelihood_tag t
      JOIN unnest(CAST(:tenants AS text[]), CAST(:subjects AS text[])) AS c(tenant_id, subject_key)
        ON t.tenant_id = c.tenant_id AND t.subject_key = c.subject_key
      JOIN unnest(CAST(:rule_tenants AS text[]), CAST(:rule_kinds AS text[])) AS k(tenant_id, kind)
        ON t.tenant_id = k.tenant_id AND t.kind = k.kind
     WHERE (t.valid_from IS NULL OR t.valid_from <= :today)
       AND (t.valid_to IS NULL OR :today < t.valid_to)
     ORDER BY t.tenant_id, t.subject_key, t.updated_at
    """
)
_EARLIER_LEADS = text(
    """
    SELECT l.tenant_id, l.family_key, l.rule_code, max(l.created_at) AS latest,
           bool_or(l.state = ANY (CAST(:active AS text[]))) AS active
      FROM lead l
      JOIN unnest(CAST(:tenants AS text[]), CAST(:families AS text[])) AS c(tenant_id, family_key)
        ON l.tenant_id = c.tenant_id AND l.family_key = c.family_key
     GROUP BY l.tenant_id, l.family_key, l.rule_code
    """
)
_APPLIED = text(
    """
    SELECT a.tenant_id, a.person_key, a.items
      FROM application a
      JOIN unnest(CAST(:tenants AS text[]), CAST(:subjects AS text[])) AS c(tenant_id, person_key)
        ON a.tenant_id = c.tenant_id AND a.person_key = c.person_key
     WHERE a.state <> ALL (CAST(:ended AS text[]))
    """
)


@dataclass
class Resident:
    tenant_id: str
    subject_key: str
    tags: dict[str, dict[str, Any]] = field(default_factory=dict)
    tag_rows: list[dict[str, Any]] = field(default_factory=list)
    household_key: str | None = None
    area_path: str = ""
    subject_hint: str = ""

    @property
    def family_key(self) -> str:
        return self.household_key or self.subject_key


@dataclass
class DiscoveryResult:
    evaluated: int = 0  # residents taken from the changed set
    leads: list[uuid.UUID] = field(default_factory=list)
    # Rules left out because a parameter they read has no value, by tenant.
    waiting_rules: dict[str, list[str]] = field(default_factory=dict)


async def run_discovery(
    db: Database, clock: Callable[[], datetime], *, batch: int = BATCH
) -> DiscoveryResult:
    """Take the changed set in batches until it is empty; what was evaluated and raised."""
    now = clock().astimezone(CHINA)
    caches = CatalogueCaches()
    result = DiscoveryResult()
    while True:
        async with db.session() as session, session.begin():
            await set_every_tenant_scope(session)
            claimed = (await session.execute(_CLAIM, {"batch": batch})).all()
            if not claimed:
                return result
            result.evaluated += len(claimed)
            await _evaluate(session, caches, claimed, now, result)


async def _evaluate(
    session: AsyncSession,
    caches: CatalogueCaches,
    claimed: Sequence[Any],
    now: datetime,
    result: DiscoveryResult,
) -> None:
    plans: dict[str, tuple[TenantView, dict[str, Any], list[CompiledRule]]] = {}
    for tenant_id in sorted({c.tenant_id for c in claimed}):
        view = await tenant_view(session, caches, tenant=tenant_id, as_of=now.date())
        values = {k: p.value for k, p in view.parameters.items() if p.value is not None}
        rules, waiting = runnable(view.discovery_rules, values)
        if waiting:
            result.waiting_rules[tenant_id] = waiting
        plans[tenant_id] = (view, values, rules)
    # Only the tags some rule of the resident's tenant reads are fetched: a resident holding
    # none of them is never built (most residents, whose only tag is their age).
    wanted = sorted(
        {(t, kind) for t, (_, _, rules) in plans.items() for r in rules for kind in r.kinds}
    )
    residents = await _residents(session, claimed, wanted, now.date())
    by_tenant: dict[str, list[Resident]] = defaultdict(list)
    for resident in residents:
        by_tenant[resident.tenant_id].append(resident)
    for tenant_id, group in by_tenant.items():
        view, values, rules = plans[tenant_id]
        found = [(r, rule) for r in group for rule in rules if fires(rule, r.tags, values)]
        if not found:
            continue
        fresh = await _without_earlier(
            session, tenant_id, found, values.get(COOL_OFF_PARAMETER), now
        )
        if fresh:
            await _raise(session, view, fresh, now, result)


async def _residents(
    session: AsyncSession,
    claimed: Sequence[Any],
    wanted: Sequence[tuple[str, str]],
    today: date,
) -> list[Resident]:
    if not wanted:
        return []
    rows = await session.execute(
        _TAGS,
        {
            "tenants": [c.tenant_id for c in claimed],
            "subjects": [c.subject_key for c in claimed],
            "rule_tenants": [tenant for tenant, _ in wanted],
            "rule_kinds": [kind for _, kind in wanted],
            "today": today,
        },
    )
    residents: dict[tuple[str, str], Resident] = {}
    for row in rows:
        resident = residents.setdefault(
            (row.tenant_id, row.subject_key), Resident(row.tenant_id, row.subject_key)
        )
        resident.tags[row.kind] = row.facts
        resident.tag_rows.append(
            {
                "kind": row.kind,
                "facts": row.facts,
                "sourceDepartment": row.source_department,
                "updatedAt": row.updated_at.isoformat(),
            }
        )
        # Ordered by change: the newest tag names the family and where it lives now.
        resident.household_key = row.household_key or resident.household_key
        resident.area_path = row.area_path
        resident.subject_hint = row.subject_hint
    return list(residents.values())


def _months_before(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, 28)  # a cool-off is a whole number of months; the 28th exists in each
    return moment.replace(year=year, month=month + 1, day=day)


async def _without_earlier(
    session: AsyncSession,
    tenant_id: str,
    found: list[tuple[Resident, CompiledRule]],
    cool_off_months: Any,
    now: datetime,
) -> list[tuple[Resident, CompiledRule]]:
    """Drop what the cool-off or an application already covers; one per family and rule."""
    families = sorted({r.family_key for r, _ in found})
    earlier = {
        (row.family_key, row.rule_code): row
        for row in await session.execute(
            _EARLIER_LEADS,
            {
                "tenants": [tenant_id] * len(families),
                "families": families,
                "active": sorted(s.value for s in LEAD_ACTIVE_STATES),
            },
        )
    }
    subjects = sorted({r.subject_key for r, _ in found})
    applied: dict[str, set[str]] = defaultdict(set)
    for row in await session.execute(
        _APPLIED,
        {"tenants": [tenant_id] * len(subjects), "subjects": subjects, "ended": _ENDED},
    ):
        applied[row.person_key] |= set(row.items)
    since = (
        _months_before(now, int(cool_off_months))
        if isinstance(cool_off_months, int | float)
        else None
    )
    fresh: dict[tuple[str, str], tuple[Resident, CompiledRule]] = {}
    for resident, rule in found:
        key = (resident.family_key, rule.rule.code)
        if key in fresh or applied[resident.subject_key] & set(rule.rule.suggested_items):
            continue
        before = earlier.get(key)
        if before is not None and (before.active or since is None or before.latest >= since):
            continue
        fresh[key] = (resident, rule)
    return list(fresh.values())


def _system_actor(view: TenantView) -> Principal:
    return Principal(
        user_id=ACTOR_ID, tenant_id=view.tenant.tenant_id, tenant_path=view.tenant.path, grants=()
    )


async def _raise(
    session: AsyncSession,
    view: TenantView,
    fresh: list[tuple[Resident, CompiledRule]],
    now: datetime,
    result: DiscoveryResult,
) -> None:
    tenant = view.tenant
    leads = [
        Lead(
            tenant_id=tenant.tenant_id,
            id=uuid.uuid4(),
            rule_code=rule.rule.code,
            rule_version=rule.rule.version,
            rule_tenant=rule.tenant,
            rule_name=rule.rule.name,
            subject_key=resident.subject_key,
            subject_hint=resident.subject_hint,
            family_key=resident.family_key,
            area_path=resident.area_path,
            suggested_items=list(rule.rule.suggested_items),
            tags=[t for t in resident.tag_rows if t["kind"] in rule.kinds],
            source=rule.rule.source.model_dump(mode="json"),
            state=LeadState.OPEN.value,
            lock_version=1,
            created_at=now,
            updated_at=now,
        )
        for resident, rule in fresh
    ]
    session.add_all(leads)
    await session.flush()
    actor = _system_actor(view)
    occurrences = []
    notifications = []
    for lead in leads:
        await write_event(
            session,
            actor=actor,
            action="lead.create",
            tenant_id=lead.tenant_id,
            subject_type="lead",
            subject_id=str(lead.id),
            after={
                "state": lead.state,
                "rule": lead.rule_code,
                "rule_version": lead.rule_version,
                "suggested_items": lead.suggested_items,
                "area": lead.area_path,
                "tags": [t["kind"] for t in lead.tags],
            },
            person_key=lead.subject_key,
        )
        occurrences.append(
            Occurrence(
                WebhookEvent.LEAD_CREATED,
                frozenset(_departments(view, lead.suggested_items)),
                {
                    "lead": encode_global_id("Lead", str(lead.id)),
                    "leadDatabaseId": str(lead.id),
                    "rule": lead.rule_code,
                    "suggestedItems": lead.suggested_items,
                    "area": lead.area_path,
                    "state": lead.state,
                },
            )
        )
        notifications.append(
            Notification(
                tenant_id=lead.tenant_id,
                lead_id=lead.id,
                kind=NotificationKind.LEAD_CREATED.value,
                recipient=adviser_station(lead.area_path),
                text=without_id_numbers(_text(view, lead)),
                status="pending",
            )
        )
        result.leads.append(lead.id)
    session.add_all(notifications)
    await session.flush()
    await enqueue(session, DELIVER_JOB)
    await emit_webhook_events(session, occurrences, tenant_path=tenant.path, occurred_at=now)


def adviser_station(area_path: str) -> str:
    """The outbox recipient of an area's community advisers: the 社区救助顾问 service point of
    the area (003 三); the gateway knows who staffs it."""
    return f"adviser-station:{area_path}"


def _departments(view: TenantView, items: Sequence[str]) -> set[str]:
    return {view.specs[code].department for code in items if code in view.specs}


def _text(view: TenantView, lead: Lead) -> str:
    names = "、".join(
        view.specs[code].name if code in view.specs else code for code in lead.suggested_items
    )
    return render(
        DEFAULT_TEXTS[NotificationKind.LEAD_CREATED], {"item": names, "tenant": view.tenant.name}
    )
