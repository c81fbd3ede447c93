"""The hook point for a virus scanner: every completed upload passes through the configured one.

`SOCIALAID_UPLOAD_SCANNER=package.module:scanner` names an object with
`async scan(data: bytes) -> str | None` (the threat found, or None); unset, nothing is scanned.
A scanner that fails (raises) refuses the upload rather than letting it through unscanned.
"""

from __future__ import annotations

import importlib
from typing import Protocol


class VirusScanner(Protocol):
    async def scan(self, data: bytes) -> str | None: ...


class NoScanner:
    """The default: scanning is left to the deployment (an ICAP gateway, the store's own)."""

    async def scan(self, data: bytes) -> str | None:
        return None


def load_scanner(reference: str | None) -> VirusScanner:
    if not reference:
        return NoScanner()
    module_name, _, attribute = reference.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"SOCIALAID_UPLOAD_SCANNER={reference!r}: expected module:attribute")
    found = getattr(importlib.import_module(module_name), attribute)
    scanner = found() if isinstance(found, type) else found
    if not callable(getattr(scanner, "scan", None)):
        raise ValueError(f"SOCIALAID_UPLOAD_SCANNER={reference!r} has no scan(data) method")
    return scanner  # type: ignore[no-any-return]
