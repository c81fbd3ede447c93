"""From settings to what checkpoints need: the store, the trusted public keys, the signing key.

In dev the signing key is generated once into the data dir (like the secret) and the public key
is derived from it; production names the files (`config.audit_checkpoint_problems`).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from socialaid.audit.checkpoint_store import CheckpointStore
from socialaid.audit.checkpoints import key_id
from socialaid.config import ConfigurationError, Settings

DEV_KEY_FILE = "audit-checkpoint-key.pem"
DEV_DIRECTORY = "audit-checkpoints"
_PEM_PUBLIC_KEY = re.compile(rb"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.DOTALL)


@dataclass(frozen=True)
class CheckpointSetup:
    store: CheckpointStore
    # Every key a checkpoint may be signed with, by key id (old keys stay after a rotation).
    public_keys: dict[str, Ed25519PublicKey]
    # Only where this process signs.
    signing_key: Ed25519PrivateKey | None


def generate_key_file(path: Path) -> Ed25519PrivateKey:
    """A new Ed25519 key in PEM (PKCS#8), readable by its owner only."""
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return key


def public_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigurationError(f"cannot read {path}: {exc.strerror}") from exc


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = load_pem_private_key(_read(path), password=None)
    except ValueError as exc:
        raise ConfigurationError(f"{path} does not hold a PEM private key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(f"{path} does not hold an Ed25519 private key")
    return key


def load_public_keys(path: Path) -> dict[str, Ed25519PublicKey]:
    """Every PEM public key in the file (the current one and those it replaced)."""
    keys: dict[str, Ed25519PublicKey] = {}
    for block in _PEM_PUBLIC_KEY.findall(_read(path)):
        try:
            key = load_pem_public_key(block)
        except ValueError as exc:
            raise ConfigurationError(f"{path} holds a public key that cannot be read") from exc
        if not isinstance(key, Ed25519PublicKey):
            raise ConfigurationError(f"{path} holds a public key that is not Ed25519")
        keys[key_id(key)] = key
    if not keys:
        raise ConfigurationError(f"{path} holds no PEM public key")
    return keys


def checkpoint_setup(settings: Settings) -> CheckpointSetup | None:
    """None when checkpoints are turned off; ConfigurationError when they cannot work."""
    if not settings.audit_checkpoints:
        return None
    directory = settings.audit_checkpoint_dir
    key_file = settings.audit_checkpoint_key_file
    if not settings.is_production:
        directory = directory or settings.data_dir / DEV_DIRECTORY
        if key_file is None and settings.audit_checkpoint_public_key_file is None:
            key_file = settings.data_dir / DEV_KEY_FILE
            if not key_file.exists():
                # Another process starting at the same moment may win; its key is the key.
                with contextlib.suppress(FileExistsError):
                    generate_key_file(key_file)
    if directory is None:
        raise ConfigurationError("SOCIALAID_AUDIT_CHECKPOINT_DIR must be set in production")
    signing_key = load_signing_key(key_file) if key_file is not None else None
    if settings.audit_checkpoint_public_key_file is not None:
        public_keys = load_public_keys(settings.audit_checkpoint_public_key_file)
    elif signing_key is not None:
        public_keys = {key_id(signing_key.public_key()): signing_key.public_key()}
    else:
        raise ConfigurationError(
            "SOCIALAID_AUDIT_CHECKPOINT_PUBLIC_KEY_FILE must be set: nothing to verify with"
        )
    if signing_key is not None and key_id(signing_key.public_key()) not in public_keys:
        raise ConfigurationError(
            "the audit checkpoint signing key's public key is not among the trusted public keys"
        )
    return CheckpointSetup(CheckpointStore(directory), public_keys, signing_key)


@dataclass(frozen=True)
class CheckpointsUnavailable:
    """Why a verification has no checkpoints to compare with (in Chinese, for the auditor)."""

    reason: str


def checkpoints_for_verification(settings: Settings) -> CheckpointSetup | CheckpointsUnavailable:
    try:
        setup = checkpoint_setup(settings)
    except ConfigurationError as exc:
        return CheckpointsUnavailable(f"签名检查点的配置有误（{exc}）")
    if setup is None:
        return CheckpointsUnavailable("未启用签名检查点（SOCIALAID_AUDIT_CHECKPOINTS=false）")
    return setup
