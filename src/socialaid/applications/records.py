"""How the workflow core's values are stored in JSONB columns, and read back.

An application keeps the ItemRef of each item as it was filed (plus the legal basis the notices
cite), so planning a case months later uses the catalogue version the applicant applied under.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from socialaid.applications.planning import Decision, DependencyRef, ItemRef, Outcome
from socialaid.catalogue.files import Mode


def item_ref_from_document(document: Mapping[str, Any]) -> ItemRef:
    """The ItemRef of a catalogue item document (an ItemFile as JSON, validated on import)."""
    limits = document.get("time_limits") or {}
    return ItemRef(
        code=document["code"],
        department=document["department"],
        mode=Mode(document.get("mode") or Mode.ON_APPLICATION),
        requires_decision_of=tuple(
            DependencyRef(
                items=tuple(group["items"]),
                on_denied=group.get("on_denied", "close"),
                approved_as=_groups(group.get("approved_as")),
            )
            for group in document.get("requires_decision_of") or ()
        ),
        promised_working_days=limits.get("promised_working_days"),
        name=document.get("name"),
    )


def _groups(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def legal_basis_text(document: Mapping[str, Any]) -> str | None:
    """The item's legal basis as a notice cites it: 《title》（文号） joined by 、."""
    parts = []
    for basis in document.get("legal_basis") or ():
        text = f"《{basis['title']}》"
        if basis.get("number"):
            text += f"（{basis['number']}）"
        parts.append(text)
    return "、".join(parts) or None


def item_ref_to_json(ref: ItemRef, *, basis: str | None = None) -> dict[str, Any]:
    return {
        "code": ref.code,
        "department": ref.department,
        "mode": ref.mode.value,
        "requires_decision_of": [
            {
                "items": list(group.items),
                "on_denied": group.on_denied,
                "approved_as": None if group.approved_as is None else list(group.approved_as),
            }
            for group in ref.requires_decision_of
        ],
        "promised_working_days": ref.promised_working_days,
        "name": ref.name,
        "basis": basis,
    }


def item_ref_from_json(data: Mapping[str, Any]) -> ItemRef:
    return ItemRef(
        code=data["code"],
        department=data["department"],
        mode=Mode(data["mode"]),
        requires_decision_of=tuple(
            DependencyRef(
                items=tuple(group["items"]),
                on_denied=group["on_denied"],
                approved_as=_groups(group.get("approved_as")),
            )
            for group in data["requires_decision_of"]
        ),
        promised_working_days=data["promised_working_days"],
        name=data["name"],
    )


def decision_to_json(
    decision: Decision,
    *,
    decided_by: str,
    decided_at: datetime,
    starts_on: date | None = None,
    period_months: int | None = None,
    automatic: bool = False,
    trigger: str | None = None,
) -> dict[str, Any]:
    return {
        "outcome": decision.outcome.value,
        "reasons": list(decision.reasons),
        "amount": None if decision.amount is None else str(decision.amount),
        "period": decision.period,
        "basis": decision.basis,
        "documents": list(decision.documents),
        "reference": decision.reference,
        "recognised_as": list(decision.recognised_as),
        "starts_on": None if starts_on is None else starts_on.isoformat(),
        "period_months": period_months,
        "decided_by": decided_by,
        "decided_at": decided_at.isoformat(),
        "automatic": automatic,
        "trigger": trigger,
    }


def decision_from_json(data: Mapping[str, Any] | None) -> Decision | None:
    if data is None:
        return None
    return Decision(
        outcome=Outcome(data["outcome"]),
        reasons=tuple(data["reasons"]),
        amount=None if data["amount"] is None else Decimal(data["amount"]),
        period=data["period"],
        basis=data["basis"],
        documents=tuple(data["documents"]),
        reference=data["reference"],
        recognised_as=tuple(data.get("recognised_as") or ()),
    )
