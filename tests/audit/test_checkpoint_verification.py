"""A rewrite whose hashes were all recomputed passes the chain check, but not the signed
checkpoints kept outside the database: auditVerify, asked over HTTP by an auditor, names it.

The attacker here has the owner's or a superuser's power: triggers off, any row rewritten, the
digest function to recompute every later hash and link, the chain head set to match. They do
not have the checkpoint signing key.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text
from typer.testing import CliRunner, Result

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.audit import ddl
from socialaid.audit.checkpoint_setup import checkpoint_setup
from socialaid.audit.checkpointing import Outcome, checkpoint_now, signing_while_serving
from socialaid.audit.checkpoints import sign_checkpoint
from socialaid.audit.verification import verify_chain
from socialaid.cli import app
from socialaid.config import Settings
from socialaid.db.database import Database
from tests.audit.history import add_event, tamper
from tests.conftest import TEST_SECRET, test_settings
from tests.eventually import eventually

VERIFY = """query($from: DateTime, $to: DateTime) {
  auditVerify(tenant: "310105", from: $from, to: $to) {
    ok checked lastSequence
    brokenLink { sequence eventId problem message }
    checkpoints { configured compared coveredThrough signedAt message }
} }"""


def rewrite(sequence: int) -> str:
    """Event `sequence` gets new content; every later hash and link, and the head, are
    recomputed (a DO block takes no parameters: the number is written in)."""
    return f"""
DO $$
DECLARE
  previous bytea;
  later record;
BEGIN
  UPDATE audit_event SET after = '{{"status": "forged"}}'
    WHERE tenant_id = '310105' AND sequence = {sequence:d};
  SELECT hash INTO previous FROM audit_event
    WHERE tenant_id = '310105' AND sequence = {sequence - 1:d};
  FOR later IN SELECT sequence FROM audit_event
               WHERE tenant_id = '310105' AND sequence >= {sequence:d} ORDER BY sequence LOOP
    UPDATE audit_event e SET previous_hash = previous
      WHERE tenant_id = '310105' AND sequence = later.sequence;
    UPDATE audit_event e SET hash = {ddl.digest_call("e")}
      WHERE tenant_id = '310105' AND sequence = later.sequence
      RETURNING hash INTO previous;
  END LOOP;
  UPDATE audit_chain_head SET last_hash = previous WHERE tenant_id = '310105';
END $$
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Dev checkpoints: a key generated in the data dir, a directory of this test's own."""
    return test_settings(data_dir=tmp_path, audit_checkpoint_dir=tmp_path / "checkpoints")


async def verify(db: Database, settings: Settings, **period: str) -> dict[str, Any]:
    """auditVerify over HTTP, as an auditor of Shanghai holding a real token."""
    token = mint_token(settings, user="auditor-sh", tenant="310000", roles=[Role.AUDITOR])
    transport = httpx.ASGITransport(app=create_app(db, settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post(
            "/graphql",
            json={"query": VERIFY, "variables": period},
            headers={"Authorization": f"Bearer {token}"},
        )
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["auditVerify"])


def audit_command(db: Database, settings: Settings, command: str) -> Result:
    """`socialaid audit <command>` with these settings, as an operator (or cron) runs it."""
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    env = {
        "DATABASE_URL": url,
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DATA_DIR": str(settings.data_dir),
        "SOCIALAID_AUDIT_CHECKPOINT_DIR": str(settings.audit_checkpoint_dir),
    }
    return CliRunner().invoke(app, ["audit", command], env=env)


def checkpoint_command(db: Database, settings: Settings) -> Result:
    return audit_command(db, settings, "checkpoint")


async def events(db: Database, days: range) -> None:
    for day in days:
        await add_event(
            db,
            tenant="310105",
            application="app-1",
            at=datetime(2026, 3, day, tzinfo=UTC),
            after={"status": f"step-{day}"},
        )


async def signed_at_3_and_5(db: Database, settings: Settings) -> None:
    """Events 1–3, a checkpoint, events 4–5, a checkpoint (by the command line, as cron would)."""
    await events(db, range(1, 4))
    first = await asyncio.to_thread(checkpoint_command, db, settings)
    assert (first.exit_code, first.output) == (0, "signed 310105 at 3\n")
    await events(db, range(4, 6))
    second = await asyncio.to_thread(checkpoint_command, db, settings)
    assert (second.exit_code, second.output) == (0, "signed 310105 at 5\n")


async def test_an_untouched_chain_is_vouched_for_by_its_newest_checkpoint(
    db: Database, settings: Settings
) -> None:
    await signed_at_3_and_5(db, settings)
    result = await verify(db, settings)
    assert (result["ok"], result["brokenLink"], result["lastSequence"]) == (True, None, 5)
    coverage = result["checkpoints"]
    assert (coverage["configured"], coverage["compared"], coverage["coveredThrough"]) == (
        True,
        1,
        5,
    )
    assert (
        coverage["message"].startswith("序号 5 及之前的事件与")
        and "签名的检查点一致" in coverage["message"]
    )
    # Nothing moved but the record of that check: the next run signs just that.
    again = await asyncio.to_thread(checkpoint_command, db, settings)
    assert again.output == "signed 310105 at 6\n"
    unchanged = await asyncio.to_thread(checkpoint_command, db, settings)
    assert unchanged.output == "unchanged 310105 at 6\n"
    check = await asyncio.to_thread(audit_command, db, settings, "check")
    assert check.exit_code == 0
    assert "310105: checkpoint at 6 matches (0 events since)" in check.output


@pytest.mark.parametrize(("rewritten", "failing", "still_matching"), [(2, 3, None), (4, 5, 3)])
async def test_a_rewrite_with_every_hash_recomputed_is_found_at_the_next_checkpoint(
    db: Database,
    settings: Settings,
    rewritten: int,
    failing: int,
    still_matching: int | None,
) -> None:
    await signed_at_3_and_5(db, settings)
    await tamper(db, rewrite(rewritten), {})
    # The chain alone cannot tell: every digest, link and the head agree.
    async with db.owner_session() as session:
        assert (await verify_chain(session, tenant_id="310105")).ok

    result = await verify(db, settings)
    assert result["ok"] is False
    broken = result["brokenLink"]
    assert (broken["sequence"], broken["problem"]) == (failing, "CHECKPOINT_MISMATCH")
    assert broken["eventId"] is not None
    assert f"序号 {failing} 的事件哈希与" in broken["message"]
    if still_matching is not None:
        assert (
            f"序号 {still_matching} 处的检查点仍相符，改写在序号 {rewritten} 至 {failing} 之间"
            in broken["message"]
        )
    assert result["checkpoints"]["coveredThrough"] == still_matching
    # Nor will the rewritten head be signed, and the operator's check reports it.
    refused = await asyncio.to_thread(checkpoint_command, db, settings)
    assert refused.exit_code == 1
    assert "refused 310105" in refused.output and "rewritten after it was signed" in refused.output
    check = await asyncio.to_thread(audit_command, db, settings, "check")
    assert check.exit_code == 1
    assert "problem: 310105: the checkpoint at 5 no longer matches the chain" in check.output


async def test_events_deleted_from_the_end_with_the_head_moved_back_are_found(
    db: Database, settings: Settings
) -> None:
    await signed_at_3_and_5(db, settings)
    await tamper(db, "DELETE FROM audit_event WHERE tenant_id = '310105' AND sequence > 3", {})
    await tamper(
        db,
        "UPDATE audit_chain_head h SET last_sequence = 3, last_hash = e.hash"
        " FROM audit_event e WHERE e.tenant_id = '310105' AND e.sequence = 3"
        " AND h.tenant_id = '310105'",
        {},
    )
    async with db.owner_session() as session:
        assert (await verify_chain(session, tenant_id="310105")).ok
    broken = (await verify(db, settings))["brokenLink"]
    assert (broken["sequence"], broken["problem"]) == (5, "CHECKPOINT_MISMATCH")
    assert "库中已没有这条事件" in broken["message"]


async def test_a_checkpoint_signed_with_another_key_is_not_trusted(
    db: Database, settings: Settings
) -> None:
    await signed_at_3_and_5(db, settings)
    await tamper(db, rewrite(4), {})
    # The attacker replaces the checkpoint at 5 with one of their own for the forged chain.
    setup = checkpoint_setup(settings)
    assert setup is not None
    path = setup.store.path("310105", 5)
    original = json.loads(path.read_text())
    async with db.owner_session() as session:
        forged_hash = await session.scalar(
            text("SELECT last_hash FROM audit_chain_head WHERE tenant_id = '310105'")
        )
    forged = sign_checkpoint(
        Ed25519PrivateKey.generate(),
        tenant_id="310105",
        sequence=5,
        hash=bytes(forged_hash),
        occurred_at=datetime.fromisoformat(original["occurredAt"]),
        signed_at=datetime.fromisoformat(original["signedAt"]),
    )
    path.write_text(json.dumps(forged.as_json()))
    broken = (await verify(db, settings))["brokenLink"]
    assert (broken["sequence"], broken["problem"]) == (5, "CHECKPOINT_INVALID")


async def test_a_period_is_compared_with_the_checkpoints_inside_it(
    db: Database, settings: Settings
) -> None:
    await signed_at_3_and_5(db, settings)
    inside = await verify(
        db, settings, **{"from": "2026-03-02T00:00:00Z", "to": "2026-03-04T00:00:00Z"}
    )
    assert (inside["ok"], inside["checkpoints"]["coveredThrough"]) == (True, 3)
    before = await verify(
        db, settings, **{"from": "2026-03-01T00:00:00Z", "to": "2026-03-03T00:00:00Z"}
    )
    assert (before["ok"], before["checkpoints"]["compared"]) == (True, 0)
    assert before["checkpoints"]["message"].startswith("本次校验范围内没有签名检查点")


async def test_without_checkpoints_the_answer_says_the_chain_was_checked_alone(
    db: Database, tmp_path: Path
) -> None:
    await events(db, range(1, 4))
    result = await verify(db, test_settings(data_dir=tmp_path, audit_checkpoints=False))
    assert result["ok"] is True
    assert result["checkpoints"] == {
        "configured": False,
        "compared": 0,
        "coveredThrough": None,
        "signedAt": None,
        "message": "未启用签名检查点（SOCIALAID_AUDIT_CHECKPOINTS=false）："
        "只校验了链本身，持有数据库所有者或超级用户权限者改写事件并重算整条哈希链，本次校验发现不了",
    }


async def test_the_serving_process_signs_at_start_and_then_every_interval(
    db: Database, settings: Settings
) -> None:
    await events(db, range(1, 3))
    setup = checkpoint_setup(settings)
    assert setup is not None
    async with signing_while_serving(db, setup, interval=0.2):
        await eventually(lambda: setup.store.sequences("310105") == [2], "the checkpoint at start")
        await events(db, range(3, 4))
        await eventually(
            lambda: setup.store.sequences("310105") == [2, 3], "the checkpoint an interval later"
        )
    assert setup.store.sequences("310105") == [2, 3]
    outcomes = await checkpoint_now(db, setup)
    assert [(o.tenant_id, o.outcome, o.sequence) for o in outcomes] == [
        ("310105", Outcome.UNCHANGED, 3)
    ]
