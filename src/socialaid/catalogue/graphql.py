"""GraphQL: a tenant's effective catalogue, one item in detail, the shared libraries."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar

import strawberry

from socialaid.catalogue import service
from socialaid.catalogue.admin import MANAGED_ELEMENTS
from socialaid.catalogue.files import (
    LOCKED_ELEMENTS,
    DataElement,
    EvidenceType,
    ItemFile,
    MaterialUse,
    Mode,
    Parameter,
    TargetGroup,
)
from socialaid.catalogue.graphql_vocabulary import (
    ActorEnum,
    BenefitPeriod,
    BenefitPeriodEnum,
    Category,
    CategoryEnum,
    ChannelEnum,
    ElectionEnum,
    ElementTypeEnum,
    ItemStatusEnum,
    LevelEnum,
    Necessity,
    NecessityEnum,
    OnDenied,
    OnDeniedEnum,
    Original,
    OriginalEnum,
    Prerequisite,
    PrerequisiteEnum,
    SensitivityEnum,
    SubjectEnum,
)
from socialaid.catalogue.inheritance import EffectiveItem, Origin
from socialaid.catalogue.parameter_values import ResolvedParameter, ValueOrigin
from socialaid.catalogue.service import CatalogueCaches, TenantView
from socialaid.clock import today_in_china
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.node import Node
from socialaid.kernel.scalars import JSON, as_json
from socialaid.sources import SourceRef
from socialaid.tenancy.graphql import DepartmentType, TenantType, tenant_of

# The descriptions of arguments every catalogue query takes.
TENANT = "查看的租户（行政区划代码，GB/T 2260），如 310105"
AS_OF = "日期（YYYY-MM-DD，中国时间的日历日）；省略为今天"

ItemModeEnum = described_enum(
    Mode,
    name="ItemMode",
    description="办理方式：依申请、免申即享、非依申请",
    values={
        "ON_APPLICATION": "依申请（ON_APPLICATION）：由申请人（或代办人）提出申请后办理",
        "AUTO_GRANTED": "免申即享（AUTO_GRANTED）：无需申请，前置认定准予为所服务的对象类别时自动给予",
        "ORGANISED": "非依申请（ORGANISED）：由部门或组织主动组织实施，不经个人申请",
    },
)
OriginEnum = described_enum(
    Origin,
    name="Origin",
    description="取值来源：本级、继承、本级或上级覆盖",
    values={
        "LOCAL": "本级（LOCAL）：由查看的租户自己定义",
        "INHERITED": "继承（INHERITED）：按上级（所有者）的定义，未经改动",
        "OVERRIDDEN": "覆盖（OVERRIDDEN）：经本级或途经的上级租户以合并补丁改动",
    },
)


@strawberry.type(name="Source", description="出处：种子文件（或外部文件）及章节")
class SourceType:
    seed: str | None = strawberry.field(
        description="种子文件名（docs/seeds/ 下）；出处为外部文件时为 null"
    )
    document: str | None = strawberry.field(
        description="外部文件名称（如区政府的办事指南）；出处为种子文件时通常为 null"
    )
    section: str = strawberry.field(description="章节，如“三（二）4”或“文头”")
    quote: str | None = strawberry.field(description="原文摘录；无则为 null")

    @classmethod
    def of(cls, ref: SourceRef | dict[str, Any]) -> SourceType:
        r = ref if isinstance(ref, SourceRef) else SourceRef.model_validate(ref)
        return cls(seed=r.seed, document=r.document, section=r.section, quote=r.quote)


@strawberry.type(name="TargetGroup", description="救助对象类别")
class TargetGroupType:
    code: str = strawberry.field(
        description="对象类别代码，如 dibao_family（低保家庭）、extremely_poor（特困人员）"
    )
    name: str = strawberry.field(description="中文名称，如“低保对象”")
    description: str | None = strawberry.field(description="说明（依据原文）；无则为 null")
    source: SourceType = strawberry.field(description="出处：种子文件或外部文件及章节")

    @classmethod
    def of(cls, g: TargetGroup) -> TargetGroupType:
        return cls(
            code=g.code, name=g.name, description=g.description, source=SourceType.of(g.source)
        )


@strawberry.type(name="CodeValue", description="代码表中的一个取值")
class CodeValueType:
    code: str = strawberry.field(description="取值代码（答案中填写的值）")
    label: str = strawberry.field(description="中文标签（界面显示）")


@strawberry.type(name="DataElement", description="数据元（表单字段），以规范的点分键标识")
class DataElementType:
    key: str = strawberry.field(
        description="规范的点分键，如 applicant.name、household.members[].name（[] 表示重复组中的每一行）"
    )
    label: str = strawberry.field(description="中文标签")
    type: ElementTypeEnum = strawberry.field(  # type: ignore[valid-type]
        description="取值类型"
    )
    code_list: str | None = strawberry.field(
        description="type 为 code 或 codes 时所用的代码表；否则为 null"
    )
    code_values: list[CodeValueType] = strawberry.field(
        description="代码表的取值；不用代码表时为空列表"
    )
    constraints: JSON = strawberry.field(
        description="JSON Schema 2020-12 约束关键字（minimum、maximum、maxLength、pattern、format 等）"
    )
    sensitivity: SensitivityEnum = strawberry.field(  # type: ignore[valid-type]
        description="敏感级别"
    )
    repeat_group: str | None = strawberry.field(
        description="所属重复组的键（如 household.members）；不在重复组中时为 null"
    )
    source: SourceType = strawberry.field(description="出处：种子文件或外部文件及章节")


@strawberry.type(name="EvidenceType", description="材料类型")
class EvidenceTypeType:
    code: str = strawberry.field(description="材料类型代码，如 hukou_booklet（户口簿）")
    name: str = strawberry.field(description="材料名称")
    issuer: str | None = strawberry.field(
        description="出具部门的职能代码或出具单位说明；无则为 null"
    )
    government_issued: bool = strawberry.field(description="是否由政府部门出具")
    electronic_licence: bool = strawberry.field(
        description="是否有电子证照：有则可经电子证照库免交"
    )
    shared_data: bool = strawberry.field(
        description="是否可经数据共享核实（部门推送的共享数据记录），核实后免交"
    )
    source: SourceType = strawberry.field(description="出处：种子文件或外部文件及章节")

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
    statutory_working_days: int | None = strawberry.field(
        description="法定办结时限（工作日）；依据未规定时为 null"
    )
    promised_working_days: int | None = strawberry.field(
        description="承诺办结时限（工作日），案件期限按此计算；未承诺时为 null"
    )


@strawberry.type(name="LegalBasis", description="政策依据")
class LegalBasisType:
    title: str = strawberry.field(description="文件名称")
    number: str | None = strawberry.field(description="文号，如 沪教委规〔2020〕4号；无则为 null")
    article: str | None = strawberry.field(description="条款；无则为 null")


@strawberry.type(name="ItemDependency", description="串联办理：等待所列事项之一的决定")
class DependencyType:
    items: list[str] = strawberry.field(description="等待其决定的事项代码（任一作出决定即可）")
    reason: str = strawberry.field(description="串联办理的理由")
    on_denied: OnDeniedEnum = strawberry.field(  # type: ignore[valid-type]
        description="前置事项不准予时本事项如何处理"
    )
    prerequisite: PrerequisiteEnum = strawberry.field(  # type: ignore[valid-type]
        description="申请未选前置事项时表单如何处理"
    )


@strawberry.type(
    name="ItemExclusion",
    description="排除关系：所列事项之一获准予即排除本事项；同一申请中本事项待其决定后办理",
)
class ExclusionType:
    items: list[str] = strawberry.field(description="其准予即排除本事项的事项代码")
    reason: str = strawberry.field(description="排除的理由及出处说明")


@strawberry.type(name="ItemDependencies", description="事项间的关系：串联办理、互斥与排除")
class DependenciesType:
    requires_decision_of: list[DependencyType] = strawberry.field(
        description="串联办理：本事项等待其决定的前置事项"
    )
    excludes: list[str] = strawberry.field(description="与本事项互斥、不能同时申请的事项代码")
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


@strawberry.type(name="ElementProvenance", description="一个要素的取值来源")
class ElementProvenanceType:
    element: str = strawberry.field(description="要素名（事项文档的顶层键，如 benefit、materials）")
    origin: OriginEnum = strawberry.field(  # type: ignore[valid-type]
        description="取值来源"
    )
    tenant: str = strawberry.field(description="定义或最后覆盖此要素的租户代码")


@strawberry.type(name="Provenance", description="事项及其各要素的取值来源")
class ProvenanceType:
    # What catalogueOverrideSet refuses by name (catalogue/admin.py), shown as locked in editors.
    owner: str = strawberry.field(description="定义该事项的租户代码（所有者）")
    origin: OriginEnum = strawberry.field(  # type: ignore[valid-type]
        description="整个事项对查看租户而言的来源"
    )
    overridden_by: list[str] = strawberry.field(
        description="途经并覆盖过该事项的租户代码，自上而下"
    )
    elements: list[ElementProvenanceType] = strawberry.field(description="各要素的来源")
    locked_elements: list[str] = strawberry.field(
        description="下级租户覆盖时锁定的要素（code、name、legal_basis、parent 及由版本管理维护的"
        "version、status、effective_from、effective_to）；覆盖它们返回 LOCKED_ELEMENT"
    )


@strawberry.type(name="ProcessStep", description="办理流程中的一步")
class ProcessStepType:
    name: str = strawberry.field(description="步骤名称，如“受理”“审核确认”")
    actor: ActorEnum = strawberry.field(  # type: ignore[valid-type]
        description="办理者"
    )
    level: LevelEnum = strawberry.field(  # type: ignore[valid-type]
        description="办理层级"
    )
    description: str | None = strawberry.field(description="说明；无则为 null")
    time_limit_working_days: int | None = strawberry.field(
        description="本步骤时限（工作日）；未规定时为 null"
    )


@strawberry.type(name="Place", description="受理地点")
class PlaceType:
    name: str = strawberry.field(description="地点名称，如“街道社区事务受理服务中心”")
    level: LevelEnum = strawberry.field(  # type: ignore[valid-type]
        description="所在层级"
    )


ParameterValueOriginEnum = described_enum(
    ValueOrigin,
    name="ParameterValueOrigin",
    description="参数取值的来历",
    values={
        "NONE": "无取值（NONE）：种子文件未给出，本租户及上级租户均未设定",
        "CATALOGUE": "目录给出（CATALOGUE）：种子文件写明的取值，出处见 source",
        "SET": "租户设定（SET）：租户管理员以 tenantParameterSet 设定，出处见 valueSource",
    },
)


@strawberry.type(name="Parameter", description="租户参数：种子文件未给出的金额、标准等，由租户设定")
class ParameterType:
    key: str = strawberry.field(description="参数键，在资格条件与计算公式中以 params.<key> 引用")
    label: str = strawberry.field(description="中文名称，如“最低生活保障标准”")
    unit: str | None = strawberry.field(
        description="单位，如“元/人·月”，决定取值的类型（金额、整数、比例）；无单位时取值为文字"
    )
    value: JSON | None = strawberry.field(
        description="所查日期本租户读到的取值（数值或字符串）：本租户设定的，否则最近的上级租户设定的，"
        "否则种子文件给出的；都没有时为 null"
    )
    source: SourceType = strawberry.field(
        description="参数的出处：声明它的种子文件或外部文件及章节"
    )
    value_origin: ParameterValueOriginEnum = strawberry.field(  # type: ignore[valid-type]
        description="取值的来历：无、目录给出或租户设定"
    )
    value_tenant_code: strawberry.Private[str | None]
    value_effective_from: date | None = strawberry.field(
        description="租户设定的取值自哪天起施行（YYYY-MM-DD）；非租户设定时为 null"
    )
    value_source: str | None = strawberry.field(
        description="租户设定取值时写明的出处（文件名称、文号、条款）；非租户设定时为 null"
    )

    @strawberry.field(
        description="取值来自的租户：设定它的租户（SET），或在目录中给出它的租户（CATALOGUE）；无取值为 null"
    )
    async def value_tenant(self, info: Info) -> TenantType | None:
        if self.value_tenant_code is None:
            return None
        return await tenant_of(info, self.value_tenant_code)

    @classmethod
    def of(cls, p: Parameter, resolved: ResolvedParameter | None = None) -> ParameterType:
        if resolved is None:
            return cls(
                key=p.key,
                label=p.label,
                unit=p.unit,
                value=as_json(p.value),
                source=SourceType.of(p.source),
                value_origin=ValueOrigin.NONE if p.value is None else ValueOrigin.CATALOGUE,
                value_tenant_code=None,
                value_effective_from=None,
                value_source=None,
            )
        return cls(
            key=p.key,
            label=p.label,
            unit=p.unit,
            value=as_json(resolved.value),
            source=SourceType.of(p.source),
            value_origin=resolved.origin,
            value_tenant_code=resolved.tenant,
            value_effective_from=resolved.effective_from,
            value_source=resolved.source,
        )

    @classmethod
    def resolved(cls, resolved: ResolvedParameter) -> ParameterType:
        return cls.of(resolved.declaration.parameter, resolved)


@strawberry.type(name="Benefit", description="救助内容：给付什么、如何计算、多久一次")
class BenefitType:
    content: str = strawberry.field(description="救助内容（依据原文）")
    formula: JSON | None = strawberry.field(
        description="金额计算公式（JSONLogic，变量为数据元键与 params.*）；无公式时为 null"
    )
    formula_text: str | None = strawberry.field(description="公式的文字说明；无则为 null")
    period: BenefitPeriodEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="给付周期；未规定时为 null"
    )
    max_duration_months: int | None = strawberry.field(
        description="累计最长期限（月）；maxDurationException 所述人员除外"
    )
    max_duration_exception: str | None = strawberry.field(
        description="可超过最长期限的情形（依据原文），由部门决定期限时适用"
    )


@strawberry.type(name="ItemField", description="事项对一个数据元的使用")
class ItemFieldType:
    key: str = strawberry.field(description="数据元的规范键（表单答案中的键）")
    label: str = strawberry.field(description="中文标签")
    type: ElementTypeEnum = strawberry.field(  # type: ignore[valid-type]
        description="取值类型（同 DataElement.type）"
    )
    required: bool = strawberry.field(description="是否无条件必填（否则看 requiredWhen）")
    required_when: JSON | None = strawberry.field(
        description="必填条件（JSONLogic，变量为其他答案的键）；无条件时为 null"
    )
    visible_when: JSON | None = strawberry.field(
        description="显示条件（JSONLogic）；总是显示时为 null。不显示的字段不填，填了也被丢弃"
    )
    constraints: JSON = strawberry.field(
        description="约束：数据元的约束与本事项收紧的约束合并（JSON Schema 关键字）"
    )
    purpose: str = strawberry.field(description="本事项为何需要此项")
    sensitivity: SensitivityEnum = strawberry.field(  # type: ignore[valid-type]
        description="敏感级别（同 DataElement.sensitivity）"
    )


@strawberry.type(
    name="ReviewStandard", description="审查标准：审查形式、审查要点、常见问题、错误示例"
)
class ReviewStandardType:
    form: str = strawberry.field(description="审查形式，如“原件核验”“系统核验”")
    points: list[str] = strawberry.field(description="审查要点")
    common_problems: list[str] = strawberry.field(description="常见问题")
    error_examples: list[str] = strawberry.field(description="错误示例")


@strawberry.type(name="ItemMaterial", description="事项所需材料")
class ItemMaterialType:
    evidence: EvidenceTypeType = strawberry.field(description="材料类型")
    subject: SubjectEnum = strawberry.field(  # type: ignore[valid-type]
        description="材料对象"
    )
    subject_when: JSON | None = strawberry.field(
        description="对象为家庭成员或义务人时，哪些人需要（JSONLogic，变量为该成员的答案）；null 表示每个人"
    )
    necessity: NecessityEnum = strawberry.field(  # type: ignore[valid-type]
        description="必交或选交"
    )
    required_when: JSON | None = strawberry.field(
        description="必交的条件（JSONLogic）；无条件时为 null"
    )
    original: OriginalEnum = strawberry.field(  # type: ignore[valid-type]
        description="原件或复印件"
    )
    medium: str | None = strawberry.field(description="载体，如“扫描版或照片”；未规定时为 null")
    purpose: str = strawberry.field(description="本事项为何需要此材料")
    allows: list[ElectionEnum] = strawberry.field(  # type: ignore[valid-type]
        description="材料类型之外本事项另允许的免交、缓交方式"
    )
    review_standard: ReviewStandardType | None = strawberry.field(
        description="部门的审查标准；未规定时为 null"
    )


@strawberry.type(name="Faq", description="常见问题及解答（依据原文）")
class FaqType:
    question: str = strawberry.field(description="问题")
    answer: str = strawberry.field(description="解答")


@strawberry.type(name="ReverificationPeriod", description="定期核查周期之一：适用的家庭及其周期")
class ReverificationPeriodType:
    code: str = strawberry.field(description="周期的稳定代码")
    period_months: int = strawberry.field(description="核查周期（月）")
    applies_to: str = strawberry.field(description="适用的家庭，按种子文件原话")
    source: SourceType = strawberry.field(description="出处")


@strawberry.type(name="Reverification", description="定期核查")
class ReverificationType:
    period_months: int | None = strawberry.field(
        description="核查周期（月）；按家庭分列周期（periods）或未规定时为 null"
    )
    description: str | None = strawberry.field(description="核查要求的说明；无则为 null")
    periods: list[ReverificationPeriodType] = strawberry.field(
        description="按家庭情况分列的多个核查周期；分列时 periodMonths 为空"
    )


@strawberry.input(description="目录筛选：部门、对象类别、办理方式、中文关键词（名称与条件）")
class CatalogueItemFilter:
    department: str | None = strawberry.field(
        default=None, description="只要此职能部门办理的事项（部门代码，如 civil_affairs）"
    )
    target_group: str | None = strawberry.field(
        default=None, description="只要面向此对象类别的事项（对象类别代码，如 dibao_family）"
    )
    mode: ItemModeEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="只要此办理方式的事项"
    )
    keyword: str | None = strawberry.field(
        default=None, description="中文关键词：在名称、救助对象、受理条件、救助内容中按子串匹配"
    )


def _material(view_library: dict[str, EvidenceType], m: MaterialUse) -> ItemMaterialType:
    review = m.review
    return ItemMaterialType(
        evidence=EvidenceTypeType.of(view_library[m.evidence]),
        subject=m.subject,
        subject_when=as_json(m.subject_when),
        necessity=Necessity(m.necessity),
        required_when=as_json(m.required_when),
        original=Original(m.original),
        medium=m.medium,
        purpose=m.purpose,
        allows=list(m.allows),
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
class CatalogueItemType(Node):
    view: strawberry.Private[TenantView]
    effective: strawberry.Private[EffectiveItem]
    spec: strawberry.Private[ItemFile]
    node_type: ClassVar[str] = "CatalogueItem"

    def node_key(self) -> tuple[str, ...]:
        # The viewing tenant's item: node(id:) answers it as that tenant's catalogue has it today.
        return (self.view.tenant.tenant_id, self.spec.code)

    @classmethod
    def of(cls, view: TenantView, effective: EffectiveItem) -> CatalogueItemType:
        return cls(view=view, effective=effective, spec=view.specs[effective.code])

    @strawberry.field(description="事项代码，跨租户稳定，如 dibao、medical_aid")
    def code(self) -> str:
        return self.spec.code

    @strawberry.field(description="事项名称，如“最低生活保障”")
    def name(self) -> str:
        return self.spec.name

    @strawberry.field(description="父事项代码；顶层事项为 null")
    def parent_code(self) -> str | None:
        return self.spec.parent

    @strawberry.field(description="子项")
    def children(self) -> list[Annotated[CatalogueItemType, strawberry.lazy(__name__)]]:
        return [
            CatalogueItemType.of(self.view, c)
            for c in self.view.catalogue.children_of(self.spec.code)
        ]

    @strawberry.field(description="办理方式")
    def mode(self) -> ItemModeEnum:  # type: ignore[valid-type]
        return self.spec.mode

    @strawberry.field(description="类别；未分类时为 null")
    def category(self) -> CategoryEnum | None:  # type: ignore[valid-type]
        return None if self.spec.category is None else Category(self.spec.category)

    @strawberry.field(description="办理部门：查看租户中该职能的部门（无则取最近的上级）")
    def department(self) -> DepartmentType | None:
        row = self.view.departments.get(self.spec.department)
        return DepartmentType.of(row) if row else None

    @strawberry.field(description="办理部门的职能代码（即使查看租户没有该部门）")
    def department_code(self) -> str:
        return self.spec.department

    @strawberry.field(description="救助对象类别")
    def target_groups(self) -> list[TargetGroupType]:
        library = self.view.library
        return [
            TargetGroupType.of(library.target_groups[g])
            for g in self.spec.target_groups
            if g in library.target_groups
        ]

    @strawberry.field(description="救助对象（依据原文）；无则为 null")
    def target_description(self) -> str | None:
        return self.spec.target_description

    @strawberry.field(description="受理条件（依据原文）；无则为 null")
    def acceptance_conditions(self) -> str | None:
        return self.spec.acceptance_conditions

    @strawberry.field(description="可机读的资格条件（JSONLogic）")
    def eligibility(self) -> JSON | None:
        return as_json(self.spec.eligibility)

    @strawberry.field(description="救助内容；无则为 null")
    def benefit(self) -> BenefitType | None:
        b = self.spec.benefit
        if b is None:
            return None
        return BenefitType(
            content=b.content,
            formula=as_json(b.formula),
            formula_text=b.formula_text,
            period=None if b.period is None else BenefitPeriod(b.period),
            max_duration_months=b.max_duration_months,
            max_duration_exception=b.max_duration_exception,
        )

    @strawberry.field(description="事项参数（标准、金额等），租户可设定取值")
    def parameters(self) -> list[ParameterType]:
        return [ParameterType.of(p, self.view.parameters.get(p.key)) for p in self.spec.parameters]

    @strawberry.field(description="办理流程，按先后")
    def process_steps(self) -> list[ProcessStepType]:
        return [
            ProcessStepType(
                name=s.name,
                actor=s.actor,
                level=s.level,
                description=s.description,
                time_limit_working_days=s.time_limit_working_days,
            )
            for s in self.spec.process
        ]

    @strawberry.field(
        description="可申请的渠道（applicationSubmit 的 channel 取其中之一，且须为本租户开通的）"
    )
    def channels(self) -> list[ChannelEnum]:  # type: ignore[valid-type]
        return list(self.spec.channels)

    @strawberry.field(description="受理地点")
    def acceptance_places(self) -> list[PlaceType]:
        return [PlaceType(name=p.name, level=p.level) for p in self.spec.acceptance_places]

    @strawberry.field(description="办结时限")
    def time_limit(self) -> TimeLimitType:
        t = self.spec.time_limits
        return TimeLimitType(
            statutory_working_days=t.statutory_working_days,
            promised_working_days=t.promised_working_days,
        )

    @strawberry.field(description="政策依据")
    def legal_basis(self) -> list[LegalBasisType]:
        return [
            LegalBasisType(title=b.title, number=b.number, article=b.article)
            for b in self.spec.legal_basis
        ]

    @strawberry.field(description="与其他事项的关系")
    def dependencies(self) -> DependenciesType:
        return DependenciesType(
            requires_decision_of=[
                DependencyType(
                    items=list(d.items),
                    reason=d.reason,
                    on_denied=OnDenied(d.on_denied),
                    prerequisite=Prerequisite(d.prerequisite),
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

    @strawberry.field(description="定期核查要求；无则为 null")
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

    @strawberry.field(description="常见问题")
    def faq(self) -> list[FaqType]:
        return [FaqType(question=f.question, answer=f.answer) for f in self.spec.faq]

    @strawberry.field(description="本事项使用的数据元（表单字段）；合并表单见 applicationForm")
    def fields(self) -> list[ItemFieldType]:
        library = self.view.library
        out = []
        for use in self.spec.fields:
            element = library.data_elements[use.key]
            out.append(
                ItemFieldType(
                    key=use.key,
                    label=element.label,
                    type=element.type,
                    required=use.required,
                    required_when=as_json(use.required_when),
                    visible_when=as_json(use.visible_when),
                    constraints=as_json({**element.constraints, **use.constraints}),
                    purpose=use.purpose,
                    sensitivity=element.sensitivity,
                )
            )
        return out

    @strawberry.field(description="本事项所需材料；合并后的一套材料见 applicationForm")
    def materials(self) -> list[ItemMaterialType]:
        library = self.view.library
        return [_material(library.evidence_types, m) for m in self.spec.materials]

    @strawberry.field(description="版本状态")
    def status(self) -> ItemStatusEnum:  # type: ignore[valid-type]
        return self.spec.status

    @strawberry.field(description="所有者租户中该事项的版本号（从 1 起）")
    def version(self) -> int:
        return self.effective.version

    @strawberry.field(description="本版本生效日期（含）")
    def effective_from(self) -> date:
        return self.spec.effective_from

    @strawberry.field(description="本版本失效日期（不含）；长期有效时为 null")
    def effective_to(self) -> date | None:
        return self.spec.effective_to

    @strawberry.field(description="出处：种子文件或外部文件及章节")
    def source(self) -> SourceType:
        return SourceType.of(self.spec.source)

    @strawberry.field(description="事项及其各要素的取值来源（本级、继承、覆盖）")
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
            locked_elements=sorted(LOCKED_ELEMENTS | MANAGED_ELEMENTS),
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
    as_of: date = strawberry.field(description="目录所对应的日期（中国时间的日历日）")

    @strawberry.field(
        description="租户代码（GB/T 2260）",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    def tenant_code(self) -> str:
        return self.view.tenant.tenant_id

    @strawberry.field(description="目录所属的租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.view.tenant.tenant_id)

    @strawberry.field(description="平铺的事项列表（含子项），可筛选")
    def items(
        self,
        filter: Annotated[
            CatalogueItemFilter | None,
            strawberry.argument(description="筛选条件；各条件同时满足；省略则返回全部"),
        ] = None,
    ) -> list[CatalogueItemType]:
        out = []
        for effective in self.view.catalogue.items.values():
            item = CatalogueItemType.of(self.view, effective)
            if _matches(item.spec, filter):
                out.append(item)
        return sorted(out, key=lambda i: i.spec.code)

    @strawberry.field(
        description="本租户开通的申请渠道：applicationSubmit 的 channel 取其中之一（同一枚举）"
    )
    def channels(self) -> list[ChannelEnum]:  # type: ignore[valid-type]
        return list(self.view.config.channels) if self.view.config else []

    @strawberry.field(description="租户参数：种子文件未给出、由本租户设定的标准与金额")
    def parameters(self) -> list[ParameterType]:
        if self.view.config is None:
            return []
        return [
            ParameterType.of(p, self.view.parameters.get(p.key))
            for p in self.view.config.parameters
        ]

    @strawberry.field(description="本级及上级停用的继承事项代码")
    def disabled_items(self) -> list[str]:
        return list(self.view.config.disabled_items) if self.view.config else []


def _element(
    e: DataElement, library_code_lists: dict[str, Any], group: str | None
) -> DataElementType:
    values = library_code_lists[e.code_list].values if e.code_list in library_code_lists else []
    return DataElementType(
        key=e.key,
        label=e.label,
        type=e.type,
        code_list=e.code_list,
        code_values=[CodeValueType(code=v.code, label=v.label) for v in values],
        constraints=as_json(e.constraints),
        sensitivity=e.sensitivity,
        repeat_group=group,
        source=SourceType.of(e.source),
    )


@strawberry.type(description="事项目录与共享库的公开查询")
class CatalogueQuery:
    @strawberry.field(
        description="租户在某日（默认今天）的有效目录：上级事项 + 本级覆盖 + 本级事项 − 本级停用；公开，无需令牌"
    )
    async def catalogue(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description=TENANT)],
        as_of: Annotated[date | None, strawberry.argument(description=AS_OF)] = None,
    ) -> CatalogueType:
        day = as_of or today_in_china()
        async with info.context.db.session() as session:
            view = await service.tenant_view(
                session, info.context.caches.of(CatalogueCaches), tenant=tenant, as_of=day
            )
        return CatalogueType(view=view, as_of=day)

    @strawberry.field(
        description="一个事项的详情：字段、材料（含审查标准）、流程、依据；公开，无需令牌；事项不在该租户目录中时返回 NOT_FOUND"
    )
    async def item(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description=TENANT)],
        code: Annotated[str, strawberry.argument(description="事项代码，如 dibao")],
        as_of: Annotated[date | None, strawberry.argument(description=AS_OF)] = None,
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

    @strawberry.field(description="共享数据元库：所有表单字段的定义；公开，无需令牌")
    async def data_elements(self, info: Info) -> list[DataElementType]:
        async with info.context.db.session() as session:
            library = await service.library(session, info.context.caches.of(CatalogueCaches))
        return [
            _element(e, library.code_lists, library.repeat_group_of(e.key))
            for e in library.data_elements.values()
        ]

    @strawberry.field(description="共享材料类型库；公开，无需令牌")
    async def evidence_types(self, info: Info) -> list[EvidenceTypeType]:
        async with info.context.db.session() as session:
            library = await service.library(session, info.context.caches.of(CatalogueCaches))
        return [EvidenceTypeType.of(e) for e in library.evidence_types.values()]

    @strawberry.field(description="对象类别库（低保对象、特困人员等）；公开，无需令牌")
    async def target_groups(self, info: Info) -> list[TargetGroupType]:
        async with info.context.db.session() as session:
            library = await service.library(session, info.context.caches.of(CatalogueCaches))
        return [TargetGroupType.of(g) for g in library.target_groups.values()]
