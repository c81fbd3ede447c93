"""GraphQL output types of applications and cases: the application with its cases, materials,
result and timeline; a case with its decision, notice and 补正; the connections; emergency mode.

An application's or case's fields below the root (cases, timeline, answers) load through this
request's loaders within the caller's row-level-security scope, without deciding again: the root
field that returned the row has authorized.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.applications import queries
from socialaid.applications.graphql.decision_types import DecisionType
from socialaid.applications.graphql.timeline_details import TimelineDetails, details_of
from socialaid.applications.loaders import application_loaders, key_of
from socialaid.applications.material_readers import may_read_file
from socialaid.applications.models import Application, ApplicationCase, EmergencyMode
from socialaid.applications.notices import NoticeKind, TemplateOrigin
from socialaid.applications.recognition import proposal_for_case
from socialaid.applications.records import (
    MaterialRecord,
    MaterialRecordState,
    NoticeRecord,
    Received,
    ReceivedDecision,
    ReceivedNote,
    SupplementRecord,
    TriageOutcome,
    TriageRecord,
)
from socialaid.applications.states import CASE_FINAL_STATES, ApplicationState, CaseState
from socialaid.applications.timeline import TimelineEvent, TimelineKind
from socialaid.catalogue import service as catalogue_service
from socialaid.catalogue.files import Channel, Subject
from socialaid.catalogue.graphql import CatalogueItemType
from socialaid.catalogue.graphql_vocabulary import ChannelEnum, ElectionEnum, SubjectEnum
from socialaid.catalogue.service import CatalogueCaches, TenantView
from socialaid.clock import CHINA, today_in_china
from socialaid.kernel.connections import CountedConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.global_id import encode_global_id
from socialaid.kernel.node import Node
from socialaid.kernel.scalars import JSON, as_json
from socialaid.materials.downloads import upload_key
from socialaid.materials.graphql import MaterialFileType, upload_loader
from socialaid.needs.graphql import NeedsAssessmentType
from socialaid.needs.loaders import assessment_loader
from socialaid.notifications.graphql import NotificationType
from socialaid.screening.classification_graphql import RecognitionProposalType
from socialaid.tenancy.graphql import DepartmentType, TenantType, tenant_of

TIME_NOTE = "（ISO 8601，带时区偏移）"


ApplicationStateEnum = described_enum(
    ApplicationState,
    name="ApplicationState",
    description="申请状态（一门受理与联席会议）；各事项的办理状态见 CaseState",
    values={
        "SUBMITTED": "已提交（SUBMITTED）：等待一门受理",
        "ACCEPTED": "已受理（ACCEPTED）：已分送各事项主管部门办理",
        "REJECTED": "不予受理（REJECTED）：一门受理或联席会议告知理由",
        "ESCALATED": "已提交联席会议（ESCALATED）：无适合部门或需多部门会商，等待指定承办部门",
        "COMPLETED": "已办结（COMPLETED）：各事项均已办结，统一反馈",
        "WITHDRAWN": "已撤回（WITHDRAWN）：申请人撤回，未办结的案件一并撤回",
    },
)
CaseStateEnum = described_enum(
    CaseState,
    name="CaseState",
    description="事项案件状态：一个事项在其主管部门的办理进度",
    values={
        "WAITING": "等待前置事项（WAITING）：串联办理，待前置事项作出决定",
        "READY": "待接件（READY）：可由部门接件办理，开始计时",
        "ACKNOWLEDGED": "办理中（ACKNOWLEDGED）：部门已接件",
        "SUPPLEMENT_REQUESTED": "待补正（SUPPLEMENT_REQUESTED）：已一次性告知所需材料及期限",
        "APPROVED": "已准予（APPROVED）：部门决定给予救助（或免申即享自动给予）",
        "DENIED": "不予准予（DENIED）：部门决定不予救助，告知理由与依据",
        "CLOSED": "已终止（CLOSED）：未经本部门决定而终止，如前置事项不予准予",
        "WITHDRAWN": "已撤回（WITHDRAWN）：随申请撤回",
    },
)
NoticeKindEnum = described_enum(
    NoticeKind,
    name="NoticeKind",
    description="告知书类型",
    values={
        "APPROVE": "准予告知书（APPROVE）：写明金额、期限与起始日",
        "DENY": "不予准予告知书（DENY）：写明理由与依据",
        "REJECT": "不予受理告知书（REJECT）：一门受理不予受理时",
        "SUPPLEMENT": "补正告知书（SUPPLEMENT）：一次性告知所需材料及期限",
        "REVIEW": "核查结果告知书（REVIEW）：定期核查后继续（或调整金额后继续）救助",
        "STOP": "停止救助告知书（STOP）：定期核查后停止救助，写明理由",
    },
)
TemplateOriginEnum = described_enum(
    TemplateOrigin,
    name="NoticeTemplateOrigin",
    description="告知书模板的来源",
    values={
        "TENANT": "本地区模板（TENANT）：本租户或上级配置的告知书模板",
        "PLATFORM_DEFAULT": "平台默认（PLATFORM_DEFAULT）：非政策文本，请本地区配置告知书模板",
    },
)
MaterialStatusEnum = described_enum(
    MaterialRecordState,
    name="MaterialStatus",
    description="一份材料对一个人的状态（applicationFormCheck 的检查结果，及提交时记下的）",
    values={
        "UPLOADED": "已上传（UPLOADED）：提交时附了上传引用",
        "UPLOAD_REQUIRED": "须上传（UPLOAD_REQUIRED）：必交，尚未免交",
        "OPTIONAL": "可选上传（OPTIONAL）：适用，但所选事项都不要求必交",
        "EXEMPT": "免交（EXEMPT）：已经共享数据或电子证照确认",
        "DEFERRED": "容缺受理（DEFERRED）：先受理，在补正期限内补交",
        "PERSONAL_COMMITMENT": "个人承诺（PERSONAL_COMMITMENT）：以书面承诺代替材料",
        "NOT_APPLICABLE": "不适用（NOT_APPLICABLE）：适用条件不成立或无此人",
    },
)
TimelineKindEnum = described_enum(
    TimelineKind,
    name="TimelineKind",
    description="时间线记录的事件类型（申请本身的以 APPLICATION_ 开头，案件的以 CASE_ 开头）",
    values={
        "APPLICATION_SUBMITTED": "已提交（APPLICATION_SUBMITTED）：申请提交，details 为其渠道与事项",
        "APPLICATION_ACCEPTED": "已受理（APPLICATION_ACCEPTED）：一门受理，分送各部门",
        "APPLICATION_REJECTED": "不予受理（APPLICATION_REJECTED）：一门受理告知理由",
        "APPLICATION_ESCALATED": "提交联席会议（APPLICATION_ESCALATED）：等待指定承办部门",
        "APPLICATION_ASSIGNED": "联席会议已指定（APPLICATION_ASSIGNED）：指定承办与牵头部门",
        "APPLICATION_COMPLETED": "已办结（APPLICATION_COMPLETED）：各事项均已办结",
        "APPLICATION_WITHDRAWN": "已撤回（APPLICATION_WITHDRAWN）：申请人撤回申请",
        "CASE_OPENED": "开始办理（CASE_OPENED）：案件开立，可接件",
        "CASE_WAITING": "等待前置事项（CASE_WAITING）：案件开立，等待前置事项的决定",
        "CASE_ACKNOWLEDGED": "已接件（CASE_ACKNOWLEDGED）：部门已受理",
        "CASE_SUPPLEMENT_REQUESTED": "要求补正（CASE_SUPPLEMENT_REQUESTED）：一次性告知所需材料及期限",
        "CASE_SUPPLIED": "已补正（CASE_SUPPLIED）：申请人提交了补正材料",
        "CASE_APPROVED": "已准予（CASE_APPROVED）：部门决定给予救助",
        "CASE_DENIED": "不予准予（CASE_DENIED）：部门决定不予救助",
        "CASE_DECISION_RECEIVED": "收到前置决定（CASE_DECISION_RECEIVED）：前置事项的决定已转来",
        "CASE_RELEASED": "可开始办理（CASE_RELEASED）：前置事项办结，开始计时",
        "CASE_CLOSED": "已终止（CASE_CLOSED）：未经本部门决定而终止，如前置事项不准予",
        "CASE_GRANTED_AUTOMATICALLY": "免申即享（CASE_GRANTED_AUTOMATICALLY）：按前置认定自动给予",
        "CASE_WITHDRAWN": "已撤回（CASE_WITHDRAWN）：随申请撤回",
        "CASE_DEADLINE_REMINDER": (
            "时限提醒（CASE_DEADLINE_REMINDER）：距办理时限不足设定的工作日数，提醒承办部门"
        ),
        "CASE_OVERDUE": "已超期（CASE_OVERDUE）：超过办理时限仍未办结，已向申请人致歉",
        "CASE_SUPPLEMENT_LAPSED": "补正逾期（CASE_SUPPLEMENT_LAPSED）：补正期限已过仍未补交材料",
        "REVIEW_SCHEDULED": "已排定核查（REVIEW_SCHEDULED）：已准予的救助排定了下次定期核查日期",
        "REVIEW_DUE": "待核查（REVIEW_DUE）：定期核查到期，或因主动报告提前核查",
        "REVIEW_COMPLETED": "核查完成（REVIEW_COMPLETED）：定期核查结果为继续、调整或停止救助",
        "HOUSEHOLD_CHANGE_REPORTED": "主动报告（HOUSEHOLD_CHANGE_REPORTED）：家庭报告了人口、收入、就业等变化",
    },
)
TriageOutcomeEnum = described_enum(
    TriageOutcome,
    name="TriageOutcome",
    description="一门受理（或联席会议）的结果",
    values={
        "ACCEPTED": "受理（ACCEPTED）：分送各事项主管部门办理",
        "REJECTED": "不予受理（REJECTED）：告知理由（reasons、notice）",
        "ESCALATED": "提交联席会议（ESCALATED）：无适合部门或需多部门会商（reason）",
    },
)


@strawberry.type(name="CaseDepartment", description="承办部门")
class CaseDepartmentType:
    code: str = strawberry.field(description="部门职能代码，如 civil_affairs")
    name: str = strawberry.field(description="部门名称（本租户中的）")


@strawberry.type(name="Notice", description="告知书")
class NoticeType:
    kind: NoticeKindEnum = strawberry.field(  # type: ignore[valid-type]
        description="告知书类型"
    )
    text: str = strawberry.field(description="告知书正文（已填入申请人、事项、金额、理由、依据等）")
    origin: TemplateOriginEnum = strawberry.field(  # type: ignore[valid-type]
        description="模板来源"
    )
    label: str | None = strawberry.field(
        description="模板为平台默认时的提示（非政策文本，请本地区配置模板）；本地区模板时为 null"
    )

    @classmethod
    def of(cls, n: NoticeRecord) -> NoticeType:
        return cls(kind=n.kind, text=n.text, origin=n.origin, label=n.label)


@strawberry.type(name="SupplementRequest", description="补正告知：所需材料与期限")
class SupplementType:
    materials: list[str] = strawberry.field(description="需补正的材料（名称或表单材料标识）")
    deadline: date | None = strawberry.field(
        description="补正期限（YYYY-MM-DD，含当日）；未设期限时为 null"
    )
    notice: NoticeType | None = strawberry.field(description="补正告知书；无则为 null")
    supplied: list[str] = strawberry.field(description="申请人已提交的补正材料引用")
    provisional: bool = strawberry.field(
        default=False,
        description="期限是否暂定：按工作日数计算时跨入尚未发布工作日历的年份（只按周末计算），"
        "该年日历发布后重新计算",
    )
    lapsed_at: datetime | None = strawberry.field(
        default=None,
        description="定时任务发现补正期限已过而材料未补交的时间（ISO 8601，带时区偏移）；"
        "未逾期为 null。后果由部门决定（可依现有材料作出决定），目录未另行规定",
    )

    @classmethod
    def of(cls, s: SupplementRecord) -> SupplementType:
        return cls(
            lapsed_at=s.lapsed_at,
            provisional=bool(s.provisional),
            materials=list(s.materials),
            deadline=s.deadline,
            notice=NoticeType.of(s.notice),
            supplied=list(s.supplied),
        )


@strawberry.type(name="ReceivedNote", description="案件开立时的提示，如前置事项不在本申请中")
class ReceivedNoteType:
    note: str = strawberry.field(description="提示（中文）")
    items: list[str] = strawberry.field(description="提示所涉的事项代码")


@strawberry.type(name="ReceivedDecision", description="前置事项的决定，转给等待它的案件")
class ReceivedDecisionType:
    predecessor: str = strawberry.field(description="前置事项代码")
    decision: DecisionType | None = strawberry.field(description="前置事项的决定；无则为 null")
    notice: str = strawberry.field(description="前置事项告知书的正文")
    documents: list[str] = strawberry.field(description="前置事项出具的文书编号或引用")
    at: datetime = strawberry.field(description="收到的时间")


CaseReceived = Annotated[
    ReceivedNoteType | ReceivedDecisionType,
    strawberry.union(
        "CaseReceived",
        description="案件收到的一条：前置事项的决定（ReceivedDecision）或开立时的提示（ReceivedNote）",
    ),
]


def received_of(entry: Received) -> ReceivedNoteType | ReceivedDecisionType:
    if isinstance(entry, ReceivedDecision):
        return ReceivedDecisionType(
            predecessor=entry.predecessor,
            decision=None if entry.decision is None else DecisionType.of(entry.decision),
            notice=entry.notice,
            documents=list(entry.documents),
            at=entry.at,
        )
    assert isinstance(entry, ReceivedNote)
    return ReceivedNoteType(note=entry.note, items=list(entry.items))


@strawberry.type(name="ApplicationTriage", description="一门受理（及联席会议）对申请的处理")
class TriageType:
    outcome: TriageOutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="处理结果"
    )
    reason: str | None = strawberry.field(
        description="提交联席会议的理由（ESCALATED）；否则为 null"
    )
    reasons: list[str] | None = strawberry.field(
        description="不予受理的理由（REJECTED）；否则为 null"
    )
    notice: NoticeType | None = strawberry.field(
        description="不予受理告知书（REJECTED）；否则为 null"
    )
    by: str = strawberry.field(description="处理者的用户标识")
    at: datetime = strawberry.field(description="处理时间")
    assigned_by: str | None = strawberry.field(
        description="提交联席会议后指定牵头部门者的用户标识；未指定时为 null"
    )

    @classmethod
    def of(cls, t: TriageRecord) -> TriageType:
        return cls(
            outcome=t.outcome,
            reason=t.reason,
            reasons=None if t.reasons is None else list(t.reasons),
            notice=None if t.notice is None else NoticeType.of(t.notice),
            by=t.by,
            at=t.at,
            assigned_by=t.assigned_by,
        )


@strawberry.type(name="Case", description="一份申请中的一个事项，由其主管部门办理")
class CaseType(Node):
    row: strawberry.Private[ApplicationCase]
    node_type: ClassVar[str] = "Case"

    def node_key(self) -> tuple[str, ...]:
        return (str(self.row.id),)

    @strawberry.field(
        description="案件的数据库标识（UUID），与审计事件的 subjectId 相同；缓存与 node(id:) 用 id"
    )
    def database_id(self) -> str:
        return str(self.row.id)

    @strawberry.field(
        description="所属申请的全局标识（Application.id，#17 起不再是 UUID），可作 application(id:)"
    )
    def application_id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("Application", str(self.row.application_id)))

    @strawberry.field(
        description="申请所在租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field(description="申请所在租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="事项代码")
    def item_code(self) -> str:
        return self.row.item_code

    @strawberry.field(description="事项名称（提交时的）")
    def item_name(self) -> str:
        return self.row.item_name

    @strawberry.field(description="承办部门")
    def department(self) -> CaseDepartmentType:
        return CaseDepartmentType(code=self.row.department, name=self.row.department_name)

    @strawberry.field(description="办理状态")
    def state(self) -> CaseStateEnum:  # type: ignore[valid-type]
        return self.row.state

    @strawberry.field(description="乐观锁版本：变更时须带上读到的版本")
    def lock_version(self) -> int:
        return self.row.lock_version

    @strawberry.field(description="串联办理：等待其决定的前置事项代码；不等待时为空")
    def waiting_on(self) -> list[str]:
        # Rows released before the release cleared waiting_on still hold the old codes.
        return list(self.row.waiting_on) if self.row.state is CaseState.WAITING else []

    @strawberry.field(
        description="计时起点（前置事项办结、可开始办理之时）" + TIME_NOTE + "；等待中为 null"
    )
    def clock_started_at(self) -> datetime | None:
        return self.row.clock_started_at

    @strawberry.field(
        description="办结期限：自计时起点按工作日（法定节假日除外）加承诺时限"
        + TIME_NOTE
        + "；无时限或未开始计时为 null"
    )
    def due_at(self) -> datetime | None:
        return self.row.due_at

    @strawberry.field(
        description="办结期限是否暂定：跨入尚未发布工作日历的年份（只按周末计算），"
        "该年日历发布后重新计算；无期限时为 false"
    )
    def due_at_provisional(self) -> bool:
        return self.row.due_provisional

    @strawberry.field(description="是否已过办结期限而未办结（按当前时间计算）")
    def overdue(self) -> bool:
        return queries.is_overdue(self.row, datetime.now(CHINA))

    @strawberry.field(
        description="定时任务发现本案超过办结期限仍未办结、并已向申请人致歉的时间"
        + TIME_NOTE
        + "；未超期为 null"
    )
    def overdue_marked_at(self) -> datetime | None:
        return self.row.overdue_at

    @strawberry.field(
        description="定时任务在期限前提醒承办部门的时间（提前的工作日数由部署设定）"
        + TIME_NOTE
        + "；未提醒为 null"
    )
    def deadline_reminded_at(self) -> datetime | None:
        return self.row.reminded_at

    @strawberry.field(description="部门的决定；未决定时为 null")
    def decision(self) -> DecisionType | None:
        return None if self.row.decision is None else DecisionType.of(self.row.decision)

    @strawberry.field(
        description="分类审核认定的建议（如山西低收入人口认定“模糊选择”）：按申请所填情况和本地今天的标准，"
        "对照目录中各类别的认定条件逐一判断，附理由；决定时可确认（recognisedAs 填建议的类别）或另选，"
        "不予认定的纳入监测范围。只对经办、审批、联席会议和审计人员返回；其他事项或其他角色为 null"
    )
    async def proposed_recognition(self, info: Info) -> RecognitionProposalType | None:
        async with scoped_session(info.context.db, info.context.principal) as session:
            proposal = await proposal_for_case(
                session, info.context.caches, actor=info.context.principal, case=self.row
            )
        return None if proposal is None else RecognitionProposalType.of(proposal)

    @strawberry.field(description="决定的告知书；未决定时为 null")
    def notice(self) -> NoticeType | None:
        return None if self.row.notice is None else NoticeType.of(self.row.notice)

    @strawberry.field(
        description="收到的前置事项结果（ReceivedDecision）与开立时的提示（ReceivedNote），按收到先后"
    )
    def received(self) -> list[CaseReceived]:
        return [received_of(entry) for entry in self.row.received]

    @strawberry.field(description="补正要求；未要求时为 null")
    def supplement(self) -> SupplementType | None:
        return None if self.row.supplement is None else SupplementType.of(self.row.supplement)

    @strawberry.field(description="未经本部门决定而终止的理由（如前置事项不准予）；否则为 null")
    def closed_reason(self) -> str | None:
        return self.row.closed_reason

    @strawberry.field(
        description="该户当前的需求综合评估（001 三（六）18：结果多方应用）：办理本案件的部门读到的与其他部门同一份；"
        "无评估或无权读取时为 null；读取记入审计"
    )
    async def needs_assessment(self, info: Info) -> NeedsAssessmentType | None:
        return await _needs_assessment_of(info, self.row.tenant_id, self.row.application_id, "Case")

    @strawberry.field(description="案件开立时间（ISO 8601，带时区偏移）")
    def created_at(self) -> datetime:
        assert self.row.created_at is not None
        return self.row.created_at

    @strawberry.field(description="最后变更时间（ISO 8601，带时区偏移）")
    def updated_at(self) -> datetime:
        assert self.row.updated_at is not None
        return self.row.updated_at


@strawberry.type(name="TimelineEntry", description="跨部门的一条办理记录")
class TimelineEntryType:
    at: datetime = strawberry.field(
        description="发生时间（ISO 8601，带时区偏移）；按时间、再按记录顺序排列"
    )
    kind: TimelineKindEnum = strawberry.field(  # type: ignore[valid-type]
        description="事件类型"
    )
    item: str | None = strawberry.field(description="案件的事项代码；申请本身的事件为 null")
    department: str | None = strawberry.field(description="部门代码；申请本身的事件为 null")
    summary: str | None = strawberry.field(description="中文摘要；无则为 null")
    data: JSON = strawberry.field(
        description="事件的详情（JSON 对象，键随事件类型而定）",
        deprecation_reason="改用 details：按事件类型的类型化详情（TimelineDetails 联合）",
    )
    details: TimelineDetails | None = strawberry.field(
        description="事件的详情，按事件类型各有其类型（以 __typename 区分）；无详情时为 null。"
        "界面显示用 summary 即可"
    )

    @classmethod
    def of(cls, e: TimelineEvent) -> TimelineEntryType:
        return cls(
            at=e.at,
            kind=TimelineKind(e.kind),
            item=e.item,
            department=e.department,
            summary=e.summary,
            data=as_json(e.data),
            details=details_of(TimelineKind(e.kind), e.data),
        )


@strawberry.type(
    name="ApplicationMaterial", description="一份材料对某个人的状态（上传、免交及理由）"
)
class ApplicationMaterialType:
    material: str = strawberry.field(description="表单材料标识（FormMaterialEntry.id）")
    evidence: str = strawberry.field(description="材料类型代码")
    subject: SubjectEnum = strawberry.field(  # type: ignore[valid-type]
        description="材料对象"
    )
    subject_path: str | None = strawberry.field(
        description="具体是谁：applicant、household 或 household.members[1]（行号从 0 起）；无人适用时为 null"
    )
    status: MaterialStatusEnum = strawberry.field(  # type: ignore[valid-type]
        description="提交时的状态（同 MaterialCheck.status，另有 UPLOADED）"
    )
    reason: str | None = strawberry.field(description="为何免交、缓交或不适用；无则为 null")
    required_by: list[str] = strawberry.field(description="要求此材料的事项代码")
    exempt_via: ElectionEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="确认免交的途径：SHARED_DATA 或 ELECTRONIC_LICENCE；未免交时为 null"
    )
    issuer: str | None = strawberry.field(description="确认免交的出具部门；未免交时为 null")
    reference: strawberry.Private[str | None] = None
    application: strawberry.Private[Application | None] = None

    @classmethod
    def of(
        cls, m: MaterialRecord, application: Application | None = None
    ) -> ApplicationMaterialType:
        return cls(
            material=m.material,
            evidence=m.evidence,
            subject=Subject(m.subject),
            subject_path=m.subject_path,
            status=m.status,
            reason=m.reason,
            required_by=list(m.required_by),
            exempt_via=m.exempt_via,
            issuer=m.issuer,
            reference=m.reference,
            application=application,
        )

    @strawberry.field(
        description="上传的文件（名称、大小、摘要、类型、短期下载地址）：仅申请人（及代为申请者）"
        "与需要此材料的事项的承办部门可见，其余读者为 null；未上传（免交等）时为 null"
    )
    async def file(self, info: Info) -> MaterialFileType | None:
        application = self.application
        if application is None or self.status is not MaterialRecordState.UPLOADED:
            return None
        cases = await application_loaders(info.context).cases.load(key_of(application))
        if not may_read_file(
            info.context.principal,
            owner=application.owner,
            submitted_by=application.submitted_by,
            required_by=self.required_by,
            cases=[(c.item_code, c.department) for c in cases],
        ):
            return None
        key = upload_key(self.reference)
        if key is None:
            return None
        upload = await upload_loader(info.context).load((application.tenant_id, key))
        return None if upload is None else MaterialFileType.of(upload, str(application.id))


@strawberry.type(name="ApplicationResult", description="统一反馈：各事项的办理结果")
class ResultType:
    finished: bool = strawberry.field(description="是否全部办结")
    approved: list[str] = strawberry.field(description="已准予的事项代码")
    denied: list[str] = strawberry.field(description="不予准予的事项代码")
    closed: list[str] = strawberry.field(description="未经决定而终止的事项代码")
    open: list[str] = strawberry.field(description="尚未办结的事项代码")


@strawberry.type(name="Application", description="一次申请：一张表单、一套材料、每个事项一个案件")
class ApplicationType(Node):
    row: strawberry.Private[Application]
    loaded_cases: strawberry.Private[list[ApplicationCase] | None] = None
    loaded_timeline: strawberry.Private[list[TimelineEvent] | None] = None
    node_type: ClassVar[str] = "Application"

    @classmethod
    def of(cls, record: queries.ApplicationRecord) -> ApplicationType:
        return cls(
            row=record.application, loaded_cases=record.cases, loaded_timeline=record.timeline
        )

    def node_key(self) -> tuple[str, ...]:
        return (str(self.row.id),)

    @strawberry.field(
        description="申请的数据库标识（UUID），与审计事件的 applicationId 相同；缓存与 node(id:) 用 id"
    )
    def database_id(self) -> str:
        return str(self.row.id)

    @strawberry.field(
        description="申请所在租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field(description="申请所在租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="申请渠道")
    def channel(self) -> ChannelEnum:  # type: ignore[valid-type]
        return Channel(self.row.channel)

    @strawberry.field(description="申请状态")
    def state(self) -> ApplicationStateEnum:  # type: ignore[valid-type]
        return self.row.state

    @strawberry.field(description="乐观锁版本：变更时须带上读到的版本")
    def lock_version(self) -> int:
        return self.row.lock_version

    @strawberry.field(description="申请人的用户标识：申请归其所有（代为申请时为 onBehalfOf）")
    def owner(self) -> str:
        return self.row.owner

    @strawberry.field(
        description="提交人的用户标识：申请人本人、窗口人员、社区救助顾问、热线或组织"
    )
    def submitted_by(self) -> str:
        return self.row.submitted_by

    @strawberry.field(description="申请人姓名（提交时答案中的）")
    def applicant_name(self) -> str:
        return self.row.applicant_name

    @strawberry.field(
        description="申请人所在街道、社区的路径（区域代码以 / 连接）；未给出时为 null"
    )
    def area_path(self) -> str | None:
        return self.row.area_path

    @strawberry.field(description="所申请的事项代码（含因前置关系加入的）")
    def items(self) -> list[str]:
        return list(self.row.items)

    @strawberry.field(
        description="填写所依据的表单内容哈希（applicationForm.hash）：答案按此表单校验与解读"
    )
    def form_hash(self) -> str:
        return self.row.form_hash

    @strawberry.field(description="是否以个人承诺先行受理（应急期间）")
    def personal_commitment(self) -> bool:
        return self.row.personal_commitment

    @strawberry.field(description="提交时生效的应急措施代码（见 emergencyProvisions）")
    def emergency_provisions(self) -> list[str]:
        return list(self.row.emergency_provisions)

    @strawberry.field(
        description="所申请事项在本租户目录中今天的版本，与 items 一一对应；已不在目录中的为 null"
        "（items 是提交时的事项代码，仍是申请的记录）"
    )
    async def catalogue_items(self, info: Info) -> list[CatalogueItemType | None]:
        view = await _catalogue_of(info, self.row.tenant_id)
        items = view.catalogue.items
        return [
            CatalogueItemType.of(view, items[code]) if code in items else None
            for code in self.row.items
        ]

    @strawberry.field(
        description="联席会议指定的牵头部门代码；未经联席会议时为 null",
        deprecation_reason="#17：请用 leadDepartmentNode { code name }（指向部门对象）",
    )
    def lead_department(self) -> str | None:
        return self.row.lead_department

    @strawberry.field(
        description="联席会议指定的牵头部门（本租户的，无则最近的上级的）；未经联席会议时为 null"
    )
    async def lead_department_node(self, info: Info) -> DepartmentType | None:
        if self.row.lead_department is None:
            return None
        view = await _catalogue_of(info, self.row.tenant_id)
        row = view.departments.get(self.row.lead_department)
        return DepartmentType.of(row) if row is not None else None

    @strawberry.field(
        description="该户当前的需求综合评估（001 三（六）18）：所转介的部门和办理该户案件的部门读同一份；"
        "无评估或无权读取时为 null；读取记入审计"
    )
    async def needs_assessment(self, info: Info) -> NeedsAssessmentType | None:
        return await _needs_assessment_of(info, self.row.tenant_id, self.row.id, "Application")

    @strawberry.field(description="一门受理（及联席会议）的结果；未处理时为 null")
    def triage(self) -> TriageType | None:
        return None if self.row.triage is None else TriageType.of(self.row.triage)

    @strawberry.field(description="提交时间（ISO 8601，带时区偏移）")
    def submitted_at(self) -> datetime:
        assert self.row.submitted_at is not None
        return self.row.submitted_at

    @strawberry.field(description="最后变更时间（ISO 8601，带时区偏移）")
    def updated_at(self) -> datetime:
        assert self.row.updated_at is not None
        return self.row.updated_at

    @strawberry.field(description="每份材料对每个人的状态（提交时）")
    def materials(self) -> list[ApplicationMaterialType]:
        return [ApplicationMaterialType.of(m, self.row) for m in self.row.materials]

    @strawberry.field(
        description="答案（结构见 applicationSubmit 的 answers）；身份证号、银行账号、收入、健康信息对不需要的角色脱敏，明文读取记入审计；无法显示时为 null（只此字段报错）"
    )
    async def answers(self, info: Info) -> JSON | None:
        # Nullable: a node whose answers cannot be shown fails alone, not the whole page.
        return as_json(await application_loaders(info.context).answers.load(key_of(self.row)))

    @strawberry.field(description="每个事项的案件：部门、状态、期限、结果")
    async def cases(self, info: Info) -> list[CaseType]:
        return [CaseType(row=c) for c in await self._cases(info)]

    @strawberry.field(description="跨部门的统一时间线（一体查询）")
    async def timeline(self, info: Info) -> list[TimelineEntryType]:
        if self.loaded_timeline is None:
            loader = application_loaders(info.context).timeline
            self.loaded_timeline = await loader.load(key_of(self.row))
        return [TimelineEntryType.of(e) for e in self.loaded_timeline]

    @strawberry.field(
        description="发给申请人的通知（提交、受理或不予受理、补正、每项决定、超期致歉、办结），按生成顺序"
    )
    async def notifications(self, info: Info) -> list[NotificationType]:
        rows = await application_loaders(info.context).notifications.load(key_of(self.row))
        return [NotificationType(row=row) for row in rows]

    async def _cases(self, info: Info) -> list[ApplicationCase]:
        if self.loaded_cases is None:
            self.loaded_cases = await application_loaders(info.context).cases.load(key_of(self.row))
        return self.loaded_cases

    @strawberry.field(description="统一反馈：各事项的办理结果")
    async def result(self, info: Info) -> ResultType:
        cases = await self._cases(info)
        by_state: dict[CaseState, list[str]] = {}
        for case in cases:
            by_state.setdefault(case.state, []).append(case.item_code)
        return ResultType(
            finished=bool(cases) and all(c.state in CASE_FINAL_STATES for c in cases),
            approved=by_state.get(CaseState.APPROVED, []),
            denied=by_state.get(CaseState.DENIED, []),
            closed=by_state.get(CaseState.CLOSED, []) + by_state.get(CaseState.WITHDRAWN, []),
            open=[c.item_code for c in cases if c.state not in CASE_FINAL_STATES],
        )


async def _catalogue_of(info: Info, tenant: str) -> TenantView:
    """The tenant's catalogue today: read once per request and tenant (a page of applications
    asks for it once per application), and shared across requests per content revision."""
    views: dict[str, asyncio.Future[TenantView]] = info.context.request_loaders.setdefault(
        "applications.catalogue_views", {}
    )
    if tenant not in views:

        async def read() -> TenantView:
            async with info.context.db.session() as session:
                return await catalogue_service.tenant_view(
                    session,
                    info.context.caches.of(CatalogueCaches),
                    tenant=tenant,
                    as_of=today_in_china(),
                )

        views[tenant] = asyncio.ensure_future(read())
    return await views[tenant]


@relay_connection(
    description="申请的分页列表（Relay 连接），新者在前",
    edge="申请连接中的一条",
    node="申请",
    edges="本页的申请",
)
class ApplicationConnection(CountedConnection[ApplicationType]):
    pass


@relay_connection(
    description="案件的分页列表（Relay 连接），新者在前",
    edge="案件连接中的一条",
    node="案件",
    edges="本页的案件",
)
class CaseConnection(CountedConnection[CaseType]):
    pass


@strawberry.type(
    name="EmergencyMode", description="本地区启用的应急措施及期间（沪民救发〔2022〕9号）"
)
class EmergencyModeType:
    tenant_code: str = strawberry.field(
        description="设定的租户代码；对其下级同样适用",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="设定的租户；对其下级同样适用")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    provision: str = strawberry.field(
        description="应急措施代码，如 same_day_application_48h_review（当日申请、48 小时内审核）"
    )
    starts_at: datetime = strawberry.field(description="开始时间（ISO 8601，带时区偏移）")
    ends_at: datetime | None = strawberry.field(
        description="结束时间（ISO 8601，带时区偏移）；未定时为 null"
    )
    set_by: str = strawberry.field(description="设定者的用户标识")

    @classmethod
    def of(cls, row: EmergencyMode) -> EmergencyModeType:
        return cls(
            tenant_code=row.tenant_id,
            provision=row.provision,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            set_by=row.set_by,
        )


async def _needs_assessment_of(
    info: Info, tenant_id: str, application_id: uuid.UUID, via: str
) -> NeedsAssessmentType | None:
    row = await assessment_loader(info.context).load((tenant_id, application_id, via))
    return None if row is None else NeedsAssessmentType(row=row)
