"""GraphQL: the merged form for a selection of items, checking answers against it, shared records."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry

from socialaid.access.decisions import is_allowed
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.catalogue.files import ElementType, Mode, Sensitivity, Subject
from socialaid.catalogue.graphql import CodeValueType, ItemModeEnum, ReviewStandardType
from socialaid.catalogue.graphql_vocabulary import (
    ElectionEnum,
    ElementTypeEnum,
    Original,
    OriginalEnum,
    SensitivityEnum,
    SubjectEnum,
)
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.errors import ErrorCode
from socialaid.forms import service
from socialaid.forms.compiled import (
    CompiledForm,
    ExemptRoute,
    FormField,
    FormGroup,
    FormMaterial,
    NoteCode,
    Review,
)
from socialaid.forms.exemption import MaterialState, MaterialStatus
from socialaid.forms.models import SharedRecord
from socialaid.forms.service import FormCaches
from socialaid.forms.shared_records import upsert_shared_record
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, UserError, errors_field, payload_error
from socialaid.tenancy.graphql import TenantType, tenant_of
from socialaid.tenancy.service import get_tenant

# The central contract: what `answers` is, wherever answers are sent (applicationFormCheck,
# applicationSubmit).
ANSWERS = (
    "答案：一个 JSON 对象，结构即所依据表单的 jsonSchema（applicationForm 以同一租户、事项、日期合并；"
    "哈希相同即同一表单）。数据元的点分键逐段嵌套为对象：applicant.name 填在 "
    '{"applicant": {"name": "张三"}}；重复组（repeatGroups，如 household.members）为行对象的数组，'
    "行内字段的键去掉组键与 [] 前缀：household.members[].id_number 填在 "
    '{"household": {"members": [{"id_number": "…"}]}}。取值按字段的 type（ElementType）：DATE 为 "YYYY-MM-DD"；'
    "AMOUNT 为金额（元，非负数，至多两位小数）；INTEGER、NUMBER 为数；BOOLEAN 为 true/false；"
    "CODE 为 options 中的一个 code，CODES 为其数组（不重复）；ID_NUMBER 为 18 位居民身份证号（含校验位）；"
    "PHONE 为手机号或带区号的固定电话；BANK_ACCOUNT 为 12 至 19 位银行卡号（Luhn 校验）；"
    "FILE 为已上传文件的引用；STRING、TEXT、ADDRESS 为字符串。"
    "x-visibleWhen（JSONLogic）不成立的字段与表单中没有的键被丢弃（dropped 列出其路径），"
    "x-requiredWhen 成立或 required 中的字段缺答时报 REQUIRED；"
    "错误的 path 形如 household.members[2].id_number（行号从 0 起）"
)

NoteCodeEnum = described_enum(
    NoteCode,
    name="FormNoteCode",
    description="合并表单的提示类型",
    values={
        "PREREQUISITE_ADDED": "已加入前置事项（PREREQUISITE_ADDED）：所选事项须等待其决定，已一并申请",
        "PREREQUISITE_MISSING": "缺少前置事项（PREREQUISITE_MISSING）：所选事项等待的前置事项未选",
        "PARAMETER_UNSET": "参数未设定（PARAMETER_UNSET）：条件读到的租户参数尚无取值，按空值判断",
        "UNKNOWN_CONDITION_KEY": "未知的条件变量（UNKNOWN_CONDITION_KEY）：条件读取了表单中没有的字段",
    },
)
MaterialCheckStatusEnum = described_enum(
    MaterialState,
    name="MaterialCheckStatus",
    description="答案检查得出的一份材料对一个人的状态（提交后另有 UPLOADED，见 MaterialStatus）",
    values={
        "UPLOAD_REQUIRED": "须上传（UPLOAD_REQUIRED）：必交，尚未免交",
        "OPTIONAL": "可选上传（OPTIONAL）：适用，但所选事项都不要求必交",
        "EXEMPT": "免交（EXEMPT）：已经共享数据或电子证照确认",
        "DEFERRED": "容缺受理（DEFERRED）：先受理，在补正期限内补交",
        "PERSONAL_COMMITMENT": "个人承诺（PERSONAL_COMMITMENT）：以书面承诺代替材料",
        "NOT_APPLICABLE": "不适用（NOT_APPLICABLE）：适用条件不成立或无此人",
    },
)


@strawberry.type(name="FormItem", description="合并表单所含的一个事项")
class FormItemType:
    code: str = strawberry.field(description="事项代码")
    name: str = strawberry.field(description="事项名称")
    department: str = strawberry.field(description="主管部门职能代码")
    mode: ItemModeEnum = strawberry.field(  # type: ignore[valid-type]
        description="办理方式"
    )
    added_for: list[str] = strawberry.field(
        description="因前置关系而加入时：等待其决定的所选事项代码；申请人所选的事项为空"
    )


@strawberry.type(name="FormNote", description="合并表单的一条提示（不是错误）")
class FormNoteType:
    code: NoteCodeEnum = strawberry.field(  # type: ignore[valid-type]
        description="提示类型"
    )
    message: str = strawberry.field(description="提示内容")
    items: list[str] = strawberry.field(description="所涉的事项代码（或参数、变量所涉的事项）")


@strawberry.type(name="FormSituationQuestion", description="先问的情形问题：条件所用的一个变量")
class FormSituationQuestionType:
    key: str = strawberry.field(description="字段的规范键")
    label: str = strawberry.field(description="中文标签")
    asked_for: list[str] = strawberry.field(description="其答案决定的事项或条件")


@strawberry.type(name="FormSection", description="合并表单的一个分区，按显示顺序")
class FormSectionType:
    code: str = strawberry.field(description="分区代码（FormFieldEntry.section 引用它）")
    label: str = strawberry.field(description="中文标签")
    fields: list[str] = strawberry.field(description="分区中字段的键")
    groups: list[str] = strawberry.field(description="分区中重复组的键")


@strawberry.type(name="ItemPurposeEntry", description="某事项需要此项的理由")
class PurposeType:
    item: str = strawberry.field(description="事项代码")
    purpose: str = strawberry.field(description="该事项为何需要此项")


@strawberry.type(name="FormFieldEntry", description="合并表单中的一个字段（按规范键去重）")
class FormFieldType:
    key: str = strawberry.field(
        description="规范的点分键：答案中的位置（见 applicationSubmit 的 answers）；重复组中的字段形如 household.members[].name"
    )
    label: str = strawberry.field(description="中文标签")
    type: ElementTypeEnum = strawberry.field(  # type: ignore[valid-type]
        description="取值类型（同 DataElement.type）"
    )
    section: str = strawberry.field(description="所属分区代码（见 sections），决定显示位置")
    group: str | None = strawberry.field(description="所属重复组的键；不在重复组中时为 null")
    sensitivity: SensitivityEnum = strawberry.field(  # type: ignore[valid-type]
        description="敏感级别（读取时对不需要的角色脱敏）"
    )
    hint: str | None = strawberry.field(description="填写提示；无则为 null")
    options: list[CodeValueType] = strawberry.field(
        description="可选值（CODE、CODES 类型）；其他类型为空列表"
    )
    required: bool = strawberry.field(description="是否无条件必填（否则看 requiredWhen）")
    required_by: list[str] = strawberry.field(description="要求必填此项的事项代码")
    visible_by: list[str] = strawberry.field(description="使用此项的事项代码")
    visible_when: JSON = strawberry.field(
        description="显示条件（JSONLogic，变量为答案的点分键或 params.*）；true 表示总是显示"
    )
    required_when: JSON = strawberry.field(
        description="必填条件（JSONLogic）；true 表示无条件必填，false 表示选填"
    )
    constraints: JSON = strawberry.field(description="基础约束与各事项约束（allOf）")
    purposes: list[PurposeType] = strawberry.field(description="各事项需要此项的理由")
    asked_for: list[str] = strawberry.field(
        description="此项作为情形问题时，其答案决定的事项或条件"
    )

    @classmethod
    def of(cls, f: FormField) -> FormFieldType:
        return cls(
            key=f.key,
            label=f.label,
            type=ElementType(f.type),
            section=f.section,
            group=f.group,
            sensitivity=Sensitivity(f.sensitivity),
            hint=f.hint,
            options=[CodeValueType(code=o.code, label=o.label) for o in f.options],
            required=f.required_when is True,
            required_by=list(f.required_by),
            visible_by=list(f.visible_by),
            visible_when=as_json(f.visible_when),
            required_when=as_json(f.required_when),
            constraints=as_json(
                {
                    "allOf": [
                        dict(f.base_constraints),
                        *(dict(c.constraints) for c in f.item_constraints),
                    ]
                }
            ),
            purposes=[PurposeType(item=p.item, purpose=p.purpose) for p in f.purposes],
            asked_for=list(f.asked_for),
        )


@strawberry.type(name="FormRepeatGroup", description="重复组（家庭成员、赡养人、房产等）")
class FormGroupType:
    key: str = strawberry.field(
        description="重复组的键，如 household.members：答案中此处为行对象的数组"
    )
    label: str = strawberry.field(description="中文标签")
    section: str = strawberry.field(description="所属分区代码")
    min_items: int = strawberry.field(description="至少行数（0 表示可不填）")
    max_items: int | None = strawberry.field(description="至多行数；不限时为 null")
    visible_when: JSON = strawberry.field(description="显示条件（JSONLogic）；true 表示总是显示")
    visible_by: list[str] = strawberry.field(description="使用此组的事项代码")
    fields: list[str] = strawberry.field(description="行内字段的键（见 fields）")
    purposes: list[PurposeType] = strawberry.field(description="各事项需要此组的理由")

    @classmethod
    def of(cls, g: FormGroup) -> FormGroupType:
        return cls(
            key=g.key,
            label=g.label,
            section=g.section,
            min_items=g.min_items,
            max_items=g.max_items,
            visible_when=as_json(g.visible_when),
            visible_by=list(g.visible_by),
            fields=list(g.fields),
            purposes=[PurposeType(item=p.item, purpose=p.purpose) for p in g.purposes],
        )


@strawberry.type(
    name="MaterialExemptRoute", description="一份材料可免于提交（或缓交、以承诺代替）的一条途径"
)
class ExemptRouteType:
    via: ElectionEnum = strawberry.field(  # type: ignore[valid-type]
        description="途径"
    )
    issuer: str | None = strawberry.field(
        description="共享数据、电子证照：持有记录的出具部门；其他途径为 null"
    )
    allowed_by: list[str] = strawberry.field(
        description="容缺后补、个人承诺：允许它的事项代码；其他途径为空"
    )

    @classmethod
    def of(cls, r: ExemptRoute) -> ExemptRouteType:
        return cls(via=r.via, issuer=r.issuer, allowed_by=list(r.allowed_by))


@strawberry.type(name="MaterialReview", description="一个事项的主管部门对一份合并材料的审查标准")
class MaterialReviewType:
    item: str = strawberry.field(description="事项代码")
    department: str = strawberry.field(description="审查的部门职能代码")
    standard: ReviewStandardType | None = strawberry.field(
        description="审查标准；该事项未规定时为 null"
    )

    @classmethod
    def of(cls, r: Review) -> MaterialReviewType:
        s = r.standard
        return cls(
            item=r.item,
            department=r.department,
            standard=None
            if s is None
            else ReviewStandardType(
                form=s.form,
                points=list(s.points),
                common_problems=list(s.common_problems),
                error_examples=list(s.error_examples),
            ),
        )


@strawberry.type(name="FormMaterialEntry", description="合并后的一份材料：一次上传服务所有事项")
class FormMaterialType:
    id: str = strawberry.field(
        description="表单材料标识（材料类型与对象的组合）：提交时 MaterialInput.material 引用它"
    )
    code: str = strawberry.field(description="材料类型代码（见 evidenceTypes）")
    name: str = strawberry.field(description="材料名称")
    subject: SubjectEnum = strawberry.field(  # type: ignore[valid-type]
        description="材料对象（同 ItemMaterial.subject）"
    )
    subject_when: JSON | None = strawberry.field(
        description="对象为家庭成员或义务人时哪些人需要（JSONLogic，变量为该行的答案）；null 表示每个人"
    )
    required: bool = strawberry.field(description="是否无条件必交")
    required_when: JSON = strawberry.field(
        description="必交条件（JSONLogic）；true 无条件，false 选交"
    )
    applies_when: JSON = strawberry.field(description="适用条件（JSONLogic）：不成立时此材料不适用")
    required_by: list[str] = strawberry.field(description="要求必交的事项代码")
    used_by: list[str] = strawberry.field(description="使用此材料的事项代码")
    original: OriginalEnum = strawberry.field(  # type: ignore[valid-type]
        description="原件或复印件：各事项所要求的最严格者"
    )
    exempt_via: list[ExemptRouteType] = strawberry.field(
        description="可免于提交（或缓交、以承诺代替）的途径"
    )
    review_standards: list[MaterialReviewType] = strawberry.field(
        description="各事项主管部门的审查标准"
    )

    @classmethod
    def of(cls, m: FormMaterial) -> FormMaterialType:
        return cls(
            id=m.id,
            code=m.evidence,
            name=m.name,
            subject=Subject(m.subject),
            subject_when=as_json(m.subject_when),
            required=m.required_when is True,
            required_when=as_json(m.required_when),
            applies_when=as_json(m.applies_when),
            required_by=list(m.required_by),
            used_by=list(m.used_by),
            original=Original(m.original),
            exempt_via=[ExemptRouteType.of(r) for r in m.exempt_via],
            review_standards=[MaterialReviewType.of(r) for r in m.reviews],
        )


@strawberry.type(name="FormReduction", description="合并前（各事项相加）与合并后的字段、材料数")
class ReductionType:
    fields_before: int = strawberry.field(description="各事项字段数之和（合并前）")
    fields_after: int = strawberry.field(description="合并后的字段数")
    materials_before: int = strawberry.field(description="各事项材料数之和（合并前）")
    materials_after: int = strawberry.field(description="合并后的材料数")
    fields_saved: float = strawberry.field(description="字段减少的比例（0 到 1）")
    materials_saved: float = strawberry.field(description="材料减少的比例（0 到 1）")


@strawberry.type(name="ApplicationForm", description="一表申请、一套材料：所选事项合并后的表单")
class ApplicationFormType:
    form: strawberry.Private[CompiledForm]

    @strawberry.field(description="内容哈希：申请记录其填写所依据的表单")
    def hash(self) -> str:
        return self.form.content_hash

    @strawberry.field(
        description="租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    def tenant_code(self) -> str:
        return self.form.tenant

    @strawberry.field(description="表单所属的租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.form.tenant)

    @strawberry.field(description="合并所依据目录的日期")
    def as_of(self) -> date:
        return self.form.as_of

    @strawberry.field(description="所含事项（含因前置关系而加入的）")
    def items(self) -> list[FormItemType]:
        return [
            FormItemType(
                code=i.code,
                name=i.name,
                department=i.department,
                mode=Mode(i.mode),
                added_for=list(i.added_for),
            )
            for i in self.form.items
        ]

    @strawberry.field(description="提示：前置事项已加入或缺少、参数未设定等")
    def notes(self) -> list[FormNoteType]:
        return [
            FormNoteType(code=n.code, message=n.message, items=list(n.items))
            for n in self.form.notes
        ]

    @strawberry.field(description="先问的情形问题：条件所用的每个变量")
    def situation_questions(self) -> list[FormSituationQuestionType]:
        return [
            FormSituationQuestionType(key=q.key, label=q.label, asked_for=list(q.asked_for))
            for q in self.form.questions
        ]

    @strawberry.field(description="分区，按显示顺序")
    def sections(self) -> list[FormSectionType]:
        return [
            FormSectionType(
                code=s.code, label=s.label, fields=list(s.fields), groups=list(s.groups)
            )
            for s in self.form.sections
        ]

    @strawberry.field(description="合并后的字段（按规范键去重，取最严格的规则）")
    def fields(self) -> list[FormFieldType]:
        return [FormFieldType.of(f) for f in self.form.fields]

    @strawberry.field(description="重复组")
    def repeat_groups(self) -> list[FormGroupType]:
        return [FormGroupType.of(g) for g in self.form.groups]

    @strawberry.field(description="合并后的一套材料")
    def materials(self) -> list[FormMaterialType]:
        return [FormMaterialType.of(m) for m in self.form.materials]

    @strawberry.field(
        description="JSON Schema 2020-12：答案（answers）据此校验；x-visibleWhen、x-requiredWhen 为 JSONLogic 条件，x-key 为字段的规范键，x-materials 为材料"
    )
    def json_schema(self) -> JSON:
        return as_json(self.form.json_schema)

    @strawberry.field(description="合并节省了多少")
    def reduction(self) -> ReductionType:
        r = self.form.reduction
        return ReductionType(
            fields_before=r.fields_before,
            fields_after=r.fields_after,
            materials_before=r.materials_before,
            materials_after=r.materials_after,
            fields_saved=r.fields_saved,
            materials_saved=r.materials_saved,
        )


@strawberry.type(
    name="FieldError",
    description="答案错误：路径、代码、说明（旧形状；字段错误统一用 UserError，见 answerErrors）",
)
class FieldErrorType:
    path: str = strawberry.field(
        description="答案中的位置：点分键，重复组的行号从 0 起，如 household.members[2].id_number"
    )
    code: str = strawberry.field(
        description="错误代码：REQUIRED、CONSTRAINT、INVALID_TYPE、NOT_IN_CODE_LIST、NEGATIVE_AMOUNT、INVALID_AMOUNT、INVALID_ID_NUMBER、INVALID_PHONE、INVALID_BANK_ACCOUNT、INVALID_DATE、TOO_MANY_ROWS、TOO_FEW_ROWS"
    )
    message: str = strawberry.field(description="中文说明")


@strawberry.type(name="MaterialCheck", description="一份材料对某个人的状态")
class MaterialCheckType:
    material: str = strawberry.field(description="表单材料标识（FormMaterialEntry.id）")
    code: str = strawberry.field(description="材料类型代码")
    subject: SubjectEnum = strawberry.field(  # type: ignore[valid-type]
        description="材料对象"
    )
    subject_path: str | None = strawberry.field(
        description="具体是谁：applicant、household 或 household.members[1]（行号从 0 起）；无人适用时为 null"
    )
    status: MaterialCheckStatusEnum = strawberry.field(  # type: ignore[valid-type]
        description="状态"
    )
    reason: str = strawberry.field(description="为何需要、免交或不适用（中文）")
    required_by: list[str] = strawberry.field(description="要求此材料的事项代码")
    exempt_via: ElectionEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="确认免交的途径：SHARED_DATA 或 ELECTRONIC_LICENCE；未免交时为 null"
    )
    issuer: str | None = strawberry.field(description="确认免交的出具部门；未免交时为 null")

    @classmethod
    def of(cls, s: MaterialStatus) -> MaterialCheckType:
        c = s.confirmation
        return cls(
            material=s.material,
            code=s.evidence,
            subject=Subject(s.subject),
            subject_path=s.subject_path,
            status=s.state,
            reason=s.reason,
            required_by=list(s.required_by),
            exempt_via=c.via if c else None,
            issuer=c.issuer if c else None,
        )


@strawberry.type(
    name="ApplicationFormCheck",
    description="答案检查的结果：字段错误、被丢弃的答案、每份材料对每个人的状态",
)
class ApplicationFormCheckType:
    ok: bool = strawberry.field(description="答案是否全部合格（无字段错误）")
    errors: list[FieldErrorType] = strawberry.field(
        description="字段错误；合格时为空列表",
        deprecation_reason=(
            "改用 answerErrors：与变更结果的 errors 同一形状（UserError：path 为列表，"
            "detailCode 为此处的 code）"
        ),
    )
    answer_errors: list[UserError] = strawberry.field(
        description="答案错误，每个字段一条：code 为 INVALID_INPUT，path 以 answers 开头，"
        "detailCode 为字段的校验代码；合格时为空列表"
    )
    dropped: list[str] = strawberry.field(
        description="被丢弃的答案路径：字段不可见（x-visibleWhen 不成立）或不在表单中"
    )
    materials: list[MaterialCheckType] = strawberry.field(description="每份材料对每个人的状态")
    shared_data_checked: bool = strawberry.field(
        description="是否已查询共享数据（匿名调用不查询，以免泄露他人信息）"
    )


@strawberry.type(
    name="SharedRecord",
    description="共享数据记录：部门或数据中心确认某人持有某材料，凭此材料可免交",
)
class SharedRecordType:
    tenant_code: str = strawberry.field(
        description="租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    evidence: str = strawberry.field(description="材料类型代码")
    subject_hint: str = strawberry.field(
        description="当事人提示：身份证号的末 4 位；号码本身不落库（按不可逆键匹配）"
    )
    issuer: str = strawberry.field(description="出具部门")
    reference: str | None = strawberry.field(description="出具方的凭证编号；无则为 null")
    valid_from: date | None = strawberry.field(description="有效期起（含）；不限时为 null")
    valid_to: date | None = strawberry.field(description="有效期止（不含）；不限时为 null")

    @classmethod
    def of(cls, r: SharedRecord) -> SharedRecordType:
        return cls(
            tenant_code=r.tenant_id,
            evidence=r.evidence,
            subject_hint=r.subject_hint,
            issuer=r.issuer,
            reference=r.reference,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
        )


@strawberry.input(description="推送一条共享数据记录；同一租户、材料类型、当事人已有记录时更新")
class SharedRecordUpsertInput:
    tenant: str = strawberry.field(description="租户（行政区划代码）；调用者须在此持有 integration")
    evidence: str = strawberry.field(description="材料类型代码（见 evidenceTypes）")
    subject_id_number: str = strawberry.field(
        description="当事人的居民身份证号（18 位）；只保存其不可逆键与脱敏提示"
    )
    issuer: str = strawberry.field(description="出具部门（职能代码或名称）")
    reference: str | None = strawberry.field(default=None, description="出具方的凭证编号")
    valid_from: date | None = strawberry.field(
        default=None, description="有效期起（YYYY-MM-DD，含）"
    )
    valid_to: date | None = strawberry.field(
        default=None, description="有效期止（YYYY-MM-DD，不含），须晚于 validFrom"
    )


SharedRecordError = payload_error(
    "SharedRecordError", [ErrorCode.NOT_FOUND], operations="sharedRecordUpsert"
)


@strawberry.type(description="sharedRecordUpsert 的结果")
class SharedRecordPayload(Failable):
    error_type = SharedRecordError
    record: SharedRecordType | None = strawberry.field(
        default=None, description="保存后的记录；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(SharedRecordError)


def _answers(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@strawberry.type(description="合并表单与答案检查的查询（公开）")
class FormQuery:
    @strawberry.field(
        description="所选事项合并后的一张表单、一套材料；公开，无需令牌；未知事项返回 NOT_FOUND"
    )
    async def application_form(
        self,
        info: Info,
        tenant: Annotated[
            str, strawberry.argument(description="申请所在租户（行政区划代码，GB/T 2260）")
        ],
        items: Annotated[
            list[str],
            strawberry.argument(
                description="所选事项代码（该租户目录中的）；前置事项按其规定自动加入或提示"
            ),
        ],
        as_of: Annotated[
            date | None,
            strawberry.argument(
                description="按哪一日的目录合并（YYYY-MM-DD，中国时间）；省略为今天"
            ),
        ] = None,
    ) -> ApplicationFormType:
        ctx = info.context
        async with ctx.db.session() as session, session.begin():
            form = await service.form_for_selection(
                session,
                ctx.caches.of(CatalogueCaches),
                ctx.caches.of(FormCaches),
                tenant=tenant,
                items=items,
                as_of=as_of or today_in_china(),
            )
        return ApplicationFormType(form=form)

    @strawberry.field(
        description="按表单哈希检查答案（不保存）：字段错误与每份材料的状态；公开，有共享数据查看权限者（窗口、经办等）另查共享数据；未知哈希返回 NOT_FOUND"
    )
    async def application_form_check(
        self,
        info: Info,
        hash: Annotated[
            str, strawberry.argument(description="applicationForm.hash：答案所依据的表单")
        ],
        answers: Annotated[JSON, strawberry.argument(description=ANSWERS)],
    ) -> ApplicationFormCheckType:
        ctx = info.context
        async with ctx.unit_of_work() as uow:
            form = await service.form_by_hash(
                uow.session, ctx.caches.of(FormCaches), form_hash=hash
            )
            tenant = await get_tenant(uow.session, code=form.tenant)
            may_confirm = is_allowed(
                ctx.principal, Resource.SHARED_RECORD, Action.READ, Target(tenant_path=tenant.path)
            )
            check = await service.check_answers(
                uow,
                form,
                _answers(answers),
                tenant_path=tenant.path,
                confirm_with_shared_data=may_confirm,
            )
        v = check.validation
        return ApplicationFormCheckType(
            ok=v.ok,
            errors=[FieldErrorType(path=e.path, code=e.code, message=e.message) for e in v.errors],
            answer_errors=[UserError.of_answer(e.path, e.code, e.message) for e in v.errors],
            dropped=list(v.dropped),
            materials=[MaterialCheckType.of(s) for s in check.materials],
            shared_data_checked=check.confirmations_checked,
        )


@strawberry.type(description="共享数据的推送")
class FormMutation:
    @strawberry.mutation(
        description="部门或数据中心推送共享数据记录（某人持有某材料）；需 integration"
    )
    async def shared_record_upsert(
        self,
        info: Info,
        input: Annotated[SharedRecordUpsertInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> SharedRecordPayload:
        async def work(uow: UnitOfWork) -> SharedRecordPayload:
            record = await upsert_shared_record(
                uow,
                tenant=input.tenant,
                evidence=input.evidence,
                subject_id_number=input.subject_id_number,
                issuer=input.issuer,
                reference=input.reference,
                valid_from=input.valid_from,
                valid_to=input.valid_to,
            )
            return SharedRecordPayload(record=SharedRecordType.of(record))

        return await run_mutation(info, SharedRecordPayload, work)
