"""GraphQL for the needs assessment: `needsAssessment(id)`, `needsAssessmentRecord`,
`needsAssessmentRevise`, and the type `Application.needsAssessment` and `Case.needsAssessment`
show."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.catalogue.graphql import SourceType
from socialaid.clock import today_in_china
from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.global_id import encode_global_id
from socialaid.kernel.node import Node
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.needs import service
from socialaid.needs.identity import TYPE_NAME, assessment_global_id
from socialaid.needs.models import NeedsAssessment
from socialaid.needs.scoring import Outcome

NeedsAssessmentOutcomeEnum = described_enum(
    Outcome,
    name="NeedsAssessmentOutcome",
    description="需求评估能否提出建议",
    values={
        "PROPOSED": "已提出建议（PROPOSED）：按本区设定的权重和阈值提出申请事项和转介部门（可为空：未达阈值）",
        "CANNOT_PROPOSE": "不能提出建议（CANNOT_PROPOSE）：本区尚未设定 missingParameters 所列参数，"
        "评分已记录，设定后修订或重新评估即可提出",
    },
)


@strawberry.type(name="NeedsDimensionResult", description="一个维度的评分与判断")
class NeedsDimensionResultType:
    code: str = strawberry.field(description="维度代码，如 material、health")
    name: str = strawberry.field(description="维度名称（种子文件原文），如 物质、健康")
    score: float = strawberry.field(description="家庭困境程度评分，0 到 1（0 为无困难）")
    weight: float | None = strawberry.field(description="本区设定的权重；未设定为 null")
    threshold: float | None = strawberry.field(description="本区设定的阈值；未设定为 null")
    reached: bool | None = strawberry.field(
        description="评分是否达到阈值（不低于阈值）；阈值未设定为 null"
    )
    items: list[str] = strawberry.field(description="因本维度建议申请的事项代码")
    departments: list[str] = strawberry.field(description="因本维度建议转介的部门代码")
    source: SourceType = strawberry.field(description="维度的出处")
    referral_source: SourceType | None = strawberry.field(
        description="维度与事项、部门对应的出处；未对应任何事项或部门时为 null"
    )


@strawberry.type(name="NeedsParameterUsed", description="评估所依据的一个参数及其取值")
class NeedsParameterUsedType:
    key: str = strawberry.field(description="参数代码，如 needs_weight_material")
    label: str | None = strawberry.field(description="参数名称")
    value: float | None = strawberry.field(description="评估时的取值；未设定为 null")
    value_tenant: str | None = strawberry.field(description="设定该值的租户代码；未设定为 null")
    value_effective_from: str | None = strawberry.field(
        description="该值的生效日期（YYYY-MM-DD）；未设定为 null"
    )


@strawberry.type(name="NeedsProposedItem", description="建议申请的事项")
class NeedsProposedItemType:
    code: str = strawberry.field(description="事项代码")
    name: str = strawberry.field(description="事项名称")


@strawberry.type(
    name="NeedsAssessment",
    description="家庭救助需求综合评估（长宁 001 三（六）18；003 五）：一户一份当前评估，"
    "“需求统一评估、对象统一认定、结果多方应用、救助综合实施”——所转介的部门和办理该户案件的部门读同一份评估；"
    "每次读取记入审计",
)
class NeedsAssessmentType(Node):
    node_type: ClassVar[str] = TYPE_NAME
    row: strawberry.Private[NeedsAssessment]

    def node_key(self) -> tuple[str, ...]:
        return (self.row.tenant_id, str(self.row.id))

    @strawberry.field(description="所在租户代码")
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field(description="据以评估的申请（Application.id）")
    def application_id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("Application", str(self.row.application_id)))

    @strawberry.field(description="该户的第几次评估（1 起）")
    def revision(self) -> int:
        return self.row.revision

    @strawberry.field(description="被本评估取代的上一份评估的 id；首次评估为 null")
    def supersedes(self) -> strawberry.ID | None:
        if self.row.supersedes is None:
            return None
        return strawberry.ID(assessment_global_id(self.row.tenant_id, self.row.supersedes))

    @strawberry.field(description="能否提出建议")
    def outcome(self) -> NeedsAssessmentOutcomeEnum:  # type: ignore[valid-type]
        return Outcome(self.row.proposal["outcome"])

    @strawberry.field(description="不能提出建议的说明（中文）；已提出建议为 null")
    def cannot_propose_reason(self) -> str | None:
        missing = self.row.proposal["missing_parameters"]
        if not missing:
            return None
        labels = {p["key"]: p.get("label") for p in self.row.basis["parameters"]}
        names = "、".join(f"{labels.get(k) or k}（{k}）" for k in missing)
        return f"本区尚未设定{names}，不能提出申请事项和转介部门的建议；设定后修订本评估即可"

    @strawberry.field(description="尚未设定、致使不能提出建议的参数代码")
    def missing_parameters(self) -> list[str]:
        return list(self.row.proposal["missing_parameters"])

    @strawberry.field(description="各维度的评分与判断，按目录所列顺序")
    def dimensions(self) -> list[NeedsDimensionResultType]:
        sources: dict[str, Any] = self.row.proposal["sources"]
        out = []
        for d in self.row.proposal["dimensions"]:
            cited = sources.get(d["code"], {})
            referral = cited.get("referral_source")
            out.append(
                NeedsDimensionResultType(
                    code=d["code"],
                    name=d["name"],
                    score=d["score"],
                    weight=d["weight"],
                    threshold=d["threshold"],
                    reached=d["reached"],
                    items=list(d["items"]),
                    departments=list(d["departments"]),
                    source=SourceType.of(cited["source"]),
                    referral_source=None if referral is None else SourceType.of(referral),
                )
            )
        return out

    @strawberry.field(
        description="家庭困境程度：各维度评分按本区权重的加权合计；不能提出建议时为 null"
    )
    def composite(self) -> float | None:
        value = self.row.proposal["composite"]
        return None if value is None else float(value)

    @strawberry.field(description="加权合计的阈值（本区设定）；未设定为 null")
    def composite_threshold(self) -> float | None:
        value = self.row.proposal["composite_threshold"]
        return None if value is None else float(value)

    @strawberry.field(description="加权合计是否达到阈值；不能提出建议时为 null")
    def composite_reached(self) -> bool | None:
        value = self.row.proposal["composite_reached"]
        return None if value is None else bool(value)

    @strawberry.field(description="建议申请的事项（各维度合并，去重）")
    def proposed_items(self) -> list[NeedsProposedItemType]:
        names: dict[str, str] = self.row.proposal["item_names"]
        return [
            NeedsProposedItemType(code=c, name=names.get(c, c)) for c in self.row.proposal["items"]
        ]

    @strawberry.field(description="建议转介的部门代码（各维度合并，去重）；这些部门可读本评估")
    def referred_departments(self) -> list[str]:
        return list(self.row.departments)

    @strawberry.field(description="评估人的备注")
    def notes(self) -> str:
        return self.row.notes

    @strawberry.field(description="评估方案（目录 needs_assessment）的版本")
    def scheme_version(self) -> int:
        return int(self.row.basis["scheme_version"])

    @strawberry.field(description="评估时的目录内容版本号（content revision）")
    def catalogue_revision(self) -> int:
        return int(self.row.basis["content_revision"])

    @strawberry.field(description="评估所依据的各参数及其取值（评估时）")
    def parameters(self) -> list[NeedsParameterUsedType]:
        out = []
        for p in self.row.basis["parameters"]:
            value = p["value"]
            out.append(
                NeedsParameterUsedType(
                    key=p["key"],
                    label=p.get("label"),
                    value=None if value is None else float(value),
                    value_tenant=p.get("tenant"),
                    value_effective_from=p.get("effective_from"),
                )
            )
        return out

    @strawberry.field(description="评估人的用户标识")
    def recorded_by(self) -> str:
        return self.row.recorded_by

    @strawberry.field(description="评估时间（ISO 8601，带时区偏移）")
    def recorded_at(self) -> datetime:
        assert self.row.recorded_at is not None
        return self.row.recorded_at


@strawberry.type
class NeedsQuery:
    @strawberry.field(
        description="一份需求评估：社区救助顾问、受理窗口（本辖区的）、所转介的部门和办理该户案件的部门、"
        "联席会议和审计人员可读，其他部门无权（FORBIDDEN）；读取记入审计"
    )
    async def needs_assessment(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="需求评估的 id")],
    ) -> NeedsAssessmentType:
        async with scoped_session(info.context.db, info.context.principal) as session:
            row = await service.read_assessment(
                session, info.context.principal, id, request_id=info.context.request_id
            )
        return NeedsAssessmentType(row=row)


@strawberry.input(description="一个维度的评分")
class NeedsScoreInput:
    dimension: str = strawberry.field(
        description="维度代码（见目录 needs_assessment），如 material"
    )
    score: float = strawberry.field(description="家庭困境程度，0 到 1（0 为无困难，1 为最重）")


@strawberry.input(description="为一户家庭作需求综合评估")
class NeedsAssessmentRecordInput:
    tenant: str = strawberry.field(description="租户（行政区划代码），如 310105")
    application: strawberry.ID = strawberry.field(
        description="该户的申请（Application.id）；同一申请人的各份申请共用一份当前评估"
    )
    scores: list[NeedsScoreInput] = strawberry.field(description="每个维度一项，不可缺漏或重复")
    notes: str = strawberry.field(default="", description="备注（至多 2000 字）")


@strawberry.input(description="修订一户家庭当前的需求评估（按今天的参数重新计算建议）")
class NeedsAssessmentReviseInput:
    id: strawberry.ID = strawberry.field(description="当前的需求评估 id")
    scores: list[NeedsScoreInput] = strawberry.field(description="每个维度一项，不可缺漏或重复")
    notes: str = strawberry.field(default="", description="备注（至多 2000 字）")


def _scores(given: list[NeedsScoreInput]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for entry in given:
        if entry.dimension in scores:
            raise DomainError(
                f"维度 {entry.dimension} 评了两次", path=["input", "scores", entry.dimension]
            )
        scores[entry.dimension] = entry.score
    return scores


NeedsAssessmentError = payload_error(
    "NeedsAssessmentError",
    [ErrorCode.NOT_FOUND],
    operations="需求评估的变更（needsAssessmentRecord、needsAssessmentRevise）",
)


@strawberry.type(description="needsAssessmentRecord、needsAssessmentRevise 的结果")
class NeedsAssessmentPayload(Failable):
    error_type = NeedsAssessmentError
    needs_assessment: NeedsAssessmentType | None = strawberry.field(
        default=None, description="记录的评估（该户的当前评估）；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(NeedsAssessmentError)


@strawberry.type
class NeedsMutation:
    @strawberry.mutation(
        description="为一户家庭作需求综合评估（社区救助顾问、受理窗口、经办人员）：按本区的权重和阈值提出"
        "申请事项和转介部门；参数未设定时记录评分并说明不能提出建议；记入审计"
    )
    async def needs_assessment_record(
        self,
        info: Info,
        input: Annotated[
            NeedsAssessmentRecordInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> NeedsAssessmentPayload:
        async def work(uow: UnitOfWork) -> NeedsAssessmentPayload:
            row = await service.needs_assessment_record(
                uow,
                tenant=input.tenant,
                application=input.application,
                scores=_scores(input.scores),
                notes=input.notes,
                today=today_in_china(),
            )
            return NeedsAssessmentPayload(needs_assessment=NeedsAssessmentType(row=row))

        return await run_mutation(info, NeedsAssessmentPayload, work)

    @strawberry.mutation(
        description="修订一户家庭当前的需求评估：新的一份取代它（revision 加 1），按今天的参数重新提出建议；"
        "已被取代的评估不能修订（CONFLICT）；记入审计"
    )
    async def needs_assessment_revise(
        self,
        info: Info,
        input: Annotated[
            NeedsAssessmentReviseInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> NeedsAssessmentPayload:
        async def work(uow: UnitOfWork) -> NeedsAssessmentPayload:
            row = await service.needs_assessment_revise(
                uow,
                assessment=input.id,
                scores=_scores(input.scores),
                notes=input.notes,
                today=today_in_china(),
            )
            return NeedsAssessmentPayload(needs_assessment=NeedsAssessmentType(row=row))

        return await run_mutation(info, NeedsAssessmentPayload, work)
