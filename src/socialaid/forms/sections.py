"""Form sections: derived from the first segment of a key, in the order of 附件2 (004)."""

from __future__ import annotations

# 附件2 reads: 申请人基本信息, 家庭情况 and 共同生活家庭成员, 银行开户信息, 家庭财产状况,
# 赡养（抚养、扶养）义务人信息; the steering questions come last as a section (they are also
# listed separately to be asked first).
SECTION_LABELS: dict[str, str] = {
    "applicant": "申请人基本信息",
    "household": "家庭情况",
    "bank": "银行开户信息",
    "assets": "家庭财产状况",
    "supporters": "赡养（抚养、扶养）义务人信息",
    "situation": "申请情形",
}
_ORDER = {code: index for index, code in enumerate(SECTION_LABELS)}


def section_of(key: str) -> str:
    return key.split(".", 1)[0].removesuffix("[]")


def section_label(code: str) -> str:
    return SECTION_LABELS.get(code, code)


def section_sort_key(code: str) -> tuple[int, str]:
    """Known sections in 附件2 order, then any others alphabetically."""
    return (_ORDER.get(code, len(_ORDER)), code)
