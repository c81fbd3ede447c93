"""Checking a tenant's hash chain: every event's digest, its link to the one before, no gaps,
and the signed checkpoints held outside the database.

One SQL pass over the period does the work: the digest is recomputed with the same expression
the chain trigger uses (`ddl.digest_call`), `lag()` over the sequence gives each event its
predecessor, and the first event of the period is linked to the event just before it. A second,
one-row query explains the first broken link. When the links hold, the chain is compared with
the signed checkpoints of the period (ADR 0010): a rewrite whose hashes were all recomputed
still changes the hash at every later checkpoint. When the period reaches the present, the last
event must also match the tenant's chain head (so deleting the newest events is noticed), and
every checkpoint signed since must still find its event.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.audit import ddl
from socialaid.audit.checkpoint_setup import CheckpointSetup, CheckpointsUnavailable
from socialaid.audit.checkpointing import compare_with_store
from socialaid.audit.checkpoints import CheckpointsCompared, Comparison, Finding
from socialaid.audit.queries import authorized_tenant
from socialaid.audit.writer import write_event
from socialaid.clock import CHINA

AUDIT_VERIFY = "audit.verify"


class Problem(StrEnum):
    CONTENT_CHANGED = "CONTENT_CHANGED"  # the stored hash is not the digest of the content
    LINK_BROKEN = "LINK_BROKEN"  # previous_hash is not the predecessor's hash
    SEQUENCE_GAP = "SEQUENCE_GAP"  # the predecessor is missing or the sequence repeats
    HEAD_MISMATCH = "HEAD_MISMATCH"  # the newest events do not end where the chain head says
    # the chain does not have the hash a signed checkpoint holds at its sequence (or no event)
    CHECKPOINT_MISMATCH = "CHECKPOINT_MISMATCH"
    # a checkpoint file that is unreadable or not signed by a trusted key
    CHECKPOINT_INVALID = "CHECKPOINT_INVALID"


@dataclass(frozen=True)
class BrokenLink:
    tenant_id: str
    sequence: int
    event_id: int | None
    problem: Problem
    message: str


@dataclass(frozen=True)
class CheckpointCoverage:
    """How far signed checkpoints vouch for the checked events."""

    configured: bool
    compared: int  # checkpoints compared with the chain
    covered_through: int | None  # every event up to this sequence is as signed
    signed_at: datetime | None  # when the checkpoint at `covered_through` was signed
    message: str


@dataclass(frozen=True)
class Verification:
    tenant_id: str
    checked: int
    first_sequence: int | None
    last_sequence: int | None
    broken: BrokenLink | None
    checkpoints: CheckpointCoverage

    @property
    def ok(self) -> bool:
        return self.broken is None


def _period(occurred_from: datetime | None, occurred_to: datetime | None) -> str:
    clauses = []
    if occurred_from is not None:
        clauses.append(" AND e.occurred_at >= :occurred_from")
    if occurred_to is not None:
        clauses.append(" AND e.occurred_at < :occurred_to")
    return "".join(clauses)


def _predecessor(column: str) -> str:
    return (
        f"(SELECT p.{column} FROM audit_event p"
        " WHERE p.tenant_id = e.tenant_id AND p.sequence = e.sequence - 1"
        " ORDER BY p.occurred_at LIMIT 1)"
    )


def _pass_sql(period: str, with_head: bool) -> str:
    head = (
        ", (SELECT last_sequence FROM audit_chain_head WHERE tenant_id = :tenant) AS head_sequence"
        ", (SELECT last_hash FROM audit_chain_head WHERE tenant_id = :tenant) AS head_hash"
        ", (SELECT hash FROM audit_event WHERE tenant_id = :tenant"
        "   ORDER BY sequence DESC LIMIT 1) AS last_hash"
        ", (SELECT max(sequence) FROM audit_event WHERE tenant_id = :tenant) AS tenant_last"
        if with_head
        else ""
    )
    # The first event of the period has no lag(): it links to the event just before it, or to
    # the genesis hash when it is the tenant's first. Both lookups run once, not per row.
    return f"""
WITH checked AS (
  SELECT e.sequence,
         e.hash IS DISTINCT FROM {ddl.digest_call("e")}
         OR e.previous_hash IS DISTINCT FROM coalesce(
              lag(e.hash) OVER w,
              CASE WHEN e.sequence = 1 THEN {ddl.GENESIS_SQL} ELSE {_predecessor("hash")} END)
         OR coalesce(
              lag(e.sequence) OVER w,
              CASE WHEN e.sequence = 1 THEN 0 ELSE {_predecessor("sequence")} END)
            IS DISTINCT FROM e.sequence - 1 AS broken
  FROM audit_event e
  WHERE e.tenant_id = :tenant{period}
  WINDOW w AS (ORDER BY e.sequence, e.occurred_at)
)
SELECT count(*) AS checked, min(sequence) AS first_sequence, max(sequence) AS last_sequence,
       min(sequence) FILTER (WHERE broken) AS first_broken{head}
FROM checked
"""


# Why one event is broken, checked in the order that explains it best.
EXPLAIN_SQL = f"""
SELECT e.id,
       e.hash IS DISTINCT FROM {ddl.digest_call("e")} AS content_changed,
       (SELECT count(*) FROM audit_event d
        WHERE d.tenant_id = e.tenant_id AND d.sequence = e.sequence) AS copies,
       CASE WHEN e.sequence = 1 THEN {ddl.GENESIS_SQL} ELSE {_predecessor("hash")} END
         AS predecessor_hash,
       e.sequence = 1 OR {_predecessor("sequence")} IS NOT NULL AS has_predecessor,
       e.previous_hash
FROM audit_event e
WHERE e.tenant_id = :tenant AND e.sequence = :sequence
ORDER BY e.occurred_at
LIMIT 1
"""


async def _explain(session: AsyncSession, tenant_id: str, sequence: int) -> BrokenLink:
    row = (
        await session.execute(text(EXPLAIN_SQL), {"tenant": tenant_id, "sequence": sequence})
    ).one()

    def broken(problem: Problem, message: str) -> BrokenLink:
        return BrokenLink(tenant_id, sequence, row.id, problem, message)

    if not row.has_predecessor:
        return broken(Problem.SEQUENCE_GAP, f"序号 {sequence - 1} 的事件缺失")
    if row.copies > 1:
        return broken(Problem.SEQUENCE_GAP, f"序号 {sequence} 出现 {row.copies} 次")
    if row.content_changed:
        return broken(Problem.CONTENT_CHANGED, f"序号 {sequence} 的事件内容与其哈希不符")
    return broken(Problem.LINK_BROKEN, f"序号 {sequence} 的事件未链接到序号 {sequence - 1}")


def _head_problem(tenant_id: str, row: Any) -> BrokenLink | None:
    if row.head_sequence is None and row.tenant_last is None:
        return None
    if row.head_sequence != row.tenant_last:
        return BrokenLink(
            tenant_id,
            row.tenant_last or 0,
            None,
            Problem.HEAD_MISMATCH,
            f"链头记录的最后序号为 {row.head_sequence}，现存最后一条事件的序号为 {row.tenant_last}",
        )
    if row.head_hash != row.last_hash:
        return BrokenLink(
            tenant_id,
            row.tenant_last,
            None,
            Problem.HEAD_MISMATCH,
            f"序号 {row.tenant_last} 的事件哈希与链头记录不符",
        )
    return None


def _china(value: datetime) -> str:
    return value.astimezone(CHINA).isoformat(timespec="seconds")


_CHAIN_ONLY = (
    "：只校验了链本身，持有数据库所有者或超级用户权限者改写事件并重算整条哈希链，本次校验发现不了"
)


def _checkpoint_problem(tenant_id: str, found: CheckpointsCompared) -> BrokenLink | None:
    failed = found.failed
    if failed is None:
        return None
    n = failed.sequence
    if failed.finding is Finding.INVALID or failed.checkpoint is None:
        return BrokenLink(
            tenant_id,
            n,
            failed.event_id,
            Problem.CHECKPOINT_INVALID,
            f"序号 {n} 的签名检查点无法读取或签名无效（不是受信任的公钥所签），检查点的存放处可能被改动",
        )
    signed = _china(failed.checkpoint.signed_at)
    if failed.finding is Finding.MISSING:
        message = (
            f"{signed} 签名的检查点记录了序号 {n} 的事件，库中已没有这条事件：事件在签名之后被删除"
        )
    else:
        message = f"序号 {n} 的事件哈希与 {signed} 签名的检查点不符：序号 {n} 及之前的事件在签名之后被改写"
    if found.matched is not None:
        m = found.matched.sequence
        message += f"（序号 {m} 处的检查点仍相符，改写在序号 {m + 1} 至 {n} 之间）"
    return BrokenLink(tenant_id, n, failed.event_id, Problem.CHECKPOINT_MISMATCH, message)


def _coverage(found: CheckpointsCompared, last_sequence: int | None) -> CheckpointCoverage:
    matched: Comparison | None = found.matched
    if found.failed is not None:
        message = "与签名检查点不符，见 brokenLink"
    elif matched is None or matched.checkpoint is None:
        message = "本次校验范围内没有签名检查点：范围内的事件尚未由签名担保"
    else:
        message = f"序号 {matched.sequence} 及之前的事件与 {_china(matched.checkpoint.signed_at)} 签名的检查点一致"
        newer = (last_sequence or 0) - matched.sequence
        if newer > 0:
            message += f"；其后 {newer} 条事件尚无签名检查点"
    return CheckpointCoverage(
        configured=True,
        compared=found.compared,
        covered_through=matched.sequence if matched else None,
        signed_at=matched.checkpoint.signed_at if matched and matched.checkpoint else None,
        message=message,
    )


async def _against_checkpoints(
    session: AsyncSession,
    checkpoints: CheckpointSetup | CheckpointsUnavailable | None,
    tenant_id: str,
    row: Any,
    to_present: bool,
) -> tuple[CheckpointCoverage, BrokenLink | None]:
    if not isinstance(checkpoints, CheckpointSetup):
        reason = checkpoints.reason if checkpoints else "未与签名检查点比对"
        return CheckpointCoverage(False, 0, None, None, reason + _CHAIN_ONLY), None
    # The checkpoints of the checked events; up to the present, also any beyond the last event
    # there is (their events are gone). A period without events has nothing to compare.
    if row.first_sequence is not None:
        lowest = row.first_sequence
    elif to_present:
        lowest = (row.tenant_last or 0) + 1
    else:
        lowest = None
    # A year of ten-minute checkpoints is ~50,000 files: listed off the event loop.
    stored = await asyncio.to_thread(checkpoints.store.sequences, tenant_id)
    sequences = [
        s
        for s in stored
        if lowest is not None and s >= lowest and (to_present or s <= row.last_sequence)
    ]
    found = await compare_with_store(session, checkpoints, tenant_id, sequences)
    return _coverage(found, row.last_sequence), _checkpoint_problem(tenant_id, found)


async def verify_chain(
    session: AsyncSession,
    *,
    tenant_id: str,
    occurred_from: datetime | None = None,
    occurred_to: datetime | None = None,
    checkpoints: CheckpointSetup | CheckpointsUnavailable | None = None,
) -> Verification:
    """Check the tenant's events in the period (all when open); no authorization, no record.

    Without `checkpoints` the chain is checked on its own, and the result says so.
    """
    with_head = occurred_to is None
    params: dict[str, Any] = {"tenant": tenant_id}
    if occurred_from is not None:
        params["occurred_from"] = occurred_from
    if occurred_to is not None:
        params["occurred_to"] = occurred_to
    sql = _pass_sql(_period(occurred_from, occurred_to), with_head)
    row = (await session.execute(text(sql), params)).one()
    broken: BrokenLink | None = None
    if row.first_broken is not None:
        broken = await _explain(session, tenant_id, row.first_broken)
        configured = isinstance(checkpoints, CheckpointSetup)
        coverage = CheckpointCoverage(configured, 0, None, None, "链本身已断裂，未与签名检查点比对")
    else:
        coverage, broken = await _against_checkpoints(
            session, checkpoints, tenant_id, row, with_head
        )
        if broken is None and with_head:
            broken = _head_problem(tenant_id, row)
    return Verification(
        tenant_id=tenant_id,
        checked=row.checked,
        first_sequence=row.first_sequence,
        last_sequence=row.last_sequence,
        broken=broken,
        checkpoints=coverage,
    )


async def verify(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant_code: str,
    occurred_from: datetime | None = None,
    occurred_to: datetime | None = None,
    checkpoints: CheckpointSetup | CheckpointsUnavailable,
) -> Verification:
    """An auditor's check of one tenant's chain; the check is recorded after it is made."""
    actor, tenant = await authorized_tenant(session, actor, tenant_code, path=["tenant"])
    result = await verify_chain(
        session,
        tenant_id=tenant.tenant_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        checkpoints=checkpoints,
    )
    # Appended after the check, at the end of the chain: it cannot disturb what was verified.
    await write_event(
        session,
        actor=actor,
        action=AUDIT_VERIFY,
        tenant_id=tenant.tenant_id,
        subject_type="audit_chain",
        subject_id=tenant.tenant_id,
        after={
            "from": occurred_from.isoformat() if occurred_from else None,
            "to": occurred_to.isoformat() if occurred_to else None,
            "checked": result.checked,
            "ok": result.ok,
            "brokenSequence": result.broken.sequence if result.broken else None,
            "checkpointsConfigured": result.checkpoints.configured,
            "checkpointedThrough": result.checkpoints.covered_through,
        },
    )
    return result
