"""GraphQL: a tenant's effective catalogue, one item in detail, the shared libraries."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry

from socialaid.catalogue import service
from socialaid.catalogue.files import (
    DataElement,
    EvidenceType,
    ItemFile,
    MaterialUse,
    Mode,
    Parameter,
    TargetGroup,
)
from socialaid.catalogue.inheritance import EffectiveItem, Origin
from socialaid.catalogue.service import CatalogueCaches, TenantView
from socialaid.clock import today_in_china
from socialaid.kernel.context import Info
from socialaid.kernel.scalars import JSON, as_json
from socialaid.sources import SourceRef
from socialaid.tenancy.graphql import DepartmentType

ItemModeEnum = strawberry.enum(
    Mode, name="ItemMode", description="办理方式：依申请、免申即享、非依申请"
)
OriginEnum = strawberry.enum(
    Origin, name="Origin", description="取值来源：本级、继承、本级或上级覆盖"
)


@strawberry.type(name="Source", description="出处：种子文件（或外部文件）及章节")
class SourceType:
    seed: str | None
    document: str | None
    section: str
    quote: str | None

    @classmethod
    def of(cls, ref: SourceRef | dict[str, Any]) -> SourceType:
        r = ref if isinstance(ref, SourceRef) else SourceRef.model_validate(ref)
        return cls(seed=r.seed, document=r.document, section=r.section, quote=r.quote)


@strawberry.type(name="TargetGroup", description="救助对象类别")
class TargetGroupType:
    code: str
    name: str
    description: str | None
    source: SourceType

    @classmethod
    def of(cls, g: TargetGroup) -> TargetGroupType:
        return cls(
            code=g.code, name=g.name, description=g.description, source=SourceType.of(g.source)
        )


@strawberry.type(name="CodeValue")
class CodeValueType:
    code: str
    label: str


@strawberry.type(name="DataElement", description="数据元（表单字段），以规范的点分键标识")
class DataElementType:
    key: str
    label: str
    type: str
    code_list: str | None
    code_values: list[CodeValueType]
    constraints: JSON
    sensitivity: str
    repeat_group: str | None
    source: SourceType


@strawberry.type(name="EvidenceType", description="材料类型")
class EvidenceTypeType:
    code: str
    name: str
    issuer: str | None
    government_issued: bool
    electronic_licence: bool
    shared_data: bool
    source: SourceType

    @classmethod
    def of(cls, e: EvidenceType) -> EvidenceTypeType:
        return cls(
            code=e.code,
            name=e.name,
            issuer=e.issuer,
            government_issued=e.government_issued,
            electronic_licence=e.electronic_licence,
            shared_data=e.shared_data,
            source=SourceType.of(e.source),
        )


@strawberry.type(name="TimeLimit", description="时限（工作日）")
class TimeLimitType:
    statutory_working_days: int | None
    promised_working_days: int | None


@strawberry.type(name="LegalBasis", description="政策依据")
class LegalBasisType:
    title: str
    number: str | None
    article: str | None


@strawberry.type(name="ItemDependency", description="串联办理：等待所列事项之一的决定")
class DependencyType:
    items: list[str]
    reason: str
    on_denied: str
    prerequisite: str


@strawberry.type(
    name="ItemExclusion",
    description="排除关系：所列事项之一获准予即排除本事项；同一申请中本事项待其决定后办理",
)
class ExclusionType:
    items: list[str] = strawberry.field(description="其准予即排除本事项的事项代码")
    reason: str = strawberry.field(description="排除的理由及出处说明")


@strawberry.type(name="ItemDependencies")
class DependenciesType:
    requires_decision_of: list[DependencyType]
    excludes: list[str]
    excluded_by_approval_of: list[ExclusionType] = strawberry.field(
        description="其准予即排除本事项的事项（如低收入困难家庭认定以未纳入最低生活保障为前提）"
    )


@strawberry.type(
    name="OrganisationFiling",
    description="由组织代为申报：组织经 ORGANISATION 渠道为其成员申报，成员为申请对象",
)
class OrganisationFilingType:
    organisation: str = strawberry.field(description="代为申报的组织，如基层工会")
    department_code: str = strawberry.field(description="该组织所属职能部门代码，如 trade_union")
    system: str | None = strawberry.field(description="申报所用系统，如“申工通”")
    subject: str = strawberry.field(description="申请对象，如困难工会会员")
    source: SourceType = strawberry.field(description="出处")


@strawberry.type(name="ElementProvenance")
class ElementProvenanceType:
    element: str
    origin: OriginEnum  # type: ignore[valid-type]
    tenant: str


@strawberry.type(name="Provenance", description="事项及其各要素的取值来源")
class ProvenanceType:
    owner: str
    origin: OriginEnum  # type: ignore[valid-type]
    overridden_by: list[str]
    elements: list[ElementProvenanceType]


@strawberry.type(name="ProcessStep")
class ProcessStepType:
    name: str
    actor: str
    level: str
    description: str | None
    time_limit_working_days: int | None


@strawberry.type(name="Place")
class PlaceType:
    name: str
    level: str


@strawberry.type(name="Parameter", description="租户参数：种子文件未给出的金额、标准等，由租户设定")
class ParameterType:
    key: str
    label: str
    unit: str | None
    value: JSON | None
    source: SourceType

    @classmethod
    def of(cls, p: Parameter) -> ParameterType:
        return cls(
            key=p.key,
            label=p.label,
            unit=p.unit,
            value=as_json(p.value),
            source=SourceType.of(p.source),
        )


@strawberry.type(name="Benefit")
class BenefitType:
    content: str
    formula: JSON | None
    formula_text: str | None
    period: str | None
    max_duration_months: int | None = strawberry.field(
        description="累计最长期限（月）；maxDurationException 所述人员除外"
    )
    max_duration_exception: str | None = strawberry.field(
        description="可超过最长期限的情形（依据原文），由部门决定期限时适用"
    )


@strawberry.type(name="ItemField", description="事项对一个数据元的使用")
class ItemFieldType:
    key: str
    label: str
    type: str
    required: bool
    required_when: JSON | None
    visible_when: JSON | None
    constraints: JSON
    purpose: str
    sensitivity: str


@strawberry.type(
    name="ReviewStandard", description="审查标准：审查形式、审查要点、常见问题、错误示例"
)
class ReviewStandardType:
    form: str
    points: list[str]
    common_problems: list[str]
    error_examples: list[str]


@strawberry.type(name="ItemMaterial", description="事项所需材料")
class ItemMaterialType:
    evidence: EvidenceTypeType
    subject: str
    subject_when: JSON | None
    necessity: str
    required_when: JSON | None
    original: str
    medium: str | None
    purpose: str
    allows: list[str]
    review_standard: ReviewStandardType | None


@strawberry.type(name="Faq")
class FaqType:
    question: str
    answer: str


@strawberry.type(name="ReverificationPeriod", description="定期核查周期之一：适用的家庭及其周期")
class ReverificationPeriodType:
    code: str = strawberry.field(description="周期的稳定代码")
    period_months: int = strawberry.field(description="核查周期（月）")
    applies_to: str = strawberry.field(description="适用的家庭，按种子文件原话")
    source: SourceType = strawberry.field(description="出处")


@strawberry.type(name="Reverification", description="定期核查")
class ReverificationType:
    period_months: int | None
    description: str | None
    periods: list[ReverificationPeriodType] = strawberry.field(
        description="按家庭情况分列的多个核查周期；分列时 periodMonths 为空"
    )


@strawberry.input(description="目录筛选：部门、对象类别、办理方式、中文关键词（名称与条件）")
class CatalogueItemFilter:
    department: str | None = None
    target_group: str | None = None
    mode: ItemModeEnum | None = None  # type: ignore[valid-type]
    keyword: str | None = None


def _material(view_library: dict[str, EvidenceType], m: MaterialUse) -> ItemMaterialType:
    review = m.review
    return ItemMaterialType(
        evidence=EvidenceTypeType.of(view_library[m.evidence]),
        subject=m.subject.value,
        subject_when=as_json(m.subject_when),
        necessity=m.necessity,
        required_when=as_json(m.required_when),
        original=m.original,
        medium=m.medium,
        purpose=m.purpose,
        allows=[a.value for a in m.allows],
        review_standard=ReviewStandardType(
            form=review.form,
            points=list(review.points),
            common_problems=list(review.common_problems),
            error_examples=list(review.error_examples),
        )
        if review
        else None,
    )


@strawberry.type(name="CatalogueItem", description="事项（含子项），按查看租户的有效版本")
class CatalogueItemType:
    view: strawberry.Private[TenantView]
    effective: strawberry.Private[EffectiveItem]
    spec: strawberry.Private[ItemFile]

    @classmethod
    def of(cls, view: TenantView, effective: EffectiveItem) -> CatalogueItemType:
        return cls(view=view, effective=effective, spec=view.specs[effective.code])

    @strawberry.field
    def code(self) -> str:
        return self.spec.code

    @strawberry.field
    def name(self) -> str:
        return self.spec.name

    @strawberry.field
    def parent_code(self) -> str | None:
        return self.spec.parent

    @strawberry.field
    def children(self) -> list[Annotated[CatalogueItemType, strawberry.lazy(__name__)]]:
        return [
            CatalogueItemType.of(self.view, c)
            for c in self.view.catalogue.children_of(self.spec.code)
        ]

    @strawberry.field
    def mode(self) -> ItemModeEnum:  # type: ignore[valid-type]
        return self.spec.mode

    @strawberry.field
    def category(self) -> str | None:
        return self.spec.category

    @strawberry.field(description="办理部门：查看租户中该职能的部门（无则取最近的上级）")
    def department(self) -> DepartmentType | None:
        row = self.view.departments.get(self.spec.department)
        return DepartmentType.of(row) if row else None

    @strawberry.field
    def department_code(self) -> str:
        return self.spec.department

    @strawberry.field
    def target_groups(self) -> list[TargetGroupType]:
        library = self.view.library
        return [
            TargetGroupType.of(library.target_groups[g])
            for g in self.spec.target_groups
            if g in library.target_groups
        ]

    @strawberry.field
    def target_description(self) -> str | None:
        return self.spec.target_description

    @strawberry.field
    def acceptance_conditions(self) -> str | None:
        return self.spec.acceptance_conditions

    @strawberry.field(description="可机读的资格条件（JSONLogic）")
    def eligibility(self) -> JSON | None:
        return as_json(self.spec.eligibility)

    @strawberry.field
    def benefit(self) -> BenefitType | None:
        b = self.spec.benefit
        if b is None:
            return None
        return BenefitType(
            content=b.content,
            formula=as_json(b.formula),
            formula_text=b.formula_text,
            period=b.period,
            max_duration_months=b.max_duration_months,
            max_duration_exception=b.max_duration_exception,
        )

    @strawberry.field
    def parameters(self) -> list[ParameterType]:
        return [ParameterType.of(p) for p in self.spec.parameters]

    @strawberry.field
    def process_steps(self) -> list[ProcessStepType]:
        return [
            ProcessStepType(
                name=s.name,
                actor=s.actor.value,
                level=s.level.value,
                description=s.description,
                time_limit_working_days=s.time_limit_working_days,
            )
            for s in self.spec.process
        ]

    @strawberry.field
    def channels(self) -> list[str]:
        return [c.value for c in self.spec.channels]

    @strawberry.field
    def acceptance_places(self) -> list[PlaceType]:
        return [PlaceType(name=p.name, level=p.level.value) for p in self.spec.acceptance_places]

    @strawberry.field
    def time_limit(self) -> TimeLimitType:
        t = self.spec.time_limits
        return TimeLimitType(
            statutory_working_days=t.statutory_working_days,
            promised_working_days=t.promised_working_days,
        )

    @strawberry.field
    def legal_basis(self) -> list[LegalBasisType]:
        return [
            LegalBasisType(title=b.title, number=b.number, article=b.article)
            for b in self.spec.legal_basis
        ]

    @strawberry.field
    def dependencies(self) -> DependenciesType:
        return DependenciesType(
            requires_decision_of=[
                DependencyType(
                    items=list(d.items),
                    reason=d.reason,
                    on_denied=d.on_denied,
                    prerequisite=d.prerequisite,
                )
                for d in self.spec.requires_decision_of
            ],
            excludes=list(self.spec.excludes),
            excluded_by_approval_of=[
                ExclusionType(items=list(e.items), reason=e.reason)
                for e in self.spec.excluded_by_approval_of
            ],
        )

    @strawberry.field(description="由组织代为申报时：哪个组织、经何系统、为谁申报；否则为空")
    def filed_by(self) -> OrganisationFilingType | None:
        f = self.spec.filed_by
        if f is None:
            return None
        return OrganisationFilingType(
            organisation=f.organisation,
            department_code=f.department,
            system=f.system,
            subject=f.subject,
            source=SourceType.of(f.source),
        )

    @strawberry.field
    def reverification(self) -> ReverificationType | None:
        r = self.spec.reverification
        if r is None:
            return None
        return ReverificationType(
            period_months=r.period_months,
            description=r.description,
            periods=[
                ReverificationPeriodType(
                    code=p.code,
                    period_months=p.period_months,
                    applies_to=p.applies_to,
                    source=SourceType.of(p.source),
                )
                for p in r.periods
            ],
        )

    @strawberry.field
    def faq(self) -> list[FaqType]:
        return [FaqType(question=f.question, answer=f.answer) for f in self.spec.faq]

    @strawberry.field
    def fields(self) -> list[ItemFieldType]:
        library = self.view.library
        out = []
        for use in self.spec.fields:
            element = library.data_elements[use.key]
            out.append(
                ItemFieldType(
                    key=use.key,
                    label=element.label,
                    type=element.type.value,
                    required=use.required,
                    required_when=as_json(use.required_when),
                    visible_when=as_json(use.visible_when),
                    constraints=as_json({**element.constraints, **use.constraints}),
                    purpose=use.purpose,
                    sensitivity=element.sensitivity.value,
                )
            )
        return out

    @strawberry.field
    def materials(self) -> list[ItemMaterialType]:
        library = self.view.library
        return [_material(library.evidence_types, m) for m in self.spec.materials]

    @strawberry.field
    def status(self) -> str:
        return self.spec.status.value

    @strawberry.field
    def version(self) -> int:
        return self.effective.version

    @strawberry.field
    def effective_from(self) -> date:
        return self.spec.effective_from

    @strawberry.field
    def effective_to(self) -> date | None:
        return self.spec.effective_to

    @strawberry.field
    def source(self) -> SourceType:
        return SourceType.of(self.spec.source)

    @strawberry.field
    def provenance(self) -> ProvenanceType:
        e = self.effective
        return ProvenanceType(
            owner=e.owner,
            origin=e.origin,
            overridden_by=list(e.overridden_by),
            elements=[
                ElementProvenanceType(element=k, origin=v.origin, tenant=v.tenant)
                for k, v in e.elements.items()
            ],
        )


def _matches(item: ItemFile, f: CatalogueItemFilter | None) -> bool:
    if f is None:
        return True
    if f.department and item.department != f.department:
        return False
    if f.target_group and f.target_group not in item.target_groups:
        return False
    if f.mode is not None and item.mode != f.mode:
        return False
    if f.keyword:
        texts = (
            item.name,
            item.target_description,
            item.acceptance_conditions,
            item.benefit.content if item.benefit else None,
        )
        if not any(f.keyword in t for t in texts if t):
            return False
    return True


@strawberry.type(name="Catalogue", description="一个租户在某日的有效事项目录")
class CatalogueType:
    view: strawberry.Private[TenantView]
    as_of: date

    @strawberry.field
    def tenant_code(self) -> str:
        return self.view.tenant.tenant_id

    @strawberry.field(description="平铺的事项列表（含子项），可筛选")
    def items(self, filter: CatalogueItemFilter | None = None) -> list[CatalogueItemType]:
        out = []
        for effective in self.view.catalogue.items.values():
            item = CatalogueItemType.of(self.view, effective)
            if _matches(item.spec, filter):
                out.append(item)
        return sorted(out, key=lambda i: i.spec.code)

    @strawberry.field
    def channels(self) -> list[str]:
        return [c.value for c in self.view.config.channels] if self.view.config else []

    @strawberry.field
    def parameters(self) -> list[ParameterType]:
        if self.view.config is None:
            return []
        return [ParameterType.of(p) for p in self.view.config.parameters]

    @strawberry.field
    def disabled_items(self) -> list[str]:
        return list(self.view.config.disabled_items) if self.view.config else []


def _element(
    e: DataElement, library_code_lists: dict[str, Any], group: str | None
) -> DataElementType:
    values = library_code_lists[e.code_list].values if e.code_list in library_code_lists else []
    return DataElementType(
        key=e.key,
        label=e.label,
        type=e.type.value,
        code_list=e.code_list,
        code_values=[CodeValueType(code=v.code, label=v.label) for v in values],
        constraints=as_json(e.constraints),
        sensitivity=e.sensitivity.value,
        repeat_group=group,
        source=SourceType.of(e.source),
    )


@strawberry.type
class CatalogueQuery:
    @strawberry.field(
        description="租户在某日（默认今天）的有效目录：上级事项 + 本级覆盖 + 本级事项 − 本级停用"
    )
    async def catalogue(self, info: Info, tenant: str, as_of: date | None = None) -> CatalogueType:
        day = as_of or today_in_china()
        async with info.context.db.session() as session:
            view = await service.tenant_view(
                session, info.context.caches.of(CatalogueCaches), tenant=tenant, as_of=day
            )
        return CatalogueType(view=view, as_of=day)

    @strawberry.field(description="一个事项的详情：字段、材料（含审查标准）、流程、依据")
    async def item(
        self, info: Info, tenant: str, code: str, as_of: date | None = None
    ) -> CatalogueItemType:
        day = as_of or today_in_china()
        async with info.context.db.session() as session:
            view, item = await service.get_item(
                session,
                info.context.caches.of(CatalogueCaches),
                tenant=tenant,
                code=code,
                as_of=day,
            )
        return CatalogueItemType.of(view, item)

    @strawberry.field(description="共享数据元库")
    async def data_elements(self, info: Info) -> list[DataElementType]:
        async with info.context.db.session() as session:
            library = await service.library(session, info.context.caches.of(CatalogueCaches))
        return [
            _element(e, library.code_lists, library.repeat_group_of(e.key))
            for e in library.data_elements.values()
        ]

    @strawberry.field(description="共享材料类型库")
    async def evidence_types(self, info: Info) -> list[EvidenceTypeType]:
        async with info.context.db.session() as session:
            library = await service.library(session, info.context.caches.of(CatalogueCaches))
        return [EvidenceTypeType.of(e) for e in library.evidence_types.values()]

    @strawberry.field(description="对象类别库")
    async def target_groups(self, info: Info) -> list[TargetGroupType]:
        async with info.context.db.session() as session:
            library = await service.library(session, info.context.caches.of(CatalogueCaches))
        return [TargetGroupType.of(g) for g in library.target_groups.values()]
