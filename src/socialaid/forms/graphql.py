"""GraphQL: the merged form for a selection of items, checking answers against it, shared records."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from socialaid.access.decisions import is_allowed
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.forms import service
from socialaid.forms.compiled import CompiledForm, FormField, FormGroup, FormMaterial
from socialaid.forms.exemption import MaterialStatus
from socialaid.forms.models import SharedRecord
from socialaid.forms.service import FormCaches
from socialaid.forms.shared_records import upsert_shared_record
from socialaid.kernel.context import Info
from socialaid.kernel.runner import run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import Failable, UserError
from socialaid.tenancy.service import get_tenant


@strawberry.type(name="ItemPurposeEntry", description="某事项需要此项的理由")
class PurposeType:
    item: str
    purpose: str


@strawberry.type(name="FormFieldEntry", description="合并表单中的一个字段（按规范键去重）")
class FormFieldType:
    key: str
    label: str
    type: str
    section: str
    group: str | None
    sensitivity: str
    hint: str | None
    options: JSON
    required: bool = strawberry.field(description="是否无条件必填（否则看 requiredWhen）")
    required_by: list[str]
    visible_by: list[str]
    visible_when: JSON
    required_when: JSON
    constraints: JSON = strawberry.field(description="基础约束与各事项约束（allOf）")
    purposes: list[PurposeType]
    asked_for: list[str]

    @classmethod
    def of(cls, f: FormField) -> FormFieldType:
        return cls(
            key=f.key,
            label=f.label,
            type=f.type,
            section=f.section,
            group=f.group,
            sensitivity=f.sensitivity,
            hint=f.hint,
            options=as_json([{"code": o.code, "label": o.label} for o in f.options]),
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
    key: str
    label: str
    section: str
    min_items: int
    max_items: int | None
    visible_when: JSON
    visible_by: list[str]
    fields: list[str]
    purposes: list[PurposeType]

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


@strawberry.type(name="FormMaterialEntry", description="合并后的一份材料：一次上传服务所有事项")
class FormMaterialType:
    id: str
    code: str
    name: str
    subject: str
    subject_when: JSON | None
    required: bool
    required_when: JSON
    applies_when: JSON
    required_by: list[str]
    used_by: list[str]
    original: str
    exempt_via: JSON = strawberry.field(
        description="可免于提交的途径：共享数据、电子证照、个人承诺、容缺"
    )
    review_standards: JSON = strawberry.field(description="各部门的审查标准")

    @classmethod
    def of(cls, m: FormMaterial) -> FormMaterialType:
        return cls(
            id=m.id,
            code=m.evidence,
            name=m.name,
            subject=m.subject,
            subject_when=as_json(m.subject_when),
            required=m.required_when is True,
            required_when=as_json(m.required_when),
            applies_when=as_json(m.applies_when),
            required_by=list(m.required_by),
            used_by=list(m.used_by),
            original=m.original,
            exempt_via=as_json(
                [
                    {"via": r.via.value, "issuer": r.issuer, "allowedBy": list(r.allowed_by)}
                    for r in m.exempt_via
                ]
            ),
            review_standards=as_json(
                [
                    {
                        "item": r.item,
                        "department": r.department,
                        "standard": r.standard.model_dump(mode="json") if r.standard else None,
                    }
                    for r in m.reviews
                ]
            ),
        )


@strawberry.type(name="FormReduction", description="合并前（各事项相加）与合并后的字段、材料数")
class ReductionType:
    fields_before: int
    fields_after: int
    materials_before: int
    materials_after: int
    fields_saved: float
    materials_saved: float


@strawberry.type(name="ApplicationForm", description="一表申请、一套材料：所选事项合并后的表单")
class ApplicationFormType:
    form: strawberry.Private[CompiledForm]

    @strawberry.field(description="内容哈希：申请记录其填写所依据的表单")
    def hash(self) -> str:
        return self.form.content_hash

    @strawberry.field
    def tenant_code(self) -> str:
        return self.form.tenant

    @strawberry.field
    def as_of(self) -> date:
        return self.form.as_of

    @strawberry.field(description="所含事项（含因前置关系而加入的）")
    def items(self) -> JSON:
        return as_json(
            [
                {
                    "code": i.code,
                    "name": i.name,
                    "department": i.department,
                    "mode": i.mode,
                    "addedFor": list(i.added_for),
                }
                for i in self.form.items
            ]
        )

    @strawberry.field(description="提示：前置事项已加入或缺少、参数未设定等")
    def notes(self) -> JSON:
        return as_json(
            [
                {"code": n.code, "message": n.message, "items": list(n.items)}
                for n in self.form.notes
            ]
        )

    @strawberry.field(description="先问的情形问题：条件所用的每个变量")
    def situation_questions(self) -> JSON:
        return as_json(
            [
                {"key": q.key, "label": q.label, "askedFor": list(q.asked_for)}
                for q in self.form.questions
            ]
        )

    @strawberry.field
    def sections(self) -> JSON:
        return as_json(
            [
                {
                    "code": s.code,
                    "label": s.label,
                    "fields": list(s.fields),
                    "groups": list(s.groups),
                }
                for s in self.form.sections
            ]
        )

    @strawberry.field
    def fields(self) -> list[FormFieldType]:
        return [FormFieldType.of(f) for f in self.form.fields]

    @strawberry.field
    def repeat_groups(self) -> list[FormGroupType]:
        return [FormGroupType.of(g) for g in self.form.groups]

    @strawberry.field
    def materials(self) -> list[FormMaterialType]:
        return [FormMaterialType.of(m) for m in self.form.materials]

    @strawberry.field(
        description="JSON Schema 2020-12，含 JSONLogic 的 x-visibleWhen / x-requiredWhen"
    )
    def json_schema(self) -> JSON:
        return as_json(self.form.json_schema)

    @strawberry.field
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
    path: str
    code: str
    message: str


@strawberry.type(name="MaterialCheck", description="一份材料对某个人的状态")
class MaterialCheckType:
    material: str
    code: str
    subject: str
    subject_path: str | None
    status: str = strawberry.field(
        description="upload_required / optional / exempt / deferred / personal_commitment / not_applicable"
    )
    reason: str
    required_by: list[str]
    exempt_via: str | None
    issuer: str | None

    @classmethod
    def of(cls, s: MaterialStatus) -> MaterialCheckType:
        c = s.confirmation
        return cls(
            material=s.material,
            code=s.evidence,
            subject=s.subject,
            subject_path=s.subject_path,
            status=s.state.value,
            reason=s.reason,
            required_by=list(s.required_by),
            exempt_via=c.via.value if c else None,
            issuer=c.issuer if c else None,
        )


@strawberry.type(name="ApplicationFormCheck")
class ApplicationFormCheckType:
    ok: bool
    errors: list[FieldErrorType] = strawberry.field(
        deprecation_reason=(
            "改用 answerErrors：与变更结果的 errors 同一形状（UserError：path 为列表，"
            "detailCode 为此处的 code）"
        )
    )
    answer_errors: list[UserError] = strawberry.field(
        description="答案错误，每个字段一条：code 为 INVALID_INPUT，path 以 answers 开头，"
        "detailCode 为字段的校验代码"
    )
    dropped: list[str] = strawberry.field(description="因不可见而被丢弃的答案路径")
    materials: list[MaterialCheckType]
    shared_data_checked: bool = strawberry.field(
        description="是否已查询共享数据（匿名调用不查询，以免泄露他人信息）"
    )


@strawberry.type(name="SharedRecord")
class SharedRecordType:
    tenant_code: str
    evidence: str
    subject_hint: str
    issuer: str
    reference: str | None
    valid_from: date | None
    valid_to: date | None

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


@strawberry.input
class SharedRecordUpsertInput:
    tenant: str
    evidence: str
    subject_id_number: str
    issuer: str
    reference: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@strawberry.type
class SharedRecordPayload(Failable):
    record: SharedRecordType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _answers(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@strawberry.type
class FormQuery:
    @strawberry.field(description="所选事项合并后的一张表单、一套材料（公开）")
    async def application_form(
        self, info: Info, tenant: str, items: list[str], as_of: date | None = None
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

    @strawberry.field(description="按表单哈希检查答案：字段错误与每份材料的状态")
    async def application_form_check(
        self, info: Info, hash: str, answers: JSON
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


@strawberry.type
class FormMutation:
    @strawberry.mutation(
        description="部门或数据中心推送共享数据记录（某人持有某材料）；需 integration"
    )
    async def shared_record_upsert(
        self, info: Info, input: SharedRecordUpsertInput
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
