"""The global ids the needs assessment's fields read and write (kernel/global_id.py)."""

from __future__ import annotations

import uuid

from socialaid.errors import DomainError
from socialaid.kernel.global_id import decode_global_id, encode_global_id

TYPE_NAME = "NeedsAssessment"


def assessment_global_id(tenant_id: str, key: uuid.UUID) -> str:
    return encode_global_id(TYPE_NAME, tenant_id, str(key))


def parse_assessment_id(value: str, path: list[str]) -> tuple[str, uuid.UUID]:
    """(tenant, key) of a NeedsAssessment id; INVALID_INPUT at `path` for anything else."""
    decoded = decode_global_id(value)
    if decoded is not None and decoded.type_name == TYPE_NAME and len(decoded.parts) == 2:
        try:
            return decoded.parts[0], uuid.UUID(decoded.parts[1])
        except ValueError:
            pass
    raise DomainError("不是需求评估的 id", path=path)


def parse_application_id(value: str, path: list[str]) -> uuid.UUID:
    """The key of an Application id (or of a raw application key)."""
    decoded = decode_global_id(value)
    raw = decoded.parts[-1] if decoded is not None and decoded.type_name == "Application" else value
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise DomainError("不是申请的 id", path=path) from None
