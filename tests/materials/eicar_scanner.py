"""A virus scanner for tests: it finds the EICAR anti-virus test string anywhere in a file
(SOCIALAID_UPLOAD_SCANNER=tests.materials.eicar_scanner:EicarScanner)."""

from __future__ import annotations

# The 68-byte EICAR test file (eicar.org), split so that no scanner on this machine flags it.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class EicarScanner:
    async def scan(self, data: bytes) -> str | None:
        return "EICAR-Test-File" if EICAR in data else None
