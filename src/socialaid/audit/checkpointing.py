"""Checkpoints and the database: signing each tenant's chain head, comparing a chain with the
checkpoints of it, and signing every few minutes while `socialaid serve` runs.

A new checkpoint is signed only where it continues what was signed before: the tenant's newest
checkpoint must still match its chain. Otherwise the history was rewritten since, and signing
the rewritten head would bless it; the tenant is refused (and auditVerify reports the mismatch).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.audit.checkpoint_setup import CheckpointSetup, CheckpointsUnavailable
from socialaid.audit.checkpoints import (
    CheckpointsCompared,
    CheckpointUnreadableError,
    Comparison,
    Finding,
    compare_checkpoints,
    sign_checkpoint,
    signature_valid,
)
from socialaid.db.database import Database

log = logging.getLogger(__name__)

# The event at a sequence (the chain check has already refused a sequence that repeats).
_EVENT_AT = text(
    "SELECT id, hash FROM audit_event WHERE tenant_id = :tenant AND sequence = :sequence"
    " ORDER BY occurred_at LIMIT 1"
)
# Each tenant's head with the hash and time of the event it names.
_HEADS = text(
    """
SELECT h.tenant_id, h.last_sequence, h.last_hash, e.hash AS event_hash, e.occurred_at
FROM audit_chain_head h
LEFT JOIN LATERAL (
  SELECT hash, occurred_at FROM audit_event
  WHERE tenant_id = h.tenant_id AND sequence = h.last_sequence
  ORDER BY occurred_at LIMIT 1
) e ON true
WHERE h.last_sequence > 0
ORDER BY h.tenant_id
"""
)


FINDING_TEXT = {
    Finding.MATCHES: "matches the chain",
    Finding.DIFFERS: "no longer matches the chain",
    Finding.MISSING: "names an event the chain no longer has",
    Finding.INVALID: "is unreadable or not signed by a trusted key",
}


async def compare_with_store(
    session: AsyncSession, setup: CheckpointSetup, tenant_id: str, sequences: Sequence[int]
) -> CheckpointsCompared:
    """Compare the tenant's chain with its checkpoints at `sequences` (see compare_checkpoints)."""

    async def compare(sequence: int) -> Comparison:
        try:
            checkpoint = setup.store.read(tenant_id, sequence)
        except CheckpointUnreadableError:
            return Comparison(sequence, Finding.INVALID, None)
        if not signature_valid(checkpoint, setup.public_keys):
            return Comparison(sequence, Finding.INVALID, checkpoint)
        row = (
            await session.execute(_EVENT_AT, {"tenant": tenant_id, "sequence": sequence})
        ).first()
        if row is None:
            return Comparison(sequence, Finding.MISSING, checkpoint)
        found = Finding.MATCHES if bytes(row.hash) == checkpoint.hash else Finding.DIFFERS
        return Comparison(sequence, found, checkpoint, event_id=row.id)

    return await compare_checkpoints(sequences, compare)


async def checkpoint_report(
    session: AsyncSession, checkpoints: CheckpointSetup | CheckpointsUnavailable
) -> tuple[list[str], list[str]]:
    """For `socialaid audit check`: per tenant, whether its newest checkpoint still matches its
    chain, as (fine, problems)."""
    if not isinstance(checkpoints, CheckpointSetup):
        return [], [f"audit checkpoints: {checkpoints.reason}"]
    fine, problems = [], []
    for head in (await session.execute(_HEADS)).all():
        tenant_id, sequence = head.tenant_id, head.last_sequence
        sequences = await asyncio.to_thread(checkpoints.store.sequences, tenant_id)
        if not sequences:
            fine.append(f"{tenant_id}: no checkpoint yet ({sequence} events)")
            continue
        found = await compare_with_store(session, checkpoints, tenant_id, sequences[-1:])
        if found.failed is not None:
            problems.append(
                f"{tenant_id}: the checkpoint at {sequences[-1]}"
                f" {FINDING_TEXT[found.failed.finding]}"
            )
        else:
            fine.append(
                f"{tenant_id}: checkpoint at {sequences[-1]} matches"
                f" ({sequence - sequences[-1]} events since)"
            )
    return fine, problems


class Outcome(StrEnum):
    SIGNED = "signed"
    UNCHANGED = "unchanged"  # the head is the newest checkpoint already
    REFUSED = "refused"


@dataclass(frozen=True)
class CheckpointOutcome:
    tenant_id: str
    outcome: Outcome
    sequence: int
    reason: str = ""


async def _refusal(
    session: AsyncSession, setup: CheckpointSetup, tenant_id: str, head_sequence: int
) -> tuple[Outcome, str] | None:
    """Why the tenant's head may not be signed now (or that it is signed already)."""
    sequences = await asyncio.to_thread(setup.store.sequences, tenant_id)
    if not sequences:
        return None
    newest = sequences[-1]
    if newest > head_sequence:
        return Outcome.REFUSED, (
            f"the chain ends at {head_sequence}, before the checkpoint signed at {newest}"
        )
    comparison = (await compare_with_store(session, setup, tenant_id, [newest])).failed
    if comparison is not None:
        return Outcome.REFUSED, (
            f"the checkpoint at {newest} {FINDING_TEXT[comparison.finding]}:"
            " the history was rewritten after it was signed"
        )
    if newest == head_sequence:
        return Outcome.UNCHANGED, ""
    return None


async def write_checkpoints(
    session: AsyncSession, setup: CheckpointSetup, *, signed_at: datetime
) -> list[CheckpointOutcome]:
    """Sign the head of every tenant's chain that moved since its newest checkpoint (run as the
    owner: every tenant's head is read)."""
    signing_key = setup.signing_key
    if signing_key is None:
        raise RuntimeError("this process has no audit checkpoint signing key")
    outcomes = []
    for head in (await session.execute(_HEADS)).all():
        tenant_id, sequence = head.tenant_id, head.last_sequence
        if head.event_hash is None or bytes(head.event_hash) != bytes(head.last_hash):
            outcomes.append(
                CheckpointOutcome(
                    tenant_id,
                    Outcome.REFUSED,
                    sequence,
                    f"the chain head names event {sequence}, which is missing or has another hash",
                )
            )
            continue
        refusal = await _refusal(session, setup, tenant_id, sequence)
        if refusal is not None:
            outcomes.append(CheckpointOutcome(tenant_id, refusal[0], sequence, refusal[1]))
            continue
        checkpoint = sign_checkpoint(
            signing_key,
            tenant_id=tenant_id,
            sequence=sequence,
            hash=bytes(head.last_hash),
            occurred_at=head.occurred_at,
            signed_at=signed_at,
        )
        try:
            # fsync'd: off the event loop of a serving process.
            await asyncio.to_thread(setup.store.write, checkpoint)
        except FileExistsError:
            # Signed by another process in between: the check above holds for that one.
            outcomes.append(CheckpointOutcome(tenant_id, Outcome.UNCHANGED, sequence))
            continue
        outcomes.append(CheckpointOutcome(tenant_id, Outcome.SIGNED, sequence))
    return outcomes


async def checkpoint_now(db: Database, setup: CheckpointSetup) -> list[CheckpointOutcome]:
    async with db.owner_session() as session, session.begin():
        return await write_checkpoints(session, setup, signed_at=datetime.now(UTC))


def log_outcomes(outcomes: Sequence[CheckpointOutcome]) -> None:
    for o in outcomes:
        if o.outcome is Outcome.REFUSED:
            log.error("audit checkpoint of %s refused at %d: %s", o.tenant_id, o.sequence, o.reason)
        elif o.outcome is Outcome.SIGNED:
            log.info("audit checkpoint of %s signed at %d", o.tenant_id, o.sequence)


async def _sign_periodically(db: Database, setup: CheckpointSetup, interval: float) -> None:
    while True:
        try:
            log_outcomes(await checkpoint_now(db, setup))
        except Exception:  # a failed round (database restarting, disk full) is logged, not fatal
            log.exception("audit checkpoints could not be written")
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def signing_while_serving(
    db: Database, setup: CheckpointSetup | None, interval: float
) -> AsyncIterator[None]:
    """Sign checkpoints at start and every `interval` seconds for as long as the block runs,
    when this process holds the signing key (one process: the parent of the workers)."""
    if setup is None or setup.signing_key is None or interval <= 0:
        log.warning(
            "this process signs no audit checkpoints; run `socialaid audit checkpoint`"
            " elsewhere, or auditVerify has nothing recent to compare with"
        )
        yield
        return
    task = asyncio.create_task(_sign_periodically(db, setup, interval))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
