"""What files a material may be: the types the API can verify by their bytes, and which of them
each evidence type accepts.

Seed 004 (山西省材料清单, 附件3, column 材料形式) gives each core material's form: 扫描版或照片
(a scan or a photo) for the identity proof, hukou booklet, residence permit, expenditure vouchers
and disability certificate; 扫描版或电子授权 (a scan, or an electronic authorisation that is not
a file) for the economic-check authorisation. A scan is a PDF, a photo a PNG or JPEG image.
Evidence types the seeds give no form for accept every verifiable type: that is what the API
can check, not a policy of the tenant.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class FileType(StrEnum):
    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"


# The leading bytes each type's files begin with (ISO 32000 §7.5.2; PNG §5.2; JPEG SOI + marker).
MAGIC: Mapping[FileType, bytes] = {
    FileType.PDF: b"%PDF-",
    FileType.PNG: b"\x89PNG\r\n\x1a\n",
    FileType.JPEG: b"\xff\xd8\xff",
}

SCAN = frozenset({FileType.PDF})
PHOTO = frozenset({FileType.PNG, FileType.JPEG})
ANY = SCAN | PHOTO

# Seed 004 附件3, 材料形式, per evidence type code (catalogue/evidence-types/core.yaml).
ACCEPTED: Mapping[str, frozenset[FileType]] = {
    "id_proof": SCAN | PHOTO,
    "hukou_booklet": SCAN | PHOTO,
    "residence_permit": SCAN | PHOTO,
    "economic_check_authorisation": SCAN,
    "rigid_expenditure_voucher": SCAN | PHOTO,
    "disability_certificate": SCAN | PHOTO,
}

LABELS: Mapping[FileType, str] = {FileType.PDF: "PDF", FileType.PNG: "PNG", FileType.JPEG: "JPEG"}


def file_type(content_type: str) -> FileType | None:
    """The verifiable type a declared Content-Type names (parameters and case ignored)."""
    bare = content_type.split(";", 1)[0].strip().lower()
    try:
        return FileType(bare)
    except ValueError:
        return None


def sniffed(head: bytes) -> FileType | None:
    """The type the file's first bytes show, or None for none of the verifiable types."""
    for kind, magic in MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def accepted_for(evidence: str) -> frozenset[FileType]:
    return ACCEPTED.get(evidence, ANY)


def describe(kinds: frozenset[FileType]) -> str:
    return "、".join(LABELS[k] for k in FileType if k in kinds)
