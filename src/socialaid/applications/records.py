"""What the JSONB columns of applications and cases hold, as frozen records.

Each record has one way to JSON (`to_json`) and one way back (`from_json`); the columns convert
through them (`socialaid.db.json_record`), so a model attribute is a record, never a dict. The
JSON is what has always been stored: the same keys, ISO dates and times, amounts as decimal
strings; a key that used to be left out while empty still is (`omitted_when_none`), and what
older rows lack (`approved_as`, `recognised_as`) reads as its default.

An application keeps the ItemRef of each item as it was filed (plus the legal basis the notices
cite), so planning a case months later uses the catalogue version the applicant applied under.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar, Self, cast

from socialaid.applications.notices import NoticeKind, RenderedNotice, TemplateOrigin
from socialaid.applications.planning import (
    Decision,
    DependencyRef,
    ExclusionRef,
    ItemRef,
    OnDenied,
    Outcome,
)
from socialaid.catalogue.files import Exemption, ItemFile, Mode
from socialaid.db.json_record import DecimalText, IsoDate, IsoDateTime, Record
from socialaid.forms.exemption import MaterialState

# ---------------------------------------------------------------- items as filed


class DependencyRecord(Record):
    """One `requires_decision_of` group of an item as filed."""

    items: tuple[str, ...]
    on_denied: OnDenied
    approved_as: tuple[str, ...] | None = None  # absent in rows stored before it existed


class ItemRefRecord(Record):
    """`Application.item_refs` and `ApplicationCase.item_ref`: an item as the application was
    filed against it, and the legal basis its notices cite."""

    code: str
    department: str
    mode: Mode
    requires_decision_of: tuple[DependencyRecord, ...]
    promised_working_days: int | None
    name: str | None
    basis: str | None = None
    # Issue 15: the `excluded_by_approval_of` groups, each its items; absent when there are none
    # (as in every row stored before it existed).
    excluded_by: tuple[tuple[str, ...], ...] | None = None

    omitted_when_none: ClassVar[frozenset[str]] = frozenset({"excluded_by"})

    @classmethod
    def of(cls, ref: ItemRef, *, basis: str | None = None) -> ItemRefRecord:
        return cls(
            code=ref.code,
            department=ref.department,
            mode=ref.mode,
            requires_decision_of=tuple(
                DependencyRecord(
                    items=group.items, on_denied=group.on_denied, approved_as=group.approved_as
                )
                for group in ref.requires_decision_of
            ),
            promised_working_days=ref.promised_working_days,
            name=ref.name,
            basis=basis,
            excluded_by=tuple(group.items for group in ref.excluded_by) or None,
        )

    @classmethod
    def of_item(cls, item: ItemFile) -> ItemRefRecord:
        """A catalogue item (validated) as an application files it."""
        return cls.of(ItemRef.from_item(item), basis=legal_basis_text(item))

    def item_ref(self) -> ItemRef:
        return ItemRef(
            code=self.code,
            department=self.department,
            mode=self.mode,
            requires_decision_of=tuple(
                DependencyRef(
                    items=group.items, on_denied=group.on_denied, approved_as=group.approved_as
                )
                for group in self.requires_decision_of
            ),
            promised_working_days=self.promised_working_days,
            name=self.name,
            excluded_by=tuple(ExclusionRef(items=items) for items in self.excluded_by or ()),
        )


def legal_basis_text(item: ItemFile) -> str | None:
    """The item's legal basis as a notice cites it: 《title》（文号） joined by 、."""
    parts = []
    for basis in item.legal_basis:
        text = f"《{basis.title}》"
        if basis.number:
            text += f"（{basis.number}）"
        parts.append(text)
    return "、".join(parts) or None


# ---------------------------------------------------------------- decisions and notices


class DecisionRecord(Record):
    """`ApplicationCase.decision`: the department's decision (or an automatic grant), who made it
    and when."""

    outcome: Outcome
    reasons: tuple[str, ...] = ()
    amount: DecimalText | None = None
    period: str | None = None
    basis: str | None = None
    documents: tuple[str, ...] = ()
    reference: str | None = None
    recognised_as: tuple[str, ...] = ()  # absent in rows stored before it existed
    starts_on: IsoDate | None = None
    period_months: int | None = None
    decided_by: str
    decided_at: IsoDateTime
    automatic: bool = False  # 免申即享
    trigger: str | None = None

    @classmethod
    def of(
        cls,
        decision: Decision,
        *,
        decided_by: str,
        decided_at: datetime,
        starts_on: date | None = None,
        period_months: int | None = None,
        automatic: bool = False,
        trigger: str | None = None,
    ) -> DecisionRecord:
        return cls(
            outcome=decision.outcome,
            reasons=decision.reasons,
            amount=decision.amount,
            period=decision.period,
            basis=decision.basis,
            documents=decision.documents,
            reference=decision.reference,
            recognised_as=decision.recognised_as,
            starts_on=starts_on,
            period_months=period_months,
            decided_by=decided_by,
            decided_at=decided_at,
            automatic=automatic,
            trigger=trigger,
        )

    def decision(self) -> Decision:
        """The decision as planning sees it."""
        return Decision(
            outcome=self.outcome,
            reasons=self.reasons,
            amount=self.amount,
            period=self.period,
            basis=self.basis,
            documents=self.documents,
            reference=self.reference,
            recognised_as=self.recognised_as,
        )


class NoticeRecord(Record):
    """A notice (告知书) as issued: `ApplicationCase.notice`, and inside triage and 补正."""

    kind: NoticeKind
    text: str
    origin: TemplateOrigin
    label: str | None = None

    @classmethod
    def of(cls, notice: RenderedNotice) -> NoticeRecord:
        return cls(kind=notice.kind, text=notice.text, origin=notice.origin, label=notice.label)


# ---------------------------------------------------------------- triage


class TriageOutcome(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ESCALATED = "escalated"


class TriageRecord(Record):
    """`Application.triage`: what one door (or the joint meeting) did with the application."""

    omitted_when_none = frozenset({"reason", "reasons", "notice", "assigned_by"})

    outcome: TriageOutcome
    reason: str | None = None  # escalated: why the joint meeting must decide
    reasons: tuple[str, ...] | None = None  # rejected
    notice: NoticeRecord | None = None  # rejected: the reject notice
    by: str
    at: IsoDateTime
    assigned_by: str | None = None  # escalated, then assigned by the joint meeting

    @classmethod
    def accepted(cls, *, by: str, at: datetime) -> TriageRecord:
        return cls(outcome=TriageOutcome.ACCEPTED, by=by, at=at)

    @classmethod
    def escalated(cls, reason: str, *, by: str, at: datetime) -> TriageRecord:
        return cls(outcome=TriageOutcome.ESCALATED, reason=reason, by=by, at=at)

    @classmethod
    def rejected(
        cls, reasons: tuple[str, ...], notice: NoticeRecord, *, by: str, at: datetime
    ) -> TriageRecord:
        return cls(outcome=TriageOutcome.REJECTED, reasons=reasons, notice=notice, by=by, at=at)

    def assigned(self, by: str) -> TriageRecord:
        return self.model_copy(update={"assigned_by": by})


# ---------------------------------------------------------------- materials


class MaterialRecordState(StrEnum):
    """A material's status as filed: the form's (forms.exemption.MaterialState), or uploaded."""

    UPLOADED = "uploaded"
    UPLOAD_REQUIRED = MaterialState.UPLOAD_REQUIRED.value
    OPTIONAL = MaterialState.OPTIONAL.value
    EXEMPT = MaterialState.EXEMPT.value
    DEFERRED = MaterialState.DEFERRED.value
    PERSONAL_COMMITMENT = MaterialState.PERSONAL_COMMITMENT.value
    NOT_APPLICABLE = MaterialState.NOT_APPLICABLE.value


class MaterialRecord(Record):
    """One entry of `Application.materials`: a material for one person, and its status."""

    material: str
    evidence: str
    subject: str
    subject_path: str | None = None
    status: MaterialRecordState
    reason: str | None = None
    required_by: tuple[str, ...] = ()
    reference: str | None = None  # the upload, or the source's record that exempts it
    exempt_via: Exemption | None = None
    issuer: str | None = None


# ---------------------------------------------------------------- what a case receives


class Received(Record):
    """One entry of `ApplicationCase.received`: a planning note, or a predecessor's decision."""

    @classmethod
    def from_json(cls, data: Any) -> Self:
        if cls is Received:
            kind: type[Received] = (
                ReceivedDecision
                if isinstance(data, dict) and "predecessor" in data
                else ReceivedNote
            )
            return cast(Self, kind.model_validate(data))
        return cls.model_validate(data)


class ReceivedNote(Received):
    """What planning noted when the case was opened (a prerequisite not in the application)."""

    note: str
    items: tuple[str, ...]


class ReceivedDecision(Received):
    """A predecessor's decision, forwarded to the case that waited for it."""

    predecessor: str
    decision: DecisionRecord | None
    notice: str
    documents: tuple[str, ...]
    at: IsoDateTime


# ---------------------------------------------------------------- 补正


class SupplementRecord(Record):
    """`ApplicationCase.supplement`: the department's request for materials, and what came."""

    omitted_when_none = frozenset({"supplied_at", "working_days", "provisional", "lapsed_at"})

    materials: tuple[str, ...]
    deadline: IsoDate
    # Issue 19: a deadline given in working days keeps the count, so that a deadline counted
    # across an unpublished year (provisional: True) can be recounted when the year is published.
    working_days: int | None = None
    provisional: bool | None = None
    notice: NoticeRecord
    requested_by: str
    requested_at: IsoDateTime
    supplied: tuple[str, ...] = ()
    supplied_at: IsoDateTime | None = None
    # Issue 19: when the deadline job found the deadline passed with nothing supplied. The
    # consequence is the department's (it may decide on what it has); the catalogue sets none.
    lapsed_at: IsoDateTime | None = None

    def supplied_with(self, references: tuple[str, ...], *, at: datetime) -> SupplementRecord:
        return self.model_copy(
            update={"supplied": (*self.supplied, *references), "supplied_at": at}
        )
