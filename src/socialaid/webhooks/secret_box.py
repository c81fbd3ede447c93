"""Subscription secrets: made here, shown once, kept encrypted (AES-256-GCM).

HMAC signing needs the secret itself, so it cannot be stored as a hash. It is encrypted under a
key derived (HKDF-SHA256) from SOCIALAID_SECRET, which never enters the database: a copy of the
database or a backup holds no usable secret. The subscription's id is the associated data, so a
ciphertext copied onto another subscription does not decrypt.
"""

from __future__ import annotations

import os
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _key(signing_key: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"socialaid webhook secrets v1"
    ).derive(signing_key.encode("utf-8"))


def seal(signing_key: str, subscription_id: str, secret: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(_key(signing_key)).encrypt(
        nonce, secret.encode("utf-8"), subscription_id.encode()
    )
    return nonce + sealed


def unseal(signing_key: str, subscription_id: str, sealed: bytes) -> str:
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    plain = AESGCM(_key(signing_key)).decrypt(nonce, ciphertext, subscription_id.encode())
    return plain.decode("utf-8")
