"""Signed checkpoints of the audit chains, kept outside the database (ADR 0010).

A checkpoint says "tenant T's chain had, at sequence N, the hash H" and is signed with an
Ed25519 key the database never sees. Whoever can rewrite the database (its owner, a superuser)
can recompute every SHA-256 link and the chain head, but not a signature: once an event is
covered by a checkpoint, rewriting it changes the hash at the checkpointed sequence, and
`auditVerify` finds the difference.

This module is the record, its signature and the choice of which checkpoints to compare; files
are `checkpoint_store`, keys and settings `checkpoint_setup`, the database `checkpointing`.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from socialaid.canonical_json import canonical_json

FORMAT_VERSION = 1
# Domain separation: these bytes sign checkpoints of this application and nothing else.
_SIGNED_PREFIX = b"socialaid audit checkpoint\n"


class CheckpointUnreadableError(ValueError):
    """A checkpoint file that is not a checkpoint (truncated, edited, another format)."""


@dataclass(frozen=True)
class Checkpoint:
    tenant_id: str
    sequence: int
    hash: bytes
    occurred_at: datetime  # the time of the event at `sequence`
    signed_at: datetime
    key_id: str
    signature: bytes

    def signed_fields(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "tenant": self.tenant_id,
            "sequence": self.sequence,
            "hash": self.hash.hex(),
            "occurredAt": _utc_text(self.occurred_at),
            "signedAt": _utc_text(self.signed_at),
            "keyId": self.key_id,
        }

    def signed_bytes(self) -> bytes:
        return _SIGNED_PREFIX + canonical_json(self.signed_fields()).encode("utf-8")

    def as_json(self) -> dict[str, Any]:
        return {**self.signed_fields(), "signature": base64.b64encode(self.signature).decode()}

    @classmethod
    def from_json(cls, value: Any) -> Checkpoint:
        try:
            if value["version"] != FORMAT_VERSION:
                raise CheckpointUnreadableError(f"unknown checkpoint version {value['version']!r}")
            return cls(
                tenant_id=str(value["tenant"]),
                sequence=int(value["sequence"]),
                hash=bytes.fromhex(value["hash"]),
                occurred_at=datetime.fromisoformat(value["occurredAt"]),
                signed_at=datetime.fromisoformat(value["signedAt"]),
                key_id=str(value["keyId"]),
                signature=base64.b64decode(value["signature"], validate=True),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CheckpointUnreadableError(f"not a checkpoint: {exc}") from exc


def _utc_text(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def key_id(public_key: Ed25519PublicKey) -> str:
    """Names the key a checkpoint was signed with, so an old key can still be told apart after a
    new one is in use."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign_checkpoint(
    private_key: Ed25519PrivateKey,
    *,
    tenant_id: str,
    sequence: int,
    hash: bytes,
    occurred_at: datetime,
    signed_at: datetime,
) -> Checkpoint:
    unsigned = Checkpoint(
        tenant_id=tenant_id,
        sequence=sequence,
        hash=hash,
        occurred_at=occurred_at,
        signed_at=signed_at,
        key_id=key_id(private_key.public_key()),
        signature=b"",
    )
    return Checkpoint(
        **{**unsigned.__dict__, "signature": private_key.sign(unsigned.signed_bytes())}
    )


def signature_valid(checkpoint: Checkpoint, public_keys: Mapping[str, Ed25519PublicKey]) -> bool:
    """Signed by one of the trusted keys (by key id), over exactly these fields."""
    public_key = public_keys.get(checkpoint.key_id)
    if public_key is None:
        return False
    try:
        public_key.verify(checkpoint.signature, checkpoint.signed_bytes())
    except InvalidSignature:
        return False
    return True


class Finding(Enum):
    MATCHES = "matches"  # the chain has the signed hash at the checkpointed sequence
    DIFFERS = "differs"  # it has another hash there
    MISSING = "missing"  # it has no event there
    INVALID = "invalid"  # the checkpoint is unreadable or not signed by a trusted key


@dataclass(frozen=True)
class Comparison:
    sequence: int
    finding: Finding
    checkpoint: Checkpoint | None  # None when unreadable
    event_id: int | None = None  # the event at `sequence`, when there is one


@dataclass(frozen=True)
class CheckpointsCompared:
    """What comparing a chain with its checkpoints found: the last checkpoint that matched (all
    events up to it are as signed) and the first that did not, if any."""

    compared: int
    matched: Comparison | None
    failed: Comparison | None


async def compare_checkpoints(
    sequences: Sequence[int], compare: Callable[[int], Awaitable[Comparison]]
) -> CheckpointsCompared:
    """Compare the checkpoints at `sequences` (ascending) with a chain whose links verify.

    The hash at a sequence commits to every event up to it, so on a chain whose links hold, a
    checkpoint that matches vouches for all earlier ones, and once one fails every later one
    fails too. The newest is compared first (the usual answer, "all match", takes one
    comparison); on a failure a binary search finds the first that fails, in log2(n) more.
    A checkpoint that is not validly signed is reported as soon as it is met.
    """
    if not sequences:
        return CheckpointsCompared(0, None, None)
    compared = 1
    newest = await compare(sequences[-1])
    if newest.finding is Finding.MATCHES:
        return CheckpointsCompared(compared, newest, None)
    if newest.finding is Finding.INVALID:
        return CheckpointsCompared(compared, None, newest)
    failed, matched = newest, None
    low, high = 0, len(sequences) - 1  # sequences[high] fails
    while low < high:
        middle = (low + high) // 2
        found = await compare(sequences[middle])
        compared += 1
        if found.finding is Finding.INVALID:
            return CheckpointsCompared(compared, matched, found)
        if found.finding is Finding.MATCHES:
            matched, low = found, middle + 1
        else:
            failed, high = found, middle
    return CheckpointsCompared(compared, matched, failed)
