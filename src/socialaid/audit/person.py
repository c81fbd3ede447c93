"""A stable, non-reversible key for a person in the audit store, so histories can be found by
ID number without the store holding ID numbers in the clear."""

from __future__ import annotations

import hashlib
import hmac


def person_key(signing_key: str, id_number: str) -> str:
    normalised = id_number.strip().upper()
    return hmac.new(
        signing_key.encode(), b"person:" + normalised.encode(), hashlib.sha256
    ).hexdigest()
