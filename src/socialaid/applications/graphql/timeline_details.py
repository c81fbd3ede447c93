"""A timeline entry's details as typed objects, one per kind that records any (what
applications/timeline.py's writers put in `data`); kinds whose summary says everything have none.

Rows written before a key existed, or with a value that no longer reads, give no details rather
than an error: the entry's summary still tells the story.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Annotated, Any

import strawberry

from socialaid.applications.graphql.decision_types import DecisionType, OutcomeEnum
from socialaid.applications.planning import Outcome
from socialaid.applications.records import DecisionRecord
from socialaid.applications.timeline import TimelineKind
from socialaid.catalogue.files import Channel
from socialaid.catalogue.graphql_vocabulary import ChannelEnum


@strawberry.type(name="TimelineSubmitted", description="申请提交（APPLICATION_SUBMITTED）的详情")
class SubmittedDetails:
    channel: ChannelEnum = strawberry.field(description="申请渠道")  # type: ignore[valid-type]
    items: list[str] = strawberry.field(description="申请的事项代码")


@strawberry.type(name="TimelineRejected", description="不予受理（APPLICATION_REJECTED）的详情")
class RejectedDetails:
    reasons: list[str] = strawberry.field(description="不予受理的理由")
    notice: str = strawberry.field(description="不予受理告知书的正文")


@strawberry.type(name="ItemDepartment", description="一个事项与承办它的部门")
class ItemDepartmentType:
    item: str = strawberry.field(description="事项代码")
    department: str = strawberry.field(description="承办部门的职能代码")


@strawberry.type(
    name="TimelineAssigned", description="联席会议指定承办部门（APPLICATION_ASSIGNED）的详情"
)
class AssignedDetails:
    lead_department: str = strawberry.field(description="牵头部门的职能代码")
    departments: list[ItemDepartmentType] = strawberry.field(description="各事项的承办部门")


@strawberry.type(
    name="TimelineCaseOpened",
    description="案件开立（CASE_OPENED，或等待前置事项的 CASE_WAITING）的详情",
)
class CaseOpenedDetails:
    waiting_on: list[str] = strawberry.field(
        description="开立时等待的前置事项代码；CASE_OPENED 时为空"
    )


@strawberry.type(name="TimelineDecided", description="部门决定（CASE_APPROVED、CASE_DENIED）的详情")
class DecidedDetails:
    decision: DecisionType = strawberry.field(description="部门的决定")
    notice: str = strawberry.field(description="决定告知书的正文")


@strawberry.type(
    name="TimelineDecisionReceived",
    description="收到前置事项的决定（CASE_DECISION_RECEIVED）的详情",
)
class DecisionReceivedDetails:
    predecessor: str = strawberry.field(description="前置事项代码")
    outcome: OutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="前置事项的决定结果"
    )


@strawberry.type(name="TimelineClosed", description="案件终止（CASE_CLOSED）的详情")
class ClosedDetails:
    predecessors: list[str] = strawberry.field(description="致使终止的前置事项代码")


@strawberry.type(
    name="TimelineGrantedAutomatically",
    description="免申即享自动给予（CASE_GRANTED_AUTOMATICALLY）的详情",
)
class GrantedAutomaticallyDetails:
    trigger: str = strawberry.field(description="触发给予的前置认定事项代码")
    notice: str = strawberry.field(description="给予告知书的正文")


@strawberry.type(
    name="TimelineSupplementRequested",
    description="要求补正（CASE_SUPPLEMENT_REQUESTED）的详情",
)
class SupplementRequestedDetails:
    materials: list[str] = strawberry.field(description="需补正的材料")
    deadline: date = strawberry.field(description="补正期限（YYYY-MM-DD，含当日）")


Details = (
    SubmittedDetails
    | RejectedDetails
    | AssignedDetails
    | CaseOpenedDetails
    | DecidedDetails
    | DecisionReceivedDetails
    | ClosedDetails
    | GrantedAutomaticallyDetails
    | SupplementRequestedDetails
)

TimelineDetails = Annotated[
    Details,
    strawberry.union(
        "TimelineDetails",
        description=(
            "时间线记录的详情，按事件类型（TimelineKind）各有其类型，以 __typename 区分；"
            "无详情的类型（如 APPLICATION_ACCEPTED、CASE_ACKNOWLEDGED）为 null"
        ),
    ),
]


def _decided(data: Mapping[str, Any]) -> DecidedDetails:
    return DecidedDetails(
        decision=DecisionType.of(DecisionRecord.from_json(data["decision"])),
        notice=str(data["notice"]),
    )


_BUILDERS: dict[TimelineKind, Callable[[Mapping[str, Any]], Details]] = {
    TimelineKind.APPLICATION_SUBMITTED: lambda d: SubmittedDetails(
        channel=Channel(d["channel"]), items=[str(i) for i in d["items"]]
    ),
    TimelineKind.APPLICATION_REJECTED: lambda d: RejectedDetails(
        reasons=[str(r) for r in d["reasons"]], notice=str(d["notice"])
    ),
    TimelineKind.APPLICATION_ASSIGNED: lambda d: AssignedDetails(
        lead_department=str(d["lead"]),
        departments=[
            ItemDepartmentType(item=str(item), department=str(department))
            for item, department in sorted(d["departments"].items())
        ],
    ),
    TimelineKind.CASE_OPENED: lambda d: CaseOpenedDetails(
        waiting_on=[str(w) for w in d.get("waiting_on") or ()]
    ),
    TimelineKind.CASE_WAITING: lambda d: CaseOpenedDetails(
        waiting_on=[str(w) for w in d.get("waiting_on") or ()]
    ),
    TimelineKind.CASE_APPROVED: _decided,
    TimelineKind.CASE_DENIED: _decided,
    TimelineKind.CASE_DECISION_RECEIVED: lambda d: DecisionReceivedDetails(
        predecessor=str(d["predecessor"]), outcome=Outcome(d["outcome"])
    ),
    TimelineKind.CASE_CLOSED: lambda d: ClosedDetails(
        predecessors=[str(p) for p in d["predecessors"]]
    ),
    TimelineKind.CASE_GRANTED_AUTOMATICALLY: lambda d: GrantedAutomaticallyDetails(
        trigger=str(d["trigger"]), notice=str(d["notice"])
    ),
    TimelineKind.CASE_SUPPLEMENT_REQUESTED: lambda d: SupplementRequestedDetails(
        materials=[str(m) for m in d["materials"]],
        deadline=date.fromisoformat(str(d["deadline"])),
    ),
}


def details_of(kind: TimelineKind, data: Mapping[str, Any]) -> Details | None:
    """The typed details of an entry of `kind` recording `data` (None: the kind has none, or
    the row predates them)."""
    build = _BUILDERS.get(kind)
    if build is None:
        return None
    try:
        return build(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
