"""The verification code printed on a document: an HMAC of what the document certifies.

A clerk handed a paper form or notice asks the API for the code of the record as it stands now
(`GET /print/…/verify?code=…`); equal codes mean the paper says what the record says. The code
covers the stored, unmasked content (not the printed text, which differs by reader), so every
print of one record carries the same code, and it changes when the record changes. Pure.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Mapping
from typing import Any

from socialaid.canonical_json import canonical_json

# 100 bits, in five groups of four: short enough to type from paper, too long to guess.
CODE_CHARS = 20
# A purpose prefix: no other HMAC of the signing key (tokens, audit filters) yields these bytes.
_PURPOSE = b"socialaid.print.v1\x00"
# Crockford's base32: no I, L, O or U, which are misread on paper.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_MISREAD = str.maketrans("OIL", "011")


def verification_code(signing_key: str, kind: str, content: Mapping[str, Any]) -> str:
    """`kind` (application | notice) and the content, signed: e.g. 4F2K-9QXA-…"""
    message = _PURPOSE + canonical_json({"kind": kind, "content": content}).encode("utf-8")
    digest = hmac.new(signing_key.encode("utf-8"), message, hashlib.sha256).digest()
    number = int.from_bytes(digest[:13], "big")  # 104 bits; the low 100 are used
    chars = "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(CODE_CHARS)))
    return "-".join(chars[i : i + 4] for i in range(0, CODE_CHARS, 4))


def normalised_code(typed: str) -> str:
    """What a clerk typed, as codes are printed: upper case, O read as 0, I and L as 1."""
    # NFKC reads a full-width Ａ or ０ (a Chinese input method's) as A or 0; anything else outside
    # ASCII cannot be on the paper, and compare_digest would refuse it with a TypeError.
    folded = unicodedata.normalize("NFKC", typed).upper()
    plain = "".join(c for c in folded if c.isascii() and c.isalnum())
    plain = plain.translate(_MISREAD)
    return "-".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def code_matches(expected: str, typed: str) -> bool:
    return hmac.compare_digest(expected, normalised_code(typed))
