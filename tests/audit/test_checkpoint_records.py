"""Checkpoint records, files, keys and settings, without a database."""

from __future__ import annotations

import json
import stat
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from socialaid.audit.checkpoint_setup import (
    DEV_KEY_FILE,
    checkpoint_setup,
    checkpoints_for_verification,
    generate_key_file,
    public_key_pem,
)
from socialaid.audit.checkpoint_store import CheckpointStore
from socialaid.audit.checkpoints import (
    Checkpoint,
    CheckpointUnreadableError,
    Comparison,
    Finding,
    compare_checkpoints,
    key_id,
    sign_checkpoint,
    signature_valid,
)
from socialaid.cli import app
from socialaid.config import ConfigurationError, Settings, audit_checkpoint_problems

KEY = Ed25519PrivateKey.generate()
TRUSTED = {key_id(KEY.public_key()): KEY.public_key()}


def signed(sequence: int = 7, tenant: str = "310105", key: Ed25519PrivateKey = KEY) -> Checkpoint:
    return sign_checkpoint(
        key,
        tenant_id=tenant,
        sequence=sequence,
        hash=bytes(range(32)),
        occurred_at=datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC),
        signed_at=datetime(2026, 3, 4, 6, 0, tzinfo=UTC),
    )


def test_a_checkpoint_is_valid_as_signed_and_in_no_other_form() -> None:
    checkpoint = signed()
    assert signature_valid(checkpoint, TRUSTED)
    assert signature_valid(
        Checkpoint.from_json(json.loads(json.dumps(checkpoint.as_json()))), TRUSTED
    )
    for changed in (
        {"sequence": 8},
        {"tenant_id": "310000"},
        {"hash": bytes(32)},
        {"occurred_at": datetime(2026, 3, 4, 5, 6, 8, tzinfo=UTC)},
        {"signed_at": datetime(2026, 3, 5, tzinfo=UTC)},
    ):
        assert not signature_valid(Checkpoint(**{**checkpoint.__dict__, **changed}), TRUSTED)
    # Signed with a key that is not trusted, or claiming a trusted key's id.
    stranger = Ed25519PrivateKey.generate()
    assert not signature_valid(signed(key=stranger), TRUSTED)
    forged = Checkpoint(**{**signed(key=stranger).__dict__, "key_id": checkpoint.key_id})
    assert not signature_valid(forged, TRUSTED)


def test_what_is_not_a_checkpoint_is_unreadable() -> None:
    good = signed().as_json()
    for bad in ({**good, "version": 2}, {**good, "hash": "zz"}, {"tenant": "310105"}, [1]):
        with pytest.raises(CheckpointUnreadableError):
            Checkpoint.from_json(bad)


def chain_rewritten_from(
    first_changed: int | None, *, invalid: int | None = None, missing_from: int | None = None
) -> tuple[Callable[[int], Awaitable[Comparison]], list[int]]:
    """A chain whose checkpoints match before `first_changed` and differ from it on."""
    asked: list[int] = []

    async def compare(sequence: int) -> Comparison:
        asked.append(sequence)
        if sequence == invalid:
            return Comparison(sequence, Finding.INVALID, None)
        if missing_from is not None and sequence >= missing_from:
            return Comparison(sequence, Finding.MISSING, signed(sequence))
        if first_changed is not None and sequence >= first_changed:
            return Comparison(sequence, Finding.DIFFERS, signed(sequence))
        return Comparison(sequence, Finding.MATCHES, signed(sequence))

    return compare, asked


CHECKPOINTED = [10 * n for n in range(1, 65)]  # 10, 20, …, 640


async def test_when_the_newest_checkpoint_matches_it_is_the_only_one_compared() -> None:
    compare, asked = chain_rewritten_from(None)
    found = await compare_checkpoints(CHECKPOINTED, compare)
    assert (found.compared, asked, found.failed) == (1, [640], None)
    assert found.matched is not None and found.matched.sequence == 640


@pytest.mark.parametrize(("changed", "first_failing"), [(5, 10), (10, 10), (333, 340), (631, 640)])
async def test_a_rewrite_is_placed_between_two_checkpoints_in_a_few_comparisons(
    changed: int, first_failing: int
) -> None:
    compare, asked = chain_rewritten_from(changed)
    found = await compare_checkpoints(CHECKPOINTED, compare)
    assert found.failed is not None and found.failed.sequence == first_failing
    assert found.failed.finding is Finding.DIFFERS
    last_matching = first_failing - 10 if first_failing > 10 else None
    assert (found.matched.sequence if found.matched else None) == last_matching
    assert len(asked) == found.compared <= 1 + 6  # the newest, then log2(64)


async def test_checkpoints_beyond_the_chain_and_unsigned_ones_are_reported() -> None:
    compare, _ = chain_rewritten_from(None, missing_from=500)
    found = await compare_checkpoints(CHECKPOINTED, compare)
    assert found.failed is not None and (found.failed.sequence, found.failed.finding) == (
        500,
        Finding.MISSING,
    )
    compare, _ = chain_rewritten_from(None, invalid=640)
    found = await compare_checkpoints(CHECKPOINTED, compare)
    assert found.failed is not None and found.failed.finding is Finding.INVALID
    assert (await compare_checkpoints([], compare)).compared == 0


def test_the_store_writes_each_checkpoint_once_and_lists_them_in_order(tmp_path: Path) -> None:
    store = CheckpointStore(tmp_path)
    for sequence in (20, 3, 100):
        store.write(signed(sequence))
    assert store.sequences("310105") == [3, 20, 100]
    assert store.sequences("310000") == []
    assert store.read("310105", 20) == signed(20)
    with pytest.raises(FileExistsError):
        store.write(signed(20))
    # A file holding another sequence's checkpoint, or not a checkpoint at all.
    store.path("310105", 4).write_bytes(store.path("310105", 3).read_bytes())
    with pytest.raises(CheckpointUnreadableError, match="another sequence"):
        store.read("310105", 4)
    store.path("310105", 5).write_text("{not json")
    with pytest.raises(CheckpointUnreadableError):
        store.read("310105", 5)
    assert store.sequences("310105") == [3, 4, 5, 20, 100]
    # No temporary file is left behind.
    assert [p.name for p in (tmp_path / "310105").iterdir() if p.name.startswith(".")] == []
    with pytest.raises(ValueError, match="not a tenant code"):
        store.sequences("../etc")


def test_dev_generates_a_signing_key_once_in_the_data_dir(tmp_path: Path) -> None:
    first = checkpoint_setup(Settings(data_dir=tmp_path))
    second = checkpoint_setup(Settings(data_dir=tmp_path))
    assert first is not None and second is not None and first.signing_key is not None
    assert first.public_keys.keys() == second.public_keys.keys()
    assert stat.S_IMODE((tmp_path / DEV_KEY_FILE).stat().st_mode) == 0o600
    assert first.store.directory == tmp_path / "audit-checkpoints"


def test_old_public_keys_stay_trusted_and_the_signing_key_must_be_one_of_them(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "old.pem", tmp_path / "new.pem"
    old_key, new_key = generate_key_file(old), generate_key_file(new)
    public = tmp_path / "public.pem"
    public.write_bytes(public_key_pem(old_key) + public_key_pem(new_key))
    setup = checkpoint_setup(
        Settings(
            data_dir=tmp_path,
            audit_checkpoint_key_file=new,
            audit_checkpoint_public_key_file=public,
        )
    )
    assert setup is not None
    assert set(setup.public_keys) == {key_id(old_key.public_key()), key_id(new_key.public_key())}
    public.write_bytes(public_key_pem(old_key))
    with pytest.raises(ConfigurationError, match="not among the trusted public keys"):
        checkpoint_setup(
            Settings(
                data_dir=tmp_path,
                audit_checkpoint_key_file=new,
                audit_checkpoint_public_key_file=public,
            )
        )


def test_a_verifier_is_told_why_there_are_no_checkpoints(tmp_path: Path) -> None:
    off = checkpoints_for_verification(Settings(data_dir=tmp_path, audit_checkpoints=False))
    assert getattr(off, "reason", None) == "未启用签名检查点（SOCIALAID_AUDIT_CHECKPOINTS=false）"
    broken = checkpoints_for_verification(
        Settings(data_dir=tmp_path, audit_checkpoint_public_key_file=tmp_path / "absent.pem")
    )
    assert "签名检查点的配置有误" in getattr(broken, "reason", "")


def production(**values: object) -> Settings:
    return Settings(env="production", secret="s" * 40, **values)  # type: ignore[arg-type]


def test_production_names_every_checkpoint_setting_it_lacks(tmp_path: Path) -> None:
    assert audit_checkpoint_problems(production()) == [
        "SOCIALAID_AUDIT_CHECKPOINT_DIR must be set in production",
        "SOCIALAID_AUDIT_CHECKPOINT_PUBLIC_KEY_FILE must be set in production",
        "SOCIALAID_AUDIT_CHECKPOINT_KEY_FILE must be set in production, or"
        " SOCIALAID_AUDIT_CHECKPOINT_INTERVAL=0 with checkpoints signed elsewhere"
        " (`socialaid audit checkpoint`)",
    ]
    assert audit_checkpoint_problems(production(audit_checkpoints=False)) == [
        "SOCIALAID_AUDIT_CHECKPOINTS may not be false in production"
    ]
    key = tmp_path / "key.pem"
    public = tmp_path / "public.pem"
    public.write_bytes(public_key_pem(generate_key_file(key)))
    complete = production(
        audit_checkpoint_dir=tmp_path / "store",
        audit_checkpoint_key_file=key,
        audit_checkpoint_public_key_file=public,
    )
    assert audit_checkpoint_problems(complete) == []
    verify_only = production(
        audit_checkpoint_dir=tmp_path / "store",
        audit_checkpoint_public_key_file=public,
        audit_checkpoint_interval=0,
    )
    assert audit_checkpoint_problems(verify_only) == []
    setup = checkpoint_setup(verify_only)
    assert setup is not None and setup.signing_key is None and len(setup.public_keys) == 1
    missing = production(
        audit_checkpoint_dir=tmp_path / "store",
        audit_checkpoint_key_file=tmp_path / "absent.pem",
        audit_checkpoint_public_key_file=public,
    )
    assert audit_checkpoint_problems(missing) == [
        f"SOCIALAID_AUDIT_CHECKPOINT_KEY_FILE names {tmp_path / 'absent.pem'}, which is not a file"
    ]


def test_production_refuses_to_serve_without_its_checkpoint_settings(tmp_path: Path) -> None:
    env = {
        "SOCIALAID_ENV": "production",
        "SOCIALAID_SECRET": "s" * 40,
        "SOCIALAID_DATA_DIR": str(tmp_path),
    }
    result = CliRunner().invoke(app, ["serve"], env=env)
    assert result.exit_code == 1
    assert "error: SOCIALAID_AUDIT_CHECKPOINT_DIR must be set in production" in result.output
    assert not (tmp_path / "pg").exists()  # refused before any database was started
