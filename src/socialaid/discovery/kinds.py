"""A lead's states. Pure. (Tag kinds are the catalogue's vocabulary: catalogue.files.TagKind.)"""

from __future__ import annotations

from enum import StrEnum


class LeadState(StrEnum):
    OPEN = "open"  # raised by the discovery job, no adviser has taken it yet
    ASSIGNED = "assigned"  # an adviser follows it up
    DISMISSED = "dismissed"  # closed with a reason, no application
    CONVERTED = "converted"  # an application was filed on the family's behalf


LEAD_ACTIVE_STATES = frozenset({LeadState.OPEN, LeadState.ASSIGNED})
